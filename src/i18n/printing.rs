//! The words of printing at the counter: sent to a queue, or why not, and
//! the documents folder.

use super::{Lang, printable};
use crate::domain::documents::DocKind;
use crate::printing::{Failure, FolderProblem};

/// A printer name CUPS would not take (the config files, `--printer`):
/// both languages, since a config file is read before the language is known.
pub fn bad_printer(name: &str) -> String {
    let name = printable(name);
    format!(
        "打印机名称“{name}”无效：应为不含空格、/、#、引号的可打印 ASCII 字符，至多 127 字节 / \
         Printer name \"{name}\" is not valid: printable ASCII without spaces, /, # or quotes, at most 127 bytes"
    )
}

/// The document written and sent to the queue: its number, the queue, lp's job.
pub fn printed(
    lang: Lang,
    kind: DocKind,
    number: &str,
    path: &str,
    queue: &str,
    job: Option<&str>,
) -> String {
    let (path, queue) = (printable(path), printable(queue));
    let job = job.map(printable);
    match (lang, job) {
        (Lang::Zh, Some(job)) => format!(
            "{}（{number}）已送打印机 {queue}，作业 {job}；文件：{path}",
            kind.title(lang)
        ),
        (Lang::Zh, None) => format!(
            "{}（{number}）已送打印机 {queue}；文件：{path}",
            kind.title(lang)
        ),
        (Lang::En, Some(job)) => format!(
            "{} ({number}) sent to printer {queue}, job {job}; file: {path}",
            kind.title(lang)
        ),
        (Lang::En, None) => format!(
            "{} ({number}) sent to printer {queue}; file: {path}",
            kind.title(lang)
        ),
    }
}

/// The document written but not printed, and why (what a program said is
/// defused: it comes from outside).
pub fn not_printed(
    lang: Lang,
    kind: DocKind,
    number: &str,
    path: &str,
    queue: &str,
    why: &Failure,
) -> String {
    let (path, queue) = (printable(path), printable(queue));
    let t = kind.title(lang);
    let secs = crate::printing::TIMEOUT.as_secs();
    let why = match (lang, why) {
        (Lang::Zh, Failure::NoSoffice) => {
            "服务器上没有 LibreOffice（soffice），无法转为 PDF".to_string()
        }
        (Lang::En, Failure::NoSoffice) => {
            "LibreOffice (soffice) is not installed on the server, so no PDF could be made"
                .to_string()
        }
        (Lang::Zh, Failure::Convert(s)) => format!("转为 PDF 失败：{}", printable(s)),
        (Lang::En, Failure::Convert(s)) => format!("the PDF conversion failed: {}", printable(s)),
        (Lang::Zh, Failure::NoLp) => "服务器上没有 lp（CUPS 客户端）".to_string(),
        (Lang::En, Failure::NoLp) => "lp (the CUPS client) is not installed on the server".into(),
        (Lang::Zh, Failure::Lp(s)) => format!("lp 未接受：{}", printable(s)),
        (Lang::En, Failure::Lp(s)) => format!("lp refused it: {}", printable(s)),
        (Lang::Zh, Failure::TimedOut(p)) => format!("{p} 超过 {secs} 秒未完成，已终止"),
        (Lang::En, Failure::TimedOut(p)) => {
            format!("{p} did not finish within {secs} seconds and was stopped")
        }
        (Lang::Zh, Failure::Io(s)) => format!("临时文件夹出错：{}", printable(s)),
        (Lang::En, Failure::Io(s)) => format!("the temporary folder failed: {}", printable(s)),
    };
    match lang {
        Lang::Zh => format!("{t}（{number}）已写出（{path}），但未能送打印机 {queue}：{why}。"),
        Lang::En => {
            format!("{t} ({number}) was written ({path}) but not sent to printer {queue}: {why}.")
        }
    }
}

/// The documents folder cannot be used: nothing was rendered.
pub fn documents_folder_bad(lang: Lang, problem: &FolderProblem) -> String {
    let shown = |p: &std::path::Path| printable(&p.display().to_string()).into_owned();
    match (lang, problem) {
        (Lang::Zh, FolderProblem::NoLogin) => {
            "本进程的用户在系统用户库中没有登录名，无法确定文书文件夹。".to_string()
        }
        (Lang::En, FolderProblem::NoLogin) => {
            "This process's user has no login in the user database: no documents folder.".into()
        }
        (Lang::Zh, FolderProblem::Symlink(p)) => {
            format!("文书文件夹“{}”是符号链接，拒绝写入。", shown(p))
        }
        (Lang::En, FolderProblem::Symlink(p)) => {
            format!(
                "The documents folder \"{}\" is a symbolic link: not written to.",
                shown(p)
            )
        }
        (Lang::Zh, FolderProblem::NotAFolder(p)) => {
            format!("文书文件夹“{}”不是文件夹。", shown(p))
        }
        (Lang::En, FolderProblem::NotAFolder(p)) => {
            format!("The documents folder \"{}\" is not a folder.", shown(p))
        }
        (Lang::Zh, FolderProblem::NotOwn(p)) => {
            format!("文书文件夹“{}”不属于当前用户，拒绝写入。", shown(p))
        }
        (Lang::En, FolderProblem::NotOwn(p)) => {
            format!(
                "The documents folder \"{}\" is not this user's: not written to.",
                shown(p)
            )
        }
        (Lang::Zh, FolderProblem::Io(p, why)) => {
            format!("文书文件夹“{}”无法使用：{}", shown(p), printable(why))
        }
        (Lang::En, FolderProblem::Io(p, why)) => {
            format!(
                "The documents folder \"{}\" cannot be used: {}",
                shown(p),
                printable(why)
            )
        }
    }
}
