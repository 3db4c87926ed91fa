/**
 *   npm run analyze -- [--json] FILE...
 *
 * Analyses articles as the extension does and links them across sources. A FILE is .html (the
 * article is extracted as the extension extracts a page) or .txt (used verbatim, paragraphs split
 * on blank lines). With --json it prints the analysis as JSON; otherwise a readable report. A file
 * that cannot be read gets a one-line error; the others are still analysed, and the exit code is 1.
 */
import { pathToFileURL } from 'node:url';
import { analyseArticle, linkSources, type SourceDocument } from '../src/analysis/index.ts';
import { type AnalysedFile, documentId, jsonReport, textReport } from './lib/analysis-report.ts';
import { ArticleFileError, readArticleFile } from './lib/article-files.ts';

const usage = 'usage: npm run analyze -- [--json] FILE...  (FILE: .html or .txt)';

export interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Runs the command; returns its exit code. */
export function main(args: readonly string[], { out, err }: Output): number {
  const json = args.includes('--json');
  const unknown = args.filter((arg) => arg.startsWith('--') && arg !== '--json');
  const paths = args.filter((arg) => !arg.startsWith('--'));
  if (unknown.length > 0 || paths.length === 0) {
    err(unknown.length > 0 ? `analyze: unknown option ${unknown.join(', ')}\n${usage}` : usage);
    return 2;
  }
  const files: AnalysedFile[] = [];
  let failed = false;
  for (const file of paths) {
    try {
      const input = readArticleFile(file);
      files.push({ file, metadata: input.metadata, analysis: analyseArticle(input) });
    } catch (error) {
      if (!(error instanceof ArticleFileError)) throw error;
      err(`analyze: ${error.message}`);
      failed = true;
    }
  }
  const sources: SourceDocument[] = files.map((file, index) => ({
    id: documentId(index),
    metadata: file.metadata,
    analysis: file.analysis,
  }));
  const links = linkSources(sources);
  if (files.length > 0) out(json ? `${JSON.stringify(jsonReport(files, links), null, 2)}\n` : textReport(files, links));
  return failed ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = main(process.argv.slice(2), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(`${text}\n`),
  });
}
