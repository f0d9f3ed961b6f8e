//! The page view: every page of a document as the PDF draws it, from the same placed lines
//! ([`Paragraph::line_cells`], [`baseline_centipt`]), for the editor to draw to scale beside the
//! text. Coordinates are whole hundredths of a point from the page's top left corner, so the
//! view never formats a float.
//!
//! Invariant: a page's lines are the lines the PDF shows on that page, with the same text at the
//! same place and width; [`Page::describe`] says in words what the drawing shows.

use std::sync::Arc;

use crate::document::{Document, Manifest};
use crate::layout::length::PAGE_LIMIT;
use crate::layout::metrics::{Style, width};
use crate::layout::spec::SPEC;
use crate::layout::{Paragraph, PlacedLine, Role, SectionCache, Typeset, baseline_centipt};
use crate::model::draft::Draft;
use crate::text::i18n::{Arg, Key, Msg};

/// What a part of the document that is not a template section is called on the pages, in full
/// and in the margin, in the interface's language (a section is called by its official heading,
/// which stays English).
pub const FRONT_LABEL: Key = Key("pages.part.front");
pub const END_LABEL: Key = Key("pages.part.end");
const PEOPLE_LABEL: Key = Key("pages.part.people");
const FRONT_SHORT: Key = Key("pages.margin.front");
const PEOPLE_SHORT: Key = Key("pages.margin.people");
const END_SHORT: Key = Key("pages.margin.end");

/// The size of the labels in the margin, in 1/100 pt, and the room they have there: from 6 pt
/// off the page's edge to 14 pt before the text.
pub const LABEL_SIZE: u32 = 1200;
pub const LABEL_LEFT: u32 = 600;
pub const LABEL_RIGHT: u32 = MARGIN - 1400;

/// The page's size and margin, in 1/100 pt.
pub const PAGE_WIDTH: u32 = SPEC.page_width_twips * 5;
pub const PAGE_HEIGHT: u32 = SPEC.page_height_twips * 5;
pub const MARGIN: u32 = SPEC.margin_twips * 5;

/// One page as the view draws it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    /// From 1.
    pub number: usize,
    /// How many pages the document has.
    pub count: usize,
    /// The not-ready line in the top margin, where the PDF prints it.
    pub notice: Option<Notice>,
    /// The lines that show something, top to bottom.
    pub lines: Vec<Line>,
    /// The frames of the table rows on the page.
    pub rows: Vec<RowFrame>,
    /// Which part of the document each run of lines belongs to, top to bottom.
    pub extents: Vec<Extent>,
    /// How many more lines of body text fit below the last line.
    pub lines_left: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Notice {
    pub text: String,
    pub left: u32,
    pub width: u32,
    pub top: u32,
    pub height: u32,
    pub baseline: u32,
    /// In 1/100 pt.
    pub size: u32,
}

/// One line of a page.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Line {
    /// From 1, counting the lines of the page that show something.
    pub number: usize,
    pub top: u32,
    pub height: u32,
    pub baseline: u32,
    /// The font size, in 1/100 pt.
    pub size: u32,
    pub role: Role,
    pub part: Part,
    /// The text, in runs of one style, left to right; a list item's marker first. Shared with
    /// the cache, so an unchanged line is the very same.
    pub pieces: Arc<[Piece]>,
    /// Where the text it was set from is edited.
    pub jump: Option<Jump>,
}

impl Line {
    /// What the line says: its pieces, with a space where the layout leaves a gap between two
    /// (after a list marker, between table cells).
    pub fn text(&self) -> String {
        let mut text = String::new();
        let mut right = None;
        for piece in self.pieces.iter() {
            if right.is_some_and(|r| piece.left > r) {
                text.push(' ');
            }
            text.push_str(&piece.text);
            right = Some(piece.left + piece.width);
        }
        text
    }
}

/// A run of text of one style, and the box the layout gives it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Piece {
    pub text: String,
    pub style: Style,
    pub left: u32,
    pub width: u32,
}

/// The part of the document a line belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    /// The title and the facts under it.
    Front,
    /// A template section, by index.
    Section(usize),
    /// The co-facilitator table at the end, for a template without a section for it.
    People,
    /// The manifest line.
    End,
}

/// Where the text of a line is edited.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Jump {
    Title,
    /// In section `index`'s text, at byte `at`: where the paragraph was written.
    Section { index: usize, at: usize },
    /// The co-facilitator list.
    People,
}

/// A run of lines of one part on a page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Extent {
    pub part: Part,
    /// The part's name, and its label in the margin (see [`margin_length`]): the section's
    /// official heading as text, or a message.
    pub label: Arg,
    pub short: Arg,
    /// The numbers of its first and last line.
    pub first: usize,
    pub last: usize,
    pub top: u32,
    pub bottom: u32,
}

/// The frame of a table row, or of the part of it on one page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowFrame {
    pub top: u32,
    pub bottom: u32,
    /// The left edge of each column, then the right edge of the last.
    pub edges: Vec<u32>,
}

impl Page {
    /// Past the limit of the templates ("2-3 Pages").
    pub fn over_limit(&self) -> bool {
        self.number > PAGE_LIMIT
    }

    /// The last page within the limit: its bottom edge is the limit.
    pub fn ends_limit(&self) -> bool {
        self.number == PAGE_LIMIT
    }

    /// What line `number` says, for a screen reader moving from line to line: "Line 5 of 46
    /// (Objectives/Goals of the BPF): • Collect case studies…".
    pub fn describe_line(&self, number: usize) -> Option<Msg> {
        let line = self.lines.get(number.checked_sub(1)?)?;
        let part = self.extents.iter().find(|e| (e.first..=e.last).contains(&number)).map_or(Arg::Text(String::new()), |e| e.label.clone());
        Some(Msg::new("pages.line").arg("number", number).arg("count", self.lines.len()).arg("part", part).arg("text", line.text()))
    }

    /// The page in words, as its drawing shows it: "Page 2 of 3: Objectives/Goals of the BPF,
    /// lines 1-18; Expected Output(s), lines 19-46; 9 lines left".
    pub fn describe(&self) -> Msg {
        let page = if self.over_limit() { Msg::new("pages.page.over_limit").arg("limit", PAGE_LIMIT) } else { Msg::new("pages.page") };
        let parts = self.extents.iter().map(|extent| {
            let lines = if extent.first == extent.last {
                Msg::new("pages.part.line").arg("line", extent.first)
            } else {
                Msg::new("pages.part.lines").arg("first", extent.first).arg("last", extent.last)
            };
            Msg::new("pages.part").arg("part", extent.label.clone()).arg("lines", lines)
        });
        let left = match self.lines_left {
            0 => Msg::new("pages.left.none"),
            n => Msg::new("pages.left").arg("count", n),
        };
        page.arg("number", self.number).arg("count", self.count).arg("parts", Arg::series(parts.chain([left])))
    }
}

/// What marks the limit on the pages: the end of the last page allowed, and every page after it.
pub fn limit_edge_note() -> Msg {
    Msg::new("pages.limit.edge").arg("limit", PAGE_LIMIT)
}

pub fn over_limit_note() -> Msg {
    Msg::new("pages.limit.over").arg("limit", PAGE_LIMIT)
}

/// How the pages are read and used from the keyboard, said once beside them.
pub fn keys_hint() -> Msg {
    Msg::new("pages.keys_hint")
}

/// The line to show while the caret is at byte `at` of section `index`'s text, as (page number,
/// line number): the last line of the paragraph written there, or the section's heading before
/// its first paragraph. `None` when the section is on no page.
pub fn line_at(pages: &[Page], index: usize, at: usize) -> Option<(usize, usize)> {
    let mut found = None;
    for page in pages {
        for line in page.lines.iter().filter(|l| l.part == Part::Section(index)) {
            match line.jump {
                Some(Jump::Section { at: start, .. }) if start <= at => found = Some((page.number, line.number)),
                _ if found.is_none() => found = Some((page.number, line.number)),
                _ => {}
            }
        }
    }
    found
}

/// A move of the line cursor from the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Down,
    Up,
    First,
    Last,
}

/// Where the line cursor goes, as (page number, line number), from line `from` of page `page`
/// (no line yet: `None`): down and up go on to the next and the previous page at either end;
/// the first and the last line are those of the page. `None` when the page has no line.
pub fn step(pages: &[Page], page: usize, from: Option<usize>, step: Step) -> Option<(usize, usize)> {
    let lines = |number: usize| pages.get(number.checked_sub(1)?).map(|p| p.lines.len()).filter(|&n| n > 0);
    let last = lines(page)?;
    Some(match (step, from) {
        (Step::Down | Step::Up, None) | (Step::First, _) => (page, 1),
        (Step::Last, _) => (page, last),
        (Step::Down, Some(line)) if line < last => (page, line + 1),
        (Step::Down, Some(line)) => lines(page + 1).map_or((page, line), |_| (page + 1, 1)),
        (Step::Up, Some(line)) if line > 1 => (page, line - 1),
        (Step::Up, Some(line)) => page.checked_sub(1).and_then(|p| Some((p, lines(p)?))).unwrap_or((page, line)),
    })
}

/// The not-ready line as printed on page `number` of `count`.
pub fn notice_on_page(notice: &str, number: usize, count: usize) -> String {
    format!("{notice} (page {number} of {count})")
}

impl SectionCache {
    /// The pages of `draft` as the PDF draws them now (marked as not ready while `not_ready`, the
    /// must-fix sentences, is not empty), from the lines this cache keeps.
    pub fn pages(&mut self, draft: &Draft, not_ready: Vec<String>, manifest: Manifest) -> Vec<Page> {
        let doc = self.document(draft, not_ready, manifest);
        let set = self.typeset(&doc);
        let starts: Vec<&[usize]> = (0..doc.sections.len()).map(|index| self.starts(index)).collect();
        pages(&set, &doc, &starts)
    }
}

/// The pages of a typeset document; `starts` holds, for each section, where the leaves of its
/// Markdown begin in its text (`parse_with_starts`).
pub fn pages(set: &Typeset, doc: &Document, starts: &[&[usize]]) -> Vec<Page> {
    let parts = parts(set, starts);
    let notice = doc.not_ready_line();
    let count = set.pages.len();
    let mut out = Vec::with_capacity(count);
    for (index, placed) in set.pages.iter().enumerate() {
        let number = index + 1;
        let notice = notice.as_ref().map(|text| {
            let (style, top) = (&SPEC.notice, SPEC.notice_top_twips * 5);
            let text = notice_on_page(text, number, count);
            let bold = Style { bold: true, ..Style::default() };
            let width = centi(text.chars().map(|c| width(c, bold, style.size_pt)).sum());
            Notice { text, left: MARGIN, width, top, height: style.line_centipt, baseline: baseline_centipt(top, style), size: style.size_pt * 100 }
        });
        let mut page = Page { number, count, notice, lines: Vec::new(), rows: rows(set, placed), extents: Vec::new(), lines_left: 0 };
        for line in placed {
            let paragraph = &set.paragraphs[line.paragraph];
            let (breaks, widths) = (&set.breaks[line.paragraph], &set.widths[line.paragraph]);
            let drawn = set.drawn[line.paragraph].get_or_init(|| {
                let lines = breaks.iter().map(Vec::len).max().unwrap_or(1);
                (0..lines).map(|n| pieces(paragraph, breaks, widths, n).into()).collect()
            });
            let Some(pieces) = drawn.get(line.line).filter(|p| !p.is_empty()).cloned() else { continue };
            let style = paragraph.style;
            let (top, number) = (MARGIN + line.top_centipt, page.lines.len() + 1);
            let (part, jump) = parts[line.paragraph];
            match page.extents.last_mut() {
                Some(extent) if extent.part == part => {
                    extent.last = number;
                    extent.bottom = top + style.line_centipt;
                }
                _ => {
                    let (label, short) = labels(part, doc);
                    page.extents.push(Extent { part, label, short, first: number, last: number, top, bottom: top + style.line_centipt });
                }
            }
            let baseline = MARGIN + baseline_centipt(line.top_centipt, style);
            page.lines.push(Line { number, top, height: style.line_centipt, baseline, size: style.size_pt * 100, role: paragraph.role, part, pieces, jump });
        }
        let bottom = placed.last().map_or(0, |l| l.top_centipt + set.paragraphs[l.paragraph].style.line_centipt);
        page.lines_left = (SPEC.text_height_centipt().saturating_sub(bottom) / SPEC.normal.line_centipt) as usize;
        out.push(page);
    }
    out
}

/// The frames of the table rows among a page's lines: a row split over two pages has a frame
/// on each. The PDF rules its tables with the same frames.
pub fn rows(set: &Typeset, placed: &[PlacedLine]) -> Vec<RowFrame> {
    let mut rows: Vec<RowFrame> = Vec::new();
    let mut previous = None;
    for line in placed {
        let paragraph = &set.paragraphs[line.paragraph];
        let Role::Row { .. } = paragraph.role else { continue };
        let top = MARGIN + line.top_centipt;
        let bottom = top + paragraph.style.line_centipt;
        match rows.last_mut() {
            Some(row) if previous == Some(line.paragraph) => row.bottom = bottom,
            _ => rows.push(RowFrame { top, bottom, edges: paragraph.column_edges().map(|x| MARGIN + centi(x)).collect() }),
        }
        previous = Some(line.paragraph);
    }
    rows
}

/// For each paragraph, the part of the document it belongs to and where it is edited.
fn parts(set: &Typeset, starts: &[&[usize]]) -> Vec<(Part, Option<Jump>)> {
    let last = set.paragraphs.len().saturating_sub(1);
    let first_body = set.bodies.first().map_or(0, |b| b.start);
    let mut out: Vec<(Part, Option<Jump>)> = set
        .paragraphs
        .iter()
        .enumerate()
        .map(|(n, p)| match (p.section, p.role) {
            (_, Role::Title) => (Part::Front, Some(Jump::Title)),
            (Some(index), Role::Row { .. } | Role::TableEnd) => (Part::Section(index), Some(Jump::People)),
            (Some(index), _) => (Part::Section(index), Some(Jump::Section { index, at: 0 })),
            (None, _) if n == last => (Part::End, None),
            (None, _) if n < first_body => (Part::Front, None),
            (None, _) => (Part::People, Some(Jump::People)),
        })
        .collect();
    // A section's own paragraphs lead to where each was written (its table rows too).
    for (index, body) in set.bodies.iter().enumerate() {
        for (n, at) in body.clone().zip(sources(&set.paragraphs[body.clone()], starts.get(index).copied().unwrap_or_default())) {
            out[n].1 = Some(Jump::Section { index, at });
        }
    }
    out
}

/// Where each paragraph of a section's body begins in its text: at the start of the leaf it
/// was set from (a code block's lines all at the block's), the space after a table where the
/// table's last row begins.
pub fn sources(body: &[Arc<Paragraph>], starts: &[usize]) -> Vec<usize> {
    let mut next = starts.iter().copied();
    let mut at = 0;
    body.iter()
        .map(|p| {
            if p.role != Role::TableEnd {
                at = next.next().unwrap_or(at);
            }
            at
        })
        .collect()
}

/// A part's name in full and in the margin.
fn labels(part: Part, doc: &Document) -> (Arg, Arg) {
    let words = |label: Key, short: Key| (label.msg().into(), short.msg().into());
    match part {
        Part::Front => words(FRONT_LABEL, FRONT_SHORT),
        Part::Section(index) => doc.sections.get(index).map_or_else(|| words(FRONT_LABEL, FRONT_SHORT), |s| (s.heading.into(), s.short.into())),
        Part::People => words(PEOPLE_LABEL, PEOPLE_SHORT),
        Part::End => words(END_LABEL, END_SHORT),
    }
}

/// The length a margin label is drawn at: its width in the serif (an em for a character it
/// has no width for, as a CJK one is), squeezed to the room of the margin if wider.
pub fn margin_length(short: &str) -> u32 {
    let natural = centi(short.chars().map(|c| width(c, Style::default(), LABEL_SIZE / 100)).sum());
    natural.min(LABEL_RIGHT - LABEL_LEFT)
}

/// Hundredths of a point from 1/120 pt, rounded.
fn centi(units: u32) -> u32 {
    (units * 5 + 3) / 6
}

/// What line `line` of a paragraph shows, in runs of one style: the marker of a list item on
/// its first line, then each cell's text, as wide as the `widths` it was broken with.
fn pieces(paragraph: &Paragraph, breaks: &[Vec<usize>], widths: &[Vec<u32>], line: usize) -> Vec<Piece> {
    let size = paragraph.style.size_pt;
    let margin = SPEC.margin_twips * 6;
    let piece = |text: String, style: Style, left: u32, right: u32| Piece { text, style, left: centi(left), width: centi(right) - centi(left) };
    let mut out = Vec::new();
    if let (Some(marker), 0) = (&paragraph.marker, line) {
        let left = margin + paragraph.marker_left();
        let right = left + marker.chars().map(|c| width(c, Style::default(), size)).sum::<u32>();
        out.push(piece(marker.clone(), Style::default(), left, right));
    }
    for cell in paragraph.line_cells(breaks, line) {
        let mut x = margin + cell.left;
        let mut at = cell.start;
        let cell_widths = widths.get(cell.cell).map_or(&[][..], Vec::as_slice);
        for run in cell.chars.chunk_by(|a, b| a.1 == b.1) {
            let right = x + cell_widths.get(at..at + run.len()).map_or(0, |w| w.iter().sum::<u32>());
            out.push(piece(run.iter().map(|(c, _)| c).collect(), run[0].1, x, right));
            (x, at) = (right, at + run.len());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(number: usize, count: usize, extents: &[(Arg, usize, usize)], lines_left: usize) -> Page {
        let extents = extents.iter().enumerate().map(|(n, (label, first, last))| Extent { part: Part::Section(n), label: label.clone(), short: label.clone(), first: *first, last: *last, top: 0, bottom: 0 }).collect();
        Page { number, count, notice: None, lines: Vec::new(), rows: Vec::new(), extents, lines_left }
    }

    #[test]
    fn a_page_says_what_it_shows_in_one_short_text() {
        let table = [
            (
                page(2, 3, &[("Objectives/Goals of the BPF".into(), 1, 18), ("Expected Output(s)".into(), 19, 46)], 9),
                "Page 2 of 3: Objectives/Goals of the BPF, lines 1-18; Expected Output(s), lines 19-46; 9 lines left",
            ),
            (page(1, 1, &[(FRONT_LABEL.msg().into(), 1, 3), ("Purpose of the WG".into(), 4, 4), (END_LABEL.msg().into(), 5, 6)], 1), "Page 1 of 1: Title and details, lines 1-3; Purpose of the WG, line 4; Template and version, lines 5-6; 1 line left"),
            (page(3, 4, &[("Expected Output(s)".into(), 1, 49)], 0), "Page 3 of 4: Expected Output(s), lines 1-49; no lines left"),
            (page(4, 4, &[(PEOPLE_LABEL.msg().into(), 1, 7)], 40), "Page 4 of 4, over the 3-page limit: Proposed co-facilitators, lines 1-7; 40 lines left"),
        ];
        for (page, expected) in table {
            assert_eq!(page.describe().english(), expected);
        }
    }

    #[test]
    fn the_people_are_called_on_the_pages_as_their_heading_in_the_document() {
        assert_eq!(PEOPLE_LABEL.english(), crate::document::PEOPLE_HEADING);
    }

    #[test]
    fn margin_labels_are_squeezed_into_the_margin_only_when_wider() {
        let room = LABEL_RIGHT - LABEL_LEFT;
        assert!(margin_length("Title") < room);
        assert_eq!(margin_length("Objectives/Goals of the BPF and much more"), room);
        assert!(margin_length("标题") > margin_length("Title"), "an em for each CJK character");
    }

    #[test]
    fn a_line_is_read_with_its_part_and_a_space_between_its_pieces() {
        let piece = |text: &str, left, width| Piece { text: text.into(), style: Style::default(), left, width };
        let line = |number, pieces: Vec<Piece>, jump| Line { number, top: 0, height: 0, baseline: 0, size: 1200, role: Role::Text, part: Part::Section(0), pieces: pieces.into(), jump };
        let mut page = page(1, 1, &[("Objectives/Goals of the BPF".into(), 1, 2)], 3);
        page.lines = vec![
            line(1, vec![piece("•", 7200, 500), piece("Collect ", 9000, 4000), piece("case", 13000, 2000)], Some(Jump::Section { index: 0, at: 2 })),
            line(2, vec![piece("Name", 7600, 2000), piece("Affiliation", 16600, 3000)], None),
        ];
        assert_eq!(page.describe_line(1).map(|m| m.english()).as_deref(), Some("Line 1 of 2 (Objectives/Goals of the BPF): • Collect case"));
        assert_eq!(page.describe_line(2).map(|m| m.english()).as_deref(), Some("Line 2 of 2 (Objectives/Goals of the BPF): Name Affiliation"));
        assert_eq!(page.describe_line(0), None);
        assert_eq!(page.describe_line(3), None);
    }

    #[test]
    fn the_line_cursor_goes_line_by_line_and_on_to_the_next_page() {
        let with_lines = |number, count: usize| {
            let mut page = page(number, 3, &[], 0);
            page.lines = (1..=count).map(|n| Line { number: n, top: 0, height: 0, baseline: 0, size: 0, role: Role::Text, part: Part::End, pieces: Arc::default(), jump: None }).collect();
            page
        };
        let pages = [with_lines(1, 3), with_lines(2, 2), with_lines(3, 4)];
        let table = [
            (1, None, Step::Down, Some((1, 1))),
            (1, None, Step::Up, Some((1, 1))),
            (1, Some(1), Step::Down, Some((1, 2))),
            (1, Some(3), Step::Down, Some((2, 1))),
            (2, Some(1), Step::Up, Some((1, 3))),
            (1, Some(1), Step::Up, Some((1, 1))),
            (3, Some(4), Step::Down, Some((3, 4))),
            (3, Some(2), Step::First, Some((3, 1))),
            (3, None, Step::Last, Some((3, 4))),
            (4, None, Step::Down, None),
        ];
        for (page, from, step_taken, expected) in table {
            assert_eq!(step(&pages, page, from, step_taken), expected, "{step_taken:?} from {from:?} on page {page}");
        }
    }

    #[test]
    fn the_limit_is_the_bottom_of_page_three() {
        let marks: Vec<(bool, bool)> = (1..=5).map(|n| page(n, 5, &[], 0)).map(|p| (p.ends_limit(), p.over_limit())).collect();
        assert_eq!(marks, [(false, false), (false, false), (true, false), (false, true), (false, true)]);
    }

    #[test]
    fn the_not_ready_line_carries_its_page() {
        assert_eq!(notice_on_page("Draft: not ready to submit: 2 to fix", 2, 3), "Draft: not ready to submit: 2 to fix (page 2 of 3)");
    }
}
