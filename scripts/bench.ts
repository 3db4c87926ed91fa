/**
 *   npm run bench                    every suite in scripts/bench/, figures printed as Markdown
 *   npm run bench -- analysis store  only the suites whose file names start with these words
 *   npm run bench -- --write         also rewrite BENCHMARKS.md with the figures
 */
import { readdirSync, writeFileSync } from 'node:fs';
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

if (write) {
  const date = new Date().toISOString().slice(0, 10);
  const document = [
    '# Benchmarks',
    '',
    `Measured by \`npm run bench -- --write\` on ${date} (${machine}). Every figure comes with the baseline it is`,
    'compared to, measured in the same run; rerun on your machine to compare like with like.',
    '',
    ...sections.flatMap((section) => [`## ${section.title}`, '', section.body, '']),
  ].join('\n');
  writeFileSync(join(repoRoot, 'BENCHMARKS.md'), document);
  console.log('BENCHMARKS.md updated');
}
