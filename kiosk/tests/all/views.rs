//! View models as data: what each screen shows, in which language, without drawing anything.

use std::sync::Arc;
use std::time::Duration;

use madoguchi_kiosk::flow::{KioskEvent, KioskState};
use madoguchi_kiosk::i18n::Localizer;
use madoguchi_kiosk::triage::TriageTree;
use madoguchi_kiosk::{sample, view};
use madoguchi_protocol::{Lang, Needs};

fn setup() -> (KioskState, Localizer) {
    let i18n = Localizer::shipped().expect("locales");
    let tree = Arc::new(TriageTree::shipped(&i18n).expect("tree"));
    let mut k = KioskState::new(tree);
    k.apply(
        KioskEvent::SiteLoaded(Box::new(sample::site())),
        Duration::ZERO,
    );
    k.apply(
        KioskEvent::BoardLoaded {
            open: true,
            next_opening: None,
            queues: sample::queues(),
        },
        Duration::ZERO,
    );
    (k, i18n)
}

const T: Duration = Duration::from_secs(1);

fn purpose(k: &KioskState, label: &str) -> usize {
    k.tree
        .purposes
        .iter()
        .position(|p| p.label == label)
        .expect("purpose")
}

#[test]
fn home_offers_every_language_in_its_own_script() {
    let (k, i18n) = setup();
    let v = view::build(&k, &i18n, T);
    assert_eq!(v.name, "home");
    let labels: Vec<(&str, Lang)> = v
        .buttons
        .iter()
        .map(|b| (b.label.as_str(), b.lang))
        .collect();
    assert_eq!(labels.len(), 11);
    assert!(labels.contains(&("简体中文", Lang::ZhHans)));
    assert!(labels.contains(&("नेपाली", Lang::Ne)));
    assert!(v.bar.back.is_none() && v.bar.language.is_none());
    assert_eq!(v.bar.call_staff.label, "職員を呼ぶ");
}

#[test]
fn purpose_buttons_show_waiting_counts_and_where_the_rest_is_done() {
    let (mut k, i18n) = setup();
    let mut site = sample::site();
    site.services.retain(|s| s.id != "overseas");
    k.apply(KioskEvent::SiteLoaded(Box::new(site)), T);
    k.apply(KioskEvent::ChooseLang(Lang::En), T);
    let v = view::build(&k, &i18n, T);
    assert_eq!(v.title[0].text, "What did you come for today?");
    let abroad = v
        .buttons
        .iter()
        .find(|b| b.label == "I am moving abroad")
        .expect("shown, though not done here");
    let sub = abroad.sub.as_deref().unwrap_or_default();
    assert!(
        sub.starts_with("Done at ") && sub.contains("区役所"),
        "{sub}"
    );
    let pickup = v
        .buttons
        .iter()
        .find(|b| b.label == "Pick up my My Number Card")
        .expect("pickup");
    // The sample has nobody waiting for a card (`0–0`): no range of zero minutes.
    assert_eq!(pickup.sub.as_deref(), Some("0 waiting"));
    let chip = pickup.wait.as_ref().expect("wait chip");
    assert_eq!(
        (chip.count.as_str(), chip.eta.as_str()),
        ("0 waiting", "no wait")
    );
    let apply = v
        .buttons
        .iter()
        .find(|b| b.label.starts_with("Apply for a card"))
        .expect("apply");
    let q = sample::queues()
        .into_iter()
        .find(|q| q.service == "apply")
        .expect("queue");
    assert_eq!(
        (q.waiting, q.eta_range.low_min, q.eta_range.high_min),
        (3, 8, 18)
    );
    assert_eq!(apply.sub.as_deref(), Some("3 waiting · about 8–18 min"));
    let chip = apply.wait.as_ref().expect("wait chip");
    assert_eq!(chip.eta, "about 8–18 min");
    // The chip's colour still follows the point estimate, as on the waiting-room display.
    assert_eq!(chip.eta_min, q.eta_min);
}

#[test]
fn offline_and_closed_speak_the_visitors_language_and_japanese() {
    let (mut k, i18n) = setup();
    k.apply(KioskEvent::ChooseLang(Lang::Vi), T);
    k.apply(KioskEvent::ServerDown, T);
    let v = view::build(&k, &i18n, T);
    assert_eq!(v.name, "offline");
    let langs: Vec<Lang> = v.paragraphs.iter().map(|p| p.lang).collect();
    assert_eq!(langs.len(), 11);
    assert_eq!(langs[..2], [Lang::Vi, Lang::Ja]);
    assert_eq!(
        v.paragraphs[1].text,
        "4Fの受付・サポートへお越しください。職員がご案内します。"
    );
    assert!(v.paragraphs[0].text.starts_with("Vui lòng đến"));

    let (mut k, i18n) = setup();
    k.apply(KioskEvent::ChooseLang(Lang::En), T);
    k.apply(KioskEvent::ChoosePurpose(purpose(&k, "purpose-pickup")), T);
    k.apply(KioskEvent::Answer(0), T);
    k.apply(KioskEvent::Confirm, T);
    k.apply(
        KioskEvent::IssueClosed {
            attempt: 1,
            next_opening: Some(sample::time()),
        },
        T,
    );
    let v = view::build(&k, &i18n, T);
    assert_eq!(v.name, "closed");
    assert_eq!(v.paragraphs[0].text, "Opens again: 2026-11-25 09:41");
    assert_eq!(v.paragraphs[1].text, "次の受付開始: 2026-11-25 09:41");
}

#[test]
fn the_ticket_view_carries_number_wait_qr_documents_and_needs() {
    let (mut k, i18n) = setup();
    k.apply(KioskEvent::ChooseLang(Lang::Ko), T);
    let pickup = k
        .tree
        .purposes
        .iter()
        .position(|p| p.label == "purpose-pickup")
        .expect("pickup");
    k.apply(KioskEvent::ChoosePurpose(pickup), T);
    k.apply(KioskEvent::Answer(0), T);
    k.apply(KioskEvent::Confirm, T);
    let needs = Needs {
        interpreter: true,
        ..Needs::default()
    };
    let issued = sample::issued("pickup", Lang::Ko, needs);
    k.apply(
        KioskEvent::Issued {
            attempt: 1,
            issued: Box::new(issued.clone()),
        },
        T,
    );
    let v = view::build(&k, &i18n, T);
    let t = v.ticket.expect("ticket panel");
    assert_eq!(t.number, "A-023");
    assert_eq!(t.service, "카드 수령");
    assert_eq!(t.ahead, "앞에 기다리는 사람: 4명");
    assert_eq!(t.qr_url, issued.status_url);
    assert_eq!(t.documents[0], "교부 통지서 (엽서)");
    assert_eq!(t.needs, vec!["통역"]);
    assert!(!t.print_failed);
    assert!(v.bar.back.is_none(), "no way back into a finished errand");
}

#[test]
fn the_countdown_appears_after_a_minute_in_the_visitors_language() {
    let (mut k, i18n) = setup();
    k.apply(KioskEvent::ChooseLang(Lang::Pt), Duration::ZERO);
    assert!(
        view::build(&k, &i18n, Duration::from_secs(59))
            .countdown
            .is_none()
    );
    let c = view::build(&k, &i18n, Duration::from_secs(63))
        .countdown
        .expect("countdown");
    assert_eq!(c.body, "Voltando ao início em 7 segundos.");
    assert_eq!(c.button.event, KioskEvent::StillHere);
}

#[test]
fn guidance_offers_the_form_ticket_and_a_question_ticket_beside_i_understand() {
    let (mut k, i18n) = setup();
    k.apply(KioskEvent::ChooseLang(Lang::En), T);
    k.apply(KioskEvent::ChoosePurpose(purpose(&k, "purpose-apply")), T);
    for a in [0, 0, 0, 1, 1] {
        k.apply(KioskEvent::Answer(a), T);
    }
    let v = view::build(&k, &i18n, T);
    assert_eq!(v.name, "guidance");
    let labels: Vec<&str> = v.buttons.iter().map(|b| b.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Get a ticket: Application form printing",
            "Ask staff a question (get a ticket)"
        ]
    );
    assert_eq!(
        v.primary.as_ref().map(|b| b.label.as_str()),
        Some("I understand")
    );
    k.apply(v.buttons[0].event.clone(), T);
    let v = view::build(&k, &i18n, T);
    assert_eq!(v.name, "confirm");
    assert!(
        v.paragraphs.iter().any(|p| p.text
            == "This counter prints your application form. The application ID is on the form."),
        "{:?}",
        v.paragraphs
    );
}

#[test]
fn at_a_branch_office_pickup_names_the_ward_office_in_the_visitors_language() {
    let (mut k, i18n) = setup();
    k.apply(
        KioskEvent::SiteLoaded(Box::new(sample::site_of("dairi").expect("dairi"))),
        T,
    );
    for (lang, office) in [
        (Lang::Ja, "門司区役所"),
        (Lang::JaEasy, "もじ くやくしょ（門司区役所）"),
        (Lang::En, "Moji Ward Office (門司区役所)"),
        (Lang::Ko, "모지구청 (門司区役所)"),
    ] {
        let mut k = k.clone();
        k.apply(KioskEvent::ChooseLang(lang), T);
        k.apply(KioskEvent::ChoosePurpose(purpose(&k, "purpose-pickup")), T);
        let v = view::build(&k, &i18n, T);
        assert_eq!(v.name, "guidance");
        assert!(
            v.paragraphs[0].text.contains(office),
            "{lang}: {}",
            v.paragraphs[0].text
        );
        assert!(
            v.paragraphs[1].text.contains("北九州市門司区清滝"),
            "{lang}: {}",
            v.paragraphs[1].text
        );
        assert_eq!(v.buttons.len(), 1, "{lang}: the question ticket");
    }
}

#[test]
fn the_tour_reaches_the_new_guidance_and_branch_screens() {
    let i18n = Localizer::shipped().expect("locales");
    let tree = Arc::new(TriageTree::shipped(&i18n).expect("tree"));
    let steps = madoguchi_kiosk::ui::tour::steps(&tree, Lang::Ja, "");
    for (file, name, buttons) in [
        ("guidance-offer", "guidance", 2),
        ("purpose-branch", "purpose", tree.purposes.len()),
        ("guidance-elsewhere", "guidance", 1),
        ("confirm-lost-card", "confirm", 0),
    ] {
        let step = steps
            .iter()
            .find(|s| s.file.contains(file))
            .unwrap_or_else(|| panic!("no tour step {file}"));
        let k = madoguchi_kiosk::ui::tour::state_for(&tree, step);
        let v = view::build(&k, &i18n, T);
        assert_eq!(v.name, name, "{file}");
        assert_eq!(v.buttons.len(), buttons, "{file}");
    }
}
