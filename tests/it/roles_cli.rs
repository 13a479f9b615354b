//! Who may do what, through the command line: every guarded act is tried as
//! a staff member of each role that may not take it — refused with exit 1
//! and one Chinese sentence naming who may, and nothing written: no audit
//! entry, no row, no file. Then the same command as a role that may take it
//! succeeds, so the refusal was about the role and not the arguments.
//!
//! One table, one loop: adding an act is adding a line to `ACTS`.

use crate::common;

use common::cli::Demo;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Clerk,
    Inspector,
    Chief,
    Legal,
    Admin,
}

use Role::*;

const ROLES: [Role; 5] = [Clerk, Inspector, Chief, Legal, Admin];

impl Role {
    /// A staff member with this role and no other (t-chief and t-legal are
    /// added by the bench: the demo has no chief or legal reviewer alone).
    fn login(self) -> &'static str {
        match self {
            Clerk => "wangfang",
            Inspector => "wulei",
            Chief => "t-chief",
            Legal => "t-legal",
            Admin => "sunhao",
        }
    }
}

/// One guarded act of the command line.
#[derive(Debug, Clone, Copy)]
struct Act {
    name: &'static str,
    /// The roles that may take it; every other role must be refused.
    allowed: &'static [Role],
    /// The record `{id}` stands for: a table and a condition. Each act is
    /// given a record no act before it was given.
    pick: Option<(&'static str, &'static str)>,
    /// Commands (`LOGIN ARGS…`) that bring the record to where the act
    /// starts, run before anyone tries it.
    setup: &'static [&'static str],
    /// The command, split on spaces. `{id}` the record, `{in}` the folder of
    /// the input files, `{out}` a folder for output, `{calendar}` the
    /// shipped calendar, `{last:TABLE}` the newest id in TABLE.
    args: &'static str,
    /// Whether the allowed run leaves an audit entry (all but pure checks).
    audited: bool,
}

const fn act(name: &'static str, allowed: &'static [Role], args: &'static str) -> Act {
    Act {
        name,
        allowed,
        pick: None,
        setup: &[],
        args,
        audited: true,
    }
}

impl Act {
    const fn on(self, table: &'static str, condition: &'static str) -> Act {
        Act {
            pick: Some((table, condition)),
            ..self
        }
    }

    const fn after(self, setup: &'static [&'static str]) -> Act {
        Act { setup, ..self }
    }

    /// The allowed run writes nothing (a check, a dry run).
    const fn quiet(self) -> Act {
        Act {
            audited: false,
            ..self
        }
    }
}

const CLEAN: &str = "status='pending' AND id NOT IN (SELECT filing_id FROM filing_problem)";
const DIRTY: &str = "status='pending' AND id IN (SELECT filing_id FROM filing_problem)";
const CASE: &str = "inspection_case";
const WORKING: &str = "stage='investigating' AND suspended=0";
/// A case at defence whose statement and hearing windows have closed.
/// `{today}` is the tests' pinned day, the program's too.
const READY: &str = "stage='defence' AND notice_served_on < date('{today}', '-20 days')";
const WORKERS: &[Role] = &[Inspector, Chief];
/// A decision with a fine, served.
const SERVED: &str = "stage IN ('decided', 'enforcing') AND served_on IS NOT NULL AND fine > 0";
const CHIEF: &[Role] = &[Chief];
const DESK: &[Role] = &[Clerk, Chief];
const CHIEF_OR_ADMIN: &[Role] = &[Chief, Admin];
const REGISTERS: &[Role] = &[Clerk, Chief, Admin];
const PRIOR_NOTICE_OFFERING_A_HEARING: &str =
    "wulei cases move {id} prior-notice --article lsi-23 --fine 20000 --workers 10";

/// One line an act (rustfmt would spread each over five).
#[rustfmt::skip]
const ACTS: &[Act] = &[
    // Filings (src/domain/decision.rs may_decide).
    act("filings approve", DESK, "filings approve {id}").on("filing", CLEAN),
    act("filings return", DESK, "filings return {id}").on("filing", CLEAN),
    act("filings approve --override", CHIEF, "filings approve {id} --override 已核对原件").on("filing", DIRTY),
    act("filings approve-clean", DESK, "filings approve-clean --limit 1"),
    act("filings receive", DESK, "filings receive --kind cancel --employer-uscc {uscc} --field reason=duplicate --materials cancel-form=present"),
    // Exports, the audit log, the staff list, the calendar.
    // A whole list of full ID numbers: the section chief's act (issue 19, point 9).
    act("export --reveal", CHIEF, "export persons {out}/full-ids.csv --reveal --reason 核对参保身份"),
    act("audit verify", &[Chief, Admin], "audit verify").quiet(),
    act("staff add", &[Admin], "staff add t-new --name 新同事 --roles clerk"),
    act("calendar load", &[Admin], "calendar load {calendar}"),
    // Complaints (src/workflow/complaints.rs).
    act("complaints add", &[Clerk, Inspector, Chief], "complaints add --complainant 张三 --respondent 鹿泉区某商贸有限公司 --matters wages --channel window --facts 拖欠三个月工资"),
    act("complaints decide", CHIEF, "complaints decide {id}").on("complaint", "decision='pending'"),
    // Imports (src/workflow/import.rs may_import): a dry run is refused too.
    act("import licences --dry-run", CHIEF_OR_ADMIN, "import licences {in}/licences.csv --dry-run").quiet(),
    act("import licences", CHIEF_OR_ADMIN, "import licences {in}/licences.csv"),
    act("import employers --dry-run", REGISTERS, "import employers {in}/employers.csv --dry-run").quiet(),
    act("import employers", REGISTERS, "import employers {in}/employers.csv"),
    act("import persons --dry-run", REGISTERS, "import persons {in}/persons.csv --dry-run").quiet(),
    act("import persons", REGISTERS, "import persons {in}/persons.csv"),
    act("import settlements --dry-run", WORKERS, "import settlements {in}/settlements.csv --dry-run").quiet(),
    act("import settlements", WORKERS, "import settlements {in}/settlements.csv"),
    act("notice template-load", CHIEF_OR_ADMIN, "notice template-load rectify-order {in}/rectify-order.docx"),
    // Supervision of licensed bodies.
    act("draw run", CHIEF, "draw run --name 第四季度抽查 --ratio 5% --seed 7"),
    act("inspect record", WORKERS, "inspect record {id} --rest passed").on("inspection", "result='pending'"),
    act("sanction add", CHIEF, "sanction add {id} rectify --deadline 2099-12-31 --reason 台账不全")
        .on("licence", "kind='hr-service' AND status='valid' AND id NOT IN (SELECT licence_id FROM sanction_step)"),
    act("lead inspect", WORKERS, "lead inspect {last:licence_lead} --inspector yangqiang --inspector huangwei")
        .on("licence", "status='valid'")
        .after(&["wulei lead add {id} --source tip --summary 群众举报违规收费"]),
    act("campaign add", CHIEF, "campaign add --theme 清理整顿人力资源市场秩序 --from 2026-01-01 --to 2026-12-31"),
    act("campaign group", WORKERS, "campaign group {last:campaign} {id}")
        .on("inspection", "result='pending' AND campaign_id IS NULL")
        .after(&["t-chief campaign add --theme 归组测试 --from 2000-01-01 --to 2099-12-31"]),
    act("zone team-add", CHIEF, "zone team-add 第一监察组 --member yangqiang --member huangwei"),
    act("annual receive", &[Clerk, Inspector, Chief], "annual receive {id} --year 2025").on("licence", "kind='hr-service'"),
    act("annual result", &[Clerk, Inspector, Chief], "annual result {id} --year 2025 passed").on("licence", "kind='hr-service'"),
    act("settlement import", WORKERS, "settlement import {in}/settlement.csv"),
    act("settlement audit", WORKERS, "settlement audit").quiet(),
    // Labour-inspection cases (src/domain/procedure.rs rule()).
    act("cases assign", CHIEF, "cases assign {id} --officer yangqiang --inspectors yangqiang,huangwei").on(CASE, "stage='registered'"),
    act("cases move preliminary", WORKERS, "cases move {id} preliminary").on(CASE, "stage='registered'"),
    act("cases move open", CHIEF, "cases move {id} open").on(CASE, "stage='preliminary'"),
    act("cases move investigate", WORKERS, "cases move {id} investigate").on(CASE, "stage='opened'"),
    act("cases move suspend", CHIEF, "cases move {id} suspend --note 当事人下落不明 --approved-by 王局长").on(CASE, WORKING),
    act("cases move resume", CHIEF, "cases move {id} resume").on(CASE, WORKING).after(&["t-chief cases move {id} suspend --note 当事人下落不明 --approved-by 王局长"]),
    act("cases move extend", CHIEF, "cases move {id} extend --note 案情复杂 --approved-by 王局长").on(CASE, "stage='investigating' AND suspended=0 AND extended=0"),
    act("cases move prior-notice", WORKERS, "cases move {id} prior-notice").on(CASE, WORKING),
    act("cases move statement", WORKERS, "cases move {id} statement").on(CASE, "stage='prior-notice'"),
    act("cases move hearing-request", WORKERS, "cases move {id} hearing-request").on(CASE, WORKING).after(&[PRIOR_NOTICE_OFFERING_A_HEARING]),
    act("cases move hearing", CHIEF, "cases move {id} hearing --on 2026-11-16").on(CASE, "stage='investigating' AND suspended=0 AND registered_on < '2026-11-01'")
        .after(&[
            "wulei cases move {id} prior-notice --on 2026-11-02 --article lsi-23 --fine 20000 --workers 10",
            "wulei cases move {id} hearing-request --on 2026-11-03",
            "wulei cases move {id} schedule-hearing --on 2026-11-04 --until 2026-11-16",
        ]),
    act("cases move legal-review", &[Legal], "cases move {id} legal-review").on(CASE, "stage='defence'"),
    act("cases move decide", CHIEF, "cases move {id} decide --article si-84-person --fine 1000").on(CASE, READY)
        .after(&["t-legal cases move {id} legal-review"]),
    act("cases move serve", WORKERS, "cases move {id} serve").on(CASE, READY)
        .after(&["t-legal cases move {id} legal-review", "t-chief cases move {id} decide --article si-84-person --fine 1000"]),
    act("cases move enforce", WORKERS, "cases move {id} enforce").on(CASE, "stage='decided' AND served_on IS NOT NULL"),
    act("cases move close", CHIEF, "cases move {id} close").on(CASE, SERVED).after(&["wulei cases pay {id} --amount {owed}"]),
    act("cases pay", WORKERS, "cases pay {id} --amount 1 --receipt R1").on(CASE, SERVED),
    act("cases move waive", WORKERS, "cases move {id} waive").on(CASE, "stage='prior-notice'"),
    act("cases move terminate", CHIEF, "cases move {id} terminate --note 用人单位已注销且无权利义务承受人").on(CASE, SERVED),
    act("cases open", WORKERS, "cases open --source report --anonymous --respondent 某餐馆 --matters wages"),
    act("cases move withdraw", CHIEF, "cases move {id} withdraw").on(CASE, "stage IN ('opened', 'investigating') AND suspended=0"),
    act("cases move transfer", CHIEF, "cases move {id} transfer").on(CASE, "stage='preliminary'"),
    act("cases move rectify-order", CHIEF, "cases move {id} rectify-order").on(CASE, WORKING),
    act("cases file", &[Inspector, Chief, Legal], "cases file {id} inquiry-record --kept-at 案卷室").on(CASE, WORKING),
    // Leads and documents: the staff who do the work, not the administrator.
    act("lead add", &[Clerk, Inspector, Chief], "lead add {id} --source tip --summary 群众举报违规收费").on("licence", "status='valid'"),
    act("notice render", &[Clerk, Inspector, Chief, Legal], "notice render correction-notice {id} -o {out}/notice.docx")
        .on("filing", CLEAN)
        .after(&["wangfang filings return {id}"]),
];

/// The acts of one test, by the command's first word: the groups run in
/// parallel, each on a demo database of its own.
const CASE_COMMANDS: &[&str] = &["cases"];
const SUPERVISION_COMMANDS: &[&str] = &[
    "draw",
    "inspect",
    "sanction",
    "lead",
    "campaign",
    "zone",
    "annual",
    "settlement",
];

fn first_word(a: &Act) -> &'static str {
    a.args.split_whitespace().next().unwrap_or_default()
}

#[test]
fn case_acts_are_refused_to_every_other_role() {
    run_acts(|a| CASE_COMMANDS.contains(&first_word(a)));
}

#[test]
fn supervision_acts_are_refused_to_every_other_role() {
    run_acts(|a| SUPERVISION_COMMANDS.contains(&first_word(a)));
}

#[test]
fn office_acts_are_refused_to_every_other_role() {
    run_acts(|a| {
        let w = first_word(a);
        !CASE_COMMANDS.contains(&w) && !SUPERVISION_COMMANDS.contains(&w)
    });
}

/// A demo database with a chief and a legal reviewer alone, the filings'
/// problems recorded, and the input files the imports read.
struct Bench {
    d: Demo,
    inputs: PathBuf,
    outputs: PathBuf,
    /// Records already given to an act, by table.
    used: BTreeMap<&'static str, Vec<String>>,
    rt: tokio::runtime::Runtime,
}

impl Bench {
    fn new() -> Bench {
        let d = Demo::new();
        for (login, name, role) in [
            ("t-chief", "测试科长", "chief"),
            ("t-legal", "测试法制", "legal"),
        ] {
            d.run(&[
                "--user", "sunhao", "staff", "add", login, "--name", name, "--roles", role,
            ])
            .success();
        }
        // Records each pending filing's problems (exit 1: some have some).
        d.run(&["--user", "wangfang", "filings", "check"]).code(1);
        let inputs = d.dir.path().join("in");
        let outputs = d.dir.path().join("out");
        std::fs::create_dir_all(&inputs).unwrap();
        std::fs::create_dir_all(&outputs).unwrap();
        let b = Bench {
            d,
            inputs,
            outputs,
            used: BTreeMap::new(),
            rt: tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap(),
        };
        b.write_inputs();
        b
    }

    /// One valid row of each register: a licence and an employer renamed,
    /// a new person, a month of an agreement institution's figures.
    fn write_inputs(&self) {
        let d = &self.d;
        let write =
            |name: &str, text: String| std::fs::write(self.inputs.join(name), text).unwrap();
        write(
            "licences.csv",
            format!(
                "许可类别,许可证号,机构名称,统一社会信用代码,发证日期\n{}\n",
                d.scalar(
                    "SELECT kind||','||number||','||holder||'（更名）,'||uscc||','||issued_on
                     FROM licence WHERE kind='hr-service' ORDER BY id LIMIT 1"
                )
            ),
        );
        write(
            "employers.csv",
            format!(
                "统一社会信用代码,单位名称\n{}\n",
                d.scalar("SELECT uscc||','||name||'（更名）' FROM employer ORDER BY id LIMIT 1")
            ),
        );
        let first17 = "13011019900307123";
        let id = format!(
            "{first17}{}",
            hrss_desk::domain::resident_id::check_char(first17.as_bytes())
        );
        write("persons.csv", format!("公民身份号码,姓名\n{id},孙一\n"));
        let clinic = d.scalar(
            "SELECT number FROM licence WHERE kind='designated-clinic' ORDER BY id LIMIT 1",
        );
        write(
            "settlements.csv",
            format!(
                "许可证号,结算月份,就诊人次,门诊费用,服务参保人数\n{clinic},202610,120,5400.00,90\n"
            ),
        );
        write(
            "settlement.csv",
            format!("{clinic},202609,100,5000.00,80\n"),
        );
        let template = self.inputs.join("rectify-order.docx");
        d.run(&[
            "--user",
            "wangfang",
            "notice",
            "template",
            "rectify-order",
            "-o",
            template.to_str().unwrap(),
        ])
        .success();
    }

    /// A record for `act` no act before it was given.
    fn pick(&mut self, act: &Act) -> Result<Option<String>, String> {
        let Some((table, condition)) = act.pick else {
            return Ok(None);
        };
        let condition = condition.replace("{today}", common::TODAY);
        let used = self.used.entry(table).or_default();
        let id = self.d.scalar(&format!(
            "SELECT id FROM {table} WHERE ({condition}) AND id NOT IN ({}) ORDER BY id LIMIT 1",
            if used.is_empty() {
                "-1".to_string()
            } else {
                used.join(",")
            }
        ));
        if id.is_empty() || id == "None" {
            return Err(format!(
                "{}: no record in {table} where {condition}",
                act.name
            ));
        }
        used.push(id.clone());
        Ok(Some(id))
    }

    /// The words of a command with its placeholders filled.
    fn expand(&self, line: &str, id: Option<&str>) -> Vec<String> {
        let calendar = concat!(env!("CARGO_MANIFEST_DIR"), "/data/calendar.toml");
        line.split_whitespace()
            .map(|w| {
                let mut w = w
                    .replace("{id}", id.unwrap_or("{id}"))
                    .replace("{in}", self.inputs.to_str().unwrap())
                    .replace("{out}", self.outputs.to_str().unwrap())
                    .replace("{calendar}", calendar);
                if w.contains("{owed}") {
                    // What the case's decision leaves owed today, as the program says.
                    let id = id.expect("{owed} goes with a case");
                    let out = self.d.run(&["cases", "show", id, "--json"]).success();
                    let v: serde_json::Value =
                        serde_json::from_slice(&out.get_output().stdout).unwrap();
                    let fen = v["outstanding_fen"].as_i64().expect("outstanding_fen");
                    w = w.replace("{owed}", &format!("{}.{:02}", fen / 100, fen % 100));
                }
                if w.contains("{uscc}") {
                    let uscc = self
                        .d
                        .scalar("SELECT uscc FROM employer ORDER BY id LIMIT 1");
                    w = w.replace("{uscc}", &uscc);
                }
                while let Some(at) = w.find("{last:") {
                    let end = at + w[at..].find('}').expect("a closed placeholder");
                    let table = &w[at + 6..end];
                    let last = self.d.scalar(&format!("SELECT max(id) FROM {table}"));
                    w.replace_range(at..=end, &last);
                }
                w
            })
            .collect()
    }

    /// Runs `args` as `login`: (exit code, stdout, stderr).
    fn run_as(&self, login: &str, args: &[String]) -> (Option<i32>, String, String) {
        let mut all: Vec<&str> = vec!["--user", login];
        all.extend(args.iter().map(String::as_str));
        let out = self.d.run(&all).get_output().clone();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    /// The audit log's length, read in this process (a fraction of a
    /// Python start: it is read around every run).
    fn audit_entries(&self) -> i64 {
        use sqlx::Connection;
        self.rt.block_on(async {
            let options = sqlx::sqlite::SqliteConnectOptions::new()
                .filename(&self.d.db)
                .read_only(true);
            let mut c = sqlx::SqliteConnection::connect_with(&options)
                .await
                .expect("the demo database opens");
            let n: i64 = sqlx::query_scalar("SELECT count(*) FROM audit_log")
                .fetch_one(&mut c)
                .await
                .expect("the audit log counts");
            c.close().await.expect("closes");
            n
        })
    }

    /// What a command could have written: the database's bytes (with its
    /// write-ahead log) and the output folder's files.
    fn snapshot(&self) -> Snapshot {
        let wal = PathBuf::from(format!("{}-wal", self.d.db.display()));
        let mut files: Vec<(String, u64)> = std::fs::read_dir(&self.outputs)
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                (
                    e.file_name().to_string_lossy().into_owned(),
                    e.metadata().unwrap().len(),
                )
            })
            .collect();
        files.sort();
        Snapshot {
            db: std::fs::read(&self.d.db).unwrap(),
            // An empty log (left by a reader) holds nothing.
            wal: std::fs::read(wal).ok().filter(|w| !w.is_empty()),
            files,
            audit: self.audit_entries(),
        }
    }

    /// What changed since `before`, as sentences; empty when nothing did.
    fn changes_since(&self, before: &Snapshot) -> Vec<String> {
        let now = self.snapshot();
        let mut said = Vec::new();
        if now.audit != before.audit {
            said.push(format!(
                "audit_log went from {} to {} entries",
                before.audit, now.audit
            ));
        }
        if now.files != before.files {
            said.push(format!(
                "files in the output folder: {:?} -> {:?}",
                before.files, now.files
            ));
        }
        if now.db != before.db || now.wal != before.wal {
            // The bytes moved: which tables' rows did (a checkpoint alone moves none)?
            let copy = self.d.dir.path().join("before.sqlite");
            std::fs::write(&copy, &before.db).unwrap();
            let copy_wal = self.d.dir.path().join("before.sqlite-wal");
            match &before.wal {
                Some(w) => std::fs::write(&copy_wal, w).unwrap(),
                None => {
                    let _ = std::fs::remove_file(&copy_wal);
                }
            }
            let (was, is) = (table_digests(&copy), table_digests(&self.d.db));
            let _ = std::fs::remove_file(&copy);
            let _ = std::fs::remove_file(&copy_wal);
            let tables: Vec<&String> = is
                .keys()
                .chain(was.keys())
                .filter(|t| was.get(*t) != is.get(*t))
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            if !tables.is_empty() {
                said.push(format!("rows changed in {tables:?}"));
            }
        }
        said
    }
}

struct Snapshot {
    db: Vec<u8>,
    wal: Option<Vec<u8>>,
    files: Vec<(String, u64)>,
    audit: i64,
}

/// Each table's row count and a digest of its rows, read past the program.
fn table_digests(db: &Path) -> BTreeMap<String, String> {
    common::cli::sqlite_digests(db)
}

/// Why `stderr` is not one sentence in Chinese saying who may, if it is not.
fn not_one_sentence(stderr: &str) -> Option<String> {
    let lines: Vec<&str> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
    let said = || format!("stderr was {stderr:?}");
    if lines.len() != 1 || stderr.trim_end().lines().count() != 1 {
        return Some(format!("not one line: {}", said()));
    }
    let lower = stderr.to_lowercase();
    if ["panicked", "backtrace", "thread '", "error:", "stack"]
        .iter()
        .any(|w| lower.contains(w))
    {
        return Some(format!("Rust error text: {}", said()));
    }
    if !stderr
        .chars()
        .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    {
        return Some(format!("not in Chinese: {}", said()));
    }
    let sentence = stderr.trim();
    if !sentence.ends_with('。') || sentence.matches('。').count() != 1 {
        return Some(format!("not one sentence: {}", said()));
    }
    // A refusal names who may (or says the role may not): not some other error.
    let who = [
        "角色",
        "科室负责人",
        "窗口人员",
        "经办人员",
        "监察员",
        "法制审核",
        "管理员",
    ];
    if !who.iter().any(|w| stderr.contains(w)) {
        return Some(format!("names no role: {}", said()));
    }
    None
}

/// Tries each selected act as every role it excludes, then as one it allows.
/// Prints nothing; fails once, listing every act and role that went wrong.
fn run_acts(selected: impl Fn(&Act) -> bool) {
    let mut b = Bench::new();
    let mut failures: Vec<String> = Vec::new();
    for act in ACTS.iter().filter(|a| selected(a)) {
        if let Err(f) = try_act(&mut b, act) {
            failures.extend(f);
        }
    }
    assert!(
        failures.is_empty(),
        "{} failure(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn try_act(b: &mut Bench, act: &Act) -> Result<(), Vec<String>> {
    let name = act.name;
    let refused: Vec<Role> = ROLES
        .into_iter()
        .filter(|r| !act.allowed.contains(r))
        .collect();
    let (Some(&allowed), false) = (act.allowed.first(), refused.is_empty()) else {
        return Err(vec![format!(
            "{name}: the table must allow some roles and not all"
        )]);
    };
    let id = b.pick(act).map_err(|e| vec![e])?;
    for line in act.setup {
        let words = b.expand(line, id.as_deref());
        let (login, args) = words.split_first().expect("a setup line has a login");
        let (code, _, err) = b.run_as(login, args);
        if code != Some(0) {
            return Err(vec![format!(
                "{name}: setup `{line}` failed ({code:?}): {}",
                err.trim()
            )]);
        }
    }
    let args = b.expand(act.args, id.as_deref());
    let mut failures = Vec::new();
    for role in refused {
        let before = b.snapshot();
        let (code, _, err) = b.run_as(role.login(), &args);
        let mut wrong = Vec::new();
        if code != Some(1) {
            wrong.push(format!("exit {code:?}, not 1"));
        }
        wrong.extend(not_one_sentence(&err));
        wrong.extend(b.changes_since(&before));
        if !wrong.is_empty() {
            failures.push(format!(
                "{name} as {role:?} ({}) `{}`: {}",
                role.login(),
                args.join(" "),
                wrong.join("; ")
            ));
        }
    }
    let before = b.audit_entries();
    let (code, out, err) = b.run_as(allowed.login(), &args);
    if code != Some(0) {
        failures.push(format!(
            "{name} as {allowed:?} ({}), who may, failed ({code:?}): {} {}",
            allowed.login(),
            out.trim(),
            err.trim()
        ));
    } else if act.audited && b.audit_entries() <= before {
        failures.push(format!(
            "{name} as {allowed:?} succeeded without an audit entry"
        ));
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures)
    }
}

/// The login this process runs as, as the program reads it.
fn os_login() -> String {
    std::process::Command::new("id")
        .arg("-un")
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .filter(|s| !s.is_empty())
        .or_else(|| std::env::var("USER").ok())
        .expect("an operating-system login")
}

/// `--user` off a demo database: honoured only when the operating-system
/// login is an active administrator on the staff list.
#[test]
fn user_flag_off_a_demo_database_is_for_administrators_only() {
    let b = Bench::new();
    let me = os_login();
    let refused = |args: &[&str], says: &str| {
        let before = b.snapshot();
        let out = b.d.run(args).get_output().clone();
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        let lines: Vec<&str> = err.lines().collect();
        assert_eq!(lines.len(), 1, "{args:?}: one sentence, not {err:?}");
        assert!(err.contains(says), "{args:?}: {err:?} should say {says:?}");
        assert!(!err.to_lowercase().contains("panicked"), "{err}");
        let changed = b.changes_since(&before);
        assert!(changed.is_empty(), "{args:?} wrote: {changed:?}");
    };
    let add_complaint = [
        "complaints",
        "add",
        "--complainant",
        "张三",
        "--respondent",
        "鹿泉区某商贸有限公司",
        "--matters",
        "wages",
        "--channel",
        "window",
    ];
    let with_user = |login: &'static str, rest: &[&'static str]| -> Vec<&'static str> {
        let mut v = vec!["--user", login];
        v.extend_from_slice(rest);
        v
    };
    b.d.become_office();
    // Not on the staff list: --user is refused before anything else, and so
    // is working as oneself.
    assert!(
        b.d.scalar(&format!("SELECT count(*) FROM staff WHERE login='{me}'")) == "0",
        "{me} should not be on the demo's staff list"
    );
    refused(
        &with_user("liuyang", &add_complaint),
        "--user 只能用于演示数据库",
    );
    refused(
        &with_user("liuyang", &["audit", "verify"]),
        "--user 只能用于演示数据库",
    );
    refused(
        &add_complaint,
        &format!("登录名“{me}”不在本局工作人员名单中"),
    );
    // On the list but not an administrator: --user is still refused.
    b.d.sql(&format!(
        "INSERT INTO staff (login, name, roles, active, version) VALUES ('{me}', '本机', 'clerk', 1, 1)"
    ));
    refused(
        &with_user("liuyang", &add_complaint),
        "--user 只能用于演示数据库",
    );
    refused(
        &with_user("sunhao", &["audit", "verify"]),
        "--user 只能用于演示数据库",
    );
    // An administrator may act as another: as that member, with that member's roles.
    b.d.sql(&format!(
        "UPDATE staff SET roles='admin' WHERE login='{me}'"
    ));
    b.d.run(&with_user("liuyang", &["audit", "verify"]))
        .success();
    refused(
        &with_user("wangfang", &["audit", "verify"]),
        "您的角色无权校验审计日志",
    );
    refused(
        &with_user("nobody", &["audit", "verify"]),
        "登录名“nobody”不在本局工作人员名单中",
    );
    // A deactivated administrator may not.
    b.d.sql(&format!("UPDATE staff SET active=0 WHERE login='{me}'"));
    refused(
        &with_user("liuyang", &["audit", "verify"]),
        "--user 只能用于演示数据库",
    );
    refused(&["audit", "verify"], &format!("工作人员“{me}”已停用"));
}
