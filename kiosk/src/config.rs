//! Command line and environment settings of the kiosk (`--server`/`MADOGUCHI_SERVER`, one
//! address or a comma-separated list, …).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use madoguchi_protocol::ServerList;

use crate::speech::voice::SpeechPaths;

/// The madoguchi lobby kiosk.
#[derive(Debug, Parser)]
#[command(version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub settings: Settings,
    /// Speech mode's engines, voice and headphone jack.
    #[command(flatten)]
    pub speech: SpeechPaths,
}

/// Where the kiosk talks to and prints.
#[derive(Debug, Clone, Args)]
pub struct Settings {
    /// Base URL of the madoguchi server, or of several separated by commas in order of
    /// preference (`http://a:8080,http://b:8080`): a server that stops answering is left for the
    /// next one.
    #[arg(
        long,
        env = "MADOGUCHI_SERVER",
        default_value = "http://127.0.0.1:8080",
        value_parser = ServerList::parse,
        global = true
    )]
    pub server: ServerList,
    /// Site id, e.g. yahatanishi.
    #[arg(
        long,
        env = "MADOGUCHI_SITE",
        default_value = "yahatanishi",
        global = true
    )]
    pub site: String,
    /// Kiosk device token (`madoguchi-server token create`).
    #[arg(
        long,
        env = "MADOGUCHI_KIOSK_TOKEN",
        default_value = "",
        global = true,
        hide_env_values = true
    )]
    pub token: String,
    /// Printer spec: tcp:HOST:PORT, usb:VID:PID, serial:DEVICE:BAUD, file:PATH or png:PATH.
    #[arg(
        long,
        env = "MADOGUCHI_PRINTER",
        default_value = "png:data/tickets/last.png",
        global = true
    )]
    pub printer: String,
    /// Folder of the kiosk's own durable state: today's lease of numbers and the journal of
    /// tickets issued while the server was unreachable.
    #[arg(
        long,
        env = "MADOGUCHI_KIOSK_DATA",
        default_value = "data/kiosk",
        global = true
    )]
    pub data_dir: PathBuf,
    /// Device name reported with assistance requests (default: the hostname).

    #[arg(long, global = true)]
    pub kiosk_id: Option<String>,
    /// Window size, e.g. 1080x1920 (portrait) or 1920x1080 (landscape).
    #[arg(long, global = true, value_parser = parse_window)]
    pub window: Option<(u32, u32)>,
}

impl Settings {
    pub fn kiosk_id(&self) -> String {
        self.kiosk_id
            .clone()
            .unwrap_or_else(|| gethostname::gethostname().to_string_lossy().into_owned())
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print what the kiosk would print for a ticket of the site (`--site`, from the shipped
    /// configuration) and a service, as an installer does to check a printer.
    TestPrint {
        #[arg(long, default_value = "ja")]
        lang: String,
        /// The service id (e.g. `pickup`, `ecert`); card pickup by default.
        #[arg(long, default_value = "pickup")]
        service: String,
        /// A checked-in booking instead: `R-004`, its slot 10:30–11:00, called from 10:25.
        #[arg(long)]
        booked: bool,
    },
    /// Decode an ESC/POS file (what a file: printer got) back to a PNG.
    DecodeTicket {
        file: PathBuf,
        #[arg(long)]
        png: PathBuf,
    },
    /// Time from the confirm tap to the last byte handed to the printer, and memory.
    Bench {
        #[arg(long, default_value_t = 20)]
        iterations: u32,
    },
    /// Speech mode: time from a key to the first sound per language (uncached and cached), size
    /// of the speech engines and voices on disk, memory with the speech thread running.
    SpeechBench {
        #[arg(long, default_value_t = 5)]
        iterations: u32,
    },
    /// Shrink screenshots in place (for the copies kept in docs/).
    #[command(hide = true)]
    ShrinkPngs {
        files: Vec<PathBuf>,
        #[arg(long, default_value_t = 0.5)]
        scale: f32,
    },
    /// Print what speech mode says along every path of the triage tree, screen by screen, one
    /// phrase per line, at the site of `--site` (from the shipped configuration).
    SpeechScript {
        /// The visitor's language, e.g. `ja`, `en`, `vi`.
        #[arg(long, default_value = "ja")]
        lang: String,
    },
    /// Step through every screen with a fake server and save a screenshot of each.
    Tour {
        #[arg(long)]
        out: PathBuf,
        /// Comma-separated language codes.
        #[arg(long, default_value = "ja,ja-easy,en,vi,ne")]
        langs: String,
    },
}

/// Parses `WIDTHxHEIGHT`.
pub fn parse_window(s: &str) -> Result<(u32, u32), String> {
    let (w, h) = s.split_once(['x', 'X']).ok_or_else(|| {
        format!("\"{s}\" is not a window size: write it as WIDTHxHEIGHT, e.g. 1080x1920.")
    })?;
    let num = |v: &str| {
        v.trim()
            .parse::<u32>()
            .ok()
            .filter(|n| (200..=8000).contains(n))
            .ok_or_else(|| {
                format!("\"{s}\" is not a window size: write it as WIDTHxHEIGHT, e.g. 1080x1920.")
            })
    };
    Ok((num(w)?, num(h)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_sizes_parse_and_bad_ones_say_how_to_write_them() {
        assert_eq!(parse_window("1080x1920"), Ok((1080, 1920)));
        assert_eq!(parse_window("1920X1080"), Ok((1920, 1080)));
        let err = parse_window("big").unwrap_err();
        assert!(err.contains("WIDTHxHEIGHT"), "{err}");
        assert!(parse_window("0x10").is_err());
    }

    #[test]
    fn server_takes_one_address_or_a_comma_list_and_a_bad_one_says_what_to_write() {
        let one = Cli::try_parse_from(["k", "--server", "http://10.0.0.5:8080"]).unwrap();
        assert_eq!(one.settings.server.urls(), ["http://10.0.0.5:8080"]);
        let two = Cli::try_parse_from(["k", "--server", "http://a:8080,http://b:8080"]).unwrap();
        assert_eq!(
            two.settings.server.urls(),
            ["http://a:8080", "http://b:8080"]
        );
        let err = Cli::try_parse_from(["k", "--server", "http://a:8080,,http://b:8080"])
            .unwrap_err()
            .to_string();
        assert!(err.contains("empty address between commas"), "{err}");
    }
}
