# madoguchi kiosk — Tagalog

## Screen chrome
home-title = Counter ng My Number Card
home-choose = Pakipili ang iyong wika
home-speech = Gabay sa boses: pindutin ang anumang key sa keypad.
back = Bumalik
language = Wika
call-staff = Tumawag ng staff
call-staff-offline = Hindi gumagana ang pagtawag ng staff
staff-coming = Parating na ang staff. Pakihintay dito.
staff-call-failed = Hindi matawagan ang staff. Pakikausap ang pinakamalapit na counter.
large-text = Malaking titik
loading = Naghahanda. Pakihintay sandali.

## Purpose
purpose-title = Ano ang pakay mo ngayon?
purpose-waiting = { $count } ang naghihintay · mga { $range } minuto
purpose-none = Walang tinatanggap na transaksyon sa counter na ito ngayon. Pakitanong sa staff.
purpose-elsewhere = Ginagawa sa { $office }
purpose-pickup = Kunin ang aking My Number Card
purpose-apply = Mag-apply ng card (bago, renewal, muling pag-isyu)
purpose-express = Mabilisang pag-isyu
purpose-ecert = I-renew ang electronic certificate
purpose-face = Baguhin ang nakasulat sa card (address, atbp.)
purpose-pin = I-reset ang PIN
purpose-overseas = Lilipat sa ibang bansa
purpose-lost = Nawala ang aking My Number Card
purpose-inquiry = Mga tanong at konsultasyon

## Service names (also read by the waiting-room display)
service-pickup = Pagkuha ng card
service-apply = Aplikasyon (ipapadala ang card sa koreo)
service-assist = Aplikasyon (may tulong sa tablet)
service-express = Mabilisang pag-isyu
service-online = Online na counter
service-ecert = Renewal ng electronic certificate
service-face = Pagbabago ng nakasulat sa card
service-overseas = Proseso para sa lilipat sa ibang bansa
service-form = Pag-print ng application form
service-pin = Pag-reset ng PIN
service-inquiry = Mga tanong
service-city = Counter ng staff ng Citizens' Division

## Documents to have ready
doc-notice-postcard = Notice postcard (交付通知書)
doc-photo-id = ID na may litrato (lisensya sa pagmamaneho, pasaporte, residence card, atbp.)
doc-current-card = Ang iyong kasalukuyang My Number Card
doc-notification-card = Notification card (kung mayroon)
doc-residence-card = Residence card o special permanent resident certificate (kung mayroon)
doc-application-form = Application form (交付申請書)
doc-photo = Litrato ng mukha (kung mayroon; maaari ring kunan dito)
doc-application-id = Application ID (申請書ID)
doc-passport = Pasaporte
doc-pin = Ang iyong PIN (pakitandaan)

## Triage questions and answers
answer-yes = Oo
answer-no = Hindi
q-pickup-bring = Dala mo ba ang mga ito? Ang notice postcard (交付通知書), ID na may litrato (lisensya sa pagmamaneho, residence card, atbp.), at ang kasalukuyan mong My Number Card kung mayroon ka.
answer-pickup-all = Oo, dala ko lahat
answer-no-postcard = Wala sa akin ang postcard
answer-pickup-no-id = Wala akong ID na may litrato
answer-pickup-no-card = Hindi ko dala ang kasalukuyan kong card
q-resident = Nasa ward na ito (o sa lugar ng branch office na ito) ba ang nakarehistro mong address (住民票)?
q-have-card = Mayroon ka na bang My Number Card? (renewal o muling pag-isyu)
q-licence = Ginagamit mo ba ang card bilang lisensya sa pagmamaneho (マイナ免許証) at gusto mo bang ituloy ito?
q-smartphone = Kaya mo bang mag-apply gamit ang sarili mong smartphone?
q-application-id = Mayroon ka bang application ID (申請書ID)? Nakasulat ito sa renewal notice o sa application form.
q-form = Mayroon ka bang application form (交付申請書)?
q-pasid-id = Dala mo ba ang isa sa mga ito: My Number Card, residence card, special permanent resident certificate, lisensya sa pagmamaneho, o driving history certificate?
q-photo-id = Nagdala ka ba ng ID na may litrato (lisensya sa pagmamaneho, pasaporte, residence card, atbp.)?
q-method = Paano mo gustong matanggap ang card?
answer-method-mail = Ipadala sa bahay sa koreo
answer-method-visit = Babalik ako rito para kunin ito
q-bring-card = Dala mo ba ang iyong My Number Card?
answer-card-at-home = Hindi, nasa bahay
answer-card-lost = Nawala ang card ko

## Guidance (no ticket needed)
guidance-title = Impormasyon
guidance-ok = Naiintindihan ko
g-not-resident = Pakiapply sa ward office ng ward kung saan ka nakarehistro. Maaari ka ring mag-apply online gamit ang smartphone o computer, o sa koreo.
g-licence-online = Kung gusto mong ituloy ang paggamit ng card bilang lisensya sa pagmamaneho, mag-apply gamit ang sarili mong smartphone sa "My Number Card online application site". Hindi mo kailangan ng numero ng pila.
g-no-application-id = Kailangan ng application ID (申請書ID) para sa online na counter. Kunin ang numero sa ibaba: magpi-print ang counter na iyon ng application form na may ID.
g-bring-card = Kailangan ang iyong My Number Card para sa transaksyong ito. Pakibalik dala ang iyong card.
g-not-offered = Hindi ginagawa rito ang "{ $service }". Pakipunta sa { $office }.
g-not-offered-nowhere = Hindi tinatanggap dito ang transaksyong ito. Pakitanong sa Citizens' Division (市民課) ng isang ward office.
office-address = Tirahan: { $address }
offer-ticket = Kumuha ng numero: { $service }
offer-question = Magtanong sa staff (kumuha ng numero)

## Notes shown with the ticket
note-pasid = Magpi-print ang staff ng application form na nakasulat na ang pangalan at address mo mula sa iyong ID.
note-blank-form = Ipi-print ng counter na ito ang iyong application form mula sa resident register. Pagkatapos, gagabayan ka sa counter ng aplikasyon.
note-no-postcard = Kung walang postcard, ipapaliwanag ng staff kung paano mo makukuha ang card.
note-no-id = Kung walang ID na may litrato, kukunin mo ang card dito sa counter sa ibang araw.
note-pickup-no-id = Kung walang ID na may litrato, titingnan ng staff kung anong ibang dokumento ang puwede.
note-pickup-no-card = Pakisabi sa staff kung nasa bahay o nawala ang kasalukuyan mong card.
note-lost-card = Ipapaliwanag ng staff kung paano ipahinto ang nawalang card at mag-apply ng bago.
note-form-for-id = Ipi-print ng counter na ito ang iyong application form. Nakasulat sa form ang application ID.

## Confirm and needs
confirm-title = Kumuha ng numero para sa transaksyong ito
confirm-service = Transaksyon: { $service }
needs-title = Pumili kung kailangan mo ng tulong (puwedeng laktawan)
need-braille = Application form na may braille na pirma
need-wheelchair = Wheelchair
need-written = Pakikipag-usap sa pagsulat
need-interpreter = Interpreter
need-help = Pakitulungan ako
need-other = Iba pa (sasabihin ko sa counter)
confirm-button = Kunin ang aking numero
issuing = Ini-isyu ang iyong numero…

## Ticket
ticket-title = Ang iyong numero
ticket-ahead = Nauna sa iyo: { $count }
ticket-eta = Tinatayang paghihintay: mga { $range } minuto
# Nobody ahead: instead of a wait of 0–0 minutes.
ticket-eta-next = Ikaw na ang susunod.
ticket-bring = Pakihanda
ticket-qr = I-scan para makita ang iyong puwesto sa pila
ticket-printing = Pini-print ang iyong tiket…
ticket-printed = Pakikuha ang iyong tiket.
ticket-print-failed = Hindi na-print ang tiket, pero nakarehistro ang iyong numero. Pakipakita ang screen na ito sa staff sa counter.
ticket-done = Tapos na
ticket-needs = Kailangang tulong
ticket-footer = Lungsod ng Kitakyushu · Counter ng My Number Card · Pumunta sa counter kapag tinawag ang iyong numero

## Failure screens
offline-title = Hindi magagamit ang kiosk ngayon
offline-body = Pakipunta sa { $place }. Tutulungan ka ng staff.
place-on-floor = { $place }, { $floor }
closed-title = Sarado ang counter ngayon
closed-next = Magbubukas muli: { $when }
closed-unknown = Pakitingnan ang paunawa sa counter para sa oras ng pagtanggap.

## Idle
idle-title = Nandiyan ka pa ba?
idle-body = Babalik sa simula sa loob ng { $seconds } segundo.
idle-continue = Magpatuloy

## Ward offices a branch office sends visitors to (office-<site id>)
office-moji = Ward Office ng Moji (門司区役所)
office-kokurakita = Ward Office ng Kokurakita (小倉北区役所)
office-kokuraminami = Ward Office ng Kokuraminami (小倉南区役所)
office-wakamatsu = Ward Office ng Wakamatsu (若松区役所)
office-yahatahigashi = Ward Office ng Yahatahigashi (八幡東区役所)
office-yahatanishi = Ward Office ng Yahatanishi (八幡西区役所)
office-tobata = Ward Office ng Tobata (戸畑区役所)

# Issued from the kiosk's lease while the server was unreachable
ticket-wait-unknown = Hindi pa alam ang oras ng paghihintay.
ticket-offline-printed = Ibinigay habang offline ang sistema; alam ito ng staff sa counter.
ticket-offline-known = Hindi makakonekta ang kiosk na ito sa sistema ng opisina, kaya binigyan ka nito ng reserbang numero. Alam ng staff sa counter ang mga numerong ito at tatawagin ka ayon sa pagkakasunod.
offline-lease-out = Hindi makakonekta ang kiosk na ito sa sistema ng opisina at wala na itong numero para sa serbisyong ito. Pakipunta sa { $place }. Tutulungan ka ng staff.

# Layout: progress, the low-reach toggle, the waiting count and estimate on a purpose
progress-step = Hakbang { $step } sa { $total }
low-reach = Ibaba ang mga button
purpose-wait-count = { $count } ang naghihintay
purpose-wait-eta = mga { $range } minuto
# Nobody waiting for the service.
purpose-wait-none = walang hintay
# An estimated wait as a range of minutes ($range in the wait texts), e.g. 10–20.
wait-range = { $low }–{ $high }

## Speech and keypad mode (said, not shown; the braille offer is shown too)
speech-start = Naka-on na ang gabay na boses. Pindutin ang numero para pumili. Ang star ay para ulitin, ang zero ay para tumawag ng kawani, ang tuldok ay para bumalik, ang plus at minus ay para sa lakas ng tunog, at ang slash ay nagpapaliwanag ng mga pindutan.
speech-help = Gabay sa mga pindutan. Ang numero ay pumipili ng opsyong may ganoong numero; kapag higit sa siyam ang opsyon, pindutin ang siyam para sa iba pa. Ang mga arrow key ay lumilipat sa mga opsyon at ang Enter ay pumipili. Ang star ay inuulit ang screen. Ang tuldok, Backspace o hash ay bumabalik. Ang zero ay tumatawag ng kawani. Ang plus at minus ay nagpapalakas o nagpapahina ng boses. Pagkatapos ng gabay na ito, ang plus at minus ay nagpapabilis o nagpapabagal ng pagsasalita.
speech-choice = Pindutin ang { $key }: { $label }
speech-choice-detail = Pindutin ang { $key }: { $label }, { $detail }
speech-lang-choice = Para sa { $lang }, pindutin ang { $key }
speech-on = napili
speech-off = hindi napili
speech-more = Pindutin ang { $key }: iba pang opsyon
speech-first-page = Pindutin ang { $key }: bumalik sa mga unang opsyon
speech-focus = Pipiliin ng Enter: { $label }
speech-no-choice = Walang opsyon { $key }. Pindutin ang star para ulitin.
speech-nothing-to-choose = Walang mapipili dito. Pindutin ang star para ulitin.
speech-no-back = Hindi ka makakabalik mula rito.
speech-volume = Lakas ng tunog { $level } sa 10
speech-rate = Bilis { $percent } porsiyento
speech-any-key = Pindutin ang kahit anong key para magpatuloy.
speech-ticket-number = Ang numero mo ay { $letter }, { $number }.
speech-ticket-number-only = Ang numero mo ay { $number }.
speech-ticket-place = Tatawagin ka sa { $place }.
speech-floor = ika-{ $floor } palapag
# A range of minutes said aloud (the screen writes 10–20).
speech-range = { $low } hanggang { $high }
speech-ticket-place-floor = Tatawagin ka sa { $place }, { $floor }.
speech-list = { $title }: { $items }
braille-title = Application form na may braille na pirma
braille-body = May application form na mapipirmahan mo sa braille; kung gusto mo, dadalhin ito ng kawani sa iyo at tutulungan ka. Gusto mo ba ang form na ito?
braille-yes = Oo, gusto ko
braille-no = Hindi, magpatuloy

## Bookings (issue 16)
purpose-booking = May reserbasyon ako
booking-title = Ilagay ang numero ng iyong reserbasyon
booking-hint = I-type ang numero ng reserbasyon mula sa email o papel ng kumpirmasyon, o itapat ang barcode o QR code nito sa scanner.
booking-erase = Burahin ang isa
booking-clear = Burahin lahat
booking-submit = Mag-check in gamit ang numerong ito
booking-checking = Sinusuri ang iyong reserbasyon…
booking-refused-title = Hindi ma-check in ang iyong reserbasyon
booking-unknown = Hindi namin makita ang reserbasyon na numero { $reference }. Pakisuri ang numero at i-type ulit.
booking-used = May tiket na para sa reserbasyong ito. Kung nawala mo ito, tumawag ng kawani.
booking-other-site = Ang reserbasyong ito ay para sa { $office }. Pumunta po sa { $office }.
booking-other-site-unnamed = Ang reserbasyong ito ay para sa ibang opisina. Tingnan ang lugar sa email ng kumpirmasyon.
booking-late = Lumipas na ang oras ng iyong reserbasyon. Kumuha po ng karaniwang tiket.
booking-not-today = Hindi para ngayong araw ang reserbasyong ito. Pumunta sa araw ng reserbasyon, o kumuha ng karaniwang tiket.
booking-offline = Walang koneksyon, kaya hindi masuri ang mga reserbasyon ngayon. Kumuha po ng karaniwang tiket.
booking-retype = I-type ulit
booking-normal = Kumuha ng karaniwang tiket
ticket-booking-slot = Reserbasyon { $start }–{ $end }
ticket-booking-call = Tatawagin mula mga { $time }
speech-booking = I-type ang numero ng reserbasyon gamit ang mga number key, saka pindutin ang Enter. Binubura ng tuldok ang huling titik. Sa screen na ito, numero rin ang zero.
speech-booking-now = Na-type na: { $typed }
speech-booking-empty = Wala pang na-type.
speech-hyphen = gitling
