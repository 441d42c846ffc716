//! The admin's pages over real HTTP against the real server and a real SQLite file: staff
//! accounts of the admin's own agency (add, roles, lock, password), the shared working
//! calendar, and that nobody else can change either.

mod common;

use common::post_landing as post;
use common::staff::text as get;
use common::{TestApp, client, raw_client, registered_citizen, spawn_app};
use motcua_domain::calendar::DayKind;
use motcua_domain::workflow::StaffRole;
use motcua_server::demo::{DEMO_PASSWORD, demo_login};
use motcua_store::prelude::*;

const AGENCY: &str = "000.50.01.H56";
const OTHER_AGENCY: &str = "000.50.02.H56";
const USERS: &str = "/can-bo/quan-tri/can-bo";
const CALENDAR: &str = "/can-bo/quan-tri/lich";

/// Signs `c` in; whether it landed in the staff workspace.
async fn signs_in(app: &TestApp, c: &reqwest::Client, login: &str, password: &str) -> bool {
    let res = c
        .post(app.url("/dang-nhap"))
        .form(&[("ten_dang_nhap", login), ("mat_khau", password)])
        .send()
        .await
        .unwrap();
    res.url().path().starts_with("/can-bo")
}

/// A client signed in as the demo account `prefix` of `agency`.
async fn staff(app: &TestApp, prefix: &str, agency: &str) -> reqwest::Client {
    let c = client();
    assert!(
        signs_in(app, &c, &demo_login(prefix, agency), DEMO_PASSWORD).await,
        "sign-in as {prefix} of {agency}"
    );
    c
}

async fn account(app: &TestApp, login: &str) -> motcua_store::Account {
    app.store
        .account_for_sign_in(login)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("no account {login}"))
        .0
}

async fn hash_of(app: &TestApp, login: &str) -> String {
    app.store
        .account_for_sign_in(login)
        .await
        .unwrap()
        .unwrap()
        .1
}

/// Who the staff bar says is signed in, with their roles.
fn staff_bar(html: &str) -> &str {
    let start = html.find(r#"class="staff-bar""#).expect("a staff bar");
    let rest = &html[start..];
    &rest[..rest.find("</p>").unwrap_or(rest.len())]
}

fn this_year(app: &TestApp) -> i32 {
    app.clock.now().to_offset(time::macros::offset!(+7)).year()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_admin_adds_a_staff_member_who_signs_in_with_the_roles_given() {
    let app = spawn_app().await;
    let admin = staff(&app, "quantri", AGENCY).await;
    let (status, page) = get(&admin, &app.url(USERS)).await;
    assert_eq!(status, 200);
    assert!(
        page.contains(&demo_login("tiepnhan", AGENCY)),
        "lists the agency's staff"
    );
    assert!(
        page.contains(r#"<label for="dang_nhap">"#) && page.contains(r#"id="dang_nhap""#),
        "labels are tied to inputs"
    );
    let before = app
        .store
        .staff_of_agency(&AGENCY.parse().unwrap())
        .await
        .unwrap()
        .len();

    let login = "lethibe.000.50.01.h56";
    let (status, landed, page) = post(
        &admin,
        &app.url(USERS),
        &[
            ("dang_nhap", " LeThiBe.000.50.01.H56 "),
            ("ho_ten", "Lê Thị Bé"),
            ("so_dien_thoai", "0912 345 678"),
            ("vai_tro", "reception"),
            ("vai_tro", "clerk"),
            ("mat_khau", "mat-khau-moi-1"),
            ("nhap_lai", "mat-khau-moi-1"),
        ],
    )
    .await;
    assert_eq!(status, 200);
    assert!(landed.contains("xong=them"), "{landed}");
    assert!(page.contains(login) && page.contains("Lê Thị Bé"));
    assert!(page.contains("Đã thêm tài khoản cán bộ."));

    let a = account(&app, login).await;
    assert_eq!(a.roles, vec![StaffRole::Reception, StaffRole::Clerk]);
    assert_eq!(a.agency_code.as_deref(), Some(AGENCY));
    assert_eq!(a.phone.unwrap(), "0912345678");
    assert!(a.active);
    assert!(hash_of(&app, login).await.starts_with("$argon2id$"));
    assert_eq!(
        app.store
            .staff_of_agency(&AGENCY.parse().unwrap())
            .await
            .unwrap()
            .len(),
        before + 1
    );

    let newcomer = client();
    assert!(signs_in(&app, &newcomer, login, "mat-khau-moi-1").await);
    let (status, queue) = get(&newcomer, &app.url("/can-bo")).await;
    assert_eq!(status, 200);
    assert!(
        staff_bar(&queue).contains("Tiếp nhận, Văn thư"),
        "the staff bar shows the roles"
    );
    // Not an admin: the admin's pages do not exist for them.
    assert_eq!(get(&newcomer, &app.url(USERS)).await.0, 404);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_taken_login_and_bad_fields_are_refused_with_messages_and_nothing_is_created() {
    let app = spawn_app().await;
    let admin = staff(&app, "quantri", AGENCY).await;
    let before = app
        .store
        .staff_of_agency(&AGENCY.parse().unwrap())
        .await
        .unwrap();
    let taken = demo_login("tiepnhan", OTHER_AGENCY);
    let (status, landed, page) = post(
        &admin,
        &app.url(USERS),
        &[
            ("dang_nhap", taken.as_str()),
            ("ho_ten", "Trần Văn Tư"),
            ("vai_tro", "specialist"),
            ("mat_khau", "mat-khau-moi-2"),
            ("nhap_lai", "mat-khau-moi-2"),
        ],
    )
    .await;
    assert_eq!(status, 200);
    // Answered with the page itself: nothing typed stands in a URL.
    assert!(landed.ends_with(USERS), "{landed}");
    assert!(page.contains("Tên đăng nhập này đã có người dùng"));
    assert!(
        page.contains(r##"href="#dang_nhap""##),
        "the summary links to the field"
    );
    assert!(
        page.contains(r#"id="dang_nhap-error""#),
        "the message is at the field"
    );
    assert!(page.contains("Trần Văn Tư"), "typed values are kept");
    assert!(!landed.contains("mat-khau-moi-2") && !page.contains("mat-khau-moi-2"));
    // The other agency's account is untouched and nobody was added here.
    assert_eq!(account(&app, &taken).await.full_name, "Nguyễn Thị Lan");
    assert_eq!(
        app.store
            .staff_of_agency(&AGENCY.parse().unwrap())
            .await
            .unwrap(),
        before
    );

    // Every other problem at once: each has its message at its field.
    let (_, landed, page) = post(
        &admin,
        &app.url(USERS),
        &[
            ("dang_nhap", "nguyễn văn"),
            ("ho_ten", ""),
            ("so_dien_thoai", "12345"),
            ("mat_khau", "ngan"),
            ("nhap_lai", "ngan"),
        ],
    )
    .await;
    assert!(
        landed.ends_with(USERS) && !landed.contains("12345"),
        "{landed}"
    );
    for field in [
        "dang_nhap",
        "ho_ten",
        "so_dien_thoai",
        "vai_tro",
        "mat_khau",
    ] {
        assert!(
            page.contains(&format!(r#"id="{field}-error""#)),
            "{field}: {page}"
        );
    }
    assert!(page.contains(r#"value="12345""#), "the phone typed is kept");
    assert!(page.contains("Hãy chọn ít nhất một vai trò"));
    assert!(page.contains("Mật khẩu cần ít nhất 8 ký tự"));
    assert!(page.contains(r##"href="#vai_tro-reception""##));
    let (_, landed, page) = post(
        &admin,
        &app.url(USERS),
        &[
            ("dang_nhap", "motnguoi"),
            ("ho_ten", "Một Người"),
            ("vai_tro", "leader"),
            ("mat_khau", "mat-khau-dai-1"),
            ("nhap_lai", "mat-khau-dai-2"),
        ],
    )
    .await;
    assert!(page.contains(r#"id="nhap_lai-error""#), "{landed}");
    assert!(page.contains("Hai lần nhập mật khẩu không giống nhau"));
    assert!(
        page.contains(r#"value="leader" checked"#),
        "ticked roles are kept"
    );
    assert_eq!(
        app.store
            .staff_of_agency(&AGENCY.parse().unwrap())
            .await
            .unwrap(),
        before
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn role_changes_take_effect_at_once_but_not_on_the_admins_own_admin_role() {
    let app = spawn_app().await;
    let admin = staff(&app, "quantri", AGENCY).await;
    let reception = staff(&app, "tiepnhan", AGENCY).await;
    let login = demo_login("tiepnhan", AGENCY);
    let id = account(&app, &login).await.id;
    let (_, queue) = get(&reception, &app.url("/can-bo")).await;
    assert!(
        staff_bar(&queue).contains("Tiếp nhận"),
        "{}",
        staff_bar(&queue)
    );

    let (status, landed, page) = post(
        &admin,
        &app.url(&format!("{USERS}/{id}/vai-tro")),
        &[("vai_tro", "specialist"), ("vai_tro", "leader")],
    )
    .await;
    assert_eq!(status, 200);
    assert!(landed.contains("xong=vai-tro"), "{landed}");
    assert!(page.contains("Đã lưu vai trò."));
    assert_eq!(
        account(&app, &login).await.roles,
        vec![StaffRole::Specialist, StaffRole::Leader]
    );
    // The open session sees the new roles on its next request.
    let (_, queue) = get(&reception, &app.url("/can-bo")).await;
    let bar = staff_bar(&queue);
    assert!(
        bar.contains("Chuyên viên, Lãnh đạo") && !bar.contains("Tiếp nhận"),
        "new roles in the bar: {bar}"
    );

    // No role at all is refused: locking is the way to stop someone.
    let (_, landed, _) = post(&admin, &app.url(&format!("{USERS}/{id}/vai-tro")), &[]).await;
    assert!(landed.contains("roles_required"), "{landed}");
    assert_eq!(account(&app, &login).await.roles.len(), 2);

    // The admin cannot drop their own admin role.
    let me = account(&app, &demo_login("quantri", AGENCY)).await;
    let (_, landed, page) = post(
        &admin,
        &app.url(&format!("{USERS}/{}/vai-tro", me.id)),
        &[("vai_tro", "reception")],
    )
    .await;
    assert!(landed.contains("vai_tro%3Aown_admin"), "{landed}");
    assert!(page.contains("Bạn không thể tự bỏ vai trò quản trị của mình"));
    assert!(page.contains(&format!(r##"href="#tk{}-vai_tro-reception""##, me.id)));
    assert_eq!(account(&app, &me.login).await.roles, me.roles);
    // Adding a role to themselves while keeping admin is fine.
    let (_, landed, _) = post(
        &admin,
        &app.url(&format!("{USERS}/{}/vai-tro", me.id)),
        &[("vai_tro", "admin"), ("vai_tro", "clerk")],
    )
    .await;
    assert!(landed.contains("xong=vai-tro"), "{landed}");
    assert_eq!(
        account(&app, &me.login).await.roles,
        vec![StaffRole::Clerk, StaffRole::Admin]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn locking_ends_the_accounts_sessions_and_sign_in_until_unlocked() {
    let app = spawn_app().await;
    let admin = staff(&app, "quantri", AGENCY).await;
    let clerk = staff(&app, "vanthu", AGENCY).await;
    let login = demo_login("vanthu", AGENCY);
    let id = account(&app, &login).await.id;
    assert_eq!(get(&clerk, &app.url("/can-bo")).await.0, 200);

    let url = app.url(&format!("{USERS}/{id}/trang-thai"));
    let (_, landed, page) = post(&admin, &url, &[("hoat_dong", "0")]).await;
    assert!(landed.contains("xong=khoa"), "{landed}");
    assert!(page.contains("Đã khóa"));
    assert!(!account(&app, &login).await.active);
    let (status, page) = get(&clerk, &app.url("/can-bo")).await;
    assert_eq!(status, 401, "the locked account's session is over");
    assert!(page.contains(r#"href="/dang-nhap""#));
    assert!(!signs_in(&app, &client(), &login, DEMO_PASSWORD).await);

    let (_, landed, _) = post(&admin, &url, &[("hoat_dong", "1")]).await;
    assert!(landed.contains("xong=mo-khoa"), "{landed}");
    assert!(account(&app, &login).await.active);
    assert!(signs_in(&app, &client(), &login, DEMO_PASSWORD).await);

    // The admin cannot lock themselves out.
    let me = account(&app, &demo_login("quantri", AGENCY)).await;
    let (_, landed, page) = post(
        &admin,
        &app.url(&format!("{USERS}/{}/trang-thai", me.id)),
        &[("hoat_dong", "0")],
    )
    .await;
    assert!(landed.contains("hoat_dong%3Aown_deactivate"), "{landed}");
    assert!(page.contains("Bạn không thể tự khóa tài khoản của mình."));
    assert!(account(&app, &me.login).await.active);
    assert_eq!(get(&admin, &app.url(USERS)).await.0, 200, "still signed in");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_password_replaces_the_old_one_and_ends_the_sessions() {
    let app = spawn_app().await;
    let admin = staff(&app, "quantri", AGENCY).await;
    let specialist = staff(&app, "chuyenvien", AGENCY).await;
    let login = demo_login("chuyenvien", AGENCY);
    let id = account(&app, &login).await.id;
    let url = app.url(&format!("{USERS}/{id}/mat-khau"));
    let old_hash = hash_of(&app, &login).await;

    // Refused: too short, then not the same twice. Nothing changes.
    let (_, landed, page) = post(&admin, &url, &[("mat_khau", "ngan"), ("nhap_lai", "ngan")]).await;
    assert!(landed.contains("mat_khau%3Apassword_short"), "{landed}");
    assert!(page.contains(&format!(r##"href="#tk{id}-mat_khau""##)));
    let (_, landed, _) = post(
        &admin,
        &url,
        &[
            ("mat_khau", "mat-khau-moi-3"),
            ("nhap_lai", "mat-khau-moi-4"),
        ],
    )
    .await;
    assert!(landed.contains("nhap_lai%3Apassword_mismatch"), "{landed}");
    assert!(!landed.contains("mat-khau-moi"));
    assert_eq!(hash_of(&app, &login).await, old_hash);
    assert_eq!(get(&specialist, &app.url("/can-bo")).await.0, 200);

    let (_, landed, page) = post(
        &admin,
        &url,
        &[
            ("mat_khau", "mat-khau-moi-3"),
            ("nhap_lai", "mat-khau-moi-3"),
        ],
    )
    .await;
    assert!(landed.contains("xong=mat-khau"), "{landed}");
    assert!(page.contains("Đã đặt mật khẩu mới."));
    assert_eq!(get(&specialist, &app.url("/can-bo")).await.0, 401);
    assert!(!signs_in(&app, &client(), &login, DEMO_PASSWORD).await);
    assert!(signs_in(&app, &client(), &login, "mat-khau-moi-3").await);

    // An admin who sets their own password stays signed in (with a new session).
    let me = account(&app, &demo_login("quantri", AGENCY)).await;
    let (status, landed, _) = post(
        &admin,
        &app.url(&format!("{USERS}/{}/mat-khau", me.id)),
        &[
            ("mat_khau", "quan-tri-moi-1"),
            ("nhap_lai", "quan-tri-moi-1"),
        ],
    )
    .await;
    assert_eq!(status, 200, "{landed}");
    assert!(landed.contains("xong=mat-khau"), "{landed}");
    assert!(signs_in(&app, &client(), &me.login, "quan-tri-moi-1").await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_admin_cannot_manage_another_agencys_accounts() {
    let app = spawn_app().await;
    let admin = staff(&app, "quantri", AGENCY).await;
    let other_login = demo_login("tiepnhan", OTHER_AGENCY);
    let other = account(&app, &other_login).await;
    let other_hash = hash_of(&app, &other_login).await;
    let (_, page) = get(&admin, &app.url(USERS)).await;
    assert!(
        !page.contains(&other_login),
        "another agency's staff are not listed"
    );

    for (action, pairs) in [
        ("vai-tro", vec![("vai_tro", "admin")]),
        ("trang-thai", vec![("hoat_dong", "0")]),
        (
            "mat-khau",
            vec![("mat_khau", "chiem-quyen-1"), ("nhap_lai", "chiem-quyen-1")],
        ),
    ] {
        for id in [other.id.to_string(), "999999".into(), "abc".into()] {
            let (status, _, _) =
                post(&admin, &app.url(&format!("{USERS}/{id}/{action}")), &pairs).await;
            assert_eq!(status, 404, "{action} on {id}");
        }
    }
    let after = account(&app, &other_login).await;
    assert_eq!(after, other, "unchanged");
    assert_eq!(hash_of(&app, &other_login).await, other_hash);
    assert!(signs_in(&app, &client(), &other_login, DEMO_PASSWORD).await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn non_admins_get_not_found_or_sign_in_and_change_nothing() {
    let app = spawn_app().await;
    let reception = staff(&app, "tiepnhan", AGENCY).await;
    let login = demo_login("tiepnhan", AGENCY);
    let me = account(&app, &login).await;
    let hash_before = hash_of(&app, &login).await;
    let staff_before = app
        .store
        .staff_of_agency(&AGENCY.parse().unwrap())
        .await
        .unwrap();
    let days_before = app.store.calendar_days().await.unwrap();
    let day = format!("{}-03-10", this_year(&app) + 1);
    let add = [
        ("dang_nhap", "keladot"),
        ("ho_ten", "Kẻ Lạ"),
        ("vai_tro", "admin"),
        ("mat_khau", "mat-khau-la-1"),
        ("nhap_lai", "mat-khau-la-1"),
    ];
    let day_form = [
        ("ngay", day.as_str()),
        ("loai", "holiday"),
        ("ten", "Không có"),
    ];
    let first_day = days_before[0].date.to_string();

    // Staff without the admin role: both pages and every post are "not found".
    for path in [USERS, CALENDAR] {
        assert_eq!(get(&reception, &app.url(path)).await.0, 404, "{path}");
    }
    let posts: Vec<(String, Vec<(&str, &str)>)> = vec![
        (USERS.into(), add.to_vec()),
        (
            format!("{USERS}/{}/vai-tro", me.id),
            vec![("vai_tro", "reception"), ("vai_tro", "admin")],
        ),
        (
            format!("{USERS}/{}/trang-thai", me.id),
            vec![("hoat_dong", "0")],
        ),
        (
            format!("{USERS}/{}/mat-khau", me.id),
            vec![("mat_khau", "mat-khau-la-1"), ("nhap_lai", "mat-khau-la-1")],
        ),
        (CALENDAR.into(), day_form.to_vec()),
        (
            format!("{CALENDAR}/xoa"),
            vec![("ngay", first_day.as_str())],
        ),
    ];
    for (path, pairs) in &posts {
        let (status, _, _) = post(&reception, &app.url(path), pairs).await;
        assert_eq!(status, 404, "{path}");
    }

    // Nobody: the pages ask to sign in, the posts send there.
    let nobody = raw_client();
    for path in [USERS, CALENDAR] {
        let (status, page) = get(&nobody, &app.url(path)).await;
        assert_eq!(status, 401, "{path}");
        assert!(page.contains(r#"href="/dang-nhap""#));
    }
    for (path, pairs) in &posts {
        let res = nobody.post(app.url(path)).form(pairs).send().await.unwrap();
        assert_eq!(res.status().as_u16(), 303, "{path}");
        let to = res.headers()["location"].to_str().unwrap();
        assert!(to.starts_with("/dang-nhap"), "{path}: {to}");
    }

    // A citizen is treated as nobody.
    let citizen = registered_citizen(&app, "0911111111").await;
    assert_eq!(get(&citizen, &app.url(USERS)).await.0, 401);
    assert_eq!(get(&citizen, &app.url(CALENDAR)).await.0, 401);
    let (_, landed, _) = post(&citizen, &app.url(USERS), &add).await;
    assert!(landed.contains("/dang-nhap"), "{landed}");

    assert_eq!(
        app.store
            .staff_of_agency(&AGENCY.parse().unwrap())
            .await
            .unwrap(),
        staff_before
    );
    assert!(
        app.store
            .account_for_sign_in("keladot")
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(app.store.calendar_days().await.unwrap(), days_before);
    assert_eq!(hash_of(&app, &login).await, hash_before);
    assert!(signs_in(&app, &client(), &login, DEMO_PASSWORD).await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_calendar_gains_replaces_and_loses_a_day() {
    let app = spawn_app().await;
    let admin = staff(&app, "quantri", AGENCY).await;
    let next = this_year(&app) + 1;
    let iso = format!("{next}-03-10");
    let shown = format!("10/03/{next}");
    let date = time::Date::from_calendar_date(next, time::Month::March, 10).unwrap();
    let find = |days: &[motcua_domain::calendar::CalendarDay]| {
        days.iter().find(|d| d.date == date).cloned()
    };
    assert!(find(&app.store.calendar_days().await.unwrap()).is_none());
    let (status, page) = get(&admin, &app.url(CALENDAR)).await;
    assert_eq!(status, 200);
    assert!(page.contains(r#"type="date""#) && page.contains(r#"<label for="ngay">"#));
    assert!(
        page.contains("dùng chung cho mọi cơ quan"),
        "says it is shared"
    );

    let (_, landed, page) = post(
        &admin,
        &app.url(CALENDAR),
        &[
            ("ngay", iso.as_str()),
            ("loai", "holiday"),
            ("ten", "Ngày thử nghiệm"),
        ],
    )
    .await;
    assert!(landed.contains("xong=luu"), "{landed}");
    let day = find(&app.store.calendar_days().await.unwrap()).expect("saved");
    assert_eq!(day.kind, DayKind::Holiday);
    assert_eq!(day.name, "Ngày thử nghiệm");
    assert!(
        page.contains(&shown) && page.contains("Ngày thử nghiệm"),
        "listed"
    );

    // The same date again replaces its entry; the calendar is one for all agencies, so an
    // admin of another agency may change it too.
    let other_admin = staff(&app, "quantri", OTHER_AGENCY).await;
    let before = app.store.calendar_days().await.unwrap().len();
    let (_, landed, page) = post(
        &other_admin,
        &app.url(CALENDAR),
        &[
            ("ngay", shown.as_str()),
            ("loai", "workday"),
            ("ten", "Làm bù thử"),
        ],
    )
    .await;
    assert!(landed.contains("xong=luu"), "{landed}");
    let days = app.store.calendar_days().await.unwrap();
    assert_eq!(days.len(), before);
    let day = find(&days).unwrap();
    assert_eq!(
        (day.kind, day.name.as_str()),
        (DayKind::Workday, "Làm bù thử")
    );
    assert!(page.contains("Làm bù thử") && !page.contains("Ngày thử nghiệm"));

    let (_, landed, page) = post(
        &admin,
        &app.url(&format!("{CALENDAR}/xoa")),
        &[("ngay", &iso)],
    )
    .await;
    assert!(landed.contains("xong=xoa"), "{landed}");
    assert!(find(&app.store.calendar_days().await.unwrap()).is_none());
    assert!(
        !page.contains(&format!(r#"datetime="{iso}""#)),
        "no longer listed"
    );
    assert!(page.contains(&shown), "the notice names the day");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bad_calendar_day_is_refused_with_a_message_at_the_field() {
    let app = spawn_app().await;
    let admin = staff(&app, "quantri", AGENCY).await;
    let before = app.store.calendar_days().await.unwrap();
    let year = this_year(&app);

    let bad = format!("{year}-02-30");
    let (_, landed, page) = post(
        &admin,
        &app.url(CALENDAR),
        &[
            ("ngay", bad.as_str()),
            ("loai", "holiday"),
            ("ten", "Ngày không có"),
        ],
    )
    .await;
    assert!(landed.contains("loi=ngay%3Adate_invalid"), "{landed}");
    assert!(page.contains("Hãy nhập ngày có thật"));
    assert!(page.contains(r##"href="#ngay""##) && page.contains(r#"id="ngay-error""#));
    assert!(page.contains("Ngày không có"), "the name typed is kept");

    let far = format!("{}-05-01", year + 5);
    let (_, landed, page) = post(
        &admin,
        &app.url(CALENDAR),
        &[("ngay", far.as_str()), ("loai", "nghi"), ("ten", "")],
    )
    .await;
    for problem in [
        "ngay%3Adate_out_of_range",
        "loai%3Akind_required",
        "ten%3Arequired",
    ] {
        assert!(landed.contains(problem), "{problem}: {landed}");
    }
    assert!(page.contains("Hãy chọn một ngày của năm nay hoặc năm sau"));
    assert!(page.contains("Hãy chọn loại ngày"));
    assert_eq!(app.store.calendar_days().await.unwrap(), before);

    // English texts too.
    let english = staff(&app, "quantri", AGENCY).await;
    english
        .get(app.url(&format!("/ngon-ngu/en?tiep={CALENDAR}")))
        .send()
        .await
        .unwrap();
    let (_, _, page) = post(
        &english,
        &app.url(CALENDAR),
        &[("ngay", "hôm nay"), ("loai", "holiday"), ("ten", "x")],
    )
    .await;
    assert!(page.contains("Enter a real date"), "English message");
    assert!(page.contains("Working calendar"));
}

/// Where the sign-in page is told to come back to when nobody is signed in: the page itself
/// for a GET, the page the form was on for a post (its `Referer` on this site), nothing
/// else.
#[tokio::test]
async fn signing_in_first_comes_back_to_the_page() {
    let app = spawn_app().await;
    let nobody = raw_client();
    let location = |res: reqwest::Response| {
        assert_eq!(res.status().as_u16(), 303);
        res.headers()["location"].to_str().unwrap().to_string()
    };
    let book = nobody
        .get(app.url("/can-bo/so-theo-doi?tu=2026-12-01&den=2026-12-03"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        location(book),
        "/dang-nhap?tiep=%2Fcan-bo%2Fso-theo-doi%3Ftu%3D2026-12-01%26den%3D2026-12-03"
    );
    let posted = |referer: String| {
        nobody
            .post(app.url(&format!("{CALENDAR}/xoa")))
            .header("referer", referer)
            .form(&[("ngay", "2026-12-31")])
            .send()
    };
    let from_page = posted(app.url(CALENDAR)).await.unwrap();
    assert_eq!(
        location(from_page),
        "/dang-nhap?tiep=%2Fcan-bo%2Fquan-tri%2Flich"
    );
    let from_elsewhere = posted("https://evil.example/can-bo".into()).await.unwrap();
    assert_eq!(location(from_elsewhere), "/dang-nhap");
}
