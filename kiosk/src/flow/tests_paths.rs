//! Every path of the shipped triage tree on every shipped site ends in a ticket the site offers or
//! in guidance that offers one; the seed's outcomes on a ward office; the questions the seed's
//! staff ask (第7, 第9) are on the paths.

use madoguchi_protocol::{Lang, SiteKind};

use super::tests::{kiosk, purpose_index, secs};
use super::*;
use crate::sample;
use crate::triage::Node;

/// Where one path ended: the answers taken, the screen and the effects of the last tap.
type Outcome = (Vec<usize>, Screen, Vec<Effect>);

/// Walks every answer of every question from the current question screen.
fn walk(k: &KioskState, outcomes: &mut Vec<Outcome>, path: Vec<usize>) {
    let Screen::Question { node } = &k.screen else {
        return;
    };
    let Some(Node::Question { answers, .. }) = k.tree.nodes.get(node) else {
        panic!("question screen without a question node: {node}");
    };
    for i in 0..answers.len() {
        let mut next = k.clone();
        let effects = next.apply(KioskEvent::Answer(i), secs(5));
        let mut p = path.clone();
        p.push(i);
        match &next.screen {
            Screen::Question { .. } => walk(&next, outcomes, p),
            other => outcomes.push((p, other.clone(), effects)),
        }
    }
}

/// Every outcome of every purpose at `site`, by purpose label.
fn outcomes_at(site: &SiteInfo) -> Vec<(String, Outcome)> {
    let mut base = kiosk();
    base.apply(KioskEvent::SiteLoaded(Box::new(site.clone())), secs(0));
    let mut all = Vec::new();
    for (i, p) in base.tree.purposes.clone().iter().enumerate() {
        let mut k = base.clone();
        k.apply(KioskEvent::ChooseLang(Lang::En), secs(1));
        let effects = k.apply(KioskEvent::ChoosePurpose(i), secs(2));
        let mut outcomes = Vec::new();
        match &k.screen {
            Screen::Question { .. } => walk(&k, &mut outcomes, Vec::new()),
            other => outcomes.push((Vec::new(), other.clone(), effects)),
        }
        assert!(
            !outcomes.is_empty(),
            "{}: {} leads nowhere",
            site.id,
            p.label
        );
        all.extend(outcomes.into_iter().map(|o| (p.label.clone(), o)));
    }
    all
}

#[test]
fn every_path_of_the_tree_on_every_shipped_site_ends_in_a_ticket_or_offers_one() {
    let config = madoguchi_engine::Config::shipped();
    assert_eq!(config.sites.len(), 13);
    for cfg in &config.sites {
        let site = sample::site_of(&cfg.id).expect("shipped site");
        let offered = |s: &str| site.services.iter().any(|x| x.id == s && x.kiosk);
        let outcomes = outcomes_at(&site);
        assert_eq!(
            outcomes
                .iter()
                .map(|(l, _)| l)
                .collect::<std::collections::BTreeSet<_>>()
                .len(),
            kiosk().tree.purposes.len(),
            "{}: a purpose is hidden",
            site.id
        );
        for (label, (path, screen, effects)) in outcomes {
            let at = format!("{} {label} {path:?}", site.id);
            match &screen {
                Screen::Confirm { service, .. } => {
                    assert!(offered(service), "{at}: ticket for {service}, not offered");
                    assert!(effects.is_empty(), "{at}: {effects:?}");
                }
                Screen::Guidance {
                    text,
                    offers,
                    elsewhere,
                } => {
                    assert!(
                        matches!(effects.as_slice(), [Effect::Guided(g)] if g.lang == Lang::En && !g.reason.is_empty()),
                        "{at}: guidance must be reported, got {effects:?}"
                    );
                    assert!(!offers.is_empty(), "{at}: {text} offers no ticket");
                    assert!(
                        offers.iter().all(|o| offered(&o.service)),
                        "{at}: {offers:?}"
                    );
                    assert!(
                        offers.iter().any(|o| o.service == QUESTIONS),
                        "{at}: no question ticket"
                    );
                    if text == "g-not-offered" {
                        let e = elsewhere.as_ref().unwrap_or_else(|| {
                            panic!("{at}: not offered here, but no office named")
                        });
                        assert_ne!(e.office.id, site.id, "{at}");
                        let there = sample::site_of(&e.office.id).expect("office is a site");
                        assert!(
                            there.services.iter().any(|s| s.id == e.service && s.kiosk),
                            "{at}: {} does not offer {}",
                            e.office.id,
                            e.service
                        );
                        if site.kind == SiteKind::Branch {
                            assert_eq!(there.kind, SiteKind::Ward, "{at}");
                        }
                    }
                }
                other => panic!("{at}: ended on {other:?}"),
            }
        }
    }
}

#[test]
fn at_branch_offices_without_pickup_the_purposes_name_the_ward_office() {
    for (branch, ward) in [
        ("dairi", "moji"),
        ("shimago", "wakamatsu"),
        ("kojaku", "yahatanishi"),
        ("yahataminami", "yahatanishi"),
    ] {
        let mut k = kiosk();
        k.apply(
            KioskEvent::SiteLoaded(Box::new(sample::site_of(branch).expect("site"))),
            secs(0),
        );
        for label in ["purpose-pickup", "purpose-apply", "purpose-lost"] {
            let i = purpose_index(&k, label);
            let e = k.elsewhere_for(&k.tree.purposes[i]).expect("named office");
            assert_eq!(e.office.id, ward, "{branch} {label}");
            let mut v = k.clone();
            v.apply(KioskEvent::ChooseLang(Lang::Vi), secs(1));
            v.apply(KioskEvent::ChoosePurpose(i), secs(1));
            assert!(
                matches!(&v.screen, Screen::Guidance { elsewhere: Some(e), .. } if e.office.id == ward),
                "{branch} {label}: {:?}",
                v.screen
            );
        }
        // What the branch does, it still does.
        let i = purpose_index(&k, "purpose-ecert");
        assert!(k.elsewhere_for(&k.tree.purposes[i]).is_none());
    }
}

/// Whether the question `question` is asked on some path of the purpose `label`.
fn path_to(label: &str, question: &str) -> bool {
    let k = kiosk();
    let p = &k.tree.purposes[purpose_index(&k, label)];
    let mut stack = vec![p.start.as_str()];
    while let Some(id) = stack.pop() {
        if let Some(Node::Question { text, answers }) = k.tree.nodes.get(id) {
            if text == question {
                return true;
            }
            stack.extend(answers.iter().map(|a| a.next.as_str()));
        }
    }
    false
}

#[test]
fn the_seeds_outcomes_on_a_ward_office() {
    let all = outcomes_at(&sample::site());
    let at = |label: &str, path: &[usize]| {
        all.iter()
            .find(|(l, (p, _, _))| l == label && p == path)
            .map(|(_, (_, s, _))| s.clone())
            .unwrap_or_else(|| panic!("no path {label} {path:?}"))
    };
    let confirm = |s: Screen| match s {
        Screen::Confirm { service, note, .. } => (service, note),
        other => panic!("expected a ticket, got {other:?}"),
    };
    let guidance = |s: Screen| match s {
        Screen::Guidance { text, offers, .. } => (
            text,
            offers.into_iter().map(|o| o.service).collect::<Vec<_>>(),
        ),
        other => panic!("expected guidance, got {other:?}"),
    };
    let q = || vec![QUESTIONS.to_owned()];
    // Not a resident → guidance; licence + own phone → online guidance.
    assert_eq!(guidance(at("purpose-apply", &[1])).0, "g-not-resident");
    assert_eq!(guidance(at("purpose-apply", &[1])).1, q());
    assert_eq!(
        guidance(at("purpose-apply", &[0, 0, 0, 0])).0,
        "g-licence-online"
    );
    assert_eq!(confirm(at("purpose-apply", &[0, 0, 0, 1, 0])).0, "online");
    // No application ID: the form counter prints a form that carries one (第7 1(2)イ).
    assert_eq!(
        guidance(at("purpose-apply", &[0, 0, 0, 1, 1])),
        (
            "g-no-application-id".to_owned(),
            vec!["form".to_owned(), QUESTIONS.to_owned()]
        )
    );
    // No form and no PASiD ID → the form counter; with a PASiD ID: mail or visit (第7 2(4)).
    assert_eq!(confirm(at("purpose-apply", &[0, 1, 1, 1])).0, "form");
    assert_eq!(confirm(at("purpose-apply", &[0, 1, 1, 0, 0])).0, "apply");
    assert_eq!(confirm(at("purpose-apply", &[0, 1, 1, 0, 1])).0, "assist");
    assert_eq!(confirm(at("purpose-apply", &[0, 1, 0, 0, 0])).0, "apply");
    assert_eq!(confirm(at("purpose-apply", &[0, 1, 0, 0, 1])).0, "assist");
    // Card pickup checks the postcard, photo ID and the current card (第9 1(2)(3)).
    assert_eq!(confirm(at("purpose-pickup", &[0])), ("pickup".into(), None));
    assert_eq!(
        confirm(at("purpose-pickup", &[2])).1.as_deref(),
        Some("note-pickup-no-id")
    );
    assert_eq!(
        confirm(at("purpose-pickup", &[3])).1.as_deref(),
        Some("note-pickup-no-card")
    );
    // The card at home → come back with it; lost → stop it and apply again.
    for label in ["purpose-ecert", "purpose-face", "purpose-pin"] {
        assert_eq!(guidance(at(label, &[1])).0, "g-bring-card");
        assert_eq!(
            confirm(at(label, &[2])).1.as_deref(),
            Some("note-lost-card")
        );
    }
    assert_eq!(
        confirm(at("purpose-lost", &[])).1.as_deref(),
        Some("note-lost-card")
    );
    assert!(path_to("purpose-apply", "q-method"));
    assert!(all.len() >= 30, "only {} paths", all.len());
}
