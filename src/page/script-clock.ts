/**
 * The first of the content script's two files, and all of it: the time the extension began to cost
 * the page. The browser compiles each file just before it runs it, so this clock starts before the
 * main bundle is compiled, and the page's thread time spent compiling that bundle counts as the
 * extension's, with evaluating it (see script-start.ts). Both files run in the content script's own
 * world: the page cannot see or set the clock.
 */
import { scriptClockKey } from './script-clock-key.ts';

(globalThis as Record<string, unknown>)[scriptClockKey] = performance.now();
