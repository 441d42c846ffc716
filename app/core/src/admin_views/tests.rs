//! The admin's views, against a real store.

use motcua_domain::calendar::{CalendarDay, DayKind};
use motcua_domain::workflow::StaffRole;
use motcua_store::testing::TestDatabase;
use motcua_store::{Account, Agency, Store};
use time::macros::{date, datetime};

use super::*;
use crate::accounts::setup::{StaffSetup, create};
use motcua_store::prelude::*;

const AGENCY_A: &str = "000.00.01.H56";
const AGENCY_B: &str = "000.00.02.H56";

async fn staff(store: &Store, login: &str, agency: &str, roles: Vec<StaffRole>) -> Account {
    let setup = StaffSetup {
        login,
        full_name: login,
        agency,
        roles,
        phone: None,
    };
    let now = datetime!(2026-12-03 09:00 UTC);
    create(store, &setup, "not-a-hash".into(), now)
        .await
        .unwrap();
    store.account_for_sign_in(login).await.unwrap().unwrap().0
}

#[tokio::test]
async fn an_admin_sees_the_staff_of_their_own_agency_and_knows_which_is_them() {
    let db = TestDatabase::new().await;
    let store = db.open().await;
    for code in [AGENCY_A, AGENCY_B] {
        let agency = Agency {
            code: code.parse().unwrap(),
            name: format!("UBND {code}"),
            level: "commune".into(),
            unit_code: None,
        };
        store.upsert_agency(&agency).await.unwrap();
    }
    let admin = staff(&store, "quantri.a", AGENCY_A, vec![StaffRole::Admin]).await;
    staff(&store, "tiepnhan.a", AGENCY_A, vec![StaffRole::Reception]).await;
    staff(&store, "quantri.b", AGENCY_B, vec![StaffRole::Admin]).await;

    let lines = staff_accounts(&store, &admin).await.unwrap();
    let seen: Vec<_> = lines
        .iter()
        .map(|l| (l.account.login.as_str(), l.me))
        .collect();
    assert_eq!(seen, [("quantri.a", true), ("tiepnhan.a", false)]);
    assert_eq!(lines[1].account.roles, [StaffRole::Reception]);
}

#[tokio::test]
async fn the_calendar_shows_vietnams_current_year_and_the_next() {
    let db = TestDatabase::new().await;
    let store = db.open().await;
    let day = |date, name: &str| CalendarDay {
        date,
        kind: DayKind::Holiday,
        name: name.into(),
    };
    let days = [
        day(date!(2026 - 09 - 02), "Quốc khánh 2026"),
        day(date!(2027 - 01 - 01), "Tết Dương lịch 2027"),
        day(date!(2028 - 01 - 01), "Tết Dương lịch 2028"),
    ];
    store.import_calendar(&days).await.unwrap();
    // 20:00 on 31/12/2026 in Hà Nội; 2027 begins there at 17:00 UTC.
    let [this, next] = calendar_years(&store, datetime!(2026-12-31 13:00 UTC))
        .await
        .unwrap();
    assert_eq!((this.year, next.year), (2026, 2027));
    assert_eq!(this.days, [days[0].clone()]);
    assert_eq!(next.days, [days[1].clone()]);
    let [this, _] = calendar_years(&store, datetime!(2026-12-31 17:00 UTC))
        .await
        .unwrap();
    assert_eq!(this.year, 2027);
}
