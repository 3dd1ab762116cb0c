# Places in the office, shared by the kiosk (tickets) and the waiting-room display (board):
# counter areas (area-<id>, config/madoguchi.toml [[areas]]), numbered counters and named desks
# (desk-<id>, [[desks]]). $n is the counter's number; a desk without a number ignores it.

area-support = Reception and support
area-handover = Card handover
area-online = Online window
area-city = City staff desks
area-branch-staff = Branch staff desk

counter-numbered = Counter { $n }
desk-city = City staff desk { $n }
desk-branch-staff = Branch staff desk
