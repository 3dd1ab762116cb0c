# Waiting-room display captions (madoguchi-display). Numbers and counters are not translated.
display-now-calling = Đang gọi số
display-number = Số
display-counter = Quầy
display-recent = Số đã gọi
display-missed = Đã gọi nhưng chưa có mặt — xin hỏi tại quầy
# A call whose visitor staff fetch from the waiting area (braille-signature form).
display-staff-to-visitor = Nhân viên sẽ đến đón bạn
display-queues = Tình hình chờ
display-service = Thủ tục
display-waiting = Số người chờ
display-wait = Thời gian chờ dự kiến
display-people = { $count } người
display-minutes = khoảng { $range } phút
# An estimated wait as a range of minutes ($range above), e.g. 10–20.
display-range = { $low }–{ $high }
display-wait-short = vắng
display-wait-medium = hơi đông
display-wait-long = đông
display-paused = tạm dừng
display-closed = Hiện không phải giờ tiếp nhận
display-closed-today = Hôm nay nghỉ
display-hours = Giờ tiếp nhận hôm nay { $open }–{ $close }
display-next-opening = Mở lại lúc { $when }
display-offline = Mất kết nối từ { $since }. Bảng có thể chưa cập nhật.
display-last-update = Cập nhật lần cuối { $time }
display-notice = Thông báo (tiếng Nhật)
# The date on the board: $weekday and $monthname come from the comma-separated lists below.
display-date = { $weekday }, { $day }/{ $month }
display-weekdays = Thứ Hai, Thứ Ba, Thứ Tư, Thứ Năm, Thứ Sáu, Thứ Bảy, Chủ Nhật
display-months = tháng 1, tháng 2, tháng 3, tháng 4, tháng 5, tháng 6, tháng 7, tháng 8, tháng 9, tháng 10, tháng 11, tháng 12
