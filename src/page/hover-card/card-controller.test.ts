// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readShadowRootsThroughInternals, shadowRootLeaks } from '../../../scripts/lib/page-probes.ts';
import type { PlacedHighlight } from '../article-highlights.ts';
import { type CardContext, CardController, cardsLoadedOnDemand } from './card-controller.ts';
import { markOwn } from '../own-nodes.ts';
import { cardHostAttribute } from './card-host.ts';
import { createCardView } from './card-view.ts';
import type { NoteRecord } from '../../store/records.ts';
import type { PersonCard } from './card-model.ts';

/** The card's closed shadow roots, caught as they are attached (the page never sees them). */
function catchShadowRoots(): () => ShadowRoot[] {
  const spy = vi.spyOn(Element.prototype, 'attachShadow');
  return () => spy.mock.results.map((result) => result.value as ShadowRoot);
}

const person: PersonCard = {
  kind: 'person',
  name: 'Han Dong',
  aka: ['Mr Dong'],
  titles: ['MP'],
  mentionsHere: 9,
  otherSources: [
    {
      outlet: 'WION',
      title: 'Canadian MP Han Dong quits Liberal Party',
      date: '24 Mar 2023',
      href: 'https://wion.example/han-dong',
      spellings: ['Han Dong'],
    },
  ],
  otherSourceCount: 1,
  claims: [],
  discrepancies: [],
  notes: [],
  noteTarget: { kind: 'person', person: 'person-1' },
  crossSource: { state: 'ready' },
};

function setUp(model: PersonCard | null = person) {
  document.body.innerHTML = '<article><p>Han Dong left the caucus.</p></article>';
  const text = document.querySelector('p')?.firstChild as Text;
  const range = document.createRange();
  range.setStart(text, 0);
  range.setEnd(text, 8);
  const highlight: PlacedHighlight = {
    target: { kind: 'person', person: 'p1' },
    span: { start: 0, end: 8 },
    layer: 'person',
    range,
  };
  const context: CardContext = {
    modelFor: () => model,
    createNote: vi.fn(),
    updateNote: vi.fn(),
    deleteNote: vi.fn(),
    highlightOfNote: () => null,
    selectionTarget: () => ({ kind: 'source' }),
    textOf: () => 'Han Dong',
  };
  const cards = new CardController(createCardView(document, markOwn), context);
  return { cards, context, highlight };
}

/** The page's text selected, as `offerSelectionNote` takes it. */
function selectedWords(): Range {
  const text = document.querySelector('p')?.firstChild as Text;
  const range = document.createRange();
  range.setStart(text, 0);
  range.setEnd(text, 8);
  // jsdom lays nothing out: the words' box is where the card goes.
  range.getClientRects = () => Object.assign([anchor], { item: () => anchor });
  range.getBoundingClientRect = () => anchor;
  return range;
}

const anchor = { top: 10, bottom: 30, left: 20, right: 80, width: 60, height: 20, x: 20, y: 10 } as DOMRect;

afterEach(() => {
  vi.restoreAllMocks();
  for (const host of document.querySelectorAll(`[${cardHostAttribute}]`)) host.remove();
});

describe('CardController', () => {
  it('shows a person’s card in a closed shadow root outside the article, as text', () => {
    const roots = catchShadowRoots();
    const { cards, highlight } = setUp();
    const before = document.body.outerHTML;
    cards.showHighlight(highlight, anchor, { focus: false });
    const host = document.querySelector(`[${cardHostAttribute}]`);
    expect(host?.parentElement).toBe(document.documentElement);
    expect(document.body.outerHTML).toBe(before);
    const card = roots()[0]?.textContent ?? '';
    expect(card).toContain('Han Dong');
    expect(card).toContain('In 1 other source');
    expect(card).toContain('WION');
    expect(card).toContain('Also written: Mr Dong');
  });

  it('offers Edit and Delete only on the notes the page may change, and says where to change the others', () => {
    const roots = catchShadowRoots();
    const note: Omit<NoteRecord, 'id' | 'body'> = {
      target: { kind: 'person', person: 'person-1' },
      tags: [],
      colour: 'blue',
      created: 1,
      updated: 1,
      orphaned: false,
    };
    const { cards, highlight } = setUp({
      ...person,
      notes: [
        { note: { ...note, id: 'mine', body: 'Written here' }, elsewhere: null },
        {
          note: { ...note, id: 'theirs', body: 'Written on WION' },
          elsewhere: 'Written on WION; change it in Crosscheck’s popup or notebook.',
        },
      ],
    });
    cards.showHighlight(highlight, anchor, { focus: false });
    const [here, elsewhere] = [...(roots()[0]?.querySelectorAll('.note') ?? [])];
    const buttons = (item: Element | undefined) =>
      [...(item?.querySelectorAll('button') ?? [])].map((b) => b.textContent);
    expect(buttons(here)).toEqual(['Edit', 'Delete']);
    expect(buttons(elsewhere)).toEqual([]);
    expect(elsewhere?.textContent).toContain('Written on WION; change it in Crosscheck’s popup or notebook.');
  });

  it('offers no Add note on a copy of the article, says why, and the note shortcut opens no editor', () => {
    const roots = catchShadowRoots();
    const { cards, highlight } = setUp({ ...person, noteTarget: null });
    cards.showHighlight(highlight, anchor, { focus: false });
    const card = roots()[0];
    expect([...(card?.querySelectorAll('button') ?? [])].map((b) => b.textContent)).not.toContain('Add note');
    expect(card?.textContent).toContain(
      'This page is a copy of an article Crosscheck knows at another address; add notes there or in the notebook.',
    );
    expect(cards.noteShownCard()).toBe(false);
    expect(cards.isEditing).toBe(false);
  });

  it('hosts the card on a built-in element, whose shadow root no page’s custom element can expose', () => {
    vi.useFakeTimers();
    // The page of the end-to-end regression tests: it defines the card's old tag and reads its internals.
    readShadowRootsThroughInternals();
    const { cards, highlight } = setUp();
    cards.showHighlight(highlight, anchor, { focus: false });
    vi.advanceTimersByTime(200);
    vi.useRealTimers();
    expect(shadowRootLeaks()).toEqual([]);
    const host = document.querySelector(`[${cardHostAttribute}]`);
    expect(host?.constructor).toBe(HTMLDivElement);
    expect(() => (host as HTMLElement).attachInternals()).toThrow();
  });

  it('takes the card out of the page when it closes', () => {
    const { cards, highlight } = setUp();
    cards.showHighlight(highlight, anchor, { focus: false });
    cards.close();
    expect(document.querySelector(`[${cardHostAttribute}]`)).toBeNull();
    expect(cards.isShown).toBe(false);
  });

  it('moves focus into a card opened from the keyboard and gives it back on close', () => {
    const roots = catchShadowRoots();
    const { cards, highlight } = setUp();
    const button = document.createElement('button');
    document.body.append(button);
    button.focus();
    cards.showHighlight(highlight, anchor, { focus: true });
    expect(roots()[0]?.activeElement?.getAttribute('role')).toBe('dialog');
    cards.close();
    expect(document.activeElement).toBe(button);
  });

  it('ignores clicks the page synthesises on the card', () => {
    const roots = catchShadowRoots();
    const { cards, highlight } = setUp();
    cards.showHighlight(highlight, anchor, { focus: false });
    const addNote = [...(roots()[0]?.querySelectorAll('button') ?? [])].find((b) => b.textContent === 'Add note');
    addNote?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(roots()[0]?.querySelector('form')).toBeNull();
    expect(cards.isEditing).toBe(false);
  });

  it('shows nothing for a highlight without a card', () => {
    const { cards, highlight } = setUp(null);
    cards.showHighlight(highlight, anchor, { focus: false });
    expect(document.querySelector(`[${cardHostAttribute}]`)).toBeNull();
  });
});

describe('cards whose view loads when the first one opens', () => {
  it('opens the card, the note editor included, once the view has loaded', async () => {
    const { context } = setUp();
    const cards = cardsLoadedOnDemand(() => Promise.resolve(createCardView(document, markOwn)), context, vi.fn());
    cards.offerSelectionNote({ start: 0, end: 8 }, selectedWords());
    cards.noteSelection();
    expect(cards.isEditing).toBe(true);
    await vi.waitFor(() => expect(document.querySelector(`[${cardHostAttribute}]`)).not.toBeNull());
    expect(cards.isShown).toBe(true);
  });

  it('closes when the view cannot load, says why, and loads it again for the next card', async () => {
    const { context, highlight } = setUp();
    const problems: unknown[] = [];
    let loads = 0;
    const cards = cardsLoadedOnDemand(
      () =>
        ++loads === 1
          ? Promise.reject(new Error('card-view.js did not load'))
          : Promise.resolve(createCardView(document, markOwn)),
      context,
      (error) => problems.push(error),
    );
    // The reader's first act is to note a selection: the editor was asked for while the view loaded.
    cards.offerSelectionNote({ start: 0, end: 8 }, selectedWords());
    cards.noteSelection();
    await vi.waitFor(() => expect(problems).toEqual([new Error('card-view.js did not load')]));
    // Nothing is left half open: hovering and selecting (which wait while the reader writes) work again.
    expect(cards.isShown).toBe(false);
    expect(cards.isEditing).toBe(false);
    expect(cards.highlight).toBeNull();
    expect(document.querySelector(`[${cardHostAttribute}]`)).toBeNull();
    cards.showHighlight(highlight, anchor, { focus: false });
    await vi.waitFor(() => expect(document.querySelector(`[${cardHostAttribute}]`)).not.toBeNull());
    expect(loads).toBe(2);
  });
});
