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
    /// The log's level and directory: from the config file only.
    #[arg(skip)]
    pub log_level: Option<String>,
    #[arg(skip)]
    pub log_dir: Option<String>,
    /// A filing's review lease: from a config file only.
    #[arg(skip)]
    pub lease: Option<crate::config::Lease>,
    /// The office's audit anchor file: from the office's config file only.
    #[arg(skip)]
    pub anchor_file: Option<std::path::PathBuf>,
    /// The user's own config file as read, for the lease when the office's
    /// file named by the environment is not honoured.
    #[arg(skip)]
    pub user_config: crate::config::Config,
    /// The documents folder and the printer: from the config files.
    #[arg(skip)]
    pub printing: crate::printing::Settings,
    /// The database a config file names, apart from `--database-url` (or
    /// `HRSS_DATABASE_URL`): `demo` never touches it.
    #[arg(skip)]
    pub configured_database_url: Option<String>,
    /// Whether `--database-url` (or `HRSS_DATABASE_URL`) named the database.
    #[arg(skip)]
    pub database_url_given: bool,
}

impl Global {
    /// Fills what the command line left open from the config file.
    pub fn with_config(mut self) -> Result<Global, Failure> {
        let config = crate::config::load().map_err(|(path, why)| {
            Failure::new(2, i18n::config_file_bad(&path.display().to_string(), &why))
        })?;
        self.lease = config.lease();
        self.printing = config.printing();
        self.user_config = config.user.clone();
        self.anchor_file = config
            .office
            .audit_anchor_file
            .clone()
            .map(std::path::PathBuf::from);
        let config = config.merged();
        self.database_url_given = self.database_url.is_some();
        self.configured_database_url = config.database_url.clone();
        self.database_url = self.database_url.or(config.database_url);
        self.lang = self.lang.or(config.lang);
        self.keymap = self.keymap.or(config.keymap);
        self.log_level = config.log_level;
        self.log_dir = config.log_dir;
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

pub use crate::failure::Failure;

/// An open, migrated database and who is working on it.
pub struct Opened {
    pub store: Store,
    pub url: DatabaseUrl,
    pub applied: Vec<i64>,
    /// None only while the database has no staff yet (setting up).
    pub staff: Option<Staff>,
    /// The review lease and the audit anchor file in force: the office
    /// file's, from the server's own file unless `HRSS_OFFICE_CONFIG` may
    /// name another (an administrator, a demo database).
    pub lease: Option<crate::config::Lease>,
    pub anchor_file: Option<std::path::PathBuf>,
    /// The documents folder and the printer, from the same files.
    pub printing: crate::printing::Settings,
}

/// Who acts, the office's calendar and the day: what an acting command's
/// workflow context borrows beside the store.
pub struct Acting {
    pub staff: Staff,
    pub calendar: crate::domain::WorkCalendar,
    pub today: chrono::NaiveDate,
}

impl Opened {
    /// The staff member working (a command that acts refuses to open
    /// without one), the calendar and today.
    pub async fn acting(&self, lang: Lang) -> Result<Acting, Failure> {
        Ok(Acting {
            staff: self.staff.clone().expect("refused without staff"),
            calendar: calendar(&self.store, lang).await?,
            today: self.store.clock().today(),
        })
    }
}

impl Acting {
    pub fn cx<'a>(&'a self, store: &'a Store, lang: Lang) -> crate::workflow::Cx<'a> {
        crate::workflow::Cx {
            store,
            calendar: &self.calendar,
            staff: &self.staff,
            lang,
            today: self.today,
        }
    }
}

/// Whether a command may run on a database that has no staff yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setup {
    Allowed,
    Refused,
    /// `hrss-desk demo`: allowed without staff, and the database it makes
    /// may be pinned to a day (`HRSS_TODAY`) as a demo may.
    Demo,
}

/// Opens the database named by `--database-url` (or `HRSS_DATABASE_URL`, or
/// the config file), else `default_file` in the data directory. Who is working
/// is settled before anything is written: an unknown login changes nothing.
/// Then migrations are applied and the shipped calendar years it lacks loaded.
pub async fn open_store(
    g: &Global,
    lang: Lang,
    default_file: &str,
    setup: Setup,
) -> Result<Opened, Failure> {
    let url = match &g.database_url {
        Some(u) => DatabaseUrl::parse(u).map_err(|e| Failure::store(lang, &e))?,
        None => {
            let path = default_database_path(default_file);
            if let Some(dir) = path.parent() {
                // The data folder for its owner and group only.
                use std::os::unix::fs::DirBuilderExt;
                std::fs::DirBuilder::new()
                    .recursive(true)
                    .mode(0o750)
                    .create(dir)
                    .map_err(|e| {
                        Failure::new(
                            1,
                            i18n::cannot_read(lang, &dir.display().to_string(), &e.to_string()),
                        )
                    })?;
            }
            DatabaseUrl::Sqlite(path)
        }
    };
    // A pinned day that is not a date is refused before anything is opened.
    let pin = crate::clock::parse_pin(std::env::var(crate::clock::TODAY_VAR).ok().as_deref())
        .map_err(|v| Failure::new(2, i18n::bad_today_pin(lang, &v)))?;
    let mut store = Store::connect(&url)
        .await
        .map_err(|e| Failure::store(lang, &e))?;
    let fail = |e: crate::store::StoreError| Failure::store(lang, &e);
    let version = store.schema_version().await.map_err(fail)?;
    let known = crate::store::migrate::latest();
    if version > known {
        return Err(fail(crate::store::StoreError::SchemaNewer {
            found: version,
            known,
        }));
    }
    // `demo` makes a new database or opens its own: any other is an
    // office's, and the demo's records (and its anyone-may-be-anyone
    // `--user`) never go into it.
    if setup == Setup::Demo && version > 0 && !store.is_demo().await.map_err(fail)? {
        store.close().await;
        return Err(Failure::new(
            1,
            i18n::demo_not_on_office(lang, &url.describe()),
        ));
    }
    let has_staff = version > 0 && !store.list_staff().await.map_err(fail)?.is_empty();
    // Only a demo (or the demo command's new database) may be pinned to a
    // day: an office database keeps the server's clock, whatever is set.
    if let Some(day) = pin {
        let demo = version > 0 && store.is_demo().await.map_err(fail)?;
        if !(demo || (setup == Setup::Demo && !has_staff)) {
            return Err(Failure::new(1, i18n::today_pin_refused(lang)));
        }
        store.set_clock(crate::clock::Clock::Pinned(day));
    }
    let staff = match (has_staff, setup) {
        (true, _) => Some(identify(&store, g, lang).await?),
        (false, Setup::Allowed | Setup::Demo) => None,
        (false, Setup::Refused) => return Err(Failure::new(1, i18n::no_staff_yet(lang))),
    };
    let applied = store.migrate().await.map_err(fail)?;
    let shipped = CalendarFile::parse(SHIPPED_CALENDAR)
        .map_err(|e| Failure::new(1, i18n::calendar_error(lang, &e)))?;
    store.seed_calendar(&shipped.year).await.map_err(fail)?;
    let (mut lease, mut anchor_file) = (g.lease, g.anchor_file.clone());
    if let Some(s) = &staff
        && crate::config::office_overridden()
        // An administrator acting as another is still the one at the desk.
        && !(s.is_admin() || s.acted_by.is_some())
        && !store.is_demo().await.map_err(fail)?
    {
        // A desk may not choose its own office file (and so its own lease):
        // the server's file holds, whatever the environment names.
        tracing::warn!("HRSS_OFFICE_CONFIG ignored: not an administrator");
        let office = crate::config::server_office().map_err(|(path, why)| {
            Failure::new(2, i18n::config_file_bad(&path.display().to_string(), &why))
        })?;
        let layers = crate::config::Layers {
            user: g.user_config.clone(),
            office,
        };
        lease = layers.lease();
        anchor_file = layers
            .office
            .audit_anchor_file
            .map(std::path::PathBuf::from);
    }
    Ok(Opened {
        store,
        url,
        applied,
        staff,
        lease,
        anchor_file,
        // The printer and the documents folder stay as read: a user's own
        // file may set both, so the office's file binds neither.
        printing: g.printing.clone(),
    })
}

pub async fn migrate_only(g: &Global, lang: Lang) -> Result<ExitCode, Failure> {
    let o = open_store(g, lang, DEFAULT_DATABASE, Setup::Allowed).await?;
    let version = o
        .store
        .schema_version()
        .await
        .map_err(|e| Failure::store(lang, &e))?;
    println!("{}", i18n::migrated(lang, &o.applied, version));
    o.store.close().await;
    Ok(ExitCode::SUCCESS)
}

/// The office's working-day calendar, as the store holds it.
pub async fn calendar(store: &Store, lang: Lang) -> Result<crate::domain::WorkCalendar, Failure> {
    let years = store
        .calendar_years()
        .await
        .map_err(|e| Failure::store(lang, &e))?;
    Ok(crate::domain::WorkCalendar::from_years(&years))
}

/// The office database's file name in the data directory.
pub const DEFAULT_DATABASE: &str = "hrss-desk.sqlite";

pub use crate::login::os_login;

/// The OS login, or the sentence refusing a process that has none.
pub fn os_login_or_refuse(lang: Lang) -> Result<String, Failure> {
    os_login().ok_or_else(|| {
        Failure::new(
            1,
            i18n::no_passwd_entry(lang, nix::unistd::getuid().as_raw()),
        )
    })
}

/// Who is working. The OS login must be on the staff list; `--user` is
/// honoured only on a demo database or when the OS login is an administrator.
/// On a demo database an unknown login works as the demo's section chief.
pub async fn identify(store: &Store, g: &Global, lang: Lang) -> Result<Staff, Failure> {
    let demo = store
        .is_demo()
        .await
        .map_err(|e| Failure::store(lang, &e))?;
    let os = os_login_or_refuse(lang)?;
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
                Some(me)
                    if crate::domain::permissions::may(
                        &me,
                        crate::domain::permissions::Act::ActAsAnother,
                    ) =>
                {
                    let (login, other) = lookup(wanted.clone()).await?;
                    if login != os {
                        // Recorded as who really acted, on whose behalf.
                        crate::store::record_acted_by(&os);
                    }
                    let other = other.map(|s| crate::domain::Staff {
                        acted_by: (login != os).then(|| os.clone()),
                        ..s
                    });
                    (login, other)
                }
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
