#!/usr/bin/env python3
"""Writes crates/core/src/layout/metrics_data.rs: glyph advance widths of Liberation Serif 2 (the
metric-compatible Times New Roman that LibreOffice and Chromium use here) for the four faces, for
every character it has, and DejaVu Serif widths for the scripts Liberation Serif lacks that DejaVu
has (page-model.md, rule 1). The fonts are the ones the PDF embeds, vendored in static/fonts/.

Font metrics are facts: this reads each font's 'cmap' and 'hmtx' tables with the standard
library only. Usage: scripts/font-metrics.py > crates/core/src/layout/metrics_data.rs
"""
import struct
import sys

import os

FONTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "static", "fonts")
LIBERATION = os.path.join(FONTS, "LiberationSerif-{}.ttf")
DEJAVU = os.path.join(FONTS, "DejaVuSerif{}.ttf")
FACES = [("REGULAR", "Regular", ""), ("BOLD", "Bold", "-Bold"), ("ITALIC", "Italic", "-Italic"), ("BOLD_ITALIC", "BoldItalic", "-BoldItalic")]
# Everything Liberation Serif has (Latin, Greek, Cyrillic, Hebrew, punctuation, symbols) but its
# private-use glyphs.
PRIMARY = [(0x20, 0xDFFF), (0xF900, 0xFFFF)]
# Scripts the primary font lacks but DejaVu Serif has: Armenian, Georgian.
FALLBACK = [(0x530, 0x58F), (0x10A0, 0x10FF)]


def tables(data):
    count = struct.unpack(">H", data[4:6])[0]
    out = {}
    for i in range(count):
        tag, _, offset, length = struct.unpack(">4sIII", data[12 + 16 * i: 28 + 16 * i])
        out[tag.decode()] = data[offset: offset + length]
    return out


def cmap(table):
    """Code point -> glyph id, from the best Unicode subtable (format 12, else 4)."""
    count = struct.unpack(">H", table[2:4])[0]
    subtables = {}
    for i in range(count):
        platform, encoding, offset = struct.unpack(">HHI", table[4 + 8 * i: 12 + 8 * i])
        subtables[(platform, encoding)] = offset
    mapping = {}
    for key in [(3, 10), (0, 4), (3, 1), (0, 3)]:
        if key not in subtables:
            continue
        sub = table[subtables[key]:]
        fmt = struct.unpack(">H", sub[:2])[0]
        if fmt == 12:
            groups = struct.unpack(">I", sub[12:16])[0]
            for g in range(groups):
                start, end, glyph = struct.unpack(">III", sub[16 + 12 * g: 28 + 12 * g])
                for c in range(start, end + 1):
                    mapping[c] = glyph + c - start
            return mapping
        if fmt == 4:
            segs = struct.unpack(">H", sub[6:8])[0] // 2
            ends = struct.unpack(">%dH" % segs, sub[14: 14 + 2 * segs])
            starts = struct.unpack(">%dH" % segs, sub[16 + 2 * segs: 16 + 4 * segs])
            deltas = struct.unpack(">%dh" % segs, sub[16 + 4 * segs: 16 + 6 * segs])
            range_offsets_at = 16 + 6 * segs
            offsets = struct.unpack(">%dH" % segs, sub[range_offsets_at: range_offsets_at + 2 * segs])
            for s in range(segs):
                for c in range(starts[s], ends[s] + 1):
                    if c == 0xFFFF:
                        continue
                    if offsets[s] == 0:
                        glyph = (c + deltas[s]) & 0xFFFF
                    else:
                        at = range_offsets_at + 2 * s + offsets[s] + 2 * (c - starts[s])
                        glyph = struct.unpack(">H", sub[at: at + 2])[0]
                        if glyph:
                            glyph = (glyph + deltas[s]) & 0xFFFF
                    if glyph:
                        mapping[c] = glyph
            return mapping
    raise SystemExit("no Unicode cmap")


def advances(path):
    data = open(path, "rb").read()
    t = tables(data)
    units = struct.unpack(">H", t["head"][18:20])[0]
    metrics = struct.unpack(">H", t["hhea"][34:36])[0]
    hmtx = t["hmtx"]
    widths = [struct.unpack(">H", hmtx[4 * i: 4 * i + 2])[0] for i in range(metrics)]
    def advance(glyph):
        return widths[min(glyph, metrics - 1)]
    return units, {c: advance(g) for c, g in cmap(t["cmap"]).items()}


def runs(widths, ranges):
    """Contiguous runs of covered code points inside the wanted ranges."""
    out = []
    for lo, hi in ranges:
        run_start, run = None, []
        for c in range(lo, hi + 1):
            if c in widths:
                if run_start is None:
                    run_start = c
                run.append(widths[c])
            elif run_start is not None:
                out.append((run_start, run))
                run_start, run = None, []
        if run_start is not None:
            out.append((run_start, run))
    return out


def emit(name, units, widths, ranges, source):
    found = runs(widths, ranges)
    starts, flat = [], []
    for start, run in found:
        starts.append((start, len(flat)))
        flat.extend(run)
    end = found[-1][0] + len(found[-1][1])
    assert end < 0xFFFF and len(flat) < 0xFFFF
    starts.append((end, len(flat)))
    print(f"/// {source}")
    print(f"pub static {name}: Face = Face {{")
    print(f"    units_per_em: {units},")
    print("    runs: &[" + ", ".join(f"(0x{start:04X}, {at})" for start, at in starts) + "],")
    print(f"    widths: &{flat},")
    print("};")
    print()


print("// Generated by scripts/font-metrics.py; do not edit by hand.")
print("// Advance widths (hmtx) in font units. Sources: Liberation Serif 2.1.5 (Debian fonts-liberation2,")
print("// SIL Open Font License) and DejaVu Serif (Debian fonts-dejavu-core, Bitstream Vera licence).")
print()
print("use crate::layout::metrics::Face;")
print()
for name, liberation, dejavu in FACES:
    units, widths = advances(LIBERATION.format(liberation))
    emit(name, units, widths, PRIMARY, f"Liberation Serif {liberation}.")
    units, widths = advances(DEJAVU.format(dejavu))
    emit(f"{name}_FALLBACK", units, widths, FALLBACK, f"DejaVu Serif{dejavu}, for Armenian and Georgian.")
