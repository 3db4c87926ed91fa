import { describe, expect, it } from 'vitest';
import { scriptClockKey } from './script-clock-key.ts';
import { takeScriptClock } from './script-start.ts';

describe('takeScriptClock', () => {
  it("takes the time the content script's first file left, and leaves nothing behind", () => {
    const global: Record<string, unknown> = { [scriptClockKey]: 12.5 };
    expect(takeScriptClock(global)).toBe(12.5);
    expect(global).not.toHaveProperty(scriptClockKey);
  });

  it('starts the clock now when there was no first file', () => {
    const before = performance.now();
    const clock = takeScriptClock({});
    expect(clock).toBeGreaterThanOrEqual(before);
    expect(clock).toBeLessThanOrEqual(performance.now());
  });

  it('does not take what is not a time', () => {
    const before = performance.now();
    expect(takeScriptClock({ [scriptClockKey]: 'soon' })).toBeGreaterThanOrEqual(before);
  });
});
