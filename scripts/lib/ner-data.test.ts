import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codePointOffsets, readEvalCorpus, readTaggedCorpus } from './ner-data.ts';

const dir = mkdtempSync(join(tmpdir(), 'ner-data-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function jsonLines(name: string, lines: unknown[]): string {
  const path = join(dir, name);
  writeFileSync(path, lines.map((line) => JSON.stringify(line)).join('\n') + '\n');
  return path;
}

const named = (text: string, spans: { start: number; end: number }[]) =>
  spans.map((span) => text.slice(span.start, span.end));

describe('reading the name corpora', () => {
  it('places tagged tokens in the sentence text and joins B-PER and I-PER into one span', () => {
    const path = jsonLines('gum.jsonl', [
      {
        doc: 'GUM_bio_x',
        tokens: ['Claire', 'Bailey', '-', 'Ross', 'met', 'Warhol', "'s", 'aide', 'Ann', '.'],
        tags: ['B-PER', 'I-PER', 'I-PER', 'I-PER', 'O', 'B-PER', 'O', 'O', 'B-PER', 'O'],
        text: "Claire Bailey-Ross met Warhol's aide Ann.",
      },
    ]);
    const [sentence] = readTaggedCorpus(path, 'gum');
    expect(sentence?.text).toBe("Claire Bailey-Ross met Warhol's aide Ann.");
    expect(named(sentence!.text, sentence!.people)).toEqual(['Claire Bailey-Ross', 'Warhol', 'Ann']);
    expect(sentence?.genre).toBe('gum-bio');
  });

  it('writes out sentences that come as tokens only, with spaces where English puts them', () => {
    const path = jsonLines('wikigold.jsonl', [
      {
        doc: 'wikigold-001',
        tokens: ['"', 'Hi', '"', ',', 'said', 'John', 'Smith', "'s", 'son', '(', 'Tom', ')', '.'],
        tags: ['O', 'O', 'O', 'O', 'O', 'B-PER', 'I-PER', 'O', 'O', 'O', 'B-PER', 'O', 'O'],
      },
    ]);
    const [sentence] = readTaggedCorpus(path, 'wikigold');
    expect(sentence?.text).toBe('"Hi", said John Smith\'s son (Tom).');
    expect(named(sentence!.text, sentence!.people)).toEqual(['John Smith', 'Tom']);
  });

  it('converts the evaluation split’s code point offsets to string offsets', () => {
    const text = '😀 Zoë met 𝒳 Han Dong.';
    const path = jsonLines('eval.jsonl', [
      {
        doc: 'n1-0001',
        domain: 'news',
        text,
        people: [
          { start: 2, end: 5, text: 'Zoë' },
          { start: 12, end: 20, text: 'Han Dong' },
        ],
      },
    ]);
    const [sentence] = readEvalCorpus(path);
    expect(named(text, sentence!.people)).toEqual(['Zoë', 'Han Dong']);
    expect(codePointOffsets('a😀b')).toEqual([0, 1, 3, 4]);
  });

  it('refuses an evaluation line whose offsets do not give its names', () => {
    const path = jsonLines('bad.jsonl', [
      { doc: 'n1-0001', domain: 'news', text: 'Han Dong left.', people: [{ start: 0, end: 4, text: 'Han Dong' }] },
    ]);
    expect(() => readEvalCorpus(path)).toThrow(/n1-0001: span 0 is not "Han Dong"/);
  });
});
