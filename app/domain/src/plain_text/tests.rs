use super::*;
use proptest::prelude::*;

#[test]
fn bidirectional_and_control_characters_go_line_breaks_stay() {
    assert_eq!(
        clean_text("  Thiếu\u{202E} bản sao\u{0007}\r\ncông chứng\u{2066}\t(2 bản) "),
        "Thiếu bản sao\ncông chứng\t(2 bản)"
    );
    assert_eq!(clean_text("\u{200F}\u{061C}"), "");
}

#[test]
fn a_file_name_reads_as_it_is_stored() {
    assert_eq!(file_name("hoa-don\u{202E}fdp.exe"), "hoa-donfdp.exe");
    assert_eq!(file_name("C:\\Users\\An\\giấy tờ.pdf"), "giấy tờ.pdf");
    assert_eq!(file_name("../../etc/passwd"), "passwd");
    assert_eq!(
        file_name("a\r\nContent-Type: x.pdf"),
        "aContent-Type: x.pdf"
    );
    assert_eq!(file_name(".htaccess"), "htaccess");
    assert_eq!(file_name(" \u{202E} "), "tep");
}

#[test]
fn a_long_file_name_keeps_its_extension() {
    let name = file_name(&format!("{}.pdf", "ả".repeat(300)));
    assert_eq!(name.chars().count(), MAX_FILE_NAME_CHARS);
    assert!(name.ends_with("ả.pdf"), "{name}");
    let no_ext = file_name(&"x".repeat(300));
    assert_eq!(no_ext.chars().count(), MAX_FILE_NAME_CHARS);
}

#[test]
fn a_text_is_too_long_past_the_cap_once_cleaned() {
    assert!(!too_long(&"ơ".repeat(MAX_TEXT_CHARS)));
    assert!(too_long(&"ơ".repeat(MAX_TEXT_CHARS + 1)));
    // Invisible characters do not count against the person.
    assert!(!too_long(&format!(
        "{}\u{202E}\u{202E}",
        "ơ".repeat(MAX_TEXT_CHARS)
    )));
}

proptest! {
    #[test]
    fn cleaned_text_has_no_control_or_bidi_character(s in any::<String>()) {
        let t = clean_text(&s);
        prop_assert!(t.chars().all(|c| !is_bidi_control(c) && (!c.is_control() || c == '\n' || c == '\t')));
        prop_assert_eq!(clean_text(&t), t.clone(), "cleaning twice changes nothing");
    }

    #[test]
    fn a_file_name_is_one_short_safe_line(s in any::<String>()) {
        let n = file_name(&s);
        prop_assert!(!n.is_empty());
        prop_assert!(n.chars().count() <= MAX_FILE_NAME_CHARS);
        prop_assert!(n.chars().all(|c| !c.is_control() && !is_bidi_control(c) && c != '/' && c != '\\'));
    }
}
