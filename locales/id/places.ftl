# Places in the office, shared by the kiosk (tickets) and the waiting-room display (board):
# counter areas (area-<id>, config/madoguchi.toml [[areas]]), numbered counters and named desks
# (desk-<id>, [[desks]]). $n is the counter's number; a desk without a number ignores it.

area-support = Resepsi dan bantuan
area-handover = Penyerahan kartu
area-online = Loket daring
area-city = Meja petugas kota
area-branch-staff = Meja petugas kantor cabang

counter-numbered = Loket { $n }
desk-city = Meja petugas kota { $n }
desk-branch-staff = Meja petugas kantor cabang
