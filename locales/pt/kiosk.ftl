# madoguchi kiosk — Português

## Screen chrome
home-title = Balcão do Cartão My Number
home-choose = Escolha o seu idioma
home-speech = Guia por voz: aperte qualquer tecla do teclado numérico.
back = Voltar
language = Idioma
call-staff = Chamar funcionário
call-staff-offline = Chamada de funcionário indisponível
staff-coming = Um funcionário está a caminho. Por favor, aguarde aqui.
staff-call-failed = Não foi possível chamar um funcionário. Fale com o balcão mais próximo.
large-text = Letra grande
loading = Preparando. Aguarde um momento.

## Purpose
purpose-title = O que você veio fazer hoje?
purpose-waiting = { $count } aguardando · cerca de { $range } min
purpose-none = Este balcão não está atendendo nenhum serviço agora. Fale com um funcionário.
purpose-elsewhere = Atendido em: { $office }
purpose-pickup = Retirar o meu Cartão My Number
purpose-apply = Solicitar o cartão (novo, renovação, segunda via)
purpose-express = Emissão expressa
purpose-ecert = Renovar os certificados eletrônicos
purpose-face = Atualizar os dados do cartão (endereço etc.)
purpose-pin = Redefinir a senha (PIN)
purpose-overseas = Vou me mudar para o exterior
purpose-lost = Perdi o meu Cartão My Number
purpose-inquiry = Dúvidas e consultas

## Service names (also read by the waiting-room display)
service-pickup = Retirada do cartão
service-apply = Solicitação (cartão enviado pelo correio)
service-assist = Solicitação com apoio de tablet
service-express = Emissão expressa
service-online = Balcão on-line
service-ecert = Renovação do certificado eletrônico
service-face = Atualização dos dados do cartão
service-overseas = Mudança para o exterior
service-form = Impressão do formulário de solicitação
service-pin = Redefinição da senha (PIN)
service-inquiry = Dúvidas
service-city = Balcão dos funcionários da Divisão de Cidadãos

## Documents to have ready
doc-notice-postcard = Cartão-postal de aviso (交付通知書)
doc-photo-id = Documento com foto (carteira de motorista, passaporte, cartão de residente etc.)
doc-current-card = O seu Cartão My Number atual
doc-notification-card = Cartão de notificação (se tiver)
doc-residence-card = Cartão de residente ou certificado de residente permanente especial (se tiver)
doc-application-form = Formulário de solicitação (交付申請書)
doc-photo = Foto do rosto (se tiver; também pode ser tirada aqui)
doc-application-id = ID do formulário de solicitação (申請書ID)
doc-passport = Passaporte
doc-pin = A sua senha (PIN) (lembre-se dela)

## Triage questions and answers
answer-yes = Sim
answer-no = Não
q-pickup-bring = Você trouxe estes itens? O cartão-postal de aviso (交付通知書), um documento com foto (carteira de motorista, cartão de residente etc.) e o seu Cartão My Number atual, se tiver um.
answer-pickup-all = Sim, trouxe tudo
answer-no-postcard = Não tenho o cartão-postal
answer-pickup-no-id = Não tenho documento com foto
answer-pickup-no-card = Não trouxe o meu cartão atual
q-resident = O seu endereço registrado (住民票) fica neste distrito (ou na área desta filial)?
q-have-card = Você já tem um Cartão My Number? (renovação ou segunda via)
q-licence = Você usa o cartão como carteira de motorista (マイナ免許証) e quer continuar usando?
q-smartphone = Você consegue fazer a solicitação no seu próprio smartphone?
q-application-id = Você tem o ID do formulário de solicitação (申請書ID)? Ele está no aviso de renovação ou no formulário.
q-form = Você tem o formulário de solicitação (交付申請書)?
q-pasid-id = Você tem algum destes documentos: Cartão My Number, cartão de residente, certificado de residente permanente especial, carteira de motorista ou certificado de histórico de condução?
q-photo-id = Você trouxe um documento com foto (carteira de motorista, passaporte, cartão de residente etc.)?
q-method = Como você quer receber o cartão?
answer-method-mail = Pelo correio, em casa
answer-method-visit = Volto aqui depois para retirar
q-bring-card = Você trouxe o seu Cartão My Number?
answer-card-at-home = Não, está em casa
answer-card-lost = Perdi o meu cartão

## Guidance (no ticket needed)
guidance-title = Informação
guidance-ok = Entendi
g-not-resident = Faça a solicitação na prefeitura distrital do distrito onde você está registrado. Também é possível solicitar on-line pelo smartphone ou computador, ou pelo correio.
g-licence-online = Para continuar usando o cartão como carteira de motorista, faça a solicitação no seu próprio smartphone pelo "site de solicitação on-line do Cartão My Number". Não é preciso pegar senha de atendimento.
g-no-application-id = O balcão on-line precisa do ID de solicitação (申請書ID). Pegue a senha abaixo: esse balcão imprime um formulário de solicitação com o ID.
g-bring-card = Este serviço precisa do seu Cartão My Number. Volte trazendo o cartão.
g-not-offered = Este local não atende "{ $service }". Dirija-se a: { $office }.
g-not-offered-nowhere = Este serviço não é atendido aqui. Pergunte na Divisão de Cidadãos (市民課) de uma prefeitura distrital.
office-address = Endereço: { $address }
offer-ticket = Pegar senha: { $service }
offer-question = Tirar dúvidas com um funcionário (pegar senha)

## Notes shown with the ticket
note-pasid = O funcionário vai imprimir um formulário já preenchido com o seu nome e endereço a partir do seu documento.
note-blank-form = Este balcão imprime o seu formulário de solicitação a partir do registro de residentes. Depois, você será encaminhado ao balcão de solicitação.
note-no-postcard = Sem o cartão-postal, o funcionário vai explicar como você pode receber o cartão.
note-no-id = Sem documento com foto, você vai retirar o cartão neste balcão mais tarde.
note-pickup-no-id = Sem documento com foto, o funcionário vai verificar quais outros documentos você pode usar.
note-pickup-no-card = Diga ao funcionário se o seu cartão atual está em casa ou se foi perdido.
note-lost-card = O funcionário vai explicar como bloquear o cartão perdido e solicitar um novo.
note-form-for-id = Este balcão imprime o seu formulário de solicitação. O ID de solicitação está no formulário.

## Confirm and needs
confirm-title = Pegar uma senha para este serviço
confirm-service = Serviço: { $service }
needs-title = Escolha se precisar de ajuda (pode pular)
need-braille = Formulário com assinatura em braile
need-wheelchair = Cadeira de rodas
need-written = Comunicação por escrito
need-interpreter = Intérprete
need-help = Preciso de ajuda
need-other = Outra coisa (explico no balcão)
confirm-button = Pegar a minha senha
issuing = Emitindo a sua senha…

## Ticket
ticket-title = O seu número
ticket-ahead = Pessoas na sua frente: { $count }
ticket-eta = Espera estimada: cerca de { $range } min
# Nobody ahead: instead of a wait of 0–0 minutes.
ticket-eta-next = Você é o próximo.
ticket-bring = Deixe preparado
ticket-qr = Escaneie para ver a sua posição na fila
ticket-printing = Imprimindo a sua senha…
ticket-printed = Retire a sua senha.
ticket-print-failed = Não foi possível imprimir a senha, mas o seu número está registrado. Mostre esta tela ao funcionário no balcão.
ticket-done = Concluir
ticket-needs = Ajuda necessária
ticket-footer = Cidade de Kitakyushu · Balcão do Cartão My Number · Quando o seu número for chamado, dirija-se ao balcão

## Failure screens
offline-title = O terminal não está disponível agora
offline-body = Dirija-se a: { $place }. Um funcionário vai atendê-lo.
place-on-floor = { $place } ({ $floor })
closed-title = Fora do horário de atendimento
closed-next = Abre novamente: { $when }
closed-unknown = Consulte o aviso no balcão para ver o horário de atendimento.

## Idle
idle-title = Você ainda está aí?
idle-body = Voltando ao início em { $seconds } segundos.
idle-continue = Continuar

## Ward offices a branch office sends visitors to (office-<site id>)
office-moji = Prefeitura Distrital de Moji (門司区役所)
office-kokurakita = Prefeitura Distrital de Kokurakita (小倉北区役所)
office-kokuraminami = Prefeitura Distrital de Kokuraminami (小倉南区役所)
office-wakamatsu = Prefeitura Distrital de Wakamatsu (若松区役所)
office-yahatahigashi = Prefeitura Distrital de Yahatahigashi (八幡東区役所)
office-yahatanishi = Prefeitura Distrital de Yahatanishi (八幡西区役所)
office-tobata = Prefeitura Distrital de Tobata (戸畑区役所)

# Issued from the kiosk's lease while the server was unreachable
ticket-wait-unknown = O tempo de espera ainda não é conhecido.
ticket-offline-printed = Emitido com o sistema fora do ar; os funcionários do balcão sabem.
ticket-offline-known = Este terminal não conseguiu se conectar ao sistema da prefeitura e lhe deu um número de reserva. Os funcionários do balcão conhecem esses números e vão chamá-lo na sua vez.
offline-lease-out = Este terminal não consegue se conectar ao sistema da prefeitura e não tem mais números para este serviço. Dirija-se a: { $place }. Um funcionário vai atendê-lo.

# Layout: progress, the low-reach toggle, the waiting count and estimate on a purpose
progress-step = Passo { $step } de { $total }
low-reach = Botões mais abaixo
purpose-wait-count = { $count } aguardando
purpose-wait-eta = cerca de { $range } min
# Nobody waiting for the service.
purpose-wait-none = sem espera
# An estimated wait as a range of minutes ($range in the wait texts), e.g. 10–20.
wait-range = { $low }–{ $high }

## Speech and keypad mode (said, not shown; the braille offer is shown too)
speech-start = Guia por voz ligado. Aperte um número para escolher. Asterisco repete, zero chama um funcionário, a tecla ponto volta, mais e menos mudam o volume e a barra explica as teclas.
speech-help = Guia das teclas. Um número escolhe a opção com esse número; com mais de nove opções, o nove dá mais opções. As setas passam de uma opção a outra e o Enter escolhe. O asterisco repete a tela. O ponto, o Backspace ou a cerquilha voltam. O zero chama um funcionário. Mais e menos aumentam ou diminuem o volume. Depois deste guia, mais e menos deixam a voz mais rápida ou mais lenta.
speech-choice = Tecla { $key }: { $label }
speech-choice-detail = Tecla { $key }: { $label }, { $detail }
speech-lang-choice = Para { $lang }, aperte { $key }
speech-on = selecionado
speech-off = não selecionado
speech-more = Tecla { $key }: mais opções
speech-first-page = Tecla { $key }: voltar às primeiras opções
speech-focus = O Enter escolhe: { $label }
speech-no-choice = Não há a opção { $key }. Aperte asterisco para ouvir de novo.
speech-nothing-to-choose = Não há nada para escolher aqui. Aperte asterisco para ouvir de novo.
speech-no-back = Daqui não é possível voltar.
speech-volume = Volume { $level } de 10
speech-rate = Velocidade { $percent } por cento
speech-any-key = Aperte qualquer tecla para continuar.
speech-ticket-number = Seu número é { $letter }, { $number }.
speech-ticket-number-only = Seu número é { $number }.
speech-ticket-place = Você será chamado em { $place }.
speech-floor = { $floor }º andar
# A range of minutes said aloud (the screen writes 10–20).
speech-range = { $low } a { $high }
speech-ticket-place-floor = Você será chamado em { $place }, { $floor }.
speech-list = { $title }: { $items }
braille-title = Formulário com assinatura em braile
braille-body = Existe um formulário de pedido que você pode assinar em braile; se quiser, um funcionário o traz até você e ajuda. Quer este formulário?
braille-yes = Sim, quero
braille-no = Não, continuar

## Bookings (issue 16)
purpose-booking = Tenho um agendamento
booking-title = Digite o número do seu agendamento
booking-hint = Digite o número do agendamento que está no e-mail de confirmação ou no comprovante, ou aproxime o código de barras ou QR do leitor.
booking-erase = Apagar um
booking-clear = Apagar tudo
booking-submit = Confirmar com este número
booking-checking = Verificando o seu agendamento…
booking-refused-title = Não foi possível confirmar o seu agendamento
booking-unknown = Não encontramos o agendamento número { $reference }. Confira o número e digite de novo.
booking-used = Já foi emitida uma senha para este agendamento. Se você perdeu a senha, chame um funcionário.
booking-other-site = Este agendamento é para { $office }. Por favor, vá até { $office }.
booking-other-site-unnamed = Este agendamento é para outro local. Confira o local no e-mail de confirmação.
booking-late = O horário do seu agendamento já passou. Por favor, retire uma senha normal.
booking-not-today = Este agendamento não é para hoje. Venha no dia do agendamento, ou retire uma senha normal.
booking-offline = Sem conexão, não é possível verificar agendamentos agora. Por favor, retire uma senha normal.
booking-retype = Digitar de novo
booking-normal = Retirar uma senha normal
ticket-booking-slot = Agendamento { $start }–{ $end }
ticket-booking-call = Chamada a partir de cerca de { $time }
speech-booking = Digite o número do agendamento com as teclas numéricas e aperte Enter. A tecla de ponto apaga o último caractere. Nesta tela, o zero também é um número.
speech-booking-now = Digitado até agora: { $typed }
speech-booking-empty = Nada foi digitado ainda.
speech-hyphen = hífen
