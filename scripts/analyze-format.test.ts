import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { main } from './analyze.ts';
import { fixturesDir, repoRoot } from './lib/paths.ts';

const seeds = [join(fixturesDir, 'bbc-han-dong.html'), join(fixturesDir, 'wion-han-dong.html')];

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join(''), err };
}

describe('npm run analyze -- --format', () => {
  it('w3c: the two seed articles as a Web Annotation collection that follows the model', async () => {
    const { code, out, err } = await run(['--format', 'w3c', ...seeds]);
    expect({ code, err }).toEqual({ code: 0, err: [] });
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    const schema = JSON.parse(readFileSync(join(repoRoot, 'src/export/web-annotation.schema.json'), 'utf8')) as object;
    const collection = JSON.parse(out) as {
      type: string;
      first: { items: { motivation: string; target: { source: string } }[] };
    };
    expect(ajv.validate(schema, collection), ajv.errorsText()).toBe(true);
    expect(collection.type).toBe('AnnotationCollection');
    const motivations = new Set(collection.first.items.map((item) => item.motivation));
    expect(motivations).toEqual(new Set(['identifying', 'questioning', 'assessing']));
    expect(new Set(collection.first.items.map((item) => item.target.source)).size).toBe(2);
  });

  it('csv and md: the same articles for a spreadsheet and as a report', async () => {
    const csv = await run([`--format=csv`, ...seeds]);
    expect(csv.code).toBe(0);
    expect(csv.out.startsWith('\ufeffkind,motivation,article,outlet,')).toBe(true);
    expect(csv.out).toContain('BBC News');
    const md = await run(['--format', 'md', ...seeds]);
    expect(md.code).toBe(0);
    expect(md.out).toMatch(/^# Crosscheck report: everything read\n/);
    expect(md.out).toContain('### Han Dong');
  });

  it('says what is wrong with the options, and still exports the files it can read', async () => {
    expect(await run(['--format', 'pdf', ...seeds])).toMatchObject({ code: 2, out: '' });
    expect((await run(['--format', 'pdf', ...seeds])).err[0]).toMatch(
      /^analyze: --format takes w3c, csv or md, not "pdf"/,
    );
    expect((await run(['--json', '--format', 'csv', ...seeds])).err[0]).toMatch(/give one/);
    const partly = await run(['--format', 'md', join(fixturesDir, 'missing.html'), ...seeds]);
    expect(partly.code).toBe(1);
    expect(partly.err[0]).toMatch(/missing\.html: no such file/);
    expect(partly.out).toContain('### Han Dong');
  });
});
