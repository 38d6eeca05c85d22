import t from 'tap';
import { buildGoodFaithEstimate } from '../../core/rules/good-faith-estimate.js';
import { tenWeekIopInput } from '../../core/rules/gfe-test-scenario.js';
import { renderGoodFaithEstimateHtml } from './good-faith-estimate-html.js';
import { escapeHtml } from './html-escape.js';
import { dateInWords } from '../../core/estimate/calendar-days.js';

const html = renderGoodFaithEstimateHtml(buildGoodFaithEstimate(tenWeekIopInput()));

t.test('the printable estimate is one self-contained HTML document with print styles', async (t) => {
  t.match(html, /^<!DOCTYPE html>\n<html lang="en">/);
  t.match(html, /<\/html>\n$/);
  t.match(html, /@media print\{/);
  t.notMatch(html, /<script|<link|src=|@import|url\(/i, 'no scripts or external assets');
});

t.test('the totals a patient looks for come first, then the items, disclaimers and dispute rights', async (t) => {
  const order = ['id="totals"', 'id="items"', 'id="providers"', 'id="separately-scheduled"', 'id="disclaimers"', 'id="dispute-rights"'].map((s) => html.indexOf(s));
  t.ok(order.every((pos) => pos > 0), 'every section is present');
  t.same([...order].sort((a, b) => a - b), order, 'sections in that order');
  t.match(html, /data-field="estimated-total">\$11,850\.00</);
  t.match(html, /data-field="per-week">\$1,185\.00</);
  t.match(html, /data-field="discount">\$7,900\.00</);
});

t.test('dates are written as the patient reads them, the date of birth included', async (t) => {
  const input = tenWeekIopInput();
  t.match(html, `date of birth <span data-field="patient-dob">${dateInWords(input.patient.phi.dateOfBirth)}</span>`);
  t.notMatch(html.replace(/<style>[\s\S]*?<\/style>/, ''), /\b20\d\d-\d\d-\d\d\b/, 'no YYYY-MM-DD left on the page');
});

t.test('each item row shows codes, quantity, the charge before and after the discount', async (t) => {
  const rows = html.match(/<tbody>\n([\s\S]*?)\n<\/tbody>/)?.[1]?.split('\n') ?? [];
  t.equal(rows.length, 2);
  t.equal(
    rows[0],
    '<tr><td>March 2, 2026</td><td>CPT 90791</td><td>Psychiatric diagnostic evaluation (intake)</td><td>F33.1</td><td>Example Behavioral Health Clinic</td><td class="num">1</td><td class="num">$250.00</td><td class="num">$250.00</td><td class="num">$150.00</td></tr>',
  );
  t.equal(
    rows[1],
    '<tr><td>March 2, 2026 to May 8, 2026</td><td>HCPCS S9480</td><td>Intensive outpatient psychiatric services, per diem</td><td>F33.1</td><td>Example Behavioral Health Clinic</td><td class="num">30</td><td class="num">$650.00</td><td class="num">$19,500.00</td><td class="num">$11,700.00</td></tr>',
  );
  t.match(html, /<tfoot><tr><td colspan="7">Total<\/td><td class="num">\$19,750\.00<\/td><td class="num">\$11,850\.00<\/td><\/tr><\/tfoot>/);
  t.match(html, /<td>Example Behavioral Health Clinic<\/td><td class="num">\$19,750\.00<\/td><td class="num">\$11,850\.00<\/td><td class="num">\$12,250\.00<\/td>/, 'per-provider dispute threshold is the estimate + $400');
});

t.test('the document names the provider ids, separately scheduled items and every required disclaimer', async (t) => {
  t.match(html, /NPI 1234567893, TIN 12-3456789; 1 Example Way, Springfield, IL, 62701/);
  t.match(html, /Psychiatric medication management visits, if prescribed \(CPT 99214\)/);
  t.match(html, /only an estimate: actual items, services or charges may differ/);
  t.match(html, /not a contract and does not require you/);
  t.match(html, /scheduled or requested separately/);
  t.match(html, /up to 12 months/);
  t.match(html, /at least \$400\.00 more[\s\S]*within 120 calendar days[\s\S]*\$25\.00 fee/);
  t.match(html, /<a href="https:\/\/www\.cms\.gov\/nosurprises">/);
  t.match(html, /<footer class="muted staff-check"[^>]*><p>For the clinic: [^<]*Deliver by February 17, 2026\./, "the delivery deadline is the clinic's, on screen only (staff notes do not print)");
});

t.test('text injected into a patient name is escaped, never run', async (t) => {
  const hostile = renderGoodFaithEstimateHtml(buildGoodFaithEstimate(tenWeekIopInput('<script>alert("x")</script>')));
  t.notMatch(hostile, /<script>/);
  t.match(hostile, /data-field="patient-name">&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; Synthetic-Patient</);
  t.equal(escapeHtml(`a&b<c>"d"'e'\`f\``), 'a&amp;b&lt;c&gt;&quot;d&quot;&#39;e&#39;&#96;f&#96;');
});
