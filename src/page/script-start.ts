/**
 * When the content script began to cost the page. The manifest runs script-clock.ts first, which
 * starts the clock before the browser compiles this bundle; the entry imports this module first, so
 * the time from there until the page controller starts is what compiling and evaluating the bundle
 * (the message contract's schemas, Preact, the polyfill) costs the page's main thread: the extension
 * counts it as its own work. Without that first file (a test loading the bundle alone), the clock
 * starts here.
 */
import { scriptClockKey } from './script-clock-key.ts';

export function takeScriptClock(global: Record<string, unknown> = globalThis): number {
  const clock = global[scriptClockKey];
  delete global[scriptClockKey];
  return typeof clock === 'number' ? clock : performance.now();
}

export const scriptStartedAt = takeScriptClock();
