# Waiting-room display captions (madoguchi-display). Numbers and counters are not translated.
display-now-calling = 正在叫號
display-number = 號碼
display-counter = 窗口
display-recent = 已叫號碼
display-missed = 已叫號但未到場的號碼（請到窗口詢問）
# A call whose visitor staff fetch from the waiting area (braille-signature form).
display-staff-to-visitor = 工作人員會來接您
display-queues = 等候情況
display-service = 辦理事項
display-waiting = 等候人數
display-wait = 預計等候時間
display-people = { $count }人
display-minutes = 約{ $range }分鐘
# An estimated wait as a range of minutes ($range above), e.g. 10–20.
display-range = { $low }–{ $high }
display-wait-short = 人少
display-wait-medium = 較擁擠
display-wait-long = 擁擠
display-paused = 暫停受理
display-closed = 現在不在受理時間內
display-closed-today = 今天休息
display-hours = 今天受理時間 { $open }–{ $close }
display-next-opening = 下次開始受理 { $when }
display-offline = 通訊中斷（自{ $since }起），顯示可能不是最新的。
display-last-update = 最後更新 { $time }
display-notice = 通知（日語）
# The date on the board: $weekday and $monthname come from the comma-separated lists below.
display-date = { $month }月{ $day }日 { $weekday }
display-weekdays = 星期一, 星期二, 星期三, 星期四, 星期五, 星期六, 星期日
display-months = 1月, 2月, 3月, 4月, 5月, 6月, 7月, 8月, 9月, 10月, 11月, 12月
