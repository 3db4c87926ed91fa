/** What the export and import panels say: counts, the import preview and its outcome, in plain words. */
import type { ExportFormat } from '../../export/export-data.ts';
import type { ImportComparison, ImportResult } from '../../export/import-outcome.ts';
import type { ExportScope } from '../../messaging/contract.ts';
import { count } from '../format.ts';
import type { FileSummary } from './worker-protocol.ts';

export { count, size } from '../format.ts';

/** "a, b and c" */
export function listed(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

export const formatLabels: Record<ExportFormat, { name: string; description: string }> = {
  backup: { name: 'JSON backup', description: 'Everything Crosscheck holds, to restore here or on another computer.' },
  w3c: {
    name: 'W3C Web Annotations (JSON-LD)',
    description: 'People, allegations and notes for Hypothesis, Recogito and other annotation tools.',
  },
  csv: { name: 'CSV', description: 'One row per mention, allegation and note, for a spreadsheet.' },
  markdown: {
    name: 'Markdown report',
    description: 'Sources, each outlet’s wording side by side, and your notes, to read or paste into a draft.',
  },
};

export function scopeLabel(scope: ExportScope, names: { page?: string; person?: string; claim?: string }): string {
  switch (scope.kind) {
    case 'everything':
      return 'Everything';
    case 'page':
      return `This article: ${names.page ?? scope.url}`;
    case 'person':
      return names.person ?? 'This person';
    case 'claim':
      return `This claim: ${names.claim ?? ''}`;
    case 'dates':
      return 'Articles and notes between two dates';
  }
}

export function fileDescription(summary: FileSummary): string[] {
  if (summary.kind === 'backup') {
    const { sources, people, claims, notes } = summary.counts;
    const day = new Date(summary.exported).toLocaleDateString('en-GB', { dateStyle: 'long' });
    return [
      `A Crosscheck backup made on ${day} by ${summary.generator}: ${listed([
        count(sources, 'article'),
        count(people, 'person', 'people'),
        count(claims, 'claim'),
        count(notes, 'note'),
      ])}.`,
    ];
  }
  const lines = [
    `${count(summary.annotations, 'W3C Web Annotation')}, of which ${count(summary.notes, 'note')} to import.`,
  ];
  if (summary.findings > 0) {
    lines.push(
      `${count(summary.findings, 'annotation')} Crosscheck’s own analysis made ${summary.findings === 1 ? 'is' : 'are'} left out: reading the article finds ${summary.findings === 1 ? 'it' : 'them'} again.`,
    );
  }
  if (summary.repeated > 0) {
    lines.push(
      `${count(summary.repeated, 'annotation')} ${summary.repeated === 1 ? 'appears' : 'appear'} again with the same id: only the latest version of each is imported.`,
    );
  }
  if (summary.wholePage > 0) {
    lines.push(
      `${count(summary.wholePage, 'note')} ${summary.wholePage === 1 ? 'marks' : 'mark'} a part of a page Crosscheck cannot find (an image region, say): ${summary.wholePage === 1 ? 'it is' : 'they are'} attached to the whole page.`,
    );
  }
  return lines;
}

export function comparisonDescription(summary: FileSummary, comparison: ImportComparison): string[] {
  const { sources, notes } = comparison;
  const noteParts = [
    notes.new > 0 ? `${notes.new} new` : '',
    notes.newer > 0 ? `${notes.newer} changed since your copy (the file’s replaces it)` : '',
    notes.same > 0 ? `${notes.same} already here` : '',
    notes.older > 0 ? `${notes.older} older than your copy (yours is kept)` : '',
  ].filter(Boolean);
  const noteLine = noteParts.length > 0 ? `Notes: ${listed(noteParts)}.` : '';
  if (summary.kind === 'annotations') {
    const waiting =
      sources.new > 0
        ? `${count(sources.new, 'article')} Crosscheck has not read yet: ${sources.new === 1 ? 'its' : 'their'} notes wait until you open ${sources.new === 1 ? 'it' : 'them'}.`
        : '';
    return [noteLine, waiting].filter(Boolean);
  }
  if (comparison.storeEmpty) return ['Crosscheck holds nothing yet, so the backup is restored exactly as it was made.'];
  const sourceParts = [
    sources.new > 0 ? `${sources.new} new` : '',
    sources.same > 0 ? `${sources.same} already here` : '',
    sources.newer > 0 ? `${sources.newer} read more recently in the file (its version replaces yours)` : '',
    sources.older > 0 ? `${sources.older} read more recently here (yours is kept)` : '',
  ].filter(Boolean);
  return [
    sourceParts.length > 0 ? `Articles: ${listed(sourceParts)}.` : '',
    'People and claims are linked with yours as reading the articles would link them.',
    noteLine,
  ].filter(Boolean);
}

export function resultDescription(result: ImportResult): string {
  const parts = [
    result.sources.added > 0 ? count(result.sources.added, 'article') + ' added' : '',
    result.sources.updated > 0 ? count(result.sources.updated, 'article') + ' updated' : '',
    result.people.added > 0 ? count(result.people.added, 'person', 'people') + ' added' : '',
    result.people.merged > 0 ? count(result.people.merged, 'person', 'people') + ' linked with yours' : '',
    result.claims.added > 0 ? count(result.claims.added, 'claim') + ' added' : '',
    result.claims.merged > 0 ? count(result.claims.merged, 'claim') + ' linked with yours' : '',
    result.notes.added > 0 ? count(result.notes.added, 'note') + ' added' : '',
    result.notes.updated > 0 ? count(result.notes.updated, 'note') + ' updated' : '',
  ].filter(Boolean);
  return [
    parts.length > 0 ? `Imported: ${listed(parts)}.` : 'Nothing changed: everything in the file was already here.',
    unattachedNotes(result.notes),
  ]
    .filter(Boolean)
    .join(' ');
}

/** Of the notes an import wrote, those it kept unattached: a part of the notes counted as added or updated. */
function unattachedNotes({ added, updated, orphaned }: ImportResult['notes']): string {
  if (orphaned === 0) return '';
  const why = `kept unattached: what ${orphaned === 1 ? 'it is' : 'they are'} about is not in Crosscheck.`;
  if (orphaned < added + updated) return `${orphaned} of these notes ${orphaned === 1 ? 'is' : 'are'} ${why}`;
  return orphaned === 1 ? `The note is ${why}` : `All ${orphaned} notes are ${why}`;
}
