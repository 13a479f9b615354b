//! `hrss-desk backup DEST`: a copy of the office database that is safe to
//! keep (issue 23, point 5). Made under a random name beside DEST (created
//! new, owner-only, so nothing planted there is followed), checked before it
//! is given DEST's name — SQLite's integrity check and the audit chain
//! verified on the copy itself; a Postgres dump listed back by pg_restore —
//! and never written over an existing file.

use crate::i18n::{self, Lang};
use crate::store::{DatabaseUrl, Store};
use std::path::Path;

/// Copies the database at `url` (open as `store`) to `dest`. Ok is the
/// sentence to show.
pub async fn backup(
    store: &Store,
    url: &DatabaseUrl,
    dest: &Path,
    lang: Lang,
) -> Result<String, String> {
    let shown = dest.display().to_string();
    let fail = |e: crate::store::StoreError| i18n::store_error(lang, &e);
    if std::fs::symlink_metadata(dest).is_ok() {
        return Err(i18n::backup_exists(lang, &shown));
    }
    let dir = match dest.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    // O_CREAT | O_EXCL under a random name, mode 0600.
    let tmp = tempfile::Builder::new()
        .prefix(".hrss-backup.")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| i18n::cannot_write(lang, &shown, &e.to_string()))?;
    let checked = match url {
        DatabaseUrl::Sqlite(_) => {
            store.vacuum_into(tmp.path()).await.map_err(fail)?;
            let copy = Store::connect(&DatabaseUrl::Sqlite(tmp.path().to_path_buf()))
                .await
                .map_err(fail)?;
            let sound = copy.integrity_check().await.map_err(fail)?;
            let chain = copy.verify_audit().await.map_err(fail)?;
            copy.close().await;
            if sound != "ok" {
                return Err(i18n::backup_unsound(lang, &i18n::printable(&sound)));
            }
            chain.map_err(|b| i18n::backup_chain_broken(lang, &i18n::audit_broken(lang, &b)))?
        }
        DatabaseUrl::Postgres(u) => {
            let target = DumpTarget::of(u)
                .ok_or_else(|| i18n::backup_tool_failed(lang, "pg_dump", "URL"))?;
            let mut dump = std::process::Command::new("pg_dump");
            dump.args(["--format=custom", "--no-owner", "--dbname", &target.url]);
            if let Some(schema) = &target.schema {
                dump.arg("--schema").arg(schema);
            }
            // Never on the command line, where `ps` shows it to every login.
            if let Some(password) = &target.password {
                dump.env("PGPASSWORD", password);
            }
            let out = dump
                .stdout(
                    tmp.reopen()
                        .map_err(|e| i18n::cannot_write(lang, &shown, &e.to_string()))?,
                )
                .stderr(std::process::Stdio::piped())
                .output()
                .map_err(|e| i18n::backup_tool_missing(lang, "pg_dump", &e.to_string()))?;
            if !out.status.success() {
                let why = String::from_utf8_lossy(&out.stderr);
                return Err(i18n::backup_tool_failed(
                    lang,
                    "pg_dump",
                    &i18n::printable(why.trim()),
                ));
            }
            let listed = std::process::Command::new("pg_restore")
                .arg("--list")
                .arg(tmp.path())
                .output()
                .map_err(|e| i18n::backup_tool_missing(lang, "pg_restore", &e.to_string()))?;
            if !listed.status.success() {
                let why = String::from_utf8_lossy(&listed.stderr);
                return Err(i18n::backup_tool_failed(
                    lang,
                    "pg_restore",
                    &i18n::printable(why.trim()),
                ));
            }
            // The chain as the dump took it: the live database's, verified.
            store
                .verify_audit()
                .await
                .map_err(fail)?
                .map_err(|b| i18n::backup_chain_broken(lang, &i18n::audit_broken(lang, &b)))?
        }
    };
    let size = std::fs::metadata(tmp.path()).map_or(0, |m| m.len());
    tmp.persist_noclobber(dest).map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            i18n::backup_exists(lang, &shown)
        } else {
            i18n::cannot_write(lang, &shown, &e.error.to_string())
        }
    })?;
    let dump = matches!(url, DatabaseUrl::Postgres(_));
    Ok(i18n::backup_done(lang, &shown, size, checked, dump))
}

/// The database URL as pg_dump takes it: libpq does not know sqlx's
/// `options[search_path]` (that becomes `--schema`), and the password goes
/// by environment, not by argument.
#[derive(Debug, PartialEq)]
struct DumpTarget {
    url: String,
    schema: Option<String>,
    password: Option<String>,
}

impl DumpTarget {
    fn of(u: &str) -> Option<DumpTarget> {
        let mut parsed = url::Url::parse(u).ok()?;
        let password = parsed.password().map(|p| {
            percent_encoding::percent_decode_str(p)
                .decode_utf8_lossy()
                .into_owned()
        });
        parsed.set_password(None).ok()?;
        let mut schema = None;
        let kept: Vec<(String, String)> = parsed
            .query_pairs()
            .filter_map(|(k, v)| {
                if k == "options[search_path]" {
                    schema = Some(v.into_owned());
                    None
                } else {
                    Some((k.into_owned(), v.into_owned()))
                }
            })
            .collect();
        if kept.is_empty() {
            parsed.set_query(None);
        } else {
            parsed.query_pairs_mut().clear().extend_pairs(kept);
        }
        Some(DumpTarget {
            url: parsed.to_string(),
            schema,
            password,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::DumpTarget;

    #[test]
    fn the_password_leaves_the_url_and_the_search_path_becomes_a_schema() {
        let t = DumpTarget::of(
            "postgres://desk:s%40cret@db.local:5432/hrss?sslmode=require&options[search_path]=office",
        )
        .unwrap();
        assert_eq!(t.url, "postgres://desk@db.local:5432/hrss?sslmode=require");
        assert_eq!(t.schema.as_deref(), Some("office"));
        assert_eq!(t.password.as_deref(), Some("s@cret"));
        let plain = DumpTarget::of("postgres://desk@localhost/hrss").unwrap();
        assert_eq!(plain.url, "postgres://desk@localhost/hrss");
        assert_eq!((plain.schema, plain.password), (None, None));
    }
}
