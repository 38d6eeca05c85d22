/**
 * Robustness of the 271 reader and mapper against realistic-but-awkward payer files (review of
 * crafted inputs). Synthetic data only: invented names, member ids and dates of birth.
 */
import { readFileSync } from 'node:fs';
import t from 'tap';
import type { Benefit, CostSharingTerms, Coverage } from '../../../core/coverage/coverage-model.js';
import { DomainError } from '../../../core/errors.js';
import { resolveCostSharingTerms } from '../../../core/coverage/resolve-cost-sharing.js';
import { PATIENT_HIDDEN_KEYS, stripPhiForPatient } from '../../../http/plugins/api-key-auth.js';
import { X12_271_LIMITS, x12271ToCoverages } from './x12-271-to-coverage.js';

interface Options {
  element?: string;
  repetition?: string;
  component?: string;
  terminator?: string;
  newline?: string;
  isaVersion?: string;
}

/** ISA..IEA around one 271 with a payer, a receiver and one subscriber, then `body` segments (written with * ^ :). */
function build271(body: readonly string[], options: Options = {}): string {
  const e = options.element ?? '*';
  const r = options.repetition ?? '^';
  const c = options.component ?? ':';
  const term = options.terminator ?? '~';
  const nl = options.newline ?? '\n';
  const isa = `ISA${e}00${e}          ${e}00${e}          ${e}ZZ${e}SYNTHPAYER     ${e}ZZ${e}SYNTHCLINIC    ${e}250102${e}0930${e}${r}${e}${options.isaVersion ?? '00501'}${e}000000123${e}0${e}T${e}${c}${term}`;
  const segments = [
    'GS*HB*SYNTHPAYER*SYNTHCLINIC*20250102*0930*123*X*005010X279A1',
    'ST*271*0001*005010X279A1',
    'BHT*0022*11*SYNTH-1*20250102*0930',
    'HL*1**20*1',
    'NM1*PR*2*EXAMPLE HEALTH PLAN*****PI*99999',
    'HL*2*1*21*1',
    'NM1*1P*2*EXAMPLE CLINIC*****XX*1234567893',
    'HL*3*2*22*0',
    'NM1*IL*1*TESTLASTNAME*TESTFIRST****MI*ZZX00000001',
    'DMG*D8*19900101*U',
    ...body,
  ];
  segments.push(`SE*${segments.length}*0001`, 'GE*1*123', 'IEA*1*000000123');
  const convert = (s: string): string => s.replace(/[*^:]/g, (ch) => (ch === '*' ? e : ch === '^' ? r : c));
  return `${isa}${nl}${segments.map((s) => `${convert(s)}${term}`).join(nl)}`;
}

const ACTIVE = 'EB*1*IND*30*PR*SYNTHETIC PPO';
const only = (text: string): Coverage => {
  const coverages = x12271ToCoverages(text);
  if (coverages.length !== 1) throw new Error(`expected one coverage, got ${coverages.length}`);
  return coverages[0]!;
};
const benefit = (c: Coverage, id: string): Benefit => {
  const found = c.benefits.find((b) => b.id === id);
  if (found === undefined) throw new Error(`no benefit ${id}`);
  return found;
};
/** Benefit ids are eb-<segment position>; ST is 1, so the first body segment is 10. */
const ebId = (bodyIndex: number): string => `eb-${10 + bodyIndex}`;
const codes = (c: Coverage): string[] => c.warnings.map((w) => w.code);

function thrown(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

t.test('a referral note is read clause by clause: "REFERRAL REQUIRED; PRIOR AUTHORIZATION NOT REQUIRED" means a referral is required', async (t) => {
  const note = (msg: string): Benefit => benefit(only(build271([ACTIVE, 'EB*B*IND*MH*PR**27*30', `MSG*${msg}`])), ebId(1));
  t.equal(note('REFERRAL REQUIRED; PRIOR AUTHORIZATION NOT REQUIRED').referralRequired, 'yes');
  t.equal(note('PRIOR AUTH REQUIRED - REFERRAL NOT REQUIRED').referralRequired, 'no');
  t.equal(note('REFERRALS NOT REQUIRED').referralRequired, 'no', 'plural');
  t.equal(note('REFERRAL IS NOT REQUIRED').referralRequired, 'no');
  t.equal(note('NO REFERRAL OR PRIOR AUTH NEEDED').referralRequired, 'no');
  t.equal(note('PLAN DOES NOT REQUIRE A REFERRAL').referralRequired, 'no');
  t.equal(note('PCP REFERRAL NEEDED. NOT COVERED OUT OF NETWORK').referralRequired, 'yes');
  t.equal(note('DEDUCTIBLE DOES NOT APPLY').referralRequired, 'unknown', 'no referral wording');
});

t.test('a referral note that waives it in network and requires it out of network leaves the referral unknown, with a warning', async (t) => {
  const c = only(build271([ACTIVE, 'EB*B*IND*MH*PR**27*30', 'MSG*NO REFERRAL NEEDED IN NETWORK; REFERRAL REQUIRED OUT OF NETWORK']));
  t.equal(benefit(c, ebId(1)).referralRequired, 'unknown');
  t.ok(codes(c).includes('x12.msg.conflicting-referral'));
  t.notOk(c.actions.some((a) => a.kind === 'obtain-referral'));
  const split = only(build271([ACTIVE, 'EB*B*IND*MH*PR**27*30', 'MSG*REFERRAL REQUIRED', 'MSG*NO REFERRAL NEEDED']));
  t.equal(benefit(split, ebId(1)).referralRequired, 'unknown', 'two MSGs of one EB that disagree');
  const next = only(build271([ACTIVE, 'EB*B*IND*MH*PR**27*30', 'MSG*REFERRAL REQUIRED', 'EB*B*IND*AI*PR**27*30', 'MSG*NO REFERRAL NEEDED']));
  t.same([benefit(next, ebId(1)).referralRequired, benefit(next, ebId(3)).referralRequired], ['yes', 'no'], 'each EB reads its own notes');
});

t.test('50,000 subscriber loops with a broken parent link are answered promptly with a typed error, not minutes of work', async (t) => {
  // Quadratic handling of broken HL parents took 15 s for 20,000 and did not finish for 80,000:
  // tap's 30 s test timeout fails this test if that comes back. No timing is asserted.
  const loops = Array.from({ length: 49_990 }, (_, i) => `HL*${i + 10}*9999999*22*0`);
  const error = thrown(() => x12271ToCoverages(build271([ACTIVE, ...loops])));
  t.equal(error.code, 'format.parse-error');
  t.equal(error.meta['limit'], 'coverages');
  t.match(error.message, /more than 2000 patients/);

  const dependents = Array.from({ length: 49_000 }, (_, i) => `HL*${i + 10}*9999999*23*0`);
  t.equal(thrown(() => x12271ToCoverages(build271([ACTIVE, ...dependents]))).meta['limit'], 'coverages', 'broken 2000D parents too');

  const tooMany = Array.from({ length: X12_271_LIMITS.hlLoops + 1 }, (_, i) => `HL*${i + 10}*3*99*0`);
  t.equal(thrown(() => x12271ToCoverages(build271(tooMany))).meta['limit'], 'hlLoops');
});

t.test('a batch just under the patient limit gives every patient a coverage, with warnings capped and summarized', async (t) => {
  const count = X12_271_LIMITS.coverages - 1; // plus the built-in subscriber
  const loops = Array.from({ length: count }, (_, i) => [`HL*${i + 10}*777*22*0`, `NM1*IL*1*TESTLAST*TESTFIRST****MI*ZZX${i}`, 'AAA*Y**75*C']).flat();
  const coverages = x12271ToCoverages(build271([ACTIVE, ...loops]));
  t.equal(coverages.length, X12_271_LIMITS.coverages);
  const warnings = coverages[0]!.warnings;
  t.equal(warnings.length, X12_271_LIMITS.warnings + 1);
  t.equal(warnings.at(-1)?.code, 'x12.warnings.truncated');
  t.match(warnings.at(-1)?.message ?? '', /^1799 more warning/);
  t.equal(coverages[1]!.warnings, warnings, 'the coverages of one transaction set share their warnings');
  t.equal(coverages[5]!.payerErrors[0]?.code, '75');

  // A parent chain as long as the document: each patient reads at most X12_271_LIMITS.hlDepth levels.
  const chain = Array.from({ length: 1_500 }, (_, i) => [`HL*${i + 10}*${i === 0 ? 3 : i + 9}*22*1`, 'AAA*Y**75*C']).flat();
  const deep = x12271ToCoverages(build271(chain));
  t.ok(deep.every((c) => c.payerErrors.length <= X12_271_LIMITS.hlDepth + 1));
  t.ok(codes(deep[0]!).includes('x12.hl.too-deep'));
});

t.test('many REF, DTP and misplaced primary-care-provider loops are read in linear time, and a "__proto__" qualifier stays a plain key', async (t) => {
  const refs = Array.from({ length: 60_000 }, (_, i) => `REF*Q${i}*1`);
  const c = only(build271(['REF*__proto__*X1', ...refs, ACTIVE]));
  t.equal(Object.keys(c.subscriber?.phi.otherIds ?? {}).length, 60_001);
  t.equal(Object.getPrototypeOf(c.subscriber?.phi.otherIds), Object.prototype);
  t.equal(JSON.parse(JSON.stringify(c.subscriber?.phi.otherIds))['__proto__'], 'X1');
  // Each primary care provider loop after the last EB goes to the first EB*L still without one.
  const pcp = only(build271([ACTIVE, ...Array.from({ length: 30_000 }, () => 'EB*L'), 'EB*A*IND*30', ...Array.from({ length: 30_000 }, () => 'NM1*P3*1*DOCLAST')]));
  t.equal(pcp.benefits.filter((b) => b.kind === 'primary-care-provider' && b.relatedEntities.length === 1).length, 30_000);
});

t.test('a blank, signed or hexadecimal visit count is left out with a warning instead of becoming a limit of 0 visits', async (t) => {
  const c = only(build271([ACTIVE, 'EB*F*IND*MH*PR**23***VS* ', 'EB*F*IND*MH*PR**23***VS*0x1F', 'EB*F*IND*MH*PR**23***VS*-3', 'EB*F*IND*MH*PR**23***VS*12.5', 'EB*F*IND*MH*PR**23', 'HSD*VS* ']));
  t.same([1, 2, 3].map((i) => benefit(c, ebId(i)).quantity), [undefined, undefined, undefined]);
  t.equal(benefit(c, ebId(4)).quantity?.value, 12.5);
  t.equal(benefit(c, ebId(5)).delivery?.quantity, undefined);
  t.notMatch(benefit(c, ebId(5)).delivery?.text ?? '', /0/);
  t.equal(codes(c).filter((w) => w === 'x12.value.invalid-quantity').length, 4);
});

t.test('an 80-column wrapped 271, ISA included, reads like the unwrapped file', async (t) => {
  const plain = build271([ACTIVE, 'EB*B*IND*MH*PR**27*30****N*Y'], { newline: '' });
  for (const width of [80, 64, 105, 106]) {
    const wrapped = (plain.match(new RegExp(`.{1,${width}}`, 'g')) ?? []).join('\r\n');
    const c = only(wrapped);
    t.same(c.benefits.map((b) => [b.kind, b.serviceTypes, b.amountCents ?? null]), [['active-coverage', ['30'], null], ['copay', ['MH'], 3000]], `width ${width}`);
    t.equal(c.subscriber?.phi.memberId, 'ZZX00000001', `width ${width}`);
  }
  // An ST left open before IEA: the error points at that IEA in the payload as sent.
  const broken = (build271([ACTIVE], { newline: '' }).replace('~IEA', '~ST*271*0002~IEA').match(/.{1,80}/g) ?? []).join('\r\n');
  const error = thrown(() => x12271ToCoverages(broken));
  t.equal(error.code, 'format.parse-error');
  const at = Number(error.meta['position']);
  t.equal(broken.slice(at, at + 6).replace(/\r\n/g, '').slice(0, 4), 'IEA*', 'the position counts the characters as sent, line breaks included');
  t.equal(at, broken.lastIndexOf('IEA'));
  const lines = build271([ACTIVE], { newline: '\n', terminator: '\n' });
  t.equal(only(lines).benefits.length, 1, 'a newline terminator is still a terminator');
});

t.test('a 5010 file whose ISA11 is "U" still lists every service type of a "^"-repeated EB03, with a warning', async (t) => {
  const c = only(build271(['EB*1*IND*30^1^33^MH*PR*SYNTHETIC PPO', 'EB*B*IND*ZZ9*PR**27*30']).replace('*^*00501*', '*U*00501*'));
  t.same(benefit(c, ebId(0)).serviceTypes, ['30', '1', '33', 'MH']);
  t.ok(codes(c).includes('x12.envelope.repetition-separator'));
  t.same(benefit(c, ebId(1)).serviceTypes, ['ZZ9'], 'an unknown service type is kept');
  t.ok(codes(c).includes('x12.code.unknown-eb03'));
});

t.test('a per-day H0015 copay with a garbled EB13 stays procedure-specific and is not taken as the general MH copay', async (t) => {
  const c = only(build271([ACTIVE, 'EB*B*IND*MH*PR**7*40*****Y*HC>H0015', 'EB*B*IND*MH*PR**7*40*****Y*S9480', 'EB*B*IND*MH*PR**7*40*****Y*:', 'EB*B*IND*MH*PR**7*40*****Y*HC:90837']));
  t.same([1, 2, 3, 4].map((i) => benefit(c, ebId(i)).procedureCodes), [['HC:H0015'], ['HC:S9480'], ['?:?'], ['HC:90837']]);
  t.ok(codes(c).includes('x12.value.procedure-separator'));
  t.ok(codes(c).includes('x12.value.procedure-qualifier'));
});

t.test('a TA1 or 999 rejecting the 270 is a payer rejection naming only the acknowledgement codes, never the rejected value', async (t) => {
  const isa = build271([]).split('\n')[0]!;
  const ta1 = thrown(() => x12271ToCoverages(`${isa}\nTA1*000000123*250102*0930*R*006~\nIEA*0*000000123~`));
  t.equal(ta1.code, 'payer.rejected');
  t.match(ta1.message, /TA1 R note 006/);
  const ack999 = [
    'GS*FA*SYNTHPAYER*SYNTHCLINIC*20250102*0930*1*X*005010X231A1', 'ST*999*0001*005010X231A1', 'AK1*HS*1*005010X279A1', 'AK2*270*0001*005010X279A1',
    'IK3*NM1*8*2100*8', 'IK4*9**7*ZZX00000001', 'IK5*R*5', 'AK9*R*1*1*0', 'SE*8*0001', 'GE*1*1', 'IEA*1*000000123',
  ];
  const rejected = thrown(() => x12271ToCoverages(`${isa}\n${ack999.join('~\n')}~`));
  t.equal(rejected.code, 'payer.rejected');
  t.match(rejected.message, /IK5 R 5/);
  t.notMatch(rejected.message, /ZZX00000001|NM1/);
  const accepted = thrown(() => x12271ToCoverages(`${isa}\n${ack999.join('~\n').replace('IK5*R*5', 'IK5*A').replace('AK9*R', 'AK9*A')}~`));
  t.equal(accepted.code, 'format.unsupported');
});

t.test('a negative copay or remaining deductible is left out with a warning, never priced as a credit', async (t) => {
  const c = only(build271([ACTIVE, 'EB*B*IND*MH*PR**27*-25', 'EB*C*IND*30*PR**29*-100*****Y']));
  t.same([benefit(c, ebId(1)).amountCents, benefit(c, ebId(2)).amountCents], [undefined, undefined]);
  t.equal(codes(c).filter((w) => w === 'x12.value.negative-amount').length, 2);
});

t.test('an all-nines family out-of-pocket maximum ($99,999.99) is a placeholder, not a cap shown in every estimate', async (t) => {
  const c = only(build271([ACTIVE, 'EB*G*FAM*30*PR**23*99999.99*****Y', 'EB*G*IND*30*PR**23*3400*****Y', 'EB*C*IND*30*PR**23*999999.99*****Y', 'EB*B*IND*MH*PR**27*99999.99*****Y']));
  t.equal(benefit(c, ebId(1)).amountCents, undefined);
  t.match(benefit(c, ebId(1)).notes, [/\$99,999\.99, an all-nines placeholder/]);
  t.equal(benefit(c, ebId(2)).amountCents, 340_000, 'a real maximum next to it is kept');
  t.equal(benefit(c, ebId(3)).amountCents, undefined);
  t.equal(benefit(c, ebId(4)).amountCents, 9_999_999, 'only deductible and out-of-pocket lines are read this way');
  t.equal(codes(c).filter((w) => w === 'x12.value.placeholder-amount').length, 2);
});

t.test('a line that lacks its terminator ends at the line break instead of swallowing the next segment', async (t) => {
  // A ZirMed 271 written one segment per line with 'EB|A|IND|52|||||0.1' and no '~': unwrapping
  // glued the next line in, losing an out-of-network non-covered line.
  const body = [ACTIVE, 'EB*A*IND*MH***27**0.1****Y', 'EB*I**MH^A8^98*********N', 'EB*B*IND*MH***27*30*****Y'];
  const c = only(build271(body).replace('0.1****Y~\n', '0.1****Y\n'));
  t.equal(benefit(c, ebId(1)).percentPpm, 100_000);
  t.equal(benefit(c, ebId(1)).network, 'in');
  t.equal(benefit(c, ebId(2)).kind, 'non-covered');
  t.equal(resolveCostSharingTerms(c, 'iop-mental-health', 'out').notCovered?.value, true, 'no out-of-network benefits, as the payer said');
  t.ok(codes(c).includes('x12.envelope.missing-terminator'));
  t.notOk(codes(c).includes('x12.envelope.line-wrapped'));

  // A MSG wrapped at a word is still unwrapped: the next line does not start with a segment id.
  const wrapped = only(build271([ACTIVE, 'MSG*BENEFITS ARE SUBJECT TO ALL CONTRACT LIMITS', 'EB*B*IND*MH***27*30*****Y']).replace('BENEFITS ARE', 'BENEFITS\nARE'));
  t.ok(codes(wrapped).includes('x12.envelope.line-wrapped'));
  t.equal(benefit(wrapped, ebId(2)).amountCents, 3000);
});

t.test('a MSG word-wrapped over two lines keeps the space the line break replaced; a fixed-width wrap adds none', async (t) => {
  // Blue Shield of California via Office Ally: one segment per line, long MSG text broken at a
  // space ("... BENEFITS" LF "ARE SUBJECT ..."). Joining the lines read "BENEFITSARE", and
  // "REFERRAL" LF "REQUIRED" lost the referral the note asks for.
  const body = [ACTIVE, 'EB*B*IND*MH***27*30*****Y', 'MSG*BENEFITS ARE SUBJECT TO ALL CONTRACT LIMITS', 'MSG*PCP REFERRAL REQUIRED FOR SPECIALIST VISITS'];
  const wrapped = only(build271(body).replace('BENEFITS ARE', 'BENEFITS\r\nARE').replace('REFERRAL REQUIRED', 'REFERRAL\nREQUIRED'));
  t.same(benefit(wrapped, ebId(1)).notes, ['BENEFITS ARE SUBJECT TO ALL CONTRACT LIMITS', 'PCP REFERRAL REQUIRED FOR SPECIALIST VISITS']);
  t.equal(benefit(wrapped, ebId(1)).referralRequired, 'yes');
  t.equal(benefit(wrapped, ebId(1)).amountCents, 3000);
  t.ok(codes(wrapped).includes('x12.envelope.line-wrapped'));
  // A break next to a delimiter or a space stands for nothing.
  const atDelimiters = only(build271(body).replace('MSG*BENEFITS', 'MSG*\nBENEFITS').replace('ALL CONTRACT', 'ALL \nCONTRACT'));
  t.equal(benefit(atDelimiters, ebId(1)).notes[0], 'BENEFITS ARE SUBJECT TO ALL CONTRACT LIMITS');
  // At a fixed width the writer cuts anywhere, words included: every break is removed.
  const plain = build271(body, { newline: '' });
  for (const width of [80, 97]) {
    const fixed = only((plain.match(new RegExp(`.{1,${width}}`, 'g')) ?? []).join('\r\n'));
    t.same(benefit(fixed, ebId(1)).notes, ['BENEFITS ARE SUBJECT TO ALL CONTRACT LIMITS', 'PCP REFERRAL REQUIRED FOR SPECIALIST VISITS'], `width ${width}`);
  }
});

t.test('an other-payer line that names the primary payer (NM1*PRP) asks to confirm which plan pays first', async (t) => {
  // Medicare (HETS-style 4010) for a member enrolled in a Medicare Advantage HMO since 2024-08-01:
  // Original Medicare's Part B terms are not what this patient pays.
  const c = only(build271([
    'EB*1*IND**MB',
    'EB*C*IND*30*MB**29*0',
    'EB*R**30*HN',
    'DTP*290*D8*20240801',
    'LS*2120',
    'NM1*PRP*2*EXAMPLE ADVANTAGE PLAN (SYNTHETIC)',
    'PER*IC**TE*8005550100',
    'LE*2120',
    'EB*R**30',
    'LS*2120',
    'NM1*PR*2*EXAMPLE OTHER INSURER (SYNTHETIC)',
    'LE*2120',
  ]));
  const verify = c.actions.filter((a) => a.kind === 'verify-manually');
  t.equal(verify.length, 1, 'only the line naming a primary payer');
  t.match(verify[0]?.message, /EXAMPLE ADVANTAGE PLAN \(SYNTHETIC\) as the primary payer \(coordination of benefits from 2024-08-01\).*phone 800-555-0100/);
  t.equal(verify[0]?.entity?.entityCode, 'PRP');
  t.same(verify[0]?.serviceTypes, ['30']);
});

t.test('a $0 family accumulator is dropped only beside an individual total above $0 of the same accumulator', async (t) => {
  const c = only(build271([
    'EB*1**30*HN*SYNTHETIC MA HMO',
    'EB*G*IND*30*HN**23*6700*****Y',
    'EB*G*FAM*30*HN**23*0*****Y',
    'EB*G*FAM*30*HN**29*0*****Y',
    'EB*C*IND*30***23*0*****Y',
    'EB*C*FAM*30***23*0*****Y',
    'EB*G*FAM*30*HN**23*0*****N',
    'EB*C*IND*MH***23*500*****Y',
    'EB*C*FAM*MH***23*1000*****Y',
  ]));
  t.same([benefit(c, ebId(2)).amountCents, benefit(c, ebId(3)).amountCents], [undefined, undefined], '$0 family beside $6,700 individual');
  t.same([benefit(c, ebId(4)).amountCents, benefit(c, ebId(5)).amountCents], [0, 0], 'a plan with no deductible at all keeps its $0 amounts');
  t.equal(benefit(c, ebId(6)).amountCents, 0, 'another network is another accumulator');
  t.equal(benefit(c, ebId(8)).amountCents, 100_000, 'a real family amount is kept');
  t.equal(resolveCostSharingTerms(c, 'iop-mental-health', 'in').outOfPocket.family, undefined);
  t.equal(codes(c).filter((w) => w === 'x12.value.family-zero-filler').length, 1);
});

t.test('$0 individual accumulators beside family totals above $0 (aggregate-deductible HSA) are "no individual amount", not a $0 cap', async (t) => {
  // Aetna HSA Choice POS II (athenahealth sample): the deductible and out-of-pocket maximum are
  // family-only (in and out of network) and every individual line is $0 for both networks (W).
  // Read as sent, the patient had met a $0 out-of-pocket maximum: an 8-week IOP cost $0.
  const c = only(build271([
    'EB*1*FAM*30*PS*SYNTHETIC HSA POS',
    'EB*C*FAM*30***23*3000*****Y',
    'EB*C*FAM*30***29*1200*****Y',
    'EB*G*FAM*30****7000*****Y',
    'EB*G*FAM*30***29*3400*****Y',
    'EB*C*IND*30***23*0*****W',
    'EB*C*IND*30***29*0*****W',
    'EB*G*IND*30***23*0*****W',
    'EB*G*IND*30***29*0*****W',
    'EB*C*FAM*30***23*6000*****N',
    'EB*A*FAM*30*****.1****Y',
    'EB*C*IND*33***23*0*****Y',
  ]));
  t.same([5, 6, 7, 8].map((i) => benefit(c, ebId(i)).amountCents), [undefined, undefined, undefined, undefined]);
  t.match(benefit(c, ebId(7)).notes, [/\$0\.00 for the individual out-of-pocket maximum beside a \$7,000\.00 family one/]);
  t.equal(benefit(c, ebId(11)).amountCents, 0, 'another accumulator (chiropractic only) without a family amount is kept');
  const terms = resolveCostSharingTerms(c, 'iop-mental-health', 'in');
  t.equal(terms.outOfPocket.individual, undefined, 'no $0 individual out-of-pocket maximum');
  t.equal(terms.deductible.individual, undefined);
  t.equal(terms.outOfPocket.family?.remainingCents?.value, 340_000, 'the family amounts are the ones to meet');
  t.equal(resolveCostSharingTerms(c, 'iop-mental-health', 'out').deductible.family?.totalCents?.value, 600_000);
  t.equal(codes(c).filter((w) => w === 'x12.value.individual-zero-filler').length, 2);

  // A plan without any deductible ($0 individual and $0 family) keeps both.
  const none = only(build271([ACTIVE, 'EB*C*IND*30***23*0*****W', 'EB*C*FAM*30***23*0*****W']));
  t.same([benefit(none, ebId(1)).amountCents, benefit(none, ebId(2)).amountCents], [0, 0]);
});

t.test('a vision plan sent under service type 30, with its own $0 accumulators, does not cap the medical plan at $0', async (t) => {
  // UHC Medicare Advantage via IVANS: after the medical lines, "EB*1**30**SPECTERA VISION PLAN" and
  // that plan's EB*C / EB*G *30 $0 W lines. Read as the medical plan's, the out-of-network
  // out-of-pocket maximum was $0 and an out-of-network IOP cost nothing.
  const c = only(build271([
    'EB*1**30*HN*SYNTHETIC MEDICARE ADVANTAGE HMO',
    'EB*C*IND*30***23*0*****W',
    'EB*G*IND*30*HN**23*3800*****Y',
    'EB*1**MH*********Y',
    'EB*1**30**EXAMPLE VISION PLAN',
    'EB*C*IND*30***23*0*****W',
    'EB*G*IND*30***23*0*****W',
    'EB*G*FAM*30***23*0*****W',
    'EB*1**AL',
    'EB*1**35*HM*Dental HMO',
    'EB*G*IND*30*HN**29*2100*****Y',
  ]));
  t.same([5, 6, 7].map((i) => benefit(c, ebId(i)).amountCents), [undefined, undefined, undefined]);
  t.match(benefit(c, ebId(6)).notes, [/belongs to "EXAMPLE VISION PLAN", a separate dental, vision or pharmacy product/]);
  t.equal(benefit(c, ebId(1)).amountCents, 0, "the medical plan's own $0 deductible is kept");
  t.equal(benefit(c, ebId(10)).amountCents, 210_000, 'a dental line on its own service type (35) does not take the general lines after it');
  t.equal(resolveCostSharingTerms(c, 'iop-mental-health', 'out').outOfPocket.individual, undefined, 'no $0 out-of-network out-of-pocket maximum');
  t.equal(resolveCostSharingTerms(c, 'iop-mental-health', 'in').outOfPocket.individual?.totalCents?.value, 380_000);
  t.equal(resolveCostSharingTerms(c, 'iop-mental-health', 'in').outOfPocket.family, undefined);
  t.same([c.plan.name, c.plan.type], ['SYNTHETIC MEDICARE ADVANTAGE HMO', 'Medicare-Advantage']);
  t.equal(codes(c).filter((w) => w === 'x12.value.separate-product-line').length, 1);

  // A dental plan line first: it names neither the plan nor its type, and its copay is not the plan's.
  const dentalFirst = only(build271(['EB*1**30*HM*EXAMPLE DENTAL HMO', 'EB*B*IND*30***27*25*****Y', 'EB*1**30*PR*EXAMPLE PPO', 'EB*B*IND*30***27*40*****Y']));
  t.same([dentalFirst.plan.name, dentalFirst.plan.type], ['EXAMPLE PPO', 'PPO']);
  t.same([benefit(dentalFirst, ebId(1)).amountCents, benefit(dentalFirst, ebId(3)).amountCents], [undefined, 4000]);
  // "MEDICAL AND VISION" is a medical plan.
  const medical = only(build271(['EB*1**30*PR*EXAMPLE MEDICAL AND VISION PPO', 'EB*B*IND*30***27*25*****Y']));
  t.equal(benefit(medical, ebId(1)).amountCents, 2500);
});

t.test('out-of-network accumulators sent as all $0 beside real in-network ones are "none reported", not a $0 out-of-network cap', async (t) => {
  // A clearinghouse 4010 answer (UHC managed indemnity via ZirMed): every EB12=N deductible and
  // out-of-pocket line $0 (total, met, remaining). Read as sent, out-of-network IOP cost $0.
  const c = only(build271([
    'EB*1**30*C1*SYNTHETIC MANAGED INDEMNITY',
    'EB*G*IND*30*C1***1500*****Y',
    'EB*G*IND*30*C1**29*0*****Y',
    'EB*C*IND*30****118*****Y',
    'EB*G*IND*30*C1***0*****N',
    'EB*G*IND*30*C1**24*0*****N',
    'EB*G*IND*30*C1**29*0*****N',
    'EB*C*IND*30****0*****N',
    'EB*C*IND*30***29*0*****N',
    'EB*C*FAM*30****0*****N',
    'EB*A*IND*MH***27**0.4****N',
  ]));
  const out = resolveCostSharingTerms(c, 'iop-mental-health', 'out');
  t.equal(out.outOfPocket.individual, undefined, 'no $0 out-of-network out-of-pocket maximum');
  t.equal(out.deductible.individual, undefined);
  t.equal(out.coinsurancePpm?.value, 400_000, 'the out-of-network coinsurance is still read');
  t.same([4, 5, 6, 7, 8].map((i) => benefit(c, ebId(i)).amountCents), [undefined, undefined, undefined, undefined, undefined]);
  t.equal(benefit(c, ebId(9)).amountCents, 0, 'a $0 family deductible with no in-network family deductible beside it is kept');
  t.match(benefit(c, ebId(4)).notes, [/\$0\.00 for the out-of-network out-of-pocket maximum beside a \$1,500\.00 in-network one/]);
  t.equal(resolveCostSharingTerms(c, 'iop-mental-health', 'in').outOfPocket.individual?.totalCents?.value, 150_000, 'in network untouched');
  t.equal(codes(c).filter((w) => w === 'x12.value.out-of-network-zero-filler').length, 2);
});

t.test('a remaining amount is left out as placeholder-derived only when it is exactly the placeholder less what was met', async (t) => {
  const c = only(build271([
    ACTIVE,
    'EB*G*FAM*30*PR**23*99999.99*****W',
    'EB*G*FAM*30*PR**24*302.68*****W',
    'EB*G*FAM*30*PR**29*99697.31*****W',
    'EB*C*FAM*30*PR**23*999999.99*****W',
    'EB*C*FAM*30*PR**24*100*****W',
    'EB*C*FAM*30*PR**29*4000*****W',
  ]));
  t.equal(benefit(c, ebId(3)).amountCents, undefined, '99,697.31 = 99,999.99 - 302.68');
  t.equal(benefit(c, ebId(2)).amountCents, 30_268, 'what was met is real');
  t.equal(benefit(c, ebId(6)).amountCents, 400_000, 'a remaining amount that does not add up is kept');
  t.same(codes(c).filter((w) => w === 'x12.value.placeholder-remaining'), ['x12.value.placeholder-remaining']);
});

t.test('a second HSD on one benefit is kept as a note instead of replacing the first delivery pattern', async (t) => {
  const c = only(build271([ACTIVE, 'EB*F*IND*MH*PR**23', 'HSD*VS*3*WK*1', 'HSD*DY*30***23']));
  const f = benefit(c, ebId(1));
  t.equal(f.delivery?.text, '3 visits per week');
  t.same(f.notes, ['Also delivered as: 30 days per calendar year']);
  t.ok(codes(c).includes('x12.hsd.repeated'));
});

t.test('a coinsurance line without EB08 or a copay line without EB07 is warned about', async (t) => {
  const c = only(build271([ACTIVE, 'EB*A*IND*MH*PR**27*20', 'EB*B*IND*MH*PR**27**0.2', 'EB*B*IND*AI*PR**27*25']));
  t.ok(codes(c).includes('x12.value.missing-percent'));
  t.ok(codes(c).includes('x12.value.missing-amount'));
  t.equal(c.warnings.filter((w) => w.code.startsWith('x12.value.missing')).length, 2, 'a complete copay line is not warned about');
});

t.test('codes named like Object properties ("toString", "constructor") are unknown codes, not functions', async (t) => {
  const c = only(build271(['EB*1*IND*30', 'EB*toString*valueOf*30*toString*HSA*constructor*10**constructor*5', 'LS*2120', 'NM1*constructor*2*EXAMPLE', 'LE*2120', 'HSD*constructor*1*toString**constructor']));
  const b = benefit(c, ebId(1));
  t.equal(b.kind, 'other');
  t.equal(b.coverageLevel, 'unknown');
  t.equal(b.timePeriod, 'unknown');
  t.equal(b.quantity?.unit, 'other');
  t.equal(b.relatedEntities[0]?.role, 'related entity');
  t.equal(b.delivery?.text, '1 constructor');
  t.equal(JSON.stringify(c).includes('native code'), false);
});

t.test('an open-access plan is not read as an HMO because the member\'s separate dental plan is one', async (t) => {
  const medical = 'EB*1*IND*30**SYNTHETIC OPEN ACCESS PLAN';
  const c = only(build271([medical, 'EB*C*IND*30***23*2000*****Y', 'EB*1**35*HM*SYNTHETIC DENTAL HMO', 'EB*1**AL*HM*SYNTHETIC VISION HMO']));
  t.equal(c.plan.type, 'unknown', 'the medical plan did not say its type');
  t.equal(c.plan.insuranceTypeCode, undefined);
  t.equal(c.plan.name, 'SYNTHETIC OPEN ACCESS PLAN');
  const terms = resolveCostSharingTerms(c, 'iop-mental-health', 'in');
  t.notOk(terms.unknowns.some((u) => /HMO plan/.test(u)), 'no HMO referral hint for an open-access plan');
  const mixed = only(build271([medical, 'EB*1**35^MH*HM*SYNTHETIC HMO']));
  t.equal(mixed.plan.type, 'HMO', 'a line about medical services as well still names the plan type');
});

t.test('MH copays whose EB03 repeats with ">" under an ISA11 of "|" still apply to MH in and out of network, with a warning', async (t) => {
  const c = only(
    build271([ACTIVE, 'EB*B**1>33>98>MH>UC*HM*SYNTHETIC PLAN*27*15*****Y', 'EB*B**1>33>98>MH>UC*HM*SYNTHETIC PLAN*27*45*****N', 'EB*B**MH>ZZ9*HM**27*99'], { repetition: '|' }),
  );
  t.same(benefit(c, ebId(1)).serviceTypes, ['1', '33', '98', 'MH', 'UC']);
  t.ok(codes(c).includes('x12.envelope.repetition-separator'));
  t.equal(resolveCostSharingTerms(c, 'iop-mental-health', 'in').copay?.value.amountCents, 1500);
  t.equal(resolveCostSharingTerms(c, 'iop-mental-health', 'out').copay?.value.amountCents, 4500);
  t.same(benefit(c, ebId(3)).serviceTypes, ['MH>ZZ9'], 'a value that is not a list of service type codes is kept as sent');
  const usual = only(build271([ACTIVE, 'EB*B**1^MH*HM**27*15*****Y']));
  t.same(benefit(usual, ebId(1)).serviceTypes, ['1', 'MH']);
  t.notOk(codes(usual).includes('x12.envelope.repetition-separator'), 'no warning when ISA11 is the repetition separator used');
});

t.test('a visit limit sent only in HSD ("40 visits per calendar year", "28 remaining") is the MH visit limit; a per-week frequency is not', async (t) => {
  const c = only(build271([ACTIVE, 'EB*F*IND*MH*********Y', 'HSD*VS*40***23', 'EB*F*IND*MH*********Y', 'HSD*VS*28***29', 'EB*F*IND*CF*********Y', 'HSD*VS*3*WK']));
  t.same([benefit(c, ebId(1)).quantity, benefit(c, ebId(1)).timePeriod], [{ value: 40, unit: 'visit', qualifier: 'VS' }, 'calendar-year']);
  t.same([benefit(c, ebId(3)).quantity?.value, benefit(c, ebId(3)).timePeriod], [28, 'remaining']);
  t.equal(benefit(c, ebId(5)).quantity, undefined, '3 visits per week is a delivery pattern, not a limit');
  t.equal(benefit(c, ebId(5)).delivery?.text, '3 visits per week');
  const limit = resolveCostSharingTerms(only(build271([ACTIVE, 'EB*F*IND*MH*********Y', 'HSD*VS*40***23', 'EB*F*IND*MH*********Y', 'HSD*VS*28***29'])), 'iop-mental-health', 'in').limit;
  t.same(limit?.value, { total: 40, remaining: 28, unit: 'visit', period: 'calendar-year' });
  const contradicts = only(build271([ACTIVE, 'EB*F*IND*MH***23******Y', 'HSD*VS*28***29']));
  t.equal(contradicts.benefits[1]?.quantity, undefined, 'an HSD05 that contradicts EB06 is not guessed into a limit');
});

t.test('a pharmacy or dental vendor line, or "contact us" lines that name no one, do not show up as a behavioral-health carve-out', async (t) => {
  const c = only(
    build271([
      ACTIVE,
      'EB*B*IND*MH***27*25*****Y',
      'EB*U**88',
      'LS*2120',
      'NM1*VN*2*SYNTHETIC PHARMACY BENEFITS INC',
      'PER*IC**UR*PHARMACY.EXAMPLE.COM',
      'LE*2120',
      'EB*U**35',
      'LS*2120',
      'NM1*VN*2*SYNTHETIC DENTAL CO',
      'LE*2120',
      'EB*U**98',
      'EB*U**33',
      'EB*U**AI',
    ]),
  );
  const carveOuts = c.actions.filter((a) => a.kind === 'check-carve-out');
  t.same(carveOuts, [], 'no "behavioral health is carved out" banner for pharmacy, dental, office-visit or unnamed lines');
  const ask = c.actions.filter((a) => a.kind === 'contact-payer');
  t.equal(ask.length, 1, 'one action: the payer says to ask it about substance use benefits');
  t.same(ask[0]?.serviceTypes, ['AI']);
  t.notMatch(ask[0]?.message ?? '', /another organization|administered by/, 'it does not claim another organization administers them');
  const terms = resolveCostSharingTerms(c, 'iop-substance-use', 'in');
  t.notOk(terms.unknowns.some((u) => /contact another organization/.test(u)), 'the resolver does not say the payer named another organization');
  t.ok(terms.unknowns.some((u) => /AI/.test(u) && /contact it/.test(u)), 'the resolver says the payer asks to be contacted about AI');

  const named = only(build271([ACTIVE, 'EB*U**MH^AI', 'LS*2120', 'NM1*VN*2*SYNTHETIC BEHAVIORAL ADMIN', 'PER*IC**TE*8005550100', 'LE*2120']));
  const bh = named.actions.filter((a) => a.kind === 'check-carve-out');
  t.equal(bh.length, 1, 'a named administrator for MH/SUD is still a carve-out');
  t.equal(bh[0]?.entity?.name, 'SYNTHETIC BEHAVIORAL ADMIN');

  const wholePlan = only(build271([ACTIVE, 'EB*U**30', 'LS*2120', 'NM1*VN*2*SYNTHETIC TPA', 'LE*2120']));
  t.same(wholePlan.actions.map((a) => a.kind), ['contact-payer'], 'a named contact for the whole plan is a next action, not a BH carve-out');
  t.match(wholePlan.actions[0]?.message ?? '', /SYNTHETIC TPA/);
});

t.test('a Medicaid plan line that names its managed care plan for every service, mental health included, is not shown as a behavioral-health carve-out', async (t) => {
  const c = only(
    build271([
      'EB*1**30^1^47^48^86^98^MH*MC*SYNTHETIC MEDICAID PLAN',
      'LS*2120',
      'NM1*P5*2*SYNTHETIC MANAGED CARE PLAN',
      'PER*IC*PROVIDER SERVICES*TE*8005550111',
      'LE*2120',
    ]),
  );
  t.same(c.actions.filter((a) => a.kind === 'check-carve-out'), [], 'no "behavioral health is carved out" banner');
  const next = c.actions.find((a) => a.kind === 'contact-payer');
  t.equal(next?.entity?.name, 'SYNTHETIC MANAGED CARE PLAN', 'the named plan is still a next action');
  t.match(next?.message ?? '', /800-555-0111/);
  t.not(next?.entity?.role, 'carve-out administrator');

  const carved = only(build271([ACTIVE, 'EB*1**MH^AI', 'LS*2120', 'NM1*Y2*2*SYNTHETIC BH PLAN', 'LE*2120']));
  t.equal(carved.actions.find((a) => a.kind === 'check-carve-out')?.entity?.name, 'SYNTHETIC BH PLAN', 'a plan named for MH/SUD only is still a carve-out');
});

t.test('a Medicaid member whose 271 lists mental-health program lines first shows the medical program as the plan name, not "mental health inpatient"', async (t) => {
  const c = only(
    build271([
      'EB*1*IND*30^60^MH*MC*SYNTHETIC MENTAL HEALTH INPATIENT',
      'EB*1*IND*30^60^98^MH*MC*SYNTHETIC MENTAL HEALTH OUTPATIENT',
      'EB*1*IND*30^60^AI*MC*SYNTHETIC SUBSTANCE USE SERVICES',
      'EB*1*IND*30^1^47^48^86^88^98^AL*MC*SYNTHETIC ADULT MEDICAID',
    ]),
  );
  t.equal(c.plan.name, 'SYNTHETIC ADULT MEDICAID');
  t.equal(c.plan.type, 'Medicaid');
  const onlyBh = only(build271(['EB*1**30^MH*PR*SYNTHETIC GOLD PPO']));
  t.equal(onlyBh.plan.name, 'SYNTHETIC GOLD PPO', 'the only plan line still names the plan');
});

t.test('an active dental or vision product alone does not make the coverage active when the medical plan is inactive', async (t) => {
  const dentalOnly = only(build271(['EB*1*IND*35*HM*SYNTHETIC DENTAL HMO', 'EB*6*IND*30']));
  t.equal(dentalOnly.eligibility.status, 'inactive');
  t.match(dentalOnly.eligibility.reason, /only a separate dental, vision or pharmacy product is reported active/);
  t.equal(only(build271(['EB*6*IND*35', ACTIVE])).eligibility.status, 'active', 'an inactive dental plan does not end an active medical plan');
  t.equal(only(build271(['EB*1*IND*35'])).eligibility.status, 'active', 'with nothing said about the medical plan, active stays active');
  t.equal(only(build271([ACTIVE, 'EB*6*IND*MH'])).eligibility.status, 'active', 'active medical with a narrower inactive line stays active');
});

t.test('authorization flagged on many lines becomes one action per network listing every service type', async (t) => {
  const c = only(build271([
    ACTIVE,
    'EB*A*IND*CH*PR****0.2***Y*Y',
    'EB*A*IND*A8*PR****0.2***Y*Y',
    'EB*B*IND*CH*PR***27*40****Y*Y',
    'EB*A*IND*CH*PR****0.4***Y*N',
  ]));
  const auth = c.actions.filter((a) => a.kind === 'obtain-authorization');
  t.equal(auth.length, 2, 'one for in network, one for out of network');
  t.same(auth[0]?.serviceTypes, ['CH', 'A8']);
  t.match(auth[0]?.message, /service type\(s\) CH, A8 \(in network\)/);
  t.same(Object.keys(auth[0] ?? {}).sort(), ['kind', 'message', 'serviceTypes', 'source'], 'nothing but the contract fields');
});

const fixture = (name: string): string => readFileSync(new URL(`../../../../fixtures/x12/behavioral-health/${name}`, import.meta.url), 'utf8');
const carveOutsOf = (c: Coverage) => c.actions.filter((a) => a.kind === 'check-carve-out');

t.test('a mental-health line naming the payer itself, or the Medicaid plan it names for the whole plan, is not shown as a carve-out', async (t) => {
  // The payer (2100A PI 99999) names itself in the MH line's 2120 loop: nobody else to call.
  const self = only(build271([ACTIVE, 'EB*1**MH', 'LS*2120', 'NM1*PR*2*EXAMPLE HEALTH PLAN*****PI*99999', 'LE*2120']));
  t.same(carveOutsOf(self), [], 'no "administered by EXAMPLE HEALTH PLAN" banner for the payer itself');
  t.equal(self.benefits[1]?.relatedEntities[0]?.role, 'payer', 'the entity keeps its role');
  const other = only(build271([ACTIVE, 'EB*1**MH', 'LS*2120', 'NM1*PR*2*EXAMPLE BH ADMINISTRATOR (SYNTHETIC)*****PI*ZZZBH1', 'PER*IC**TE*8005550100', 'LE*2120']));
  const carved = carveOutsOf(other);
  t.equal(carved.length, 1, 'a payer id other than the answering payer is still a carve-out');
  t.same(carved[0]?.entity?.identifiers, { PI: 'ZZZBH1' }, 'with the payer id for the second check');
  t.match(carved[0]?.message, /800-555-0100/);
  const askSelf = only(build271([ACTIVE, 'EB*U**MH', 'LS*2120', 'NM1*PR*2*EXAMPLE HEALTH PLAN*****PI*99999', 'PER*IC**TE*8005550199', 'LE*2120']));
  t.same(askSelf.actions.map((a) => a.kind), ['contact-payer'], 'EB*U naming only the payer: ask the payer');
  t.match(askSelf.actions[0]?.message, /ask the payer \(phone 800-555-0199\)/);

  const medicaid = only(fixture('bh-medicaid-mco-and-separate-bh-plan.271'));
  const actions = carveOutsOf(medicaid);
  t.equal(actions.length, 1, 'the MH line naming the same MCO as the plan line is not a carve-out; the SUD plan is');
  t.same(actions[0]?.serviceTypes, ['AI', 'CJ']);
  t.equal(actions[0]?.entity?.name, 'EXAMPLE BEHAVIORAL HEALTH PLAN (SYNTHETIC)');
  t.match(actions[0]?.message, /phone 800-555-0142/);
  t.equal(medicaid.benefits.find((b) => b.serviceTypes.includes('MH'))?.relatedEntities[0]?.role, 'managed care organization');
});

t.test('a carve-out stated only in a MSG note becomes one action naming the administrator and its phone', async (t) => {
  const c = only(fixture('bh-carve-out-in-msg-and-self-named-payer.271'));
  const carved = carveOutsOf(c);
  t.equal(carved.length, 1, 'one action although the note repeats on AI and CJ; none for MH, dental, pharmacy or the delegated medical UM');
  t.same(carved[0]?.serviceTypes, ['AI', 'CJ']);
  t.same(carved[0]?.entity, { role: 'carve-out administrator', name: 'EXAMPLE BH ADMINISTRATOR (SYNTHETIC)', contacts: [{ kind: 'phone', value: '8005550132' }] });
  t.same(c.benefits.find((b) => b.serviceTypes[0] === 'AI')?.serviceTypes, ['AI'], 'merging the action does not change the benefit');
  t.equal(c.actions.length, 1, 'nothing else to do');

  const none = (note: string, line = 'EB*1**MH') => carveOutsOf(only(build271([ACTIVE, line, `MSG*${note}`])));
  t.same(none('MENTAL HEALTH IS NOT CARVED OUT'), [], 'a negated note');
  t.same(none('MENTAL HEALTH SERVICES PROVIDED BY A LICENSED PSYCHOLOGIST'), [], 'who treats is not who administers');
  t.same(none('MENTAL HEALTH OFFICE VISIT'), []);
  t.same(none('PHARMACY BENEFITS ADMINISTERED BY EXAMPLE RX (SYNTHETIC)', 'EB*1**88'), [], 'a pharmacy note on a pharmacy line');
  t.same(none('BENEFITS ADMINISTERED BY THE MEMBER\'S PLAN'), [], 'names no one else');
  t.equal(none('BEHAVIORAL HEALTH ADMINISTERED BY EXAMPLE BH CO (SYNTHETIC)', 'EB*1**30').length, 1, 'a plan-line note that says behavioral health');

  const contact = only(build271([ACTIVE, 'MSG*FOR BEHAVIORAL HEALTH CALL 800-555-0133']));
  t.same(contact.actions.map((a) => a.kind), ['contact-payer'], 'a separate number is a contact, not a claimed carve-out');
  t.match(contact.actions[0]?.message, /phone 800-555-0133/);
  t.same(only(build271([ACTIVE, 'MSG*CALL 877-555-0134 FOR MH/SA PRECERTIFICATION'])).actions, [], 'a precertification number is not a behavioral-health contact');

  const fromLoop = only(build271([ACTIVE, 'EB*U**MH', 'MSG*MH ADMINISTERED BY EXAMPLE NOTE ADMIN (SYNTHETIC)', 'LS*2120', 'NM1*VN*2*EXAMPLE LOOP ADMIN (SYNTHETIC)', 'LE*2120']));
  t.same(carveOutsOf(fromLoop).map((a) => a.entity?.name), ['EXAMPLE LOOP ADMIN (SYNTHETIC)'], 'the 2120 loop wins over the note');
});

t.test('the id a carve-out administrator knows the member by is kept where patient-facing answers drop it; an SSN is not kept', async (t) => {
  const c = only(build271([ACTIVE, 'EB*U**MH', 'LS*2120', 'NM1*VN*2*EXAMPLE BH ADMINISTRATOR (SYNTHETIC)*****MI*ZZZ000000777', 'LE*2120', 'EB*U**AI', 'LS*2120', 'NM1*VN*2*EXAMPLE SUD ADMINISTRATOR (SYNTHETIC)*****34*999999999', 'LE*2120']));
  const [mh, sud] = carveOutsOf(c);
  t.same(mh?.entity?.identifiers, { memberId: 'ZZZ000000777' }, 'staff can run the second check with it');
  t.ok(PATIENT_HIDDEN_KEYS.has('memberId'), 'and a patient-facing key never sees it');
  t.notMatch(JSON.stringify(stripPhiForPatient(c.actions)), 'ZZZ000000777');
  t.equal(sud?.entity?.identifiers, undefined, 'a social security number is dropped');
  t.notMatch(JSON.stringify(c), '999999999');
});

t.test('substance use carved out with EB*U while mental health is not: only SUD levels name the administrator', async (t) => {
  const c = only(build271([ACTIVE, 'EB*B*IND*MH*PR**27*25*****Y', 'EB*U**AI', 'LS*2120', 'NM1*VN*2*EXAMPLE SUD ADMINISTRATOR (SYNTHETIC)*****PI*ZZZSUD', 'PER*IC**TE*8005550103', 'LE*2120']));
  t.same(carveOutsOf(c).map((a) => a.serviceTypes), [['AI']]);
  t.notOk(resolveCostSharingTerms(c, 'iop-mental-health', 'in').unknowns.some((u) => /carved out/.test(u)), 'mental health IOP is not said to be carved out');
  t.ok(resolveCostSharingTerms(c, 'iop-substance-use', 'in').unknowns.some((u) => /carved out.*EXAMPLE SUD ADMINISTRATOR/.test(u)), 'substance use IOP is');
});

t.test('a utilization management organization on a mental-health line is named for authorization, and may administer the benefit', async (t) => {
  const c = only(build271([ACTIVE, 'EB*1**A8', 'LS*2120', 'NM1*X3*2*EXAMPLE BH UM (SYNTHETIC)', 'PER*IC**TE*8005550102', 'LE*2120']));
  t.match(carveOutsOf(c)[0]?.message, /Authorization and utilization review for service type\(s\) A8 are handled by EXAMPLE BH UM \(SYNTHETIC\), which may also administer/);
});

t.test('cost terms for a carved-out level name the administrator and are not taken from lines the carve-out does not cover', async (t) => {
  const mhCarvedToOther = only(build271([
    ACTIVE,
    'EB*A*IND*30*PR****0.2****Y',
    'EB*1**MH^AI',
    'LS*2120',
    'NM1*PR*2*EXAMPLE BH ADMINISTRATOR (SYNTHETIC)*****PI*ZZZBH1',
    'PER*IC**TE*8005550100',
    'LE*2120',
  ]));
  const iop = resolveCostSharingTerms(mhCarvedToOther, 'iop-mental-health', 'in');
  t.ok(iop.unknowns.some((u) => u.includes('carved out to EXAMPLE BH ADMINISTRATOR (SYNTHETIC)')), 'the administrator is named');
  t.equal(iop.coinsurancePpm, undefined, "the medical plan's 20% from 30 is not used for a carved-out IOP");

  const sudCarved = only(build271([
    ACTIVE,
    'EB*B*IND*MH*PR**27*25*****Y',
    'EB*U**AI',
    'LS*2120',
    'NM1*VN*2*EXAMPLE SUD VENDOR (SYNTHETIC)',
    'PER*IC**TE*8005550111',
    'LE*2120',
  ]));
  const sud = resolveCostSharingTerms(sudCarved, 'iop-substance-use', 'in');
  t.equal(sud.copay, undefined, "a carved-out SUD program is not priced with the MH copay");
  t.ok(sud.unknowns.some((u) => u.includes('EXAMPLE SUD VENDOR (SYNTHETIC)')));
  const mh = resolveCostSharingTerms(sudCarved, 'iop-mental-health', 'in');
  t.same(mh.copay?.value, { amountCents: 2_500, per: 'visit' }, 'mental health, not carved out, keeps its copay');
  t.notOk(mh.unknowns.some((u) => u.includes('carved out')));

  const selfNamed = only(build271([ACTIVE, 'EB*U**MH', 'LS*2120', 'NM1*PR*2*EXAMPLE HEALTH PLAN*****PI*99999', 'LE*2120']));
  const ask = resolveCostSharingTerms(selfNamed, 'iop-mental-health', 'in');
  t.notOk(ask.unknowns.some((u) => u.includes('carved out')), 'a payer naming itself is no carve-out');
  t.ok(ask.unknowns.some((u) => u.includes('says to contact it')));
});

t.test('a Medicare answer naming a QMB period (EB*R**30*QM with its DTP*290 dates) waives Medicare cost sharing only while the period lasts', async (t) => {
  // HETS has returned QMB periods since November 2017 (effective and termination dates, per the
  // MACs' portal guides); X12 insurance type QM is "Qualified Medicare Beneficiary", HS the
  // Specified Low-Income Medicare Beneficiary (SLMB), which does not bar cost sharing.
  const medicare = [
    'EB*1**30^42^45^48^49^69^76^83^A5^A7^AG^BT^BU^BV*MA',
    'DTP*307*D8*20150101',
    'EB*1**30^2^23^24^25^26^27^28^33^36^37^38^39^40^42^50^51^52^53^67^69^73^76^83^86^98^A4^A6^A7^A8^AD^AE^AG^AI^AJ^AK^AL^BT^BU^BV^DM^UC*MB',
    'DTP*307*D8*20150101',
    'EB*C**30*MB**29*283',
    'DTP*292*RD8*20260101-20261231',
    'EB*A**30*MB****0.2',
    'DTP*292*RD8*20260101-20261231',
  ];
  const dos = '2026-03-02';
  const qmbId = ebId(medicare.length);
  const read = (qmb: readonly string[]): Coverage => only(build271([...medicare, ...qmb]));

  const inForce = read(['EB*R**30*QM', 'DTP*290*RD8*20250101-20261231']);
  const terms = resolveCostSharingTerms(inForce, 'iop-mental-health', 'in', dos);
  t.same(terms.qualifiedMedicareBeneficiary?.benefitIds, [qmbId], 'cited to the QM line');
  t.equal(terms.coinsurancePpm?.value, 0, "Medicare's 20% is not the patient's");
  t.equal(terms.deductible.individual?.remainingCents?.value, 0);
  t.same([inForce.plan.type, inForce.plan.insuranceTypeCode, inForce.eligibility.status], ['Medicare', 'MA', 'active'], 'the QM line does not become the plan');
  t.same(inForce.actions, [], 'QMB is no other payer to coordinate with');

  const ended = resolveCostSharingTerms(read(['EB*R**30*QM', 'DTP*290*RD8*20240101-20251231']), 'iop-mental-health', 'in', dos);
  t.equal(ended.qualifiedMedicareBeneficiary, undefined, 'a QMB period that ended before the date of service');
  t.equal(ended.coinsurancePpm?.value, 200_000);
  t.equal(ended.deductible.individual?.remainingCents?.value, 28_300);

  const periods = read(['EB*R**30*QM', 'DTP*290*RD8*20200101-20211231', 'EB*R**30*QM', 'DTP*290*RD8*20250101-20261231']);
  t.same(resolveCostSharingTerms(periods, 'iop-mental-health', 'in', dos).qualifiedMedicareBeneficiary?.benefitIds, [ebId(medicare.length + 2)], 'the period in force, not an old one');

  const from = (date: string): CostSharingTerms => resolveCostSharingTerms(read(['EB*R**30*QM', `DTP*290*D8*${date}`]), 'iop-mental-health', 'in', dos);
  t.ok(from('20250101').qualifiedMedicareBeneficiary, 'a lone DTP*290 date is when the period began');
  t.equal(from('20260401').qualifiedMedicareBeneficiary, undefined, 'a period that begins after the date of service is not in force');

  const slmb = resolveCostSharingTerms(read(['EB*R**30*HS', 'DTP*290*RD8*20250101-20261231']), 'iop-mental-health', 'in', dos);
  t.equal(slmb.qualifiedMedicareBeneficiary, undefined, 'SLMB pays a premium, not cost sharing');
  t.equal(slmb.coinsurancePpm?.value, 200_000);
  const inactive = resolveCostSharingTerms(read(['EB*6**30*QM', 'DTP*290*RD8*20250101-20261231']), 'iop-mental-health', 'in', dos);
  t.equal(inactive.qualifiedMedicareBeneficiary, undefined, 'an inactive QM line');
});

t.test('a Medicare savings program line (QMB, SLMB) names neither the plan type nor the plan', async (t) => {
  const c = only(build271(['EB*1***QM*QMB', 'EB*1**30*MA', 'EB*1**30*MB*MEDICARE PART B']));
  t.equal(c.plan.type, 'Medicare');
  t.equal(c.plan.insuranceTypeCode, 'MA');
  t.equal(c.plan.name, 'MEDICARE PART B', 'not "QMB"');
});

t.test('a Medicaid plan line naming the managed care organization asks to verify with it, and is no carve-out', async (t) => {
  const c = only(build271([
    'EB*1*IND*30*MC*SYNTHETIC MEDICAID',
    'LS*2120',
    'NM1*Y2*2*EXAMPLE MEDICAID MCO (SYNTHETIC)*****PI*ZZZMCO1',
    'PER*IC**TE*8005550122',
    'LE*2120',
  ]));
  const action = c.actions.find((a) => a.entity?.name === 'EXAMPLE MEDICAID MCO (SYNTHETIC)');
  t.equal(action?.kind, 'contact-payer');
  t.match(action?.message, /enrolled in managed care with EXAMPLE MEDICAID MCO \(SYNTHETIC\).*800-555-0122/);
  t.notOk(c.actions.some((a) => a.kind === 'check-carve-out'), 'not a behavioral-health carve-out');
  t.notOk(resolveCostSharingTerms(c, 'iop-mental-health', 'in').unknowns.some((u) => u.includes('carved out')));
});

t.test('a pending status (EB01 5, 7, 8) keeps its reading but is flagged for a check with the payer', async (t) => {
  const grace = only(build271(['EB*1*IND*30*QH*SYNTHETIC SILVER', 'EB*5*IND*30']));
  t.equal(grace.eligibility.status, 'active');
  t.ok(grace.warnings.some((w) => w.code === 'x12.status-pending' && w.pointer === benefit(grace, ebId(1)).source.pointer && w.message.includes('Active - Pending Investigation')));
  t.ok(grace.actions.some((a) => a.kind === 'verify-manually' && a.source?.pointer === benefit(grace, ebId(1)).source.pointer));
  const update = only(build271(['EB*7*IND*30']));
  t.equal(update.eligibility.status, 'inactive');
  t.ok(update.warnings.some((w) => w.code === 'x12.status-pending' && w.message.includes('Inactive - Pending Eligibility Update')));
  t.notOk(only(build271([ACTIVE])).warnings.some((w) => w.code === 'x12.status-pending'), 'a settled status says nothing');
  const dental = only(build271([ACTIVE, 'EB*5*IND*35']));
  t.notOk(dental.warnings.some((w) => w.code === 'x12.status-pending'), "a separate dental product's pending status is not the medical plan's");
});

t.test("the payer's own contact (2100A PER) is kept on the payer, apart from related entities' contacts", async (t) => {
  const text = build271([ACTIVE]).replace(
    'NM1*PR*2*EXAMPLE HEALTH PLAN*****PI*99999~',
    'NM1*PR*2*EXAMPLE HEALTH PLAN*****PI*99999~\nPER*IC*PROVIDER SERVICES*TE*8005550199*UR*WWW.EXAMPLE.COM/PROVIDERS~',
  );
  const coverage = only(text);
  t.same(coverage.payer.contacts, [
    { kind: 'phone', value: '8005550199', name: 'PROVIDER SERVICES' },
    { kind: 'url', value: 'WWW.EXAMPLE.COM/PROVIDERS', name: 'PROVIDER SERVICES' },
  ]);
  t.same(coverage.benefits.flatMap((b) => b.relatedEntities), [], 'no benefit takes the payer contact');
  t.equal(only(build271([ACTIVE])).payer.contacts, undefined, 'no PER, no contacts');
});

t.test('a Medicaid managed care coordinator line (EB*MC) names the MCO to verify with, whatever NM101 the state guide gives it', async (t) => {
  // State Medicaid companion guides: Ohio names the MCO in 2120C NM1*PR, Indiana NM1*P5, Florida NM1*1P under EB03 96.
  const cases: [string, string[]][] = [
    ['PR', ['EB*1*IND*30*MC*SYNTHETIC MEDICAID*34', 'EB*MC*IND*30*MC*MCO - SYNTHETIC*34', 'LS*2120', 'NM1*PR*2*EXAMPLE MCO (SYNTHETIC)*****PI*ZZZMCO1', 'PER*IC**TE*8005550123', 'LE*2120']],
    ['P5', ['EB*1*IND*30*MC*SYNTHETIC MEDICAID', 'EB*MC*IND*30*HM*SYNTHETIC MANAGED CARE', 'LS*2120', 'NM1*P5*2*EXAMPLE MCO (SYNTHETIC)*****SV*ZZZ500', 'PER*IC**TE*8005550123', 'LE*2120']],
    ['1P', ['EB*1*IND*30*MC*SYNTHETIC MEDICAID', 'EB*MC**96*MC', 'LS*2120', 'NM1*1P*2*EXAMPLE MCO (SYNTHETIC)', 'PER*IC**TE*8005550123', 'LE*2120']],
  ];
  for (const [code, body] of cases) {
    const c = only(build271(body));
    const action = c.actions.find((a) => a.entity?.name === 'EXAMPLE MCO (SYNTHETIC)');
    t.equal(action?.kind, 'contact-payer', `NM1*${code}: a next action names the MCO`);
    t.match(action?.message, /enrolled in managed care with EXAMPLE MCO \(SYNTHETIC\).*800-555-0123/);
    t.notOk(c.actions.some((a) => a.kind === 'check-carve-out'), `NM1*${code}: not a behavioral-health carve-out`);
  }

  // The plan line and the EB*MC line naming one MCO: named once; a mental-health line naming it again is no carve-out.
  const both = only(build271([
    'EB*1*IND*30*MC*SYNTHETIC MEDICAID', 'LS*2120', 'NM1*Y2*2*EXAMPLE MCO (SYNTHETIC)*****PI*ZZZMCO1', 'LE*2120',
    'EB*MC*IND*30*MC', 'LS*2120', 'NM1*Y2*2*EXAMPLE MCO (SYNTHETIC)*****PI*ZZZMCO1', 'LE*2120',
    'EB*1**MH*MC', 'LS*2120', 'NM1*PR*2*EXAMPLE MCO (SYNTHETIC)*****PI*ZZZMCO1', 'LE*2120',
  ]));
  t.equal(both.actions.filter((a) => a.entity?.name === 'EXAMPLE MCO (SYNTHETIC)').length, 1, 'one action for the MCO');
  t.notOk(both.actions.some((a) => a.kind === 'check-carve-out'));

  // EB*MC about mental health / SUD only names the organization that manages those: a carve-out.
  const bho = only(build271(['EB*1*IND*30*MC*SYNTHETIC MEDICAID', 'EB*MC**MH^AI*MC', 'LS*2120', 'NM1*1P*2*EXAMPLE BH ORGANIZATION (SYNTHETIC)', 'LE*2120']));
  t.same(carveOutsOf(bho).map((a) => [a.entity?.name, a.serviceTypes]), [['EXAMPLE BH ORGANIZATION (SYNTHETIC)', ['MH', 'AI']]]);
  t.match(resolveCostSharingTerms(bho, 'iop-mental-health', 'in').unknowns.join(' '), /EXAMPLE BH ORGANIZATION/);

  // A PCP as coordinator (primary care case management) is not an MCO.
  const pccm = only(build271(['EB*1*IND*30*MC*SYNTHETIC MEDICAID', 'EB*MC*IND*30*MC', 'LS*2120', 'NM1*P3*1*DOCTOR*TEST****XX*1234567893', 'LE*2120']));
  t.same(pccm.actions, []);
});

t.test('a utilization management organization named on the plan line (Nebraska Medicaid names the MCO as NM1*X3) is a next action', async (t) => {
  const c = only(build271(['EB*1*IND*30*MC*SYNTHETIC MEDICAID', 'LS*2120', 'NM1*X3*2*EXAMPLE MCO (SYNTHETIC)', 'PER*IC**TE*8005550124', 'LE*2120']));
  const action = c.actions.find((a) => a.entity?.name === 'EXAMPLE MCO (SYNTHETIC)');
  t.equal(action?.kind, 'contact-payer');
  t.match(action?.message, /utilization review for service type\(s\) 30, the whole plan, are handled by EXAMPLE MCO \(SYNTHETIC\).*800-555-0124/);
  t.notOk(c.actions.some((a) => a.kind === 'check-carve-out'));
});

t.test('services restricted to one provider (EB*N, a Medicaid lock-in) ask to verify before relying on the coverage; a pharmacy lock-in does not', async (t) => {
  const c = only(build271([
    'EB*1*IND*30*MC*SYNTHETIC MEDICAID',
    'EB*N**30*MC', 'MSG*RECIPIENT RESTRICTED TO PROVIDER', 'LS*2120', 'NM1*1P*1*DOCTOR*TEST****XX*1234567893', 'PER*IC**TE*8005550125', 'LE*2120',
    'EB*N**88*MC', 'LS*2120', 'NM1*1P*2*EXAMPLE PHARMACY (SYNTHETIC)', 'LE*2120',
  ]));
  t.same(c.actions.map((a) => [a.kind, a.serviceTypes, a.entity?.name]), [['verify-manually', ['30'], 'TEST DOCTOR']]);
  t.match(c.actions[0]?.message, /restricts service type\(s\) 30 to TEST DOCTOR \(EB01 N.*800-555-0125/);
  t.equal(c.eligibility.status, 'active', 'the restriction does not change the status');
});

t.test('a Medicaid answer listing other coverage without a primary payer (EB*R, no NM1*PRP) says that coverage pays first', async (t) => {
  // State Medicaid guides report a dual eligible's Medicare and any TPL policy as EB*R lines; Medicaid is the payer of last resort.
  const c = only(build271([
    'EB*1*IND*30*MC*SYNTHETIC MEDICAID',
    'EB*R**30*MA*MEDICARE PART A',
    'EB*R**30*MB*MEDICARE PART B',
    'EB*R**30*C1', 'LS*2120', 'NM1*PR*2*EXAMPLE COMMERCIAL INSURER (SYNTHETIC)', 'PER*IC**TE*8005550126', 'LE*2120',
    'EB*R**88*OT', 'LS*2120', 'NM1*PR*2*EXAMPLE PART D PLAN (SYNTHETIC)', 'LE*2120',
    'EB*R**30*QM*QMB',
  ]));
  const verify = c.actions.filter((a) => a.kind === 'verify-manually');
  t.equal(verify.length, 1, 'one action for all of them');
  t.match(verify[0]?.message, /other coverage for this member \(MEDICARE PART A, insurance type MA; MEDICARE PART B, insurance type MB; EXAMPLE COMMERCIAL INSURER \(SYNTHETIC\), insurance type C1\); Medicaid pays only after other coverage.*800-555-0126/);
  t.notMatch(verify[0]?.message, /PART D|QMB/, 'a pharmacy plan and a Medicare savings program are not other medical coverage');
  t.equal(c.plan.type, 'Medicaid', 'the other payers do not change the plan');

  const secondary = only(build271(['EB*1*IND*30*MC*SYNTHETIC MEDICAID', 'EB*R**30*C1', 'LS*2120', 'NM1*SEP*2*EXAMPLE SECONDARY (SYNTHETIC)', 'LE*2120']));
  t.same(secondary.actions, [], 'a payer named as secondary does not pay first');
});

t.test('a garbled segment (wrong separator) or envelope value never carries its content into a warning or pointer', async (t) => {
  const garbled = build271([ACTIVE]).replace('NM1*IL*1*TESTLASTNAME*TESTFIRST****MI*ZZX00000001', 'NM1|IL|1|TESTLASTNAME|TESTFIRST||||MI|ZZX00000001');
  const coverage = only(garbled);
  const shown = JSON.stringify([coverage.warnings, coverage.benefits.map((b) => b.source), coverage.eligibility]);
  t.match(shown, /unreadable/, 'the segment is reported');
  t.notMatch(shown, /TESTLASTNAME|TESTFIRST|ZZX00000001/, 'without the name or id it held');
  const badControl = build271([ACTIVE]).replace('ST*271*0001*005010X279A1', 'ST*271*TESTLASTNAME ZZX00000001*005010X279A1').replace('SE*', 'SE*');
  const read = x12271ToCoverages(badControl);
  t.notMatch(JSON.stringify(read.map((c) => [c.warnings, c.benefits.map((b) => b.source)])), /TESTLASTNAME|ZZX00000001/, 'a garbled control number is never shown either');
});
