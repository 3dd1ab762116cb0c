//! The triage tree as data (`assets/triage/triage.toml`): purposes, questions, and outcomes
//! (a ticket for a service, or guidance that may offer a ticket for another counter). Loaded and
//! validated once at start: every node reachable, no dead ends, every locale key present in every
//! language.

use std::collections::{BTreeMap, BTreeSet};

use madoguchi_protocol::{Lang, ServiceId};
use serde::Deserialize;

use crate::i18n::Localizer;

/// The shipped tree.
pub const SHIPPED: &str = include_str!("../../assets/triage/triage.toml");

/// One button of the purpose screen.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Purpose {
    /// Locale key of the button label.
    pub label: String,
    /// First node.
    pub start: String,
    /// The service whose waiting count the button shows, if any.
    #[serde(default)]
    pub queue: Option<ServiceId>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    pub label: String,
    pub next: String,
}

/// A node as written in the file; [`Node`] is what it means.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNode {
    question: Option<String>,
    #[serde(default)]
    answers: Vec<Answer>,
    ticket: Option<Vec<ServiceId>>,
    note: Option<String>,
    guidance: Option<String>,
    reason: Option<String>,
    #[serde(default)]
    offer: Vec<ServiceId>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTree {
    purpose: Vec<Purpose>,
    nodes: BTreeMap<String, RawNode>,
}

/// A step of the triage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    Question {
        text: String,
        answers: Vec<Answer>,
    },
    /// A ticket for the first of `services` that the site offers.
    Ticket {
        services: Vec<ServiceId>,
        note: Option<String>,
    },
    /// No ticket for what was asked: the visitor is told where to go. `reason` is reported to the
    /// server. `offer` is a ticket for another counter that helps (the first the site offers),
    /// shown with `note`; the kiosk adds a question ticket to every guidance screen.
    Guidance {
        text: String,
        reason: String,
        offer: Vec<ServiceId>,
        note: Option<String>,
    },
}

/// Why a tree file was refused, as a sentence for whoever edits it.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TriageError {
    #[error("The triage file is not valid TOML: {0}")]
    Syntax(String),
    #[error("Triage node \"{0}\" must have exactly one of question, ticket or guidance.")]
    Kind(String),
    #[error("Triage question \"{0}\" needs at least two answers.")]
    FewAnswers(String),
    #[error("Triage guidance \"{0}\" needs a reason (an id such as not_resident).")]
    NoReason(String),
    #[error("Triage ticket \"{0}\" names no service.")]
    NoService(String),
    #[error("\"{from}\" leads to node \"{to}\", which does not exist.")]
    MissingNode { from: String, to: String },
    #[error("Triage node \"{0}\" cannot be reached from any purpose.")]
    Unreachable(String),
    #[error("Triage node \"{0}\" is on a loop: every path must end in a ticket or guidance.")]
    Cycle(String),
    #[error("Text key \"{key}\" is missing in locales/{lang}/kiosk.ftl.")]
    MissingKey { key: String, lang: Lang },
    #[error("The triage file has no purpose.")]
    NoPurpose,
}

/// A validated triage tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TriageTree {
    pub purposes: Vec<Purpose>,
    pub nodes: BTreeMap<String, Node>,
}

impl TriageTree {
    /// The shipped tree, checked against the shipped locales.
    pub fn shipped(i18n: &Localizer) -> Result<Self, TriageError> {
        Self::parse(SHIPPED, i18n)
    }

    /// Parses and validates a tree.
    pub fn parse(text: &str, i18n: &Localizer) -> Result<Self, TriageError> {
        let raw: RawTree = toml::from_str(text).map_err(|e| TriageError::Syntax(e.to_string()))?;
        let mut nodes = BTreeMap::new();
        for (id, n) in raw.nodes {
            let node = match (n.question, n.ticket, n.guidance) {
                (Some(text), None, None) => {
                    if n.answers.len() < 2 {
                        return Err(TriageError::FewAnswers(id));
                    }
                    Node::Question {
                        text,
                        answers: n.answers,
                    }
                }
                (None, Some(services), None) => {
                    if services.is_empty() {
                        return Err(TriageError::NoService(id));
                    }
                    Node::Ticket {
                        services,
                        note: n.note,
                    }
                }
                (None, None, Some(text)) => Node::Guidance {
                    text,
                    reason: n.reason.ok_or_else(|| TriageError::NoReason(id.clone()))?,
                    offer: n.offer,
                    note: n.note,
                },
                _ => return Err(TriageError::Kind(id)),
            };
            nodes.insert(id, node);
        }
        let tree = TriageTree {
            purposes: raw.purpose,
            nodes,
        };
        tree.validate(i18n)?;
        Ok(tree)
    }

    fn validate(&self, i18n: &Localizer) -> Result<(), TriageError> {
        if self.purposes.is_empty() {
            return Err(TriageError::NoPurpose);
        }
        let mut keys: BTreeSet<String> = BTreeSet::new();
        for p in &self.purposes {
            keys.insert(p.label.clone());
            self.check_exists(&p.label, &p.start)?;
        }
        for (id, node) in &self.nodes {
            match node {
                Node::Question { text, answers } => {
                    keys.insert(text.clone());
                    for a in answers {
                        keys.insert(a.label.clone());
                        self.check_exists(id, &a.next)?;
                    }
                }
                Node::Ticket { services, note } => {
                    keys.extend(note.iter().cloned());
                    for s in services {
                        keys.insert(format!("service-{s}"));
                    }
                }
                Node::Guidance {
                    text, offer, note, ..
                } => {
                    keys.insert(text.clone());
                    keys.extend(note.iter().cloned());
                    for s in offer {
                        keys.insert(format!("service-{s}"));
                    }
                }
            }
        }
        for key in keys {
            for lang in Lang::ALL {
                if !i18n.has(lang, &key) {
                    return Err(TriageError::MissingKey {
                        key: key.clone(),
                        lang,
                    });
                }
            }
        }
        // Reachability and loops: depth-first from every purpose.
        let mut seen = BTreeSet::new();
        for p in &self.purposes {
            self.walk(&p.start, &mut Vec::new(), &mut seen)?;
        }
        if let Some(id) = self.nodes.keys().find(|id| !seen.contains(id.as_str())) {
            return Err(TriageError::Unreachable(id.clone()));
        }
        Ok(())
    }

    fn check_exists(&self, from: &str, to: &str) -> Result<(), TriageError> {
        if self.nodes.contains_key(to) {
            Ok(())
        } else {
            Err(TriageError::MissingNode {
                from: from.to_owned(),
                to: to.to_owned(),
            })
        }
    }

    fn walk<'a>(
        &'a self,
        id: &'a str,
        path: &mut Vec<&'a str>,
        seen: &mut BTreeSet<&'a str>,
    ) -> Result<(), TriageError> {
        if path.contains(&id) {
            return Err(TriageError::Cycle(id.to_owned()));
        }
        seen.insert(id);
        if let Some(Node::Question { answers, .. }) = self.nodes.get(id) {
            path.push(id);
            for a in answers {
                self.walk(&a.next, path, seen)?;
            }
            path.pop();
        }
        Ok(())
    }

    /// Every service a node can end in (used to hide purposes a site cannot serve).
    pub fn services_from(&self, id: &str) -> BTreeSet<ServiceId> {
        let mut out = BTreeSet::new();
        let mut stack = vec![id];
        while let Some(id) = stack.pop() {
            match self.nodes.get(id) {
                Some(Node::Question { answers, .. }) => {
                    stack.extend(answers.iter().map(|a| a.next.as_str()));
                }
                Some(Node::Ticket { services, .. }) => out.extend(services.iter().cloned()),
                _ => {}
            }
        }
        out
    }
}
