/**
 * The HHS poverty guideline data files (fixtures/rules/poverty-guidelines-YYYY.json): one file per
 * year, checked at start-up. A broken file stops the service with a message naming the file and field.
 */
import { z } from 'zod';
import { isIsoDate } from '../../core/rules/calendar-dates.js';
import type { PovertyGuideline } from '../../core/rules/poverty-guidelines.js';
import { DataFileError } from './read-data-file.js';
import { readDataFile } from './read-data-file.js';

const cents = z.number().int('must be whole cents').positive('must be more than zero');
const isoDate = z.string().refine(isIsoDate, 'must be a date in YYYY-MM-DD form');

const regionSchema = z
  .object({ baseCents: cents, perAdditionalPersonCents: cents, verified: z.boolean(), note: z.string().min(1).optional() })
  .strict();

/** One year's guideline file. The year must match the effective date's year. */
export const povertyGuidelineFileSchema = z
  .object({
    $comment: z.string().optional(),
    year: z.number().int().min(2000).max(2100),
    effectiveFrom: isoDate,
    source: z.object({ document: z.string().min(1), url: z.url(), table: z.url().optional() }).strict(),
    regions: z.object({ contiguous: regionSchema, alaska: regionSchema, hawaii: regionSchema }).strict(),
  })
  .strict()
  .superRefine((file, ctx) => {
    if (isIsoDate(file.effectiveFrom) && Number(file.effectiveFrom.slice(0, 4)) !== file.year) {
      ctx.addIssue({ code: 'custom', path: ['effectiveFrom'], message: `must fall in ${file.year}, the guideline year` });
    }
  });

/** Loads and validates one poverty guideline file; throws DataFileError naming the file and field. */
export function loadPovertyGuidelineFile(file: string): PovertyGuideline {
  const { $comment: _comment, ...guideline } = readDataFile(file, povertyGuidelineFileSchema);
  const result: PovertyGuideline = { ...guideline, source: { ...guideline.source } };
  if (guideline.source.table === undefined) delete result.source.table;
  return result;
}

/** Loads several yearly files; two files taking effect on the same date are an error. */
export function loadPovertyGuidelineFiles(files: readonly string[]): PovertyGuideline[] {
  const loaded = files.map((file) => ({ file, guideline: loadPovertyGuidelineFile(file) }));
  const seen = new Map<string, string>();
  for (const { file, guideline } of loaded) {
    const other = seen.get(guideline.effectiveFrom);
    if (other !== undefined) throw new DataFileError(file, [`effectiveFrom: ${guideline.effectiveFrom} is already the effective date of ${other}`]);
    seen.set(guideline.effectiveFrom, file);
  }
  return loaded.map((l) => l.guideline);
}
