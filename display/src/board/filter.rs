//! Which counters and services one screen shows, when a site has several screens.

use madoguchi_protocol::{CounterStatus, ServiceId};

use super::CallView;

/// Limits of one display; empty lists mean "everything".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub counters: Vec<String>,
    pub services: Vec<ServiceId>,
}

impl Filter {
    pub fn shows_counter(&self, counter: &str) -> bool {
        self.counters.is_empty() || self.counters.iter().any(|c| c == counter)
    }

    pub fn shows_service(&self, service: &str) -> bool {
        self.services.is_empty() || self.services.iter().any(|s| s == service)
    }

    pub(super) fn shows_call(&self, call: &CallView, _counters: &[CounterStatus]) -> bool {
        self.shows_counter(&call.counter) && self.shows_service(&call.service)
    }

    /// The services whose queues this screen shows: the listed ones, or else those the
    /// listed counters serve; `None` for all.
    pub(super) fn queue_services(&self, counters: &[CounterStatus]) -> Option<Vec<ServiceId>> {
        if !self.services.is_empty() {
            return Some(self.services.clone());
        }
        if self.counters.is_empty() {
            return None;
        }
        let mut services: Vec<ServiceId> = Vec::new();
        for c in counters.iter().filter(|c| self.shows_counter(&c.id)) {
            for s in &c.services {
                if !services.contains(s) {
                    services.push(s.clone());
                }
            }
        }
        Some(services)
    }
}
