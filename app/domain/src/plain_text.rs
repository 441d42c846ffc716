//! What free text typed by anyone (a reason, a comment, a file's name) may hold before it is
//! kept, printed on a slip or put in a header.
//!
//! Control characters would break a slip's layout or a header; the bidirectional controls
//! (U+202A–U+202E, U+2066–U+2069, and the invisible marks U+200E, U+200F, U+061C) let a text
//! show in another order than it is stored, so that `hoa-don\u{202E}fdp.exe` reads as
//! `hoa-donexe.pdf`. Vietnamese needs none of them. Both go; line breaks and tabs stay in
//! texts that may have them. Lengths are capped so that nobody stores a megabyte of "reason".

/// The longest reason or comment, in characters: a long paragraph.
pub const MAX_TEXT_CHARS: usize = 2000;

/// The longest file name kept, in characters (the extension is kept within it).
pub const MAX_FILE_NAME_CHARS: usize = 120;

/// The name of a file whose name was nothing once cleaned.
const NAMELESS_FILE: &str = "tep";

fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
    )
}

/// `s` without control or bidirectional characters; line breaks (`\r\n` and `\r` become `\n`)
/// and tabs are kept. Trimmed.
pub fn clean_text(s: &str) -> String {
    let unified = s.replace("\r\n", "\n").replace('\r', "\n");
    unified
        .chars()
        .filter(|&c| !is_bidi_control(c) && (!c.is_control() || c == '\n' || c == '\t'))
        .collect::<String>()
        .trim()
        .to_string()
}

/// Whether `s` is longer than [`MAX_TEXT_CHARS`] once cleaned: such a text is refused at its
/// field, never cut, so nothing the person typed is lost without their knowing.
pub fn too_long(s: &str) -> bool {
    clean_text(s).chars().count() > MAX_TEXT_CHARS
}

/// A file's name as we keep and show it: one line, no control, bidirectional or path
/// characters, at most [`MAX_FILE_NAME_CHARS`] characters with the extension kept.
pub fn file_name(s: &str) -> String {
    // A browser may send a full path (old Internet Explorer did): the last part is the name.
    let base = s.rsplit(['/', '\\']).next().unwrap_or(s);
    let one_line: String = base
        .chars()
        .filter(|&c| !is_bidi_control(c) && !c.is_control())
        .collect();
    let name = one_line.trim().trim_start_matches('.').trim();
    if name.is_empty() {
        return NAMELESS_FILE.to_string();
    }
    if name.chars().count() <= MAX_FILE_NAME_CHARS {
        return name.to_string();
    }
    let (stem, extension) = match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && ext.chars().count() <= 10 => (stem, ext),
        _ => (name, ""),
    };
    let room = MAX_FILE_NAME_CHARS - extension.chars().count() - usize::from(!extension.is_empty());
    let stem: String = stem.chars().take(room).collect();
    if extension.is_empty() {
        stem
    } else {
        format!("{stem}.{extension}")
    }
}

#[cfg(test)]
mod tests;
