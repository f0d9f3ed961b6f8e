//! The page engine: a [`Document`] laid out into lines and pages with the rules measured in
//! page-model.md, on the typography of [`spec`]. The live page count and (later) the PDF come
//! from this one layout, so they always agree.

pub mod metrics;
mod metrics_data;
pub mod spec;


use metrics::{Style, UNITS_PER_PT, width};
use spec::{ParagraphStyle, SPEC};

use super::export::{Document, NOT_READY_TITLE};
use super::markdown::{Block, Inline};

/// A paragraph ready to lay out: its style, and its text as styled characters. A table row is
/// a paragraph of several cells, side by side in equal columns; any other paragraph has one.
#[derive(Clone, Debug)]
pub struct Paragraph {
    pub style: &'static ParagraphStyle,
    /// Extra left indent in points (list nesting).
    pub indent_pt: u32,
    pub cells: Vec<Vec<(char, Style)>>,
    /// A list item's bullet or number, set in the indent before the first line.
    pub marker: Option<String>,
    /// Which section of the document the paragraph belongs to, for the per-section bars.
    pub section: Option<usize>,
}

/// Space between a table cell's border and its text, in 1/120 pt (4 pt, as the DOCX sets).
const CELL_MARGIN: u32 = 4 * UNITS_PER_PT;

impl Paragraph {
    /// Where a cell's text starts, in 1/120 pt from the left margin.
    pub fn cell_left(&self, cell: usize) -> u32 {
        if self.cells.len() > 1 {
            self.column_width() * cell as u32 + CELL_MARGIN
        } else {
            (self.style.indent_pt + self.indent_pt) * UNITS_PER_PT
        }
    }

    /// How wide a cell's text may run, in 1/120 pt.
    pub fn cell_width(&self) -> u32 {
        if self.cells.len() > 1 {
            self.column_width().saturating_sub(2 * CELL_MARGIN)
        } else {
            SPEC.text_width_pt120().saturating_sub(self.cell_left(0))
        }
    }

    fn column_width(&self) -> u32 {
        SPEC.text_width_pt120() / self.cells.len().max(1) as u32
    }

    /// The first character of each line, for each cell.
    pub fn breaks(&self) -> Vec<Vec<usize>> {
        self.cells.iter().map(|cell| break_lines(cell, self.style.size_pt, self.cell_width())).collect()
    }
}

/// One line on a page: which paragraph, which of its lines, and how far down it starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlacedLine {
    pub paragraph: usize,
    pub line: usize,
    /// From the top of the text area, in 1/100 pt.
    pub top_centipt: u32,
}

/// A document set into lines and pages: what the PDF draws and the page count measures.
pub struct Typeset {
    pub paragraphs: Vec<Paragraph>,
    /// For each paragraph, for each cell, the first character of each line.
    pub breaks: Vec<Vec<Vec<usize>>>,
    pub pages: Vec<Vec<PlacedLine>>,
    /// How far down the last page the text reaches, in 1/100 pt.
    pub last_bottom_centipt: u32,
    sections: usize,
}

/// The result of laying out a document.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// Lines on each page.
    pub lines_per_page: Vec<usize>,
    /// How far down the last page the text reaches, from 0 to 1.
    pub last_page_fill: f64,
    /// Lines of each template section (in order), for the budget bars.
    pub section_lines: Vec<usize>,
}

impl Layout {
    pub fn pages(&self) -> usize {
        self.lines_per_page.len()
    }

    /// Whole pages before the last, plus how full the last one is: 2.4 means two pages and 40%.
    pub fn fractional_pages(&self) -> f64 {
        (self.pages().saturating_sub(1)) as f64 + self.last_page_fill
    }
}

impl Typeset {
    pub fn summary(&self) -> Layout {
        let mut section_lines = vec![0; self.sections];
        for line in self.pages.iter().flatten() {
            if let Some(section) = self.paragraphs[line.paragraph].section {
                section_lines[section] += 1;
            }
        }
        Layout {
            lines_per_page: self.pages.iter().map(Vec::len).collect(),
            last_page_fill: f64::from(self.last_bottom_centipt) / f64::from(SPEC.text_height_centipt()),
            section_lines,
        }
    }
}

pub fn layout(doc: &Document) -> Layout {
    typeset(doc).summary()
}

pub fn typeset(doc: &Document) -> Typeset {
    typeset_paragraphs(paragraphs(doc), doc.sections.len())
}

fn typeset_paragraphs(paragraphs: Vec<Paragraph>, sections: usize) -> Typeset {
    let breaks: Vec<Vec<Vec<usize>>> = paragraphs.iter().map(Paragraph::breaks).collect();
    let page_height = SPEC.text_height_centipt();
    let mut pages: Vec<Vec<PlacedLine>> = vec![Vec::new()];
    let mut y = 0u32; // in 1/100 pt from the top of the text area
    let mut previous_after = 0u32;
    let mut first_on_page = true;
    let mut index = 0;
    while index < paragraphs.len() {
        let paragraph = &paragraphs[index];
        let style = paragraph.style;
        let line_count = breaks[index].iter().map(Vec::len).max().unwrap_or(1);
        let line_height = style.line_centipt;
        let gap = if first_on_page && pages.len() > 1 { 0 } else { previous_after.max(style.before_centipt) };
        // Keep-with-next: the heading, its spacing and the next paragraph's first line must fit.
        if style.keep_next && !first_on_page {
            let next_first = paragraphs
                .get(index + 1)
                .map_or(0, |next| style.after_centipt.max(next.style.before_centipt) + next.style.line_centipt);
            let needed = gap + line_height * line_count as u32 + next_first;
            if y + needed > page_height {
                pages.push(Vec::new());
                y = 0;
                first_on_page = true;
                continue;
            }
        }
        y += gap;
        for line in 0..line_count {
            if y + line_height > page_height && !first_on_page {
                pages.push(Vec::new());
                y = 0;
            }
            if let Some(page) = pages.last_mut() {
                page.push(PlacedLine { paragraph: index, line, top_centipt: y });
            }
            y += line_height;
            first_on_page = false;
        }
        previous_after = style.after_centipt;
        index += 1;
    }
    Typeset { paragraphs, breaks, pages, last_bottom_centipt: y, sections }
}

/// Splits text into lines no wider than `limit` (1/120 pt); returns the index of the first
/// character of each line.
fn break_lines(chars: &[(char, Style)], size_pt: u32, limit: u32) -> Vec<usize> {
    if chars.is_empty() {
        return vec![0];
    }
    let widths: Vec<u32> = chars.iter().map(|&(c, s)| width(c, s, size_pt)).collect();
    let mut starts = vec![0];
    let mut line_start = 0;
    let mut x = 0u32;
    let mut last_space: Option<usize> = None;
    let mut last_other: Option<usize> = None;
    let first_word_end = chars.iter().position(|(c, _)| c.is_whitespace()).unwrap_or(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].0;
        if c == '\n' {
            starts.push(i + 1);
            line_start = i + 1;
            (x, last_space, last_other) = (0, None, None);
            i += 1;
            continue;
        }
        x += widths[i];
        if !c.is_whitespace() && x > limit && i > line_start {
            let slash_between = |from: usize| chars[from..i].windows(2).any(|w| w[0].0 == '/' && !w[1].0.is_whitespace());
            let at = match (last_other, last_space) {
                (Some(other), space) if space.is_none_or(|s| other > s) && !(space.is_some() && slash_between(other)) => Some(other),
                (_, Some(space)) => Some(space),
                (Some(other), None) => Some(other),
                (None, None) => None,
            }
            .filter(|&at| at > line_start)
            .unwrap_or(i);
            starts.push(at);
            line_start = at;
            last_space = None;
            last_other = None;
            x = widths[at..=i].iter().sum();
            // A word carried over whole may be wider than the line itself: cut it where it
            // overflows, as a word longer than a line is cut.
            if x > limit && at < i {
                starts.push(i);
                line_start = i;
                x = widths[i];
            }
            i += 1;
            continue;
        }
        if let Some(&(next, _)) = chars.get(i + 1) {
            let opportunity = if c.is_whitespace() {
                !next.is_whitespace()
            } else {
                (c == '-' && next.is_alphanumeric())
                    || c == '\\'
                    || ((c == '?' || c == '!') && next.is_alphabetic())
                    || ((c == '/' || c == '.') && i < first_word_end && !next.is_whitespace())
            };
            if opportunity {
                if c.is_whitespace() {
                    last_space = Some(i + 1);
                } else {
                    last_other = Some(i + 1);
                }
            }
        }
        i += 1;
    }
    starts
}

/// The document as styled paragraphs, in the order the DOCX writes them.
fn paragraphs(doc: &Document) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut push = |style: &'static ParagraphStyle, indent_pt: u32, cells: Vec<Vec<(char, Style)>>, marker: Option<String>, section: Option<usize>| {
        out.push(Paragraph { style, indent_pt, cells, marker, section });
    };
    let plain = |text: &str, style: Style| text.chars().map(|c| (c, style)).collect::<Vec<_>>();
    let bold = Style { bold: true, ..Style::default() };
    push(&SPEC.title, 0, vec![plain(&doc.title, bold)], None, None);
    for (label, value) in &doc.facts {
        let mut chars = plain(&format!("{label}: "), bold);
        chars.extend(plain(value, Style::default()));
        push(&SPEC.facts, 0, vec![chars], None, None);
    }
    if !doc.not_ready.is_empty() {
        push(&SPEC.notice, 0, vec![plain(NOT_READY_TITLE, bold)], None, None);
        for message in &doc.not_ready {
            push(&SPEC.notice, 0, vec![plain(&format!("• {message}"), Style::default())], None, None);
        }
    }
    for (index, section) in doc.sections.iter().enumerate() {
        push(&SPEC.heading, 0, vec![plain(section.heading, bold)], None, Some(index));
        if let Some(note) = section.empty_note {
            push(&SPEC.normal, 0, vec![plain(note, Style { italic: true, ..Style::default() })], None, Some(index));
        }
        block_paragraphs(&section.blocks, 0, Some(index), &mut push);
        if doc.people_after == Some(index) {
            people(doc, Some(index), &mut push);
        }
    }
    if doc.people_after.is_none() && !doc.co_facilitators.is_empty() {
        push(&SPEC.heading, 0, vec![plain("Proposed co-facilitators", bold)], None, None);
        people(doc, None, &mut push);
    }
    push(&SPEC.manifest, 0, vec![plain(&doc.manifest.line(), Style::default())], None, None);
    out
}

type Cells = Vec<Vec<(char, Style)>>;
type Push<'a> = dyn FnMut(&'static ParagraphStyle, u32, Cells, Option<String>, Option<usize>) + 'a;

fn block_paragraphs(blocks: &[Block], level: u32, section: Option<usize>, push: &mut Push<'_>) {
    for block in blocks {
        match block {
            Block::Paragraph(content) => push(if level > 0 { &SPEC.quote } else { &SPEC.normal }, 0, vec![styled(content, Style::default())], None, section),
            Block::Heading { content, .. } => push(&SPEC.subheading, 0, vec![styled(content, Style { bold: true, ..Style::default() })], None, section),
            Block::List { start, items } => list(*start, items, 0, section, push),
            Block::Quote(inner) => block_paragraphs(inner, level + 1, section, push),
            Block::Code(code) => {
                for line in code.trim_end_matches('\n').split('\n') {
                    push(&SPEC.code, 0, vec![line.chars().map(|c| (c, Style { mono: true, ..Style::default() })).collect()], None, section);
                }
            }
            Block::Rule => push(&SPEC.normal, 0, vec![Vec::new()], None, section),
            Block::Table { head, rows } => {
                for (n, row) in std::iter::once(head).chain(rows).enumerate() {
                    let style = Style { bold: n == 0, ..Style::default() };
                    let cells = (0..head.len()).map(|c| row.get(c).map_or_else(Vec::new, |cell| styled(cell, style))).collect();
                    push(&SPEC.table_text, 0, cells, None, section);
                }
                push(&SPEC.table_after, 0, vec![Vec::new()], None, section);
            }
        }
    }
}

fn list(start: Option<u64>, items: &[Vec<Block>], depth: u32, section: Option<usize>, push: &mut Push<'_>) {
    for (number, item) in items.iter().enumerate() {
        let mut first = true;
        for block in item {
            match block {
                Block::List { start, items } => list(*start, items, (depth + 1).min(8), section, push),
                Block::Paragraph(content) => {
                    let style = if first { &SPEC.list } else { &SPEC.list_continue };
                    let marker = first.then(|| start.map_or_else(|| "•".to_owned(), |s| format!("{}.", s + number as u64)));
                    push(style, depth * SPEC.list_indent_pt, vec![styled(content, Style::default())], marker, section);
                }
                other => block_paragraphs(std::slice::from_ref(other), 0, section, push),
            }
            first = false;
        }
    }
}

fn people(doc: &Document, section: Option<usize>, push: &mut Push<'_>) {
    let row = |cells: [&str; 5], style: Style| cells.iter().map(|cell| cell.chars().map(|c| (c, style)).collect()).collect::<Cells>();
    let bold = Style { bold: true, ..Style::default() };
    push(&SPEC.table_text, 0, row(["Name", "Affiliation", "Stakeholder group", "Regional group", "MAG member"], bold), None, section);
    for p in &doc.co_facilitators {
        let cells = [p.name.as_str(), p.affiliation.as_str(), p.group.map_or("", |g| g.label()), p.region.map_or("", |r| r.label()), if p.mag_member { "Yes" } else { "No" }];
        push(&SPEC.table_text, 0, row(cells, Style::default()), None, section);
    }
    push(&SPEC.table_after, 0, vec![Vec::new()], None, section);
}

fn styled(content: &[Inline], style: Style) -> Vec<(char, Style)> {
    let mut out = Vec::new();
    for inline in content {
        match inline {
            Inline::Text(text) => out.extend(text.chars().map(|c| (c, style))),
            Inline::Code(code) => out.extend(code.chars().map(|c| (c, Style { mono: true, ..style }))),
            Inline::Strong(c) => out.extend(styled(c, Style { bold: true, ..style })),
            Inline::Emphasis(c) => out.extend(styled(c, Style { italic: true, ..style })),
            Inline::Strikethrough(c) | Inline::Link { content: c, .. } => out.extend(styled(c, style)),
            Inline::Image { alt, .. } => out.extend(format!("[Image: {alt}]").chars().map(|c| (c, Style { italic: true, ..style }))),
            Inline::LineBreak => out.push(('\n', style)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(text: &str, style: &'static ParagraphStyle) -> Paragraph {
        Paragraph { style, indent_pt: 0, cells: vec![text.chars().map(|c| (c, Style::default())).collect()], marker: None, section: None }
    }

    fn lines(text: &str) -> Vec<String> {
        let p = para(text, &SPEC.normal);
        let starts = p.breaks().remove(0);
        let chars: Vec<char> = text.chars().collect();
        starts
            .iter()
            .enumerate()
            .map(|(n, &s)| chars[s..starts.get(n + 1).copied().unwrap_or(chars.len())].iter().collect::<String>())
            .collect()
    }

    #[test]
    fn a_line_may_end_exactly_at_the_margin_and_trailing_spaces_do_not_count() {
        let x = width('x', Style::default(), 12);
        assert_eq!(x, 720, "x is 6 pt");
        // 451.3 pt holds 75 x's (450 pt); the 76th overflows.
        let fits = format!("{} {}", "x".repeat(40), "x".repeat(34));
        assert_eq!(lines(&fits).len(), 1, "75 characters of 6 pt and a space fit in 451.3 pt");
        let one_more = format!("{} {}", "x".repeat(40), "x".repeat(35));
        assert_eq!(lines(&one_more), [format!("{} ", "x".repeat(40)), "x".repeat(35)]);
        let trailing = format!("{}{}", "x".repeat(75), " ".repeat(10));
        assert_eq!(lines(&trailing).len(), 1);
    }

    #[test]
    fn breaks_follow_libreoffice_opportunities() {
        let long = "x".repeat(70);
        // After a hyphen followed by a letter.
        assert_eq!(lines(&format!("{long} ab-cdefgh"))[1], "cdefgh");
        // Never after a slash or a dot (outside the first word): the whole URL moves.
        let url_line = lines(&format!("{long} example.org/ab"));
        assert_eq!(url_line[1], "example.org/ab");
        // A word longer than a line is cut at the overflowing character.
        let cut = lines(&"x".repeat(100));
        assert_eq!(cut, ["x".repeat(75), "x".repeat(25)]);
        // A word moved to the next line and longer than it is cut where it overflows there,
        // even when the character that overflowed first is wider than what moved before it.
        let carried = lines(&format!("i {}W{}", "x".repeat(74), "x".repeat(10)));
        assert_eq!(carried, ["i ".to_owned(), "x".repeat(74), format!("W{}", "x".repeat(10))]);
    }

    #[test]
    fn single_line_paragraphs_fill_a_page_with_the_measured_rhythm() {
        // 14 pt lines, 6 pt between paragraphs: 35 fit in 697.9 pt (20 k - 6 <= 697.9).
        let doc_paragraphs: Vec<Paragraph> = (0..80).map(|_| para("word", &SPEC.normal)).collect();
        let layout = typeset_paragraphs(doc_paragraphs, 0).summary();
        assert_eq!(layout.lines_per_page, [35, 35, 10]);
    }

    #[test]
    fn a_heading_moves_to_the_next_page_with_its_first_line() {
        let mut paragraphs: Vec<Paragraph> = (0..34).map(|_| para("word", &SPEC.normal)).collect();
        paragraphs.push(para("Heading", &SPEC.heading));
        paragraphs.push(para("word", &SPEC.normal));
        let layout = typeset_paragraphs(paragraphs, 0).summary();
        assert_eq!(layout.lines_per_page, [34, 2]);
    }
}
