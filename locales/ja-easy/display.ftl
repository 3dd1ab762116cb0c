# Waiting-room display captions (madoguchi-display). Numbers and counters are not translated.
display-now-calling = いま よんでいる ばんごう
display-number = ばんごう
display-counter = まどぐち
display-recent = よんだ ばんごう
display-missed = よびましたが いなかった ばんごう（まどぐちで いってください）
# A call whose visitor staff fetch from the waiting area (braille-signature form).
display-staff-to-visitor = かかりの 人が むかえに 行きます
display-queues = まっている ひと
display-service = ようけん
display-waiting = まっている ひと
display-wait = まつ じかん
display-people = { $count }にん
display-minutes = だいたい { $range }ふん
# An estimated wait as a range of minutes ($range above), e.g. 10–20.
display-range = { $low }〜{ $high }
display-wait-short = すいています
display-wait-medium = すこし こんでいます
display-wait-long = こんでいます
display-paused = いまは やすみです
display-closed = いまは うけつけて いません
display-closed-today = きょうは やすみです
display-hours = きょうの うけつけ { $open }〜{ $close }
display-next-opening = つぎの うけつけ { $when }
display-offline = つうしんが きれています（{ $since }から）
display-last-update = さいごに あたらしく なった じかん { $time }
display-notice = おしらせ（にほんご）
# The date on the board: $weekday and $monthname come from the comma-separated lists below.
display-date = { $month }月{ $day }日({ $weekday })
display-weekdays = 月, 火, 水, 木, 金, 土, 日
display-months = 1月, 2月, 3月, 4月, 5月, 6月, 7月, 8月, 9月, 10月, 11月, 12月
