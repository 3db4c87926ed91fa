/** Deleting every article, person, claim and note: asked twice, since it cannot be undone. */
import { useState } from 'preact/hooks';
import { sendToBackground } from '../messaging/send.ts';
import { errorMessage } from '../error-message.ts';
import { Section } from './section.tsx';

export function DeleteEverything() {
  const [confirming, setConfirming] = useState(false);
  const [state, setState] = useState<{ busy: boolean; message: string | null }>({ busy: false, message: null });
  const run = async () => {
    setState({ busy: true, message: null });
    try {
      await sendToBackground({ type: 'store/delete-everything' });
      setState({ busy: false, message: 'Everything was deleted.' });
    } catch (error) {
      setState({ busy: false, message: `Nothing was deleted: ${errorMessage(error)}` });
    }
    setConfirming(false);
  };
  return (
    <Section title="Delete everything" danger>
      <p class="section__aside">
        Removes every article, person, claim and note Crosscheck keeps. This cannot be undone: export a backup first if
        you may want them back.
      </p>
      {confirming ? (
        <div class="button-row" role="group" aria-label="Confirm">
          <button type="button" class="button button--danger" disabled={state.busy} onClick={() => void run()}>
            Yes, delete everything
          </button>
          <button type="button" class="button button--quiet" onClick={() => setConfirming(false)}>
            Keep everything
          </button>
        </div>
      ) : (
        <button type="button" class="button button--danger-quiet" onClick={() => setConfirming(true)}>
          Delete everything…
        </button>
      )}
      {state.message && (
        <p class="section__aside" role="status">
          {state.message}
        </p>
      )}
    </Section>
  );
}
