#!/usr/bin/env bash
# Installs every tool the build and the tests need, at pinned versions.
# Idempotent: each step checks what is there and skips it when it already fits.
# Usage: scripts/setup.sh [build|test|bench|all]   (default: all)
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=0.2.130
TRUNK_VERSION=0.21.14
TWIGGY_VERSION=0.8.0
# The splitter of the release wasm (scripts/split.mjs): its support crate must speak the same
# split-point protocol as the wasm_split_helpers that Leptos locks (0.2.3).
WASM_SPLIT_VERSION=0.2.4
want=${1:-all}

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
# Prefer dependency versions whose rust-version fits the pinned toolchain.
export CARGO_RESOLVER_INCOMPATIBLE_RUST_VERSIONS=fallback

apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "apt-get install ${missing[*]}"
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

rust_target() {
  rustup target list --installed | grep -q '^wasm32-unknown-unknown$' || {
    say "rustup target add wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  }
}

cargo_tool() { # name binary version [--locked]
  local crate=$1 bin=$2 version=$3; shift 3
  if command -v "$bin" >/dev/null && "$bin" --version 2>/dev/null | grep -q "$version"; then return 0; fi
  say "cargo install $crate $version (takes several minutes, once)"
  cargo install "$crate" --version "$version" "$@"
}

node_modules() { # dir
  local dir=$1
  if [ -f "$dir/node_modules/.setup-stamp" ] && [ "$dir/node_modules/.setup-stamp" -nt "$dir/package-lock.json" ]; then return 0; fi
  say "npm ci in $dir"
  # Playwright drives Debian's Chromium; it must never download a browser of its own.
  (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
  touch "$dir/node_modules/.setup-stamp"
}

require() {
  command -v "$1" >/dev/null || { echo "setup: $1 is missing: $2" >&2; exit 1; }
}

# Into the project's own tools folder, not ~/.cargo/bin: only scripts/split.mjs runs it.
WASM_SPLIT_ROOT=target/tools/wasm-split
wasm_split() {
  local stamp="$WASM_SPLIT_ROOT/.version"
  if [ -x "$WASM_SPLIT_ROOT/bin/wasm-split-cli" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$WASM_SPLIT_VERSION" ]; then return 0; fi
  say "cargo install wasm_split_cli_support $WASM_SPLIT_VERSION into $WASM_SPLIT_ROOT (once)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked --root "$WASM_SPLIT_ROOT"
  echo "$WASM_SPLIT_VERSION" > "$stamp"
}

build_tools() {
  require cargo "install Rust 1.95 with rustup first"
  require npm "install Node.js 20 and npm first (apt-get install nodejs npm)"
  rust_target
  cargo_tool wasm-bindgen-cli wasm-bindgen "$WASM_BINDGEN_VERSION"
  cargo_tool trunk trunk "$TRUNK_VERSION" --locked
  wasm_split
  node_modules scripts # binaryen's wasm-opt
}

# The PDF/UA checker, pinned with what it pulls in, in a virtual environment of the project's own.
PDFUA_VENV=target/tools/pdfua
pdfua() {
  local requirements=scripts/pdfua-requirements.txt
  if [ -x "$PDFUA_VENV/bin/pdfua" ] && [ "$PDFUA_VENV/.setup-stamp" -nt "$requirements" ]; then return 0; fi
  python3 -m venv --help >/dev/null 2>&1 || apt_install python3-venv
  say "pip install the PDF/UA checker into $PDFUA_VENV"
  rm -rf "$PDFUA_VENV"
  python3 -m venv "$PDFUA_VENV"
  "$PDFUA_VENV/bin/pip" install --quiet --disable-pip-version-check -r "$requirements"
  touch "$PDFUA_VENV/.setup-stamp"
}

test_tools() {
  apt_install chromium chromium-driver fonts-liberation2 fonts-dejavu-core fonts-dejavu-extra libreoffice-writer-nogui poppler-utils qpdf python3
  node_modules tests/e2e # Playwright, axe-core
  pdfua
}

bench_tools() {
  apt_install chromium
  cargo_tool twiggy twiggy "$TWIGGY_VERSION" --locked # what costs most in the wasm
  node_modules scripts/bench # Playwright's driver, and marked for the baseline page
}

case "$want" in
  build) build_tools ;;
  test) build_tools; test_tools ;;
  bench) build_tools; bench_tools ;;
  all) build_tools; test_tools; bench_tools ;;
  *) echo "usage: $0 [build|test|bench|all]" >&2; exit 2 ;;
esac
