/** The sites the reader switched Crosscheck off on, each to switch back on. */
import { useState } from 'preact/hooks';
import { sendToBackground } from '../messaging/send.ts';
import { errorMessage } from '../error-message.ts';
import { useStoreQuery } from './use-store-query.ts';
import { Section } from './section.tsx';

export function SwitchedOffSites() {
  const settings = useStoreQuery({ type: 'settings/get' }, ['settings']);
  const [problem, setProblem] = useState<string | null>(null);
  const sites = settings.value?.disabledSites ?? [];
  const switchOn = async (site: string) => {
    setProblem(null);
    try {
      await sendToBackground({
        type: 'settings/set',
        changes: { disabledSites: sites.filter((other) => other !== site) },
      });
    } catch (error) {
      setProblem(`Your setting was not saved: ${errorMessage(error)}`);
    }
  };
  return (
    <Section title="Sites switched off">
      {sites.length === 0 ? (
        <p class="empty-state">None. Switch a site off from the popup while you are on it.</p>
      ) : (
        <ul class="rows">
          {sites.map((site) => (
            <li key={site} class="row row--static row--split">
              <span class="row__title">{site}</span>
              <button type="button" class="button button--quiet button--small" onClick={() => void switchOn(site)}>
                Switch on
              </button>
            </li>
          ))}
        </ul>
      )}
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
    </Section>
  );
}
