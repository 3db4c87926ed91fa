/** What each benchmark suite in scripts/bench/ exports as its default: a run that reports figures. */
export interface BenchSection {
  title: string;
  /** Markdown: tables of figures, each with the baseline it was measured against. */
  body: string;
}

export type BenchSuite = () => Promise<BenchSection>;

/** A Markdown table from a header row and data rows. */
export function markdownTable(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
