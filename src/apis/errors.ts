// Turns schema issues into messages a user can act on: `Kind "name": field.path: what is wrong`.
import type { z } from 'zod';

/** One or more problems with an object; `problems` holds one line per field. */
export class ValidationError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ValidationError';
    this.problems = problems;
  }
}

/** `spec.zones[1]` from a zod path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

/** The object's display name: `NodeTemplate "gpu"`. */
export function objectLabel(kind: string, input: unknown): string {
  const name = nameOf(input);
  return name === undefined ? `${kind} (no metadata.name)` : `${kind} "${name}"`;
}

export function problem(kind: string, name: string | undefined, path: string, message: string): string {
  const who = name === undefined ? `${kind} (no metadata.name)` : `${kind} "${name}"`;
  return path === '' ? `${who}: ${message}` : `${who}: ${path}: ${message}`;
}

export function issuesToProblems(
  kind: string,
  input: unknown,
  issues: readonly z.core.$ZodIssue[],
): string[] {
  const who = objectLabel(kind, input);
  return issues.map((issue) => {
    const path = formatPath(issue.path);
    const message = issueMessage(issue);
    return path === '' ? `${who}: ${message}` : `${who}: ${path}: ${message}`;
  });
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  }
  if (issue.code === 'invalid_type' && issue.message.startsWith('Invalid input: expected')) {
    return `must be ${issue.expected === 'nonoptional' ? 'set' : `a${/^[aeiou]/.test(issue.expected) ? 'n' : ''} ${issue.expected}`}`;
  }
  return issue.message;
}

function nameOf(input: unknown): string | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const meta = (input as { metadata?: unknown }).metadata;
  if (typeof meta !== 'object' || meta === null) return undefined;
  const name = (meta as { name?: unknown }).name;
  return typeof name === 'string' ? name : undefined;
}

/** Parses `input` with `schema`, throwing a ValidationError that names the object and each field. */
export function parseWith<S extends z.ZodType>(kind: string, schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(issuesToProblems(kind, input, result.error.issues));
  return result.data;
}
