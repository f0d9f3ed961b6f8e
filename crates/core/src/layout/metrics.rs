//! Glyph widths, in units of 1/120 pt, rounded per glyph as LibreOffice does (page-model.md,
//! rule 1). Text the fonts do not cover (CJK, Arabic...) is measured at one em per character.

use crate::layout::metrics_data::{BOLD, BOLD_FALLBACK, BOLD_ITALIC, BOLD_ITALIC_FALLBACK, ITALIC, ITALIC_FALLBACK, REGULAR, REGULAR_FALLBACK};
use crate::text::invisible;

/// One font face: advance widths in font units, of runs of consecutive code points.
pub struct Face {
    pub units_per_em: u16,
    /// Each run's first code point and where its widths start in `widths`; the last entry
    /// marks the end of the last run.
    pub runs: &'static [(u16, u16)],
    pub widths: &'static [u16],
}

impl Face {
    fn advance(&self, c: char) -> Option<u16> {
        let code = u16::try_from(u32::from(c)).ok()?;
        let at = self.runs.partition_point(|(start, _)| *start <= code).checked_sub(1)?;
        let (start, first) = *self.runs.get(at)?;
        let (_, next) = *self.runs.get(at + 1)?;
        let index = usize::from(first) + usize::from(code - start);
        self.widths.get(index).copied().filter(|_| index < usize::from(next))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Style {
    pub bold: bool,
    pub italic: bool,
    /// Monospaced (inline code and code blocks): every glyph is 0.6 em.
    pub mono: bool,
}

/// Units of width per point.
pub const UNITS_PER_PT: u32 = 120;

/// Which font of a serif style measures a character: the PDF draws it with that very font.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measured {
    /// Liberation Serif.
    Primary,
    /// DejaVu Serif, for the scripts Liberation Serif lacks.
    Fallback,
    /// Neither font has it: it is measured at one em.
    Neither,
}

fn faces(style: Style) -> (&'static Face, &'static Face) {
    match (style.bold, style.italic) {
        (false, false) => (&REGULAR, &REGULAR_FALLBACK),
        (true, false) => (&BOLD, &BOLD_FALLBACK),
        (false, true) => (&ITALIC, &ITALIC_FALLBACK),
        (true, true) => (&BOLD_ITALIC, &BOLD_ITALIC_FALLBACK),
    }
}

/// The font of the serif `style` that has `c`, and its advance there in units of the em.
fn lookup(c: char, style: Style) -> (Measured, Option<(u16, u16)>) {
    let (face, fallback) = faces(style);
    match (face.advance(c), fallback.advance(c)) {
        (Some(advance), _) => (Measured::Primary, Some((advance, face.units_per_em))),
        (None, Some(advance)) => (Measured::Fallback, Some((advance, fallback.units_per_em))),
        (None, None) => (Measured::Neither, None),
    }
}

/// Which serif font measures `c` in the serif `style` (monospaced text is Liberation Mono's).
pub fn measured_with(c: char, style: Style) -> Measured {
    lookup(c, style).0
}

/// The width of `c` at `size_pt` points, in 1/120 pt.
pub fn width(c: char, style: Style, size_pt: u32) -> u32 {
    if invisible(c) || ('\u{0300}'..='\u{036F}').contains(&c) && style.mono {
        return 0;
    }
    let em = size_pt * UNITS_PER_PT;
    if style.mono {
        return em * 6 / 10;
    }
    lookup(c, style).1.map_or(em, |(advance, units)| {
        let units = u32::from(units);
        (u32::from(advance) * em + units / 2) / units
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_metrics_at_12_pt() {
        let regular = Style::default();
        assert_eq!(width(' ', regular, 12), 360, "a space is a quarter em: 3 pt");
        assert_eq!(width('a', regular, 12), 639, "5.33 pt, rounded to 1/120 pt");
        assert_eq!(width('M', regular, 12), 1280);
        assert_eq!(width('M', Style { bold: true, ..regular }, 12), 1359);
        assert_eq!(width('é', regular, 12), width('e', regular, 12));
        assert_eq!(width('ж', regular, 12), 995, "hmtx 1415 of 2048");
        assert!(width('ა', regular, 12) > 0, "Georgian comes from DejaVu Serif");
        assert_eq!(width('日', regular, 12), 1440, "one em where no font covers the script");
        assert_eq!(width('x', Style { mono: true, ..regular }, 10), 720);
        for c in ['\u{200B}', '\u{200D}', '\u{FE0F}', '\u{FEFF}', '\u{202E}'] {
            assert_eq!(width(c, regular, 12), 0, "{c:?} is never seen");
        }
    }

    #[test]
    fn says_which_font_measures_a_character() {
        let table = [('a', Measured::Primary), ('ἀ', Measured::Primary), ('א', Measured::Primary), ('ა', Measured::Fallback), ('Ա', Measured::Fallback), ('日', Measured::Neither), ('ب', Measured::Neither)];
        for (c, expected) in table {
            assert_eq!(measured_with(c, Style::default()), expected, "{c}");
        }
    }
}
