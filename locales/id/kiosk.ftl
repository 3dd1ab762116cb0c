# madoguchi kiosk — Bahasa Indonesia

## Screen chrome
home-title = Loket Kartu My Number
home-choose = Silakan pilih bahasa Anda
back = Kembali
language = Bahasa
call-staff = Panggil petugas
staff-coming = Petugas akan segera datang. Silakan tunggu di sini.
staff-call-failed = Petugas tidak dapat dipanggil. Silakan bertanya ke loket terdekat.
large-text = Huruf besar
loading = Sedang menyiapkan. Mohon tunggu sebentar.

## Purpose
purpose-title = Apa keperluan Anda hari ini?
purpose-waiting = { $count } orang menunggu · sekitar { $minutes } menit
purpose-none = Loket ini sedang tidak melayani keperluan apa pun. Silakan bertanya kepada petugas.
purpose-pickup = Mengambil Kartu My Number
purpose-apply = Mengajukan kartu (baru, perpanjangan, penerbitan ulang)
purpose-express = Penerbitan kilat
purpose-ecert = Memperpanjang sertifikat elektronik
purpose-face = Mengubah data pada kartu (alamat, dll.)
purpose-pin = Mengatur ulang PIN
purpose-overseas = Pindah ke luar negeri
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
q-postcard = Apakah Anda membawa kartu pos pemberitahuan (交付通知書)?
answer-have-postcard = Ya, saya membawa kartu posnya
answer-no-postcard = Tidak, saya tidak membawanya
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

## Guidance (no ticket needed)
guidance-title = Informasi
guidance-ok = Saya mengerti
g-not-resident = Silakan mengajukan di kantor distrik tempat Anda terdaftar. Anda juga bisa mengajukan secara daring lewat ponsel pintar atau komputer, atau lewat pos.
g-licence-online = Jika ingin terus memakai kartu sebagai SIM, silakan ajukan sendiri dengan ponsel pintar Anda di "situs pengajuan daring Kartu My Number". Anda tidak perlu nomor antrean.
g-no-application-id = Loket daring memerlukan ID formulir pengajuan. Silakan ambil ID tersebut terlebih dahulu di loket Bagian Kependudukan (市民課).
g-bring-card = Keperluan ini memerlukan Kartu My Number Anda. Silakan datang kembali dengan membawa kartu.
g-not-offered = Keperluan ini tidak dilayani di sini. Silakan bertanya di Bagian Kependudukan (市民課) kantor distrik.

## Notes shown with the ticket
note-pasid = Petugas akan mencetak formulir pengajuan yang sudah berisi nama dan alamat Anda dari tanda pengenal Anda.
note-blank-form = Loket ini mencetak formulir pengajuan Anda dari sistem data kependudukan. Setelah itu Anda akan diarahkan ke loket pengajuan.
note-no-postcard = Tanpa kartu pos, petugas akan menjelaskan cara menerima kartu Anda.
note-no-id = Tanpa tanda pengenal berfoto, kartu akan Anda ambil di loket ini di kemudian hari.

## Confirm and needs
confirm-title = Ambil nomor antrean untuk keperluan ini
confirm-service = Keperluan: { $service }
needs-title = Pilih jika Anda memerlukan bantuan (boleh dilewati)
need-braille = Formulir pengajuan dengan tanda tangan huruf braille
need-wheelchair = Kursi roda
need-written = Berkomunikasi secara tertulis
need-interpreter = Penerjemah
need-help = Tolong bantu saya
confirm-button = Ambil nomor saya
issuing = Sedang menerbitkan nomor Anda…

## Ticket
ticket-title = Nomor Anda
ticket-ahead = Orang di depan Anda: { $count }
ticket-eta = Perkiraan waktu tunggu: sekitar { $minutes } menit
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
offline-body = Silakan langsung ke loket. Petugas akan membantu Anda.
closed-title = Saat ini di luar jam layanan
closed-next = Buka kembali: { $when }
closed-unknown = Silakan lihat pengumuman di loket untuk jam layanan.

## Idle
idle-title = Apakah Anda masih di sini?
idle-body = Kembali ke layar awal dalam { $seconds } detik.
idle-continue = Lanjutkan
