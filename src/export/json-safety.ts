/**
 * Reading JSON that anyone may have written. `JSON.parse` itself is safe (it defines a `__proto__`
 * key as a plain property, and it nests as deep as the file does), but what reads the result next
 * may not be: `Object.assign` would set a prototype from that key, and a recursive walk would
 * overflow the stack. So a file is parsed, then walked once without recursion and refused when it
 * nests deeper than any real file or carries a key that names a prototype.
 */
import { ImportError, formatPath } from './import-problems.ts';

/** Far deeper than a backup (7 levels) or any Web Annotation file; shallow enough to walk safely. */
export const maxJsonDepth = 64;

const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

/** Parses JSON text, or refuses it with where and why it is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ImportError(`The file is not valid JSON: ${syntaxProblem(error, text)}`);
  }
}

/** Refuses a parsed value that nests too deep or has a key that names a prototype; says where. */
export function assertSafeJson(value: unknown, maxDepth = maxJsonDepth): void {
  // Each entry knows its parent, so a path is built only for the place that is refused.
  type Entry = { value: unknown; depth: number; key: string | number; parent: Entry | null };
  const pathOf = (entry: Entry | null, last?: string): string => {
    const keys: (string | number)[] = last === undefined ? [] : [last];
    for (let at = entry; at?.parent; at = at.parent) keys.unshift(at.key);
    return formatPath(keys);
  };
  const stack: Entry[] = [{ value, depth: 0, key: '', parent: null }];
  while (stack.length > 0) {
    const entry = stack.pop() as Entry;
    const current = entry.value;
    if (typeof current !== 'object' || current === null) continue;
    if (entry.depth >= maxDepth) {
      throw new ImportError([
        { path: pathOf(entry), message: `nested more than ${maxDepth} levels deep, which no real file is` },
      ]);
    }
    const depth = entry.depth + 1;
    if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index--) {
        const item: unknown = current[index];
        if (typeof item === 'object' && item !== null) stack.push({ value: item, depth, key: index, parent: entry });
      }
      continue;
    }
    for (const key of Object.keys(current)) {
      if (forbiddenKeys.has(key)) {
        throw new ImportError([
          { path: pathOf(entry, key), message: `the key "${key}" is not allowed: it could change how objects behave` },
        ]);
      }
      const item = (current as Record<string, unknown>)[key];
      if (typeof item === 'object' && item !== null) stack.push({ value: item, depth, key, parent: entry });
    }
  }
}

/** The parser's reason, with the line and column where the browser gives only a position. */
function syntaxProblem(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const reason = message.replace(/^JSON\.parse: /, '').replace(/, "[\s\S]*" is not valid JSON$/, '');
  const position = /at position (\d+)/.exec(reason);
  if (!position || /line \d+/.test(reason)) return reason;
  const at = Number(position[1]);
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  return `${reason.replace(/ in JSON at position \d+.*$/, '').replace(/ at position \d+.*$/, '')} (line ${line}, column ${column})`;
}
