/** The notebook's search hits: people, claims, articles and notes, each opening its view. */
import { useState } from 'preact/hooks';
import { sourceDate } from '../page/hover-card/card-model.ts';
import { sendToBackground } from '../messaging/send.ts';
import type { NoteTarget } from '../store/records.ts';
import type { SearchHit } from '../store/views.ts';
import { errorMessage } from '../error-message.ts';
import { count } from './format.ts';
import { type Route, routeHash } from './routes.ts';
import { StanceBadge } from './stance-badge.tsx';
import { TagList } from './tag-list.tsx';
import { useUndo } from './undo.tsx';

export function SearchResults({ hits, current }: { hits: SearchHit[]; current: Route }) {
  const currentHash = routeHash(current);
  return (
    <ul class="hits">
      {hits.map((hit) => {
        const route = hitRoute(hit);
        return (
          <li key={`${hit.kind}:${hitKey(hit)}`} class="hit">
            <a
              class="row hit__link"
              href={routeHash(route)}
              aria-current={routeHash(route) === currentHash ? 'page' : undefined}
            >
              <HitContent hit={hit} />
            </a>
            {hit.kind === 'note' && <DeleteNote hit={hit} />}
          </li>
        );
      })}
    </ul>
  );
}

function HitContent({ hit }: { hit: SearchHit }) {
  switch (hit.kind) {
    case 'person': {
      const others = hit.person.variants.filter((variant) => variant !== hit.person.name);
      return (
        <>
          <span class="hit__kind">Person</span>
          <span class="hit__title">{hit.person.name}</span>
          <span class="hit__meta">
            <span>{count(hit.person.sourceCount, 'source')}</span>
            {others.length > 0 && <span>also written {others.join(', ')}</span>}
          </span>
        </>
      );
    }
    case 'claim':
      return (
        <>
          <span class="hit__kind">Claim</span>
          <span class="hit__title hit__title--quote">{hit.claim.summary}</span>
          <span class="hit__meta">
            {hit.claim.stances.map((stance) => (
              <StanceBadge key={stance} stance={stance} />
            ))}
            <span>{count(hit.claim.sourceCount, 'source')}</span>
            {hit.claim.firstReported && <span>first by {hit.claim.firstReported.outlet}</span>}
          </span>
        </>
      );
    case 'source':
      return (
        <>
          <span class="hit__kind">Article</span>
          <span class="hit__title">{hit.source.title || hit.source.href}</span>
          <span class="hit__meta">
            <span>{hit.source.outlet}</span>
            <span>{sourceDate(hit.source)}</span>
          </span>
        </>
      );
    case 'note':
      return (
        <>
          <span class="hit__kind">Note</span>
          <span class="hit__title hit__title--note">{hit.note.body || hit.note.tags.join(', ')}</span>
          <div class="hit__meta">
            <span>on {hit.about}</span>
            {hit.note.writtenOnOutlet && <span>written on {hit.note.writtenOnOutlet}</span>}
            <TagList tags={hit.note.tags} />
            {hit.note.orphaned && <span class="row__flag">unattached</span>}
          </div>
        </>
      );
  }
}

function DeleteNote({ hit }: { hit: Extract<SearchHit, { kind: 'note' }> }) {
  const offerUndo = useUndo();
  const [problem, setProblem] = useState<string | null>(null);
  const remove = async () => {
    setProblem(null);
    try {
      const deleted = await sendToBackground({ type: 'notes/delete', id: hit.note.id });
      offerUndo({ message: 'Note deleted.', undo: () => sendToBackground({ type: 'notes/restore', note: deleted }) });
    } catch (error) {
      setProblem(`Not deleted: ${errorMessage(error)}`);
    }
  };
  return (
    <>
      <button
        type="button"
        class="button button--quiet button--small hit__action"
        aria-label={`Delete the note “${(hit.note.body || hit.note.tags.join(', ')).slice(0, 40)}”`}
        onClick={() => void remove()}
      >
        Delete
      </button>
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}

function hitKey(hit: SearchHit): string {
  switch (hit.kind) {
    case 'person':
      return hit.person.id;
    case 'claim':
      return hit.claim.id;
    case 'source':
      return hit.source.url;
    case 'note':
      return hit.note.id;
  }
}

/** Where a hit leads: its own view, or for a note, the view of what it is attached to. */
export function hitRoute(hit: SearchHit): Route {
  switch (hit.kind) {
    case 'person':
      return { view: 'person', id: hit.person.id };
    case 'claim':
      return { view: 'claim', id: hit.claim.id };
    case 'source':
      return { view: 'source', url: hit.source.url };
    case 'note':
      return targetRoute(hit.note.target);
  }
}

function targetRoute(target: NoteTarget): Route {
  switch (target.kind) {
    case 'person':
      return { view: 'person', id: target.person };
    case 'claim':
      return { view: 'claim', id: target.claim };
    default:
      return { view: 'source', url: target.source };
  }
}
