//! Diacritics-insensitive search over procedure names, so that `dang ky ket hon` finds
//! "Đăng ký kết hôn".
//!
//! ## Matching
//! Texts and queries are split into words at anything that is not a letter or digit
//! (spaces, punctuation, the dots of a procedure code), and each word is folded with
//! [`fold`]. A procedure matches when **every** query word is a prefix of some word of the
//! name or of the extra text (English name, sector, code…). Matching is by word prefix, not
//! by arbitrary substring, so `an` does not match "bản" or "toàn".
//!
//! ## Ranking ([`score`], higher is better; the values add up)
//! | what | points |
//! |---|---|
//! | the folded name *is* the query (same words) | +1000 |
//! | the name starts with the query phrase (last query word may be a prefix) | +500 |
//! | otherwise the query phrase occurs contiguously in the name | +300 |
//! | per query word found in the name as a whole word / as a word prefix | +40 / +20 |
//! | per query word found only in the extra text, whole word / prefix | +8 / +4 |
//! | per query word typed *with* diacritics that matches a name word with exactly those diacritics | +30 |
//! | brevity: 20 minus the number of name words beyond the query's (not below 0) | 0‥20 |
//!
//! So "dang ky ket hon" ranks "Đăng ký kết hôn" (exact) far above "Đăng ký lại kết hôn"
//! (words only), and "ket hon" ranks both by phrase and then the shorter name first. An
//! empty query (no words) matches everything with score 0.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Folds text for comparison: lowercase, NFD-decompose, drop combining marks (the
/// Vietnamese tone and vowel marks), map `đ`/`Đ` to `d`, collapse runs of whitespace into
/// one space and trim. `"  Đăng  KÝ kết hôn "` → `"dang ky ket hon"`.
pub fn fold(s: &str) -> String {
    let stripped: String = s
        .to_lowercase()
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| if c == 'đ' || c == 'Đ' { 'd' } else { c })
        .collect();
    stripped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One word of a text: folded, and lowercased with its diacritics kept (NFC).
struct Word {
    folded: String,
    accented: String,
}

fn words(s: &str) -> Vec<Word> {
    let lower: String = s.to_lowercase().nfc().collect();
    lower
        .split(|c: char| !(c.is_alphanumeric() || is_combining_mark(c)))
        .filter(|w| !w.is_empty())
        .map(|w| Word {
            folded: fold(w),
            accented: w.to_string(),
        })
        .filter(|w| !w.folded.is_empty())
        .collect()
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Hit {
    None,
    Prefix,
    Whole,
}

/// How well query word `q` matches the best word of `text`.
fn best_hit(q: &str, text: &[Word]) -> Hit {
    text.iter()
        .map(|w| {
            if w.folded == q {
                Hit::Whole
            } else if w.folded.starts_with(q) {
                Hit::Prefix
            } else {
                Hit::None
            }
        })
        .max()
        .unwrap_or(Hit::None)
}

/// Whether the query words occur consecutively in `name` starting at word `at` (the last
/// query word may be a prefix of its name word).
fn phrase_at(query: &[Word], name: &[Word], at: usize) -> bool {
    if at + query.len() > name.len() {
        return false;
    }
    query.iter().enumerate().all(|(i, q)| {
        let n = &name[at + i].folded;
        if i + 1 == query.len() {
            n.starts_with(&q.folded)
        } else {
            *n == q.folded
        }
    })
}

/// Ranks `name` (and `extra`, searched with less weight) for `query`; `None` when some query
/// word matches neither. See the module doc for the ranking.
pub fn score(query: &str, name: &str, extra: &str) -> Option<u32> {
    let query = words(query);
    if query.is_empty() {
        return Some(0);
    }
    let name_words = words(name);
    let extra_words = words(extra);

    let mut total: u32 = 0;
    for q in &query {
        match best_hit(&q.folded, &name_words) {
            Hit::Whole => total += 40,
            Hit::Prefix => total += 20,
            Hit::None => match best_hit(&q.folded, &extra_words) {
                Hit::Whole => total += 8,
                Hit::Prefix => total += 4,
                Hit::None => return None,
            },
        }
        let typed_with_marks = q.accented != q.folded;
        if typed_with_marks
            && name_words
                .iter()
                .any(|w| w.accented.starts_with(&q.accented))
        {
            total += 30;
        }
    }

    let same_words = name_words.len() == query.len()
        && name_words
            .iter()
            .zip(&query)
            .all(|(n, q)| n.folded == q.folded);
    if same_words {
        total += 1000;
    }
    if phrase_at(&query, &name_words, 0) {
        total += 500;
    } else if (1..name_words.len()).any(|at| phrase_at(&query, &name_words, at)) {
        total += 300;
    }
    let beyond = name_words.len().saturating_sub(query.len()) as u32;
    total += 20u32.saturating_sub(beyond);
    Some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding() {
        assert_eq!(fold("Đăng ký kết hôn"), "dang ky ket hon");
        assert_eq!(fold("  ĐĂNG   KÝ\tKẾT\nHÔN "), "dang ky ket hon");
        assert_eq!(fold("Hộ tịch"), "ho tich");
        assert_eq!(fold("Chứng thực bản sao"), "chung thuc ban sao");
        assert_eq!(fold("Người ở xã Ưu Điềm"), "nguoi o xa uu diem");
        // Decomposed input folds the same as composed.
        assert_eq!(fold("Đa\u{306}ng ky\u{301}"), "dang ky");
        assert_eq!(fold(""), "");
    }

    #[test]
    fn finds_without_diacritics() {
        assert!(score("dang ky ket hon", "Đăng ký kết hôn", "").is_some());
        assert!(score("DANG KY", "Đăng ký kết hôn", "").is_some());
        assert!(score("đăng ký", "Đăng ký kết hôn", "").is_some());
        assert!(score("khai sinh", "Đăng ký kết hôn", "").is_none());
        // Every word must match somewhere.
        assert!(score("ket hon khai", "Đăng ký kết hôn", "").is_none());
    }

    #[test]
    fn word_prefix_not_substring() {
        assert!(score("ket h", "Đăng ký kết hôn", "").is_some());
        assert!(score("an", "Cấp bản sao", "").is_none());
        assert!(score("ban", "Cấp bản sao", "").is_some());
    }

    #[test]
    fn extra_text_matches_with_less_weight() {
        let in_name = score("ho tich", "Đăng ký hộ tịch", "").unwrap();
        let in_extra = score("ho tich", "Đăng ký kết hôn", "Hộ tịch Civil status").unwrap();
        assert!(in_name > in_extra);
        assert!(score("marriage", "Đăng ký kết hôn", "Marriage registration").is_some());
        assert!(score("000894", "Đăng ký kết hôn", "1.000894.000.00.00.H56").is_some());
        // Words may be split between name and extra.
        assert!(
            score(
                "ket hon marriage",
                "Đăng ký kết hôn",
                "Marriage registration"
            )
            .is_some()
        );
    }

    #[test]
    fn exact_and_phrase_rank_higher() {
        let exact = score("dang ky ket hon", "Đăng ký kết hôn", "").unwrap();
        let again = score("dang ky ket hon", "Đăng ký lại kết hôn", "").unwrap();
        let foreign = score(
            "dang ky ket hon",
            "Đăng ký kết hôn có yếu tố nước ngoài",
            "",
        )
        .unwrap();
        assert!(exact > foreign, "{exact} {foreign}");
        assert!(foreign > again, "{foreign} {again}");

        // A phrase anywhere beats scattered words; shorter names win ties.
        let phrase = score("ket hon", "Đăng ký kết hôn", "").unwrap();
        let phrase_long = score("ket hon", "Đăng ký lại kết hôn", "").unwrap();
        let scattered = score("ket hon", "Kết quả giải quyết hôn nhân", "").unwrap();
        assert!(phrase > phrase_long);
        assert!(phrase_long > scattered);

        // Starting with the query beats containing it.
        let starts = score("dang ky", "Đăng ký khai sinh", "").unwrap();
        let contains = score("dang ky", "Thay đổi, đăng ký lại", "").unwrap();
        assert!(starts > contains);
    }

    #[test]
    fn whole_words_beat_prefixes() {
        let whole = score("sao", "Cấp sao y", "").unwrap();
        let prefix = score("sao", "Cấp saoke", "").unwrap();
        assert!(whole > prefix);
    }

    #[test]
    fn accents_as_typed_rank_higher() {
        let cap = score("cấp", "Cấp bản sao", "").unwrap();
        let cap_nhat = score("cấp", "Cập nhật hồ sơ", "").unwrap();
        assert!(cap > cap_nhat, "{cap} {cap_nhat}");
        // Without marks in the query both rank the same apart from length.
        assert_eq!(
            score("cap", "Cấp bản sao", ""),
            score("cap", "Cập nhật sao", "")
        );
    }

    #[test]
    fn empty_query_matches_everything() {
        assert_eq!(score("", "Đăng ký kết hôn", ""), Some(0));
        assert_eq!(score("  ,. ", "Đăng ký kết hôn", ""), Some(0));
    }
}
