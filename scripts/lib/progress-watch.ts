/**
 * Watches the progress bars of an extension page from Playwright: every change of a `<progress>`
 * (shown, moved, relabelled), with when it happened. The import's end-to-end test reads what the
 * reader was shown; the import benchmark reads how long the bar ever stood still.
 */
import type { Page } from '@playwright/test';

export interface ProgressStep {
  /** The bar's accessible name: the stage and the file ("Reading the file: backup.json"). */
  label: string;
  value: number | null;
  max: number;
  /** Milliseconds since the page's navigation start. */
  time: number;
}

type Watched = { progressSteps?: ProgressStep[] };

/**
 * Starts recording (again, from nothing) every change of the page's progress bars. A string, so that
 * none of the TypeScript runner's helpers leak into the page.
 */
export async function watchProgress(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    const steps = [];
    globalThis.progressSteps = steps;
    let last = '';
    const record = () => {
      for (const bar of document.querySelectorAll('progress')) {
        const step = {
          label: bar.getAttribute('aria-label') ?? '',
          value: bar.hasAttribute('value') ? bar.value : null,
          max: bar.max,
        };
        const key = JSON.stringify(step);
        if (key === last) continue;
        last = key;
        steps.push({ ...step, time: performance.now() });
      }
    };
    new MutationObserver(record).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['value', 'max', 'aria-label'],
    });
  })()`);
}

export async function progressSteps(page: Page): Promise<ProgressStep[]> {
  return page.evaluate(() => (globalThis as Watched).progressSteps ?? []);
}
