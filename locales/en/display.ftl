# Waiting-room display captions (madoguchi-display). Numbers and counters are not translated.
display-now-calling = Now calling
display-number = Number
display-counter = Counter
display-recent = Called
display-missed = Called but not present — please ask at the counter
# A call whose visitor staff fetch from the waiting area (braille-signature form).
display-staff-to-visitor = Staff will come to you
display-queues = Waiting now
display-service = Service
display-waiting = Waiting
display-wait = Estimated wait
display-people = { $count } people
display-minutes = about { $range } min
# An estimated wait as a range of minutes ($range above), e.g. 10–20.
display-range = { $low }–{ $high }
display-wait-short = short wait
display-wait-medium = busy
display-wait-long = very busy
display-paused = paused
display-closed = Reception is closed now
display-closed-today = Closed today
display-hours = Today's hours { $open }–{ $close }
display-next-opening = Next opening { $when }
display-offline = Connection lost since { $since }. This board may be out of date.
display-last-update = Last update { $time }
display-notice = Notice (in Japanese)
# The date on the board: $weekday and $monthname come from the comma-separated lists below.
display-date = { $weekday } { $day } { $monthname }
display-weekdays = Mon, Tue, Wed, Thu, Fri, Sat, Sun
display-months = Jan, Feb, Mar, Apr, May, Jun, Jul, Aug, Sep, Oct, Nov, Dec
