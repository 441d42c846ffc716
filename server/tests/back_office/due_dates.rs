//! Due dates: an overdue dossier needs its apology before it moves on, and the dossier page
//! explains the stored due moment.

use crate::common::staff::{act, full_form, refusal, staff, text};
use crate::common::{client, look_up_page, spawn_app};
use crate::{ACCESS_CODE, AGENCY, Accepted, accepted, prefix_of};
use motcua_domain::workflow::StaffRole;
use motcua_store::prelude::*;

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
    assert!(landed.contains(&refusal("apology_required")), "{landed}");

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
    let lookup = look_up_page(&client(), &app.base, &code, ACCESS_CODE).await;
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
    let cal = motcua_core::calendar::cache::read(
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
