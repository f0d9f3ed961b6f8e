//! Glyph widths, in units of 1/120 pt, rounded per glyph as LibreOffice does (page-model.md,
//! rule 1). Text the fonts do not cover (CJK, Arabic...) is measured at one em per character.

use crate::layout::metrics_data::{BOLD, BOLD_FALLBACK, BOLD_ITALIC, BOLD_ITALIC_FALLBACK, ITALIC, ITALIC_FALLBACK, REGULAR, REGULAR_FALLBACK};

/// One font face: advance widths in font units, as runs of consecutive code points.
pub struct Face {
    pub units_per_em: u16,
    pub runs: &'static [(u32, &'static [u16])],
}

impl Face {
    fn advance(&self, c: char) -> Option<u16> {
        let code = c as u32;
        let at = self.runs.partition_point(|(start, _)| *start <= code);
        let (start, widths) = self.runs.get(at.checked_sub(1)?)?;
        widths.get((code - start) as usize).copied()
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

/// The width of `c` at `size_pt` points, in 1/120 pt.
pub fn width(c: char, style: Style, size_pt: u32) -> u32 {
    if c == '\u{200B}' || ('\u{0300}'..='\u{036F}').contains(&c) && style.mono {
        return 0;
    }
    let em = size_pt * UNITS_PER_PT;
    if style.mono {
        return em * 6 / 10;
    }
    let (face, fallback) = match (style.bold, style.italic) {
        (false, false) => (&REGULAR, &REGULAR_FALLBACK),
        (true, false) => (&BOLD, &BOLD_FALLBACK),
        (false, true) => (&ITALIC, &ITALIC_FALLBACK),
        (true, true) => (&BOLD_ITALIC, &BOLD_ITALIC_FALLBACK),
    };
    let scaled = |face: &Face, advance: u16| {
        let units = u32::from(face.units_per_em);
        (u32::from(advance) * em + units / 2) / units
    };
    match face.advance(c) {
        Some(advance) => scaled(face, advance),
        None => fallback.advance(c).map_or(em, |advance| scaled(fallback, advance)),
    }
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
    }
}
