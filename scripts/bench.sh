#!/usr/bin/env bash
# Whole-process benchmarks of issue 8, each printed as min / median / max and
# checked against its bar (exit 1 when a bar is missed):
#
#   single   one resume: `resumescore FILE --role backend` vs `pdftotext FILE /dev/null`,
#            median ratio <= 0.6                  (alternating paired runs, see paired)
#   corpus   ../shared/corpus/resumes (33 files) with one JD: `resumescore batch` vs
#            pdftotext over the PDFs two at a time (xargs -P2), median ratio <= 0.5
#   batch10k 10,000 generated resumes against one JD: wall <= 20 s, peak RSS <= 200 MB
#            (/usr/bin/time, RUNS runs)
#   check    `resumescore check` in a resume repo (one Markdown resume, a role and a JD target,
#            git baseline): median < 100 ms                   (hyperfine)
#   match    matching one resume against 10,000 keywords vs 1,500: ratio of medians <= 2
#            (go test ./scorer -bench BenchmarkMatchKeywords, COUNT runs)
#
# Usage: scripts/bench.sh [single|corpus|process|check|batch10k|match|all]   (default: all)
# Environment: SHARED (default ../shared), RESUME, JD, RUNS, COUNT, BENCH_DIR; BIN (default
# bin/resumescore) with BUILD=0 measures a binary built elsewhere (an older commit, to compare).
# Run on a quiet machine: other processes on the same cores move every figure.
set -euo pipefail
cd "$(dirname "$0")/.."

SHARED=${SHARED:-../shared}
RESUME=${RESUME:-$SHARED/corpus/resumes/rendercv-classic-theme.pdf}
JD=${JD:-$SHARED/corpus/jds/backend-docker-staff-backend-engineer-golang.txt}
RUNS=${RUNS:-5}
COUNT=${COUNT:-6}
BENCH_DIR=${BENCH_DIR:-${TMPDIR:-/tmp}/resumescore-bench}
BIN=${BIN:-bin/resumescore}
BUILD=${BUILD:-1}
failed=0

need() {
	for t in "$@"; do
		command -v "$t" >/dev/null 2>&1 || { echo "bench: $t is not installed" >&2; exit 2; }
	done
}

build() {
	[ "$BUILD" = 0 ] && return
	CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o "$BIN" ./cmd/resumescore # static, as make build
}

# stats FILE: min median max of the numbers in FILE (one per line), 3 decimals.
stats() {
	sort -g "$1" | awk '{a[NR]=$1} END {m = (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2; printf "%.3f %.3f %.3f\n", a[1], m, a[NR]}'
}

# verdict NAME VALUE OP BAR: prints and records whether VALUE OP BAR holds.
verdict() {
	if awk -v v="$2" -v b="$4" -v op="$3" 'BEGIN { exit !((op == "<=") ? v <= b : v >= b) }'; then
		printf '  %-44s %s %s %s  PASS\n' "$1" "$2" "$3" "$4"
	else
		printf '  %-44s %s %s %s  FAIL\n' "$1" "$2" "$3" "$4"
		failed=1
	fi
}

# paired NAME CMD_A CMD_B: runs the two commands in alternating order, RUNS*4
# rounds after 3 warm-up rounds, and prints each one's wall time (ms) as
# min / median / max. RATIO is the median of the per-round ratios A/B. Pairing
# the runs keeps the ratio honest when other processes share the cores: both
# commands of a round see about the same load. (hyperfine, used for check,
# runs all of one command before the other.)
paired() {
	local name=$1 a=$2 b=$3 n=$((RUNS * 4)) i ta tb
	local fa fb fr
	fa=$(mktemp)
	fb=$(mktemp)
	fr=$(mktemp)
	for i in 1 2 3; do
		eval "$a" >/dev/null 2>&1 || true
		eval "$b" >/dev/null 2>&1 || true
	done
	for i in $(seq "$n"); do
		if ((i % 2)); then
			ta=$(run_ms "$a")
			tb=$(run_ms "$b")
		else
			tb=$(run_ms "$b")
			ta=$(run_ms "$a")
		fi
		echo "$ta" >>"$fa"
		echo "$tb" >>"$fb"
		awk -v x="$ta" -v y="$tb" 'BEGIN { printf "%.4f\n", x / y }' >>"$fr"
	done
	echo "$name (wall ms: min median max; $n alternating rounds)"
	read -r mn md mx < <(stats "$fa")
	printf '  %-11s %9s %9s %9s  %s\n' resumescore "$mn" "$md" "$mx" "$a"
	read -r mn md mx < <(stats "$fb")
	printf '  %-11s %9s %9s %9s  %s\n' pdftotext "$mn" "$md" "$mx" "$b"
	read -r mn md mx < <(stats "$fr")
	printf '  %-11s %9s %9s %9s  (per-round ratio)\n' ratio "$mn" "$md" "$mx"
	RATIO=$md
	rm -f "$fa" "$fb" "$fr"
}

# run_ms CMD: runs CMD (through eval, output discarded) and prints its wall time in ms.
run_ms() {
	local t0 t1
	t0=$EPOCHREALTIME
	eval "$1" >/dev/null 2>&1 || true
	t1=$EPOCHREALTIME
	awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f\n", (b - a) * 1000 }'
}

bench_single() {
	need pdftotext
	[ -f "$RESUME" ] || { echo "bench: $RESUME not found (set SHARED or RESUME)" >&2; exit 2; }
	paired "single resume: $(basename "$RESUME")" "$BIN $RESUME --role backend" "pdftotext $RESUME /dev/null"
	verdict "single resume, median per-round ratio" "$RATIO" "<=" 0.6
}

# cpu_rounds NAME CMD_A CMD_B: RUNS*2 more alternating rounds, each command
# under /usr/bin/time, and prints each one's CPU time (user+sys of the process
# and its children, ms) as min / median / max and the ratio of the medians.
# CPU time moves far less than wall time when other processes share the
# cores, so it shows a change that the wall-time ratio hides in the noise;
# the bar itself is on wall time.
cpu_rounds() {
	local a=$2 b=$3 n=$((RUNS * 2)) i fa fb one
	[ -x /usr/bin/time ] || { echo "  (no /usr/bin/time: CPU time not measured)"; return; }
	fa=$(mktemp)
	fb=$(mktemp)
	one=$(mktemp)
	for i in $(seq "$n"); do
		/usr/bin/time -f '%U %S' -o "$one" sh -c "$a" >/dev/null 2>&1 || true
		awk '{ printf "%.0f\n", ($1 + $2) * 1000 }' "$one" >>"$fa"
		/usr/bin/time -f '%U %S' -o "$one" sh -c "$b" >/dev/null 2>&1 || true
		awk '{ printf "%.0f\n", ($1 + $2) * 1000 }' "$one" >>"$fb"
	done
	local amd bmd
	echo "$1 (CPU ms user+sys: min median max; $n alternating rounds)"
	read -r mn amd mx < <(stats "$fa")
	printf '  %-11s %9s %9s %9s\n' resumescore "$mn" "$amd" "$mx"
	read -r mn bmd mx < <(stats "$fb")
	printf '  %-11s %9s %9s %9s\n' pdftotext "$mn" "$bmd" "$mx"
	printf '  %-11s %9s  (ratio of medians, for reference)\n' ratio "$(awk -v x="$amd" -v y="$bmd" 'BEGIN { printf "%.3f", x / y }')"
	rm -f "$fa" "$fb" "$one"
}

bench_corpus() {
	need pdftotext
	local dir=$SHARED/corpus/resumes
	[ -d "$dir" ] || { echo "bench: $dir not found (set SHARED)" >&2; exit 2; }
	local a="$BIN batch $dir --jd $JD --format jsonl"
	local b="ls $dir/*.pdf | xargs -P2 -I{} pdftotext {} /dev/null"
	paired "corpus: $(ls "$dir" | wc -l) files, one JD" "$a" "$b"
	local ratio=$RATIO
	cpu_rounds "corpus, CPU time" "$a" "$b"
	echo "  load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
	verdict "corpus batch vs pdftotext -P2, median ratio" "$ratio" "<=" 0.5
}

bench_check() {
	need hyperfine jq git
	local repo bin
	repo=$(mktemp -d)
	case $BIN in /*) bin=$BIN ;; *) bin=$(pwd)/$BIN ;; esac
	mkdir -p "$repo/jobs"
	go run ./internal/resumegen/cmd/resumegen -n 1 -o "$repo/gen" -seed 3
	cp "$repo"/gen/000/resume-00000.* "$repo/resume.md"
	rm -rf "$repo/gen"
	cp "$JD" "$repo/jobs/job.txt"
	printf 'files: [resume.md]\ntargets:\n  - role: backend\n    min-score: 0\n  - jd: jobs/job.txt\n    min-score: 0\nmax-drop: 100\n' >"$repo/.resumescore.yaml"
	git -C "$repo" init -q . && git -C "$repo" add . &&
		git -C "$repo" -c user.name=bench -c user.email=bench@example.com commit -q -m resume
	local json times
	json=$(mktemp)
	times=$(mktemp)
	(cd "$repo" && hyperfine --style none -N --warmup 3 --runs "$((RUNS * 4))" --export-json "$json" "$bin check" >/dev/null)
	jq -r '.results[0].times[] * 1000' "$json" >"$times"
	read -r mn md mx < <(stats "$times")
	echo "check: one resume, role + JD targets, git baseline (ms, $((RUNS * 4)) runs)"
	printf '  check      %8s %8s %8s\n' "$mn" "$md" "$mx"
	verdict "check, median ms" "$md" "<=" 100
	rm -rf "$repo" "$json" "$times"
}

bench_batch10k() {
	local dir=$BENCH_DIR/resumes-10k
	if [ "$(find "$dir" -type f 2>/dev/null | wc -l)" != 10000 ]; then
		rm -rf "$dir"
		go run ./internal/resumegen/cmd/resumegen -n 10000 -o "$dir" -seed 1
	fi
	[ -f "$JD" ] || { echo "bench: $JD not found (set SHARED or JD)" >&2; exit 2; }
	local wall rss cpu
	wall=$(mktemp)
	rss=$(mktemp)
	cpu=$(mktemp)
	echo "batch of 10,000 generated resumes ($(du -sh "$dir" | cut -f1)), one JD, $(nproc) cores, $RUNS runs"
	for _ in $(seq "$RUNS"); do
		/usr/bin/time -f '%e %M %U %S' -o "$wall.one" "$BIN" batch "$dir" --jd "$JD" --format jsonl >/dev/null
		read -r e m u sy <"$wall.one"
		echo "$e" >>"$wall"
		awk -v k="$m" 'BEGIN { printf "%.1f\n", k / 1024 }' >>"$rss"
		awk -v u="$u" -v s="$sy" 'BEGIN { printf "%.2f\n", u + s }' >>"$cpu"
	done
	read -r wmn wmd wmx < <(stats "$wall")
	read -r rmn rmd rmx < <(stats "$rss")
	read -r cmn cmd cmx < <(stats "$cpu")
	printf '  wall s     %8s %8s %8s\n' "$wmn" "$wmd" "$wmx"
	printf '  CPU s      %8s %8s %8s   (user+sys; on an idle machine wall is about CPU / cores)\n' "$cmn" "$cmd" "$cmx"
	printf '  peak MB    %8s %8s %8s\n' "$rmn" "$rmd" "$rmx"
	verdict "10,000 resumes, median wall seconds" "$wmd" "<=" 20
	verdict "10,000 resumes, max peak RSS MB" "$rmx" "<=" 200
	rm -f "$wall" "$wall.one" "$rss" "$cpu"
}

bench_match() {
	local out
	out=$(mktemp)
	go test -run '^$' -bench '^Benchmark(Match|Score)Keywords$' -count "$COUNT" ./scorer | tee "$out" | grep -E '^Benchmark' || true
	echo "matching one resume (ns/op: min median max, $COUNT runs)"
	local n med=()
	for n in 1500 10000; do
		local f
		f=$(mktemp)
		grep -E "keywords=$n-" "$out" | awk '{print $3}' >"$f"
		if [ ! -s "$f" ]; then
			echo "bench: no result for keywords=$n (benchmark renamed?)" >&2
			failed=1
			rm -f "$f" "$out"
			return
		fi
		read -r mn md mx < <(stats "$f")
		med+=("$md")
		printf '  %6s keywords %12s %12s %12s\n' "$n" "$mn" "$md" "$mx"
		rm -f "$f"
	done
	RATIO=$(awk -v a="${med[1]}" -v b="${med[0]}" 'BEGIN { printf "%.3f", a / b }')
	verdict "10,000 vs 1,500 keywords, ratio of medians" "$RATIO" "<=" 2
	rm -f "$out"
}

what=${1:-all}
echo "resumescore benchmarks: $(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
case $what in
single) build && bench_single ;;
corpus) build && bench_corpus ;;
process) build && bench_single && bench_corpus && bench_check ;;
check) build && bench_check ;;
batch10k) build && bench_batch10k ;;
match) bench_match ;;
all) build && bench_single && bench_corpus && bench_check && bench_batch10k && bench_match ;;
*)
	echo "usage: scripts/bench.sh [single|corpus|process|check|batch10k|match|all]" >&2
	exit 2
	;;
esac
exit $failed
