# Waiting-room display captions (madoguchi-display). Numbers and counters are not translated.
display-now-calling = ただいまお呼びしている番号
display-number = 番号
display-counter = 窓口
display-recent = お呼びした番号
display-missed = お呼びしましたがお見えでない番号（窓口へお申し出ください）
# A call whose visitor staff fetch from the waiting area (braille-signature form).
display-staff-to-visitor = 係員がお迎えにまいります
display-queues = 待ち状況
display-service = ご用件
display-waiting = 待ち人数
display-wait = 待ち時間の目安
display-people = { $count }人
display-minutes = 約{ $range }分
# An estimated wait as a range of minutes ($range above), e.g. 10–20.
display-range = { $low }〜{ $high }
display-wait-short = すいています
display-wait-medium = やや混雑
display-wait-long = 混雑
display-paused = 受付を休止中
display-closed = ただいま受付時間外です
display-closed-today = 本日は閉庁日です
display-hours = 本日の受付時間 { $open }〜{ $close }
display-next-opening = 次の受付開始 { $when }
display-offline = 通信が途切れています（{ $since }から）。表示が最新でない場合があります。
display-last-update = 最終更新 { $time }
display-notice = お知らせ
# The date on the board: $weekday and $monthname come from the comma-separated lists below.
display-date = { $month }月{ $day }日({ $weekday })
display-weekdays = 月, 火, 水, 木, 金, 土, 日
display-months = 1月, 2月, 3月, 4月, 5月, 6月, 7月, 8月, 9月, 10月, 11月, 12月
