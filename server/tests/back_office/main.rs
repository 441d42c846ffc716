//! The back office over real HTTP against the real server and a real SQLite file: staff
//! sign in, move dossiers through every step, slips open as pages and PDFs, refused moves
//! change nothing, the access matrix (roles × actions × own/other agency, citizens), the
//! supplement loop, and an overdue dossier that needs its apology first.

#[path = "../common/mod.rs"]
mod common;

use common::staff::{act, assignee, full_form, staff, text};
use common::{Browser, TestApp, client, raw_client, spawn_app};
use motcua_domain::procedure::Procedure;
use motcua_domain::upload::{FileRule, UploadProblemKind};
use motcua_domain::workflow::{Action, Actor, MoveContext, MoveInput, StaffRole, Status, decide};
use motcua_server::demo::{DEMO_PASSWORD, demo_login};
use motcua_store::Applicant;
use serde_json::json;

/// A commune procedure with a four-step process and one document.
const PROCEDURE: &str = "2.000635.000.00.00.H56";
const AGENCY: &str = "000.50.01.H56";
const OTHER_AGENCY: &str = "000.50.02.H56";
const ID_NUMBER: &str = "001190012345";

const PREFIXES: [(&str, StaffRole); 5] = [
    ("tiepnhan", StaffRole::Reception),
    ("chuyenvien", StaffRole::Specialist),
    ("lanhdao", StaffRole::Leader),
    ("vanthu", StaffRole::Clerk),
    ("quantri", StaffRole::Admin),
];

fn prefix_of(role: StaffRole) -> &'static str {
    PREFIXES.iter().find(|(_, r)| *r == role).unwrap().0
}

async fn procedure(app: &TestApp) -> (i64, Procedure) {
    let p = app
        .store
        .current_procedure(
            PROCEDURE,
            motcua_domain::format::today_vn(time::OffsetDateTime::now_utc()),
        )
        .await
        .unwrap()
        .unwrap();
    (p.id, p.procedure)
}

/// Files a dossier straight through the store (the filing pages have their own tests):
/// status 1 at `agency`, optionally owned by a citizen account.
async fn file(app: &TestApp, agency: &str, citizen: Option<i64>) -> String {
    let (id, p) = procedure(app).await;
    let token = app.store.create_draft(id).await.unwrap();
    let field = &p.form[0].fields[0].id;
    let applicant = Applicant {
        full_name: "Trần Thị Bình".into(),
        id_number: ID_NUMBER.parse().unwrap(),
        phone: "0987654321".parse().unwrap(),
        email: None,
        address: None,
        birth_date: None,
    };
    let answers = json!({ field.as_str(): "Giá trị ban đầu" });
    app.store
        .file_dossier(
            &token,
            &agency.parse().unwrap(),
            &applicant,
            &answers,
            citizen,
            app.clock.now(),
        )
        .await
        .unwrap()
        .dossier
        .code
        .to_string()
}

/// A dossier filed at [`AGENCY`] and accepted by its reception desk.
struct Accepted {
    /// The procedure it was filed under.
    p: Procedure,
    /// The id of the procedure's first field, which the action forms name.
    field: String,
    code: String,
    /// Reception, signed in.
    reception: reqwest::Client,
}

async fn accepted(app: &TestApp) -> Accepted {
    let (_, p) = procedure(app).await;
    let field = p.form[0].fields[0].id.clone();
    let code = file(app, AGENCY, None).await;
    let reception = staff(app, "tiepnhan", AGENCY).await;
    act(app, &reception, &code, "accept", full_form(app, &field)).await;
    Accepted {
        p,
        field,
        code,
        reception,
    }
}

async fn status(app: &TestApp, code: &str) -> i32 {
    app.store
        .dossier(&code.parse().unwrap())
        .await
        .unwrap()
        .unwrap()
        .status
        .code()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dossier_is_accepted_moved_through_every_step_and_returned() {
    let app = spawn_app().await;
    let (_, p) = procedure(&app).await;
    let field = p.form[0].fields[0].id.clone();
    let code = file(&app, AGENCY, None).await;
    let reception = staff(&app, "tiepnhan", AGENCY).await;

    // The new dossier waits in reception's queue.
    let (_, queue) = text(&reception, &app.url("/can-bo?hang=moi")).await;
    assert!(queue.contains(&code), "new queue lists the dossier");

    let (_, landed) = act(&app, &reception, &code, "accept", full_form(&app, &field)).await;
    assert!(landed.contains("xong=accept"), "{landed}");
    let d = app
        .store
        .dossier(&code.parse().unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(d.status.code(), 4);
    assert_eq!(
        d.state.current_step.as_deref(),
        Some(p.process[0].id.as_str())
    );
    assert!(d.state.due_at.is_some() && d.state.statutory_due_at == d.state.due_at);

    // Slip 01 carries the code, the due moment and a QR code; its PDF is a PDF.
    let (code01, slip) = text(&reception, &app.url(&format!("/phieu/{code}/01"))).await;
    assert_eq!(code01, 200);
    assert!(slip.contains(&code) && slip.contains("<svg") && slip.contains("Hẹn trả kết quả"));
    let pdf = reception
        .get(app.url(&format!("/phieu/{code}/01/pdf")))
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert!(pdf.starts_with(b"%PDF-"));

    // Each step is handed on by a holder of its role; the last one finishes with the result.
    for (i, step) in p.process.iter().enumerate() {
        let holder = assignee(&app, &code).await;
        let d = app
            .store
            .dossier(&code.parse().unwrap())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(d.state.current_step.as_deref(), Some(step.id.as_str()));
        let last = i + 1 == p.process.len();
        let action = if last { "finish" } else { "next_step" };
        let (_, landed) = act(&app, &holder, &code, action, full_form(&app, &field)).await;
        assert!(
            landed.contains(&format!("xong={action}")),
            "{}: {landed}",
            step.id
        );
    }
    assert_eq!(status(&app, &code).await, 9);
    let (_, landed) = act(
        &app,
        &reception,
        &code,
        "return_result",
        full_form(&app, &field),
    )
    .await;
    assert!(landed.contains("xong=return_result"), "{landed}");
    assert_eq!(status(&app, &code).await, 10);

    // The history: filing, 1→2, 2→4, one 4→4 per hand-on, 4→9, 9→10.
    let events = app.store.events(&code.parse().unwrap()).await.unwrap();
    let moves: Vec<(Option<i32>, i32)> = events
        .iter()
        .map(|e| (e.from_status.map(|s| s.code()), e.to_status.code()))
        .collect();
    let mut expected = vec![(None, 1), (Some(1), 2), (Some(2), 4)];
    expected.extend((1..p.process.len()).map(|_| (Some(4), 4)));
    expected.extend([(Some(4), 9), (Some(9), 10)]);
    assert_eq!(moves, expected);
    assert_eq!(
        app.store
            .attachments(&code.parse().unwrap())
            .await
            .unwrap()
            .len(),
        1,
        "the result document"
    );

    // Slip 06 has a row per hand-off; the dossier page shows the whole timeline.
    let (_, slip06) = text(&reception, &app.url(&format!("/phieu/{code}/06"))).await;
    assert!(slip06.contains("PHIẾU KIỂM SOÁT"), "slip 06");
    assert!(
        slip06.matches("<tr>").count() >= events.len(),
        "a row per event"
    );
    let (_, page) = text(&reception, &app.url(&format!("/can-bo/ho-so/{code}"))).await;
    assert!(page.contains("Đã trả kết quả"));
    // Slip 07, the tracking book, lists it.
    let (_, book) = text(&reception, &app.url("/can-bo/so-theo-doi")).await;
    assert!(book.contains(&code), "tracking book lists the dossier");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_move_says_why_and_changes_nothing() {
    let app = spawn_app().await;
    let code = file(&app, AGENCY, None).await;
    let before = app
        .store
        .events(&code.parse().unwrap())
        .await
        .unwrap()
        .len();
    let reception = staff(&app, "tiepnhan", AGENCY).await;
    let specialist = staff(&app, "chuyenvien", AGENCY).await;

    let (_, landed) = act(&app, &reception, &code, "finish", full_form(&app, "x")).await;
    assert!(landed.contains("loi=not_allowed_from_status"), "{landed}");
    let (_, landed) = act(&app, &specialist, &code, "accept", full_form(&app, "x")).await;
    assert!(landed.contains("loi=role_missing"), "{landed}");
    // A refusal without its reason keeps nothing half-done, and the page says what is missing.
    let (_, landed) = act(
        &app,
        &reception,
        &code,
        "refuse",
        reqwest::multipart::Form::new().text("ly_do", "   "),
    )
    .await;
    assert!(landed.contains("loi=reason_required"), "{landed}");
    let (_, page) = text(&reception, &landed).await;
    assert!(page.contains("Hãy nhập lý do"), "message at the top");
    assert_eq!(status(&app, &code).await, 1);
    assert_eq!(
        app.store
            .events(&code.parse().unwrap())
            .await
            .unwrap()
            .len(),
        before
    );

    // A repeated accept (double submit) moves the dossier once.
    let (_, p) = procedure(&app).await;
    let field = p.form[0].fields[0].id.clone();
    act(&app, &reception, &code, "accept", full_form(&app, &field)).await;
    let (_, again) = act(&app, &reception, &code, "accept", full_form(&app, &field)).await;
    assert!(again.contains("loi="), "{again}");
    assert_eq!(
        app.store
            .events(&code.parse().unwrap())
            .await
            .unwrap()
            .len(),
        before + 2
    );
}

/// Roles × actions × own/other agency against the HTTP endpoint, from status 1 and from the
/// first process step (4): a move happens exactly when the agency is the officer's own and
/// the status machine allows it for their role; otherwise nothing changes.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn access_matrix_of_staff_actions() {
    let app = spawn_app().await;
    let (_, p) = procedure(&app).await;
    let field = p.form[0].fields[0].id.clone();
    let reception = staff(&app, "tiepnhan", AGENCY).await;
    let mut clients = vec![];
    for (prefix, role) in PREFIXES {
        clients.push((role, true, staff(&app, prefix, AGENCY).await));
        clients.push((role, false, staff(&app, prefix, OTHER_AGENCY).await));
    }
    let actions: Vec<Action> = Action::ALL
        .into_iter()
        .filter(|a| !a.by_citizen())
        .collect();
    let mut checked = 0;
    for start in [Status::Submitted, Status::InProcess] {
        for (role, own, c) in &clients {
            for action in &actions {
                let code = file(&app, AGENCY, None).await;
                if start == Status::InProcess {
                    let (_, l) =
                        act(&app, &reception, &code, "accept", full_form(&app, &field)).await;
                    assert!(l.contains("xong=accept"), "{l}");
                }
                let before = app
                    .store
                    .events(&code.parse().unwrap())
                    .await
                    .unwrap()
                    .len();
                let roles = [*role];
                let ctx = MoveContext {
                    status: start,
                    steps: &p.process,
                    current_step: (start == Status::InProcess).then_some(p.process[0].id.as_str()),
                    status_before_supplement: None,
                    overdue: false,
                    leader_approved: false,
                };
                let items = vec![format!("field:{field}")];
                let input = MoveInput {
                    reason: "x",
                    items: &items,
                    has_result_document: true,
                    has_new_due: true,
                };
                let allowed =
                    *own && decide(&Actor::Staff { roles: &roles }, *action, &ctx, &input).is_ok();
                let (http, landed) =
                    act(&app, c, &code, action.as_str(), full_form(&app, &field)).await;
                let after = app
                    .store
                    .events(&code.parse().unwrap())
                    .await
                    .unwrap()
                    .len();
                let what = format!("{role:?} own={own} {} from {start:?}", action.as_str());
                if allowed {
                    assert!(landed.contains("xong="), "{what}: {landed}");
                    assert!(after > before, "{what}: moved");
                } else {
                    assert_eq!(after, before, "{what}: nothing changed");
                    if *own {
                        assert!(landed.contains("loi="), "{what}: {landed}");
                    } else {
                        assert_eq!(http, 404, "{what}: another agency's dossier is not found");
                    }
                }
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 2 * 10 * actions.len());

    // Another agency's dossier page, documents and slips are not found either.
    let code = file(&app, AGENCY, None).await;
    let other = staff(&app, "tiepnhan", OTHER_AGENCY).await;
    assert_eq!(
        text(&other, &app.url(&format!("/can-bo/ho-so/{code}")))
            .await
            .0,
        404
    );
    assert_eq!(
        text(&other, &app.url(&format!("/phieu/{code}/06"))).await.0,
        404
    );
    // Nobody signed in: the staff pages ask to sign in and actions go to the sign-in page.
    assert_eq!(text(&client(), &app.url("/can-bo")).await.0, 401);
    let res = raw_client()
        .post(app.url(&format!("/can-bo/ho-so/{code}/accept")))
        .multipart(full_form(&app, &field))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(status(&app, &code).await, 1);
}

async fn citizen(app: &TestApp, phone: &str) -> (reqwest::Client, i64) {
    let c = client();
    let res = c
        .post(app.url("/dang-ky"))
        .form(&[
            ("ho_ten", "Lê Thị Cúc"),
            ("so_dien_thoai", phone),
            ("email", ""),
            ("mat_khau", "mat-khau-dai"),
            ("nhap_lai", "mat-khau-dai"),
        ])
        .send()
        .await
        .unwrap();
    assert!(
        res.url().path().ends_with("/ho-so-cua-toi"),
        "{}",
        res.url()
    );
    let id = app
        .store
        .account_for_sign_in(phone)
        .await
        .unwrap()
        .unwrap()
        .0
        .id;
    (c, id)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn citizens_see_only_their_own_dossiers() {
    let app = spawn_app().await;
    let (a, a_id) = citizen(&app, "0911111111").await;
    let (b, _) = citizen(&app, "0922222222").await;
    let mine = file(&app, AGENCY, Some(a_id)).await;
    let guest = file(&app, AGENCY, None).await;
    let reception = staff(&app, "tiepnhan", AGENCY).await;
    let (_, p) = procedure(&app).await;
    act(
        &app,
        &reception,
        &mine,
        "accept",
        full_form(&app, &p.form[0].fields[0].id),
    )
    .await;

    let (_, list_a) = text(&a, &app.url("/ho-so-cua-toi")).await;
    assert!(list_a.contains(&mine) && !list_a.contains(&guest));
    assert!(
        list_a.contains(&format!("/phieu/{mine}/01")),
        "slip 01 offered"
    );
    let (_, list_b) = text(&b, &app.url("/ho-so-cua-toi")).await;
    assert!(!list_b.contains(&mine));
    // Somebody else's slips are not found; the citizen's own control slip (06) neither.
    assert_eq!(
        text(&b, &app.url(&format!("/phieu/{mine}/01"))).await.0,
        404
    );
    assert_eq!(
        text(&a, &app.url(&format!("/phieu/{mine}/01"))).await.0,
        200
    );
    assert_eq!(
        text(&a, &app.url(&format!("/phieu/{mine}/06"))).await.0,
        404
    );
    // A citizen cannot act as staff.
    let (_, landed) = act(&app, &a, &guest, "accept", full_form(&app, "x")).await;
    assert!(landed.contains("/dang-nhap"), "{landed}");
    assert_eq!(status(&app, &guest).await, 1);

    // Claiming a guest dossier needs its code and the right ID number.
    let claim = |c: &reqwest::Client, id: &str| {
        c.post(app.url("/ho-so-cua-toi/nhan"))
            .form(&[("ma", guest.clone()), ("giay_to", id.to_string())])
            .send()
    };
    assert!(
        claim(&b, "000000000000")
            .await
            .unwrap()
            .url()
            .as_str()
            .contains("nhan=sai")
    );
    // The applicant's phone proves the lookup, but no claim.
    assert!(
        claim(&b, "0987654321")
            .await
            .unwrap()
            .url()
            .as_str()
            .contains("nhan=sai")
    );
    assert!(
        claim(&b, ID_NUMBER)
            .await
            .unwrap()
            .url()
            .as_str()
            .contains("nhan=ok")
    );
    assert!(
        claim(&a, ID_NUMBER)
            .await
            .unwrap()
            .url()
            .as_str()
            .contains("nhan=sai"),
        "owned"
    );
    let (_, list_b) = text(&b, &app.url("/ho-so-cua-toi")).await;
    assert!(list_b.contains(&guest));

    // Sign-out ends the session on the server.
    b.post(app.url("/dang-xuat")).send().await.unwrap();
    assert_eq!(text(&b, &app.url("/ho-so-cua-toi")).await.0, 401);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_in_failures_are_slowed_and_refused_after_five() {
    let app = spawn_app().await;
    let c = client();
    for _ in 0..5 {
        let res = c
            .post(app.url("/dang-nhap"))
            .form(&[
                ("ten_dang_nhap", "tiepnhan.000.50.01.h56"),
                ("mat_khau", "sai-mat-khau"),
            ])
            .send()
            .await
            .unwrap();
        assert!(res.url().as_str().contains("loi=sai"), "{}", res.url());
    }
    // Even the right password is refused for a while now.
    let res = c
        .post(app.url("/dang-nhap"))
        .form(&[
            ("ten_dang_nhap", "tiepnhan.000.50.01.h56".to_string()),
            ("mat_khau", DEMO_PASSWORD.to_string()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 429);
    assert!(res.url().as_str().contains("loi=qua-nhieu"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sessions_get_a_new_id_at_sign_in_and_cookies_are_http_only() {
    let app = spawn_app().await;
    let res = raw_client()
        .post(app.url("/dang-nhap"))
        .form(&[
            ("ten_dang_nhap", demo_login("tiepnhan", AGENCY)),
            ("mat_khau", DEMO_PASSWORD.to_string()),
        ])
        .send()
        .await
        .unwrap();
    let cookie = res.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    // Plain http on a loopback address: no Secure (the browser would drop it), no __Host-.
    assert!(cookie.starts_with("motcua_sid="), "{cookie}");
    let first = cookie.split(';').next().unwrap().to_string();
    let res = raw_client()
        .post(app.url("/dang-nhap"))
        .header("cookie", &first)
        .form(&[
            ("ten_dang_nhap", demo_login("tiepnhan", AGENCY)),
            ("mat_khau", DEMO_PASSWORD.to_string()),
        ])
        .send()
        .await
        .unwrap();
    let second = res.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_string();
    assert_ne!(first, second, "a new session id at sign-in");
    // The old one no longer opens anything.
    let res = raw_client()
        .get(app.url("/can-bo"))
        .header("cookie", &first)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 401);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_citizen_answers_a_supplement_request_from_the_lookup() {
    let app = spawn_app().await;
    let (_, p) = procedure(&app).await;
    let field = p.form[0].fields[0].clone();
    let code = file(&app, AGENCY, None).await;
    let reception = staff(&app, "tiepnhan", AGENCY).await;
    act(
        &app,
        &reception,
        &code,
        "accept",
        full_form(&app, &field.id),
    )
    .await;
    let specialist_role = StaffRole::from(p.process[0].role);
    let first = staff(&app, prefix_of(specialist_role), AGENCY).await;
    let form = reqwest::multipart::Form::new()
        .text("ly_do", "Nội dung chưa đúng")
        .text("muc", format!("field:{}", field.id));
    let (_, landed) = act(&app, &first, &code, "request_supplement", form).await;
    assert!(landed.contains("xong=request_supplement"), "{landed}");
    let d = app
        .store
        .dossier(&code.parse().unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (d.status.code(), d.state.resume_status.map(|s| s.code())),
        (5, Some(4))
    );
    assert!(d.state.paused_at.is_some(), "the clock is paused");
    // Slip 02 lists the item and the reason.
    let (_, slip) = text(&reception, &app.url(&format!("/phieu/{code}/02"))).await;
    assert!(
        slip.contains("Nội dung chưa đúng")
            && slip.contains(field.label.get(motcua_domain::text::Lang::Vi))
    );

    // The citizen, without an account, finds the request through the lookup.
    let guest = Browser::new(app.base.clone());
    let (_, lookup) = text(
        &guest.client,
        &app.url(&format!("/tra-cuu?ma={code}&giay_to={ID_NUMBER}")),
    )
    .await;
    assert!(lookup.contains("Nội dung chưa đúng"), "reason shown");
    assert!(
        lookup.contains(&format!("/phieu/{code}/02")),
        "slip 02 offered"
    );
    let res = guest.open_supplement_answer(&code, ID_NUMBER).await;
    let page_url = res.url().to_string();
    assert!(
        page_url.contains(&format!("/bo-sung/{code}/")),
        "{page_url}"
    );
    let page = res.text().await.unwrap();
    assert!(
        page.contains(&format!("name=\"{}\"", field.id)),
        "the requested field re-opens"
    );
    assert!(page.contains("Giá trị ban đầu"), "with what was filed");
    // Other fields of the form stay closed.
    for other in p
        .form
        .iter()
        .flat_map(|s| &s.fields)
        .filter(|f| f.id != field.id)
    {
        assert!(
            !page.contains(&format!("name=\"{}\"", other.id)),
            "{} stays closed",
            other.id
        );
    }
    // An empty answer to a required field comes back with its message, nothing sent.
    let empty = reqwest::multipart::Form::new()
        .text(field.id.clone(), "")
        .text("_action", "next");
    let res = guest
        .client
        .post(&page_url)
        .multipart(empty)
        .send()
        .await
        .unwrap();
    let again = res.text().await.unwrap();
    if field.required {
        let label = field.label.vi().to_lowercase();
        let message = again
            .split(&format!("id=\"{}-error\"", field.id))
            .nth(1)
            .and_then(|rest| rest.split("</p>").next())
            .unwrap_or("")
            .to_lowercase();
        assert!(
            message.contains(&label),
            "the error at the field names it ({label}): {message}"
        );
        assert_eq!(status(&app, &code).await, 5);
    }
    // The corrected answer goes back to the agency, into the step it was in.
    let json = common::demo_procedures()
        .into_iter()
        .find(|x| x["code"] == PROCEDURE)
        .unwrap();
    let mut pairs = vec![];
    common::fill(&[json["form"][0]["fields"][0].clone()], "", &mut pairs);
    let mut form = reqwest::multipart::Form::new().text("_action", "next");
    for (k, v) in pairs {
        form = form.text(k, v);
    }
    let res = guest
        .client
        .post(&page_url)
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert!(res.url().path().ends_with("/xong"), "{}", res.url());
    let d = app
        .store
        .dossier(&code.parse().unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(d.status.code(), 4);
    assert_eq!(
        d.state.current_step.as_deref(),
        Some(p.process[0].id.as_str())
    );
    assert!(d.state.paused_at.is_none());
    assert_eq!(d.supplement_round, 1);
    let versions = app
        .store
        .answer_versions(&code.parse().unwrap())
        .await
        .unwrap();
    assert_eq!(versions.len(), 1);
    assert_eq!(
        versions[0].1[&field.id], "Giá trị ban đầu",
        "the earlier answer is kept"
    );
    // Staff see the earlier value beside the new one.
    let (_, staff_page) = text(&reception, &app.url(&format!("/can-bo/ho-so/{code}"))).await;
    assert!(
        staff_page.contains("<del>Giá trị ban đầu</del>"),
        "diff shown"
    );
    // The token is spent: the page is gone.
    assert_eq!(text(&guest.client, &page_url).await.0, 404);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_overdue_dossier_needs_its_apology_before_it_moves_on() {
    let app = spawn_app().await;
    let Accepted { p, field, code, .. } = accepted(&app).await;
    let statutory = app
        .store
        .dossier(&code.parse().unwrap())
        .await
        .unwrap()
        .unwrap()
        .state
        .due_at
        .unwrap();

    app.clock.advance(time::Duration::days(30));
    let holder = staff(&app, prefix_of(StaffRole::from(p.process[0].role)), AGENCY).await;
    let (_, page) = text(&holder, &app.url(&format!("/can-bo/ho-so/{code}"))).await;
    assert!(page.contains("Quá hạn"), "marked overdue");
    let (_, landed) = act(&app, &holder, &code, "next_step", full_form(&app, &field)).await;
    assert!(landed.contains("loi=apology_required"), "{landed}");

    let leader = staff(&app, "lanhdao", AGENCY).await;
    let (_, landed) = act(&app, &leader, &code, "apologize", full_form(&app, &field)).await;
    assert!(landed.contains("xong=apologize"), "{landed}");
    let d = app
        .store
        .dossier(&code.parse().unwrap())
        .await
        .unwrap()
        .unwrap();
    assert!(
        d.state.due_at.unwrap() > app.clock.now(),
        "the new date is promised"
    );
    assert_eq!(
        d.state.statutory_due_at,
        Some(statutory),
        "statistics keep the old one"
    );
    // Thirty days on, the morning's session has expired: the clock is one for the workflow
    // and for sessions alike.
    let reception = staff(&app, "tiepnhan", AGENCY).await;
    let (_, slip) = text(&reception, &app.url(&format!("/phieu/{code}/04"))).await;
    assert!(slip.contains("xin lỗi") && slip.contains("Bộ phận chuyên môn"));
    let (_, lookup) = text(
        &client(),
        &app.url(&format!("/tra-cuu?ma={code}&giay_to={ID_NUMBER}")),
    )
    .await;
    assert!(lookup.contains(&motcua_domain::format::format_datetime_vn(
        d.state.due_at.unwrap()
    )));
    assert!(
        lookup.contains(&format!("/phieu/{code}/04")),
        "the citizen sees the apology"
    );

    let (_, landed) = act(&app, &holder, &code, "next_step", full_form(&app, &field)).await;
    assert!(landed.contains("xong=next_step"), "{landed}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dossier_filed_while_signed_in_is_in_my_dossiers() {
    let app = spawn_app().await;
    let res = app
        .client
        .post(app.url("/dang-ky"))
        .form(&[
            ("ho_ten", "Trần Thị Bình"),
            ("so_dien_thoai", "0933333333"),
            ("email", "binh@example.vn"),
            ("mat_khau", "mat-khau-dai"),
            ("nhap_lai", "mat-khau-dai"),
        ])
        .send()
        .await
        .unwrap();
    assert!(res.url().path().ends_with("/ho-so-cua-toi"));
    let procedure = common::demo_procedures()
        .into_iter()
        .find(|p| p["code"] == PROCEDURE)
        .unwrap();
    let review = app.fill_to_review(&procedure).await;
    let (_, receipt) = app.submit(&review).await;
    let code = common::receipt_code(&receipt);
    let (_, mine) = text(&app.client, &app.url("/ho-so-cua-toi")).await;
    assert!(mine.contains(&code), "the dossier is listed");
    // Registration problems come back at their fields, with what was typed.
    let res = client()
        .post(app.url("/dang-ky"))
        .form(&[
            ("ho_ten", "Trần Thị Bình"),
            ("so_dien_thoai", "0933333333"),
            ("email", "khong-phai-email"),
            ("mat_khau", "ngan"),
            ("nhap_lai", "ngan"),
        ])
        .send()
        .await
        .unwrap();
    let page = res.text().await.unwrap();
    assert!(
        page.contains("Hãy nhập địa chỉ thư điện tử đúng dạng"),
        "email message"
    );
    assert!(
        page.contains("Mật khẩu cần ít nhất 8 ký tự"),
        "password message"
    );
    assert!(
        page.contains("value=\"khong-phai-email\""),
        "typed value kept"
    );
    assert!(
        page.contains("href=\"#email\""),
        "summary links to the field"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_step_is_handed_on_by_its_assignee_or_a_leader() {
    let app = spawn_app().await;
    let Accepted {
        field,
        code,
        reception,
        ..
    } = accepted(&app).await;
    act(
        &app,
        &reception,
        &code,
        "next_step",
        full_form(&app, &field),
    )
    .await;
    // The specialist step went to one of the two specialists; the other one may not move it.
    let d = app
        .store
        .dossier(&code.parse().unwrap())
        .await
        .unwrap()
        .unwrap();
    let holder = app
        .store
        .account(d.state.assignee_id.unwrap())
        .await
        .unwrap()
        .unwrap();
    let other = if holder.login.starts_with("chuyenvien2") {
        "chuyenvien"
    } else {
        "chuyenvien2"
    };
    let other = staff(&app, other, AGENCY).await;
    let (_, landed) = act(&app, &other, &code, "next_step", full_form(&app, &field)).await;
    assert!(landed.contains("loi=not_your_step"), "{landed}");
    assert_eq!(
        app.store
            .dossier(&code.parse().unwrap())
            .await
            .unwrap()
            .unwrap()
            .state
            .current_step,
        d.state.current_step
    );
    // The holder hands it on; the next step can be handed to a chosen person.
    let holder = assignee(&app, &code).await;
    let (_, landed) = act(&app, &holder, &code, "next_step", full_form(&app, &field)).await;
    assert!(landed.contains("xong=next_step"), "{landed}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_citizen_withdraws_a_new_dossier_from_the_lookup() {
    let app = spawn_app().await;
    let code = file(&app, AGENCY, None).await;
    let guest = client();
    let (_, lookup) = text(
        &guest,
        &app.url(&format!("/tra-cuu?ma={code}&giay_to={ID_NUMBER}")),
    )
    .await;
    assert!(
        lookup.contains(&format!("action=\"/rut-ho-so/{code}\"")),
        "offered"
    );
    let post = |id: &str| {
        guest
            .post(app.url(&format!("/rut-ho-so/{code}")))
            .form(&[
                ("giay_to", id.to_string()),
                ("ly_do", "Nộp nhầm thủ tục".to_string()),
            ])
            .send()
    };
    assert_eq!(post("000000000000").await.unwrap().status().as_u16(), 404);
    assert_eq!(status(&app, &code).await, 1);
    let staff_member = staff(&app, "tiepnhan", AGENCY).await;
    let res = staff_member
        .post(app.url(&format!("/rut-ho-so/{code}")))
        .form(&[("ly_do", "x")])
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status().as_u16(),
        404,
        "staff cannot withdraw for the citizen"
    );
    // Read by the lookup's one rule: the ID number grouped with dots and spaces proves it too.
    let grouped = format!(
        "{}.{} {}",
        &ID_NUMBER[..3],
        &ID_NUMBER[3..6],
        &ID_NUMBER[6..]
    );
    let res = post(&grouped).await.unwrap();
    assert!(res.url().as_str().contains("rut=1"), "{}", res.url());
    assert_eq!(status(&app, &code).await, 7);
    let last = app
        .store
        .events(&code.parse().unwrap())
        .await
        .unwrap()
        .pop()
        .unwrap();
    assert_eq!(
        (last.actor.as_str(), last.reason.as_deref()),
        ("citizen", Some("Nộp nhầm thủ tục"))
    );
    // Final: nothing moves it any more.
    let (_, landed) = act(&app, &staff_member, &code, "accept", full_form(&app, "x")).await;
    assert!(landed.contains("loi=not_allowed_from_status"), "{landed}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_specialist_stops_processing_only_after_a_leader_approved() {
    let app = spawn_app().await;
    let Accepted {
        field,
        code,
        reception,
        ..
    } = accepted(&app).await;
    let specialist = staff(&app, "chuyenvien", AGENCY).await;
    let (_, page) = text(&specialist, &app.url(&format!("/can-bo/ho-so/{code}"))).await;
    assert!(!page.contains("id=\"hd-stop\""), "no stop without approval");
    let (_, landed) = act(&app, &specialist, &code, "stop", full_form(&app, &field)).await;
    assert!(landed.contains("loi=leader_approval_required"), "{landed}");
    // Only a leader approves, and a ticked box is no approval.
    let (_, landed) = act(
        &app,
        &specialist,
        &code,
        "approve_stop",
        full_form(&app, &field),
    )
    .await;
    assert!(landed.contains("loi=role_missing"), "{landed}");
    let leader = staff(&app, "lanhdao", AGENCY).await;
    let (_, page) = text(&leader, &app.url(&format!("/can-bo/ho-so/{code}"))).await;
    assert!(
        page.contains("id=\"hd-approve_stop\""),
        "the leader is offered the approval"
    );
    let (_, landed) = act(
        &app,
        &leader,
        &code,
        "approve_stop",
        full_form(&app, &field),
    )
    .await;
    assert!(landed.contains("xong=approve_stop"), "{landed}");
    assert_eq!(status(&app, &code).await, 4);
    let (_, page) = text(&specialist, &app.url(&format!("/can-bo/ho-so/{code}"))).await;
    assert!(
        page.contains("id=\"hd-stop\""),
        "now the specialist may stop"
    );
    let (_, landed) = act(&app, &specialist, &code, "stop", full_form(&app, &field)).await;
    assert!(landed.contains("xong=stop"), "{landed}");
    assert_eq!(status(&app, &code).await, 8);
    let (_, slip) = text(&reception, &app.url(&format!("/phieu/{code}/05"))).await;
    assert!(slip.contains("THÔNG BÁO DỪNG XỬ LÝ") && slip.contains("Lý do kiểm tra"));
}

/// The "why this date?" block of a staff dossier page.
fn why_this_date(page: &str) -> String {
    let start = page
        .find("<details class=\"why\"")
        .expect("the page explains the due moment");
    let end = page[start..].find("</details>").unwrap();
    page[start..start + end].to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn why_this_date_explains_the_stored_due_moment_after_the_calendar_changes() {
    use motcua_domain::calendar::{CalendarDay, DayKind};
    let app = spawn_app().await;
    let Accepted {
        p, code, reception, ..
    } = accepted(&app).await;
    let d = app
        .store
        .dossier(&code.parse().unwrap())
        .await
        .unwrap()
        .unwrap();
    let accepted = d.state.accepted_at.unwrap();
    let events = app.store.events(&code.parse().unwrap()).await.unwrap();
    assert!(
        matches!(
            events[1].details,
            motcua_domain::workflow::EventDetails::Accept { walk: Some(_), .. }
        ),
        "the acceptance stores its walk"
    );
    let page_url = app.url(&format!("/can-bo/ho-so/{code}"));
    let (_, before) = text(&reception, &page_url).await;
    let before = why_this_date(&before);

    // The admin then declares the next three weeks holidays.
    let today = accepted.to_offset(motcua_domain::format::VN_OFFSET).date();
    let days: Vec<CalendarDay> = (0..21)
        .map(|i| CalendarDay {
            date: today + time::Duration::days(i),
            kind: DayKind::Holiday,
            name: "Nghỉ bù".into(),
        })
        .collect();
    app.store.import_calendar(&days).await.unwrap();
    // Counted again today, the due moment would move...
    let cal = motcua_core::workflow::calendar(
        &app.store,
        &app::api::state::Settings::default().working_periods,
    )
    .await
    .unwrap();
    assert_ne!(
        Some(cal.due(accepted, &p.duration).due),
        d.state.statutory_due_at
    );
    // ... but the page explains the moment that was decided and stored.
    let (_, after) = text(&reception, &page_url).await;
    assert_eq!(why_this_date(&after), before);
}

/// The message the documents page and the supplement page both show for `problem` at
/// `document` (one rule, one text: `motcua_domain::upload`).
fn upload_message(
    document: &motcua_domain::procedure::Document,
    problem: UploadProblemKind,
) -> String {
    app::flow::upload_message(app::i18n::Lang::Vi, document.name.vi(), &problem)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_supplement_file_is_checked_by_the_same_rule_as_a_filing_file() {
    let app = spawn_app().await;
    let Accepted { p, code, .. } = accepted(&app).await;
    let doc = p.documents[0].clone();
    let specialist = assignee(&app, &code).await;
    let form = reqwest::multipart::Form::new()
        .text("ly_do", "Ảnh chụp bị mờ")
        .text("muc", format!("document:{}", doc.id));
    let (_, landed) = act(&app, &specialist, &code, "request_supplement", form).await;
    assert!(landed.contains("xong=request_supplement"), "{landed}");

    let guest = Browser::new(app.base.clone());
    let res = guest.open_supplement_answer(&code, ID_NUMBER).await;
    let page_url = res.url().to_string();
    // A body cut off before its end: a translated page, never the parser's words.
    let res = guest
        .client
        .post(&page_url)
        .header("Content-Type", "multipart/form-data; boundary=X")
        .body("--X\r\nContent-Disposition: form-data; name=\"_action\"\r\n\r\nnext")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    let page = res.text().await.unwrap();
    assert!(page.contains("Không đọc được nội dung đã gửi"), "{page}");
    assert!(!page.contains("multipart"), "{page}");
    let send = |name: &str, bytes: Vec<u8>| {
        let part = reqwest::multipart::Part::bytes(bytes).file_name(name.to_string());
        reqwest::multipart::Form::new()
            .part(format!("file.{}", doc.id), part)
            .text("_action", "next")
    };
    // Text dressed as a PDF: refused by its content, with the filing page's words.
    let res = guest
        .client
        .post(&page_url)
        .multipart(send("uy-quyen.pdf", b"khong phai PDF".to_vec()))
        .send()
        .await
        .unwrap();
    let page = res.text().await.unwrap();
    let wrong = UploadProblemKind::WrongType {
        accepted: FileRule::of(&doc).accepted_names(),
    };
    assert!(
        page.contains(&upload_message(&doc, wrong.clone())),
        "{page}"
    );
    assert_eq!(status(&app, &code).await, 5, "nothing sent");
    // An empty file is named as such (it used to be skipped silently here).
    let res = guest
        .client
        .post(&page_url)
        .multipart(send("uy-quyen.pdf", vec![]))
        .send()
        .await
        .unwrap();
    let page = res.text().await.unwrap();
    assert!(
        page.contains(&upload_message(&doc, UploadProblemKind::Empty)),
        "{page}"
    );
    assert_eq!(status(&app, &code).await, 5, "nothing sent");
    // A photo where only a PDF is accepted is refused the same way.
    let res = guest
        .client
        .post(&page_url)
        .multipart(send("anh.png", common::tiny_png()))
        .send()
        .await
        .unwrap();
    assert!(
        res.text()
            .await
            .unwrap()
            .contains(&upload_message(&doc, wrong.clone()))
    );
    // A real PDF goes back to the agency and replaces the document.
    let res = guest
        .client
        .post(&page_url)
        .multipart(send("uy-quyen.pdf", common::tiny_pdf()))
        .send()
        .await
        .unwrap();
    assert!(res.url().path().ends_with("/xong"), "{}", res.url());
    assert_eq!(status(&app, &code).await, 4);
    let files = app
        .store
        .dossier_documents(&code.parse().unwrap())
        .await
        .unwrap();
    let kept: Vec<_> = files.iter().filter(|f| f.document_id == doc.id).collect();
    assert_eq!(kept.len(), 1, "{files:?}");
    assert_eq!(kept[0].content_type, "application/pdf");
}
