//! The storage contract: store behaviour on a real database, SQLite or PostgreSQL as the run's
//! `MOTCUA_TEST_DATABASE` says (see `motcua_store::testing`); `scripts/test.sh` runs it on both.
//!
//! One test binary, a module per area; this file holds what they share: a seeded store with
//! the sample procedure, applicants, filed dossiers and staff accounts.

mod accounts;
mod audit;
mod drafts;
mod events;
mod filing;
mod opening;
mod queue_search;
mod ratings;
mod reference;
mod transitions;

use std::sync::LazyLock;

use motcua_domain::ids::{AccessCode, AgencyCode, DossierCode, Proof};
use motcua_domain::procedure::Procedure;
use motcua_domain::testing::{SAMPLE_CODE, sample_procedure_json};
use motcua_domain::workflow::StaffRole;
use motcua_store::prelude::*;
use motcua_store::testing::TestDatabase;
use motcua_store::{
    AccountKind, Agency, Applicant, ImportOutcome, NewAccount, NewDossier, Store, Unit,
};
use serde_json::{Value, json};
use time::OffsetDateTime;
use time::macros::{date, datetime};

const PROC: &str = SAMPLE_CODE;
const AGENCY: &str = "000.00.06.H56";

async fn open(db: &TestDatabase) -> Store {
    db.open().await
}

/// The sample procedure (`motcua_domain::testing`) with the version and name given, plus an
/// optional document, a conditional field and a second process step.
fn procedure_json(version: &str, name: &str) -> Value {
    let mut v = sample_procedure_json();
    v["version"] = json!(version);
    v["name"]["vi"] = json!(name);
    let mut add = |pointer: &str, item: Value| {
        let list = v.pointer_mut(pointer).and_then(Value::as_array_mut);
        list.expect("a list of the sample").push(item);
    };
    add(
        "/documents",
        json!({ "id": "giay_to_khac", "name": "Giấy tờ khác", "copy": "any",
                "quantity": 1, "required": false }),
    );
    add(
        "/form/0/fields",
        json!({ "id": "da_tung_ket_hon", "type": "radio", "label": "Đã từng kết hôn?",
                "options": [ { "value": "khong", "label": "Chưa" },
                             { "value": "co", "label": "Đã từng" } ] }),
    );
    add(
        "/form/0/fields",
        json!({ "id": "giay_ly_hon_so", "type": "text", "label": "Số quyết định ly hôn",
                "visible_if": { "field": "da_tung_ket_hon", "equals": "co" } }),
    );
    add(
        "/process",
        json!({ "id": "tham_dinh", "title": "Thẩm định", "role": "specialist",
                "duration_hours": 7 }),
    );
    v
}

fn parts(v: &Value) -> (Procedure, String) {
    (
        serde_json::from_value(v.clone()).expect("valid procedure"),
        serde_json::to_string(v).unwrap(),
    )
}

async fn import(store: &Store, version: &str, name: &str) -> ImportOutcome {
    let (p, json) = parts(&procedure_json(version, name));
    store
        .import_procedure(&p, &json, NOW)
        .await
        .expect("import")
}

/// Units, one agency receiving the procedure, and version 2025-07-01 of it.
async fn seeded(dir: &TestDatabase) -> (Store, i64) {
    let store = open(dir).await;
    store
        .import_units(&[
            unit("01", "Thành phố Hà Nội", "province", None),
            unit("00004", "Phường Ba Đình", "commune", Some("01")),
        ])
        .await
        .unwrap();
    store
        .upsert_agency(&Agency {
            code: AGENCY.parse().unwrap(),
            name: "UBND phường Ba Đình".into(),
            level: "commune".into(),
            unit_code: Some("00004".into()),
        })
        .await
        .unwrap();
    store
        .set_receivers(PROC, &[AGENCY.parse().unwrap()])
        .await
        .unwrap();
    import(&store, "2025-07-01", "Đăng ký kết hôn").await;
    let id = store
        .current_procedure(PROC, date!(2025 - 11 - 22))
        .await
        .unwrap()
        .unwrap()
        .id;
    (store, id)
}

fn unit(code: &str, name: &str, level: &str, parent: Option<&str>) -> Unit {
    Unit {
        code: code.into(),
        name: name.into(),
        level: level.into(),
        parent_code: parent.map(Into::into),
    }
}

fn applicant(id_number: &str, phone: &str) -> Applicant {
    Applicant {
        full_name: "Nguyễn Văn An".into(),
        id_number: id_number.parse().unwrap(),
        phone: phone.parse().unwrap(),
        email: Some("an@example.vn".into()),
        address: Some(json!({ "province": "01", "commune": "00004", "street": "12 Phố Kim Mã" })),
        birth_date: Some("1990-05-17".into()),
    }
}

fn proof(typed: &str) -> Proof {
    Proof::parse(typed).unwrap()
}

fn answers() -> Value {
    json!({ "chong_ho_ten": "Nguyễn Văn An", "da_tung_ket_hon": "khong" })
}

static AGENCY_CODE: LazyLock<AgencyCode> = LazyLock::new(|| AGENCY.parse().unwrap());
static ANSWERS: LazyLock<Value> = LazyLock::new(answers);
static ACCESS: LazyLock<AccessCode> = LazyLock::new(motcua_domain::testing::sample_access_code);

/// What most filings of these tests are: `who`'s dossier at the test agency, with the sample
/// answers and access code and no account. A test that needs another value sets it with
/// `NewDossier { answers: …, ..dossier_of(&who) }`.
fn dossier_of(who: &Applicant) -> NewDossier<'_> {
    NewDossier {
        agency: &AGENCY_CODE,
        applicant: who,
        answers: &ANSWERS,
        citizen_account_id: None,
        access: &ACCESS,
    }
}

/// 2025-11-22 10:00 in Hà Nội.
const NOW: OffsetDateTime = datetime!(2025-11-22 03:00 UTC);

fn staff_account(login: &str, roles: Vec<StaffRole>) -> NewAccount {
    NewAccount {
        kind: AccountKind::Staff,
        login: login.into(),
        full_name: "Nguyễn Thị Lan".into(),
        phone: None,
        email: None,
        agency_code: Some(AGENCY.parse().unwrap()),
        password_hash: "$argon2id$placeholder".into(),
        roles,
    }
}

async fn filed(store: &Store, pid: i64, name: &str, id: &str) -> DossierCode {
    let token = store.create_draft(pid, NOW).await.unwrap();
    let mut who = applicant(id, "0912345678");
    who.full_name = name.into();
    store
        .file_dossier(&token, &dossier_of(&who), NOW)
        .await
        .unwrap()
        .dossier
        .code
}
