//! Administrative units as product data, addresses from anywhere in the country, and error
//! messages that name their field: HTTP tests against the real server, without JavaScript.

mod common;

use common::{
    applicant_pairs, demo_procedures, raw_client, receipt_code, spawn_app, spawn_app_without_demo,
};
use motcua_store::Agency;
use motcua_store::prelude::*;
use serde_json::Value;

/// The values of the non-empty options of `<select id="{id}">` in `html`.
fn options(html: &str, id: &str) -> Vec<String> {
    let Some(start) = html.find(&format!("id=\"{id}\"")) else {
        return vec![];
    };
    let rest = &html[start..];
    let end = rest.find("</select>").unwrap_or(rest.len());
    rest[..end]
        .split("<option value=\"")
        .skip(1)
        .map(|s| s.split('"').next().unwrap_or("").to_string())
        .filter(|v| !v.is_empty())
        .collect()
}

/// The entries of the error summary: `(input id it links to, message)`.
fn summary(html: &str) -> Vec<(String, String)> {
    let Some(start) = html.find("class=\"error-summary\"") else {
        return vec![];
    };
    let rest = &html[start..];
    let end = rest.find("</ul>").unwrap_or(rest.len());
    rest[..end]
        .split("<li><a href=\"#")
        .skip(1)
        .map(|item| {
            let (target, after) = item.split_once('"').unwrap();
            let message = after.trim_start_matches('>').split("</a>").next().unwrap();
            (target.to_string(), message.to_string())
        })
        .collect()
}

async fn get(app: &common::TestApp, url: &str) -> String {
    app.client
        .get(url)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

fn procedure(code_stem: &str) -> Value {
    demo_procedures()
        .into_iter()
        .find(|p| p["code"].as_str().unwrap().starts_with(code_stem))
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_fresh_install_without_the_demo_knows_every_province_and_commune() {
    let app = spawn_app_without_demo().await;
    // The deployment's own set-up: one desk and one procedure, no demo.
    app.store
        .upsert_agency(&Agency {
            code: "000.50.01.H56".parse().unwrap(),
            name: "Ủy ban nhân dân phường Hạc Thành".into(),
            level: "commune".into(),
            unit_code: Some("14797".into()),
        })
        .await
        .expect("the demo's ward is in the shipped list");
    let file = common::repo_root().join("demo/procedures/1.001193.000.00.00.H56.json");
    let report = motcua_server::import::import_paths(&app.store, &[file], app.clock.now()).await;
    assert_eq!(report.failed, 0, "{:?}", report.lines);

    let url = app.start("1.001193.000.00.00.H56").await;
    let html = get(&app, &url).await;
    let provinces = options(&html, "address.province");
    assert_eq!(provinces.len(), 34, "every province is offered");
    let mut communes = 0;
    for p in &provinces {
        let list = get(&app, &app.url(&format!("/don-vi/{p}/xa"))).await;
        let n = list.matches("<option value=").count();
        assert!(n > 0, "province {p} has communes");
        communes += n;
    }
    assert_eq!(communes, 3321);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_applicant_from_ha_noi_files_a_thanh_hoa_procedure_without_javascript() {
    let app = spawn_app().await;
    let p = procedure("1.001193");
    let url = app.start(p["code"].as_str().unwrap()).await;
    let html = get(&app, &url).await;
    let mut pairs = applicant_pairs(&html);
    pairs.retain(|(k, _)| !k.starts_with("address."));
    pairs.push(("address.province".into(), "01".into()));
    pairs.push(("address.street".into(), "12 Phố Kim Mã".into()));

    // "Update page" with Hà Nội chosen: its communes are offered, nothing typed is lost.
    let mut refresh = pairs.clone();
    refresh.push(("_action".into(), "refresh".into()));
    let page = app.post_form(&url, &refresh).await.text().await.unwrap();
    let communes = options(&page, "address.commune");
    assert!(communes.len() > 50, "Hà Nội's communes: {}", communes.len());
    assert!(
        page.contains("value=\"12 Phố Kim Mã\""),
        "the street is kept"
    );
    assert!(page.contains("value=\"Trần Thị Bình\""), "the name is kept");

    // Without a commune the page asks for one, by name.
    let page = app.post_form(&url, &pairs).await.text().await.unwrap();
    assert!(
        summary(&page).contains(&(
            "address.commune".into(),
            "Chọn xã, phường của địa chỉ liên hệ".into()
        )),
        "{:?}",
        summary(&page)
    );

    pairs.push(("address.commune".into(), communes[0].clone()));
    let res = app.post_form(&url, &pairs).await;
    let review = app.fill_steps_to_review(&p, res).await;
    let (_, receipt) = app.submit(&review).await;
    let code = receipt_code(&receipt);
    let dossier = app
        .store
        .dossier(&code.parse().unwrap())
        .await
        .unwrap()
        .unwrap();
    let address = dossier.applicant.address.expect("address filed");
    assert_eq!(address["province"], "01");
    assert_eq!(address["commune"], communes[0].as_str());
    assert_eq!(address["street"], "12 Phố Kim Mã");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_required_field_left_empty_is_named_in_the_summary() {
    let app = spawn_app().await;
    let p = procedure("1.001193");
    let url = app.start(p["code"].as_str().unwrap()).await;

    // The applicant page, posted empty.
    let res = raw_client()
        .post(&url)
        .form(&[("_action", "next")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let page = get(&app, &url).await;
    let expected = [
        ("full_name", "Nhập họ, chữ đệm và tên"),
        (
            "id_number",
            "Nhập số định danh cá nhân (CCCD) gồm 12 chữ số",
        ),
        ("phone", "Nhập số điện thoại, ví dụ 0912345678"),
        ("receiving_agency", "Chọn nơi tiếp nhận hồ sơ"),
    ];
    let got = summary(&page);
    assert_eq!(
        got,
        expected
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect::<Vec<_>>()
    );
    // The same message stands at the field.
    for (id, message) in expected {
        assert!(
            page.contains(&format!("id=\"{id}-error\"")) && page.contains(message),
            "{id}"
        );
    }
    // And in English.
    app.client
        .get(app.url("/ngon-ngu/en"))
        .send()
        .await
        .unwrap();
    let page = get(&app, &url).await;
    let got: Vec<String> = summary(&page).into_iter().map(|(_, m)| m).collect();
    assert_eq!(got[0], "Enter full name");
    assert!(
        got[3].starts_with("Choose where the dossier is received"),
        "{got:?}"
    );
}

/// The required fields of `fields` that are always visible, with their labels (groups
/// without repeat are walked into: their fields are on the same page).
fn always_required(fields: &[Value], out: &mut Vec<(String, String, String)>) {
    for f in fields {
        if f.get("visible_if").is_some() {
            continue;
        }
        let kind = f["type"].as_str().unwrap();
        let repeat_min = f["repeat"]["min"].as_u64().unwrap_or(0);
        if kind == "group" && f.get("repeat").is_none() {
            always_required(f["fields"].as_array().unwrap(), out);
            continue;
        }
        let required =
            f["required"].as_bool().unwrap_or(false) || kind == "declaration" || repeat_min > 0;
        if required {
            let label = match &f["label"] {
                Value::String(s) => s.clone(),
                l => l["vi"].as_str().unwrap().to_string(),
            };
            let id = f["id"].as_str().unwrap().to_string();
            if kind == "address" {
                for part in ["province", "commune"] {
                    out.push((format!("{id}.{part}"), label.clone(), kind.to_string()));
                }
            } else {
                out.push((id, label, kind.to_string()));
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_demo_form_page_posted_empty_names_each_required_field() {
    let app = spawn_app().await;
    for p in demo_procedures() {
        let code = p["code"].as_str().unwrap();
        let url = app.start(code).await;
        let html = get(&app, &url).await;
        let res = app.post_form(&url, &applicant_pairs(&html)).await;
        let first_step = res.url().to_string();
        let step = &p["form"][0];
        assert!(
            first_step.ends_with(step["id"].as_str().unwrap()),
            "{code}: {first_step}"
        );
        let res = raw_client()
            .post(&first_step)
            .form(&[("_action", "next")])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303, "{code}");
        let page = get(&app, &first_step).await;
        let got = summary(&page);
        let mut required = vec![];
        always_required(step["fields"].as_array().unwrap(), &mut required);
        assert!(got.len() >= required.len(), "{code}: {got:?}");
        for (name, label, kind) in required {
            let entry = got.iter().find(|(target, _)| *target == name);
            let Some((_, message)) = entry else {
                panic!("{code}: no summary entry for {name}: {got:?}");
            };
            // A declaration's long sentence is shortened; its start is named.
            let named: String = label.chars().take(20).collect::<String>().to_lowercase();
            assert!(
                message.to_lowercase().contains(&named),
                "{code}: {name} ({kind}): {message:?} does not name {label:?}"
            );
            assert!(
                ["Nhập ", "Chọn ", "Đánh dấu ", "Khai "]
                    .iter()
                    .any(|verb| message.starts_with(verb)),
                "{code}: {name}: {message:?} says what to do"
            );
        }
    }
}
