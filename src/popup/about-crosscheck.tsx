/**
 * About Crosscheck: the licence of its code and of its person-name model, whose CC BY-SA 4.0 licence
 * asks for the credits to travel with every copy. They do, in the NOTICE file the build puts in the
 * package; this part reads it from there rather than keeping a second copy that could drift.
 */
import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { errorMessage } from '../error-message.ts';
import { Section } from './section.tsx';

export function AboutCrosscheck() {
  const { version } = browser.runtime.getManifest();
  return (
    <Section title="About">
      <div class="about">
        <p>Crosscheck {version}. It makes no network requests: what it reads and what you write stay on this device.</p>
        <p>
          Its code is free software under the MIT licence. The person-name model that finds the people in an article (
          <code>model.json</code>, bundled in the content script) is licensed under{' '}
          <a href="https://creativecommons.org/licenses/by-sa/4.0/" target="_blank" rel="noreferrer">
            CC BY-SA 4.0
          </a>
          , because it was learnt from Wikipedia and other ShareAlike texts. The file NOTICE in the extension’s package
          credits the corpora it was trained on; the libraries it bundles keep their own licences.
        </p>
        <PackagedFile file="NOTICE" summary="Credits and licences (NOTICE)" />
        <PackagedFile file="LICENSE" summary="The code’s licence (LICENSE)" />
        <PackagedFile file="THIRD-PARTY-LICENSES" summary="The libraries it bundles (THIRD-PARTY-LICENSES)" />
      </div>
    </Section>
  );
}

type FileState =
  { status: 'closed' | 'loading' } | { status: 'shown'; text: string } | { status: 'failed'; message: string };

/** A text file of the package, read when the reader opens it and shown as it is written. */
function PackagedFile({ file, summary }: { file: string; summary: string }) {
  const [state, setState] = useState<FileState>({ status: 'closed' });
  const url = browser.runtime.getURL(file);
  const load = async () => {
    setState({ status: 'loading' });
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
      setState({ status: 'shown', text: await response.text() });
    } catch (error) {
      setState({ status: 'failed', message: errorMessage(error) });
    }
  };
  return (
    <details
      class="about__file"
      onToggle={(event) => {
        if (event.currentTarget.open && state.status !== 'shown') void load();
      }}
    >
      <summary>{summary}</summary>
      {state.status === 'loading' && <p class="section__aside">Reading {file}…</p>}
      {state.status === 'shown' && (
        <pre class="about__text" tabIndex={0} aria-label={file}>
          {state.text}
        </pre>
      )}
      {state.status === 'failed' && (
        <p class="problem" role="alert">
          {file} could not be read from the package ({state.message}). It is at {url}.
        </p>
      )}
    </details>
  );
}
