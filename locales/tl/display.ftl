# Waiting-room display captions (madoguchi-display). Numbers and counters are not translated.
display-now-calling = Tinatawag ngayon
display-number = Numero
display-counter = Counter
display-recent = Natawag na
display-missed = Natawag pero wala — magtanong po sa counter
# A call whose visitor staff fetch from the waiting area (braille-signature form).
display-staff-to-visitor = Pupuntahan kayo ng kawani
display-queues = Naghihintay
display-service = Serbisyo
display-waiting = Naghihintay
display-wait = Tantiyang paghihintay
display-people = { $count } tao
display-minutes = mga { $range } minuto
# An estimated wait as a range of minutes ($range above), e.g. 10–20.
display-range = { $low }–{ $high }
display-wait-short = maikli
display-wait-medium = medyo matao
display-wait-long = matao
display-paused = nakahinto
display-closed = Sarado ang pagtanggap ngayon
display-closed-today = Sarado ngayong araw
display-hours = Oras ngayon { $open }–{ $close }
display-next-opening = Susunod na bukas { $when }
display-offline = Nawala ang koneksyon mula { $since }. Maaaring luma ang ipinapakita.
display-last-update = Huling update { $time }
display-notice = Paunawa (sa wikang Hapon)
# The date on the board: $weekday and $monthname come from the comma-separated lists below.
display-date = { $weekday }, { $monthname } { $day }
display-weekdays = Lunes, Martes, Miyerkules, Huwebes, Biyernes, Sabado, Linggo
display-months = Enero, Pebrero, Marso, Abril, Mayo, Hunyo, Hulyo, Agosto, Setyembre, Oktubre, Nobyembre, Disyembre
