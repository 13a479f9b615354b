// Zones and the inspector teams that watch them in rotation; part of the
// backend included per database.

impl Backend {
    /// The supervision zones by code: (code, name).
    pub async fn zones(&self) -> Result<Vec<(String, String)>, StoreError> {
        Ok(sqlx::query_as("SELECT code, name FROM zone ORDER BY code")
            .fetch_all(&self.pool)
            .await?)
    }

    /// The inspector teams in the order they were formed, each with its
    /// members' names: (id, name, members).
    pub async fn teams(&self) -> Result<Vec<(i64, String, Vec<String>)>, StoreError> {
        let rows: Vec<(i64, String, Option<String>)> = sqlx::query_as(
            "SELECT t.id, t.name, s.name FROM inspector_team t
             LEFT JOIN team_member m ON m.team_id = t.id LEFT JOIN staff s ON s.id = m.staff_id
             ORDER BY t.id, s.id",
        )
        .fetch_all(&self.pool)
        .await?;
        let mut out: Vec<(i64, String, Vec<String>)> = Vec::new();
        for (id, name, member) in rows {
            if out.last().is_none_or(|t| t.0 != id) {
                out.push((id, name, Vec::new()));
            }
            if let (Some(m), Some(t)) = (member, out.last_mut()) {
                t.2.push(m);
            }
        }
        Ok(out)
    }

    /// Forms a team with its members. A name already taken is a duplicate.
    pub async fn add_team(&self, actor: &crate::domain::Staff, name: &str, members: &[i64]) -> Result<i64, StoreError> {
        let mut tx = self.begin_write().await?;
        let id: i64 = sqlx::query_scalar("INSERT INTO inspector_team (name) VALUES ($1) RETURNING id")
            .bind(name)
            .fetch_one(&mut *tx)
            .await
            .map_err(|e| match unique_violation(&e) {
                true => StoreError::Duplicate(name.to_string()),
                false => e.into(),
            })?;
        for s in members {
            sqlx::query("INSERT INTO team_member (team_id, staff_id) VALUES ($1, $2)")
                .bind(id)
                .bind(s)
                .execute(&mut *tx)
                .await?;
        }
        append_audit(&mut tx, self.clock.now(), &actor.login, "team.add", "inspector_team", &id.to_string(), &format!("{} members", members.len()))
            .await?;
        tx.commit().await?;
        Ok(id)
    }
}
