import { describe, expect, it } from 'vitest';
import { CooperativeWork, MainThreadMeter } from './main-thread.ts';

/** A clock the test moves by hand, and a record of when the work gave the thread back. */
function harness(sliceMs = 8) {
  let time = 0;
  const yields: number[] = [];
  const meter = new MainThreadMeter(() => time);
  const controller = new AbortController();
  const work = new CooperativeWork(meter, controller.signal, {
    sliceMs,
    yieldToPage: () => {
      yields.push(time);
      time += 100; // The page runs for a while; none of it is ours.
      return Promise.resolve();
    },
  });
  return { meter, work, controller, yields, advance: (ms: number) => (time += ms) };
}

describe('CooperativeWork', () => {
  it('runs steps in slices no longer than the budget plus one step, and counts only its own time', async () => {
    const { meter, work, yields, advance } = harness(8);
    function* steps() {
      for (let i = 0; i < 10; i++) {
        advance(3);
        yield;
      }
      return 'done';
    }
    await expect(work.run(steps())).resolves.toBe('done');
    work.finish();
    expect(yields).toHaveLength(3); // After 9, 18 and 27 ms of steps.
    expect(meter.use).toEqual({ busyMs: 30, longestSliceMs: 9, slices: 4 });
  });

  it('does not count time spent waiting for another context', async () => {
    const { meter, work, advance } = harness();
    work.begin();
    advance(2);
    let reply: (value: string) => void = () => undefined;
    const waiting = work.wait(new Promise<string>((resolve) => (reply = resolve)));
    advance(500); // The background takes its time; the page's thread is free meanwhile.
    reply('reply');
    const answer = await waiting;
    advance(1);
    work.finish();
    expect(answer).toBe('reply');
    expect(meter.use).toEqual({ busyMs: 3, longestSliceMs: 2, slices: 2 });
  });

  it('stops at the next pause once aborted', async () => {
    const { work, controller, advance } = harness(1);
    let ran = 0;
    function* steps() {
      for (;;) {
        ran++;
        advance(2);
        if (ran === 3) controller.abort(new Error('switched off'));
        yield;
      }
    }
    await expect(work.run(steps())).rejects.toThrow('switched off');
    expect(ran).toBe(3);
  });

  it('measures an event handler as one slice', () => {
    const { meter, advance } = harness();
    expect(meter.measure(() => advance(4))).toBe(4);
    expect(meter.use).toEqual({ busyMs: 4, longestSliceMs: 4, slices: 1 });
  });
});
