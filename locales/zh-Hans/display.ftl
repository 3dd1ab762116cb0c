# Waiting-room display captions (madoguchi-display). Numbers and counters are not translated.
display-now-calling = 正在叫号
display-number = 号码
display-counter = 窗口
display-recent = 已叫号码
display-missed = 已叫号但未到场的号码（请到窗口咨询）
# A call whose visitor staff fetch from the waiting area (braille-signature form).
display-staff-to-visitor = 工作人员会来接您
display-queues = 等候情况
display-service = 办理事项
display-waiting = 等候人数
display-wait = 预计等候时间
display-people = { $count }人
display-minutes = 约{ $range }分钟
# An estimated wait as a range of minutes ($range above), e.g. 10–20.
display-range = { $low }–{ $high }
display-wait-short = 人少
display-wait-medium = 较拥挤
display-wait-long = 拥挤
display-paused = 暂停受理
display-closed = 现在不在受理时间内
display-closed-today = 今天休息
display-hours = 今天受理时间 { $open }–{ $close }
display-next-opening = 下次开始受理 { $when }
display-offline = 通信中断（自{ $since }起），显示可能不是最新的。
display-last-update = 最后更新 { $time }
display-notice = 通知（日语）
# The date on the board: $weekday and $monthname come from the comma-separated lists below.
display-date = { $month }月{ $day }日 { $weekday }
display-weekdays = 星期一, 星期二, 星期三, 星期四, 星期五, 星期六, 星期日
display-months = 1月, 2月, 3月, 4月, 5月, 6月, 7月, 8月, 9月, 10月, 11月, 12月
