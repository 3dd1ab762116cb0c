//! Command line and environment settings of the display.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use madoguchi_protocol::{Lang, ServerList};

use crate::announce::SoundSettings;
use crate::board::Filter;

#[derive(Debug, Parser)]
#[command(
    name = "madoguchi-display",
    about = "The madoguchi waiting-room display"
)]
pub struct Cli {
    #[command(flatten)]
    pub display: DisplayArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show the board of a site (the default).
    Run,
    /// Draw a board once and save it as a PNG (needs a display, e.g. xvfb-run).
    Screenshot(ScreenshotArgs),
    /// Measure call → event latency with many SSE clients against a running server.
    Bench(BenchArgs),
    /// Play one call of a counter exactly as the display would (`--print`: list the phrases
    /// and clip files instead), e.g. `test-voice --site yahatanishi --counter city-1
    /// --number S-001 --lang en`.
    TestVoice(TestVoiceArgs),
}

#[derive(Debug, Args)]
pub struct DisplayArgs {
    /// Server base URL, or several separated by commas in order of preference
    /// (`http://a:8080,http://b:8080`): when the stream of one is lost, the next one resumes it.
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
    /// Display device token (`madoguchi-server token create`).
    #[arg(
        long,
        env = "MADOGUCHI_DISPLAY_TOKEN",
        default_value = "",
        global = true
    )]
    pub token: String,
    /// Show only these counters, e.g. `1,2`.
    #[arg(long, value_delimiter = ',', global = true)]
    pub counters: Vec<String>,
    /// Show only these services, e.g. `pickup,ecert`.
    #[arg(long, value_delimiter = ',', global = true)]
    pub services: Vec<String>,
    /// Window size, e.g. 1920x1080, 3840x2160 or 1080x1920 (portrait).
    #[arg(long, default_value = "1920x1080", value_parser = parse_window, global = true)]
    pub window: (u32, u32),
    /// Run full screen.
    #[arg(long, global = true)]
    pub fullscreen: bool,
    /// Announcement volume, 0 to 1.
    #[arg(long, default_value_t = 1.0, global = true)]
    pub volume: f32,
    /// No chime and no voice.
    #[arg(long, global = true)]
    pub mute: bool,
    /// Live mode: save a PNG of the board after `--shot-after` seconds and quit (checks).
    #[arg(long, global = true)]
    pub shot: Option<PathBuf>,
    #[arg(long, default_value_t = 5.0, global = true)]
    pub shot_after: f32,
    /// Folder with fonts/, voice/ and sounds/.
    #[arg(long, env = "MADOGUCHI_ASSETS", global = true)]
    pub assets: Option<PathBuf>,
    /// The configuration the server runs, for the voice check of the site's counters
    /// (default: the shipped one).
    #[arg(long, env = "MADOGUCHI_CONFIG", global = true)]
    pub config: Option<PathBuf>,
    /// Folder with the <code>/display.ftl locale files.
    #[arg(long, env = "MADOGUCHI_LOCALES", global = true)]
    pub locales: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ScreenshotArgs {
    /// Use the built-in busy demo board (no network).
    #[arg(long)]
    pub demo: bool,
    /// Which demo: busy, closed or offline.
    #[arg(long, default_value = "busy")]
    pub scene: String,
    /// Caption language to hold still for the picture.
    #[arg(long, default_value = "ja", value_parser = parse_lang)]
    pub lang: Lang,
    /// Where to save the PNG.
    #[arg(long)]
    pub out: PathBuf,
}

#[derive(Debug, Args)]
pub struct BenchArgs {
    /// SSE clients to connect.
    #[arg(long, default_value_t = 50)]
    pub clients: usize,
    /// Calls to make.
    #[arg(long, default_value_t = 200)]
    pub calls: usize,
    /// Staff user and password.
    #[arg(long, default_value = "staff1")]
    pub user: String,
    #[arg(long, default_value = "staff1-demo")]
    pub password: String,
    /// The counter staff call from.
    #[arg(long, default_value = "1")]
    pub counter: String,
    /// The service tickets are issued for.
    #[arg(long, default_value = "pickup")]
    pub service: String,
}

#[derive(Debug, Args)]
pub struct TestVoiceArgs {
    /// The counter's id in the configuration, e.g. `3` or `city-1`.
    #[arg(long)]
    pub counter: String,
    /// The ticket number to call, e.g. `S-001`.
    #[arg(long, default_value = "A-001")]
    pub number: String,
    /// The ticket's language (Japanese is always said first).
    #[arg(long, default_value = "ja", value_parser = parse_lang)]
    pub lang: Lang,
    /// List each phrase and its clip file, one per line, instead of playing.
    #[arg(long)]
    pub print: bool,
    /// Call it as a ticket whose visitor staff fetch (braille-signature form): the counter is
    /// said twice in each language.
    #[arg(long)]
    pub staff_to_visitor: bool,
}

fn parse_window(s: &str) -> Result<(u32, u32), String> {
    let (w, h) = s.split_once(['x', 'X']).ok_or_else(|| {
        format!("write the window size as WIDTHxHEIGHT, e.g. 1920x1080 (got {s})")
    })?;
    let w = w.trim().parse().map_err(|_| format!("bad width in {s}"))?;
    let h = h.trim().parse().map_err(|_| format!("bad height in {s}"))?;
    if w < 320 || h < 240 {
        return Err(format!(
            "{s} is too small for a board; use at least 640x480"
        ));
    }
    Ok((w, h))
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::from_code(s).ok_or_else(|| {
        let all: Vec<_> = Lang::ALL.iter().map(|l| l.code()).collect();
        format!("unknown language {s}; use one of {}", all.join(", "))
    })
}

impl DisplayArgs {
    pub fn filter(&self) -> Filter {
        Filter {
            counters: self.counters.clone(),
            services: self.services.clone(),
        }
    }

    pub fn sound(&self) -> SoundSettings {
        SoundSettings {
            volume: self.volume,
            mute: self.mute,
        }
    }

    /// The assets folder: the option, else `assets/` beside the working directory, else the
    /// repository's (for `cargo run`).
    pub fn assets_dir(&self) -> PathBuf {
        self.assets.clone().unwrap_or_else(|| repo_or_cwd("assets"))
    }

    pub fn locales_dir(&self) -> PathBuf {
        self.locales
            .clone()
            .unwrap_or_else(|| repo_or_cwd("locales"))
    }
}

fn repo_or_cwd(name: &str) -> PathBuf {
    let local = PathBuf::from(name);
    if local.is_dir() {
        return std::path::absolute(&local).unwrap_or(local);
    }
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_sizes_parse_and_bad_ones_say_what_to_do() {
        assert_eq!(parse_window("3840x2160"), Ok((3840, 2160)));
        assert_eq!(parse_window("1080X1920"), Ok((1080, 1920)));
        assert!(parse_window("big").unwrap_err().contains("WIDTHxHEIGHT"));
    }

    #[test]
    fn filters_come_from_comma_lists() {
        let cli = Cli::parse_from(["d", "--counters", "1,2", "--services", "pickup,ecert"]);
        assert_eq!(cli.display.filter().counters, ["1", "2"]);
        assert_eq!(cli.display.filter().services, ["pickup", "ecert"]);
        assert!(cli.command.is_none());
    }

    #[test]
    fn server_takes_one_address_or_a_comma_list_and_a_bad_one_says_what_to_write() {
        let one = Cli::try_parse_from(["d", "--server", "http://10.0.0.5:8080/"]).unwrap();
        assert_eq!(one.display.server.urls(), ["http://10.0.0.5:8080"]);
        let two = Cli::try_parse_from(["d", "--server", "http://a:8080,http://b:8080"]).unwrap();
        assert_eq!(
            two.display.server.urls(),
            ["http://a:8080", "http://b:8080"]
        );
        let err = Cli::try_parse_from(["d", "--server", "a:8080"])
            .unwrap_err()
            .to_string();
        assert!(err.contains("must start with http://"), "{err}");
    }
}
