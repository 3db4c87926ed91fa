/**
 * Deleting with undo. A deletion is offered back for a few seconds in a toast: "Undo" (or Ctrl+Z)
 * puts it back. Some deletions can be reversed after the fact (a note is restored); others wait to
 * be carried out until the offer lapses, the reader starts another one, or the page is closed.
 */
import { type ComponentChildren, createContext } from 'preact';
import { useCallback, useContext, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { errorMessage } from '../error-message.ts';

export interface UndoOffer {
  /** What was done, for the toast: "Note deleted." */
  message: string;
  undo: () => Promise<unknown>;
  /** What to do once the offer lapses, for a deletion carried out only then. */
  commit?: () => Promise<unknown>;
}

const offerSeconds = 8;

const UndoContext = createContext<(offer: UndoOffer) => void>(() => {
  throw new Error('useUndo needs an UndoProvider');
});

/** Offers a done (or pending) deletion back to the reader. */
export function useUndo(): (offer: UndoOffer) => void {
  return useContext(UndoContext);
}

export function UndoProvider({ children }: { children: ComponentChildren }) {
  const [offer, setOffer] = useState<UndoOffer | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const current = useRef<UndoOffer | null>(null);

  const settle = useCallback((action: 'undo' | 'commit') => {
    const settled = current.current;
    current.current = null;
    setOffer(null);
    const run = action === 'undo' ? settled?.undo : settled?.commit;
    run?.().catch((error: unknown) =>
      setProblem(`${action === 'undo' ? 'Could not undo' : 'Could not delete'}: ${errorMessage(error)}`),
    );
  }, []);

  const offerUndo = useCallback(
    (next: UndoOffer) => {
      if (current.current) settle('commit');
      current.current = next;
      setProblem(null);
      setOffer(next);
    },
    [settle],
  );

  // Listening from the render that shows the offer: a Ctrl+Z right after the deletion is not missed.
  useLayoutEffect(() => {
    if (!offer) return undefined;
    const lapse = setTimeout(() => settle('commit'), offerSeconds * 1000);
    const undoKey = (event: KeyboardEvent) => {
      const typing = event.target instanceof HTMLElement && event.target.closest('input, textarea, [contenteditable]');
      if (!typing && (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z') {
        event.preventDefault();
        settle('undo');
      }
    };
    const closing = () => settle('commit');
    addEventListener('keydown', undoKey);
    addEventListener('pagehide', closing);
    return () => {
      clearTimeout(lapse);
      removeEventListener('keydown', undoKey);
      removeEventListener('pagehide', closing);
    };
  }, [offer, settle]);

  return (
    <UndoContext.Provider value={offerUndo}>
      {children}
      <div class="toast-region" role="status" aria-live="polite">
        {offer && (
          <div class="toast">
            <span class="toast__message">{offer.message}</span>
            <button type="button" class="button button--quiet" onClick={() => settle('undo')}>
              Undo
            </button>
          </div>
        )}
        {problem && (
          <div class="toast toast--problem">
            <span class="toast__message">{problem}</span>
            <button type="button" class="button button--quiet" onClick={() => setProblem(null)}>
              Dismiss
            </button>
          </div>
        )}
      </div>
    </UndoContext.Provider>
  );
}
