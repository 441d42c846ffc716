use time::macros::datetime;

use super::*;

fn complete() -> RatingForm {
    RatingForm {
        overall: "satisfied".into(),
        timeliness: "on-time".into(),
        contacts: "one".into(),
        attitude: "good".into(),
        transparency: "acceptable".into(),
        online_service: "".into(),
        comment: "  Cán bộ hướng dẫn tận tình.  ".into(),
    }
}

#[test]
fn a_complete_form_parses_with_the_online_service_left_out_and_the_comment_trimmed() {
    let rating = complete().parse().unwrap();
    assert_eq!(rating.overall, Satisfaction::Satisfied);
    assert_eq!(rating.timeliness, Timeliness::OnTime);
    assert_eq!(rating.contacts, Contacts::One);
    assert_eq!(rating.attitude, Quality::Good);
    assert_eq!(rating.transparency, Quality::Acceptable);
    assert_eq!(rating.online_service, None);
    assert_eq!(rating.comment, "Cán bộ hướng dẫn tận tình.");
    assert_eq!(RatingForm::of(&rating).parse(), Ok(rating));
}

#[test]
fn every_problem_is_named_in_the_order_of_the_form() {
    let form = RatingForm {
        overall: "".into(),
        contacts: "seven".into(),
        online_service: "excellent".into(),
        comment: "x".repeat(COMMENT_MAX_CHARS + 1),
        ..complete()
    };
    assert_eq!(
        form.parse(),
        Err(vec![
            (RatingField::Overall, RatingProblem::Missing),
            (RatingField::Contacts, RatingProblem::Unknown),
            (RatingField::OnlineService, RatingProblem::Unknown),
            (RatingField::Comment, RatingProblem::TooLong),
        ])
    );
}

#[test]
fn a_comment_of_exactly_the_limit_is_kept_counted_in_characters_not_bytes() {
    let form = RatingForm {
        comment: "ố".repeat(COMMENT_MAX_CHARS),
        ..complete()
    };
    assert_eq!(
        form.parse().unwrap().comment.chars().count(),
        COMMENT_MAX_CHARS
    );
}

#[test]
fn every_code_reads_back_as_its_answer() {
    fn round_trip<T: Choice + PartialEq + std::fmt::Debug>() {
        for a in T::ALL {
            assert_eq!(T::parse(a.code()), Some(*a));
        }
        assert_eq!(T::parse(""), None);
    }
    round_trip::<Satisfaction>();
    round_trip::<Timeliness>();
    round_trip::<Contacts>();
    round_trip::<Quality>();
}

#[test]
fn the_top_two_levels_are_satisfied_and_the_bottom_two_dissatisfied() {
    let satisfied: Vec<_> = Satisfaction::ALL.iter().map(|s| s.is_satisfied()).collect();
    let dissatisfied: Vec<_> = Satisfaction::ALL
        .iter()
        .map(|s| s.is_dissatisfied())
        .collect();
    assert_eq!(satisfied, [false, false, false, true, true]);
    assert_eq!(dissatisfied, [true, true, false, false, false]);
}

#[test]
fn only_a_returned_dossier_is_rated_and_a_rating_changes_for_thirty_days() {
    let first = datetime!(2026-03-02 08:00 UTC);
    for status in Status::ALL.into_iter().filter(|s| *s != Status::Returned) {
        assert_eq!(may_rate(status, None, first), Err(RateRefusal::NotReturned));
    }
    assert_eq!(may_rate(Status::Returned, None, first), Ok(()));
    let last_moment = first + CHANGE_WINDOW;
    assert_eq!(may_rate(Status::Returned, Some(first), last_moment), Ok(()));
    assert_eq!(
        may_rate(
            Status::Returned,
            Some(first),
            last_moment + time::Duration::seconds(1)
        ),
        Err(RateRefusal::WindowClosed)
    );
}
