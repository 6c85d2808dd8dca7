# AoCE Desktop — build, run and test. Two commands matter on a fresh Debian machine:
#   make run    installs what is missing, builds and opens the app (demo network on first start)
#   make test   installs what is missing, then vet, unit and UI tests, the race detector and a real-window smoke test
GO       ?= go
BIN      ?= aoce-desktop
# The version is FyneApp.toml's; the commit goes into the binary with -X
# (GOFLAGS=-buildvcs=false or a tarball leave Go's own VCS stamp empty).
VERSION  := $(shell sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)
COMMIT   := $(shell git rev-parse --short=12 HEAD 2>/dev/null)$(shell git diff --quiet HEAD 2>/dev/null || echo +changes)
LDFLAGS  := -X=main.commit=$(COMMIT)
FYNE     := bin/fyne

.PHONY: run build deps test-deps vet unit race smoke test bench bench-startup fuzz package dist dist-check clean

run: build
	./$(BIN) --demo-if-empty

build: deps
	$(GO) build -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/aoce-desktop

deps:
	@scripts/install-deps.sh build

test-deps:
	@scripts/install-deps.sh build test

vet:
	gofmt -l . | tee /dev/stderr | (! read -r _)
	CGO_ENABLED=0 $(GO) vet -tags ci ./...

# -tags ci: Fyne's software test driver, no cgo, no X; fast to compile.
# -timeout as for the race run below: at load average 70 on 2026-12-02 the
# unit run of sync and of survey each passed go test's 10 minutes.
unit:
	CGO_ENABLED=0 $(GO) test -tags ci -count=1 -timeout 30m ./...

# The race detector needs cgo (gcc, from the build packages) over what runs
# goroutines: the store, the live server, the survey import, the sync and
# the UI packages (internal/ui/... covers each of them). About 3.5 min on 2
# cores on 2026-12-01; in CI on 2026-12-02 data, live, survey and sync alone
# took 2,648 s of package time on the loaded machine (see the README).
RACE_PKGS = ./internal/data/... ./internal/live/... ./internal/survey/... ./internal/sync/... ./internal/ui/...
# -timeout: go test's 10 minutes a package is about the machine, not the code:
# the store's and the UI's race runs take minutes on a loaded 2-core machine.
# In CI on 2026-12-03 (nothing else running) sync's took 1,695 s beside the
# UI's, too near 30 minutes; the whole CI run took 39 of its 90 minutes.
race:
	CGO_ENABLED=1 $(GO) test -race -tags ci -count=1 -timeout 50m $(RACE_PKGS)

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

# Installable package for this OS with 'fyne package' (macOS: run it on a Mac
# with Xcode's command line tools; see the README). fyne is pinned in go.mod's
# tool directive; scripts/fyne-package.sh hands it FyneApp.toml.
package: deps $(FYNE)
	GOFLAGS="$$GOFLAGS -ldflags=$(LDFLAGS)" scripts/fyne-package.sh $(FYNE) --release

# fyne is built for this machine first: 'go tool fyne' under GOOS=windows
# would build a Windows fyne.
$(FYNE): go.mod go.sum
	$(GO) build -o $@ fyne.io/tools/cmd/fyne

# dist/: the Windows program (cross-compiled with MinGW-w64, icon and version
# resources from FyneApp.toml) zipped, the Linux archive (make install
# PREFIX=… inside it) and the licences, each named with the version. A cold
# build takes several minutes: see the README for the times.
DIST      = dist
DIST_NAME = aoce-desktop-$(VERSION)
WIN_CROSS = CC=x86_64-w64-mingw32-gcc GOOS=windows GOARCH=amd64
dist: $(FYNE)
	@scripts/install-deps.sh build dist
	rm -rf $(DIST) && mkdir -p $(DIST)/win/"AoCE Desktop"
	$(GO) run ./tools/licences -o $(DIST)/licences.txt ./cmd/aoce-desktop
	@cmp -s $(DIST)/licences.txt internal/about/licences.txt || { echo "internal/about/licences.txt is out of date: run 'go generate ./internal/about'" >&2; exit 1; }
	$(WIN_CROSS) GOFLAGS="$$GOFLAGS -ldflags=$(LDFLAGS)" scripts/fyne-package.sh $(FYNE) -os windows --release
	mv "cmd/aoce-desktop/AoCE Desktop.exe" $(DIST)/win/"AoCE Desktop"/
	cp $(DIST)/licences.txt $(DIST)/win/"AoCE Desktop"/
	cd $(DIST)/win && zip -q -r -9 ../$(DIST_NAME)-windows-amd64.zip "AoCE Desktop"
	GOFLAGS="$$GOFLAGS -ldflags=$(LDFLAGS)" scripts/fyne-package.sh $(FYNE) -os linux --release
	mv "cmd/aoce-desktop/AoCE Desktop.tar.xz" $(DIST)/$(DIST_NAME)-linux-amd64.tar.xz
	rm -rf $(DIST)/win
	$(MAKE) --no-print-directory dist-check

# Checks what dist/ holds: the Windows program's PE headers (amd64, GUI) and
# its version resource, the Linux archive's files (tools/distcheck).
dist-check:
	$(GO) run ./tools/distcheck -version $(VERSION) $(DIST)
	@ls -l $(DIST)

clean:
	rm -rf $(BIN) $(DIST) $(FYNE) cmd/aoce-desktop/FyneApp.toml
