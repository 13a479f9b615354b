//! The command line: parse, dispatch, and turn failures into one sentence and
//! an exit code. Every command here is also usable from scripts.

mod annual;
mod audit;
mod calendar;
mod case_list;
mod case_open;
mod case_show;
mod cases;
mod complaints;
mod config;
mod context;
mod demo;
mod draw;
mod export;
mod filings;
mod import;
mod intake;
mod leads;
mod licences;
mod lookup;
mod notice;
mod report;
mod staff;
mod supervision;
mod usage;
mod validate;
mod zones;

pub use context::{Failure, Global, os_login};

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "hrss-desk",
    version,
    about = "人社局事中事后监督管理工作台 / Supervision desk of a district HR and Social Security Bureau"
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    /// 不带子命令：打开办公数据库的工作台 / Without a command: open the office database's screen
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// 打开演示数据库（不存在则生成） / Open the demo database, creating it if missing
    Demo {
        /// 只生成数据，不打开界面 / Seed and exit without opening the screen
        #[arg(long)]
        seed_only: bool,
        /// 参保人员数量（100–1000000） / Number of insured persons (100–1,000,000)
        #[arg(long, default_value_t = crate::demo::DEFAULT_PERSONS)]
        size: usize,
    },
    /// 应用数据库迁移 / Apply database migrations
    Migrate,
    /// 备份数据库到新文件（仅本人可读，检查后保存；系统管理员或科室负责人） / Back up the database to a new file (owner-only, checked before kept; administrators or chiefs)
    Backup {
        /// 备份文件（不得已存在） / The backup file (must not exist)
        dest: std::path::PathBuf,
    },
    /// 校验身份证号或统一社会信用代码 / Check resident ID numbers or credit codes
    Validate {
        #[arg(value_enum)]
        what: validate::What,
        /// 要校验的值，或 - 从标准输入每行读一个 / Values, or - to read one per line from stdin
        #[arg(required = true)]
        values: Vec<String>,
    },
    /// 查询许可证、参保单位和参保人员 / Look up licences, employers and persons
    Lookup {
        /// 名称片段、拼音首字母，或许可证号、信用代码、身份证号的片段 / A name fragment, pinyin initials, or part of a number
        query: std::ffi::OsString,
        /// 查询范围 / What to search
        #[arg(long, value_enum, default_value = "all")]
        kind: lookup::Kind,
        /// 最多显示几条 / At most this many hits
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// 以 JSON 输出 / Write JSON
        #[arg(long)]
        json: bool,
    },
    /// 监督检查 / Inspections of licensed bodies
    Inspect {
        #[command(subcommand)]
        command: supervision::InspectCommand,
    },
    /// 处理阶梯 / Sanction ladders
    Sanction {
        #[command(subcommand)]
        command: supervision::SanctionCommand,
    },
    /// 专项行动与巡查 / Special campaigns and patrols
    Campaign {
        #[command(subcommand)]
        command: leads::CampaignCommand,
    },
    /// 分区域监管与轮换 / Zone supervision and its rotation
    Zone {
        #[command(subcommand)]
        command: zones::ZoneCommand,
    },
    /// 线索 / Leads about licence holders
    Lead {
        #[command(subcommand)]
        command: leads::LeadCommand,
    },
    /// 许可证 / Licences and their standing
    Licences {
        #[command(subcommand)]
        command: licences::LicencesCommand,
    },
    /// 机构信息公开 / The public register of licence holders
    Register {
        #[command(subcommand)]
        command: supervision::RegisterCommand,
    },
    /// 年度报告与年度检查 / Annual reports and inspections
    Annual {
        #[command(subcommand)]
        command: annual::AnnualCommand,
    },
    /// 协议机构结算数据审核 / Settlement-data audit of agreement institutions
    Settlement {
        #[command(subcommand)]
        command: supervision::SettlementCommand,
    },
    /// 双随机抽查 / Random inspection draws
    Draw {
        #[command(subcommand)]
        command: draw::DrawCommand,
    },
    /// 投诉登记与受理 / Complaint intake
    Complaints {
        #[command(subcommand)]
        command: complaints::ComplaintsCommand,
    },
    /// 劳动保障监察案件 / Labour-inspection cases
    Cases {
        #[command(subcommand)]
        command: cases::CasesCommand,
    },
    /// 参保申报 / Enrollment filings
    Filings {
        #[command(subcommand)]
        command: filings::FilingsCommand,
    },
    /// 工作日日历 / The working-day calendar
    Calendar {
        #[command(subcommand)]
        command: calendar::CalendarCommand,
    },
    /// 审计日志 / The audit log
    Audit {
        #[command(subcommand)]
        command: audit::AuditCommand,
    },
    /// 导入名册（CSV：UTF-8 或 GB18030/GBK；或 .xlsx），全部成功才写入 / Import a register (CSV in UTF-8 or GB18030/GBK, or .xlsx), all or nothing
    Import {
        /// licences、employers、persons、settlements 或 filings（网上申报批量收件） / licences, employers, persons, settlements or filings (a batch from the declaration system)
        kind: String,
        file: std::path::PathBuf,
        /// 文件编码：utf-8、gb18030、gbk（缺省自动识别） / The file's encoding (default: detected)
        #[arg(long)]
        encoding: Option<String>,
        /// 只检查，不写入 / Check only; write nothing
        #[arg(long)]
        dry_run: bool,
    },
    /// 导出列表（.xlsx 或 CSV；身份证号默认脱敏） / Export a list (.xlsx or CSV; ID numbers masked unless revealed)
    Export {
        /// filings、licences、cases、inspections、persons、employers、due、rectifications、draws、annual、leads、campaigns
        what: String,
        /// 输出文件：.xlsx 或 .csv / The file: .xlsx or .csv
        file: std::path::PathBuf,
        /// 与界面相同的筛选 / The same filter as on screen
        #[arg(long, default_value = "")]
        filter: String,
        /// CSV 编码：utf-8（带 BOM，缺省）或 gb18030 / A CSV's encoding: utf-8 (with BOM, default) or gb18030
        #[arg(long)]
        encoding: Option<String>,
        /// 导出完整身份证号（经办人员或科室负责人，须说明理由，留痕） / Full ID numbers (clerks and chiefs, with a reason, audited)
        #[arg(long, requires = "reason")]
        reveal: bool,
        #[arg(long)]
        reason: Option<String>,
    },
    /// 文书：出具 .docx、模板 / Documents: render .docx, templates
    Notice {
        #[command(subcommand)]
        command: notice::NoticeCommand,
    },
    /// 月度统计报表（.xlsx） / The monthly report (.xlsx)
    Report {
        /// 月份 YYYY-MM（缺省本月） / The month (default: this month)
        #[arg(long)]
        month: Option<String>,
        /// 输出文件（缺省：主目录） / The file (default: in the home folder)
        #[arg(short, long)]
        output: Option<std::path::PathBuf>,
    },
    /// 手册页（roff）：hrss-desk man import | man -l - / A manual page (roff): hrss-desk man import | man -l -
    Man {
        /// 命令名，如 import、notice render；缺省为总览 / A command, e.g. import or "notice render"; none: the whole program
        command: Vec<String>,
    },
    /// 配置：查看生效的设置及其来源 / The configuration in force, and where each value comes from
    Config {
        #[command(subcommand)]
        command: config::ConfigCommand,
    },
    /// 工作人员名单 / The staff list
    Staff {
        #[command(subcommand)]
        command: staff::StaffCommand,
    },
}

/// Runs the program; the exit code is 0 on success, 1 when the work failed or
/// found invalid values, 2 on a usage error.
pub fn main() -> ExitCode {
    let code = run();
    // What is queued for the log is written out before the process ends.
    crate::logging::flush();
    code
}

fn run() -> ExitCode {
    crate::tui::mark_start();
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let mut cli = match Cli::try_parse_from(&args) {
        Ok(c) => c,
        // In Chinese one sentence of our own; help and version as clap prints them.
        Err(e) => return usage::report(e, &args),
    };
    let given = cli.global.clone();
    cli.global = match cli.global.with_config() {
        Ok(g) => g,
        Err(f) => return f.report(),
    };
    let Some(level) = crate::logging::level(cli.global.log_level.as_deref()) else {
        return Failure::new(
            2,
            crate::i18n::bad_log_level(cli.global.log_level.as_deref().unwrap_or("")),
        )
        .report();
    };
    let log_dir = crate::logging::dir(cli.global.log_dir.as_deref());
    crate::logging::init(&log_dir, level);
    tracing::info!(
        version = env!("CARGO_PKG_VERSION"),
        command = command_name(&cli.command),
        login = %crate::logging::safe(&whoami()),
        "start"
    );
    if let Some(Command::Config {
        command: config::ConfigCommand::Show,
    }) = &cli.command
    {
        return config::show(&given, &cli.global);
    }
    if let Some(Command::Man { command }) = &cli.command {
        return man(command, cli.global.lang().unwrap_or_default());
    }
    let lang = match cli.global.lang() {
        Ok(l) => l,
        Err(f) => return f.report(),
    };
    crate::logging::on_panic(lang, log_dir);
    // Pure commands need no runtime and no database.
    if let Some(Command::Validate { what, values }) = &cli.command {
        return match validate::run(*what, values, lang) {
            Ok(code) => code,
            Err(f) => f.report(),
        };
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => return Failure::new(1, e.to_string()).report(),
    };
    match runtime.block_on(dispatch(cli, lang)) {
        Ok(code) => code,
        Err(f) => f.report(),
    }
}

async fn dispatch(cli: Cli, lang: crate::i18n::Lang) -> Result<ExitCode, Failure> {
    let g = &cli.global;
    let Some(command) = cli.command else {
        return demo::screen(g, lang).await;
    };
    match command {
        Command::Demo { seed_only, size } => demo::run(g, lang, seed_only, size).await,
        Command::Migrate => context::migrate_only(g, lang).await,
        Command::Backup { dest } => backup(g, lang, &dest).await,
        Command::Filings { command } => filings::run(g, lang, command).await,
        Command::Cases { command } => cases::run(g, lang, command).await,
        Command::Complaints { command } => complaints::run(g, lang, command).await,
        Command::Draw { command } => draw::run(g, lang, command).await,
        Command::Inspect { command } => supervision::inspect(g, lang, command).await,
        Command::Sanction { command } => supervision::sanction(g, lang, command).await,
        Command::Settlement { command } => supervision::settlement(g, lang, command).await,
        Command::Annual { command } => annual::run(g, lang, command).await,
        Command::Campaign { command } => leads::campaign(g, lang, command).await,
        Command::Zone { command } => zones::run(g, lang, command).await,
        Command::Lead { command } => leads::run(g, lang, command).await,
        Command::Register { command } => supervision::register(g, lang, command).await,
        Command::Licences { command } => licences::run(g, lang, command).await,
        Command::Lookup {
            query,
            kind,
            limit,
            json,
        } => lookup::run(g, lang, &query, kind, limit, json).await,
        Command::Validate { .. } => unreachable!("handled before the runtime starts"),
        Command::Calendar { command } => calendar::run(g, lang, command).await,
        Command::Audit { command } => audit::run(g, lang, command).await,
        Command::Staff { command } => staff::run(g, lang, command).await,
        Command::Notice { command } => notice::run(g, lang, command).await,
        Command::Report { month, output } => report::monthly(g, lang, month, output).await,
        Command::Config { command } => config::office(g, lang, command).await,
        Command::Man { .. } => unreachable!("handled before the runtime starts"),
        Command::Import {
            kind,
            file,
            encoding,
            dry_run,
        } => import::run(g, lang, &kind, file, encoding, dry_run).await,
        Command::Export {
            what,
            file,
            filter,
            encoding,
            reveal,
            reason,
        } => export::run(g, lang, &what, file, filter, encoding, reveal, reason).await,
    }
}

/// A day typed on the command line (YYYY-MM-DD), for clap.
/// Writes `v` as JSON with nothing a terminal acts on (`i18n::json_defused`).
pub(crate) fn write_json(
    out: &mut impl std::io::Write,
    v: &impl serde::Serialize,
) -> Result<(), Failure> {
    let s = serde_json::to_string(v).map_err(|e| Failure::output(e.into()))?;
    out.write_all(crate::i18n::json_defused(&s).as_bytes())
        .map_err(Failure::output)
}

fn parse_day(s: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| {
        let s = crate::i18n::printable(s);
        if crate::i18n::date_shaped(&s) {
            format!("“{s}”这一天不存在 / \"{s}\" is no such day")
        } else {
            format!("“{s}”不是日期（YYYY-MM-DD） / \"{s}\" is not a date (YYYY-MM-DD)")
        }
    })
}

/// `hrss-desk backup DEST`: an administrator's or a chief's (those who verify
/// the audit log, which the copy's check does).
async fn backup(
    g: &Global,
    lang: crate::lang::Lang,
    dest: &std::path::Path,
) -> Result<ExitCode, Failure> {
    use crate::domain::permissions::{Act, may};
    let o =
        context::open_store(g, lang, context::DEFAULT_DATABASE, context::Setup::Refused).await?;
    if !o.staff.as_ref().is_some_and(|s| may(s, Act::VerifyAudit)) {
        o.store.close().await;
        return Err(Failure::new(
            1,
            crate::i18n::act_refused(lang, Act::VerifyAudit),
        ));
    }
    let done = crate::workflow::backup::backup(&o.store, &o.url, dest, lang).await;
    o.store.close().await;
    println!("{}", done.map_err(|e| Failure::new(1, e))?);
    Ok(ExitCode::SUCCESS)
}

/// The command's name, for the log (never its arguments: they may be an ID).
fn command_name(c: &Option<Command>) -> &'static str {
    match c {
        None => "screen",
        Some(c) => match c {
            Command::Demo { .. } => "demo",
            Command::Migrate => "migrate",
            Command::Backup { .. } => "backup",
            Command::Validate { .. } => "validate",
            Command::Lookup { .. } => "lookup",
            Command::Inspect { .. } => "inspect",
            Command::Sanction { .. } => "sanction",
            Command::Campaign { .. } => "campaign",
            Command::Zone { .. } => "zone",
            Command::Lead { .. } => "lead",
            Command::Register { .. } => "register",
            Command::Licences { .. } => "licences",
            Command::Annual { .. } => "annual",
            Command::Settlement { .. } => "settlement",
            Command::Draw { .. } => "draw",
            Command::Complaints { .. } => "complaints",
            Command::Cases { .. } => "cases",
            Command::Filings { .. } => "filings",
            Command::Calendar { .. } => "calendar",
            Command::Audit { .. } => "audit",
            Command::Import { .. } => "import",
            Command::Export { .. } => "export",
            Command::Notice { .. } => "notice",
            Command::Report { .. } => "report",
            Command::Config { .. } => "config",
            Command::Man { .. } => "man",
            Command::Staff { .. } => "staff",
        },
    }
}

/// The operating-system login (what SSH gives).
fn whoami() -> String {
    nix::unistd::User::from_uid(nix::unistd::getuid())
        .ok()
        .flatten()
        .map_or_else(String::new, |u| u.name)
}

/// Writes the manual page of a command (or of the program) as roff.
fn man(path: &[String], lang: crate::i18n::Lang) -> ExitCode {
    use clap::CommandFactory;
    let mut cmd = Cli::command().name("hrss-desk");
    cmd.build();
    let mut at = cmd;
    let mut name = String::from("hrss-desk");
    for word in path {
        match at.find_subcommand(word) {
            Some(sub) => {
                name = format!("{name}-{word}");
                // The page is titled `hrss-desk-import`, as man pages of subcommands are.
                let title: &'static str = Box::leak(name.clone().into_boxed_str());
                at = sub.clone().name(title);
            }
            None => {
                return Failure::new(2, crate::i18n::no_such_command(lang, &path.join(" ")))
                    .report();
            }
        }
    }
    let mut out = Vec::new();
    match clap_mangen::Man::new(at).render(&mut out) {
        Ok(()) => {
            use std::io::Write;
            match std::io::stdout().write_all(&out) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => Failure::output(e).report(),
            }
        }
        Err(e) => Failure::new(1, e.to_string()).report(),
    }
}
