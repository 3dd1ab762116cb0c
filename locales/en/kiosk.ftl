# madoguchi kiosk — English

## Screen chrome
home-title = My Number Card counter
home-choose = Please choose your language
home-speech = Speech guide: press any key on the keypad.
back = Back
language = Language
call-staff = Call staff
call-staff-offline = Staff call not working
staff-coming = A staff member is coming. Please wait here.
staff-call-failed = We could not call staff. Please speak to the nearest counter.
large-text = Large text
loading = Getting ready. Please wait a moment.

## Purpose
purpose-title = What did you come for today?
purpose-waiting = { $count } waiting · about { $range } min
purpose-none = This office is not taking any errands right now. Please speak to a staff member.
purpose-elsewhere = Done at { $office }
purpose-pickup = Pick up my My Number Card
purpose-apply = Apply for a card (new, renewal, replacement)
purpose-express = Express issuance
purpose-ecert = Renew the electronic certificates
purpose-face = Update the card (new address, etc.)
purpose-pin = Reset my PIN
purpose-overseas = I am moving abroad
purpose-lost = I lost my My Number Card
purpose-inquiry = Questions

## Service names (also read by the waiting-room display)
service-pickup = Card pickup
service-apply = Application (card mailed)
service-assist = Application with tablet support
service-express = Express issuance
service-online = Online window
service-ecert = Electronic certificate renewal
service-face = Card details update
service-overseas = Moving abroad
service-form = Application form printing
service-pin = PIN reset
service-inquiry = Questions
service-city = City staff desk

## Documents to have ready
doc-notice-postcard = Notice postcard (交付通知書)
doc-photo-id = Photo ID (driving licence, passport, residence card, etc.)
doc-current-card = Your current My Number Card
doc-notification-card = Notification card (if you have one)
doc-residence-card = Residence card or special permanent resident certificate (if you have one)
doc-application-form = Application form (交付申請書)
doc-photo = Photo of your face (if you have one; it can also be taken here)
doc-application-id = Application ID (申請書ID)
doc-passport = Passport
doc-pin = Your PIN (please remember it)

## Triage questions and answers
answer-yes = Yes
answer-no = No
q-pickup-bring = Did you bring these? The notice postcard (交付通知書), photo ID (driving licence, residence card, etc.), and your current My Number Card if you have one.
answer-pickup-all = Yes, I have all of them
answer-no-postcard = I don't have the postcard
answer-pickup-no-id = I have no photo ID
answer-pickup-no-card = I did not bring my current card
q-resident = Is your registered address (住民票) in this ward (or in this branch office's area)?
q-have-card = Do you already have a My Number Card (renewal or replacement)?
q-licence = Do you use your card as your driving licence (マイナ免許証) and want to keep doing so?
q-smartphone = Can you apply on your own smartphone?
q-application-id = Do you have an application ID (申請書ID)? It is on the renewal notice or the application form.
q-form = Do you have an application form (交付申請書)?
q-pasid-id = Do you have one of these with you: My Number Card, residence card, special permanent resident certificate, driving licence, or driving history certificate?
q-photo-id = Did you bring photo ID (driving licence, passport, residence card, etc.)?
q-method = How do you want to receive your card?
answer-method-mail = Mail it to my home
answer-method-visit = I will come back here to pick it up
q-bring-card = Did you bring your My Number Card?
answer-card-at-home = No, it is at home
answer-card-lost = I lost my card

## Guidance (no ticket needed)
guidance-title = Information
guidance-ok = I understand
g-not-resident = Please apply at the ward office of the ward where you are registered. You can also apply online from a smartphone or computer, or by mail.
g-licence-online = To keep using your card as a driving licence, please apply on your own smartphone at the "My Number Card online application site". You do not need a queue ticket.
g-no-application-id = The online window needs an application ID (申請書ID). Take the ticket below: that counter prints an application form with its ID.
g-bring-card = This errand needs your My Number Card. Please come again with your card.
g-not-offered = This office does not do "{ $service }". Please go to { $office }.
g-not-offered-nowhere = This office does not handle this errand. Please ask at the citizen services counter (市民課) of a ward office.
office-address = Address: { $address }
offer-ticket = Get a ticket: { $service }
offer-question = Ask staff a question (get a ticket)

## Notes shown with the ticket
note-pasid = Staff will print an application form with your name and address already filled in from your ID.
note-blank-form = This counter prints your application form from the resident register. Then you will be guided to the application counter.
note-no-postcard = Without the postcard, staff will explain how you can receive your card.
note-no-id = Without photo ID, you will receive your card here at the counter later.
note-pickup-no-id = Without photo ID, staff will check which other documents you can use.
note-pickup-no-card = Please tell the staff whether your current card is at home or lost.
note-lost-card = Staff will explain how to stop the lost card and apply for a new one.
note-form-for-id = This counter prints your application form. The application ID is on the form.

## Confirm and needs
confirm-title = Get a ticket for this errand
confirm-service = Errand: { $service }
needs-title = Tell us if you need help (you can skip this)
need-braille = Braille-signature application form
need-wheelchair = Wheelchair
need-written = Communicate in writing
need-interpreter = Interpreter
need-help = Please help me
need-other = Something else (I will explain at the counter)
confirm-button = Get my ticket
issuing = Issuing your ticket…

## Ticket
ticket-title = Your number
ticket-ahead = People ahead of you: { $count }
ticket-eta = Estimated wait: about { $range } min
# Nobody ahead: instead of a wait of 0–0 minutes.
ticket-eta-next = You are next.
ticket-bring = Please have ready
ticket-qr = Scan to see your place in the queue
ticket-printing = Printing your ticket…
ticket-printed = Please take your ticket.
ticket-print-failed = The ticket could not be printed, but your number is registered. Please show this screen to the staff at the counter.
ticket-done = Finish
ticket-needs = Help needed
ticket-footer = Kitakyushu City · My Number Card counter · Please come to the counter when your number is called

## Failure screens
offline-title = The kiosk is not available right now
offline-body = Please go to { $place }. Staff will help you.
place-on-floor = { $place } ({ $floor })
closed-title = The counter is closed now
closed-next = Opens again: { $when }
closed-unknown = Please see the notice at the counter for opening hours.

## Idle
idle-title = Are you still there?
idle-body = Going back to the start in { $seconds } seconds.
idle-continue = Continue

## Ward offices a branch office sends visitors to (office-<site id>)
office-moji = Moji Ward Office (門司区役所)
office-kokurakita = Kokurakita Ward Office (小倉北区役所)
office-kokuraminami = Kokuraminami Ward Office (小倉南区役所)
office-wakamatsu = Wakamatsu Ward Office (若松区役所)
office-yahatahigashi = Yahatahigashi Ward Office (八幡東区役所)
office-yahatanishi = Yahatanishi Ward Office (八幡西区役所)
office-tobata = Tobata Ward Office (戸畑区役所)

# Issued from the kiosk's lease while the server was unreachable
ticket-wait-unknown = The waiting time is not known yet.
ticket-offline-printed = Issued while the system was offline; the counter staff know.
ticket-offline-known = This kiosk could not reach the office system, so it gave you a number from its reserve. The counter staff know about these numbers and will call you in turn.
offline-lease-out = This kiosk cannot reach the office system and has no more numbers for this service. Please go to { $place }. Staff will help you.

# Layout: progress, the low-reach toggle, the waiting count and estimate on a purpose
progress-step = Step { $step } of { $total }
low-reach = Buttons lower
purpose-wait-count = { $count } waiting
purpose-wait-eta = about { $range } min
# Nobody waiting for the service.
purpose-wait-none = no wait
# An estimated wait as a range of minutes ($range in the wait texts), e.g. 10–20.
wait-range = { $low }–{ $high }

## Speech and keypad mode (said, not shown; the braille offer is shown too)
speech-start = Speech guide on. Press a number to choose. Star repeats, zero calls staff, the dot key goes back, plus and minus change the volume, and slash explains every key.
speech-help = Key guide. A number chooses the choice with that number; with more than nine choices, nine gives more. The arrow keys move between the choices and Enter chooses the one you are on. Star repeats the screen. The dot key, Backspace or hash go back. Zero calls a staff member. Plus and minus make the voice louder or quieter. After this guide, plus and minus make the voice faster or slower.
speech-choice = { $key }: { $label }
speech-choice-detail = { $key }: { $label }, { $detail }
speech-lang-choice = For { $lang }, press { $key }
speech-on = selected
speech-off = not selected
speech-more = { $key }: more choices
speech-first-page = { $key }: back to the first choices
speech-focus = Enter chooses: { $label }
speech-no-choice = There is no choice { $key }. Star repeats the choices.
speech-nothing-to-choose = There is nothing to choose here. Star repeats the screen.
speech-no-back = You cannot go back from here.
speech-volume = Volume { $level } of 10
speech-rate = Speed { $percent } percent
speech-any-key = Press any key to continue.
speech-ticket-number = Your number is { $letter }, { $number }.
speech-ticket-number-only = Your number is { $number }.
speech-ticket-place = You will be called at { $place }.
speech-floor = floor { $floor }
# A range of minutes said aloud (the screen writes 10–20).
speech-range = { $low } to { $high }
speech-ticket-place-floor = You will be called at { $place }, { $floor }.
speech-list = { $title }: { $items }.
braille-title = Braille-signature application form
braille-body = There is an application form you can sign in braille; if you want it, staff will bring it to you and help you. Do you want this form?
braille-yes = Yes, I want the braille form
braille-no = No, continue

## Bookings (issue 16)
purpose-booking = I have a reservation
booking-title = Enter your reservation number
booking-hint = Type the reservation number from your confirmation email or slip, or hold its barcode or QR code to the scanner.
booking-erase = Delete one
booking-clear = Clear all
booking-submit = Check in with this number
booking-checking = Checking your reservation…
booking-refused-title = Your reservation could not be checked in
booking-unknown = We could not find reservation number { $reference }. Please check the number and type it again.
booking-used = A ticket has already been issued for this reservation. If you lost it, please call a staff member.
booking-other-site = This reservation is for { $office }. Please go to { $office }.
booking-other-site-unnamed = This reservation is for another office. Please check the place in your confirmation email.
booking-late = Your reservation time has passed. Please take a normal ticket.
booking-not-today = This reservation is not for today. Please come on the day of your reservation, or take a normal ticket.
booking-offline = Reservations cannot be checked while the connection is down. Please take a normal ticket.
booking-retype = Type it again
booking-normal = Take a normal ticket
ticket-booking-slot = Reservation { $start }–{ $end }
ticket-booking-call = Called from about { $time }
speech-booking = Type your reservation number with the number keys, then press Enter. The dot key deletes the last character. On this screen zero is a digit.
speech-booking-now = Typed so far: { $typed }
speech-booking-empty = Nothing is typed yet.
speech-hyphen = hyphen
