# Places in the office, shared by the kiosk (tickets) and the waiting-room display (board):
# counter areas (area-<id>, config/madoguchi.toml [[areas]]), numbered counters and named desks
# (desk-<id>, [[desks]]). $n is the counter's number; a desk without a number ignores it.

area-support = 접수・지원
area-handover = 카드 교부 창구
area-online = 온라인 창구
area-city = 시 직원 창구
area-branch-staff = 출장소 직원 창구

counter-numbered = { $n }번 창구
desk-city = 시 직원 창구 { $n }
desk-branch-staff = 출장소 직원 창구
