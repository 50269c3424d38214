# Thin wrapper: every target is a go command you can run by hand.
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
PKG := github.com/resumescore/resumescore
FUZZTIME ?= 10s

.PHONY: all build install test race cover lint golden fuzz bench check clean smoke

all: check build

# CGO_ENABLED=0: a static binary. pflag links net and xo/terminfo links
# os/user, whose cgo parts make the binary dynamic: every run then pays the
# dynamic loader, libc's start-up and pthread thread creation (about 1 ms of
# CPU and 60 page faults of a 20 ms run). Nothing here needs cgo.
build:
	CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X $(PKG)/cmd.version=$(VERSION)" -o bin/resumescore ./cmd/resumescore

install:
	CGO_ENABLED=0 go install ./cmd/resumescore

test:
	go test ./...

race:
	go test -race ./...

cover:
	mkdir -p bin && go test -coverprofile=bin/cover.out ./... && go tool cover -func=bin/cover.out

lint:
	test -z "$$(gofmt -l .)"
	go vet ./...

golden:
	go test ./cmd -run 'Golden|Script' -update

# Each Fuzz* target that exists runs for FUZZTIME; missing ones are skipped.
FUZZ_TARGETS := ./scorer/token:FuzzTokenize ./extract:FuzzExtract ./extract:FuzzExtractPDF ./extract:FuzzExtractDOCX ./keywords:FuzzParseKeywords ./scorer:FuzzScore
fuzz:
	@for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; fn=$${t##*:}; \
		if grep -qs "^func $$fn(" $$pkg/*_test.go; then \
			echo "go test $$pkg -run '^$$' -fuzz '^'$$fn'$$' -fuzztime $(FUZZTIME)"; \
			go test $$pkg -run '^$$' -fuzz "^$$fn\$$" -fuzztime $(FUZZTIME) || exit 1; \
		fi; \
	done

bench:
	go test -run '^$$' -bench . -benchmem ./extract ./scorer/...

check: lint test

# smoke: the README quick start on the built binary (exit 0 or 1 is a report; 2 is a failure).
smoke: build
	bin/resumescore testdata/fixtures/md/sample-resume.md --role backend >/dev/null; test $$? -le 1
	bin/resumescore extract testdata/fixtures/md/sample-resume.md >/dev/null
	bin/resumescore --version

clean:
	rm -rf bin

# Benchmarks of issue 8 (owner: gates). `make bench` also runs the cmd package's
# Go benchmark (batch end to end, in process); matching 1,500 vs 10,000 keywords
# is scorer's BenchmarkMatchKeywords. The whole-process comparisons against
# pdftotext live in scripts/bench.sh, which prints min/median/max and checks
# each bar. Run them on a quiet machine.
.PHONY: bench-cmd bench-process bench-batch bench-match bench-all
bench: bench-cmd

bench-cmd:
	go test -run '^$$' -bench . -benchmem ./cmd

# One `resumescore FILE --role backend` as a fresh process pays it (lexicon
# parsed and indexed every iteration), with a CPU profile to read with
# `go tool pprof -top bin/cmd.test bin/cold.prof`.
.PHONY: bench-cold
bench-cold:
	mkdir -p bin && GOGC=off go test ./cmd -run '^$$' -bench ColdStart -benchtime 50x -benchmem -cpuprofile bin/cold.prof -o bin/cmd.test

bench-process:
	bash scripts/bench.sh process

bench-batch:
	bash scripts/bench.sh batch10k

bench-match:
	bash scripts/bench.sh match

bench-all:
	bash scripts/bench.sh all
