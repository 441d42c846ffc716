//! The compiled-in fonts, text shaping (so that measuring and drawing agree exactly) and
//! greedy line breaking of styled text.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use krilla::text::{GlyphId, KrillaGlyph};
use rustybuzz::{Direction, UnicodeBuffer};

/// A face of the one type family the slips use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Style {
    Regular,
    Bold,
    Italic,
}

/// One face: the shaper's view of the font and the PDF library's handle on the same bytes.
pub(crate) struct Face {
    shaper: rustybuzz::Face<'static>,
    pub(crate) pdf: krilla::text::Font,
    units_per_em: f32,
    /// Ascender and descender (negative) in em.
    pub(crate) ascender: f32,
    pub(crate) descender: f32,
}

impl Face {
    fn load(data: &'static [u8]) -> Option<Face> {
        let shaper = rustybuzz::Face::from_slice(data, 0)?;
        let pdf = krilla::text::Font::new(data.into(), 0)?;
        let metrics: &rustybuzz::ttf_parser::Face = &shaper;
        let units_per_em = f32::from(metrics.units_per_em());
        Some(Face {
            ascender: f32::from(metrics.ascender()) / units_per_em,
            descender: f32::from(metrics.descender()) / units_per_em,
            units_per_em,
            shaper,
            pdf,
        })
    }

    /// Shapes one line of left-to-right text. Advances and offsets are in em, as krilla wants.
    pub(crate) fn shape(&self, text: &str) -> Vec<KrillaGlyph> {
        let mut buffer = UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        buffer.set_direction(Direction::LeftToRight);
        let output = rustybuzz::shape(&self.shaper, &[], buffer);
        let infos = output.glyph_infos();
        let positions = output.glyph_positions();
        let upem = self.units_per_em;
        let mut glyphs = Vec::with_capacity(infos.len());
        for (i, (info, pos)) in infos.iter().zip(positions).enumerate() {
            let start = info.cluster as usize;
            // The cluster ends where the next cluster starts (clusters ascend left to right).
            let end = infos[i + 1..]
                .iter()
                .map(|next| next.cluster as usize)
                .find(|&c| c != start)
                .unwrap_or(text.len());
            glyphs.push(KrillaGlyph::new(
                GlyphId::new(info.glyph_id),
                pos.x_advance as f32 / upem,
                pos.x_offset as f32 / upem,
                pos.y_offset as f32 / upem,
                pos.y_advance as f32 / upem,
                Range { start, end },
                None,
            ));
        }
        glyphs
    }

    /// The advance width of `text` at `size` points.
    pub(crate) fn width(&self, text: &str, size: f32) -> f32 {
        self.shape(text).iter().map(|g| g.x_advance).sum::<f32>() * size
    }
}

/// The three faces of the family.
pub(crate) struct Fonts {
    regular: Face,
    bold: Face,
    italic: Face,
}

impl Fonts {
    pub(crate) fn face(&self, style: Style) -> &Face {
        match style {
            Style::Regular => &self.regular,
            Style::Bold => &self.bold,
            Style::Italic => &self.italic,
        }
    }

    /// The advance width of `text` in `style` at `size` points. Widths of words are cached
    /// (per thread, bounded): line breaking and table column fitting measure the same words
    /// many times, and shaping is the costly part of a layout.
    pub(crate) fn width(&self, style: Style, text: &str, size: f32) -> f32 {
        if text.len() > 64 {
            return self.face(style).width(text, size);
        }
        let key = (style, text.to_string());
        let em = WIDTHS.with_borrow_mut(|cache| {
            if let Some(em) = cache.get(&key) {
                return *em;
            }
            let em = self.face(style).width(text, 1.0);
            if cache.len() >= WIDTH_CACHE_LIMIT {
                cache.clear();
            }
            cache.insert(key, em);
            em
        });
        em * size
    }
}

const WIDTH_CACHE_LIMIT: usize = 20_000;

thread_local! {
    /// Widths in em of short texts, by face.
    static WIDTHS: RefCell<HashMap<(Style, String), f32>> = RefCell::new(HashMap::new());
}

/// The fonts, parsed once per process. `None` only if the compiled-in bytes were not a font.
pub(crate) static FONTS: LazyLock<Option<Fonts>> = LazyLock::new(|| {
    Some(Fonts {
        regular: Face::load(dejavu::serif::regular())?,
        bold: Face::load(dejavu::serif::bold())?,
        italic: Face::load(dejavu::serif::italic())?,
    })
});

/// A run of text in one style.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Span {
    pub(crate) style: Style,
    pub(crate) text: String,
}

impl Span {
    pub(crate) fn new(style: Style, text: impl Into<String>) -> Span {
        Span {
            style,
            text: text.into(),
        }
    }
}

/// A piece of a laid-out line: text in one style starting `dx` points from the line start.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Piece {
    pub(crate) dx: f32,
    pub(crate) style: Style,
    pub(crate) text: String,
}

/// One laid-out line.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Line {
    pub(crate) pieces: Vec<Piece>,
    pub(crate) width: f32,
}

/// Replaces tabs and other control characters (except line feeds) so that nothing invisible
/// or unprintable reaches the PDF.
pub(crate) fn clean(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\n' => Some('\n'),
            '\r' => None,
            c if c.is_whitespace() => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

/// A word of a paragraph: its pieces (a word may change style in its middle), its width and
/// whether a space precedes it.
struct Word {
    parts: Vec<(Style, String)>,
    width: f32,
    space_before: bool,
    /// The width of the space before the word, in the style of its first part.
    space_width: f32,
}

/// Rounding tolerance when comparing widths, in points.
const SLACK: f32 = 0.01;

/// Breaks styled text into lines no wider than `width` (first line `first_width`).
/// Line feeds force a break; a word wider than a line is broken between characters.
pub(crate) fn wrap(
    fonts: &Fonts,
    spans: &[Span],
    size: f32,
    first_width: f32,
    width: f32,
) -> Vec<Line> {
    // Hard lines (split at '\n'), each a list of words.
    let mut hard_lines: Vec<Vec<Word>> = vec![Vec::new()];
    let mut pending_space = false;
    for span in spans {
        let text = clean(&span.text);
        for (i, hard) in text.split('\n').enumerate() {
            if i > 0 {
                hard_lines.push(Vec::new());
                pending_space = false;
            }
            let mut chars = hard.char_indices().peekable();
            while let Some(&(start, c)) = chars.peek() {
                if c == ' ' {
                    pending_space = true;
                    chars.next();
                    continue;
                }
                let mut end = start;
                while let Some(&(i, c)) = chars.peek() {
                    if c == ' ' {
                        break;
                    }
                    end = i + c.len_utf8();
                    chars.next();
                }
                let piece = &hard[start..end];
                let piece_width = fonts.width(span.style, piece, size);
                let line = hard_lines.last_mut().expect("never empty");
                match line.last_mut() {
                    // Glued to the previous word (a style change inside a word).
                    Some(word) if !pending_space => {
                        word.parts.push((span.style, piece.to_string()));
                        word.width += piece_width;
                    }
                    _ => line.push(Word {
                        parts: vec![(span.style, piece.to_string())],
                        width: piece_width,
                        space_before: pending_space,
                        space_width: fonts.width(span.style, " ", size),
                    }),
                }
                pending_space = false;
            }
        }
    }

    let mut lines = Vec::new();
    for words in hard_lines {
        let mut line = Line::default();
        let mut limit = if lines.is_empty() { first_width } else { width };
        for word in words {
            let gap = if line.pieces.is_empty() || !word.space_before {
                0.0
            } else {
                word.space_width
            };
            if !line.pieces.is_empty() && line.width + gap + word.width > limit + SLACK {
                lines.push(std::mem::take(&mut line));
                limit = width;
            }
            let gap = if line.pieces.is_empty() { 0.0 } else { gap };
            if word.width > limit + SLACK {
                // Too long for any line: break it between characters.
                for (style, part) in &word.parts {
                    for ch in split_chars(part) {
                        let w = fonts.width(*style, ch, size);
                        if !line.pieces.is_empty() && line.width + w > limit + SLACK {
                            lines.push(std::mem::take(&mut line));
                            limit = width;
                        }
                        push_piece(&mut line, *style, ch, w, 0.0);
                    }
                }
                continue;
            }
            let mut first = true;
            for (style, part) in word.parts {
                let w = fonts.width(style, &part, size);
                push_piece(&mut line, style, &part, w, if first { gap } else { 0.0 });
                first = false;
            }
        }
        lines.push(line);
    }
    lines
}

/// Like [`wrap`] with one width, but as narrow as possible without adding a line, so that
/// the lines of a centred title come out of even length.
pub(crate) fn wrap_balanced(fonts: &Fonts, spans: &[Span], size: f32, width: f32) -> Vec<Line> {
    let lines = wrap(fonts, spans, size, width, width);
    if lines.len() < 2 {
        return lines;
    }
    let (mut lo, mut hi) = (0.0f32, width);
    let mut best = lines;
    for _ in 0..12 {
        let mid = (lo + hi) / 2.0;
        let trial = wrap(fonts, spans, size, mid, mid);
        if trial.len() <= best.len() && trial.iter().all(|l| l.width <= mid + SLACK) {
            hi = mid;
            best = trial;
        } else {
            lo = mid;
        }
    }
    best
}

/// Appends text to a line, merging it into the last piece when the style is the same.
fn push_piece(line: &mut Line, style: Style, text: &str, width: f32, gap: f32) {
    match line.pieces.last_mut() {
        Some(last) if last.style == style => {
            if gap > 0.0 {
                last.text.push(' ');
            }
            last.text.push_str(text);
        }
        _ => line.pieces.push(Piece {
            dx: line.width + gap,
            style,
            text: text.to_string(),
        }),
    }
    line.width += gap + width;
}

/// Splits text into characters, keeping combining marks with their base character.
fn split_chars(text: &str) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if i > start && !is_combining(c) {
            out.push(&text[start..i]);
            start = i;
        }
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fonts() -> &'static Fonts {
        FONTS.as_ref().expect("fonts load")
    }

    #[test]
    fn the_font_has_every_vietnamese_letter() {
        let letters = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY\
                       àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ\
                       ÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ";
        for style in [Style::Regular, Style::Bold, Style::Italic] {
            for c in letters.chars() {
                let glyphs = fonts().face(style).shape(&c.to_string());
                assert_eq!(glyphs.len(), 1, "{c} in {style:?}");
                assert_ne!(glyphs[0].glyph_id.to_u32(), 0, "{c} missing in {style:?}");
            }
        }
    }

    #[test]
    fn decomposed_text_shapes_to_the_precomposed_glyph() {
        // "ệ" as e + combining dot below + combining circumflex (NFD, as some keyboards send it).
        let nfd = fonts().face(Style::Regular).shape("e\u{0323}\u{0302}");
        let nfc = fonts().face(Style::Regular).shape("ệ");
        assert_eq!(nfd.len(), 1);
        assert_eq!(nfd[0].glyph_id, nfc[0].glyph_id);
    }

    #[test]
    fn wrapping_respects_the_width_and_keeps_every_word() {
        let text = "Nguyễn Thị Ánh Tuyết, Đắk Lắk, Ứng Hòa, Quỳnh Lưu ".repeat(8);
        let lines = wrap(
            fonts(),
            &[Span::new(Style::Regular, text.clone())],
            10.0,
            200.0,
            200.0,
        );
        assert!(lines.len() > 3);
        for line in &lines {
            assert!(line.width <= 200.0 + SLACK, "{}", line.width);
        }
        let joined: Vec<String> = lines
            .iter()
            .flat_map(|l| l.pieces.iter().map(|p| p.text.clone()))
            .collect();
        assert_eq!(
            joined.join(" "),
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        );
    }

    #[test]
    fn mixed_styles_and_hard_breaks() {
        let lines = wrap(
            fonts(),
            &[
                Span::new(Style::Regular, "Mã hồ sơ: "),
                Span::new(Style::Bold, "H12.34-261201-0001\nxong"),
            ],
            10.0,
            500.0,
            500.0,
        );
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].pieces.len(), 2);
        assert_eq!(lines[0].pieces[0].text, "Mã hồ sơ:");
        assert_eq!(lines[0].pieces[1].style, Style::Bold);
        assert!(lines[0].pieces[1].dx > fonts().width(Style::Regular, "Mã hồ sơ:", 10.0));
        assert_eq!(lines[1].pieces[0].text, "xong");
    }

    #[test]
    fn balanced_lines_are_even() {
        let title = [Span::new(
            Style::Bold,
            "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
        )];
        let greedy = wrap(fonts(), &title, 12.0, 250.0, 250.0);
        let balanced = wrap_balanced(fonts(), &title, 12.0, 250.0);
        assert_eq!(greedy.len(), 2);
        assert_eq!(balanced.len(), 2);
        let spread = |l: &[Line]| (l[0].width - l[1].width).abs();
        assert!(spread(&balanced) < spread(&greedy));
    }

    #[test]
    fn an_overlong_word_is_broken_between_characters() {
        let word = "Ứ".repeat(60);
        let lines = wrap(fonts(), &[Span::new(Style::Bold, word)], 10.0, 50.0, 50.0);
        assert!(lines.len() > 5);
        assert!(lines.iter().all(|l| l.width <= 50.0 + SLACK));
        assert_eq!(
            split_chars("e\u{0323}\u{0302}a"),
            vec!["e\u{0323}\u{0302}", "a"]
        );
    }
}
