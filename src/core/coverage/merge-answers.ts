/**
 * One coverage from several answers by the same payer about the same patient. Many payers answer
 * only the first service type of an inquiry, so for them each service type is asked on its own
 * (the directory's `serviceTypesPerInquiry`) and the answers are merged here. The first answer (the
 * one that asked plan level, 30) supplies the plan, the people and the eligibility; the others add
 * their benefits, actions and warnings. Lines repeated in several answers (plan-level deductibles,
 * active coverage) are kept once, so nothing is counted twice.
 */
import type { Benefit, Coverage, PersonPhi, SourcePointer } from './coverage-model.js';
import { DomainError } from '../errors.js';

/** An answer to one part of a split inquiry: the coverage read from it and the service types it asked. */
export interface PartialAnswer {
  coverage: Coverage;
  serviceTypes: string[];
}

const comparable = (value: string | undefined): string | undefined => value?.replace(/[\s-]/g, '').toUpperCase() || undefined;

/**
 * True when two answers may be about the same person: every identifier both of them state agrees.
 * A part about someone else (misrouted on the way back) must never lend this patient its benefits.
 */
function samePerson(a: PersonPhi | undefined, b: PersonPhi | undefined): boolean {
  const agree = (x: string | undefined, y: string | undefined): boolean => x === undefined || y === undefined || x === y;
  return agree(comparable(a?.memberId), comparable(b?.memberId)) && agree(a?.dateOfBirth, b?.dateOfBirth) && agree(comparable(a?.lastName), comparable(b?.lastName));
}

/** True when a part's answer may be about the patient of the plan-level answer (no stated identifier disagrees). */
export function aboutSamePatient(primary: Coverage, part: Coverage): boolean {
  return samePerson(primary.patient?.phi, part.patient?.phi);
}

/** True when an answer carries no benefits, only the payer's errors: it rejected that part. */
function rejectedPart(coverage: Coverage): boolean {
  return coverage.benefits.length === 0 && coverage.payerErrors.length > 0;
}

/** What a benefit says, without where it was said: identical lines from two answers share it. */
function benefitContent(benefit: Benefit): string {
  const { id: _id, source: _source, ...content } = benefit;
  return JSON.stringify(content);
}

function pointerIn(source: SourcePointer, label: string): SourcePointer {
  return { ...source, pointer: `${label} / ${source.pointer}` };
}

/**
 * Merges the answers of a split inquiry. `primary` is the answer that asked plan level; `parts` are
 * the others in the order asked. Citations from the other answers name the service types they asked
 * ("answer for MH / ST 0001 / 2110C / segment 14 EB"), and their benefit ids are made unique.
 */
export function mergeServiceTypeAnswers(primary: Coverage, parts: PartialAnswer[]): Coverage {
  if (parts.length === 0) return primary;
  const merged: Coverage = {
    ...primary,
    benefits: [...primary.benefits],
    payerErrors: [...primary.payerErrors],
    actions: [...primary.actions],
    warnings: [...primary.warnings],
  };
  const seenBenefits = new Set(primary.benefits.map(benefitContent));
  const seenActions = new Set(primary.actions.map((action) => `${action.kind}\u0000${action.message}`));
  const seenWarnings = new Set(primary.warnings.map((warning) => `${warning.code}\u0000${warning.message}`));

  parts.forEach((part, index) => {
    if (!aboutSamePatient(primary, part.coverage)) {
      // No identifiers in the message: it reaches logs and the caller.
      throw new DomainError('payer.malformed-response', `The payer's answer for service type ${part.serviceTypes.join(', ')} is about another member than its plan-level answer`);
    }
    const asked = part.serviceTypes.join(', ');
    const label = `answer for ${asked}`;
    const { coverage } = part;
    if (rejectedPart(coverage)) {
      const reasons = coverage.payerErrors.map((error) => `${error.description} (${error.code})`).join('; ');
      merged.warnings.push({
        code: 'service-type-answer-rejected',
        message: `The payer refused the inquiry for service type ${asked}: ${reasons}. Benefits for it come only from the plan-level answer.`,
      });
      return;
    }
    for (const benefit of coverage.benefits) {
      const content = benefitContent(benefit);
      if (seenBenefits.has(content)) continue;
      seenBenefits.add(content);
      merged.benefits.push({ ...benefit, id: `q${index + 2}-${benefit.id}`, source: pointerIn(benefit.source, label) });
    }
    for (const error of coverage.payerErrors) merged.payerErrors.push({ ...error, source: pointerIn(error.source, label) });
    for (const action of coverage.actions) {
      const key = `${action.kind}\u0000${action.message}`;
      if (seenActions.has(key)) continue;
      seenActions.add(key);
      merged.actions.push(action.source ? { ...action, source: pointerIn(action.source, label) } : action);
    }
    for (const warning of coverage.warnings) {
      const key = `${warning.code}\u0000${warning.message}`;
      if (seenWarnings.has(key)) continue;
      seenWarnings.add(key);
      merged.warnings.push(warning.pointer === undefined ? warning : { ...warning, pointer: `${label} / ${warning.pointer}` });
    }
  });
  return merged;
}
