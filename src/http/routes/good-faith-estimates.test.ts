import t from 'tap';
import { hashApiKey } from '../../adapters/data-files/api-keys-file.js';
import { buildTestApp } from '../../../test/support/build-test-app.js';

const request = {
  issuedOn: '2026-11-26',
  patient: { firstName: 'Robin', lastName: 'Sandbox', dateOfBirth: '1990-05-05' },
  plan: { levelOfCare: 'iop-mental-health', startDate: '2026-12-14', daysPerWeek: 3, hoursPerDay: 3, weeks: 10 },
  providers: [{ role: 'convening-provider', name: 'Example Behavioral Clinic', npi: '1234567893', tin: '12-3456789', location: { city: 'Springfield', state: 'IL' } }],
  diagnosisCodes: ['F33.1'],
  scheduling: { scheduledOn: '2026-11-26' },
};

t.test('POST /v1/good-faith-estimates issues a GFE for a self-pay patient', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const res = await app.inject({ method: 'POST', url: '/v1/good-faith-estimates', payload: request });
  t.equal(res.statusCode, 200);
  const gfe = res.json();
  const program = gfe.items.find((i: { code: string }) => i.code === 'S9480');
  t.equal(program.occurrences, 30, '10 weeks x 3 days grouped into one recurring line');
  t.equal(program.chargeCents, program.unitChargeCents * 30);
  t.equal(gfe.totals.estimateCents, gfe.items.reduce((n: number, i: { estimateCents: number }) => n + i.estimateCents, 0));
  t.equal(gfe.dispute.thresholdCents, 40_000, 'the $400 dispute threshold');
  t.equal(gfe.dispute.filingWindowDays, 120);
  t.equal(gfe.delivery.rule, 'scheduled-10-plus-business-days');
  t.equal(gfe.delivery.deliverBy, '2026-12-01', 'three business days after scheduling on Thursday 26 November');
  t.ok(gfe.contentChecklist.every((c: { present: boolean }) => c.present), 'every 149.610(c) element is present');

  const discounted = await app.inject({
    method: 'POST',
    url: '/v1/good-faith-estimates',
    payload: { ...request, slidingScale: { householdSize: 2, annualIncomeCents: 3_200_000, region: 'contiguous', dateOfService: '2026-12-14' } },
  });
  t.ok(discounted.json().totals.discountCents > 0, 'a sliding-scale tier lowers the estimate');
  t.ok(discounted.json().totals.estimateCents < gfe.totals.estimateCents);
});

t.test('the GFE prints as HTML with the sections a patient needs, escaping what it shows', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const res = await app.inject({
    method: 'POST',
    url: '/v1/good-faith-estimates',
    headers: { accept: 'text/html' },
    payload: { ...request, patient: { ...request.patient, lastName: '<script>alert(1)</script>' } },
  });
  t.equal(res.statusCode, 200);
  t.match(res.headers['content-type'], /^text\/html/);
  t.match(res.body, /Good Faith Estimate/);
  t.match(res.body, /\$400/);
  t.match(res.body, /120/);
  t.notMatch(res.body, /<script>alert/);
  t.match(res.body, /(&lt;|&#60;)script(&gt;|&#62;)/, "the name is shown, escaped");
});

t.test('bad GFE requests name the failing field', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const badNpi = await app.inject({ method: 'POST', url: '/v1/good-faith-estimates', payload: { ...request, providers: [{ ...request.providers[0], npi: '12' }] } });
  t.equal(badNpi.statusCode, 400);
  t.equal(badNpi.json().errors[0].pointer, '/providers/0/npi');
  const noPrice = await app.inject({
    method: 'POST',
    url: '/v1/good-faith-estimates',
    payload: { ...request, plan: { ...request.plan, billing: { model: 'per-service', services: [{ code: 'Z9999' }] } } },
  });
  t.equal(noPrice.statusCode, 422);
  t.match(noPrice.json(), { code: 'pricing.missing-rate' });
});

t.test('a GFE shows a program that starts on a Wednesday as the 10 weeks it lasts, with the cost per week over those 10 weeks', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const res = await app.inject({
    method: 'POST',
    url: '/v1/good-faith-estimates',
    payload: { ...request, plan: { ...request.plan, startDate: '2026-12-16' } },
  });
  t.equal(res.statusCode, 200);
  const gfe = res.json();
  t.match(gfe.primaryService.description, /10 weeks, 30 program days/);
  // Wed/Fri/Mon from Wed 16 Dec to Mon 22 Feb: 10 program weeks (11 Monday-to-Sunday weeks).
  t.match(gfe.recurring, { from: '2026-12-16', to: '2027-02-22', weeks: 10 });
  // 30 days x $300 self-pay = $9,000; $9,000 / 10 weeks = $900 a week.
  t.equal(gfe.totals.estimateCents, 900_000);
  t.equal(gfe.totals.perWeekCents, 90_000);
});

t.test('a GFE on the $15-a-day sliding fee charges $15 a day, not $15 for each service on the first day', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const res = await app.inject({
    method: 'POST',
    url: '/v1/good-faith-estimates',
    payload: {
      ...request,
      plan: { ...request.plan, extraSessions: [{ code: '90791', when: 'first-day' }, { code: '90837', when: 'weekly' }] },
      slidingScale: { householdSize: 1, annualIncomeCents: 1_000_000, region: 'contiguous', dateOfService: '2026-12-14' },
    },
  });
  t.equal(res.statusCode, 200);
  const gfe = res.json();
  // 30 program days, the weekly therapy and the intake all fall on those days: 30 x $15 = $450.
  t.equal(gfe.totals.estimateCents, 45_000);
  // Charges: 30 x $300 + $200 + 10 x $150 = $10,700.
  t.equal(gfe.totals.chargeCents, 1_070_000);
  t.equal(gfe.totals.perWeekCents, 4_500, '$450 over 10 weeks');
});

t.test('a GFE scheduled after the program has started names the scheduling date as the field to fix', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const res = await app.inject({ method: 'POST', url: '/v1/good-faith-estimates', payload: { ...request, scheduling: { scheduledOn: '2026-12-20' } } });
  t.equal(res.statusCode, 422);
  t.match(res.json(), { code: 'estimate.invalid', errors: [{ pointer: '/scheduling/scheduledOn', message: /2026-12-14/ }] });
});

t.test('a patient-facing key gets its Good Faith Estimate without the name and date of birth, as JSON and as printable HTML', async (t) => {
  const key = `ce_test_patient_gfe_${'6'.repeat(40)}`;
  const { app } = await buildTestApp({ API_KEYS: `patient-app/patient+gfe:create/${hashApiKey(key)}` });
  t.teardown(() => app.close());
  const headers = { authorization: `Bearer ${key}` };
  const json = await app.inject({ method: 'POST', url: '/v1/good-faith-estimates', headers, payload: request });
  t.equal(json.statusCode, 200, 'no 500 when the identifiers are taken out');
  t.same(json.json().patient, {});
  t.match(json.json().contentChecklist.find((c: { cfr: string }) => c.cfr === '149.610(c)(1)(i)'), { present: false }, 'the checklist does not claim a name and date of birth the copy does not hold');
  t.ok(json.json().totals.estimateCents > 0);
  t.notMatch(json.body, /Robin|1990-05-05/);
  const html = await app.inject({ method: 'POST', url: '/v1/good-faith-estimates', headers: { ...headers, accept: 'text/html' }, payload: request });
  t.equal(html.statusCode, 200);
  t.match(html.headers['content-type'], /^text\/html/);
  t.notMatch(html.body, /Robin|1990-05-05/, 'the printable copy leaves the patient lines blank');
  t.match(html.body, /data-field="patient-name"/);
});

t.test('a printable GFE missing required content (no diagnosis codes) tells the staff on screen, and the box does not print', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const { diagnosisCodes: _none, ...withoutDiagnosis } = request;
  const res = await app.inject({ method: 'POST', url: '/v1/good-faith-estimates', headers: { accept: 'text/html' }, payload: withoutDiagnosis });
  t.equal(res.statusCode, 200);
  t.match(res.body, /data-field="missing-content"[^]*Diagnosis codes, service codes and expected charges for each item \(149\.610\(c\)\(1\)\(iv\)\)/);
  t.match(res.body, /@media print\{\.staff-check\{display:none\}/);
  const complete = await app.inject({ method: 'POST', url: '/v1/good-faith-estimates', headers: { accept: 'text/html' }, payload: request });
  t.notMatch(complete.body, /data-field="missing-content"/, 'a complete GFE shows no such box');
});

t.test('the GFE comes in the representation the Accept header prefers, as the 406 check reads it', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const typeFor = async (accept: string) => {
    const res = await app.inject({ method: 'POST', url: '/v1/good-faith-estimates', headers: { accept }, payload: request });
    t.equal(res.statusCode, 200, accept);
    return res.headers['content-type'];
  };
  t.match(await typeFor('text/*'), /^text\/html/, 'a client that reads only text gets the HTML, not JSON');
  t.match(await typeFor('text/html;q=0, */*'), /^application\/json/, 'HTML refused by name gets JSON');
  t.match(await typeFor('application/json;q=0.5, text/html'), /^text\/html/, 'the higher q wins, wherever it is written');
  t.match(await typeFor('text/html;q=0.2, application/json'), /^application\/json/);
  t.match(await typeFor('text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'), /^text\/html/, 'a browser');
  t.match(await typeFor('application/json, text/html'), /^application\/json/, 'equal q: the first named');
  t.match(await typeFor('text/html, application/json'), /^text\/html/);
  t.match(await typeFor('*/*'), /^application\/json/);
});
