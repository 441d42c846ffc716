//! Slip 07, the tracking book of an agency: one row per dossier accepted in a period (both
//! dates included, Asia/Ho_Chi_Minh), with its result class.

use motcua_domain::calendar::result_class;
use motcua_domain::format::{VN_OFFSET, format_date, format_datetime_vn};
use motcua_domain::ids::AgencyCode;
use motcua_domain::workflow::{Slip, Status};
use motcua_slip::{Block, Paper, SlipDoc};
use motcua_store::{Agency, QueueRow, StoreError, UnitStore, WorkflowStore};
use time::{Date, OffsetDateTime};

use super::context::{SlipNames, class_vi, opt_moment, place_date};

/// The days a tracking book covers, both included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    pub from: Date,
    pub to: Date,
}

impl Period {
    /// The period asked for; without a start, the first of the current month; without an
    /// end, today; an end before the start is the start.
    pub fn asked(from: Option<Date>, to: Option<Date>, today: Date) -> Period {
        let from = from.unwrap_or_else(|| today.replace_day(1).unwrap_or(today));
        let to = to.unwrap_or(today).max(from);
        Period { from, to }
    }

    fn bounds(self) -> (OffsetDateTime, OffsetDateTime) {
        let start = self.from.midnight().assume_offset(VN_OFFSET);
        let end = self
            .to
            .next_day()
            .unwrap_or(self.to)
            .midnight()
            .assume_offset(VN_OFFSET);
        (start, end)
    }
}

/// The tracking book of agency `agency_code` for `period`, or `None` when there is no such
/// agency.
pub async fn tracking_book_for(
    store: &(impl UnitStore + WorkflowStore),
    names: &dyn SlipNames,
    agency_code: &AgencyCode,
    period: Period,
    now: OffsetDateTime,
) -> Result<Option<SlipDoc>, StoreError> {
    let Some(agency) = store.agency(agency_code).await? else {
        return Ok(None);
    };
    let (start, end) = period.bounds();
    let rows = store
        .dossiers_accepted_between(agency_code, start, end)
        .await?;
    let shown = format!("{} – {}", format_date(period.from), format_date(period.to));
    Ok(Some(tracking_book(&agency, names, &rows, &shown, now)))
}

/// Slip 07 of these dossiers; `period` is the period as printed.
pub fn tracking_book(
    agency: &Agency,
    names: &dyn SlipNames,
    rows: &[QueueRow],
    period: &str,
    now: OffsetDateTime,
) -> SlipDoc {
    let lines = rows
        .iter()
        .map(|r| {
            let d = &r.dossier;
            let class = match (d.status, d.state.finished_at, d.state.statutory_due_at) {
                (_, Some(done), Some(due)) => class_vi(result_class(done, due)).to_string(),
                (Status::Refused, _, _) => "Không được tiếp nhận".into(),
                (Status::Withdrawn, _, _) => "Công dân rút hồ sơ".into(),
                (Status::Stopped, _, _) => "Dừng xử lý".into(),
                (_, None, Some(due)) if now > due => "Quá hạn (chưa xong)".into(),
                _ => "Đang giải quyết".into(),
            };
            // Returned (status 10) is final, so its last change is the return.
            let returned = (d.status == Status::Returned).then(|| format_datetime_vn(d.updated_at));
            vec![
                d.code.to_string(),
                r.procedure_name_vi.clone(),
                d.applicant.full_name.clone(),
                opt_moment(d.state.accepted_at),
                opt_moment(d.state.statutory_due_at),
                returned.unwrap_or_default(),
                class,
            ]
        })
        .collect();
    SlipDoc {
        paper: Paper::A4,
        agency: agency.name.clone(),
        form_number: format!("Mẫu số {}", Slip::S07.number()),
        title: Slip::S07.title_vi().to_uppercase(),
        dossier_code: None,
        qr_url: None,
        blocks: vec![
            Block::Paragraph(format!("Kỳ: {period}")),
            Block::Table {
                headers: vec![
                    "Mã hồ sơ".into(),
                    "Thủ tục".into(),
                    "Người nộp".into(),
                    "Tiếp nhận".into(),
                    "Hẹn trả".into(),
                    "Đã trả kết quả".into(),
                    "Kết quả".into(),
                ],
                rows: lines,
            },
        ],
        place_date: place_date(names, agency, now),
        signer: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn the_period_defaults_to_this_month_and_never_ends_before_it_starts() {
        let today = date!(2026 - 12 - 03);
        assert_eq!(
            Period::asked(None, None, today),
            Period {
                from: date!(2026 - 12 - 01),
                to: today
            }
        );
        let from = date!(2026 - 11 - 20);
        assert_eq!(
            Period::asked(Some(from), Some(date!(2026 - 11 - 01)), today),
            Period { from, to: from }
        );
    }
}
