import { useLayoutEffect, useState } from 'preact/hooks';
import type { ExtensionRequest, ResponseTo, StoreTopic } from '../messaging/contract.ts';
import { sendToBackground } from '../messaging/send.ts';
import { errorMessage } from '../error-message.ts';
import { onStoreChange } from './store-events.ts';

export interface QueryState<T> {
  /** The latest answer; while a new request is on its way, the previous one when `keepPrevious`. */
  value: T | undefined;
  loading: boolean;
  /** Why the latest request failed; `value` then still holds what was shown before. */
  error: string | null;
}

/**
 * Asks the background, and asks again whenever it announces a change to one of `topics`: the view
 * stays live without a reload. Answers to a superseded request are dropped, and changes that arrive
 * while a request is out are folded into one more request.
 */
export function useStoreQuery<R extends ExtensionRequest>(
  request: R | null,
  topics: readonly StoreTopic[],
  { keepPrevious = false } = {},
): QueryState<ResponseTo<R>> {
  const [state, setState] = useState<QueryState<ResponseTo<R>>>({ value: undefined, loading: true, error: null });
  const key = request && JSON.stringify(request);
  const topicKey = topics.join();

  // A layout effect: the request goes out as soon as the view renders with it, not after the next
  // frame, so that a popup whose view waits on two answers in a row shows its content a frame or two sooner.
  useLayoutEffect(() => {
    if (request === null) return undefined;
    const controller = new AbortController();
    let running = false;
    let again = false;
    const run = async () => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      do {
        again = false;
        setState((previous) => ({ ...previous, loading: true }));
        try {
          const value = await sendToBackground(request);
          if (!controller.signal.aborted) setState({ value, loading: false, error: null });
        } catch (error) {
          if (!controller.signal.aborted) {
            setState((previous) => ({ ...previous, loading: false, error: errorMessage(error) }));
          }
        }
      } while (again && !controller.signal.aborted);
      running = false;
    };
    setState((previous) => ({ value: keepPrevious ? previous.value : undefined, loading: true, error: null }));
    void run();
    onStoreChange((changed) => {
      if (changed.some((topic) => topics.includes(topic))) void run();
    }, controller.signal);
    return () => controller.abort();
    // The request and topics are compared by value: callers build them afresh on every render.
  }, [key, topicKey, keepPrevious]);

  return state;
}
