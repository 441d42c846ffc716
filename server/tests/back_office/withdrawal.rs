//! A citizen withdraws a new dossier from the lookup.

use crate::common::staff::{act, full_form, refusal, staff};
use crate::common::{client, look_up_page, spawn_app};
use crate::{ACCESS_CODE, AGENCY, ID_NUMBER, file, status};
use motcua_store::prelude::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_citizen_withdraws_a_new_dossier_from_the_lookup() {
    let app = spawn_app().await;
    let code = file(&app, AGENCY, None).await;
    let guest = client();
    // The ID number shows the status only: no withdrawal is offered with it.
    let lookup = look_up_page(&guest, &app.base, &code, ID_NUMBER).await;
    assert!(
        !lookup.contains(&format!("action=\"/rut-ho-so/{code}\"")),
        "not offered on the ID number"
    );
    let lookup = look_up_page(&guest, &app.base, &code, ACCESS_CODE).await;
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
    // Neither the ID number nor the phone lets anyone withdraw it.
    assert_eq!(post(ID_NUMBER).await.unwrap().status().as_u16(), 404);
    assert_eq!(post("0987654321").await.unwrap().status().as_u16(), 404);
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
    // The access code as a citizen copies it from paper: grouped, in lower case.
    let grouped = format!(
        "{}-{} {}",
        &ACCESS_CODE[..4],
        &ACCESS_CODE[4..8],
        &ACCESS_CODE[8..]
    )
    .to_lowercase();
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
    assert!(
        landed.contains(&refusal("not_allowed_from_status")),
        "{landed}"
    );
}
