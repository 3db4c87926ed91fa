// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { TextRunsBuilder } from '../extraction/text-runs.ts';
import { liveRange, mapFromRuns, type TextMap } from './text-map.ts';

/** The words a highlight's range covers, or null when there is none. */
const textOf = (range: StaticRange | null | undefined) => (range ? liveRange(range).toString() : null);

/** A map over the paragraphs of a small page, as extraction builds it. */
function mapOf(html: string) {
  document.body.innerHTML = html;
  const builder = new TextRunsBuilder();
  const nodes: Text[] = [];
  for (const paragraph of document.querySelectorAll('p')) {
    builder.startBlock('paragraph');
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes.push(node as Text);
      builder.append(nodes.length - 1, (node as Text).data);
    }
  }
  const { text, runs } = builder.finish();
  return {
    text,
    map: mapFromRuns(
      runs,
      nodes,
      nodes.map((node) => node.data),
      text,
    ) as TextMap,
  };
}

function rangeBetween(start: [Node, number], end: [Node, number]): Range {
  const range = document.createRange();
  range.setStart(...start);
  range.setEnd(...end);
  return range;
}

describe('TextMap.spanOf', () => {
  const html = '<p id="a">Han   Dong <b>denied</b> it.</p><aside id="x">Advert</aside><p id="b">Mr Tao did not.</p>';

  it('turns a selection inside the text into its span', () => {
    const { text, map } = mapOf(html);
    const denied = document.querySelector('b')?.firstChild as Text;
    const span = map.spanOf(rangeBetween([denied, 0], [denied, 6]));
    expect(span && text.slice(span.start, span.end)).toBe('denied');
  });

  it('moves ends that sit on elements or outside the article inward to the article text', () => {
    const { text, map } = mapOf(html);
    const advert = document.getElementById('x')?.firstChild as Text;
    const second = document.getElementById('b') as HTMLElement;
    // From the middle of the advert (not in the article) to the end of the second paragraph, given on the element.
    const span = map.spanOf(rangeBetween([advert, 2], [second, second.childNodes.length]));
    expect(span && text.slice(span.start, span.end)).toBe('Mr Tao did not.');
    // A triple-click selection: from the start of a paragraph to the start of the next one.
    const first = document.getElementById('a') as HTMLElement;
    const paragraph = map.spanOf(rangeBetween([first, 0], [second, 0]));
    expect(paragraph && text.slice(paragraph.start, paragraph.end)).toBe('Han Dong denied it.');
  });

  it('answers null for a selection with none of the article in it', () => {
    const { map } = mapOf(html);
    const advert = document.getElementById('x')?.firstChild as Text;
    expect(map.spanOf(rangeBetween([advert, 0], [advert, 6]))).toBeNull();
    const collapsed = document.getElementById('b')?.firstChild as Text;
    expect(map.spanOf(rangeBetween([collapsed, 3], [collapsed, 3]))).toBeNull();
  });

  it('paints static ranges, and makes a live one within the nodes as they are now', () => {
    const { map } = mapOf(html);
    const range = map.rangeFor({ start: 0, end: 8 }) as StaticRange;
    expect(range).toBeInstanceOf(StaticRange);
    // The page shortened the node since: the live Range keeps to what is left of it.
    (range.endContainer as Text).data = 'Han';
    expect(liveRange(range).toString()).toBe('Han');
  });

  it('maps collapsed whitespace to the one space the text keeps', () => {
    const { text, map } = mapOf(html);
    expect(text.startsWith('Han Dong denied it.\n\nMr Tao did not.')).toBe(true);
    expect(textOf(map.rangeFor({ start: 0, end: 8 }))).toBe('Han   Dong');
  });
});

describe('mapFromRuns', () => {
  it('drops the runs of a node whose text changed, or that left the page, since the snapshot', () => {
    const { text } = mapOf('<p id="a">Han Dong denied it.</p><p id="b">Mr Tao did not.</p><p id="c">Nor Spavor.</p>');
    const span = (phrase: string) => ({ start: text.indexOf(phrase), end: text.indexOf(phrase) + phrase.length });
    const nodes = ['a', 'b', 'c'].map((id) => document.getElementById(id)?.firstChild as Text);
    const data = nodes.map((node) => node.data);
    const runs = nodes.map((node, index) => ({
      start: span(node.data).start,
      end: span(node.data).end,
      node: index,
      nodeStart: 0,
    }));
    expect(textOf(mapFromRuns(runs, nodes, data, text)?.rangeFor(span('Dong')))).toBe('Dong');
    (nodes[0] as Text).data = 'Han Dong admitted it.';
    document.getElementById('b')?.remove();
    const after = mapFromRuns(runs, nodes, data, text) as TextMap;
    expect(after.rangeFor(span('Dong'))).toBeNull();
    expect(after.rangeFor(span('Tao'))).toBeNull();
    expect(textOf(after.rangeFor(span('Spavor')))).toBe('Spavor');
  });

  it('trusts no run when one holds other characters than the answer says, in a node that did not change', () => {
    const { text } = mapOf('<p id="a">Han\n Dong denied it.</p><p id="b">Mr Tao did not.</p>');
    const nodes = ['a', 'b'].map((id) => document.getElementById(id)?.firstChild as Text);
    const data = nodes.map((node) => node.data);
    const first = { start: 0, end: 'Han Dong denied it.'.length, node: 0, nodeStart: 0 };
    const second = { start: text.indexOf('Mr Tao'), end: text.length, node: 1, nodeStart: 0 };
    // "Han Dong" stands for "Han\n Dong" with its whitespace collapsed: not a run of one to one characters.
    expect(textOf(mapFromRuns([second], nodes, data, text)?.rangeFor({ start: second.start, end: second.end }))).toBe(
      'Mr Tao did not.',
    );
    expect(mapFromRuns([{ ...second, node: 0 }], nodes, data, text)).toBeNull();
    expect(mapFromRuns([{ ...first, end: 3 }, second], nodes, data, text)).not.toBeNull();
    expect(mapFromRuns([{ start: 3, end: 5, node: 0, nodeStart: 3 }], nodes, data, text)).toBeNull();
  });
});
