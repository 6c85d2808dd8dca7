# AoCE Desktop — build, run and test. Two commands matter on a fresh Debian machine:
#   make run    installs what is missing, builds and opens the app (demo network on first start)
#   make test   installs what is missing, then vet, unit and UI tests, the race detector and a real-window smoke test
GO       ?= go
BIN      ?= aoce-desktop
FYNE_CLI ?= fyne.io/tools/cmd/fyne@v1.7.4

.PHONY: run build deps test-deps vet unit race smoke test bench bench-startup fuzz package clean

run: build
	./$(BIN) --demo-if-empty

build: deps
	$(GO) build -o $(BIN) ./cmd/aoce-desktop

deps:
	@scripts/install-deps.sh build

test-deps:
	@scripts/install-deps.sh build test

vet:
	gofmt -l . | tee /dev/stderr | (! read -r _)
	CGO_ENABLED=0 $(GO) vet -tags ci ./...

# -tags ci: Fyne's software test driver, no cgo, no X; fast to compile.
unit:
	CGO_ENABLED=0 $(GO) test -tags ci -count=1 ./...

# The race detector needs cgo (gcc, from the build packages) over what runs
# goroutines: the store, the live server, the survey import and the UI
# packages (internal/ui/... covers each of them). About 3.5 min on 2 cores.
RACE_PKGS = ./internal/data/... ./internal/live/... ./internal/survey/... ./internal/ui/...
race:
	CGO_ENABLED=1 $(GO) test -race -tags ci -count=1 $(RACE_PKGS)

smoke: build
	scripts/smoke.sh ./$(BIN)

test: test-deps vet unit race smoke

# Benchmarks of the domain code (figures in the README).
bench:
	CGO_ENABLED=0 $(GO) test -tags ci -run '^$$' -bench . -benchmem ./internal/...

# Time to window: an empty Fyne window vs AoCE Desktop on the demo network.
bench-startup: test-deps
	scripts/bench-startup.sh 9

# Run every fuzz target for a while; new interesting inputs land in Go's cache.
fuzz:
	CGO_ENABLED=0 $(GO) test -tags ci -run '^$$' -fuzz FuzzRead -fuzztime 60s ./internal/tabular
	CGO_ENABLED=0 $(GO) test -tags ci -run '^$$' -fuzz FuzzParsePaste -fuzztime 60s ./internal/partners
	CGO_ENABLED=0 $(GO) test -tags ci -run '^$$' -fuzz FuzzNumbers -fuzztime 60s ./internal/partners
	CGO_ENABLED=0 $(GO) test -tags ci -run '^$$' -fuzz FuzzParseCell -fuzztime 60s ./internal/matrix
	CGO_ENABLED=0 $(GO) test -tags ci -run '^$$' -fuzz FuzzImport -fuzztime 60s ./internal/survey
	CGO_ENABLED=0 $(GO) test -tags ci -run '^$$' -fuzz FuzzTemplate -fuzztime 60s ./internal/survey
	CGO_ENABLED=0 $(GO) test -tags ci -run '^$$' -fuzz FuzzMarkdown -fuzztime 60s ./internal/study

# Installable package for this OS with 'fyne package' (run it on the target
# OS: Windows needs a Windows machine with gcc, macOS a Mac with Xcode tools).
# fyne package reads FyneApp.toml beside main, so a copy is placed there for the build.
package: deps
	sed 's#assets/icon.png#../../assets/icon.png#' FyneApp.toml > cmd/aoce-desktop/FyneApp.toml
	cd cmd/aoce-desktop && $(GO) run $(FYNE_CLI) package --release; status=$$?; rm -f FyneApp.toml; exit $$status

clean:
	rm -f $(BIN) cmd/aoce-desktop/FyneApp.toml
