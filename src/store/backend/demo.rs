// Bulk writing of the demo database; part of the backend included per database.

impl Backend {
    /// Writes the whole demo in one transaction: all of it, or nothing.
    // Long because it is that transaction: each table written in order, the
    // later ones pointing at the rows the earlier wrote.
    pub async fn seed_demo(&self, actor: &str, d: &DemoData) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        let existing: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM staff")
            .fetch_one(&mut *tx)
            .await?;
        if existing > 0 {
            return Err(StoreError::NotEmpty);
        }
        bulk_insert!(
            tx,
            "INSERT INTO zone (code, name, towns) ",
            3,
            d.zones,
            |b, r| b.push_bind(&r.code).push_bind(&r.name).push_bind(&r.towns)
        );
        bulk_insert!(
            tx,
            "INSERT INTO staff (id, login, name, roles, active) ",
            5,
            d.staff,
            |b, r| b
                .push_bind(r.id)
                .push_bind(&r.login)
                .push_bind(&r.name)
                .push_bind(&r.roles)
                .push_bind(r.active)
        );
        bulk_insert!(
            tx,
            "INSERT INTO employer (id, uscc, name, legal_rep, address, town, zone, status, established_on, arrears) ",
            10,
            d.employers,
            |b, r| b
                .push_bind(r.id)
                .push_bind(&r.uscc)
                .push_bind(&r.name)
                .push_bind(&r.legal_rep)
                .push_bind(&r.address)
                .push_bind(&r.town)
                .push_bind(&r.zone)
                .push_bind(r.status)
                .push_bind(r.established_on)
                .push_bind(r.arrears)
        );
        bulk_insert!(
            tx,
            "INSERT INTO person (id, id_number, name, phone, bank_account, employer_id, status, hired_on, last_paid_month, contribution_base, pension_base) ",
            11,
            d.persons,
            |b, r| b
                .push_bind(r.id)
                .push_bind(&r.id_number)
                .push_bind(&r.name)
                .push_bind(&r.phone)
                .push_bind(&r.bank_account)
                .push_bind(r.employer_id)
                .push_bind(r.status)
                .push_bind(r.hired_on)
                .push_bind(r.last_paid_month)
                .push_bind(r.contribution_base)
                .push_bind(r.pension_base)
        );
        bulk_insert!(
            tx,
            "INSERT INTO licence (id, kind, number, holder, uscc, legal_rep, address, district, zone, issued_on, expires_on, status) ",
            12,
            d.licences,
            |b, r| b
                .push_bind(r.id)
                .push_bind(r.kind)
                .push_bind(&r.number)
                .push_bind(&r.holder)
                .push_bind(&r.uscc)
                .push_bind(&r.legal_rep)
                .push_bind(&r.address)
                .push_bind(&r.district)
                .push_bind(&r.zone)
                .push_bind(r.issued_on)
                .push_bind(r.expires_on)
                .push_bind(r.status)
        );
        bulk_insert!(
            tx,
            "INSERT INTO inspection (id, licence_id, method, planned_on, done_on, result, findings) ",
            7,
            d.inspections,
            |b, r| b
                .push_bind(r.id)
                .push_bind(r.licence_id)
                .push_bind(r.method)
                .push_bind(r.planned_on)
                .push_bind(r.done_on)
                .push_bind(r.result)
                .push_bind(&r.findings)
        );
        bulk_insert!(
            tx,
            "INSERT INTO inspection_inspector (inspection_id, staff_id) ",
            2,
            d.inspection_inspectors,
            |b, r| b.push_bind(r.0).push_bind(r.1)
        );
        bulk_insert!(
            tx,
            "INSERT INTO annual_review (id, licence_id, year, due_on, submitted_on, result, note) ",
            7,
            d.annual_reviews,
            |b, r| b
                .push_bind(r.id)
                .push_bind(r.licence_id)
                .push_bind(r.year)
                .push_bind(r.due_on)
                .push_bind(r.submitted_on)
                .push_bind(r.result)
                .push_bind(&r.note)
        );
        bulk_insert!(
            tx,
            "INSERT INTO sanction (id, licence_id, kind, decided_on, deadline, amount, reason, status) ",
            8,
            d.sanctions,
            |b, r| b
                .push_bind(r.id)
                .push_bind(r.licence_id)
                .push_bind(r.kind)
                .push_bind(r.decided_on)
                .push_bind(r.deadline)
                .push_bind(r.amount)
                .push_bind(&r.reason)
                .push_bind(r.status)
        );
        bulk_insert!(
            tx,
            "INSERT INTO filing (id, kind, status, employer_id, person_id, received_at, declared, assigned_to) ",
            8,
            d.filings,
            |b, r| b
                .push_bind(r.id)
                .push_bind(r.kind)
                .push_bind(&r.status)
                .push_bind(r.employer_id)
                .push_bind(r.person_id)
                .push_bind(r.received_at)
                .push_bind(&r.declared)
                .push_bind(r.assigned_to)
        );
        bulk_insert!(
            tx,
            "INSERT INTO filing_material (filing_id, material, present, valid) ",
            4,
            d.materials,
            |b, r| b
                .push_bind(r.filing_id)
                .push_bind(&r.material)
                .push_bind(r.present)
                .push_bind(r.valid)
        );
        bulk_insert!(
            tx,
            "INSERT INTO complaint (id, complainant_name, complainant_id_number, complainant_phone, respondent_employer_id, respondent_name, matters, facts, channel, received_on, violation_on, decision, decision_due, decided_on, mass_incident) ",
            15,
            d.complaints,
            |b, r| b
                .push_bind(r.id)
                .push_bind(&r.complainant_name)
                .push_bind(&r.complainant_id_number)
                .push_bind(&r.complainant_phone)
                .push_bind(r.respondent_employer_id)
                .push_bind(&r.respondent_name)
                .push_bind(&r.matters)
                .push_bind(&r.facts)
                .push_bind(r.channel)
                .push_bind(r.received_on)
                .push_bind(r.violation_on)
                .push_bind(r.decision)
                .push_bind(r.decision_due)
                .push_bind(r.decided_on)
                .push_bind(r.mass_incident)
        );
        bulk_insert!(
            tx,
            "INSERT INTO inspection_case (id, number, complaint_id, respondent_employer_id, respondent_name, stage, registered_on, opened_on, due_on, extended, case_officer_id, fine, outcome, mass_incident, notice_served_on, decided_on, served_on, due_rule, queue_key) ",
            19,
            d.cases,
            |b, r| b
                .push_bind(r.id)
                .push_bind(&r.number)
                .push_bind(r.complaint_id)
                .push_bind(r.respondent_employer_id)
                .push_bind(&r.respondent_name)
                .push_bind(r.stage)
                .push_bind(r.registered_on)
                .push_bind(r.opened_on)
                .push_bind(r.due_on)
                .push_bind(r.extended)
                .push_bind(r.case_officer_id)
                .push_bind(r.fine)
                .push_bind(&r.outcome)
                .push_bind(r.mass_incident)
                .push_bind(r.notice_served_on)
                .push_bind(r.decided_on)
                .push_bind(r.served_on)
                .push_bind(&r.due_rule)
                .push_bind(&r.queue_key)
        );
        bulk_insert!(
            tx,
            "INSERT INTO case_inspector (case_id, staff_id) ",
            2,
            d.case_inspectors,
            |b, r| b.push_bind(r.0).push_bind(r.1)
        );
        bulk_insert!(
            tx,
            "INSERT INTO case_event (case_id, at, staff_id, stage_from, stage_to, note, on_date, served_by) ",
            8,
            d.case_events,
            |b, r| b
                .push_bind(r.case_id)
                .push_bind(r.at)
                .push_bind(r.staff_id)
                .push_bind(&r.stage_from)
                .push_bind(&r.stage_to)
                .push_bind(&r.note)
                .push_bind(r.on_date)
                .push_bind(&r.served_by)
        );
        bulk_insert!(
            tx,
            "INSERT INTO average_wage (year, region, monthly, source, effective_from) ",
            5,
            d.average_wages,
            |b, r| b
                .push_bind(r.year)
                .push_bind(&r.region)
                .push_bind(r.monthly)
                .push_bind(&r.source)
                .push_bind(r.effective_from)
        );
        bulk_insert!(
            tx,
            "INSERT INTO pension_figure (year, region, monthly, source, effective_from) ",
            5,
            d.pension_figures,
            |b, r| b
                .push_bind(r.year)
                .push_bind(&r.region)
                .push_bind(r.monthly)
                .push_bind(&r.source)
                .push_bind(r.effective_from)
        );
        bulk_insert!(
            tx,
            "INSERT INTO setting (key, value, source, effective_from) ",
            4,
            d.settings,
            |b, r| b
                .push_bind(&r.key)
                .push_bind(&r.value)
                .push_bind(&r.source)
                .push_bind(r.effective_from)
        );
        if DIALECT == Dialect::Postgres {
            // Rows came with their ids: move each sequence past them.
            sqlx::raw_sql(PG_SEQUENCES_PAST_MAX)
                .execute(&mut *tx)
                .await?;
        }
        append_audit(
            &mut tx,
            self.clock.now(),
            actor,
            "demo.seed",
            "database",
            "demo",
            &format!(
                "{} employers, {} persons, {} licences, {} filings, {} cases",
                d.employers.len(),
                d.persons.len(),
                d.licences.len(),
                d.filings.len(),
                d.cases.len()
            ),
        )
        .await?;
        tx.commit().await?;
        if DIALECT == Dialect::Sqlite {
            // The seed is one large write: fold the log into the database so
            // the first reads do not wade through it.
            sqlx::query("PRAGMA wal_checkpoint(PASSIVE)").execute(&self.pool).await?;
        }
        Ok(())
    }
}
