# madoguchi kiosk — Tiếng Việt

## Screen chrome
home-title = Quầy thẻ My Number
home-choose = Vui lòng chọn ngôn ngữ
home-speech = Hướng dẫn bằng giọng nói: bấm phím bất kỳ trên bàn phím số.
back = Quay lại
language = Ngôn ngữ
call-staff = Gọi nhân viên
call-staff-offline = Không gọi được nhân viên
staff-coming = Nhân viên sẽ đến ngay. Vui lòng đợi ở đây.
staff-call-failed = Không gọi được nhân viên. Vui lòng hỏi quầy gần nhất.
large-text = Chữ lớn
loading = Đang chuẩn bị. Vui lòng đợi một chút.

## Purpose
purpose-title = Bạn đến để làm gì?
purpose-waiting = { $count } người đang chờ · khoảng { $range } phút
purpose-none = Hiện quầy này không tiếp nhận thủ tục nào. Vui lòng hỏi nhân viên.
purpose-elsewhere = Làm tại { $office }
purpose-pickup = Nhận thẻ My Number
purpose-apply = Đăng ký thẻ (cấp mới, gia hạn, cấp lại)
purpose-express = Cấp thẻ nhanh
purpose-ecert = Gia hạn chứng thư điện tử
purpose-face = Thay đổi thông tin trên thẻ (địa chỉ, v.v.)
purpose-pin = Đặt lại mã PIN
purpose-overseas = Thủ tục chuyển ra nước ngoài
purpose-lost = Tôi bị mất thẻ My Number
purpose-inquiry = Hỏi đáp, tư vấn

## Service names (also read by the waiting-room display)
service-pickup = Nhận thẻ
service-apply = Đăng ký thẻ (thẻ gửi qua bưu điện)
service-assist = Đăng ký thẻ (hỗ trợ bằng máy tính bảng)
service-express = Cấp thẻ nhanh
service-online = Quầy trực tuyến
service-ecert = Gia hạn chứng thư điện tử
service-face = Thay đổi thông tin trên thẻ
service-overseas = Thủ tục cho người chuyển ra nước ngoài
service-form = In đơn đăng ký cấp thẻ
service-pin = Đặt lại mã PIN
service-inquiry = Hỏi đáp
service-city = Quầy nhân viên Phòng Thị dân

## Documents to have ready
doc-notice-postcard = Giấy báo nhận thẻ (bưu thiếp)
doc-photo-id = Giấy tờ tùy thân (bằng lái xe, hộ chiếu, thẻ lưu trú, v.v.)
doc-current-card = Thẻ My Number bạn đang có
doc-notification-card = Thẻ thông báo (nếu có)
doc-residence-card = Thẻ lưu trú hoặc giấy chứng nhận vĩnh trú đặc biệt (nếu có)
doc-application-form = Đơn đăng ký cấp thẻ
doc-photo = Ảnh chân dung (nếu có; cũng có thể chụp tại đây)
doc-application-id = Mã số đơn đăng ký (申請書ID)
doc-passport = Hộ chiếu
doc-pin = Mã PIN (vui lòng nhớ)

## Triage questions and answers
answer-yes = Có
answer-no = Không
q-pickup-bring = Bạn có mang theo những thứ sau không? Giấy báo nhận thẻ (bưu thiếp, 交付通知書), giấy tờ tùy thân (bằng lái xe, thẻ lưu trú, v.v.) và thẻ My Number hiện tại (nếu có).
answer-pickup-all = Có, tôi có đủ cả
answer-no-postcard = Tôi không có bưu thiếp
answer-pickup-no-id = Tôi không có giấy tờ tùy thân
answer-pickup-no-card = Tôi không mang thẻ hiện tại
q-resident = Địa chỉ đăng ký cư trú (住民票) của bạn có ở quận này (hoặc khu vực của văn phòng chi nhánh này) không?
q-have-card = Bạn đã có thẻ My Number chưa? (gia hạn hoặc cấp lại)
q-licence = Bạn có đang dùng thẻ làm bằng lái xe (マイナ免許証) và muốn tiếp tục dùng không?
q-smartphone = Bạn có thể tự đăng ký bằng điện thoại thông minh của mình không?
q-application-id = Bạn có mã số đơn đăng ký (申請書ID) không? Mã này ghi trên thư thông báo gia hạn hoặc trên đơn đăng ký.
q-form = Bạn có đơn đăng ký cấp thẻ (交付申請書) không?
q-pasid-id = Bạn có mang một trong các giấy tờ sau không: thẻ My Number, thẻ lưu trú, giấy chứng nhận vĩnh trú đặc biệt, bằng lái xe, giấy chứng nhận lý lịch lái xe?
q-photo-id = Bạn có mang giấy tờ tùy thân (bằng lái xe, hộ chiếu, thẻ lưu trú, v.v.) không?
q-method = Bạn muốn nhận thẻ bằng cách nào?
answer-method-mail = Gửi qua bưu điện về nhà
answer-method-visit = Sau này tôi sẽ quay lại đây để nhận
q-bring-card = Bạn có mang thẻ My Number không?
answer-card-at-home = Không, thẻ để ở nhà
answer-card-lost = Tôi bị mất thẻ

## Guidance (no ticket needed)
guidance-title = Hướng dẫn
guidance-ok = Tôi đã hiểu
g-not-resident = Vui lòng đăng ký tại văn phòng quận nơi bạn đăng ký cư trú. Bạn cũng có thể đăng ký trực tuyến bằng điện thoại hoặc máy tính, hoặc qua bưu điện.
g-licence-online = Nếu bạn muốn tiếp tục dùng thẻ làm bằng lái xe, vui lòng tự đăng ký bằng điện thoại của mình trên "Trang đăng ký trực tuyến thẻ My Number". Bạn không cần lấy số thứ tự.
g-no-application-id = Quầy trực tuyến cần mã số đơn đăng ký (申請書ID). Hãy lấy số thứ tự bên dưới: quầy đó sẽ in đơn đăng ký có ghi mã số.
g-bring-card = Thủ tục này cần thẻ My Number. Vui lòng mang thẻ theo và quay lại.
g-not-offered = Nơi này không làm thủ tục "{ $service }". Vui lòng đến { $office }.
g-not-offered-nowhere = Nơi này không tiếp nhận thủ tục này. Vui lòng hỏi tại Phòng Thị dân (市民課) của văn phòng quận.
office-address = Địa chỉ: { $address }
offer-ticket = Lấy số thứ tự: { $service }
offer-question = Hỏi nhân viên (lấy số thứ tự)

## Notes shown with the ticket
note-pasid = Nhân viên sẽ in đơn đăng ký đã điền sẵn họ tên và địa chỉ từ giấy tờ tùy thân của bạn.
note-blank-form = Quầy này in đơn đăng ký cấp thẻ từ hệ thống đăng ký cư trú. Sau đó bạn sẽ được hướng dẫn đến quầy đăng ký.
note-no-postcard = Nếu không có bưu thiếp, nhân viên sẽ giải thích cách nhận thẻ.
note-no-id = Nếu không có giấy tờ tùy thân, bạn sẽ nhận thẻ tại quầy vào lần sau.
note-pickup-no-id = Nếu không có giấy tờ tùy thân, nhân viên sẽ xem bạn có thể dùng giấy tờ nào khác.
note-pickup-no-card = Vui lòng cho nhân viên biết thẻ hiện tại để ở nhà hay đã bị mất.
note-lost-card = Nhân viên sẽ hướng dẫn cách khóa thẻ bị mất và đăng ký cấp lại thẻ.
note-form-for-id = Quầy này in đơn đăng ký cho bạn. Mã số đơn đăng ký có ghi trên đơn.

## Confirm and needs
confirm-title = Lấy số thứ tự cho thủ tục này
confirm-service = Thủ tục: { $service }
needs-title = Hãy chọn nếu bạn cần giúp đỡ (không có thì bỏ qua)
need-braille = Đơn đăng ký dùng chữ ký chữ nổi
need-wheelchair = Xe lăn
need-written = Trao đổi bằng chữ viết
need-interpreter = Phiên dịch
need-help = Xin hãy giúp tôi
need-other = Việc khác (tôi sẽ nói tại quầy)
confirm-button = Lấy số thứ tự
issuing = Đang cấp số thứ tự…

## Ticket
ticket-title = Số của bạn
ticket-ahead = Người đang chờ trước bạn: { $count }
ticket-eta = Thời gian chờ dự kiến: khoảng { $range } phút
# Nobody ahead: instead of a wait of 0–0 minutes.
ticket-eta-next = Bạn là người tiếp theo.
ticket-bring = Hãy chuẩn bị sẵn
ticket-qr = Quét mã QR để xem thứ tự của bạn
ticket-printing = Đang in phiếu số thứ tự…
ticket-printed = Vui lòng lấy phiếu số thứ tự.
ticket-print-failed = Không in được phiếu, nhưng số của bạn đã được đăng ký. Vui lòng cho nhân viên ở quầy xem màn hình này.
ticket-done = Xong
ticket-needs = Cần giúp đỡ
ticket-footer = Thành phố Kitakyushu · Quầy thẻ My Number · Khi số của bạn được gọi, vui lòng đến quầy

## Failure screens
offline-title = Máy này hiện không sử dụng được
offline-body = Vui lòng đến { $place }. Nhân viên sẽ hướng dẫn bạn.
place-on-floor = { $place } ({ $floor })
closed-title = Hiện không phải giờ tiếp nhận
closed-next = Mở lại lúc: { $when }
closed-unknown = Vui lòng xem thông báo ở quầy để biết giờ tiếp nhận.

## Idle
idle-title = Bạn vẫn đang sử dụng chứ?
idle-body = Sẽ quay về màn hình đầu sau { $seconds } giây.
idle-continue = Tiếp tục

## Ward offices a branch office sends visitors to (office-<site id>)
office-moji = Văn phòng quận Moji (門司区役所)
office-kokurakita = Văn phòng quận Kokurakita (小倉北区役所)
office-kokuraminami = Văn phòng quận Kokuraminami (小倉南区役所)
office-wakamatsu = Văn phòng quận Wakamatsu (若松区役所)
office-yahatahigashi = Văn phòng quận Yahatahigashi (八幡東区役所)
office-yahatanishi = Văn phòng quận Yahatanishi (八幡西区役所)
office-tobata = Văn phòng quận Tobata (戸畑区役所)

# Issued from the kiosk's lease while the server was unreachable
ticket-wait-unknown = Chưa biết thời gian chờ.
ticket-offline-printed = Phát khi hệ thống mất kết nối; nhân viên quầy đã biết.
ticket-offline-known = Máy này không kết nối được với hệ thống của cơ quan nên đã cấp cho bạn một số dự phòng. Nhân viên quầy biết các số này và sẽ gọi bạn theo thứ tự.
offline-lease-out = Máy này không kết nối được với hệ thống của cơ quan và đã hết số cho thủ tục này. Vui lòng đến { $place }. Nhân viên sẽ hướng dẫn bạn.

# Layout: progress, the low-reach toggle, the waiting count and estimate on a purpose
progress-step = Bước { $step }/{ $total }
low-reach = Nút ở phía dưới
purpose-wait-count = { $count } người đang chờ
purpose-wait-eta = khoảng { $range } phút
# Nobody waiting for the service.
purpose-wait-none = không phải chờ
# An estimated wait as a range of minutes ($range in the wait texts), e.g. 10–20.
wait-range = { $low }–{ $high }

## Speech and keypad mode (said, not shown; the braille offer is shown too)
speech-start = Đã bật hướng dẫn bằng giọng nói. Bấm một số để chọn. Phím sao để nghe lại, số không để gọi nhân viên, phím chấm để quay lại, phím cộng và trừ để chỉnh âm lượng, phím gạch chéo để nghe giải thích các phím.
speech-help = Hướng dẫn các phím. Bấm một số để chọn mục có số đó; khi có hơn chín mục, bấm chín để nghe thêm. Phím mũi tên để di chuyển giữa các mục, phím Enter để chọn mục đang ở. Phím sao để nghe lại màn hình. Phím chấm, Backspace hoặc phím thăng để quay lại. Số không để gọi nhân viên. Phím cộng và trừ để tăng hoặc giảm âm lượng. Sau hướng dẫn này, phím cộng và trừ để nói nhanh hơn hoặc chậm hơn.
speech-choice = Phím { $key }: { $label }
speech-choice-detail = Phím { $key }: { $label }, { $detail }
speech-lang-choice = { $lang }, bấm { $key }
speech-on = đã chọn
speech-off = chưa chọn
speech-more = Phím { $key }: thêm lựa chọn
speech-first-page = Phím { $key }: quay lại các lựa chọn đầu
speech-focus = Phím Enter để chọn: { $label }
speech-no-choice = Không có mục số { $key }. Bấm phím sao để nghe lại.
speech-nothing-to-choose = Ở đây không có gì để chọn. Bấm phím sao để nghe lại.
speech-no-back = Không thể quay lại từ đây.
speech-volume = Âm lượng { $level } trên 10
speech-rate = Tốc độ { $percent } phần trăm
speech-any-key = Bấm phím bất kỳ để tiếp tục.
speech-ticket-number = Số của bạn là { $letter }, { $number }.
speech-ticket-number-only = Số của bạn là { $number }.
speech-ticket-place = Bạn sẽ được gọi tại { $place }.
speech-floor = tầng { $floor }
# A range of minutes said aloud (the screen writes 10–20).
speech-range = { $low } đến { $high }
speech-ticket-place-floor = Bạn sẽ được gọi tại { $place }, { $floor }.
speech-list = { $title }: { $items }
braille-title = Đơn đăng ký dùng chữ ký chữ nổi
braille-body = Có mẫu đơn đăng ký mà bạn có thể ký tên bằng chữ nổi; nếu bạn muốn, nhân viên sẽ mang đến và giúp bạn. Bạn có muốn dùng mẫu đơn này không?
braille-yes = Có, tôi muốn dùng
braille-no = Không, tiếp tục

## Bookings (issue 16)
purpose-booking = Tôi đã đặt lịch hẹn
booking-title = Hãy nhập số đặt lịch của bạn
booking-hint = Nhập số đặt lịch trong email xác nhận hoặc phiếu hẹn, hoặc đưa mã vạch, mã QR vào máy quét.
booking-erase = Xóa một ký tự
booking-clear = Xóa hết
booking-submit = Đăng ký bằng số này
booking-checking = Đang kiểm tra lịch hẹn của bạn…
booking-refused-title = Không thể nhận lịch hẹn của bạn
booking-unknown = Không tìm thấy số đặt lịch { $reference }. Hãy kiểm tra lại số và nhập lại.
booking-used = Lịch hẹn này đã được cấp phiếu số rồi. Nếu bạn làm mất phiếu, hãy gọi nhân viên.
booking-other-site = Lịch hẹn này là của { $office }. Hãy đến { $office }.
booking-other-site-unnamed = Lịch hẹn này là của một văn phòng khác. Hãy xem địa điểm trong email xác nhận.
booking-late = Đã quá giờ hẹn của bạn. Hãy lấy phiếu số thông thường.
booking-not-today = Lịch hẹn này không phải hôm nay. Hãy đến vào ngày hẹn, hoặc lấy phiếu số thông thường.
booking-offline = Mất kết nối nên hiện không thể kiểm tra lịch hẹn. Hãy lấy phiếu số thông thường.
booking-retype = Nhập lại
booking-normal = Lấy phiếu số thông thường
ticket-booking-slot = Lịch hẹn { $start }–{ $end }
ticket-booking-call = Được gọi từ khoảng { $time }
speech-booking = Hãy nhập số đặt lịch bằng các phím số, rồi nhấn Enter. Phím chấm xóa ký tự cuối. Ở màn hình này, số không cũng là một chữ số.
speech-booking-now = Đã nhập: { $typed }
speech-booking-empty = Bạn chưa nhập gì.
speech-hyphen = gạch nối
