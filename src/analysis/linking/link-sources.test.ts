import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureArticle } from '../../../scripts/lib/article-files.ts';
import { goldAnalysis, seedsGold } from '../gold/seeds-gold.ts';
import { emptyScore, scoreLinks } from '../gold/score.ts';
import { buildSource } from '../test-support/source-builder.ts';
import type { ClaimReport, CrossSourceLinks, PersonProfile, SourceDocument } from '../types.ts';
import { groupDocumentClaims, matchClaim } from './claim-match.ts';
import { claimReports } from './claim-report.ts';
import { linkSources } from './link-sources.ts';
import { matchDocumentPeople } from './person-match.ts';
import { mergeProfiles, personProfile } from './person-profile.ts';

const gold = seedsGold('fixture');
const seeds: SourceDocument[] = gold.documents.map((document) => {
  const input = fixtureArticle(document.fixture);
  return { id: document.id, metadata: input.metadata, analysis: goldAnalysis(document, input) };
});
const keyOf = (document: string, allegation: number) =>
  gold.documents.find((candidate) => candidate.id === document)?.allegations[allegation]?.key;

describe('linkSources on the seeds as the gold file reads them', () => {
  const links = linkSources(seeds);

  it('links every person, claim and discrepancy the gold file lists, and nothing else', () => {
    const score = emptyScore();
    scoreLinks(gold, links, keyOf, score);
    expect(score.errors).toEqual([]);
    expect(score.tallies['claims']?.correct).toBe(5);
    expect(score.tallies['linked people']?.correct).toBe(11);
  });

  it('links Han Dong, Han Tao, the two Michaels, Meng Wanzhou and Justin Trudeau across both sources', () => {
    const linked = (name: string) => links.people.find((person) => person.name === name);
    for (const name of ['Han Dong', 'Han Tao', 'Michael Kovrig', 'Michael Spavor', 'Meng Wanzhou', 'Justin Trudeau']) {
      expect(new Set(linked(name)?.members.map((member) => member.document))).toEqual(new Set(['bbc', 'wion']));
    }
    expect(linked('Michael Spavor')?.variants).toContain('Sparov');
    expect(linked('Michael Spavor')?.discrepancies.map((discrepancy) => discrepancy.about)).toEqual([
      'the spelling of Spavor / Sparov',
    ]);
  });

  it('keeps the allegation against Han Dong and his denial together, with what the sources disagree on', () => {
    const claim = links.claims[0];
    expect(claim?.accused).toEqual(['Han Dong']);
    const stances = claim?.members.map(
      (member) =>
        seeds.find((source) => source.id === member.document)?.analysis.allegations[member.allegation]?.stance,
    );
    expect(stances).toContain('denied');
    expect(new Set(claim?.members.map((member) => member.document))).toEqual(new Set(['bbc', 'wion']));
    expect(claim?.discrepancies.map((discrepancy) => discrepancy.kind)).toEqual(['wording', 'attribution', 'weekday']);
    expect(claim?.discrepancies.find((discrepancy) => discrepancy.kind === 'weekday')).toEqual({
      kind: 'weekday',
      values: [{ document: 'wion', text: 'Wednesday (March 24)' }],
      about: 'March 24, 2023 was a Friday',
    });
  });

  it('reaches the same result whichever source comes first', () => {
    const reversed = linkSources([...seeds].reverse());
    const grouping = (result: CrossSourceLinks) =>
      new Set([
        ...result.people.map(
          (person) =>
            `person ${person.members
              .map((m) => `${m.document}/${m.person}`)
              .sort()
              .join(' ')}`,
        ),
        ...result.claims.map(
          (claim) =>
            `claim ${claim.members
              .map((m) => `${m.document}/${m.allegation}`)
              .sort()
              .join(' ')}`,
        ),
      ]);
    expect(grouping(reversed)).toEqual(grouping(links));
  });
});

describe('a reaction to allegations that names them by the people they concern', () => {
  const people = [
    {
      name: 'Han Dong',
      mentions: [
        { as: 'Han Dong', form: 'full' as const },
        { as: 'Dong', form: 'surname' as const },
      ],
    },
    { name: 'Michael Spavor', mentions: [{ as: 'Michael Spavor', form: 'full' as const }] },
    { name: 'Michael Kovrig', mentions: [{ as: 'Michael Kovrig', form: 'full' as const }] },
  ];
  const claim =
    'Han Dong allegedly advised a Chinese diplomat to delay the release of Michael Spavor and Michael Kovrig.';
  const reaction =
    'Opposition leaders said the allegations against Dong regarding Michael Spavor and Michael Kovrig underscored the need for a public inquiry.';
  const source = buildSource({
    id: 'a',
    paragraphs: [claim, reaction],
    people,
    allegations: [
      { quote: claim, stance: 'alleged', accused: ['Han Dong'] },
      { quote: reaction, stance: 'alleged', accused: ['Han Dong'] },
    ],
  });

  it('joins the claim it reacts to rather than making one of its own', () => {
    const links = linkSources([source]);
    expect(links.claims.map((found) => found.members.map((member) => member.allegation))).toEqual([[0, 1]]);
  });

  it('still says what it alleges when the complement goes on past the names', () => {
    const [, report] = claimReports(source, (id) => ({ id, name: id }));
    const detailed = buildSource({
      id: 'b',
      paragraphs: ['The allegations regarding Michael Spavor and his release were serious.'],
      people,
      allegations: [
        {
          quote: 'The allegations regarding Michael Spavor and his release were serious.',
          stance: 'alleged',
          accused: ['Han Dong'],
        },
      ],
    });
    expect(report?.terms.filter((term) => !term.startsWith('@'))).toEqual([]);
    const [detailedReport] = claimReports(detailed, (id) => ({ id, name: id }));
    expect(detailedReport?.terms).toContain('release');
  });
});

describe('linkSources on two politicians who look alike', () => {
  // The same city, riding, month, accusation and denial wording; different people.
  const story = (id: string, given: string) =>
    buildSource({
      id,
      metadata: { outlet: id, published: '2023-03-22' },
      paragraphs: [
        `Toronto MP ${given} Dong, who represents Don Valley North, was accused in March of taking money from a foreign government.`,
        `Mr Dong denied the allegations. Prime Minister Justin Trudeau said he had confidence in Mr Dong.`,
      ],
      people: [
        {
          name: `${given} Dong`,
          titles: ['MP'],
          mentions: [
            { as: `${given} Dong`, form: 'full' },
            { as: 'Mr Dong', form: 'titled', title: 'Mr' },
          ],
        },
        {
          name: 'Justin Trudeau',
          mentions: [{ as: 'Prime Minister Justin Trudeau', form: 'titled', title: 'Prime Minister' }],
        },
      ],
      allegations: [
        {
          quote: `Toronto MP ${given} Dong, who represents Don Valley North, was accused in March of taking money from a foreign government.`,
          stance: 'accused',
          accused: [`${given} Dong`],
        },
        { quote: 'Mr Dong denied the allegations.', stance: 'denied', accused: [`${given} Dong`] },
      ],
    });
  const links = linkSources([story('a', 'Han'), story('b', 'Kevin')]);

  it('keeps them two people, and their allegations two claims', () => {
    expect(links.people.map((person) => person.name)).toEqual(['Han Dong', 'Justin Trudeau', 'Kevin Dong']);
    expect(links.people.find((person) => person.name === 'Justin Trudeau')?.members).toHaveLength(2);
    expect(links.claims.map((claim) => claim.accused)).toEqual([['Han Dong'], ['Kevin Dong']]);
  });

  it('does not guess which of them a later source means by "Mr Dong" alone', () => {
    const later = buildSource({
      id: 'c',
      paragraphs: ['Mr Dong, the MP for Don Valley North, denied the allegations, Prime Minister Justin Trudeau said.'],
      people: [
        { name: 'Dong', titles: ['MP'], mentions: [{ as: 'Mr Dong', form: 'titled', title: 'Mr' }] },
        {
          name: 'Justin Trudeau',
          mentions: [{ as: 'Prime Minister Justin Trudeau', form: 'titled', title: 'Prime Minister' }],
        },
      ],
    });
    const withLater = linkSources([story('a', 'Han'), story('b', 'Kevin'), later]);
    expect(withLater.people.map((person) => person.name)).toEqual(['Han Dong', 'Justin Trudeau', 'Kevin Dong', 'Dong']);
  });
});

/**
 * The store's way, written independently: it keeps profiles and claims as plain stored records
 * (serialised between sources) and compares each new person and claim with every one it has,
 * with no blocking index at all. linkSources compares only with those sharing a key; the two
 * agreeing shows the keys miss nothing.
 */
function linkLikeAStore(sources: readonly SourceDocument[]) {
  let people: { profile: PersonProfile; members: string[] }[] = [];
  let claims: ClaimReport[][] = [];
  for (const source of sources) {
    const candidates = source.analysis.people.map((person) => personProfile(person, source.analysis));
    const matches = matchDocumentPeople(
      candidates,
      people.map((entry) => entry.profile),
    );
    const linked = new Map<string, number>();
    source.analysis.people.forEach((person, i) => {
      const match = matches[i];
      const member = `${source.id}/${person.id}`;
      if (match) {
        const entry = people[match.index] as (typeof people)[number];
        entry.profile = mergeProfiles(entry.profile, candidates[i] as PersonProfile);
        entry.members.push(member);
        linked.set(person.id, match.index);
      } else {
        linked.set(person.id, people.push({ profile: candidates[i] as PersonProfile, members: [member] }) - 1);
      }
    });
    const reports = claimReports(source, (id) => {
      const index = linked.get(id);
      return index === undefined
        ? undefined
        : { id: `person:${index}`, name: (people[index] as (typeof people)[number]).profile.name };
    });
    for (const group of groupDocumentClaims(reports)) {
      const match = matchClaim(group, claims);
      if (match === null) claims.push([...group]);
      else claims[match]?.push(...group);
    }
    people = JSON.parse(JSON.stringify(people)) as typeof people;
    claims = JSON.parse(JSON.stringify(claims)) as typeof claims;
  }
  return {
    people: people.map((entry) => entry.members),
    claims: claims.map((claim) => claim.map((report) => `${report.document}/${report.allegationIndex}`)),
  };
}

describe('linkSources is the store linking source by source', () => {
  const given = ['Michael', 'Han', 'Kevin', 'Jagmeet', 'Harjit', 'Meng'];
  const surnames = ['Spavor', 'Sparov', 'Kovrig', 'Korvig', 'Dong', 'Tao', 'Singh', 'Wanzhou'];
  const personArbitrary = fc.record({
    given: fc.constantFrom(...given),
    surname: fc.constantFrom(...surnames),
    form: fc.constantFrom('full', 'titled', 'surname', 'both'),
  });
  const actions = [
    'accused of taking bribes',
    'accused of lobbying a diplomat',
    'charged with spying for a foreign state',
    'denied the allegations',
  ];
  interface SourceShape {
    people: { given: string; surname: string; form: string }[];
    actions: [number, string][];
  }
  const sourceArbitrary: fc.Arbitrary<SourceShape> = fc.record({
    people: fc.uniqueArray(personArbitrary, { minLength: 1, maxLength: 4, selector: (p) => `${p.given} ${p.surname}` }),
    actions: fc.array(fc.tuple(fc.nat(), fc.constantFrom(...actions)), { maxLength: 3 }),
  });

  function sourceOf(spec: SourceShape, id: string): SourceDocument {
    // Every person of a source has a distinct surname: a source that printed two "Mr Dong"s could not tell them apart either.
    const people = spec.people.filter(
      (person, index) => spec.people.findIndex((other) => other.surname === person.surname) === index,
    );
    const paragraphs: string[] = [];
    const forms = people.map((person) => {
      const full = `${person.given} ${person.surname}`;
      const titled = `Mr ${person.surname}`;
      const printed =
        person.form === 'full'
          ? [full]
          : person.form === 'titled'
            ? [titled]
            : person.form === 'surname'
              ? [person.surname]
              : [full, titled];
      paragraphs.push(`${printed.join(' met ')} was in town.`);
      return { person, full, printed };
    });
    const allegations = spec.actions.map(([who, action]) => {
      const entry = forms[who % forms.length];
      if (!entry) throw new Error('a source has at least one person');
      const { person, printed } = entry;
      const quote = `${printed[printed.length - 1]} was ${action} last week.`;
      paragraphs.push(quote);
      const name = printed.some((text) => text.includes(' ') && !text.startsWith('Mr '))
        ? `${person.given} ${person.surname}`
        : person.surname;
      return {
        quote,
        stance: action.startsWith('denied') ? ('denied' as const) : ('accused' as const),
        accused: [name],
      };
    });
    return buildSource({
      id,
      paragraphs,
      people: forms.map(({ person, printed }) => {
        const hasFull = printed.some((text) => !text.startsWith('Mr ') && text.includes(' '));
        return {
          name: hasFull ? `${person.given} ${person.surname}` : person.surname,
          mentions: printed.map((text) =>
            text.startsWith('Mr ')
              ? { as: text, form: 'titled' as const, title: 'Mr' }
              : { as: text, form: text.includes(' ') ? ('full' as const) : ('surname' as const) },
          ),
        };
      }),
      allegations: allegations.filter(
        (allegation, index) => allegations.findIndex((other) => other.quote === allegation.quote) === index,
      ),
    });
  }

  it('links people and claims exactly as a store comparing with everything it holds', () => {
    fc.assert(
      fc.property(fc.array(sourceArbitrary, { minLength: 1, maxLength: 6 }), (specs) => {
        const sources = specs.map((spec, index) => sourceOf(spec, `s${index}`));
        const batch = linkSources(sources);
        const store = linkLikeAStore(sources);
        expect(batch.people.map((person) => person.members.map((m) => `${m.document}/${m.person}`))).toEqual(
          store.people,
        );
        expect(batch.claims.map((claim) => claim.members.map((m) => `${m.document}/${m.allegation}`))).toEqual(
          store.claims,
        );
      }),
      { numRuns: 150 },
    );
  });
});
