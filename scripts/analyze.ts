/**
 *   npm run analyze -- [--json | --format w3c|csv|md] FILE...
 *
 * Analyses articles as the extension does and links them across sources. A FILE is .html (the
 * article is extracted as the extension extracts a page) or .txt (used verbatim, paragraphs split
 * on blank lines). With --json it prints the analysis as JSON; with --format, the articles as the
 * extension exports them (W3C Web Annotations, CSV or a Markdown report); otherwise a readable
 * report. A file that cannot be read gets a one-line error; the others are still analysed, and the
 * exit code is 1.
 */
import { pathToFileURL } from 'node:url';
import { analyseArticle, linkSources, type SourceDocument } from '../src/analysis/index.ts';
import { type AnalysedFile, documentId, jsonReport, textReport } from './lib/analysis-report.ts';
import { ArticleFileError, readArticleFile } from './lib/article-files.ts';
import { type CliFormat, cliFormats, exportArticles } from './lib/article-export.ts';

const usage = 'usage: npm run analyze -- [--json | --format w3c|csv|md] FILE...  (FILE: .html or .txt)';

export interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Runs the command; returns its exit code (once the export is written, with --format). */
export function main(args: readonly string[], { out, err }: Output): number | Promise<number> {
  const options = parseArgs(args);
  if (typeof options === 'string') {
    err(options);
    return 2;
  }
  const { json, format, paths } = options;
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
  if (format) {
    const articles = files.map(({ file, metadata, analysis }) => ({ path: file, article: { metadata, analysis } }));
    return (files.length > 0 ? exportArticles(articles, format).then(out) : Promise.resolve()).then(() =>
      failed ? 1 : 0,
    );
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

/** The options, or what is wrong with them. */
function parseArgs(args: readonly string[]): { json: boolean; format?: CliFormat; paths: string[] } | string {
  const paths: string[] = [];
  let json = false;
  let format: string | undefined;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string;
    if (arg === '--json') json = true;
    else if (arg === '--format') format = args[++index] ?? '';
    else if (arg.startsWith('--format=')) format = arg.slice('--format='.length);
    else if (arg.startsWith('--')) return `analyze: unknown option ${arg}\n${usage}`;
    else paths.push(arg);
  }
  if (format !== undefined && !Object.hasOwn(cliFormats, format)) {
    return `analyze: --format takes w3c, csv or md, not "${format}"\n${usage}`;
  }
  if (json && format !== undefined) return `analyze: --json and --format each choose the output; give one\n${usage}`;
  if (paths.length === 0) return usage;
  return { json, ...(format === undefined ? {} : { format: format as CliFormat }), paths };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  void Promise.resolve(
    main(process.argv.slice(2), {
      out: (text) => process.stdout.write(text),
      err: (text) => process.stderr.write(`${text}\n`),
    }),
  ).then((code) => {
    process.exitCode = code;
  });
}
