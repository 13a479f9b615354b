//! What keeps the office database safe says: `hrss-desk backup`, and `demo`
//! refusing an office database.

use super::{Lang, printable};

/// `dump`: a Postgres dump, read back by pg_restore rather than checked by
/// SQLite's integrity check.
pub fn backup_done(lang: Lang, dest: &str, bytes: u64, entries: u64, dump: bool) -> String {
    let dest = printable(dest);
    let kb = bytes.div_ceil(1024);
    match (lang, dump) {
        (Lang::Zh, false) => format!(
            "已备份至 {dest}（{kb} KB，仅本人可读）：完整性检查通过，审计日志{entries}条核验无误。"
        ),
        (Lang::Zh, true) => format!(
            "已备份至 {dest}（{kb} KB，仅本人可读）：转储经 pg_restore 完整读回，完整性检查通过；审计日志{entries}条核验无误。"
        ),
        (Lang::En, false) => format!(
            "Backed up to {dest} ({kb} KB, readable by its owner only): the integrity check passed and the audit log's {entries} entries verify."
        ),
        (Lang::En, true) => format!(
            "Backed up to {dest} ({kb} KB, readable by its owner only): pg_restore reads the dump back whole and the audit log's {entries} entries verify."
        ),
    }
}

pub fn backup_exists(lang: Lang, dest: &str) -> String {
    let dest = printable(dest);
    match lang {
        Lang::Zh => format!("“{dest}”已存在：备份不覆盖已有文件，请换一个文件名。"),
        Lang::En => format!("“{dest}” exists: a backup never writes over a file; name another."),
    }
}

pub fn cannot_write(lang: Lang, what: &str, why: &str) -> String {
    let (what, why) = (printable(what), printable(why));
    match lang {
        Lang::Zh => format!("无法写入“{what}”：{why}。"),
        Lang::En => format!("Cannot write “{what}”: {why}."),
    }
}

pub fn backup_unsound(lang: Lang, found: &str) -> String {
    match lang {
        Lang::Zh => {
            format!("备份副本未通过完整性检查（{found}），未保存：数据库可能已损坏，请联系管理员。")
        }
        Lang::En => format!(
            "The copy failed the integrity check ({found}) and was not kept: the database may be damaged."
        ),
    }
}

pub fn backup_chain_broken(lang: Lang, at: &str) -> String {
    let at = printable(at);
    match lang {
        Lang::Zh => format!("备份副本的审计日志核验未通过（{at}），未保存。"),
        Lang::En => format!("The copy's audit log does not verify ({at}): not kept."),
    }
}

pub fn backup_tool_missing(lang: Lang, tool: &str, why: &str) -> String {
    let why = printable(why);
    match lang {
        Lang::Zh => {
            format!("无法运行 {tool}（{why}）：Postgres 的备份需要安装 postgresql-client。")
        }
        Lang::En => format!(
            "Cannot run {tool} ({why}): a Postgres backup needs postgresql-client installed."
        ),
    }
}

pub fn backup_tool_failed(lang: Lang, tool: &str, why: &str) -> String {
    match lang {
        Lang::Zh => format!("{tool} 未能完成备份：{why}"),
        Lang::En => format!("{tool} did not finish the backup: {why}"),
    }
}

/// `demo` pointed at an office's database (one a config file names, or any
/// without the demo mark): refused, nothing written.
pub fn demo_not_on_office(lang: Lang, where_: &str) -> String {
    let where_ = printable(where_);
    match lang {
        Lang::Zh => format!(
            "“{where_}”是办公数据库，不是演示数据库：hrss-desk demo 从不写入办公数据库。去掉 --database-url 即在本人数据目录中使用自己的演示库。"
        ),
        Lang::En => format!(
            "“{where_}” is an office database, not a demo one: hrss-desk demo never writes to an office database. Without --database-url it uses its own file in your data directory."
        ),
    }
}
