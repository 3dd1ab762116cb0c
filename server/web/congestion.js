// The public congestion page (窓口混雑状況): `/congestion` shows all offices of the city in one
// table, `/congestion/{site}` one office's services with waiting counts and estimated waits in
// colour bands with words and a range of minutes ("約10〜20分"). Anonymous data from the public
// board; refreshed every 30 s.

import { api, band, clockTime, el, fill, keepFocus } from '/web/common.js';

const $ = (id) => document.getElementById(id);
const REFRESH_MS = 30000;
const siteId = decodeURIComponent(location.pathname.replace(/^\/congestion\/?/, '').replace(/\/.*$/, ''));

const BAND_WORDS = {
  low: ['20分未満', 'under 20 min'],
  mid: ['20〜60分', '20–60 min'],
  high: ['60分超', 'over 60 min'],
};

/** Japanese with its English under it (`lang="en"`), the way every label on this page reads. */
function bi(ja, en) {
  return [ja, ' ', el('span', { class: 'en', lang: 'en' }, en)];
}

/** A queue's wait as a range `[low, high]` of minutes (its one number from a server without). */
function range(q) {
  const r = q.eta_range;
  if (r && r.high_min > 0) return [Math.max(1, r.low_min), Math.max(1, r.high_min)];
  const m = Math.max(1, q.eta_min);
  return [m, m];
}

/** The wait of queue `q` in a colour band (by the estimate) whose words say the same as the
 *  colour, then the range of minutes. */
function bandBadge(q) {
  if (!q || q.waiting === 0) {
    return el('span', { class: 'wait' }, el('span', { class: 'band band-low', dataset: { band: 'low' } }, bi('待ちなし', 'No wait')));
  }
  const b = band(Math.max(1, q.eta_min));
  const [low, high] = range(q);
  const [ja, en] = low >= high ? [`${high}`, `${high}`] : [`${low}〜${high}`, `${low}–${high}`];
  return el('span', { class: 'wait' },
    el('span', { class: `band band-${b}`, dataset: { band: b } }, bi(BAND_WORDS[b][0], BAND_WORDS[b][1])),
    ' ', el('span', { class: 'minutes' }, bi(`約${ja}分`, `about ${en} min`)));
}

/** The queue with the longest estimated wait among those with people waiting (none: null). */
function longestWait(board) {
  return board.queues.reduce((a, q) => (q.waiting > 0 && (!a || q.eta_min > a.eta_min) ? q : a), null);
}

function openState(board) {
  if (board.open) {
    const hours = board.hours_today ? `${board.hours_today[0]}–${board.hours_today[1]}` : '';
    return el('span', { class: 'state-open' }, bi(`受付中 ${hours}`, 'Open'));
  }
  const next = board.next_opening
    ? new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', month: 'numeric', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit' })
      .format(new Date(board.next_opening))
    : '';
  return el('span', { class: 'state-closed' }, bi('受付時間外', 'Closed'),
    next ? el('span', { class: 'kind' }, bi(`次の受付 ${next}`, 'next opening')) : null);
}

// ---- city-wide ----------------------------------------------------------------------------

async function loadCity() {
  const sites = await api('GET', '/api/sites');
  const boards = await Promise.all(sites.map((s) => api('GET', `/api/sites/${encodeURIComponent(s.id)}/board`)
    .catch(() => null)));
  document.title = '窓口混雑状況 — 北九州市 マイナンバーカード窓口';
  keepFocus(() => fill($('content'),
    el('h2', { id: 'city-title' }, bi(`全${sites.length}か所の状況`, `All ${sites.length} offices`)),
    el('table', { class: 'sites-table', 'aria-labelledby': 'city-title' },
      el('thead', {}, el('tr', {},
        el('th', { scope: 'col' }, bi('窓口', 'Office')),
        el('th', { scope: 'col', class: 'hide-narrow' }, bi('受付', 'Hours')),
        el('th', { scope: 'col', class: 'num' }, bi('待っている人', 'Waiting')),
        el('th', { scope: 'col' }, bi('最長の待ち目安', 'Longest estimated wait')),
        el('th', { scope: 'col', class: 'num hide-narrow' }, bi('開いている窓口', 'Counters open')))),
      el('tbody', {}, sites.map((s, i) => cityRow(s, boards[i]))))));
}

function cityRow(site, board) {
  const name = el('th', { scope: 'row' },
    el('a', { href: `/congestion/${encodeURIComponent(site.id)}`, dataset: { fkey: `site-${site.id}` } }, site.name_ja),
    el('span', { class: 'kind', lang: 'en' }, site.name_en),
    board ? el('span', { class: 'show-narrow' }, board.open ? el('span', { class: 'state-open' }, bi('受付中', 'Open'))
      : el('span', { class: 'state-closed' }, bi('受付時間外', 'Closed'))) : null);
  if (!board) return el('tr', { dataset: { site: site.id } }, name, el('td', { colspan: '4' }, bi('読み込めませんでした', 'Could not be loaded')));
  const waiting = board.queues.reduce((a, q) => a + q.waiting, 0);
  const open = board.counters.filter((c) => c.open).length;
  return el('tr', { dataset: { site: site.id } }, name,
    el('td', { class: 'hide-narrow' }, openState(board)),
    el('td', { class: 'num' }, el('span', { class: 'big' }, String(waiting)), ' 人'),
    el('td', {}, board.open ? bandBadge(longestWait(board)) : '—'),
    el('td', { class: 'num hide-narrow' }, `${open} / ${board.counters.length}`));
}

// ---- one office ---------------------------------------------------------------------------

let siteInfo = null;

async function loadSite() {
  const board = await api('GET', `/api/sites/${encodeURIComponent(siteId)}/board`);
  if (!siteInfo) siteInfo = await api('GET', `/api/sites/${encodeURIComponent(siteId)}`);
  // Internal desks (e.g. the city staff desk) are reached by transfer only: not a public queue.
  const publicIds = new Set(siteInfo.services.filter((s) => s.kiosk).map((s) => s.id));
  document.title = `${board.site_name} 窓口混雑状況`;
  const waiting = board.queues.reduce((a, q) => a + q.waiting, 0);
  keepFocus(() => fill($('content'),
    el('div', { class: 'site-head' },
      el('h2', { id: 'site-title' }, board.site_name, ' ', el('span', { class: 'en', lang: 'en' }, board.site_name_en)),
      openState(board)),
    board.notice ? el('p', { class: 'notice' }, board.notice) : null,
    el('p', {}, bi(`いま ${waiting}人 が待っています。`, `${waiting} waiting now.`)),
    el('ul', { class: 'services', 'aria-labelledby': 'site-title' }, board.queues.filter((q) => publicIds.has(q.service)).map(serviceCard)),
    el('p', { class: 'back' }, el('a', { href: '/congestion', dataset: { fkey: 'back' } }, bi('全拠点の状況へ', 'All offices')))));
}

function serviceCard(q) {
  return el('li', { class: 'service-card', dataset: { service: q.service } },
    el('h3', {}, el('span', { class: 'prefix', 'aria-hidden': 'true' }, q.prefix), q.name_ja),
    el('dl', {},
      el('dt', {}, bi('待ち', 'Waiting')), el('dd', {}, el('span', { class: 'big' }, String(q.waiting)), ' 人'),
      el('dt', {}, bi('目安', 'Wait')), el('dd', {}, q.counters_open > 0 ? bandBadge(q)
        : bi('窓口が閉まっています', 'No counter open')),
      el('dt', {}, bi('窓口', 'Counters')), el('dd', {}, String(q.counters_open))));
}

// ---- refresh ------------------------------------------------------------------------------

async function refresh() {
  try {
    if (siteId) await loadSite();
    else await loadCity();
    $('offline').hidden = true;
    fill($('updated'), bi(`最終更新 ${clockTime(Date.now())}（30秒ごとに自動更新）`,
      `Updated ${clockTime(Date.now())} (refreshes every 30 s)`));
  } catch (err) {
    if (err.status === 404) {
      fill($('content'), el('p', { class: 'error-box' }, bi('この窓口は見つかりません。', 'No such office.')),
        el('p', {}, el('a', { href: '/congestion' }, bi('全拠点の状況へ', 'All offices'))));
      return;
    }
    $('offline').hidden = false;
  }
}

refresh();
setInterval(refresh, REFRESH_MS);
