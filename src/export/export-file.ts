/** An export as a file to save: its text in the chosen format, a dated name and a media type. */
import { backupText } from './backup-file.ts';
import { csvText } from './csv.ts';
import type { ExportData, ExportFormat } from './export-data.ts';
import { markdownReport } from './markdown-report.ts';
import { annotationCollectionText } from './web-annotation.ts';

export interface ExportFile {
  name: string;
  type: string;
  text: string;
}

const kinds: Record<ExportFormat, { extension: string; type: string; write: (data: ExportData) => string }> = {
  backup: {
    extension: 'json',
    type: 'application/json',
    write: (data) => {
      if (!data.settings) throw new Error('A backup needs the settings, which were not read.');
      return backupText({ ...data, settings: data.settings });
    },
  },
  w3c: { extension: 'jsonld', type: 'application/ld+json', write: annotationCollectionText },
  csv: { extension: 'csv', type: 'text/csv;charset=utf-8', write: csvText },
  markdown: { extension: 'md', type: 'text/markdown;charset=utf-8', write: markdownReport },
};

export function exportFile(format: ExportFormat, data: ExportData): ExportFile {
  const kind = kinds[format];
  return { name: fileName(format, data, kind.extension), type: kind.type, text: kind.write(data) };
}

/** `crosscheck-backup-2026-05-01.json`, `crosscheck-han-dong-2026-05-01.md`: what it is, and the day it was made. */
export function fileName(
  format: ExportFormat,
  data: Pick<ExportData, 'scope' | 'label' | 'generated'>,
  extension: string,
): string {
  const what =
    format === 'backup'
      ? 'backup'
      : data.scope.kind === 'everything'
        ? 'everything'
        : slug(data.label) || data.scope.kind;
  return `crosscheck-${what}-${localDay(data.generated)}.${extension}`;
}

const slugLength = 48;

/**
 * Letters and digits of a label, lower-cased and hyphenated, accents dropped, short enough for a
 * file name: cut after a whole word ("…-liberal-party-over", not "…-over-al").
 */
function slug(label: string): string {
  const words = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  if (words.length <= slugLength) return words;
  const lastBreak = words.lastIndexOf('-', slugLength);
  return lastBreak > 0 ? words.slice(0, lastBreak) : words.slice(0, slugLength);
}

/** The reader's calendar day, as they would date the file themselves. */
function localDay(time: number): string {
  const date = new Date(time);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
}
