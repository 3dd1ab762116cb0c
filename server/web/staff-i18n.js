// The staff console's words in Japanese (default) and English, the switch between them
// (remembered in localStorage), and the names of the visitors' languages for staff.

const TEXT = {
  ja: {
    app_title: '窓口コンソール', skip_to_main: '本文へ移動', logout: 'サインアウト',
    conn_offline: 'サーバーに接続できません — 再接続中 (最終更新 {at})',
    handover_moving: 'サーバーが応答しません。別のサーバー（{peer}）に切り替えています…',
    handover_arrived: '前のサーバーが応答しないため、このサーバー（{host}）に切り替えました。サインインはそのままです。',
    err_handover_refused: 'サインインを引き継げませんでした。もう一度サインインしてください。',
    handover_click_dropped: '{at} に押した「{action}」は引き継げませんでした。前のサーバーで行われたかもしれません。サインインしたら、画面の状態を確かめてから押し直してください。',
    conn_pending: '・送信待ち {n}件',
    conn_readonly: '画面は最終更新の時点のままです（閲覧のみ）。発券・再発行・お知らせの確認は、つながるまで使えません。窓口の操作は「送信待ち」になり、つながると自動で送ります。',
    offline_locked: 'サーバーにつながるまで使えません',
    pending_tag: '送信待ち', pending_what: '「{action}」（{at} に押しました）',
    pending_hint: 'サーバーにつながると自動で送ります。二重には行われません。',
    pending_hint_online: 'まだ送れていません。「再送」で送ります。二重には行われません。',
    pending_retry: '再送', pending_block: '送信待ちの操作があります。先にそれを送ります（つながると自動で送ります）。',
    pending_sent: '送信待ちだった「{action}」を送りました。',
    pending_dropped: '送信待ちだった「{action}」は行われませんでした：',
    pending_expired: '{at} に押した「{action}」は送れないまま時間がたったため、送りませんでした。画面の状態を確かめてください。',
    offline_ticket: 'オフライン発券', offline_ticket_hint: 'サーバーが止まっている間に発券機が発券した番号札です',
    login_title: 'サインイン', login_user: 'ユーザー名', login_password: 'パスワード', login_site: '拠点',
    login_counter: '窓口', login_submit: 'サインイン', login_no_counter: '（窓口なし：責任者・閲覧のみ）',
    login_missing: 'ユーザー名、パスワード、拠点を入力してください。',
    login_failed: 'ユーザー名またはパスワードが違います。確かめてもう一度入力してください。',
    role_staff: '窓口職員', role_supervisor: '業務責任者', role_admin: '統括管理者', role_kiosk: '発券機', role_display: '表示板',
    no_counter_title: '窓口を選ばずにサインインしています',
    no_counter_hint: '呼び出しをするには、サインアウトして窓口を選んでサインインしてください。',
    counter_open: '受付中', counter_paused: '休止中（この窓口には呼び出されません）',
    no_current: '対応中の番号はありません。「次を呼ぶ」で次の方を呼び出します。',
    tstate_waiting: '待ち', tstate_called: '呼び出し中', tstate_serving: '対応中', tstate_done: '完了',
    tstate_no_show: '不在', tstate_cancelled: '取消',
    f_service: '用件', f_lang: '言語', f_needs: '配慮', f_waited: '待ち時間', f_transfers: '転送', f_recalls: '再呼び出し',
    needs_none: 'なし', minutes: '{n}分', times: '{n}回', people: '{n}人',
    need_braille_form: '点字記名用の申請書', need_wheelchair: '車いす', need_written: '筆談',
    need_interpreter: '通訳', need_help: '手助けが必要', need_other: 'その他の配慮',
    act_call_next: '次を呼ぶ', act_recall: '再呼び出し', act_start: '対応開始', act_done: '完了',
    act_no_show: '不在', act_transfer: '転送', act_pause: '休止', act_reopen: '再開', act_requeue: '列に戻す',
    act_skip: '後回し', act_cancel: '取消',
    act_skip_hint: '呼び出した方を列の元の位置に戻します（あとで呼び直せます）',
    act_cancel_hint: '番号札を取り消します（確認があります）',
    cancel_title: '番号札の取消', cancel_submit: '取り消す', cancel_keep: '取り消さない',
    cancel_of: '{number}（{service}）を取り消します。この番号ではもう呼び出せません。取り消してよいですか？',
    cancelled: '{number} を取り消しました。', skipped: '{number} を列の元の位置に戻しました。',
    last_noshow: '直前の不在：{number}（来られたら列に戻せます）',
    queue_empty: '待っている方はいません。', transferred: '{number} を転送しました（番号はそのままです）。',
    alerts_title: 'お知らせ（対応が必要）', alerts_none: '対応が必要なお知らせはありません。',
    alert_assist: '発券機 {kiosk} で職員の呼び出しがあります（{lang}）', alert_print_failed: '{number} の番号札が印刷できませんでした {detail}',
    alert_display_sound: '表示板の音声が出ていません。呼び出しは声でもお伝えください。{detail}',
    alert_assist_called: '{number}（点字記名用の申請書）を呼び出しました：待合スペースのお客様のところへ行き、{counter}までご案内してください',
    go_to_visitor: '職員がお迎えに', go_to_visitor_now: '待合スペースのお客様のところへ行き、この窓口までご案内してください。',
    go_to_visitor_hint: '点字記名用の申請書のお客様です。呼び出したら職員が待合スペースまでお迎えに行き、窓口へご案内します',
    alert_other: 'お知らせ（{kind}）{from}：{detail}', alert_more: 'ほか {n}件', alert_go: 'お知らせを見る',
    sound_on: '通知音あり', sound_off: '通知音なし',
    sound_on_hint: '新しいお知らせで音が鳴ります。押すと消音します。', sound_off_hint: '消音中です。押すと音が鳴るようになります。',
    ack: '確認した', reprint: '再発行',
    queues_title: '待っている方', queues_none: 'いま待っている方はいません。',
    queue_meta: '待ち {waiting}人・目安 {eta}分・開いている窓口 {open}', queue_meta_empty: '待ちなし・開いている窓口 {open}',
    col_number: '番号', col_lang: '言語', col_needs: '配慮', col_waited: '待ち時間', col_actions: '操作',
    transferred_mark: '転送', not_printed: '未印刷',
    counters_title: '窓口の状況', col_counter: '窓口', col_area: '区分', col_state: '状態', col_current: '番号',
    col_staff: '担当', this_counter: '（この窓口）', open: '受付中', paused: '休止中',
    open_counter: '開ける', close_counter: '閉じる',
    issue_title: '番号札を手で発行', issue_service: '用件', issue_lang: '言語', issue_needs: '配慮が必要なこと',
    issue_submit: '発行する',
    slip_title: '番号札', slip_print: '印刷', close: '閉じる', cancel: 'やめる',
    slip_ahead: '前に {n}人・目安 約{eta}分', slip_next: '次に呼ばれます', wait_range: '{low}〜{high}', slip_url: 'スマートフォンで呼び出し状況を見るページ：',
    transfer_title: '転送', transfer_of: '{number}（{service}）を転送します。番号は変わりません。',
    transfer_service: '転送先の用件', transfer_counter: '転送先の窓口', transfer_submit: '転送する',
    transfer_same_service: '（用件は変えない）', transfer_any_counter: '（窓口は指定しない）',
    transfer_pick: '転送先の用件か窓口を選んでください。',
    super_title: '責任者', notice_label: '表示板のお知らせ（空欄にして更新すると消えます）', notice_submit: 'お知らせを更新',
    notice_saved: '表示板のお知らせを更新しました。', notice_cleared: '表示板のお知らせを消しました。',
    stats_title: '本日の件数と待ち時間', col_service: '用件', col_issued: '発券', col_waiting: '待ち', col_done: '完了',
    col_no_show: '不在', col_avg_wait: '平均待ち', col_max_wait: '最長待ち', total: '合計',
    audit_login: 'サインイン', audit_logout: 'サインアウト', audit_issue: '発券', audit_reprint: '再発行',
    'audit_call-next': '呼び出し', audit_recall: '再呼び出し', audit_start: '対応開始', audit_done: '完了',
    'audit_no-show': '不在', audit_requeue: '列に戻す', audit_skip: '後回し', audit_cancel: '取消', audit_transfer: '転送',
    audit_pause: '休止', audit_reopen: '再開', audit_notice: 'お知らせ変更', audit_ack_alert: 'お知らせ確認',
    reports_title: '報告書（Excel）', report_daily: '前日の日報', report_daily_html: '日報を画面で見る', report_monthly: '前月の月報（全市）',
    audit_title: '操作記録', audit_reload: '操作記録を更新', audit_none: '記録はまだありません。',
    col_time: '時刻', col_actor: '操作者', col_role: '役割', col_action: '操作', col_ticket: '番号', col_detail: '詳細',
    overview_title: '全拠点の状況', overview_reload: '全拠点を更新', col_site: '拠点', col_hours: '受付時間',
    col_counters_open: '開いている窓口', col_longest_wait: '最長の待ち目安', col_notice: 'お知らせ',
    closed_now: '受付時間外', no_data: '読み込めませんでした', band_low: '20分未満', band_mid: '20〜60分', band_high: '60分超',
    err_network: 'サーバーにつながりません。ネットワークを確かめてください。つながると自動で再開します。',
    err_unauthorized: 'サインインが切れました。もう一度サインインしてください。',
    err_forbidden: 'この操作の権限がありません。',
    err_invalid_state: 'いまの番号の状態ではこの操作はできません。',
    err_counter_paused: 'この窓口は休止中です。「再開」を押してから呼び出してください。',
    err_no_current_ticket: 'この窓口に対応中の番号がありません。',
    err_site_closed: '受付時間外のため発券できません。', next_opening: '次の受付開始：{at}',
    err_numbers_exhausted: '本日の番号を使い切りました。責任者に連絡してください。',
    err_generic: 'エラーが起きました（{code}）。もう一度試し、続くときは責任者に連絡してください。',
  },
  en: {
    app_title: 'Counter console', skip_to_main: 'Skip to main content', logout: 'Sign out',
    conn_offline: 'Cannot reach the server — reconnecting (last update {at})',
    handover_moving: 'The server does not answer. Moving to another server ({peer})…',
    handover_arrived: 'The previous server stopped answering, so the console moved to this server ({host}). You are still signed in.',
    err_handover_refused: 'Your sign-in could not be carried over. Please sign in again.',
    handover_click_dropped: '“{action}” pressed at {at} could not be carried over; the previous server may have done it. After signing in, check the screen before pressing again.',
    conn_pending: '· {n} pending',
    conn_readonly: 'The screen shows the state at the last update (read only). Issuing, reprinting and acknowledging alerts wait until the server is back. Counter actions are kept “pending” and sent by themselves when it is.',
    offline_locked: 'Not available until the server is reachable',
    pending_tag: 'Pending', pending_what: '“{action}” (pressed at {at})',
    pending_hint: 'It is sent by itself when the server is back, never twice.',
    pending_hint_online: 'Not sent yet. Press “Retry” to send it; it is never done twice.',
    pending_retry: 'Retry', pending_block: 'A pending action is sent first (by itself when the server is back).',
    pending_sent: 'The pending “{action}” was sent.',
    pending_dropped: 'The pending “{action}” was not done:',
    pending_expired: '“{action}” pressed at {at} could not be sent for too long and was dropped. Check the screen.',
    offline_ticket: 'issued offline', offline_ticket_hint: 'A kiosk issued this ticket while the server was down',
    login_title: 'Sign in', login_user: 'User name', login_password: 'Password', login_site: 'Office',
    login_counter: 'Counter', login_submit: 'Sign in', login_no_counter: '(no counter: supervisor / view only)',
    login_missing: 'Enter your user name, password and office.',
    login_failed: 'Wrong user name or password. Check them and try again.',
    role_staff: 'Counter staff', role_supervisor: 'Supervisor', role_admin: 'Administrator', role_kiosk: 'Kiosk', role_display: 'Display',
    no_counter_title: 'Signed in without a counter',
    no_counter_hint: 'To call tickets, sign out and sign in again with a counter selected.',
    counter_open: 'Open', counter_paused: 'Paused (no tickets are called to this counter)',
    no_current: 'No ticket at this counter. Press “Call next” to call the next visitor.',
    tstate_waiting: 'Waiting', tstate_called: 'Called', tstate_serving: 'Serving', tstate_done: 'Done',
    tstate_no_show: 'No-show', tstate_cancelled: 'Cancelled',
    f_service: 'Service', f_lang: 'Language', f_needs: 'Needs', f_waited: 'Waited', f_transfers: 'Transfers', f_recalls: 'Recalls',
    needs_none: 'None', minutes: '{n} min', times: '{n}×', people: '{n}',
    need_braille_form: 'Braille signature form', need_wheelchair: 'Wheelchair', need_written: 'Written communication',
    need_interpreter: 'Interpreter', need_help: 'Needs help', need_other: 'Other need',
    act_call_next: 'Call next', act_recall: 'Recall', act_start: 'Start', act_done: 'Done',
    act_no_show: 'No-show', act_transfer: 'Transfer', act_pause: 'Pause', act_reopen: 'Reopen', act_requeue: 'Put back in queue',
    act_skip: 'Skip', act_cancel: 'Cancel ticket',
    act_skip_hint: 'Put the called visitor back at their place in the queue (call them again later)',
    act_cancel_hint: 'Cancel the ticket (asks first)',
    cancel_title: 'Cancel ticket', cancel_submit: 'Cancel the ticket', cancel_keep: 'Keep it',
    cancel_of: 'Cancel {number} ({service})? It cannot be called any more.',
    cancelled: '{number} was cancelled.', skipped: '{number} is back at its place in the queue.',
    last_noshow: 'Last no-show: {number} (put it back if the visitor comes)',
    queue_empty: 'Nobody is waiting.', transferred: '{number} transferred (same number).',
    alerts_title: 'Alerts (need action)', alerts_none: 'No alerts need action.',
    alert_assist: 'Kiosk {kiosk}: a visitor asks for staff ({lang})', alert_print_failed: 'Ticket {number} was not printed {detail}',
    alert_display_sound: 'The display’s sound is not working. Call visitors in person too. {detail}',
    alert_assist_called: '{number} (braille-signature form) was called: go to the visitor in the waiting area and bring them to {counter}',
    go_to_visitor: 'Staff go to the visitor', go_to_visitor_now: 'Go to the visitor in the waiting area and bring them to this counter.',
    go_to_visitor_hint: 'Braille-signature form: when called, staff go to the visitor in the waiting area and bring them to the counter',
    alert_other: 'Alert ({kind}){from}: {detail}', alert_more: '+{n} more', alert_go: 'Show alerts',
    sound_on: 'Alert sound on', sound_off: 'Alert sound off',
    sound_on_hint: 'A new alert plays a sound. Press to mute.', sound_off_hint: 'Muted. Press to hear new alerts.',
    'area-support': 'Reception and support', 'area-handover': 'Card handover', 'area-online': 'Online window',
    'area-city': 'City staff desks', 'area-branch-staff': 'Branch staff desk',
    ack: 'Acknowledge', reprint: 'Reprint',
    queues_title: 'Waiting', queues_none: 'Nobody is waiting now.',
    queue_meta: '{waiting} waiting · about {eta} min · {open} counters open', queue_meta_empty: 'nobody waiting · {open} counters open',
    col_number: 'Number', col_lang: 'Language', col_needs: 'Needs', col_waited: 'Waited', col_actions: 'Actions',
    transferred_mark: 'transferred', not_printed: 'not printed',
    counters_title: 'Counters', col_counter: 'Counter', col_area: 'Area', col_state: 'State', col_current: 'Ticket',
    col_staff: 'Staff', this_counter: '(this counter)', open: 'Open', paused: 'Paused',
    open_counter: 'Open', close_counter: 'Close',
    issue_title: 'Issue a ticket by hand', issue_service: 'Service', issue_lang: 'Language', issue_needs: 'Needs',
    issue_submit: 'Issue',
    slip_title: 'Ticket', slip_print: 'Print', close: 'Close', cancel: 'Cancel',
    slip_ahead: '{n} ahead · about {eta} min', slip_next: 'next to be called', wait_range: '{low}–{high}', slip_url: 'Status page for the visitor’s phone:',
    transfer_title: 'Transfer', transfer_of: 'Transfer {number} ({service}). The number stays the same.',
    transfer_service: 'To service', transfer_counter: 'To counter', transfer_submit: 'Transfer',
    transfer_same_service: '(same service)', transfer_any_counter: '(any counter)',
    transfer_pick: 'Choose a service or a counter to transfer to.',
    super_title: 'Supervisor', notice_label: 'Notice line on the display (clear it and save to remove it)', notice_submit: 'Save notice',
    notice_saved: 'The display notice was updated.', notice_cleared: 'The display notice was removed.',
    stats_title: 'Today’s counts and waits', col_service: 'Service', col_issued: 'Issued', col_waiting: 'Waiting', col_done: 'Done',
    col_no_show: 'No-show', col_avg_wait: 'Average wait', col_max_wait: 'Longest wait', total: 'Total',
    audit_login: 'Sign in', audit_logout: 'Sign out', audit_issue: 'Issue', audit_reprint: 'Reprint',
    'audit_call-next': 'Call next', audit_recall: 'Recall', audit_start: 'Start', audit_done: 'Done',
    'audit_no-show': 'No-show', audit_requeue: 'Put back', audit_skip: 'Skip', audit_cancel: 'Cancel', audit_transfer: 'Transfer',
    audit_pause: 'Pause', audit_reopen: 'Reopen', audit_notice: 'Notice changed', audit_ack_alert: 'Alert acknowledged',
    reports_title: 'Reports (Excel)', report_daily: 'Yesterday\'s daily report', report_daily_html: 'Daily report on screen', report_monthly: 'Last month\'s monthly report (city)',
    audit_title: 'Audit log', audit_reload: 'Reload audit log', audit_none: 'Nothing recorded yet.',
    col_time: 'Time', col_actor: 'Who', col_role: 'Role', col_action: 'Action', col_ticket: 'Ticket', col_detail: 'Detail',
    overview_title: 'All offices', overview_reload: 'Reload all offices', col_site: 'Office', col_hours: 'Hours',
    col_counters_open: 'Counters open', col_longest_wait: 'Longest estimated wait', col_notice: 'Notice',
    closed_now: 'Closed now', no_data: 'Could not be loaded', band_low: 'under 20 min', band_mid: '20–60 min', band_high: 'over 60 min',
    err_network: 'The server cannot be reached. Check the network; the console resumes by itself.',
    err_unauthorized: 'Your session has ended. Please sign in again.',
    err_forbidden: 'You are not allowed to do this.',
    err_invalid_state: 'This action is not possible in the ticket’s current state.',
    err_counter_paused: 'This counter is paused. Press “Reopen” first.',
    err_no_current_ticket: 'There is no ticket at this counter.',
    err_site_closed: 'The office is closed; tickets cannot be issued now.', next_opening: 'Next opening: {at}.',
    err_numbers_exhausted: 'All of today’s numbers are used. Tell your supervisor.',
    err_generic: 'Something went wrong ({code}). Try again; if it keeps happening, tell your supervisor.',
  },
};

/** Visitor languages (wire codes), in the kiosk's order. */
export const LANGS = ['ja', 'ja-easy', 'en', 'zh-Hans', 'zh-Hant', 'ko', 'vi', 'ne', 'tl', 'id', 'pt'];

const LANG_NAMES = {
  ja: { ja: '日本語', 'ja-easy': 'やさしい日本語', en: '英語', 'zh-Hans': '中国語（簡体字）', 'zh-Hant': '中国語（繁体字）',
    ko: '韓国語', vi: 'ベトナム語', ne: 'ネパール語', tl: 'タガログ語', id: 'インドネシア語', pt: 'ポルトガル語' },
  en: { ja: 'Japanese', 'ja-easy': 'Easy Japanese', en: 'English', 'zh-Hans': 'Chinese (Simplified)',
    'zh-Hant': 'Chinese (Traditional)', ko: 'Korean', vi: 'Vietnamese', ne: 'Nepali', tl: 'Tagalog',
    id: 'Indonesian', pt: 'Portuguese' },
};

let current = localStorage.getItem('madoguchi.uiLang') === 'en' ? 'en' : 'ja';

export function uiLang() {
  return current;
}

export function setUiLang(lang) {
  current = lang === 'en' ? 'en' : 'ja';
  localStorage.setItem('madoguchi.uiLang', current);
}

export function hasText(key) {
  return Object.prototype.hasOwnProperty.call(TEXT[current], key);
}

/** The text for `key` with `{name}` placeholders filled; the key itself when it is missing. */
export function t(key, vars = {}) {
  const s = TEXT[current][key] ?? TEXT.ja[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
}

/** A visitor language's name for staff, e.g. `ベトナム語`. */
export function langName(code) {
  return LANG_NAMES[current][code] || code;
}

/** Translates every `data-i18n` element and sets `<html lang>` and the switch button. */
export function applyI18n() {
  document.documentElement.lang = current;
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  const sw = document.getElementById('lang-switch');
  if (sw) {
    sw.textContent = current === 'ja' ? 'English' : '日本語';
    sw.lang = current === 'ja' ? 'en' : 'ja';
  }
  document.title = `${t('app_title')} — madoguchi`;
}

export const TEXT_KEYS = { ja: Object.keys(TEXT.ja), en: Object.keys(TEXT.en) };
