//! The back office over real HTTP against the real server and a real SQLite file: staff
//! sign in, move dossiers through every step, slips open as pages and PDFs, refused moves
//! change nothing, the access matrix (roles × actions × own/other agency, citizens), the
//! supplement loop, and an overdue dossier that needs its apology first.
//!
//! One test binary, a module per area; this file holds what they share: the procedure and
//! agencies of the demo, a dossier filed or accepted at the reception desk, its status.

#[path = "../common/mod.rs"]
mod common;

mod access;
mod audit;
mod due_dates;
mod my_dossiers;
mod processing;
mod result_scan;
mod sign_in;
mod supplement;
mod withdrawal;

use common::TestApp;
use common::staff::{act, full_form, staff};
use motcua_domain::procedure::Procedure;
use motcua_domain::workflow::StaffRole;
use motcua_store::Applicant;
use motcua_store::prelude::*;
use serde_json::json;

/// A commune procedure with a four-step process and one document.
const PROCEDURE: &str = "2.000635.000.00.00.H56";
const AGENCY: &str = "000.50.01.H56";
const OTHER_AGENCY: &str = "000.50.02.H56";
const ID_NUMBER: &str = "001190012345";
/// The access code of every dossier [`file`] files (`motcua_domain::testing::sample_access_code`).
const ACCESS_CODE: &str = "K7QM3XHD9TPA";

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
    let (id, _) = procedure(app).await;
    let token = app.store.create_draft(id, app.clock.now()).await.unwrap();
    file_draft(app, &token, agency, citizen).await
}

/// Files the draft `token` (of [`PROCEDURE`]) at `agency`, answering its first field.
async fn file_draft(app: &TestApp, token: &str, agency: &str, citizen: Option<i64>) -> String {
    let (_, p) = procedure(app).await;
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
            token,
            &motcua_store::NewDossier {
                agency: &agency.parse().unwrap(),
                applicant: &applicant,
                answers: &answers,
                citizen_account_id: citizen,
                access: &motcua_domain::testing::sample_access_code(),
            },
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
