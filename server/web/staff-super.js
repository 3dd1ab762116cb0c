// The supervisor block of the staff console: the display's notice line, today's counts and waits
// per service (computed from today's tickets), the audit log, and for admins every site at once.

import { api, band, clockTime, el, fill, minutesSince } from '/web/common.js';
import { hasText, t, uiLang } from '/web/staff-i18n.js';
import { counterName, serviceName, showError, showMessage, state } from '/web/staff-state.js';
import { wireBookingImport } from '/web/staff-bookings.js';

const $ = (id) => document.getElementById(id);
let wired = false;
let audit = [];
let overviewTimer = null;

export function initSuper() {
  $('overview-block').hidden = state.me.role !== 'admin';
  $('notice-text').value = state.board ? state.board.notice : '';
  const site = encodeURIComponent(state.me.site);
  // Defaults of the report routes: yesterday's 日報 of this site, last month's 月報 of the city.
  $('report-daily').href = `/api/sites/${site}/reports/daily?format=xlsx`;
  $('report-daily-html').href = `/api/sites/${site}/reports/daily?format=html`;
  $('report-monthly').href = '/api/reports/monthly?format=xlsx';
  if (wired) return;
  wired = true;
  $('notice-form').addEventListener('submit', saveNotice);
  $('audit-reload').addEventListener('click', reloadAudit);
  $('overview-reload').addEventListener('click', reloadOverview);
  wireBookingImport();
}

/** Reloads what the supervisor block fetches itself (audit log; the overview for admins). */
export function reloadSuper() {
  if (document.activeElement !== $('notice-text') && state.board) $('notice-text').value = state.board.notice;
  reloadAudit();
  if (state.me.role === 'admin' && !overviewTimer) {
    reloadOverview();
    overviewTimer = setInterval(reloadOverview, 60000);
  }
}

export function renderSuper() {
  renderStats();
  renderAudit();
}

async function saveNotice(ev) {
  ev.preventDefault();
  const text = $('notice-text').value.trim();
  try {
    await api('PUT', `/api/sites/${encodeURIComponent(state.me.site)}/notice`, { text });
    if (state.board) state.board.notice = text;
    showMessage('info', text ? t('notice_saved') : t('notice_cleared'));
  } catch (err) {
    showError(err);
  }
}

// ---- today's counts and waits ---------------------------------------------------------------

/** Counts and waits per service from today's tickets (pure: tickets in, rows out). */
export function statsRows(tickets, services) {
  const rows = services.map((s) => ({ id: s.id, issued: 0, waiting: 0, done: 0, noShow: 0, waits: [] }));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const total = { id: '', issued: 0, waiting: 0, done: 0, noShow: 0, waits: [] };
  for (const tk of tickets) {
    const row = byId.get(tk.service);
    for (const r of row ? [row, total] : [total]) {
      r.issued += 1;
      if (tk.state === 'waiting') r.waiting += 1;
      if (tk.state === 'done') r.done += 1;
      if (tk.state === 'no_show') r.noShow += 1;
      if (tk.called_at) r.waits.push(minutesSince(tk.issued_at, tk.called_at));
    }
  }
  const finish = (r) => ({
    ...r,
    avgWait: r.waits.length ? Math.round(r.waits.reduce((a, b) => a + b, 0) / r.waits.length) : null,
    maxWait: r.waits.length ? Math.max(...r.waits) : null,
  });
  return { rows: rows.filter((r) => r.issued > 0).map(finish), total: finish(total) };
}

function renderStats() {
  const { rows, total } = statsRows([...state.tickets.values()], state.site.services);
  const cell = (v) => el('td', { class: 'num' }, v === null ? '—' : String(v));
  const line = (name, r, head) => el('tr', {},
    el(head ? 'th' : 'td', head ? { scope: 'row' } : {}, name),
    cell(r.issued), cell(r.waiting), cell(r.done), cell(r.noShow),
    cell(r.avgWait === null ? null : t('minutes', { n: r.avgWait })),
    cell(r.maxWait === null ? null : t('minutes', { n: r.maxWait })));
  fill($('stats'), el('table', { class: 'stats-table' },
    el('thead', {}, el('tr', {},
      ['col_service', 'col_issued', 'col_waiting', 'col_done', 'col_no_show', 'col_avg_wait', 'col_max_wait']
        .map((k, i) => el('th', { scope: 'col', class: i ? 'num' : '' }, t(k))))),
    el('tbody', {},
      rows.map((r) => line(serviceName(r.id), r, false)),
      line(t('total'), total, true))));
}

// ---- audit log ----------------------------------------------------------------------------

async function reloadAudit() {
  try {
    audit = await api('GET', `/api/sites/${encodeURIComponent(state.me.site)}/audit?limit=100`);
    renderAudit();
  } catch (err) {
    showError(err);
  }
}

function renderAudit() {
  if (!audit.length) {
    fill($('audit'), el('p', { class: 'none' }, t('audit_none')));
    return;
  }
  fill($('audit'), el('table', {},
    el('thead', {}, el('tr', {},
      ['col_time', 'col_actor', 'col_role', 'col_counter', 'col_action', 'col_ticket', 'col_detail']
        .map((k) => el('th', { scope: 'col' }, t(k))))),
    el('tbody', {}, audit.map((a) => el('tr', {},
      el('td', {}, clockTime(a.at)), el('td', {}, a.actor), el('td', {}, t(`role_${a.role}`)),
      el('td', {}, a.counter ? counterName(a.counter) : '—'), el('td', { title: a.action }, hasText(`audit_${a.action}`) ? t(`audit_${a.action}`) : a.action), el('td', {}, a.ticket || '—'),
      el('td', {}, a.detail || ''))))));
}

// ---- all sites (admin) --------------------------------------------------------------------

async function reloadOverview() {
  try {
    const sites = await api('GET', '/api/sites');
    const boards = await Promise.all(sites.map((s) => api('GET', `/api/sites/${encodeURIComponent(s.id)}/board`)
      .catch(() => null)));
    fill($('overview'), el('table', {},
      el('thead', {}, el('tr', {},
        ['col_site', 'col_hours', 'col_waiting', 'col_counters_open', 'col_longest_wait', 'col_notice']
          .map((k) => el('th', { scope: 'col' }, t(k))))),
      el('tbody', {}, sites.map((s, i) => overviewRow(s, boards[i])))));
  } catch (err) {
    showError(err);
  }
}

function overviewRow(site, board) {
  const name = uiLang() === 'en' ? site.name_en : site.name_ja;
  if (!board) return el('tr', {}, el('th', { scope: 'row' }, name), el('td', { colspan: '5' }, t('no_data')));
  const waiting = board.queues.reduce((a, q) => a + q.waiting, 0);
  const longest = board.queues.reduce((a, q) => (q.waiting > 0 ? Math.max(a, q.eta_min) : a), 0);
  const open = board.counters.filter((c) => c.open).length;
  const b = band(longest);
  return el('tr', { dataset: { site: site.id } },
    el('th', { scope: 'row' }, name),
    el('td', {}, board.open ? (board.hours_today ? `${board.hours_today[0]}–${board.hours_today[1]}` : t('open'))
      : t('closed_now')),
    el('td', { class: 'num' }, t('people', { n: waiting })),
    el('td', { class: 'num' }, `${open} / ${board.counters.length}`),
    el('td', {}, el('span', { class: `band band-${b}` }, `${t('minutes', { n: longest })} · ${t(`band_${b}`)}`)),
    el('td', {}, board.notice || ''));
}

