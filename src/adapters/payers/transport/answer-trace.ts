/**
 * Is this 271 the answer to the 270 we sent? The payer echoes our 2000C/2000D trace (TRN*1 in the
 * 270) as TRN*2 in the 271. An answer that carries our originator's trace with another number is the
 * answer to another of our inquiries (another patient's coverage), misrouted by a payer, clearinghouse
 * or proxy: it must never be shown or cached as this member's. An answer without our trace (payers
 * that do not echo, clearinghouses that add their own) cannot be judged and is accepted.
 */
import { readX12 } from '../x12/x12-reader.js';

/** The trace number and originator (TRN02, TRN03) sent in a 270. */
export interface X12Trace {
  traceNumber: string;
  originator: string;
}

/** Trace numbers are numeric control numbers here; some systems drop their leading zeros. */
function sameTraceNumber(a: string, b: string): boolean {
  if (a === b) return true;
  return /^\d+$/.test(a) && /^\d+$/.test(b) && BigInt(a) === BigInt(b);
}

/** True when the 271 carries our originator's trace but not our trace number. */
export function answersAnotherInquiry(payload: string, sent: X12Trace): boolean {
  // Fast paths, without reading the document: our originator absent (nothing of ours to judge), or
  // our trace echoed exactly (the common answer). Either way this runs inside the payer's
  // concurrency slot, so it must cost next to nothing.
  if (!payload.includes(sent.originator)) return false;
  const start = payload.indexOf('ISA');
  const element = start >= 0 ? payload.charAt(start + 3) : '';
  if (element !== '' && payload.includes(`TRN${element}2${element}${sent.traceNumber}${element}${sent.originator}`)) return false;
  let document;
  try {
    document = readX12(payload);
  } catch {
    return false; // unreadable answers are the normalizer's to report
  }
  let oursEchoed = false;
  let othersOfOurs = false;
  for (const transaction of document.transactions) {
    for (const segment of transaction.segments) {
      if (segment.id !== 'TRN') continue;
      const traceNumber = segment.el(2).trim();
      if (sameTraceNumber(traceNumber, sent.traceNumber)) oursEchoed = true;
      else if (segment.el(3).trim().toUpperCase() === sent.originator.toUpperCase()) othersOfOurs = true;
    }
  }
  return othersOfOurs && !oursEchoed;
}
