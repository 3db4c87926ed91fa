/**
 * What `npm run analyze` prints: the JSON shape of issue 3 (with a few more fields), and a readable
 * report of the same for a person at a terminal.
 */
import { basename } from 'node:path';
import {
  type CrossSourceLinks,
  type Discrepancy,
  type DocumentAnalysis,
  isResponse,
  type Person,
} from '../../src/analysis/index.ts';
import type { ArticleMetadata } from '../../src/analysis/types.ts';

export interface AnalysedFile {
  file: string;
  metadata: ArticleMetadata;
  analysis: DocumentAnalysis;
}

/** The cross-source result refers to documents by the index of their file on the command line. */
export const documentId = (index: number): string => String(index);

export function jsonReport(files: readonly AnalysedFile[], links: CrossSourceLinks): unknown {
  const index = (document: string) => Number(document);
  const values = (discrepancy: Discrepancy) => ({
    kind: discrepancy.kind,
    ...(discrepancy.about ? { about: discrepancy.about } : {}),
    values: discrepancy.values.map((value) => ({ document: index(value.document), text: value.text })),
  });
  return {
    documents: files.map(({ file, metadata, analysis }) => {
      const nameOf = personNames(analysis.people);
      return {
        file,
        title: metadata.title ?? null,
        outlet: metadata.outlet ?? null,
        published: metadata.published ?? null,
        text: analysis.text,
        people: analysis.people.map((person) => ({
          name: person.name,
          role: person.role,
          variants: person.variants,
          titles: person.titles,
          mentions: person.mentions.map((mention) => ({
            start: mention.start,
            end: mention.end,
            text: mention.text,
            form: mention.form,
            ...(mention.title ? { title: mention.title } : {}),
          })),
        })),
        groups: analysis.groups.map((group) => ({
          name: group.name,
          members: group.members.map(nameOf),
          mentions: group.mentions.map(({ start, end, text }) => ({ start, end, text })),
        })),
        allegations: analysis.allegations.map((allegation) => ({
          start: allegation.start,
          end: allegation.end,
          text: allegation.text,
          stance: allegation.stance,
          cue: {
            start: allegation.cue.start,
            end: allegation.cue.end,
            text: analysis.text.slice(allegation.cue.start, allegation.cue.end),
          },
          accused: allegation.accused.map(nameOf),
          attributedTo: allegation.attributedTo,
        })),
      };
    }),
    people: links.people.map((person) => ({
      name: person.name,
      variants: person.variants,
      documents: [...new Set(person.members.map((member) => index(member.document)))],
      discrepancies: person.discrepancies.map(values),
    })),
    allegations: links.claims.map((claim) => ({
      accused: claim.accused,
      documents: [...new Set(claim.members.map((member) => index(member.document)))],
      members: claim.members.map((member) => ({ document: index(member.document), allegation: member.allegation })),
      discrepancies: claim.discrepancies.map(values),
    })),
  };
}

export function textReport(files: readonly AnalysedFile[], links: CrossSourceLinks): string {
  const lines: string[] = [];
  const sourceName = (document: string) => {
    const file = files[Number(document)];
    return file?.metadata.outlet ?? (file ? basename(file.file) : document);
  };
  const sentenceOf = (member: { document: string; allegation: number }) =>
    files[Number(member.document)]?.analysis.allegations[member.allegation];
  for (const { file, metadata, analysis } of files) {
    const nameOf = personNames(analysis.people);
    const heading = [metadata.outlet, metadata.title].filter(Boolean).join(': ') || file;
    lines.push(`${heading}${metadata.published ? ` (${metadata.published.slice(0, 10)})` : ''}`, `  ${file}`);
    lines.push(`  People (${analysis.people.length})`);
    for (const person of analysis.people) {
      const forms = countBy(
        person.mentions.map((mention) => (mention.title ? `${mention.title} ${mention.text}` : mention.text)),
      );
      const roles = person.titles.length > 0 ? ` (${person.titles.join(', ')})` : '';
      const role = person.role === 'subject' ? '' : ` [${person.role}]`;
      lines.push(
        `    ${person.name}${roles}${role}: ${forms.map(([text, count]) => (count > 1 ? `${text} ×${count}` : text)).join(', ')}`,
      );
    }
    for (const group of analysis.groups) lines.push(`    ${group.name}: ${group.members.map(nameOf).join(', ')}`);
    lines.push(`  Allegations (${analysis.allegations.length})`);
    for (const allegation of analysis.allegations) {
      const credit = allegation.attributedTo.length > 0 ? ` (per ${allegation.attributedTo.join('; ')})` : '';
      lines.push(
        `    ${allegation.stance} · ${allegation.accused.map(nameOf).join(', ')}${credit}`,
        `      “${allegation.text}”`,
      );
    }
    lines.push('');
  }
  const shared = links.people.filter((person) => new Set(person.members.map((member) => member.document)).size > 1);
  lines.push(`Across ${files.length} source${files.length === 1 ? '' : 's'}`);
  lines.push(`  People in more than one source (${shared.length})`);
  for (const person of shared) {
    const sources = [...new Set(person.members.map((member) => sourceName(member.document)))];
    lines.push(`    ${person.name}: ${sources.join(', ')}; written ${person.variants.join(', ')}`);
    for (const discrepancy of person.discrepancies) lines.push(`      ${describe(discrepancy, sourceName)}`);
  }
  lines.push(`  Claims (${links.claims.length})`);
  for (const claim of links.claims) {
    const counts = countBy(claim.members.map((member) => sourceName(member.document)));
    lines.push(
      `    ${claim.accused.join(', ')}: ${counts.map(([source, count]) => `${source} (${count})`).join(', ')}`,
    );
    const telling = claim.members.map(sentenceOf).find((allegation) => allegation && !isResponse(allegation.stance));
    if (telling) lines.push(`      “${shorten(telling.text)}”`);
    for (const discrepancy of claim.discrepancies) lines.push(`      ${describe(discrepancy, sourceName)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** A sentence cut to a line's length at a word boundary. */
function shorten(text: string, length = 110): string {
  if (text.length <= length) return text;
  const cut = text.lastIndexOf(' ', length);
  return `${text.slice(0, cut > 0 ? cut : length)}…`;
}

function describe(discrepancy: Discrepancy, sourceName: (document: string) => string): string {
  const values = discrepancy.values.map((value) => `${sourceName(value.document)}: “${value.text}”`).join(' | ');
  return `! ${discrepancy.kind}${discrepancy.about ? ` (${discrepancy.about})` : ''}: ${values}`;
}

function personNames(people: readonly Person[]): (id: string) => string {
  const names = new Map(people.map((person) => [person.id, person.name]));
  return (id) => names.get(id) ?? id;
}

function countBy(items: readonly string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts];
}
