/**
 * Turns schema failures into sentences a trainer can act on: "file path: what is wrong", with the
 * JSON path written the way it reads in the file (steps[2].advance.on).
 */
import type { z } from 'zod';
import { guideSchema, type Guide } from './schema';

export interface GuideProblem {
  file: string;
  /** JSON path inside the file, e.g. `steps[2].advance.on`; empty for the whole file. */
  path: string;
  message: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) =>
      typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

/** Values are echoed up to this many characters: enough to recognise, never a whole paste. */
const SHOWN_CHARS = 60;

function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  return text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS - 2)}…"` : text;
}

/** Names in a list of unknown fields, then how many more. */
const NAMES_SHOWN = 5;

function listed(keys: readonly string[]): string {
  const names = keys.slice(0, NAMES_SHOWN).map((k) => shown(k));
  return keys.length > NAMES_SHOWN
    ? `${names.join(', ')} and ${keys.length - NAMES_SHOWN} more`
    : names.join(', ');
}

const FORMAT_NAMES: Record<string, string> = {
  date: 'a date as YYYY-MM-DD',
  uuid: 'a UUID',
  url: 'an address',
  email: 'an email address',
  datetime: 'a date and time',
};

/** zod's own sentence for a pattern ("Invalid string: must match pattern /…/") is not ours. */
function formatWanted(issue: z.core.$ZodIssue & { code: 'invalid_format' }): string {
  if (issue.format === 'regex') {
    return issue.message.startsWith('Invalid string') ? 'text in the expected form' : issue.message;
  }
  return FORMAT_NAMES[issue.format] ?? issue.format;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
};

function sentence(issue: z.core.$ZodIssue): string {
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'invalid_value':
      return `expected ${issue.values.length === 1 ? JSON.stringify(issue.values[0]) : `one of ${issue.values.join(', ')}`} — got ${shown(input)}`;
    case 'invalid_union': {
      const discriminator = (issue as { discriminator?: string; options?: unknown[] })
        .discriminator;
      const options = (issue as { options?: unknown[] }).options;
      if (discriminator && options) {
        const got =
          input && typeof input === 'object'
            ? (input as Record<string, unknown>)[discriminator]
            : input;
        return `expected one of ${options.join(', ')} — got ${shown(got)}`;
      }
      return 'does not match any allowed form';
    }
    case 'invalid_type':
      if (input === undefined) return 'is required';
      return `expected ${TYPE_NAMES[issue.expected] ?? issue.expected} — got ${shown(input)}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${listed(issue.keys)}`;
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? 'must not be empty'
          : `needs at least ${issue.minimum} characters`;
      if (issue.origin === 'array')
        return `needs at least ${issue.minimum} item${Number(issue.minimum) === 1 ? '' : 's'}`;
      return `must be at least ${issue.minimum} — got ${shown(input)}`;
    case 'too_big':
      if (issue.origin === 'string') return `must be at most ${issue.maximum} characters`;
      if (issue.origin === 'array') return `must have at most ${issue.maximum} items`;
      return `must be at most ${issue.maximum} — got ${shown(input)}`;
    case 'invalid_format':
      return `expected ${formatWanted(issue)} — got ${shown(input)}`;
    default:
      return issue.message;
  }
}

export function describeIssues(file: string, issues: readonly z.core.$ZodIssue[]): GuideProblem[] {
  return issues.map((issue) => ({ file, path: formatPath(issue.path), message: sentence(issue) }));
}

export function formatProblem(p: GuideProblem): string {
  return `${p.file}${p.path ? ` ${p.path}` : ''}: ${p.message}`;
}

export type GuideParse =
  { ok: true; guide: Guide; problems: [] } | { ok: false; problems: GuideProblem[] };

/** Parses one guide file's text; every way it can be wrong comes back as a problem. */
export function parseGuideText(file: string, text: string): GuideParse {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      problems: [{ file, path: '', message: `is not valid JSON (${(error as Error).message})` }],
    };
  }
  const result = guideSchema.safeParse(data, { reportInput: true });
  if (!result.success) return { ok: false, problems: describeIssues(file, result.error.issues) };
  return { ok: true, guide: result.data, problems: [] };
}

/** Canonical layout of a guide file: two-space JSON with a final newline. */
export function canonicalGuideText(data: unknown): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}
