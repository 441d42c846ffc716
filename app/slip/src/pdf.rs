//! Renders laid-out pages with krilla.

use krilla::Document;
use krilla::color::luma;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;

use crate::SlipError;
use crate::layout::{Op, Pages};
use crate::text::Fonts;

/// Writes the pages as a PDF file.
pub(crate) fn render(fonts: &Fonts, pages: &Pages, title: &str) -> Result<Vec<u8>, SlipError> {
    let mut document = Document::new();
    let mut metadata = Metadata::new()
        .language("vi".to_string())
        .creator("motcua".to_string());
    if !title.trim().is_empty() {
        metadata = metadata.title(title.trim().to_string());
    }
    document.set_metadata(metadata);
    let settings =
        PageSettings::from_wh(pages.width, pages.height).ok_or(SlipError::Layout("page size"))?;
    for ops in &pages.pages {
        let mut page = document.start_page_with(settings.clone());
        let mut surface = page.surface();
        for op in ops {
            draw(&mut surface, fonts, op);
        }
        surface.finish();
        page.finish();
    }
    document.finish().map_err(|e| SlipError::Pdf(e.to_string()))
}

fn black_fill() -> Fill {
    Fill::default()
}

fn stroke(width: f32) -> Stroke {
    Stroke {
        width,
        ..Stroke::default()
    }
}

fn draw(surface: &mut Surface, fonts: &Fonts, op: &Op) {
    match op {
        Op::Text {
            x,
            y,
            style,
            size,
            text,
        } => {
            if text.is_empty() {
                return;
            }
            let face = fonts.face(*style);
            let glyphs = face.shape(text);
            surface.set_stroke(None);
            surface.set_fill(Some(black_fill()));
            surface.draw_glyphs(
                Point::from_xy(*x, *y),
                &glyphs,
                face.pdf.clone(),
                text,
                *size,
                false,
            );
        }
        Op::Rule {
            x1,
            y1,
            x2,
            y2,
            width,
        } => {
            let mut pb = PathBuilder::new();
            pb.move_to(*x1, *y1);
            pb.line_to(*x2, *y2);
            if let Some(path) = pb.finish() {
                surface.set_fill(None);
                surface.set_stroke(Some(stroke(*width)));
                surface.draw_path(&path);
            }
        }
        Op::Frame { x, y, w, h } => {
            if let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) {
                let mut pb = PathBuilder::new();
                pb.push_rect(rect);
                if let Some(path) = pb.finish() {
                    surface.set_fill(None);
                    surface.set_stroke(Some(stroke(0.5)));
                    surface.draw_path(&path);
                }
            }
        }
        Op::Shade { x, y, w, h } => {
            if let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) {
                let mut pb = PathBuilder::new();
                pb.push_rect(rect);
                if let Some(path) = pb.finish() {
                    surface.set_stroke(None);
                    surface.set_fill(Some(Fill {
                        paint: luma::Color::new(230).into(),
                        ..Fill::default()
                    }));
                    surface.draw_path(&path);
                }
            }
        }
        Op::Qr {
            x,
            y,
            size,
            width,
            modules,
        } => {
            // The quiet zone is part of the square (the page is white).
            let side = (*width + 2 * crate::qr::QUIET_ZONE) as f32;
            let unit = size / side;
            let origin_x = x + crate::qr::QUIET_ZONE as f32 * unit;
            let origin_y = y + crate::qr::QUIET_ZONE as f32 * unit;
            let mut pb = PathBuilder::new();
            for (mx, my, len) in crate::qr::runs(*width, modules) {
                if let Some(rect) = Rect::from_xywh(
                    origin_x + mx as f32 * unit,
                    origin_y + my as f32 * unit,
                    len as f32 * unit,
                    unit,
                ) {
                    pb.push_rect(rect);
                }
            }
            if let Some(path) = pb.finish() {
                surface.set_stroke(None);
                surface.set_fill(Some(black_fill()));
                surface.draw_path(&path);
            }
        }
    }
}
