# madoguchi kiosk — やさしい にほんご (Easy Japanese, after 在留支援のためのやさしい日本語ガイドライン:
# one idea per sentence, short sentences, words split by spaces, everyday words; the kanji a
# visitor sees on their own documents and on the office's signs follow in brackets, e.g.
# こうふつうちしょ（交付通知書）, so the postcard in their hand can be matched).

## Screen chrome
home-title = マイナンバーカードの まどぐち
home-choose = ことばを えらんで ください
home-speech = めが みえにくい かたへ: すうじの キーを どれか おすと、こえで あんないします。
back = もどる
language = ことば
call-staff = しょくいんを よぶ
call-staff-offline = いま しょくいんを よべません
staff-coming = しょくいんが きます。ここで まって ください。
staff-call-failed = しょくいんを よべませんでした。まどぐちへ いって ください。
large-text = おおきい じ
loading = じゅんびを して います。すこし まって ください。

## Purpose
purpose-title = なにを しに きましたか?
purpose-waiting = まって いる ひと { $count }にん・やく { $range }ふん
purpose-none = いま ここで できる ことが ありません。しょくいんに きいて ください。
purpose-elsewhere = { $office }で できます
purpose-pickup = マイナンバーカードを もらう
purpose-apply = マイナンバーカードを もうしこむ（はじめて・こうしん）
purpose-express = カードを はやく つくる：とっきゅう はっこう（特急発行）
purpose-ecert = でんし しょうめいしょ（電子証明書）を こうしん する
purpose-face = カードに かいて ある ことを かえる（じゅうしょ など）
purpose-pin = あんしょう ばんごう（暗証番号）を かえる・わすれた
purpose-overseas = がいこくへ ひっこす
purpose-lost = マイナンバーカードを なくした
purpose-inquiry = しつもん・そうだん

## Service names (also read by the waiting-room display and printed on tickets)
service-pickup = カードを もらう
service-apply = カードの もうしこみ（カードは ゆうびんで とどく）
service-assist = カードの もうしこみ（タブレットで てつだう）
service-express = とっきゅう はっこう（特急発行）
service-online = オンラインの まどぐち
service-ecert = でんし しょうめいしょ（電子証明書）の こうしん
service-face = カードに かいて ある ことを かえる
service-overseas = がいこくへ ひっこす ひとの てつづき
service-form = もうしこみの かみを いんさつ する
service-pin = あんしょう ばんごう（暗証番号）を かえる
service-inquiry = しつもん
service-city = しやくしょの しょくいんの まどぐち

## Documents to have ready
doc-notice-postcard = こうふつうちしょ（交付通知書）の はがき
doc-photo-id = ほんにん かくにん しょるい（本人確認書類）：うんてん めんきょしょう、パスポート、ざいりゅうカード など
doc-current-card = いま もって いる マイナンバーカード
doc-notification-card = つうちカード（通知カード）：もって いる ひとだけ
doc-residence-card = ざいりゅうカード（在留カード）・とくべつ えいじゅうしゃ しょうめいしょ（特別永住者証明書）：もって いる ひとだけ
doc-application-form = こうふ しんせいしょ（交付申請書）
doc-photo = かおの しゃしん：ない ひとは ここで とれます
doc-application-id = しんせいしょ ID（申請書ID）
doc-passport = パスポート
doc-pin = あんしょう ばんごう（暗証番号）：おぼえて きて ください

## Triage questions and answers
answer-yes = はい
answer-no = いいえ
q-pickup-bring = つぎの ものを もって きましたか? こうふつうちしょ（交付通知書）の はがき。ほんにん かくにん しょるい（本人確認書類）。いまの マイナンバーカード（もって いる ひとだけ）。
answer-pickup-all = はい、ぜんぶ あります
answer-no-postcard = はがきが ありません
answer-pickup-no-id = ほんにん かくにん しょるいが ありません
answer-pickup-no-card = いまの カードを もって きて いません
q-resident = じゅうみんひょう（住民票）の じゅうしょは、この く（区）ですか?
q-have-card = マイナンバーカードを もう もって いますか?
q-licence = カードを うんてん めんきょしょうとして つかって いますか? これからも つかいたいですか?
q-smartphone = じぶんの スマートフォンで もうしこめますか?
q-application-id = しんせいしょ ID（申請書ID）を もって いますか? こうしんの おしらせの てがみに かいて あります。
q-form = こうふ しんせいしょ（交付申請書）を もって いますか?
q-pasid-id = つぎの どれかを もって いますか? マイナンバーカード。ざいりゅうカード（在留カード）。とくべつ えいじゅうしゃ しょうめいしょ（特別永住者証明書）。うんてん めんきょしょう（運転免許証）。うんてん けいれき しょうめいしょ（運転経歴証明書）。
q-photo-id = ほんにん かくにん しょるい（本人確認書類）を もって きましたか? うんてん めんきょしょう、パスポート、ざいりゅうカード などです。
q-method = カードは どう やって もらいますか?
answer-method-mail = いえに ゆうびんで おくって ほしい
answer-method-visit = あとで ここへ もらいに くる
q-bring-card = マイナンバーカードを もって きましたか?
answer-card-at-home = いいえ、いえに あります
answer-card-lost = カードを なくしました

## Guidance (no ticket needed)
guidance-title = おしらせ
guidance-ok = わかりました
g-not-resident = あなたの じゅうしょの く（区）の くやくしょで もうしこんで ください。スマートフォンや パソコンでも もうしこめます。ゆうびんでも もうしこめます。
g-licence-online = じぶんの スマートフォンで もうしこんで ください。「こじんばんごうカード オンライン しんせい サイト（個人番号カードオンライン申請サイト）」を つかいます。ばんごうの かみは いりません。
g-no-application-id = オンラインの まどぐちには しんせいしょ ID（申請書ID）が いります。したの ボタンで ばんごうの かみを とって ください。その まどぐちで、IDが かいて ある もうしこみの かみを いんさつ します。
g-bring-card = この てつづきには マイナンバーカードが いります。カードを もって、また きて ください。
g-not-offered = 「{ $service }」は ここでは できません。{ $office }で できます。
g-not-offered-nowhere = この てつづきは ここでは できません。くやくしょの しみんか（市民課）で きいて ください。
office-address = じゅうしょ：{ $address }
offer-ticket = ばんごうの かみを とる：{ $service }
offer-question = しょくいんに きく（ばんごうの かみを とる）

## Notes shown with the ticket
note-pasid = あなたの カードなどを つかって、もうしこみの かみを つくります。なまえや じゅうしょは もう かいて あります。
note-blank-form = ここで もうしこみの かみを いんさつ します。そのあと、もうしこみの まどぐちへ いきます。
note-no-postcard = はがきが ない ときは、しょくいんが カードの もらいかたを せつめい します。
note-no-id = ほんにん かくにん しょるいが ない ときは、カードは あとで まどぐちで もらいます。
note-pickup-no-id = ほかの しょるいで だいじょうぶか、しょくいんが みます。
note-pickup-no-card = いまの カードは いえに ありますか? なくしましたか? しょくいんに いって ください。
note-lost-card = しょくいんが せつめい します。カードを とめる てつづきと、あたらしい カードの もうしこみです。
note-form-for-id = ここで もうしこみの かみを いんさつ します。しんせいしょ ID（申請書ID）は その かみに かいて あります。

## Confirm and needs
confirm-title = ばんごうの かみを だします
confirm-service = ようじ：{ $service }
needs-title = てつだいが いりますか? いる ものを えらんで ください。なければ、そのままで だいじょうぶです。
need-braille = てんじで なまえを かく もうしこみの かみ
need-wheelchair = くるまいす
need-written = かいて はなしたい（ひつだん）
need-interpreter = つうやく
need-help = てつだって ほしい
need-other = ほかの こと（まどぐちで いって ください）
confirm-button = ばんごうの かみを だす
issuing = ばんごうの かみを だして います…

## Ticket
ticket-title = あなたの ばんごう
ticket-ahead = まえに まっている ひと: { $count }にん
ticket-eta = まつ じかん: やく { $range }ふん
# Nobody ahead: instead of a wait of 0–0 minutes.
ticket-eta-next = つぎは あなたの ばんです。
ticket-bring = じゅんび して おく もの
ticket-qr = QRコードで じゅんばんが わかります
ticket-printing = ばんごうの かみを いんさつ して います…
ticket-printed = ばんごうの かみを とって ください。
ticket-print-failed = ばんごうの かみが でませんでした。ばんごうは うけつけて います。この がめんを まどぐちの しょくいんに みせて ください。
ticket-done = おわる
ticket-needs = てつだい
ticket-footer = きたきゅうしゅうし マイナンバーカードの まどぐち ― ばんごうを よばれたら まどぐちへ きて ください

## Failure screens
offline-title = いま この きかいは つかえません
offline-body = { $place }へ いって ください。しょくいんが あんない します。
place-on-floor = { $floor }の { $place }
closed-title = いまは うけつけの じかんでは ありません
closed-next = つぎの うけつけ：{ $when }
closed-unknown = うけつけの じかんは まどぐちの おしらせを みて ください。

## Idle
idle-title = まだ つかいますか?
idle-body = { $seconds }びょうで さいしょの がめんに もどります。
idle-continue = つづける

## Ward offices a branch office sends visitors to (office-<site id>)
office-moji = もじ くやくしょ（門司区役所）
office-kokurakita = こくらきた くやくしょ（小倉北区役所）
office-kokuraminami = こくらみなみ くやくしょ（小倉南区役所）
office-wakamatsu = わかまつ くやくしょ（若松区役所）
office-yahatahigashi = やはたひがし くやくしょ（八幡東区役所）
office-yahatanishi = やはたにし くやくしょ（八幡西区役所）
office-tobata = とばた くやくしょ（戸畑区役所）

# Issued from the kiosk's lease while the server was unreachable
ticket-wait-unknown = まつ じかんは まだ わかりません。
ticket-offline-printed = システムが とまって いる ときの ばんごうです。まどぐちの しょくいんは しって います。
ticket-offline-known = この きかいは いま システムに つながりません。だから よびの ばんごうを わたしました。まどぐちの しょくいんは この ばんごうを しって います。じゅんばんに よびます。
offline-lease-out = この きかいは いま システムに つながりません。この ようじの ばんごうが もう ありません。{ $place }へ いって ください。しょくいんが あんない します。

# Layout: progress, the low-reach toggle, the waiting count and estimate on a purpose
progress-step = { $total }の うち { $step }ばんめ
low-reach = ボタンを したに
purpose-wait-count = まつ ひと { $count }にん
# A range says "about" by itself; やく made the large-text purpose screen too tight.
purpose-wait-eta = { $range }ふん
# Nobody waiting for the service.
purpose-wait-none = またない
# An estimated wait as a range of minutes ($range in the wait texts), e.g. 10–20.
wait-range = { $low }〜{ $high }

## Speech and keypad mode (said, not shown; the braille offer is shown too)
speech-start = こえの あんないを はじめます。すうじの キーで えらびます。アスタリスクで もう いちど、ゼロで しょくいん（職員）を よびます。ピリオドで もどります。プラスと マイナスで おとの おおきさを かえます。スラッシュで キーの せつめいを ききます。
speech-help = キーの せつめいです。すうじの キーで、その ばんごうの ものを えらびます。10こ いじょう あるときは、9で つぎを ききます。やじるしの キーで うごいて、エンターキーで えらびます。アスタリスクで もう いちど ききます。ピリオドか バックスペースか シャープで もどります。ゼロで しょくいん（職員）を よびます。プラスと マイナスで おとの おおきさを かえます。この せつめいの あとは、プラスと マイナスで はなす はやさを かえます。
speech-choice = { $key }ばん、{ $label }
speech-choice-detail = { $key }ばん、{ $label }、{ $detail }
speech-lang-choice = { $lang }は { $key }ばん
speech-on = えらんで います
speech-off = えらんで いません
speech-more = { $key }ばん、ほかの もの
speech-first-page = { $key }ばん、はじめに もどる
speech-focus = エンターキーで 「{ $label }」を えらびます
speech-no-choice = { $key }ばんは ありません。アスタリスクで もう いちど ききます。
speech-nothing-to-choose = ここでは えらぶ ものが ありません。アスタリスクで もう いちど ききます。
speech-no-back = ここからは もどれません。
speech-volume = おとの おおきさ { $level }。いちばん おおきいのは 10です。
speech-rate = はなす はやさ { $percent }パーセント
speech-any-key = つづける ときは、どれかの キーを おして ください。
speech-ticket-number = あなたの ばんごうは、{ $letter }の { $number }ばん です。
speech-ticket-number-only = あなたの ばんごうは、{ $number }ばん です。
speech-ticket-place = { $place }で よびます。
speech-floor = { $floor }かい
# A range of minutes said aloud (the screen writes 10〜20).
speech-range = { $low }から { $high }
speech-ticket-place-floor = { $floor }の { $place }で よびます。
speech-list = { $title }。{ $items }。
braille-title = てんじで なまえを かく もうしこみの かみ（点字記名用の交付申請書）
braille-body = てんじで なまえを かける もうしこみの かみが あります。ほしい ときは、しょくいん（職員）が あなたの ところに もって きて、てつだいます。この かみを つかいますか。
braille-yes = はい、つかいます
braille-no = いいえ、つかいません

## Bookings (issue 16)
purpose-booking = よやく して います
booking-title = よやくの ばんごうを いれて ください
booking-hint = よやくの メールや かみに ある ばんごうを いれて ください。バーコードや QRコードを よみとりきに かざしても いいです。
booking-erase = 1もじ けす
booking-clear = ぜんぶ けす
booking-submit = この ばんごうで うけつけ
booking-checking = よやくを しらべて います…
booking-refused-title = よやくの うけつけが できませんでした
booking-unknown = よやくの ばんごう「{ $reference }」が ありません。ばんごうを よく みて、もう いちど いれて ください。
booking-used = この よやくの ばんごうの かみは、もう でて います。かみを なくした ときは、しょくいん（職員）を よんで ください。
booking-other-site = この よやくは { $office }の よやくです。{ $office }へ いって ください。
booking-other-site-unnamed = この よやくは ほかの まどぐちの よやくです。よやくの メールで ばしょを みて ください。
booking-late = よやくの じかんが すぎました。ふつうの ばんごうの かみを とって ください。
booking-not-today = この よやくは きょうでは ありません。よやくの ひに きて ください。ふつうの ばんごうの かみも とれます。
booking-offline = いま つうしんが とまって いるので、よやくを しらべられません。ふつうの ばんごうの かみを とって ください。
booking-retype = もう いちど いれる
booking-normal = ふつうの ばんごうの かみを とる
ticket-booking-slot = よやく { $start }–{ $end }
ticket-booking-call = { $time }ごろから よびます
speech-booking = すうじの キーで よやくの ばんごうを いれて、エンターキーを おして ください。ピリオドで 1もじ けします。ここでは ゼロも すうじです。
speech-booking-now = いれた ばんごう: { $typed }
speech-booking-empty = まだ なにも いれて いません。
speech-hyphen = ハイフン
