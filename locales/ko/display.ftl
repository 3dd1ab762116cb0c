# Waiting-room display captions (madoguchi-display). Numbers and counters are not translated.
display-now-calling = 지금 호출 중인 번호
display-number = 번호
display-counter = 창구
display-recent = 호출한 번호
display-missed = 호출했으나 오시지 않은 번호 (창구에 말씀해 주세요)
# A call whose visitor staff fetch from the waiting area (braille-signature form).
display-staff-to-visitor = 직원이 모시러 갑니다
display-queues = 대기 현황
display-service = 용건
display-waiting = 대기 인원
display-wait = 예상 대기 시간
display-people = { $count }명
display-minutes = 약 { $range }분
# An estimated wait as a range of minutes ($range above), e.g. 10–20.
display-range = { $low }~{ $high }
display-wait-short = 여유
display-wait-medium = 다소 혼잡
display-wait-long = 혼잡
display-paused = 접수 중지
display-closed = 지금은 접수 시간이 아닙니다
display-closed-today = 오늘은 휴무일입니다
display-hours = 오늘 접수 시간 { $open }–{ $close }
display-next-opening = 다음 접수 시작 { $when }
display-offline = { $since }부터 연결이 끊겼습니다. 표시가 최신이 아닐 수 있습니다.
display-last-update = 마지막 업데이트 { $time }
display-notice = 안내 (일본어)
# The date on the board: $weekday and $monthname come from the comma-separated lists below.
display-date = { $month }월 { $day }일 ({ $weekday })
display-weekdays = 월, 화, 수, 목, 금, 토, 일
display-months = 1월, 2월, 3월, 4월, 5월, 6월, 7월, 8월, 9월, 10월, 11월, 12월
