# madoguchi kiosk — नेपाली

## Screen chrome
home-title = माइ नम्बर कार्ड काउन्टर
home-choose = कृपया भाषा छान्नुहोस्
home-speech = आवाज मार्गदर्शन: नम्बर किप्याडको कुनै पनि कुञ्जी थिच्नुहोस्।
back = पछाडि
language = भाषा
call-staff = कर्मचारी बोलाउनुहोस्
call-staff-offline = अहिले कर्मचारी बोलाउन सकिँदैन
staff-coming = कर्मचारी आउँदै हुनुहुन्छ। कृपया यहीँ पर्खनुहोस्।
staff-call-failed = कर्मचारीलाई बोलाउन सकिएन। कृपया नजिकैको काउन्टरमा सोध्नुहोस्।
large-text = ठूला अक्षर
loading = तयारी हुँदैछ। कृपया केही बेर पर्खनुहोस्।

## Purpose
purpose-title = तपाईं के कामको लागि आउनुभयो?
purpose-waiting = { $count } जना पर्खिरहेका · लगभग { $range } मिनेट
purpose-none = अहिले यो काउन्टरमा कुनै काम लिइँदैन। कृपया कर्मचारीलाई सोध्नुहोस्।
purpose-elsewhere = { $office } मा गरिन्छ
purpose-pickup = माइ नम्बर कार्ड लिन
purpose-apply = कार्डको लागि आवेदन (नयाँ, नवीकरण, पुनः जारी)
purpose-express = छिटो जारी (द्रुत सेवा)
purpose-ecert = विद्युतीय प्रमाणपत्र नवीकरण
purpose-face = कार्डमा लेखिएको विवरण परिवर्तन (ठेगाना आदि)
purpose-pin = पिन (PIN) फेरि सेट गर्न
purpose-overseas = विदेश सर्ने प्रक्रिया
purpose-lost = मेरो माइ नम्बर कार्ड हरायो
purpose-inquiry = प्रश्न र परामर्श

## Service names (also read by the waiting-room display)
service-pickup = कार्ड प्राप्ति
service-apply = कार्ड आवेदन (कार्ड हुलाकबाट पठाइने)
service-assist = कार्ड आवेदन (ट्याब्लेट सहयोग)
service-express = छिटो जारी
service-online = अनलाइन काउन्टर
service-ecert = विद्युतीय प्रमाणपत्र नवीकरण
service-face = कार्डको विवरण परिवर्तन
service-overseas = विदेश सर्नेहरूको प्रक्रिया
service-form = आवेदन फारम छाप्ने
service-pin = पिन फेरि सेट
service-inquiry = प्रश्न
service-city = नागरिक शाखा कर्मचारी काउन्टर

## Documents to have ready
doc-notice-postcard = कार्ड प्राप्ति सूचना (पोस्टकार्ड)
doc-photo-id = परिचय पत्र (ड्राइभिङ लाइसेन्स, राहदानी, निवास कार्ड आदि)
doc-current-card = तपाईंसँग भएको माइ नम्बर कार्ड
doc-notification-card = सूचना कार्ड (भएमा)
doc-residence-card = निवास कार्ड वा विशेष स्थायी बासिन्दा प्रमाणपत्र (भएमा)
doc-application-form = कार्ड आवेदन फारम (交付申請書)
doc-photo = अनुहारको फोटो (भएमा; यहाँ पनि खिच्न सकिन्छ)
doc-application-id = आवेदन फारम आईडी (申請書ID)
doc-passport = राहदानी (पासपोर्ट)
doc-pin = पिन नम्बर (कृपया सम्झेर आउनुहोस्)

## Triage questions and answers
answer-yes = हो
answer-no = होइन
q-pickup-bring = के तपाईंले यी ल्याउनुभयो? कार्ड प्राप्ति सूचना (पोस्टकार्ड, 交付通知書), परिचय पत्र (ड्राइभिङ लाइसेन्स, निवास कार्ड आदि), र हालको माइ नम्बर कार्ड (भए मात्र)।
answer-pickup-all = हो, सबै छन्
answer-no-postcard = मसँग पोस्टकार्ड छैन
answer-pickup-no-id = मसँग परिचय पत्र छैन
answer-pickup-no-card = हालको कार्ड ल्याइनँ
q-resident = के तपाईंको बसोबास दर्ता (住民票) को ठेगाना यही वडा (वा यो शाखा कार्यालयको क्षेत्र) मा छ?
q-have-card = के तपाईंसँग पहिले नै माइ नम्बर कार्ड छ? (नवीकरण वा पुनः जारी)
q-licence = के तपाईं कार्डलाई ड्राइभिङ लाइसेन्स (マイナ免許証) को रूपमा प्रयोग गर्नुहुन्छ र अझै प्रयोग गर्न चाहनुहुन्छ?
q-smartphone = के तपाईं आफ्नै स्मार्टफोनबाट आवेदन दिन सक्नुहुन्छ?
q-application-id = के तपाईंसँग आवेदन फारम आईडी (申請書ID) छ? यो नवीकरण सूचना वा आवेदन फारममा लेखिएको हुन्छ।
q-form = के तपाईंसँग कार्ड आवेदन फारम (交付申請書) छ?
q-pasid-id = के तपाईंसँग यीमध्ये कुनै एउटा छ: माइ नम्बर कार्ड, निवास कार्ड, विशेष स्थायी बासिन्दा प्रमाणपत्र, ड्राइभिङ लाइसेन्स, ड्राइभिङ इतिहास प्रमाणपत्र?
q-photo-id = के तपाईंले परिचय पत्र (ड्राइभिङ लाइसेन्स, राहदानी, निवास कार्ड आदि) ल्याउनुभयो?
q-method = तपाईं कार्ड कसरी लिन चाहनुहुन्छ?
answer-method-mail = घरमा हुलाकबाट पठाइदिनुहोस्
answer-method-visit = पछि यहीँ आएर लिन्छु
q-bring-card = के तपाईंले माइ नम्बर कार्ड ल्याउनुभयो?
answer-card-at-home = ल्याइनँ, घरमा छ
answer-card-lost = मेरो कार्ड हरायो

## Guidance (no ticket needed)
guidance-title = जानकारी
guidance-ok = बुझें
g-not-resident = कृपया आफ्नो बसोबास दर्ता भएको वडाको वडा कार्यालयमा आवेदन दिनुहोस्। स्मार्टफोन वा कम्प्युटरबाट अनलाइन, वा हुलाकबाट पनि आवेदन दिन सकिन्छ।
g-licence-online = कार्डलाई ड्राइभिङ लाइसेन्सको रूपमा प्रयोग गरिरहन चाहनुहुन्छ भने, कृपया आफ्नै स्मार्टफोनबाट "माइ नम्बर कार्ड अनलाइन आवेदन साइट" मा आवेदन दिनुहोस्। नम्बर टिकट चाहिँदैन।
g-no-application-id = अनलाइन काउन्टरका लागि आवेदन फारम आईडी (申請書ID) चाहिन्छ। तलको नम्बर टिकट लिनुहोस्: त्यो काउन्टरले आईडी भएको आवेदन फारम छाप्छ।
g-bring-card = यो कामको लागि माइ नम्बर कार्ड चाहिन्छ। कृपया कार्ड लिएर फेरि आउनुहोस्।
g-not-offered = "{ $service }" यो कार्यालयमा हुँदैन। कृपया { $office } मा जानुहोस्।
g-not-offered-nowhere = यो काम यहाँ गरिँदैन। कृपया वडा कार्यालयको नागरिक शाखा (市民課) मा सोध्नुहोस्।
office-address = ठेगाना: { $address }
offer-ticket = नम्बर टिकट लिनुहोस्: { $service }
offer-question = कर्मचारीलाई सोध्नुहोस् (नम्बर टिकट लिनुहोस्)

## Notes shown with the ticket
note-pasid = तपाईंको परिचय पत्रबाट नाम र ठेगाना छापिएको आवेदन फारम बनाइनेछ।
note-blank-form = यो काउन्टरले बसोबास दर्ता प्रणालीबाट तपाईंको आवेदन फारम छाप्छ। त्यसपछि तपाईंलाई आवेदन काउन्टरमा पठाइनेछ।
note-no-postcard = पोस्टकार्ड नभए, कर्मचारीले कार्ड लिने तरिका बताउनुहुनेछ।
note-no-id = परिचय पत्र नभए, कार्ड पछि काउन्टरमै आएर लिनुपर्नेछ।
note-pickup-no-id = परिचय पत्र नभए, अरू कुन कागजात चल्छ भनी कर्मचारीले हेर्नुहुनेछ।
note-pickup-no-card = हालको कार्ड घरमा छ कि हरायो, कृपया कर्मचारीलाई भन्नुहोस्।
note-lost-card = हराएको कार्ड रोक्ने र नयाँ कार्डको आवेदन दिने तरिका कर्मचारीले बताउनुहुनेछ।
note-form-for-id = यो काउन्टरले तपाईंको आवेदन फारम छाप्छ। आवेदन फारम आईडी त्यही फारममा हुन्छ।

## Confirm and needs
confirm-title = यो कामको लागि नम्बर टिकट लिनुहोस्
confirm-service = काम: { $service }
needs-title = सहयोग चाहिए छान्नुहोस् (नचाहिए यसै अगाडि बढ्न सक्नुहुन्छ)
need-braille = ब्रेल हस्ताक्षरको आवेदन फारम
need-wheelchair = ह्वीलचेयर
need-written = लेखेर कुराकानी
need-interpreter = दोभाषे
need-help = मलाई सहयोग चाहियो
need-other = अरू कुरा (काउन्टरमा भन्छु)
confirm-button = नम्बर टिकट लिनुहोस्
issuing = नम्बर टिकट जारी हुँदैछ…

## Ticket
ticket-title = तपाईंको नम्बर
ticket-ahead = तपाईंभन्दा अगाडि पर्खिरहेका: { $count } जना
ticket-eta = अनुमानित पर्खाइ: लगभग { $range } मिनेट
# Nobody ahead: instead of a wait of 0–0 minutes.
ticket-eta-next = अर्को पालो तपाईंको हो।
ticket-bring = तयार राख्नुहोस्
ticket-qr = QR कोड स्क्यान गरेर आफ्नो पालो हेर्नुहोस्
ticket-printing = नम्बर टिकट छापिँदैछ…
ticket-printed = कृपया नम्बर टिकट लिनुहोस्।
ticket-print-failed = टिकट छाप्न सकिएन, तर तपाईंको नम्बर दर्ता भइसकेको छ। कृपया यो स्क्रिन काउन्टरका कर्मचारीलाई देखाउनुहोस्।
ticket-done = सकियो
ticket-needs = चाहिने सहयोग
ticket-footer = किताक्युस्यु सहर · माइ नम्बर कार्ड काउन्टर · आफ्नो नम्बर बोलाइएपछि काउन्टरमा आउनुहोस्

## Failure screens
offline-title = अहिले यो मेसिन प्रयोग गर्न सकिँदैन
offline-body = कृपया { $place } मा जानुहोस्। कर्मचारीले सहयोग गर्नुहुनेछ।
place-on-floor = { $place } ({ $floor })
closed-title = अहिले सेवा समय होइन
closed-next = अर्को सेवा सुरु: { $when }
closed-unknown = सेवा समयको लागि कृपया काउन्टरको सूचना हेर्नुहोस्।

## Idle
idle-title = के तपाईं अझै प्रयोग गर्दै हुनुहुन्छ?
idle-body = { $seconds } सेकेन्डपछि सुरुको स्क्रिनमा फर्किनेछ।
idle-continue = जारी राख्नुहोस्

## Ward offices a branch office sends visitors to (office-<site id>)
office-moji = मोजी वडा कार्यालय (門司区役所)
office-kokurakita = कोकुराकिता वडा कार्यालय (小倉北区役所)
office-kokuraminami = कोकुरामिनामी वडा कार्यालय (小倉南区役所)
office-wakamatsu = वाकामात्सु वडा कार्यालय (若松区役所)
office-yahatahigashi = याहाताहिगाशी वडा कार्यालय (八幡東区役所)
office-yahatanishi = याहातानिशी वडा कार्यालय (八幡西区役所)
office-tobata = तोबाता वडा कार्यालय (戸畑区役所)

# Issued from the kiosk's lease while the server was unreachable
ticket-wait-unknown = पर्खाइको समय अहिले थाहा छैन।
ticket-offline-printed = प्रणाली बन्द हुँदा जारी गरिएको; काउन्टरका कर्मचारीलाई थाहा छ।
ticket-offline-known = यो किओस्क कार्यालयको प्रणालीसँग जोडिन सकेन, त्यसैले तपाईंलाई जगेडा नम्बर दिइयो। काउन्टरका कर्मचारीलाई यी नम्बरहरू थाहा छ र पालो अनुसार बोलाउनुहुनेछ।
offline-lease-out = यो किओस्क कार्यालयको प्रणालीसँग जोडिन सक्दैन र यो सेवाका लागि नम्बर बाँकी छैन। कृपया { $place } मा जानुहोस्। कर्मचारीले सहयोग गर्नुहुनेछ।

# Layout: progress, the low-reach toggle, the waiting count and estimate on a purpose
progress-step = { $total } मध्ये चरण { $step }
low-reach = बटनहरू तल
purpose-wait-count = { $count } जना पर्खिरहेका
purpose-wait-eta = लगभग { $range } मिनेट
# Nobody waiting for the service.
purpose-wait-none = पर्खनु पर्दैन
# An estimated wait as a range of minutes ($range in the wait texts), e.g. 10–20.
wait-range = { $low }–{ $high }

## Speech and keypad mode (said, not shown; the braille offer is shown too)
speech-start = आवाज निर्देशन सुरु भयो। छान्न नम्बर थिच्नुहोस्। तारा चिन्हले फेरि सुनाउँछ, शून्यले कर्मचारी बोलाउँछ, थोप्लो कुञ्जीले पछाडि लैजान्छ, प्लस र माइनसले आवाज मिलाउँछ, स्ल्यासले कुञ्जीहरूको व्याख्या गर्छ।
speech-help = कुञ्जी निर्देशन। नम्बर थिच्दा त्यही नम्बरको विकल्प छानिन्छ; नौभन्दा बढी विकल्प भए नौ थिचेर अरू सुन्नुहोस्। तीर कुञ्जीले विकल्पहरूबीच सार्छ र Enter ले छान्छ। तारा चिन्हले स्क्रिन फेरि सुनाउँछ। थोप्लो, Backspace वा ह्यास कुञ्जीले पछाडि लैजान्छ। शून्यले कर्मचारी बोलाउँछ। प्लस र माइनसले आवाज ठूलो वा सानो गर्छ। यो निर्देशनपछि प्लस र माइनसले बोल्ने गति छिटो वा ढिलो गर्छ।
speech-choice = { $key } थिच्नुहोस्: { $label }
speech-choice-detail = { $key } थिच्नुहोस्: { $label }, { $detail }
speech-lang-choice = { $lang }का लागि { $key } थिच्नुहोस्
speech-on = छानिएको
speech-off = छानिएको छैन
speech-more = { $key } थिच्नुहोस्: थप विकल्प
speech-first-page = { $key } थिच्नुहोस्: पहिलो विकल्पहरूमा फर्कनुहोस्
speech-focus = Enter ले छान्छ: { $label }
speech-no-choice = विकल्प { $key } छैन। फेरि सुन्न तारा चिन्ह थिच्नुहोस्।
speech-nothing-to-choose = यहाँ छान्ने केही छैन। फेरि सुन्न तारा चिन्ह थिच्नुहोस्।
speech-no-back = यहाँबाट पछाडि जान सकिँदैन।
speech-volume = आवाज 10 मध्ये { $level }
speech-rate = गति { $percent } प्रतिशत
speech-any-key = जारी राख्न कुनै पनि कुञ्जी थिच्नुहोस्।
speech-ticket-number = तपाईंको नम्बर { $letter }, { $number } हो।
speech-ticket-number-only = तपाईंको नम्बर { $number } हो।
speech-ticket-place = तपाईंलाई { $place } मा बोलाइनेछ।
speech-floor = { $floor } तल्ला
# A range of minutes said aloud (the screen writes 10–20).
speech-range = { $low } देखि { $high }
speech-ticket-place-floor = तपाईंलाई { $floor }को { $place } मा बोलाइनेछ।
speech-list = { $title }: { $items }
braille-title = ब्रेल हस्ताक्षरको आवेदन फारम
braille-body = ब्रेलमा नाम लेख्न मिल्ने आवेदन फारम छ; चाहनुहुन्छ भने कर्मचारीले तपाईंकहाँ ल्याएर सहयोग गर्नुहुनेछ। के तपाईं यो फारम चाहनुहुन्छ?
braille-yes = हो, चाहिन्छ
braille-no = होइन, अगाडि बढ्नुहोस्

## Bookings (issue 16)
purpose-booking = मेरो बुकिङ छ
booking-title = आफ्नो बुकिङ नम्बर लेख्नुहोस्
booking-hint = पुष्टि इमेल वा पर्चीमा भएको बुकिङ नम्बर लेख्नुहोस्, वा त्यसको बारकोड वा QR कोड स्क्यानरमा देखाउनुहोस्।
booking-erase = एउटा अक्षर मेटाउनुहोस्
booking-clear = सबै मेटाउनुहोस्
booking-submit = यो नम्बरले चेक-इन गर्नुहोस्
booking-checking = तपाईंको बुकिङ जाँच हुँदैछ…
booking-refused-title = तपाईंको बुकिङ चेक-इन हुन सकेन
booking-unknown = बुकिङ नम्बर { $reference } भेटिएन। नम्बर जाँचेर फेरि लेख्नुहोस्।
booking-used = यो बुकिङका लागि टिकट पहिले नै निस्किसकेको छ। टिकट हराएमा कर्मचारीलाई बोलाउनुहोस्।
booking-other-site = यो बुकिङ { $office } को हो। कृपया { $office } मा जानुहोस्।
booking-other-site-unnamed = यो बुकिङ अर्को कार्यालयको हो। पुष्टि इमेलमा ठाउँ हेर्नुहोस्।
booking-late = तपाईंको बुकिङको समय बितिसक्यो। कृपया साधारण टिकट लिनुहोस्।
booking-not-today = यो बुकिङ आजको होइन। बुकिङको दिन आउनुहोस्, वा साधारण टिकट लिनुहोस्।
booking-offline = जडान बन्द भएकाले अहिले बुकिङ जाँच्न सकिँदैन। कृपया साधारण टिकट लिनुहोस्।
booking-retype = फेरि लेख्नुहोस्
booking-normal = साधारण टिकट लिनुहोस्
ticket-booking-slot = बुकिङ { $start }–{ $end }
ticket-booking-call = लगभग { $time } देखि बोलाइन्छ
speech-booking = नम्बर कुञ्जीले बुकिङ नम्बर लेख्नुहोस्, अनि Enter थिच्नुहोस्। डट कुञ्जीले अन्तिम अक्षर मेटाउँछ। यो स्क्रिनमा शून्य पनि अङ्क हो।
speech-booking-now = अहिलेसम्म लेखिएको: { $typed }
speech-booking-empty = अहिलेसम्म केही लेखिएको छैन।
speech-hyphen = हाइफन
