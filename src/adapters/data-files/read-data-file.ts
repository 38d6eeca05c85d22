/**
 * Reads and validates one data file (JSON or YAML) at start-up. A broken file stops the service
 * with one message that names the file and every failing field, so an operator can fix it at once.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';

/** Raised when a data file is missing, unreadable or fails its schema. */
export class DataFileError extends Error {
  readonly file: string;
  readonly issues: string[];
  constructor(file: string, issues: string[]) {
    super(`Invalid data file ${file}:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'DataFileError';
    this.file = file;
    this.issues = issues;
  }
}

/** Formats zod issues as "path.to.field: message" lines. */
export function formatZodIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)';
    return `${path}: ${issue.message}`;
  });
}

/** Reads a JSON or YAML file and validates it with a zod schema; throws DataFileError when it is wrong. */
export function readDataFile<Schema extends z.ZodType>(file: string, schema: Schema): z.output<Schema> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new DataFileError(file, [`cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`]);
  }
  let data: unknown;
  try {
    data = /\.ya?ml$/i.test(file) ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    throw new DataFileError(file, [`is not valid ${/\.ya?ml$/i.test(file) ? 'YAML' : 'JSON'}: ${(error as Error).message}`]);
  }
  const result = schema.safeParse(data);
  if (!result.success) throw new DataFileError(file, formatZodIssues(result.error.issues));
  return result.data;
}
