#!/usr/bin/env bash
# Regenerates docs/reliability.md: each proof of reliability run here, with
# the command that ran it, its outcome and how long it took. Needs what the
# tests need (tmux; Postgres via scripts/test-postgres.sh for both backends).
#   bash scripts/reliability.sh
set -uo pipefail
cd "$(dirname "$0")/.."
eval "$(bash scripts/test-postgres.sh 2>/dev/null)" || true
out=docs/reliability.md
fuzz_cases=${FUZZ_CASES:-125000}
rows=()
security=()
# prove TABLE WORD NAME SHOWS COMMAND…: runs COMMAND and adds a row to the
# array TABLE, its outcome said with WORD ("passed", "held").
prove() {
  local -n table=$1
  local word=$2 name=$3 shows=$4
  shift 4
  local start end status passed log
  start=$(date +%s)
  log=$(mktemp)
  "$@" >"$log" 2>&1
  status=$?
  end=$(date +%s)
  passed=$(awk '/^test result:/ { p += $4 } END { print p + 0 }' "$log")
  local verdict="$word ($passed tests)"
  [ "$status" -ne 0 ] && verdict="**FAILED** (exit $status)"
  [ "$passed" -eq 0 ] && [ "$status" -eq 0 ] && verdict="**no test ran**"
  table+=("| $name | $shows | \`$*\` | $verdict | $((end - start)) s |")
  rm -f "$log"
}
run() { prove rows passed "$@"; }
attack() { prove security held "$@"; }
run "bad input" "ID, USCC, dates, months, amounts, CSV and workbook bytes, documents, keymaps: $((fuzz_cases * 8)) generated inputs, no panic" \
  env PROPTEST_CASES="$fuzz_cases" cargo test --release --test it -- fuzz_parsers::
run "crash" "kill -9 again and again: during an import (mid-write), a batch of decisions (12 kills at each twelfth of its length) and a random draw (12 kills), on SQLite and Postgres; after every kill each record before or after, never between, and audit verify passes" \
  cargo test --release --test it -- cli_import::a_killed cli_crash::
run "tampering" "audit entries altered, deleted, inserted (with a correct hash), reordered, forged: each detected" \
  cargo test --release --test it -- store::an_administrator_can_publish_a_new_year_and_the_load_is_audited store::an_untouched_audit store::an_altered_audit store::a_deleted_audit store::an_inserted_audit store::reordered_audit
run "terminal injection" "escape sequences, control characters and bidi overrides in records shown defused on every pane, no full ID number" \
  cargo test --release --test it -- tui::no_screen_leaks
run "concurrency" "two desks at once: decisions, rechecks, notice and document numbers without repeats or lost updates; six processes on one SQLite file and on Postgres approving the same 15 filings (each approved once, the 75 other attempts told) and moving the same 10 cases a step (each moved once, 50 told); no lock reaching anyone; audit verify passes" \
  cargo test --release --test it -- store_races:: store_inspections:: cli_concurrency::
run "roles (domain)" "every act of the permissions table for every role, inactive staff and several roles" \
  cargo test --release --lib permissions
run "roles (screen)" "every guarded key (approve, return, reveal, record an inspection, a ladder step, assign, evidence, a lead, print) for every single-role staff member: 25 refusals in one sentence naming who may, no form, nothing written; the roles that may get the form" \
  cargo test --release --test it -- tui_roles::
run "roles (command line)" "52 guarded commands (every case step included) for every role that may not: exit 1, one sentence, no table changed, no file written; then the same command by a role that may succeeds; --user on an office database" \
  cargo test --release --test it -- roles_cli::
run "terminal restored" "after a panic in a background task, kill (TERM) and a hang-up: normal screen, canonical input and echo back, the desk's review leases given back, exit code shown" \
  cargo test --release --test it -- terminal::
run "over SSH" "a real sshd on loopback with Match Group + ForceCommand: a staff login lands in the screen as themselves with their role; a login not on the staff list refused in one sentence; the client killed: the desk ends, its lease given back, the database not locked and whole; the server's side killed: the thin clients' launcher gives the terminal back clean" \
  cargo test --release --test it -- ssh::
# The security table (issue 19): each attack on a shared office server,
# the command that tries it, and the outcome.
attack "a symbolic link planted at every name the program writes (lookup index, import report, export, document)" "refused in one sentence; the link's target untouched" \
  cargo test --release --test it -- security_files::a_link
attack "an administrator working as a clerk (--user) reveals, exports full ID numbers, approves over problems" "each refused in one sentence; an ordinary act recorded as the administrator on_behalf_of the clerk" \
  cargo test --release --test it -- security_identity::working_as_another
attack "a process whose uid has no passwd entry, USER=root" "refused in one sentence: identity from the system's user database only" \
  cargo test --release --test it -- security_identity::a_uid_without
attack "UPDATE, DELETE, TRUNCATE on the audit log; its head moved back; as the desks' Postgres role: drop or disable the triggers" "refused by triggers (SQLite, Postgres) and by the role's privileges; appends still work" \
  cargo test --release --test it -- security_audit::the_log_refuses security_audit::the_desks_postgres_role
attack "with the guards dropped: the log's tail cut and the head moved back; an entry removed and the rest rechained" "audit verify alone passes; audit verify --anchors names the cut and the rewritten entry" \
  cargo test --release --lib --test it -- security_audit::a_log_cut domain::audit::tests::anchors
attack "a 3 MB .xlsx inflating to 300 MB; a sheet with cells at A1 and XFD1048576" "refused from the zip's directory before inflating / as the cells are read, in one sentence, nothing imported" \
  cargo test --release --test it -- security_workbook::
attack "OSC 52, a title change and bidi overrides in stored names, through every export and --json" "defused: no escape reaches the terminal or the file" \
  cargo test --release --test it -- security_output::
attack "reading the lookup cache for ID numbers; modes of every file and folder the program creates" "no full ID number in the cache (14 characters kept); no cache outside a SQLite database's folder; database, journal, index 0640 or stricter, folder 0750; exports, reports 0600, logs 0700" \
  cargo test --release --test it -- lookup::no_full_id security_files::every_file
attack "a desk pointing HRSS_OFFICE_CONFIG at its own file (a 480-minute lease, its own anchor file)" "ignored for anyone but an administrator on an office database" \
  cargo test --release --test it -- security_identity::a_desk_cannot
attack "a reveal of 50,000 full ID numbers with the reason \".\"; a bulk reveal by a clerk" "refused: a reason says something; a bulk reveal is a chief's" \
  cargo test --release --test it -- security_reasons::
attack "NUL, ESC, C1 controls and bidi overrides in CSV and .xlsx imports" "refused in the row report with line and column, on both databases" \
  cargo test --release --test it -- security_import::
attack "a full disk under a write" "one sentence saying nothing was written; the raw error to the masked log" \
  cargo test --release --lib store::open::tests::a_full_database
attack "eight desks running filings approve-clean at once; six approving the same filings" "each filing approved once; the others told it was decided at another desk, never that it has problems" \
  cargo test --release --test it -- cli_concurrency::
attack "2026-02-29; a hire date before birth; 10,000-character names; a 100 KB notice; a dry run" "each refused in one sentence, nothing written; a dry run writes no file" \
  cargo test --release --test it -- security_limits::
{
  echo "# Reliability"
  echo
  echo "Regenerated by \`bash scripts/reliability.sh\` on $(date -u +%Y-%m-%d) ($(nproc) cores)."
  echo "Each row: what was tried, the command, its outcome, how long it took."
  echo
  echo "| proof | what it shows | command | outcome | time |"
  echo "|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "## Security"
  echo
  echo "Each attack on a shared office server (issue 19), as a clerk with a shell,"
  echo "an insider with the database file, or hostile input; what held."
  echo
  echo "| attack | outcome | command | result | time |"
  echo "|---|---|---|---|---|"
  printf '%s\n' "${security[@]}"
  echo
  echo "What an insider with write access to the database file can still do (drop"
  echo "the triggers, cut or rewrite the log after the last anchor) is said in the"
  echo "README (*The audit log against an insider*) and docs/deployment.md."
  echo
  echo "Postgres rows run when HRSS_TEST_POSTGRES_URL is set (the script starts a"
  echo "loopback cluster with scripts/test-postgres.sh). The SSH row needs root and"
  echo "openssh-server, as .ci/run provides. Speed figures: docs/benchmarks.md."
} >"$out"
echo "wrote $out"
