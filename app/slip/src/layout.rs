//! Lays a [`SlipDoc`] out into pages of drawing operations (positions in points, origin at
//! the top left of the page, y downwards). Rendering them is `pdf.rs`'s job.

use crate::text::{Fonts, Line, Span, Style, wrap, wrap_balanced};
use crate::{Block, NATIONAL_HEADING, Paper, SlipDoc};

mod table;

/// Points per millimetre.
const MM: f32 = 72.0 / 25.4;

/// A drawing operation.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Op {
    /// Text with its baseline starting at (x, y).
    Text {
        x: f32,
        y: f32,
        style: Style,
        size: f32,
        text: String,
    },
    /// A straight stroked line.
    Rule {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
    },
    /// A stroked rectangle (table cell border).
    Frame { x: f32, y: f32, w: f32, h: f32 },
    /// A filled light grey rectangle (table header background).
    Shade { x: f32, y: f32, w: f32, h: f32 },
    /// A QR code: `width`×`width` modules (row-major, `true` = dark) in a square of `size`.
    Qr {
        x: f32,
        y: f32,
        size: f32,
        width: usize,
        modules: Vec<bool>,
    },
}

/// The laid-out document.
pub(crate) struct Pages {
    pub(crate) width: f32,
    pub(crate) height: f32,
    pub(crate) pages: Vec<Vec<Op>>,
}

/// Page geometry and type sizes for one paper size.
struct Metrics {
    width: f32,
    height: f32,
    top: f32,
    bottom: f32,
    left: f32,
    right: f32,
    body: f32,
    small: f32,
    header: f32,
    title: f32,
    table: f32,
    qr: f32,
    sign_space: f32,
}

impl Metrics {
    fn of(paper: Paper) -> Metrics {
        match paper {
            Paper::A5 => Metrics {
                width: 148.0 * MM,
                height: 210.0 * MM,
                top: 10.0 * MM,
                bottom: 10.0 * MM,
                left: 15.0 * MM,
                right: 10.0 * MM,
                body: 10.0,
                small: 8.0,
                header: 9.5,
                title: 12.0,
                table: 9.0,
                qr: 25.0 * MM,
                sign_space: 16.0 * MM,
            },
            // Margins of Decree 30/2020/NĐ-CP on administrative documents.
            Paper::A4 => Metrics {
                width: 210.0 * MM,
                height: 297.0 * MM,
                top: 20.0 * MM,
                bottom: 20.0 * MM,
                left: 30.0 * MM,
                right: 15.0 * MM,
                body: 12.0,
                small: 9.5,
                header: 12.0,
                title: 14.0,
                table: 11.0,
                qr: 25.0 * MM,
                sign_space: 22.0 * MM,
            },
        }
    }

    fn content_width(&self) -> f32 {
        self.width - self.left - self.right
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Align {
    Left,
    Center,
    Right,
}

/// The leading of a type size.
fn line_height(size: f32) -> f32 {
    size * 1.3
}

struct Layout<'a> {
    fonts: &'a Fonts,
    m: Metrics,
    pages: Vec<Vec<Op>>,
    /// The top of the free space on the current page.
    y: f32,
}

/// Lays the slip out.
pub(crate) fn layout(fonts: &Fonts, doc: &SlipDoc) -> Pages {
    let m = Metrics::of(doc.paper);
    let mut l = Layout {
        fonts,
        y: m.top,
        m,
        pages: vec![Vec::new()],
    };
    l.header(doc);
    l.title_area(doc);
    for block in &doc.blocks {
        l.block(block);
    }
    l.signature(doc);
    l.page_numbers();
    Pages {
        width: l.m.width,
        height: l.m.height,
        pages: l.pages,
    }
}

impl Layout<'_> {
    fn push(&mut self, op: Op) {
        self.pages.last_mut().expect("never empty").push(op);
    }

    fn bottom(&self) -> f32 {
        self.m.height - self.m.bottom
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = self.m.top;
    }

    /// Starts a new page unless `height` still fits on this one (or this page is still empty
    /// of flowing content, where a new page would not help).
    fn ensure(&mut self, height: f32) {
        if self.y + height > self.bottom() && self.y > self.m.top + 0.01 {
            self.new_page();
        }
    }

    /// The baseline of a line of `size` whose line box starts at `top`.
    fn baseline(&self, top: f32, size: f32) -> f32 {
        let face = self.fonts.face(Style::Regular);
        let glyph_height = (face.ascender - face.descender) * size;
        top + (line_height(size) - glyph_height) / 2.0 + face.ascender * size
    }

    /// Draws one laid-out line in the box [x, x + width] with its line box at `top`.
    fn draw_line(&mut self, line: &Line, x: f32, width: f32, top: f32, size: f32, align: Align) {
        let x0 = match align {
            Align::Left => x,
            Align::Center => x + (width - line.width) / 2.0,
            Align::Right => x + width - line.width,
        };
        let y = self.baseline(top, size);
        for piece in &line.pieces {
            self.push(Op::Text {
                x: x0 + piece.dx,
                y,
                style: piece.style,
                size,
                text: piece.text.clone(),
            });
        }
    }

    /// Places lines at a fixed position (no page breaks); returns the bottom.
    fn place(
        &mut self,
        lines: &[Line],
        x: f32,
        width: f32,
        top: f32,
        size: f32,
        align: Align,
    ) -> f32 {
        let mut y = top;
        for line in lines {
            self.draw_line(line, x, width, y, size, align);
            y += line_height(size);
        }
        y
    }

    /// Flows styled text at the current position, breaking pages between lines.
    fn flow(&mut self, spans: &[Span], size: f32, x: f32, width: f32, align: Align) {
        let lines = wrap(self.fonts, spans, size, width, width);
        for line in &lines {
            self.ensure(line_height(size));
            let y = self.y;
            self.draw_line(line, x, width, y, size, align);
            self.y += line_height(size);
        }
    }

    /// The largest size not above `size` at which `text` fits in `width`.
    fn fit(&self, style: Style, text: &str, size: f32, width: f32) -> f32 {
        let w = self.fonts.width(style, text, size);
        if w > width && w > 0.0 {
            size * width / w
        } else {
            size
        }
    }

    /// The two-column heading: agency on the left, the national heading on the right, the
    /// form number above them at the top right.
    fn header(&mut self, doc: &SlipDoc) {
        let m = &self.m;
        let (left, cw, small, header) = (m.left, m.content_width(), m.small, m.header);
        let form_number = doc.form_number.trim();
        if !form_number.is_empty() {
            let lines = wrap(
                self.fonts,
                &[Span::new(Style::Italic, form_number)],
                small,
                cw,
                cw,
            );
            self.y = self.place(&lines, left, cw, self.y, small, Align::Right);
        }
        let top = self.y + 2.0;
        let left_w = cw * 0.42;
        let gap = cw * 0.02;
        let right_x = left + left_w + gap;
        let right_w = cw - left_w - gap;
        let rule_gap = 3.0;

        // Left: the agency, upper case, bold, with a short rule under it.
        let mut left_bottom = top;
        let agency = doc.agency.trim().to_uppercase();
        if !agency.is_empty() {
            let lines = wrap_balanced(
                self.fonts,
                &[Span::new(Style::Bold, agency)],
                header,
                left_w,
            );
            let widest = lines.iter().map(|l| l.width).fold(0.0, f32::max);
            let y = self.place(&lines, left, left_w, top, header, Align::Center);
            let rule = widest * 0.4;
            let rx = left + (left_w - rule) / 2.0;
            self.push(Op::Rule {
                x1: rx,
                y1: y + 2.0,
                x2: rx + rule,
                y2: y + 2.0,
                width: 0.6,
            });
            left_bottom = y + 2.0 + rule_gap;
        }

        // Right: the national heading, each line shrunk to fit the column, the motto
        // underlined by a rule as long as itself.
        let (country, motto) = NATIONAL_HEADING;
        let country_size = self.fit(Style::Bold, country, header, right_w);
        let motto_size = self.fit(Style::Bold, motto, header + 0.5, right_w);
        let lines = wrap(
            self.fonts,
            &[Span::new(Style::Bold, country)],
            country_size,
            f32::INFINITY,
            f32::INFINITY,
        );
        let y = self.place(&lines, right_x, right_w, top, country_size, Align::Center);
        let lines = wrap(
            self.fonts,
            &[Span::new(Style::Bold, motto)],
            motto_size,
            f32::INFINITY,
            f32::INFINITY,
        );
        let motto_w = lines[0].width;
        let y = self.place(&lines, right_x, right_w, y, motto_size, Align::Center);
        let rx = right_x + (right_w - motto_w) / 2.0;
        self.push(Op::Rule {
            x1: rx,
            y1: y + 1.5,
            x2: rx + motto_w,
            y2: y + 1.5,
            width: 0.6,
        });
        let right_bottom = y + 1.5 + rule_gap;

        self.y = left_bottom.max(right_bottom) + line_height(self.m.body) * 0.6;
    }

    /// Title, dossier code and the QR code to their right.
    fn title_area(&mut self, doc: &SlipDoc) {
        let (left, cw, title, body, qr) = (
            self.m.left,
            self.m.content_width(),
            self.m.title,
            self.m.body,
            self.m.qr,
        );
        let top = self.y;
        let qr_code = doc
            .qr_url
            .as_deref()
            .filter(|u| !u.trim().is_empty())
            .and_then(|url| crate::qr::matrix(url.trim()));
        let text_w = if qr_code.is_some() {
            cw - qr - 3.0 * MM
        } else {
            cw
        };

        let mut lines: Vec<(Vec<Line>, f32)> = Vec::new();
        let title_text = doc.title.trim();
        if !title_text.is_empty() {
            let l = wrap_balanced(
                self.fonts,
                &[Span::new(Style::Bold, title_text)],
                title,
                text_w,
            );
            lines.push((l, title));
        }
        if let Some(code) = doc.dossier_code.as_deref().filter(|c| !c.trim().is_empty()) {
            let l = wrap(
                self.fonts,
                &[
                    Span::new(Style::Regular, "Mã hồ sơ: "),
                    Span::new(Style::Bold, code.trim()),
                ],
                body,
                text_w,
                text_w,
            );
            lines.push((l, body));
        }
        let text_h: f32 = lines
            .iter()
            .map(|(l, size)| l.len() as f32 * line_height(*size))
            .sum::<f32>()
            + if lines.len() > 1 { 2.0 } else { 0.0 };

        let mut bottom = top;
        if let Some((width, modules)) = qr_code {
            self.push(Op::Qr {
                x: left + cw - qr,
                y: top,
                size: qr,
                width,
                modules,
            });
            bottom = top + qr;
        }
        // Centre the text block vertically against the QR code.
        let mut y = top + ((bottom - top - text_h) / 2.0).max(0.0);
        for (i, (l, size)) in lines.iter().enumerate() {
            if i > 0 {
                y += 2.0;
            }
            y = self.place(l, left, text_w, y, *size, Align::Center);
        }
        self.y = bottom.max(y) + line_height(body) * 0.6;
    }

    fn block(&mut self, block: &Block) {
        let (left, cw, body) = (self.m.left, self.m.content_width(), self.m.body);
        let gap = line_height(body) * 0.35;
        match block {
            Block::Heading(text) => {
                // Keep the heading with the first line after it.
                self.y += gap;
                self.ensure(line_height(body) * 2.0);
                self.flow(&[Span::new(Style::Bold, text)], body, left, cw, Align::Left);
            }
            Block::Paragraph(text) => {
                self.flow(
                    &[Span::new(Style::Regular, text)],
                    body,
                    left,
                    cw,
                    Align::Left,
                );
            }
            Block::Fields(fields) => {
                for (label, value) in fields {
                    self.field(label, value);
                }
            }
            Block::Numbered(items) => self.numbered(items),
            Block::Table { headers, rows } => self.table(headers, rows),
        }
        self.y += gap;
    }

    /// `label: value`, the value in bold; an empty value leaves a dotted line to fill by hand.
    fn field(&mut self, label: &str, value: &str) {
        let (left, cw, body) = (self.m.left, self.m.content_width(), self.m.body);
        let label = label.trim();
        let value = value.trim();
        let mut label_text = label.to_string();
        if !label.is_empty() && !label.ends_with(':') {
            label_text.push(':');
        }
        if value.is_empty() {
            let lw = self.fonts.width(Style::Regular, &label_text, body);
            let dot = self.fonts.width(Style::Regular, ".", body);
            let lines = wrap(
                self.fonts,
                &[Span::new(Style::Regular, label_text.clone())],
                body,
                cw,
                cw,
            );
            let last_w = lines.last().map_or(lw, |l| l.width);
            let room = cw - last_w - 4.0;
            let dots = if dot > 0.0 { (room / dot).floor() } else { 0.0 };
            let mut text = label_text;
            if dots >= 3.0 {
                text.push(' ');
                text.push_str(&".".repeat(dots as usize - 1));
            }
            self.flow(
                &[Span::new(Style::Regular, text)],
                body,
                left,
                cw,
                Align::Left,
            );
            return;
        }
        let mut spans = Vec::new();
        if !label_text.is_empty() {
            spans.push(Span::new(Style::Regular, label_text + " "));
        }
        spans.push(Span::new(Style::Bold, value));
        self.flow(&spans, body, left, cw, Align::Left);
    }

    /// "1. …" items with the text hanging after the number.
    fn numbered(&mut self, items: &[String]) {
        let (left, cw, body) = (self.m.left, self.m.content_width(), self.m.body);
        let widest_number = format!("{}.", items.len().max(1));
        let indent = self.fonts.width(Style::Regular, &widest_number, body)
            + self.fonts.width(Style::Regular, " ", body) * 1.5;
        for (i, item) in items.iter().enumerate() {
            let lines = wrap(
                self.fonts,
                &[Span::new(Style::Regular, item)],
                body,
                cw - indent,
                cw - indent,
            );
            let number = wrap(
                self.fonts,
                &[Span::new(Style::Regular, format!("{}.", i + 1))],
                body,
                f32::INFINITY,
                f32::INFINITY,
            );
            for (j, line) in lines.iter().enumerate() {
                self.ensure(line_height(body));
                let y = self.y;
                if j == 0 {
                    self.draw_line(&number[0], left, indent, y, body, Align::Left);
                }
                self.draw_line(line, left + indent, cw - indent, y, body, Align::Left);
                self.y += line_height(body);
            }
        }
    }

    /// Place and date, then the signer's role, a hint, room to sign and the name, all centred
    /// in a column at the right.
    fn signature(&mut self, doc: &SlipDoc) {
        let (cw, body, small, right_edge) = (
            self.m.content_width(),
            self.m.body,
            self.m.small,
            self.m.width - self.m.right,
        );
        let place_date = doc.place_date.trim();
        let mut parts: Vec<(Span, f32)> = Vec::new();
        if !place_date.is_empty() {
            parts.push((Span::new(Style::Italic, place_date), body));
        }
        if let Some(signer) = &doc.signer
            && !signer.role.trim().is_empty()
        {
            parts.push((
                Span::new(Style::Bold, signer.role.trim().to_uppercase()),
                body,
            ));
            parts.push((Span::new(Style::Italic, "(Ký, ghi rõ họ tên)"), small));
        }
        if parts.is_empty() && doc.signer.is_none() {
            return;
        }
        let natural = parts
            .iter()
            .map(|(s, size)| self.fonts.width(s.style, &s.text, *size))
            .fold(0.0, f32::max);
        let col_w = natural.max(cw * 0.5).min(cw);
        let col_x = right_edge - col_w;
        let laid: Vec<(Vec<Line>, f32)> = parts
            .iter()
            .map(|(span, size)| {
                (
                    wrap(self.fonts, std::slice::from_ref(span), *size, col_w, col_w),
                    *size,
                )
            })
            .collect();
        let name = doc
            .signer
            .as_ref()
            .map(|s| s.name.trim())
            .filter(|n| !n.is_empty());
        let name_lines =
            name.map(|n| wrap(self.fonts, &[Span::new(Style::Bold, n)], body, col_w, col_w));
        let height: f32 = laid
            .iter()
            .map(|(l, size)| l.len() as f32 * line_height(*size))
            .sum::<f32>()
            + if doc.signer.is_some() {
                self.m.sign_space
                    + name_lines
                        .as_ref()
                        .map_or(0.0, |l| l.len() as f32 * line_height(body))
            } else {
                0.0
            };
        self.y += line_height(body) * 0.3;
        self.ensure(height);
        let mut y = self.y;
        for (lines, size) in &laid {
            y = self.place(lines, col_x, col_w, y, *size, Align::Center);
        }
        if doc.signer.is_some() {
            y += self.m.sign_space;
            if let Some(lines) = &name_lines {
                y = self.place(lines, col_x, col_w, y, body, Align::Center);
            }
        }
        self.y = y;
    }

    /// "Trang i/N" at the foot of each page when there is more than one.
    fn page_numbers(&mut self) {
        let n = self.pages.len();
        if n < 2 {
            return;
        }
        let size = self.m.small;
        let (left, cw) = (self.m.left, self.m.content_width());
        let top = self.m.height - self.m.bottom + (self.m.bottom - line_height(size)) / 2.0;
        for i in 0..n {
            let lines = wrap(
                self.fonts,
                &[Span::new(Style::Italic, format!("Trang {}/{}", i + 1, n))],
                size,
                cw,
                cw,
            );
            let y = self.baseline(top, size);
            let line = &lines[0];
            let x = left + (cw - line.width) / 2.0;
            for piece in &line.pieces {
                self.pages[i].push(Op::Text {
                    x: x + piece.dx,
                    y,
                    style: piece.style,
                    size,
                    text: piece.text.clone(),
                });
            }
        }
    }
}
