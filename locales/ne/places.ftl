# Places in the office, shared by the kiosk (tickets) and the waiting-room display (board):
# counter areas (area-<id>, config/madoguchi.toml [[areas]]), numbered counters and named desks
# (desk-<id>, [[desks]]). $n is the counter's number; a desk without a number ignores it.

area-support = रिसेप्सन र सहायता
area-handover = कार्ड वितरण काउन्टर
area-online = अनलाइन काउन्टर
area-city = नगर कर्मचारी काउन्टर
area-branch-staff = शाखा कर्मचारी काउन्टर

counter-numbered = काउन्टर { $n }
desk-city = नगर कर्मचारी काउन्टर { $n }
desk-branch-staff = शाखा कर्मचारी काउन्टर
