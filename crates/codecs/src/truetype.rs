//! TrueType fonts (OpenType with `glyf` outlines): what a PDF needs to know of one, and a subset
//! that holds only the glyphs a document draws.
//!
//! The subset is for embedding as a CID font: its glyphs are renumbered in the order given (glyph
//! 0 stays `.notdef`), the glyphs that composite glyphs are built from follow, a character the
//! font lacks can be drawn as an empty box (Liberation's `.notdef` draws nothing), and it keeps only
//! the tables that draw (`glyf`, `loca`, `head`, `hhea`, `hmtx`, `maxp`, and a `post` without
//! names). Hinting is dropped (tables and glyph instructions): PDF viewers scale outlines
//! themselves, and it is often a third of a font's bytes. Nothing here trusts the file: every
//! offset is checked, and a damaged font is an error, never a panic.

use thiserror::Error;

#[derive(Clone, Debug, Error, PartialEq, Eq)]
#[error("The font file is damaged or not a TrueType font ({0}); load it again.")]
pub struct FontError(pub &'static str);

/// Flags of a composite glyph's component.
const WORDS: u16 = 0x0001;
const SCALE: u16 = 0x0008;
const MORE: u16 = 0x0020;
const XY_SCALE: u16 = 0x0040;
const TWO_BY_TWO: u16 = 0x0080;
const INSTRUCTIONS: u16 = 0x0100;

fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes([*data.get(at)?, *data.get(at + 1)?]))
}

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(data.get(at..at + 4)?.try_into().ok()?))
}

fn i16_at(data: &[u8], at: usize) -> Option<i16> {
    u16_at(data, at).map(|v| v as i16)
}

/// A parsed font, borrowing the file's bytes.
pub struct Font<'a> {
    head: &'a [u8],
    hhea: &'a [u8],
    maxp: &'a [u8],
    hmtx: &'a [u8],
    loca: &'a [u8],
    glyf: &'a [u8],
    post: Option<&'a [u8]>,
    os2: Option<&'a [u8]>,
    /// The format 4 subtable of the Unicode `cmap`; a subset has none.
    cmap: Option<&'a [u8]>,
    glyphs: u16,
    h_metrics: u16,
    long_loca: bool,
}

/// What a PDF font descriptor says of a font, in font units (`units_per_em` to the em).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Metrics {
    pub units_per_em: u16,
    pub bbox: [i16; 4],
    pub ascent: i16,
    pub descent: i16,
    pub cap_height: i16,
    /// Degrees, counter-clockwise from vertical (negative for italics that lean right).
    pub italic_angle: i16,
}

impl<'a> Font<'a> {
    pub fn parse(data: &'a [u8]) -> Result<Font<'a>, FontError> {
        let damaged = FontError;
        match u32_at(data, 0) {
            Some(0x0001_0000 | 0x7472_7565) => {}
            _ => return Err(damaged("no TrueType outlines")),
        }
        let count = usize::from(u16_at(data, 4).ok_or(damaged("no table directory"))?);
        let table = |tag: &[u8; 4]| -> Option<&'a [u8]> {
            (0..count).find_map(|i| {
                let entry = 12 + 16 * i;
                if data.get(entry..entry + 4)? != tag {
                    return None;
                }
                let offset = u32_at(data, entry + 8)? as usize;
                let length = u32_at(data, entry + 12)? as usize;
                data.get(offset..offset.checked_add(length)?)
            })
        };
        let need = |tag: &[u8; 4], name: &'static str| table(tag).ok_or(damaged(name));
        let head = need(b"head", "no head table")?;
        let hhea = need(b"hhea", "no hhea table")?;
        let maxp = need(b"maxp", "no maxp table")?;
        let font = Font {
            head,
            hhea,
            maxp,
            hmtx: need(b"hmtx", "no hmtx table")?,
            loca: need(b"loca", "no loca table")?,
            glyf: need(b"glyf", "no glyf table")?,
            post: table(b"post"),
            os2: table(b"OS/2"),
            cmap: table(b"cmap").and_then(unicode_subtable),
            glyphs: u16_at(maxp, 4).ok_or(damaged("short maxp table"))?,
            h_metrics: u16_at(hhea, 34).filter(|&n| n > 0).ok_or(damaged("no horizontal metrics"))?,
            long_loca: i16_at(head, 50).ok_or(damaged("short head table"))? == 1,
        };
        if font.hmtx.len() < 4 * usize::from(font.h_metrics) || font.loca.len() < (usize::from(font.glyphs) + 1) * if font.long_loca { 4 } else { 2 } {
            return Err(damaged("short hmtx or loca table"));
        }
        Ok(font)
    }

    pub fn metrics(&self) -> Metrics {
        let head = |at| i16_at(self.head, at).unwrap_or(0);
        let ascent = i16_at(self.hhea, 4).unwrap_or(0);
        Metrics {
            units_per_em: u16_at(self.head, 18).filter(|&u| u > 0).unwrap_or(1000),
            bbox: [head(36), head(38), head(40), head(42)],
            ascent,
            descent: i16_at(self.hhea, 6).unwrap_or(0),
            cap_height: self.os2.filter(|os2| u16_at(os2, 0).is_some_and(|v| v >= 2)).and_then(|os2| i16_at(os2, 88)).unwrap_or(ascent),
            italic_angle: self.post.and_then(|post| i16_at(post, 4)).unwrap_or(0),
        }
    }

    /// The glyph of a character, from the font's Unicode map; `None` for a character it lacks.
    pub fn glyph(&self, c: char) -> Option<u16> {
        let code = u16::try_from(u32::from(c)).ok()?;
        let cmap = self.cmap?;
        let segments = usize::from(u16_at(cmap, 6)? / 2);
        let ends = 14;
        let starts = ends + 2 * segments + 2;
        let deltas = starts + 2 * segments;
        let offsets = deltas + 2 * segments;
        // The first segment that ends at or after the code (segments are sorted by their end).
        let (mut low, mut high) = (0, segments);
        while low < high {
            let mid = (low + high) / 2;
            if u16_at(cmap, ends + 2 * mid)? < code { low = mid + 1 } else { high = mid }
        }
        let segment = low;
        if segment == segments || u16_at(cmap, starts + 2 * segment)? > code {
            return None;
        }
        let start = u16_at(cmap, starts + 2 * segment)?;
        let delta = u16_at(cmap, deltas + 2 * segment)?;
        let range_offset = usize::from(u16_at(cmap, offsets + 2 * segment)?);
        let glyph = if range_offset == 0 {
            code.wrapping_add(delta)
        } else {
            let at = offsets + 2 * segment + range_offset + 2 * usize::from(code - start);
            match u16_at(cmap, at)? {
                0 => 0,
                glyph => glyph.wrapping_add(delta),
            }
        };
        (glyph != 0 && glyph < self.glyphs).then_some(glyph)
    }

    /// A glyph's outline data (empty for a glyph that draws nothing, such as a space).
    fn outline(&self, glyph: u16) -> Result<&'a [u8], FontError> {
        let at = |index: usize| if self.long_loca { u32_at(self.loca, 4 * index) } else { u16_at(self.loca, 2 * index).map(|o| 2 * u32::from(o)) };
        let index = usize::from(glyph);
        let (start, end) = (at(index), at(index + 1));
        start
            .zip(end)
            .and_then(|(s, e)| self.glyf.get(s as usize..e as usize))
            .ok_or(FontError("a glyph lies outside the glyf table"))
    }

    /// A glyph's advance width, in font units.
    pub fn advance(&self, glyph: u16) -> u16 {
        self.advance_and_bearing(glyph).0
    }

    fn advance_and_bearing(&self, glyph: u16) -> (u16, i16) {
        let last = self.h_metrics - 1;
        let advance = u16_at(self.hmtx, 4 * usize::from(glyph.min(last))).unwrap_or(0);
        let bearing = if glyph <= last {
            i16_at(self.hmtx, 4 * usize::from(glyph) + 2)
        } else {
            i16_at(self.hmtx, 4 * usize::from(self.h_metrics) + 2 * usize::from(glyph - self.h_metrics))
        };
        (advance, bearing.unwrap_or(0))
    }
}

/// The format 4 subtable of the Windows Unicode (3, 1) or Unicode BMP (0, 3) map.
fn unicode_subtable(cmap: &[u8]) -> Option<&[u8]> {
    let count = usize::from(u16_at(cmap, 2)?);
    (0..count).find_map(|i| {
        let (platform, encoding) = (u16_at(cmap, 4 + 8 * i)?, u16_at(cmap, 6 + 8 * i)?);
        let sub = cmap.get(u32_at(cmap, 8 + 8 * i)? as usize..)?;
        let wanted = matches!((platform, encoding), (3, 1) | (0, 3)) && u16_at(sub, 0)? == 4;
        wanted.then(|| sub.get(..usize::from(u16_at(sub, 2)?))).flatten()
    })
}

/// What one glyph of a subset draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outline {
    /// A glyph of the font.
    Glyph(u16),
    /// An empty box, for a character no font has.
    EmptyBox,
    /// Nothing, for a character that is never seen (a joiner, a direction mark).
    Blank,
}

/// One glyph of a subset, with the advance the document gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SubsetGlyph {
    pub outline: Outline,
    pub advance: u16,
}

impl Outline {
    fn glyph(self) -> Option<u16> {
        match self {
            Outline::Glyph(glyph) => Some(glyph),
            Outline::EmptyBox | Outline::Blank => None,
        }
    }
}

/// A font of `.notdef` then `glyphs`, in order (so glyph `n + 1` draws `glyphs[n]`), then the
/// glyphs their composites need.
pub fn subset(font: &Font, glyphs: &[SubsetGlyph]) -> Result<Vec<u8>, FontError> {
    let notdef_advance = font.advance_and_bearing(0).0;
    let mut order: Vec<SubsetGlyph> = vec![SubsetGlyph { outline: Outline::Glyph(0), advance: notdef_advance }];
    order.extend_from_slice(glyphs);
    // Where each glyph of the font went in the subset, for the composites that use it.
    let mut placed = vec![u16::MAX; usize::from(font.glyphs)];
    for (new, entry) in order.iter().enumerate() {
        if let Some(slot) = entry.outline.glyph().and_then(|g| placed.get_mut(usize::from(g))).filter(|slot| **slot == u16::MAX) {
            *slot = new as u16;
        }
    }
    let mut glyf = Vec::new();
    let mut loca = Vec::new();
    let mut hmtx = Vec::new();
    let mut index = 0;
    while index < order.len() {
        if order.len() > usize::from(u16::MAX) {
            return Err(FontError("too many glyphs for one font"));
        }
        let entry = order[index];
        let (bearing, outline) = match entry.outline {
            Outline::Glyph(glyph) => (font.advance_and_bearing(glyph).1, font.outline(glyph)?),
            Outline::EmptyBox | Outline::Blank => (0, &[][..]),
        };
        loca.extend_from_slice(&(glyf.len() as u32).to_be_bytes());
        match entry.outline {
            Outline::EmptyBox => empty_box(entry.advance, font.metrics().units_per_em, &mut glyf),
            Outline::Blank => {}
            Outline::Glyph(_) if outline.is_empty() => {}
            Outline::Glyph(_) if i16_at(outline, 0).ok_or(FontError("a glyph has no header"))? >= 0 => simple(outline, &mut glyf)?,
            Outline::Glyph(_) => composite(outline, &mut glyf, &mut |component| {
                let slot = placed.get_mut(usize::from(component)).ok_or(FontError("a component glyph does not exist"))?;
                if *slot == u16::MAX {
                    *slot = order.len() as u16;
                    order.push(SubsetGlyph { outline: Outline::Glyph(component), advance: font.advance_and_bearing(component).0 });
                }
                Ok(*slot)
            })?,
        }
        while glyf.len() % 4 != 0 {
            glyf.push(0);
        }
        hmtx.extend_from_slice(&entry.advance.to_be_bytes());
        hmtx.extend_from_slice(&bearing.to_be_bytes());
        index += 1;
    }
    loca.extend_from_slice(&(glyf.len() as u32).to_be_bytes());
    let count = (order.len() as u16).to_be_bytes();
    let mut head = font.head.get(..54).ok_or(FontError("short head table"))?.to_vec();
    head[8..12].fill(0); // checkSumAdjustment, set below
    head[50..52].copy_from_slice(&1u16.to_be_bytes()); // long loca offsets
    let mut hhea = font.hhea.get(..36).ok_or(FontError("short hhea table"))?.to_vec();
    hhea[34..36].copy_from_slice(&count);
    let mut maxp = font.maxp.to_vec();
    maxp[4..6].copy_from_slice(&count);
    if maxp.len() >= 28 {
        maxp[26..28].fill(0); // maxSizeOfInstructions
    }
    let mut post = vec![0, 3, 0, 0];
    post.extend_from_slice(font.post.and_then(|p| p.get(4..16)).unwrap_or(&[0; 12]));
    post.resize(32, 0);
    Ok(assemble(&mut [(*b"glyf", glyf), (*b"head", head), (*b"hhea", hhea), (*b"hmtx", hmtx), (*b"loca", loca), (*b"maxp", maxp), (*b"post", post)]))
}

/// A simple glyph without its instructions.
fn simple(outline: &[u8], out: &mut Vec<u8>) -> Result<(), FontError> {
    let contours = usize::from(u16_at(outline, 0).unwrap_or(0));
    let length_at = 10 + 2 * contours;
    let instructions = usize::from(u16_at(outline, length_at).ok_or(FontError("a glyph is cut short"))?);
    let rest = outline.get(length_at + 2 + instructions..).ok_or(FontError("a glyph is cut short"))?;
    out.extend_from_slice(&outline[..length_at]);
    out.extend_from_slice(&[0, 0]);
    out.extend_from_slice(rest);
    Ok(())
}

/// A composite glyph with its components renumbered by `place`, without its instructions.
fn composite(outline: &[u8], out: &mut Vec<u8>, place: &mut dyn FnMut(u16) -> Result<u16, FontError>) -> Result<(), FontError> {
    let short = FontError("a composite glyph is cut short");
    out.extend_from_slice(outline.get(..10).ok_or(FontError("a glyph has no header"))?);
    let mut at = 10;
    loop {
        let flags = u16_at(outline, at).ok_or(short.clone())?;
        let component = u16_at(outline, at + 2).ok_or(short.clone())?;
        let arguments = if flags & WORDS != 0 { 4 } else { 2 };
        let transform = match flags {
            f if f & SCALE != 0 => 2,
            f if f & XY_SCALE != 0 => 4,
            f if f & TWO_BY_TWO != 0 => 8,
            _ => 0,
        };
        let end = at + 4 + arguments + transform;
        let tail = outline.get(at + 4..end).ok_or(short.clone())?;
        out.extend_from_slice(&(flags & !INSTRUCTIONS).to_be_bytes());
        out.extend_from_slice(&place(component)?.to_be_bytes());
        out.extend_from_slice(tail);
        at = end;
        if flags & MORE == 0 {
            return Ok(());
        }
    }
}

/// A hollow rectangle across most of `advance`, as tall as a capital: what a document shows
/// for a character it has no glyph for. Nothing when the advance is too narrow for one.
fn empty_box(advance: u16, units_per_em: u16, out: &mut Vec<u8>) {
    let (advance, em) = (advance as i16, units_per_em.min(16384) as i16);
    let stroke = em / 20;
    let (left, right, top) = (advance / 10, advance - advance / 10, em * 7 / 10);
    if right - left < 3 * stroke {
        return;
    }
    let (l, r, b, t) = (left + stroke, right - stroke, stroke, top - stroke);
    // The outer contour clockwise, the inner one counter-clockwise, so the inside stays empty.
    let points = [(left, 0), (left, top), (right, top), (right, 0), (l, b), (r, b), (r, t), (l, t)];
    for value in [2, left, 0, right, top, 3, 7, 0] {
        out.extend_from_slice(&value.to_be_bytes());
    }
    out.extend_from_slice(&[1; 8]); // on-curve points, with 16-bit coordinate deltas
    let mut previous = (0, 0);
    for axis in [0, 1] {
        for point in points {
            let (value, last) = if axis == 0 { (point.0, previous.0) } else { (point.1, previous.1) };
            out.extend_from_slice(&(value - last).to_be_bytes());
            if axis == 0 { previous.0 = point.0 } else { previous.1 = point.1 }
        }
    }
}

/// A font file of the given tables (sorted by tag), with its checksums.
fn assemble(tables: &mut [([u8; 4], Vec<u8>)]) -> Vec<u8> {
    let count = tables.len() as u16;
    let power = 1u16 << (15 - count.leading_zeros());
    let mut out = Vec::new();
    for value in [0x0001, 0x0000, count, power * 16, power.trailing_zeros() as u16, count * 16 - power * 16] {
        out.extend_from_slice(&value.to_be_bytes());
    }
    let mut offset = 12 + 16 * tables.len();
    for (tag, data) in tables.iter_mut() {
        let length = data.len();
        data.resize(length.div_ceil(4) * 4, 0);
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(data).to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(length as u32).to_be_bytes());
        offset += data.len();
    }
    let mut head_at = 0;
    for (tag, data) in tables.iter() {
        if tag == b"head" {
            head_at = out.len();
        }
        out.extend_from_slice(data);
    }
    let adjustment = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
    out[head_at + 8..head_at + 12].copy_from_slice(&adjustment.to_be_bytes());
    out
}

fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, chunk| {
        let mut word = [0; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn liberation() -> Vec<u8> {
        std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../../static/fonts/LiberationSerif-Regular.ttf")).unwrap()
    }

    #[test]
    fn reads_the_character_map_and_metrics() {
        let data = liberation();
        let font = Font::parse(&data).unwrap();
        let metrics = font.metrics();
        assert_eq!(metrics.units_per_em, 2048);
        assert!(metrics.ascent > 0 && metrics.descent < 0 && metrics.cap_height > 0);
        for c in ['A', 'ł', 'Ж', 'Ω', 'ễ', 'א', '€'] {
            assert!(font.glyph(c).is_some(), "{c}");
        }
        for c in ['日', 'ا', '\u{E000}', '😀', '\u{FFFF}'] {
            assert_eq!(font.glyph(c), None, "{c}");
        }
        let a = font.glyph('A').unwrap();
        assert_eq!(font.advance_and_bearing(a).0, 1479);
    }

    #[test]
    fn a_subset_holds_the_glyphs_asked_for_and_the_components_of_composites() {
        let data = liberation();
        let font = Font::parse(&data).unwrap();
        // "ǻ" (a with ring and acute) is a composite in Liberation Serif.
        let composite = font.glyph('ǻ').unwrap();
        assert!(i16_at(font.outline(composite).unwrap(), 0).unwrap() < 0, "a composite glyph");
        let glyph = |c| Outline::Glyph(font.glyph(c).unwrap());
        let asked = [
            SubsetGlyph { outline: glyph('A'), advance: 1479 },
            SubsetGlyph { outline: Outline::Glyph(composite), advance: 909 },
            SubsetGlyph { outline: Outline::EmptyBox, advance: 2048 },
            SubsetGlyph { outline: glyph(' '), advance: 512 },
            SubsetGlyph { outline: Outline::Blank, advance: 0 },
        ];
        let bytes = subset(&font, &asked).unwrap();
        assert!(bytes.len() < 4000, "{} bytes", bytes.len());
        assert_eq!(checksum(&bytes), 0xB1B0_AFBA, "the whole font sums to the magic number");
        let small = Font::parse(&bytes).unwrap();
        assert!(small.glyphs > 5, "the composite's components follow: {}", small.glyphs);
        assert_eq!(small.advance_and_bearing(1).0, 1479);
        assert_eq!(small.advance_and_bearing(3).0, 2048);
        let empty_box = small.outline(3).unwrap();
        assert_eq!((i16_at(empty_box, 0), i16_at(empty_box, 6)), (Some(2), Some(2048 - 204)), "two contours, across the advance");
        assert!(small.outline(4).unwrap().is_empty(), "a space draws nothing");
        assert!(small.outline(5).unwrap().is_empty(), "a blank draws nothing");
        let mut components = Vec::new();
        super::composite(small.outline(2).unwrap(), &mut Vec::new(), &mut |c| {
            components.push(c);
            Ok(c)
        })
        .unwrap();
        assert!(components.iter().all(|&c| c >= 6 && c < small.glyphs), "{components:?}");
        for glyph in 0..small.glyphs {
            let outline = small.outline(glyph).unwrap();
            if i16_at(outline, 0).is_some_and(|n| n >= 0) {
                let contours = usize::from(u16_at(outline, 0).unwrap());
                assert_eq!(u16_at(outline, 10 + 2 * contours), Some(0), "glyph {glyph} keeps no instructions");
            }
        }
    }

    /// Where a table starts in a font file.
    fn table_offset(data: &[u8], tag: &[u8; 4]) -> usize {
        let count = usize::from(u16_at(data, 4).unwrap());
        (0..count).map(|i| 12 + 16 * i).find(|&e| &data[e..e + 4] == tag).map(|e| u32_at(data, e + 8).unwrap() as usize).unwrap()
    }

    #[test]
    fn damaged_fonts_are_errors_never_panics() {
        let data = liberation();
        for cut in [0, 11, 100, 400, data.len() / 2, data.len() - 1] {
            if let Ok(font) = Font::parse(&data[..cut]) {
                let _ = subset(&font, &[SubsetGlyph { outline: font.glyph('A').map_or(Outline::EmptyBox, Outline::Glyph), advance: 1 }]);
            }
        }
        assert_eq!(Font::parse(b"OTTO and then some bytes").err(), Some(FontError("no TrueType outlines")));
        // The glyph of "A" points past the end of the glyf table.
        let mut broken = data.clone();
        let a = usize::from(Font::parse(&data).unwrap().glyph('A').unwrap());
        let loca = table_offset(&data, b"loca");
        assert!(Font::parse(&data).unwrap().long_loca);
        broken[loca + 4 * (a + 1)..loca + 4 * (a + 1) + 4].copy_from_slice(&[0, 0xFF, 0xFF, 0xFF]);
        let font = Font::parse(&broken).unwrap();
        assert_eq!(subset(&font, &[SubsetGlyph { outline: Outline::Glyph(a as u16), advance: 1 }]).err(), Some(FontError("a glyph lies outside the glyf table")));
        // A composite whose component is out of range.
        let composite = usize::from(font.glyph('ǻ').unwrap());
        let glyf = table_offset(&data, b"glyf");
        let start = u32_at(&data, loca + 4 * composite).unwrap() as usize;
        let mut bad_component = data.clone();
        bad_component[glyf + start + 12..glyf + start + 14].copy_from_slice(&[0xFF, 0xF0]);
        let font = Font::parse(&bad_component).unwrap();
        assert_eq!(subset(&font, &[SubsetGlyph { outline: Outline::Glyph(composite as u16), advance: 1 }]).err(), Some(FontError("a component glyph does not exist")));
    }
}
