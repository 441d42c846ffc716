//! Two `motcua serve` processes on one database (a SQLite file in WAL mode, or PostgreSQL,
//! as the run says) and one files directory, behind Debian's nginx doing round robin: what
//! one server writes, the other serves. Both start at the same moment on an empty database.
//! Through the proxy: a complete filing without JavaScript whose pages alternate between the
//! servers, a staff session that works on both, the supplement round trip, the workflow to
//! its result, a holiday the admin adds on one server counted by the other at once, and 200
//! concurrent filings that get 200 distinct, consecutive codes.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::cluster::Cluster;
use common::nginx::{Logged, UPSTREAM_HEADER};
use common::staff::{act, assignee, full_form, signed_in_at, staff};
use common::{
    Browser, acceptable_file, demo_procedures, document_inputs, receipt_access_code, receipt_code,
};
use motcua_store::prelude::*;
use serde_json::Value;

/// The demo's shortest filing (two pages, one document) and a four-step process.
const PROCEDURE: &str = "2.000815.000.00.00.H56";
const CONCURRENT_FILINGS: usize = 200;

fn procedure(code: &str) -> Value {
    demo_procedures()
        .into_iter()
        .find(|p| p["code"] == code)
        .unwrap_or_else(|| panic!("demo procedure {code}"))
}

/// The server that answered, as nginx says.
fn upstream(res: &reqwest::Response) -> String {
    res.headers()
        .get(UPSTREAM_HEADER)
        .unwrap_or_else(|| panic!("{} came without {UPSTREAM_HEADER}", res.url()))
        .to_str()
        .unwrap()
        .to_string()
}

/// The sequence number and the `{agency}-{YYMMDD}` it counts in, of a dossier code
/// (`motcua_domain::dossier_code`).
fn sequence(code: &str) -> (String, u32) {
    let (day, number) = code.rsplit_once('-').expect("a dossier code");
    (day.to_string(), number.parse().expect("a sequence number"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dossier_goes_from_filing_to_its_result_across_two_servers() {
    let mut cluster = Cluster::start().await;
    let app = &cluster.app;
    let addrs: BTreeSet<String> = cluster.servers.iter().map(|s| s.addr.clone()).collect();
    let p = procedure(PROCEDURE);

    // A filing without JavaScript: each page is saved by one server and shown by the other.
    let review = app.fill_to_review(&p).await;
    let (receipt_url, receipt) = app.submit(&review).await;
    assert!(receipt_url.ends_with("/bien-nhan"), "{receipt_url}");
    let code = receipt_code(&receipt);
    let access = receipt_access_code(&receipt);
    let draft_pages = review.trim_end_matches("/kiem-tra");
    let draft_pages = &draft_pages[app.base.len()..];
    let flow: Vec<Logged> = cluster
        .proxy_log()
        .await
        .into_iter()
        .filter(|l| l.path.starts_with(draft_pages))
        .collect();
    assert!(flow.len() >= 8, "the filing's requests: {flow:#?}");
    assert!(
        flow.windows(2).all(|w| w[0].upstream != w[1].upstream),
        "the filing's requests alternate between the servers: {flow:#?}"
    );
    assert_eq!(
        flow.iter()
            .map(|l| l.upstream.clone())
            .collect::<BTreeSet<_>>(),
        addrs,
        "both servers served the filing"
    );
    assert!(flow.iter().all(|l| l.status < 400), "{flow:#?}");
    let agency = app
        .store
        .dossier(&code.parse().unwrap())
        .await
        .unwrap()
        .expect("filed")
        .agency_code;

    // A staff session started on one server is valid on the other.
    let reception = staff(app, "tiepnhan", &agency).await;
    let mut answered_by = BTreeSet::new();
    for _ in 0..2 {
        let res = reception
            .get(app.url("/can-bo?hang=moi"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        assert_eq!(res.url().path(), "/can-bo", "still signed in");
        answered_by.insert(upstream(&res));
        assert!(res.text().await.unwrap().contains(&code), "queue lists it");
    }
    assert_eq!(answered_by, addrs, "the session works on both servers");

    // Acceptance, then the step's holder asks for the document again.
    let field = p["form"][1]["fields"][0]["id"].as_str().unwrap();
    let document = p["documents"][0]["id"].as_str().unwrap();
    let (_, landed) = act(app, &reception, &code, "accept", full_form(app, field)).await;
    assert!(landed.contains("xong=accept"), "{landed}");
    let holder = assignee(app, &code).await;
    let form = reqwest::multipart::Form::new()
        .text("ly_do", "Bản chụp không đọc được")
        .text("muc", format!("document:{document}"));
    let (_, landed) = act(app, &holder, &code, "request_supplement", form).await;
    assert!(landed.contains("xong=request_supplement"), "{landed}");

    // The citizen, without an account, finds the request through the lookup and sends a
    // new copy.
    let citizen = Browser::new(app.base.clone());
    let lookup = citizen.look_up(&code, &access).await;
    assert!(lookup.contains("Bản chụp không đọc được"), "reason shown");
    let res = citizen.open_supplement_answer(&code, &access).await;
    let answer_page = res.url().to_string();
    assert!(
        answer_page.contains(&format!("/bo-sung/{code}/")),
        "{answer_page}"
    );
    let html = res.text().await.unwrap();
    assert_eq!(document_inputs(&html), [document], "the document re-opens");
    let (mut bytes, name, mime) = acceptable_file(&html, document);
    bytes.extend_from_slice(b"\n% ban chup moi\n");
    let form = reqwest::multipart::Form::new()
        .text("_action", "next")
        .part(
            format!("file.{document}"),
            reqwest::multipart::Part::bytes(bytes.clone())
                .file_name(name)
                .mime_str(mime)
                .unwrap(),
        );
    let res = citizen
        .client
        .post(&answer_page)
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert!(res.url().path().ends_with("/xong"), "{}", res.url());

    // Staff see it back in the step it was asked from, and open the new copy on both servers
    // (one files directory).
    let d = app
        .store
        .dossier(&code.parse().unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!((d.status.code(), d.supplement_round), (4, 1));
    let current = app
        .store
        .dossier_documents(&code.parse().unwrap())
        .await
        .unwrap();
    assert_eq!(current.len(), 1);
    let mut answered_by = BTreeSet::new();
    for _ in 0..2 {
        let res = reception
            .get(app.url(&format!("/can-bo/ho-so/{code}/tep/{}", current[0].id)))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        answered_by.insert(upstream(&res));
        assert_eq!(res.bytes().await.unwrap(), bytes, "the new copy");
    }
    assert_eq!(answered_by, addrs, "both servers serve the file");

    // Every step handed on by its holder, the last one finishing; reception returns it.
    let steps = p["process"].as_array().unwrap().len();
    for i in 0..steps {
        let holder = assignee(app, &code).await;
        let action = if i + 1 == steps {
            "finish"
        } else {
            "next_step"
        };
        let (_, landed) = act(app, &holder, &code, action, full_form(app, field)).await;
        assert!(landed.contains(&format!("xong={action}")), "{landed}");
    }
    let (_, landed) = act(
        app,
        &reception,
        &code,
        "return_result",
        full_form(app, field),
    )
    .await;
    assert!(landed.contains("xong=return_result"), "{landed}");
    let moves: Vec<(Option<i32>, i32)> = app
        .store
        .events(&code.parse().unwrap())
        .await
        .unwrap()
        .iter()
        .map(|e| (e.from_status.map(|s| s.code()), e.to_status.code()))
        .collect();
    let mut expected = vec![
        (None, 1),
        (Some(1), 2),
        (Some(2), 4),
        (Some(4), 5),
        (Some(5), 4),
    ];
    expected.extend((1..steps).map(|_| (Some(4), 4)));
    expected.extend([(Some(4), 9), (Some(9), 10)]);
    assert_eq!(moves, expected);

    let log = cluster.proxy_log().await;
    assert!(
        log.iter().all(|l| l.status < 500),
        "no request failed: {log:#?}"
    );
    for (server, lines) in cluster.stop_servers().iter().enumerate() {
        assert_no_errors(server, lines);
    }
}

/// Each server holds the working calendar in memory; a holiday the admin adds through one
/// server counts at the other's next acceptance, though nothing told that server: it reads
/// the calendar's version in the database.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_holiday_added_on_one_server_counts_on_the_other_at_once() {
    let cluster = Cluster::start().await;
    let app = &cluster.app;
    let [admins, receptions] = [&cluster.servers[0].base, &cluster.servers[1].base];
    let p = procedure(PROCEDURE);
    let field = p["form"][1]["fields"][0]["id"].as_str().unwrap();
    let mut codes = vec![];
    for _ in 0..2 {
        let review = app.fill_to_review(&p).await;
        let code: motcua_domain::ids::DossierCode =
            receipt_code(&app.submit(&review).await.1).parse().unwrap();
        codes.push(code);
    }
    let agency = app
        .store
        .dossier(&codes[0])
        .await
        .unwrap()
        .unwrap()
        .agency_code;
    let reception = signed_in_at(
        receptions,
        &motcua_server::demo::demo_login("tiepnhan", &agency),
    )
    .await;
    let accepted_due = async |code: &motcua_domain::ids::DossierCode| {
        let res = reception
            .post(format!("{receptions}/can-bo/ho-so/{code}/accept"))
            .multipart(full_form(app, field))
            .send()
            .await
            .unwrap();
        assert!(res.url().as_str().contains("xong=accept"), "{}", res.url());
        let d = app.store.dossier(code).await.unwrap().unwrap();
        d.state.statutory_due_at.expect("accepted")
    };
    // The second server reads the calendar for the first acceptance, and holds it.
    let before = accepted_due(&codes[0]).await;

    // The day the clock of an acceptance now starts on becomes a holiday, on the first server.
    let periods = app::api::state::Settings::default().working_periods;
    let calendar = motcua_core::calendar::cache::read(&app.store, &periods)
        .await
        .unwrap();
    let start = calendar.clock_start(app.clock.now());
    let day = start.to_offset(motcua_domain::format::VN_OFFSET).date();
    let admin = signed_in_at(admins, &motcua_server::demo::demo_login("quantri", &agency)).await;
    let res = admin
        .post(format!("{admins}/can-bo/quan-tri/lich"))
        .form(&[
            ("ngay", day.to_string().as_str()),
            ("loai", "holiday"),
            ("ten", "Nghỉ đột xuất"),
        ])
        .send()
        .await
        .unwrap();
    assert!(res.url().as_str().contains("xong=luu"), "{}", res.url());

    // The second server's next acceptance skips the day: its due moment is a day later or more.
    let after = accepted_due(&codes[1]).await;
    assert!(
        after - before >= time::Duration::hours(23),
        "due {before} before the holiday on {day}, {after} after"
    );
}

/// A server's log has no error line, and answered requests.
fn assert_no_errors(server: usize, log: &str) {
    assert!(
        !log.lines().any(|l| l.contains(" ERROR ")),
        "server {server} logged errors:\n{log}"
    );
    assert!(
        log.contains("status=200"),
        "server {server} answered nothing:\n{log}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_filings_split_between_the_servers_get_consecutive_codes() {
    let mut cluster = Cluster::start().await;
    let p = procedure(PROCEDURE);
    let mut filings = tokio::task::JoinSet::new();
    for _ in 0..CONCURRENT_FILINGS {
        let citizen = Browser::new(cluster.app.base.clone());
        let p = p.clone();
        filings.spawn(async move {
            let review = citizen.fill_to_review(&p).await;
            let (url, receipt) = citizen.submit(&review).await;
            assert!(url.ends_with("/bien-nhan"), "{url}");
            receipt_code(&receipt)
        });
    }
    let mut codes = Vec::new();
    let mut failures = Vec::new();
    while let Some(filed) = filings.join_next().await {
        match filed {
            Ok(code) => codes.push(code),
            Err(e) => failures.push(e),
        }
    }
    if let Some(first) = failures.first() {
        let errors: Vec<String> = cluster
            .stop_servers()
            .iter()
            .flat_map(|log| log.lines().filter(|l| l.contains(" ERROR ")))
            .map(str::to_string)
            .collect();
        panic!(
            "{} of {CONCURRENT_FILINGS} filings failed, the first: {first:?}\nthe servers' errors:\n{}",
            failures.len(),
            errors.join("\n")
        );
    }

    let distinct: BTreeSet<&String> = codes.iter().collect();
    assert_eq!(
        distinct.len(),
        CONCURRENT_FILINGS,
        "distinct codes: {codes:?}"
    );
    // Per agency and day (a run across midnight in Vietnam counts two days), the sequence
    // numbers are 1, 2, 3, … with no gap.
    let mut days: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for code in &codes {
        let (day, n) = sequence(code);
        days.entry(day).or_default().push(n);
    }
    for (day, numbers) in &mut days {
        numbers.sort();
        let expected: Vec<u32> = (1..=numbers.len() as u32).collect();
        assert_eq!(numbers, &expected, "the sequence of {day}");
    }

    // Both servers took filings.
    let log = cluster.proxy_log().await;
    let mut filed_by: BTreeMap<&str, usize> = BTreeMap::new();
    for l in &log {
        if l.method == "POST" && l.path.ends_with("/kiem-tra") {
            *filed_by.entry(l.upstream.as_str()).or_default() += 1;
        }
    }
    assert_eq!(filed_by.len(), 2, "filings per server: {filed_by:?}");
    assert!(
        log.iter().all(|l| l.status < 500),
        "no request failed: {:#?}",
        log.iter().filter(|l| l.status >= 500).collect::<Vec<_>>()
    );
    for (server, lines) in cluster.stop_servers().iter().enumerate() {
        assert_no_errors(server, lines);
    }
}
