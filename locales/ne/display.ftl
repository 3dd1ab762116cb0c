# Waiting-room display captions (madoguchi-display). Numbers and counters are not translated.
display-now-calling = अहिले बोलाइँदै गरेको नम्बर
display-number = नम्बर
display-counter = काउन्टर
display-recent = बोलाइएका नम्बर
display-missed = बोलाइयो तर उपस्थित नभएका नम्बर — काउन्टरमा सोध्नुहोस्
# A call whose visitor staff fetch from the waiting area (braille-signature form).
display-staff-to-visitor = कर्मचारी तपाईंलाई लिन आउनुहुनेछ
display-queues = पर्खाइको अवस्था
display-service = काम
display-waiting = पर्खिरहेका
display-wait = अनुमानित पर्खाइ
display-people = { $count } जना
display-minutes = करिब { $range } मिनेट
# An estimated wait as a range of minutes ($range above), e.g. 10–20.
display-range = { $low }–{ $high }
display-wait-short = कम भीड
display-wait-medium = केही भीड
display-wait-long = धेरै भीड
display-paused = रोकिएको
display-closed = अहिले सेवा समय होइन
display-closed-today = आज बिदा
display-hours = आजको समय { $open }–{ $close }
display-next-opening = अर्को पटक खुल्ने { $when }
display-offline = { $since } देखि सम्पर्क टुटेको छ। जानकारी पुरानो हुन सक्छ।
display-last-update = अन्तिम अद्यावधिक { $time }
display-notice = सूचना (जापानी भाषामा)
# The date on the board: $weekday and $monthname come from the comma-separated lists below.
display-date = { $monthname } { $day }, { $weekday }
display-weekdays = सोमबार, मङ्गलबार, बुधबार, बिहीबार, शुक्रबार, शनिबार, आइतबार
display-months = जनवरी, फेब्रुअरी, मार्च, अप्रिल, मे, जुन, जुलाई, अगस्ट, सेप्टेम्बर, अक्टोबर, नोभेम्बर, डिसेम्बर
