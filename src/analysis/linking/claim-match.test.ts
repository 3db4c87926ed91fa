import { describe, expect, it } from 'vitest';
import { buildSource } from '../test-support/source-builder.ts';
import type { ClaimReport } from '../types.ts';
import { claimKeys, groupDocumentClaims, isBareReport, matchClaim, sameClaim } from './claim-match.ts';
import { claimReports } from './claim-report.ts';

const mrDong = {
  name: 'Han Dong',
  mentions: [
    { as: 'Han Dong', form: 'full' as const },
    { as: 'Mr Dong', form: 'titled' as const, title: 'Mr' },
  ],
};
const mrTao = { name: 'Han Tao', mentions: [{ as: 'Han Tao', form: 'full' as const }] };

function reportsOf(
  id: string,
  sentences: { quote: string; stance: 'accused' | 'alleged' | 'denied' }[],
  paragraphs = sentences.map((s) => s.quote),
): ClaimReport[] {
  const source = buildSource({
    id,
    paragraphs,
    people: [mrDong, mrTao],
    allegations: sentences.map((sentence) => ({ ...sentence, accused: ['Han Dong'] })),
  });
  return claimReports(source, (personId) => {
    const person = source.analysis.people.find((candidate) => candidate.id === personId);
    return person && { id: person.name, name: person.name };
  });
}

describe('claim reports', () => {
  it('keep what the allegation says, without the names, the attribution or the words of reporting', () => {
    const [report] = reportsOf('a', [
      { quote: 'Han Dong was accused of lobbying Han Tao to delay the release.', stance: 'accused' },
    ]);
    expect(report?.terms).toEqual(['advise', 'delay', 'release', '@Han Tao']);
    expect(report?.accusedIds).toEqual(['Han Dong']);
    expect(report?.mentionedIds).toEqual(['Han Tao']);
    expect(claimKeys(report as ClaimReport)).toEqual(['accused:Han Dong']);
  });

  it('find nothing said in a bare denial, but the object of a denial that names it', () => {
    const [bare, named, referred] = reportsOf('a', [
      { quote: 'Mr Dong denied the allegations against him.', stance: 'denied' },
      { quote: 'Mr Dong denied allegations that he lobbied to delay the release of two Canadians.', stance: 'denied' },
      { quote: 'Han Tao did not comment on the specific allegations against Mr Dong.', stance: 'alleged' },
    ]);
    expect(isBareReport(bare as ClaimReport)).toBe(true);
    expect(named?.terms).toEqual(['advise', 'delay', 'release']);
    expect(isBareReport(referred as ClaimReport)).toBe(true);
  });
});

describe('sameClaim', () => {
  const [lobbying, suggested, interference] = reportsOf('a', [
    {
      quote: 'Han Dong has been accused of lobbying a Chinese diplomat to keep two Canadians imprisoned.',
      stance: 'accused',
    },
    { quote: 'Mr Dong allegedly advised the diplomat to delay the release of the detained men.', stance: 'alleged' },
    { quote: 'Mr Dong was accused of political interference on behalf of a foreign state.', stance: 'accused' },
  ]) as [ClaimReport, ClaimReport, ClaimReport];

  it('joins different wordings of one allegation and keeps different allegations apart', () => {
    expect(sameClaim(lobbying, suggested)).toBe(true);
    expect(sameClaim(lobbying, interference)).toBe(false);
  });

  it('needs the same accused', () => {
    expect(sameClaim(lobbying, { ...suggested, accusedIds: ['Han Tao'] })).toBe(false);
  });
});

describe('groupDocumentClaims', () => {
  it('groups a source’s reports by claim and gives its bare denial to the claim it makes most', () => {
    const reports = reportsOf('a', [
      { quote: 'Mr Dong was accused of political interference on behalf of a foreign state.', stance: 'accused' },
      {
        quote: 'Han Dong has been accused of lobbying a Chinese diplomat to keep two Canadians imprisoned.',
        stance: 'accused',
      },
      { quote: 'Mr Dong denied the allegations against him.', stance: 'denied' },
      { quote: 'Mr Dong allegedly advised the diplomat to delay the release of the detained men.', stance: 'alleged' },
    ]);
    expect(groupDocumentClaims(reports).map((group) => group.map((report) => report.allegationIndex))).toEqual([
      [0],
      [1, 2, 3],
    ]);
  });
});

describe('matchClaim', () => {
  it('finds the known claim a new source’s group repeats, and none for a new claim', () => {
    const known = groupDocumentClaims(
      reportsOf('a', [
        { quote: 'Mr Dong was accused of political interference on behalf of a foreign state.', stance: 'accused' },
        {
          quote: 'Han Dong has been accused of lobbying a Chinese diplomat to keep two Canadians imprisoned.',
          stance: 'accused',
        },
      ]),
    );
    const [repeat] = groupDocumentClaims(
      reportsOf('b', [
        { quote: 'Han Dong allegedly lobbied a diplomat to keep the detained Canadians.', stance: 'alleged' },
      ]),
    );
    const [fresh] = groupDocumentClaims(
      reportsOf('c', [{ quote: 'Han Dong was accused of taking bribes from a developer.', stance: 'accused' }]),
    );
    expect(matchClaim(repeat as ClaimReport[], known)).toBe(1);
    expect(matchClaim(fresh as ClaimReport[], known)).toBeNull();
  });

  it('matches a source that only reports a denial with a known bare claim about the same person', () => {
    const [denial] = groupDocumentClaims(
      reportsOf('a', [{ quote: 'Mr Dong denied the allegations against him.', stance: 'denied' }]),
    );
    const [again] = groupDocumentClaims(
      reportsOf('b', [{ quote: 'Mr Dong has denied the allegations.', stance: 'denied' }]),
    );
    expect(matchClaim(again as ClaimReport[], [denial as ClaimReport[]])).toBe(0);
  });
});
