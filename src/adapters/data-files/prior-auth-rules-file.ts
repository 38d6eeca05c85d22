/**
 * The prior-authorization rules file (fixtures/rules/prior-auth-rules.json), checked at start-up:
 * known plan types and levels of care, real dates, unique ids, and every rule saying something.
 */
import { z } from 'zod';
import { PLAN_TYPES } from '../../core/coverage/coverage-model.js';
import { LEVEL_OF_CARE_IDS, type LevelOfCare } from '../../core/coverage/level-of-care.js';
import { isIsoDate } from '../../core/rules/calendar-dates.js';
import type { PriorAuthRule } from '../../core/rules/prior-auth.js';
import { readDataFile } from './read-data-file.js';

const isoDate = z.string().refine(isIsoDate, 'must be a date in YYYY-MM-DD form');
const triState = z.enum(['yes', 'no', 'unknown']);
const days = z.number().int('must be a whole number of days').positive();

const ruleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes'),
    payer: z.union([z.literal('*'), z.object({ id: z.string().min(1) }).strict(), z.object({ group: z.string().min(1) }).strict()], {
      error: `must be "*", { "id": payer id } or { "group": payer group }`,
    }),
    planTypes: z.union([z.literal('*'), z.array(z.enum(PLAN_TYPES)).min(1)], { error: `must be "*" or a list of: ${PLAN_TYPES.join(', ')}` }),
    levelsOfCare: z.union([z.literal('*'), z.array(z.enum(LEVEL_OF_CARE_IDS as [LevelOfCare, ...LevelOfCare[]])).min(1)], {
      error: `must be "*" or a list of: ${LEVEL_OF_CARE_IDS.join(', ')}`,
    }),
    codes: z.array(z.string().regex(/^[A-Z0-9]{4,5}$/, 'must be a HCPCS, CPT or revenue code')).min(1).optional(),
    effective: z.object({ from: isoDate, to: isoDate.optional() }).strict(),
    authorization: z.object({ required: triState, afterUnits: z.number().int().positive().optional(), text: z.string().min(1).optional() }).strict().optional(),
    referral: z.object({ required: triState, text: z.string().min(1).optional() }).strict().optional(),
    initialAuthorization: z
      .object({ calendarDays: days.optional(), units: z.number().int().positive().optional() })
      .strict()
      .refine((v) => v.calendarDays !== undefined || v.units !== undefined, 'give calendarDays, units or both')
      .optional(),
    concurrentReviewIntervalDays: days.optional(),
    reviewLeadDays: z.number().int().min(0).optional(),
    submission: z.array(z.object({ method: z.enum(['portal', 'phone', 'fax', 'x12-278', 'other']), text: z.string().min(1) }).strict()).min(1).optional(),
    decisionTime: z.object({ standardCalendarDays: days, urgentHours: z.number().int().positive().optional(), text: z.string().min(1) }).strict().optional(),
    illustrative: z.boolean(),
    source: z.object({ title: z.string().min(1), url: z.url().optional(), verified: z.boolean() }).strict(),
    notes: z.array(z.string().min(1)).optional(),
  })
  .strict()
  .superRefine((rule, ctx) => {
    if (rule.effective.to !== undefined && rule.effective.to < rule.effective.from) {
      ctx.addIssue({ code: 'custom', path: ['effective', 'to'], message: 'must not be before effective.from' });
    }
    const says = ['authorization', 'referral', 'initialAuthorization', 'concurrentReviewIntervalDays', 'submission', 'decisionTime'] as const;
    if (!says.some((key) => rule[key] !== undefined)) {
      ctx.addIssue({ code: 'custom', path: [], message: `must define at least one of ${says.join(', ')}` });
    }
    if (rule.reviewLeadDays !== undefined && rule.concurrentReviewIntervalDays === undefined) {
      ctx.addIssue({ code: 'custom', path: ['reviewLeadDays'], message: 'needs concurrentReviewIntervalDays' });
    }
  });

/** The whole rules file. Rule ids must be unique. */
export const priorAuthRulesFileSchema = z
  .object({ $comment: z.string().optional(), rules: z.array(ruleSchema).min(1) })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.rules.forEach((rule, index) => {
      if (seen.has(rule.id)) ctx.addIssue({ code: 'custom', path: ['rules', index, 'id'], message: `"${rule.id}" is used by another rule` });
      seen.add(rule.id);
    });
  });

/** Loads and validates the prior-auth rules file; throws DataFileError naming the file and failing field. */
export function loadPriorAuthRulesFile(file: string): PriorAuthRule[] {
  // The zod output matches PriorAuthRule field for field; optional keys are simply absent.
  const rules: PriorAuthRule[] = readDataFile(file, priorAuthRulesFileSchema).rules;
  return rules;
}
