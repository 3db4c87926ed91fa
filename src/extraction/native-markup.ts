/**
 * A native page snapshot (the browser's own `outerHTML` of the article area) rewritten into the
 * compact markup the page's writer produces (compact-markup.ts), so the article is found exactly as
 * from a written snapshot, with each written Text node tied to its place in the page's list.
 *
 * Serialising and reading back is not always the identity on the Text nodes a TreeWalker sees:
 * adjacent Text nodes come back as one, empty ones vanish, a `<template>`'s content is serialised
 * though no walker enters it, the text of raw-text elements (script, style, noscript...) is written
 * unescaped and can hold what looks like a tag, comments and CDATA sections are not Text, text is
 * escaped (`&amp;`, `&nbsp;`...) and must be decoded, and a void element's scripted children or a
 * comment holding `-->` are not written back as they are in the page. The page sends the length of
 * each of its Text nodes: every stretch of text here must split exactly into the next lengths, and
 * all of them must be used. Where they do not, the answer is null and the page sends a written
 * snapshot instead. (The page also checks every character it is answered with against its nodes.)
 *
 * The markup is the page's and untrusted: it is only ever read as text here, and whatever it holds
 * is written back escaped, as the page's writer would.
 */
import { finish } from '../analysis/analyse.ts';
import type { NativeSnapshot, PageSnapshot } from '../page/page-snapshot.ts';
import { skippedTags, tagNameFor, textSeparator, voidTags, writtenAttributes, writtenText } from './compact-markup.ts';

export interface RewrittenSnapshot {
  snapshot: PageSnapshot;
  /** For each Text node of the rewritten snapshot, its position in the page's list (the native snapshot's lengths). */
  pageIndex: number[];
  /**
   * How much text the markup holds as the page's Text nodes, scripts' and styles' left out: as the
   * page counts it (src/extraction/snapshot-size.ts), but read from the markup, where the page's
   * count rests on what it says it removed.
   */
  textLength: number;
}

/** How much markup the rewrite reads between pauses: about 50 ms of a page's attribute-heavy markup here. */
const charactersPerStep = 500_000;

/** What the HTML serialisation writes without an end tag. */
const serialisedVoid = new Set([...voidTags, 'basefont', 'bgsound', 'frame', 'keygen']);
/** Elements whose text the serialisation writes as it is, unescaped, up to their end tag. */
const rawTextTags = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext', 'noscript']);
const tagName = /[^\s/>]+/y;
const attribute = /\s+([^\s=>]+)="([^"]*)"/y;
const startTagEnd = /\s*>/y;
const textEntities = /&(amp|lt|gt|nbsp);/g;
const attributeEntities = /&(amp|lt|gt|nbsp|quot);/g;
const decoded: Record<string, string> = { amp: '&', lt: '<', gt: '>', nbsp: '\u00a0', quot: '"' };
const decode = (text: string, entities: RegExp) =>
  text.includes('&') ? text.replace(entities, (_, name: string) => decoded[name] as string) : text;

interface OpenElement {
  name: string;
  /** The end tag written for it, or null when it is left out (skipped, or inside something skipped). */
  written: string | null;
  skipped: boolean;
  template: boolean;
  foreign: boolean;
}

/** The compact snapshot of a native one, or null when its markup does not line up with the page's Text nodes. */
export function rewriteNativeSnapshot(native: NativeSnapshot): RewrittenSnapshot | null {
  return finish(rewriteSteps(native));
}

/** The same, as steps: a page's markup may run to millions of characters, and the background answers others between them. */
export function* rewriteSteps(native: NativeSnapshot): Generator<void, RewrittenSnapshot | null> {
  const { markup, lengths, removed } = native;
  const out: string[] = [native.before];
  const pageIndex: number[] = [];
  const open: OpenElement[] = [];
  let next = 0; // The page's next Text node.
  let skipping = 0; // How many open elements are left out.
  let inTemplate = 0; // How many open templates: their content is no Text node of the page's.
  let foreign = 0; // How many open SVG or MathML elements: there a `<style>` is no raw-text element.
  let lastWasText = false;
  let removal = 0; // The next of the page's removals.
  let textLength = 0;

  /** The length of the text the page removed at `position` of the markup, if it removed one there. */
  const removedAt = (position: number): number | null => {
    // Removals the reading did not meet were inside comments: no Text node of the page's.
    while (removal < removed.length && (removed[removal] as number) < position) removal += 2;
    if (removed[removal] !== position) return null;
    removal += 2;
    return removed[removal - 1] as number;
  };

  /** How many of the page's next Text nodes `length` characters span exactly, or -1. */
  const span = (length: number): number => {
    let covered = 0;
    let count = 0;
    while (covered < length) {
      const nodeLength = lengths[next + count];
      if (nodeLength === undefined) return -1;
      covered += nodeLength;
      count++;
    }
    return covered === length ? count : -1;
  };

  /** Takes one stretch of text; false when it does not line up. */
  const text = (data: string): boolean => {
    if (data.length === 0 || inTemplate > 0) return true;
    const count = span(data.length);
    if (count < 0) return false;
    textLength += data.length;
    let offset = 0;
    for (let index = next; index < next + count; index++) {
      const length = lengths[index] as number;
      if (skipping === 0) {
        const piece = data.slice(offset, offset + length);
        out.push(lastWasText ? textSeparator + writtenText(piece) : writtenText(piece));
        pageIndex.push(index);
        lastWasText = true;
      }
      offset += length;
    }
    next += count;
    return true;
  };

  let at = 0;
  let pauseAt = charactersPerStep;
  while (at < markup.length) {
    if (at >= pauseAt) {
      yield;
      pauseAt = at + charactersPerStep;
    }
    const tag = markup.indexOf('<', at);
    const end = tag < 0 ? markup.length : tag;
    if (end > at && !text(decode(markup.slice(at, end), textEntities))) return null;
    if (tag < 0) break;
    at = tag;
    if (markup.startsWith('<!--', at)) {
      const close = markup.indexOf('-->', at + 4);
      if (close < 0) return null;
      at = close + 3;
    } else if (markup.startsWith('<![CDATA[', at)) {
      // A CDATA section (in SVG or MathML) is no Text node to a walker that shows text.
      const close = markup.indexOf(']]>', at);
      if (close < 0) return null;
      at = close + 3;
    } else if (markup[at + 1] === '!' || markup[at + 1] === '?') {
      const close = markup.indexOf('>', at); // A doctype or a processing instruction.
      if (close < 0) return null;
      at = close + 1;
    } else if (markup[at + 1] === '/') {
      const close = markup.indexOf('>', at);
      if (close < 0) return null;
      const name = markup.slice(at + 2, close);
      at = close + 1;
      if (open.at(-1)?.name === name) {
        closeElement(open.pop() as OpenElement);
      } else if (open.some((element) => element.name === name)) {
        return null;
      }
      // Else the end tag of an element read as void (an SVG `<link>`, say): it held nothing.
    } else {
      const element = readStartTag(at + 1);
      if (!element) return null;
      at = element.end;
      const { name, attributes } = element;
      // The serialisation writes an HTML element's local name, as the page's writer reads it (`fb:like`
      // from the HTML parser included); only elements of other namespaces made by a script differ.
      const skipped = skipping > 0 || skippedTags.has(name);
      let written: string | null = null;
      if (!skipped) {
        const tagWritten = tagNameFor(name);
        const attributeText = writtenAttributes(name, (attributeName) => attributes.get(attributeName) ?? null, true);
        lastWasText = false;
        if (voidTags.has(name)) {
          out.push(`<${tagWritten}${attributeText}/>`);
        } else {
          out.push(`<${tagWritten}${attributeText}>`);
          written = `</${tagWritten}>`;
        }
      }
      if (serialisedVoid.has(name)) {
        if (written) out.push(written);
        continue;
      }
      const opened: OpenElement = {
        name,
        written,
        skipped,
        template: name === 'template',
        foreign: name === 'svg' || name === 'math',
      };
      if (skipped) skipping++;
      if (opened.template) inTemplate++;
      if (opened.foreign) foreign++;
      const removedLength = removedAt(at);
      if (removedLength !== null) {
        // Script or style text the page took out of the markup (in SVG too, where it was written
        // escaped: it lines up when it held nothing to escape). Its nodes are passed over.
        const close = `</${name}>`;
        if (!markup.startsWith(close, at) || !skipped) return null;
        if (inTemplate === 0) {
          const count = span(removedLength);
          if (count < 0) return null;
          next += count;
        }
        at += close.length;
        closeElement(opened);
      } else if (rawTextTags.has(name) && foreign === 0) {
        const close = markup.indexOf(`</${name}>`, at);
        if (close < 0) return null;
        const raw = markup.slice(at, close);
        if (name === 'noscript' && span(raw.length) < 0) {
          // Where scripting is off, a noscript's content is markup, not text: read it as such.
          open.push(opened);
          continue;
        }
        if (!text(raw)) return null;
        at = close + name.length + 3;
        closeElement(opened);
      } else {
        open.push(opened);
      }
    }
  }
  if (open.length > 0 || next !== lengths.length) return null;
  out.push(native.after);
  return { snapshot: { html: out.join(''), texts: pageIndex.length, scoped: native.scoped }, pageIndex, textLength };

  function closeElement(element: OpenElement): void {
    if (element.written) {
      out.push(element.written);
      lastWasText = false;
    }
    if (element.template) inTemplate--;
    if (element.foreign) foreign--;
    if (element.skipped) skipping--;
  }

  function readStartTag(from: number): { name: string; attributes: Map<string, string>; end: number } | null {
    tagName.lastIndex = from;
    const name = tagName.exec(markup)?.[0];
    if (!name) return null;
    const attributes = new Map<string, string>();
    let cursor = from + name.length;
    for (;;) {
      attribute.lastIndex = cursor;
      const found = attribute.exec(markup);
      if (!found) break;
      attributes.set(found[1] as string, decode(found[2] as string, attributeEntities));
      cursor = attribute.lastIndex;
    }
    startTagEnd.lastIndex = cursor;
    if (!startTagEnd.test(markup)) return null;
    return { name, attributes, end: startTagEnd.lastIndex };
  }
}
