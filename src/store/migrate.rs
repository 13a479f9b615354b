//! The schema's migrations, one list for both dialects. Each migration has a
//! SQLite and a Postgres text with the same tables, columns and meaning.

pub struct Migration {
    pub version: i64,
    pub name: &'static str,
    pub sqlite: &'static str,
    pub postgres: &'static str,
}

macro_rules! migration {
    ($version:literal, $file:literal) => {
        Migration {
            version: $version,
            name: $file,
            sqlite: include_str!(concat!("../../migrations/sqlite/", $file, ".sql")),
            postgres: include_str!(concat!("../../migrations/postgres/", $file, ".sql")),
        }
    };
}

pub const MIGRATIONS: &[Migration] = &[
    migration!(1, "0001_foundation"),
    migration!(2, "0002_default_checklists"),
    migration!(3, "0003_review_lease"),
    migration!(4, "0004_review_checks"),
    migration!(5, "0005_case_procedure"),
    migration!(6, "0006_draws"),
    migration!(7, "0007_inspection_records"),
    migration!(8, "0008_settlement_audit"),
    migration!(9, "0009_annual_settings"),
    migration!(10, "0010_leads"),
    migration!(11, "0011_campaigns"),
    migration!(12, "0012_zone_teams"),
    migration!(13, "0013_violation_notices"),
    migration!(14, "0014_documents"),
    migration!(15, "0015_intake"),
    migration!(16, "0016_filing_intake_kinds"),
    migration!(17, "0017_case_acts"),
    migration!(18, "0018_licence_standing"),
    migration!(19, "0019_audit_append_only"),
    migration!(20, "0020_office_name"),
    migration!(21, "0021_correction_due"),
    migration!(22, "0022_complaint_elsewhere"),
    migration!(23, "0023_office_arbitration"),
];

/// The schema version this program knows.
pub fn latest() -> i64 {
    MIGRATIONS.last().map_or(0, |m| m.version)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_rise_by_one_and_both_dialects_create_the_same_tables() {
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(m.version, i as i64 + 1);
            // A table SQLite rebuilds (dropped, then created again) is one
            // Postgres alters in place.
            let tables = |sql: &str| -> Vec<String> {
                sql.lines()
                    .filter_map(|l| l.strip_prefix("CREATE TABLE "))
                    .map(|l| l.split_whitespace().next().unwrap_or("").to_string())
                    .filter(|t| !sql.contains(&format!("DROP TABLE {t};")))
                    .collect()
            };
            assert_eq!(tables(m.sqlite), tables(m.postgres), "{}", m.name);
        }
    }

    #[test]
    fn every_mutable_table_has_a_version_column() {
        // Append-only and link tables carry no version: they are never updated.
        let exempt = [
            "audit_log",
            "audit_head",
            "calendar_day",
            "case_event",
            "case_inspector",
            "inspection_inspector",
            "filing_problem",
            "draw",
            "inspection_item",
            "team_member",
        ];
        for m in MIGRATIONS {
            for block in m.sqlite.split("CREATE TABLE ").skip(1) {
                let name = block.split_whitespace().next().unwrap();
                let body = &block[..block.find(");").unwrap()];
                if !exempt.contains(&name) {
                    assert!(body.contains("version"), "{name} has no version column");
                }
            }
        }
    }
}
