# Places in the office, shared by the kiosk (tickets) and the waiting-room display (board):
# counter areas (area-<id>, config/madoguchi.toml [[areas]]), numbered counters and named desks
# (desk-<id>, [[desks]]). $n is the counter's number; a desk without a number ignores it.

area-support = 受付・サポート
area-handover = 交付窓口
area-online = オンライン窓口
area-city = 市職員窓口
area-branch-staff = 出張所職員窓口

counter-numbered = { $n }番窓口
desk-city = 市職員窓口{ $n }
desk-branch-staff = 出張所職員窓口
