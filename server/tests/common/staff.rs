//! The back office as staff use it over HTTP: signing in as a demo account and posting the
//! dossier page's action forms, against whichever server (or proxy) `app.base` names.

use motcua_server::demo::{DEMO_PASSWORD, demo_login};

use super::{TestApp, client};
use motcua_store::prelude::*;

/// A client signed in as the demo account `prefix` of `agency`.
pub async fn staff(app: &TestApp, prefix: &str, agency: &str) -> reqwest::Client {
    signed_in(app, &demo_login(prefix, agency)).await
}

/// A client signed in as the staff member the dossier's current step is assigned to.
pub async fn assignee(app: &TestApp, code: &str) -> reqwest::Client {
    let d = app
        .store
        .dossier(&code.parse().unwrap())
        .await
        .unwrap()
        .unwrap();
    let id = d.state.assignee_id.expect("the step is assigned");
    let login = app.store.account(id).await.unwrap().unwrap().login;
    signed_in(app, &login).await
}

pub async fn signed_in(app: &TestApp, login: &str) -> reqwest::Client {
    signed_in_at(&app.base, login).await
}

/// A client signed in as the demo account `login` at the server (or proxy) at `base`.
pub async fn signed_in_at(base: &str, login: &str) -> reqwest::Client {
    let c = client();
    let res = c
        .post(format!("{base}/dang-nhap"))
        .form(&[
            ("ten_dang_nhap", login.to_string()),
            ("mat_khau", DEMO_PASSWORD.to_string()),
        ])
        .send()
        .await
        .unwrap();
    assert!(
        res.url().path().starts_with("/can-bo"),
        "sign-in as {login} landed on {}",
        res.url()
    );
    c
}

/// Every input an action may need, so that only status, role and agency decide.
pub fn full_form(app: &TestApp, field: &str) -> reqwest::multipart::Form {
    full_form_with_result(app, field, super::tiny_pdf())
}

/// [`full_form`] with `result` as the result document.
pub fn full_form_with_result(
    app: &TestApp,
    field: &str,
    result: Vec<u8>,
) -> reqwest::multipart::Form {
    let due = (app.clock.now() + time::Duration::days(60)).to_offset(time::macros::offset!(+7));
    reqwest::multipart::Form::new()
        .text("ly_do", "Lý do kiểm tra")
        .text("muc", format!("field:{field}"))
        .text(
            "han_moi",
            format!(
                "{:04}-{:02}-{:02}T10:00",
                due.year(),
                u8::from(due.month()),
                due.day()
            ),
        )
        .text("don_vi", "Bộ phận chuyên môn")
        .part(
            "ket_qua",
            reqwest::multipart::Part::bytes(result)
                .file_name("ket-qua.pdf")
                .mime_str("application/pdf")
                .unwrap(),
        )
}

/// Posts `action` on `code`; returns the status and what the officer is shown: where the
/// browser lands when the action was done (the dossier page with `?xong=`), or the body of
/// the dossier page that answers a refusal (status 422, the message at the top, see
/// [`refusal`]).
pub async fn act(
    app: &TestApp,
    c: &reqwest::Client,
    code: &str,
    action: &str,
    form: reqwest::multipart::Form,
) -> (u16, String) {
    let res = c
        .post(app.url(&format!("/can-bo/ho-so/{code}/{action}")))
        .multipart(form)
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    if status == 422 {
        return (status, res.text().await.unwrap());
    }
    (status, res.url().to_string())
}

/// The message a refused action shows for `key`, as [`act`] finds it in the page.
pub fn refusal(key: &str) -> String {
    app::i18n::action_error(app::i18n::Lang::Vi, key).to_string()
}

/// The status and body of a GET.
pub async fn text(c: &reqwest::Client, url: &str) -> (u16, String) {
    let res = c.get(url).send().await.unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}
