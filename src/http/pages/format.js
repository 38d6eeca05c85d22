// Formatting and DOM helpers shared by the console and the patient page. Every value is set with
// textContent, never innerHTML, so nothing from an answer can become markup.

const dollars = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0, minimumFractionDigits: 0 });
const dollarsCents = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2 });

/** Integer cents to "$1,234" (whole dollars) or "$1,234.56". */
export function money(cents) {
  if (typeof cents !== 'number' || !Number.isFinite(cents)) return 'unknown';
  return cents % 100 === 0 ? dollars.format(cents / 100) : dollarsCents.format(cents / 100);
}

/** Parts per million to "20%". */
export function percent(ppm) {
  if (typeof ppm !== 'number') return 'unknown';
  return `${Math.round(ppm / 100) / 100}%`;
}

/** "2026-12-07" to "Dec 7, 2026" (UTC, so the date never shifts). */
export function day(iso) {
  if (!iso) return 'unknown';
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return d.toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
}

/** A date-time to "Nov 26, 2026, 5:34 PM" in the viewer's zone. */
export function when(isoDateTime) {
  const d = new Date(isoDateTime);
  return Number.isNaN(d.getTime()) ? String(isoDateTime) : d.toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });
}

/** Creates an element: h('p', { class: 'x' }, 'text', child). Attributes never include event handlers. */
/** A US number as people dial it (800-555-0100); anything else (an extension, another country) as sent. */
function dialable(phone) {
  if (!/^[\d\s().+-]+$/.test(phone) || (phone.trim().startsWith('+') && !phone.trim().startsWith('+1'))) return phone;
  const digits = phone.replace(/\D/g, '');
  const us = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
  return us.length === 10 ? `${us.slice(0, 3)}-${us.slice(3, 6)}-${us.slice(6)}` : phone;
}

/** Contacts as a person would dial or open them, grouped by who answers: "PROVIDER SERVICES: phone 800-555-0100, web ...". */
export function contactsText(contacts) {
  const words = { phone: 'phone', fax: 'fax', url: 'web', email: 'email', other: 'contact' };
  const groups = new Map();
  for (const contact of contacts) {
    const value = contact.kind === 'phone' || contact.kind === 'fax' ? dialable(contact.value) : contact.value;
    const key = contact.name ?? '';
    groups.set(key, [...(groups.get(key) ?? []), `${words[contact.kind] ?? 'contact'} ${value}`]);
  }
  return [...groups].map(([name, ways]) => `${name ? `${name}: ` : ''}${ways.join(', ')}`).join('; ');
}

export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Replaces a container's content. */
export function show(container, ...children) {
  container.replaceChildren(...children.flat().filter((c) => c !== undefined && c !== null && c !== false));
  container.hidden = false;
}

/** Today (local) as YYYY-MM-DD. */
export function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The next Monday after today, as YYYY-MM-DD. */
export function nextMonday() {
  const d = new Date();
  d.setDate(d.getDate() + (((8 - d.getDay()) % 7) || 7));
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Plain-language names of levels of care. */
export const LEVEL_LABELS = {
  'iop-mental-health': 'Intensive outpatient (mental health)',
  'iop-substance-use': 'Intensive outpatient (substance use)',
  'partial-hospitalization': 'Partial hospitalization',
  'outpatient-therapy': 'Outpatient therapy',
  residential: 'Residential treatment',
};

const SVG = 'http://www.w3.org/2000/svg';
function s(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * A week-by-week bar chart as inline SVG (attributes, not inline styles, so the CSP holds), each bar
 * labelled with its dollar value; weeks that include deductible are drawn in a second colour and
 * named in the legend and the bar's title, so colour is never the only signal.
 */
export function weekChart(weeks, { title = 'What you pay each week' } = {}) {
  const width = 720;
  const height = 260;
  const top = 28;
  const bottom = 40;
  const left = 8;
  const max = Math.max(1, ...weeks.map((w) => w.patientTotalCents));
  const slot = (width - left * 2) / Math.max(1, weeks.length);
  const barWidth = Math.max(8, Math.min(56, slot * 0.66));
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': 'chart-title chart-desc', focusable: 'false' });
  svg.append(s('title', { id: 'chart-title' }, title));
  svg.append(s('desc', { id: 'chart-desc' }, weeks.map((w) => `Week ${w.week}: ${money(w.patientTotalCents)}`).join('; ')));
  svg.append(s('line', { class: 'axis', x1: left, x2: width - left, y1: height - bottom, y2: height - bottom }));
  weeks.forEach((w, i) => {
    const barHeight = Math.round(((height - top - bottom) * w.patientTotalCents) / max);
    const x = left + i * slot + (slot - barWidth) / 2;
    const y = height - bottom - barHeight;
    const deductible = w.deductibleCents > 0;
    const g = s('g', {});
    const rect = s('rect', { class: deductible ? 'bar deductible' : 'bar', x, y, width: barWidth, height: Math.max(barHeight, 1) });
    rect.append(s('title', {}, `Week ${w.week} (${day(w.startDate)}): ${money(w.patientTotalCents)}${deductible ? ', includes deductible' : ''}`));
    g.append(rect);
    g.append(s('text', { x: x + barWidth / 2, y: y - 6, 'text-anchor': 'middle' }, money(w.patientTotalCents)));
    g.append(s('text', { x: x + barWidth / 2, y: height - bottom + 16, 'text-anchor': 'middle' }, `Wk ${w.week}`));
    svg.append(g);
  });
  const legend = h('p', { class: 'legend' },
    h('span', {}, h('span', { class: 'swatch deductible', 'aria-hidden': 'true' }), 'Week includes deductible'),
    h('span', {}, h('span', { class: 'swatch bar', 'aria-hidden': 'true' }), 'Coinsurance or copay only'));
  return h('figure', { class: 'chart' }, svg, legend);
}

/**
 * The same weeks as horizontal bars, one row per week with its dollar value beside the bar: large
 * enough to read on a phone. Deductible weeks are named in the row's label, not only coloured.
 */
export function weekBars(weeks, { title = 'What you pay each week' } = {}) {
  const row = 30;
  const width = 360;
  const labelWidth = 72;
  const valueWidth = 78;
  const height = row * weeks.length + 8;
  const max = Math.max(1, ...weeks.map((w) => w.patientTotalCents));
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': 'bars-title bars-desc', focusable: 'false' });
  svg.append(s('title', { id: 'bars-title' }, title));
  svg.append(s('desc', { id: 'bars-desc' }, weeks.map((w) => `Week ${w.week}: ${money(w.patientTotalCents)}`).join('; ')));
  weeks.forEach((w, i) => {
    const y = 4 + i * row;
    const barWidth = Math.max(2, Math.round(((width - labelWidth - valueWidth) * w.patientTotalCents) / max));
    const deductible = w.deductibleCents > 0;
    const g = s('g', {});
    g.append(s('text', { x: 0, y: y + 19, class: 'row-label' }, `Week ${w.week}${deductible ? '*' : ''}`));
    const rect = s('rect', { class: deductible ? 'bar deductible' : 'bar', x: labelWidth, y: y + 5, width: barWidth, height: row - 10 });
    rect.append(s('title', {}, `Week ${w.week}: ${money(w.patientTotalCents)}${deductible ? ', includes deductible' : ''}`));
    g.append(rect);
    g.append(s('text', { x: labelWidth + barWidth + 6, y: y + 19, class: 'row-value' }, money(w.patientTotalCents)));
    svg.append(g);
  });
  const legend = h('p', { class: 'legend' },
    h('span', {}, h('span', { class: 'swatch deductible', 'aria-hidden': 'true' }), '* Week includes deductible'),
    h('span', {}, h('span', { class: 'swatch bar', 'aria-hidden': 'true' }), 'Coinsurance or copay only'));
  return h('figure', { class: 'chart horizontal' }, svg, legend);
}

/** A table that may scroll sideways on a phone: a focusable, named region so keyboards can scroll it. */
export function scrollBox(label, table) {
  return h('div', { class: 'table-scroll', role: 'region', 'aria-label': label, tabindex: '0' }, table);
}

/** The weeks as a table (the chart's values as text). */
export function weekTable(weeks, caption = 'Week by week') {
  return scrollBox(caption, h('table', {},
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Week'), h('th', { scope: 'col' }, 'Dates'), h('th', { scope: 'col', class: 'num' }, 'Days'), h('th', { scope: 'col', class: 'num' }, 'Deductible'), h('th', { scope: 'col', class: 'num' }, 'Copay + coinsurance'), h('th', { scope: 'col', class: 'num' }, 'You pay'))),
    h('tbody', {}, weeks.map((w) => h('tr', {},
      h('th', { scope: 'row' }, `Week ${w.week}`),
      h('td', {}, `${day(w.startDate)} to ${day(w.endDate)}`),
      h('td', { class: 'num' }, w.programDays),
      h('td', { class: 'num' }, money(w.deductibleCents)),
      h('td', { class: 'num' }, money(w.copayCents + w.coinsuranceCents)),
      h('td', { class: 'num' }, money(w.patientTotalCents)))))));
}

/**
 * The usual weekly amount once the deductible is met: the most common week total after the week
 * the deductible was met (first and partial weeks differ); undefined when it is never met.
 */
export function weeklyAfterDeductible(scenario) {
  const weeks = scenario.weeks;
  const metIndex = weeks.findIndex((w) => scenario.deductibleMetOn && w.endDate >= scenario.deductibleMetOn);
  const after = scenario.deductibleMetBeforeProgram ? weeks : metIndex >= 0 ? weeks.slice(metIndex + 1) : [];
  if (after.length === 0) return undefined;
  const counts = new Map();
  for (const w of after) counts.set(w.patientTotalCents, (counts.get(w.patientTotalCents) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0];
}
