//! Taking access away with the command line while the server runs: a revoked kiosk token, a
//! disabled user and a changed password stop working without a restart.

use std::io::Write as _;
use std::process::{Command, Stdio};
use std::time::Duration;

use reqwest::StatusCode;
use serde_json::json;

use crate::common::{SITE, fresh};

fn cli(db: &std::path::Path, args: &[&str], stdin: Option<&str>) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_madoguchi-server"))
        .args(args)
        .arg("--db")
        .arg(db)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(text) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
    }
    drop(child.stdin.take());
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Longer than the test server's auth cache lifetime (300 ms; 30 s in production).
async fn after_cache() {
    tokio::time::sleep(Duration::from_millis(400)).await;
}

#[tokio::test]
async fn a_revoked_kiosk_a_disabled_user_and_an_old_password_stop_working() {
    let (_dir, s, t) = fresh().await;
    s.issue(&t.kiosk, "pickup").await;
    let staff = s.login("staff1", SITE, Some("3")).await;
    let boss = s.login("super1", SITE, None).await;
    assert_eq!(
        s.act(&staff, "3", "call-next", json!({})).await.0,
        StatusCode::OK
    );

    // A stolen kiosk.
    cli(
        &s.db,
        &["token", "revoke", "--site", SITE, "--name", "kiosk-1"],
        None,
    );
    after_cache().await;
    let (status, _) = s
        .post(
            &format!("/api/sites/{SITE}/tickets"),
            Some(&t.kiosk),
            json!({"service": "pickup", "lang": "ja"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let list = cli(&s.db, &["token", "list", "--site", SITE], None);
    let list = String::from_utf8_lossy(&list.stdout).to_string();
    let kiosk_line = list.lines().find(|l| l.contains("\tkiosk-1\t")).unwrap();
    assert!(!kiosk_line.ends_with("\t-"), "{list}");
    assert!(!list.contains(&t.kiosk), "the list never shows tokens");

    // A staff member who left.
    cli(&s.db, &["user", "disable", "--name", "staff1"], None);
    after_cache().await;
    assert_eq!(
        s.act(&staff, "3", "done", json!({})).await.0,
        StatusCode::UNAUTHORIZED
    );
    let (status, _) = s
        .post(
            "/api/login",
            None,
            json!({"user": "staff1", "password": "staff1-pw", "site": SITE, "counter": "3"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    // A changed password ends the old session; the new one signs in.
    cli(
        &s.db,
        &["user", "passwd", "--name", "super1", "--password-stdin"],
        Some("a-much-longer-password\n"),
    );
    after_cache().await;
    let (status, _) = s
        .get(&format!("/api/sites/{SITE}/audit"), Some(&boss))
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, body) = s
        .post(
            "/api/login",
            None,
            json!({"user": "super1", "password": "a-much-longer-password", "site": SITE}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
}
