# Waiting-room display captions (madoguchi-display). Numbers and counters are not translated.
display-now-calling = Sedang dipanggil
display-number = Nomor
display-counter = Loket
display-recent = Sudah dipanggil
display-missed = Dipanggil tetapi tidak hadir — silakan tanya di loket
# A call whose visitor staff fetch from the waiting area (braille-signature form).
display-staff-to-visitor = Petugas akan menjemput Anda
display-queues = Antrean
display-service = Layanan
display-waiting = Menunggu
display-wait = Perkiraan waktu tunggu
display-people = { $count } orang
display-minutes = sekitar { $range } menit
# An estimated wait as a range of minutes ($range above), e.g. 10–20.
display-range = { $low }–{ $high }
display-wait-short = sepi
display-wait-medium = agak ramai
display-wait-long = ramai
display-paused = dihentikan
display-closed = Di luar jam layanan
display-closed-today = Hari ini tutup
display-hours = Jam layanan hari ini { $open }–{ $close }
display-next-opening = Buka lagi { $when }
display-offline = Koneksi terputus sejak { $since }. Tampilan mungkin belum terbaru.
display-last-update = Pembaruan terakhir { $time }
display-notice = Pemberitahuan (bahasa Jepang)
# The date on the board: $weekday and $monthname come from the comma-separated lists below.
display-date = { $weekday }, { $day } { $monthname }
display-weekdays = Senin, Selasa, Rabu, Kamis, Jumat, Sabtu, Minggu
display-months = Januari, Februari, Maret, April, Mei, Juni, Juli, Agustus, September, Oktober, November, Desember
