#!/usr/bin/env bash
# Follows docs/deployment.md on this machine, as root, and checks that what
# each step is for holds: the guide's own commands, read out of the blocks it
# marks `<!-- deploy-check: NAME [as=LOGIN] -->`, run as written (as LOGIN
# where the marker names one) but for the few substitutions below, then a
# real sshd — Debian's /etc/ssh/sshd_config with the guide's lines added —
# on two loopback ports, and the staff's logins through it.
#
#   bash scripts/deploy-check.sh [PATH-TO-hrss-desk]   (default target/debug/hrss-desk)
#
# Substitutions, each because a check must not take the machine over:
# - `cargo build --release` is skipped and `target/release/hrss-desk` is the
#   binary given (CI has built the debug one already);
# - sshd is its own, not the machine's: a copy of /etc/ssh/sshd_config gets the
#   guide's blocks, ports 22 and 2222 become two free loopback ports, and the
#   reload's `systemctl reload ssh || service ssh reload` becomes the signal
#   both of them send (`kill -HUP`) to this sshd's pid;
# - `crontab -e` is not run; the cron lines' commands run at once, as cron
#   would run them (`\%` read as `%`), in /;
# - `office-server` is 127.0.0.1 with the check's port and key options;
# - `apt-get install` gets `--no-upgrade`: what is missing is installed, the
#   machine's packages stay at their versions;
# - the printer is a CUPS-PDF queue (`-v cups-pdf:/`), not a network printer;
# - the restore drill's copy is the one the backup made today, not the
#   guide's example of 2026-12-01.
# A second staff login not on the staff list (zhangwei) is made with the
# guide's own account commands, with the name changed.
#
# It makes the guide's users, groups and folders, so it refuses to run where
# any of them exists and was not left by an earlier run of its own
# (/var/tmp/hrss-deploy-check.made); it removes all of them when it ends.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
guide=$repo/docs/deployment.md
bin=$(realpath "${1:-$repo/target/debug/hrss-desk}")
mark=/var/tmp/hrss-deploy-check.made
users=(zhaojing wangfang zhangwei hrss-desk)
groups=(hrss-staff hrss-desk)
paths=(/etc/hrss-desk /var/lib/hrss-desk /srv/hrss-desk /var/backups/hrss-desk
    /var/lib/hrss-anchors /usr/local/bin/hrss-desk /usr/local/bin/hrss-connect)
queue=counter-1
tmux_socket=hrss-deploy-check
start=$(date +%s)

say() { printf 'deploy-check: %s\n' "$*"; }
die() {
    say "$*" >&2
    exit 1
}
passed=0 failed=0
ok() {
    passed=$((passed + 1))
    say "ok: $*"
}
bad() {
    failed=$((failed + 1))
    say "FAILED: $*"
}
# check WHAT COMMAND...: one point checked, said either way.
check() {
    local what=$1
    shift
    if "$@"; then ok "$what"; else bad "$what"; fi
}

[ "$(id -u)" = 0 ] || die "runs as root (it makes users and groups, as the guide does)"
[ -x "$bin" ] || die "no program at $bin: cargo build first"
for tool in /usr/sbin/sshd ssh sftp ssh-keygen tmux runuser python3 pgrep chattr lpadmin lpstat lp soffice; do
    command -v "$tool" >/dev/null || die "needs $tool (openssh-server, openssh-client, tmux, python3, procps, e2fsprogs, cups, libreoffice-writer-nogui)"
done
[ -x /usr/lib/cups/backend/cups-pdf ] || die "needs printer-driver-cups-pdf (the check's printer)"
LC_ALL=C lpstat -r 2>/dev/null | grep -qx 'scheduler is running' || die "needs a running CUPS scheduler (cupsd)"
# The server's default printer, put back when the guide's has been removed.
default_queue=$(LC_ALL=C lpstat -d 2>/dev/null | sed -n 's/^system default destination: //p')

# Everything the guide makes, taken away again: only what an earlier run of
# this script left, never an office's own.
cleanup() {
    set +e
    tmux -L "$tmux_socket" kill-server 2>/dev/null
    if [ -n "${work:-}" ] && [ -s "$work/sshd.pid" ]; then
        kill "$(cat "$work/sshd.pid")" 2>/dev/null
    fi
    for u in "${users[@]}"; do
        if getent passwd "$u" >/dev/null; then
            # The check's own logins' processes (a desk, an sshd session).
            for pid in $(pgrep -u "$u"); do kill -KILL "$pid" 2>/dev/null; done
            sleep 0.2
            userdel --remove "$u" 2>/dev/null || userdel "$u"
        fi
    done
    for g in "${groups[@]}"; do getent group "$g" >/dev/null && groupdel "$g"; done
    chattr -a /var/lib/hrss-anchors/audit-anchors 2>/dev/null
    rm -rf "${paths[@]}"
    if LC_ALL=C lpstat -v "$queue" >/dev/null 2>&1; then
        lpadmin -x "$queue"
        [ -z "${default_queue:-}" ] || [ "$default_queue" = "$queue" ] || lpadmin -d "$default_queue"
    fi
    [ -n "${work:-}" ] && rm -rf "$work"
    rm -f "$mark"
}
if [ -e "$mark" ]; then
    say "an earlier run's leftovers: removed first"
    cleanup
else
    for u in "${users[@]}"; do ! getent passwd "$u" >/dev/null || die "user $u exists: not a machine for this check"; done
    for g in "${groups[@]}"; do ! getent group "$g" >/dev/null || die "group $g exists: not a machine for this check"; done
    for p in "${paths[@]}"; do [ ! -e "$p" ] || die "$p exists: not a machine for this check"; done
    ! LC_ALL=C lpstat -v "$queue" >/dev/null 2>&1 || die "printer $queue exists: not a machine for this check"
fi
: >"$mark"
work=$(mktemp -d /tmp/hrss-deploy-check.XXXXXX)
trap cleanup EXIT

# The fenced block after the guide's marker NAME, its indentation (a block in
# a list is indented) taken off; nothing when the guide has no such block.
block() {
    awk -v name="$1" '
        !found && index($0, "<!-- deploy-check: " name " ") { found = 1; next }
        found == 1 { if ($0 ~ /^ *```/) { match($0, /^ */); ind = RLENGTH; found = 2; next } exit }
        found == 2 { if ($0 ~ /^ *```/) exit; print substr($0, ind + 1) }
    ' "$guide"
}
# The login a marked block is run as, if the marker names one.
runs_as() {
    grep -o "<!-- deploy-check: $1 as=[a-z-]*" "$guide" | sed 's/.*as=//' || true
}
# run NAME [SED-EXPRESSION...]: the guide's block, substituted by each
# expression, run by sh -e (each command echoed) in the check's folder, or as
# its marker's login in /; its output in $work/NAME.out and .err. Under LANG=C:
# what the guide says must hold in an unset locale too.
run() {
    local name=$1 text as
    shift
    text=$(block "$name")
    [ -n "$text" ] || die "the guide marks no block $name"
    for e in "$@"; do text=$(printf '%s\n' "$text" | sed -e "$e"); done
    printf '%s\n' "$text" >"$work/$name.sh"
    as=$(runs_as "$name")
    say "runs the guide's block $name${as:+ as $as}"
    if [ -n "$as" ]; then
        (cd / && runuser -u "$as" -- env -u LC_ALL LANG=C sh -ex) <"$work/$name.sh" >"$work/$name.out" 2>"$work/$name.err"
    else
        (cd "$work" && env -u LC_ALL LANG=C sh -ex "$work/$name.sh") >"$work/$name.out" 2>"$work/$name.err"
    fi || {
        cat "$work/$name.err" >&2
        die "the guide's block $name failed as written"
    }
}
# mode_owner PATH: as `stat` gives it, e.g. "660 hrss-desk:hrss-desk".
mode_owner() { stat -c '%a %U:%G' "$1"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
sql() { python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])' /var/lib/hrss-desk/office.sqlite "$1"; }
as_admin() { (cd / && runuser -u zhaojing -- hrss-desk "$@"); }

# § 1-5: the program, the groups and the administrator, the office's file,
# the database, the staff.
run install '/^cargo build --release$/d' "s#target/release/hrss-desk#$bin#"
check "the program is installed (§ 1)" test -x /usr/local/bin/hrss-desk
check "the manual shows its Chinese under LANG=C (§ 1)" grep -q '数据库' "$work/install.out"
run groups
check "zhaojing is in hrss-desk, not hrss-staff (§ 2)" \
    sh -c 'id -nG zhaojing | tr " " "\n" | grep -qx hrss-desk && ! id -nG zhaojing | tr " " "\n" | grep -qx hrss-staff'
check "the database folder is 2770 hrss-desk:hrss-desk (§ 2)" \
    test "$(mode_owner /var/lib/hrss-desk)" = "2770 hrss-desk:hrss-desk"
block config.toml >"$work/config.toml"
run config
check "the office's file is in place (§ 3)" cmp -s "$work/config.toml" /etc/hrss-desk/config.toml
run database
check "the database is the service user's, 660 (§ 4)" \
    test "$(mode_owner /var/lib/hrss-desk/office.sqlite)" = "660 hrss-desk:hrss-desk"
# Its home is not the group-writable folder: nothing of its own (a log) there.
check "the service user keeps nothing in the database folder but the database (§ 4)" \
    sh -c '[ -z "$(find /var/lib/hrss-desk -mindepth 1 ! -name "office.sqlite*")" ]'
run staff
run office
check "the office's name is set (§ 4)" grep -q '某市某区人力资源和社会保障局' "$work/office.out"
ssh-keygen -q -t ed25519 -N '' -C wangfang -f "$work/wangfang"
ssh-keygen -q -t ed25519 -N '' -C zhangwei -f "$work/zhangwei"
run accounts
run accounts s/wangfang/zhangwei/g
check "wangfang's key is hers, 600 (§ 5)" \
    test "$(mode_owner /home/wangfang/.ssh/authorized_keys)" = "600 wangfang:wangfang"
run sftp-folders
run sftp-folders s/wangfang/zhangwei/g

# § 6, § 8: sshd as installed, then the guide's lines and its reload.
conf=$work/sshd_config
desk_port=$(free_port)
sftp_port=$(free_port)
[ "$desk_port" != "$sftp_port" ] || sftp_port=$(free_port)
cp /etc/ssh/sshd_config "$conf"
block sshd-ports | sed -e "s/^Port 22\$/Port $desk_port/" -e "s/^Port 2222\$/Port $sftp_port/" >>"$conf"
mkdir -p /run/sshd
/usr/sbin/sshd -f "$conf" -E "$work/sshd.log" -o "PidFile=$work/sshd.pid" -o ListenAddress=127.0.0.1
listening() { python3 -c 'import socket,sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), 1)' "$1" 2>/dev/null; }
up() {
    for _ in $(seq 1 100); do
        listening "$desk_port" && listening "$sftp_port" && return 0
        sleep 0.1
    done
    cat "$work/sshd.log" >&2
    die "sshd does not listen"
}
up
{
    echo
    block sshd-sftp | sed -e "s/LocalPort 2222/LocalPort $sftp_port/"
    echo
    block sshd-desk
} >>"$conf"
run reload "s#/etc/ssh/sshd_config#$conf#" \
    "s#^systemctl reload ssh || service ssh reload\$#kill -HUP \$(cat $work/sshd.pid)#"
sleep 1
up
# What sshd makes of the file for wangfang on the desk's port.
forced() {
    /usr/sbin/sshd -T -f "$conf" -C "user=wangfang,host=localhost,addr=127.0.0.1,lport=$desk_port" |
        grep -x 'forcecommand /usr/local/bin/hrss-desk' >/dev/null # reads all: no SIGPIPE under pipefail
}
check "sshd took the guide's lines (§ 6)" forced
# Installed from the repository's folder, as on a thin client.
(cd "$repo" && block connect | grep '^install ' | sh -ex) 2>"$work/connect.err"

# The thin client: key, port and no prompts; office-server is this machine.
client() {
    printf -- '-i %s -p %s -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o BatchMode=yes %s@127.0.0.1' \
        "$work/$1" "$desk_port" "$1"
}
# In a terminal of its own (tmux), as the guide's `hrss-connect` line says,
# its exit code shown after.
session() {
    local line
    line=$(block connect | grep '^hrss-connect ' | sed -e 's/ *#.*//' -e "s#wangfang@office-server#$(client "$1")#")
    tmux -L "$tmux_socket" new-session -d -s "$2" -x 100 -y 30 "$line; echo ssh-rc=\$?; sleep 600"
}
screen() { tmux -L "$tmux_socket" capture-pane -p -t "$1"; }
# wait_screen SESSION TEXT SECONDS
wait_screen() {
    for _ in $(seq 1 $(($3 * 5))); do
        screen "$1" | grep -qF -- "$2" && return 0
        sleep 0.2
    done
    screen "$1" >&2
    return 1
}

session wangfang desk
check "wangfang's login lands in her desk, as herself (§ 6)" wait_screen desk '王芳 (wangfang) 窗口人员' 40
tmux -L "$tmux_socket" send-keys -t desk q
check "q ends the desk; the launcher exits 0" wait_screen desk 'ssh-rc=0' 20

session zhangwei stranger
check "a login not on the staff list is refused, the sentence left on the screen (§ 5)" \
    wait_screen stranger '不在本局工作人员名单中' 30
check "… and the launcher exits 1" wait_screen stranger 'ssh-rc=1' 10

# shellcheck disable=SC2046 # client's words are options
ssh -T $(client wangfang) 'cat /etc/passwd' </dev/null >"$work/noterm.out" 2>"$work/noterm.err" && rc=0 || rc=$?
check "no terminal: no command runs, and a sentence staff can act on (§ 6)" \
    sh -c "[ $rc = 1 ] && [ ! -s '$work/noterm.out' ] && grep -q hrss-connect '$work/noterm.err' && ! grep -q -- --help '$work/noterm.err'"
# Forwarded to this sshd's own port, an open channel would bring its banner.
# shellcheck disable=SC2046
timeout 30 ssh -T -W "127.0.0.1:$desk_port" $(client wangfang) </dev/null >"$work/fwd.out" 2>"$work/fwd.err" && rc=0 || rc=$?
check "a TCP forwarding is refused (§ 6, DisableForwarding)" sh -c "[ $rc != 0 ] && ! grep -q SSH-2.0 '$work/fwd.out'"
# shellcheck disable=SC2046
! timeout 30 ssh -N -o ExitOnForwardFailure=yes -R "127.0.0.1:0:127.0.0.1:$desk_port" $(client wangfang) </dev/null >/dev/null 2>"$work/rfwd.err"
check "a remote forwarding is refused (§ 6)" grep -qi 'forwarding failed' "$work/rfwd.err"
echo pwd | timeout 30 sftp -b - -P "$sftp_port" $(client wangfang | sed "s/-p $desk_port //") >"$work/sftp.out" 2>&1 || true
check "SFTP on the documents port starts in /documents (§ 8)" grep -q 'Remote working directory: /documents' "$work/sftp.out"

# § 5: a deactivated login is refused; back again.
lifecycle=$(block lifecycle)
as_admin $(printf '%s\n' "$lifecycle" | grep -o '^hrss-desk staff deactivate wangfang' | cut -d' ' -f2-) >/dev/null
# shellcheck disable=SC2046
timeout 30 ssh -tt $(client wangfang) </dev/null >"$work/deactivated.out" 2>&1 && rc=0 || rc=$?
check "a deactivated login is refused in one sentence (§ 5)" \
    sh -c "[ $rc = 1 ] && grep -q '已停用' '$work/deactivated.out'"
run lifecycle '/staff deactivate/d'
check "… and comes back with activate; the list shows it (§ 5)" \
    sh -c "grep -q wangfang '$work/lifecycle.out' && ! grep wangfang '$work/lifecycle.out' | grep -q 已停用"

# § 10: the anchors, then the nightly backup and the anchor, their commands
# as cron would run them; the restore drill on the copy, and the copy put in
# the database's place.
cron=('/^crontab -e/d' 's/^[0-9*,]* [0-9*,]* [0-9*,]* [0-9*,]* [0-9*,]* //' 's/\\%/%/g' '1i cd /')
run anchors
check "the anchor file is append-only, the group's (§ 10)" \
    sh -c "lsattr /var/lib/hrss-anchors/audit-anchors | cut -d' ' -f1 | grep -q a && [ \"\$(stat -c '%a %U:%G' /var/lib/hrss-anchors/audit-anchors)\" = '660 hrss-desk:hrss-desk' ]"
run anchor-cron "${cron[@]}"
check "the evening's anchor is kept (§ 10)" test -s /var/lib/hrss-anchors/audit-anchors
run backup "${cron[@]}"
copy=$(find /var/backups/hrss-desk -name 'office-*.sqlite' | head -1)
check "the nightly copy is made, owner-only, zhaojing's (§ 10)" \
    sh -c "[ -n '$copy' ] && [ \"\$(stat -c '%a %U' '$copy')\" = '600 zhaojing' ] && [ \"\$(stat -c '%a %U' /var/backups/hrss-desk)\" = '700 zhaojing' ]"
today_copy="s#office-2026-12-01#$(basename "$copy" .sqlite)#g"
run drill "$today_copy"
check "the copy passes the restore drill (§ 10)" \
    sh -c "grep -q '哈希链无断裂' '$work/drill.out' && grep -q wangfang '$work/drill.out'"
run restore "$today_copy"
check "restored: the copy is the database, 660 hrss-desk:hrss-desk, the damaged file kept aside (§ 10)" \
    sh -c "[ \"\$(stat -c '%a %U:%G' /var/lib/hrss-desk/office.sqlite)\" = '660 hrss-desk:hrss-desk' ] && [ -f /var/lib/hrss-desk/office.sqlite.damaged ]"
check "… and it extends the evening's anchor (§ 10)" grep -q '日志仍延续锚点文件中的全部' "$work/restore.out"

# The demo never touches the office's database (issue 23, point 7).
before=$(as_admin staff list; sql 'SELECT COUNT(*) FROM audit_log')
(cd / && runuser -u zhaojing -- hrss-desk demo --seed-only --size 100) >"$work/demo.out" 2>&1 || true
say "hrss-desk demo said: $(head -c 300 "$work/demo.out")"
after=$(as_admin staff list; sql 'SELECT COUNT(*) FROM audit_log')
check "hrss-desk demo leaves the office's database as it was" \
    sh -c "[ '$(printf '%s' "$before" | md5sum)' = '$(printf '%s' "$after" | md5sum)' ] && [ \"\$(python3 -c \"import sqlite3; print(sqlite3.connect('/var/lib/hrss-desk/office.sqlite').execute(\\\"SELECT COUNT(*) FROM setting WHERE key = 'demo' AND value = 'true'\\\").fetchone()[0])\")\" = 0 ]"

# § 6: a frozen client is let go within the guide's bound (its own
# arithmetic: 2 × ClientAliveInterval × (ClientAliveCountMax + 1), the 2 for
# Debian 12's OpenSSH 9.2), and a margin for the desk's way out.
interval=$(block sshd-desk | awk '$1 == "ClientAliveInterval" { print $2 }')
count=$(block sshd-desk | awk '$1 == "ClientAliveCountMax" { print $2 }')
bound=$((2 * interval * (count + 1)))
check "the guide's settings give two minutes at most ($bound s)" test "$bound" -le 120
# A filing at the counter for her desk to open and hold (a lease).
(cd / && runuser -u wangfang -- hrss-desk filings receive --kind register-employer \
    --employer-uscc 91350100M000100Y43 --field employer_name=检查用单位) >"$work/receive.out" 2>&1 ||
    die "filings receive: $(cat "$work/receive.out")"
leased() { test "$(sql 'SELECT COUNT(*) FROM filing WHERE lease_by IS NOT NULL')" = "$1"; }
wait_leased() {
    for _ in $(seq 1 100); do
        leased 1 && return 0
        sleep 0.3
    done
    return 1
}
session wangfang frozen
wait_screen frozen '王芳 (wangfang) 窗口人员' 40 || die "no desk to freeze"
sleep 2
tmux -L "$tmux_socket" send-keys -t frozen Enter
check "the filing opened at her desk is held by it" wait_leased
client_pid=$(pgrep -f -- "[s]sh -t .*-p $desk_port .*wangfang@127.0.0.1" | head -1)
[ -n "$client_pid" ] || die "no ssh client to freeze"
kill -STOP "$client_pid"
frozen_at=$(date +%s)
for _ in $(seq 1 $(((bound + 20) * 2))); do
    pgrep -u wangfang -x hrss-desk >/dev/null || break
    sleep 0.5
done
let_go=$(($(date +%s) - frozen_at))
kill -KILL "$client_pid" 2>/dev/null || true
check "a frozen client's desk ends within $bound s and a margin (here $let_go s)" \
    sh -c "! pgrep -u wangfang -x hrss-desk >/dev/null"
check "… and its filing is given back" leased 0
check "the database is whole" test "$(sql 'PRAGMA integrity_check')" = ok

# § 7: the office's printer (a PDF printer here), named in the office's
# config, and the filing's receipt printed from a staff member's login, then
# fetched by SFTP from her documents folder (§ 8).
run printing 's/^apt-get install -y /apt-get install -y --no-upgrade /' "s#-v ipp://192.0.2.40/ipp/print -m everywhere#-v cups-pdf:/ -m lsb/usr/cups-pdf/CUPS-PDF_opt.ppd#"
check "the printer is added, the server's default (§ 7)"     sh -c "grep -q 'printer $queue is idle' '$work/printing.out' && LC_ALL=C lpstat -d | grep -q ': $queue\$'"
block printing.toml >>/etc/hrss-desk/config.toml
run print
check "the receipt is written and sent to the queue, the sentence says so (§ 7)"     sh -c "grep -q '打印机 $queue' '$work/print.out' && ls /srv/hrss-desk/sftp/wangfang/documents/ | grep -q '\.docx\$'"
printed() {
    for _ in $(seq 1 150); do
        find /home/wangfang/PDF -name '*.pdf' 2>/dev/null | grep -q . && return 0
        sleep 0.2
    done
    return 1
}
check "… and comes out of the printer (§ 7)" printed
doc=$(ls /srv/hrss-desk/sftp/wangfang/documents/ | head -1)
# shellcheck disable=SC2046
printf 'get %s %s/fetched.docx
' "$doc" "$work" | timeout 30 sftp -b - -P "$sftp_port" $(client wangfang | sed "s/-p $desk_port //") >"$work/sftp-get.out" 2>&1 || true
check "… and is fetched by SFTP from her documents folder (§ 8)"     cmp -s "$work/fetched.docx" "/srv/hrss-desk/sftp/wangfang/documents/$doc"

say "$(($(date +%s) - start)) s"
echo "deploy-check: $passed passed, $failed failed"
[ "$failed" = 0 ]
