/**
 * Finds the browsers the tests, `npm start` and the benchmarks drive, and launches them with the
 * built extension installed. Playwright's and Puppeteer's own browser downloads are not used: the
 * system's Chromium and Firefox are.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

interface BrowserSpec {
  label: string;
  envVar: string;
  /** Names to look up on PATH, then absolute places. */
  commands: string[];
  paths: string[];
  install: string;
}

const chromium: BrowserSpec = {
  label: 'Chromium',
  envVar: 'CHROMIUM_PATH',
  commands: ['chromium', 'chromium-browser'],
  paths: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    'C:\\Program Files\\Chromium\\Application\\chrome.exe',
  ],
  install:
    'Install Chromium (Debian/Ubuntu: `sudo apt-get install chromium`; macOS: `brew install --cask chromium`), ' +
    'or set CHROMIUM_PATH to a Chromium or Chrome for Testing binary. Branded Google Chrome ignores ' +
    '--load-extension, so it cannot be used.',
};

const firefox: BrowserSpec = {
  label: 'Firefox',
  envVar: 'FIREFOX_PATH',
  commands: ['firefox-esr', 'firefox'],
  paths: [
    '/usr/bin/firefox-esr',
    '/usr/bin/firefox',
    '/snap/bin/firefox',
    '/Applications/Firefox.app/Contents/MacOS/firefox',
    'C:\\Program Files\\Mozilla Firefox\\firefox.exe',
  ],
  install:
    'Install Firefox 140 or later (Debian: `sudo apt-get install firefox-esr`; macOS: `brew install --cask firefox`), ' +
    'or set FIREFOX_PATH to its binary.',
};

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function find(spec: BrowserSpec): string {
  const fromEnv = process.env[spec.envVar];
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    throw new Error(`${spec.envVar}=${fromEnv} is not an executable file. ${spec.install}`);
  }
  const onPath = (process.env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .flatMap((dir) => spec.commands.map((command) => join(dir, command)));
  const found = [...onPath, ...spec.paths].find(isExecutable);
  if (found) return found;
  throw new Error(`${spec.label} was not found. ${spec.install}`);
}

export const findChromium = (): string => find(chromium);
export const findFirefox = (): string => find(firefox);
