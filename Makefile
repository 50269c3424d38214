# Thin wrapper: every target is a go command you can run by hand.
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
PKG := github.com/resumescore/resumescore
FUZZTIME ?= 10s

.PHONY: all build install test race cover lint golden fuzz bench check clean

all: check build

build:
	go build -trimpath -ldflags "-s -w -X $(PKG)/cmd.version=$(VERSION)" -o bin/resumescore ./cmd/resumescore

install:
	go install ./cmd/resumescore

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

fuzz:
	go test ./scorer/token -run '^$$' -fuzz FuzzTokenize -fuzztime $(FUZZTIME)

bench:
	go test -run '^$$' -bench . -benchmem ./extract ./scorer/...

check: lint test

clean:
	rm -rf bin
