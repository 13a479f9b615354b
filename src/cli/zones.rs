//! `hrss-desk zone …`: inspector teams and the quarter's zone rota.

use super::context::{DEFAULT_DATABASE, Setup, open_store};
use super::{Failure, Global};
use crate::domain::zone::Period;
use crate::i18n::{self, Lang};
use crate::workflow::zones as work;
use std::process::ExitCode;

#[derive(Debug, clap::Subcommand)]
pub enum ZoneCommand {
    /// 组建监察组（科室负责人，至少两名监察员） / Form an inspector team (section chief; two inspectors at least)
    TeamAdd {
        name: String,
        /// 监察员登录名（重复指定） / An inspector's login (repeat)
        #[arg(long = "member")]
        members: Vec<String>,
    },
    /// 本季度各片区由哪个监察组负责 / Which team watches which zone this quarter
    Rota {
        /// 季度，如 2026Q4（缺省本季度） / The quarter, e.g. 2026Q4 (default: this one)
        #[arg(long)]
        period: Option<String>,
    },
}

pub async fn run(g: &Global, lang: Lang, cmd: ZoneCommand) -> Result<ExitCode, Failure> {
    let period = match &cmd {
        ZoneCommand::Rota { period: Some(p) } => {
            Some(Period::parse(p).ok_or_else(|| Failure::new(2, i18n::bad_period(lang, p)))?)
        }
        _ => None,
    };
    let o = open_store(g, lang, DEFAULT_DATABASE, Setup::Refused).await?;
    let acting = o.acting(lang).await?;
    let cx = acting.cx(&o.store, lang);
    let out = match cmd {
        ZoneCommand::TeamAdd { name, members } => work::add_team(&cx, &name, &members).await,
        ZoneCommand::Rota { .. } => {
            let p = period.unwrap_or_else(|| Period::of(o.store.clock().today()));
            work::rota(&o.store, lang, p, false)
                .await
                .map(|l| l.join("\n"))
        }
    };
    o.store.close().await;
    println!("{}", out.map_err(|e| Failure::new(1, e))?);
    Ok(ExitCode::SUCCESS)
}
