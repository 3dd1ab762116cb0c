//! Folding one `SiteEvent` into the board: the display's only state transition.

use chrono::TimeDelta;
use madoguchi_protocol::{Call, EventBody, SiteEvent, Timestamp};

use super::{ANNOUNCE_MAX_AGE_SECONDS, BoardView, CallState, CallView, HIGHLIGHT_SECONDS};

/// What the shell must do after an event.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Already folded in (a replayed id) or for another site: nothing changed.
    Ignored,
    /// The board changed; nothing to announce.
    Applied,
    /// The board changed and this call must be announced (chime and voice).
    Announce(Call),
    /// The board cannot follow (a gap in ids, or the day changed): fetch a new snapshot.
    Reload,
}

/// A call as first shown: current, highlighted unless it is old news.
pub(super) fn call_view(call: &Call, now: Timestamp) -> CallView {
    CallView {
        number: call.number.clone(),
        service: call.service.clone(),
        counter: call.counter.clone(),
        counter_name: call.counter_name.clone(),
        counter_number: call.counter_number,
        desk_key: call.desk_key.clone(),
        area: call.area.clone(),
        area_key: call.area_key.clone(),
        lang: call.lang,
        at: call.at,
        recalls: call.recalls,
        staff_to_visitor: call.staff_to_visitor,
        state: CallState::Current,
        highlight_until: is_fresh(call, now).then(|| now + TimeDelta::seconds(HIGHLIGHT_SECONDS)),
    }
}

fn is_fresh(call: &Call, now: Timestamp) -> bool {
    now.signed_duration_since(call.at) <= TimeDelta::seconds(ANNOUNCE_MAX_AGE_SECONDS)
}

impl BoardView {
    /// Folds one event in. Events must come in id order without holes: a hole or a day
    /// change answers [`Outcome::Reload`] and leaves the board as it was.
    pub fn apply(&mut self, event: &SiteEvent, now: Timestamp) -> Outcome {
        if event.site != self.site || event.id <= self.last_event_id {
            return Outcome::Ignored;
        }
        if event.id != self.last_event_id + 1 || matches!(event.body, EventBody::DayChanged) {
            return Outcome::Reload;
        }
        self.last_event_id = event.id;
        self.last_update = now;
        if let Some(queues) = event.body.queues() {
            self.set_queues(queues);
        }
        match &event.body {
            EventBody::Issued { ticket, .. } => {
                self.note_lang(ticket.lang);
                Outcome::Applied
            }
            EventBody::Called { call, .. } => self.on_called(call, now),
            EventBody::Done { ticket, .. } | EventBody::Cancelled { ticket, .. } => {
                self.set_state(&ticket.number, CallState::Past);
                Outcome::Applied
            }
            EventBody::NoShow { ticket, .. } => {
                self.set_state(&ticket.number, CallState::Missed);
                Outcome::Applied
            }
            // Waiting again (put back, or sent on to another queue): the number leaves the
            // board until a counter calls it again.
            EventBody::Requeued { ticket, .. } | EventBody::Transferred { ticket, .. } => {
                self.calls.retain(|c| c.number != ticket.number);
                Outcome::Applied
            }
            EventBody::CounterPaused { counter, .. } | EventBody::CounterOpened { counter, .. } => {
                let open = matches!(event.body, EventBody::CounterOpened { .. });
                if let Some(c) = self.counters.iter_mut().find(|c| &c.id == counter) {
                    c.open = open;
                }
                Outcome::Applied
            }
            EventBody::Notice { text } => {
                self.notice = text.clone();
                Outcome::Applied
            }
            EventBody::Started { .. }
            | EventBody::CounterWeights { .. }
            | EventBody::AssistRequested { .. }
            | EventBody::PrintFailed { .. }
            | EventBody::AlertAcknowledged { .. }
            | EventBody::DisplayAlert { .. }
            | EventBody::DayChanged => Outcome::Applied,
        }
    }

    fn on_called(&mut self, call: &Call, now: Timestamp) -> Outcome {
        self.note_lang(call.lang);
        if let Some(c) = self.counters.iter_mut().find(|c| c.id == call.counter) {
            c.current = Some(call.number.clone());
        }
        let view = call_view(call, now);
        if !self.filter.shows_call(&view, &self.counters) {
            return Outcome::Applied;
        }
        self.calls.retain(|c| c.number != call.number);
        // A counter calls one number at a time: its previous one is finished for the board.
        for c in &mut self.calls {
            if c.counter == call.counter && c.state == CallState::Current {
                c.state = CallState::Past;
            }
        }
        self.calls.insert(0, view);
        self.trim_history();
        if is_fresh(call, now) {
            Outcome::Announce(call.clone())
        } else {
            Outcome::Applied
        }
    }

    fn set_state(&mut self, number: &str, state: CallState) {
        for c in &mut self.calls {
            if c.number == number {
                c.state = state;
                c.highlight_until = None;
            }
        }
        for c in &mut self.counters {
            if c.current.as_deref() == Some(number) {
                c.current = None;
            }
        }
    }
}
