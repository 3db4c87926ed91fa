import { describe, expect, it, vi } from 'vitest';
import type { PanelProps } from './card-panel.tsx';
import type { CardSurface } from './card-surface.ts';
import { LazyCardView } from './lazy-card-view.ts';

/** A view that records what it was asked to do. */
function recordingView(): CardSurface & { calls: string[] } {
  let shown = false;
  const calls: string[] = [];
  return {
    calls,
    get isShown() {
      return shown;
    },
    owns: () => shown,
    show(panel, anchor, options) {
      shown = true;
      calls.push(`show ${panel.state.view} at ${anchor.top} focus ${options.focus}`);
    },
    update(panel) {
      calls.push(`update ${panel.state.view}`);
    },
    reposition(anchor) {
      calls.push(`reposition ${anchor.top}`);
    },
    hide() {
      shown = false;
      calls.push('hide');
    },
  };
}

const panel = (view: 'selection' | 'editor'): PanelProps => ({
  state:
    view === 'selection'
      ? { view }
      : { view, heading: 'Note', draft: { body: '', tags: '', colour: 'yellow' }, saving: false, error: null },
  theme: 'light',
  actions: { addNote: vi.fn(), editNote: vi.fn(), deleteNote: vi.fn() },
  editor: { change: vi.fn(), save: vi.fn(), cancel: vi.fn() },
  noteSelection: vi.fn(),
});

/** Where a card is placed: only `top` matters here. */
const at = (top: number) => ({ top, bottom: top + 10, left: 0, right: 10 }) as DOMRect;

/** A loader the test resolves or rejects when it likes. */
function deferredLoader() {
  let settle: { resolve: (view: CardSurface) => void; reject: (error: Error) => void } | null = null;
  const load = vi.fn(
    () =>
      new Promise<CardSurface>((resolve, reject) => {
        settle = { resolve, reject };
      }),
  );
  return {
    load,
    resolve: async (view: CardSurface) => {
      settle?.resolve(view);
      await vi.waitFor(() => expect(load).toHaveBeenCalled());
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
    reject: async (error: Error) => {
      settle?.reject(error);
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
}

describe('the card view loaded when the first card opens', () => {
  it('loads nothing until a card is asked for, and loads once however many are asked for meanwhile', async () => {
    const loader = deferredLoader();
    const lazy = new LazyCardView(loader.load, vi.fn());
    expect(loader.load).not.toHaveBeenCalled();
    expect(lazy.isShown).toBe(false);
    lazy.show(panel('selection'), at(10), { focus: false });
    lazy.show(panel('editor'), at(20), { focus: true });
    expect(lazy.isShown).toBe(true);
    expect(loader.load).toHaveBeenCalledTimes(1);
    const view = recordingView();
    await loader.resolve(view);
    // Only the card asked for last is shown, where and as it was last asked for.
    expect(view.calls).toEqual(['show editor at 20 focus true']);
  });

  it('shows the card as it stands once loaded: its content updated and its words scrolled meanwhile', async () => {
    const loader = deferredLoader();
    const lazy = new LazyCardView(loader.load, vi.fn());
    lazy.show(panel('selection'), at(10), { focus: false });
    lazy.update(panel('editor'));
    lazy.reposition(at(42));
    const view = recordingView();
    await loader.resolve(view);
    expect(view.calls).toEqual(['show editor at 42 focus false']);
    // From then on, straight through.
    lazy.update(panel('selection'));
    lazy.hide();
    expect(view.calls.slice(1)).toEqual(['update selection', 'hide']);
    expect(lazy.isShown).toBe(false);
  });

  it('shows nothing when the card was closed before its view arrived', async () => {
    const loader = deferredLoader();
    const lazy = new LazyCardView(loader.load, vi.fn());
    lazy.show(panel('selection'), at(10), { focus: false });
    lazy.hide();
    expect(lazy.isShown).toBe(false);
    const view = recordingView();
    await loader.resolve(view);
    expect(view.calls).toEqual([]);
    expect(view.isShown).toBe(false);
  });

  it('says why when the view does not load, opens no card, and tries again on the next', async () => {
    const first = deferredLoader();
    const problems: unknown[] = [];
    let attempt = 0;
    const view = recordingView();
    const lazy = new LazyCardView(
      () => (++attempt === 1 ? first.load() : Promise.resolve(view)),
      (error) => problems.push(error),
    );
    lazy.show(panel('selection'), at(10), { focus: false });
    await first.reject(new Error('card-view.js could not be fetched'));
    expect(problems).toEqual([new Error('card-view.js could not be fetched')]);
    expect(lazy.isShown).toBe(false);
    lazy.show(panel('editor'), at(30), { focus: false });
    await vi.waitFor(() => expect(view.calls).toEqual(['show editor at 30 focus false']));
    expect(attempt).toBe(2);
  });
});
