use super::*;
use crate::procedure::CopyKind;

fn document(accept: Option<Vec<FileKind>>, max_size_mb: Option<f64>) -> Document {
    Document {
        id: "cccd".into(),
        name: "Căn cước".into(),
        copy: CopyKind::Copy,
        quantity: 1,
        required: true,
        visible_if: None,
        accept,
        max_size_mb,
    }
}

const MB: usize = 1024 * 1024;

#[test]
fn a_file_of_an_accepted_kind_within_the_limit_is_kept() {
    let d = document(None, None);
    for kind in [FileKind::Pdf, FileKind::Jpg, FileKind::Png] {
        assert_eq!(FileRule::of(&d).check(10 * MB, Some(kind)), Ok(()));
    }
}

#[test]
fn an_empty_file_is_refused_before_anything_else() {
    let d = document(Some(vec![FileKind::Pdf]), None);
    assert_eq!(
        FileRule::of(&d).check(0, None),
        Err(UploadProblemKind::Empty)
    );
}

#[test]
fn the_size_limit_is_the_documents_or_ten_mb() {
    let d = document(None, None);
    assert_eq!(
        FileRule::of(&d).check(10 * MB + 1, Some(FileKind::Pdf)),
        Err(UploadProblemKind::TooLarge { max_mb: 10.0 })
    );
    let small = document(None, Some(0.5));
    assert_eq!(
        FileRule::of(&small).check(MB / 2, Some(FileKind::Jpg)),
        Ok(())
    );
    assert_eq!(
        FileRule::of(&small).check(MB / 2 + 1, Some(FileKind::Jpg)),
        Err(UploadProblemKind::TooLarge { max_mb: 0.5 })
    );
}

#[test]
fn a_kind_the_document_does_not_accept_or_unknown_content_is_refused_naming_the_accepted() {
    let d = document(Some(vec![FileKind::Pdf, FileKind::Png]), None);
    let wrong = Err(UploadProblemKind::WrongType {
        accepted: vec!["pdf".into(), "png".into()],
    });
    assert_eq!(FileRule::of(&d).check(100, Some(FileKind::Jpg)), wrong);
    assert_eq!(FileRule::of(&d).check(100, None), wrong);
}

#[test]
fn the_stored_shape_of_a_problem_is_stable() {
    // Drafts keep problems as JSON between pages: a renamed variant would lose them.
    let json = serde_json::to_value(UploadProblemKind::TooLarge { max_mb: 2.0 }).unwrap();
    assert_eq!(json, serde_json::json!({"TooLarge": {"max_mb": 2.0}}));
    assert_eq!(
        serde_json::to_value(UploadProblemKind::Missing).unwrap(),
        "Missing"
    );
}

#[test]
fn a_result_document_may_be_any_kind_up_to_twenty_mb() {
    let rule = FileRule::result_document();
    assert_eq!(rule.check(20 * MB, Some(FileKind::Png)), Ok(()));
    assert_eq!(
        rule.check(20 * MB + 1, Some(FileKind::Pdf)),
        Err(UploadProblemKind::TooLarge { max_mb: 20.0 })
    );
}
