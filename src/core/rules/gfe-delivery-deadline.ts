/**
 * When a Good Faith Estimate is owed to an uninsured or self-pay individual, 45 CFR
 * 149.610(b)(1)(vi): (A) scheduled at least 3 business days ahead -> within 1 business day of
 * scheduling; (B) scheduled at least 10 business days ahead -> within 3 business days of
 * scheduling; (C) on request -> within 3 business days of the request. Scheduled fewer than 3
 * business days ahead: the rule sets no delivery deadline.
 *
 * Business days are Monday to Friday minus the closed days the caller gives (federal holidays,
 * clinic closures): the regulation's own definition of "business day" is not encoded here [U].
 */
import { DomainError, type FieldError } from '../errors.js';
import { addBusinessDays, businessDaysBefore, isIsoDate } from './calendar-dates.js';

/** Which timing rule applies. */
export type GfeTimingRule = 'scheduled-10-plus-business-days' | 'scheduled-3-plus-business-days' | 'on-request' | 'scheduled-under-3-business-days';

/** The delivery deadline and the rule behind it. */
export interface GfeDeliveryDeadline {
  rule: GfeTimingRule;
  /** Business days the scheduling (or request) date lies before the service date, when there is one. */
  leadBusinessDays?: number;
  /** Last day the estimate may be delivered; absent when the rule sets no deadline. */
  deliverBy?: string;
  note: string;
  source: string;
}

/**
 * Computes the GFE delivery deadline in business days. `scheduledOn` is the scheduling date, or the
 * request date when `requested` is true; `serviceDate` may be absent for a request.
 * Lead time counts the business days d with scheduledOn <= d < serviceDate.
 */
export function computeGfeDeliveryDeadline(
  scheduledOn: string,
  serviceDate: string | undefined,
  requested: boolean,
  holidays: readonly string[] = [],
): GfeDeliveryDeadline {
  const errors: FieldError[] = [];
  if (!isIsoDate(scheduledOn)) errors.push({ pointer: '/scheduledOn', message: 'must be a date in YYYY-MM-DD form' });
  if (serviceDate !== undefined && !isIsoDate(serviceDate)) errors.push({ pointer: '/serviceDate', message: 'must be a date in YYYY-MM-DD form' });
  if (serviceDate === undefined && !requested) errors.push({ pointer: '/serviceDate', message: 'is required unless the estimate was requested' });
  holidays.forEach((h, i) => {
    if (!isIsoDate(h)) errors.push({ pointer: `/holidays/${i}`, message: 'must be a date in YYYY-MM-DD form' });
  });
  if (serviceDate !== undefined && isIsoDate(scheduledOn) && isIsoDate(serviceDate) && serviceDate < scheduledOn) {
    errors.push({ pointer: '/serviceDate', message: 'must not be before the scheduling date' });
  }
  if (errors.length > 0) throw new DomainError('estimate.invalid', 'The Good Faith Estimate dates are not valid.', { errors });

  const closed = new Set(holidays);
  const lead = serviceDate === undefined ? undefined : businessDaysBefore(scheduledOn, serviceDate, closed);
  const withLead = (d: GfeDeliveryDeadline): GfeDeliveryDeadline => (lead === undefined ? d : { ...d, leadBusinessDays: lead });
  if (requested) {
    return withLead({
      rule: 'on-request',
      deliverBy: addBusinessDays(scheduledOn, 3, closed),
      note: 'Requested estimate: deliver within 3 business days of the request.',
      source: '45 CFR 149.610(b)(1)(vi)(C)',
    });
  }
  const leadDays = lead as number;
  if (leadDays >= 10) {
    return withLead({
      rule: 'scheduled-10-plus-business-days',
      deliverBy: addBusinessDays(scheduledOn, 3, closed),
      note: 'Scheduled at least 10 business days ahead: deliver within 3 business days of scheduling.',
      source: '45 CFR 149.610(b)(1)(vi)(B)',
    });
  }
  if (leadDays >= 3) {
    return withLead({
      rule: 'scheduled-3-plus-business-days',
      deliverBy: addBusinessDays(scheduledOn, 1, closed),
      note: 'Scheduled at least 3 business days ahead: deliver within 1 business day of scheduling.',
      source: '45 CFR 149.610(b)(1)(vi)(A)',
    });
  }
  return withLead({
    rule: 'scheduled-under-3-business-days',
    note: 'Scheduled fewer than 3 business days ahead: the regulation sets no Good Faith Estimate delivery deadline. Giving one anyway is still good practice, and the patient may request one.',
    source: '45 CFR 149.610(b)(1)(vi)',
  });
}
