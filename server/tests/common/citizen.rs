//! A citizen's browser without JavaScript: plain form posts and a multipart upload,
//! following each 303 to the page it names, through to the receipt.
//!
//! Used by the HTTP tests (through `TestApp`, which dereferences to a [`Browser`]) and by the
//! filing benchmark (`server/examples/bench_filings.rs`, which includes this file), so that
//! the benchmark files dossiers exactly as the tests do. Hence no dependency here on the
//! server's crates: only HTTP, JSON and the demo files.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use serde_json::Value;

/// A citizen's browser without JavaScript on the site at `base`: its own cookie jar, plain
/// form posts, redirects followed.
#[derive(Clone)]
pub struct Browser {
    pub base: String,
    pub client: reqwest::Client,
    /// How long each request sent by the methods below took (to the response's headers),
    /// redirects counted one by one when the client leaves them to [`Browser::send`].
    request_times: Arc<Mutex<Vec<Duration>>>,
}

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

pub fn demo_procedures() -> Vec<Value> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(repo_root().join("demo/procedures"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|f| serde_json::from_str(&std::fs::read_to_string(f).unwrap()).unwrap())
        .collect()
}

/// The first commune of the shipped unit list and its province: `(province, commune)`.
/// Read once: every form fill asks for it.
pub fn demo_commune() -> (String, String) {
    static COMMUNE: OnceLock<(String, String)> = OnceLock::new();
    COMMUNE.get_or_init(read_demo_commune).clone()
}

fn read_demo_commune() -> (String, String) {
    let text =
        std::fs::read_to_string(repo_root().join("server/reference/units-vn-2025.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    for row in reader.records() {
        let row = row.unwrap();
        if &row[2] == "commune" {
            return (row[3].to_string(), row[0].to_string());
        }
    }
    panic!("no commune in the unit list")
}

/// Values that match the `pattern` of demo fields (a generic generator would be its own
/// project); every other field gets a value from its type.
fn pattern_value(id: &str) -> &'static str {
    match id {
        "nc_gio_chet" => "08:30",
        "ten_ho_kinh_doanh" => "Hộ kinh doanh An Bình",
        "so_tai_khoan" => "0123456789",
        "so_thua" => "123",
        "so_to_ban_do" => "12",
        "nld_ho_ten" => "JOHN SMITH",
        "nld_so_ho_chieu" => "AB1234567",
        "so_dang_ky" => "123/2020",
        "ten_tieng_viet" => "Doanh nghiệp tư nhân An Bình",
        "ten_viet_tat" => "AB CO",
        "so_gplx" => "790123456789",
        _ => "Nguyễn Văn An",
    }
}

fn date_value(field: &Value) -> String {
    let today = time::OffsetDateTime::now_utc().date();
    let parse = |v: &Value| -> Option<time::Date> {
        match v.as_str()? {
            "today" => Some(today),
            s => time::Date::parse(s, &time::format_description::well_known::Iso8601::DATE).ok(),
        }
    };
    let min = field.get("min").and_then(parse);
    let max = field.get("max").and_then(parse);
    let mut d = match (min, max) {
        (Some(min), _) => min + time::Duration::days(30),
        (None, Some(max)) => max - time::Duration::days(365 * 30),
        (None, None) => time::macros::date!(1990 - 05 - 17),
    };
    if let Some(max) = max.filter(|max| d > *max) {
        d = max;
    }
    format!("{:02}/{:02}/{}", d.day(), d.month() as u8, d.year())
}

/// Form pairs that fill every field of `fields` with a valid value (hidden fields too: the
/// server ignores those). `prefix` names entries of repeating groups.
pub fn fill(fields: &[Value], prefix: &str, pairs: &mut Vec<(String, String)>) {
    let (province, commune) = demo_commune();
    for f in fields {
        let id = f["id"].as_str().unwrap();
        let name = format!("{prefix}{id}");
        let num = |k: &str| f.get(k).and_then(Value::as_f64);
        let mut push = |v: String| pairs.push((name.clone(), v));
        match f["type"].as_str().unwrap() {
            "text" => push(if f.get("pattern").is_some() {
                pattern_value(id).into()
            } else {
                "Nguyễn Văn An".into()
            }),
            "textarea" => {
                push("Nội dung trình bày đủ dài để đạt độ dài tối thiểu của trường này.".into())
            }
            "number" => push(
                num("min")
                    .map(|m| m.max(1.0).min(num("max").unwrap_or(f64::MAX)))
                    .unwrap_or(1.0)
                    .to_string(),
            ),
            "money" => push(
                num("min")
                    .map(|m| m.max(1_500_000.0))
                    .unwrap_or(1_500_000.0)
                    .min(num("max").unwrap_or(f64::MAX))
                    .to_string(),
            ),
            "date" => push(date_value(f)),
            "select" | "radio" => push(f["options"][0]["value"].as_str().unwrap().into()),
            "checkboxes" => {
                let n = f
                    .get("min_selected")
                    .and_then(Value::as_u64)
                    .unwrap_or(1)
                    .max(1) as usize;
                for o in f["options"].as_array().unwrap().iter().take(n) {
                    push(o["value"].as_str().unwrap().into());
                }
            }
            "checkbox" | "declaration" => push("true".into()),
            "email" => push("an.nguyen@example.vn".into()),
            "phone" => push("0912345678".into()),
            "id_number" => push("079123456789".into()),
            "tax_code" => push("0312345678".into()),
            "address" => {
                pairs.push((format!("{name}.province"), province.clone()));
                pairs.push((format!("{name}.commune"), commune.clone()));
                pairs.push((format!("{name}.street"), "12 Trần Phú".into()));
            }
            "group" => {
                let inner = f["fields"].as_array().unwrap();
                match f.get("repeat") {
                    None => fill(inner, prefix, pairs),
                    Some(r) => {
                        let n = r["min"].as_u64().unwrap_or(1).max(1);
                        for i in 0..n {
                            fill(inner, &format!("{prefix}{id}[{i}]."), pairs);
                        }
                    }
                }
            }
            other => panic!("unknown field type {other}"),
        }
    }
}

/// The first non-empty option value of the `<select id="{id}">` in `html`.
pub fn first_option(html: &str, id: &str) -> Option<String> {
    let start = html.find(&format!("id=\"{id}\""))?;
    let rest = &html[start..];
    let end = rest.find("</select>")?;
    rest[..end]
        .split("<option value=\"")
        .skip(1)
        .map(|s| s.split('"').next().unwrap_or("").to_string())
        .find(|v| !v.is_empty())
}

/// The ID number (CCCD) every filing of [`applicant_pairs`] gives: what the lookup and the
/// supplement page ask for.
pub const APPLICANT_ID_NUMBER: &str = "001190012345";

/// The applicant page's answers.
pub fn applicant_pairs(agency_html: &str) -> Vec<(String, String)> {
    let (province, commune) = demo_commune();
    let mut pairs: Vec<(String, String)> = vec![
        ("full_name".into(), "Trần Thị Bình".into()),
        ("id_number".into(), APPLICANT_ID_NUMBER.into()),
        ("phone".into(), "0987654321".into()),
        ("email".into(), "binh@example.vn".into()),
        ("birth_date".into(), "15/08/1990".into()),
        ("address.province".into(), province),
        ("address.commune".into(), commune),
        ("address.street".into(), "5 Lê Lợi".into()),
    ];
    if let Some(agency) = first_option(agency_html, "receiving_agency") {
        pairs.push(("receiving_agency".into(), agency));
    }
    pairs
}

/// A minimal valid PDF, recognised by its magic bytes.
pub fn tiny_pdf() -> Vec<u8> {
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n".to_vec()
}

/// A 1×1 PNG, recognised by its magic bytes.
pub fn tiny_png() -> Vec<u8> {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend_from_slice(&[
        0, 0, 0, 13, b'I', b'H', b'D', b'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15,
        0xc4, 0x89,
    ]);
    png.extend_from_slice(&[0, 0, 0, 0, b'I', b'E', b'N', b'D', 0xae, 0x42, 0x60, 0x82]);
    png
}

/// The file-input document ids on a documents page.
pub fn document_inputs(html: &str) -> Vec<String> {
    html.split("name=\"file.")
        .skip(1)
        .map(|s| s.split('"').next().unwrap().to_string())
        .collect()
}

/// A file that document `doc` accepts: `(bytes, file name, content type)`.
pub fn acceptable_file(html: &str, doc: &str) -> (Vec<u8>, String, &'static str) {
    let input = html
        .split(&format!("name=\"file.{doc}\""))
        .nth(1)
        .unwrap_or("");
    let accept = input
        .split("accept=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap_or("");
    if accept.contains("pdf") {
        (tiny_pdf(), format!("{doc}.pdf"), "application/pdf")
    } else {
        (tiny_png(), format!("{doc}.png"), "image/png")
    }
}

impl Browser {
    /// A browser on the site at `base` (`http://127.0.0.1:PORT`) using `client`; give it
    /// a client with a cookie store.
    pub fn with_client(base: String, client: reqwest::Client) -> Browser {
        Browser {
            base,
            client,
            request_times: Arc::new(Mutex::new(Vec::new())),
        }
    }

    /// The durations of the requests sent since the last call, oldest first.
    pub fn take_request_times(&self) -> Vec<Duration> {
        std::mem::take(&mut *self.request_times.lock().expect("request times"))
    }

    /// Sends `request`, timing it. When the client does not follow redirects itself (the
    /// benchmark's, to time each request), follows every 303 with a GET of its `Location`,
    /// as a browser does.
    pub async fn send(&self, request: reqwest::RequestBuilder) -> reqwest::Response {
        let mut started = Instant::now();
        let mut res = request.send().await.expect("request");
        loop {
            self.request_times
                .lock()
                .expect("request times")
                .push(started.elapsed());
            let Some(location) = res
                .status()
                .is_redirection()
                .then(|| res.headers().get(reqwest::header::LOCATION))
                .flatten()
            else {
                return res;
            };
            let next = res
                .url()
                .join(location.to_str().expect("Location is text"))
                .expect("Location is a URL");
            started = Instant::now();
            res = self.client.get(next).send().await.expect("redirect");
        }
    }

    /// Opens the answer to a supplement request as the lookup's form does, proving the
    /// dossier with the applicant's `id_number`: the answer page, whose URL holds the
    /// answer's token.
    pub async fn open_supplement_answer(&self, code: &str, id_number: &str) -> reqwest::Response {
        self.client
            .post(self.url(&format!("/bo-sung/{code}")))
            .form(&[("giay_to", id_number)])
            .send()
            .await
            .unwrap()
    }

    /// The lookup page for dossier `code`, posted as its form does with `proof`.
    pub async fn look_up(&self, code: &str, proof: &str) -> String {
        look_up_page(&self.client, &self.base, code, proof).await
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub async fn post_form(&self, url: &str, pairs: &[(String, String)]) -> reqwest::Response {
        self.send(self.client.post(url).form(pairs)).await
    }

    /// Starts a filing of `code`; returns the applicant page URL (token inside).
    pub async fn start(&self, code: &str) -> String {
        self.start_page(code).await.0
    }

    /// Starts a filing of `code`; returns the applicant page's URL (token inside) and HTML.
    pub async fn start_page(&self, code: &str) -> (String, String) {
        let res = self
            .send(self.client.post(self.url(&format!("/thu-tuc/{code}/nop"))))
            .await;
        assert!(res.status().is_success(), "start {code}: {}", res.status());
        let url = res.url().to_string();
        assert!(url.ends_with("/nguoi-nop"), "{url}");
        (url, res.text().await.expect("applicant page"))
    }

    /// Fills and posts every page of `procedure` up to the review page; returns its URL.
    pub async fn fill_to_review(&self, procedure: &Value) -> String {
        let code = procedure["code"].as_str().unwrap();
        let (applicant_url, html) = self.start_page(code).await;
        let res = self
            .post_form(&applicant_url, &applicant_pairs(&html))
            .await;
        self.fill_steps_to_review(procedure, res).await
    }

    /// Files `procedure` from start to receipt, as a citizen whose every answer is valid;
    /// returns the dossier code the receipt shows.
    pub async fn file(&self, procedure: &Value) -> String {
        let review = self.fill_to_review(procedure).await;
        let (url, receipt) = self.submit(&review).await;
        assert!(
            url.ends_with("/bien-nhan"),
            "expected the receipt, got {url}"
        );
        receipt_code(&receipt)
    }

    /// From the response to the applicant page (the first step), fills and posts every
    /// further page up to the review page; returns its URL.
    pub async fn fill_steps_to_review(
        &self,
        procedure: &Value,
        mut res: reqwest::Response,
    ) -> String {
        for step in procedure["form"].as_array().unwrap() {
            let url = res.url().to_string();
            assert!(
                url.ends_with(&format!("/{}", step["id"].as_str().unwrap())),
                "expected step page, got {url}"
            );
            let mut pairs = vec![];
            fill(step["fields"].as_array().unwrap(), "", &mut pairs);
            res = self.post_form(&url, &pairs).await;
        }
        let mut url = res.url().to_string();
        if url.ends_with("/giay-to") {
            let html = res.text().await.unwrap();
            let mut form = reqwest::multipart::Form::new().text("_action", "next");
            for doc in document_inputs(&html) {
                let (bytes, name, mime) = acceptable_file(&html, &doc);
                let part = reqwest::multipart::Part::bytes(bytes)
                    .file_name(name)
                    .mime_str(mime)
                    .unwrap();
                form = form.part(format!("file.{doc}"), part);
            }
            let res = self.send(self.client.post(&url).multipart(form)).await;
            url = res.url().to_string();
            if url.ends_with("/giay-to") {
                let body = res.text().await.unwrap();
                panic!(
                    "documents page refused: {}",
                    body.split("<main")
                        .nth(1)
                        .unwrap_or(&body)
                        .chars()
                        .take(2500)
                        .collect::<String>()
                );
            }
        }
        assert!(
            url.ends_with("/kiem-tra"),
            "expected the review page, got {url}"
        );
        url
    }

    /// Posts the final submit; returns the receipt page's URL and HTML.
    pub async fn submit(&self, review_url: &str) -> (String, String) {
        let res = self
            .post_form(review_url, &[("_action".into(), "file".into())])
            .await;
        let url = res.url().to_string();
        (url, res.text().await.unwrap())
    }
}

/// The dossier code shown on a receipt page.
/// The lookup form's post on the site at `base`: the pair in the body, never in the URL.
pub fn look_up(
    client: &reqwest::Client,
    base: &str,
    code: &str,
    proof: &str,
) -> reqwest::RequestBuilder {
    client
        .post(format!("{base}/tra-cuu"))
        .form(&[("ma", code), ("giay_to", proof)])
}

/// The page [`look_up`] answers.
pub async fn look_up_page(client: &reqwest::Client, base: &str, code: &str, proof: &str) -> String {
    let res = look_up(client, base, code, proof).send().await.unwrap();
    res.text().await.unwrap()
}

pub fn receipt_code(html: &str) -> String {
    receipt_value(html, "ma-ho-so")
}

/// The access code shown on a receipt page, in its printed groups (`XXXX-XXXX-XXXX`).
pub fn receipt_access_code(html: &str) -> String {
    receipt_value(html, "ma-truy-cap")
}

/// The text of the element with `id` on a receipt page.
fn receipt_value(html: &str, id: &str) -> String {
    let Some(start) = html.find(&format!("id=\"{id}\"")) else {
        panic!(
            "the receipt shows no {id}: {}",
            html.split("<body>")
                .nth(1)
                .unwrap_or(html)
                .chars()
                .take(3000)
                .collect::<String>()
        );
    };
    let rest = &html[start..];
    let rest = &rest[rest.find('>').unwrap() + 1..];
    rest.split('<').next().unwrap().to_string()
}
