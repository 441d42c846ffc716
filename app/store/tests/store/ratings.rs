//! Ratings: one row per dossier, a change replaces every answer and keeps the first moment.

use motcua_domain::rating::{Contacts, Quality, Rating, Satisfaction, Timeliness};
use time::Duration;

use super::*;

fn rating(overall: Satisfaction, online: Option<Quality>, comment: &str) -> Rating {
    Rating {
        overall,
        timeliness: Timeliness::OnTime,
        contacts: Contacts::One,
        attitude: Quality::Good,
        transparency: Quality::Acceptable,
        online_service: online,
        comment: comment.into(),
    }
}

#[tokio::test]
async fn a_rating_reads_back_and_a_change_replaces_it_keeping_the_first_moment() {
    let dir = TestDatabase::new().await;
    let (store, pid) = seeded(&dir).await;
    let code = filed(&store, pid, "Nguyễn Văn An", "079123456789").await;
    assert_eq!(store.rating(&code).await.unwrap(), None);

    let first = rating(Satisfaction::Neutral, Some(Quality::Poor), "Chờ lâu.");
    let saved = store.save_rating(&code, &first, NOW).await.unwrap();
    assert_eq!(saved.rating, first);
    assert_eq!((saved.first_rated_at, saved.rated_at), (NOW, NOW));

    let later = NOW + Duration::days(3);
    let changed = rating(Satisfaction::VerySatisfied, None, "");
    let saved = store.save_rating(&code, &changed, later).await.unwrap();
    assert_eq!(
        saved.rating, changed,
        "every answer replaced, the online one emptied too"
    );
    assert_eq!((saved.first_rated_at, saved.rated_at), (NOW, later));
    assert_eq!(store.rating(&code).await.unwrap(), Some(saved));
}

#[tokio::test]
async fn each_dossier_has_its_own_rating_and_an_unknown_one_has_none() {
    let dir = TestDatabase::new().await;
    let (store, pid) = seeded(&dir).await;
    let one = filed(&store, pid, "Nguyễn Văn An", "079123456789").await;
    let two = filed(&store, pid, "Trần Thị Bình", "079123456780").await;
    let good = rating(Satisfaction::Satisfied, None, "");
    store.save_rating(&one, &good, NOW).await.unwrap();
    assert_eq!(store.rating(&two).await.unwrap(), None);

    let unknown: DossierCode = "000.00.06.H56-251122-0099".parse().unwrap();
    let refused = store.save_rating(&unknown, &good, NOW).await;
    assert!(matches!(
        refused,
        Err(motcua_store::StoreError::NotFound(_))
    ));
}
