//! Loading the triage file: the shipped tree passes, and each kind of mistake a city editor can
//! make is refused with a sentence naming the node or key.

use madoguchi_kiosk::i18n::Localizer;
use madoguchi_kiosk::triage::{Node, TriageError, TriageTree};

fn parse(text: &str) -> Result<TriageTree, TriageError> {
    TriageTree::parse(text, &Localizer::shipped().expect("shipped locales load"))
}

const PURPOSE: &str = "[[purpose]]\nlabel = \"purpose-pickup\"\nstart = \"q\"\n";

#[test]
fn the_shipped_tree_loads_and_pickup_starts_with_the_documents_to_bring() {
    let tree = TriageTree::shipped(&Localizer::shipped().unwrap()).unwrap();
    let pickup = tree
        .purposes
        .iter()
        .find(|p| p.label == "purpose-pickup")
        .unwrap();
    assert!(
        matches!(&tree.nodes[&pickup.start], Node::Question { text, .. } if text == "q-pickup-bring")
    );
    assert!(tree.services_from("apply-resident").contains("online"));
}

#[test]
fn mistakes_are_refused_with_clear_errors() {
    let q = |next: &str| {
        format!(
            "{PURPOSE}[nodes.q]\nquestion = \"q-pickup-bring\"\nanswers = [{{ label = \"answer-yes\", next = \"{next}\" }}, {{ label = \"answer-no\", next = \"t\" }}]\n[nodes.t]\nticket = [\"pickup\"]\n"
        )
    };
    assert!(parse(&q("t")).is_ok());
    assert_eq!(
        parse(&q("nowhere")).unwrap_err(),
        TriageError::MissingNode {
            from: "q".into(),
            to: "nowhere".into()
        }
    );
    assert_eq!(parse(&q("q")).unwrap_err(), TriageError::Cycle("q".into()));
    let unreachable = format!("{}[nodes.lost]\nticket = [\"pickup\"]\n", q("t"));
    assert_eq!(
        parse(&unreachable).unwrap_err(),
        TriageError::Unreachable("lost".into())
    );
    let bad_key = q("t").replace("answer-no", "answer-maybe");
    let err = parse(&bad_key).unwrap_err();
    assert!(
        matches!(&err, TriageError::MissingKey { key, .. } if key == "answer-maybe"),
        "{err}"
    );
    assert!(err.to_string().contains("kiosk.ftl"), "{err}");
    let unknown_service = q("t").replace("[\"pickup\"]", "[\"teleport\"]");
    assert!(
        matches!(parse(&unknown_service).unwrap_err(), TriageError::MissingKey { key, .. } if key == "service-teleport")
    );
    let two_kinds = format!(
        "{PURPOSE}[nodes.q]\nticket = [\"pickup\"]\nguidance = \"g-bring-card\"\nreason = \"x\"\n"
    );
    assert_eq!(
        parse(&two_kinds).unwrap_err(),
        TriageError::Kind("q".into())
    );
    let bad_offer = format!(
        "{PURPOSE}[nodes.q]\nguidance = \"g-bring-card\"\nreason = \"x\"\noffer = [\"teleport\"]\n"
    );
    assert!(
        matches!(parse(&bad_offer).unwrap_err(), TriageError::MissingKey { key, .. } if key == "service-teleport")
    );
    let no_reason = format!("{PURPOSE}[nodes.q]\nguidance = \"g-bring-card\"\n");
    assert_eq!(
        parse(&no_reason).unwrap_err(),
        TriageError::NoReason("q".into())
    );
    assert!(matches!(
        parse("not toml [").unwrap_err(),
        TriageError::Syntax(_)
    ));
}
