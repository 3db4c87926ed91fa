import { describe, expect, it } from 'vitest';
import type { DocumentAnalysis } from '../../analysis/types.ts';
import type { NoteRecord } from '../../store/records.ts';
import type { PageView, SourceSummary } from '../../store/views.ts';
import { cardModel, cardNote, sourceDate } from './card-model.ts';

const text = 'Han Dong has been accused of lobbying.\n\nMr Dong has denied the allegations.';
const span = (phrase: string) => ({ start: text.indexOf(phrase), end: text.indexOf(phrase) + phrase.length });

const analysis: DocumentAnalysis = {
  text,
  blocks: [],
  groups: [],
  people: [
    {
      id: 'p1',
      name: 'Han Dong',
      role: 'subject',
      mentions: [
        { ...span('Han Dong'), text: 'Han Dong', form: 'full' },
        {
          ...span('Dong has denied'),
          end: span('Dong has denied').start + 4,
          text: 'Dong',
          form: 'titled',
          title: 'Mr',
        },
      ],
      variants: ['Han Dong', 'Dong'],
      titles: ['MP'],
    },
  ],
  allegations: [
    {
      ...span('Han Dong has been accused of lobbying.'),
      text: 'Han Dong has been accused of lobbying.',
      stance: 'accused',
      cue: span('accused of'),
      accused: ['p1'],
      attributedTo: ['Global News'],
    },
    {
      ...span('Mr Dong has denied the allegations.'),
      text: 'Mr Dong has denied the allegations.',
      stance: 'denied',
      cue: span('denied'),
      accused: ['p1'],
      attributedTo: [],
    },
  ],
};

const wion: SourceSummary = {
  url: 'https://www.wionews.com/world/han-dong',
  href: 'https://www.wionews.com/world/han-dong',
  outlet: 'WION',
  title: 'Canadian MP Han Dong quits Liberal Party',
  published: '2023-03-24T09:41:00+05:30',
  publishedTime: Date.parse('2023-03-24T09:41:00+05:30'),
  firstRead: Date.UTC(2024, 0, 2),
};

const personNote: NoteRecord = {
  id: 'n1',
  target: { kind: 'person', person: 'person-han-dong' },
  body: 'Check the Global News report.',
  tags: ['follow-up'],
  colour: 'blue',
  created: 1,
  updated: 1,
  orphaned: false,
};

const view: PageView = {
  source: {
    ...wion,
    url: 'https://www.bbc.co.uk/news/han-dong',
    href: 'https://www.bbc.co.uk/news/han-dong',
    outlet: 'BBC News',
  },
  people: [
    {
      local: 'p1',
      id: 'person-han-dong',
      name: 'Han Dong',
      role: 'subject',
      variants: ['Han Dong', 'Dong', 'Mr Dong'],
      mentionsHere: 2,
      otherSources: [{ source: wion, spellings: ['Han Dong', 'Dong'] }],
      otherSourceCount: 1,
      claims: ['claim-1'],
      discrepancies: [
        {
          kind: 'date',
          about: 'date of the Global News report',
          values: [
            { source: 'bbc', outlet: 'BBC News', text: 'Wednesday' },
            { source: 'wion', outlet: 'WION', text: 'Wednesday (March 24)' },
          ],
        },
      ],
      notes: [personNote],
    },
  ],
  allegations: [
    {
      index: 0,
      text: 'Han Dong has been accused of lobbying.',
      stance: 'accused',
      accused: [{ id: 'person-han-dong', name: 'Han Dong' }],
      attributedTo: ['Global News'],
      claim: 'claim-1',
      // The claim's record keeps its first and latest reports; seven other sources report it in all.
      otherSourceCount: 7,
      otherReports: [
        {
          source: wion,
          index: 3,
          text: 'Han Dong allegedly suggested to China’s consul general in Toronto Han Tao ...',
          stance: 'alleged',
          cue: 'allegedly',
          accused: [{ id: 'person-han-dong', name: 'Han Dong' }],
          attributedTo: ['two national security sources'],
          selectors: {
            quote: { type: 'TextQuoteSelector', exact: 'Han Dong allegedly', prefix: '', suffix: '' },
            position: { type: 'TextPositionSelector', start: 0, end: 18 },
          },
        },
      ],
      discrepancies: [],
      notes: [],
    },
    {
      index: 1,
      text: 'Mr Dong has denied the allegations.',
      stance: 'denied',
      accused: [{ id: 'person-han-dong', name: 'Han Dong' }],
      attributedTo: [],
      claim: null,
      otherSourceCount: 0,
      otherReports: [],
      discrepancies: [],
      notes: [],
    },
  ],
  claims: [
    {
      id: 'claim-1',
      summary: 'Han Dong has been accused of lobbying.',
      accused: [{ id: 'person-han-dong', name: 'Han Dong' }],
      stances: ['accused', 'alleged', 'denied'],
      sourceCount: 2,
      firstReported: wion,
    },
  ],
  notes: [],
};

const ready = { analysis, view, crossSource: { state: 'ready' } as const };

describe('cardModel', () => {
  it('tells the reader who a person is, where else they appear, what is alleged about them, and the notes', () => {
    const card = cardModel({ kind: 'person', person: 'p1' }, span('Han Dong'), ready);
    expect(card).toMatchObject({
      kind: 'person',
      name: 'Han Dong',
      aka: ['Dong', 'Mr Dong'],
      titles: ['MP'],
      mentionsHere: 2,
      otherSourceCount: 1,
      otherSources: [{ outlet: 'WION', date: sourceDate(wion), spellings: ['Han Dong', 'Dong'] }],
      claims: [
        { text: 'Han Dong has been accused of lobbying.', stances: ['accused', 'alleged', 'denied'], sourceCount: 2 },
      ],
      discrepancies: [
        {
          label: 'Date: date of the Global News report',
          values: [
            { outlet: 'BBC News', text: 'Wednesday' },
            { outlet: 'WION', text: 'Wednesday (March 24)' },
          ],
        },
      ],
      notes: [
        { note: personNote, elsewhere: 'Not written on this page; change it in Crosscheck’s popup or notebook.' },
      ],
      noteTarget: { kind: 'person', person: 'person-han-dong' },
    });
  });

  it('offers to change only the notes the page may change, and says where the others were written', () => {
    const source = view.source.url;
    const page = { source };
    const written = (writtenOn?: string, writtenOnOutlet?: string) => ({ ...personNote, writtenOn, writtenOnOutlet });
    const onThisArticle = { ...personNote, target: { kind: 'source' as const, source } };
    expect(cardNote(written(source, 'BBC News'), page).elsewhere).toBeNull();
    expect(cardNote(onThisArticle, page).elsewhere).toBeNull();
    expect(cardNote(personNote, page).elsewhere).toBe(
      'Not written on this page; change it in Crosscheck’s popup or notebook.',
    );
    expect(cardNote(written(wion.url, 'WION'), page).elsewhere).toBe(
      'Written on WION; change it in Crosscheck’s popup or notebook.',
    );
    // A note on another article, even one the reader wrote there, is that article's.
    expect(cardNote({ ...onThisArticle, target: { kind: 'source', source: wion.url } }, page).elsewhere).toBe(
      'Not written on this page; change it in Crosscheck’s popup or notebook.',
    );
    // A copy of the article (another writer's page with its text) changes none, not even those on the article.
    const copy = { source, copy: true } as const;
    for (const note of [written(source, 'BBC News'), onThisArticle]) {
      expect(cardNote(note, copy).elsewhere).toBe(
        'This page is a copy of the article; change it in Crosscheck’s popup or notebook.',
      );
    }
  });

  it('shows the page’s own allegations about a person until the store answers, and notes go on the words', () => {
    const card = cardModel({ kind: 'person', person: 'p1' }, span('Han Dong'), {
      analysis,
      view: null,
      crossSource: { state: 'loading' },
    });
    expect(card).toMatchObject({
      otherSources: [],
      claims: [
        { text: 'Han Dong has been accused of lobbying.', stances: ['accused'], sourceCount: 1 },
        { text: 'Mr Dong has denied the allegations.', stances: ['denied'], sourceCount: 1 },
      ],
      noteTarget: { kind: 'selection', selectors: { quote: { exact: 'Han Dong' } } },
      crossSource: { state: 'loading' },
    });
  });

  it('sets an allegation beside the other outlets’ wording of the same claim', () => {
    const card = cardModel({ kind: 'allegation', allegation: 0 }, span('Han Dong has been'), ready);
    expect(card).toMatchObject({
      kind: 'allegation',
      stance: 'accused',
      isResponse: false,
      accused: ['Han Dong'],
      attributedTo: ['Global News'],
      otherSourceCount: 7,
      otherReports: [
        { source: { outlet: 'WION' }, stance: 'alleged', attributedTo: ['two national security sources'] },
      ],
      noteTarget: { kind: 'claim', claim: 'claim-1' },
    });
  });

  it('attaches a note on a response that belongs to no claim to its sentence', () => {
    const card = cardModel({ kind: 'allegation', allegation: 1 }, span('Mr Dong has denied'), ready);
    expect(card).toMatchObject({
      isResponse: true,
      noteTarget: { kind: 'selection', selectors: { quote: { exact: 'Mr Dong has denied the allegations.' } } },
    });
  });

  it('offers no note on a copy of the article: its page may add none', () => {
    const copy = { ...ready, view: { ...view, copy: true as const } };
    expect(cardModel({ kind: 'person', person: 'p1' }, span('Han Dong'), copy)).toMatchObject({ noteTarget: null });
    expect(cardModel({ kind: 'allegation', allegation: 0 }, span('Han Dong has been'), copy)).toMatchObject({
      noteTarget: null,
    });
    expect(cardModel({ kind: 'allegation', allegation: 1 }, span('Mr Dong has denied'), copy)).toMatchObject({
      noteTarget: null,
    });
  });

  it('answers null for a target the analysis does not have', () => {
    expect(cardModel({ kind: 'person', person: 'p9' }, span('Han'), ready)).toBeNull();
    expect(cardModel({ kind: 'allegation', allegation: 7 }, span('Han'), ready)).toBeNull();
    expect(cardModel({ kind: 'note', note: 'missing' }, span('Han'), ready)).toBeNull();
  });
});

describe('sourceDate', () => {
  it('keeps the calendar date the outlet printed, whatever the reader’s time zone', () => {
    expect(sourceDate(wion)).toBe(
      new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
        Date.UTC(2023, 2, 24),
      ),
    );
  });

  it('falls back to when the reader read an undated source', () => {
    expect(sourceDate({ firstRead: Date.UTC(2024, 0, 2, 12) })).toMatch(/^read /);
  });
});
