//! The lookup: fuzzy search over licences and agreements, insured employers
//! and insured persons, in Chinese, pinyin initials and numbers.

pub mod cache;
pub mod fold;
pub mod index;
pub mod initials;
mod matching;

pub use index::{Hit, Hits, Index, KindFilter, Query, RecordKind, Route, Source};

use crate::domain::licence::{Standing, standing};
use crate::domain::{EmployerStatus, LicenceKind, LicenceStatus, PersonStatus};
use crate::store::{DatabaseUrl, LookupRow, Store, StoreError};
use chrono::NaiveDate;

/// How a record's status ranks among equal hits: valid first. A licence
/// counts as expiring from `warn_days` before its end.
pub fn rank(row: &LookupRow, today: NaiveDate, warn_days: u64) -> u8 {
    match row.source.as_str() {
        "licence" => {
            match LicenceStatus::parse(&row.status)
                .map(|s| standing(s, row.expires_on, today, warn_days))
            {
                Some(Standing::Valid) => 0,
                Some(Standing::Expiring) => 1,
                Some(Standing::Suspended) => 2,
                Some(Standing::Expired) => 3,
                Some(Standing::Revoked) => 4,
                Some(Standing::Cancelled) | None => 5,
            }
        }
        "employer" => match EmployerStatus::parse(&row.status) {
            Some(EmployerStatus::Active) => 0,
            Some(EmployerStatus::Suspended) => 2,
            _ => 5,
        },
        _ => match PersonStatus::parse(&row.status) {
            Some(PersonStatus::Active) => 0,
            Some(PersonStatus::Retired) => 1,
            Some(PersonStatus::Suspended) => 2,
            _ => 5,
        },
    }
}

/// A database row as the index takes it; a licence's shown status is its
/// standing on `today` (expiring, expired…), not the stored word alone.
pub fn source(row: LookupRow, today: NaiveDate, warn_days: u64) -> Source {
    let kind = match row.source.as_str() {
        "licence" => RecordKind::Licence(
            LicenceKind::parse(&row.licence_kind).unwrap_or(LicenceKind::HrService),
        ),
        "employer" => RecordKind::Employer,
        _ => RecordKind::Person,
    };
    let rank = rank(&row, today, warn_days);
    let status = match (kind, LicenceStatus::parse(&row.status)) {
        (RecordKind::Licence(_), Some(s)) => match standing(s, row.expires_on, today, warn_days) {
            Standing::Valid => "valid",
            Standing::Expiring => "expiring",
            Standing::Expired => "expired",
            Standing::Suspended => "suspended",
            Standing::Revoked => "revoked",
            Standing::Cancelled => "cancelled",
        }
        .to_string(),
        _ => row.status,
    };
    Source {
        kind,
        id: row.id,
        name: row.name,
        number: row.number,
        uscc: row.uscc,
        rank,
        status,
        employer_id: row.employer_id,
    }
}

/// The office's warning period before a licence's end (`licence.expiring_warn_days`).
pub async fn warn_days(store: &Store) -> Result<u64, StoreError> {
    let v = store.setting("licence.expiring_warn_days").await?;
    Ok(crate::domain::licence::warn_days(v.as_deref()))
}

/// Builds the index from the database, streaming: one pass, no copy of the rows.
pub async fn build(store: &Store, today: NaiveDate) -> Result<Index, StoreError> {
    let warn = warn_days(store).await?;
    build_with(store, today, warn).await
}

/// `build` with the warning period already read.
async fn build_with(store: &Store, today: NaiveDate, warn: u64) -> Result<Index, StoreError> {
    let mut index = Index::new();
    store
        .each_lookup_row(|row| index.push(source(row, today, warn)))
        .await?;
    index.finish();
    Ok(index)
}

/// The index for this database as of now: from the cache file when nothing
/// changed since it was written, else built and stored for next time.
pub async fn load_or_build(
    store: &Store,
    url: &DatabaseUrl,
    today: NaiveDate,
) -> Result<Index, StoreError> {
    let head = store.audit_head().await?.unwrap_or_default();
    let warn = warn_days(store).await?;
    // Not the path: two users reaching one database by two paths share its
    // index. The warning period shapes every licence's shown standing.
    let key = format!(
        "{}|{}|{}|{today}|{}",
        env!("CARGO_PKG_VERSION"),
        head.0,
        head.1,
        warn
    );
    // An earlier version's copy in the user's folder goes, unread.
    let _ = std::fs::remove_file(cache::former_user_cache(url));
    let place = cache::location(url);
    if let Some(index) = place
        .as_ref()
        .and_then(|(path, ..)| cache::load(path, &key))
    {
        return Ok(index);
    }
    let index = build_with(store, today, warn).await?;
    // Beside the database if its folder takes it; a cache that cannot be
    // written costs the next run time, nothing more.
    if let Some((path, mode, group)) = place {
        let _ = cache::store_owned(&path, mode, Some(group), &key, &index);
    }
    Ok(index)
}
