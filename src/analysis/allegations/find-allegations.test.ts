import { describe, expect, it } from 'vitest';
import { analysisSteps, finish } from '../analyse.ts';
import { nameListFinder } from '../test-support/name-list-finder.ts';
import type { DocumentAnalysis } from '../types.ts';

function analyse(paragraphs: string[], names: string[]): DocumentAnalysis {
  return finish(
    analysisSteps(
      { blocks: paragraphs.map((text) => ({ kind: 'paragraph', text })), metadata: {} },
      nameListFinder(names),
    ),
  );
}

function allegations(paragraphs: string[], names: string[]) {
  const analysis = analyse(paragraphs, names);
  const nameOf = (id: string) => analysis.people.find((person) => person.id === id)?.name;
  return analysis.allegations.map((allegation) => ({
    stance: allegation.stance,
    accused: allegation.accused.map(nameOf),
    cue: analysis.text.slice(allegation.cue.start, allegation.cue.end),
    ...(allegation.attributedTo.length > 0 ? { attributedTo: allegation.attributedTo } : {}),
  }));
}

describe('sentence allegations', () => {
  it('read charges brought against someone', () => {
    expect(allegations(['Police charged Jane Roe with fraud on Monday.'], ['Jane Roe'])).toEqual([
      { stance: 'charged', accused: ['Jane Roe'], cue: 'charged' },
    ]);
    expect(allegations(['The charges against Jane Roe were dropped.'], ['Jane Roe'])).toEqual([
      { stance: 'charged', accused: ['Jane Roe'], cue: 'charges' },
    ]);
  });

  it('accuse the accused, not the accuser', () => {
    expect(allegations(['Dubey accused Moitra of taking bribes.'], ['Dubey', 'Moitra'])).toEqual([
      { stance: 'accused', accused: ['Moitra'], cue: 'accused' },
    ]);
    expect(allegations(['Moitra was accused by Dubey of taking bribes.'], ['Dubey', 'Moitra'])).toEqual([
      { stance: 'accused', accused: ['Moitra'], cue: 'was accused' },
    ]);
  });

  it('find the subject of an adverb, and the target of a noun', () => {
    expect(
      allegations(['Mr Dong allegedly suggested to Mr Tao that the release be delayed.'], ['Dong', 'Tao']),
    ).toEqual([{ stance: 'alleged', accused: ['Dong'], cue: 'allegedly' }]);
    expect(allegations(['Trudeau did not comment on the allegations against Mr Dong.'], ['Trudeau', 'Dong'])).toEqual([
      { stance: 'alleged', accused: ['Dong'], cue: 'allegations' },
    ]);
    expect(allegations(['Jane Roe resigned over allegations of fraud.'], ['Jane Roe'])).toEqual([
      { stance: 'alleged', accused: ['Jane Roe'], cue: 'allegations' },
    ]);
  });

  it('take people named together as one accused', () => {
    expect(
      allegations(
        ['Michael Kovrig and Michael Spavor were held on spying charges.'],
        ['Michael Kovrig', 'Michael Spavor'],
      ),
    ).toEqual([{ stance: 'charged', accused: ['Michael Kovrig', 'Michael Spavor'], cue: 'charges' }]);
  });

  it('resolve pronouns to the sentence’s subject, or a recent sentence’s', () => {
    expect(
      allegations(['Han Dong met Justin Trudeau amid allegations that he took money.'], ['Han Dong', 'Justin Trudeau']),
    ).toEqual([{ stance: 'alleged', accused: ['Han Dong'], cue: 'allegations' }]);
    expect(allegations(['Han Dong spoke.', '"These are untrue claims," he said.'], ['Han Dong'])).toEqual([
      { stance: 'denied', accused: ['Han Dong'], cue: 'untrue claims' },
    ]);
  });

  it('read a response by the accused as the stance, and only when it answers an allegation', () => {
    expect(allegations(['Han Dong has denied allegations that he lobbied a diplomat.'], ['Han Dong'])).toEqual([
      { stance: 'denied', accused: ['Han Dong'], cue: 'denied' },
    ]);
    expect(allegations(['Wang Wenbin has denied that Beijing ever interfered.'], ['Wang Wenbin'])).toEqual([]);
    expect(allegations(['Jane Roe admitted taking the money.'], ['Jane Roe'])).toEqual([
      { stance: 'admitted', accused: ['Jane Roe'], cue: 'admitted' },
    ]);
    expect(allegations(['Jane Roe was cleared of all charges.'], ['Jane Roe'])).toEqual([
      { stance: 'cleared', accused: ['Jane Roe'], cue: 'cleared of' },
    ]);
  });

  it('find whom "the MP" means when the story gave that role to one person', () => {
    expect(
      allegations(
        ['Canadian member of parliament Han Dong resigned.', 'The MP has denied all allegations.'],
        ['Han Dong'],
      ),
    ).toEqual([{ stance: 'denied', accused: ['Han Dong'], cue: 'denied' }]);
  });

  it('do not take conditions, reactions or sentences about no one for allegations', () => {
    expect(
      allegations(
        ['Jagmeet Singh said that if the allegations were true, the safety of Canadians was at risk.'],
        ['Jagmeet Singh'],
      ),
    ).toEqual([]);
    expect(allegations(['Pierre Poilievre said the allegations were serious.'], ['Pierre Poilievre'])).toEqual([]);
    expect(allegations(['The allegations shook Ottawa.'], [])).toEqual([]);
    expect(allegations(['According to Mr Smith, Jane Roe will attend the hearing.'], ['Smith', 'Jane Roe'])).toEqual(
      [],
    );
    expect(allegations(['According to the schedule, Jane Roe speaks at noon.'], ['Jane Roe'])).toEqual([]);
    expect(allegations(['Jane Roe, who is in charge of labelling fake news, retweeted it.'], ['Jane Roe'])).toEqual([]);
    expect(allegations(['Jane Roe has admitted that her failure is her greatest frustration.'], ['Jane Roe'])).toEqual(
      [],
    );
    expect(
      allegations(['Jane Roe had not appeared since the order, after lawmakers voted to reject it.'], ['Jane Roe']),
    ).toEqual([]);
    expect(
      allegations(
        ['President Bill Clinton blocked the assets of the government, which was suspected of sponsoring terrorism.'],
        ['Bill Clinton'],
      ),
    ).toEqual([]);
    expect(allegations(['Yoon accused the parliament of paralysing the government.'], ['Yoon'])).toEqual([]);
    expect(
      allegations(['Yoon spoke.', 'He also accused his opponents of sympathising with the North.'], ['Yoon']),
    ).toEqual([]);
    expect(allegations(['Yoon’s office has not commented on the allegations.'], ['Yoon'])).toEqual([]);
  });

  it('credit the sources the sentence names', () => {
    expect(
      allegations(
        ['In a report by Canadian media outlet Global News citing anonymous sources, Mr Dong was accused of lobbying.'],
        ['Dong'],
      ),
    ).toEqual([
      {
        stance: 'accused',
        accused: ['Dong'],
        cue: 'was accused',
        attributedTo: ['Global News, citing anonymous sources'],
      },
    ]);
    expect(
      allegations(
        ['Speaking to Global News, two national security sources said that Han Dong allegedly advised him.'],
        ['Han Dong'],
      ),
    ).toEqual([
      {
        stance: 'alleged',
        accused: ['Han Dong'],
        cue: 'allegedly',
        attributedTo: ['two national security sources, speaking to Global News'],
      },
    ]);
    expect(allegations(['According to court documents, Jane Roe took bribes.'], ['Jane Roe'])).toEqual([
      { stance: 'reported', accused: ['Jane Roe'], cue: 'According to', attributedTo: ['court documents'] },
    ]);
  });

  it('make two allegations of one sentence about different people, each with its own sources', () => {
    expect(
      allegations(
        [
          'According to a report by Global News, Dong had advised a diplomat to keep Michael Spavor and Michael Kovrig held on espionage charges.',
        ],
        ['Dong', 'Michael Spavor', 'Michael Kovrig'],
      ),
    ).toEqual([
      { stance: 'reported', accused: ['Dong'], cue: 'According to', attributedTo: ['Global News'] },
      { stance: 'charged', accused: ['Michael Spavor', 'Michael Kovrig'], cue: 'charges' },
    ]);
  });
});
