//! The `report` subcommand, on the store `--db` names (SQLite or PostgreSQL):
//! `report daily --site ID --date YYYY-MM-DD --format xlsx|csv|html [--out FILE]`,
//! `report monthly --month YYYY-MM --format … [--baseline CSV] [--out FILE]`,
//! `report manual --site ID --date … --kind phone --label 電話対応 --count 4 --by LOGIN`.

use std::path::PathBuf;

use anyhow::Context as _;
use clap::{Args, Subcommand};
use madoguchi_engine::Config;
use madoguchi_protocol::Timestamp;
use madoguchi_reports::request::{ManualCountRequest, date_or, defaults, month_or};
use madoguchi_reports::{Baseline, Format, Rendered};

use crate::store::{Store, Write};

#[derive(Debug, Clone, Args)]
pub struct ReportArgs {
    #[command(subcommand)]
    pub kind: ReportKind,
}

#[derive(Debug, Clone, Subcommand)]
pub enum ReportKind {
    /// The daily report (日報) of one site.
    Daily {
        #[arg(long)]
        site: String,
        /// YYYY-MM-DD; default yesterday.
        #[arg(long)]
        date: Option<String>,
        #[arg(long, default_value = "xlsx")]
        format: Format,
        /// Output file; `-` for standard output; default nippo-SITE-DATE.EXT here.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// The citywide monthly report (月報) with 2025 beside it.
    Monthly {
        /// YYYY-MM; default last month.
        #[arg(long)]
        month: Option<String>,
        #[arg(long, default_value = "xlsx")]
        format: Format,
        /// Another comparison CSV (category,site,month,count) instead of the shipped 2025 one.
        #[arg(long)]
        baseline: Option<PathBuf>,
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Record work without a ticket (e.g. phone consultations) for a site's day.
    Manual {
        #[arg(long)]
        site: String,
        /// YYYY-MM-DD; default today.
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        kind: String,
        #[arg(long)]
        label: String,
        #[arg(long)]
        count: u32,
        /// The staff login entering it.
        #[arg(long)]
        by: String,
    },
}

fn save(rendered: &Rendered, out: Option<PathBuf>) -> anyhow::Result<()> {
    use std::io::Write as _;
    match out {
        Some(p) if p.as_os_str() == "-" => std::io::stdout()
            .write_all(&rendered.bytes)
            .context("could not write to standard output"),
        other => {
            let path = other.unwrap_or_else(|| PathBuf::from(&rendered.file_name));
            std::fs::write(&path, &rendered.bytes).with_context(|| {
                format!(
                    "could not write {}; check the folder exists and is writable",
                    path.display()
                )
            })?;
            eprintln!("wrote {}", path.display());
            Ok(())
        }
    }
}

fn known_site(config: &Config, site: &str) -> anyhow::Result<()> {
    if config.site(site).is_none() {
        anyhow::bail!(
            "there is no site \"{site}\"; use one of: {}",
            config.site_ids().join(", ")
        );
    }
    Ok(())
}

/// Runs a `report` subcommand against the server's database.
pub async fn run(
    store: &dyn Store,
    config: &Config,
    args: ReportArgs,
    now: Timestamp,
) -> anyhow::Result<()> {
    let (yesterday, last_month) = defaults(now);
    match args.kind {
        ReportKind::Daily {
            site,
            date,
            format,
            out,
        } => {
            known_site(config, &site)?;
            let date = date_or(date.as_deref(), yesterday)?;
            save(
                &super::daily(store, config, &site, date, format, now).await?,
                out,
            )
        }
        ReportKind::Monthly {
            month,
            format,
            baseline,
            out,
        } => {
            let month = month_or(month.as_deref(), last_month)?;
            let baseline = match baseline {
                Some(p) => {
                    let text = std::fs::read_to_string(&p)
                        .with_context(|| format!("could not read {}", p.display()))?;
                    Some(Baseline::parse(&text)?)
                }
                None => None,
            };
            save(
                &super::monthly(store, config, month, format, baseline).await?,
                out,
            )
        }
        ReportKind::Manual {
            site,
            date,
            kind,
            label,
            count,
            by,
        } => {
            known_site(config, &site)?;
            let req = ManualCountRequest {
                date,
                kind,
                label_ja: label,
                count,
            };
            let row = super::manual_count(&site, &by, &req, now)?;
            store.commit(vec![Write::ManualCount(row)]).await?;
            eprintln!("recorded {count} × {} for {site}", req.label_ja);
            Ok(())
        }
    }
}
