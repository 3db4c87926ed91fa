import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './lib/paths.ts';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const quickStart = /## Quick start[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
const commands = quickStart
  .split('\n')
  .map((line) => line.replace(/#.*$/, '').trim())
  .filter(Boolean);

describe('README quick start', () => {
  it('is two commands: one that sets up and runs, one that sets up and tests', () => {
    expect(commands).toHaveLength(2);
    expect(commands[0]).toMatch(/npm start$/);
    expect(commands[1]).toMatch(/npm test$/);
  });

  it('is what CI runs', () => {
    const ci = readFileSync(join(repoRoot, '.ci', 'run'), 'utf8');
    expect(ci.split('\n')).toContain(commands[1]);
  });

  it('names only npm scripts that exist', () => {
    const { scripts } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    for (const [, name] of readme.matchAll(/npm run ([\w:-]+)/g)) expect(Object.keys(scripts)).toContain(name);
  });
});

describe('README images', () => {
  it('are all in the repository (scripts/readme-screenshots.ts makes the screenshots)', () => {
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map(([, path]) => path ?? '');
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) expect(existsSync(join(repoRoot, image)), image).toBe(true);
  });
});
