//! Tables: columns sized to their texts within the page width, rows split across pages
//! with the header repeated.

use super::{Align, Layout, Op, line_height};
use crate::text::{Line, Span, Style, wrap};

impl Layout<'_> {
    pub(super) fn table(&mut self, headers: &[String], rows: &[Vec<String>]) {
        let (left, cw, size) = (self.m.left, self.m.content_width(), self.m.table);
        let ncols = rows
            .iter()
            .map(Vec::len)
            .chain(std::iter::once(headers.len()))
            .max()
            .unwrap_or(0);
        if ncols == 0 {
            return;
        }
        let fonts = self.fonts;
        let pad_x = 3.0;
        let pad_y = 2.0;
        let lh = line_height(size);
        let cell = |row: &[String], c: usize| row.get(c).map_or("", |s| s.as_str()).to_string();

        // Column widths: between the longest word and the whole text of each column.
        let mut min_w = vec![0.0f32; ncols];
        let mut max_w = vec![0.0f32; ncols];
        let measure = |style: Style, text: &str, min_w: &mut f32, max_w: &mut f32| {
            let text = crate::text::clean(text);
            for hard in text.split('\n') {
                // A little slack: the words measured apart may add up to more than the whole.
                *max_w = max_w.max(fonts.width(style, hard, size) + 2.0 * pad_x + 0.5);
                for word in hard.split(' ') {
                    *min_w = min_w.max(fonts.width(style, word, size) + 2.0 * pad_x);
                }
            }
        };
        for c in 0..ncols {
            measure(Style::Bold, &cell(headers, c), &mut min_w[c], &mut max_w[c]);
            for row in rows {
                measure(Style::Regular, &cell(row, c), &mut min_w[c], &mut max_w[c]);
            }
        }
        let sum_min: f32 = min_w.iter().sum();
        let sum_max: f32 = max_w.iter().sum();
        let widths: Vec<f32> = if sum_min >= cw {
            min_w.iter().map(|w| w * cw / sum_min).collect()
        } else if sum_max <= cw {
            max_w.iter().map(|w| w * cw / sum_max).collect()
        } else {
            // Of a few ways to share the spare width, the one giving the shortest table.
            let spare = cw - sum_min;
            let lines = |widths: &[f32]| -> usize {
                let height = |row: &[String], style: Style| {
                    (0..ncols)
                        .map(|c| {
                            let w = widths[c] - 2.0 * pad_x;
                            wrap(fonts, &[Span::new(style, cell(row, c))], size, w, w).len()
                        })
                        .max()
                        .unwrap_or(1)
                };
                height(headers, Style::Bold)
                    + rows
                        .iter()
                        .map(|row| height(row, Style::Regular))
                        .sum::<usize>()
            };
            [
                fill_widths(&min_w, &max_w, spare, true),
                fill_widths(&min_w, &max_w, spare, false),
                stretch_widths(&min_w, &max_w, spare),
            ]
            .into_iter()
            .min_by_key(|widths| lines(widths))
            .expect("three candidates")
        };
        let xs: Vec<f32> = widths
            .iter()
            .scan(left, |x, w| {
                let at = *x;
                *x += w;
                Some(at)
            })
            .collect();

        let wrap_row = |row: &[String], style: Style| -> Vec<Vec<Line>> {
            (0..ncols)
                .map(|c| {
                    let w = widths[c] - 2.0 * pad_x;
                    wrap(fonts, &[Span::new(style, cell(row, c))], size, w, w)
                })
                .collect()
        };
        let header_cells = if headers.iter().any(|h| !h.trim().is_empty()) {
            Some(wrap_row(headers, Style::Bold))
        } else {
            None
        };
        let header_h = header_cells
            .as_ref()
            .map_or(0.0, |cells| rows_height(cells, lh, pad_y));

        // The header, kept with at least one line of the first row.
        self.ensure(header_h + lh + 2.0 * pad_y);
        let draw_header = |l: &mut Layout| {
            if let Some(cells) = &header_cells {
                let n = cells.iter().map(Vec::len).max().unwrap_or(1);
                l.row_segment(cells, &xs, &widths, 0, n, lh, pad_x, pad_y, size, true);
            }
        };
        draw_header(self);
        let mut page_start = self.y;

        for row in rows {
            let cells = wrap_row(row, Style::Regular);
            let n = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
            let mut start = 0;
            while start < n {
                let avail = self.bottom() - self.y - 2.0 * pad_y;
                let fit = ((avail / lh) + 1e-3).floor().max(0.0) as usize;
                let rest = n - start;
                let fresh = (self.y - page_start).abs() < 0.01;
                let fits_fresh =
                    header_h + rest as f32 * lh + 2.0 * pad_y <= self.bottom() - self.m.top;
                if fit >= rest {
                    self.row_segment(
                        &cells, &xs, &widths, start, n, lh, pad_x, pad_y, size, false,
                    );
                    start = n;
                } else if fresh || (start == 0 && !fits_fresh && fit >= 1) {
                    // Taller than a page: split the row across pages.
                    let take = fit.max(1);
                    self.row_segment(
                        &cells,
                        &xs,
                        &widths,
                        start,
                        start + take,
                        lh,
                        pad_x,
                        pad_y,
                        size,
                        false,
                    );
                    start += take;
                    if start < n {
                        self.new_page();
                        draw_header(self);
                        page_start = self.y;
                    }
                } else {
                    self.new_page();
                    draw_header(self);
                    page_start = self.y;
                }
            }
        }
    }

    /// Draws lines `from..to` of every cell of a row as one band of framed cells.
    #[allow(clippy::too_many_arguments)]
    fn row_segment(
        &mut self,
        cells: &[Vec<Line>],
        xs: &[f32],
        widths: &[f32],
        from: usize,
        to: usize,
        lh: f32,
        pad_x: f32,
        pad_y: f32,
        size: f32,
        header: bool,
    ) {
        let h = (to - from) as f32 * lh + 2.0 * pad_y;
        let top = self.y;
        for (c, lines) in cells.iter().enumerate() {
            if header {
                self.push(Op::Shade {
                    x: xs[c],
                    y: top,
                    w: widths[c],
                    h,
                });
            }
            self.push(Op::Frame {
                x: xs[c],
                y: top,
                w: widths[c],
                h,
            });
            let align = if header { Align::Center } else { Align::Left };
            let end = to.min(lines.len());
            let mut y = top + pad_y;
            for line in lines.get(from..end).unwrap_or(&[]) {
                self.draw_line(line, xs[c] + pad_x, widths[c] - 2.0 * pad_x, y, size, align);
                y += lh;
            }
        }
        self.y = top + h;
    }
}

/// The height of a row band showing all of its lines.
fn rows_height(cells: &[Vec<Line>], lh: f32, pad_y: f32) -> f32 {
    cells.iter().map(Vec::len).max().unwrap_or(1) as f32 * lh + 2.0 * pad_y
}

/// Shares `spare` width among columns that start at `min_w` and want `max_w`. With
/// `narrow_first`, columns that need little (at most half of what is left) get all they want
/// first, narrowest first, so short texts such as a status stay on one line. The rest is
/// shared equally among the others, what a column needs less than its share going to the rest.
fn fill_widths(min_w: &[f32], max_w: &[f32], mut spare: f32, narrow_first: bool) -> Vec<f32> {
    let mut widths = min_w.to_vec();
    let mut wanting: Vec<usize> = (0..widths.len()).filter(|&c| max_w[c] > min_w[c]).collect();
    wanting.sort_by(|&a, &b| (max_w[a] - min_w[a]).total_cmp(&(max_w[b] - min_w[b])));
    let mut rest = Vec::new();
    for c in wanting {
        let need = max_w[c] - widths[c];
        if narrow_first && rest.is_empty() && need <= spare / 2.0 {
            widths[c] = max_w[c];
            spare -= need;
        } else {
            rest.push(c);
        }
    }
    while spare > 0.01 && !rest.is_empty() {
        let share = spare / rest.len() as f32;
        let mut still = Vec::new();
        for &c in &rest {
            let need = max_w[c] - widths[c];
            let give = need.min(share);
            widths[c] += give;
            spare -= give;
            if need > share {
                still.push(c);
            }
        }
        rest = still;
    }
    widths
}

/// Shares `spare` width in proportion to what each column wants beyond its minimum (the way
/// browsers size automatic table columns).
fn stretch_widths(min_w: &[f32], max_w: &[f32], spare: f32) -> Vec<f32> {
    let stretch: f32 = min_w.iter().zip(max_w).map(|(lo, hi)| hi - lo).sum();
    min_w
        .iter()
        .zip(max_w)
        .map(|(lo, hi)| {
            if stretch > 0.0 {
                lo + spare * (hi - lo) / stretch
            } else {
                *lo
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{fill_widths, stretch_widths};

    #[test]
    fn ways_to_share_the_spare_width() {
        let w = fill_widths(&[30.0, 40.0, 30.0], &[30.0, 400.0, 90.0], 150.0, true);
        assert_eq!(w, vec![30.0, 130.0, 90.0]);
        let w = fill_widths(&[10.0, 10.0, 10.0], &[300.0, 200.0, 60.0], 120.0, true);
        assert_eq!(w, vec![45.0, 45.0, 60.0]);
        let w = fill_widths(&[10.0, 10.0, 10.0], &[300.0, 200.0, 60.0], 120.0, false);
        assert_eq!(w, vec![50.0, 50.0, 50.0]);
        let w = fill_widths(&[10.0, 10.0], &[300.0, 200.0], 100.0, true);
        assert_eq!(w, vec![60.0, 60.0]);
        let w = fill_widths(&[10.0, 10.0], &[300.0, 30.0], 100.0, false);
        assert_eq!(w, vec![90.0, 30.0]);
        let w = stretch_widths(&[10.0, 10.0], &[310.0, 110.0], 100.0);
        assert_eq!(w, vec![85.0, 35.0]);
    }
}
