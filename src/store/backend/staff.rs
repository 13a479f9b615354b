// The staff list's changes after a member is added: deactivated,
// reactivated, roles changed; part of the backend included per database.

impl Backend {
    /// Changes `login`'s standing in one transaction, audited; refused
    /// (nothing written) for a login not on the list or a change that would
    /// leave no active administrator.
    pub async fn change_staff(
        &self,
        actor: &str,
        login: &str,
        change: &crate::domain::staff::StaffChange,
    ) -> Result<Result<Staff, crate::domain::staff::StaffRefusal>, StoreError> {
        use crate::domain::staff::{StaffChange, StaffRefusal, changed, format_roles, leaves_an_admin};
        let mut tx = self.begin_write().await?;
        if DIALECT == Dialect::Postgres {
            // Two administrators removing each other at once cannot both pass.
            sqlx::query("LOCK TABLE staff IN SHARE ROW EXCLUSIVE MODE")
                .execute(&mut *tx)
                .await?;
        }
        let row: Option<StaffRow> =
            sqlx::query_as("SELECT id, login, name, roles, active FROM staff WHERE login = $1")
                .bind(login)
                .fetch_optional(&mut *tx)
                .await?;
        let Some(member) = row.map(staff_from_row).transpose()? else {
            return Ok(Err(StaffRefusal::NoSuchLogin));
        };
        let rows: Vec<StaffRow> = sqlx::query_as(
            "SELECT id, login, name, roles, active FROM staff WHERE active = TRUE AND login <> $1",
        )
        .bind(login)
        .fetch_all(&mut *tx)
        .await?;
        let others = rows
            .into_iter()
            .map(staff_from_row)
            .collect::<Result<Vec<_>, _>>()?
            .iter()
            .filter(|s| s.roles.contains(&crate::domain::Role::Admin))
            .count() as i64;
        let (active, roles) = changed(&member, change);
        if !leaves_an_admin(others, active, &roles) {
            return Ok(Err(StaffRefusal::LastAdmin));
        }
        let roles_text = format_roles(&roles);
        sqlx::query("UPDATE staff SET active = $1, roles = $2, version = version + 1 WHERE id = $3")
            .bind(active)
            .bind(&roles_text)
            .bind(member.id)
            .execute(&mut *tx)
            .await?;
        let (what, detail) = match change {
            StaffChange::Deactivate => ("staff.deactivate", login.to_string()),
            StaffChange::Activate => ("staff.activate", login.to_string()),
            StaffChange::Roles(_) => (
                "staff.roles",
                format!("{login} [{}] -> [{roles_text}]", format_roles(&member.roles)),
            ),
        };
        append_audit(
            &mut tx,
            self.clock.now(),
            actor,
            what,
            "staff",
            &member.id.to_string(),
            &detail,
        )
        .await?;
        tx.commit().await?;
        Ok(Ok(Staff {
            active,
            roles,
            ..member
        }))
    }
}
