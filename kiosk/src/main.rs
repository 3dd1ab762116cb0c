//! The madoguchi lobby kiosk binary: the kiosk window (no subcommand), `test-print`,
//! `decode-ticket`, `bench`, `speech-bench` and `tour` (screenshots of every screen).

use std::sync::Arc;

use anyhow::Context;
use clap::Parser;
use madoguchi_kiosk::config::{Cli, Command, Settings};
use madoguchi_kiosk::flow::KioskState;
use madoguchi_kiosk::i18n::Localizer;
use madoguchi_kiosk::triage::TriageTree;
use madoguchi_kiosk::ui::app::{self, Kiosk};
use madoguchi_kiosk::{net, sample, ticket};
use madoguchi_protocol::{Lang, Needs};

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let i18n = Arc::new(Localizer::shipped()?);
    let tree = Arc::new(TriageTree::shipped(&i18n)?);
    match cli.command {
        None => {
            let net = net::spawn(cli.settings.clone(), i18n.clone())?;
            let kiosk = Kiosk {
                state: KioskState::new(tree),
                i18n,
                start: std::time::Instant::now(),
                net: Some(net),
                effects: Vec::new(),
                fixed_now: None,
            };
            app::run(kiosk, cli.settings.window, cli.speech.clone());
            Ok(())
        }
        Some(Command::TestPrint {
            lang,
            service,
            booked,
        }) => {
            init_logs();
            test_print(&cli.settings, &i18n, &lang, &service, booked)
        }
        Some(Command::SpeechBench { iterations }) => {
            init_logs();
            madoguchi_kiosk::speech::bench::run(&cli.speech, &i18n, &tree, iterations.max(1))
        }
        Some(other) => {
            if !matches!(other, Command::Tour { .. }) {
                init_logs();
            }
            madoguchi_kiosk::commands::run(other, &cli.settings, i18n, tree)
        }
    }
}

fn init_logs() {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .init();
}

fn test_print(
    settings: &Settings,
    i18n: &Localizer,
    lang: &str,
    service: &str,
    booked: bool,
) -> anyhow::Result<()> {
    let lang = Lang::from_code(lang).with_context(|| {
        format!(
            "Unknown language \"{lang}\": use one of {}.",
            Lang::ALL.map(Lang::code).join(", ")
        )
    })?;
    let spec: madoguchi_printer::PrinterSpec = settings.printer.parse()?;
    let needs = Needs {
        wheelchair: true,
        ..Needs::default()
    };
    let config = madoguchi_engine::Config::shipped();
    let site = sample::site_of(&settings.site).with_context(|| {
        format!(
            "Unknown site \"{}\": use one of {}.",
            settings.site,
            config.site_ids().join(", ")
        )
    })?;
    if !site.services.iter().any(|s| s.id == service && s.kiosk) {
        anyhow::bail!(
            "{} does not issue tickets for \"{service}\" at the kiosk: use one of {}.",
            site.name_ja,
            site.services
                .iter()
                .filter(|s| s.kiosk)
                .map(|s| s.id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let mut issued = sample::issued_at(&site, service, lang, needs);
    if booked {
        let booking = sample::booked(lang);
        issued.ticket.number = booking.ticket.number;
        issued.ticket.booking = booking.ticket.booking;
    }
    let layout = ticket::layout(i18n, lang, &issued, Some(&site));
    ticket::prepare(&spec);
    madoguchi_printer::print(&spec, &layout)
        .with_context(|| format!("The sample ticket did not print on {}", settings.printer))?;
    println!(
        "Printed a {} ticket of {} in {} on {} ({}).",
        service,
        site.name_ja,
        lang.native_name(),
        settings.printer,
        layout.area
    );
    Ok(())
}
