/**
 * A clinic's fee schedule: the charge (chargemaster) and self-pay rate per code, contracted rates
 * per payer, and how out-of-network allowed amounts are set. Data, kept apart from the pricer.
 */
import type { Cents, Ppm } from '../money.js';
import type { CodeSystem } from './billing-codes.js';

/** Prices for one code over one effective date range. All amounts are per unit. */
export interface FeeScheduleEntry {
  code: string;
  codeSystem: CodeSystem;
  description: string;
  /** ISO date the prices take effect, inclusive. */
  effectiveFrom: string;
  /** ISO date the prices stop, inclusive; open-ended when absent. */
  effectiveTo?: string;
  /** Gross charge (chargemaster). The balance bill out of network is charge - allowed. */
  chargeCents: Cents;
  /** Discounted cash price for self-pay and non-covered services; the charge when absent. */
  selfPayCents?: Cents;
  /** In-network contracted rate per payer id. */
  contractedCents: Record<string, Cents>;
  /** Out-of-network allowed amount per payer id, when the payer publishes one. */
  outOfNetworkAllowedCents?: Record<string, Cents>;
}

/** The whole schedule. */
export interface FeeSchedule {
  id: string;
  description?: string;
  /**
   * Out-of-network allowed as a share of the charge, per payer id, with `default` for payers not
   * listed. Used only when an entry has no out-of-network amount for the payer.
   */
  outOfNetworkPercentOfChargePpm?: Record<string, Ppm>;
  entries: FeeScheduleEntry[];
}
