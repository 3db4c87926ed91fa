/**
 *   npm run bench                    every suite in scripts/bench/, figures printed as Markdown
 *   npm run bench -- analysis store  only the suites whose file names start with these words
 *   npm run bench -- --write         also write the figures into BENCHMARKS.md: the suites run replace
 *                                    their own sections, the others' stay as they were measured
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchSection, BenchSuite } from './lib/bench-report.ts';
import { repoRoot } from './lib/paths.ts';

const benchDir = join(repoRoot, 'scripts', 'bench');
const args = process.argv.slice(2);
const write = args.includes('--write');
const wanted = args.filter((arg) => !arg.startsWith('--'));

const suites = readdirSync(benchDir)
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
  .filter((file) => wanted.length === 0 || wanted.some((name) => file.startsWith(name)))
  .sort();
if (suites.length === 0) {
  console.error(`No benchmark suite matches ${wanted.join(', ')}. Suites: ${readdirSync(benchDir).join(', ')}`);
  process.exit(1);
}

const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}`;
const sections: BenchSection[] = [];
for (const file of suites) {
  const suite = (await import(pathToFileURL(join(benchDir, file)).href)) as { default: BenchSuite };
  const section = await suite.default();
  sections.push(section);
  console.log(`\n## ${section.title}\n\n${section.body}\n`);
}

/** The sections BENCHMARKS.md holds now, by title, in their order. */
function writtenSections(path: string): Map<string, string> {
  const sections = new Map<string, string>();
  if (!existsSync(path)) return sections;
  for (const part of readFileSync(path, 'utf8').split(/^## /m).slice(1)) {
    const newline = part.indexOf('\n');
    sections.set(part.slice(0, newline).trim(), part.slice(newline + 1).trim());
  }
  return sections;
}

if (write) {
  const path = join(repoRoot, 'BENCHMARKS.md');
  const date = new Date().toISOString().slice(0, 10);
  const merged = writtenSections(path);
  for (const section of sections) merged.set(section.title, `_Measured on ${date} (${machine})._\n\n${section.body}`);
  const document = [
    '# Benchmarks',
    '',
    'Written by `npm run bench -- --write` (a run of some suites replaces only their sections). Every figure comes',
    'with the baseline it is compared to, measured in the same run; rerun on your machine to compare like with like.',
    '',
    ...[...merged].flatMap(([title, body]) => [`## ${title}`, '', body, '']),
  ].join('\n');
  writeFileSync(path, document);
  console.log('BENCHMARKS.md updated');
}
