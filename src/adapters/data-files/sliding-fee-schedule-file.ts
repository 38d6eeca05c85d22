/**
 * The clinic's sliding fee discount schedule file (fixtures/rules/sliding-fee-schedule.json),
 * checked at start-up: tiers must start at 0%, follow each other with no gap or overlap, and end
 * open-ended, so every income falls in exactly one tier.
 */
import { z } from 'zod';
import { parsePercentToPpm } from '../../core/money.js';
import { isIsoDate } from '../../core/rules/calendar-dates.js';
import { checkSlidingFeeTiers, type SlidingFeeSchedule, type SlidingFeeTier } from '../../core/rules/sliding-fee-schedule.js';
import { readDataFile } from './read-data-file.js';

const percent = z.number().min(0, 'must not be negative').max(10_000);
/** A percentage with at most 4 decimal places, so it converts to ppm exactly. */
const exactPercent = (max: number) =>
  z
    .number()
    .min(0, 'must not be negative')
    .max(max, `must be at most ${max}`)
    .refine((n) => parsePercentToPpm(String(n)) !== undefined && /^\d+(\.\d{1,4})?$/.test(String(n)), 'must have at most 4 decimal places');

const documentSchema = z.object({ code: z.string().regex(/^[a-z0-9-]+$/, 'must be lower-case letters, digits and dashes'), description: z.string().min(1) }).strict();

const chargeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('nominal'), amountCents: z.number().int('must be whole cents').min(0), per: z.enum(['visit', 'day']) }).strict(),
  z.object({ kind: z.literal('discount'), discountPercent: exactPercent(100) }).strict(),
  z.object({ kind: z.literal('none') }).strict(),
]);

const tierSchema = z
  .object({
    id: z.string().min(1).max(40),
    label: z.string().min(1),
    abovePercent: percent.int('must be a whole percent'),
    upToPercent: percent.int('must be a whole percent').nullable(),
    charge: chargeSchema,
    documents: z.array(documentSchema),
  })
  .strict();

/** The whole schedule file. */
export const slidingFeeScheduleFileSchema = z
  .object({
    $comment: z.string().optional(),
    id: z.string().min(1),
    name: z.string().min(1),
    effectiveFrom: z.string().refine(isIsoDate, 'must be a date in YYYY-MM-DD form'),
    source: z.string().min(1).optional(),
    applyToInsuredPatientResponsibility: z.boolean(),
    annualCapPercentOfIncome: exactPercent(100).nullable().optional(),
    tiers: z.array(tierSchema).min(1),
  })
  .strict()
  .superRefine((file, ctx) => {
    for (const issue of checkSlidingFeeTiers(file.tiers)) {
      ctx.addIssue({ code: 'custom', path: ['tiers', issue.tierIndex, issue.field], message: issue.message });
    }
    const ids = new Set<string>();
    file.tiers.forEach((tier, index) => {
      if (ids.has(tier.id)) ctx.addIssue({ code: 'custom', path: ['tiers', index, 'id'], message: `"${tier.id}" is used by another tier` });
      ids.add(tier.id);
    });
  });

function toPpm(percentValue: number): number {
  // Schema guarantees at most 4 decimals, so this parse is exact.
  return parsePercentToPpm(String(percentValue)) as number;
}

/** Loads and validates the schedule file; throws DataFileError naming the file and failing field. */
export function loadSlidingFeeScheduleFile(file: string): SlidingFeeSchedule {
  const data = readDataFile(file, slidingFeeScheduleFileSchema);
  const tiers: SlidingFeeTier[] = data.tiers.map((tier) => ({
    id: tier.id,
    label: tier.label,
    abovePercent: tier.abovePercent,
    upToPercent: tier.upToPercent,
    charge: tier.charge.kind === 'discount' ? { kind: 'discount', discountPpm: toPpm(tier.charge.discountPercent) } : tier.charge,
    documents: tier.documents,
  }));
  const schedule: SlidingFeeSchedule = {
    id: data.id,
    name: data.name,
    effectiveFrom: data.effectiveFrom,
    applyToInsuredPatientResponsibility: data.applyToInsuredPatientResponsibility,
    tiers,
  };
  if (data.source !== undefined) schedule.source = data.source;
  if (data.annualCapPercentOfIncome != null) schedule.annualCapPpmOfIncome = toPpm(data.annualCapPercentOfIncome);
  return schedule;
}
