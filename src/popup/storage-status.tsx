/** What is stored, how much room it takes, and whether the browser refused to save. */
import type { StoreStatus } from '../store/views.ts';
import { size } from './format.ts';
import { useStoreQuery } from './use-store-query.ts';
import { Section } from './section.tsx';

export function StorageStatus() {
  const query = useStoreQuery({ type: 'store/status' }, ['sources', 'people', 'claims', 'notes', 'status']);
  const status = query.value;
  return (
    <Section title="Your sources">
      {query.error && (
        <p class="problem" role="alert">
          Crosscheck could not read your sources: {query.error}
        </p>
      )}
      {status && <StatusDetails status={status} />}
    </Section>
  );
}

function StatusDetails({ status }: { status: StoreStatus }) {
  const { counts } = status;
  return (
    <>
      {status.problem && (
        <p class="problem" role="alert">
          {status.problem.message}
        </p>
      )}
      <dl class="stats">
        {(
          [
            ['Articles', counts.sources],
            ['People', counts.people],
            ['Claims', counts.claims],
            ['Notes', counts.notes],
          ] as const
        ).map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value.toLocaleString('en')}</dd>
          </div>
        ))}
      </dl>
      <p class="section__aside">
        Kept on this device only, in the browser’s storage
        {status.usage !== null && `: ${size(status.usage)} used`}
        {status.quota !== null && ` of ${size(status.quota)} available`}.{' '}
        {status.persisted === true && 'The browser will not clear it to make room.'}
        {status.persisted === false &&
          'The browser may clear it when the disk is nearly full: export a backup now and then.'}
      </p>
    </>
  );
}
