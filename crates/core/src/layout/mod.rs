//! The page engine: a [`Document`] laid out into lines and pages with the rules measured in
//! page-model.md, on the typography of [`spec`]. The live page count and the PDF come from this
//! one layout, so they always agree. A draft that is not ready is marked in the top margin,
//! outside the text area, so the marking is not laid out and a draft takes the same pages at
//! every stage.
//!
//! Layout runs in two steps: each paragraph is broken into lines (the costly part, which depends
//! only on the paragraph), then the lines are placed on pages. While a draft is edited, a
//! [`SectionCache`] keeps each section's lines between two layouts, so a keystroke breaks only
//! the lines of the section it changed; the result is the same as laying out afresh.

pub mod length;
pub mod metrics;
mod metrics_data;
pub mod spec;
pub mod view;

use std::ops::Range;
use std::sync::{Arc, OnceLock};

use metrics::{Style, UNITS_PER_PT, width};
use spec::{ParagraphStyle, SPEC};

use crate::document::{Document, Manifest, PEOPLE_HEADING};
use crate::model::draft::Draft;
use crate::text::markdown::{Block, Inline, code_lines, parse_with_starts};

/// A paragraph ready to lay out: its style, and its text as styled characters. A table row is
/// a paragraph of several cells, side by side in equal columns; any other paragraph has one.
#[derive(Clone, Debug)]
pub struct Paragraph {
    pub style: &'static ParagraphStyle,
    /// What the paragraph is in the document's structure (the PDF's tags).
    pub role: Role,
    /// Extra left indent in points (list nesting).
    pub indent_pt: u32,
    pub cells: Vec<Vec<(char, Style)>>,
    /// A list item's bullet or number, set in the indent before the first line.
    pub marker: Option<String>,
    /// Which section of the document the paragraph belongs to, for the per-section bars.
    pub section: Option<usize>,
    /// The links in its text.
    pub links: Vec<LinkSpan>,
}

/// What a paragraph is in the document's structure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    Title,
    /// An official heading, or the heading of the co-facilitator table at the end.
    Heading,
    /// A heading inside a section's text.
    Subheading,
    /// Any other paragraph, a code line or a rule (which draws nothing).
    Text,
    /// The first paragraph of a list item, after its marker; `opens` on a list's first item.
    Item { depth: u32, opens: bool },
    /// A further paragraph of the list item before it.
    ItemMore { depth: u32 },
    /// A table row; the first row of a table holds its column headings.
    Row { first: bool },
    /// The space after a table, which ends it.
    TableEnd,
}

/// A link: characters `start..end` of cell `cell` lead to `url`, an absolute URL that passed the
/// allowlist.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkSpan {
    pub cell: usize,
    pub start: usize,
    pub end: usize,
    pub url: String,
}

/// Space between a table cell's border and its text, in 1/120 pt (4 pt, as the DOCX sets).
const CELL_MARGIN: u32 = 4 * UNITS_PER_PT;

/// How far left of a list item's text its marker starts, in 1/120 pt.
const MARKER_GAP: u32 = 18 * UNITS_PER_PT;

/// What one line of a paragraph draws in one cell: the characters of the cell on that line,
/// without the white space (and line break) that ends it, and where they start.
#[derive(Clone, Copy, Debug)]
pub struct CellLine<'a> {
    pub cell: usize,
    /// Index in the cell of the first character.
    pub start: usize,
    /// Never empty.
    pub chars: &'a [(char, Style)],
    /// From the left margin, in 1/120 pt.
    pub left: u32,
}

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

    /// The left edge of each column, then the right edge of the last, in 1/120 pt from the
    /// left margin.
    pub fn column_edges(&self) -> impl Iterator<Item = u32> + '_ {
        let columns = self.cells.len().max(1) as u32;
        (0..=columns).map(move |k| if k == columns { SPEC.text_width_pt120() } else { self.column_width() * k })
    }

    fn column_width(&self) -> u32 {
        SPEC.text_width_pt120() / self.cells.len().max(1) as u32
    }

    /// The first character of each line, for each cell.
    pub fn breaks(&self) -> Vec<Vec<usize>> {
        self.measure().0
    }

    /// The breaks, and the width of each character of each cell (1/120 pt), which breaking
    /// measures anyway and the page view sums.
    fn measure(&self) -> (Breaks, Widths) {
        let widths: Widths = self.cells.iter().map(|cell| cell.iter().map(|&(c, s)| width(c, s, self.style.size_pt)).collect()).collect();
        let breaks = self.cells.iter().zip(&widths).map(|(cell, widths)| break_lines(cell, widths, self.cell_width())).collect();
        (breaks, widths)
    }

    /// What line `line` draws in each cell, given the paragraph's `breaks`: the PDF and the page
    /// view both draw exactly this. A cell with nothing to show on the line is left out.
    pub fn line_cells<'a>(&'a self, breaks: &'a [Vec<usize>], line: usize) -> impl Iterator<Item = CellLine<'a>> + 'a {
        self.cells.iter().zip(breaks).enumerate().filter_map(move |(cell, (chars, starts))| {
            let start = *starts.get(line)?;
            let end = starts.get(line + 1).copied().unwrap_or(chars.len());
            // A line break ends its line, so trimming the white space drops it too.
            let trimmed = chars[start..end].iter().rposition(|(c, _)| !c.is_whitespace()).map(|i| start + i + 1)?;
            Some(CellLine { cell, start, chars: &chars[start..trimmed], left: self.cell_left(cell) })
        })
    }

    /// Where a list item's marker starts on its first line, in 1/120 pt from the left margin.
    pub fn marker_left(&self) -> u32 {
        self.cell_left(0).saturating_sub(MARKER_GAP)
    }
}

/// The baseline of a line of `style` whose top is `top_centipt` down, in the same units: a
/// quarter of the font size above the bottom of the line, as the PDF sets it.
pub fn baseline_centipt(top_centipt: u32, style: &ParagraphStyle) -> u32 {
    (top_centipt + style.line_centipt).saturating_sub(25 * style.size_pt)
}

/// One line on a page: which paragraph, which of its lines, and how far down it starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlacedLine {
    pub paragraph: usize,
    pub line: usize,
    /// From the top of the text area, in 1/100 pt.
    pub top_centipt: u32,
}

/// For each cell of a paragraph, the first character of each line.
pub type Breaks = Vec<Vec<usize>>;

/// For each cell of a paragraph, the width of each character, in 1/120 pt.
type Widths = Vec<Vec<u32>>;

/// What the page view draws of each line of a paragraph, once it is first drawn.
pub type Drawn = OnceLock<Vec<Arc<[view::Piece]>>>;

/// A document set into lines and pages: what the PDF draws and the page count measures.
pub struct Typeset {
    /// Shared with the [`SectionCache`] that broke them, if any.
    pub paragraphs: Vec<Arc<Paragraph>>,
    /// For each paragraph, for each cell, the first character of each line.
    pub breaks: Vec<Arc<Breaks>>,
    /// For each paragraph, what the page view draws of its lines, worked out once when first
    /// drawn (and kept with the section's lines in a [`SectionCache`]).
    pub drawn: Vec<Arc<Drawn>>,
    /// For each paragraph, the widths its breaks were measured with.
    widths: Vec<Arc<Widths>>,
    pub pages: Vec<Vec<PlacedLine>>,
    /// How far down the last page the text reaches, in 1/100 pt.
    pub last_bottom_centipt: u32,
    /// For each section, the paragraphs set from its Markdown text.
    pub bodies: Vec<Range<usize>>,
    measures: Vec<Measure>,
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
        summarize(&self.pages, self.last_bottom_centipt, &self.measures, self.bodies.len())
    }

    fn of(broken: Broken) -> Typeset {
        let (pages, last_bottom_centipt) = paginate(&broken.measures);
        let Broken { paragraphs, breaks, drawn, widths, measures, bodies } = broken;
        Typeset { paragraphs, breaks, drawn, widths, pages, last_bottom_centipt, bodies, measures }
    }
}

pub fn layout(doc: &Document) -> Layout {
    typeset(doc).summary()
}

pub fn typeset(doc: &Document) -> Typeset {
    let mut broken = Broken::new(doc);
    walk(doc, &mut broken);
    Typeset::of(broken)
}

/// What placing a paragraph on pages needs to know of it.
#[derive(Clone, Copy, Debug)]
struct Measure {
    style: &'static ParagraphStyle,
    /// Lines of its tallest cell.
    lines: usize,
    section: Option<usize>,
}

impl Measure {
    fn of(paragraph: &Paragraph, breaks: &Breaks) -> Measure {
        Measure { style: paragraph.style, lines: breaks.iter().map(Vec::len).max().unwrap_or(1), section: paragraph.section }
    }
}

/// Places the paragraphs' lines on pages; returns the pages and how far down the last one the
/// text reaches (1/100 pt).
fn paginate(paragraphs: &[Measure]) -> (Vec<Vec<PlacedLine>>, u32) {
    let page_height = SPEC.text_height_centipt();
    let mut pages: Vec<Vec<PlacedLine>> = vec![Vec::new()];
    let mut y = 0u32; // in 1/100 pt from the top of the text area
    let mut previous_after = 0u32;
    let mut first_on_page = true;
    let mut index = 0;
    while index < paragraphs.len() {
        let paragraph = &paragraphs[index];
        let style = paragraph.style;
        let line_count = paragraph.lines;
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
    (pages, y)
}

fn summarize(pages: &[Vec<PlacedLine>], last_bottom_centipt: u32, paragraphs: &[Measure], sections: usize) -> Layout {
    let mut section_lines = vec![0; sections];
    for line in pages.iter().flatten() {
        if let Some(section) = paragraphs[line.paragraph].section {
            section_lines[section] += 1;
        }
    }
    Layout {
        lines_per_page: pages.iter().map(Vec::len).collect(),
        last_page_fill: f64::from(last_bottom_centipt) / f64::from(SPEC.text_height_centipt()),
        section_lines,
    }
}

/// What the page engine keeps of each section of a draft being edited, between two layouts: its
/// text, its parsed blocks (with where each leaf starts in the text) and its paragraphs broken
/// into lines. A section whose text did not change is neither parsed nor broken again.
#[derive(Default)]
pub struct SectionCache {
    sections: Vec<Option<CachedSection>>,
}

struct CachedSection {
    text: String,
    blocks: Arc<[Block]>,
    /// Where each leaf of the blocks starts in the text (`parse_with_starts`).
    starts: Vec<usize>,
    /// Set by the first layout that uses these very blocks.
    broken: Option<Broken>,
}

impl SectionCache {
    /// The blocks of section `index`, parsed again only when its text changed since last time.
    pub fn blocks(&mut self, index: usize, text: &str) -> Arc<[Block]> {
        if self.sections.len() <= index {
            self.sections.resize_with(index + 1, || None);
        }
        let slot = &mut self.sections[index];
        match slot {
            Some(cached) if cached.text == text => Arc::clone(&cached.blocks),
            _ => {
                let (blocks, starts) = parse_with_starts(text);
                let blocks: Arc<[Block]> = blocks.into();
                *slot = Some(CachedSection { text: text.to_owned(), blocks: Arc::clone(&blocks), starts, broken: None });
                blocks
            }
        }
    }

    /// Where each leaf of section `index`'s blocks starts in its text, as last parsed.
    pub fn starts(&self, index: usize) -> &[usize] {
        self.sections.get(index).and_then(Option::as_ref).map_or(&[], |c| &c.starts)
    }

    /// [`Document::final_version`] for the page count: each section's blocks come from this
    /// cache, which parses only the sections whose text changed since its last use, and the
    /// manifest's digest is a stand-in that takes the same lines as the real one.
    pub fn final_version(&mut self, draft: &Draft) -> Document {
        self.document(draft, Vec::new(), Manifest::stand_in(draft))
    }

    /// [`Document::build`] with each section's blocks from this cache.
    pub fn document(&mut self, draft: &Draft, not_ready: Vec<String>, manifest: Manifest) -> Document {
        Document::build(draft, not_ready, &mut |index, text| self.blocks(index, text), manifest)
    }

    /// Lays out a document, as [`layout`] does, reusing the lines of each section whose blocks
    /// came from [`SectionCache::blocks`] (the very same blocks, so the same text).
    pub fn layout(&mut self, doc: &Document) -> Layout {
        self.typeset(doc).summary()
    }

    /// Sets a document, as [`typeset`] does, reusing the lines of each section whose blocks came
    /// from [`SectionCache::blocks`].
    pub fn typeset(&mut self, doc: &Document) -> Typeset {
        let mut sink = Cached { cache: self, out: Broken::new(doc) };
        walk(doc, &mut sink);
        Typeset::of(sink.out)
    }
}

/// Paragraphs broken into lines, in document order: what placing them on pages needs (the
/// measures), and what drawing them needs (the paragraphs, their breaks, the widths measured
/// for them, and what the page view drew of them once it did).
#[derive(Default)]
struct Broken {
    paragraphs: Vec<Arc<Paragraph>>,
    breaks: Vec<Arc<Breaks>>,
    drawn: Vec<Arc<Drawn>>,
    widths: Vec<Arc<Widths>>,
    measures: Vec<Measure>,
    /// For each section, the paragraphs of its body.
    bodies: Vec<Range<usize>>,
}

impl Broken {
    fn new(doc: &Document) -> Broken {
        Broken { bodies: vec![0..0; doc.sections.len()], ..Broken::default() }
    }

    fn extend(&mut self, other: &Broken) {
        self.paragraphs.extend(other.paragraphs.iter().cloned());
        self.breaks.extend(other.breaks.iter().cloned());
        self.drawn.extend(other.drawn.iter().cloned());
        self.widths.extend(other.widths.iter().cloned());
        self.measures.extend_from_slice(&other.measures);
    }

    /// Section `index`'s body, added by `add`, is what this adds from here.
    fn record_body(&mut self, index: usize, add: impl FnOnce(&mut Broken)) {
        let start = self.paragraphs.len();
        add(self);
        if let Some(body) = self.bodies.get_mut(index) {
            *body = start..self.paragraphs.len();
        }
    }
}

/// Receives a document's paragraphs in order.
trait Sink {
    fn paragraph(&mut self, paragraph: Paragraph);

    /// The Markdown body of section `index`.
    fn body(&mut self, index: usize, blocks: &Arc<[Block]>);
}

impl Sink for Broken {
    fn paragraph(&mut self, paragraph: Paragraph) {
        let (breaks, widths) = paragraph.measure();
        self.measures.push(Measure::of(&paragraph, &breaks));
        self.paragraphs.push(Arc::new(paragraph));
        self.breaks.push(Arc::new(breaks));
        self.drawn.push(Arc::default());
        self.widths.push(Arc::new(widths));
    }

    fn body(&mut self, index: usize, blocks: &Arc<[Block]>) {
        self.record_body(index, |out| block_paragraphs(blocks, 0, Some(index), &mut |p| out.paragraph(p)));
    }
}

/// Breaks paragraphs as they come, and takes whole section bodies from the cache.
struct Cached<'a> {
    cache: &'a mut SectionCache,
    out: Broken,
}

impl Sink for Cached<'_> {
    fn paragraph(&mut self, paragraph: Paragraph) {
        self.out.paragraph(paragraph);
    }

    fn body(&mut self, index: usize, blocks: &Arc<[Block]>) {
        let cached = self.cache.sections.get_mut(index).and_then(Option::as_mut).filter(|c| Arc::ptr_eq(&c.blocks, blocks));
        let Some(cached) = cached else {
            return Sink::body(&mut self.out, index, blocks);
        };
        let broken = cached.broken.get_or_insert_with(|| {
            let mut fresh = Broken::default();
            block_paragraphs(blocks, 0, Some(index), &mut |p| fresh.paragraph(p));
            fresh
        });
        self.out.record_body(index, |out| out.extend(broken));
    }
}

/// Splits text, whose characters are `widths` wide, into lines no wider than `limit` (all in
/// 1/120 pt); returns the index of the first character of each line.
fn break_lines(chars: &[(char, Style)], widths: &[u32], limit: u32) -> Vec<usize> {
    if chars.is_empty() {
        return vec![0];
    }
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
fn walk(doc: &Document, sink: &mut dyn Sink) {
    let para = |style: &'static ParagraphStyle, role: Role, cells: Cells, section: Option<usize>| Paragraph::new(style, role, cells, section);
    let plain = |text: &str, style: Style| text.chars().map(|c| (c, style)).collect::<Vec<_>>();
    let bold = Style { bold: true, ..Style::default() };
    sink.paragraph(para(&SPEC.title, Role::Title, vec![plain(&doc.title, bold)], None));
    for (label, value) in &doc.facts {
        let mut chars = plain(&format!("{label}: "), bold);
        chars.extend(plain(value, Style::default()));
        sink.paragraph(para(&SPEC.facts, Role::Text, vec![chars], None));
    }
    for (index, section) in doc.sections.iter().enumerate() {
        sink.paragraph(para(&SPEC.heading, Role::Heading, vec![plain(section.heading, bold)], Some(index)));
        if let Some(note) = section.empty_note {
            sink.paragraph(para(&SPEC.normal, Role::Text, vec![plain(note, Style { italic: true, ..Style::default() })], Some(index)));
        }
        sink.body(index, &section.blocks);
        if doc.people_table_after(index) {
            people(doc, Some(index), &mut |p| sink.paragraph(p));
        }
    }
    if doc.people_table_at_end() {
        sink.paragraph(para(&SPEC.heading, Role::Heading, vec![plain(PEOPLE_HEADING, bold)], None));
        people(doc, None, &mut |p| sink.paragraph(p));
    }
    sink.paragraph(para(&SPEC.manifest, Role::Text, vec![plain(&doc.manifest.line(), Style::default())], None));
}

type Cells = Vec<Vec<(char, Style)>>;
type Push<'a> = dyn FnMut(Paragraph) + 'a;

impl Paragraph {
    fn new(style: &'static ParagraphStyle, role: Role, cells: Cells, section: Option<usize>) -> Paragraph {
        Paragraph { style, role, indent_pt: 0, cells, marker: None, section, links: Vec::new() }
    }

    /// A paragraph of one cell of styled text, with its links.
    fn text(style: &'static ParagraphStyle, role: Role, text: Styled, section: Option<usize>) -> Paragraph {
        let links = text.links.into_iter().map(|(start, end, url)| LinkSpan { cell: 0, start, end, url }).collect();
        Paragraph { links, ..Paragraph::new(style, role, vec![text.chars], section) }
    }
}

fn block_paragraphs(blocks: &[Block], level: u32, section: Option<usize>, out: &mut Push<'_>) {
    for block in blocks {
        match block {
            Block::Paragraph(content) => out(Paragraph::text(if level > 0 { &SPEC.quote } else { &SPEC.normal }, Role::Text, styled(content, Style::default()), section)),
            Block::Heading { content, .. } => out(Paragraph::text(&SPEC.subheading, Role::Subheading, styled(content, Style { bold: true, ..Style::default() }), section)),
            Block::List { start, items } => list(*start, items, 0, section, out),
            Block::Quote(inner) => block_paragraphs(inner, level + 1, section, out),
            Block::Code(code) => {
                for line in code_lines(code) {
                    out(Paragraph::new(&SPEC.code, Role::Text, vec![line.chars().map(|c| (c, Style { mono: true, ..Style::default() })).collect()], section));
                }
            }
            Block::Rule => out(Paragraph::new(&SPEC.normal, Role::Text, vec![Vec::new()], section)),
            Block::Table { head, rows } => {
                for (n, row) in std::iter::once(head).chain(rows).enumerate() {
                    let style = Style { bold: n == 0, ..Style::default() };
                    let mut paragraph = Paragraph::new(&SPEC.table_text, Role::Row { first: n == 0 }, Vec::new(), section);
                    for c in 0..head.len() {
                        let cell = row.get(c).map_or_else(Styled::default, |cell| styled(cell, style));
                        paragraph.links.extend(cell.links.into_iter().map(|(start, end, url)| LinkSpan { cell: c, start, end, url }));
                        paragraph.cells.push(cell.chars);
                    }
                    out(paragraph);
                }
                out(Paragraph::new(&SPEC.table_after, Role::TableEnd, vec![Vec::new()], section));
            }
        }
    }
}

fn list(start: Option<u64>, items: &[Vec<Block>], depth: u32, section: Option<usize>, out: &mut Push<'_>) {
    for (number, item) in items.iter().enumerate() {
        let mut first = true;
        for block in item {
            match block {
                Block::List { start, items } => list(*start, items, (depth + 1).min(8), section, out),
                Block::Paragraph(content) => {
                    let (style, role) = if first { (&SPEC.list, Role::Item { depth, opens: number == 0 }) } else { (&SPEC.list_continue, Role::ItemMore { depth }) };
                    let mut paragraph = Paragraph::text(style, role, styled(content, Style::default()), section);
                    paragraph.indent_pt = depth * SPEC.list_indent_pt;
                    paragraph.marker = first.then(|| start.map_or_else(|| "•".to_owned(), |s| format!("{}.", s + number as u64)));
                    out(paragraph);
                }
                other => block_paragraphs(std::slice::from_ref(other), 0, section, out),
            }
            first = false;
        }
    }
}

fn people(doc: &Document, section: Option<usize>, out: &mut Push<'_>) {
    let row = |cells: [&str; 5], style: Style| cells.iter().map(|cell| cell.chars().map(|c| (c, style)).collect()).collect::<Cells>();
    let bold = Style { bold: true, ..Style::default() };
    out(Paragraph::new(&SPEC.table_text, Role::Row { first: true }, row(["Name", "Affiliation", "Stakeholder group", "Regional group", "MAG member"], bold), section));
    for p in &doc.co_facilitators {
        let cells = [p.name.as_str(), p.affiliation.as_str(), p.group.map_or("", |g| g.label()), p.region.map_or("", |r| r.label()), if p.mag_member { "Yes" } else { "No" }];
        out(Paragraph::new(&SPEC.table_text, Role::Row { first: false }, row(cells, Style::default()), section));
    }
    out(Paragraph::new(&SPEC.table_after, Role::TableEnd, vec![Vec::new()], section));
}

/// Styled characters, and the links among them as (start, end, URL).
#[derive(Default)]
struct Styled {
    chars: Vec<(char, Style)>,
    links: Vec<(usize, usize, String)>,
}

fn styled(content: &[Inline], style: Style) -> Styled {
    let mut out = Styled::default();
    styled_into(content, style, &mut out);
    out
}

fn styled_into(content: &[Inline], style: Style, out: &mut Styled) {
    for inline in content {
        match inline {
            Inline::Text(text) => out.chars.extend(text.chars().map(|c| (c, style))),
            Inline::Code(code) => out.chars.extend(code.chars().map(|c| (c, Style { mono: true, ..style }))),
            Inline::Strong(c) => styled_into(c, Style { bold: true, ..style }, out),
            Inline::Emphasis(c) => styled_into(c, Style { italic: true, ..style }, out),
            Inline::Strikethrough(c) => styled_into(c, style, out),
            Inline::Link { content: c, url, .. } => {
                let start = out.chars.len();
                styled_into(c, style, out);
                // Only a link that leads somewhere by itself: not a relative one, nor a fragment.
                if let Some(url) = url.as_ref().map(|u| u.as_str()).filter(|u| ["http:", "https:", "mailto:"].iter().any(|s| u.get(..s.len()).is_some_and(|p| p.eq_ignore_ascii_case(s)))) {
                    out.links.push((start, out.chars.len(), url.to_owned()));
                }
            }
            Inline::Image { alt, .. } => out.chars.extend(format!("[Image: {alt}]").chars().map(|c| (c, Style { italic: true, ..style }))),
            Inline::LineBreak => out.chars.push(('\n', style)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::draft::Draft;
    use crate::model::draft::DraftId;
    use crate::model::template::Kind;

    fn typeset_paragraphs(paragraphs: Vec<Paragraph>) -> Typeset {
        let mut broken = Broken::default();
        paragraphs.into_iter().for_each(|p| broken.paragraph(p));
        Typeset::of(broken)
    }

    fn para(text: &str, style: &'static ParagraphStyle) -> Paragraph {
        Paragraph::new(style, Role::Text, vec![text.chars().map(|c| (c, Style::default())).collect()], None)
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
        let layout = typeset_paragraphs(doc_paragraphs).summary();
        assert_eq!(layout.lines_per_page, [35, 35, 10]);
    }

    #[test]
    fn a_heading_moves_to_the_next_page_with_its_first_line() {
        let mut paragraphs: Vec<Paragraph> = (0..34).map(|_| para("word", &SPEC.normal)).collect();
        paragraphs.push(para("Heading", &SPEC.heading));
        paragraphs.push(para("word", &SPEC.normal));
        let layout = typeset_paragraphs(paragraphs).summary();
        assert_eq!(layout.lines_per_page, [34, 2]);
    }

    /// The page count lays out a stand-in for the manifest's digest: one unbreakable word of 64
    /// hex digits, which goes to a line of its own. Every digest with at most 40 of the narrowest
    /// digit takes the same lines, as the narrowest such digest and the widest digest show; a
    /// SHA-256 with more is less likely than one in 10^30.
    #[test]
    fn a_manifest_digest_takes_the_lines_of_the_stand_in() {
        let hex_width = |c: &char| width(*c, Style::default(), SPEC.manifest.size_pt);
        let hex = || "0123456789abcdef".chars();
        let narrowest = hex().min_by_key(hex_width).unwrap_or('0');
        let next = hex().filter(|&c| c != narrowest).min_by_key(hex_width).unwrap_or('0');
        let widest = hex().max_by_key(hex_width).unwrap_or('0');
        let digests = [narrowest.to_string().repeat(40) + &next.to_string().repeat(24), widest.to_string().repeat(64)];
        for kind in Kind::ALL {
            let mut draft = Draft::new(DraftId::parse("digest").unwrap(), kind, 0);
            draft.set_section(0, "Some text.".into(), 1);
            let counted = layout(&SectionCache::default().final_version(&draft));
            assert_eq!(layout(&Document::final_version(&draft)), counted, "{kind:?}: its real digest");
            for digest in &digests {
                let mut doc = Document::final_version(&draft);
                doc.manifest.sha256.clone_from(digest);
                assert_eq!(layout(&doc), counted, "{kind:?}: {digest}");
            }
        }
    }

    #[test]
    fn a_cache_reuses_lines_only_for_the_blocks_it_parsed() {
        let mut draft = Draft::new(DraftId::parse("cache").unwrap(), Kind::NewBpf, 0);
        draft.set_section(0, "A first section, long enough to wrap onto a second line of the page, and then a third one.".repeat(3), 1);
        let mut cache = SectionCache::default();
        let cached = cache.final_version(&draft);
        assert_eq!(cache.layout(&cached), layout(&cached));
        assert_eq!(cache.layout(&cached), layout(&cached), "the second layout, from the cache");
        draft.set_section(0, "Now a short one.".into(), 2);
        let elsewhere = Document::final_version(&draft);
        assert_eq!(cache.layout(&elsewhere), layout(&elsewhere), "blocks parsed elsewhere are laid out afresh");
        assert_eq!(cache.layout(&cached), layout(&cached), "the older document still gets its own lines");
        let now = cache.final_version(&draft);
        assert_ne!(layout(&now), layout(&cached));
        assert_eq!(cache.layout(&now), layout(&now));
    }
}
