//! The braille-signature application form (点字記名用の交付申請書, seed 第10 6(3), 第11 4(3)) offered
//! in speech mode: a visitor who chose card pickup or an application (the lost-card purpose
//! ends in one) first hears what the form is and answers yes or no; yes marks the ticket so
//! staff come to the visitor. Without speech mode the flow is unchanged: the need is a toggle
//! on the confirm screen.

use madoguchi_protocol::Needs;

use super::{Effect, KioskState, Screen};

/// The services whose purposes offer the form first: card pickup and the application (the
/// lost-card purpose's `queue` is the application too).
pub const BRAILLE_QUEUES: [&str; 2] = ["pickup", "apply"];

impl KioskState {
    /// A purpose chosen: the braille offer first in speech mode, else its first node (or the
    /// office that does the errand).
    pub(crate) fn choose_purpose(&mut self, i: usize) -> Vec<Effect> {
        if self.screen != Screen::Purpose {
            return Vec::new();
        }
        self.start_purpose(i)
    }

    /// Purpose `i`'s first screen (from the purpose screen, or a booking's "normal ticket").
    pub(crate) fn start_purpose(&mut self, i: usize) -> Vec<Effect> {
        let Some((_, p)) = self.purposes().into_iter().find(|(j, _)| *j == i) else {
            return Vec::new();
        };
        let p = p.clone();
        // A choice made on an earlier purpose does not follow the visitor to another one.
        self.braille_form = false;
        if let Some(elsewhere) = self.elsewhere_for(&p) {
            return self.not_offered(Some(elsewhere));
        }
        let offered = p
            .queue
            .as_deref()
            .is_some_and(|q| BRAILLE_QUEUES.contains(&q));
        if self.speech && offered {
            self.go(Screen::BrailleOffer { purpose: i });
            return Vec::new();
        }
        self.enter_node(&p.start)
    }

    /// Yes or no on the braille offer; then the purpose's first node.
    pub(crate) fn answer_braille(&mut self, yes: bool) -> Vec<Effect> {
        let Screen::BrailleOffer { purpose } = self.screen else {
            return Vec::new();
        };
        let Some(start) = self.tree.purposes.get(purpose).map(|p| p.start.clone()) else {
            return Vec::new();
        };
        self.braille_form = yes;
        self.enter_node(&start)
    }

    /// The needs a new confirm screen starts with: what the visitor already said.
    pub(crate) fn first_needs(&self) -> Needs {
        Needs {
            braille_form: self.braille_form,
            ..Needs::default()
        }
    }
}
