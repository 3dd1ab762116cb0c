# Places in the office, shared by the kiosk (tickets) and the waiting-room display (board):
# counter areas (area-<id>, config/madoguchi.toml [[areas]]), numbered counters and named desks
# (desk-<id>, [[desks]]). $n is the counter's number; a desk without a number ignores it.

area-support = Reception at tulong
area-handover = Pagbibigay ng card
area-online = Online na window
area-city = Mesa ng kawani ng lungsod
area-branch-staff = Mesa ng kawani ng sangay

counter-numbered = Counter { $n }
desk-city = Mesa ng kawani ng lungsod { $n }
desk-branch-staff = Mesa ng kawani ng sangay
