/**
 * Next actions the X12 271 and clearinghouse JSON readers derive the same way from benefit lines
 * (the JSON is the 271 re-shaped): who manages a Medicaid member's plan (EB01 MC), a lock-in to one
 * provider (EB01 N), and which plan pays first (EB01 R, with or without NM1*PRP). Messages name
 * organizations and providers only, never a person whose name is member PHI (subscriber, patient,
 * dependent), and never an id.
 */
import type { Benefit, CoverageAction, FormatWarning, RelatedEntity, SourcePointer } from '../../core/coverage/coverage-model.js';
import { BEHAVIORAL_HEALTH_SERVICE_TYPES, EB01_NAMES, MEDICARE_SAVINGS_PROGRAM_TYPES, onlySeparateProducts } from './x12/x12-271-code-maps.js';
import { organizationOf, phoneSuffix, type OrganizationRef } from './related-entities.js';

/** Related entity codes (NM101) of persons whose names are member PHI: insured or subscriber, patient, dependent. */
export const PERSON_PHI_ENTITY_CODES: ReadonlySet<string> = new Set(['IL', 'QC', '03']);

/** The first related entity of a line with a name that may be shown: not the subscriber, patient or dependent. */
export function namedNonMember(benefit: Benefit): RelatedEntity | undefined {
  return benefit.relatedEntities.find((e) => e.name !== undefined && !PERSON_PHI_ENTITY_CODES.has(e.entityCode ?? ''));
}

/** "service type(s) MH, AI" for a line, or "these benefits" when it lists none. */
export function servicesPhrase(benefit: Benefit): string {
  return benefit.serviceTypes.length > 0 ? `service type(s) ${benefit.serviceTypes.join(', ')}` : 'these benefits';
}

/**
 * A status the payer has not settled (EB01 5, 7, 8: an ACA grace period, a Medicaid
 * redetermination): the reading stands, but never silently. `code` is the EB01 code as found;
 * `warningCode` is the reader's (x12.status-pending, clearinghouse.status-pending).
 */
export function pendingStatusFlag(code: string, source: SourcePointer, warningCode: string): { warning: FormatWarning; action: CoverageAction } {
  const name = EB01_NAMES[code] ?? code;
  return {
    warning: { code: warningCode, message: `The payer reports the coverage as "${name}" (EB01 ${code}); the status may still change.`, pointer: source.pointer },
    action: { kind: 'verify-manually', message: `The payer reports the coverage as "${name}": confirm the coverage status with the payer before relying on it.`, source },
  };
}

/**
 * A line that names who runs the plan: an active-coverage line about the whole plan (30, or no
 * service type), or a managed care coordinator line (EB01 MC, as state Medicaid guides send the
 * member's MCO) unless it is about behavioral health only.
 */
export function isPlanLevelLine(b: Benefit): boolean {
  return (
    (b.kind === 'active-coverage' && (b.serviceTypes.length === 0 || b.serviceTypes.includes('30'))) ||
    (b.kind === 'managed-care-coordinator' && !b.serviceTypes.some((s) => BEHAVIORAL_HEALTH_SERVICE_TYPES.has(s) && !b.serviceTypes.includes('30')))
  );
}

/**
 * Who is not "another organization" for each line: the payer that answered, and the organizations
 * named on the other plan-level lines (a Medicaid answer's managed care plan). A line is never
 * compared with its own entities; between two plan-level lines only the earlier one's count, so
 * the manager both name (an active 30 line and an MC line naming one MCO) is named once, not zero times.
 */
export function knownOrganizations(benefits: readonly Benefit[], payer: OrganizationRef): (benefit: Benefit) => readonly OrganizationRef[] {
  // Built once per answer, and cheap when no plan-level line names anyone (most answers): the
  // readers ask for every line that names an entity.
  const planLineEntities: { index: number; ref: OrganizationRef }[] = [];
  for (let i = 0; i < benefits.length; i++) {
    const b = benefits[i]!;
    if (b.relatedEntities.length === 0 || !isPlanLevelLine(b)) continue;
    for (const e of b.relatedEntities) planLineEntities.push({ index: i, ref: organizationOf(e) });
  }
  const onlyThePayer: readonly OrganizationRef[] = [payer];
  if (planLineEntities.length === 0) return () => onlyThePayer;
  const order = new Map(benefits.map((b, i) => [b, i]));
  return (benefit) => {
    const at = order.get(benefit) ?? -1;
    const planLevel = isPlanLevelLine(benefit);
    return [payer, ...planLineEntities.filter((p) => p.index !== at && !(planLevel && p.index > at)).map((p) => p.ref)];
  };
}

/** The message for a member enrolled in managed care with `named` (a plan line's Y2, or an MC line's coordinator). */
export function managedCareMessage(named: RelatedEntity, services: string): string {
  return `The member is enrolled in managed care with ${named.name ?? 'a managed care organization'}, which manages and usually pays for ${services}; verify eligibility, cost sharing and authorization with them${phoneSuffix(named)}.`;
}

/** A contact-payer action naming the managed care organization of a plan-level line. */
export function managedCareAction(named: RelatedEntity, benefit: Benefit): CoverageAction {
  return { kind: 'contact-payer', message: managedCareMessage(named, servicesPhrase(benefit)), serviceTypes: benefit.serviceTypes, source: benefit.source, entity: named };
}

/**
 * EB*R (other or additional payer) whose related entities name the primary payer (NM1*PRP):
 * coordination of benefits, as Medicare answers for a member in a Medicare Advantage plan
 * (EB*R**30*HN + PRP) or with employer coverage that pays first (EB*R**30*12-16, 41-43, 47 + PRP).
 * This payer's terms may not be what the patient pays, so the estimate must not be taken as is.
 */
export function primaryPayerAction(benefit: Benefit): CoverageAction | undefined {
  const entity = benefit.relatedEntities.find((e) => e.entityCode === 'PRP');
  if (entity === undefined) return undefined;
  const since = benefit.dates?.other?.['290'] ?? benefit.dates?.begin;
  return {
    kind: 'verify-manually',
    message: `The payer names ${entity.name ?? 'another plan'} as the primary payer${since === undefined ? '' : ` (coordination of benefits from ${since.slice(0, 10)})`}: this plan may pay second or not at all, so confirm which plan pays first before relying on these terms${phoneSuffix(entity)}.`,
    serviceTypes: benefit.serviceTypes,
    source: benefit.source,
    entity,
  };
}

/**
 * EB01 N "Services Restricted to Following Provider" (a Medicaid lock-in, or a plan that assigns
 * a facility): care from any other provider may need that provider's referral or may not be paid
 * at all. A restriction only on a separate dental, vision or pharmacy product (a pharmacy lock-in)
 * does not touch the clinic's services.
 */
export function restrictedToProviderAction(benefit: Benefit): CoverageAction | undefined {
  if (onlySeparateProducts(benefit.serviceTypes)) return undefined;
  const provider = namedNonMember(benefit);
  const action: CoverageAction = {
    kind: 'verify-manually',
    message: `The payer restricts ${servicesPhrase(benefit)} to ${provider?.name ?? 'a provider it names only by id'} (EB01 N, services restricted to the following provider, as in a Medicaid lock-in): care from another provider may need their referral or may not be paid; verify with the payer before relying on this coverage${phoneSuffix(provider)}.`,
    serviceTypes: benefit.serviceTypes,
    source: benefit.source,
  };
  if (provider !== undefined) action.entity = provider;
  return action;
}

/**
 * An EB*R line about other medical coverage that names no payer order: not a
 * Medicare savings program (QMB/SLMB pay Medicare's cost sharing, read elsewhere), not only a
 * dental, vision or pharmacy product (a Part D plan), and not naming the other payer as secondary
 * or tertiary (SEP, TTP: this plan pays first).
 */
export function isOtherMedicalCoverage(benefit: Benefit): boolean {
  if (MEDICARE_SAVINGS_PROGRAM_TYPES.has(benefit.insuranceType ?? '')) return false;
  if (onlySeparateProducts(benefit.serviceTypes)) return false;
  return !benefit.relatedEntities.some((e) => e.entityCode === 'SEP' || e.entityCode === 'TTP');
}

/** "EXAMPLE INSURANCE, insurance type C1" for an EB*R line: its payer's name, description and EB04. */
export function describeOtherCoverage(benefit: Benefit): string {
  const payer = namedNonMember(benefit)?.name;
  const parts = [payer, benefit.planDescription].filter((p): p is string => p !== undefined && p !== '');
  const type = benefit.insuranceType === undefined ? undefined : `insurance type ${benefit.insuranceType}`;
  if (parts.length === 0) return type ?? 'another plan';
  return type === undefined ? parts.join(', ') : `${parts.join(', ')}, ${type}`;
}

/**
 * The actions one line asks for about who pays or who may treat: an EB*R naming the primary payer,
 * an EB*N lock-in. An EB*R on a Medicaid answer (plan insurance type MC) naming no primary payer is
 * collected in `otherCoverage` instead, for otherCoverageAction once every line is read.
 */
export function coordinationActions(benefit: Benefit, planTypeCode: string | undefined, otherCoverage: Benefit[]): CoverageAction[] {
  const actions: CoverageAction[] = [];
  if (benefit.kind === 'other-payer') {
    const primary = benefit.relatedEntities.length > 0 ? primaryPayerAction(benefit) : undefined;
    if (primary !== undefined) actions.push(primary);
    else if (planTypeCode === 'MC' && isOtherMedicalCoverage(benefit)) otherCoverage.push(benefit);
  }
  if (benefit.rawCode === 'N') {
    const restricted = restrictedToProviderAction(benefit);
    if (restricted !== undefined) actions.push(restricted);
  }
  return actions;
}

/**
 * A Medicaid answer's EB*R lines naming no primary payer (the member's Medicare Part A and B, a
 * commercial policy on file): Medicaid is the payer of last resort (42 U.S.C. 1396a(a)(25),
 * 42 CFR 433.139), so that coverage pays first. One action lists them all; undefined when there
 * are none. Another plan's EB*R without NM1*PRP does not say which plan pays first, and is left as
 * a benefit line (coordinationActions does not collect it).
 */
export function otherCoverageAction(otherCoverage: readonly Benefit[]): CoverageAction | undefined {
  const first = otherCoverage[0];
  if (first === undefined) return undefined;
  const what = otherCoverage.map(describeOtherCoverage).filter((d, i, all) => all.indexOf(d) === i).join('; ');
  const entity = otherCoverage.map(namedNonMember).find((e) => e !== undefined);
  const action: CoverageAction = {
    kind: 'verify-manually',
    message: `The payer reports other coverage for this member (${what}); Medicaid pays only after other coverage (payer of last resort), so bill that plan first and confirm the order of payment before relying on these terms${phoneSuffix(entity)}.`,
    serviceTypes: [...new Set(otherCoverage.flatMap((b) => b.serviceTypes))],
    source: first.source,
  };
  if (entity !== undefined) action.entity = entity;
  return action;
}
