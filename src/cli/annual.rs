//! `hrss-desk annual …`: annual reports and inspections of licensed bodies.

use super::context::{DEFAULT_DATABASE, Setup, open_store};
use super::{Failure, Global, parse_day};
use crate::domain::LicenceKind;
use crate::domain::annual::ReportStatus;
use crate::i18n::{self, Lang, printable};
use crate::workflow::annual as work;
use chrono::NaiveDate;
use std::process::ExitCode;

#[derive(Debug, clap::Subcommand)]
pub enum AnnualCommand {
    /// 年度报告报送情况（已报、逾期、未报） / The year's reports: received, late, missing
    Status {
        #[arg(long)]
        year: i64,
        /// 许可类别（缺省人力资源服务机构） / Licence kind (default hr-service)
        #[arg(long, default_value = "hr-service")]
        kind: String,
    },
    /// 登记收到年度报告 / A report received today
    Receive {
        licence: i64,
        #[arg(long)]
        year: i64,
    },
    /// 登记年度检查结果 / An annual inspection's result
    Result {
        licence: i64,
        #[arg(long)]
        year: i64,
        /// passed 合格 / failed 不合格
        outcome: String,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// 责令限期报送未报的年度报告（人力资源服务机构） / Order a missing report filed by a day (HR agencies)
    Order {
        licence: i64,
        #[arg(long)]
        year: i64,
        /// 报送期限 / File it by
        #[arg(long, value_parser = parse_day)]
        until: NaiveDate,
        /// 责令之日（默认今天） / The day of the order (default today)
        #[arg(long, value_parser = parse_day)]
        on: Option<NaiveDate>,
    },
    /// 逾期仍未报送：立案拟处罚款（第四十六条） / Still not filed after the order: open the fine's case
    Fine {
        licence: i64,
        #[arg(long)]
        year: i64,
        #[arg(long, value_parser = parse_day)]
        on: Option<NaiveDate>,
    },
    /// 年度检查结果报告（.docx，报市局） / The year's results as a document to the city bureau (.docx)
    Report {
        #[arg(long)]
        year: i64,
        /// 许可类别（缺省民办职业培训学校） / Licence kind (default training-school)
        #[arg(long, default_value = "training-school")]
        kind: String,
        /// 写入的文件 / The file to write
        #[arg(short = 'o', long)]
        output: std::path::PathBuf,
    },
    /// 年度结果（CSV，报市局） / The year's results as CSV, the report to the city bureau
    Export {
        #[arg(long)]
        year: i64,
        /// 许可类别（缺省人力资源服务机构） / Licence kind (default hr-service)
        #[arg(long, default_value = "hr-service")]
        kind: String,
    },
    /// 抽取实地检查的培训学校（不低于设定比例） / Draw the schools visited on site (at least the set share)
    Sample {
        #[arg(long)]
        year: i64,
        #[arg(long)]
        seed: Option<u64>,
    },
}

pub async fn run(g: &Global, lang: Lang, cmd: AnnualCommand) -> Result<ExitCode, Failure> {
    let o = open_store(g, lang, DEFAULT_DATABASE, Setup::Refused).await?;
    let acting = o.acting(lang).await?;
    let cx = acting.cx(&o.store, lang);
    let today = o.store.clock().today();
    let out: Result<String, String> = match cmd {
        AnnualCommand::Status { year, kind } => {
            let k = LicenceKind::parse(kind.trim())
                .ok_or_else(|| Failure::new(2, i18n::unknown_licence_kind(lang, &kind)))?;
            work::status(&o.store, lang, year, k, today)
                .await
                .map(|rows| {
                    let count = |s: ReportStatus| rows.iter().filter(|(_, x)| *x == s).count();
                    let mut lines = vec![i18n::annual_counts(
                        lang,
                        year,
                        count(ReportStatus::Received),
                        count(ReportStatus::Late),
                        count(ReportStatus::Missing),
                        count(ReportStatus::NotYetDue),
                    )];
                    for (r, s) in rows
                        .iter()
                        .filter(|(_, s)| matches!(s, ReportStatus::Late | ReportStatus::Missing))
                    {
                        let chain = crate::domain::annual::report_chain(
                            *s,
                            r.submitted_on,
                            r.order_deadline,
                            today,
                        );
                        lines.push(format!(
                            "{}\t{}\t{}{}",
                            printable(&r.number),
                            printable(&r.holder),
                            s.label(lang),
                            i18n::report_chain_note(lang, chain)
                        ));
                    }
                    lines.join("\n")
                })
        }
        AnnualCommand::Export { year, kind } => {
            let k = LicenceKind::parse(kind.trim())
                .ok_or_else(|| Failure::new(2, i18n::unknown_licence_kind(lang, &kind)))?;
            work::status(&o.store, lang, year, k, today)
                .await
                .map(|rows| work::results_csv(lang, year, &rows).trim_end().to_string())
        }
        AnnualCommand::Order {
            licence,
            year,
            until,
            on,
        } => work::order(&cx, licence, year, on.unwrap_or(today), until).await,
        AnnualCommand::Fine { licence, year, on } => {
            work::fine(&cx, licence, year, on.unwrap_or(today)).await
        }
        AnnualCommand::Report { year, kind, output } => {
            let k = LicenceKind::parse(kind.trim())
                .ok_or_else(|| Failure::new(2, i18n::unknown_licence_kind(lang, &kind)))?;
            match work::city_report(&o.store, lang, year, k, today).await {
                Ok(bytes) => crate::sheet::write_private(&output, &bytes)
                    .map(|()| {
                        i18n::annual_report_written(lang, year, &output.display().to_string())
                    })
                    .map_err(|e| i18n::list_export_failed(lang, &e.to_string())),
                Err(e) => Err(e),
            }
        }
        AnnualCommand::Receive { licence, year } => {
            work::record(&cx, licence, year, None, "").await
        }
        AnnualCommand::Result {
            licence,
            year,
            outcome,
            note,
        } => {
            let passed = match outcome.trim() {
                "passed" | "合格" => true,
                "failed" | "不合格" => false,
                other => return Err(Failure::new(2, i18n::bad_outcome(lang, other))),
            };
            work::record(&cx, licence, year, Some(passed), note.trim()).await
        }
        AnnualCommand::Sample { year, seed } => {
            let (_, share) = work::figures(&o.store).await;
            let seed = seed.unwrap_or_else(crate::workflow::draws::fresh_seed);
            match work::status(&o.store, lang, year, LicenceKind::TrainingSchool, today).await {
                Ok(rows) => {
                    let ids: Vec<i64> = rows.iter().map(|(r, _)| r.licence_id).collect();
                    let picked = crate::domain::annual::onsite_sample(&ids, share, seed);
                    let mut lines = vec![i18n::annual_sample(
                        lang,
                        seed,
                        picked.len(),
                        ids.len(),
                        share,
                    )];
                    for (r, _) in rows.iter().filter(|(r, _)| picked.contains(&r.licence_id)) {
                        lines.push(format!(
                            "{}\t{}",
                            printable(&r.number),
                            printable(&r.holder)
                        ));
                    }
                    Ok(lines.join("\n"))
                }
                Err(e) => Err(e),
            }
        }
    };
    o.store.close().await;
    println!("{}", out.map_err(|e| Failure::new(1, e))?);
    Ok(ExitCode::SUCCESS)
}
