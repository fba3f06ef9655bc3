# jsna — two commands do all set-up on a fresh Debian machine:
#   make report   builds jsna and writes the demonstration chapter into reports/demo/
#   make test     builds and runs every test
SWIFT ?= swift
JSNA := .build/release/jsna
APT_PACKAGES := libcsv-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libxlsxwriter-dev libglpk-dev
# Word output runs these two programs (jsna build --docx) and draws chart text in an
# Arial-metric font and body text in a Calibri-metric one (Liberation Sans, Carlito), so
# the layout is the one Word gives on Windows; installed by `make docx-deps`.
DOCX_PACKAGES := pandoc librsvg2-bin fonts-liberation fonts-crosextra-carlito
# `make word-check` renders the Word file as a reader sees it (LibreOffice, then poppler).
WORD_CHECK_PACKAGES := libreoffice-writer-nogui poppler-utils

.PHONY: all deps docx-deps word-check build report test sanitize fuzz peers browser-test bench scale demo-data real-report clean help

all: report

help:
	@echo "make report       build jsna (release) and write the demo chapter (HTML, Markdown, Word, Excel) to reports/demo/"
	@echo "make test         run all tests (real-data tests run when ../shared/data exists)"
	@echo "make docx-deps    install pandoc, rsvg-convert and the Liberation and Carlito fonts, which --docx (Word output) uses"
	@echo "make word-check   Bolton's (else the demo's) Word file rendered by LibreOffice: A4, at most 40 pages, summary within 4, no split numbers"
	@echo "make sanitize     the module tests and the command-line attack tests under AddressSanitizer (and UBSan for the C in the package)"
	@echo "make fuzz SECONDS=60  each libFuzzer target for SECONDS (0: replay the corpus only); see FUZZING.md"
	@echo "make demo-data    regenerate data/demo (synthetic, fixed seed)"
	@echo "make real-report  a Bolton chapter from ../shared/data/dfe into reports/bolton/"
	@echo "make peers        a venv (.venv-bench) with pandas and duckdb for the peer checks"
	@echo "make bench        jsna against pandas and duckdb (100k to 20M rows), parse throughput, chapter times → BENCHMARKS.md"
	@echo "make scale        memory and time of jsna referrals at 1M, 5M and 20M rows, beside the peers → BENCHMARKS.md"
	@echo "make browser-test the demo (and a real Bolton) chapter in headless Chromium: axe-core, PDF, screenshot"

# Installs what is missing: libcsv (C CSV parser, no pkg-config file), cmark-gfm,
# libxlsxwriter (Excel output) and GLPK (the disclosure audit's LP solver), and checks for Swift.
deps:
	@command -v $(SWIFT) >/dev/null 2>&1 || { echo "jsna needs Swift 6: https://www.swift.org/install/"; exit 1; }
	@if ! printf '#include <csv.h>\n#include <cmark-gfm-core-extensions.h>\n#include <xlsxwriter.h>\n#include <glpk.h>\n' | cc -E -x c - >/dev/null 2>&1; then \
	  if command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing $(APT_PACKAGES) with apt-get"; \
	    SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	    $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq $(APT_PACKAGES); \
	  else \
	    echo "jsna needs libcsv, cmark-gfm, libxlsxwriter and GLPK (C libraries). Install them with your package manager:"; \
	    echo "  Debian/Ubuntu: apt-get install libcsv-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libxlsxwriter-dev libglpk-dev"; \
	    echo "  Fedora:        dnf install libcsv-devel cmark-gfm-devel libxlsxwriter-devel glpk-devel"; \
	    echo "  macOS:         brew install libcsv cmark-gfm libxlsxwriter glpk"; \
	    exit 1; \
	  fi; \
	fi

# Word output (jsna build --docx) runs pandoc and rsvg-convert and uses the Liberation and
# Carlito fonts: installed when missing.
docx-deps:
	@if ! command -v pandoc >/dev/null 2>&1 || ! command -v rsvg-convert >/dev/null 2>&1 \
	  || ! fc-list 2>/dev/null | grep -q "Liberation Sans" || ! fc-list 2>/dev/null | grep -q Carlito; then \
	  if command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing $(DOCX_PACKAGES) with apt-get"; \
	    SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	    $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq $(DOCX_PACKAGES); \
	  else \
	    echo "jsna build --docx needs pandoc and rsvg-convert, and the Liberation Sans and Carlito fonts:"; \
	    echo "  Fedora: dnf install pandoc librsvg2-tools liberation-sans-fonts google-carlito-fonts"; \
	    echo "  macOS:  brew install pandoc librsvg (Arial and Calibri come with Office)"; \
	    exit 1; \
	  fi; \
	fi

build: deps
	$(SWIFT) build -c release

# The Word file as a board member gets it: LibreOffice renders it to PDF and
# scripts/word_check.py checks A4, page count, where the summary ends, the header, page
# numbers, fonts and that no number is split (slow: not part of make test).
word-check: build docx-deps
	@if ! command -v soffice >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  command -v apt-get >/dev/null 2>&1 || { echo "make word-check needs LibreOffice (soffice) and poppler-utils"; exit 1; }; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq $(WORD_CHECK_PACKAGES); \
	fi
	@if [ -d ../shared/data/dfe ]; then \
	  $(JSNA) build --data ../shared/data/dfe --la Bolton --docx --out reports/word-check >/dev/null && python3 scripts/word_check.py reports/word-check/chapter.docx --max-pages 40 --summary-pages 4; \
	else \
	  echo "SKIP: ../shared/data/dfe is absent: the demo chapter is checked instead of Bolton's"; \
	  $(JSNA) build --data data/demo --la 971 --docx --out reports/word-check >/dev/null && python3 scripts/word_check.py reports/word-check/chapter.docx --max-pages 40 --summary-pages 4; \
	fi

report: build docx-deps
	$(JSNA) build --config demo.yml
	@echo "Demo chapter: reports/demo/chapter.html, .md, .docx and .xlsx (synthetic demonstration data)"

# The interval and overdispersion reference tables are recomputed with scipy and numpy when
# they are there (independent checks of jsna's statistics); swift test checks the committed
# tables either way.
test: deps docx-deps
	@if python3 -c 'import scipy' >/dev/null 2>&1; then \
	  python3 Tests/StatisticsTests/Reference/make_reference.py --check Tests/StatisticsTests/Reference/intervals.csv; \
	else \
	  echo "SKIP: python3 with scipy not found: the interval table is not recomputed (swift test still checks the committed one)"; \
	fi
	@if python3 -c 'import numpy' >/dev/null 2>&1; then \
	  python3 Tests/StatisticsTests/Reference/make_overdispersion.py --check Tests/StatisticsTests/Reference/overdispersion.csv; \
	else \
	  echo "SKIP: python3 with numpy not found: the overdispersion table is not recomputed (swift test still checks the committed one)"; \
	fi
	python3 scripts/check_imports.py
	$(SWIFT) build
	scripts/peer-check.sh
	$(SWIFT) test

# The tests again under AddressSanitizer (and LeakSanitizer), in their own build folder.
# Swift has no UBSan on Linux, so -fsanitize=undefined reaches the C compiled into the
# package: the libcsv shim (Sources/CLibCSV/shim.h) and Yams' libyaml. XCTest is off (there
# are no XCTest tests; its empty run leaks at exit). .ci/lsan.supp says what is suppressed.
# Every module's tests run, and of the command-line tests those that attack jsna's inputs
# and outputs (crafted files, injection, pipes, kills, temporary files, half-written
# outputs); the command-line feature tests below build whole chapters through the same code
# the module tests already run under the sanitizers, and are left to `make test` (under
# ASan they were half of a 30-minute run). The property tests run 20 cases, not 200.
SANITIZE := --sanitize=address -Xcc -fsanitize=undefined -Xcc -fno-sanitize-recover=undefined --build-path .build-sanitize
SANITIZE_SKIP := JSNACommandsTests\.(BuildCommand|BuildOptions|ConfigPaths|ConfigKeysAndFlags|AnnexACommandTests|IndicatorsCommand|ReferralCommands|ReferralsForAPerson|BatchBuild|BatchFolderNames|PartnershipChapters|PDFOutput|InitProjects|WordAndExcelOutputs|HelpSnapshots|DateDecisionCLI|ImplausibleExtracts|LinkingMemoryOption|ReadProgressLines|AreaLookupTests|DisclosureProperty|PublishedSystemAttack|TwoBuildAttack)\b
sanitize: deps docx-deps
	JSNA_ATTACK_CASES=20 JSNA_LOCAL_CASES=20 LSAN_OPTIONS=suppressions=$(CURDIR)/.ci/lsan.supp UBSAN_OPTIONS=print_stacktrace=1 \
	  $(SWIFT) test $(SANITIZE) --disable-xctest --skip '$(SANITIZE_SKIP)'

# libFuzzer targets (Fuzz/, a separate package) for the CSV reader, census ingest and extract
# ingest, built with the fuzzer and AddressSanitizer over all of jsna's modules. SwiftPM's
# --sanitize=fuzzer links libFuzzer but leaves jsna's modules without coverage counters:
# -sanitize-coverage adds them (without it the fuzzer is blind to jsna's branches).
SECONDS ?= 60
fuzz: deps
	@touch Fuzz/Package.swift  # SwiftPM re-plans a path dependency only when the manifest changes
	cd Fuzz && $(SWIFT) build --sanitize=fuzzer --sanitize=address --build-path ../.build-fuzz \
	  -Xswiftc -sanitize-coverage=edge,trace-cmp,inline-8bit-counters,pc-table
	scripts/fuzz.sh $(SECONDS)

# The independent peers (../shared/bench) need pandas and duckdb: a venv outside shared/.
peers:
	@if ! .venv-bench/bin/python -c 'import pandas, duckdb' >/dev/null 2>&1; then \
	  python3 -m venv --help >/dev/null 2>&1 || { SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; $$SUDO apt-get install -y -qq python3-venv; }; \
	  python3 -m venv .venv-bench && .venv-bench/bin/pip install -q pandas duckdb; \
	fi

# Accessibility in a real browser: Debian chromium + chromium-driver, selenium and axe-core's
# axe.min.js (shipped in PyPI's axe-playwright-python, installed without its dependencies).
browser-test: report
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium chromium-driver; \
	fi
	@if ! .venv-browser/bin/python -c 'import selenium, axe_playwright_python' >/dev/null 2>&1; then \
	  python3 -m venv .venv-browser && .venv-browser/bin/pip install -q selenium && .venv-browser/bin/pip install -q --no-deps axe-playwright-python; \
	fi
	@rm -rf reports/template-demo && $(JSNA) init reports/template-demo --la 971 --data data/demo >/dev/null 2>&1 \
	  && $(JSNA) build --config reports/template-demo/jsna.yml >/dev/null
	@$(JSNA) build --data data/demo --area "Amber and Brindle=971,972" --out reports/partnership-demo >/dev/null 2>&1
	@$(JSNA) build --all --data data/demo --out reports/all-demo >/dev/null 2>&1
	@pages="reports/demo/chapter.html reports/template-demo/output/chapter.html reports/partnership-demo/chapter.html reports/all-demo/e12900001-northern-fells/chapter.html reports/all-demo/index.html"; \
	if [ -d ../shared/data/dfe ]; then $(JSNA) build --data ../shared/data/dfe --la Bolton --out reports/bolton && pages="$$pages reports/bolton/chapter.html"; \
	else echo "SKIP: ../shared/data/dfe is absent: only the demo chapter is checked"; fi; \
	.venv-browser/bin/python scripts/browser_test.py $$pages

# Measurement, never part of the tests: side by side with the peers in one run.
bench: build peers
	python3 scripts/bench.py

# Memory and time at 1M, 5M and 20M rows beside the peers, one run each (uses make bench's
# extracts; the 20M-row file is generated once, about 8 minutes).
scale: build peers
	python3 scripts/scale.py

demo-data: build
	$(JSNA) demo-data --out data/demo

real-report: build docx-deps
	$(JSNA) build --data ../shared/data/dfe --la Bolton --docx --xlsx --out reports/bolton

clean:
	rm -rf .build .build-sanitize .build-fuzz reports/demo reports/bolton reports/word-check
