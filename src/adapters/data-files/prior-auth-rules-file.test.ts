import t, { type Test } from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluatePriorAuth } from '../../core/rules/prior-auth.js';
import type { DataFileError } from './read-data-file.js';
import { loadPriorAuthRulesFile } from './prior-auth-rules-file.js';

const shipped = fileURLToPath(new URL('../../../fixtures/rules/prior-auth-rules.json', import.meta.url));
const rules = loadPriorAuthRulesFile(shipped);
const raw = () => JSON.parse(readFileSync(shipped, 'utf8')) as { rules: Record<string, unknown>[] };

const issuesFor = (t: Test, body: unknown): string[] => {
  const file = join(t.testdir({ 'rules.json': JSON.stringify(body) }), 'rules.json');
  const error = t.throws(() => loadPriorAuthRulesFile(file)) as DataFileError;
  t.match(error.message, /rules\.json/, 'the message names the file');
  return error.issues;
};

t.test('the sandbox payers answer as documented: PPO needs PA, HMO needs PA and a referral, HDHP only notification', async (t) => {
  const days = ['2026-03-02', '2026-03-04', '2026-03-06'];
  const ppo = evaluatePriorAuth({ payerId: 'sandbox-ppo', planType: 'PPO', levelOfCare: 'iop-mental-health', programDates: days }, rules);
  t.equal(ppo.authorization.required, 'required');
  t.equal(ppo.referral.required, 'not-required');
  t.equal(ppo.timeline?.submitBy, '2026-02-13', 'ERISA 15-day default decision time: 16 days before is a Saturday, so the Friday before');
  const hmo = evaluatePriorAuth({ payerId: 'sandbox-hmo', planType: 'HMO', levelOfCare: 'iop-substance-use', programDates: days }, rules);
  t.equal(hmo.authorization.required, 'required');
  t.equal(hmo.referral.required, 'required');
  const hdhp = evaluatePriorAuth({ payerId: 'sandbox-hdhp', planType: 'HDHP', levelOfCare: 'iop-mental-health', programDates: days }, rules);
  t.equal(hdhp.authorization.required, 'not-required');
  t.match(hdhp.submission[0]?.text, /within 2 business days/);
});

t.test('CMS-0057-F decision times apply to Medicaid from 2026 and the illustrative Arizona rule matches S9480', async (t) => {
  const result = evaluatePriorAuth(
    { payerId: 'example-az-complete-health', planType: 'Medicaid', levelOfCare: 'iop-mental-health', codes: ['S9480'], programDates: ['2026-02-02'] },
    rules,
  );
  t.equal(result.authorization.required, 'required');
  t.match(result.decisionTime, { standardCalendarDays: 7, urgentHours: 72, ruleId: 'cms-0057-f-decision-time' });
  t.equal(result.timeline?.submitBy, '2026-01-23', '8 days before (Sunday 2026-01-25), moved to Friday: a 7-day decision is due before day 1');
  const in2025 = evaluatePriorAuth({ payerId: 'example-az-complete-health', planType: 'Medicaid', levelOfCare: 'iop-mental-health', codes: ['S9480'], programDates: ['2025-11-03'] }, rules);
  t.equal(in2025.decisionTime?.standardCalendarDays, 15, 'before 2026 the 7-day rule does not apply');
});

t.test('a broken rules file names the rule index and field', async (t) => {
  const body = raw();
  body.rules[0] = { ...body.rules[0], planTypes: ['HMO', 'Gold'] };
  body.rules[1] = { ...body.rules[1], effective: { from: '2026-01-01', to: '2025-01-01' } };
  const issues = issuesFor(t, body);
  t.ok(issues.some((i) => i.startsWith('rules.0.planTypes: must be "*" or a list of: PPO, HMO')), 'unknown plan type');
  t.ok(issues.includes('rules.1.effective.to: must not be before effective.from'), 'reversed dates');
});

t.test('two rules with one id are refused', async (t) => {
  const body = raw();
  body.rules[2] = { ...body.rules[2], id: 'default-referral-hmo-pos' };
  t.same(issuesFor(t, body), ['rules.2.id: "default-referral-hmo-pos" is used by another rule']);
});

t.test('a rule that says nothing, or an unknown level of care, is refused', async (t) => {
  const body = raw();
  const empty = { id: 'empty', payer: '*', planTypes: '*', levelsOfCare: ['residential'], effective: { from: '2026-01-01' }, illustrative: true, source: { title: 'x', verified: false } };
  body.rules[0] = empty;
  t.match(issuesFor(t, body), [/^rules\.0: must define at least one of authorization, referral/]);
  body.rules[0] = { ...empty, levelsOfCare: ['detox'], referral: { required: 'yes' } };
  t.match(issuesFor(t, body), [/^rules\.0\.levelsOfCare: must be "\*" or a list of: iop-mental-health, /]);
});
