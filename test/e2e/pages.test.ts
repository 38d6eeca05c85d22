/**
 * The pages, in a real browser: an intake coordinator checks a sandbox member, builds and compares
 * estimates, prints a Good Faith Estimate, meets a payer rejection and the crisis resources; a
 * patient reads an estimate on a phone. Each story saves a screenshot to docs/screenshots/.
 */
import t from 'tap';
import type { BrowserContext, Page } from 'playwright-core';
import { browserUnavailable, screenshot, seriousAxeViolations, startHarness, watchPage } from './browser-harness.js';

// The member's details as typed (the last name, Sandbox, is left out: it is also in the payer id sandbox-ppo).
const PHI = ['SBX-PPO-0001', 'SBX-PPO-0000', 'SBX-PPO-0005', '1992-04-18', '1985-01-01', '19850101', 'Alex'];
const START = '2026-12-07';

const unavailable = browserUnavailable();
if (unavailable) {
  if (process.env.CI === 'true') {
    t.fail(`${unavailable}: the browser tests must run in CI`);
  } else {
    console.error(`\n*** NOTICE: end-to-end browser tests SKIPPED: ${unavailable} ***\n`);
    t.test('end-to-end browser tests', { skip: unavailable }, async () => {});
  }
} else {
  const harness = await startHarness();
  t.teardown(() => harness.close());
  const { browser, baseUrl } = harness;

  /** Every URL the console's browser requested, to prove no member detail went into one. */
  const requestedUrls: string[] = [];
  const authorizationHeaders: (string | undefined)[] = [];
  const context: BrowserContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  t.teardown(() => context.close());
  context.on('request', (req) => {
    requestedUrls.push(req.url());
    if (req.url().includes('/v1/')) authorizationHeaders.push(req.headers().authorization);
  });
  const page: Page = await context.newPage();
  const consoleProblems = watchPage(page);

  async function fillMember(memberId: string) {
    await page.selectOption('#payer', 'sandbox-ppo');
    await page.fill('#member-id', memberId);
    await page.fill('#first-name', 'Alex');
    await page.fill('#last-name', 'Sandbox');
    await page.fill('#dob', '1985-01-01');
    await page.fill('#npi', '1234567893');
    await page.fill('#org-name', 'Example Behavioral Clinic');
    await page.selectOption('#level', 'iop-mental-health');
    await page.fill('#start-date', START);
  }

  t.test('a coordinator checks a sandbox PPO member and sees Active, the $300 left of the deductible and that authorization is required', async (t) => {
    await page.goto(`${baseUrl}/console`);
    await page.locator('#payer option[value="sandbox-ppo"]').waitFor({ state: 'attached' });
    await page.fill('#payer-search', 'ppo');
    t.match(await page.textContent('#payer-count'), /payers match/, 'the payer search filters the list');
    await fillMember('SBX-PPO-0001');
    await page.click('#check-coverage');
    const result = page.locator('#coverage-result');
    await result.getByText('Coverage at a glance').waitFor();
    t.equal((await page.textContent('[data-testid="coverage-status"]'))?.trim(), '✓Active', 'status word beside its icon');
    const text = (await result.innerText()).replace(/\s+/g, ' ');
    t.match(text, /\$1,200 met of \$1,500 \(\$300 remaining\)/, 'deductible progress, met of total, with $300 remaining');
    t.match(text, /\$1,800 met of \$6,000 \(\$4,200 remaining\)/, 'out-of-pocket progress');
    t.match(await page.textContent('[data-testid="authorization"]'), /Authorization required/);
    t.match(await page.textContent('[data-testid="as-of"]'), /As of: .*2026.*\(asked the payer just now\)/, 'when the answer was given and that it came from the payer');
    t.match(text, /PRE-CERTIFICATION REQUIRED FOR INTENSIVE OUTPATIENT/, "the payer's note");
    t.equal(
      (await page.textContent('[data-testid="payer-contact"]'))?.trim(),
      'To ask the payer: PROVIDER SERVICES (SYNTHETIC): phone 555-555-0123, web PROVIDERS.SANDBOX-PPO.EXAMPLE',
      "the payer's own provider services line, to call while the patient is on the phone",
    );
    t.match(text, /20%/, 'in-network coinsurance');
    t.match(text, /40%/, 'out-of-network coinsurance');
    t.equal(await page.locator('#coverage-result progress').count(), 2, 'two progress bars');
    await screenshot(page.locator('#coverage-result'), 'console-coverage-active-ppo-member');
  });

  t.test('the coordinator builds a 10-week IOP estimate and sees a dollar total and a week-by-week chart', async (t) => {
    await page.fill('#weeks', '10');
    await page.fill('#days-per-week', '3');
    await page.fill('#hours-per-day', '3');
    await page.click('#build-estimate');
    const total = page.locator('[data-testid="estimate-total"]');
    await total.waitFor();
    t.match(await total.textContent(), /^\$[0-9,]+(\.[0-9]{2})?$/, 'a dollar total');
    t.equal(await page.locator('#estimate-result .chart rect').count(), 10, 'ten weekly bars');
    const labels = await page.locator('#estimate-result .chart svg > g > text').allTextContents();
    t.ok(labels.some((l) => /^\$[0-9,]+/.test(l)), 'bars carry their dollar values as text');
    t.match(await page.locator('#estimate-result').innerText(), /Per week once the deductible is met/);
    await screenshot(page.locator('#estimate-result'), 'console-estimate-10-week-iop-chart');
  });

  t.test('the coordinator compares IOP with partial hospitalization and sees both rows', async (t) => {
    await page.click('#compare');
    const table = page.locator('[data-testid="compare-table"]');
    await table.waitFor();
    const rows = await table.locator('tbody tr').allInnerTexts();
    t.equal(rows.length, 2);
    t.match(rows[0], /Intensive outpatient \(mental health\).*\$[0-9,]+/s);
    t.match(rows[1], /Partial hospitalization.*\$[0-9,]+/s);
    await screenshot(page.locator('#compare-result'), 'console-compare-iop-vs-partial-hospitalization');
  });

  t.test('the coordinator prints a Good Faith Estimate showing the estimated total and the $400 dispute right', async (t) => {
    await page.fill('#tin', '12-3456789');
    await page.fill('#clinic-state', 'IL');
    await page.fill('#diagnosis', 'F33.1');
    const [popup] = await Promise.all([context.waitForEvent('page'), page.click('#print-gfe')]);
    const popupProblems = watchPage(popup);
    await popup.waitForURL(/^blob:/);
    await popup.waitForLoadState('load');
    const body = (await popup.innerText('body')).replace(/\s+/g, ' ');
    t.match(body, /Good Faith Estimate/);
    t.match(body, /Estimated total/);
    t.match(await popup.textContent('[data-field="estimated-total"]'), /^\$[0-9,]+/);
    t.match(body, /\$400/, 'the right to dispute a bill $400 or more above the estimate');
    t.notMatch(popup.url(), /SBX|1985|Alex|Sandbox/i, 'no patient detail in the document URL');
    const border = await popup.evaluate<string>("getComputedStyle(document.querySelector('.figure')).borderTopStyle");
    t.equal(border, 'solid', "the document's own stylesheet applies under the console's CSP (allowed by hash)");
    t.same(popupProblems, [], 'no CSP violations in the printable document');
    await screenshot(popup, 'good-faith-estimate-printable');
    await popup.close();
  });

  t.test('a rejected member id shows the payer\'s plain-language action', async (t) => {
    await page.fill('#member-id', 'SBX-PPO-0000');
    await page.fill('#dob', '');
    await page.click('#check-coverage');
    const problem = page.locator('#coverage-result .problem');
    await problem.waitFor();
    const text = await problem.innerText();
    t.match(text, /The payer rejected the inquiry/);
    t.match(text, /What to do: .*Re-read the member ID from the card/s);
    await screenshot(page.locator('#coverage-result'), 'console-invalid-member-action');
  });

  t.test('an inactive plan is never shown as covered, and the next step says what to do instead', async (t) => {
    await page.fill('#member-id', 'SBX-PPO-0003');
    await page.fill('#dob', '1990-02-20');
    await page.click('#check-coverage');
    await page.locator('#coverage-result').getByText('Coverage at a glance').waitFor();
    t.equal((await page.textContent('[data-testid="coverage-status"]'))?.trim(), '✕Inactive');
    const text = (await page.innerText('#coverage-result')).replace(/\s+/g, ' ');
    t.notMatch(text, /Covered or not excluded/, 'no "covered" tick on an inactive plan');
    t.match(text, /Plan inactive/);
    t.notMatch(text, /\(unknown\)/, 'no "(unknown)" plan type');
    t.match(await page.textContent('[data-testid="next-actions"]'), /ask the patient for their current insurance/);
  });

  t.test('a behavioral-health carve-out is a next action, with the administrator\'s number as people dial it', async (t) => {
    await page.fill('#member-id', 'SBX-PPO-0004');
    await page.fill('#dob', '1988-11-11');
    await page.click('#check-coverage');
    const next = page.locator('[data-testid="next-actions"]');
    await next.waitFor();
    t.match(await next.textContent(), /administered by .*\(phone 800-555-0104\)/);
  });

  t.test('a payer that refuses future dates answers for today, and the coordinator is told to check again on the first day', async (t) => {
    const inAMonth = new Date(Date.now() + 31 * 86_400_000).toISOString().slice(0, 10);
    await page.fill('#member-id', 'SBX-PPO-0005');
    await page.fill('#dob', '1992-04-18');
    await page.fill('#start-date', inAMonth);
    await page.click('#check-coverage');
    const notice = page.locator('[data-testid="date-asked"]');
    await notice.waitFor();
    t.match(await notice.innerText(), /does not answer for future dates.*Check eligibility again on the first day of service/s);
    t.equal((await page.textContent('[data-testid="coverage-status"]'))?.trim(), '✓Active');
    await page.fill('#start-date', START);
  });

  t.test('a "yes" to risk of harm shows 988 and 911 at once, with a flag for clinical review', async (t) => {
    const crisis = page.locator('[data-testid="crisis"]');
    t.equal(await crisis.isVisible(), false, 'no crisis panel before the answer');
    await page.check('#q-risk-of-harm-yes');
    t.equal(await crisis.isVisible(), true, 'the crisis panel appears at once');
    const text = await crisis.innerText();
    t.match(text, /988 Suicide & Crisis Lifeline/);
    t.match(text, /Call or text 988/);
    t.match(text, /911/);
    t.equal(await crisis.getByRole('link', { name: 'Call 988' }).getAttribute('href'), 'tel:988');
    t.match(await page.locator('[data-testid="checklist-flags"]').innerText(), /Needs clinical review before IOP: Risk of harm/);
    await page.check('#q-left-treatment-early-yes');
    t.equal(await page.locator('[data-testid="checklist-flags"] .flag').count(), 2, 'each "yes" raises its own flag');
    await screenshot(page.locator('#checklist'), 'console-checklist-risk-of-harm-shows-988');
  });

  t.test('the console keeps member details out of URLs and storage, and sends the API key only once typed', async (t) => {
    t.same(requestedUrls.filter((u) => PHI.some((p) => u.toLowerCase().includes(p.toLowerCase()))), [], 'no request URL carries a member detail');
    t.same(await page.evaluate<unknown[]>('[localStorage.length, sessionStorage.length, document.cookie]'), [0, 0, ''], 'nothing stored');
    t.ok(authorizationHeaders.length > 0 && authorizationHeaders.every((a) => a === undefined), 'no Authorization header without a key');
    await page.click('details.key summary');
    await page.fill('#api-key', 'test-key-123');
    const [request] = await Promise.all([page.waitForRequest((r) => r.url().endsWith('/v1/sliding-scale/evaluate')), (async () => {
      await page.fill('#household-size', '3');
      await page.fill('#annual-income', '40000');
      await page.click('#evaluate-sliding');
    })()]);
    t.equal(request.headers().authorization, 'Bearer test-key-123');
    await page.locator('#sliding-result').getByText('of the poverty guideline').waitFor();
    t.notMatch(await page.content(), /test-key-123/, 'the key is not written into the page');
    t.same(consoleProblems, [], 'no CSP violations or script errors on the console');
  });

  t.test('the console has no serious or critical accessibility violations', async (t) => {
    t.same(await seriousAxeViolations(page), []);
  });

  t.test('a patient opens the estimate on a phone and sees the total first, with no member detail in the link', async (t) => {
    await page.fill('#member-id', 'SBX-PPO-0001');
    await page.fill('#dob', '1985-01-01');
    await page.fill('#api-key', '');
    await page.click('#check-coverage');
    await page.locator('[data-testid="coverage-status"]').waitFor();
    await page.click('#build-estimate');
    await page.locator('#patient-view').waitFor();
    const href = (await page.getAttribute('#patient-view', 'href')) ?? '';
    const consoleTotal = await page.textContent('[data-testid="estimate-total"]');
    t.match(href, /^\/estimate#/, 'inputs travel in the fragment');
    t.notOk(PHI.some((p) => href.toLowerCase().includes(p.toLowerCase())), 'no member id, name or date of birth in the link');

    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    t.teardown(() => phone.close());
    const patient = await phone.newPage();
    const problems = watchPage(patient);
    const seen: string[] = [];
    patient.on('request', (r) => seen.push(r.url()));
    await patient.goto(`${baseUrl}${href}`);
    const total = patient.locator('[data-testid="patient-total"]');
    await total.waitFor();
    t.equal(await total.textContent(), consoleTotal, 'the same total as the console');
    const box = await total.boundingBox();
    t.ok(box && box.y + box.height < 844, 'the total is on the first screen');
    const order = await patient.evaluate<string[]>("[...document.querySelectorAll('#result h2')].map((el) => el.textContent)");
    t.same(order.slice(0, 2), ['What you will likely pay', 'Week by week'], 'large numbers first, then the details');
    const fontSize = await patient.evaluate<number>("parseFloat(getComputedStyle(document.querySelector('#result p')).fontSize)");
    t.ok(fontSize >= 16, `body text is at least 16px (${fontSize}px)`);
    const overflow = await patient.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    t.ok(overflow <= 0, 'no sideways scrolling on a phone');
    t.match(await patient.innerText('#result'), /Questions to ask your insurer/);
    t.match(await patient.innerText('#result'), /You pay toward your deductible\s+\$[\d,]+ \(this plan year and the next: the deductible starts over\)/, 'a deductible paid across two plan years says so');
    t.notOk(seen.some((u) => u.includes('#') || PHI.some((p) => u.includes(p))), 'the fragment never reaches the server');
    await screenshot(patient, 'patient-estimate-phone-first-screen', { fullPage: false });
    await screenshot(patient, 'patient-estimate-phone-full-page');
    t.same(problems, [], 'no CSP violations or script errors on the patient page');
    t.same(await seriousAxeViolations(patient), [], 'no serious or critical accessibility violations on the patient page');
  });

  t.test('after switching members, the estimate, the coverage panel and the patient view all speak for the new member', async (t) => {
    // SBX-PPO-0001's coverage is on screen from the test before; the coordinator types another
    // member and builds the estimate without pressing Check coverage.
    await page.fill('#member-id', 'SBX-PPO-0002');
    await page.fill('#dob', '1979-06-15');
    await page.click('#build-estimate');
    await page.locator('#coverage-result').getByText('$150 remaining').waitFor();
    // SBX-PPO-0002 has $150 of the out-of-pocket maximum left; SBX-PPO-0001 had $4,200.
    await page.locator('#patient-view[href*="in.oopLeft=15000"]').waitFor();
    const consoleTotal = await page.textContent('[data-testid="estimate-total"]');
    const href = (await page.getAttribute('#patient-view', 'href')) ?? '';
    const patient = await browser.newPage();
    t.teardown(() => patient.close());
    await patient.goto(`${baseUrl}${href}`);
    const total = patient.locator('[data-testid="patient-total"]');
    await total.waitFor();
    t.equal(await total.textContent(), consoleTotal, 'the patient sees the total the coordinator quoted');
  });
}
