// The panes' lists (keyset paging), record details and the dashboard; part of
// the backend included per database.

/// One list's forward and backward statements. Every list binds the same
/// parameters: $1, $2 the sort key to continue from, $3 the filter pattern,
/// $4 whether a filter is set (0/1), $5 the page size.
macro_rules! keyset {
    (select: $select:literal, where: $where:literal, key: $key:literal,
     filter: $filter:literal, asc: $asc:literal, desc: $desc:literal) => {
        (
            concat!(
                $select,
                " WHERE ",
                $where,
                " AND (",
                $key,
                ") > ($1, $2) AND ($4 = 0 OR ",
                $filter,
                ") ORDER BY ",
                $asc,
                " LIMIT $5"
            ),
            concat!(
                $select,
                " WHERE ",
                $where,
                " AND (",
                $key,
                ") < ($1, $2) AND ($4 = 0 OR ",
                $filter,
                ") ORDER BY ",
                $desc,
                " LIMIT $5"
            ),
        )
    };
}

const FILINGS: (&str, &str) = keyset!(
    select: "SELECT f.id, f.kind, f.status, e.name AS employer_name,
        p.name AS person_name, p.id_number AS person_id_number, f.person_id, f.employer_id,
        f.received_at,
        (SELECT COUNT(*) FROM material_requirement r
          WHERE r.kind = f.kind AND r.required
            AND NOT EXISTS (SELECT 1 FROM filing_material m
                             WHERE m.filing_id = f.id AND m.material = r.material
                               AND m.present AND m.valid)) AS material_problems,
        CASE WHEN f.lease_until > $9 THEN ls.name ELSE NULL END AS lease_holder,
        CASE WHEN f.lease_until > $9 THEN f.lease_by ELSE NULL END AS lease_by
        FROM filing f
        LEFT JOIN employer e ON e.id = f.employer_id
        LEFT JOIN person p ON p.id = f.person_id
        LEFT JOIN staff ls ON ls.id = f.lease_by",
    where: "f.status = 'pending' AND ($6 = '' OR f.kind = $6) AND ($7 = 0 OR f.assigned_to = $7)
        AND f.received_at <= $8
        AND ($10 = '' OR f.id IN (SELECT fp.filing_id FROM filing_problem fp WHERE fp.code = $10))",
    key: "f.received_at, f.id",
    filter: "LOWER(COALESCE(e.name, '')) LIKE $3 ESCAPE '!'
        OR LOWER(COALESCE(p.name, '')) LIKE $3 ESCAPE '!'
        OR LOWER(COALESCE(p.id_number, '')) LIKE $3 ESCAPE '!'",
    asc: "f.received_at, f.id",
    desc: "f.received_at DESC, f.id DESC"
);

// Licences and persons page by id alone; the id is bound as both key parts.
const LICENCES: (&str, &str) = keyset!(
    select: "SELECT id, kind, number, holder, uscc, legal_rep, address, district, zone,
        issued_on, expires_on, (CASE WHEN licence.standing_since > $6 THEN licence.prior_status
            WHEN licence.status = 'suspended' AND licence.standing_until < $6 THEN 'valid'
            ELSE licence.status END) AS status FROM licence",
    where: "1 = 1",
    key: "id, id",
    filter: "LOWER(number) LIKE $3 ESCAPE '!' OR LOWER(holder) LIKE $3 ESCAPE '!'
        OR LOWER(uscc) LIKE $3 ESCAPE '!'",
    asc: "id",
    desc: "id DESC"
);

// The case queue pages by the chosen column (the deadline order's queue key
// puts mass incidents first), so its statements are made once per column.
/// The case queue's views as a condition on `inspection_case c`, its
/// parameters named by `p`: the stage, an inspector, unassigned (0/1), a
/// deadline window (0/1, its last and first day), a matter. The list's
/// statements and the views' counts share it.
fn case_view_where(p: [&str; 7]) -> String {
    let [stage, inspector, unassigned, windowed, last, matter, first] = p;
    format!(
        "c.stage <> 'closed' AND ({stage} = '' OR c.stage = {stage})
           AND ({inspector} = 0 OR c.case_officer_id = {inspector}
                OR EXISTS (SELECT 1 FROM case_inspector ci WHERE ci.case_id = c.id AND ci.staff_id = {inspector}))
           AND ({unassigned} = 0 OR (SELECT COUNT(*) FROM case_inspector ci WHERE ci.case_id = c.id) < 2)
           AND ({windowed} = 0 OR (c.due_on <= {last} AND c.due_on >= {first}))
           AND ({matter} = '' OR EXISTS (SELECT 1 FROM complaint co WHERE co.id = c.complaint_id
                                     AND (',' || co.matters || ',') LIKE ('%,' || {matter} || ',%')))"
    )
}

fn cases_statements(sort: CaseSort) -> (&'static str, &'static str) {
    static MADE: std::sync::LazyLock<Vec<(CaseSort, String, String)>> = std::sync::LazyLock::new(|| {
        CaseSort::ALL
            .iter()
            .map(|s| {
                let e = s.expr();
                let select = format!(
                    "SELECT c.id, c.number, c.respondent_name, c.stage, c.registered_on, c.due_on,
                        s.name AS officer_name, c.mass_incident, c.due_rule, c.queue_key, {e} AS sort_key
                     FROM inspection_case c LEFT JOIN staff s ON s.id = c.case_officer_id
                     WHERE {}
                       AND ($4 = 0 OR LOWER(c.number) LIKE $3 ESCAPE '!' OR LOWER(c.respondent_name) LIKE $3 ESCAPE '!')",
                    case_view_where(["$6", "$7", "$8", "$9", "$10", "$11", "$13"])
                );
                (
                    *s,
                    // $12 = 1: from the list's edge. Text has no safe sentinel
                    // under every collation, so the edge is said, not faked.
                    format!("{select} AND ($12 = 1 OR ({e}, c.id) > ($1, $2)) ORDER BY {e}, c.id LIMIT $5"),
                    format!(
                        "{select} AND ($12 = 1 OR ({e}, c.id) < ($1, $2)) ORDER BY {e} DESC, c.id DESC LIMIT $5"
                    ),
                )
            })
            .collect()
    });
    let (_, f, b) = MADE.iter().find(|(s, _, _)| *s == sort).expect("every sort is made");
    (f.as_str(), b.as_str())
}

// Newest first: "forward" walks down the dates, so the comparisons swap.
const INSPECTIONS: (&str, &str) = {
    let (newer, older) = keyset!(
        select: "SELECT i.id, l.number AS licence_number, l.holder, i.method, i.planned_on, i.result
            FROM inspection i JOIN licence l ON l.id = i.licence_id",
        where: "1 = 1",
        key: "i.planned_on, i.id",
        filter: "LOWER(l.number) LIKE $3 ESCAPE '!' OR LOWER(l.holder) LIKE $3 ESCAPE '!'",
        asc: "i.planned_on, i.id",
        desc: "i.planned_on DESC, i.id DESC"
    );
    // The ascending statement walks towards newer rows: that is "backward" here.
    (older, newer)
};

const PERSONS: (&str, &str) = keyset!(
    select: "SELECT p.id, p.name, p.id_number, e.name AS employer_name, p.status, p.contribution_base
        FROM person p LEFT JOIN employer e ON e.id = p.employer_id",
    where: "1 = 1",
    key: "p.id, p.id",
    filter: "LOWER(p.name) LIKE $3 ESCAPE '!' OR p.id_number LIKE $3 ESCAPE '!'",
    asc: "p.id",
    desc: "p.id DESC"
);

const EMPLOYERS: (&str, &str) = keyset!(
    select: "SELECT id, uscc, name, legal_rep, address, town, zone, status, established_on, arrears
        FROM employer",
    where: "1 = 1",
    key: "id, id",
    filter: "LOWER(name) LIKE $3 ESCAPE '!' OR LOWER(uscc) LIKE $3 ESCAPE '!'",
    asc: "id",
    desc: "id DESC"
);

/// Cases about a respondent, newest first.
const CASES_ABOUT: &str = "SELECT c.id, c.number, c.respondent_name, c.stage, c.registered_on, c.due_on,
        s.name AS officer_name, c.mass_incident, c.due_rule, c.queue_key, c.queue_key AS sort_key
   FROM inspection_case c
   LEFT JOIN staff s ON s.id = c.case_officer_id
   LEFT JOIN employer e ON e.id = c.respondent_employer_id
  WHERE e.uscc = $1 OR c.respondent_name = $2
  ORDER BY c.registered_on DESC, c.id DESC LIMIT 50";

/// Complaints about a respondent, newest first, without the complainant.
const COMPLAINTS_ABOUT: &str = "SELECT co.id, co.received_on, co.channel, co.matters, co.decision, co.facts
   FROM complaint co LEFT JOIN employer e ON e.id = co.respondent_employer_id
  WHERE e.uscc = $1 OR co.respondent_name = $2
  ORDER BY co.received_on DESC, co.id DESC LIMIT 50";

/// `%fragment%` with LIKE's own characters escaped by `!`.
fn like_pattern(filter: &str) -> String {
    let mut p = String::from("%");
    for c in filter.trim().to_lowercase().chars() {
        if matches!(c, '%' | '_' | '!') {
            p.push('!');
        }
        p.push(c);
    }
    p.push('%');
    p
}

impl Backend {
    pub async fn list_page(
        &self,
        kind: ListKind,
        req: &PageRequest,
    ) -> Result<Vec<ListItem>, StoreError> {
        let (forward, backward) = match kind {
            ListKind::Filings => FILINGS,
            ListKind::Licences => LICENCES,
            ListKind::Cases => cases_statements(req.scope.case_sort),
            ListKind::Inspections => INSPECTIONS,
            ListKind::Persons => PERSONS,
            ListKind::Employers => EMPLOYERS,
        };
        let sql = match req.dir {
            Direction::Forward => forward,
            Direction::Backward => backward,
        };
        // Inspections run newest first, so their "start" is the largest key.
        let descending = kind == ListKind::Inspections;
        let from_top = (req.dir == Direction::Forward) != descending;
        let filter_on = i64::from(!req.filter.trim().is_empty());
        let pattern = like_pattern(&req.filter);
        macro_rules! fetch {
            ($row:ty, $wrap:path) => {{
                let q = sqlx::query_as::<_, $row>(sql);
                let q = match (&req.from, kind) {
                    (Some(SortKey::Time(t, id)), _) => q.bind(*t).bind(*id),
                    (Some(SortKey::Date(d, id)), _) => q.bind(*d).bind(*id),
                    (Some(SortKey::Text(t, id)), _) => q.bind(t.clone()).bind(*id),
                    (Some(SortKey::Id(id)), _) => q.bind(*id).bind(*id),
                    (None, ListKind::Filings) => {
                        let t = if from_top {
                            DateTime::<Utc>::MIN_UTC
                        } else {
                            DateTime::<Utc>::MAX_UTC
                        };
                        q.bind(edge_time(t))
                            .bind(if from_top { i64::MIN } else { i64::MAX })
                    }
                    // The case queue's statements say "from the edge" ($12).
                    (None, ListKind::Cases) => q.bind("").bind(0i64),
                    (None, ListKind::Inspections) => {
                        let d = if from_top {
                            edge_date(true)
                        } else {
                            edge_date(false)
                        };
                        q.bind(d).bind(if from_top { i64::MIN } else { i64::MAX })
                    }
                    (None, _) => {
                        let id = if from_top { i64::MIN } else { i64::MAX };
                        q.bind(id).bind(id)
                    }
                };
                let q = q.bind(&pattern).bind(filter_on).bind(req.limit);
                // Only the queue's statements name the scope ($6–$10).
                let q = if kind == ListKind::Filings {
                    let sc = &req.scope;
                    q.bind(sc.kind.clone().unwrap_or_default())
                        .bind(sc.assigned_to.unwrap_or(0))
                        .bind(sc.received_by.unwrap_or_else(|| edge_time(DateTime::<Utc>::MAX_UTC)))
                        .bind(crate::domain::audit::audit_time(self.clock.now()))
                        .bind(sc.problem.clone().unwrap_or_default())
                } else if kind == ListKind::Cases {
                    // The case queue's views ($6–$11).
                    let sc = &req.scope;
                    q.bind(sc.case_stage.clone().unwrap_or_default())
                        .bind(sc.inspector.unwrap_or(0))
                        .bind(i64::from(sc.unassigned))
                        .bind(i64::from(sc.due_by.is_some()))
                        .bind(sc.due_by.unwrap_or_else(|| edge_date(false)))
                        .bind(sc.matter.clone().unwrap_or_default())
                        .bind(i64::from(req.from.is_none()))
                        .bind(sc.due_from.unwrap_or_else(|| edge_date(true)))
                } else if kind == ListKind::Licences {
                    // The standing on the day ($6).
                    q.bind(self.clock.today())
                } else {
                    q
                };
                let mut rows: Vec<ListItem> = q
                    .fetch_all(&self.pool)
                    .await?
                    .into_iter()
                    .map($wrap)
                    .collect();
                if req.dir == Direction::Backward {
                    rows.reverse();
                }
                Ok(rows)
            }};
        }
        match kind {
            ListKind::Filings => {
                let got: Result<Vec<ListItem>, StoreError> = fetch!(FilingItem, ListItem::Filing);
                let mut rows = got?;
                self.fill_declared_parties(&mut rows).await?;
                Ok(rows)
            }
            ListKind::Licences => fetch!(LicenceRow, ListItem::Licence),
            ListKind::Cases => fetch!(CaseItem, ListItem::Case),
            ListKind::Inspections => fetch!(InspectionItem, ListItem::Inspection),
            ListKind::Persons => fetch!(PersonItem, ListItem::Person),
            ListKind::Employers => fetch!(EmployerRow, ListItem::Employer),
        }
    }

    /// A filing about someone the register does not have yet (an
    /// enrollment of someone new, an employer registering) shows who it
    /// declares, as the register would once it is approved.
    async fn fill_declared_parties(&self, rows: &mut [ListItem]) -> Result<(), StoreError> {
        let wanted: Vec<i64> = rows
            .iter()
            .filter_map(|row| match row {
                ListItem::Filing(f)
                    if (f.person_name.is_none() && f.kind != crate::domain::FilingKind::RegisterEmployer)
                        || (f.employer_name.is_none() && f.kind == crate::domain::FilingKind::RegisterEmployer) =>
                {
                    Some(f.id)
                }
                _ => None,
            })
            .collect();
        if wanted.is_empty() {
            return Ok(());
        }
        // One read for the page, not one a row.
        let mut qb: QueryBuilder<Db> = QueryBuilder::new("SELECT id, declared FROM filing WHERE id IN (");
        let mut list = qb.separated(", ");
        for id in &wanted {
            list.push_bind(*id);
        }
        qb.push(")");
        let declared: std::collections::HashMap<i64, String> =
            qb.build_query_as::<(i64, String)>().fetch_all(&self.pool).await?.into_iter().collect();
        for row in rows.iter_mut() {
            let ListItem::Filing(f) = row else { continue };
            let Some(text) = declared.get(&f.id) else { continue };
            let d: serde_json::Value = serde_json::from_str(text).unwrap_or_default();
            let said = |k: &str| d.get(k).and_then(serde_json::Value::as_str).map(str::to_string);
            if f.kind == crate::domain::FilingKind::RegisterEmployer {
                f.employer_name = f.employer_name.take().or_else(|| said("employer_name"));
            } else if f.person_name.is_none() {
                f.person_name = said("name");
                f.person_id_number = said("id_number");
            }
        }
        Ok(())
    }

    /// How many open cases each of `scopes` holds (their filters aside):
    /// the view chooser's counts.
    pub async fn case_view_counts(&self, scopes: &[QueueScope]) -> Result<Vec<i64>, StoreError> {
        static SQL: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
            format!(
                "SELECT COUNT(*) FROM inspection_case c WHERE {}",
                case_view_where(["$1", "$2", "$3", "$4", "$5", "$6", "$7"])
            )
        });
        let mut out = Vec::with_capacity(scopes.len());
        for sc in scopes {
            let n: i64 = sqlx::query_scalar(SQL.as_str())
                .bind(sc.case_stage.clone().unwrap_or_default())
                .bind(sc.inspector.unwrap_or(0))
                .bind(i64::from(sc.unassigned))
                .bind(i64::from(sc.due_by.is_some()))
                .bind(sc.due_by.unwrap_or_else(|| edge_date(false)))
                .bind(sc.matter.clone().unwrap_or_default())
                .bind(sc.due_from.unwrap_or_else(|| edge_date(true)))
                .fetch_one(&self.pool)
                .await?;
            out.push(n);
        }
        Ok(out)
    }

    pub async fn dashboard(&self, today: NaiveDate, cases_soon: NaiveDate) -> Result<Dashboard, StoreError> {
        let counts = self.counts(today).await?;
        let pending_by_kind = sqlx::query_as(
            "SELECT kind, COUNT(*) FROM filing WHERE status = 'pending' GROUP BY kind ORDER BY kind",
        )
        .fetch_all(&self.pool)
        .await?;
        let cases_by_stage = sqlx::query_as(
            "SELECT stage, COUNT(*) FROM inspection_case GROUP BY stage ORDER BY stage",
        )
        .fetch_all(&self.pool)
        .await?;
        let licences_by_kind = sqlx::query_as(concat!(
            "SELECT kind, COUNT(*), SUM(CASE WHEN ",
            status_on!("licence", "$1"),
            " = 'valid' THEN 1 ELSE 0 END) FROM licence GROUP BY kind ORDER BY kind"
        ))
        .bind(today)
        .fetch_all(&self.pool)
        .await?;
        let warn: Option<String> = sqlx::query_scalar("SELECT value FROM setting WHERE key = 'licence.expiring_warn_days'")
            .fetch_optional(&self.pool)
            .await?;
        let soon = today + chrono::Days::new(crate::domain::licence::warn_days(warn.as_deref()));
        let (expiring_soon, expired): (i64, i64) = sqlx::query_as(concat!(
            "SELECT
               COALESCE(SUM(CASE WHEN expires_on >= $1 AND expires_on <= $2 THEN 1 ELSE 0 END), 0),
               COALESCE(SUM(CASE WHEN expires_on < $1 THEN 1 ELSE 0 END), 0)
             FROM licence WHERE ",
            status_on!("licence", "$1"),
            " = 'valid'"
        ))
        .bind(today)
        .bind(soon)
        .fetch_one(&self.pool)
        .await?;
        // Rectifications not yet re-inspected: past their deadline
        // (domain::ladder::rectification_overdue, counted in SQL) or within it.
        let (rectifications_overdue, rectifications_pending): (i64, i64) = sqlx::query_as(
            "SELECT COALESCE(SUM(CASE WHEN s.deadline < $1 THEN 1 ELSE 0 END), 0),
                    COALESCE(SUM(CASE WHEN s.deadline >= $1 THEN 1 ELSE 0 END), 0)
             FROM sanction_step s
             WHERE s.deadline IS NOT NULL AND NOT EXISTS (
                SELECT 1 FROM inspection i
                 WHERE i.licence_id = s.licence_id AND i.done_on > s.decided_on AND i.done_on <= $1)",
        )
        .bind(today)
        .fetch_one(&self.pool)
        .await?;
        // Open cases whose next deadline falls from today to `cases_soon`.
        let cases_due_soon: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM inspection_case
             WHERE stage <> 'closed' AND due_on >= $1 AND due_on <= $2",
        )
        .bind(today)
        .bind(cases_soon)
        .fetch_one(&self.pool)
        .await?;
        let (inspections_pending, audit_tasks_open, leads_open) = self.supervision_counts().await?;
        // The standing's clocks: suspensions ending, holds awaiting a
        // re-check, agreements to renew (due 3 months before the end).
        let month = today + chrono::Days::new(30);
        let renew_by = month
            .checked_add_months(chrono::Months::new(crate::domain::licence::AGREEMENT_RENEWAL_LEAD_MONTHS))
            .unwrap_or(month);
        let (suspensions_ending, held_until_recheck, agreement_renewals_due): (i64, i64, i64) = sqlx::query_as(concat!(
            "SELECT
               COALESCE(SUM(CASE WHEN status = 'suspended' AND standing_until >= $1 AND standing_until <= $2 THEN 1 ELSE 0 END), 0),
               COALESCE(SUM(CASE WHEN status = 'suspended' AND standing_until IS NULL AND standing_step = 'stop-enrolment'
                                  AND (standing_since IS NULL OR standing_since <= $1) THEN 1 ELSE 0 END), 0),
               COALESCE(SUM(CASE WHEN kind NOT IN ('hr-service', 'training-school') AND expires_on >= $1 AND expires_on <= $3
                                  AND ",
            status_on!("licence", "$1"),
            " = 'valid' THEN 1 ELSE 0 END), 0)
             FROM licence"
        ))
        .bind(today)
        .bind(month)
        .bind(renew_by)
        .fetch_one(&self.pool)
        .await?;
        Ok(Dashboard {
            suspensions_ending,
            held_until_recheck,
            agreement_renewals_due,
            rectifications_pending,
            cases_due_soon,
            inspections_pending,
            audit_tasks_open,
            leads_open,
            counts,
            pending_by_kind,
            cases_by_stage,
            licences_by_kind,
            expiring_soon,
            expired,
            rectifications_overdue,
        })
    }
}

/// The earliest or latest instant both databases store and compare alike.
fn edge_time(t: DateTime<Utc>) -> DateTime<Utc> {
    let year = if t == DateTime::<Utc>::MIN_UTC {
        1
    } else {
        9999
    };
    edge_date(year == 1)
        .and_hms_opt(0, 0, 0)
        .expect("valid time")
        .and_utc()
}

fn edge_date(first: bool) -> NaiveDate {
    if first {
        NaiveDate::from_ymd_opt(1, 1, 1).expect("valid date")
    } else {
        NaiveDate::from_ymd_opt(9999, 12, 31).expect("valid date")
    }
}

impl Backend {
    /// Streams every licence, employer and person to `each`, without holding
    /// them all: the lookup index is built from this.
    pub async fn each_lookup_row(&self, mut each: impl FnMut(LookupRow) + Send) -> Result<usize, StoreError> {
        use futures_util::TryStreamExt;
        const QUERIES: [&str; 3] = [
            concat!(
                "SELECT 'licence' AS source, kind AS licence_kind, id, holder AS name, number, uscc, ",
                status_on!("licence", "$1"),
                " AS status, expires_on, CAST(NULL AS BIGINT) AS employer_id FROM licence ORDER BY id"
            ),
            "SELECT 'employer' AS source, '' AS licence_kind, id, name, uscc AS number, '' AS uscc,
                    status, NULL AS expires_on, CAST(NULL AS BIGINT) AS employer_id
                    FROM employer ORDER BY id",
            "SELECT 'person' AS source, '' AS licence_kind, id, name, id_number AS number, '' AS uscc,
                    status, NULL AS expires_on, employer_id FROM person ORDER BY id",
        ];
        let mut n = 0;
        for sql in QUERIES {
            // Only the licences' statement reads the day ($1): its standing then.
            let q = sqlx::query_as::<_, LookupRow>(sql);
            let q = if sql.contains("$1") { q.bind(self.clock.today()) } else { q };
            let mut rows = q.fetch(&self.pool);
            while let Some(row) = rows.try_next().await? {
                each(row);
                n += 1;
            }
        }
        Ok(n)
    }
}
