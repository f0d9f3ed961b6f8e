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

# Ten pages (some 5,000 words) for the import benchmark of crates/core/benches/engine.rs.
python3 - "$work/ten-pages.html" <<'PY'
import sys
sentence = ("The forum collects <b>existing practice</b> from registries, software makers and governments, "
            "and compares what each <a href=\"https://example.org/cases\">case study</a> found about <i>Universal Acceptance</i>. ")
headings = ["Theme", "Objectives", "Expected outputs", "Outreach", "Timeframe", "Co-facilitators"]
parts = ["<h1>Best Practice Forum on Multilingual Content</h1>"]
for n, heading in enumerate(headings):
    parts.append(f"<h2>{heading}</h2>")
    for p in range(8):
        parts.append("<p>" + sentence * 4 + "</p>")
        if p % 2 == 0:
            parts.append("<ul>" + "".join(f"<li>{sentence}</li>" for _ in range(3)) + "</ul>")
parts.append("<table border=1><tr><th>Name</th><th>Affiliation</th><th>Stakeholder group</th></tr>"
             + "".join(f"<tr><td>Person {i}</td><td>Org {i}</td><td>Civil Society</td></tr>" for i in range(4)) + "</table>")
open(sys.argv[1], "w").write("<!DOCTYPE html><html><body>" + "\n".join(parts) + "</body></html>")
PY
lo --infilter="HTML (StarWriter)" --convert-to docx --outdir "$work" "$work/ten-pages.html"
mv "$work/ten-pages.docx" "$out/lo-ten-pages.docx"

cargo test -q -p igf-core --test import write_own_docx -- --ignored
lo --convert-to docx --outdir "$work" "$out/own.docx"
mv "$work/own.docx" "$out/own-resaved-lo.docx"
lo "macro:///Standard.Module1.Edit(\"$out/own.docx\",\"$out/own-edited-lo.docx\")"
ls -l "$out"
