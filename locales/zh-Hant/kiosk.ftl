# madoguchi kiosk — 繁體中文

## Screen chrome
home-title = 個人編號卡窗口
home-choose = 請選擇語言
home-speech = 語音引導：請按數字鍵盤上的任意鍵。
back = 返回
language = 語言
call-staff = 呼叫工作人員
call-staff-offline = 目前無法呼叫工作人員
staff-coming = 工作人員馬上就來，請在這裡稍候。
staff-call-failed = 未能呼叫工作人員。請向附近的窗口詢問。
large-text = 大字
loading = 正在準備，請稍候。

## Purpose
purpose-title = 請選擇您要辦理的事項
purpose-waiting = 等候 { $count } 人・約 { $range } 分鐘
purpose-none = 本窗口現在沒有可辦理的事項。請向工作人員詢問。
purpose-elsewhere = 請到{ $office }辦理
purpose-pickup = 領取個人編號卡
purpose-apply = 申請個人編號卡（新辦・更新・補辦）
purpose-express = 特急發行
purpose-ecert = 更新電子證明書
purpose-face = 變更卡上記載的資料（地址等）
purpose-pin = 重新設定密碼
purpose-overseas = 移居國外的手續
purpose-lost = 個人編號卡弄丟了
purpose-inquiry = 諮詢

## Service names (also read by the waiting-room display)
service-pickup = 領取個人編號卡
service-apply = 申請（卡片郵寄到家）
service-assist = 申請（平板電腦協助）
service-express = 加急發卡
service-online = 線上窗口
service-ecert = 電子證明書更新
service-face = 變更卡上記載的資料
service-overseas = 移居國外者的手續
service-form = 列印交付申請書
service-pin = 重新設定密碼
service-inquiry = 諮詢
service-city = 市民課職員窗口

## Documents to have ready
doc-notice-postcard = 交付通知書（明信片）
doc-photo-id = 身分證明文件（駕照、護照、在留卡等）
doc-current-card = 您現在的個人編號卡
doc-notification-card = 通知卡（如有）
doc-residence-card = 在留卡或特別永住者證明書（如有）
doc-application-form = 交付申請書
doc-photo = 照片（如有；也可以在這裡拍攝）
doc-application-id = 申請書ID
doc-passport = 護照
doc-pin = 密碼（請記住）

## Triage questions and answers
answer-yes = 是
answer-no = 否
q-pickup-bring = 您帶了以下物品嗎？交付通知書（明信片）、身分證明文件（駕照、在留卡等）、目前持有的個人編號卡（如有）。
answer-pickup-all = 是的，都帶了
answer-no-postcard = 沒有明信片
answer-pickup-no-id = 沒有身分證明文件
answer-pickup-no-card = 沒帶目前的卡
q-resident = 您的住民票地址在本區（或本辦事處的轄區）嗎？
q-have-card = 您已經有個人編號卡了嗎？（更新或補辦）
q-licence = 您是否把個人編號卡當作駕照使用（マイナ免許証），並希望繼續使用？
q-smartphone = 您能用自己的智慧型手機申請嗎？
q-application-id = 您有申請書ID嗎？（寫在更新通知或申請書上）
q-form = 您有交付申請書嗎？
q-pasid-id = 您是否帶了以下任何一種：個人編號卡、在留卡、特別永住者證明書、駕照、駕駛經歷證明書？
q-photo-id = 您帶了身分證明文件（駕照、護照、在留卡等）嗎？
q-method = 您希望如何領取卡片？
answer-method-mail = 郵寄到家
answer-method-visit = 以後再來這裡領取
q-bring-card = 您帶了個人編號卡嗎？
answer-card-at-home = 沒有，放在家裡
answer-card-lost = 卡弄丟了

## Guidance (no ticket needed)
guidance-title = 說明
guidance-ok = 我明白了
g-not-resident = 請到您住民票所在區的區役所申請。也可以用智慧型手機或電腦線上申請，或者郵寄申請。
g-licence-online = 希望繼續把卡當作駕照使用的人，請用自己的智慧型手機在「個人編號卡線上申請網站」申請。不需要排隊號碼牌。
g-no-application-id = 使用線上窗口需要申請書ID。請領取下面的號碼牌：該窗口會列印寫有申請書ID的交付申請書。
g-bring-card = 辦理這項手續需要個人編號卡。請帶卡後再來。
g-not-offered = 本窗口不辦理「{ $service }」。請到{ $office }辦理。
g-not-offered-nowhere = 本窗口不辦理這項手續。請到區役所市民課詢問。
office-address = 地址：{ $address }
offer-ticket = 領取號碼牌：{ $service }
offer-question = 向工作人員諮詢（領取號碼牌）

## Notes shown with the ticket
note-pasid = 工作人員會根據您的證件，列印已填好姓名和地址的申請書。
note-blank-form = 這個窗口會從居民登記系統列印您的交付申請書。之後會帶您去申請窗口。
note-no-postcard = 沒有明信片時，工作人員會說明領取卡片的方法。
note-no-id = 沒有身分證明文件時，卡片將在以後到窗口領取。
note-pickup-no-id = 沒有身分證明文件時，工作人員會確認可以使用哪些其他文件。
note-pickup-no-card = 請告訴工作人員，目前的卡是放在家裡還是弄丟了。
note-lost-card = 工作人員會說明如何停用遺失的卡，以及如何申請補發。
note-form-for-id = 這個窗口會為您列印交付申請書。申請書ID寫在申請書上。

## Confirm and needs
confirm-title = 按以下內容領取號碼牌
confirm-service = 事項：{ $service }
needs-title = 如需協助請選擇（不需要可以直接略過）
need-braille = 點字簽名用交付申請書
need-wheelchair = 輪椅
need-written = 筆談
need-interpreter = 口譯
need-help = 請幫助我
need-other = 其他（在窗口說明）
confirm-button = 領取號碼牌
issuing = 正在發行號碼牌…

## Ticket
ticket-title = 您的號碼
ticket-ahead = 您前面還有：{ $count } 人
ticket-eta = 預計等候時間：約 { $range } 分鐘
# Nobody ahead: instead of a wait of 0–0 minutes.
ticket-eta-next = 下一位就是您。
ticket-bring = 請準備好
ticket-qr = 掃描QR碼可以查看排隊情況
ticket-printing = 正在列印號碼牌…
ticket-printed = 請取走號碼牌。
ticket-print-failed = 號碼牌未能列印，但您的號碼已登記。請把這個畫面給窗口的工作人員看。
ticket-done = 完成
ticket-needs = 需要的協助
ticket-footer = 北九州市 個人編號卡窗口 ・ 叫到您的號碼時請到窗口

## Failure screens
offline-title = 本機現在無法使用
offline-body = 請到{ $place }。工作人員會為您說明。
place-on-floor = { $place }（{ $floor }）
closed-title = 現在是受理時間以外
closed-next = 下次受理開始：{ $when }
closed-unknown = 受理時間請查看窗口的公告。

## Idle
idle-title = 您還在使用嗎？
idle-body = { $seconds } 秒後返回初始畫面。
idle-continue = 繼續

## Ward offices a branch office sends visitors to (office-<site id>)
office-moji = 門司區役所（門司区役所）
office-kokurakita = 小倉北區役所（小倉北区役所）
office-kokuraminami = 小倉南區役所（小倉南区役所）
office-wakamatsu = 若松區役所（若松区役所）
office-yahatahigashi = 八幡東區役所（八幡東区役所）
office-yahatanishi = 八幡西區役所（八幡西区役所）
office-tobata = 戶畑區役所（戸畑区役所）

# Issued from the kiosk's lease while the server was unreachable
ticket-wait-unknown = 等候時間暫時無法得知。
ticket-offline-printed = 系統離線時發放；窗口工作人員已知悉。
ticket-offline-known = 本取號機無法連線政府系統，因此為您發放了備用號碼。窗口工作人員知道這些號碼，會依序叫號。
offline-lease-out = 本取號機無法連線政府系統，此業務的號碼已用完。請到{ $place }。工作人員會為您說明。

# Layout: progress, the low-reach toggle, the waiting count and estimate on a purpose
progress-step = 第 { $step } 步，共 { $total } 步
low-reach = 按鈕移到下方
purpose-wait-count = 等候 { $count } 人
purpose-wait-eta = 約 { $range } 分鐘
# Nobody waiting for the service.
purpose-wait-none = 無需等候
# An estimated wait as a range of minutes ($range in the wait texts), e.g. 10–20.
wait-range = { $low }–{ $high }

## Speech and keypad mode (said, not shown; the braille offer is shown too)
speech-start = 語音導覽已開啟。按數字鍵選擇。星號鍵重聽，零鍵呼叫工作人員，小數點鍵返回，加號和減號調整音量，斜線鍵說明各個按鍵。
speech-help = 按鍵說明。按數字鍵選擇對應編號的項目；項目超過九個時，按九聽更多。方向鍵在項目之間移動，Enter 鍵選擇目前的項目。星號鍵重聽本頁。小數點鍵、退格鍵或井字鍵返回。零鍵呼叫工作人員。加號和減號調大或調小音量。聽完本說明後，加號和減號可調快或調慢語速。
speech-choice = 按{ $key }：{ $label }
speech-choice-detail = 按{ $key }：{ $label }，{ $detail }
speech-lang-choice = { $lang }請按{ $key }
speech-on = 已選擇
speech-off = 未選擇
speech-more = 按{ $key }：更多選項
speech-first-page = 按{ $key }：回到最初的選項
speech-focus = 按 Enter 鍵選擇：{ $label }
speech-no-choice = 沒有第{ $key }項。按星號鍵重聽。
speech-nothing-to-choose = 這裡沒有可選的項目。按星號鍵重聽。
speech-no-back = 這裡不能返回。
speech-volume = 音量{ $level }，最大10
speech-rate = 語速百分之{ $percent }
speech-any-key = 要繼續，請按任意鍵。
speech-ticket-number = 您的號碼是{ $letter }{ $number }號。
speech-ticket-number-only = 您的號碼是{ $number }號。
speech-ticket-place = 屆時將在{ $place }叫號。
speech-floor = { $floor }樓
# A range of minutes said aloud (the screen writes 10–20).
speech-range = { $low }到{ $high }
speech-ticket-place-floor = 屆時將在{ $floor }{ $place }叫號。
speech-list = { $title }：{ $items }
braille-title = 點字簽名用交付申請書
braille-body = 有一種可以用點字簽名的申請書；如有需要，工作人員會送到您身邊並協助您填寫。您要使用這種申請書嗎？
braille-yes = 是，我要使用
braille-no = 不用，繼續

## Bookings (issue 16)
purpose-booking = 我有預約
booking-title = 請輸入預約號碼
booking-hint = 請輸入預約確認郵件或預約單上的預約號碼，或將條碼、QR碼對準掃描器。
booking-erase = 刪除一個字
booking-clear = 全部刪除
booking-submit = 用此號碼報到
booking-checking = 正在確認您的預約…
booking-refused-title = 無法辦理預約報到
booking-unknown = 找不到預約號碼「{ $reference }」。請確認號碼後重新輸入。
booking-used = 此預約已經取過號碼牌。如果號碼牌遺失，請呼叫工作人員。
booking-other-site = 此預約是{ $office }的預約。請前往{ $office }。
booking-other-site-unnamed = 此預約是其他窗口的預約。請在預約確認郵件中確認地點。
booking-late = 您的預約時間已過。請領取一般號碼牌。
booking-not-today = 此預約不是今天的。請在預約當天前來，也可以領取一般號碼牌。
booking-offline = 網路連線中斷，現在無法確認預約。請領取一般號碼牌。
booking-retype = 重新輸入
booking-normal = 領取一般號碼牌
ticket-booking-slot = 預約 { $start }–{ $end }
ticket-booking-call = 約 { $time } 起叫號
speech-booking = 請用數字鍵輸入預約號碼，然後按確認鍵。按點鍵刪除最後一個字。在此畫面，零也是數字。
speech-booking-now = 已輸入：{ $typed }
speech-booking-empty = 還沒有輸入任何內容。
speech-hyphen = 橫線
