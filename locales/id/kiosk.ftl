# madoguchi kiosk — Bahasa Indonesia

## Screen chrome
home-title = Loket Kartu My Number
home-choose = Silakan pilih bahasa Anda
home-speech = Panduan suara: tekan tombol apa saja pada papan angka.
back = Kembali
language = Bahasa
call-staff = Panggil petugas
call-staff-offline = Panggilan petugas tidak berfungsi
staff-coming = Petugas akan segera datang. Silakan tunggu di sini.
staff-call-failed = Petugas tidak dapat dipanggil. Silakan bertanya ke loket terdekat.
large-text = Huruf besar
loading = Sedang menyiapkan. Mohon tunggu sebentar.

## Purpose
purpose-title = Apa keperluan Anda hari ini?
purpose-waiting = { $count } orang menunggu · sekitar { $range } menit
purpose-none = Loket ini sedang tidak melayani keperluan apa pun. Silakan bertanya kepada petugas.
purpose-elsewhere = Dilayani di { $office }
purpose-pickup = Mengambil Kartu My Number
purpose-apply = Mengajukan kartu (baru, perpanjangan, penerbitan ulang)
purpose-express = Penerbitan kilat
purpose-ecert = Memperpanjang sertifikat elektronik
purpose-face = Mengubah data pada kartu (alamat, dll.)
purpose-pin = Mengatur ulang PIN
purpose-overseas = Pindah ke luar negeri
purpose-lost = Kartu My Number saya hilang
purpose-inquiry = Pertanyaan dan konsultasi

## Service names (also read by the waiting-room display)
service-pickup = Pengambilan kartu
service-apply = Pengajuan (kartu dikirim lewat pos)
service-assist = Pengajuan (dibantu dengan tablet)
service-express = Penerbitan kilat
service-online = Loket daring
service-ecert = Perpanjangan sertifikat elektronik
service-face = Perubahan data pada kartu
service-overseas = Prosedur pindah ke luar negeri
service-form = Pencetakan formulir pengajuan
service-pin = Pengaturan ulang PIN
service-inquiry = Pertanyaan
service-city = Loket petugas Bagian Kependudukan

## Documents to have ready
doc-notice-postcard = Kartu pos pemberitahuan (交付通知書)
doc-photo-id = Tanda pengenal berfoto (SIM, paspor, kartu izin tinggal, dll.)
doc-current-card = Kartu My Number Anda saat ini
doc-notification-card = Kartu pemberitahuan (jika ada)
doc-residence-card = Kartu izin tinggal atau sertifikat penduduk tetap khusus (jika ada)
doc-application-form = Formulir pengajuan (交付申請書)
doc-photo = Pas foto (jika ada; bisa juga difoto di sini)
doc-application-id = ID formulir pengajuan (申請書ID)
doc-passport = Paspor
doc-pin = PIN Anda (harap diingat)

## Triage questions and answers
answer-yes = Ya
answer-no = Tidak
q-pickup-bring = Apakah Anda membawa ini? Kartu pos pemberitahuan (交付通知書), tanda pengenal berfoto (SIM, kartu izin tinggal, dll.), dan Kartu My Number Anda saat ini jika punya.
answer-pickup-all = Ya, saya membawa semuanya
answer-no-postcard = Saya tidak punya kartu posnya
answer-pickup-no-id = Saya tidak punya tanda pengenal berfoto
answer-pickup-no-card = Saya tidak membawa kartu saya saat ini
q-resident = Apakah alamat terdaftar Anda (住民票) berada di distrik ini (atau di wilayah kantor cabang ini)?
q-have-card = Apakah Anda sudah memiliki Kartu My Number? (perpanjangan atau penerbitan ulang)
q-licence = Apakah Anda memakai kartu ini sebagai SIM (マイナ免許証) dan ingin terus memakainya?
q-smartphone = Apakah Anda bisa mengajukan sendiri dengan ponsel pintar Anda?
q-application-id = Apakah Anda memiliki ID formulir pengajuan (申請書ID)? ID ini tertulis di surat pemberitahuan perpanjangan atau di formulir pengajuan.
q-form = Apakah Anda memiliki formulir pengajuan (交付申請書)?
q-pasid-id = Apakah Anda membawa salah satu dari ini: Kartu My Number, kartu izin tinggal, sertifikat penduduk tetap khusus, SIM, atau sertifikat riwayat mengemudi?
q-photo-id = Apakah Anda membawa tanda pengenal berfoto (SIM, paspor, kartu izin tinggal, dll.)?
q-method = Bagaimana Anda ingin menerima kartu?
answer-method-mail = Dikirim ke rumah lewat pos
answer-method-visit = Saya akan datang lagi ke sini untuk mengambilnya
q-bring-card = Apakah Anda membawa Kartu My Number?
answer-card-at-home = Tidak, ada di rumah
answer-card-lost = Kartu saya hilang

## Guidance (no ticket needed)
guidance-title = Informasi
guidance-ok = Saya mengerti
g-not-resident = Silakan mengajukan di kantor distrik tempat Anda terdaftar. Anda juga bisa mengajukan secara daring lewat ponsel pintar atau komputer, atau lewat pos.
g-licence-online = Jika ingin terus memakai kartu sebagai SIM, silakan ajukan sendiri dengan ponsel pintar Anda di "situs pengajuan daring Kartu My Number". Anda tidak perlu nomor antrean.
g-no-application-id = Loket daring memerlukan ID formulir pengajuan (申請書ID). Ambil nomor di bawah: loket itu mencetak formulir pengajuan beserta ID-nya.
g-bring-card = Keperluan ini memerlukan Kartu My Number Anda. Silakan datang kembali dengan membawa kartu.
g-not-offered = Kantor ini tidak melayani "{ $service }". Silakan ke { $office }.
g-not-offered-nowhere = Keperluan ini tidak dilayani di sini. Silakan bertanya di Bagian Kependudukan (市民課) kantor distrik.
office-address = Alamat: { $address }
offer-ticket = Ambil nomor: { $service }
offer-question = Bertanya kepada petugas (ambil nomor)

## Notes shown with the ticket
note-pasid = Petugas akan mencetak formulir pengajuan yang sudah berisi nama dan alamat Anda dari tanda pengenal Anda.
note-blank-form = Loket ini mencetak formulir pengajuan Anda dari sistem data kependudukan. Setelah itu Anda akan diarahkan ke loket pengajuan.
note-no-postcard = Tanpa kartu pos, petugas akan menjelaskan cara menerima kartu Anda.
note-no-id = Tanpa tanda pengenal berfoto, kartu akan Anda ambil di loket ini di kemudian hari.
note-pickup-no-id = Tanpa tanda pengenal berfoto, petugas akan memeriksa dokumen lain yang bisa dipakai.
note-pickup-no-card = Beri tahu petugas apakah kartu Anda saat ini ada di rumah atau hilang.
note-lost-card = Petugas akan menjelaskan cara memblokir kartu yang hilang dan mengajukan kartu baru.
note-form-for-id = Loket ini mencetak formulir pengajuan Anda. ID pengajuan tertulis di formulir itu.

## Confirm and needs
confirm-title = Ambil nomor antrean untuk keperluan ini
confirm-service = Keperluan: { $service }
needs-title = Pilih jika Anda memerlukan bantuan (boleh dilewati)
need-braille = Formulir pengajuan dengan tanda tangan huruf braille
need-wheelchair = Kursi roda
need-written = Berkomunikasi secara tertulis
need-interpreter = Penerjemah
need-help = Tolong bantu saya
need-other = Hal lain (akan saya jelaskan di loket)
confirm-button = Ambil nomor saya
issuing = Sedang menerbitkan nomor Anda…

## Ticket
ticket-title = Nomor Anda
ticket-ahead = Orang di depan Anda: { $count }
ticket-eta = Perkiraan waktu tunggu: sekitar { $range } menit
# Nobody ahead: instead of a wait of 0–0 minutes.
ticket-eta-next = Anda berikutnya.
ticket-bring = Harap siapkan
ticket-qr = Pindai untuk melihat urutan antrean Anda
ticket-printing = Sedang mencetak tiket Anda…
ticket-printed = Silakan ambil tiket Anda.
ticket-print-failed = Tiket tidak dapat dicetak, tetapi nomor Anda sudah terdaftar. Silakan tunjukkan layar ini kepada petugas di loket.
ticket-done = Selesai
ticket-needs = Bantuan yang diperlukan
ticket-footer = Kota Kitakyushu · Loket Kartu My Number · Silakan datang ke loket saat nomor Anda dipanggil

## Failure screens
offline-title = Kios ini sedang tidak dapat digunakan
offline-body = Silakan ke { $place }. Petugas akan membantu Anda.
place-on-floor = { $place } ({ $floor })
closed-title = Saat ini di luar jam layanan
closed-next = Buka kembali: { $when }
closed-unknown = Silakan lihat pengumuman di loket untuk jam layanan.

## Idle
idle-title = Apakah Anda masih di sini?
idle-body = Kembali ke layar awal dalam { $seconds } detik.
idle-continue = Lanjutkan

## Ward offices a branch office sends visitors to (office-<site id>)
office-moji = Kantor Distrik Moji (門司区役所)
office-kokurakita = Kantor Distrik Kokurakita (小倉北区役所)
office-kokuraminami = Kantor Distrik Kokuraminami (小倉南区役所)
office-wakamatsu = Kantor Distrik Wakamatsu (若松区役所)
office-yahatahigashi = Kantor Distrik Yahatahigashi (八幡東区役所)
office-yahatanishi = Kantor Distrik Yahatanishi (八幡西区役所)
office-tobata = Kantor Distrik Tobata (戸畑区役所)

# Issued from the kiosk's lease while the server was unreachable
ticket-wait-unknown = Waktu tunggu belum diketahui.
ticket-offline-printed = Diterbitkan saat sistem offline; petugas loket sudah mengetahuinya.
ticket-offline-known = Kios ini tidak dapat terhubung ke sistem kantor, jadi memberi Anda nomor cadangan. Petugas loket mengetahui nomor ini dan akan memanggil Anda sesuai urutan.
offline-lease-out = Kios ini tidak dapat terhubung ke sistem kantor dan tidak punya nomor lagi untuk layanan ini. Silakan ke { $place }. Petugas akan membantu Anda.

# Layout: progress, the low-reach toggle, the waiting count and estimate on a purpose
progress-step = Langkah { $step } dari { $total }
low-reach = Tombol di bawah
purpose-wait-count = { $count } orang menunggu
purpose-wait-eta = sekitar { $range } menit
# Nobody waiting for the service.
purpose-wait-none = tanpa antre
# An estimated wait as a range of minutes ($range in the wait texts), e.g. 10–20.
wait-range = { $low }–{ $high }

## Speech and keypad mode (said, not shown; the braille offer is shown too)
speech-start = Panduan suara aktif. Tekan angka untuk memilih. Bintang untuk mengulang, nol untuk memanggil petugas, tombol titik untuk kembali, plus dan minus untuk volume, garis miring untuk penjelasan tombol.
speech-help = Panduan tombol. Angka memilih pilihan dengan nomor itu; jika ada lebih dari sembilan pilihan, tekan sembilan untuk pilihan lain. Tombol panah berpindah antarpilihan dan Enter memilih. Bintang mengulang layar. Titik, Backspace, atau pagar untuk kembali. Nol memanggil petugas. Plus dan minus mengeraskan atau mengecilkan suara. Setelah panduan ini, plus dan minus mempercepat atau memperlambat suara.
speech-choice = Tekan { $key }: { $label }
speech-choice-detail = Tekan { $key }: { $label }, { $detail }
speech-lang-choice = Untuk { $lang }, tekan { $key }
speech-on = dipilih
speech-off = tidak dipilih
speech-more = Tekan { $key }: pilihan lain
speech-first-page = Tekan { $key }: kembali ke pilihan pertama
speech-focus = Enter memilih: { $label }
speech-no-choice = Tidak ada pilihan { $key }. Tekan bintang untuk mengulang.
speech-nothing-to-choose = Tidak ada yang bisa dipilih di sini. Tekan bintang untuk mengulang.
speech-no-back = Anda tidak bisa kembali dari sini.
speech-volume = Volume { $level } dari 10
speech-rate = Kecepatan { $percent } persen
speech-any-key = Tekan tombol apa saja untuk melanjutkan.
speech-ticket-number = Nomor Anda { $letter }, { $number }.
speech-ticket-number-only = Nomor Anda { $number }.
speech-ticket-place = Anda akan dipanggil di { $place }.
speech-floor = lantai { $floor }
# A range of minutes said aloud (the screen writes 10–20).
speech-range = { $low } sampai { $high }
speech-ticket-place-floor = Anda akan dipanggil di { $place }, { $floor }.
speech-list = { $title }: { $items }
braille-title = Formulir pengajuan dengan tanda tangan huruf braille
braille-body = Ada formulir pengajuan yang bisa Anda tanda tangani dengan huruf braille; jika mau, petugas akan membawakannya dan membantu Anda. Apakah Anda ingin formulir ini?
braille-yes = Ya, saya mau
braille-no = Tidak, lanjutkan

## Bookings (issue 16)
purpose-booking = Saya sudah reservasi
booking-title = Masukkan nomor reservasi Anda
booking-hint = Ketik nomor reservasi dari email atau lembar konfirmasi, atau dekatkan kode batang atau kode QR-nya ke pemindai.
booking-erase = Hapus satu
booking-clear = Hapus semua
booking-submit = Check-in dengan nomor ini
booking-checking = Memeriksa reservasi Anda…
booking-refused-title = Reservasi Anda tidak dapat di-check-in
booking-unknown = Nomor reservasi { $reference } tidak ditemukan. Periksa nomornya dan ketik lagi.
booking-used = Tiket untuk reservasi ini sudah dikeluarkan. Jika tiket hilang, silakan panggil petugas.
booking-other-site = Reservasi ini untuk { $office }. Silakan pergi ke { $office }.
booking-other-site-unnamed = Reservasi ini untuk kantor lain. Periksa tempatnya di email konfirmasi.
booking-late = Waktu reservasi Anda sudah lewat. Silakan ambil tiket biasa.
booking-not-today = Reservasi ini bukan untuk hari ini. Datanglah pada hari reservasi, atau ambil tiket biasa.
booking-offline = Koneksi terputus, jadi reservasi tidak dapat diperiksa sekarang. Silakan ambil tiket biasa.
booking-retype = Ketik lagi
booking-normal = Ambil tiket biasa
ticket-booking-slot = Reservasi { $start }–{ $end }
ticket-booking-call = Dipanggil mulai sekitar { $time }
speech-booking = Ketik nomor reservasi dengan tombol angka, lalu tekan Enter. Tombol titik menghapus karakter terakhir. Di layar ini, nol juga angka.
speech-booking-now = Yang sudah diketik: { $typed }
speech-booking-empty = Belum ada yang diketik.
speech-hyphen = tanda hubung
