//! Leads about a licence holder (线索) and the inspection one may start:
//! law enforcement is done by at least two inspectors (行政处罚法 art 42),
//! none with a declared interest in the holder.

/// Why a team may not inspect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TeamError {
    /// Fewer than two distinct inspectors.
    TooFew,
    /// This staff member is not an active inspector.
    NotInspector(i64),
    /// This inspector declared an interest in the holder.
    Conflicted(i64),
}

/// Checks a team for an inspection: `inspectors` are the active
/// inspectors, `conflicted` those who declared an interest in the holder.
pub fn check_team(team: &[i64], inspectors: &[i64], conflicted: &[i64]) -> Result<(), TeamError> {
    let mut distinct = team.to_vec();
    distinct.sort_unstable();
    distinct.dedup();
    if distinct.len() < 2 {
        return Err(TeamError::TooFew);
    }
    for s in team {
        if !inspectors.contains(s) {
            return Err(TeamError::NotInspector(*s));
        }
        if conflicted.contains(s) {
            return Err(TeamError::Conflicted(*s));
        }
    }
    Ok(())
}

/// How an inspection came about when the inspector does not say: from
/// the lead that started it (a tip is handled as a complaint, 投诉举报; a
/// patrol sighting is information tracking), else from its campaign, else
/// routine.
pub fn default_origin(lead: Option<super::LeadSource>, in_campaign: bool) -> &'static str {
    use super::LeadSource;
    match (lead, in_campaign) {
        (Some(LeadSource::Media), _) => "media",
        (Some(LeadSource::Complaint | LeadSource::Tip), _) => "complaint",
        (Some(LeadSource::Patrol), _) => "tracking",
        (None, true) => "campaign",
        (None, false) => "routine",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_inspection_comes_about_from_its_lead_then_its_campaign() {
        use crate::domain::LeadSource;
        assert_eq!(default_origin(Some(LeadSource::Media), true), "media");
        assert_eq!(default_origin(Some(LeadSource::Tip), false), "complaint");
        assert_eq!(
            default_origin(Some(LeadSource::Complaint), false),
            "complaint"
        );
        assert_eq!(default_origin(Some(LeadSource::Patrol), true), "tracking");
        assert_eq!(default_origin(None, true), "campaign");
        assert_eq!(default_origin(None, false), "routine");
        for source in LeadSource::ALL {
            assert!(
                crate::domain::check_items::ORIGINS.contains(&default_origin(Some(*source), false))
            );
        }
    }

    #[test]
    fn a_team_is_two_distinct_inspectors_without_an_interest() {
        let inspectors = [1, 2, 3];
        assert_eq!(check_team(&[1, 2], &inspectors, &[]), Ok(()));
        assert_eq!(check_team(&[1], &inspectors, &[]), Err(TeamError::TooFew));
        assert_eq!(
            check_team(&[1, 1], &inspectors, &[]),
            Err(TeamError::TooFew)
        );
        assert_eq!(
            check_team(&[1, 9], &inspectors, &[]),
            Err(TeamError::NotInspector(9))
        );
        assert_eq!(
            check_team(&[1, 2, 3], &inspectors, &[3]),
            Err(TeamError::Conflicted(3))
        );
    }
}
