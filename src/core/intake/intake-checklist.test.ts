import t from 'tap';
import { INTAKE_CHECKLIST, flagsFor } from './intake-checklist.js';

t.test('every question has a unique id and a reason for clinical review, never a decision', async (t) => {
  const ids = INTAKE_CHECKLIST.questions.map((q) => q.id);
  t.equal(new Set(ids).size, ids.length);
  for (const q of INTAKE_CHECKLIST.questions) {
    t.equal(q.flag.kind, 'clinical-review', q.id);
    t.notMatch(q.flag.reason, /\b(denied|ineligible|reject|not eligible)\b/i, `${q.id} reason does not decide`);
  }
});

t.test('a risk-of-harm "yes" is the one answer that shows crisis resources, and 988 and 911 are there', async (t) => {
  const flags = flagsFor(INTAKE_CHECKLIST, { 'risk-of-harm': 'yes', 'left-treatment-early': 'no', 'constant-monitoring': 'unsure' });
  t.same(flags.map((f) => f.questionId), ['risk-of-harm']);
  t.equal(flags[0]?.showsCrisisResources, true);
  t.same(INTAKE_CHECKLIST.questions.filter((q) => q.showsCrisisResources).map((q) => q.id), ['risk-of-harm']);
  t.same(INTAKE_CHECKLIST.crisisResources.map((r) => r.phone), ['988', '911']);
  t.match(INTAKE_CHECKLIST.crisisResources[0]?.howToReach, /call or text 988/i);
});

t.test('unanswered and "no" answers raise no flags', async (t) => {
  t.same(flagsFor(INTAKE_CHECKLIST, {}), []);
  t.same(flagsFor(INTAKE_CHECKLIST, Object.fromEntries(INTAKE_CHECKLIST.questions.map((q) => [q.id, 'no']))), []);
});
