/**
 * The licences of the npm packages the extension's bundles include. Minified bundles drop the
 * copyright notices that MIT, BSD, Apache and MPL ask to travel with every copy, so the build
 * writes them into the package beside its own LICENSE and NOTICE: each package that esbuild
 * bundled, with its version, declared licence and its own licence and notice files, verbatim.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Metafile } from 'esbuild';

export const thirdPartyFile = 'THIRD-PARTY-LICENSES';

/** The folder of each package that supplied bundled code ("node_modules/@mozilla/readability"). */
export function bundledPackages(metafile: Metafile): string[] {
  const folders = new Set<string>();
  for (const input of Object.keys(metafile.inputs)) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match?.[1]) folders.add(match[1]);
  }
  return [...folders].sort();
}

const licenceFileName = /^(licen[cs]e|copying|notice)(\.(md|txt))?$/i;

/** The text of the file: every bundled package's name, version, licence and licence files. */
export function thirdPartyLicences(metafile: Metafile, root: string): string {
  const sections = bundledPackages(metafile).map((folder) => {
    const dir = join(root, folder);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      name: string;
      version: string;
      license?: string;
      homepage?: string;
    };
    const files = readdirSync(dir)
      .filter((name) => licenceFileName.test(name))
      .sort();
    if (files.length === 0) throw new Error(`${manifest.name} ships no licence file to copy into the package`);
    const heading = `${manifest.name} ${manifest.version} (${manifest.license ?? 'licence not declared'})`;
    return [
      heading,
      '='.repeat(heading.length),
      ...(manifest.homepage ? [manifest.homepage] : []),
      '',
      ...files.map((name) => readFileSync(join(dir, name), 'utf8').trimEnd()),
    ].join('\n');
  });
  return [
    'Third-party software in Crosscheck',
    '',
    'The extension bundles these npm packages into its scripts. Each is listed with its licence and',
    'notice files as its authors publish them. Crosscheck’s own licences are in LICENSE and NOTICE.',
    '',
    '',
    sections.join('\n\n\n'),
    '',
  ].join('\n');
}
