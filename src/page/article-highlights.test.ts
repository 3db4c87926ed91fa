// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { DocumentAnalysis, Mention } from '../analysis/types.ts';
import { ArticleHighlights } from './article-highlights.ts';
import { highlightLayers, type HighlightRegistry } from './highlight-layers.ts';
import { TextRunsBuilder } from '../extraction/text-runs.ts';
import { liveRange, mapFromRuns, type TextMap } from './text-map.ts';

const sentences = [
  'By Maya Lindqvist',
  'Han Dong has been accused of lobbying a Chinese diplomat.',
  'Mr Dong has denied the allegations against him.',
];

/** A page of paragraphs, its text map, and layers that record what they hold (jsdom has no highlight registry). */
function setUp() {
  document.body.replaceChildren(
    ...sentences.map((sentence) => Object.assign(document.createElement('p'), { textContent: sentence })),
  );
  const builder = new TextRunsBuilder();
  const nodes = [...document.querySelectorAll('p')].map((paragraph) => paragraph.firstChild as Text);
  nodes.forEach((node, index) => {
    builder.startBlock('paragraph');
    builder.append(index, node.data);
  });
  const { text, runs } = builder.finish();
  const map = mapFromRuns(
    runs,
    nodes,
    nodes.map((node) => node.data),
    text,
  ) as TextMap;
  const layers = Object.fromEntries(highlightLayers.map((layer) => [layer, new Set<AbstractRange>()]));
  return { text, map, layers: layers as unknown as HighlightRegistry };
}

function mention(text: string, phrase: string, form: Mention['form'] = 'full'): Mention {
  const start = text.indexOf(phrase);
  return { start, end: start + phrase.length, text: phrase.replace(/^Mr /, ''), form };
}

function analysisOf(text: string): DocumentAnalysis {
  const sentence = (phrase: string) => ({ start: text.indexOf(phrase), end: text.indexOf(phrase) + phrase.length });
  return {
    text,
    blocks: [],
    groups: [],
    people: [
      {
        id: 'p1',
        name: 'Maya Lindqvist',
        role: 'byline',
        mentions: [mention(text, 'Maya Lindqvist')],
        variants: [],
        titles: [],
      },
      {
        id: 'p2',
        name: 'Han Dong',
        role: 'subject',
        mentions: [mention(text, 'Han Dong'), { ...mention(text, 'Mr Dong', 'titled'), title: 'Mr' }],
        variants: ['Han Dong', 'Dong'],
        titles: ['MP'],
      },
    ],
    allegations: [
      { stance: 'accused' as const, sentence: sentences[1] as string, cue: 'accused of' },
      { stance: 'denied' as const, sentence: sentences[2] as string, cue: 'denied' },
    ].map(({ stance, sentence: words, cue }) => ({
      ...sentence(words),
      text: words,
      stance,
      cue: sentence(cue),
      accused: ['p2'],
      attributedTo: [],
    })),
  };
}

/** The words each painted range covers (the layers hold StaticRanges). */
const words = (ranges: Iterable<AbstractRange>) => [...ranges].map((range) => liveRange(range).toString());

function drain(steps: Generator<void, void>): void {
  while (!steps.next().done);
}

describe('ArticleHighlights', () => {
  it('paints the story’s people, allegations and responses in their layers, and leaves bylines alone', () => {
    const { text, map, layers } = setUp();
    const highlights = new ArticleHighlights(layers, map);
    drain(highlights.placeAnalysis(analysisOf(text)));
    const painted = (layer: keyof HighlightRegistry) => words(layers[layer]);
    expect(painted('person')).toEqual(['Han Dong', 'Mr Dong']);
    expect(painted('allegation')).toEqual([sentences[1]]);
    expect(painted('response')).toEqual([sentences[2]]);
    expect(highlights.all.map((highlight) => liveRange(highlight.range).toString())).toEqual([
      'Han Dong',
      sentences[1],
      'Mr Dong',
      sentences[2],
    ]);
  });

  it('answers a caret position with the most specific highlight first', () => {
    const { text, map, layers } = setUp();
    const highlights = new ArticleHighlights(layers, map);
    drain(highlights.placeAnalysis(analysisOf(text)));
    const insideName = text.indexOf('Dong has been') + 1;
    expect(highlights.around(insideName).map((highlight) => highlight.target)).toEqual([
      { kind: 'person', person: 'p2' },
      { kind: 'allegation', allegation: 0 },
    ]);
    expect(highlights.around(text.indexOf('Lindqvist'))).toEqual([]);
  });

  it('steps through every highlight in reading order, both ways, wrapping around', () => {
    const { text, map, layers } = setUp();
    const highlights = new ArticleHighlights(layers, map);
    drain(highlights.placeAnalysis(analysisOf(text)));
    const visited: string[] = [];
    for (let i = 0; i < 5; i++) {
      const next = highlights.step(1);
      highlights.focus(next);
      visited.push(next ? liveRange(next.range).toString() : '');
    }
    expect(visited).toEqual(['Han Dong', sentences[1], 'Mr Dong', sentences[2], 'Han Dong']);
    expect(words(layers.focus)).toEqual(['Han Dong']);
    highlights.focus(highlights.step(-1));
    expect(highlights.focused && liveRange(highlights.focused.range).toString()).toBe(sentences[2]);
  });

  it('paints a note in its colour, repaints it when it changes, and removes it', () => {
    const { text, map, layers } = setUp();
    const highlights = new ArticleHighlights(layers, map);
    const span = { start: text.indexOf('lobbying'), end: text.indexOf('lobbying') + 'lobbying'.length };
    highlights.focus(highlights.placeNote('n1', 'green', span));
    expect(words(layers['note-green'])).toEqual(['lobbying']);
    highlights.placeNote('n1', 'pink', span);
    expect(layers['note-green'].size).toBe(0);
    expect(layers['note-pink'].size).toBe(1);
    highlights.removeNote('n1');
    expect(layers['note-pink'].size).toBe(0);
    expect(highlights.all).toEqual([]);
  });
});
