//! The print documents ("slips", *mẫu phiếu*) of the one-stop desk, rendered to PDF, and QR
//! codes for the HTML print page.
//!
//! A [`SlipDoc`] describes one slip: header, title, dossier code, QR code, a list of
//! [`Block`]s, place and date, signer. [`to_pdf`] lays it out like a Vietnamese administrative
//! form and returns the PDF bytes; [`qr_svg`] gives the QR code as inline SVG for the HTML page
//! that shows the same content. The crate is pure apart from returning bytes: no file or network
//! I/O at run time; the fonts are compiled in (the only state is a bounded per-thread cache of
//! word widths). It is for the server only (never built to WASM).
//!
//! # Layout
//!
//! - A5 portrait for slips 01–05, A4 portrait for 06–07 ([`Paper`]); A4 uses the margins of
//!   Decree 30/2020/NĐ-CP (top/bottom 20 mm, left 30 mm, right 15 mm), A5 smaller ones.
//! - Form number small (italic) at the top right; under it two columns: the agency in upper
//!   case, bold, centred on the left with a short rule under it; the national heading
//!   ([`NATIONAL_HEADING`]) bold on the right, each line shrunk if needed to fit the column, the
//!   motto underlined by a rule as long as itself.
//! - Title centred, bold, with "Mã hồ sơ: …" under it; the QR code (25 mm square with its quiet
//!   zone) at the right of that area, the title centred in the space left of it.
//! - Blocks: headings bold; paragraphs; `label: value` fields with the value bold (an empty value
//!   leaves a dotted line to fill in by hand); numbered lists with a hanging indent; tables with
//!   column widths fitted to their content, text wrapped in the cells, the header shaded and
//!   repeated on every page a long table continues on (a row taller than a page is split).
//! - Place and date in italic, the signer's role in bold with "(Ký, ghi rõ họ tên)" under it,
//!   room to sign and the name in bold, all centred in a column that ends at the right margin
//!   (at least half the text width, wider when the place and date line is longer).
//! - All text wraps to the width available; content flows onto further pages, which are then
//!   numbered "Trang i/N" at the foot.
//!
//! # Choice of libraries
//!
//! - **PDF: [`krilla`]** (0.8, MIT/Apache-2.0, by a Typst developer and used by Typst for its
//!   PDF export, so actively maintained). It embeds TrueType fonts as CID fonts with a
//!   `FontFile2` subset containing only the glyphs used (through the `subsetter` crate) and
//!   writes a `ToUnicode` map, so Vietnamese text renders with all its diacritics, can be
//!   searched and copied, and a slip is a few tens of kilobytes. It builds on Rust 1.95 (MSRV
//!   1.92) and is pure Rust. Its default features (raster images, its own simple text drawing)
//!   are off. The alternatives: `printpdf` (0.12 now) pulls in an HTML layout engine and
//!   system font loading by default; `genpdf` has had no release for years and still sits on
//!   printpdf 0.3; `pdf-writer` alone would need font subsetting and CMaps written by hand.
//! - **Shaping: [`rustybuzz`]** (0.20, the shaper krilla uses for its own text drawing). Text
//!   is shaped once and the same glyphs are measured (for line breaking) and drawn, so wrapped
//!   lines never overflow; shaping also composes decomposed (NFD) Vietnamese input into the
//!   precomposed glyphs.
//! - **Font: DejaVu Serif** (regular, bold, italic) from the [`dejavu`] crate (2.37), which
//!   ships the DejaVu TTF files and exposes them as `&'static [u8]` (`include_bytes!`), so no
//!   binary is committed here. DejaVu covers Vietnamese completely (its `langcover.txt`: 194/194;
//!   a test here checks every letter in all three faces) and has a real bold and italic. A serif
//!   face is the closest to the Times New Roman of Vietnamese administrative documents. Its
//!   licence is the Bitstream Vera licence plus public domain for the DejaVu changes, which allows
//!   embedding and redistribution. (`notosans`, the alternative, ships Noto Sans with equal
//!   coverage but no serif.)
//! - **QR: [`qrcode`]** (0.14, MIT/Apache-2.0, without its image feature): the module matrix,
//!   at error correction level M (L for very long text). The SVG and the PDF draw the same matrix
//!   themselves (runs of dark modules as one path), with the 4-module quiet zone.
//!
//! Tests decode the SVG back with `rqrr` and read the PDF's text back with `pdf-extract`
//! (dev-dependencies only).

mod layout;
mod pdf;
mod qr;
mod text;

use serde::{Deserialize, Serialize};

/// Paper size: A5 portrait for slips 01–05, A4 portrait for 06–07.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Paper {
    A5,
    A4,
}

/// One print document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SlipDoc {
    pub paper: Paper,
    /// Issuing agency name, top-left header (upper case in rendering).
    pub agency: String,
    /// E.g. "Mẫu số 01", printed top-right small.
    pub form_number: String,
    /// E.g. "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", centred bold.
    pub title: String,
    /// Printed as text "Mã hồ sơ: ..." under the title.
    pub dossier_code: Option<String>,
    /// QR code (public lookup URL) printed at the right of the title area.
    pub qr_url: Option<String>,
    pub blocks: Vec<Block>,
    /// E.g. "Thanh Hóa, ngày 01 tháng 12 năm 2026", italic above the signature.
    pub place_date: String,
    pub signer: Option<Signer>,
}

/// Who signs the slip.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Signer {
    /// E.g. "NGƯỜI TIẾP NHẬN".
    pub role: String,
    pub name: String,
}

/// A piece of a slip's body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Block {
    Heading(String),
    Paragraph(String),
    /// `label: value` lines.
    Fields(Vec<(String, String)>),
    /// A 1. 2. 3. list.
    Numbered(Vec<String>),
    /// Wraps text in cells; long tables continue on new pages with the header repeated.
    Table {
        headers: Vec<String>,
        rows: Vec<Vec<String>>,
    },
}

/// Why a slip could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum SlipError {
    /// The compiled-in fonts could not be parsed (a build problem, not a data problem).
    #[error("the built-in fonts could not be loaded")]
    Font,
    /// `qr_url` is longer than any QR code can hold (2,953 bytes, at level L).
    #[error("the QR code text is too long ({0} bytes)")]
    QrTooLong(usize),
    /// The page geometry was invalid.
    #[error("layout error: {0}")]
    Layout(&'static str),
    /// The PDF library failed to write the document.
    #[error("PDF error: {0}")]
    Pdf(String),
}

/// The national heading every slip carries.
pub const NATIONAL_HEADING: (&str, &str) = (
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
);

/// The slip as a PDF file (bytes), same content as the print page.
pub fn to_pdf(doc: &SlipDoc) -> Result<Vec<u8>, SlipError> {
    let fonts = text::FONTS.as_ref().ok_or(SlipError::Font)?;
    if let Some(url) = doc
        .qr_url
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty())
        && qr::matrix(url).is_none()
    {
        return Err(SlipError::QrTooLong(url.len()));
    }
    let pages = layout::layout(fonts, doc);
    pdf::render(fonts, &pages, &doc.title)
}

/// A QR code for `text` as inline SVG markup (`<svg ...>...</svg>`, viewBox-scaled, no fixed
/// px size, black modules on white, with the 4-module quiet zone), to embed in the HTML print
/// page. Size it with CSS (e.g. `width: 25mm`). Text too long for any QR code (over 2,953
/// bytes) gives just the white square.
pub fn qr_svg(text: &str) -> String {
    qr::svg(text)
}

#[cfg(test)]
mod tests;
