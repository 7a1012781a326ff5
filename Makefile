# Parley: few honest targets. `make help` lists them.
GO        ?= go
BIN       := bin/parley
VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS   := -s -w -X main.version=$(VERSION)
STATICCHECK_VERSION := v0.8.2
FUZZTIME  ?= 20000x

.PHONY: help build run test test-short lint fuzz bench bench-go bench-http bench-turns bench-dbcopy bench-gateway eval eval-voice bench-cache tools clean

help: ## list targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-14s %s\n", $$1, $$2}'

build: ## build ./bin/parley
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/parley

run: build ## serve on embedded defaults (SQLite in ./data, in-process cache)
	./$(BIN) serve

test: ## run every test with the race detector (server suites skip loudly when a server is down)
	@# The dbcopy suite copies whole databases under the race detector: minutes on a
	@# loaded 2-core machine, past go test's default 10-minute limit (seen at 601 s).
	$(GO) test -race -count=1 -timeout 30m ./...
	@# Allocation counts are only meaningful without the race detector (its
	@# sync.Pool drops items at random), so those tests run once more without it.
	$(GO) test -count=1 -run 'Allocs|Allocations|AllocatesNothing' ./internal/gateway/ ./internal/httpapi/ ./internal/chat/ ./internal/sessionstate/ ./internal/store/profilecache/

test-short: ## quick tests without the race detector
	$(GO) test -count=1 ./...

lint: ## gofmt, go vet, staticcheck
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	@command -v staticcheck >/dev/null 2>&1 || $(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)
	PATH="$$PATH:$$($(GO) env GOPATH)/bin" staticcheck ./...

fuzz: ## run every fuzz target for FUZZTIME each
	@scripts/fuzz-all.sh $(FUZZTIME)

bench: bench-go bench-http bench-turns ## the Go benchmarks and the HTTP comparisons (needs wrk)

bench-go: ## Go micro-benchmarks
	$(GO) test -run '^$$' -bench . -benchmem -count 1 ./...

bench-http: build ## HTTP and import benchmarks on SQLite and PostgreSQL (see docs/benchmarks.md)
	scripts/bench-http.sh

bench-turns: build ## full text turns vs /healthz, embedded and PostgreSQL+Redis (see docs/benchmarks.md)
	scripts/bench-turns.sh

eval: build ## the public and held-out question sets: accuracy and every miss
	./$(BIN) eval --min 0.95 internal/converse/eval/testdata/public.yaml
	./$(BIN) eval --min 0.95 internal/converse/eval/testdata/heldout.yaml

bench-gateway: build ## parley gateway vs nginx, caddy and httputil (see docs/benchmarks.md)
	scripts/bench-gateway.sh

# VOICE_THREADS=N asks only the first N threads of the public set (N=6: a few minutes).
eval-voice: ## answer accuracy and WER through the voice endpoint vs the text endpoint, then the recogniser's WER eval (docs/benchmarks.md)
	PARLEY_VOICE_EVAL=1 PARLEY_VOICE_EVAL_THREADS=$(VOICE_THREADS) $(GO) test -run 'TestVoiceEval$$' -v -timeout 60m ./cmd/parley/
	PARLEY_STT_EVAL=1 $(GO) test -run TestEvalWER -v -timeout 60m ./internal/voice/stt/

bench-dbcopy: build ## parley dbcopy vs pgloader (see docs/benchmarks.md)
	scripts/bench-dbcopy.sh

bench-cache: ## cache off vs on: private PostgreSQL cluster with pg_stat_statements + Redis (see docs/benchmarks.md)
	scripts/bench-cache.sh

clean: ## remove build output
	rm -rf bin
