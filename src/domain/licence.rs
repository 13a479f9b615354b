//! What a clerk sees of a licence's standing: the stored status, with
//! "expiring" and "expired" worked out from the dates.

use super::{LicenceKind, LicenceStatus};
use chrono::{Days, Months, NaiveDate};

/// How many days before expiry a licence counts as expiring when the office
/// sets nothing (`licence.expiring_warn_days`): twice the 30 days before
/// expiry by which renewal must be applied for, so the warning comes while
/// there is still time to apply.
pub const DEFAULT_WARN_DAYS: u64 = 60;

/// Renewal is applied for 30 days before the licence expires at the latest
/// (行政许可法 art 50).
pub const RENEWAL_LEAD_DAYS: u64 = 30;

/// The office's warning period from its setting: 1 to 365 days, else the default.
pub fn warn_days(setting: Option<&str>) -> u64 {
    setting
        .and_then(|v| v.trim().parse::<u64>().ok())
        .filter(|n| (1..=365).contains(n))
        .unwrap_or(DEFAULT_WARN_DAYS)
}

/// The last day to apply for the licence's renewal (行政许可法 art 50).
pub fn renewal_due(expires_on: NaiveDate) -> NaiveDate {
    expires_on
        .checked_sub_days(Days::new(RENEWAL_LEAD_DAYS))
        .unwrap_or(expires_on)
}

/// A licence's standing as stored: `status` from `since` (before that day
/// it stood as `prior`), a suspension ending by itself after `until`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stored {
    pub status: LicenceStatus,
    pub prior: LicenceStatus,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
}

impl Stored {
    /// A standing with no dates: as it always was.
    pub fn plain(status: LicenceStatus) -> Stored {
        Stored {
            status,
            prior: LicenceStatus::Valid,
            since: None,
            until: None,
        }
    }

    /// The status on `today`: a decision takes effect from its day (a
    /// decision served by public notice 30 days after publication), and a
    /// suspension with a last day ends by itself after it. The store's
    /// `STATUS_ON` SQL says the same for its filters.
    pub fn on(&self, today: NaiveDate) -> LicenceStatus {
        if self.since.is_some_and(|s| s > today) {
            return self.prior;
        }
        match (self.status, self.until) {
            (LicenceStatus::Suspended, Some(u)) if u < today => LicenceStatus::Valid,
            (s, _) => s,
        }
    }
}

/// A service agreement's renewal is asked for three months before it ends
/// (定点管理暂行办法 art 41).
pub const AGREEMENT_RENEWAL_LEAD_MONTHS: u32 = 3;

/// Whether the kind is a service agreement rather than a licence.
pub fn is_agreement(kind: LicenceKind) -> bool {
    !matches!(kind, LicenceKind::HrService | LicenceKind::TrainingSchool)
}

/// The last day to ask for renewal: 30 days before a licence ends (行政许可法
/// art 50), three months before an agreement does (定点管理暂行办法 art 41).
pub fn renewal_due_for(kind: LicenceKind, expires_on: NaiveDate) -> NaiveDate {
    if is_agreement(kind) {
        expires_on
            .checked_sub_months(Months::new(AGREEMENT_RENEWAL_LEAD_MONTHS))
            .unwrap_or(expires_on)
    } else {
        renewal_due(expires_on)
    }
}

/// A change the holder must report: its name, address or legal representative.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Changed {
    Holder,
    Address,
    LegalRep,
}

impl Changed {
    pub fn code(self) -> &'static str {
        match self {
            Changed::Holder => "holder",
            Changed::Address => "address",
            Changed::LegalRep => "legal_rep",
        }
    }

    pub fn parse(code: &str) -> Option<Changed> {
        [Changed::Holder, Changed::Address, Changed::LegalRep]
            .into_iter()
            .find(|c| c.code() == code)
    }

    pub fn label(self, lang: crate::lang::Lang) -> &'static str {
        match self {
            Changed::Holder => lang.pick("名称", "name"),
            Changed::Address => lang.pick("住所", "address"),
            Changed::LegalRep => lang.pick("法定代表人", "legal representative"),
        }
    }
}

/// How long a holder has to report a change, by kind: an HR agency 15 days
/// from the change's registration (人力资源市场暂行条例 art 21), an
/// agreement institution 30 working days (定点管理暂行办法 art 40). A
/// private school's change is approved, not reported: None.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportWithin {
    Days(u64),
    WorkingDays(u32),
}

pub fn change_report_within(kind: LicenceKind) -> Option<ReportWithin> {
    match kind {
        LicenceKind::HrService => Some(ReportWithin::Days(15)),
        LicenceKind::TrainingSchool => None,
        _ => Some(ReportWithin::WorkingDays(30)),
    }
}

/// The last day to report a change made on `changed_on`.
pub fn change_report_due(
    within: ReportWithin,
    changed_on: NaiveDate,
    cal: &super::WorkCalendar,
) -> NaiveDate {
    match within {
        ReportWithin::Days(n) => changed_on + Days::new(n),
        ReportWithin::WorkingDays(n) => cal.add_working_days(changed_on, n).date,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    Valid,
    Expiring,
    Expired,
    Suspended,
    Revoked,
    Cancelled,
}

/// The licence's standing on `today`, expiring from `warn_days` before its end.
pub fn standing(
    status: LicenceStatus,
    expires_on: Option<NaiveDate>,
    today: NaiveDate,
    warn_days: u64,
) -> Standing {
    match status {
        LicenceStatus::Suspended => Standing::Suspended,
        LicenceStatus::Revoked => Standing::Revoked,
        LicenceStatus::Cancelled => Standing::Cancelled,
        LicenceStatus::Valid => match expires_on {
            Some(e) if e < today => Standing::Expired,
            Some(e) if e <= today + Days::new(warn_days) => Standing::Expiring,
            _ => Standing::Valid,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    fn standing(s: LicenceStatus, e: Option<NaiveDate>, today: NaiveDate) -> Standing {
        super::standing(s, e, today, DEFAULT_WARN_DAYS)
    }

    #[test]
    fn a_valid_licence_expires_by_its_date() {
        let today = d(11, 27);
        assert_eq!(
            standing(LicenceStatus::Valid, Some(d(11, 26)), today),
            Standing::Expired
        );
        assert_eq!(
            standing(LicenceStatus::Valid, Some(d(11, 27)), today),
            Standing::Expiring
        );
        assert_eq!(standing(LicenceStatus::Valid, None, today), Standing::Valid);
    }

    #[test]
    fn a_licence_warns_sixty_days_ahead_while_renewal_can_still_be_applied_for() {
        let today = d(11, 27);
        let in_days = |n| today + Days::new(n);
        // 45 days out: renewal is due in 15 days — warned (it was not, at 30).
        assert_eq!(
            standing(LicenceStatus::Valid, Some(in_days(45)), today),
            Standing::Expiring
        );
        assert_eq!(renewal_due(in_days(45)), in_days(15));
        assert_eq!(
            standing(LicenceStatus::Valid, Some(in_days(60)), today),
            Standing::Expiring
        );
        assert_eq!(
            standing(LicenceStatus::Valid, Some(in_days(61)), today),
            Standing::Valid
        );
        // The office's own period.
        assert_eq!(
            super::standing(
                LicenceStatus::Valid,
                Some(in_days(61)),
                today,
                warn_days(Some("90"))
            ),
            Standing::Expiring
        );
        assert_eq!(warn_days(Some("0")), DEFAULT_WARN_DAYS);
        assert_eq!(warn_days(Some("abc")), DEFAULT_WARN_DAYS);
        assert_eq!(warn_days(None), DEFAULT_WARN_DAYS);
    }

    #[test]
    fn a_decision_holds_from_its_day_and_a_suspension_ends_by_itself() {
        let suspended = Stored {
            status: LicenceStatus::Suspended,
            prior: LicenceStatus::Valid,
            since: Some(d(11, 10)),
            until: Some(d(12, 9)),
        };
        assert_eq!(suspended.on(d(11, 9)), LicenceStatus::Valid, "not yet");
        assert_eq!(suspended.on(d(11, 10)), LicenceStatus::Suspended);
        assert_eq!(
            suspended.on(d(12, 9)),
            LicenceStatus::Suspended,
            "its last day"
        );
        assert_eq!(
            suspended.on(d(12, 10)),
            LicenceStatus::Valid,
            "over by itself"
        );
        let revoked = Stored {
            status: LicenceStatus::Revoked,
            prior: LicenceStatus::Valid,
            since: Some(d(11, 10)),
            until: None,
        };
        assert_eq!(revoked.on(d(11, 9)), LicenceStatus::Valid);
        assert_eq!(revoked.on(d(11, 10)), LicenceStatus::Revoked);
        assert_eq!(
            NaiveDate::from_ymd_opt(2030, 1, 1).map(|far| revoked.on(far)),
            Some(LicenceStatus::Revoked),
            "for good"
        );
        // Until a re-check passes: no last day.
        let held = Stored {
            until: None,
            ..suspended
        };
        assert_eq!(held.on(d(12, 31)), LicenceStatus::Suspended);
    }

    #[test]
    fn an_agreement_is_renewed_three_months_before_its_end_a_licence_30_days() {
        let end = d(12, 31);
        assert_eq!(
            renewal_due_for(LicenceKind::DesignatedClinic, end),
            d(9, 30)
        );
        assert_eq!(
            renewal_due_for(LicenceKind::WorkInjuryAgreement, end),
            d(9, 30)
        );
        assert_eq!(renewal_due_for(LicenceKind::HrService, end), d(12, 1));
        assert_eq!(renewal_due_for(LicenceKind::TrainingSchool, end), d(12, 1));
    }

    #[test]
    fn a_change_is_reported_within_the_days_its_kind_gives() {
        let cal = super::super::WorkCalendar::default();
        // An HR agency: 15 days (人力资源市场暂行条例 art 21).
        let within = change_report_within(LicenceKind::HrService).unwrap();
        assert_eq!(change_report_due(within, d(11, 2), &cal), d(11, 17));
        // An agreement institution: 30 working days (定点管理暂行办法 art 40).
        let within = change_report_within(LicenceKind::DesignatedClinic).unwrap();
        assert_eq!(within, ReportWithin::WorkingDays(30));
        assert!(change_report_due(within, d(11, 2), &cal) >= d(12, 12));
        // A school's change is approved, not reported.
        assert_eq!(change_report_within(LicenceKind::TrainingSchool), None);
        assert_eq!(Changed::parse("legal_rep"), Some(Changed::LegalRep));
    }

    #[test]
    fn a_revoked_or_suspended_licence_stays_so_whatever_its_date() {
        let today = d(11, 27);
        assert_eq!(
            standing(LicenceStatus::Revoked, Some(d(12, 28)), today),
            Standing::Revoked
        );
        assert_eq!(
            standing(LicenceStatus::Suspended, Some(d(1, 1)), today),
            Standing::Suspended
        );
    }
}
