# madoguchi kiosk — やさしい にほんご (Easy Japanese: short sentences, words split by spaces)

## Screen chrome
home-title = マイナンバーカードの まどぐち
home-choose = ことばを えらんで ください
back = もどる
language = ことば
call-staff = しょくいんを よぶ
staff-coming = しょくいんが きます。ここで まって ください。
staff-call-failed = しょくいんを よべませんでした。ちかくの まどぐちで こえを かけて ください。
large-text = おおきい じ
loading = じゅんびを しています。すこし まって ください。

## Purpose
purpose-title = なにを しに きましたか?
purpose-waiting = まっている ひと { $count }にん・やく { $minutes }ふん
purpose-none = いま この まどぐちで できる ことが ありません。しょくいんに きいて ください。
purpose-pickup = マイナンバーカードを もらう
purpose-apply = マイナンバーカードを もうしこむ(あたらしく・こうしん・なくした とき)
purpose-express = はやく カードを つくる(とっきゅう はっこう)
purpose-ecert = でんし しょうめいしょを こうしん する
purpose-face = カードに かいてある ことを かえる(じゅうしょ など)
purpose-pin = あんしょう ばんごうを かえる・わすれた
purpose-overseas = がいこくへ ひっこす
purpose-inquiry = しつもん・そうだん

## Service names (also read by the waiting-room display)
service-pickup = カードを もらう
service-apply = カードの もうしこみ(カードは ゆうびんで とどく)
service-assist = カードの もうしこみ(タブレットで てつだう)
service-express = とっきゅう はっこう
service-online = オンラインの まどぐち
service-ecert = でんし しょうめいしょの こうしん
service-face = カードに かいてある ことを かえる
service-overseas = がいこくへ ひっこす ひとの てつづき
service-form = もうしこみの かみを だす
service-pin = あんしょう ばんごうの さいせってい
service-inquiry = しつもん
service-city = しやくしょの しょくいんの まどぐち

## Documents to have ready
doc-notice-postcard = こうふ つうちしょ(はがき)
doc-photo-id = じぶんが わかる もの(うんてん めんきょしょう、パスポート、ざいりゅう カード など)
doc-current-card = いま もっている マイナンバーカード
doc-notification-card = つうち カード(もっている ひと)
doc-residence-card = ざいりゅう カード・とくべつ えいじゅうしゃ しょうめいしょ(もっている ひと)
doc-application-form = もうしこみの かみ(こうふ しんせいしょ)
doc-photo = かおの しゃしん(ない ひとは ここで とれます)
doc-application-id = しんせいしょ ID
doc-passport = パスポート
doc-pin = あんしょう ばんごう(おぼえて きて ください)

## Triage questions and answers
answer-yes = はい
answer-no = いいえ
q-postcard = こうふ つうちしょ(はがき)を もって いますか?
answer-have-postcard = はい、はがきを もって います
answer-no-postcard = いいえ、もって いません
q-resident = あなたの じゅうみんひょうの じゅうしょは、この くに ありますか?
q-have-card = マイナンバーカードを もう もって いますか?(こうしん・なくした とき)
q-licence = マイナンバーカードを うんてん めんきょしょうとして つかって いますか?(マイナ めんきょしょう)これからも つかいたいですか?
q-smartphone = じぶんの スマートフォンで もうしこみが できますか?
q-application-id = しんせいしょ IDを もって いますか?(おしらせの てがみや もうしこみの かみに かいて あります)
q-form = もうしこみの かみ(こうふ しんせいしょ)を もって いますか?
q-pasid-id = つぎの どれかを もって いますか? マイナンバーカード、ざいりゅう カード、とくべつ えいじゅうしゃ しょうめいしょ、うんてん めんきょしょう、うんてん けいれき しょうめいしょ
q-photo-id = じぶんが わかる もの(うんてん めんきょしょう、パスポート、ざいりゅう カード など)を もって きましたか?
q-method = カードは どう やって もらいますか?
answer-method-mail = いえに ゆうびんで おくって ほしい
answer-method-visit = あとで ここに もらいに くる
q-bring-card = マイナンバーカードを もって きましたか?

## Guidance (no ticket needed)
guidance-title = おしらせ
guidance-ok = わかりました
g-not-resident = もうしこみは、あなたの じゅうみんひょうが ある くの くやくしょで できます。スマートフォンや パソコンの オンラインでも、ゆうびんでも もうしこめます。
g-licence-online = マイナ めんきょしょうを つづけて つかう ひとは、じぶんの スマートフォンで「こじん ばんごう カード オンライン しんせい サイト」から もうしこんで ください。ばんごうの かみは いりません。
g-no-application-id = オンラインの まどぐちには しんせいしょ IDが ひつようです。さきに しみんかの まどぐちで しんせいしょ IDを もらって ください。
g-bring-card = この てつづきには マイナンバーカードが ひつようです。カードを もって、また きて ください。
g-not-offered = この てつづきは、ここでは できません。くやくしょの しみんかで きいて ください。

## Notes shown with the ticket
note-pasid = あなたの カードなどから、なまえや じゅうしょが かいてある もうしこみの かみを つくります。
note-blank-form = ここで もうしこみの かみを だします。そのあと、もうしこみの まどぐちへ あんない します。
note-no-postcard = はがきが ない ときは、しょくいんが カードの もらいかたを せつめい します。
note-no-id = じぶんが わかる ものが ない ときは、あとで まどぐちで カードを もらいます。

## Confirm and needs
confirm-title = ばんごうの かみを だします
confirm-service = ようじ: { $service }
needs-title = てつだいが ひつような ことが あれば えらんで ください(なければ そのままで だいじょうぶです)
need-braille = てんじで なまえを かく もうしこみの かみ
need-wheelchair = くるまいす
need-written = かいて はなしたい(ひつだん)
need-interpreter = つうやく
need-help = てつだって ほしい
confirm-button = ばんごうの かみを だす
issuing = ばんごうの かみを だして います…

## Ticket
ticket-title = あなたの ばんごう
ticket-ahead = まえに まっている ひと: { $count }にん
ticket-eta = まつ じかん: やく { $minutes }ふん
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
offline-body = まどぐちへ きて ください。しょくいんが あんない します。
closed-title = いまは うけつけの じかんでは ありません
closed-next = つぎの うけつけ: { $when }
closed-unknown = うけつけの じかんは まどぐちの おしらせを みて ください。

## Idle
idle-title = まだ つかいますか?
idle-body = { $seconds }びょうで さいしょの がめんに もどります。
idle-continue = つづける
