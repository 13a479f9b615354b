#!/usr/bin/env bash
# Runs every benchmark and prints one table of the figures against their targets.
#
#   bash scripts/bench.sh            # the targets' sizes (10-20 minutes on 2 cores)
#   bash scripts/bench.sh --quick    # smaller sizes, a few minutes; not the targets' sizes
#
# Run it from anywhere in a clone. It installs what it needs when missing (fzf,
# hyperfine, sqlite3, script, python3, from Debian's packages with apt-get),
# builds the benches once in release, runs each of benches/*.rs, times
# `hrss-desk lookup` beside `fzf --filter` on the same records and the CSV import
# beside the `sqlite3` shell's `.import` of the same file, then prints the table.
# The full run also writes it to docs/benchmarks.md; a quick run writes it to
# target/bench/benchmarks-quick.md, leaving the full figures alone.
# Logs, the corpus and the databases are kept in target/bench/ (under
# CARGO_TARGET_DIR when that is set).
set -euo pipefail

quick=0
for arg in "$@"; do
    case $arg in
    --quick) quick=1 ;;
    -h | --help)
        sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
        exit 0
        ;;
    *)
        echo "bench.sh: unknown argument: $arg (try --help)" >&2
        exit 2
        ;;
    esac
done

cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo=$(pwd)
started=$SECONDS
load_at_start=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")

say() { printf '\n== %s\n' "$*" >&2; }

# --- sizes -----------------------------------------------------------------
if ((quick)); then
    mode="quick (smaller sizes, not the targets' sizes)"
    seed_size=100000 frame_size=100000 corpus_size=200000 fzf_size=100000
    queue=20000 open_cases=20000 persons=100000 exported=20000
else
    mode="full (the targets' sizes)"
    seed_size=1000000 frame_size=1000000 corpus_size=1000000 fzf_size=1000000
    queue=100000 open_cases=100000 persons=1000000 exported=100000
fi

# 1000000 -> 1,000,000
grouped() { printf '%s' "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }

# --- tools -----------------------------------------------------------------
command -v cargo >/dev/null || {
    echo "bench.sh: cargo is needed (install Rust first)" >&2
    exit 1
}
declare -A package_of=([fzf]=fzf [hyperfine]=hyperfine [sqlite3]=sqlite3
    [script]=bsdutils [python3]=python3)
missing=()
for tool in python3 fzf hyperfine sqlite3 script; do
    command -v "$tool" >/dev/null || missing+=("${package_of[$tool]}")
done
if ((${#missing[@]})); then
    say "installing ${missing[*]} with apt-get"
    sudo=()
    if ((EUID != 0)); then
        command -v sudo >/dev/null || {
            echo "bench.sh: need root or sudo to install: ${missing[*]}" >&2
            exit 1
        }
        sudo=(sudo)
    fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

target_dir=$(cargo metadata --format-version 1 --no-deps |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
work=$target_dir/bench
mkdir -p "$work"

# --- build once --------------------------------------------------------------
say "building the benches in release (cargo bench --no-run)"
cargo bench --no-run --bench '*' --message-format=json-render-diagnostics >"$work/build.jsonl"
declare -A exe=()
while IFS=$'\t' read -r kind name path; do
    exe[$kind.$name]=$path
done < <(python3 - "$work/build.jsonl" <<'PY'
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    try:
        m = json.loads(line)
    except ValueError:
        continue
    if m.get("reason") != "compiler-artifact" or not m.get("executable"):
        continue
    kind = m["target"]["kind"][0]
    if kind in ("bench", "bin"):
        print(f'{kind}\t{m["target"]["name"]}\t{m["executable"]}')
PY
)
bin=${exe[bin.hrss-desk]:?the hrss-desk binary was not built}

# --- running the benches ----------------------------------------------------
declare -A fig=()
declare -A took=()
failed=()

# run_bench NAME [ARGS...]: runs a built bench as `cargo bench` would (from the
# repository, with `--bench` last), shows and logs its output, keeps its
# `figure: KEY VALUE UNIT` lines as fig[NAME.KEY].
run_bench() {
    local name=$1
    shift
    local log=$work/$name.log t0=$SECONDS
    say "cargo bench --bench $name${*:+ -- $*}"
    if "${exe[bench.$name]:?no bench $name was built}" "$@" --bench 2>&1 | tee "$log" >&2; then
        :
    else
        echo "bench.sh: bench $name failed (see $log)" >&2
        failed+=("$name")
    fi
    took[$name]=$((SECONDS - t0))
    local tag key value unit
    while read -r tag key value unit; do
        [[ $tag == figure: ]] && fig[$name.$key]=$value
    done <"$log"
    return 0
}

export HRSS_BENCH_SEED_SIZE=$seed_size HRSS_BENCH_FRAME_SIZE=$frame_size
export HRSS_BENCH_QUEUE=$queue HRSS_BENCH_OPEN=$open_cases
export HRSS_BENCH_PERSONS=$persons HRSS_BENCH_EXPORT=$exported

run_bench foundation seed
run_bench tui million

# The lookup's corpus, made once per size by the shared deterministic tool when
# it is beside the repository, else by the copy in benches/.
corpus=$work/corpus-$corpus_size.tsv
if [[ ! -s $corpus ]]; then
    gen=$repo/benches/gen_corpus.py
    [[ -f $repo/../shared/tools/gen_corpus.py ]] && gen=$repo/../shared/tools/gen_corpus.py
    say "making the lookup corpus of $(grouped "$corpus_size") records with $gen"
    python3 "$gen" "$corpus_size" --tsv -o "$corpus.part"
    mv "$corpus.part" "$corpus"
fi
HRSS_CORPUS=$corpus run_bench lookup

# hrss-desk lookup beside fzf --filter on the same records: a seeded demo
# database, and its licences, employers and persons as text lines for fzf.
say "hrss-desk lookup vs fzf --filter over a $(grouped "$fzf_size")-person demo (hyperfine)"
t0=$SECONDS
lookup_db=$work/lookup-$fzf_size.sqlite
lookup_txt=$work/lookup-$fzf_size.txt
rm -f "$lookup_db" "$lookup_db".* "$lookup_txt"
"$bin" --database-url "sqlite://$lookup_db" demo --seed-only --size "$fzf_size" >&2
sqlite3 "$lookup_db" >"$lookup_txt" <<'SQL'
SELECT number || ' ' || holder FROM licence;
SELECT uscc || ' ' || name FROM employer;
SELECT id_number || ' ' || name FROM person;
SQL
records=$(wc -l <"$lookup_txt")
# The first run builds the index cache, as the first run of the day does.
"$bin" --database-url "sqlite://$lookup_db" lookup lqrl >/dev/null || true
lookup_json=$work/lookup-vs-fzf.json
if hyperfine --warmup 3 --runs 20 --ignore-failure --export-json "$lookup_json" \
    "$bin --database-url sqlite://$lookup_db lookup lqrl" \
    "fzf --filter lqrl < $lookup_txt" >&2; then
    read -r 'fig[fzf.hrss]' 'fig[fzf.fzf]' < <(python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))["results"]
print(r[0]["median"], r[1]["median"])' "$lookup_json")
else
    failed+=("lookup-vs-fzf")
fi
rm -f "$lookup_db" "$lookup_db".* "$lookup_txt"
took[lookup-vs-fzf]=$((SECONDS - t0))

run_bench review
run_bench cases
run_bench supervision

# The import of persons from CSV, and beside it the same file loaded by the
# sqlite3 shell into a plain table (no checking at all): a reference.
sheet_csv=$work/persons-$persons.csv
HRSS_BENCH_CSV=$sheet_csv run_bench sheets
if [[ -s $sheet_csv ]]; then
    say "sqlite3 .import of the same $(grouped "$persons")-row CSV (hyperfine)"
    t0=$SECONDS
    ref_db=$work/sqlite3-import.sqlite
    if hyperfine --runs 5 --prepare "rm -f $ref_db" --export-json "$work/sqlite3-import.json" \
        "sqlite3 $ref_db -cmd '.mode csv' '.import $sheet_csv persons'" >&2; then
        fig[sqlite3.import]=$(python3 -c '
import json, sys
print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$work/sqlite3-import.json")
        rows=$(sqlite3 "$ref_db" 'SELECT count(*) FROM persons')
        [[ $rows == "$persons" ]] || echo "bench.sh: sqlite3 imported $rows rows, not $persons" >&2
    else
        failed+=("sqlite3-import")
    fi
    rm -f "$ref_db" "$sheet_csv"
    took[sqlite3-import]=$((SECONDS - t0))
fi

# --- the table ------------------------------------------------------------------
table=$work/table.md
: >"$table"

# A number as the README writes it: three figures or so.
fmt() {
    awk -v x="$1" 'BEGIN {
        a = x < 0 ? -x : x
        if (a >= 100) printf "%.0f", x
        else if (a >= 10) printf "%.1f", x
        else if (a >= 0.1) printf "%.2f", x
        else printf "%.3f", x
    }'
}

# In quick mode the commands carry the sizes they were run with.
envs() { ((quick)) && printf '%s ' "$@"; return 0; }

# row WHAT VALUE UNIT TARGET COMMAND [FIGURE-TEXT [TARGET-TEXT]]
# TARGET "-" for none; VALUE empty when the bench did not give it.
row() {
    local what=$1 value=$2 unit=$3 target=$4 cmd=$5 text=${6:-} target_text=${7:-}
    local figure ratio met
    if [[ $target == - ]]; then
        target_text=${target_text:-—}
    else
        target_text=${target_text:-$(grouped "$target") $unit}
    fi
    if [[ -z $value ]]; then
        figure="not measured" ratio="—" met="n/a"
    else
        if [[ $unit == bytes ]]; then
            figure=${text:-$(grouped "$value") $unit}
        else
            figure=${text:-$(fmt "$value") $unit}
        fi
        if [[ $target == - ]]; then
            ratio="—" met="—"
        else
            ratio=$(awk -v v="$value" -v t="$target" 'BEGIN {
                r = v / t; printf (r < 0.1 ? "%.3f" : "%.2f"), r }')
            met=$(awk -v v="$value" -v t="$target" 'BEGIN { print (v <= t ? "yes" : "**NO**") }')
        fi
    fi
    # shellcheck disable=SC2016 # the backquotes are Markdown's
    printf '| %s | %s | %s | %s | %s | `%s` |\n' \
        "$what" "$figure" "$target_text" "$ratio" "$met" "$cmd" >>"$table"
}

f() { printf '%s' "${fig[$1]:-}"; }
# milliseconds to seconds
s_of() { [[ -n $1 ]] && awk -v x="$1" 'BEGIN { print x / 1000 }'; return 0; }

cmd_found="cargo bench --bench foundation"
cmd_seed="$(envs HRSS_BENCH_SEED_SIZE="$seed_size")cargo bench --bench foundation -- seed"
cmd_tui="$(envs HRSS_BENCH_FRAME_SIZE="$frame_size")cargo bench --bench tui -- million"
cmd_lookup="HRSS_CORPUS=${corpus#"$repo"/} cargo bench --bench lookup"
cmd_fzf="hyperfine 'hrss-desk --database-url sqlite://lookup-$fzf_size.sqlite lookup lqrl' 'fzf --filter lqrl < lookup-$fzf_size.txt'"
cmd_review="$(envs HRSS_BENCH_QUEUE="$queue")cargo bench --bench review"
cmd_cases="$(envs HRSS_BENCH_OPEN="$open_cases")cargo bench --bench cases"
cmd_sup="cargo bench --bench supervision"
cmd_sheets="$(envs HRSS_BENCH_PERSONS="$persons" HRSS_BENCH_EXPORT="$exported")cargo bench --bench sheets"
cmd_sqlite3="hyperfine \"sqlite3 x.sqlite -cmd '.mode csv' '.import persons-$persons.csv persons'\""

row "\`validate id\` of 100,000 values from stdin" "$(f foundation.validate_id)" s 1 "$cmd_found"
row "\`validate uscc\` of 100,000 values from stdin" "$(f foundation.validate_uscc)" s 1 "$cmd_found"
row "\`demo --seed-only --size $seed_size\` on SQLite" "$(f foundation.seed)" s 60 "$cmd_seed"
row "first frame after start, 50,000-person demo" "$(f tui.first_frame)" ms 100 "$cmd_tui"
row "first frame after start, $(grouped "$frame_size")-person demo" "$(f tui.first_frame_large)" ms 100 "$cmd_tui"
row "bytes per keystroke moving down a list at 120×40, median" "$(f tui.list_keystroke_median)" bytes 4096 "$cmd_tui"
row "bytes per keystroke moving down a list at 120×40, max" "$(f tui.list_keystroke_max)" bytes 4096 "$cmd_tui"
row "bytes per keystroke typing in the lookup pane at 120×40, median" "$(f tui.lookup_keystroke_median)" bytes 4096 "$cmd_tui"
row "bytes per keystroke typing in the lookup pane at 120×40, max" "$(f tui.lookup_keystroke_max)" bytes 4096 "$cmd_tui"
corpus_records=$(f lookup.records)
corpus_label=$(grouped "${corpus_records:-$corpus_size}")
row "lookup over $corpus_label records: one keystroke, median" "$(f lookup.keystroke_median)" ms 3 "$cmd_lookup"
row "lookup over $corpus_label records: one keystroke, slowest" "$(f lookup.keystroke_slowest)" ms 16 "$cmd_lookup"
row "lookup index of $corpus_label records, heap" "$(f lookup.index_heap)" MB 150 "$cmd_lookup"
row "building that index from the corpus text" "$(f lookup.index_build)" s - "$cmd_lookup"
fzf_ratio="" fzf_text=""
if [[ -n $(f fzf.hrss) && -n $(f fzf.fzf) ]]; then
    fzf_ratio=$(awk -v a="$(f fzf.hrss)" -v b="$(f fzf.fzf)" 'BEGIN { print a / b }')
    fzf_text="$(fmt "$(f fzf.hrss)") s vs $(fmt "$(f fzf.fzf)") s ($(fmt "$fzf_ratio")×)"
fi
row "\`hrss-desk lookup lqrl\` vs \`fzf --filter lqrl\`, the same $(grouped "${records:-0}") records ($(grouped "$fzf_size") persons), medians" \
    "$fzf_ratio" × 0.5 "$cmd_fzf" "$fzf_text" "≤ 0.5×"
row "first page of a queue of $(grouped "$queue") pending filings" "$(f review.first_page)" ms 50 "$cmd_review"
row "the same, narrowed to a common problem (material-missing)" "$(f review.problem_material-missing)" ms 50 "$cmd_review"
row "the same, narrowed to a rare problem (statement-mismatch)" "$(f review.problem_statement-mismatch)" ms 50 "$cmd_review"
row "one filing decision committed on SQLite" "$(f review.decision)" ms 20 "$cmd_review"
row "\`filings check\` over $(grouped "$queue") pending filings" "$(f review.check)" s 5 "$cmd_review"
row "first page of a queue of $(grouped "$open_cases") open cases" "$(f cases.first_page)" ms 50 "$cmd_cases"
row "first page of the overdue view" "$(f cases.overdue_page)" ms 50 "$cmd_cases"
row "recomputing every open case's deadline (read + clocks)" "$(s_of "$(f cases.recompute)")" s 1 "$cmd_cases"
row "the same, the clocks alone" "$(s_of "$(f cases.clocks_only)")" s 1 "$cmd_cases"
row "a draw of $(grouped "$(f supervision.draw_picks)") from 100,000 targets with 200 inspectors (replays byte-identical)" \
    "$(f supervision.draw)" ms 200 "$cmd_sup"
row "settlement-data audit of 12 months × 10,000 institutions" "$(s_of "$(f supervision.audit)")" s 2 "$cmd_sup"
import_s=$(f sheets.import)
import_text=""
if [[ -n $import_s ]]; then
    rate=$(awk -v n="$persons" -v s="$import_s" 'BEGIN { printf "%.0f", int(n / s / 1000 + 0.5) * 1000 }')
    import_text="$(fmt "$import_s") s ($(grouped "$rate") rows/s)"
fi
row "import $(grouped "$persons") persons from CSV on SQLite, all or nothing" "$import_s" s 20 "$cmd_sheets" "$import_text"
row "the same file imported again (nothing changes)" "$(f sheets.import_again)" s - "$cmd_sheets"
sqlite_text="" sqlite_value=""
if [[ -n $(f sqlite3.import) ]]; then
    sqlite_value=$(f sqlite3.import)
    sqlite_text="$(fmt "$sqlite_value") s"
    [[ -n $import_s ]] && sqlite_text+="; hrss-desk $(fmt "$import_s") s is $(fmt "$(awk -v a="$import_s" -v b="$sqlite_value" 'BEGIN { print a / b }')")× it"
fi
row "reference: the same CSV by the \`sqlite3\` shell (\`.mode csv\`, \`.import\` into a plain table, no checks)" \
    "$sqlite_value" s - "$cmd_sqlite3" "$sqlite_text" "— (reference)"
batch_s=$(f sheets.batch_filings)
batch_text=""
if [[ -n $batch_s ]]; then
    batch_text="$(fmt "$batch_s") s ($(awk -v s="$batch_s" 'BEGIN { printf "%.0f", 10000 / s }') filings/s)"
fi
row "receive 10,000 filings from the declaration system in a batch (each checked as at the counter, audited, then checked), all or nothing" \
    "$batch_s" s - "$cmd_sheets" "$batch_text"
row "the same batch again (nothing new)" "$(f sheets.batch_filings_again)" s - "$cmd_sheets"
row "export $(grouped $((exported + 100))) persons to \`.xlsx\`, read from the database" "$(f sheets.export_xlsx)" s 5 "$cmd_sheets"
row "the same to CSV" "$(f sheets.export_csv)" s 5 "$cmd_sheets"

elapsed=$((SECONDS - started))
when=$(date -u '+%Y-%m-%d %H:%M UTC')
cpus=$(nproc)
regen="bash scripts/bench.sh"
if ((quick)); then regen+=" --quick"; fi
{
    echo "Mode: $mode"
    echo
    echo "| what | figure | target | ratio (figure/target) | met? | command |"
    echo "|---|---|---|---|---|---|"
    cat "$table"
} >"$work/table-full.md"

if ((quick)); then
    report=$work/benchmarks-quick.md
else
    report=$repo/docs/benchmarks.md
fi
{
    echo "# Benchmarks"
    echo
    echo "Measured by \`$regen\` on $when: \`nproc\` $cpus, load average $load_at_start at the start;"
    echo "the run took $((elapsed / 60)) min $((elapsed % 60)) s. Medians. Regenerate with \`$regen\`"
    echo "(\`bash scripts/bench.sh --quick\` for a few minutes' run at smaller sizes)."
    echo "The machine may be shared: figures move by some tens of percent between runs."
    echo
    cat "$work/table-full.md"
} >"$report"

say "seconds per step: $(for k in "${!took[@]}"; do printf '%s %s, ' "$k" "${took[$k]}"; done)"
echo
echo "Benchmarks; nproc $cpus; took $((elapsed / 60)) min $((elapsed % 60)) s"
cat "$work/table-full.md"
echo
echo "Written to ${report#"$repo"/}"
if ((${#failed[@]})); then
    echo "Did not run cleanly: ${failed[*]} (logs in $work)" >&2
    exit 1
fi
