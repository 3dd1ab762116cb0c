# Places in the office, shared by the kiosk (tickets) and the waiting-room display (board):
# counter areas (area-<id>, config/madoguchi.toml [[areas]]), numbered counters and named desks
# (desk-<id>, [[desks]]). $n is the counter's number; a desk without a number ignores it.

area-support = Tiếp nhận và hỗ trợ
area-handover = Quầy giao thẻ
area-online = Quầy trực tuyến
area-city = Quầy nhân viên thành phố
area-branch-staff = Quầy nhân viên chi nhánh

counter-numbered = Quầy số { $n }
desk-city = Quầy nhân viên thành phố { $n }
desk-branch-staff = Quầy nhân viên chi nhánh
