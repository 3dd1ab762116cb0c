//! The installer's voice check and the display's start check, on the configuration the
//! server runs: `test-voice` plays one call of a site's counter exactly as the display would
//! (the same announcer and sound shell), or with `--print` lists each phrase and its clip file;
//! at start, a counter the voice cannot name in every voice language stops the display with a
//! sentence naming the counter, the language and the missing file.

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, bail};
use bevy::prelude::*;
use madoguchi_engine::config::Config;
use madoguchi_protocol::CounterInfo;

use crate::announce::{Announcer, SoundSettings, announcement, call_to, check_counters, phrases};
use crate::audio::{self, Voice};
use crate::config::{DisplayArgs, TestVoiceArgs};

/// The configuration at `path`, or the shipped one.
pub fn load_config(path: Option<&Path>) -> anyhow::Result<Config> {
    match path {
        Some(p) => Config::load(p).with_context(|| {
            format!(
                "cannot read the configuration {}; pass the file the server runs with --config",
                p.display()
            )
        }),
        None => Ok(Config::shipped()),
    }
}

/// The counters of `site` as the server names them, or an error listing the valid sites.
pub fn site_counters(config: &Config, site: &str) -> anyhow::Result<Vec<CounterInfo>> {
    let Some(s) = config.site(site) else {
        bail!(
            "unknown site \"{site}\"; use one of: {} (or pass the server's configuration with --config)",
            config.site_ids().join(", ")
        );
    };
    Ok(s.counters.iter().map(|c| config.counter_info(c)).collect())
}

/// The start check: every counter of the display's site can be announced in every voice
/// language with the clips under `assets`. Every problem is one line of the error.
pub fn check_site(args: &DisplayArgs) -> anyhow::Result<()> {
    let config = load_config(args.config.as_deref())?;
    let counters = site_counters(&config, &args.site)?;
    let problems = check_counters(&args.assets_dir(), &counters);
    if problems.is_empty() {
        return Ok(());
    }
    let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
    bail!(
        "configuration error: the voice cannot name every counter of {}:\n{}",
        args.site,
        lines.join("\n")
    )
}

/// The clips of the call `test` describes, in play order (relative to the assets folder).
pub fn clips(args: &DisplayArgs, test: &TestVoiceArgs) -> anyhow::Result<Vec<String>> {
    let config = load_config(args.config.as_deref())?;
    let counters = site_counters(&config, &args.site)?;
    let Some(counter) = counters.iter().find(|c| c.id == test.counter) else {
        let valid: Vec<String> = counters
            .iter()
            .map(|c| format!("{} ({})", c.id, c.name))
            .collect();
        bail!(
            "site {} has no counter \"{}\"; use one of: {}",
            args.site,
            test.counter,
            valid.join(", ")
        );
    };
    let mut call = call_to(counter, &test.number, test.lang);
    call.staff_to_visitor = test.staff_to_visitor;
    Ok(announcement(&call)?)
}

/// One line per clip: what it says, a tab, and its file.
pub fn print_lines(assets: &Path, clips: &[String]) -> Vec<String> {
    clips
        .iter()
        .map(|clip| {
            let text = phrases().text_of(clip).unwrap_or_else(|| "?".into());
            format!("{text}\t{}", assets.join(clip).display())
        })
        .collect()
}

/// Checks the clips exist, then prints them or plays them through the display's sound shell.
pub fn run(args: &DisplayArgs, test: &TestVoiceArgs) -> anyhow::Result<()> {
    let clips = clips(args, test)?;
    let assets = args.assets_dir();
    let missing: Vec<PathBuf> = clips
        .iter()
        .map(|c| assets.join(c))
        .filter(|p| !p.is_file())
        .collect();
    if let Some(first) = missing.first() {
        bail!(
            "the clip {} is missing ({} in all); run scripts/make-voice.sh or point --assets at a folder with voice/",
            first.display(),
            missing.len()
        );
    }
    if test.print {
        for line in print_lines(&assets, &clips) {
            println!("{line}");
        }
        return Ok(());
    }
    play(args, test)
}

/// Plays the call with the same announcer and audio system as the live display, then quits.
fn play(args: &DisplayArgs, test: &TestVoiceArgs) -> anyhow::Result<()> {
    let config = load_config(args.config.as_deref())?;
    let counters = site_counters(&config, &args.site)?;
    let counter = counters
        .iter()
        .find(|c| c.id == test.counter)
        .context("the counter went missing")?;
    let mut announcer = Announcer::new(SoundSettings {
        volume: args.volume,
        mute: false,
    });
    announcer.enqueue(&call_to(counter, &test.number, test.lang));
    let mut app = App::new();
    app.add_plugins((
        MinimalPlugins.set(bevy::app::ScheduleRunnerPlugin::run_loop(
            Duration::from_millis(10),
        )),
        bevy::asset::AssetPlugin {
            file_path: args.assets_dir().to_string_lossy().into_owned(),
            ..default()
        },
        bevy::audio::AudioPlugin::default(),
        audio::plugin(SoundSettings::default(), None),
    ));
    app.insert_resource(Voice(announcer));
    app.add_systems(Last, finish);
    match app.run() {
        AppExit::Success => Ok(()),
        AppExit::Error(_) => bail!(
            "the announcement did not play: check the speaker, its cable and the PC's sound output (the log above says which clip failed)"
        ),
    }
}

fn finish(voice: Res<Voice>, mut exit: MessageWriter<AppExit>) {
    if voice.0.is_failing() {
        exit.write(AppExit::error());
    } else if voice.0.is_idle() {
        exit.write(AppExit::Success);
    }
}
