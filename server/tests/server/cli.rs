//! The command line, run as the real binary: check-config, init-demo, token create, user add.

use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_madoguchi-server"))
}

#[test]
fn check_config_accepts_the_shipped_file_and_names_the_bad_field() {
    let out = bin().arg("check-config").output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("OK: 13 sites"), "{text}");

    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "no_show_grace_min = 30\nbogus = 1\n").unwrap();
    let out = bin().arg("check-config").arg(&bad).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.toml") && err.contains("bogus"), "{err}");
}

#[test]
fn init_demo_is_idempotent_and_tokens_are_stored_hashed() {
    // A SQLite file, or a PostgreSQL database passed to `--db` as its URL.
    let (dir, db) = crate::common::temp_db();
    let env = dir.path().join("demo.env");
    let run = || {
        bin()
            .args(["init-demo", "--db"])
            .arg(&db)
            .arg("--out")
            .arg(&env)
            .output()
            .unwrap()
    };
    assert!(run().status.success());
    let first = std::fs::read_to_string(&env).unwrap();
    assert!(first.contains("MADOGUCHI_SITE=yahatanishi"), "{first}");
    let kiosk = first
        .lines()
        .find_map(|l| l.strip_prefix("MADOGUCHI_KIOSK_TOKEN="))
        .unwrap()
        .to_owned();
    assert!(
        first
            .lines()
            .any(|l| l.starts_with("MADOGUCHI_DISPLAY_TOKEN=") && l.len() > 40)
    );
    assert!(run().status.success(), "a second run works too");
    let second = std::fs::read_to_string(&env).unwrap();
    assert_ne!(first, second, "fresh device tokens on every run");

    let out = bin()
        .args([
            "token",
            "create",
            "--kind",
            "display",
            "--site",
            "orio",
            "--name",
            "orio-display",
            "--db",
        ])
        .arg(&db)
        .output()
        .unwrap();
    assert!(out.status.success());
    let token = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    assert!(token.len() >= 43);
    let out = bin()
        .args([
            "token", "create", "--kind", "kiosk", "--site", "atlantis", "--name", "x", "--db",
        ])
        .arg(&db)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("atlantis"));

    use std::io::Write as _;
    let add = |password: &[u8]| {
        let mut add = bin()
            .args([
                "user",
                "add",
                "--name",
                "staff9",
                "--role",
                "staff",
                "--site",
                "orio",
                "--password-stdin",
                "--db",
            ])
            .arg(&db)
            .stdin(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        add.stdin.take().unwrap().write_all(password).unwrap();
        add.wait_with_output().unwrap()
    };
    // Too short: refused with what to do.
    let short = add(b"secret-pw\n");
    assert!(!short.status.success());
    assert!(String::from_utf8_lossy(&short.stderr).contains("at least 12 characters"));
    assert!(add(b"secret-pw-counter-9\n").status.success());

    // Nothing secret is stored in clear: SQLite's file and WAL are searched byte for byte;
    // PostgreSQL's files are the server's, so there every stored token and password hash is.
    let hay = if crate::common::test_pg().is_some() {
        let runtime = tokio::runtime::Runtime::new().unwrap();
        let stored: Vec<String> = runtime.block_on(crate::common::query_column(
            &db,
            "SELECT token_hash || ' ' || device FROM device_tokens \
             UNION ALL SELECT password_hash || ' ' || login FROM users",
            &[],
        ));
        assert!(stored.len() >= 8, "{stored:?}");
        stored.join("\n").into_bytes()
    } else {
        let bytes = std::fs::read(&db).unwrap();
        let wal = std::fs::read(format!("{}-wal", db.display())).unwrap_or_default();
        [bytes.as_slice(), wal.as_slice()].concat()
    };
    for secret in [
        kiosk.as_str(),
        token.as_str(),
        "secret-pw-counter-9",
        "staff1-demo",
    ] {
        assert!(
            !hay.windows(secret.len()).any(|w| w == secret.as_bytes()),
            "{secret} stored in clear"
        );
    }
}

#[test]
fn a_database_url_password_never_reaches_the_terminal() {
    // Nothing listens on port 1: the connection fails and the error names the database.
    let out = bin()
        .args([
            "token",
            "list",
            "--db",
            "postgres://city:s3cret-pw@127.0.0.1:1/madoguchi",
        ])
        .env("RUST_LOG", "debug")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.contains("postgres://city:***@127.0.0.1:1/madoguchi"),
        "{text}"
    );
    assert!(!text.contains("s3cret-pw"), "{text}");
}
