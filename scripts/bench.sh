#!/usr/bin/env bash
# Whole-process benchmarks of issue 8, each printed as min / median / max and
# checked against its bar (exit 1 when a bar is missed):
#
#   single   one resume: `resumescore FILE --role backend` vs `pdftotext FILE /dev/null`,
#            ratio of medians <= 0.6                          (hyperfine)
#   corpus   ../shared/corpus/resumes (33 files) with one JD: `resumescore batch` vs
#            pdftotext over the PDFs two at a time (xargs -P2), ratio <= 0.5   (hyperfine)
#   batch10k 10,000 generated resumes against one JD: wall <= 20 s, peak RSS <= 200 MB
#            (/usr/bin/time, RUNS runs)
#   check    `resumescore check` in a resume repo (one Markdown resume, a role and a JD target,
#            git baseline): median < 100 ms                   (hyperfine)
#   match    matching one resume against 10,000 keywords vs 1,500: ratio of medians <= 2
#            (go test ./scorer -bench BenchmarkMatchKeywords, COUNT runs)
#
# Usage: scripts/bench.sh [single|corpus|process|check|batch10k|match|all]   (default: all)
# Environment: SHARED (default ../shared), RESUME, JD, RUNS, COUNT, BENCH_DIR.
# Run on a quiet machine: other processes on the same cores move every figure.
set -euo pipefail
cd "$(dirname "$0")/.."

SHARED=${SHARED:-../shared}
RESUME=${RESUME:-$SHARED/corpus/resumes/rendercv-classic-theme.pdf}
JD=${JD:-$SHARED/corpus/jds/backend-docker-staff-backend-engineer-golang.txt}
RUNS=${RUNS:-5}
COUNT=${COUNT:-6}
BENCH_DIR=${BENCH_DIR:-${TMPDIR:-/tmp}/resumescore-bench}
BIN=bin/resumescore
failed=0

need() {
	for t in "$@"; do
		command -v "$t" >/dev/null 2>&1 || { echo "bench: $t is not installed" >&2; exit 2; }
	done
}

build() {
	go build -trimpath -ldflags "-s -w" -o "$BIN" ./cmd/resumescore
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

# hyper NAME CMD_A CMD_B [hyperfine flags...]: times both, prints min/median/max in ms,
# sets RATIO to median(A)/median(B).
hyper() {
	local name=$1 a=$2 b=$3
	shift 3
	local json
	json=$(mktemp)
	hyperfine --style none --warmup 3 --runs "$((RUNS * 4))" "$@" --export-json "$json" "$a" "$b" >/dev/null
	echo "$name (wall ms: min median max; mean CPU ms user+sys; $((RUNS * 4)) runs each)"
	local i med=() cpu=()
	for i in 0 1; do
		local cmd times c
		cmd=$(jq -r ".results[$i].command" "$json")
		times=$(mktemp)
		jq -r ".results[$i].times[] * 1000" "$json" >"$times"
		read -r mn md mx < <(stats "$times")
		c=$(jq -r ".results[$i] | (.user + .system) * 1000 | . * 10 | round / 10" "$json")
		med+=("$md")
		cpu+=("$c")
		printf '  %-11s %9s %9s %9s  cpu %7s  %s\n' "$([ "$i" = 0 ] && echo resumescore || echo pdftotext)" "$mn" "$md" "$mx" "$c" "$cmd"
		rm -f "$times"
	done
	RATIO=$(awk -v a="${med[0]}" -v b="${med[1]}" 'BEGIN { printf "%.3f", a / b }')
	# CPU time moves less than wall time when other processes share the cores.
	printf '  %-44s %s (for reference)\n' "ratio of mean CPU time" "$(awk -v a="${cpu[0]}" -v b="${cpu[1]}" 'BEGIN { printf "%.3f", a / b }')"
	rm -f "$json"
}

bench_single() {
	need hyperfine pdftotext jq
	[ -f "$RESUME" ] || { echo "bench: $RESUME not found (set SHARED or RESUME)" >&2; exit 2; }
	hyper "single resume: $(basename "$RESUME")" "$BIN $RESUME --role backend" "pdftotext $RESUME /dev/null" -N
	verdict "single resume, ratio of medians" "$RATIO" "<=" 0.6
}

bench_corpus() {
	need hyperfine pdftotext jq
	local dir=$SHARED/corpus/resumes
	[ -d "$dir" ] || { echo "bench: $dir not found (set SHARED)" >&2; exit 2; }
	# batch exits 2 when a file cannot be read; that is a result, not a benchmark failure (-i).
	hyper "corpus: $(ls "$dir" | wc -l) files, one JD" \
		"$BIN batch $dir --jd $JD --format jsonl" \
		"ls $dir/*.pdf | xargs -P2 -I{} pdftotext {} /dev/null" -i
	verdict "corpus batch vs pdftotext -P2, ratio" "$RATIO" "<=" 0.5
}

bench_check() {
	need hyperfine jq git
	local repo bin
	repo=$(mktemp -d)
	bin=$(pwd)/$BIN
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
	local wall rss
	wall=$(mktemp)
	rss=$(mktemp)
	echo "batch of 10,000 generated resumes ($(du -sh "$dir" | cut -f1)), one JD, $(nproc) cores, $RUNS runs"
	for _ in $(seq "$RUNS"); do
		/usr/bin/time -f '%e %M' -o "$wall.one" "$BIN" batch "$dir" --jd "$JD" --format jsonl >/dev/null
		read -r e m <"$wall.one"
		echo "$e" >>"$wall"
		awk -v k="$m" 'BEGIN { printf "%.1f\n", k / 1024 }' >>"$rss"
	done
	read -r wmn wmd wmx < <(stats "$wall")
	read -r rmn rmd rmx < <(stats "$rss")
	printf '  wall s     %8s %8s %8s\n' "$wmn" "$wmd" "$wmx"
	printf '  peak MB    %8s %8s %8s\n' "$rmn" "$rmd" "$rmx"
	verdict "10,000 resumes, median wall seconds" "$wmd" "<=" 20
	verdict "10,000 resumes, max peak RSS MB" "$rmx" "<=" 200
	rm -f "$wall" "$wall.one" "$rss"
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
