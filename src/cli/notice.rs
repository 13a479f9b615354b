//! `hrss-desk notice …`: documents as `.docx` — rendered on a record, and
//! the office's templates written out for editing and loaded back.

use super::context::{DEFAULT_DATABASE, Setup, open_store};
use super::{Failure, Global};
use crate::domain::documents::DocKind;
use crate::i18n::{self, Lang};
use crate::workflow::documents as work;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Subcommand)]
pub enum NoticeCommand {
    /// 出具文书（.docx），编号按类别和年度给出、不重复 / Render a document (.docx), numbered per kind and year, never twice
    Render {
        /// 文书类别，如 correction-notice、rectify-order、penalty-decision、violation-notice、rectification-notice、complaint-refusal、complaint-elsewhere / The document's kind
        kind: String,
        /// 申报、案件、检查、处理措施或投诉的编号 / The filing, case, inspection, ladder step or complaint
        id: i64,
        /// 输出文件（缺省：文书文件夹（配置的 documents_dir，或主目录）下“文书名-编号.docx”） / The file (default: in the documents folder: the config's documents_dir, or the home folder)
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// 本文书的一项内容，如 询问时间=2026年12月5日9时（可多次） / A field typed for this document (repeatable)
        #[arg(long = "field", value_parser = parse_field)]
        fields: Vec<(String, String)>,
        /// 送此打印机（CUPS 队列，缺省：配置文件的 printer） / Print on this CUPS queue (default: the config's printer)
        #[arg(long, value_name = "QUEUE", value_parser = parse_printer)]
        printer: Option<crate::printing::Printer>,
        /// 只写出文件，不打印 / Write the file only, do not print
        #[arg(long, conflicts_with = "printer")]
        no_print: bool,
    },
    /// 写出文书模板（本局已载入的，或内置的），供修改 / Write a kind's template out (the office's, or the built-in one), to edit
    Template {
        kind: String,
        #[arg(short, long)]
        output: PathBuf,
    },
    /// 载入本局的文书模板（科室负责人或系统管理员） / Load the office's template of a kind (chief or administrator)
    TemplateLoad { kind: String, file: PathBuf },
}

pub async fn run(g: &Global, lang: Lang, cmd: NoticeCommand) -> Result<ExitCode, Failure> {
    let code = match &cmd {
        NoticeCommand::Render { kind, .. }
        | NoticeCommand::Template { kind, .. }
        | NoticeCommand::TemplateLoad { kind, .. } => kind.clone(),
    };
    let kind = DocKind::parse(&code)
        .ok_or_else(|| Failure::new(2, i18n::unknown_document(lang, &code)))?;
    let o = open_store(g, lang, DEFAULT_DATABASE, Setup::Refused).await?;
    let acting = o.acting(lang).await?;
    let cx = acting.cx(&o.store, lang);
    let out: Result<String, String> = match cmd {
        NoticeCommand::Render {
            id,
            output,
            fields,
            printer,
            no_print,
            ..
        } => {
            let printer = printer.or(o.printing.printer.clone()).filter(|_| !no_print);
            render(&cx, kind, id, &fields, output, &o.printing, printer).await
        }
        NoticeCommand::Template { output, .. } => {
            match work::template(&o.store, lang, kind).await {
                Ok(body) => crate::sheet::write_private(&output, &body)
                    .map(|_| output.display().to_string())
                    .map_err(|e| i18n::list_export_failed(lang, &e.to_string())),
                Err(e) => Err(e),
            }
        }
        NoticeCommand::TemplateLoad { file, .. } => match std::fs::read(&file) {
            Ok(body) => work::load_template(&cx, kind, &body).await,
            Err(e) => Err(i18n::sheet_error(
                lang,
                &crate::sheet::SheetError::Io(e.to_string()),
            )),
        },
    };
    o.store.close().await;
    println!("{}", out.map_err(|e| Failure::new(1, e))?);
    Ok(ExitCode::SUCCESS)
}

/// `notice render`: the folder checked first (a number, once given, is
/// never given again), the document rendered, written, and printed when a
/// printer is set.
async fn render(
    cx: &crate::workflow::Cx<'_>,
    kind: DocKind,
    id: i64,
    fields: &[(String, String)],
    output: Option<PathBuf>,
    settings: &crate::printing::Settings,
    printer: Option<crate::printing::Printer>,
) -> Result<String, String> {
    let dir = match output {
        Some(_) => None,
        None => Some(work::documents_folder(cx.lang, settings)?),
    };
    let r = work::render_with(cx, kind, id, fields).await?;
    let path = match (output, dir) {
        (Some(path), _) => path,
        (None, dir) => dir
            .unwrap_or_default()
            .join(work::file_name(kind, &r.number)),
    };
    work::deliver(cx.lang, kind, &r, &path, printer.as_ref(), settings).await
}

/// A CUPS queue's name, as `--printer` takes it.
fn parse_printer(s: &str) -> Result<crate::printing::Printer, String> {
    crate::printing::Printer::parse(s).ok_or_else(|| i18n::bad_printer(s))
}

/// `名称=值`, as `--field` takes it.
fn parse_field(s: &str) -> Result<(String, String), String> {
    match s.split_once('=') {
        Some((k, v)) if !k.trim().is_empty() => Ok((k.trim().to_string(), v.to_string())),
        _ => Err(format!("“{s}”应为 名称=值 / \"{s}\" should be NAME=VALUE")),
    }
}
