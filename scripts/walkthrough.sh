#!/usr/bin/env bash
# A clerk's, an inspector's and the section chief's morning, replayed in tmux
# at 80×24 on a demo database pinned to 2026-11-27, each screen captured:
#   scripts/walkthrough.sh > docs/walkthrough.md
# Needs tmux and a built binary (cargo build). Every key below is what a
# member of staff presses; every screen is what the program then showed.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${HRSS_BIN:-$PWD/target/debug/hrss-desk}
command -v tmux >/dev/null || { echo "walkthrough: tmux is needed" >&2; exit 2; }
[ -x "$BIN" ] || { echo "walkthrough: build first (cargo build)" >&2; exit 2; }
WORK=$(mktemp -d)
SOCK="$WORK/tmux.sock"
trap 'tmux -S "$SOCK" kill-server 2>/dev/null || true; rm -rf "$WORK"' EXIT
mkdir -p "$WORK/data" "$WORK/config"
DB="sqlite://$WORK/demo.sqlite"
export HRSS_TODAY=2026-11-27
"$BIN" --database-url "$DB" demo --seed-only --size 300 >/dev/null

# start LOGIN: the desk as that demo staff member, at 80×24, in Chinese.
start() {
    tmux -S "$SOCK" kill-server 2>/dev/null || true
    sleep 0.3
    tmux -S "$SOCK" new -d -x 80 -y 24 -s desk \
        "XDG_DATA_HOME=$WORK/data XDG_CONFIG_HOME=$WORK/config HRSS_OFFICE_CONFIG=$WORK/none.toml HOME=$WORK HRSS_TODAY=$HRSS_TODAY $BIN --database-url $DB --user $1; sleep 60"
    sleep 2.5
}
# keys KEY…: pressed one by one, as tmux names them.
keys() {
    for k in "$@"; do
        tmux -S "$SOCK" send-keys -t desk "$k"
        sleep 0.7
    done
}
# typed TEXT: typed as text.
typed() {
    tmux -S "$SOCK" send-keys -t desk -l "$1"
    sleep 1
}
# shot: the screen as it is now, in a text block.
shot() {
    echo
    echo '```text'
    tmux -S "$SOCK" capture-pane -p -t desk | sed 's/[[:space:]]*$//'
    echo '```'
    echo
}
say() { printf '%s\n' "$@"; }

say "# A morning at the desk, in tmux at 80×24" ""
say "Replayed by \`scripts/walkthrough.sh > docs/walkthrough.md\` on a demo database pinned to"
say "2026-11-27 (\`hrss-desk demo --seed-only --size 300\`), each member of staff logged in as"
say "themselves (\`--user\`, as the administrator does for a rehearsal). Every key is what a"
say "member of staff presses; every screen is what the program then showed, captured by tmux."
say "The keys are the default keymap's; \`--keymap function-keys\` gives F1 help, F2 commands,"
say "F3 filter, F4 open, F10 quit, and its hint line says so." ""

say "## 王芳, counter clerk: the review queue" ""
start wangfang
say "She starts the desk. The review queue (参保审核) comes first, oldest first, each with its"
say "decision day and the number of problems the checks found."
shot
say "\`Enter\` opens the first filing: its problems in sentences, its materials and fields labelled."
keys Enter
shot
say "\`o\` opens the filing's person (masked: 已脱敏); \`v\` would ask a reason to reveal, and \`Esc\`"
say "comes back to the filing."
keys o
shot
keys Escape
say "The papers are incomplete: \`r\` drafts the one-time notice (一次性告知书) with every"
say "problem; it ends with the day to correct by (15 working days, the office's setting)."
keys r
shot
say "\`Ctrl-S\` returns the filing. Back in the queue, the message says by when, and how to print."
keys C-s
shot
say "\`P\` writes the notice (a .docx in her home folder, or to the office printer when"
say "\`printer\` is set); the message names the file. (The demo's home folder is a"
say "temporary one, hence the path.)"
keys P
sleep 1
shot
say "\`T\` tags every filing the checks found clean; \`a\` asks before approving them all,"
say "with the count by kind (\`Esc\` keeps the tags, \`U\` clears them)."
keys T a
shot
keys Escape U Escape
say "A message is never cut: the file's name above wrapped onto a second row, a longer one"
say "ends on \`…（Ctrl-G 看全文）\`, and \`Ctrl-G\` opens the last message whole (here, the"
say "tags cleared)."
keys C-g
shot
keys Escape

say "## 黄伟, labour inspector: a licence looked up, an inspection recorded" ""
start huangwei
say "\`2\` is the lookup; the query line takes the keys at once. \`lqrl\` (the initials of"
say "鹿泉人力) finds the HR-service licences; the place all of them share is said once in the title."
keys 2
typed lqrl
shot
say "\`Enter\` opens the licence: its standing, the renewal deadline, inspections and sanctions."
keys Enter
shot
say "\`Esc\` comes back to the hits with the line left (【已离开查询行】): keys are commands"
say "now, so \`4\` goes to the supervision pane; \`]\` moves to its 待检查 section."
keys Escape 4 "]"
shot
say "\`c\` records the first inspection item by item; \`F3\` passes every item not filled in,"
say "\`F2\` registers it."
keys c
shot
keys F3 F2
sleep 1
shot

say "## 赵静, section chief: the case queue and the day's figures" ""
start zhaojing
say "\`3\` is the case queue, by deadline; \`!\` marks a deadline passed."
keys 3
shot
say "\`f\` chooses a view, each with how many cases it holds; the first row is the"
say "complaints inbox (待受理投诉), with how many wait and how many are past their day."
keys f
shot
say "\`Up\` \`Enter\` opens the inbox, oldest first, each with its decision's due day;"
say "\`Enter\` reads one, \`m\` opens the decision form (\`F2\` decides as \`complaints decide\`)."
keys Up Enter
shot
keys Enter m
shot
keys Escape Escape Escape
say "\`Enter\` opens a case: its next deadline and how it was reached, its steps and its file;"
say "\`m\` lists the steps it may take next."
keys Enter
shot
keys m
shot
keys Escape Escape
say "\`6\` shows the day's figures; at 80×24 they are longer than the screen, so the title"
say "says how many rows are below and \`j\`/\`G\` scroll."
keys 6
shot
keys G
shot
say "\`q\` quits."
keys q

say "" "## Issue 21's list, point by point, after this walk" ""
say "1. The one-time notice: paragraphs, addressee, office, seal line and the day to correct"
say "   by (the draft's last line above); each built-in template read back paragraph by"
say "   paragraph and through LibreOffice (\`tests/it/cli_notice.rs\`, \`printing_real.rs\`)."
say "2. Printing: \`printer = \"QUEUE\"\` sends \`P\` to CUPS, and the documents folder is"
say "   reachable by SFTP (\`docs/deployment.md\` §7–8); no printer is set in this walk."
say "3. Bulk approval asks first, with the count by kind; tags show in the title and status line."
say "4. Too small a screen: keys decide nothing unseen (\`tui::while_the_screen_is_too_small…\`)."
say "5. Rows differ by what differs: the shared place said once in the title (lookup,"
say "   supervision), licence numbers keep their tail, kinds whole; messages wrap and"
say "   \`Ctrl-G\` opens them; the statistics pane scrolls and says what is below."
say "6. A filing's fields are labelled, amounts in yuan (缴费基数（元）：5,312.75)."
say "7. The status line labels each count, complaints too (待审核申报…（超期…）待受理投诉…（超期…）超期案件…)."
say "8. Hints come from the keymap in force; a record's page names its own keys."
say "9. The lookup searches every kind; back from a record, keys are commands and it says so."
say "10. \`o\` opens a filing's person; a person's lookup row names the employer."
say "11. Views with their counts, the 5-day view without the overdue, forms naming their record."
say "12. Typing in the lookup at 120×40: at most 3,901 bytes a keystroke (\`cargo bench --bench tui\`)."
