//! QR codes: the module matrix (shared by the PDF and the SVG) and the SVG markup.

use std::fmt::Write as _;

use qrcode::{Color, EcLevel, QrCode};

/// The quiet zone the QR specification asks for, in modules, on every side.
pub(crate) const QUIET_ZONE: usize = 4;

/// The modules of a QR code for `text`: (modules per side, row-major, `true` = dark).
/// Error correction level M (15 % of the code may be lost, e.g. to a staple hole or a fold),
/// falling back to L for long text; `None` if the text is too long for any QR code.
pub(crate) fn matrix(text: &str) -> Option<(usize, Vec<bool>)> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
        .or_else(|_| QrCode::with_error_correction_level(text.as_bytes(), EcLevel::L))
        .ok()?;
    let width = code.width();
    let modules = code
        .to_colors()
        .into_iter()
        .map(|c| c == Color::Dark)
        .collect();
    Some((width, modules))
}

/// The dark modules as horizontal runs: (x, y, length), in modules from the top left of the
/// code (without the quiet zone).
pub(crate) fn runs(width: usize, modules: &[bool]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    for y in 0..width {
        let row = &modules[y * width..(y + 1) * width];
        let mut x = 0;
        while x < width {
            if row[x] {
                let start = x;
                while x < width && row[x] {
                    x += 1;
                }
                out.push((start, y, x - start));
            } else {
                x += 1;
            }
        }
    }
    out
}

/// See [`crate::qr_svg`].
pub(crate) fn svg(text: &str) -> String {
    let (width, modules) = matrix(text).unwrap_or((0, Vec::new()));
    let side = width + 2 * QUIET_ZONE;
    let mut d = String::new();
    for (x, y, len) in runs(width, &modules) {
        let _ = write!(d, "M{} {}h{len}v1h-{len}z", x + QUIET_ZONE, y + QUIET_ZONE);
    }
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {side} {side}\" \
         shape-rendering=\"crispEdges\" role=\"img\">\
         <rect width=\"{side}\" height=\"{side}\" fill=\"#fff\"/>"
    );
    if !d.is_empty() {
        let _ = write!(out, "<path fill=\"#000\" d=\"{d}\"/>");
    }
    out.push_str("</svg>");
    out
}
