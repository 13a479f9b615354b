//! `hrss-desk audit verify`: walks the hash chain and names the first break,
//! and checks the log still extends the heads recorded outside the
//! database; `hrss-desk audit anchor` records the head there.

use super::context::{DEFAULT_DATABASE, Opened, Setup, open_store};
use super::{Failure, Global};
use crate::domain::audit::{Anchor, anchor_line, parse_anchors};
use crate::i18n::{self, Lang};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// An anchor file larger than this is not one (a line a day for a century
/// is under 4 MB).
const ANCHOR_FILE_LIMIT: u64 = 16 * 1024 * 1024;

#[derive(Debug, clap::Subcommand)]
pub enum AuditCommand {
    /// 校验审计日志的哈希链 / Check the audit log's hash chain
    Verify {
        /// 同时核对锚点文件中的每个锚点 / Also check the log extends every anchor in this file
        #[arg(long)]
        anchors: Option<PathBuf>,
    },
    /// 把审计日志头记入锚点文件（数据库写入者改不了的地方） / Record the log's head in the anchor file, where the database's writers cannot change it
    Anchor {
        /// 锚点文件（默认：本局配置文件的 audit_anchor_file） / The anchor file (default: the office config's audit_anchor_file)
        #[arg(long)]
        to: Option<PathBuf>,
    },
}

pub async fn run(g: &Global, lang: Lang, cmd: AuditCommand) -> Result<ExitCode, Failure> {
    // The anchors are read before the database is opened: a file that is
    // not one is refused at once.
    let anchors = match &cmd {
        AuditCommand::Verify { anchors: Some(p) } => read_anchors(lang, p)?,
        _ => Vec::new(),
    };
    let o = open_store(g, lang, DEFAULT_DATABASE, Setup::Refused).await?;
    let target = match cmd {
        AuditCommand::Verify { .. } => Ok(None),
        AuditCommand::Anchor { to } => to
            .or_else(|| o.anchor_file.clone())
            .map(Some)
            .ok_or_else(|| Failure::new(2, i18n::anchor_file_unset(lang))),
    };
    let done = match target {
        Ok(target) => verify_then(&o, lang, &anchors, target.as_deref()).await,
        Err(e) => Err(e),
    };
    o.store.close().await;
    println!("{}", done?);
    Ok(ExitCode::SUCCESS)
}

/// Verifies the chain (against `anchors`), then, given a `target`, appends
/// the head to it: a broken log is never anchored.
async fn verify_then(
    o: &Opened,
    lang: Lang,
    anchors: &[Anchor],
    target: Option<&Path>,
) -> Result<String, Failure> {
    let me = o.staff.as_ref().expect("refused without staff");
    if !me.may_verify_audit() {
        return Err(Failure::new(
            1,
            i18n::not_permitted(lang, lang.pick("校验审计日志", "verify the audit log")),
        ));
    }
    let store = |e| Failure::store(lang, &e);
    let n = match o.store.verify_audit_against(anchors).await.map_err(store)? {
        Ok(n) => n,
        Err(b) => return Err(Failure::new(1, i18n::audit_broken(lang, &b))),
    };
    let (seq, hash) = o
        .store
        .audit_head()
        .await
        .map_err(store)?
        .unwrap_or((0, crate::domain::audit::GENESIS.to_string()));
    let mut out = format!(
        "{}\n{}",
        i18n::audit_ok(lang, n),
        i18n::audit_head(lang, seq, &hash)
    );
    if !anchors.is_empty() {
        out.push('\n');
        out.push_str(&i18n::anchors_held(lang, anchors.len()));
    }
    if let Some(path) = target {
        let by = me.acted_by.as_deref().unwrap_or(&me.login);
        let line = anchor_line(seq, &hash, o.store.clock().now(), by);
        crate::files::append_line(path, &line, 0o640)
            .map_err(|e| Failure::new(1, i18n::anchor_not_written(lang, path, &e)))?;
        out.push('\n');
        out.push_str(&i18n::anchored(lang, seq, &path.display().to_string()));
    }
    Ok(out)
}

/// Reads an anchor file, refusing in one sentence one that is missing,
/// oversized or holds a line that is not an anchor.
fn read_anchors(lang: Lang, path: &Path) -> Result<Vec<Anchor>, Failure> {
    let bad = |why: String| Failure::new(2, i18n::anchor_file_bad(lang, path, &why));
    let f = std::fs::File::open(path).map_err(|e| bad(e.to_string()))?;
    let mut text = String::new();
    f.take(ANCHOR_FILE_LIMIT + 1)
        .read_to_string(&mut text)
        .map_err(|e| bad(e.to_string()))?;
    if text.len() as u64 > ANCHOR_FILE_LIMIT {
        return Err(bad(lang.pick("文件过大", "too large").to_string()));
    }
    parse_anchors(&text).map_err(|line| {
        bad(match lang {
            Lang::Zh => format!("第{line}行不是锚点"),
            Lang::En => format!("line {line} is not an anchor"),
        })
    })
}
