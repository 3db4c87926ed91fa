/**
 * Why a file cannot be imported, said so that the reader (or whoever made the file) can find the
 * place: a path into the file ("notes[3].colour") and what is wrong there.
 */
import type * as v from 'valibot';

export interface ImportProblem {
  /** Where in the file, as a JavaScript-style path from its top: `notes[3].target.kind`; empty for the whole file. */
  path: string;
  message: string;
}

/** A file refused: nothing was written. The message names the first problem and how many more there are. */
export class ImportError extends Error {
  override name = 'ImportError';
  readonly problems: ImportProblem[];

  constructor(problems: ImportProblem[] | string, total?: number) {
    const list = typeof problems === 'string' ? [{ path: '', message: problems }] : problems;
    const first = list[0] ?? { path: '', message: 'the file could not be read' };
    const more = (total ?? list.length) - 1;
    super(`${describeProblem(first)}${more > 0 ? ` (and ${more} more ${more === 1 ? 'problem' : 'problems'})` : ''}`);
    this.problems = list;
  }
}

export function describeProblem({ path, message }: ImportProblem): string {
  return path === '' ? message : `${path}: ${message}`;
}

/** `notes[3].target.kind` from a path of keys, quoting keys that are not plain names. */
export function formatPath(keys: readonly (string | number)[]): string {
  let path = '';
  for (const key of keys) {
    if (typeof key === 'number') path += `[${key}]`;
    else if (/^[A-Za-z_$@][\w$@]*$/.test(key)) path += path === '' ? key : `.${key}`;
    else path += `[${JSON.stringify(key)}]`;
  }
  return path;
}

/** One valibot issue as a problem, its path prefixed by where the checked value sits in the file. */
export function problemOf(issue: v.BaseIssue<unknown>, prefix: readonly (string | number)[] = []): ImportProblem {
  const keys = [...prefix, ...(issue.path ?? []).map((item) => item.key as string | number)];
  return { path: formatPath(keys), message: explain(issue) };
}

function explain(issue: v.BaseIssue<unknown>): string {
  const found = issue.received;
  switch (issue.type) {
    case 'strict_object':
    case 'object':
    case 'loose_object':
      if (issue.expected === 'never') return 'this key is not part of the format';
      // A key the object must have is missing: the issue names the key and finds nothing.
      if (issue.path?.length && found === 'undefined') return 'missing: this field is required';
      return `expected an object, found ${found}`;
    case 'array':
      return `expected a list, found ${found}`;
    case 'string':
      return `expected text, found ${found}`;
    case 'number':
      return `expected a number, found ${found}`;
    case 'boolean':
      return `expected true or false, found ${found}`;
    case 'literal':
    case 'picklist':
    case 'variant':
      return `expected ${alternatives(issue.expected)}, found ${found}`;
    case 'max_length':
      return `too long: ${found} where at most ${issue.expected?.replace('<=', '')} are allowed`;
    case 'min_length':
      return `too short: ${found} where at least ${issue.expected?.replace('>=', '')} are needed`;
    case 'integer':
      return `expected a whole number, found ${found}`;
    case 'min_value':
      return `expected a number ${issue.expected}, found ${found}`;
    case 'max_value':
      return `expected a number ${issue.expected}, found ${found}`;
    default:
      // The schemas' own messages (a regex, a check) are written for readers already.
      return issue.message.replace(/^Invalid \w+: /, '');
  }
}

/** `("a" | "b" | "c")` as `"a", "b" or "c"`. */
function alternatives(expected: string | null): string {
  if (!expected) return 'another value';
  const options = expected.replace(/^\(|\)$/g, '').split(' | ');
  if (options.length === 1) return options[0] as string;
  return `${options.slice(0, -1).join(', ')} or ${options.at(-1)}`;
}
