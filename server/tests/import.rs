//! The command-line imports, on a real database (SQLite or PostgreSQL, as the run says): procedure files are all or nothing with
//! every problem reported by JSON path; unit CSVs report bad lines and apply nothing.

mod common;

use common::repo_root;
use motcua_server::import::{import_paths, import_units, read_units};
use motcua_store::Store;
use motcua_store::prelude::*;
use motcua_store::testing::TestDatabase;
use time::OffsetDateTime;
use time::macros::datetime;

/// When the test imports.
const NOW: OffsetDateTime = datetime!(2025-11-22 03:00 UTC);

/// The database as every subcommand opens it (migrations and the shipped unit list).
async fn store(dir: &TestDatabase) -> Store {
    motcua_server::startup::open_store(dir.url(), Some(&dir.files()))
        .await
        .unwrap()
}

fn demo_file(name: &str) -> String {
    std::fs::read_to_string(repo_root().join("demo/procedures").join(name)).unwrap()
}

#[tokio::test]
async fn a_file_with_problems_imports_nothing_and_names_each_path() {
    let dir = TestDatabase::new().await;
    let store = store(&dir).await;
    let mut p: serde_json::Value =
        serde_json::from_str(&demo_file("1.000894.000.00.00.H56.json")).unwrap();
    p["level"] = "district".into();
    p["form"][0]["fields"][0]["type"] = "select".into();
    let bad = dir.dir().join("bad.json");
    std::fs::write(&bad, serde_json::to_string_pretty(&p).unwrap()).unwrap();

    let report = import_paths(&store, &[bad], NOW).await;
    assert_eq!((report.imported, report.failed), (0, 1));
    let text = report.lines.join("\n");
    assert!(text.contains("level:"), "{text}");
    assert!(text.contains("form[0].fields[0].options"), "{text}");
    let today = time::macros::date!(2030 - 01 - 01);
    assert!(
        store.current_procedures(today).await.unwrap().is_empty(),
        "nothing imported"
    );
}

#[tokio::test]
async fn a_folder_imports_and_a_repeat_is_unchanged_but_a_changed_version_is_refused() {
    let dir = TestDatabase::new().await;
    let store = store(&dir).await;
    let folder = repo_root().join("demo/procedures");
    let first = import_paths(&store, std::slice::from_ref(&folder), NOW).await;
    assert_eq!(first.failed, 0, "{:?}", first.lines);
    assert!(first.imported >= 8);
    let again = import_paths(&store, &[folder], NOW).await;
    assert!(
        again.lines.iter().all(|l| l.ends_with("unchanged")),
        "{:?}",
        again.lines
    );

    let mut p: serde_json::Value =
        serde_json::from_str(&demo_file("1.000894.000.00.00.H56.json")).unwrap();
    p["name"] = "Tên khác".into();
    let changed = dir.dir().join("changed.json");
    std::fs::write(&changed, p.to_string()).unwrap();
    let report = import_paths(&store, &[changed], NOW).await;
    assert_eq!(
        report.failed, 1,
        "same code and version with other content: {:?}",
        report.lines
    );
}

#[tokio::test]
async fn a_units_file_with_a_bad_line_is_reported_and_not_applied() {
    let dir = TestDatabase::new().await;
    let store = store(&dir).await;
    let csv = dir.dir().join("units.csv");
    std::fs::write(&csv, "code,name,level,parent_code\n99,Tỉnh Thử,province,\n99001,\"Xã Một, Hai\",commune,99\n99002,Xã Ba,village,99\n").unwrap();
    let err = read_units(&csv).unwrap_err();
    assert!(err.contains("line 4"), "{err}");
    assert!(import_units(&store, &csv).await.is_err());
    assert_eq!(store.unit("99").await.unwrap(), None, "nothing applied");
    assert_eq!(
        store.provinces().await.unwrap().len(),
        34,
        "the shipped list stays"
    );

    std::fs::write(
        &csv,
        "code,name,level,parent_code\n99,Tỉnh Thử,province,\n99001,\"Xã Một, Hai\",commune,99\n",
    )
    .unwrap();
    assert_eq!(import_units(&store, &csv).await.unwrap(), 2);
    let communes = store.communes_of("99").await.unwrap();
    assert_eq!(
        communes[0].name, "Xã Một, Hai",
        "quoted names keep their commas"
    );
}

/// Runs the real `motcua` binary on the database at `dir`, with `stdin` as its input.
fn motcua(dir: &TestDatabase, args: &[&str], stdin: &str) -> (bool, String, String) {
    use std::io::Write;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_motcua"))
        .args(args)
        .env("MOTCUA_CONFIG", dir.dir().join("none.toml"))
        .env("MOTCUA_DATABASE_URL", dir.url())
        .env("MOTCUA_FILES_DIR", dir.files_dir())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("motcua runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[tokio::test]
async fn calendar_import_reports_the_bad_line_and_applies_nothing() {
    let dir = TestDatabase::new().await;
    let bad = dir.dir().join("bad.csv");
    std::fs::write(
        &bad,
        "date,kind,name\n2026-04-30,holiday,Ngày Giải phóng\n2026-05-01,nghi,Quốc tế Lao động\n",
    )
    .unwrap();
    let (ok, _, err) = motcua(&dir, &["calendar", "import", bad.to_str().unwrap()], "");
    assert!(!ok);
    assert!(err.contains("line 3"), "{err}");
    let s = store(&dir).await;
    assert!(
        s.calendar_days().await.unwrap().is_empty(),
        "nothing applied"
    );
    s.close().await;

    let good = dir.dir().join("good.csv");
    std::fs::write(
        &good,
        "\u{feff}date,kind,name\n2026-04-30,holiday,Ngày Giải phóng\n2026-05-09,workday,\"Làm bù, thứ Bảy\"\n",
    )
    .unwrap();
    let (ok, out, err) = motcua(&dir, &["calendar", "import", good.to_str().unwrap()], "");
    assert!(ok, "{err}");
    assert!(out.contains("2 calendar days"), "{out}");
    // A second file replaces the dates it names and keeps the others.
    std::fs::write(&good, "date,kind,name\n2026-05-09,holiday,Đổi lịch\n").unwrap();
    assert!(motcua(&dir, &["calendar", "import", good.to_str().unwrap()], "").0);
    let s = store(&dir).await;
    let days = s.calendar_days().await.unwrap();
    assert_eq!(days.len(), 2);
    assert_eq!(days[1].name, "Đổi lịch");
    assert_eq!(days[1].kind, motcua_domain::calendar::DayKind::Holiday);
}

#[tokio::test]
async fn due_prints_the_due_moment_then_the_walk() {
    let dir = TestDatabase::new().await;
    let demo = repo_root().join("demo/calendar.csv");
    assert!(motcua(&dir, &["calendar", "import", demo.to_str().unwrap()], "").0);
    let due = |from: &str, duration: &str| {
        let (ok, out, err) = motcua(&dir, &["due", "--from", from, "--duration", duration], "");
        assert!(ok, "{err}");
        out
    };
    // The spec's examples (7 December 2026 is a Monday).
    assert!(due("2026-12-07 10:00", "3wd").starts_with("2026-12-10 10:00\n"));
    assert!(due("2026-12-04 16:00", "1wd").starts_with("2026-12-07 16:00\n"));
    assert!(due("2026-12-04 17:30", "1wd").starts_with("2026-12-07 17:00\n"));
    // Over the 30/4 and 1/5 holidays and a weekend; the walk says so.
    let out = due("2026-04-29 10:00", "8wh");
    assert!(out.starts_with("2026-05-04 10:00\n"), "{out}");
    assert!(
        out.contains("30/04/2026") && out.contains("01/05/2026"),
        "{out}"
    );
    // Calendar days land at 17:00.
    assert!(due("2026-12-07 10:00", "5d").starts_with("2026-12-14 17:00\n"));
    let (ok, _, err) = motcua(
        &dir,
        &["due", "--from", "07/12/2026", "--duration", "3wd"],
        "",
    );
    assert!(!ok && err.contains("YYYY-MM-DD HH:MM"), "{err}");
    let (ok, _, err) = motcua(
        &dir,
        &["due", "--from", "2026-12-07 10:00", "--duration", "3w"],
        "",
    );
    assert!(!ok && err.contains("wh, wd or d"), "{err}");
}

#[tokio::test]
async fn user_add_creates_the_first_admin() {
    let dir = TestDatabase::new().await;
    let s = store(&dir).await;
    motcua_server::demo::load(&s, &repo_root().join("demo"))
        .await
        .unwrap();
    s.close().await;
    let args = [
        "user",
        "add",
        "--login",
        "QuanTri",
        "--name",
        "Nguyễn Văn Quản",
        "--agency",
        "000.50.01.H56",
        "--role",
        "admin",
        "--role",
        "reception",
    ];
    let (ok, out, err) = motcua(&dir, &args, "mat-khau-rat-dai\n");
    assert!(ok, "{err}");
    assert!(out.contains("quantri"), "{out}");
    let s = store(&dir).await;
    let (account, hash) = s.account_for_sign_in("quantri").await.unwrap().unwrap();
    assert_eq!(
        account.roles,
        vec![
            motcua_domain::workflow::StaffRole::Reception,
            motcua_domain::workflow::StaffRole::Admin
        ]
    );
    assert!(motcua_core::accounts::password::verify_password(
        "mat-khau-rat-dai",
        &hash
    ));
    s.close().await;
    // The same login again, an unknown role, a short or a common password: refused.
    assert!(!motcua(&dir, &args, "mat-khau-rat-dai\n").0);
    let mut bad_role = args.to_vec();
    bad_role[3] = "khac";
    bad_role[11] = "boss";
    let (ok, _, err) = motcua(&dir, &bad_role, "mat-khau-rat-dai\n");
    assert!(!ok && err.contains("unknown role"), "{err}");
    let mut short = args.to_vec();
    short[3] = "ngan";
    let (ok, _, err) = motcua(&dir, &short, "abc\n");
    assert!(!ok && err.contains("at least 8"), "{err}");
    let (ok, _, err) = motcua(&dir, &short, "Password123\n");
    assert!(!ok && err.contains("common passwords"), "{err}");
    let s = store(&dir).await;
    assert!(s.account_for_sign_in("ngan").await.unwrap().is_none());
    s.close().await;
}

#[tokio::test]
async fn working_periods_come_from_the_configuration() {
    let dir = TestDatabase::new().await;
    let due = |periods: &str| {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_motcua"));
        cmd.args(["due", "--from", "2026-12-07 07:30", "--duration", "3wh"])
            .env("MOTCUA_CONFIG", dir.dir().join("none.toml"))
            .env("MOTCUA_DATABASE_URL", dir.url())
            .env("MOTCUA_FILES_DIR", dir.files_dir())
            .env("MOTCUA_WORKING_PERIODS", periods);
        let out = cmd.output().unwrap();
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    assert!(
        due("07:00-11:30,13:30-17:00")
            .1
            .starts_with("2026-12-07 10:30\n")
    );
    // An office that opens at 08:00 (counting starts then) and breaks from 10:00 to 10:30.
    let (ok, out, err) = due("08:00-10:00,10:30-17:30");
    assert!(ok, "{err}");
    assert!(out.starts_with("2026-12-07 11:30\n"), "{out}");
    let (ok, _, err) = due("8h-17h");
    assert!(!ok && err.contains("HH:MM"), "{err}");
}

#[test]
fn an_unsupported_database_url_is_refused_at_start_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    for url in ["mysql://motcua:secret@127.0.0.1/motcua", "data/motcua.db"] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_motcua"))
            .args(["import", "nothing.json"])
            .current_dir(dir.path())
            .env("MOTCUA_CONFIG", dir.path().join("none.toml"))
            .env("MOTCUA_DATABASE_URL", url)
            .output()
            .expect("motcua runs");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{url}");
        assert!(
            err.contains("sqlite://") && err.contains("postgres://"),
            "{url}: {err}"
        );
        assert!(
            !err.contains("secret"),
            "the password is not printed: {err}"
        );
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert!(left.is_empty(), "{url}: nothing created: {left:?}");
    }
}

#[test]
fn conflicting_unsupported_or_unreachable_file_stores_are_refused_at_start_and_create_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let closed_port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    for (files_dir, files_url, expected) in [
        ("files", "s3://motcua-files/h56", "set only one of them"),
        ("", "gs://motcua-files/h56", "unsupported scheme"),
        ("", "files", "MOTCUA_FILES_URL"),
        // A bucket that does not answer (nothing listens on the endpoint's port).
        (
            "",
            "s3://motcua-files/h56",
            "file storage s3://motcua-files/h56",
        ),
    ] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_motcua"))
            .args(["import", "nothing.json"])
            .current_dir(dir.path())
            .env("MOTCUA_CONFIG", dir.path().join("none.toml"))
            .env("MOTCUA_DATABASE_URL", "sqlite://data/motcua.db")
            .env("MOTCUA_FILES_DIR", files_dir)
            .env("MOTCUA_FILES_URL", files_url)
            .env(
                "AWS_ENDPOINT_URL",
                format!("http://127.0.0.1:{closed_port}"),
            )
            .env("AWS_ACCESS_KEY_ID", "testing")
            .env("AWS_SECRET_ACCESS_KEY", "testing")
            .env("AWS_REGION", "us-east-1")
            .output()
            .expect("motcua runs");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{files_dir:?} {files_url:?}");
        assert!(err.contains(expected), "{files_dir:?} {files_url:?}: {err}");
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert!(left.is_empty(), "nothing created: {left:?}");
    }
}

#[tokio::test]
async fn a_database_that_loaded_the_old_demo_units_loses_their_wrong_codes() {
    let dir = TestDatabase::new().await;
    // As the demo loaded it before the national list was shipped.
    let old = dir.open().await;
    old.import_units(&[
        motcua_store::Unit {
            code: "38".into(),
            name: "Tỉnh Thanh Hóa".into(),
            level: "province".into(),
            parent_code: None,
        },
        motcua_store::Unit {
            code: "15115".into(),
            name: "Xã Nguyệt Ấn".into(),
            level: "commune".into(),
            parent_code: Some("38".into()),
        },
    ])
    .await
    .unwrap();
    old.close().await;
    let s = store(&dir).await;
    assert_eq!(s.unit("15115").await.unwrap(), None, "the old code is gone");
    assert_eq!(
        s.unit("15106").await.unwrap().map(|u| u.name),
        Some("Xã Nguyệt Ấn".into()),
        "the commune is offered once, under the shipped code"
    );
}

/// The shipped configuration loads no demo, whose staff accounts share a published password;
/// a demo folder asked for and missing stops the start instead of starting otherwise.
#[tokio::test]
async fn the_demo_is_loaded_only_when_asked_for() {
    let db = TestDatabase::new().await;
    let shipped = repo_root().join("Leptos.toml").display().to_string();
    let mut server = common::served::Served::start_with(&db, &[("MOTCUA_CONFIG", shipped)]);
    server.wait_until_ready(&reqwest::Client::new()).await;
    server.stop();
    let store = store(&db).await;
    let far_future = time::macros::date!(9999 - 12 - 31);
    assert!(
        store
            .current_procedures(far_future)
            .await
            .unwrap()
            .is_empty()
    );
    let admin = motcua_server::demo::demo_login("quantri", "000.50.01.H56");
    let found = store.account_for_sign_in(&admin).await.unwrap();
    assert!(found.is_none(), "no demo account");

    let missing = db.dir().join("no-such-demo").display().to_string();
    let err = refused_at_start(&db, &[("MOTCUA_DEMO_DIR", missing)]).await;
    assert!(
        err.contains("MOTCUA_DEMO_DIR") && err.contains("no-such-demo"),
        "{err}"
    );
}

/// A server that listens beyond this machine needs its public address: the `Host` header
/// of a request is the client's to choose.
#[tokio::test]
async fn a_server_on_the_network_without_a_public_url_does_not_start() {
    let db = TestDatabase::new().await;
    let everywhere = format!("0.0.0.0:{}", common::served::free_port());
    let err = refused_at_start(&db, &[("LEPTOS_SITE_ADDR", everywhere)]).await;
    assert!(err.contains("MOTCUA_PUBLIC_URL"), "{err}");
}

/// Starts `motcua serve` on `db` with `env` and expects it to exit with an error within a
/// minute; returns what it wrote to standard error.
async fn refused_at_start(db: &TestDatabase, env: &[(&str, String)]) -> String {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_motcua"));
    command
        .arg("serve")
        .env("MOTCUA_CONFIG", db.dir().join("none.toml"))
        .env("MOTCUA_DATABASE_URL", db.url())
        .env("MOTCUA_FILES_DIR", db.files_dir())
        .env(
            "LEPTOS_SITE_ADDR",
            format!("127.0.0.1:{}", common::served::free_port()),
        )
        .stderr(std::process::Stdio::piped());
    for (key, value) in env {
        command.env(key, value);
    }
    let mut child = command.spawn().expect("motcua runs");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("motcua serve started with {env:?}");
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    };
    let mut err = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
    assert!(!status.success(), "{env:?}");
    err
}
