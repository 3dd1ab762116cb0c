# madoguchi kiosk — 简体中文

## Screen chrome
home-title = 个人编号卡窗口
home-choose = 请选择语言
home-speech = 语音引导：请按数字键盘上的任意键。
back = 返回
language = 语言
call-staff = 呼叫工作人员
call-staff-offline = 目前无法呼叫工作人员
staff-coming = 工作人员马上就来，请在这里稍候。
staff-call-failed = 未能呼叫工作人员。请向附近的窗口询问。
large-text = 大字
loading = 正在准备，请稍候。

## Purpose
purpose-title = 请选择您要办理的事项
purpose-waiting = 等候 { $count } 人・约 { $range } 分钟
purpose-none = 本窗口现在没有可办理的事项。请向工作人员询问。
purpose-elsewhere = 请到{ $office }办理
purpose-pickup = 领取个人编号卡
purpose-apply = 申请个人编号卡（新办・更新・补办）
purpose-express = 特急发行
purpose-ecert = 更新电子证明书
purpose-face = 更改卡上记载的信息（地址等）
purpose-pin = 重新设定密码
purpose-overseas = 移居国外的手续
purpose-lost = 个人编号卡丢了
purpose-inquiry = 咨询

## Service names (also read by the waiting-room display)
service-pickup = 领取个人编号卡
service-apply = 申请（卡片邮寄到家）
service-assist = 申请（平板电脑协助）
service-express = 加急发卡
service-online = 在线窗口
service-ecert = 电子证明书更新
service-face = 更改卡上记载的信息
service-overseas = 移居国外者的手续
service-form = 打印交付申请书
service-pin = 重新设定密码
service-inquiry = 咨询
service-city = 市民课职员窗口

## Documents to have ready
doc-notice-postcard = 交付通知书（明信片）
doc-photo-id = 身份证明文件（驾驶证、护照、在留卡等）
doc-current-card = 您现在的个人编号卡
doc-notification-card = 通知卡（如有）
doc-residence-card = 在留卡或特别永住者证明书（如有）
doc-application-form = 交付申请书
doc-photo = 照片（如有；也可以在这里拍摄）
doc-application-id = 申请书ID
doc-passport = 护照
doc-pin = 密码（请记住）

## Triage questions and answers
answer-yes = 是
answer-no = 否
q-pickup-bring = 您带了以下物品吗？交付通知书（明信片）、身份证明文件（驾驶证、在留卡等）、现在持有的个人编号卡（如有）。
answer-pickup-all = 是的，都带了
answer-no-postcard = 没有明信片
answer-pickup-no-id = 没有身份证明文件
answer-pickup-no-card = 没带现在的卡
q-resident = 您的住民票地址在本区（或本办事处的辖区）吗？
q-have-card = 您已经有个人编号卡了吗？（更新或补办）
q-licence = 您是否把个人编号卡当作驾驶证使用（マイナ免許証），并希望继续使用？
q-smartphone = 您能用自己的智能手机申请吗？
q-application-id = 您有申请书ID吗？（写在更新通知或申请书上）
q-form = 您有交付申请书吗？
q-pasid-id = 您是否带了以下任意一种：个人编号卡、在留卡、特别永住者证明书、驾驶证、驾驶经历证明书？
q-photo-id = 您带了身份证明文件（驾驶证、护照、在留卡等）吗？
q-method = 您希望如何领取卡片？
answer-method-mail = 邮寄到家
answer-method-visit = 以后再来这里领取
q-bring-card = 您带了个人编号卡吗？
answer-card-at-home = 没有，放在家里
answer-card-lost = 卡丢了

## Guidance (no ticket needed)
guidance-title = 说明
guidance-ok = 我明白了
g-not-resident = 请到您住民票所在区的区役所申请。也可以用智能手机或电脑在线申请，或者邮寄申请。
g-licence-online = 希望继续把卡当作驾驶证使用的人，请用自己的智能手机在"个人编号卡在线申请网站"申请。不需要排队号码票。
g-no-application-id = 使用在线窗口需要申请书ID。请领取下面的号码票：该窗口会打印写有申请书ID的交付申请书。
g-bring-card = 办理这项手续需要个人编号卡。请带卡后再来。
g-not-offered = 本窗口不办理"{ $service }"。请到{ $office }办理。
g-not-offered-nowhere = 本窗口不办理这项手续。请到区役所市民课询问。
office-address = 地址：{ $address }
offer-ticket = 领取号码票：{ $service }
offer-question = 向工作人员咨询（领取号码票）

## Notes shown with the ticket
note-pasid = 工作人员会根据您的证件，打印已填好姓名和地址的申请书。
note-blank-form = 这个窗口会从居民登记系统打印您的交付申请书。之后会带您去申请窗口。
note-no-postcard = 没有明信片时，工作人员会说明领取卡片的方法。
note-no-id = 没有身份证明文件时，卡片将在以后到窗口领取。
note-pickup-no-id = 没有身份证明文件时，工作人员会确认可以使用哪些其他文件。
note-pickup-no-card = 请告诉工作人员，现在的卡是放在家里还是丢了。
note-lost-card = 工作人员会说明如何停用丢失的卡，以及如何申请补发。
note-form-for-id = 这个窗口会为您打印交付申请书。申请书ID写在申请书上。

## Confirm and needs
confirm-title = 按以下内容领取号码票
confirm-service = 事项：{ $service }
needs-title = 如需帮助请选择（不需要可以直接跳过）
need-braille = 点字签名用交付申请书
need-wheelchair = 轮椅
need-written = 笔谈
need-interpreter = 翻译
need-help = 请帮助我
need-other = 其他（在窗口说明）
confirm-button = 领取号码票
issuing = 正在发行号码票…

## Ticket
ticket-title = 您的号码
ticket-ahead = 您前面还有：{ $count } 人
ticket-eta = 预计等候时间：约 { $range } 分钟
# Nobody ahead: instead of a wait of 0–0 minutes.
ticket-eta-next = 下一位就是您。
ticket-bring = 请准备好
ticket-qr = 扫描二维码可以查看排队情况
ticket-printing = 正在打印号码票…
ticket-printed = 请取走号码票。
ticket-print-failed = 号码票未能打印，但您的号码已登记。请把这个画面给窗口的工作人员看。
ticket-done = 完成
ticket-needs = 需要的帮助
ticket-footer = 北九州市 个人编号卡窗口 ・ 叫到您的号码时请到窗口

## Failure screens
offline-title = 本机现在无法使用
offline-body = 请到{ $place }。工作人员会为您说明。
place-on-floor = { $place }（{ $floor }）
closed-title = 现在是受理时间以外
closed-next = 下次受理开始：{ $when }
closed-unknown = 受理时间请查看窗口的告示。

## Idle
idle-title = 您还在使用吗？
idle-body = { $seconds } 秒后返回初始画面。
idle-continue = 继续

## Ward offices a branch office sends visitors to (office-<site id>)
office-moji = 门司区役所（門司区役所）
office-kokurakita = 小仓北区役所（小倉北区役所）
office-kokuraminami = 小仓南区役所（小倉南区役所）
office-wakamatsu = 若松区役所
office-yahatahigashi = 八幡东区役所（八幡東区役所）
office-yahatanishi = 八幡西区役所
office-tobata = 户畑区役所（戸畑区役所）

# Issued from the kiosk's lease while the server was unreachable
ticket-wait-unknown = 等候时间暂时无法得知。
ticket-offline-printed = 系统离线时发放；窗口工作人员已知悉。
ticket-offline-known = 本取号机无法连接政府系统，因此为您发放了备用号码。窗口工作人员知道这些号码，会按顺序叫号。
offline-lease-out = 本取号机无法连接政府系统，此业务的号码已用完。请到{ $place }。工作人员会为您说明。

# Layout: progress, the low-reach toggle, the waiting count and estimate on a purpose
progress-step = 第 { $step } 步，共 { $total } 步
low-reach = 按钮移到下方
purpose-wait-count = 等候 { $count } 人
purpose-wait-eta = 约 { $range } 分钟
# Nobody waiting for the service.
purpose-wait-none = 无需等候
# An estimated wait as a range of minutes ($range in the wait texts), e.g. 10–20.
wait-range = { $low }–{ $high }

## Speech and keypad mode (said, not shown; the braille offer is shown too)
speech-start = 语音导航已开启。按数字键选择。星号键重听，零键呼叫工作人员，小数点键返回，加号和减号调节音量，斜杠键说明各个按键。
speech-help = 按键说明。按数字键选择对应编号的项目；项目超过九个时，按九听更多。方向键在项目之间移动，回车键选择当前项目。星号键重听本页。小数点键、退格键或井号键返回。零键呼叫工作人员。加号和减号调大或调小音量。听完本说明后，加号和减号可调快或调慢语速。
speech-choice = 按{ $key }：{ $label }
speech-choice-detail = 按{ $key }：{ $label }，{ $detail }
speech-lang-choice = { $lang }请按{ $key }
speech-on = 已选择
speech-off = 未选择
speech-more = 按{ $key }：更多选项
speech-first-page = 按{ $key }：回到最初的选项
speech-focus = 按回车键选择：{ $label }
speech-no-choice = 没有第{ $key }项。按星号键重听。
speech-nothing-to-choose = 这里没有可选的项目。按星号键重听。
speech-no-back = 这里不能返回。
speech-volume = 音量{ $level }，最大10
speech-rate = 语速百分之{ $percent }
speech-any-key = 要继续，请按任意键。
speech-ticket-number = 您的号码是{ $letter }{ $number }号。
speech-ticket-number-only = 您的号码是{ $number }号。
speech-ticket-place = 届时将在{ $place }叫号。
speech-floor = { $floor }楼
# A range of minutes said aloud (the screen writes 10–20).
speech-range = { $low }到{ $high }
speech-ticket-place-floor = 届时将在{ $floor }{ $place }叫号。
speech-list = { $title }：{ $items }
braille-title = 点字签名用交付申请书
braille-body = 有一种可以用盲文签名的申请书；如需要，工作人员会送到您身边并协助您填写。您要使用这种申请书吗？
braille-yes = 是，我要使用
braille-no = 不用，继续

## Bookings (issue 16)
purpose-booking = 我有预约
booking-title = 请输入预约号码
booking-hint = 请输入预约确认邮件或预约单上的预约号码，或将条形码、二维码对准扫描器。
booking-erase = 删除一个字
booking-clear = 全部删除
booking-submit = 用此号码签到
booking-checking = 正在确认您的预约…
booking-refused-title = 无法办理预约签到
booking-unknown = 找不到预约号码“{ $reference }”。请确认号码后重新输入。
booking-used = 此预约已经取过号码牌。如果号码牌丢失，请呼叫工作人员。
booking-other-site = 此预约是{ $office }的预约。请前往{ $office }。
booking-other-site-unnamed = 此预约是其他窗口的预约。请在预约确认邮件中确认地点。
booking-late = 您的预约时间已过。请领取普通号码牌。
booking-not-today = 此预约不是今天的。请在预约当天前来，也可以领取普通号码牌。
booking-offline = 网络连接中断，现在无法确认预约。请领取普通号码牌。
booking-retype = 重新输入
booking-normal = 领取普通号码牌
ticket-booking-slot = 预约 { $start }–{ $end }
ticket-booking-call = 约 { $time } 起叫号
speech-booking = 请用数字键输入预约号码，然后按回车键。按点键删除最后一个字。在此画面，零也是数字。
speech-booking-now = 已输入：{ $typed }
speech-booking-empty = 还没有输入任何内容。
speech-hyphen = 横线
