#!/usr/bin/env bash
# The suite on several days: today, and under libfaketime a day of a year
# whose holiday notice is not loaded yet, New Year's Eve at 23:50 Beijing
# time, and the last day of February (a leap year's too). Each run's outcome
# is printed; the script fails if any run failed.
#
#   bash scripts/any-day.sh                 # every day below
#   bash scripts/any-day.sh --faked-only    # not today (CI has just run it)
#   bash scripts/any-day.sh -- store_       # the same, for tests matching a name
#
# It installs libfaketime (Debian's faketime) when missing and it may
# (as root); cargo builds once, before the first run.
set -uo pipefail
cd "$(dirname "$0")/.."
filter=()
faked_only=0
if [ "${1:-}" = "--faked-only" ]; then
  faked_only=1
  shift
fi
if [ "${1:-}" = "--" ]; then
  shift
  filter=("$@")
fi

if ! command -v faketime >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq --no-install-recommends faketime >/dev/null
  fi
fi
if ! command -v faketime >/dev/null 2>&1; then
  echo "any-day: libfaketime is needed (apt-get install faketime)" >&2
  exit 2
fi

# The days, in UTC (the office's midnight is 16:00 UTC).
days=(
  ""                       # today, the real clock
  "2027-02-09 02:00:00"    # 10:00 Beijing; the 2027 holiday notice is not shipped
  "2026-12-31 15:50:00"    # 23:50 Beijing on New Year's Eve: the office's day ends in ten minutes
  "2027-02-28 08:00:00"    # the last day of February
  "2028-02-29 08:00:00"    # a leap day
)

cargo test --locked --no-run -q >/dev/null 2>&1 || cargo test --locked --no-run || exit 1

# A run that has not ended after this many seconds is stopped, with every
# process it started (a program hung under the faked clock once spun for a
# quarter of an hour): CI then fails in minutes rather than at its limit.
limit=${ANY_DAY_LIMIT:-900}

# Runs the suite on one day ("" for today) into $log; its status.
run_day() {
  local day=$1
  if [ -z "$day" ]; then
    setsid env TZ=UTC cargo test --locked -q -- "${filter[@]}" >"$log" 2>&1 &
  else
    # The clock starts at that moment and runs on (the monotonic clock too,
    # with it: rustc hangs when only the wall clock is faked).
    setsid env TZ=UTC faketime "$day" cargo test --locked -q -- "${filter[@]}" >"$log" 2>&1 &
  fi
  local pid=$!
  # The watchdog's own sleep goes with it when the run ends first.
  (
    sleep "$limit" &
    nap=$!
    trap 'kill "$nap" 2>/dev/null; exit 0' TERM
    wait "$nap"
    echo "any-day: stopped after ${limit} s" >>"$log"
    kill -TERM -- -"$pid" 2>/dev/null
    sleep 10
    kill -KILL -- -"$pid" 2>/dev/null
  ) >/dev/null 2>&1 &
  local watchdog=$!
  wait "$pid"
  local status=$?
  kill "$watchdog" 2>/dev/null
  wait "$watchdog" 2>/dev/null
  return "$status"
}

# What a failed run in $log said: its failures, or, when no test ran at
# all (cargo itself failed, or a test binary died before its first result),
# its last lines.
why() {
  grep -E '^(test .* FAILED|thread .* panicked|any-day: stopped)' "$log" | head -20
  if ! grep -q '^test result:' "$log"; then
    echo "-- ${label}: no test result; the run's last lines:"
    tail -n 15 "$log"
  fi
}

failed=0
summary=()
for day in "${days[@]}"; do
  if [ -z "$day" ] && [ "$faked_only" = 1 ]; then
    continue
  fi
  label=${day:-"today ($(date -u '+%Y-%m-%d %H:%M'))"}
  log=$(mktemp)
  echo "== ${label} UTC"
  run_day "$day"
  status=$?
  counts=$(awk '/^test result:/ { p += $4; f += $6 } END { printf "%d passed, %d failed", p, f }' "$log")
  if [ "$status" -ne 0 ]; then
    why
    # Once more, said as such: a failure twice is a failure; one that does
    # not come back is named in the summary, not hidden.
    echo "-- ${label}: once more"
    run_day "$day"
    again=$?
    if [ "$again" -ne 0 ]; then
      failed=1
      why
      summary+=("${label}: FAILED twice (${counts})")
    else
      summary+=("${label}: ok on a second run (the first: ${counts})")
    fi
  else
    summary+=("${label}: ok (${counts})")
  fi
  grep -oh 'note: skipped: .*' "$log" | sort -u
  rm -f "$log"
done
echo
echo "any-day:"
printf '  %s\n' "${summary[@]}"
exit "$failed"
