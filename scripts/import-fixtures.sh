#!/usr/bin/env bash
# Regenerates the files LibreOffice makes for crates/core/tests/import.rs and the import
# end-to-end spec: foreign documents converted from the sources in
# crates/core/tests/fixtures/import/sources, and our own DOCX saved again unchanged and edited
# (by the Basic macro Edit.xba) in LibreOffice. The produced files are committed, so `cargo test`
# and `make test` need no LibreOffice; run this after changing a source or the DOCX writer.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$PWD/crates/core/tests/fixtures/import"
src="$out/sources"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
lo() { soffice "-env:UserInstallation=file://$work/profile" --headless "$@" >/dev/null 2>&1; }

lo --terminate_after_init
cp "$src/Edit.xba" "$work/profile/user/basic/Standard/Module1.xba"
for format in docx odt; do
  lo --infilter="HTML (StarWriter)" --convert-to "$format" --outdir "$work" "$src/wg-proposal.html"
  lo --convert-to "$format" --outdir "$work" "$src/bpf-features.fodt"
  mv "$work/wg-proposal.$format" "$out/lo-wg-proposal.$format"
  mv "$work/bpf-features.$format" "$out/lo-bpf-features.$format"
done

cargo test -q -p igf-core --test import write_own_docx -- --ignored
lo --convert-to docx --outdir "$work" "$out/own.docx"
mv "$work/own.docx" "$out/own-resaved-lo.docx"
lo "macro:///Standard.Module1.Edit(\"$out/own.docx\",\"$out/own-edited-lo.docx\")"
ls -l "$out"
