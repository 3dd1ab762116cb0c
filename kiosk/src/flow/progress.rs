//! "Step 2 of 4": where the visitor is in the flow, from the screens behind them (the history)
//! and the longest way left through the triage tree. The total is an upper bound: it may drop
//! once an answer rules the longer branches out, and never falls below the current step.

use super::{BRAILLE_QUEUES, KioskState, Screen};
use crate::triage::{Node, TriageTree};

/// The visitor's step and the number of steps at most.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub step: u32,
    pub total: u32,
}

/// Screens left from `node` on its longest path, counting the node itself: a question, then
/// what follows; a ticket is its confirm screen; guidance is its screen and the confirm of the
/// ticket it may offer. `budget` stops a cycle (the tree is checked acyclic, this is a guard).
fn depth(tree: &TriageTree, node: &str, budget: usize) -> u32 {
    match tree.nodes.get(node) {
        _ if budget == 0 => 1,
        Some(Node::Question { answers, .. }) => {
            1 + answers
                .iter()
                .map(|a| depth(tree, &a.next, budget - 1))
                .max()
                .unwrap_or(0)
        }
        Some(Node::Ticket { .. }) | None => 1,
        Some(Node::Guidance { .. }) => 2,
    }
}

impl KioskState {
    /// The progress to show, on the screens between choosing a language and getting the
    /// ticket; `None` elsewhere (home, issuing, ticket, closed, offline).
    pub fn progress(&self) -> Option<Progress> {
        let budget = self.tree.nodes.len() + 1;
        // Every screen behind the visitor was one step (home is the language step).
        let step = self.history.len() as u32 + 1;
        let left = match &self.screen {
            Screen::Purpose => {
                1 + self
                    .purposes()
                    .into_iter()
                    .map(|(_, p)| match self.elsewhere_for(p) {
                        Some(_) => 2,
                        None => depth(&self.tree, &p.start, budget) + self.braille_offer(p),
                    })
                    .max()
                    .unwrap_or(0)
            }
            Screen::BrailleOffer { purpose } => {
                1 + self
                    .tree
                    .purposes
                    .get(*purpose)
                    .map_or(1, |p| depth(&self.tree, &p.start, budget))
            }
            Screen::Question { node } => depth(&self.tree, node, budget),
            Screen::Guidance { offers, .. } => 1 + u32::from(!offers.is_empty()),
            Screen::Confirm { .. } => 1,
            _ => return None,
        };
        Some(Progress {
            step,
            total: (step + left - 1).max(step),
        })
    }

    /// 1 when speech mode offers the braille-signature form before `purpose`'s questions.
    fn braille_offer(&self, purpose: &crate::triage::Purpose) -> u32 {
        let offered = purpose
            .queue
            .as_deref()
            .is_some_and(|q| BRAILLE_QUEUES.contains(&q));
        u32::from(self.speech && offered)
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{kiosk, purpose_index, secs};
    use super::*;
    use crate::flow::KioskEvent;
    use madoguchi_protocol::Lang;

    fn at(k: &KioskState) -> (u32, u32) {
        let p = k.progress().expect("progress shown");
        (p.step, p.total)
    }

    #[test]
    fn card_pickup_counts_language_purpose_question_and_confirm() {
        let mut k = kiosk();
        assert_eq!(k.progress(), None);
        k.apply(KioskEvent::ChooseLang(Lang::En), secs(1));
        let (step, longest) = at(&k);
        assert_eq!(step, 2);
        k.apply(
            KioskEvent::ChoosePurpose(purpose_index(&k, "purpose-pickup")),
            secs(1),
        );
        assert_eq!(at(&k), (3, 4));
        assert!(longest >= 4);
        k.apply(KioskEvent::Answer(0), secs(1));
        assert_eq!(at(&k), (4, 4));
        k.apply(KioskEvent::Back, secs(1));
        assert_eq!(at(&k), (3, 4));
    }

    #[test]
    fn the_total_never_grows_along_any_answer_of_the_application_path() {
        let mut k = kiosk();
        k.apply(KioskEvent::ChooseLang(Lang::Vi), secs(1));
        let mut last = at(&k);
        k.apply(
            KioskEvent::ChoosePurpose(purpose_index(&k, "purpose-apply")),
            secs(1),
        );
        for answer in [0, 0, 0, 1, 0] {
            let now = at(&k);
            assert!(now.0 == last.0 + 1 && now.1 <= last.1, "{last:?} → {now:?}");
            last = now;
            k.apply(KioskEvent::Answer(answer), secs(1));
        }
        assert!(matches!(k.screen, Screen::Confirm { .. }));
        assert_eq!(at(&k).0, at(&k).1);
    }
}
