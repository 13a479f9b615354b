// A record's detail, by kind: a filing with its materials, figures and how
// it came in; a licence, a case, an inspection, a person, an employer with
// what is recorded about them; part of the backend included per database.

impl Backend {
    pub async fn detail(&self, kind: ListKind, id: i64) -> Result<Option<Detail>, StoreError> {
        match kind {
            ListKind::Filings => self.filing_detail(id).await,
            ListKind::Licences => self.licence_detail(id).await,
            ListKind::Cases => self.case_detail(id).await,
            ListKind::Inspections => self.inspection_detail(id).await,
            ListKind::Persons => self.person_detail(id).await,
            ListKind::Employers => self.employer_detail(id).await,
        }
    }

    async fn filing_detail(&self, id: i64) -> Result<Option<Detail>, StoreError> {
        let item: Option<FilingItem> = sqlx::query_as(
            "SELECT f.id, f.kind, f.status, e.name AS employer_name, p.name AS person_name,
                    p.id_number AS person_id_number, f.person_id, f.employer_id, f.received_at,
                    (SELECT COUNT(*) FROM material_requirement r
                      WHERE r.kind = f.kind AND r.required
                        AND NOT EXISTS (SELECT 1 FROM filing_material m
                                         WHERE m.filing_id = f.id AND m.material = r.material
                                           AND m.present AND m.valid)) AS material_problems,
                    CAST(NULL AS TEXT) AS lease_holder, CAST(NULL AS BIGINT) AS lease_by
             FROM filing f LEFT JOIN employer e ON e.id = f.employer_id
             LEFT JOIN person p ON p.id = f.person_id WHERE f.id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        let Some(item) = item else { return Ok(None) };
        let (declared, decision, reason): (String, Option<String>, String) =
            sqlx::query_as("SELECT declared, decision, reason FROM filing WHERE id = $1")
                .bind(id)
                .fetch_one(&self.pool)
                .await?;
        let materials: Vec<MaterialLine> = sqlx::query_as(
            "SELECT r.material, r.name_zh, r.name_en, r.required, m.present, m.valid, m.note
             FROM material_requirement r
             LEFT JOIN filing_material m ON m.material = r.material AND m.filing_id = $1
             WHERE r.kind = $2 ORDER BY r.required DESC, r.material",
        )
        .bind(id)
        .bind(item.kind)
        .fetch_all(&self.pool)
        .await?;
        // The published figures the checks use, shown with their source.
        let parsed: serde_json::Value = serde_json::from_str(&declared).unwrap_or_default();
        // The average wage in force on the day the filing came (the checks' band).
        let average_wage: Option<FigureRow> = if item.kind == crate::domain::FilingKind::ContributionBase {
            sqlx::query_as(
                "SELECT year, region, monthly, source, effective_from FROM average_wage
                 WHERE effective_from <= $1
                   AND (region = (SELECT value FROM setting WHERE key = 'office.wage_region')
                        OR NOT EXISTS (SELECT 1 FROM setting WHERE key = 'office.wage_region' AND value <> ''))
                 ORDER BY effective_from DESC, region LIMIT 1",
            )
            .bind(crate::domain::calendar::office_date(item.received_at))
            .fetch_optional(&self.pool)
            .await?
        } else {
            None
        };
        let pension_figure: Option<FigureRow> = match parsed.get("retirement_year").and_then(serde_json::Value::as_i64) {
            Some(y) => {
                sqlx::query_as(
                    "SELECT year, region, monthly, source, effective_from FROM pension_figure WHERE year = $1 ORDER BY region LIMIT 1",
                )
                .bind(y)
                .fetch_optional(&self.pool)
                .await?
            }
            None => None,
        };
        let (channel, upstream_no, resubmits, correction_due): (String, Option<String>, Option<i64>, Option<NaiveDate>) =
            sqlx::query_as("SELECT channel, upstream_no, resubmits, correction_due FROM filing WHERE id = $1")
                .bind(id)
                .fetch_one(&self.pool)
                .await?;
        // The notice it answers, and the filing that answered its own.
        let answers: Option<(i64, String, Option<NaiveDate>)> = match resubmits {
            Some(o) => sqlx::query_as("SELECT id, reason, correction_due FROM filing WHERE id = $1")
                .bind(o)
                .fetch_optional(&self.pool)
                .await?,
            None => None,
        };
        let resubmitted_by: Option<i64> = sqlx::query_scalar("SELECT MIN(id) FROM filing WHERE resubmits = $1")
            .bind(id)
            .fetch_one(&self.pool)
            .await?;
        Ok(Some(Detail::Filing {
            item,
            declared,
            materials,
            decision,
            reason,
            average_wage,
            pension_figure,
            intake: FilingIntake {
                channel,
                upstream_no,
                resubmits: answers,
                resubmitted_by,
                correction_due,
            },
        }))
    }

    async fn licence_detail(&self, id: i64) -> Result<Option<Detail>, StoreError> {
        let licence: Option<LicenceRow> = sqlx::query_as(
            concat!(
                "SELECT id, kind, number, holder, uscc, legal_rep, address, district, zone,
                    issued_on, expires_on, ",
                status_on!("licence", "$2"),
                " AS status FROM licence WHERE id = $1"
            ),
        )
        .bind(id)
        .bind(self.clock.today())
        .fetch_optional(&self.pool)
        .await?;
        let Some(licence) = licence else {
            return Ok(None);
        };
        let inspections = sqlx::query_as(
            "SELECT id, licence_id, method, planned_on, done_on, result, findings
             FROM inspection WHERE licence_id = $1 ORDER BY planned_on DESC, id DESC",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        let sanctions = sqlx::query_as(
            "SELECT id, licence_id, kind, decided_on, deadline, amount, reason, status
             FROM sanction WHERE licence_id = $1 ORDER BY decided_on DESC, id DESC",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        let reviews = sqlx::query_as(
            "SELECT id, licence_id, year, due_on, submitted_on, result, note
             FROM annual_review WHERE licence_id = $1 ORDER BY year DESC",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        let (complaints, cases) = self.about(&licence.uscc, &licence.holder).await?;
        let (steps, leads) = self.steps_and_leads(id).await?;
        let standing = self.licence_standing(Some(id), "").await?;
        Ok(Some(Detail::Licence {
            standing,
            licence,
            inspections,
            sanctions,
            reviews,
            steps,
            leads,
            complaints,
            cases,
        }))
    }

    async fn case_detail(&self, id: i64) -> Result<Option<Detail>, StoreError> {
        let item: Option<CaseItem> = sqlx::query_as(
            "SELECT c.id, c.number, c.respondent_name, c.stage, c.registered_on, c.due_on,
                    s.name AS officer_name, c.mass_incident, c.due_rule, c.queue_key, c.queue_key AS sort_key
             FROM inspection_case c LEFT JOIN staff s ON s.id = c.case_officer_id WHERE c.id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        let Some(item) = item else { return Ok(None) };
        let (facts, fine, outcome): (Option<String>, i64, String) = sqlx::query_as(
            "SELECT COALESCE(NULLIF(c.facts, ''), co.facts), c.fine, c.outcome FROM inspection_case c
             LEFT JOIN complaint co ON co.id = c.complaint_id WHERE c.id = $1",
        )
        .bind(id)
        .fetch_one(&self.pool)
        .await?;
        let inspectors: Vec<String> = sqlx::query_scalar(
            "SELECT s.name FROM case_inspector ci JOIN staff s ON s.id = ci.staff_id
             WHERE ci.case_id = $1 ORDER BY s.name",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        let events = sqlx::query(
            "SELECT case_id, at, staff_id, stage_from, stage_to, note, on_date, served_by FROM case_event
             WHERE case_id = $1 ORDER BY at, id",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| CaseEventRow {
            case_id: r.get("case_id"),
            at: r.get("at"),
            staff_id: r.get("staff_id"),
            stage_from: r.get("stage_from"),
            stage_to: r.get("stage_to"),
            note: r.get("note"),
            on_date: r.get("on_date"),
            served_by: r.get("served_by"),
        })
        .collect();
        let state = self.case_state(id).await?;
        let files = self.case_files(id).await?;
        Ok(Some(Detail::Case {
            item,
            facts,
            fine,
            outcome,
            inspectors,
            events,
            state: state.map(Box::new),
            files,
        }))
    }

    async fn inspection_detail(&self, id: i64) -> Result<Option<Detail>, StoreError> {
        type Row = (
            i64,
            String,
            String,
            crate::domain::InspectionMethod,
            NaiveDate,
            crate::domain::InspectionResult,
            String,
            i64,
            String,
        );
        let row: Option<Row> = sqlx::query_as(
            "SELECT i.id, l.number, l.holder, i.method, i.planned_on, i.result, i.findings,
                    l.id, l.kind
             FROM inspection i JOIN licence l ON l.id = i.licence_id WHERE i.id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        let Some((id, licence_number, holder, method, planned_on, result, findings, licence_id, licence_kind)) =
            row
        else {
            return Ok(None);
        };
        let inspectors: Vec<String> = sqlx::query_scalar(
            "SELECT s.name FROM inspection_inspector ii JOIN staff s ON s.id = ii.staff_id
             WHERE ii.inspection_id = $1 ORDER BY s.name",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        let item = InspectionItem {
            id,
            licence_number,
            holder,
            method,
            planned_on,
            result,
        };
        let (campaign, items) = self.inspection_context(id).await?;
        let notice = sqlx::query_as(
            "SELECT year, seq, issued_on, content FROM violation_notice WHERE inspection_id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(Some(Detail::Inspection {
            item,
            licence: (licence_id, licence_kind),
            notice,
            findings,
            inspectors,
            campaign,
            items,
        }))
    }

    async fn person_detail(&self, id: i64) -> Result<Option<Detail>, StoreError> {
        let person: Option<PersonRow> = sqlx::query_as(
            "SELECT id, id_number, name, phone, bank_account, employer_id, status, hired_on,
                    last_paid_month, contribution_base, pension_base FROM person WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        let Some(person) = person else {
            return Ok(None);
        };
        let employer: Option<String> = match person.employer_id {
            Some(e) => {
                sqlx::query_scalar("SELECT name FROM employer WHERE id = $1")
                    .bind(e)
                    .fetch_optional(&self.pool)
                    .await?
            }
            None => None,
        };
        Ok(Some(Detail::Person { person, employer }))
    }

    /// The complaints and cases about a respondent, by credit code or name.
    async fn about(&self, uscc: &str, name: &str) -> Result<(Vec<ComplaintItem>, Vec<CaseItem>), StoreError> {
        let complaints = sqlx::query_as(COMPLAINTS_ABOUT)
            .bind(uscc)
            .bind(name)
            .fetch_all(&self.pool)
            .await?;
        let cases = sqlx::query_as(CASES_ABOUT)
            .bind(uscc)
            .bind(name)
            .fetch_all(&self.pool)
            .await?;
        Ok((complaints, cases))
    }

    async fn employer_detail(&self, id: i64) -> Result<Option<Detail>, StoreError> {
        let employer: Option<EmployerRow> = sqlx::query_as(
            "SELECT id, uscc, name, legal_rep, address, town, zone, status, established_on, arrears
             FROM employer WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        let Some(employer) = employer else { return Ok(None) };
        let persons: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM person WHERE employer_id = $1")
            .bind(id)
            .fetch_one(&self.pool)
            .await?;
        let (_, cases) = self.about(&employer.uscc, &employer.name).await?;
        Ok(Some(Detail::Employer { employer, persons, cases }))
    }
}
