/**
 * Where in the page the article can be, found cheaply so Readability only has to read that part.
 * Readability over a whole news page costs 5 to 60 ms of main thread, most of it spent on
 * navigation, comments, recommendations and ads; over the part that holds the prose it costs a
 * fraction of that and, on the real-page suite, chooses the same text.
 *
 * The scoring is Readability's own first step in miniature: every paragraph with some prose gives
 * points to its parent and half to its grandparent. The scope is the smallest element holding every
 * container that scored at least a quarter of the best one, plus its parent, so the siblings that
 * Readability may add around its top candidate are inside too.
 */

const minParagraphLength = 25;
const strongContainerShare = 0.25;

export function articleScope(body: HTMLElement): Element {
  const scores = new Map<Element, number>();
  const add = (element: Element | null, points: number) => {
    if (element) scores.set(element, (scores.get(element) ?? 0) + points);
  };
  for (const paragraph of body.querySelectorAll('p, pre')) {
    const text = paragraph.textContent ?? '';
    if (text.length < minParagraphLength) continue;
    const points = 1 + countCommas(text) + Math.min(Math.floor(text.length / 100), 3);
    add(paragraph.parentElement, points);
    add(paragraph.parentElement?.parentElement ?? null, points / 2);
  }

  let best = 0;
  for (const points of scores.values()) best = Math.max(best, points);
  if (best === 0) return body;

  let scope: Element | null = null;
  for (const [element, points] of scores) {
    if (points < best * strongContainerShare || !body.contains(element)) continue;
    scope = scope ? commonAncestor(scope, element) : element;
  }
  const widened = scope?.parentElement ?? scope;
  return widened && body.contains(widened) ? widened : body;
}

function countCommas(text: string): number {
  let commas = 0;
  for (let at = text.indexOf(','); at >= 0; at = text.indexOf(',', at + 1)) commas++;
  return commas;
}

function commonAncestor(a: Element, b: Element): Element {
  let ancestor: Element = a;
  while (!ancestor.contains(b) && ancestor.parentElement) ancestor = ancestor.parentElement;
  return ancestor;
}
