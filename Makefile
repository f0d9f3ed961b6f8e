# Two commands do everything: `make serve` and `make test`. Both install what is missing first.
SHELL := /bin/bash
.DEFAULT_GOAL := serve

export PATH := $(CURDIR)/scripts/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CARGO_RESOLVER_INCOMPATIBLE_RUST_VERSIONS := fallback
export CHROMEDRIVER ?= /usr/bin/chromedriver
PORT ?= 8080

.PHONY: serve dist dev test test-native test-pages test-pdf test-browser test-e2e bench fuzz-long setup-build setup-test setup-bench clean

## Build the release site into dist/ and serve it at http://127.0.0.1:$(PORT)/
serve: dist
	node scripts/serve.mjs dist $(PORT)

## The deployable static site, with relative URLs.
## Split into the first load and chunks fetched on demand (src/ui/chunk.rs, scripts/split.mjs).
## RUSTFLAGS replaces the rustflags of .cargo/config.toml, so erase_components is given again;
## build.rs links the editor (not the office worker) with the relocations the splitter reads.
dist: setup-build
	RUSTFLAGS="--cfg erase_components --cfg wasm_split" trunk build --release

## Rebuild and reload on every change (development only).
dev: setup-build
	trunk serve

## Every test layer: native, page truth, the PDF in real readers, in-browser, end-to-end (with the size budget).
test: setup-test
	@start=$$(date +%s); \
	$(MAKE) --no-print-directory test-native && \
	$(MAKE) --no-print-directory test-pages && \
	$(MAKE) --no-print-directory test-pdf && \
	$(MAKE) --no-print-directory test-browser && \
	$(MAKE) --no-print-directory test-e2e && \
	echo "make test: every layer passed in $$(( $$(date +%s) - start )) s"

test-native:
	cargo test --workspace

## The same pages everywhere: the live count, our PDF, LibreOffice's DOCX and Chromium's HTML
## print of every draft of the page corpus (crates/core/tests/pages.rs; ignored by a plain `cargo test`).
test-pages:
	@start=$$(date +%s); \
	cargo test -p igf-core --test pages -- --ignored --nocapture && \
	echo "test-pages: every draft has the same pages everywhere, in $$(( $$(date +%s) - start )) s"

## Our PDFs in real readers: pdffonts, qpdf --check, pdftotext, the PDF/UA checker pdfua and
## pdfinfo (crates/core/tests/readers.rs; ignored by a plain `cargo test`).
test-pdf:
	@start=$$(date +%s); \
	cargo test -p igf-core --test readers -- --ignored --nocapture && \
	echo "test-pdf: every PDF passed every reader in $$(( $$(date +%s) - start )) s"

test-browser:
	cargo test --target wasm32-unknown-unknown --test web --test web_panic

test-e2e: dist
	cd tests/e2e && npx playwright test

## Benchmarks and budgets (printed, never asserted on timing): size, engine, page-count
## harness, then load, typing and memory in Chromium beside a bare-textarea baseline, and one
## table of every figure with its budget (also as JSON in target/bench/); then the long fuzzing run.
bench: setup-bench dist
	node scripts/bench/size.mjs
	cargo bench -p igf-core --bench engine
	cargo bench -p igf-core --bench pages
	node scripts/bench/browser.mjs
	node scripts/bench/report.mjs
	$(MAKE) --no-print-directory fuzz-long

## The fuzzing properties of crates/core/tests/fuzz.rs with many cases (`cargo test` runs a short pass), and
## every pathological input through every export.
FUZZ_CASES ?= 20000
fuzz-long:
	@start=$$(date +%s); \
	PROPTEST_CASES=$(FUZZ_CASES) cargo test -p igf-core --release --test fuzz --test pathological -- --include-ignored && \
	echo "fuzz-long: $(FUZZ_CASES) cases per property passed in $$(( $$(date +%s) - start )) s"

setup-build:
	scripts/setup.sh build

setup-test:
	scripts/setup.sh test

setup-bench:
	scripts/setup.sh bench

clean:
	rm -rf dist target tests/e2e/test-results
