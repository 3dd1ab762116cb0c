# madoguchi kiosk — 한국어

## Screen chrome
home-title = 마이넘버 카드 창구
home-choose = 언어를 선택해 주세요
home-speech = 음성 안내: 숫자 키패드의 아무 키나 누르세요.
back = 뒤로
language = 언어
call-staff = 직원 호출
call-staff-offline = 지금은 직원 호출 불가
staff-coming = 직원이 곧 옵니다. 여기서 기다려 주세요.
staff-call-failed = 직원을 호출하지 못했습니다. 가까운 창구에 말씀해 주세요.
large-text = 큰 글자
loading = 준비 중입니다. 잠시만 기다려 주세요.

## Purpose
purpose-title = 용건을 선택해 주세요
purpose-waiting = 대기 { $count }명 · 약 { $range }분
purpose-none = 지금 이 창구에서 접수하는 용건이 없습니다. 직원에게 말씀해 주세요.
purpose-elsewhere = { $office }에서 접수
purpose-pickup = 마이넘버 카드 수령
purpose-apply = 마이넘버 카드 신청 (신규・갱신・재발급)
purpose-express = 특급 발행
purpose-ecert = 전자증명서 갱신
purpose-face = 카드 기재 사항 변경 (주소 등)
purpose-pin = 비밀번호 재설정
purpose-overseas = 해외 전출 절차
purpose-lost = 마이넘버 카드를 잃어버렸다
purpose-inquiry = 문의・상담

## Service names (also read by the waiting-room display)
service-pickup = 카드 수령
service-apply = 카드 신청 (우편 수령)
service-assist = 카드 신청 (태블릿 지원)
service-express = 특급 발행
service-online = 온라인 창구
service-ecert = 전자증명서 갱신
service-face = 카드 기재 사항 변경
service-overseas = 해외 전출자 절차
service-form = 교부 신청서 발행
service-pin = 비밀번호 재설정
service-inquiry = 문의
service-city = 시민과 직원 창구

## Documents to have ready
doc-notice-postcard = 교부 통지서 (엽서)
doc-photo-id = 본인 확인 서류 (운전면허증, 여권, 재류카드 등)
doc-current-card = 지금 가지고 있는 마이넘버 카드
doc-notification-card = 통지 카드 (있는 분)
doc-residence-card = 재류카드 또는 특별영주자 증명서 (있는 분)
doc-application-form = 교부 신청서
doc-photo = 얼굴 사진 (있는 분. 여기서도 촬영할 수 있습니다)
doc-application-id = 신청서 ID
doc-passport = 여권
doc-pin = 비밀번호 (기억해 오세요)

## Triage questions and answers
answer-yes = 예
answer-no = 아니요
q-pickup-bring = 다음을 가져오셨습니까? 교부 통지서(엽서, 交付通知書), 본인 확인 서류(운전면허증, 재류카드 등), 지금 가지고 있는 마이넘버 카드(있는 분만).
answer-pickup-all = 예, 모두 있습니다
answer-no-postcard = 엽서가 없습니다
answer-pickup-no-id = 본인 확인 서류가 없습니다
answer-pickup-no-card = 지금 카드를 가져오지 않았습니다
q-resident = 주민표 주소가 이 구(또는 이 출장소 지역)에 있습니까?
q-have-card = 이미 마이넘버 카드를 가지고 계십니까? (갱신・재발급)
q-licence = 마이넘버 카드를 운전면허증(マイナ免許証)으로 사용하고 있고, 앞으로도 계속 사용하고 싶으십니까?
q-smartphone = 본인의 스마트폰으로 신청할 수 있습니까?
q-application-id = 신청서 ID를 가지고 계십니까? (갱신 안내문이나 신청서에 적혀 있습니다)
q-form = 교부 신청서를 가지고 계십니까?
q-pasid-id = 다음 중 하나를 가지고 계십니까? 마이넘버 카드, 재류카드, 특별영주자 증명서, 운전면허증, 운전경력 증명서
q-photo-id = 본인 확인 서류(운전면허증, 여권, 재류카드 등)를 가져오셨습니까?
q-method = 카드를 어떻게 받으시겠습니까?
answer-method-mail = 집으로 우편 발송
answer-method-visit = 나중에 여기로 받으러 오기
q-bring-card = 마이넘버 카드를 가져오셨습니까?
answer-card-at-home = 아니요, 집에 있습니다
answer-card-lost = 카드를 잃어버렸습니다

## Guidance (no ticket needed)
guidance-title = 안내
guidance-ok = 알겠습니다
g-not-resident = 신청은 주민표가 있는 구의 구청에서 할 수 있습니다. 스마트폰이나 컴퓨터로 온라인 신청, 또는 우편 신청도 가능합니다.
g-licence-online = 마이넘버 카드를 운전면허증으로 계속 사용하실 분은 본인의 스마트폰으로 '개인번호카드 온라인 신청 사이트'에서 신청해 주세요. 번호표는 필요 없습니다.
g-no-application-id = 온라인 창구에는 신청서 ID(申請書ID)가 필요합니다. 아래 번호표를 받아 주세요. 그 창구에서 ID가 적힌 신청서를 인쇄합니다.
g-bring-card = 이 절차에는 마이넘버 카드가 필요합니다. 카드를 가지고 다시 와 주세요.
g-not-offered = "{ $service }"은(는) 이곳에서 할 수 없습니다. { $office }(으)로 가 주세요.
g-not-offered-nowhere = 이 용건은 여기에서 접수하지 않습니다. 구청 시민과에 문의해 주세요.
office-address = 주소: { $address }
offer-ticket = 번호표 받기: { $service }
offer-question = 직원에게 문의 (번호표 받기)

## Notes shown with the ticket
note-pasid = 가지고 계신 신분증으로 이름과 주소가 인쇄된 신청서를 만들어 드립니다.
note-blank-form = 이 창구에서 주민 기록 시스템으로 교부 신청서를 인쇄합니다. 그 후 신청 창구로 안내해 드립니다.
note-no-postcard = 엽서가 없는 경우, 직원이 카드 수령 방법을 안내해 드립니다.
note-no-id = 본인 확인 서류가 없는 경우, 카드는 나중에 창구에서 받게 됩니다.
note-pickup-no-id = 본인 확인 서류가 없으면, 대신 쓸 수 있는 서류를 직원이 확인합니다.
note-pickup-no-card = 지금 카드가 집에 있는지, 잃어버렸는지 직원에게 알려 주세요.
note-lost-card = 잃어버린 카드의 이용 정지와 재발급 신청 방법을 직원이 안내해 드립니다.
note-form-for-id = 이 창구에서 교부 신청서를 인쇄합니다. 신청서 ID는 그 신청서에 적혀 있습니다.

## Confirm and needs
confirm-title = 이 내용으로 번호표를 받습니다
confirm-service = 용건: { $service }
needs-title = 도움이 필요하면 선택해 주세요 (없으면 그대로 진행하셔도 됩니다)
need-braille = 점자 서명용 교부 신청서
need-wheelchair = 휠체어
need-written = 필담
need-interpreter = 통역
need-help = 도와주세요
need-other = 기타 (창구에서 말씀하겠습니다)
confirm-button = 번호표 받기
issuing = 번호표를 발행하고 있습니다…

## Ticket
ticket-title = 고객님의 번호
ticket-ahead = 앞에 기다리는 사람: { $count }명
ticket-eta = 예상 대기 시간: 약 { $range }분
# Nobody ahead: instead of a wait of 0–0 minutes.
ticket-eta-next = 다음 차례입니다.
ticket-bring = 준비해 주세요
ticket-qr = QR 코드로 순서를 확인할 수 있습니다
ticket-printing = 번호표를 인쇄하고 있습니다…
ticket-printed = 번호표를 가져가세요.
ticket-print-failed = 번호표를 인쇄하지 못했지만 번호는 접수되었습니다. 이 화면을 창구 직원에게 보여 주세요.
ticket-done = 끝내기
ticket-needs = 필요한 도움
ticket-footer = 기타큐슈시 마이넘버 카드 창구 · 번호가 호출되면 창구로 와 주세요

## Failure screens
offline-title = 지금은 접수기를 사용할 수 없습니다
offline-body = { $place }(으)로 가 주세요. 직원이 안내해 드립니다.
place-on-floor = { $place } ({ $floor })
closed-title = 지금은 접수 시간이 아닙니다
closed-next = 다음 접수 시작: { $when }
closed-unknown = 접수 시간은 창구의 게시물을 확인해 주세요.

## Idle
idle-title = 계속 사용하시겠습니까?
idle-body = { $seconds }초 후에 처음 화면으로 돌아갑니다.
idle-continue = 계속

## Ward offices a branch office sends visitors to (office-<site id>)
office-moji = 모지구청 (門司区役所)
office-kokurakita = 고쿠라키타구청 (小倉北区役所)
office-kokuraminami = 고쿠라미나미구청 (小倉南区役所)
office-wakamatsu = 와카마쓰구청 (若松区役所)
office-yahatahigashi = 야하타히가시구청 (八幡東区役所)
office-yahatanishi = 야하타니시구청 (八幡西区役所)
office-tobata = 도바타구청 (戸畑区役所)

# Issued from the kiosk's lease while the server was unreachable
ticket-wait-unknown = 대기 시간은 아직 알 수 없습니다.
ticket-offline-printed = 시스템 중단 중에 발급되었습니다. 창구 직원이 알고 있습니다.
ticket-offline-known = 이 발권기는 청사 시스템에 연결되지 않아 예비 번호를 드렸습니다. 창구 직원이 이 번호를 알고 있으며 순서대로 호출합니다.
offline-lease-out = 이 발권기는 청사 시스템에 연결되지 않으며 이 업무의 번호가 더 이상 없습니다. { $place }(으)로 가 주세요. 직원이 안내해 드립니다.

# Layout: progress, the low-reach toggle, the waiting count and estimate on a purpose
progress-step = { $total }단계 중 { $step }단계
low-reach = 버튼을 아래로
purpose-wait-count = 대기 { $count }명
purpose-wait-eta = 약 { $range }분
# Nobody waiting for the service.
purpose-wait-none = 대기 없음
# An estimated wait as a range of minutes ($range in the wait texts), e.g. 10–20.
wait-range = { $low }~{ $high }

## Speech and keypad mode (said, not shown; the braille offer is shown too)
speech-start = 음성 안내를 시작합니다. 숫자 키로 선택합니다. 별표 키는 다시 듣기, 0은 직원 호출, 점 키는 뒤로 가기, 더하기와 빼기는 음량 조절, 슬래시 키는 키 설명입니다.
speech-help = 키 설명입니다. 숫자 키를 누르면 그 번호의 항목을 선택합니다. 항목이 아홉 개보다 많으면 9를 눌러 더 들을 수 있습니다. 화살표 키로 항목 사이를 이동하고 Enter 키로 선택합니다. 별표 키는 화면을 다시 읽습니다. 점 키, 백스페이스 또는 샵 키는 뒤로 갑니다. 0은 직원을 부릅니다. 더하기와 빼기로 음량을 높이거나 낮춥니다. 이 설명 뒤에는 더하기와 빼기로 말하는 속도를 빠르게 또는 느리게 할 수 있습니다.
speech-choice = { $key }번: { $label }
speech-choice-detail = { $key }번: { $label }, { $detail }
speech-lang-choice = { $lang }는 { $key }번
speech-on = 선택됨
speech-off = 선택 안 됨
speech-more = { $key }번: 다른 항목
speech-first-page = { $key }번: 처음 항목으로
speech-focus = Enter 키로 선택: { $label }
speech-no-choice = { $key }번 항목은 없습니다. 별표 키로 다시 들을 수 있습니다.
speech-nothing-to-choose = 여기에는 선택할 항목이 없습니다. 별표 키로 다시 들을 수 있습니다.
speech-no-back = 여기서는 뒤로 갈 수 없습니다.
speech-volume = 음량 { $level }, 최대 10
speech-rate = 속도 { $percent }퍼센트
speech-any-key = 계속하려면 아무 키나 누르세요.
speech-ticket-number = 번호는 { $letter } { $number }번입니다.
speech-ticket-number-only = 번호는 { $number }번입니다.
speech-ticket-place = { $place }에서 부릅니다.
speech-floor = { $floor }층
# A range of minutes said aloud (the screen writes 10~20).
speech-range = { $low }에서 { $high }
speech-ticket-place-floor = { $floor } { $place }에서 부릅니다.
speech-list = { $title }: { $items }
braille-title = 점자 서명용 교부 신청서
braille-body = 점자로 이름을 쓸 수 있는 신청서가 있습니다. 원하시면 직원이 가져다드리고 도와드립니다. 이 신청서를 사용하시겠습니까?
braille-yes = 예, 사용하겠습니다
braille-no = 아니요, 계속합니다

## Bookings (issue 16)
purpose-booking = 예약했습니다
booking-title = 예약 번호를 입력해 주세요
booking-hint = 예약 확인 메일이나 예약표에 있는 예약 번호를 입력하거나, 바코드·QR 코드를 스캐너에 대 주세요.
booking-erase = 한 글자 지우기
booking-clear = 모두 지우기
booking-submit = 이 번호로 접수
booking-checking = 예약을 확인하고 있습니다…
booking-refused-title = 예약을 접수하지 못했습니다
booking-unknown = 예약 번호 "{ $reference }"을(를) 찾을 수 없습니다. 번호를 확인하고 다시 입력해 주세요.
booking-used = 이 예약으로 이미 번호표가 발급되었습니다. 번호표를 잃어버렸다면 직원을 불러 주세요.
booking-other-site = 이 예약은 { $office }의 예약입니다. { $office }(으)로 가 주세요.
booking-other-site-unnamed = 이 예약은 다른 창구의 예약입니다. 예약 확인 메일에서 장소를 확인해 주세요.
booking-late = 예약 시간이 지났습니다. 일반 번호표를 받아 주세요.
booking-not-today = 이 예약은 오늘 예약이 아닙니다. 예약한 날에 와 주세요. 일반 번호표도 받을 수 있습니다.
booking-offline = 통신이 끊겨 지금은 예약을 확인할 수 없습니다. 일반 번호표를 받아 주세요.
booking-retype = 다시 입력하기
booking-normal = 일반 번호표 받기
ticket-booking-slot = 예약 { $start }–{ $end }
ticket-booking-call = { $time }쯤부터 호출합니다
speech-booking = 숫자 키로 예약 번호를 입력하고 엔터 키를 눌러 주세요. 점 키로 마지막 글자를 지웁니다. 이 화면에서는 0도 숫자입니다.
speech-booking-now = 입력한 번호: { $typed }
speech-booking-empty = 아직 아무것도 입력하지 않았습니다.
speech-hyphen = 하이픈
