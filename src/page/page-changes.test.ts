// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MainThreadMeter } from './main-thread.ts';
import { markOwn } from './own-nodes.ts';
import { watchPageChanges } from './page-changes.ts';

beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML = '<article><p>First post.</p></article>';
});
afterEach(() => vi.useRealTimers());

function watch(options: { quietMs?: number; maxWaitMs?: number } = {}) {
  const controller = new AbortController();
  const onChange = vi.fn();
  watchPageChanges({ document, meter: new MainThreadMeter(), signal: controller.signal, onChange, ...options });
  return { onChange, controller };
}

/** Lets the MutationObserver deliver its records (a microtask), then moves the clock. */
async function elapse(ms: number) {
  await Promise.resolve();
  await vi.advanceTimersByTimeAsync(ms);
}

describe('watchPageChanges', () => {
  it('reports text that arrives, once the page has been quiet for a moment', async () => {
    const { onChange } = watch({ quietMs: 600 });
    const post = Object.assign(document.createElement('p'), { textContent: 'A new post on the live blog.' });
    document.querySelector('article')?.prepend(post);
    await elapse(500);
    expect(onChange).not.toHaveBeenCalled();
    await elapse(200);
    expect(onChange).toHaveBeenCalledExactlyOnceWith({ addressChanged: false });
  });

  it('does not wait for ever on a page that never stops changing', async () => {
    const { onChange } = watch({ quietMs: 600, maxWaitMs: 2000 });
    for (let i = 0; i < 10; i++) {
      document.querySelector('p')?.append(` update ${i}`);
      await elapse(300);
    }
    expect(onChange).toHaveBeenCalled();
    expect(vi.getTimerCount()).toBeLessThanOrEqual(1);
  });

  it('ignores changes that carry no text, and its own card', async () => {
    const { onChange } = watch();
    document.body.append(document.createElement('script'), document.createElement('img'));
    document.body.append(Object.assign(document.createElement('div'), { className: 'ad' }));
    const card = document.createElement('div');
    markOwn(card);
    document.body.append(card);
    card.append('Han Dong');
    await elapse(5000);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('knows its card by identity: a page element that copies its name and attribute is the page’s text', async () => {
    const { onChange } = watch();
    const lookalike = document.createElement('div');
    lookalike.setAttribute('data-crosscheck-card', '');
    lookalike.append('Han Dong resigned.');
    document.body.append(lookalike);
    await elapse(1000);
    expect(onChange).toHaveBeenCalledExactlyOnceWith({ addressChanged: false });
  });

  it('says when the page moved to another address', async () => {
    const { onChange } = watch();
    history.pushState({}, '', '/news/another-story');
    document.querySelector('p')?.replaceChildren('Another story entirely.');
    await elapse(1000);
    expect(onChange).toHaveBeenCalledExactlyOnceWith({ addressChanged: true });
  });

  it('stops watching when aborted', async () => {
    const { onChange, controller } = watch();
    document.querySelector('p')?.append(' more');
    controller.abort();
    document.querySelector('p')?.append(' and more');
    await elapse(5000);
    expect(onChange).not.toHaveBeenCalled();
  });
});
