import type { Span } from '../analysis/types.ts';
import { contextLength, type TextSelectors } from './selectors.ts';

/** The selectors that remember `span` of `text`, clamped to the text. */
export function describeSpan(text: string, span: Span): Required<TextSelectors> {
  const start = clamp(Math.min(span.start, span.end), 0, text.length);
  const end = clamp(Math.max(span.start, span.end), 0, text.length);
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(wholeCharacterAt(text, Math.max(0, start - contextLength), 1), start),
      suffix: text.slice(end, wholeCharacterAt(text, Math.min(text.length, end + contextLength), -1)),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

/**
 * `at`, or one unit `toward` the quote when `at` falls inside a character of two UTF-16 units (an
 * emoji): the context holds whole characters, which every exporter and reader can encode.
 */
function wholeCharacterAt(text: string, at: number, toward: 1 | -1): number {
  const splitsPair = isHighSurrogate(text.charCodeAt(at - 1)) && isLowSurrogate(text.charCodeAt(at));
  return splitsPair ? at + toward : at;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, Math.trunc(value)));
}
