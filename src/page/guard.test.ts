import { afterEach, describe, expect, it, vi } from 'vitest';
import { detached, guarded } from './guard.ts';
import { MainThreadMeter } from './main-thread.ts';

afterEach(() => vi.restoreAllMocks());

describe('guarded', () => {
  it('keeps a failing listener’s error from the page, logging it quietly, and counts its time', () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const meter = new MainThreadMeter();
    const listener = guarded(meter, 'hover', () => {
      throw new Error('broken');
    });
    expect(() => listener()).not.toThrow();
    expect(debug).toHaveBeenCalledWith('[Crosscheck] hover:', expect.objectContaining({ message: 'broken' }));
    expect(meter.use.slices).toBe(1);
  });

  it('says nothing about work that was stopped on purpose', async () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const controller = new AbortController();
    controller.abort();
    detached('analysis', Promise.reject(controller.signal.reason as DOMException));
    detached('ingest', Promise.reject(new Error('store unavailable')));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(debug).toHaveBeenCalledTimes(1);
    expect(debug).toHaveBeenCalledWith('[Crosscheck] ingest:', expect.any(Error));
  });
});
