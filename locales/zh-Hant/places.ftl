# Places in the office, shared by the kiosk (tickets) and the waiting-room display (board):
# counter areas (area-<id>, config/madoguchi.toml [[areas]]), numbered counters and named desks
# (desk-<id>, [[desks]]). $n is the counter's number; a desk without a number ignores it.

area-support = 受理・諮詢
area-handover = 領卡窗口
area-online = 線上窗口
area-city = 市職員窗口
area-branch-staff = 派出所職員窗口

counter-numbered = { $n }號窗口
desk-city = 市職員窗口{ $n }
desk-branch-staff = 派出所職員窗口
