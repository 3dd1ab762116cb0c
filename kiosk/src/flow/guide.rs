//! Walking the triage tree and the guidance screens it ends in. Guidance is never a dead end:
//! it offers the ticket of a counter that helps (the node's `offer`), always a question ticket,
//! and, when this office does not do the errand, names the nearest office that does.

use madoguchi_protocol::{GuidedRequest, ServiceId};

use super::{Effect, Elsewhere, KioskState, Offer, QUESTIONS, Screen};
use crate::triage::{Node, Purpose};

impl KioskState {
    /// For a purpose whose errand (`queue`) this office does not take: the office that does.
    pub fn elsewhere_for(&self, purpose: &Purpose) -> Option<Elsewhere> {
        let service = purpose.queue.as_ref()?;
        if self.offers(service) {
            return None;
        }
        self.elsewhere(std::slice::from_ref(service))
    }

    /// The nearest office that offers the first of `services` any office offers.
    fn elsewhere(&self, services: &[ServiceId]) -> Option<Elsewhere> {
        let site = self.site.as_ref()?;
        services.iter().find_map(|service| {
            self.directory
                .nearest(site, service)
                .map(|office| Elsewhere {
                    service: service.clone(),
                    office: office.clone(),
                })
        })
    }

    pub(crate) fn enter_node(&mut self, id: &str) -> Vec<Effect> {
        let Some(node) = self.tree.nodes.get(id).cloned() else {
            return Vec::new();
        };
        match node {
            Node::Question { .. } => {
                self.go(Screen::Question {
                    node: id.to_owned(),
                });
                Vec::new()
            }
            Node::Ticket { services, note } => {
                match services.iter().find(|s| self.offers(s)) {
                    Some(service) => self.go(Screen::Confirm {
                        service: service.clone(),
                        note,
                        needs: self.first_needs(),
                    }),
                    None => {
                        let elsewhere = self.elsewhere(&services);
                        return self.not_offered(elsewhere);
                    }
                }
                Vec::new()
            }
            Node::Guidance {
                text,
                reason,
                offer,
                note,
            } => {
                let offers = self.offers_with(&offer, note);
                self.guide(text, &reason, offers, None)
            }
        }
    }

    /// "This office does not do it": where it is done, and a question ticket.
    pub(crate) fn not_offered(&mut self, elsewhere: Option<Elsewhere>) -> Vec<Effect> {
        let offers = self.offers_with(&[], None);
        self.guide(
            "g-not-offered".to_owned(),
            "service_not_offered",
            offers,
            elsewhere,
        )
    }

    /// The first of `offer` the site takes (with `note`), then the question ticket.
    fn offers_with(&self, offer: &[ServiceId], note: Option<String>) -> Vec<Offer> {
        let mut offers: Vec<Offer> = offer
            .iter()
            .find(|s| self.offers(s))
            .map(|s| Offer {
                service: s.clone(),
                note,
            })
            .into_iter()
            .collect();
        if self.offers(QUESTIONS) && !offers.iter().any(|o| o.service == QUESTIONS) {
            offers.push(Offer {
                service: QUESTIONS.to_owned(),
                note: None,
            });
        }
        offers
    }

    fn guide(
        &mut self,
        text: String,
        reason: &str,
        offers: Vec<Offer>,
        elsewhere: Option<Elsewhere>,
    ) -> Vec<Effect> {
        self.go(Screen::Guidance {
            text,
            offers,
            elsewhere,
        });
        vec![Effect::Guided(GuidedRequest {
            reason: reason.to_owned(),
            lang: self.lang,
        })]
    }
}
