//! The one typography spec (design.md): A4, 72 pt margins, a Times-metric serif at 12 pt on exact
//! line heights, paragraph spacing, heading sizes, list indents. The DOCX styles set the same
//! numbers (core::export::docx).

/// How one kind of paragraph is set. Vertical sizes are in 1/100 pt.
#[derive(Debug, PartialEq, Eq)]
pub struct ParagraphStyle {
    pub size_pt: u32,
    pub line_centipt: u32,
    pub before_centipt: u32,
    pub after_centipt: u32,
    /// Left indent of the text, in points.
    pub indent_pt: u32,
    /// Kept on the same page as the first line of the next paragraph.
    pub keep_next: bool,
}

pub struct Spec {
    /// A4 in twips (1/20 pt), as the DOCX writes it.
    pub page_width_twips: u32,
    pub page_height_twips: u32,
    pub margin_twips: u32,
    /// From the top edge of the page to the top of the not-ready line in the margin (the DOCX
    /// header distance).
    pub notice_top_twips: u32,
    pub list_indent_pt: u32,
    pub title: ParagraphStyle,
    pub facts: ParagraphStyle,
    /// The not-ready line in the top margin: never laid out in the text area.
    pub notice: ParagraphStyle,
    pub heading: ParagraphStyle,
    pub subheading: ParagraphStyle,
    pub normal: ParagraphStyle,
    pub list: ParagraphStyle,
    pub list_continue: ParagraphStyle,
    pub quote: ParagraphStyle,
    pub code: ParagraphStyle,
    pub table_text: ParagraphStyle,
    pub table_after: ParagraphStyle,
    pub manifest: ParagraphStyle,
}

const fn style(size_pt: u32, line: u32, before: u32, after: u32, indent_pt: u32, keep_next: bool) -> ParagraphStyle {
    ParagraphStyle { size_pt, line_centipt: line * 100, before_centipt: before * 100, after_centipt: after * 100, indent_pt, keep_next }
}

pub const SPEC: Spec = Spec {
    page_width_twips: 11906,
    page_height_twips: 16838,
    margin_twips: 1440,
    notice_top_twips: 720,
    list_indent_pt: 18,
    title: style(16, 19, 0, 6, 0, true),
    facts: style(12, 14, 0, 0, 0, false),
    notice: style(9, 11, 0, 0, 0, false),
    heading: style(13, 16, 12, 6, 0, true),
    subheading: style(12, 14, 6, 6, 0, true),
    normal: style(12, 14, 0, 6, 0, false),
    list: style(12, 14, 0, 3, 18, false),
    list_continue: style(12, 14, 0, 3, 18, false),
    quote: style(12, 14, 0, 6, 18, false),
    code: style(10, 12, 0, 0, 0, false),
    table_text: style(12, 14, 0, 0, 0, false),
    table_after: style(12, 6, 0, 0, 0, false),
    manifest: style(9, 11, 12, 0, 0, false),
};

impl Spec {
    /// The width of the text area in 1/120 pt: 451.3 pt.
    pub const fn text_width_pt120(&self) -> u32 {
        (self.page_width_twips - 2 * self.margin_twips) * 6
    }

    /// The height of the text area in 1/100 pt: 697.9 pt.
    pub const fn text_height_centipt(&self) -> u32 {
        (self.page_height_twips - 2 * self.margin_twips) * 5
    }
}

#[cfg(test)]
mod tests {
    use super::SPEC;

    #[test]
    fn the_text_block_is_451_3_by_697_9_points() {
        assert_eq!(SPEC.text_width_pt120(), 54156);
        assert_eq!(SPEC.text_height_centipt(), 69790);
    }

    /// The not-ready line ends above the text area, so a DOCX header holding it is never taller
    /// than the top margin and never pushes the text down.
    #[test]
    fn the_not_ready_line_fits_in_the_top_margin() {
        let line_twips = SPEC.notice.line_centipt / 5;
        assert_eq!(SPEC.notice.before_centipt + SPEC.notice.after_centipt, 0);
        assert!(SPEC.notice_top_twips + line_twips < SPEC.margin_twips, "{} + {line_twips}", SPEC.notice_top_twips);
    }
}
