//! `hrss-desk lead …`: leads about licence holders and the inspections they start.

use super::context::{DEFAULT_DATABASE, Setup, open_store};
use super::{Failure, Global, parse_day};
use crate::i18n::Lang;
use crate::workflow::leads as work;
use std::process::ExitCode;

#[derive(Debug, clap::Subcommand)]
pub enum LeadCommand {
    /// 登记线索（媒体报道、举报、投诉、巡查发现） / Record a lead (media, tip, complaint, patrol)
    Add {
        licence: i64,
        /// media、tip、complaint、patrol
        #[arg(long)]
        source: String,
        /// 线索内容 / What it is about
        #[arg(long)]
        summary: String,
    },
    /// 线索列表（新的在前） / The leads, newest first
    List {
        /// 只列未启动检查的 / Only those that started no inspection
        #[arg(long)]
        open: bool,
    },
    /// 根据线索启动检查（至少两名监察员） / Start an inspection from a lead (two inspectors at least)
    Inspect {
        id: i64,
        /// 监察员登录名（重复指定） / An inspector's login (repeat)
        #[arg(long = "inspector")]
        inspectors: Vec<String>,
        /// on-site 现场检查 / written 书面审查
        #[arg(long, default_value = "on-site")]
        method: String,
        /// 计划日期（缺省今天） / Planned day (default today)
        #[arg(long, value_parser = parse_day)]
        on: Option<chrono::NaiveDate>,
    },
}

pub async fn run(g: &Global, lang: Lang, cmd: LeadCommand) -> Result<ExitCode, Failure> {
    let o = open_store(g, lang, DEFAULT_DATABASE, Setup::Refused).await?;
    let acting = o.acting(lang).await?;
    let cx = acting.cx(&o.store, lang);
    let today = o.store.clock().today();
    let out = match cmd {
        LeadCommand::Add {
            licence,
            source,
            summary,
        } => work::add(&cx, licence, &source, &summary).await,
        LeadCommand::List { open } => o
            .store
            .leads(open)
            .await
            .map(|rows| work::lines(lang, &rows).join("\n"))
            .map_err(|e| crate::i18n::store_error(lang, &e)),
        LeadCommand::Inspect {
            id,
            inspectors,
            method,
            on,
        } => work::inspect(&cx, id, &method, on.unwrap_or(today), &inspectors).await,
    };
    o.store.close().await;
    println!("{}", out.map_err(|e| Failure::new(1, e))?);
    Ok(ExitCode::SUCCESS)
}

#[derive(Debug, clap::Subcommand)]
pub enum CampaignCommand {
    /// 部署专项行动或巡查（科室负责人） / Set up a campaign or patrol (section chief)
    Add {
        /// 主题 / Theme
        #[arg(long)]
        theme: String,
        #[arg(long, value_parser = parse_day)]
        from: chrono::NaiveDate,
        #[arg(long, value_parser = parse_day)]
        to: chrono::NaiveDate,
        /// 市场巡查而非专项行动 / A market patrol rather than a campaign
        #[arg(long)]
        patrol: bool,
    },
    /// 专项行动和巡查（新的在前） / Campaigns and patrols, newest first
    List,
    /// 将检查归入行动（须在行动期间内） / Group inspections under one (planned within its period)
    Group {
        id: i64,
        #[arg(required = true)]
        inspections: Vec<i64>,
    },
    /// 行动及其检查 / A campaign with its inspections
    Show { id: i64 },
}

pub async fn campaign(g: &Global, lang: Lang, cmd: CampaignCommand) -> Result<ExitCode, Failure> {
    use crate::workflow::campaigns as camp;
    let o = open_store(g, lang, DEFAULT_DATABASE, Setup::Refused).await?;
    let acting = o.acting(lang).await?;
    let cx = acting.cx(&o.store, lang);
    let out = match cmd {
        CampaignCommand::Add {
            theme,
            from,
            to,
            patrol,
        } => camp::add(&cx, &theme, patrol, from, to).await,
        CampaignCommand::List => o
            .store
            .campaigns(None)
            .await
            .map(|rows| {
                rows.iter()
                    .map(|c| crate::i18n::campaign_line(lang, c))
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .map_err(|e| crate::i18n::store_error(lang, &e)),
        CampaignCommand::Group { id, inspections } => camp::group(&cx, id, &inspections).await,
        CampaignCommand::Show { id } => camp::show(&o.store, lang, id).await.map(|l| l.join("\n")),
    };
    o.store.close().await;
    println!("{}", out.map_err(|e| Failure::new(1, e))?);
    Ok(ExitCode::SUCCESS)
}
