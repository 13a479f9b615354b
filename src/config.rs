//! The config files: the office's, `/etc/hrss-desk/config.toml` (on the
//! server every SSH desk shares), and the user's own, `config.toml` in the
//! user's config directory (`~/.config/hrss-desk/`): what a command-line
//! flag would otherwise say. A flag or environment variable wins over the
//! user's file, which wins over the office's, key by key — except the
//! review lease: the office's file, when it sets one, binds every desk, and a
//! user's own may only shorten the office's setting (see [`Lease`]).

use serde::Deserialize;
use std::path::PathBuf;

#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub database_url: Option<String>,
    pub lang: Option<String>,
    /// A shipped keymap's name or a keymap file's path.
    pub keymap: Option<String>,
    /// off, error, warn, info (default) or debug.
    pub log_level: Option<String>,
    /// Where the daily log files go (default: the state directory's).
    pub log_dir: Option<String>,
    /// How long a filing opened for review stays this desk's (minutes,
    /// 1–480); unset: the office setting in the database (15 by default).
    /// Read through [`Layers::lease`], not merged.
    pub lease_minutes: Option<u32>,
    /// Where `audit anchor` appends the audit log's head: a file the
    /// database's writers cannot rewrite. Read from the office's file only.
    pub audit_anchor_file: Option<String>,
    /// The CUPS queue documents are printed on (checked when read:
    /// [`crate::printing::Printer`]); unset: documents are written only.
    pub printer: Option<String>,
    /// The folder documents are written to, `%u` standing for the login
    /// (the deployment guide's folder reachable by SFTP); unset: the home
    /// folder.
    pub documents_dir: Option<String>,
}

impl Config {
    /// Each key from `self`, else from `under`.
    pub fn over(self, under: Config) -> Config {
        Config {
            database_url: self.database_url.or(under.database_url),
            lang: self.lang.or(under.lang),
            keymap: self.keymap.or(under.keymap),
            log_level: self.log_level.or(under.log_level),
            log_dir: self.log_dir.or(under.log_dir),
            lease_minutes: self.lease_minutes.or(under.lease_minutes),
            // The office's alone: a desk does not choose where its trail is kept.
            audit_anchor_file: under.audit_anchor_file,
            printer: self.printer.or(under.printer),
            documents_dir: self.documents_dir.or(under.documents_dir),
        }
    }
}

/// The two files read, each as found (a missing file is empty).
#[derive(Debug, Clone, Default)]
pub struct Layers {
    pub user: Config,
    pub office: Config,
}

/// How long a filing opened for review stays the desk's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lease {
    /// The office's config file says: these minutes, whatever else says.
    Office(u32),
    /// A user's own file says: these minutes, or the office's setting in the
    /// database if that is shorter. A desk holding filings longer than the
    /// office allows would keep the other clerks from them.
    AtMost(u32),
}

impl Lease {
    /// The minutes for a desk, given the office's setting in the database.
    pub fn minutes(lease: Option<Lease>, office_setting: u32) -> u32 {
        match lease {
            Some(Lease::Office(m)) => m,
            Some(Lease::AtMost(m)) => m.min(office_setting),
            None => office_setting,
        }
    }
}

impl Layers {
    /// Each key from the user's file, else the office's (the lease aside:
    /// [`Layers::lease`]).
    pub fn merged(&self) -> Config {
        self.user.clone().over(self.office.clone())
    }

    /// Where documents go and the printer they are sent to, key by key.
    pub fn printing(&self) -> crate::printing::Settings {
        let merged = self.merged();
        crate::printing::Settings {
            // Checked when each file was read.
            printer: merged
                .printer
                .and_then(|p| crate::printing::Printer::parse(&p)),
            documents_dir: merged.documents_dir,
            search_path: None,
        }
    }

    pub fn lease(&self) -> Option<Lease> {
        match (self.office.lease_minutes, self.user.lease_minutes) {
            (Some(m), _) => Some(Lease::Office(m)),
            (None, Some(m)) => Some(Lease::AtMost(m)),
            (None, None) => None,
        }
    }
}

/// The user's config file's path.
pub fn path() -> PathBuf {
    config_dir().join("config.toml")
}

/// Where every desk on a server finds the office's config file.
pub const OFFICE_PATH: &str = "/etc/hrss-desk/config.toml";

/// The office's config file: `/etc/hrss-desk/config.toml`, or the file
/// `HRSS_OFFICE_CONFIG` names (a second installation on one server, a
/// rehearsal) — honoured only for an administrator or on a demo database,
/// which the command line checks once it knows who is working
/// ([`office_overridden`]).
pub fn office_path() -> PathBuf {
    std::env::var_os("HRSS_OFFICE_CONFIG")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(OFFICE_PATH))
}

/// Whether the environment names an office file other than the server's.
pub fn office_overridden() -> bool {
    office_path() != std::path::Path::new(OFFICE_PATH)
}

/// The server's own office file, whatever the environment says.
pub fn server_office() -> Result<Config, (PathBuf, String)> {
    read(PathBuf::from(OFFICE_PATH))
}

/// `~/.config/hrss-desk`, where the config file and a user keymap live.
pub fn config_dir() -> PathBuf {
    dirs::config_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join("hrss-desk")
}

/// Reads both config files. The error names the file and what is wrong
/// with it.
pub fn load() -> Result<Layers, (PathBuf, String)> {
    Ok(Layers {
        user: read(path())?,
        office: read(office_path())?,
    })
}

fn read(path: PathBuf) -> Result<Config, (PathBuf, String)> {
    match std::fs::read_to_string(&path) {
        Ok(text) => parse(&text).map_err(|e| (path, e)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
        Err(e) => Err((path, e.to_string())),
    }
}

pub fn parse(text: &str) -> Result<Config, String> {
    let c: Config = toml::from_str(text).map_err(|e| e.message().to_string())?;
    if let Some(m) = c.lease_minutes
        && !(1..=480).contains(&m)
    {
        return Err(format!(
            "lease_minutes = {m}：应为 1 至 480 分钟 / lease_minutes = {m}: must be 1 to 480 minutes"
        ));
    }
    if let Some(p) = &c.printer {
        crate::printing::Printer::parse(p).ok_or_else(|| crate::i18n::bad_printer(p))?;
    }
    Ok(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_config_file_names_language_keymap_and_database() {
        let c = parse("lang = \"en\"\nkeymap = \"function-keys\"\ndatabase_url = \"sqlite:///srv/hrss.sqlite\"").unwrap();
        assert_eq!(c.lang.as_deref(), Some("en"));
        assert_eq!(c.keymap.as_deref(), Some("function-keys"));
        assert!(
            parse("colour = \"blue\"").is_err(),
            "unknown keys are named, not ignored"
        );
        assert_eq!(parse("").unwrap(), Config::default());
    }

    #[test]
    fn the_users_file_wins_over_the_offices_key_by_key() {
        let office = parse(
            "database_url = \"sqlite:///srv/office.sqlite\"\nlang = \"zh\"\nlease_minutes = 30",
        )
        .unwrap();
        let user = parse("lang = \"en\"").unwrap();
        let m = Layers { user, office }.merged();
        assert_eq!(m.lang.as_deref(), Some("en"));
        assert_eq!(
            m.database_url.as_deref(),
            Some("sqlite:///srv/office.sqlite")
        );
        assert_eq!(m.lease_minutes, Some(30));
    }

    #[test]
    fn the_offices_review_lease_binds_and_a_users_own_only_shortens() {
        let office = parse("lease_minutes = 30").unwrap();
        let user = parse("lease_minutes = 480\nlang = \"en\"").unwrap();
        let both = Layers {
            user: user.clone(),
            office,
        };
        assert_eq!(both.lease(), Some(Lease::Office(30)));
        assert_eq!(
            Lease::minutes(both.lease(), 15),
            30,
            "the office's file binds"
        );
        assert_eq!(both.merged().lang.as_deref(), Some("en"));
        // Where the office's file says nothing, the user's own is at most
        // the office's setting in the database.
        let alone = Layers {
            user,
            office: Config::default(),
        };
        assert_eq!(alone.lease(), Some(Lease::AtMost(480)));
        assert_eq!(Lease::minutes(alone.lease(), 15), 15);
        assert_eq!(Lease::minutes(Some(Lease::AtMost(5)), 15), 5);
        assert_eq!(Lease::minutes(None, 20), 20);
    }

    #[test]
    fn the_printer_and_the_documents_folder_are_the_users_over_the_offices() {
        let office =
            parse("printer = \"counter-1\"\ndocuments_dir = \"/srv/hrss-desk/sftp/%u/documents\"")
                .unwrap();
        let user = parse("printer = \"chief-room\"").unwrap();
        let both = Layers {
            user,
            office: office.clone(),
        };
        let p = both.printing();
        assert_eq!(p.printer.as_ref().map(|p| p.name()), Some("chief-room"));
        assert_eq!(
            p.documents_dir.as_deref(),
            Some("/srv/hrss-desk/sftp/%u/documents")
        );
        let alone = Layers {
            user: Config::default(),
            office,
        };
        assert_eq!(
            alone.printing().printer.as_ref().map(|p| p.name()),
            Some("counter-1")
        );
        assert_eq!(
            Layers::default().printing(),
            crate::printing::Settings::default()
        );
        let e = parse("printer = \"front desk\"").unwrap_err();
        assert!(
            e.contains("打印机名称") && e.contains("Printer name"),
            "{e}"
        );
        assert!(parse("printer = \"a/b\"").is_err());
    }

    #[test]
    fn a_bad_lease_is_refused() {
        let e = parse("lease_minutes = 0").unwrap_err();
        assert!(e.contains("1 至 480"), "{e}");
        assert!(parse("lease_minutes = 481").is_err());
    }
}
