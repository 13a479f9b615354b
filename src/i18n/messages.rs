//! The messages of the command line and the shared error sentences.

use super::Lang;
use crate::domain::calendar::CalendarError;
use crate::domain::resident_id::ResidentIdError;
use crate::domain::uscc::UsccError;
use crate::store::StoreError;

pub fn unknown_lang(given: &str) -> String {
    format!(
        "不支持的界面语言“{given}”，请用 zh 或 en。 / Unsupported language \"{given}\": use zh or en."
    )
}

pub fn resident_id_error(lang: Lang, e: &ResidentIdError) -> String {
    use ResidentIdError::*;
    match (lang, e) {
        (Lang::Zh, Length(n)) => format!("长度为{n}位，应为18位（或15位旧号码）"),
        (Lang::En, Length(n)) => {
            format!("{n} characters long, expected 18 (or a 15-digit legacy number)")
        }
        (Lang::Zh, BadCharacter(c)) => format!("含有不允许的字符“{}”", safe_char(*c)),
        (Lang::En, BadCharacter(c)) => format!(
            "contains the character '{}', which is not allowed",
            safe_char(*c)
        ),
        (Lang::Zh, UnknownProvince(code)) => format!("地区码{code}不属于任何省级行政区"),
        (Lang::En, UnknownProvince(code)) => format!("area code {code} belongs to no province"),
        (Lang::Zh, BadBirthDate(s)) => format!("出生日期{s}不是有效日期"),
        (Lang::En, BadBirthDate(s)) => format!("birth date {s} is not a real date"),
        (Lang::Zh, FutureBirthDate(d)) => format!("出生日期{d}晚于今天"),
        (Lang::En, FutureBirthDate(d)) => format!("birth date {d} is after today"),
        (Lang::Zh, Checksum { expected, found }) => format!("校验码应为{expected}，实为{found}"),
        (Lang::En, Checksum { expected, found }) => {
            format!("check character should be {expected}, found {found}")
        }
    }
}

pub fn uscc_error(lang: Lang, e: &UsccError) -> String {
    use UsccError::*;
    match (lang, e) {
        (Lang::Zh, Length(n)) => format!("长度为{n}位，应为18位"),
        (Lang::En, Length(n)) => format!("{n} characters long, expected 18"),
        (Lang::Zh, BadCharacter { ch, position }) => {
            format!(
                "第{position}位“{}”不是允许的字符（不含I、O、S、V、Z）",
                safe_char(*ch)
            )
        }
        (Lang::En, BadCharacter { ch, position }) => format!(
            "character {position} '{}' is not allowed (I, O, S, V, Z are never used)",
            safe_char(*ch)
        ),
        (Lang::Zh, Checksum { expected, found }) => format!("校验码应为{expected}，实为{found}"),
        (Lang::En, Checksum { expected, found }) => {
            format!("check character should be {expected}, found {found}")
        }
    }
}

pub fn calendar_error(lang: Lang, e: &CalendarError) -> String {
    use CalendarError::*;
    match (lang, e) {
        (Lang::Zh, Parse(m)) => format!("节假日文件格式有误：{m}"),
        (Lang::En, Parse(m)) => format!("the holiday file is malformed: {m}"),
        (Lang::Zh, OutsideYear { year, date }) => format!("{date}不属于{year}年"),
        (Lang::En, OutsideYear { year, date }) => format!("{date} is listed under {year}"),
        (Lang::Zh, BackwardSpan { name }) => format!("假期“{name}”的结束日期早于开始日期"),
        (Lang::En, BackwardSpan { name }) => format!("holiday \"{name}\" ends before it starts"),
        (Lang::Zh, EmptyPublishedYear(y)) => format!("{y}年标为已公布，却没有列出任何假日"),
        (Lang::En, EmptyPublishedYear(y)) => {
            format!("{y} is marked published but lists no holiday")
        }
        (Lang::Zh, Twice(d)) => format!("{d}被列了两次（两个假期重叠，或既是假日又是调休工作日）"),
        (Lang::En, Twice(d)) => {
            format!("{d} is listed twice (overlapping holidays, or both holiday and make-up day)")
        }
        (Lang::Zh, WeekdayMakeUp(d)) => format!("调休工作日{d}不是周六或周日"),
        (Lang::En, WeekdayMakeUp(d)) => {
            format!("the make-up working day {d} is not a Saturday or Sunday")
        }
        (Lang::Zh, YearTwice(y)) => format!("{y}年在文件中出现了两次"),
        (Lang::En, YearTwice(y)) => format!("{y} appears twice in the file"),
        (Lang::Zh, YearOutOfRange(y)) => format!("年份{y}不在1949至2200之间"),
        (Lang::En, YearOutOfRange(y)) => format!("the year {y} is not between 1949 and 2200"),
    }
}

pub fn store_error(lang: Lang, e: &StoreError) -> String {
    use StoreError::*;
    match (lang, e) {
        (Lang::Zh, BadUrl(u)) => {
            format!("数据库地址“{u}”格式不对，应为 sqlite://路径 或 postgres://用户@主机/库名。")
        }
        (Lang::En, BadUrl(u)) => format!(
            "The database URL \"{u}\" is malformed: use sqlite://PATH or postgres://USER@HOST/DB."
        ),
        (Lang::Zh, NoDirectory(d)) => format!("数据库所在的文件夹 {d} 不存在。"),
        (Lang::En, NoDirectory(d)) => format!("The folder for the database, {d}, does not exist."),
        (Lang::Zh, ReadOnly(p)) => format!("数据库 {p} 是只读的，无法写入。"),
        (Lang::En, ReadOnly(p)) => format!("The database {p} is read-only and cannot be written."),
        (Lang::Zh, NotADatabase(p)) => format!("{p} 不是数据库文件或已损坏，未作任何改动。"),
        (Lang::En, NotADatabase(p)) => {
            format!("{p} is not a database or is damaged; nothing was changed.")
        }
        (Lang::Zh, Unreachable(w)) => format!("无法连接数据库服务器（{w}）。"),
        (Lang::En, Unreachable(w)) => format!("The database server cannot be reached ({w})."),
        (Lang::Zh, SchemaNewer { found, known }) => format!(
            "数据库结构版本为{found}，比本程序（版本{known}）新，请升级 hrss-desk；数据库未作改动。"
        ),
        (Lang::En, SchemaNewer { found, known }) => format!(
            "The database schema is version {found}, newer than this program's {known}: upgrade hrss-desk. The database was not changed."
        ),
        (Lang::Zh, Conflict { entity, id }) => {
            let what = match *entity {
                "filing" => "申报",
                "case" => "案件",
                "complaint" => "投诉",
                "inspection" => "检查",
                "lead" => "线索",
                "staff" => "工作人员",
                "calendar" => "日历",
                "setting" => "设置",
                other => other,
            };
            format!("{what}{id}已被他人修改或办理，请刷新后重试，您的输入已保留。")
        }
        (Lang::En, Conflict { entity, id }) => format!(
            "{entity} {id} was changed by someone else: reload and retry; your input is kept."
        ),
        (Lang::Zh, Duplicate(what)) => format!("{what} 已存在。"),
        (Lang::En, Duplicate(what)) => format!("{what} already exists."),
        (Lang::Zh, NotEmpty) => "该数据库已有数据，不是演示数据库，演示数据不会写入。".to_string(),
        (Lang::En, NotEmpty) => {
            "This database already holds data and is not a demo database; no demo data was written."
                .to_string()
        }
        (Lang::Zh, NotFirst) => "工作人员名单已不为空，请由系统管理员添加工作人员。".to_string(),
        (Lang::En, NotFirst) => {
            "The staff list is no longer empty: an administrator must add staff.".to_string()
        }
        (Lang::Zh, BadData { entity, detail }) => {
            format!("数据库中的{entity}记录无法读取：{detail}")
        }
        (Lang::En, BadData { entity, detail }) => {
            format!("An unreadable {entity} record in the database: {detail}")
        }
        (Lang::Zh, Full(_)) => {
            "磁盘已满，本次操作未写入任何内容；请联系系统管理员清理空间后重试。".to_string()
        }
        (Lang::En, Full(_)) => {
            "The disk is full: nothing was written. Ask an administrator to free space, then retry.".to_string()
        }
        (Lang::Zh, DiskIo(_)) => {
            "磁盘读写出错，本次操作未写入任何内容；请联系系统管理员检查磁盘。".to_string()
        }
        (Lang::En, DiskIo(_)) => {
            "The disk failed to read or write: nothing was written. Ask an administrator to check it.".to_string()
        }
        // The database's own words stay in the log; the desk gets one sentence.
        (Lang::Zh, Db(err)) => format!(
            "数据库操作失败，本次操作未写入任何内容（{}）。",
            db_code(err)
        ),
        (Lang::En, Db(err)) => format!(
            "The database refused the operation: nothing was written ({}).",
            db_code(err)
        ),
    }
}

/// A database error's code, for the administrator to look up.
fn db_code(e: &sqlx::Error) -> String {
    match e.as_database_error().and_then(|d| d.code()) {
        Some(code) => format!("code {code}"),
        None => "no code".to_string(),
    }
}

pub fn unknown_login(lang: Lang, login: &str) -> String {
    match lang {
        Lang::Zh => {
            format!("登录名“{login}”不在本局工作人员名单中，无法使用 hrss-desk，请联系系统管理员。")
        }
        Lang::En => format!(
            "The login \"{login}\" is not on the bureau's staff list, so hrss-desk will not open: ask an administrator."
        ),
    }
}

pub fn no_staff_yet(lang: Lang) -> &'static str {
    lang.pick(
        "该数据库还没有工作人员：请先用 hrss-desk staff add 登录名 --name 姓名 --roles admin 添加第一位系统管理员；只想试用演示数据的，见 hrss-desk demo --help。",
        "This database has no staff yet: first add an administrator with hrss-desk staff add LOGIN --name NAME --roles admin; to try it on demo data, see hrss-desk demo --help.",
    )
}

pub fn inactive_login(lang: Lang, login: &str) -> String {
    match lang {
        Lang::Zh => format!("工作人员“{login}”已停用，无法使用 hrss-desk。"),
        Lang::En => {
            format!("The staff member \"{login}\" is deactivated and cannot use hrss-desk.")
        }
    }
}

/// A config file that cannot be read: both languages, as the language
/// itself may be what the file was to set.
pub fn config_file_bad(path: &str, why: &str) -> String {
    let path = super::printable(path);
    let why = super::printable(why);
    format!("配置文件 {path} 有误：{why} / The config file {path} is not valid: {why}")
}

pub fn user_flag_refused(lang: Lang) -> String {
    match lang {
        Lang::Zh => "--user 只能用于演示数据库，或由系统管理员使用。".to_string(),
        Lang::En => "--user works only on a demo database or for an administrator.".to_string(),
    }
}

pub fn today_pin_refused(lang: Lang) -> String {
    match lang {
        Lang::Zh => "HRSS_TODAY 只能用于演示数据库；本单位数据库以服务器时钟为准。".to_string(),
        Lang::En => {
            "HRSS_TODAY works only on a demo database; an office database keeps the server's clock."
                .to_string()
        }
    }
}

pub fn bad_today_pin(lang: Lang, value: &str) -> String {
    let value = crate::i18n::printable(value);
    match lang {
        Lang::Zh => format!("HRSS_TODAY 应为 YYYY-MM-DD 格式的日期，而不是“{value}”。"),
        Lang::En => format!("HRSS_TODAY must be a date as YYYY-MM-DD, not \"{value}\"."),
    }
}

/// An act refused for the role: who may do it, from the permissions table.
pub fn act_refused(lang: Lang, act: crate::domain::permissions::Act) -> String {
    let roles = crate::domain::permissions::roles(act)
        .iter()
        .map(|r| r.label(lang))
        .collect::<Vec<_>>();
    match lang {
        Lang::Zh => format!("只有{}可以{}。", roles.join("、"), act.label(lang)),
        Lang::En => format!(
            "Only these roles may {}: {}.",
            act.label(lang),
            roles.join(", ")
        ),
    }
}

pub fn not_permitted(lang: Lang, what: &str) -> String {
    match lang {
        Lang::Zh => format!("您的角色无权{what}。"),
        Lang::En => format!("Your role does not allow you to {what}."),
    }
}

pub fn audit_ok(lang: Lang, n: u64) -> String {
    match lang {
        Lang::Zh => format!("审计日志完整：共{n}条，哈希链无断裂。"),
        Lang::En => format!("Audit log intact: {n} entries, the hash chain is unbroken."),
    }
}

/// The log's head as `audit verify` prints it, to be compared with a copy
/// kept elsewhere.
pub fn audit_head(lang: Lang, seq: i64, hash: &str) -> String {
    match lang {
        Lang::Zh => format!("日志头：第{seq}条，哈希 {hash}"),
        Lang::En => format!("Head: entry {seq}, hash {hash}"),
    }
}

pub fn anchors_held(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("日志仍延续锚点文件中的全部{n}个锚点。"),
        Lang::En => format!("The log still extends all {n} anchor(s) in the file."),
    }
}

pub fn anchored(lang: Lang, seq: i64, path: &str) -> String {
    let path = super::printable(path);
    match lang {
        Lang::Zh => format!("已将日志头（第{seq}条）记入锚点文件 {path}。"),
        Lang::En => format!("The head (entry {seq}) was recorded in the anchor file {path}."),
    }
}

pub fn anchor_file_unset(lang: Lang) -> &'static str {
    lang.pick(
        "本局配置文件未设置 audit_anchor_file：请在其中设置，或用 --to 指定锚点文件。",
        "The office config sets no audit_anchor_file: set one there, or name the anchor file with --to.",
    )
}

pub fn anchor_file_bad(lang: Lang, path: &std::path::Path, why: &str) -> String {
    let path = path.display().to_string();
    let path = super::printable(&path);
    let why = super::printable(why);
    match lang {
        Lang::Zh => format!("锚点文件 {path} 无法使用：{why}。"),
        Lang::En => format!("The anchor file {path} cannot be used: {why}."),
    }
}

pub fn anchor_not_written(lang: Lang, path: &std::path::Path, e: &std::io::Error) -> String {
    let path = path.display().to_string();
    let path = super::printable(&path);
    let why = e.to_string();
    let why = super::printable(&why);
    match lang {
        Lang::Zh => format!("未能写入锚点文件 {path}：{why}。"),
        Lang::En => format!("The anchor file {path} was not written: {why}."),
    }
}

pub fn audit_broken(lang: Lang, b: &crate::domain::audit::ChainBreak) -> String {
    use crate::domain::audit::ChainBreak::*;
    match (lang, b) {
        (Lang::Zh, Altered { seq }) => format!("审计日志第{seq}条被篡改：内容与其哈希不符。"),
        (Lang::En, Altered { seq }) => {
            format!("Audit entry {seq} was altered: its content no longer matches its hash.")
        }
        (Lang::Zh, Missing { expected, found }) => {
            format!("审计日志缺失：第{found}条之前应有第{expected}条。")
        }
        (Lang::En, Missing { expected, found }) => {
            format!("Audit entries are missing: entry {expected} should come before {found}.")
        }
        (Lang::Zh, Relinked { seq }) => {
            format!("审计日志第{seq}条与前一条不相连：有条目被插入或调换。")
        }
        (Lang::En, Relinked { seq }) => format!(
            "Audit entry {seq} does not follow the one before it: entries were inserted or reordered."
        ),
        (Lang::Zh, Head { head_seq, last_seq }) => {
            format!("审计日志末尾被改动：记录的末条为第{head_seq}条，实际为第{last_seq}条。")
        }
        (Lang::En, Head { head_seq, last_seq }) => format!(
            "The end of the audit log was changed: the recorded last entry is {head_seq}, the log ends at {last_seq}."
        ),
        (Lang::Zh, AnchorRewritten { seq }) => {
            format!("审计日志第{seq}条与外部锚点记录的哈希不符：此前的日志被改写过。")
        }
        (Lang::En, AnchorRewritten { seq }) => format!(
            "Audit entry {seq} no longer has the hash its anchor recorded: the log up to it was rewritten."
        ),
        (Lang::Zh, AnchorCut { seq, last_seq }) => {
            format!("审计日志被截断：外部锚点记录到第{seq}条，日志只到第{last_seq}条。")
        }
        (Lang::En, AnchorCut { seq, last_seq }) => format!(
            "The audit log was cut: an anchor records entry {seq}, the log ends at {last_seq}."
        ),
    }
}

pub fn provisional_note(lang: Lang) -> &'static str {
    lang.pick(
        "注意：涉及尚未公布节假日安排的年份，此日期为暂定。",
        "Note: this date reaches a year whose holiday notice is not yet published, so it is provisional.",
    )
}

pub fn demo_exists(lang: Lang, where_: &str) -> String {
    match lang {
        Lang::Zh => format!("演示数据库已存在：{where_}"),
        Lang::En => format!("The demo database already exists: {where_}"),
    }
}

pub fn demo_seeded(lang: Lang, where_: &str, persons: usize, secs: f64) -> String {
    match lang {
        Lang::Zh => format!("已生成演示数据库：{where_}（参保人员{persons}人，用时{secs:.1}秒）"),
        Lang::En => {
            format!("Demo database created: {where_} ({persons} insured persons, {secs:.1} s)")
        }
    }
}

pub fn bad_size(lang: Lang, max: usize) -> String {
    match lang {
        Lang::Zh => format!("--size 应在100到{max}之间。"),
        Lang::En => format!("--size must lie between 100 and {max}."),
    }
}

pub fn migrated(lang: Lang, applied: &[i64], version: i64) -> String {
    match (lang, applied.is_empty()) {
        (Lang::Zh, true) => format!("数据库结构已是最新（版本{version}）。"),
        (Lang::En, true) => format!("The database schema is up to date (version {version})."),
        (Lang::Zh, false) => format!(
            "已应用{}个迁移，数据库结构现为版本{version}。",
            applied.len()
        ),
        (Lang::En, false) => format!(
            "Applied {} migration(s); the schema is now version {version}.",
            applied.len()
        ),
    }
}

/// Written as YYYY-MM-DD, whether or not such a day exists.
pub fn date_shaped(given: &str) -> bool {
    let b = given.trim().as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
}

/// A date refused: a day that does not exist (`2026-02-29`) is told as
/// such, anything else as not written YYYY-MM-DD.
pub fn bad_date(lang: Lang, given: &str) -> String {
    match (lang, date_shaped(given)) {
        (Lang::Zh, true) => format!("日期“{given}”不存在：没有这一天。"),
        (Lang::En, true) => {
            format!("The date \"{given}\" does not exist: there is no such day.")
        }
        (Lang::Zh, false) => format!("日期“{given}”格式不对，应为 YYYY-MM-DD。"),
        (Lang::En, false) => format!("The date \"{given}\" is malformed: use YYYY-MM-DD."),
    }
}

pub fn too_many_working_days(lang: Lang, max: u32) -> String {
    match lang {
        Lang::Zh => format!("--working-days 不能超过{max}。"),
        Lang::En => format!("--working-days cannot exceed {max}."),
    }
}

pub fn empty_query(lang: Lang) -> &'static str {
    lang.pick(
        "请输入要查询的名称、拼音首字母或号码。",
        "Type a name, pinyin initials or a number to look up.",
    )
}

pub fn query_too_long(lang: Lang, max: usize) -> String {
    match lang {
        Lang::Zh => format!("查询内容过长：最多{max}个字符。"),
        Lang::En => format!("The query is too long: {max} characters at most."),
    }
}

pub fn bad_limit(lang: Lang) -> &'static str {
    lang.pick(
        "--limit 应在1到10000之间。",
        "--limit must lie between 1 and 10,000.",
    )
}

/// A stored status code in words, for licences (their standing), employers and persons.
pub fn status_word(code: &str, lang: Lang) -> &'static str {
    let (zh, en) = match code {
        "valid" => ("有效", "valid"),
        "expiring" => ("将到期!", "expiring!"),
        "expired" => ("已过期", "EXPIRED"),
        "suspended" => ("暂停", "suspended"),
        "revoked" => ("已吊销", "REVOKED"),
        "cancelled" => ("已注销", "cancelled"),
        "active" => ("正常", "active"),
        "retired" => ("退休", "retired"),
        _ => ("-", "-"),
    };
    lang.pick(zh, en)
}

/// A found record's status in the words its own pane uses: an employer's
/// and a person's enrolment status as in the persons pane (参保缴费, not
/// 正常), a licence's standing.
pub fn record_status(kind: crate::search::RecordKind, code: &str, lang: Lang) -> &'static str {
    use crate::domain::{EmployerStatus, PersonStatus};
    use crate::search::RecordKind;
    match kind {
        RecordKind::Employer => EmployerStatus::parse(code).map(|s| s.label(lang)),
        RecordKind::Person => PersonStatus::parse(code).map(|s| s.label(lang)),
        RecordKind::Licence(_) => None,
    }
    .unwrap_or_else(|| status_word(code, lang))
}

pub fn cannot_read(lang: Lang, what: &str, why: &str) -> String {
    match lang {
        Lang::Zh => format!("无法读取 {what}：{why}"),
        Lang::En => format!("Cannot read {what}: {why}"),
    }
}

pub fn calendar_loaded(lang: Lang, years: &[i32]) -> String {
    let list = years
        .iter()
        .map(|y| y.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    match lang {
        Lang::Zh => format!("已载入节假日安排：{list}"),
        Lang::En => format!("Holiday tables loaded: {list}"),
    }
}

pub fn staff_added(lang: Lang, login: &str) -> String {
    match lang {
        Lang::Zh => format!("已添加工作人员 {login}。"),
        Lang::En => format!("Staff member {login} added."),
    }
}

/// A staff member deactivated, reactivated or given new roles.
pub fn staff_changed(
    lang: Lang,
    s: &crate::domain::Staff,
    what: &crate::domain::staff::StaffChange,
) -> String {
    use crate::domain::staff::StaffChange;
    let login = super::printable(&s.login);
    let roles: Vec<&str> = s.roles.iter().map(|r| r.label(lang)).collect();
    match (lang, what) {
        (Lang::Zh, StaffChange::Deactivate) => format!("已停用工作人员 {login}：其登录将被拒绝。"),
        (Lang::Zh, StaffChange::Activate) => format!("已恢复工作人员 {login}。"),
        (Lang::Zh, StaffChange::Roles(_)) => {
            format!("工作人员 {login} 的角色现为：{}。", roles.join("、"))
        }
        (Lang::En, StaffChange::Deactivate) => {
            format!("Staff member {login} deactivated: their login is refused from now on.")
        }
        (Lang::En, StaffChange::Activate) => format!("Staff member {login} reactivated."),
        (Lang::En, StaffChange::Roles(_)) => {
            format!(
                "Staff member {login} now has the roles: {}.",
                roles.join(", ")
            )
        }
    }
}

/// A change to the staff list refused.
pub fn staff_refused(lang: Lang, login: &str, why: &crate::domain::staff::StaffRefusal) -> String {
    use crate::domain::staff::StaffRefusal;
    let login = super::printable(login);
    match (lang, why) {
        (Lang::Zh, StaffRefusal::NoSuchLogin) => format!("工作人员名单中没有登录名“{login}”。"),
        (Lang::Zh, StaffRefusal::LastAdmin) => format!(
            "{login} 是仅有的在职系统管理员，不能停用或去掉其管理员角色：请先为另一人添加管理员角色。"
        ),
        (Lang::En, StaffRefusal::NoSuchLogin) => {
            format!("No staff member has the login “{login}”.")
        }
        (Lang::En, StaffRefusal::LastAdmin) => format!(
            "{login} is the only active administrator and cannot be deactivated or lose the role: make another one administrator first."
        ),
    }
}

pub fn bad_staff_name(lang: Lang) -> String {
    let max = crate::domain::staff::NAME_MAX_CHARS;
    match lang {
        Lang::Zh => format!("姓名须填写，不超过{max}个字，且不含控制字符。"),
        Lang::En => {
            format!("A name is needed, of at most {max} characters, without control characters.")
        }
    }
}

pub fn bad_login(lang: Lang, login: &str) -> String {
    match lang {
        Lang::Zh => format!("登录名“{login}”不合规：只能用字母、数字、点、下划线和连字符。"),
        Lang::En => {
            format!("The login \"{login}\" is not valid: use letters, digits, '.', '_' and '-'.")
        }
    }
}

pub fn bad_role(lang: Lang, role: &str) -> String {
    match lang {
        Lang::Zh => format!("未知角色“{role}”，可选 clerk、inspector、chief、admin。"),
        Lang::En => format!("Unknown role \"{role}\": use clerk, inspector, chief or admin."),
    }
}

pub fn first_staff_must_be_admin(lang: Lang) -> &'static str {
    lang.pick(
        "名单为空时，第一位工作人员必须是系统管理员（admin）。",
        "The first staff member on an empty list must be an administrator (admin).",
    )
}

/// A character from outside shown safely: control characters become `U+XXXX`.
fn safe_char(c: char) -> String {
    if c.is_control() {
        format!("U+{:04X}", c as u32)
    } else {
        c.to_string()
    }
}

/// The one-time correction notice (一次性告知书): every problem at once.
pub fn correction_notice(lang: Lang, id: i64, kind: &str, problems: &[String]) -> String {
    let mut text = match lang {
        Lang::Zh => format!(
            "一次性告知书\n您提交的{kind}（编号{id}）经审核，需一次性补正以下事项后重新申报：\n"
        ),
        Lang::En => format!(
            "One-time correction notice\nYour {kind} filing (no. {id}) needs all of the following corrected before it is filed again:\n"
        ),
    };
    for (n, p) in problems.iter().enumerate() {
        text.push_str(&format!("{}. {p}\n", n + 1));
    }
    text
}

/// The notice's sentence giving the day to correct and resubmit by. It
/// says nothing of the application being deemed withdrawn when the day
/// passes: no rule the office applies says so.
pub fn correction_deadline(lang: Lang, due: chrono::NaiveDate) -> String {
    match lang {
        Lang::Zh => format!("请于{}前补正材料后重新提交。", due.format("%Y年%m月%d日")),
        Lang::En => format!(
            "Please correct and resubmit by {}.",
            due.format("%-d %B %Y")
        ),
    }
}

/// A returned filing's notice as it was sent: the text stored with the
/// return, then the day to correct by that was stored with it, in the
/// office's language, Chinese. A filing returned before notices gave a day
/// has none.
pub fn notice_as_sent(notice: &str, correction_due: Option<chrono::NaiveDate>) -> String {
    let mut text = notice.trim_end().to_string();
    if let Some(due) = correction_due {
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(&correction_deadline(Lang::Zh, due));
    }
    text.push('\n');
    text
}

pub fn refusal(lang: Lang, r: &crate::domain::decision::Refusal) -> String {
    use crate::domain::decision::Refusal::*;
    match (lang, r) {
        (_, NotAClerk) => act_refused(lang, crate::domain::permissions::Act::DecideFiling),
        (_, NotOnBehalf) => super::not_on_behalf(lang).to_string(),
        (Lang::Zh, HasProblems(n)) => {
            format!("该申报有{n}个问题，不能办结：请退回更正，或由科室负责人说明理由后办结。")
        }
        (Lang::En, HasProblems(n)) => format!(
            "This filing has {n} problem(s) and cannot be approved: return it, or a section chief approves it with a reason."
        ),
        (Lang::Zh, OverrideNeedsReason) => {
            "有问题的申报办结须说明理由（--override 理由）。".to_string()
        }
        (Lang::En, OverrideNeedsReason) => {
            "Approving over problems needs a reason (--override REASON).".to_string()
        }
        (Lang::Zh, TooLong(max)) => format!("告知内容或理由超过{max}个字，请精简。"),
        (Lang::En, TooLong(max)) => {
            format!("The notice or reason is longer than {max} characters: shorten it.")
        }
        (Lang::Zh, EmptyNotice) => "退回须附一次性告知内容。".to_string(),
        (Lang::En, EmptyNotice) => "A return needs the correction notice's text.".to_string(),
        (Lang::Zh, NothingToApply) => {
            "该参保单位登记缺少有效的统一社会信用代码或单位名称，办结也不能登记单位：请退回更正。"
                .to_string()
        }
        (Lang::En, NothingToApply) => {
            "This employer's registration lacks a valid credit code or a name, so approving it would register no employer: return it."
                .to_string()
        }
    }
}

pub fn filing_not_pending(lang: Lang, id: i64) -> String {
    match lang {
        Lang::Zh => format!("没有待审核的申报{id}（不存在或已办理）。"),
        Lang::En => format!("There is no pending filing {id} (none, or already decided)."),
    }
}

pub fn filing_not_returned(lang: Lang, id: i64) -> String {
    match lang {
        Lang::Zh => format!("申报{id}未被退回更正，没有一次性告知书。"),
        Lang::En => format!("Filing {id} was not returned for correction: it has no notice."),
    }
}

/// A filing decided: approved, or returned with the day to correct by
/// (None: approved).
pub fn filing_decided(
    lang: Lang,
    id: i64,
    correction_due: Option<&crate::domain::calendar::Deadline>,
) -> String {
    let Some(due) = correction_due else {
        return match lang {
            Lang::Zh => format!("申报{id}已办结。"),
            Lang::En => format!("Filing {id} approved."),
        };
    };
    let mut out = match lang {
        Lang::Zh => format!("申报{id}已退回更正，须于{}前补正后重新提交。", due.date),
        Lang::En => format!(
            "Filing {id} returned for correction, to be corrected and resubmitted by {}.",
            due.date
        ),
    };
    if due.provisional {
        out.push_str(lang.pick("", " "));
        out.push_str(provisional_note(lang));
    }
    out
}

pub fn no_passwd_entry(lang: Lang, uid: u32) -> String {
    match lang {
        Lang::Zh => format!(
            "本进程的系统账户（uid {uid}）在系统用户表中没有记录，无法确认身份，hrss-desk 不会打开。"
        ),
        Lang::En => format!(
            "This process's account (uid {uid}) has no entry in the system's user database, so who is working cannot be told: hrss-desk will not open."
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_notice_as_sent_ends_with_its_day_and_one_returned_before_has_none() {
        let by = chrono::NaiveDate::from_ymd_opt(2026, 12, 18);
        assert_eq!(
            notice_as_sent("一次性告知书\n1. 请补交合同。\n\n", by),
            "一次性告知书\n1. 请补交合同。\n请于2026年12月18日前补正材料后重新提交。\n"
        );
        assert_eq!(notice_as_sent("请补交合同。\n", None), "请补交合同。\n");
        assert_eq!(
            correction_deadline(Lang::En, by.unwrap()),
            "Please correct and resubmit by 18 December 2026."
        );
    }

    #[test]
    fn control_characters_in_input_are_never_echoed_raw() {
        let e = ResidentIdError::BadCharacter('\u{1b}');
        let text = resident_id_error(Lang::En, &e);
        assert!(!text.contains('\u{1b}'));
        assert!(text.contains("U+001B"));
    }

    #[test]
    fn both_languages_say_something_different() {
        let e = UsccError::Length(4);
        assert_ne!(uscc_error(Lang::Zh, &e), uscc_error(Lang::En, &e));
        assert_ne!(unknown_login(Lang::Zh, "x"), unknown_login(Lang::En, "x"));
    }
}
