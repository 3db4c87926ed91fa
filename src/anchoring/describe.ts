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
      prefix: text.slice(Math.max(0, start - contextLength), start),
      suffix: text.slice(end, end + contextLength),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, Math.trunc(value)));
}
