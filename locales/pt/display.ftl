# Waiting-room display captions (madoguchi-display). Numbers and counters are not translated.
display-now-calling = Chamando agora
display-number = Senha
display-counter = Guichê
display-recent = Já chamadas
display-missed = Chamadas sem comparecimento — informe-se no guichê
# A call whose visitor staff fetch from the waiting area (braille-signature form).
display-staff-to-visitor = Um funcionário virá buscá-lo
display-queues = Espera
display-service = Serviço
display-waiting = Aguardando
display-wait = Espera estimada
display-people = { $count } pessoas
display-minutes = cerca de { $range } min
# An estimated wait as a range of minutes ($range above), e.g. 10–20.
display-range = { $low }–{ $high }
display-wait-short = pouco movimento
display-wait-medium = movimentado
display-wait-long = muito movimentado
display-paused = pausado
display-closed = Fora do horário de atendimento
display-closed-today = Fechado hoje
display-hours = Horário de hoje { $open }–{ $close }
display-next-opening = Próxima abertura { $when }
display-offline = Sem conexão desde { $since }. O painel pode estar desatualizado.
display-last-update = Última atualização { $time }
display-notice = Aviso (em japonês)
# The date on the board: $weekday and $monthname come from the comma-separated lists below.
display-date = { $weekday }, { $day }/{ $month }
display-weekdays = seg., ter., qua., qui., sex., sáb., dom.
display-months = jan., fev., mar., abr., mai., jun., jul., ago., set., out., nov., dez.
