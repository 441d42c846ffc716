//! The working calendar's exceptions: public holidays and make-up working days, and the
//! version every change of them raises in its own transaction.

use motcua_domain::calendar::{CalendarDay, DayKind};
use sqlx::{Any, Transaction};

use crate::{Result, Store, StoreError, date_text, parse_date};

fn kind_text(kind: DayKind) -> &'static str {
    match kind {
        DayKind::Holiday => "holiday",
        DayKind::Workday => "workday",
    }
}

/// Which state of the stored calendar days a reading saw: raised by every change of them, so
/// a calendar held in memory is known to be current while the version is unchanged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CalendarVersion(i64);

/// Raises the version in the transaction of a change, so that no server sees the change
/// without the new version nor the other way round.
async fn raise_version(tx: &mut Transaction<'static, Any>) -> Result<()> {
    sqlx::query(
        "INSERT INTO calendar_version (id, version) VALUES (1, 1)
         ON CONFLICT (id) DO UPDATE SET version = calendar_version.version + 1",
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The working calendar's days off and make-up days, and its version.
pub trait CalendarStore: Send + Sync {
    /// The version of the stored calendar days: one row, read by its key on every request
    /// that needs the calendar. Version 0 until the first change.
    fn calendar_version(&self) -> impl Future<Output = Result<CalendarVersion>> + Send;

    /// Every holiday and make-up day, in date order. A deployment has a few dozen a year, so
    /// the whole table is read at once and the calendar is computed in memory.
    fn calendar_days(&self) -> impl Future<Output = Result<Vec<CalendarDay>>> + Send;

    /// Replaces the rows for the dates in `days` and keeps every other date, all in one
    /// transaction (a file is applied whole or not at all). Returns the number of rows written.
    fn import_calendar(&self, days: &[CalendarDay]) -> impl Future<Output = Result<usize>> + Send;

    /// Removes the exception for one date (it then follows the weekly rule again).
    fn delete_calendar_day(&self, date: time::Date) -> impl Future<Output = Result<bool>> + Send;
}

impl CalendarStore for Store {
    async fn calendar_version(&self) -> Result<CalendarVersion> {
        let version: Option<i64> =
            sqlx::query_scalar("SELECT version FROM calendar_version WHERE id = 1")
                .fetch_optional(&self.pool)
                .await?;
        Ok(CalendarVersion(version.unwrap_or(0)))
    }

    async fn calendar_days(&self) -> Result<Vec<CalendarDay>> {
        let rows: Vec<(String, String, String)> =
            sqlx::query_as("SELECT date, kind, name FROM calendar_days ORDER BY date")
                .fetch_all(&self.pool)
                .await?;
        rows.into_iter()
            .map(|(date, kind, name)| {
                let date = parse_date(&date)
                    .ok_or_else(|| StoreError::Corrupt(format!("calendar date {date:?}")))?;
                let kind = match kind.as_str() {
                    "holiday" => DayKind::Holiday,
                    "workday" => DayKind::Workday,
                    other => return Err(StoreError::Corrupt(format!("calendar kind {other:?}"))),
                };
                Ok(CalendarDay { date, kind, name })
            })
            .collect()
    }

    async fn import_calendar(&self, days: &[CalendarDay]) -> Result<usize> {
        let mut tx = self.begin_write().await?;
        for d in days {
            sqlx::query(
                "INSERT INTO calendar_days (date, kind, name) VALUES ($1, $2, $3)
                 ON CONFLICT (date) DO UPDATE SET kind = excluded.kind, name = excluded.name",
            )
            .bind(date_text(d.date)?)
            .bind(kind_text(d.kind))
            .bind(&d.name)
            .execute(&mut *tx)
            .await?;
        }
        raise_version(&mut tx).await?;
        tx.commit().await?;
        Ok(days.len())
    }

    async fn delete_calendar_day(&self, date: time::Date) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        let done = sqlx::query("DELETE FROM calendar_days WHERE date = $1")
            .bind(date_text(date)?)
            .execute(&mut *tx)
            .await?;
        let deleted = done.rows_affected() > 0;
        if deleted {
            raise_version(&mut tx).await?;
        }
        tx.commit().await?;
        Ok(deleted)
    }
}
