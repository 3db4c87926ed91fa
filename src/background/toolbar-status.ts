/**
 * The toolbar button tells the reader when the browser refused to save: a "!" badge, with the
 * reason in its tooltip, until a write succeeds again. The popup shows the same from `store/status`.
 */
import browser from 'webextension-polyfill';
import type { StoreProblem } from '../store/store-health.ts';

const defaultTitle = 'Crosscheck';

export async function showStoreProblem(problem: StoreProblem | null): Promise<void> {
  if (problem) {
    await Promise.all([
      browser.action.setBadgeBackgroundColor({ color: '#b3261e' }),
      browser.action.setBadgeText({ text: '!' }),
      browser.action.setTitle({ title: `${defaultTitle}: ${problem.message}` }),
    ]);
  } else {
    await Promise.all([browser.action.setBadgeText({ text: '' }), browser.action.setTitle({ title: defaultTitle })]);
  }
}
