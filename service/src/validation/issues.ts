// zod issues → the `errors` of our error shape: a JSON path a platform engineer can follow
// (`activities[3].from.phone`) and a sentence saying what is wrong with the value. Values themselves are never
// echoed back (they may be personal data).
import type { z } from 'zod';

export interface FieldError {
  path: string;
  message: string;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && IDENTIFIER.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}

const ARTICLE: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array'
};

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'is required' : `must be ${ARTICLE[issue.expected] ?? issue.expected}`;
    case 'too_big':
      if (issue.origin === 'array') return `must have at most ${issue.maximum} items`;
      if (issue.origin === 'string') return `must be at most ${issue.maximum} characters`;
      return issue.message;
    case 'too_small':
      if (issue.origin === 'array') return `must have at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}`;
      if (issue.origin === 'string' && issue.minimum === 1) return 'must not be empty';
      return issue.message;
    case 'invalid_value':
      return `must be one of: ${issue.values.map((v) => String(v)).join(', ')}`;
    case 'invalid_union':
      {
        const options = (issue as { options?: unknown }).options;
        if (Array.isArray(options)) return `must be one of: ${options.map(String).join(', ')}`;
      }
      return 'does not match any allowed shape';
    default:
      return issue.message;
  }
}

/** Flattens issues into field errors under `prefix`; each unknown key becomes its own error. */
export function toFieldErrors(issues: ReadonlyArray<z.core.$ZodIssue>, prefix: PropertyKey[] = []): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) errors.push({ path: formatPath([...path, key]), message: 'is not a known field' });
    } else {
      errors.push({ path: formatPath(path), message: describeIssue(issue) });
    }
  }
  return errors;
}

/**
 * At most `max` errors, the last one saying how many more there were (at `path`). A 1 MB body of unknown fields
 * would otherwise be answered with several megabytes of errors.
 */
export function limitErrors(errors: FieldError[], max: number, path: string): FieldError[] {
  if (errors.length <= max) return errors;
  const listed = errors.slice(0, max - 1);
  return [...listed, { path, message: `${errors.length - listed.length} more problems are not listed` }];
}
