//! `hrss-desk calendar …`: working-day arithmetic and loading the yearly notice.

use super::context::{DEFAULT_DATABASE, Setup, open_store};
use super::{Failure, Global};
use crate::domain::WorkCalendar;
use crate::domain::calendar::CalendarFile;
use crate::i18n::{self, Lang};
use chrono::NaiveDate;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Subcommand)]
pub enum CalendarCommand {
    /// 自某日起加若干个工作日 / The date N working days after a date
    Add {
        /// 起算日 YYYY-MM-DD（当日不计） / Start date, not itself counted
        #[arg(long)]
        from: String,
        /// 工作日数 / Number of working days
        #[arg(long)]
        working_days: u32,
    },
    /// 载入或更正节假日安排（管理员） / Load or correct holiday tables (administrators)
    Load {
        /// TOML 文件，格式同 data/calendar.toml / A TOML file shaped like data/calendar.toml
        file: PathBuf,
    },
}

/// Ten thousand working days is some forty years: beyond any legal period.
const MAX_WORKING_DAYS: u32 = 10_000;

pub async fn run(g: &Global, lang: Lang, cmd: CalendarCommand) -> Result<ExitCode, Failure> {
    match cmd {
        CalendarCommand::Add { from, working_days } => {
            if working_days > MAX_WORKING_DAYS {
                return Err(Failure::new(
                    2,
                    i18n::too_many_working_days(lang, MAX_WORKING_DAYS),
                ));
            }
            let start = NaiveDate::parse_from_str(from.trim(), "%Y-%m-%d")
                .map_err(|_| Failure::new(2, i18n::bad_date(lang, &i18n::printable(&from))))?;
            let o = open_store(g, lang, DEFAULT_DATABASE, Setup::Refused).await?;
            let years = o
                .store
                .calendar_years()
                .await
                .map_err(|e| Failure::store(lang, &e))?;
            o.store.close().await;
            let due = WorkCalendar::from_years(&years).add_working_days(start, working_days);
            println!("{}", due.date.format("%Y-%m-%d"));
            if due.provisional {
                eprintln!("{}", i18n::provisional_note(lang));
            }
            Ok(ExitCode::SUCCESS)
        }
        CalendarCommand::Load { file } => {
            let text = std::fs::read_to_string(&file).map_err(|e| {
                Failure::new(
                    1,
                    i18n::cannot_read(lang, &file.display().to_string(), &e.to_string()),
                )
            })?;
            // Checked whole before anything is written.
            let parsed = CalendarFile::parse(&text)
                .map_err(|e| Failure::new(1, i18n::calendar_error(lang, &e)))?;
            let o = open_store(g, lang, DEFAULT_DATABASE, Setup::Refused).await?;
            let me = o.staff.as_ref().expect("refused without staff");
            if !crate::domain::permissions::may(me, crate::domain::permissions::Act::LoadCalendar) {
                return Err(Failure::new(
                    1,
                    i18n::not_permitted(lang, lang.pick("载入节假日安排", "load holiday tables")),
                ));
            }
            o.store
                .replace_calendar_years(&me.login, &parsed.year)
                .await
                .map_err(|e| Failure::store(lang, &e))?;
            o.store.close().await;
            let years: Vec<i32> = parsed.year.iter().map(|y| y.year).collect();
            println!("{}", i18n::calendar_loaded(lang, &years));
            Ok(ExitCode::SUCCESS)
        }
    }
}
