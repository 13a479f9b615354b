//! Staff reach the office server over SSH: a real `sshd` (Debian's
//! openssh-server) on a loopback port, set up as docs/deployment.md says —
//! a group for the staff whose logins land straight in hrss-desk
//! (`Match Group` + `ForceCommand`), the database in a directory only the
//! database's group writes, the office's config file naming it. `ssh -tt` in tmux, as a thin
//! client would: the staff member sees their screen with their name and
//! role; a login not on the staff list is refused in one sentence; a
//! dropped connection ends the desk, gives back its filings and leaves the
//! database unlocked; a frozen client (`kill -STOP`) is let go within the
//! bound the guide's `ClientAliveInterval`/`ClientAliveCountMax` give. On a
//! second port the same login fetches its printed documents by SFTP,
//! chrooted to its own folder, as the guide's 取文档 section sets it up.
//!
//! The `Match Group` blocks and the `Port` lines are read out of the guide
//! itself (its `<!-- deploy-check: sshd-… -->` blocks), so the two cannot
//! drift; the rest of the server's file is Debian's own `sshd_config`
//! (`UsePAM yes`, `AcceptEnv LANG LC_*`, the sftp subsystem). What differs
//! from the guide, and why — each because tests run side by side, as any
//! user, on a machine that may be someone's:
//! - names: the groups and logins are prefixed `hrsst-` (`hrss-staff` →
//!   `hrsst-staff`), the ports are free loopback ports (`22`, `2222` →
//!   two of them), the chroots' parent is a fresh folder under `/srv`;
//! - the host key, the pid file and the authorized keys (`AuthorizedKeysFile`,
//!   the test's keys under a root-owned folder in `/srv`, which sshd's
//!   `StrictModes` accepts) are the test's own, not `/etc/ssh`'s or the
//!   users' `~/.ssh` (two tests share the users);
//! - `ForceCommand` runs the test's copy of the program with
//!   `HRSS_OFFICE_CONFIG` naming the test's office file rather than
//!   `/etc/hrss-desk/config.toml`, which the server's own office would use;
//! - the database holds the demo's records (then marked no longer a demo),
//!   so there are filings to open; the guide starts from an empty one.
//!
//! `scripts/deploy-check.sh` follows the guide with none of these changes
//! but the ports.
//!
//! It makes operating-system users and groups (prefixed `hrsst`), so it
//! needs root and openssh-server, as `.ci/run` provides; elsewhere it is
//! skipped, said once (`common::tools`).

use crate::common;
use common::tools::{self, Tool};

use common::cli::url;
use common::tmux::Tmux;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};

const SSHD: &str = "/usr/sbin/sshd";
/// Lands in the screen on login.
const GROUP: &str = "hrsst-staff";
/// May write the database.
const DB_GROUP: &str = "hrsst-desk";
const CLERK: &str = "hrsst-clerk";
const STRANGER: &str = "hrsst-guest";

fn sh(cmd: &str) -> String {
    let out = Command::new("sh").args(["-c", cmd]).output().unwrap();
    assert!(
        out.status.success(),
        "{cmd}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Whether this machine can run the test (root, sshd and tmux); without
/// them it is skipped, said once, unless CI requires every check.
fn runnable() -> bool {
    tools::have(Tool::SshdAsRoot) && tools::have(Tool::Tmux)
}

/// A fenced block of docs/deployment.md, the one after its
/// `<!-- deploy-check: NAME -->` marker.
fn guide_block(name: &str) -> String {
    let guide = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/deployment.md"))
        .unwrap();
    let marker = format!("<!-- deploy-check: {name}");
    let mut lines = guide.lines().skip_while(|l| {
        !(l.trim_start().starts_with(&marker)
            && l.trim_start()[marker.len()..].starts_with([' ', '-']))
    });
    assert!(lines.next().is_some(), "the guide marks no block {name}");
    let fence = lines.next().unwrap_or_default();
    assert!(fence.trim_start().starts_with("```"), "{name}: {fence}");
    lines
        .take_while(|l| !l.trim_start().starts_with("```"))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// The value of `keyword` in one of the guide's sshd blocks.
fn guide_setting(block: &str, keyword: &str) -> u64 {
    block
        .lines()
        .find_map(|l| l.trim().strip_prefix(keyword)?.trim().parse().ok())
        .unwrap_or_else(|| panic!("no {keyword} in:\n{block}"))
}

/// An operating-system account in the staff group, with a home and a key
/// login (no password: `*` is not a locked account to sshd).
fn account(login: &str) {
    if sh(&format!("getent passwd {login} || true"))
        .trim()
        .is_empty()
    {
        sh(&format!(
            "useradd --create-home --shell /bin/sh --password '*' --groups {DB_GROUP},{GROUP} {login}"
        ));
    }
}

struct Server {
    child: Child,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Everything as the deployment guide lays it out, under `dir`.
struct Office {
    dir: PathBuf,
    db: PathBuf,
    bin: PathBuf,
    port: u16,
    /// The port where staff fetch documents by SFTP, chrooted.
    sftp_port: u16,
    /// The chroots' parent, `/srv/hrss-desk/sftp` of the guide: a chroot's
    /// every component must be root's and written by no one else, which no
    /// folder under /tmp is (/tmp itself is world-writable).
    sftp: tempfile::TempDir,
    /// The logins' public keys, `AuthorizedKeysFile`: root's folder under
    /// `/srv`, as sshd's `StrictModes` wants every folder above the file.
    authorized: tempfile::TempDir,
}

fn office(dir: &Path) -> Office {
    sh(&format!(
        "(getent group {GROUP} || groupadd {GROUP}) && (getent group {DB_GROUP} || groupadd {DB_GROUP})"
    ));
    account(CLERK);
    account(STRANGER);
    // Other users pass through the test's folder; only the group enters
    // the database's.
    sh(&format!("chmod 755 '{}'", dir.display()));
    let bin = dir.join("bin/hrss-desk");
    std::fs::create_dir_all(bin.parent().unwrap()).unwrap();
    std::fs::copy(env!("CARGO_BIN_EXE_hrss-desk"), &bin).unwrap();
    sh(&format!(
        "chmod 755 '{}' '{}'",
        bin.parent().unwrap().display(),
        bin.display()
    ));
    // The office database: the demo's records, a staff account for the
    // clerk's login, then no longer a demo (no one may pick who they are).
    let srv = dir.join("srv");
    std::fs::create_dir_all(&srv).unwrap();
    let db = srv.join("office.sqlite");
    let home = dir.join("admin-home");
    let run = |args: &[&str]| {
        let mut tries = 0;
        let out = loop {
            let out = Command::new(&bin)
                .env("HOME", &home)
                .env_remove("HRSS_DATABASE_URL")
                .env("HRSS_OFFICE_CONFIG", dir.join("none.toml"))
                .arg("--database-url")
                .arg(url(&db))
                .args(args)
                .output();
            // The copy just written may still be open in a child another
            // test forked meanwhile (until it execs): "text file busy".
            match out {
                Err(e) if e.kind() == std::io::ErrorKind::ExecutableFileBusy && tries < 50 => {
                    tries += 1;
                    std::thread::sleep(std::time::Duration::from_millis(100));
                }
                other => break other.unwrap(),
            }
        };
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    run(&["demo", "--seed-only", "--size", "300"]);
    run(&[
        "--user",
        "sunhao",
        "staff",
        "add",
        CLERK,
        "--name",
        "测试科员",
        "--roles",
        "clerk",
    ]);
    common::cli::sqlite_exec(&db, "UPDATE setting SET value = 'false' WHERE key = 'demo'");
    sh(&format!(
        "chgrp -R {DB_GROUP} '{srv}' && chmod 2770 '{srv}' && chmod 660 '{srv}'/office.sqlite*",
        srv = srv.display()
    ));
    // Each login's chroot, root's, holding the documents folder, theirs
    // alone (§ 取文档 of the guide).
    std::fs::create_dir_all("/srv").unwrap();
    let sftp = tempfile::Builder::new()
        .prefix("hrsst-sftp.")
        .tempdir_in("/srv")
        .unwrap();
    let authorized = tempfile::Builder::new()
        .prefix("hrsst-keys.")
        .tempdir_in("/srv")
        .unwrap();
    sh(&format!("chmod 755 '{}'", authorized.path().display()));
    for login in [CLERK, STRANGER] {
        sh(&format!(
            "chmod 755 '{s}' && install -d -o root -g root -m 0755 '{s}/{login}' \
             && install -d -o {login} -g \"$(id -gn {login})\" -m 0700 '{s}/{login}/documents'",
            s = sftp.path().display()
        ));
    }
    // The office's config file, as /etc/hrss-desk/config.toml would be.
    let config = dir.join("etc/config.toml");
    std::fs::create_dir_all(config.parent().unwrap()).unwrap();
    std::fs::write(
        &config,
        format!(
            "database_url = \"{}\"\ndocuments_dir = \"{}/%u/documents\"\n",
            url(&db),
            sftp.path().display()
        ),
    )
    .unwrap();
    sh(&format!(
        "chmod -R a+rX '{}'",
        config.parent().unwrap().display()
    ));
    Office {
        dir: dir.to_path_buf(),
        db,
        bin,
        port: free_port(),
        sftp_port: free_port(),
        sftp,
        authorized,
    }
}

/// `sshd` as the guide sets it up, on a free loopback port (another one if
/// something takes the port first).
fn start_sshd(o: &mut Office) -> Server {
    let keys = o.dir.join("keys");
    std::fs::create_dir_all(&keys).unwrap();
    sh(&format!(
        "ssh-keygen -q -t ed25519 -N '' -f '{k}/host' && ssh-keygen -q -t ed25519 -N '' -f '{k}/id' \
         && cp '{k}/id.pub' '{a}/{CLERK}.pub' && cp '{k}/id.pub' '{a}/{STRANGER}.pub' \
         && chmod 644 '{a}'/*.pub && mkdir -p /run/sshd",
        k = keys.display(),
        a = o.authorized.path().display(),
    ));
    for _ in 0..5 {
        if let Some(server) = sshd_on(o) {
            return server;
        }
        o.port = free_port();
        o.sftp_port = free_port();
    }
    panic!(
        "sshd did not start: {}",
        std::fs::read_to_string(o.dir.join("sshd.log")).unwrap_or_default()
    );
}

/// The server's file: Debian's own `sshd_config` (its settings, less the
/// comments), the guide's `Port` lines and its two `Match Group` blocks,
/// with the test's names, ports and paths (the module's comment says which).
fn sshd_config(o: &Office) -> String {
    let keys = o.dir.join("keys");
    let ports = guide_block("sshd-ports")
        .lines()
        .map(|l| match l.trim() {
            "Port 22" => format!("Port {}\n", o.port),
            "Port 2222" => format!("Port {}\n", o.sftp_port),
            other => panic!("the guide's ports: {other}"),
        })
        .collect::<String>();
    let sftp = o.sftp.path().display().to_string();
    let desk = format!(
        "env HRSS_OFFICE_CONFIG={}/etc/config.toml {}",
        o.dir.display(),
        o.bin.display()
    );
    let ours = |block: &str| {
        guide_block(block)
            .replace("/usr/local/bin/hrss-desk", &desk)
            .replace("/srv/hrss-desk/sftp", &sftp)
            .replace("Group hrss-staff", &format!("Group {GROUP}"))
            .replace("LocalPort 2222", &format!("LocalPort {}", o.sftp_port))
    };
    let matches = format!("{}{}", ours("sshd-sftp"), ours("sshd-desk"));
    assert!(
        !matches.contains("hrss-staff") && !matches.contains("2222"),
        "every name of the guide's replaced:\n{matches}"
    );
    format!(
        // Debian 12's /etc/ssh/sshd_config as installed.
        "Include /etc/ssh/sshd_config.d/*.conf\nKbdInteractiveAuthentication no\nUsePAM yes\n\
         X11Forwarding yes\nPrintMotd no\nAcceptEnv LANG LC_*\n\
         Subsystem sftp /usr/lib/openssh/sftp-server\n\
         # The test's own: loopback only, its keys and pid file.\n\
         ListenAddress 127.0.0.1\nHostKey {k}/host\nPidFile {d}/sshd.pid\n\
         AuthorizedKeysFile {a}/%u.pub\n\
         # The guide's.\n{ports}{matches}",
        k = keys.display(),
        d = o.dir.display(),
        a = o.authorized.path().display(),
    )
}

/// `sshd` on `o.port`, once it says it listens there; None if it ended
/// instead (the port taken between choosing it and binding it).
fn sshd_on(o: &Office) -> Option<Server> {
    let conf = o.dir.join("sshd_config");
    std::fs::write(&conf, sshd_config(o)).unwrap();
    sh(&format!("{SSHD} -t -f '{}'", conf.display()));
    let log = o.dir.join("sshd.log");
    let child = Command::new(SSHD)
        .args(["-D", "-e", "-f"])
        .arg(&conf)
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    let server = std::cell::RefCell::new(Server { child });
    // Its own word that it listens (a connection could reach whatever else
    // took the port), or its end.
    let listening =
        [o.port, o.sftp_port].map(|p| format!("Server listening on 127.0.0.1 port {p}."));
    let up =
        || std::fs::read_to_string(&log).is_ok_and(|l| listening.iter().all(|x| l.contains(x)));
    let ended = || {
        server
            .borrow_mut()
            .child
            .try_wait()
            .ok()
            .flatten()
            .is_some()
    };
    assert!(
        Tmux::within(20, || up() || ended()),
        "sshd neither listened nor ended"
    );
    up().then(|| server.into_inner())
}

/// A thin client's terminal: `ssh -tt` as `login`, its exit code shown after.
fn connect(o: &Office, login: &str) -> Tmux {
    connect_with(o, login, "ssh -tt")
}

/// The same through `client` (ssh, or the thin clients' launcher).
fn connect_with(o: &Office, login: &str, client: &str) -> Tmux {
    let t = Tmux::start(&o.dir, "env PS1='$ ' sh", 100, 30);
    t.literally(&format!(
        "{client} -i '{k}/id' -p {port} -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
         -o LogLevel=ERROR -o BatchMode=yes {login}@127.0.0.1; echo \"ssh-rc=$?\"",
        k = o.dir.join("keys").display(),
        port = o.port,
    ));
    t.keys(&["Enter"]);
    t
}

/// The client's exit code is shown: its session is over.
fn ended(screen: &str) -> bool {
    screen.lines().any(|l| l.starts_with("ssh-rc="))
}

fn scalar(db: &Path, sql: &str) -> String {
    common::cli::sqlite_scalar(db, sql)
}

/// The desks `login` runs from this test's copy of the program (another
/// test's, running beside, are not this one's).
fn desks_of(o: &Office, login: &str) -> String {
    let out = Command::new("pgrep")
        .args(["-u", login, "-f"])
        .arg(o.bin.display().to_string())
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

#[test]
fn staff_log_in_over_ssh_as_themselves_strangers_are_refused_and_a_drop_leaves_nothing_held() {
    if !runnable() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut o = office(dir.path());
    let sshd = start_sshd(&mut o);

    // The clerk lands straight in the screen, as themselves, with their role.
    let t = connect(&o, CLERK);
    let who = format!("测试科员 ({CLERK}) 窗口人员");
    let s = t.wait_for("the clerk's screen over SSH", |s| {
        s.contains(&who) || ended(s)
    });
    assert!(
        s.contains(&who) && s.contains("[1 参保审核]"),
        "the status bar names the clerk and the role:\n{s}"
    );
    // A filing opened (once the queue's rows are in): this desk holds it.
    t.wait_for("the queue's rows", |s| s.contains("********"));
    t.keys(&["Enter"]);
    t.wait_for("a filing's detail", |s| s.contains("材料"));
    let held = format!(
        "SELECT COUNT(*) FROM filing f JOIN staff s ON s.id = f.lease_by WHERE s.login = '{CLERK}'"
    );
    assert!(
        Tmux::within(30, || scalar(&o.db, &held) == "1"),
        "the opened filing is the clerk's"
    );
    assert!(
        !desks_of(&o, CLERK).is_empty(),
        "the clerk's desk runs as the clerk"
    );

    // The connection drops: the thin client's ssh is killed outright.
    // (The bracket keeps the pattern from matching the shell running pgrep.)
    let client = sh(&format!(
        "pgrep -f -- '[s]sh -tt .*-p {} .*{CLERK}@' || true",
        o.port
    ));
    assert!(!client.trim().is_empty(), "the ssh client runs");
    sh(&format!(
        // A process may end by itself between pgrep and kill: what counts is
        // what follows.
        "kill -9 {} || true",
        client.split_whitespace().collect::<Vec<_>>().join(" ")
    ));
    assert!(
        Tmux::within(20, || desks_of(&o, CLERK).is_empty()),
        "the clerk's desk ended when the connection dropped"
    );
    // Given back on the desk's way out; read until it shows (once, under a
    // full suite on a faked day, a read right after pgrep still saw it held).
    assert!(
        Tmux::within(20, || scalar(&o.db, &held) == "0"),
        "its filing given back: {}",
        scalar(&o.db, &held)
    );
    // Nothing locked: a write transaction starts at once, and the file is whole.
    sh(&format!(
        "python3 -c \"import sqlite3; c=sqlite3.connect('{}', timeout=0, isolation_level=None); c.execute('BEGIN IMMEDIATE'); c.execute('ROLLBACK')\"",
        o.db.display()
    ));
    assert_eq!(scalar(&o.db, "PRAGMA integrity_check"), "ok");
    drop(t);

    // The server's side of a connection goes (its sshd process killed, as
    // when the line drops): the thin client's launcher (scripts/hrss-connect)
    // sees ssh end and gives the terminal back clean — the normal screen, no
    // picture left, modes cooked — with a sentence; the desk ends and gives
    // back its filing.
    let launcher = format!("sh '{}/scripts/hrss-connect'", env!("CARGO_MANIFEST_DIR"));
    let t = connect_with(&o, CLERK, &launcher);
    t.wait_for("the clerk's screen again", |s| s.contains(&who) || ended(s));
    t.wait_for("the queue's rows", |s| s.contains("********"));
    t.keys(&["Enter"]);
    assert!(
        Tmux::within(30, || scalar(&o.db, &held) == "1"),
        "the opened filing is the clerk's"
    );
    // This test's own: the session under a connection of this sshd (other
    // tests serve the same login beside it).
    let session = sh(&format!(
        "pgrep -P \"$(pgrep -d, -P {})\" -f -- '^sshd: {CLERK}' || true",
        sshd.child.id()
    ));
    assert!(!session.trim().is_empty(), "sshd serves the clerk");
    sh(&format!(
        // A process may end by itself between pgrep and kill: what counts is
        // what follows.
        "kill -9 {} || true",
        session.split_whitespace().collect::<Vec<_>>().join(" ")
    ));
    let s = t.wait_for("the client ended by the server's drop", ended);
    assert!(
        s.contains("ssh-rc=255") && s.contains("与服务器的连接已断开，请重新连接。"),
        "the launcher says the connection went:\n{s}"
    );
    assert!(!s.contains("参保审核"), "no picture left behind:\n{s}");
    assert!(!t.alternate_on(), "the normal screen is back");
    t.literally("stty -a | tr ' ;' '\\n\\n' | grep -x -e icanon -e echo -e -icanon -e -echo | sort | tr '\\n' ' '; echo end");
    t.keys(&["Enter"]);
    t.wait_for("the client's terminal cooked again", |s| {
        s.lines().any(|l| l.trim() == "echo icanon end")
    });
    assert!(
        Tmux::within(20, || desks_of(&o, CLERK).is_empty()),
        "the desk ended with its connection"
    );
    assert!(
        Tmux::within(20, || scalar(&o.db, &held) == "0"),
        "its filing given back: {}",
        scalar(&o.db, &held)
    );
    drop(t);

    // A login in the staff group but not on the staff list: one sentence,
    // refused; through the thin client's launcher too, which leaves the
    // sentence on the screen rather than clearing it (issue 23, point 1).
    for client in ["ssh -tt", launcher.as_str()] {
        let t = connect_with(&o, STRANGER, client);
        let s = t.wait_for("the stranger refused", ended);
        assert!(
            s.contains(&format!("登录名“{STRANGER}”不在本局工作人员名单中")),
            "{client}: refused in one sentence:\n{s}"
        );
        assert!(s.contains("ssh-rc=1"), "{client}: a non-zero exit:\n{s}");
        assert!(
            !s.contains("[1 参保审核]"),
            "{client}: no screen for a stranger:\n{s}"
        );
    }

    // Without a terminal (no `-t`, a command asked for): no shell, no
    // command, and a sentence a staff member can act on, not `--help`,
    // which they cannot run (issue 23, point 10).
    let out = Command::new("ssh")
        .arg("-T")
        .arg("-i")
        .arg(o.dir.join("keys/id"))
        .args(["-p", &o.port.to_string()])
        .args(SSH_OPTIONS)
        .arg(format!("{CLERK}@127.0.0.1"))
        .arg("cat /etc/passwd")
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(
        said.contains("本次 SSH 连接没有分配终端") && said.contains("hrss-connect"),
        "{said}"
    );
    assert!(!said.contains("--help"), "{said}");
    assert!(out.stdout.is_empty(), "no command ran");
}

/// The client's options in every test: a fresh host key, no prompts.
const SSH_OPTIONS: [&str; 8] = [
    "-o",
    "StrictHostKeyChecking=no",
    "-o",
    "UserKnownHostsFile=/dev/null",
    "-o",
    "LogLevel=ERROR",
    "-o",
    "BatchMode=yes",
];

/// A thin client frozen (its `ssh` stopped with `kill -STOP`, as a hung
/// machine or a dead line looks to the server: nothing answers) is let go
/// by sshd's client-alive probes, as the guide's `sshd-desk` block sets
/// them: its desk ends and gives its filing back. The bound is the guide's
/// own arithmetic (its § 6): twice `ClientAliveInterval` times one more than
/// `ClientAliveCountMax` — twice for Debian 12's OpenSSH 9.2, whose probe may
/// wait a second interval — and a margin for the desk's own way out. A behaviour bound,
/// not a speed test: on a faster sshd it ends sooner.
#[test]
fn a_frozen_client_is_let_go_within_the_guides_bound_and_its_filing_given_back() {
    if !runnable() {
        return;
    }
    let block = guide_block("sshd-desk");
    let (interval, count) = (
        guide_setting(&block, "ClientAliveInterval"),
        guide_setting(&block, "ClientAliveCountMax"),
    );
    let bound = 2 * interval * (count + 1);
    assert!(
        bound <= 120,
        "the guide promises two minutes; its settings give {bound} s"
    );
    let dir = tempfile::tempdir().unwrap();
    let mut o = office(dir.path());
    let _sshd = start_sshd(&mut o);
    let t = connect(&o, CLERK);
    let who = format!("测试科员 ({CLERK}) 窗口人员");
    t.wait_for("the clerk's screen over SSH", |s| {
        s.contains(&who) || ended(s)
    });
    t.wait_for("the queue's rows", |s| s.contains("********"));
    t.keys(&["Enter"]);
    let held = format!(
        "SELECT COUNT(*) FROM filing f JOIN staff s ON s.id = f.lease_by WHERE s.login = '{CLERK}'"
    );
    assert!(
        Tmux::within(30, || scalar(&o.db, &held) == "1"),
        "the opened filing is the clerk's"
    );
    let client = sh(&format!(
        "pgrep -f -- '[s]sh -tt .*-p {} .*{CLERK}@' || true",
        o.port
    ));
    let client = client.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(!client.is_empty(), "the ssh client runs");
    assert!(!desks_of(&o, CLERK).is_empty(), "the clerk's desk runs");
    sh(&format!("kill -STOP {client}"));
    let frozen = std::time::Instant::now();
    // The desk and its filing, from the freeze on: both let go in time.
    let gone = Tmux::within(bound + 20, || {
        desks_of(&o, CLERK).is_empty() && scalar(&o.db, &held) == "0"
    });
    eprintln!(
        "ssh: a frozen client let go after {} s",
        frozen.elapsed().as_secs()
    );
    // Whatever came, the frozen client goes (a stopped process takes KILL).
    let _ = Command::new("sh")
        .args(["-c", &format!("kill -KILL {client}")])
        .status();
    assert!(
        gone,
        "a frozen client's desk still runs ({}) or holds its filing ({}) after {} s:\n{}",
        desks_of(&o, CLERK),
        scalar(&o.db, &held),
        bound + 20,
        std::fs::read_to_string(o.dir.join("sshd.log")).unwrap_or_default()
    );
    assert_eq!(scalar(&o.db, "PRAGMA integrity_check"), "ok");
}

/// `sftp -b` as `login` on the documents port with `batch`'s commands.
fn sftp(o: &Office, login: &str, batch: &str) -> std::process::Output {
    let file = o.dir.join("sftp.batch");
    std::fs::write(&file, batch).unwrap();
    Command::new("sftp")
        .arg("-b")
        .arg(&file)
        .arg("-i")
        .arg(o.dir.join("keys/id"))
        .args(["-P", &o.sftp_port.to_string()])
        .args(SSH_OPTIONS)
        .arg(format!("{login}@127.0.0.1"))
        .output()
        .unwrap()
}

/// 取文档 (issue 21, point 2): a clerk at a Windows PC fetches what the desk
/// printed by SFTP, with the same login, on the documents port — chrooted
/// to their own folder (`/` there holds nothing but `documents`; the
/// server's files out of reach) — while an ordinary login still lands in
/// the desk.
#[test]
fn staff_fetch_their_documents_by_sftp_confined_to_their_folder() {
    if !runnable() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut o = office(dir.path());
    let _sshd = start_sshd(&mut o);
    // The clerk prints a receipt as themselves: it lands in their folder.
    let id = scalar(&o.db, "SELECT MIN(id) FROM filing WHERE status = 'pending'");
    let said = sh(&format!(
        "runuser -u {CLERK} -- env HOME=/home/{CLERK} HRSS_OFFICE_CONFIG='{d}/etc/config.toml' \
         '{bin}' notice render filing-receipt {id}",
        d = o.dir.display(),
        bin = o.bin.display(),
    ));
    let folder = o.sftp.path().join(CLERK).join("documents");
    let names: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 1, "{said}: {names:?}");
    assert!(said.contains(&names[0]), "{said}");
    let written = folder.join(&names[0]);

    // Listed and fetched, starting in the documents folder.
    let got = o.dir.join("got.docx");
    let out = sftp(
        &o,
        CLERK,
        &format!("pwd\nls -1\nget 收件回执*.docx {}\n", got.display()),
    );
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.contains("Remote working directory: /documents"),
        "{text}"
    );
    assert!(text.contains(&names[0]), "{text}");
    assert_eq!(
        std::fs::read(&got).unwrap(),
        std::fs::read(&written).unwrap()
    );

    // Confined: the root it sees is its chroot, holding only the folder.
    let out = sftp(&o, CLERK, "cd /\npwd\nls -1a /\n");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "{text}");
    let listed: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with("sftp>") && !l.starts_with("Remote"))
        .map(str::trim)
        .filter(|l| !["/.", "/..", ".", ".."].contains(l))
        .collect();
    assert_eq!(listed, ["/documents"], "{text}");
    for batch in [
        format!("get /etc/passwd {}/passwd\n", o.dir.display()),
        format!("get ../../../../etc/passwd {}/passwd\n", o.dir.display()),
        "cd /srv\n".to_string(),
        "ls /usr/bin\n".to_string(),
    ] {
        let out = sftp(&o, CLERK, &batch);
        assert!(
            !out.status.success(),
            "{batch}: {}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
    assert!(
        !o.dir.join("passwd").exists(),
        "nothing of the server's fetched"
    );

    // Another's folder is not there to reach either: the stranger's own
    // chroot holds only their (empty) folder.
    let out = sftp(&o, STRANGER, "ls -1 /documents\n");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "{text}");
    assert!(!text.contains("收件回执"), "{text}");

    // The same login on the desk's port still lands in the desk.
    let t = connect(&o, CLERK);
    let who = format!("测试科员 ({CLERK}) 窗口人员");
    let s = t.wait_for("the clerk's screen over SSH", |s| {
        s.contains(&who) || ended(s)
    });
    assert!(s.contains(&who), "{s}");
}
