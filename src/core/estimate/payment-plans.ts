/**
 * Payment plans for an estimated balance: equal monthly payments in whole cents, with the
 * leftover cents on the first payment (default) or the last, so the payments always sum to the
 * total exactly. Terms whose monthly payment would fall below the clinic's minimum are dropped.
 */
import { DomainError } from '../errors.js';
import type { Cents } from '../money.js';

/** One payment plan. */
export interface PaymentPlan {
  months: number;
  /** The regular monthly payment. */
  monthlyCents: Cents;
  firstPaymentCents: Cents;
  lastPaymentCents: Cents;
  /** Every payment, in order; sums to totalCents. */
  payments: Cents[];
  totalCents: Cents;
}

/** Options for buildPaymentPlans. */
export interface PaymentPlanOptions {
  termsMonths?: number[];
  minimumMonthlyCents?: Cents;
  remainderOn?: 'first' | 'last';
}

/** Builds equal-payment plans for a total, dropping terms below the minimum monthly payment. */
export function buildPaymentPlans(totalCents: Cents, options: PaymentPlanOptions = {}): PaymentPlan[] {
  const terms = options.termsMonths ?? [3, 6, 12];
  const minimum = options.minimumMonthlyCents ?? 0;
  const errors = [];
  if (!Number.isSafeInteger(totalCents) || totalCents < 0) errors.push({ pointer: '/totalCents', message: 'must be a whole number of cents, 0 or more' });
  if (!Number.isSafeInteger(minimum) || minimum < 0) errors.push({ pointer: '/minimumMonthlyCents', message: 'must be a whole number of cents, 0 or more' });
  terms.forEach((m, i) => {
    if (!Number.isInteger(m) || m < 1 || m > 120) errors.push({ pointer: `/termsMonths/${i}`, message: 'must be a whole number of months from 1 to 120' });
  });
  if (errors.length > 0) throw new DomainError('estimate.invalid', 'The payment-plan inputs are not valid', { errors });
  if (totalCents === 0) return [];

  const plans: PaymentPlan[] = [];
  for (const months of [...new Set(terms)].sort((a, b) => a - b)) {
    const monthly = Math.floor(totalCents / months);
    if (monthly < minimum || monthly === 0) continue;
    const remainder = totalCents - monthly * months;
    const payments = new Array<Cents>(months).fill(monthly);
    payments[options.remainderOn === 'last' ? months - 1 : 0] = monthly + remainder;
    plans.push({ months, monthlyCents: monthly, firstPaymentCents: payments[0]!, lastPaymentCents: payments[months - 1]!, payments, totalCents });
  }
  return plans;
}
