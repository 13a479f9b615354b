//! What every command needs: the language, the database, and who is working.

use crate::domain::Staff;
use crate::domain::calendar::CalendarFile;
use crate::i18n::{self, Lang};
use crate::store::{DatabaseUrl, Store, default_database_path};
use std::process::ExitCode;

/// The calendar tables shipped with the program; loaded into a new database.
pub const SHIPPED_CALENDAR: &str = include_str!("../../data/calendar.toml");

#[derive(Debug, Clone, clap::Args)]
pub struct Global {
    /// 数据库地址 / Database: sqlite://PATH or postgres://USER@HOST/DB
    #[arg(long, global = true, env = "HRSS_DATABASE_URL")]
    pub database_url: Option<String>,
    /// 以指定工作人员身份（仅演示库或管理员） / Act as this staff member (demo database or administrators only)
    #[arg(long, global = true)]
    pub user: Option<String>,
    /// 界面语言 zh 或 en / Language: zh (default) or en
    #[arg(long, global = true, env = "HRSS_LANG")]
    pub lang: Option<String>,
    /// 键位：default、function-keys 或键位文件路径 / Keymap: default, function-keys or a file's path
    #[arg(long, global = true)]
    pub keymap: Option<String>,
}

impl Global {
    /// Fills what the command line left open from the config file.
    pub fn with_config(mut self) -> Result<Global, Failure> {
        let config = crate::config::load().map_err(|(path, why)| {
            Failure::new(
                2,
                format!(
                    "配置文件 {} 有误：{why} / The config file {} is not valid: {why}",
                    path.display(),
                    path.display()
                ),
            )
        })?;
        self.database_url = self.database_url.or(config.database_url);
        self.lang = self.lang.or(config.lang);
        self.keymap = self.keymap.or(config.keymap);
        Ok(self)
    }

    pub fn lang(&self) -> Result<Lang, Failure> {
        match &self.lang {
            None => Ok(Lang::Zh),
            Some(code) => {
                Lang::parse(code).ok_or_else(|| Failure::new(2, i18n::unknown_lang(code)))
            }
        }
    }
}

/// A command that could not do its work: one sentence and an exit code.
#[derive(Debug)]
pub struct Failure {
    pub code: u8,
    pub message: String,
}

impl Failure {
    pub fn new(code: u8, message: impl Into<String>) -> Self {
        Failure {
            code,
            message: message.into(),
        }
    }

    pub fn store(lang: Lang, e: &crate::store::StoreError) -> Self {
        Failure::new(1, i18n::store_error(lang, e))
    }

    pub fn report(self) -> ExitCode {
        eprintln!("{}", self.message);
        ExitCode::from(self.code)
    }
}

/// An open, migrated database.
pub struct Opened {
    pub store: Store,
    pub url: DatabaseUrl,
    pub applied: Vec<i64>,
}

/// Opens the database named by `--database-url` (or `HRSS_DATABASE_URL`),
/// else `default_file` in the data directory; applies migrations and loads the
/// shipped calendar years it lacks.
pub async fn open_store(g: &Global, lang: Lang, default_file: &str) -> Result<Opened, Failure> {
    let url = match &g.database_url {
        Some(u) => DatabaseUrl::parse(u).map_err(|e| Failure::store(lang, &e))?,
        None => {
            let path = default_database_path(default_file);
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).map_err(|e| {
                    Failure::new(
                        1,
                        i18n::cannot_read(lang, &dir.display().to_string(), &e.to_string()),
                    )
                })?;
            }
            DatabaseUrl::Sqlite(path)
        }
    };
    let store = Store::connect(&url)
        .await
        .map_err(|e| Failure::store(lang, &e))?;
    let applied = store
        .migrate()
        .await
        .map_err(|e| Failure::store(lang, &e))?;
    let shipped = CalendarFile::parse(SHIPPED_CALENDAR)
        .map_err(|e| Failure::new(1, i18n::calendar_error(lang, &e)))?;
    store
        .seed_calendar(&shipped.year)
        .await
        .map_err(|e| Failure::store(lang, &e))?;
    Ok(Opened {
        store,
        url,
        applied,
    })
}

pub async fn migrate_only(g: &Global, lang: Lang) -> Result<ExitCode, Failure> {
    let o = open_store(g, lang, DEFAULT_DATABASE).await?;
    let version = o
        .store
        .schema_version()
        .await
        .map_err(|e| Failure::store(lang, &e))?;
    println!("{}", i18n::migrated(lang, &o.applied, version));
    o.store.close().await;
    Ok(ExitCode::SUCCESS)
}

/// The office database's file name in the data directory.
pub const DEFAULT_DATABASE: &str = "hrss-desk.sqlite";

/// The operating-system login of this process, as SSH gives it.
pub fn os_login() -> String {
    nix::unistd::User::from_uid(nix::unistd::getuid())
        .ok()
        .flatten()
        .map(|u| u.name)
        .or_else(|| std::env::var("USER").ok())
        .unwrap_or_default()
}

/// Who is working. The OS login must be on the staff list; `--user` is
/// honoured only on a demo database or when the OS login is an administrator.
/// On a demo database an unknown login works as the demo's section chief.
pub async fn identify(store: &Store, g: &Global, lang: Lang) -> Result<Staff, Failure> {
    let demo = store
        .is_demo()
        .await
        .map_err(|e| Failure::store(lang, &e))?;
    let os = os_login();
    let lookup = |login: String| async move {
        store
            .staff_by_login(&login)
            .await
            .map_err(|e| Failure::store(lang, &e))
            .map(|s| (login, s))
    };
    let (login, found) = match &g.user {
        Some(wanted) if demo => lookup(wanted.clone()).await?,
        Some(wanted) => {
            let (_, me) = lookup(os.clone()).await?;
            match me {
                Some(me) if me.is_admin() && me.active => lookup(wanted.clone()).await?,
                _ => return Err(Failure::new(1, i18n::user_flag_refused(lang))),
            }
        }
        None => match lookup(os.clone()).await? {
            (_, None) if demo => lookup(crate::demo::DEFAULT_DEMO_LOGIN.to_string()).await?,
            other => other,
        },
    };
    match found {
        Some(s) if s.active => Ok(s),
        Some(_) => Err(Failure::new(1, i18n::inactive_login(lang, &login))),
        None => Err(Failure::new(1, i18n::unknown_login(lang, &login))),
    }
}
