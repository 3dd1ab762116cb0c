//! The kiosk's non-window subcommands: `decode-ticket`, `bench`, `tour`.

use std::sync::Arc;

use crate::config::{Command, Settings};
use crate::i18n::Localizer;
use crate::triage::TriageTree;

/// Runs one subcommand.
pub fn run(
    command: Command,
    settings: &Settings,
    i18n: Arc<Localizer>,
    tree: Arc<TriageTree>,
) -> anyhow::Result<()> {
    let _ = (settings, i18n, tree);
    match command {
        Command::TestPrint { .. } => anyhow::bail!("test-print is handled by main"),
        Command::DecodeTicket { .. } | Command::Bench { .. } | Command::Tour { .. } => {
            anyhow::bail!("This subcommand is not available in this build.")
        }
    }
}
