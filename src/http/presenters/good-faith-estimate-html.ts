/**
 * Renders a Good Faith Estimate as one printable HTML document: inline CSS (with @media print),
 * no scripts and no external assets, every interpolated value escaped. The totals a patient looks
 * for come first, then the itemized table, then the disclaimers and dispute rights.
 */
import type { GoodFaithEstimate } from '../../core/rules/good-faith-estimate.js';
import { formatCents } from '../../core/money.js';
import { escapeHtml } from './html-escape.js';
import { dateInWords } from '../../core/estimate/calendar-days.js';

const CSS = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#111;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.25rem}h2{font-size:1.15rem;border-bottom:1px solid #999;padding-bottom:.2rem;margin-top:1.75rem}
.summary{display:flex;gap:1rem;flex-wrap:wrap}.figure{border:2px solid #111;border-radius:.4rem;padding:.6rem 1rem;min-width:12rem}
.figure .label{font-size:.85rem}.figure .amount{font-size:1.6rem;font-weight:700}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border:1px solid #bbb;padding:.3rem .45rem;text-align:left;vertical-align:top}
td.num,th.num{text-align:right;white-space:nowrap}tfoot td{font-weight:700}.muted{color:#444;font-size:.85rem}
.notice{border-left:4px solid #111;padding:.4rem .8rem;background:#f3f3f3}
.staff-check{border:2px solid #b45309;background:#fffbeb;padding:.6em 1em;margin-bottom:1em}
@media print{.staff-check{display:none}body{margin:0;max-width:none;font-size:10.5pt}.figure{border-width:1px}h2{break-after:avoid}tr{break-inside:avoid}a{color:#000;text-decoration:none}a[href]::after{content:" (" attr(href) ")"}}
`;

/** A date as the patient reads it (December 7, 2026), escaped: the printed estimate is theirs. */
function day(iso: string): string {
  return escapeHtml(dateInWords(iso));
}

function period(p: { from: string; to: string }): string {
  return p.from === p.to ? day(p.from) : `${day(p.from)} to ${day(p.to)}`;
}

/** Renders the estimate as a complete, self-contained HTML document. */
export function renderGoodFaithEstimateHtml(gfe: GoodFaithEstimate, options: { withholdPatient?: boolean } = {}): string {
  const e = escapeHtml;
  const providers = new Map(gfe.providers.map((p) => [p.key, p]));
  const discounted = gfe.totals.discountCents > 0;
  const summary = [
    `<div class="figure"><div class="label">Estimated total</div><div class="amount" data-field="estimated-total">${e(formatCents(gfe.totals.estimateCents))}</div></div>`,
    gfe.totals.perWeekCents !== undefined
      ? `<div class="figure"><div class="label">About per week</div><div class="amount" data-field="per-week">${e(formatCents(gfe.totals.perWeekCents))}</div></div>`
      : '',
    discounted
      ? `<div class="figure"><div class="label">Sliding-fee discount</div><div class="amount" data-field="discount">${e(formatCents(gfe.totals.discountCents))}</div><div class="muted">from ${e(formatCents(gfe.totals.chargeCents))} in charges</div></div>`
      : '',
  ].join('');

  const rows = gfe.items
    .map((it) => {
      const provider = providers.get(it.providerKey);
      return `<tr><td>${period(it.period)}</td><td>${e(it.codeSystem)} ${e(it.code)}</td><td>${e(it.description)}</td><td>${e(it.diagnosisCodes.join(', '))}</td><td>${e(provider?.name ?? it.providerKey)}</td><td class="num">${e(it.quantity)}</td><td class="num">${e(formatCents(it.unitChargeCents))}</td><td class="num">${e(formatCents(it.chargeCents))}</td>${discounted ? `<td class="num">${e(formatCents(it.estimateCents))}</td>` : ''}</tr>`;
    })
    .join('\n');
  const perProvider = gfe.totals.perProvider
    .map((p) => `<tr><td>${e(p.name)}</td><td class="num">${e(formatCents(p.chargeCents))}</td><td class="num">${e(formatCents(p.estimateCents))}</td><td class="num">${e(formatCents(p.disputeThresholdCents))}</td></tr>`)
    .join('\n');
  const providerList = gfe.providers
    .map((p) => {
      const loc = [p.location.line1, p.location.city, p.location.state, p.location.postalCode].filter(Boolean).join(', ');
      return `<li><strong>${e(p.name)}</strong> (${e(p.role.replace('-', ' '))}): NPI ${e(p.npi)}, TIN ${e(p.tin)}; ${e(loc)}</li>`;
    })
    .join('\n');
  const separate = gfe.separatelyScheduled.items.map((s) => `<li>${e(s.description)}${s.code ? ` (${e(s.codeSystem ?? '')} ${e(s.code)})` : ''}</li>`).join('\n');
  const disclaimers = gfe.disclaimers.map((d) => `<li>${e(d.text)}</li>`).join('\n');
  const phi = gfe.patient.phi;
  // For the clinic's staff, on screen only: what 45 CFR 149.610(c) asks for that this GFE lacks
  // (diagnosis codes, a provider TIN...), so it is completed before the patient gets it.
  const missing = gfe.contentChecklist.filter((c) => !c.present);
  const staffCheck = missing.length === 0
    ? ''
    : `<aside class="staff-check" role="note" data-field="missing-content"><strong>Before giving this to the patient:</strong> this estimate lacks content the regulation requires:<ul>${missing.map((c) => `<li>${e(c.element)} (${e(c.cfr)})</li>`).join('')}</ul>This box does not print.</aside>\n`;

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Good Faith Estimate</title>
<style>${CSS}</style>
</head>
<body>
${staffCheck}<header>
<h1>Good Faith Estimate for Health Care Items and Services</h1>
<p>${options.withholdPatient ? 'Patient: <strong data-field="patient-name">________________</strong>, date of birth <span data-field="patient-dob">__________</span> (left blank on patient-facing copies: write them in)' : `Patient: <strong data-field="patient-name">${e(phi.firstName)} ${e(phi.lastName)}</strong>, date of birth <span data-field="patient-dob">${day(phi.dateOfBirth)}</span>`}<br>
Issued ${day(gfe.issuedOn)}${gfe.primaryService.scheduledDate ? `; primary service scheduled for ${day(gfe.primaryService.scheduledDate)}` : ''}</p>
<p>Primary service: <strong>${e(gfe.primaryService.description)}</strong></p>
</header>
<section id="totals"><h2>Your estimated cost</h2>
<div class="summary">${summary}</div>
${gfe.recurring ? `<p>For recurring services from ${day(gfe.recurring.from)} to ${day(gfe.recurring.to)} (${e(gfe.recurring.weeks)} weeks with services). ${e(gfe.recurring.note)}</p>` : ''}
${gfe.slidingScale ? `<p class="notice">${e(gfe.slidingScale.note)}</p>` : ''}
</section>
<section id="items"><h2>Itemized estimate</h2>
<table><thead><tr><th>Date(s)</th><th>Service code</th><th>Description</th><th>Diagnosis codes</th><th>Provider</th><th class="num">Qty</th><th class="num">Charge each</th><th class="num">${discounted ? 'Charge' : 'Estimated charge'}</th>${discounted ? '<th class="num">After discount</th>' : ''}</tr></thead>
<tbody>
${rows}
</tbody>
<tfoot><tr><td colspan="7">Total</td><td class="num">${e(formatCents(gfe.totals.chargeCents))}</td>${discounted ? `<td class="num">${e(formatCents(gfe.totals.estimateCents))}</td>` : ''}</tr></tfoot></table>
<h3>Totals by provider or facility</h3>
<table><thead><tr><th>Provider or facility</th><th class="num">Charges</th><th class="num">Estimate</th><th class="num">Dispute possible if billed at or above</th></tr></thead>
<tbody>
${perProvider}
</tbody></table>
</section>
<section id="providers"><h2>Providers and facilities</h2><ul>
${providerList}
</ul></section>
<section id="separately-scheduled"><h2>Items or services scheduled separately</h2>
${separate ? `<ul>\n${separate}\n</ul>` : ''}
<p>${e(gfe.separatelyScheduled.note)}</p>
</section>
<section id="disclaimers"><h2>Disclaimers</h2><ul>
${disclaimers}
</ul></section>
<section id="dispute-rights"><h2>Your right to dispute the bill</h2>
<p>${e(gfe.dispute.text)}</p>
<p>Learn more: <a href="${e(gfe.dispute.infoUrl)}">${e(gfe.dispute.infoUrl)}</a>, phone ${e(gfe.dispute.phone)}.${gfe.contact ? ` Questions about this estimate: ${e(gfe.contact)}.` : ''}</p>
</section>
<footer class="muted staff-check" role="note" data-field="delivery"><p>For the clinic: ${e(gfe.delivery.note)}${gfe.delivery.deliverBy ? ` Deliver by ${day(gfe.delivery.deliverBy)}.` : ''} (${e(gfe.delivery.source)}) This note does not print.</p></footer>
</body>
</html>
`;
}
