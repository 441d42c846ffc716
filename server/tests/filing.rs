//! HTTP-level tests of citizen filing, against the real server and a real SQLite file,
//! posting forms as a browser without JavaScript does.

mod common;

use common::documents::{procedure_with_most_documents, walk_to_documents};
use common::*;
use motcua_store::prelude::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_demo_procedure_can_be_filed_without_javascript() {
    let app = spawn_app().await;
    let procedures = demo_procedures();
    assert!(procedures.len() >= 8, "the demo has at least 8 procedures");
    for p in &procedures {
        let review = app.fill_to_review(p).await;
        let html = app
            .client
            .get(&review)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            html.contains("Nguyễn Văn An") || html.contains("Trần Thị Bình"),
            "review shows answers"
        );
        let (url, receipt) = app.submit(&review).await;
        assert!(url.ends_with("/bien-nhan"), "{url}");
        let code = receipt_code(&receipt);
        let parts: Vec<&str> = code.rsplitn(3, '-').collect();
        assert_eq!(parts.len(), 3, "code {code}");
        assert_eq!(parts[0].len(), 4, "sequence of {code}");
        assert_eq!(parts[1].len(), 6, "date of {code}");
        assert!(receipt.contains("Mới đăng ký"), "status 1 on the receipt");
        let stored = app
            .store
            .dossier(&code.parse().unwrap())
            .await
            .unwrap()
            .expect("dossier stored");
        assert_eq!(stored.status.code(), 1);
        let version = app
            .store
            .procedure_version(stored.procedure_id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            version.procedure.code,
            p["code"].as_str().unwrap(),
            "exact procedure version kept"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_input_rerenders_the_page_with_errors_and_keeps_values() {
    let app = spawn_app().await;
    let p = &demo_procedures()[0];
    let url = app.start(p["code"].as_str().unwrap()).await;
    let html = app
        .client
        .get(&url)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let mut pairs = applicant_pairs(&html);
    for (k, v) in pairs.iter_mut() {
        if k == "phone" {
            *v = "12345".into();
        }
        if k == "full_name" {
            *v = "Lê Văn Cường".into();
        }
    }
    let res = raw_client().post(&url).form(&pairs).send().await.unwrap();
    assert_eq!(res.status(), 303);
    let location = res.headers()["location"].to_str().unwrap().to_string();
    assert!(
        location.ends_with("#loi"),
        "back to the same page's error summary: {location}"
    );
    let page = app
        .client
        .get(app.url(location.trim_end_matches("#loi")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("id=\"loi\""), "error summary present");
    assert!(
        page.contains("href=\"#phone\""),
        "summary links to the field"
    );
    assert!(page.contains("id=\"phone-error\""), "message at the field");
    assert!(
        page.contains("value=\"12345\""),
        "the bad value is kept as typed"
    );
    assert!(
        page.contains("value=\"Lê Văn Cường\""),
        "other values are kept"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_double_or_concurrent_submit_files_once() {
    let app = spawn_app().await;
    let p = &demo_procedures()[1];
    let review = app.fill_to_review(p).await;
    let (_, first) = app.submit(&review).await;
    let (_, again) = app.submit(&review).await;
    assert_eq!(receipt_code(&first), receipt_code(&again));

    let review = app.fill_to_review(p).await;
    let submits = (0..10).map(|_| {
        let review = review.clone();
        let client = app.client.clone();
        async move {
            let res = client
                .post(&review)
                .form(&[("_action", "file")])
                .send()
                .await
                .unwrap();
            receipt_code(&res.text().await.unwrap())
        }
    });
    let codes = futures::future::join_all(submits).await;
    assert!(
        codes.iter().all(|c| c == &codes[0]),
        "one dossier for 10 concurrent submits: {codes:?}"
    );
    assert_ne!(codes[0], receipt_code(&first));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_hundred_concurrent_filings_get_consecutive_codes() {
    // Every test citizen comes from 127.0.0.1: the quota is not what is tested here.
    let app = spawn_app_with(app::api::state::Settings {
        filings_per_hour: 1000,
        ..Default::default()
    })
    .await;
    let p = demo_procedures()
        .into_iter()
        .find(|p| p["level"] == "province")
        .expect("a province-level procedure");
    // Prepare 200 complete drafts, then file them all at once.
    let mut reviews = vec![];
    for _ in 0..200 {
        reviews.push(app.fill_to_review(&p).await);
    }
    let submits = reviews.iter().map(|review| {
        let client = app.client.clone();
        let review = review.clone();
        async move {
            let res = client
                .post(&review)
                .form(&[("_action", "file")])
                .send()
                .await
                .unwrap();
            receipt_code(&res.text().await.unwrap())
        }
    });
    let mut codes = futures::future::join_all(submits).await;
    codes.sort();
    let prefix = codes[0].rsplit_once('-').unwrap().0.to_string();
    let expected: Vec<String> = (1..=200).map(|n| format!("{prefix}-{n:04}")).collect();
    assert_eq!(codes, expected, "200 distinct consecutive codes from 0001");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_upload_is_checked_by_content_and_a_rejected_file_keeps_the_rest() {
    let app = spawn_app().await;
    let p = procedure_with_most_documents();
    let (docs_url, html) = walk_to_documents(&app, &p).await;
    let docs = document_inputs(&html);
    assert!(docs.len() >= 2, "need two documents");
    // One good file, and a text file named .pdf.
    let (good, _, _) = acceptable_file(&html, &docs[0]);
    let form = reqwest::multipart::Form::new()
        .text("_action", "next")
        .part(
            format!("file.{}", docs[0]),
            reqwest::multipart::Part::bytes(good).file_name("good.pdf"),
        )
        .part(
            format!("file.{}", docs[1]),
            reqwest::multipart::Part::bytes(b"not really a pdf".to_vec()).file_name("fake.pdf"),
        );
    let res = app
        .client
        .post(&docs_url)
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert!(
        res.url().as_str().ends_with("/giay-to"),
        "stays on the page"
    );
    let page = res.text().await.unwrap();
    assert!(page.contains("id=\"loi\""), "error summary");
    let doc = p["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == docs[1].as_str())
        .unwrap();
    let name = doc["name"]["vi"].as_str().or(doc["name"].as_str()).unwrap();
    assert!(
        page.contains(&format!("Tệp chọn cho {name} phải là tệp")),
        "a clear message that names the document"
    );
    assert!(page.contains("good.pdf"), "the good file was kept");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_malformed_upload_post_gets_a_translated_page_and_nothing_internal() {
    let app = spawn_app().await;
    let p = demo_procedures()
        .into_iter()
        .find(|p| !p["documents"].as_array().unwrap().is_empty())
        .unwrap();
    let (docs_url, _) = walk_to_documents(&app, &p).await;
    // A body cut off before its closing boundary.
    let cut_off = "--X\r\nContent-Disposition: form-data; name=\"_action\"\r\n\r\nnext";
    let post = || {
        app.client
            .post(&docs_url)
            .header("Content-Type", "multipart/form-data; boundary=X")
            .body(cut_off)
            .send()
    };
    let res = post().await.unwrap();
    assert_eq!(res.status(), 400);
    let page = res.text().await.unwrap();
    assert!(page.contains("Không đọc được nội dung đã gửi"), "{page}");
    assert!(page.contains(&format!(
        "href=\"{}\"",
        docs_url.strip_prefix(&app.base).unwrap()
    )));
    for internal in ["multipart", "boundary", "stream", "Error"] {
        assert!(!page.contains(internal), "{internal} in {page}");
    }
    // In the language the citizen chose.
    app.client
        .get(app.url("/ngon-ngu/en?tiep=/tra-cuu"))
        .send()
        .await
        .unwrap();
    let page = post().await.unwrap().text().await.unwrap();
    assert!(page.contains("What was sent could not be read"), "{page}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_post_to_a_filing_that_is_not_there_is_a_translated_page_not_found() {
    let app = spawn_app().await;
    let p = &demo_procedures()[0];
    let url = app.start(p["code"].as_str().unwrap()).await;
    // The same address with another token: a draft that does not exist.
    let (base, token_and_page) = url.rsplit_once('/').unwrap();
    let (head, _token) = base.rsplit_once('/').unwrap();
    let stranger = format!("{head}/{}/{token_and_page}", "0".repeat(64));
    // A post, answered by the server's own handler (a GET is the app's page).
    let get = || {
        app.client
            .post(&stranger)
            .form(&[("_action", "next")])
            .send()
    };
    let res = get().await.unwrap();
    assert_eq!(res.status(), 404);
    let page = res.text().await.unwrap();
    assert!(page.contains("<html lang=\"vi\">"), "{page}");
    assert!(page.contains("Không tìm thấy trang"), "{page}");
    assert!(page.contains("href=\"/thu-tuc\""), "{page}");
    app.client
        .get(app.url("/ngon-ngu/en?tiep=/tra-cuu"))
        .send()
        .await
        .unwrap();
    let page = get().await.unwrap().text().await.unwrap();
    assert!(page.contains("Page not found"), "{page}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn catalogue_search_ignores_case_and_diacritics() {
    let app = spawn_app().await;
    let html = app
        .client
        .get(app.url("/thu-tuc?q=dang+ky+ket+hon"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let first = html.find("Đăng ký kết hôn").expect("finds Đăng ký kết hôn");
    assert!(html[..first].matches("<li>").count() <= 1, "ranked first");
    let html = app
        .client
        .get(app.url("/thu-tuc?q=KHAI+SINH"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("khai sinh"));
    let all = app
        .client
        .get(app.url("/thu-tuc"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(all.contains("Hộ tịch"), "grouped by sector");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_procedure_page_shows_level_one_information_and_unknown_codes_are_404() {
    let app = spawn_app().await;
    let p = &demo_procedures()[0];
    let res = app
        .client
        .get(app.url(&format!("/thu-tuc/{}", p["code"].as_str().unwrap())))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    for needle in [
        "Thành phần hồ sơ",
        "Thời hạn giải quyết",
        "Phí, lệ phí",
        "Căn cứ pháp lý",
        "Nộp hồ sơ trực tuyến",
    ] {
        assert!(html.contains(needle), "shows {needle}");
    }
    let res = app
        .client
        .get(app.url("/thu-tuc/9.999999.000.00.00.X"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lookup_shows_status_and_slows_down_guessing() {
    let app = spawn_app().await;
    let review = app.fill_to_review(&demo_procedures()[2]).await;
    let (_, receipt) = app.submit(&review).await;
    let code = receipt_code(&receipt);
    let c = raw_client();
    let get = |ma: String, key: &str| {
        let req = look_up(&c, &app.base, &ma, key);
        async move { req.send().await.unwrap() }
    };
    // A GET never looks up and never counts (more of them than the limit allows misses):
    // the pair in a URL shows the empty form, with the code filled in from `ma`.
    let access = receipt_access_code(&receipt);
    for _ in 0..8 {
        let url = app.url(&format!("/tra-cuu?ma={code}&giay_to={access}"));
        let res = c.get(url).send().await.unwrap();
        assert_eq!(res.status(), 200);
        let html = res.text().await.unwrap();
        assert!(html.contains(&format!("value=\"{code}\"")), "{html}");
        assert!(
            !html.contains("Mới đăng ký") && !html.contains("class=\"panel result\""),
            "{html}"
        );
    }
    let found = get(code.clone(), "001190012345")
        .await
        .text()
        .await
        .unwrap();
    assert!(found.contains("Mới đăng ký"), "status by ID number");
    assert!(
        !found.contains(&format!("action=\"/rut-ho-so/{code}\"")),
        "the ID number opens no action"
    );
    assert_eq!(access.len(), 14, "{access}");
    let by_access = get(code.clone(), &access).await.text().await.unwrap();
    assert!(by_access.contains("Mới đăng ký"), "status by access code");
    assert!(
        by_access.contains(&format!("action=\"/rut-ho-so/{code}\"")),
        "the access code opens the withdrawal"
    );
    let by_phone = get(code.clone(), "0987654321").await.text().await.unwrap();
    assert!(
        by_phone.contains("Không tìm thấy hồ sơ"),
        "a phone number proves nothing"
    );
    let wrong_pair = get(code.clone(), "001190099999")
        .await
        .text()
        .await
        .unwrap();
    let unknown = get("000.00.00.H56-990101-0001".into(), "001190012345")
        .await
        .text()
        .await
        .unwrap();
    assert!(wrong_pair.contains("Không tìm thấy hồ sơ"));
    assert!(
        unknown.contains("Không tìm thấy hồ sơ"),
        "{}",
        unknown.split("<main").nth(1).unwrap_or("")
    );
    assert!(
        !wrong_pair.contains(&format!(">{code}<")),
        "a wrong pair reveals nothing"
    );
    let mut limited = None;
    for _ in 0..10 {
        let res = get(code.clone(), "111111111111").await;
        if res.status() == 429 {
            limited = Some(res);
            break;
        }
    }
    let res = limited.expect("repeated misses get 429");
    assert!(res.headers().contains_key("retry-after"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cross_site_posts_are_refused() {
    let app = spawn_app().await;
    let code = demo_procedures()[0]["code"].as_str().unwrap().to_string();
    let start = app.url(&format!("/thu-tuc/{code}/nop"));
    let other_scheme = app.base.replace("http://", "https://");
    // A client that says nothing of where it comes from, unlike the tests' browser.
    let bare = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    for (header, value, status) in [
        ("Origin", "https://evil.example", 403),
        ("Origin", other_scheme.as_str(), 403),
        ("Origin", "null", 403),
        ("Sec-Fetch-Site", "cross-site", 403),
        ("Sec-Fetch-Site", "same-site", 403),
        ("Sec-Fetch-Site", "same-origin", 303),
        ("Origin", app.base.as_str(), 303),
    ] {
        let res = bare
            .post(&start)
            .header(header, value)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), status, "{header}: {value}");
    }
    let res = bare.post(&start).send().await.unwrap();
    assert_eq!(res.status(), 403, "neither header: refused");
}

/// Each filing started is a draft that keeps files until it expires: one client starts at
/// most `filings_per_hour` of them, then is told in its language to wait; another client is
/// not held up.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_client_starts_a_bounded_number_of_filings() {
    let app = spawn_app_with(app::api::state::Settings {
        filings_per_hour: 3,
        trusted_proxies: vec!["127.0.0.1".parse().unwrap()],
        ..Default::default()
    })
    .await;
    let code = demo_procedures()[0]["code"].as_str().unwrap().to_string();
    let start = |from: &'static str| {
        raw_client()
            .post(app.url(&format!("/thu-tuc/{code}/nop")))
            .header("x-forwarded-for", from)
            .send()
    };
    for _ in 0..3 {
        assert_eq!(start("203.0.113.7").await.unwrap().status(), 303);
    }
    let refused = start("203.0.113.7").await.unwrap();
    assert_eq!(refused.status(), 429);
    assert!(refused.text().await.unwrap().contains("quá nhiều hồ sơ"));
    assert_eq!(start("198.51.100.20").await.unwrap().status(), 303);
}

/// One anonymous post cannot make the server buffer more than a quarter of a megabyte: not a
/// filing's form page (whose route takes a documents page's photos), a sign-in or a server
/// function. The form page says so in the citizen's language and keeps what was saved.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_huge_text_post_is_refused_before_it_is_read() {
    let app = spawn_app().await;
    let code = demo_procedures()[0]["code"].as_str().unwrap().to_string();
    let applicant = app.start(&code).await;
    let huge = "x".repeat(300 * 1024);
    let c = raw_client();
    let res = c
        .post(&applicant)
        .form(&[("full_name", huge.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    assert!(res.text().await.unwrap().contains("lang=\"vi\""));
    let page = app.client.get(&applicant).send().await.unwrap();
    assert!(
        !page.text().await.unwrap().contains("xxxxxxxx"),
        "nothing kept"
    );
    // A post just under the limit is read (and answered as a form page is).
    let fits = "x".repeat(200 * 1024);
    let res = c
        .post(&applicant)
        .form(&[("full_name", fits.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    for path in ["/dang-nhap", "/api/tra-cuu"] {
        let res = c
            .post(app.url(path))
            .form(&[("ten_dang_nhap", huge.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 413, "{path}");
    }
}

/// The Content-Security-Policy of a page whose island loads: each response its own nonce,
/// and every inline script carries it (or is the print buttons' script, allowed by hash).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_page_allows_only_the_scripts_it_wrote_itself() {
    let app = spawn_app().await;
    let code = demo_procedures()[0]["code"].as_str().unwrap().to_string();
    let applicant = app.start(&code).await;
    let mut nonces = Vec::new();
    for _ in 0..2 {
        let res = app.client.get(&applicant).send().await.unwrap();
        let headers = res.headers().clone();
        let policy = headers["content-security-policy"].to_str().unwrap();
        let nonce = policy
            .split("'nonce-")
            .nth(1)
            .and_then(|rest| rest.split('\'').next())
            .unwrap_or_else(|| panic!("no nonce in {policy}"))
            .to_string();
        assert!(policy.contains("frame-ancestors 'none'"), "{policy}");
        assert!(headers.contains_key("permissions-policy"));
        assert!(
            !headers.contains_key("strict-transport-security"),
            "not on plain http"
        );
        let html = res.text().await.unwrap();
        let scripts: Vec<&str> = html.split("<script").skip(1).collect();
        assert!(!scripts.is_empty(), "the island's loader: {html}");
        for script in scripts {
            let tag = &script[..script.find('>').unwrap()];
            assert!(
                tag.contains(&format!("nonce=\"{nonce}\"")),
                "a script without the nonce: <script{tag}>"
            );
        }
        nonces.push(nonce);
    }
    assert_ne!(nonces[0], nonces[1], "a fresh nonce for each response");
    // A response that is not a Leptos page gets the strict policy: no script at all but the
    // print buttons'.
    let res = app.client.get(app.url("/robots.txt")).send().await.unwrap();
    let policy = res.headers()["content-security-policy"].to_str().unwrap();
    assert!(
        policy.starts_with("default-src 'none'; script-src 'sha256-"),
        "{policy}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_https_deployment_asks_for_https_only() {
    let app = spawn_app_with(app::api::state::Settings {
        public_url: app::auth::PublicUrl::parse("https://dichvucong.example.gov.vn").unwrap(),
        ..Default::default()
    })
    .await;
    let res = app.client.get(app.url("/thu-tuc")).send().await.unwrap();
    assert_eq!(
        res.headers()["strict-transport-security"],
        "max-age=31536000"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_language_switch_turns_the_ui_to_english() {
    let app = spawn_app().await;
    let vi = app
        .client
        .get(app.url("/tra-cuu"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(vi.contains("Tra cứu hồ sơ") && vi.contains("lang=\"vi\""));
    let en = app
        .client
        .get(app.url("/ngon-ngu/en?tiep=/tra-cuu"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(en.contains("Track a dossier") && en.contains("lang=\"en\""));
}
