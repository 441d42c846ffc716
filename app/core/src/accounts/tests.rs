//! The account use cases against a real store (SQLite, or PostgreSQL when
//! `MOTCUA_TEST_DATABASE` names a server).

use motcua_domain::workflow::StaffRole;
use motcua_store::testing::TestDatabase;
use motcua_store::{Account, Agency, Store};
use time::OffsetDateTime;

use super::Problem;
use super::add_staff::{NewStaffForm, add_staff};
use super::admin_staff::{AdminError, replace_roles, set_active, set_password};
use super::change_password::{ChangePasswordError, PasswordChange, change_password};
use super::register::{RegisterError, Registration, register};
use super::setup::{StaffSetup, create};
use super::sign_in::{ACCOUNT_FREE_MISSES, Credentials, SignInError, sign_in, slowdown};
use super::{password, sessions};
use motcua_domain::audit::AuditAction;
use motcua_store::prelude::*;

const PASSWORD: &str = "mat-khau-rat-dai";

fn origin() -> &'static crate::audit::Origin {
    crate::audit::test_origin()
}

fn now() -> OffsetDateTime {
    time::macros::datetime!(2026-12-03 09:00 UTC)
}

/// Agency `A`'s code.
const A: &str = "000.50.01.H56";
/// Agency `B`'s code.
const B: &str = "000.50.02.H56";

/// A store with agencies `A` and `B`, each with an admin (`quantri.a`, `quantri.b`) and `A`
/// with a receptionist (`tiepnhan.a`), all with [`PASSWORD`].
async fn agencies(db: &TestDatabase) -> Store {
    let store = db.open().await;
    let hash = password::hash_password(PASSWORD).unwrap();
    for (code, letter) in [(A, "a"), (B, "b")] {
        store
            .upsert_agency(&Agency {
                code: code.parse().unwrap(),
                name: format!("UBND {letter}"),
                level: "commune".into(),
                unit_code: None,
            })
            .await
            .unwrap();
        let login = format!("quantri.{letter}");
        staff(&store, &login, code, vec![StaffRole::Admin], &hash).await;
    }
    staff(&store, "tiepnhan.a", A, vec![StaffRole::Reception], &hash).await;
    store
}

async fn staff(store: &Store, login: &str, agency: &str, roles: Vec<StaffRole>, hash: &str) {
    let setup = StaffSetup {
        login,
        full_name: "Cán bộ",
        agency,
        roles,
        phone: None,
    };
    create(store, &setup, hash.to_string(), now())
        .await
        .unwrap();
}

async fn account(store: &Store, login: &str) -> Account {
    store.account_for_sign_in(login).await.unwrap().unwrap().0
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

fn problems<T: std::fmt::Debug>(r: Result<T, AdminError>) -> Vec<Problem> {
    match r {
        Err(AdminError::Invalid(p)) => p,
        other => panic!("expected problems, got {other:?}"),
    }
}

#[tokio::test]
async fn registration_reports_every_problem_at_its_field_and_a_taken_phone() {
    let db = TestDatabase::new().await;
    let store = db.open().await;
    let form = |name, phone, email, password, confirmation| Registration {
        full_name: name,
        phone,
        email,
        password,
        confirmation,
    };
    let bad = register(&store, &form(" ", "12", "a@", "ngan", "ngan"), now()).await;
    let Err(RegisterError::Invalid(problems)) = bad else {
        panic!("{bad:?}")
    };
    assert_eq!(
        problems,
        [
            Problem::NameRequired,
            Problem::PhoneInvalid,
            Problem::EmailInvalid,
            Problem::PasswordShort
        ]
    );
    let fields: Vec<_> = problems.iter().map(|p| (p.field(), p.key())).collect();
    assert_eq!(fields[0], ("ho_ten", "required"));
    let mismatch = register(
        &store,
        &form("Lê Thị Cúc", "0911111111", "", PASSWORD, "khac-han"),
        now(),
    )
    .await;
    assert!(
        matches!(&mismatch, Err(RegisterError::Invalid(p)) if p == &[Problem::PasswordMismatch])
    );

    let good = form("Lê Thị Cúc", "+84 911 111 111", "", PASSWORD, PASSWORD);
    let done = register(&store, &good, now()).await.unwrap();
    let citizen = sessions::signed_in(&store, &done.session_id, now())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(citizen.id, done.account_id);
    assert_eq!(citizen.login, "0911111111");
    let again = register(&store, &good, now()).await;
    assert!(matches!(&again, Err(RegisterError::Invalid(p)) if p == &[Problem::PhoneTaken]));
}

#[tokio::test]
async fn an_admin_cannot_drop_their_own_admin_role_nor_lock_themselves_out() {
    let db = TestDatabase::new().await;
    let store = agencies(&db).await;
    let admin = account(&store, "quantri.a").await;
    let own = admin.id;
    assert_eq!(
        problems(replace_roles(&store, &admin, own, &strings(&["leader"]), origin(), now()).await),
        [Problem::OwnAdminRole]
    );
    assert_eq!(
        problems(set_active(&store, &admin, own, false, origin(), now()).await),
        [Problem::OwnLockOut]
    );
    assert_eq!(account(&store, "quantri.a").await, admin);
    // Keeping the admin role while adding another is fine.
    replace_roles(
        &store,
        &admin,
        own,
        &strings(&["leader", "admin"]),
        origin(),
        now(),
    )
    .await
    .unwrap();
    assert_eq!(
        account(&store, "quantri.a").await.roles,
        [StaffRole::Leader, StaffRole::Admin]
    );
    // Another account of the agency can be locked, which ends its sessions.
    let reception = account(&store, "tiepnhan.a").await;
    let signed = sign_in(
        &store,
        &credentials("tiepnhan.a", PASSWORD),
        None,
        origin(),
        now(),
    )
    .await
    .unwrap();
    set_active(&store, &admin, reception.id, false, origin(), now())
        .await
        .unwrap();
    assert!(
        sessions::signed_in(&store, &signed.session_id, now())
            .await
            .unwrap()
            .is_none()
    );
}

#[tokio::test]
async fn another_agencys_account_and_a_non_admin_find_nothing() {
    let db = TestDatabase::new().await;
    let store = agencies(&db).await;
    let admin_a = account(&store, "quantri.a").await;
    let admin_b = account(&store, "quantri.b").await;
    let reception = account(&store, "tiepnhan.a").await;
    let not_found = |r: Result<_, AdminError>| matches!(r, Err(AdminError::NotFound));
    assert!(not_found(
        set_active(&store, &admin_b, reception.id, false, origin(), now()).await
    ));
    assert!(not_found(
        replace_roles(
            &store,
            &admin_b,
            reception.id,
            &strings(&["admin"]),
            origin(),
            now()
        )
        .await
    ));
    assert!(not_found(
        set_password(
            &store,
            &admin_b,
            reception.id,
            PASSWORD,
            PASSWORD,
            origin(),
            now()
        )
        .await
        .map(|_| ())
    ));
    assert!(not_found(
        set_active(&store, &admin_a, 999_999, false, origin(), now()).await
    ));
    // Staff without the admin role change nothing, even in their own agency.
    assert!(not_found(
        set_active(&store, &reception, admin_a.id, false, origin(), now()).await
    ));
    assert_eq!(account(&store, "tiepnhan.a").await, reception);
}

#[tokio::test]
async fn adding_staff_checks_every_field_and_puts_them_in_the_admins_agency() {
    let db = TestDatabase::new().await;
    let store = agencies(&db).await;
    let admin = account(&store, "quantri.b").await;
    let roles = strings(&["specialist"]);
    let form = |login| NewStaffForm {
        login,
        full_name: "Trần Văn Minh",
        phone: "",
        roles: &roles,
        password: PASSWORD,
        confirmation: PASSWORD,
    };
    let none: Vec<String> = vec![];
    let bad = NewStaffForm {
        login: "tiepnhan.a",
        full_name: "",
        phone: "12",
        roles: &none,
        password: "ngan",
        confirmation: "",
    };
    assert_eq!(
        problems(add_staff(&store, &admin, &bad, origin(), now()).await),
        [
            Problem::LoginTaken,
            Problem::NameRequired,
            Problem::PhoneInvalid,
            Problem::RolesRequired,
            Problem::PasswordShort
        ]
    );
    assert_eq!(
        problems(add_staff(&store, &admin, &form("0912345678"), origin(), now()).await),
        [Problem::LoginInvalid]
    );
    let id = add_staff(&store, &admin, &form("ChuyenVien.B"), origin(), now())
        .await
        .unwrap();
    let added = account(&store, "chuyenvien.b").await;
    assert_eq!(added.id, id);
    assert_eq!(added.agency_code.as_deref(), Some(B));
    assert_eq!(added.roles, [StaffRole::Specialist]);
    assert!(
        sign_in(
            &store,
            &credentials("chuyenvien.b", PASSWORD),
            None,
            origin(),
            now()
        )
        .await
        .is_ok()
    );
}

#[tokio::test]
async fn an_admin_setting_their_own_password_stays_signed_in() {
    let db = TestDatabase::new().await;
    let store = agencies(&db).await;
    let admin = account(&store, "quantri.a").await;
    let old = sign_in(
        &store,
        &credentials("quantri.a", PASSWORD),
        None,
        origin(),
        now(),
    )
    .await
    .unwrap();
    let new_password = "mat-khau-moi-dai";
    let fresh = set_password(
        &store,
        &admin,
        admin.id,
        new_password,
        new_password,
        origin(),
        now(),
    )
    .await
    .unwrap()
    .expect("a new session for the admin");
    let session = |id| sessions::signed_in(&store, id, now());
    assert!(session(&old.session_id).await.unwrap().is_none());
    assert_eq!(session(&fresh).await.unwrap().map(|a| a.id), Some(admin.id));
    let reception = account(&store, "tiepnhan.a").await;
    let for_other = set_password(
        &store,
        &admin,
        reception.id,
        new_password,
        new_password,
        origin(),
        now(),
    );
    assert_eq!(for_other.await.unwrap(), None);
    assert_eq!(
        problems(
            set_password(
                &store,
                &admin,
                reception.id,
                "ngan",
                "ngan",
                origin(),
                now()
            )
            .await
        ),
        [Problem::PasswordShort]
    );
}

#[tokio::test]
async fn sign_in_refuses_a_wrong_password_an_unknown_login_and_a_locked_account() {
    let db = TestDatabase::new().await;
    let store = agencies(&db).await;
    for (login, password) in [("quantri.a", "sai-mat-khau"), ("khong-co", PASSWORD)] {
        let r = sign_in(&store, &credentials(login, password), None, origin(), now()).await;
        assert!(matches!(r, Err(SignInError::Refused)), "{login}");
    }
    let first = sign_in(
        &store,
        &credentials(" QuanTri.A ", PASSWORD),
        None,
        origin(),
        now(),
    )
    .await
    .unwrap();
    // Signing in again ends the session the browser had.
    let second = sign_in(
        &store,
        &credentials("quantri.a", PASSWORD),
        Some(&first.session_id),
        origin(),
        now(),
    )
    .await
    .unwrap();
    assert_ne!(first.session_id, second.session_id);
    let signed_in = |id| sessions::signed_in(&store, id, now());
    assert!(signed_in(&first.session_id).await.unwrap().is_none());
    sessions::sign_out(&store, &second.session_id)
        .await
        .unwrap();
    assert!(signed_in(&second.session_id).await.unwrap().is_none());

    let reception = account(&store, "tiepnhan.a").await;
    store.set_active(reception.id, false).await.unwrap();
    let r = sign_in(
        &store,
        &credentials("tiepnhan.a", PASSWORD),
        None,
        origin(),
        now(),
    )
    .await;
    assert!(matches!(r, Err(SignInError::Refused)));
}

fn credentials<'a>(login: &'a str, password: &'a str) -> Credentials<'a> {
    Credentials { login, password }
}

#[tokio::test]
async fn changing_ones_password_needs_the_current_one_and_ends_the_other_sessions() {
    let db = TestDatabase::new().await;
    let store = agencies(&db).await;
    let me = account(&store, "tiepnhan.a").await;
    let other_device = sign_in(
        &store,
        &credentials("tiepnhan.a", PASSWORD),
        None,
        origin(),
        now(),
    )
    .await
    .unwrap();
    let change = |current, new, confirmation| PasswordChange {
        current,
        new,
        confirmation,
    };
    let refused = |r: Result<String, ChangePasswordError>| match r {
        Err(ChangePasswordError::Invalid(p)) => p,
        other => panic!("expected problems, got {other:?}"),
    };
    let new = "mat-khau-moi-dai";
    assert_eq!(
        refused(
            change_password(
                &store,
                &me,
                &change("sai-mat-khau", "12345678", "x"),
                origin(),
                now()
            )
            .await
        ),
        [Problem::CurrentPasswordWrong, Problem::PasswordCommon]
    );
    assert_eq!(
        refused(
            change_password(&store, &me, &change(PASSWORD, new, "khac"), origin(), now()).await
        ),
        [Problem::PasswordMismatch]
    );
    // Nothing changed: the old password and the other device still work.
    let st = &store;
    let signed_in = |id: String| async move { sessions::signed_in(st, &id, now()).await };
    assert!(
        signed_in(other_device.session_id.clone())
            .await
            .unwrap()
            .is_some()
    );
    let fresh = change_password(&store, &me, &change(PASSWORD, new, new), origin(), now())
        .await
        .unwrap();
    assert!(signed_in(other_device.session_id).await.unwrap().is_none());
    assert_eq!(signed_in(fresh).await.unwrap().map(|a| a.id), Some(me.id));
    let old = sign_in(
        &store,
        &credentials("tiepnhan.a", PASSWORD),
        None,
        origin(),
        now(),
    )
    .await;
    assert!(matches!(old, Err(SignInError::Refused)));
    assert!(
        sign_in(
            &store,
            &credentials("tiepnhan.a", new),
            None,
            origin(),
            now()
        )
        .await
        .is_ok()
    );
}

#[tokio::test]
async fn misses_on_one_login_slow_its_sign_in_but_never_lock_the_owner_out() {
    let db = TestDatabase::new().await;
    let store = agencies(&db).await;
    // Misses from anywhere: the per-address limit is the handler's, this one is per login.
    for _ in 0..ACCOUNT_FREE_MISSES + 1 {
        let r = sign_in(
            &store,
            &credentials("quantri.a", "sai-mat-khau"),
            None,
            origin(),
            now(),
        )
        .await;
        assert!(matches!(r, Err(SignInError::Refused)));
    }
    let started = std::time::Instant::now();
    let owner = sign_in(
        &store,
        &credentials(" QuanTri.A ", PASSWORD),
        None,
        origin(),
        now(),
    )
    .await;
    assert!(owner.is_ok(), "slowed, not locked: {owner:?}");
    assert!(started.elapsed() >= slowdown(ACCOUNT_FREE_MISSES + 2));
    // Another login is not slowed by them.
    let started = std::time::Instant::now();
    sign_in(
        &store,
        &credentials("tiepnhan.a", PASSWORD),
        None,
        origin(),
        now(),
    )
    .await
    .unwrap();
    assert!(started.elapsed() < std::time::Duration::from_secs(1));
}

/// The trail's entries of agency `A`, the oldest first, as `(action, actor id, object)`.
async fn trail(store: &Store) -> Vec<(AuditAction, Option<i64>, Option<String>)> {
    let admin = account(store, "quantri.a").await;
    let form = crate::audit::SearchForm::default();
    let mut found = crate::audit::search(store, &admin, &form).await.unwrap();
    found.reverse();
    found
        .into_iter()
        .map(|r| (r.entry.action, r.entry.actor.account_id, r.entry.object))
        .collect()
}

#[tokio::test]
async fn the_trail_records_sign_ins_refusals_and_the_start_of_slowing() {
    let db = TestDatabase::new().await;
    let store = agencies(&db).await;
    let reception = account(&store, "tiepnhan.a").await;
    let try_with = |login: &'static str, password: &'static str| {
        let store = &store;
        async move {
            let typed = credentials(login, password);
            sign_in(store, &typed, None, origin(), now()).await
        }
    };
    try_with("tiepnhan.a", PASSWORD).await.unwrap();
    for _ in 0..ACCOUNT_FREE_MISSES + 1 {
        assert!(try_with("tiepnhan.a", "sai-mat-khau").await.is_err());
    }
    assert!(try_with("khong.co.ai", PASSWORD).await.is_err());
    let me = Some(reception.id);
    let mut expected = vec![(AuditAction::SignIn, me, None)];
    expected.extend((0..ACCOUNT_FREE_MISSES).map(|_| (AuditAction::SignInRefused, me, None)));
    expected.push((AuditAction::SignInSlowed, me, None));
    expected.push((AuditAction::SignInRefused, me, None));
    assert_eq!(trail(&store).await, expected);
    // The unknown login has no agency: it is the operator's to see, with what was typed
    // kept nowhere.
    let admin_b = account(&store, "quantri.b").await;
    let form = crate::audit::SearchForm::default();
    let rows = crate::audit::search(&store, &admin_b, &form).await.unwrap();
    assert!(rows.is_empty(), "{rows:?}");
}

#[tokio::test]
async fn the_trail_records_each_admin_change_with_its_object_and_nothing_refused() {
    let db = TestDatabase::new().await;
    let store = agencies(&db).await;
    let admin = account(&store, "quantri.a").await;
    let reception = account(&store, "tiepnhan.a").await;
    let them = reception.id;
    let origin = origin();
    replace_roles(&store, &admin, them, &strings(&["leader"]), origin, now())
        .await
        .unwrap();
    set_active(&store, &admin, them, false, origin, now())
        .await
        .unwrap();
    set_active(&store, &admin, them, true, origin, now())
        .await
        .unwrap();
    set_password(&store, &admin, them, PASSWORD, PASSWORD, origin, now())
        .await
        .unwrap();
    // Refused: nothing changed, nothing recorded.
    let own = admin.id;
    let refused = set_active(&store, &admin, own, false, origin, now()).await;
    assert!(refused.is_err());
    let object = Some(format!("account:{them}"));
    let by = Some(admin.id);
    assert_eq!(
        trail(&store).await,
        [
            (AuditAction::RolesChanged, by, object.clone()),
            (AuditAction::AccountLocked, by, object.clone()),
            (AuditAction::AccountUnlocked, by, object.clone()),
            (AuditAction::PasswordSet, by, object),
        ]
    );
    let me = account(&store, "tiepnhan.a").await;
    let new = "mot-mat-khau-moi";
    let change = PasswordChange {
        current: PASSWORD,
        new,
        confirmation: new,
    };
    change_password(&store, &me, &change, origin, now())
        .await
        .unwrap();
    let last = trail(&store).await.pop();
    assert_eq!(last, Some((AuditAction::PasswordChanged, Some(them), None)));
}
