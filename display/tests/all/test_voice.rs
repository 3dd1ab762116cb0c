//! `madoguchi-display test-voice` run as an installer would: the real binary, the shipped
//! configuration and clips.

use std::process::Command;

fn display() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_madoguchi-display"));
    cmd.env_remove("MADOGUCHI_SITE")
        .env_remove("MADOGUCHI_CONFIG")
        .env_remove("MADOGUCHI_ASSETS")
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

#[test]
fn test_voice_print_lists_a_city_desk_call_phrase_by_phrase() {
    let out = display()
        .args([
            "test-voice",
            "--site",
            "yahatanishi",
            "--counter",
            "city-1",
            "--number",
            "S-001",
            "--lang",
            "en",
            "--print",
        ])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<(&str, &str)> = stdout
        .lines()
        .map(|l| l.split_once('\t').expect("phrase<TAB>file"))
        .collect();
    let said: Vec<&str> = lines.iter().map(|l| l.0).collect();
    assert_eq!(
        said,
        [
            "(chime)",
            "受付番号",
            "S",
            "の",
            "1",
            "番の方、",
            "市職員窓口",
            "1",
            "番へお越しください。",
            "(pause)",
            "Number",
            "S",
            "1",
            "please go to the",
            "city staff desk",
            "1",
            "Thank you.",
            "(pause)",
        ]
    );
    let files: Vec<&str> = lines.iter().map(|l| l.1).collect();
    assert!(files[6].ends_with("voice/ja/desk-city.ogg"), "{}", files[6]);
    assert!(
        files[14].ends_with("voice/en/desk-city.ogg"),
        "{}",
        files[14]
    );
    for file in files {
        assert!(std::path::Path::new(file).is_file(), "{file} missing");
    }
    // Never the numbered counter's phrase: "1番窓口" / "counter 1".
    assert!(!stdout.contains("番窓口へ") && !stdout.contains("go to counter"));
}

#[test]
fn test_voice_says_which_sites_counters_and_languages_are_valid() {
    let bad_site = display()
        .args([
            "test-voice",
            "--site",
            "atlantis",
            "--counter",
            "1",
            "--print",
        ])
        .output()
        .unwrap();
    assert!(!bad_site.status.success());
    let err = String::from_utf8_lossy(&bad_site.stderr);
    assert!(
        err.contains("unknown site \"atlantis\"") && err.contains("yahatanishi"),
        "{err}"
    );

    let bad_counter = display()
        .args(["test-voice", "--site", "orio", "--counter", "9", "--print"])
        .output()
        .unwrap();
    assert!(!bad_counter.status.success());
    let err = String::from_utf8_lossy(&bad_counter.stderr);
    assert!(
        err.contains("no counter \"9\"") && err.contains("use one of"),
        "{err}"
    );

    let bad_lang = display()
        .args(["test-voice", "--counter", "1", "--lang", "xx", "--print"])
        .output()
        .unwrap();
    assert!(!bad_lang.status.success());
    let err = String::from_utf8_lossy(&bad_lang.stderr);
    assert!(
        err.contains("unknown language xx") && err.contains("zh-Hant"),
        "{err}"
    );
}

#[test]
fn the_display_refuses_to_start_when_a_counter_cannot_be_said() {
    // An assets folder without the voice clips: the check runs before any window opens.
    let empty =
        std::env::temp_dir().join(format!("madoguchi-display-novoice-{}", std::process::id()));
    std::fs::create_dir_all(&empty).unwrap();
    let out = display()
        .args(["--site", "orio", "--assets"])
        .arg(&empty)
        .arg("run")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("configuration error"), "{err}");
    for counter in ["counter 1 (1番窓口)", "counter city-1 (出張所職員窓口)"] {
        assert!(
            err.contains(&format!("{counter} cannot be announced in ja")),
            "{err}"
        );
    }
    assert!(err.contains("voice/ja/intro.ogg is missing"), "{err}");
}

#[test]
fn test_voice_says_the_counter_twice_for_a_visitor_staff_fetch() {
    let out = display()
        .args([
            "test-voice",
            "--counter",
            "3",
            "--number",
            "A-012",
            "--lang",
            "vi",
            "--staff-to-visitor",
            "--print",
        ])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said: Vec<&str> = stdout
        .lines()
        .map(|l| l.split_once('\t').expect("phrase<TAB>file").0)
        .collect();
    let ja: String = said[1..said.iter().position(|s| *s == "(pause)").unwrap()].concat();
    assert_eq!(
        ja,
        "受付番号Aの12番の方、3番窓口へお越しください。3番窓口へお越しください。"
    );
    assert_eq!(
        said.iter().filter(|s| **s == "đến quầy số").count(),
        2,
        "{said:?}"
    );
}
