//! Which engine says each language, where the engines and their data are, and how a speaking
//! rate becomes each engine's option. Japanese and やさしい日本語 are read by Open JTalk (Debian
//! `open-jtalk`, the NAIST dictionary and the HTS voice "Mei" under `assets/speech/`): it reads
//! kanji, numbers and counter names correctly, where espeak-ng says "Chinese letter". The other
//! languages are read by espeak-ng, with the voices the display's clips use
//! (`scripts/make-voice.py`): Tagalog by the Indonesian voice, as espeak-ng has none.
//!
//! Both engines run as a child process per phrase (offline, ~10 ms for espeak-ng, ~50–200 ms
//! for Open JTalk) writing a WAV file that [`super::pcm`] reads back.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use clap::Args;
use madoguchi_protocol::Lang;

/// A speech synthesizer program.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Engine {
    OpenJtalk,
    EspeakNg,
}

impl Engine {
    pub fn name(self) -> &'static str {
        match self {
            Engine::OpenJtalk => "open_jtalk",
            Engine::EspeakNg => "espeak-ng",
        }
    }

    /// What to install when the engine is missing.
    pub fn install_hint(self) -> &'static str {
        match self {
            Engine::OpenJtalk => {
                "install the Debian packages open-jtalk and open-jtalk-mecab-naist-jdic (scripts/setup.sh does)"
            }
            Engine::EspeakNg => "install the Debian package espeak-ng (scripts/setup.sh does)",
        }
    }
}

/// The engine and voice of one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Voice {
    pub engine: Engine,
    /// The espeak-ng voice name, or `mei` (the HTS voice file) for Open JTalk.
    pub name: &'static str,
    /// Normal speed in percent of the engine's: やさしい日本語 is read a little slower.
    pub base_rate: u16,
}

/// The voice that says `lang`. Every language has one.
pub fn voice(lang: Lang) -> Voice {
    let espeak = |name| Voice {
        engine: Engine::EspeakNg,
        name,
        base_rate: 100,
    };
    match lang {
        Lang::Ja => Voice {
            engine: Engine::OpenJtalk,
            name: "mei",
            base_rate: 100,
        },
        Lang::JaEasy => Voice {
            engine: Engine::OpenJtalk,
            name: "mei",
            base_rate: 90,
        },
        Lang::En => espeak("en-us"),
        Lang::ZhHans | Lang::ZhHant => espeak("cmn"),
        Lang::Ko => espeak("ko"),
        Lang::Vi => espeak("vi"),
        Lang::Ne => espeak("ne"),
        // espeak-ng has no Tagalog voice; Indonesian has close spelling-to-sound rules.
        Lang::Tl | Lang::Id => espeak("id"),
        // Most Portuguese speakers in Japanese cities are Brazilian (as the display's clips).
        Lang::Pt => espeak("pt-br"),
    }
}

/// espeak-ng's words per minute at 100 %, as the display's clips are made.
const ESPEAK_WPM: u32 = 145;

/// The engine's speed option for a rate in percent of normal (clamped to 50–200 %).
pub fn speed_arg(voice: Voice, rate_percent: u16) -> String {
    let percent = u32::from(rate_percent.clamp(50, 200)) * u32::from(voice.base_rate) / 100;
    match voice.engine {
        Engine::OpenJtalk => format!("{:.2}", percent as f32 / 100.0),
        Engine::EspeakNg => (ESPEAK_WPM * percent / 100).to_string(),
    }
}

/// Where the engines and their data are (kiosk settings or environment; shipped defaults), the
/// headphone jack, and a folder that keeps speech instead of playing it.
#[derive(Debug, Clone, Args)]
pub struct SpeechPaths {
    /// The Open JTalk program (Japanese speech).
    #[arg(
        long,
        env = "MADOGUCHI_OPEN_JTALK",
        default_value = "open_jtalk",
        global = true
    )]
    pub open_jtalk: PathBuf,
    /// Open JTalk's dictionary folder (Debian open-jtalk-mecab-naist-jdic).
    #[arg(
        long,
        env = "MADOGUCHI_JTALK_DIC",
        default_value = DEFAULT_DIC,
        global = true
    )]
    pub jtalk_dic: PathBuf,
    /// The HTS voice file for Japanese (default: assets/speech/mei_normal.htsvoice).
    #[arg(long, env = "MADOGUCHI_HTSVOICE", global = true)]
    pub htsvoice: Option<PathBuf>,
    /// The espeak-ng program (every other language).
    #[arg(
        long,
        env = "MADOGUCHI_ESPEAK_NG",
        default_value = "espeak-ng",
        global = true
    )]
    pub espeak_ng: PathBuf,
    /// The headphone jack's input device (default: the one /proc/bus/input/devices names
    /// "Headphone"); a FIFO here lets you test without hardware.
    #[arg(long, env = "MADOGUCHI_JACK_DEVICE", global = true)]
    pub jack_device: Option<PathBuf>,
    /// Keep what speech mode says as WAV files and a transcript (`heard.txt`) in this folder
    /// instead of playing it: for testing without a sound card.
    #[arg(long, env = "MADOGUCHI_SPEECH_WAV_DIR", global = true)]
    pub speech_wav_dir: Option<PathBuf>,
}

const DEFAULT_DIC: &str = "/var/lib/mecab/dic/open-jtalk/naist-jdic";

impl Default for SpeechPaths {
    fn default() -> Self {
        SpeechPaths {
            open_jtalk: "open_jtalk".into(),
            jtalk_dic: DEFAULT_DIC.into(),
            htsvoice: None,
            espeak_ng: "espeak-ng".into(),
            jack_device: None,
            speech_wav_dir: None,
        }
    }
}

impl SpeechPaths {
    /// The voice file: the setting, else `assets/speech/` beside the working directory, else
    /// the repository's (for `cargo run` and tests).
    pub fn htsvoice(&self) -> PathBuf {
        if let Some(p) = &self.htsvoice {
            return p.clone();
        }
        let local = Path::new("assets/speech/mei_normal.htsvoice");
        if local.is_file() {
            return std::path::absolute(local).unwrap_or_else(|_| local.to_owned());
        }
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../assets/speech/mei_normal.htsvoice")
    }

    /// The program of `engine`, found on `PATH` when given as a bare name.
    pub fn program(&self, engine: Engine) -> Option<PathBuf> {
        let p = match engine {
            Engine::OpenJtalk => &self.open_jtalk,
            Engine::EspeakNg => &self.espeak_ng,
        };
        which(p)
    }

    /// Why `engine` cannot speak here, as a sentence that says what to install; `None` when it
    /// can.
    pub fn problem(&self, engine: Engine) -> Option<String> {
        let hint = engine.install_hint();
        if self.program(engine).is_none() {
            return Some(format!("{} was not found: {hint}.", engine.name()));
        }
        if engine == Engine::OpenJtalk {
            if !self.jtalk_dic.join("sys.dic").is_file() {
                return Some(format!(
                    "Open JTalk's dictionary is not in {}: {hint}, or point --jtalk-dic at it.",
                    self.jtalk_dic.display()
                ));
            }
            let voice = self.htsvoice();
            if !voice.is_file() {
                return Some(format!(
                    "The Japanese voice {} is missing: it ships in assets/speech/; point --htsvoice at it.",
                    voice.display()
                ));
            }
        }
        None
    }

    /// The command that reads `text` (on its standard input) with `voice` into `wav`.
    pub fn command(&self, voice: Voice, rate_percent: u16, wav: &Path) -> Command {
        let speed = speed_arg(voice, rate_percent);
        let mut cmd = match voice.engine {
            Engine::OpenJtalk => {
                let mut c = Command::new(&self.open_jtalk);
                c.arg("-x")
                    .arg(&self.jtalk_dic)
                    .arg("-m")
                    .arg(self.htsvoice())
                    .args(["-r", &speed])
                    .arg("-ow")
                    .arg(wav);
                c
            }
            Engine::EspeakNg => {
                let mut c = Command::new(&self.espeak_ng);
                c.args(["-v", voice.name, "-s", &speed, "-w"])
                    .arg(wav)
                    .arg("--stdin");
                c
            }
        };
        cmd.stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        cmd
    }
}

/// Logs, once at start, each engine that cannot speak and the languages that stay silent; the
/// kiosk runs on without them. Returns the engines that can speak.
pub fn check_at_start(paths: &SpeechPaths) -> Vec<Engine> {
    let mut ok = Vec::new();
    for engine in [Engine::OpenJtalk, Engine::EspeakNg] {
        match paths.problem(engine) {
            None => ok.push(engine),
            Some(problem) => {
                let silent: Vec<&str> = Lang::ALL
                    .iter()
                    .filter(|l| voice(**l).engine == engine)
                    .map(|l| l.code())
                    .collect();
                tracing::error!(
                    languages = silent.join(","),
                    "speech mode cannot speak these languages: {problem}"
                );
            }
        }
    }
    ok
}

fn which(program: &Path) -> Option<PathBuf> {
    if program.components().count() > 1 {
        return program.is_file().then(|| program.to_owned());
    }
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|dir| dir.join(program))
        .find(|p| p.is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn japanese_is_read_by_open_jtalk_and_every_other_language_by_espeak() {
        for lang in Lang::ALL {
            let v = voice(lang);
            let japanese = matches!(lang, Lang::Ja | Lang::JaEasy);
            assert_eq!(v.engine == Engine::OpenJtalk, japanese, "{lang:?}");
        }
        assert_eq!(voice(Lang::Tl).name, "id");
    }

    #[test]
    fn rates_become_each_engines_speed_option() {
        let ja = voice(Lang::Ja);
        let en = voice(Lang::En);
        assert_eq!(speed_arg(ja, 100), "1.00");
        assert_eq!(speed_arg(ja, 150), "1.50");
        assert_eq!(speed_arg(voice(Lang::JaEasy), 100), "0.90");
        assert_eq!(speed_arg(en, 100), "145");
        assert_eq!(speed_arg(en, 10), speed_arg(en, 50), "clamped");
    }

    #[test]
    fn a_missing_engine_is_named_with_what_to_install() {
        let paths = SpeechPaths {
            open_jtalk: "/nowhere/open_jtalk".into(),
            espeak_ng: "no-such-espeak-ng-here".into(),
            ..SpeechPaths::default()
        };
        let p = paths.problem(Engine::OpenJtalk).unwrap_or_default();
        assert!(p.contains("open-jtalk-mecab-naist-jdic"), "{p}");
        let p = paths.problem(Engine::EspeakNg).unwrap_or_default();
        assert!(p.contains("espeak-ng"), "{p}");
    }
}
