# Places in the office, shared by the kiosk (tickets) and the waiting-room display (board):
# counter areas (area-<id>, config/madoguchi.toml [[areas]]), numbered counters and named desks
# (desk-<id>, [[desks]]). $n is the counter's number; a desk without a number ignores it.

area-support = Recepção e apoio
area-handover = Entrega do cartão
area-online = Guichê online
area-city = Balcão dos funcionários da prefeitura
area-branch-staff = Balcão dos funcionários da filial

counter-numbered = Guichê { $n }
desk-city = Balcão da prefeitura { $n }
desk-branch-staff = Balcão dos funcionários da filial
