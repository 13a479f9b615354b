// A copy of the database for its backup, and the checks a copy gets; part
// of the backend included per database.

impl Backend {
    /// A consistent copy of a SQLite database into the empty file `to`
    /// (`VACUUM INTO`: a snapshot, while desks keep working).
    pub async fn vacuum_into(&self, to: &std::path::Path) -> Result<(), StoreError> {
        sqlx::query("VACUUM INTO $1")
            .bind(to.to_string_lossy().into_owned())
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// SQLite's own check of every page and index: "ok" when sound.
    pub async fn integrity_check(&self) -> Result<String, StoreError> {
        Ok(sqlx::query_scalar("PRAGMA integrity_check")
            .fetch_one(&self.pool)
            .await?)
    }
}
