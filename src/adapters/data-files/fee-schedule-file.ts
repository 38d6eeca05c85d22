/**
 * The fee schedule data file (fixtures/pricing/fee-schedule.json by default): charges, self-pay
 * rates, contracted and out-of-network rates per code. Validated at start-up; a broken file stops
 * the service with a DataFileError naming the file and each failing field.
 */
import { z } from 'zod';
import type { FeeSchedule } from '../../core/estimate/fee-schedule.js';
import { readDataFile } from './read-data-file.js';

const cents = z.number().int('must be whole cents').nonnegative('must not be negative').max(100_000_000, 'is more than $1,000,000');
const ppm = z.number().int('must be whole parts per million').min(0).max(1_000_000, 'must be at most 1000000 (100%)');
const isoDate = z.iso.date('must be a date YYYY-MM-DD');
const payerId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'must be a payer id: lower-case letters, digits and dashes');

/** One code's prices over one effective range. */
export const feeScheduleEntrySchema = z
  .object({
    code: z.string().regex(/^[A-Z0-9]{4,5}$/, 'must be a HCPCS, CPT or revenue code'),
    codeSystem: z.enum(['HCPCS', 'CPT', 'REV']),
    description: z.string().min(1).max(200),
    effectiveFrom: isoDate,
    effectiveTo: isoDate.optional(),
    chargeCents: cents,
    selfPayCents: cents.optional(),
    contractedCents: z.record(payerId, cents),
    outOfNetworkAllowedCents: z.record(payerId, cents).optional(),
  })
  .strict()
  .refine((e) => e.effectiveTo === undefined || e.effectiveTo >= e.effectiveFrom, { message: 'must not be before effectiveFrom', path: ['effectiveTo'] });

/** The whole file. Date ranges for the same code must not overlap. */
export const feeScheduleSchema = z
  .object({
    $comment: z.string().optional(),
    id: z.string().min(1).max(100),
    description: z.string().max(500).optional(),
    outOfNetworkPercentOfChargePpm: z.record(z.union([payerId, z.literal('default')]), ppm).optional(),
    entries: z.array(feeScheduleEntrySchema).min(1),
  })
  .strict()
  .superRefine((schedule, ctx) => {
    schedule.entries.forEach((a, i) => {
      schedule.entries.forEach((b, j) => {
        if (j <= i || a.code !== b.code) return;
        const overlaps = a.effectiveFrom <= (b.effectiveTo ?? '9999-12-31') && b.effectiveFrom <= (a.effectiveTo ?? '9999-12-31');
        if (overlaps) ctx.addIssue({ code: 'custom', path: ['entries', j, 'effectiveFrom'], message: `overlaps entries.${i} for code ${a.code}` });
      });
    });
  });

/** Loads and validates a fee schedule file; throws DataFileError naming the file and the field. */
export function loadFeeScheduleFile(file: string): FeeSchedule {
  const { $comment: _comment, ...schedule } = readDataFile(file, feeScheduleSchema);
  const result: FeeSchedule = schedule;
  return result;
}
