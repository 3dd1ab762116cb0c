# madoguchi kiosk — 日本語 (reference language: every key here must exist in every other file)

## Screen chrome
home-title = ご用件の受付
home-choose = 言語を選んでください
home-speech = 目の不自由な方へ: テンキーのどれかのキーを押すと、音声でご案内します。
back = もどる
language = 言語
call-staff = 職員を呼ぶ
call-staff-offline = 職員呼び出し(停止中)
staff-coming = 職員がまいります。この場所でお待ちください。
staff-call-failed = 職員を呼べませんでした。近くの窓口に声をおかけください。
large-text = 大きな文字
loading = 準備しています。少しお待ちください。

## Purpose
purpose-title = ご用件を選んでください
purpose-waiting = 待っている人 { $count }人・約{ $range }分
purpose-none = いまこの窓口で受け付けている用件がありません。窓口の職員にお声かけください。
purpose-elsewhere = { $office }で受け付けています
purpose-pickup = マイナンバーカードを受け取る
purpose-apply = マイナンバーカードを申請する(新規・更新・再発行)
purpose-express = 特急発行を申し込む
purpose-ecert = 電子証明書を更新する
purpose-face = カードの記載事項を変更する(住所など)
purpose-pin = 暗証番号を再設定する
purpose-overseas = 国外へ転出する方の手続き
purpose-lost = マイナンバーカードをなくした
purpose-inquiry = 質問・相談

## Service names (also read by the waiting-room display)
service-pickup = カードの交付
service-apply = カードの申請(カードは郵送)
service-assist = カードの申請(タブレットで入力)
service-express = 特急発行
service-online = オンライン窓口
service-ecert = 電子証明書の更新
service-face = カードの記載内容の変更(住所など)
service-overseas = 国外転出者の手続き
service-form = 交付申請書の発行
service-pin = 暗証番号の再設定
service-inquiry = お問い合わせ
service-city = 市民課職員窓口

## Documents to have ready
doc-notice-postcard = 交付通知書(はがき)
doc-photo-id = 本人確認書類(運転免許証、パスポート、在留カードなど)
doc-current-card = お持ちのマイナンバーカード
doc-notification-card = 通知カード(お持ちの方)
doc-residence-card = 在留カード・特別永住者証明書(お持ちの方)
doc-application-form = 交付申請書
doc-photo = 顔写真(お持ちの方。窓口でも撮影できます)
doc-application-id = 申請書ID
doc-passport = パスポート
doc-pin = 暗証番号(覚えてきてください)

## Triage questions and answers
answer-yes = はい
answer-no = いいえ
q-pickup-bring = 次のものを持ってきましたか? 交付通知書(はがき)、本人確認書類(運転免許証、在留カードなど)、いま持っているマイナンバーカード(お持ちの方)
answer-pickup-all = はい、全部あります
answer-no-postcard = 交付通知書(はがき)がありません
answer-pickup-no-id = 本人確認書類がありません
answer-pickup-no-card = いまのマイナンバーカードを持ってきていません
q-resident = 住民票の住所は、この区役所の区(出張所の地域)にありますか?
q-have-card = マイナンバーカードをすでに持っていますか?(更新・再発行)
q-licence = マイナンバーカードを運転免許証として使っていて(マイナ免許証)、これからも使いたいですか?
q-smartphone = 自分のスマートフォンで申請できますか?
q-application-id = 申請書IDを持っていますか?(更新のお知らせや交付申請書に書いてあります)
q-form = 交付申請書を持っていますか?
q-pasid-id = マイナンバーカード、在留カード、特別永住者証明書、運転免許証、運転経歴証明書のどれかを持っていますか?
q-photo-id = 本人確認書類(運転免許証、パスポート、在留カードなど)を持ってきましたか?
q-method = カードはどうやって受け取りますか?
answer-method-mail = 家に郵送してほしい
answer-method-visit = あとで窓口に受け取りに来る
q-bring-card = マイナンバーカードを持ってきましたか?
answer-card-at-home = いいえ、家にあります
answer-card-lost = カードをなくしました

## Guidance (no ticket needed)
guidance-title = ご案内
guidance-ok = わかりました
g-not-resident = 申請は、住民票のある区の区役所でできます。スマートフォンやパソコンからのオンライン申請や、郵送での申請もできます。
g-licence-online = マイナ免許証を続けて使う方は、ご自分のスマートフォンから「個人番号カードオンライン申請サイト」で申請してください。順番待ちの番号札はいりません。
g-no-application-id = オンライン窓口を使うには申請書IDが必要です。申請書IDの書いてある交付申請書を、下の番号札の窓口で印刷します。
g-bring-card = この手続きにはマイナンバーカードが必要です。カードを持って、もう一度お越しください。
g-not-offered = 「{ $service }」は、この窓口ではできません。{ $office }でできます。
g-not-offered-nowhere = この用件は、この窓口ではできません。区役所の市民課でおたずねください。
office-address = 住所: { $address }
offer-ticket = 番号札を取る: { $service }
offer-question = 職員に質問する(番号札を取る)

## Notes shown with the ticket
note-pasid = お持ちの本人確認書類から、名前や住所が印字された申請書を作ります。
note-blank-form = 住民票のシステムから交付申請書を印刷する窓口です。そのあと申請の窓口へご案内します。
note-no-postcard = はがきがない場合は、職員が受け取りの方法をご案内します。
note-no-id = 本人確認書類がない場合は、カードは窓口で受け取る方法になります。
note-pickup-no-id = 本人確認書類がない場合は、ほかに使える書類を職員が確認します。
note-pickup-no-card = いまのカードが家にあるか、なくしたかを職員にお伝えください。
note-lost-card = カードの利用を止める手続きと、再発行の申請を職員がご案内します。
note-form-for-id = 交付申請書を印刷します。申請書IDはその申請書に書いてあります。

## Confirm and needs
confirm-title = この内容で番号札を出します
confirm-service = 用件: { $service }
needs-title = お手伝いが必要なことがあれば選んでください(なければそのままで大丈夫です)
need-braille = 点字記名用の交付申請書
need-wheelchair = 車いす
need-written = 筆談
need-interpreter = 通訳
need-help = 手伝ってほしい
need-other = その他(窓口でお話しください)
confirm-button = 番号札を出す
issuing = 番号札を出しています…

## Ticket
ticket-title = あなたの番号
ticket-ahead = 前に待っている人: { $count }人
ticket-eta = 待ち時間の目安: 約{ $range }分
# Nobody ahead: instead of a wait of 0–0 minutes.
ticket-eta-next = 次はあなたの番です。
ticket-bring = 用意しておくもの
ticket-qr = QRコードで順番を確認できます
ticket-printing = 番号札を印刷しています…
ticket-printed = 番号札をお取りください。
ticket-print-failed = 番号札を印刷できませんでした。番号は受け付けています。この画面を窓口の職員に見せてください。
ticket-done = 終わる
ticket-needs = お手伝い
ticket-footer = 北九州市 マイナンバーカード窓口 ― 番号を呼ばれたら窓口へお越しください

## Failure screens
offline-title = いま受付機が使えません
offline-body = { $place }へお越しください。職員がご案内します。
place-on-floor = { $floor }の{ $place }
closed-title = ただいま受付時間外です
closed-next = 次の受付開始: { $when }
closed-unknown = 受付時間は窓口の掲示をご覧ください。

## Idle
idle-title = まだお使いですか?
idle-body = { $seconds }秒後に最初の画面にもどります。
idle-continue = 続ける

## Ward offices a branch office sends visitors to (office-<site id>)
office-moji = 門司区役所
office-kokurakita = 小倉北区役所
office-kokuraminami = 小倉南区役所
office-wakamatsu = 若松区役所
office-yahatahigashi = 八幡東区役所
office-yahatanishi = 八幡西区役所
office-tobata = 戸畑区役所

# Issued from the kiosk's lease while the server was unreachable
ticket-wait-unknown = 待ち時間はまだわかりません。
ticket-offline-printed = システム停止中に発券しました。窓口の職員は把握しています。
ticket-offline-known = この発券機は庁内システムにつながらないため、予備の番号をお渡ししました。窓口の職員はこの番号を把握しており、順番にお呼びします。
offline-lease-out = この発券機は庁内システムにつながらず、この用件の番号が残っていません。{ $place }へお越しください。職員がご案内します。

# Layout: progress, the low-reach toggle, the waiting count and estimate on a purpose
progress-step = 手順 { $step } / { $total }
low-reach = 操作ボタンを下に
purpose-wait-count = 待ち { $count }人
purpose-wait-eta = 約{ $range }分
# Nobody waiting for the service.
purpose-wait-none = 待ちなし
# An estimated wait as a range of minutes ($range in the wait texts), e.g. 10–20.
wait-range = { $low }〜{ $high }

## Speech and keypad mode (said, not shown; the braille offer is shown too)
speech-start = 音声案内を始めます。数字のキーで選びます。アスタリスクでもう一度、ゼロで職員を呼びます。ピリオドでもどります。プラスとマイナスで音の大きさを変えます。スラッシュで、キーの説明を聞けます。
speech-help = キーの説明です。数字のキーで、その番号の項目を選びます。項目が10個以上あるときは、9で続きを聞けます。矢印キーで項目を移り、エンターキーで選びます。アスタリスクで画面をもう一度読み上げます。ピリオド、バックスペース、またはシャープでもどります。ゼロで職員を呼びます。プラスとマイナスで音の大きさを変えます。この説明のあとは、プラスとマイナスで話す速さを変えられます。
speech-choice = { $key }番、{ $label }
speech-choice-detail = { $key }番、{ $label }、{ $detail }
speech-lang-choice = { $lang }は { $key }番
speech-on = 選んでいます
speech-off = 選んでいません
speech-more = { $key }番、ほかの項目
speech-first-page = { $key }番、最初の項目にもどる
speech-focus = エンターキーで「{ $label }」を選びます
speech-no-choice = { $key }番の項目はありません。アスタリスクでもう一度聞けます。
speech-nothing-to-choose = ここでは選ぶ項目がありません。アスタリスクでもう一度聞けます。
speech-no-back = ここからはもどれません。
speech-volume = 音の大きさ { $level }。いちばん大きいのは10です。
speech-rate = 話す速さ { $percent }パーセント
speech-any-key = 続けるときは、どれかのキーを押してください。
speech-ticket-number = あなたの番号は、{ $letter }の{ $number }番です。
speech-ticket-number-only = あなたの番号は、{ $number }番です。
speech-ticket-place = { $place }でお呼びします。
speech-floor = { $floor }階
# A range of minutes said aloud (the screen writes 10〜20).
speech-range = { $low }から{ $high }
speech-ticket-place-floor = { $floor }の{ $place }でお呼びします。
speech-list = { $title }。{ $items }。
braille-title = 点字記名用の交付申請書
braille-body = 名前を点字で書ける交付申請書があります。希望すると、職員があなたのところへお持ちして、お手伝いします。この申請書を使いますか。
braille-yes = はい、使います
braille-no = いいえ、使いません

## Bookings (issue 16)
purpose-booking = 予約している
booking-title = 予約番号を入力してください
booking-hint = 予約完了メールや予約票にある予約番号を入力するか、バーコード・QRコードを読み取り機にかざしてください。
booking-erase = 1文字消す
booking-clear = 全部消す
booking-submit = この番号で受付する
booking-checking = 予約を確認しています…
booking-refused-title = 予約の受付ができませんでした
booking-unknown = 予約番号「{ $reference }」が見つかりません。番号をお確かめのうえ、もう一度入力してください。
booking-used = この予約では、もう番号札が出ています。番号札をなくしたときは、職員をお呼びください。
booking-other-site = この予約は{ $office }の予約です。{ $office }へお越しください。
booking-other-site-unnamed = この予約は、ほかの窓口の予約です。予約完了メールで場所をお確かめください。
booking-late = 予約の時間を過ぎています。ふつうの番号札をお取りください。
booking-not-today = この予約は今日の予約ではありません。予約の日にお越しください。ふつうの番号札も取れます。
booking-offline = 通信が止まっているため、いまは予約を確認できません。ふつうの番号札をお取りください。
booking-retype = もう一度入力する
booking-normal = ふつうの番号札を取る
ticket-booking-slot = 予約 { $start }–{ $end }
ticket-booking-call = { $time }ごろから呼び出します
speech-booking = 数字のキーで予約番号を入力し、エンターキーを押してください。ピリオドで1文字消します。この画面では、ゼロも数字です。
speech-booking-now = 入力した番号: { $typed }
speech-booking-empty = まだ何も入力していません。
speech-hyphen = ハイフン
