import t from 'tap';
import { AAA_FOLLOW_UP_ACTIONS, AAA_REJECT_REASONS, describeFollowUpAction, describeRejectReason } from './aaa-reject-reasons.js';

// Every AAA03 code facts.md section 2.11 lists for the 271 loops (2000A, 2100A, 2100B, 2100C) and its table.
const FACTS_CODES = [
  '04', '15', '35', '41', '42', '43', '44', '45', '46', '47', '48', '49', '50', '51', '52', '53', '56', '57', '58',
  '60', '61', '62', '63', '64', '65', '66', '67', '68', '69', '70', '71', '72', '73', '74', '75', '76', '77', '78',
  '79', '80', '97', 'T4',
];

t.test('every reject reason a 271 may carry has a description and a next step', async (t) => {
  for (const code of FACTS_CODES) {
    const reason = describeRejectReason(code);
    t.not(reason.description, 'Unrecognized reject reason code', code);
    t.ok(reason.action.length > 20, `${code}: action is a sentence`);
    t.ok(['fix-request', 'retry-later', 'contact-payer'].includes(reason.actionKind), code);
  }
});

t.test('only "unable to respond now" (42) and "no response" (80) are worth retrying', async (t) => {
  const retryable = Object.keys(AAA_REJECT_REASONS).filter((code) => describeRejectReason(code).retryable);
  t.same(retryable.sort(), ['42', '80']);
  t.equal(describeRejectReason('42').actionKind, 'retry-later');
  t.equal(describeRejectReason('72').actionKind, 'fix-request');
  t.match(describeRejectReason('72').action, /prefix/);
  t.equal(describeRejectReason('50').actionKind, 'contact-payer');
  t.equal(describeRejectReason('75').description, 'Subscriber/Insured Not Found');
});

t.test('an unknown or padded code gets a safe contact-the-payer answer instead of a throw', async (t) => {
  t.same(describeRejectReason('RC'), {
    description: 'Unrecognized reject reason code',
    action: 'The payer sent a reject reason this service does not know; contact the payer or verify coverage manually.',
    retryable: false,
    actionKind: 'contact-payer',
  });
  t.equal(describeRejectReason(' t4 ').description, 'Payer Name or Identifier Missing');
  describeRejectReason('42').action = 'mutated';
  t.not(describeRejectReason('42').action, 'mutated', 'callers get a copy, not the catalog entry');
});

t.test('AAA04 follow-up codes have names; the six allowed in the 5010 271 are all there', async (t) => {
  for (const code of ['C', 'N', 'P', 'R', 'S', 'Y']) t.ok(Object.hasOwn(AAA_FOLLOW_UP_ACTIONS, code), code);
  t.equal(describeFollowUpAction('Y'), 'Do Not Resubmit; We Will Hold Your Request and Respond Again Shortly');
  t.equal(describeFollowUpAction('Q'), undefined);
  t.equal(describeFollowUpAction(undefined), undefined);
});
