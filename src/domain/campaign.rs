//! Special campaigns (专项行动) and market patrols: a theme and a period;
//! an inspection joins one only if it is planned within the period, and
//! belongs to one campaign at most.

use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CampaignError {
    /// No theme, or one over 100 characters.
    Theme,
    /// The period ends before it starts.
    Backwards,
    /// The inspection is planned outside the period.
    OutsidePeriod { planned_on: NaiveDate },
    /// The inspection already belongs to this campaign.
    AlreadyIn(i64),
}

/// Checks a new campaign's theme and period.
pub fn check_new(theme: &str, from: NaiveDate, to: NaiveDate) -> Result<(), CampaignError> {
    let n = theme.trim().chars().count();
    if n == 0 || n > 100 {
        return Err(CampaignError::Theme);
    }
    if to < from {
        return Err(CampaignError::Backwards);
    }
    Ok(())
}

/// Whether an inspection planned on `planned_on`, in campaign `current`
/// if any, may join the campaign running `from`..=`to`.
pub fn may_join(
    planned_on: NaiveDate,
    current: Option<i64>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<(), CampaignError> {
    if let Some(c) = current {
        return Err(CampaignError::AlreadyIn(c));
    }
    if planned_on < from || planned_on > to {
        return Err(CampaignError::OutsidePeriod { planned_on });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    #[test]
    fn a_campaign_has_a_theme_and_a_forward_period() {
        assert_eq!(
            check_new("清理整顿人力资源市场秩序", d(3, 1), d(6, 30)),
            Ok(())
        );
        assert_eq!(check_new("一日", d(3, 1), d(3, 1)), Ok(()));
        assert_eq!(
            check_new("  ", d(3, 1), d(6, 30)),
            Err(CampaignError::Theme)
        );
        assert_eq!(
            check_new(&"长".repeat(101), d(3, 1), d(6, 30)),
            Err(CampaignError::Theme)
        );
        assert_eq!(
            check_new("x", d(6, 30), d(3, 1)),
            Err(CampaignError::Backwards)
        );
    }

    #[test]
    fn an_inspection_joins_within_the_period_and_only_once() {
        assert_eq!(may_join(d(3, 1), None, d(3, 1), d(6, 30)), Ok(()));
        assert_eq!(may_join(d(6, 30), None, d(3, 1), d(6, 30)), Ok(()));
        assert_eq!(
            may_join(d(7, 1), None, d(3, 1), d(6, 30)),
            Err(CampaignError::OutsidePeriod {
                planned_on: d(7, 1)
            })
        );
        assert_eq!(
            may_join(d(2, 28), None, d(3, 1), d(6, 30)),
            Err(CampaignError::OutsidePeriod {
                planned_on: d(2, 28)
            })
        );
        assert_eq!(
            may_join(d(4, 1), Some(3), d(3, 1), d(6, 30)),
            Err(CampaignError::AlreadyIn(3))
        );
    }
}
