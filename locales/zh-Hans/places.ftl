# Places in the office, shared by the kiosk (tickets) and the waiting-room display (board):
# counter areas (area-<id>, config/madoguchi.toml [[areas]]), numbered counters and named desks
# (desk-<id>, [[desks]]). $n is the counter's number; a desk without a number ignores it.

area-support = 受理・咨询
area-handover = 领卡窗口
area-online = 在线窗口
area-city = 市职员窗口
area-branch-staff = 派出所职员窗口

counter-numbered = { $n }号窗口
desk-city = 市职员窗口{ $n }
desk-branch-staff = 派出所职员窗口
