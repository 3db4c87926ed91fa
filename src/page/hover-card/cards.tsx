/**
 * The hover card's content: a person, an allegation or one of the reader's notes, with what the
 * other sources say. Everything from the page or the store is rendered as text.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { isResponse, type Stance } from '../../analysis/types.ts';
import type { PageNoteTarget } from '../../messaging/contract.ts';
import { copyRefusal } from '../../store/page-note-rights.ts';
import type { NoteRecord } from '../../store/records.ts';
import type {
  AllegationCard,
  CardModel,
  CardNote,
  ClaimLine,
  CrossSource,
  DiscrepancyLine,
  NoteCard,
  PersonCard,
} from './card-model.ts';

export interface CardActions {
  addNote: (target: PageNoteTarget, about: string) => void;
  editNote: (note: NoteRecord) => void;
  deleteNote: (note: NoteRecord) => void;
}

/** Only the reader's own clicks and key presses act: a page cannot drive the card with synthetic events. */
export function trusted<E extends Event>(handler: (event: E) => void): (event: E) => void {
  return (event) => {
    if (event.isTrusted) handler(event);
  };
}

export function Card({ model, actions }: { model: CardModel; actions: CardActions }) {
  switch (model.kind) {
    case 'person':
      return <PersonCardView card={model} actions={actions} />;
    case 'allegation':
      return <AllegationCardView card={model} actions={actions} />;
    case 'note':
      return <NoteCardView card={model} actions={actions} />;
  }
}

function PersonCardView({ card, actions }: { card: PersonCard; actions: CardActions }) {
  return (
    <>
      <header class="card__header">
        <p class="card__kind">Person</p>
        <h2 class="card__title">{card.name}</h2>
        {card.titles.length > 0 && <p class="card__meta">{card.titles.join(', ')}</p>}
        {card.aka.length > 0 && <p class="card__meta">Also written: {card.aka.join(', ')}</p>}
      </header>
      <OtherSources count={card.otherSourceCount} crossSource={card.crossSource}>
        {card.otherSources.length > 0 && (
          <ul class="card__list">
            {card.otherSources.map((source) => (
              <li key={source.href} class="source">
                <span class="source__outlet">{source.outlet}</span>
                <span class="source__date">{source.date}</span>
                <span class="source__title">{source.title}</span>
                {source.spellings.length > 0 && <span class="source__detail">as {source.spellings.join(', ')}</span>}
              </li>
            ))}
          </ul>
        )}
      </OtherSources>
      {card.claims.length > 0 && (
        <section class="card__section" aria-label="Allegations">
          <h3 class="card__subtitle">Allegations</h3>
          <ul class="card__list">
            {card.claims.map((claim, index) => (
              <ClaimItem key={index} claim={claim} />
            ))}
          </ul>
        </section>
      )}
      <Discrepancies lines={card.discrepancies} />
      <Notes notes={card.notes} actions={actions} />
      <AddNote target={card.noteTarget} about={card.name} actions={actions} />
    </>
  );
}

function AllegationCardView({ card, actions }: { card: AllegationCard; actions: CardActions }) {
  return (
    <>
      <header class="card__header">
        <p class="card__kind">
          {card.isResponse ? 'Response' : 'Allegation'} <StanceBadge stance={card.stance} />
        </p>
        <blockquote class="card__quote">{card.text}</blockquote>
        {card.accused.length > 0 && <p class="card__meta">About: {card.accused.join(', ')}</p>}
        {card.attributedTo.length > 0 && <p class="card__meta">According to: {card.attributedTo.join('; ')}</p>}
      </header>
      <OtherSources count={card.otherSourceCount} crossSource={card.crossSource}>
        {card.otherReports.length > 0 && (
          <ul class="card__list">
            {card.otherReports.map((report, index) => (
              <li key={index} class="source">
                <span class="source__outlet">{report.source.outlet}</span>
                <span class="source__date">{report.source.date}</span>
                <StanceBadge stance={report.stance} />
                <q class="source__quote">{report.text}</q>
                {report.attributedTo.length > 0 && (
                  <span class="source__detail">according to {report.attributedTo.join('; ')}</span>
                )}
              </li>
            ))}
          </ul>
        )}
      </OtherSources>
      <Discrepancies lines={card.discrepancies} />
      <Notes notes={card.notes} actions={actions} />
      <AddNote
        target={card.noteTarget}
        about={card.isResponse ? 'this response' : 'this allegation'}
        actions={actions}
      />
    </>
  );
}

function NoteCardView({ card, actions }: { card: NoteCard; actions: CardActions }) {
  return (
    <>
      <header class="card__header">
        <p class="card__kind">
          <span class={`swatch swatch--${card.note.colour}`} aria-hidden="true" /> Your note
        </p>
        <blockquote class="card__quote">{card.quote}</blockquote>
      </header>
      <NoteBody note={card.note} actions={actions} />
    </>
  );
}

/** How many other sources there are, or why they are not known yet, above what they say. */
function OtherSources({
  count,
  crossSource,
  children,
}: {
  count: number;
  crossSource: CrossSource;
  children: ComponentChildren;
}) {
  return (
    <section class="card__section" aria-label="Other sources">
      <h3 class="card__subtitle">{otherSourcesHeading(count, crossSource)}</h3>
      <CrossSourceStatus crossSource={crossSource} />
      {children}
    </section>
  );
}

function otherSourcesHeading(count: number, crossSource: CrossSource): string {
  if (crossSource.state !== 'ready') return 'Other sources';
  if (count === 0) return 'Only in this source so far';
  return count === 1 ? 'In 1 other source' : `In ${count} other sources`;
}

function CrossSourceStatus({ crossSource }: { crossSource: CrossSource }) {
  if (crossSource.state === 'loading') return <p class="card__status">Looking through your other sources…</p>;
  if (crossSource.state === 'unavailable') {
    return <p class="card__status card__status--problem">Your other sources could not be read: {crossSource.reason}</p>;
  }
  return null;
}

function ClaimItem({ claim }: { claim: ClaimLine }) {
  return (
    <li class="claim">
      <span class="claim__stances">
        {claim.stances.map((stance) => (
          <StanceBadge key={stance} stance={stance} />
        ))}
      </span>
      <q class="claim__text">{claim.text}</q>
      <span class="source__detail">{claimSources(claim)}</span>
    </li>
  );
}

function claimSources({ sourceCount, firstReported }: ClaimLine): string {
  const first = firstReported && `${firstReported.outlet} (${firstReported.date})`;
  if (sourceCount <= 1) return first ? `only in ${first}` : 'only in this source';
  return first ? `in ${sourceCount} sources, first in ${first}` : `in ${sourceCount} sources, this one first`;
}

const stanceLabels: Record<Stance, string> = {
  alleged: 'alleged',
  accused: 'accused',
  charged: 'charged',
  suspected: 'suspected',
  reported: 'reported',
  denied: 'denied',
  rejected: 'rejected',
  admitted: 'admitted',
  confirmed: 'confirmed',
  cleared: 'cleared',
};

function StanceBadge({ stance }: { stance: Stance }) {
  return <span class={`stance stance--${isResponse(stance) ? 'response' : 'allegation'}`}>{stanceLabels[stance]}</span>;
}

function Discrepancies({ lines }: { lines: DiscrepancyLine[] }) {
  if (lines.length === 0) return null;
  return (
    <section class="card__section" aria-label="Where the sources differ">
      <h3 class="card__subtitle">Where the sources differ</h3>
      <ul class="card__list">
        {lines.map((line, index) => (
          <li key={index} class="discrepancy">
            <span class="discrepancy__label">{line.label}</span>
            {line.values.map((value, valueIndex) => (
              <span key={valueIndex} class="discrepancy__value">
                “{value.text}” <span class="source__outlet">{value.outlet}</span>
              </span>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Notes({ notes, actions }: { notes: CardNote[]; actions: CardActions }) {
  if (notes.length === 0) return null;
  return (
    <section class="card__section" aria-label="Your notes">
      <h3 class="card__subtitle">Your notes</h3>
      <ul class="card__list">
        {notes.map(({ note, elsewhere }) => (
          <li key={note.id} class="note">
            <NoteBody note={note} elsewhere={elsewhere} actions={actions} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A note's text and tags; with Edit and Delete, unless it was written `elsewhere` than this page. */
function NoteBody({
  note,
  elsewhere = null,
  actions,
}: {
  note: NoteRecord;
  elsewhere?: string | null;
  actions: CardActions;
}) {
  return (
    <div class={`note__body note__body--${note.colour}`}>
      {note.orphaned && <p class="card__status card__status--problem">Its words are no longer in the article.</p>}
      <p class="note__text">{note.body || 'No text.'}</p>
      {note.tags.length > 0 && (
        <p class="note__tags">
          {note.tags.map((tag) => (
            <span key={tag} class="tag">
              {tag}
            </span>
          ))}
        </p>
      )}
      {elsewhere === null ? <NoteActions note={note} actions={actions} /> : <p class="note__origin">{elsewhere}</p>}
    </div>
  );
}

function NoteActions({ note, actions }: { note: NoteRecord; actions: CardActions }) {
  // Deleting takes a second click: one slip of the pointer should not cost the reader a note.
  const [confirming, setConfirming] = useState(false);
  return (
    <p class="card__actions">
      <button type="button" class="button button--quiet" onClick={trusted(() => actions.editNote(note))}>
        Edit
      </button>
      {confirming ? (
        <>
          <button type="button" class="button" onClick={trusted(() => actions.deleteNote(note))}>
            Delete this note
          </button>
          <button type="button" class="button button--quiet" onClick={trusted(() => setConfirming(false))}>
            Keep it
          </button>
        </>
      ) : (
        <button type="button" class="button button--quiet" onClick={trusted(() => setConfirming(true))}>
          Delete
        </button>
      )}
    </p>
  );
}

function AddNote({ target, about, actions }: { target: PageNoteTarget | null; about: string; actions: CardActions }) {
  if (!target) return <p class="card__meta">{copyRefusal}</p>;
  return (
    <p class="card__actions">
      <button type="button" class="button" onClick={trusted(() => actions.addNote(target, about))}>
        Add note
      </button>
    </p>
  );
}
