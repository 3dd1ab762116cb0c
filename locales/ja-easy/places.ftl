# Places in the office, shared by the kiosk (tickets) and the waiting-room display (board):
# counter areas (area-<id>, config/madoguchi.toml [[areas]]), numbered counters and named desks
# (desk-<id>, [[desks]]). $n is the counter's number; a desk without a number ignores it.

area-support = うけつけ・サポート
area-handover = カードを わたす まどぐち
area-online = オンライン まどぐち
area-city = しやくしょの しょくいんの まどぐち
area-branch-staff = しゅっちょうじょの しょくいんの まどぐち

counter-numbered = { $n }ばん まどぐち
desk-city = しやくしょの しょくいんの まどぐち { $n }
desk-branch-staff = しゅっちょうじょの しょくいんの まどぐち
