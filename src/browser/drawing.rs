//! The drawing of one page of the page view: SVG built with DOM calls (every text a text node,
//! never parsed markup) and kept between updates, so a new version of the page replaces only
//! the lines that changed, and the marks (not-ready band, table frames, extents, limit) only
//! when they change. The same drawing as Leptos views, with a keyed list of lines, cost about
//! 8 KB of gzipped wasm more.
//!
//! Invariant: what is drawn is the `Page` given, nothing else: each line at its baseline, each
//! run of text as wide as the layout says (`textLength`), or a bar as wide until the fonts are
//! there. A refused DOM call leaves the drawing as it was; nothing here panics.

use igf_core::layout::Role;
use igf_core::layout::metrics::Style;
use igf_core::layout::view::{self, Line, Page, Part, Piece};
use igf_core::text::i18n::Arg;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

const SVG: Option<&str> = Some("http://www.w3.org/2000/svg");

/// A page's drawing, in the element it was made in.
pub struct PageDrawing {
    document: Document,
    svg: Element,
    marks: Element,
    lines: Element,
    follow: Element,
    cursor: Element,
    /// What is drawn now, and whether as text or as bars.
    shown: Option<Page>,
    text: bool,
    line_nodes: Vec<Element>,
    /// The extents' band, bracket and label, with the section each belongs to.
    extent_nodes: Vec<(Option<usize>, [Element; 3])>,
    active: Option<usize>,
    /// The lines the marks are on.
    marked: [Option<usize>; 2],
    notes: LimitNotes,
    /// Writes a margin label in the interface's language.
    words: fn(&Arg) -> String,
}

/// The words at the page limit, in the interface's language: at the end of the last page
/// allowed, and over every page after it.
pub struct LimitNotes {
    pub edge: String,
    pub over: String,
}

/// A mark on one line of the page.
#[derive(Clone, Copy)]
pub enum Mark {
    /// The line the caret is on.
    Follow,
    /// The line the keyboard is on.
    Cursor,
}

impl PageDrawing {
    /// An empty page in `holder`; `number` names the marks it can scroll to (`page-N-follow`,
    /// `page-N-cursor`).
    pub fn new(holder: &Element, number: usize, notes: LimitNotes, words: fn(&Arg) -> String) -> Option<PageDrawing> {
        let document = holder.owner_document()?;
        let size = format!("0 0 {} {}", view::PAGE_WIDTH, view::PAGE_HEIGHT);
        let svg = make(&document, "svg", &[("class", "sheet-drawing"), ("viewBox", &size), ("aria-hidden", "true"), ("focusable", "false")])?;
        let (width, height) = (view::PAGE_WIDTH.to_string(), view::PAGE_HEIGHT.to_string());
        add(&svg, make(&document, "rect", &[("class", "paper"), ("width", &width), ("height", &height)])?);
        let marks = add(&svg, make(&document, "g", &[])?)?;
        let follow = add(&svg, make(&document, "rect", &[("class", "follow"), ("id", &format!("page-{number}-follow")), ("display", "none")])?)?;
        let lines = add(&svg, make(&document, "g", &[("class", "lines")])?)?;
        let cursor = add(&svg, make(&document, "rect", &[("class", "line-cursor"), ("id", &format!("page-{number}-cursor")), ("display", "none")])?)?;
        holder.append_child(&svg).ok()?;
        Some(PageDrawing { document, svg, marks, lines, follow, cursor, shown: None, text: false, line_nodes: Vec::new(), extent_nodes: Vec::new(), active: None, marked: [None; 2], notes, words })
    }

    /// Draws `page`, as text once the fonts are there (`text`), redrawing only what changed.
    pub fn update(&mut self, page: &Page, text: bool) {
        if self.text == text && self.shown.as_ref() == Some(page) {
            return;
        }
        let shown = self.shown.take();
        let redraw = self.text != text;
        self.text = text;
        let marks_changed = shown.as_ref().is_none_or(|old| (&old.notice, &old.rows, &old.extents, old.number, old.count) != (&page.notice, &page.rows, &page.extents, page.number, page.count));
        if marks_changed {
            self.draw_marks(page);
        }
        for (index, line) in page.lines.iter().enumerate() {
            let same = !redraw && shown.as_ref().and_then(|old| old.lines.get(index)) == Some(line);
            if same {
                continue;
            }
            let Some(node) = self.line(line) else { continue };
            match self.line_nodes.get_mut(index) {
                Some(old) => {
                    let _ = self.lines.replace_child(&node, old);
                    *old = node;
                }
                None => {
                    let _ = self.lines.append_child(&node);
                    self.line_nodes.push(node);
                }
            }
        }
        for extra in self.line_nodes.drain(page.lines.len().min(self.line_nodes.len())..) {
            extra.remove();
        }
        self.shown = Some(page.clone());
        self.place(Mark::Follow, self.marked[0]);
        self.place(Mark::Cursor, self.marked[1]);
    }

    /// Shows which section is being edited: its extents stand out.
    pub fn set_active(&mut self, section: Option<usize>) {
        if self.active == section {
            return;
        }
        self.apply_active(section);
    }

    fn apply_active(&mut self, section: Option<usize>) {
        self.active = section;
        for (part, nodes) in &self.extent_nodes {
            let on = part.is_some() && *part == section;
            for node in nodes {
                let _ = node.class_list().toggle_with_force("active", on);
            }
        }
    }

    /// Puts a mark on line `number` of the page (`None`: hides it).
    pub fn mark(&mut self, mark: Mark, number: Option<usize>) {
        if self.marked[mark as usize] != number {
            self.place(mark, number);
        }
    }

    fn place(&mut self, mark: Mark, number: Option<usize>) {
        self.marked[mark as usize] = number;
        let node = match mark {
            Mark::Follow => &self.follow,
            Mark::Cursor => &self.cursor,
        };
        let line = number.and_then(|n| self.shown.as_ref()?.lines.get(n.checked_sub(1)?));
        match line {
            Some(line) => {
                set(node, &[("x", &(view::MARGIN - 600).to_string()), ("y", &line.top.to_string()), ("width", &(view::PAGE_WIDTH - 2 * view::MARGIN + 1200).to_string()), ("height", &line.height.to_string())]);
                let _ = node.remove_attribute("display");
            }
            None => set(node, &[("display", "none")]),
        }
    }

    fn draw_marks(&mut self, page: &Page) {
        let _ = self.svg.class_list().toggle_with_force("over", page.over_limit());
        self.marks.set_text_content(None);
        self.extent_nodes.clear();
        let d = &self.document;
        let g = &self.marks;
        let full_width = view::PAGE_WIDTH.to_string();
        if let Some(notice) = &page.notice {
            add_to(g, make(d, "rect", &[("class", "notice-band"), ("y", &(notice.top - 300).to_string()), ("width", &full_width), ("height", &(notice.height + 600).to_string())]));
            let piece = Piece { text: notice.text.clone(), style: Style { bold: true, ..Style::default() }, left: notice.left, width: notice.width };
            add_to(g, text(d, "notice", &piece, notice.baseline, notice.size));
        }
        let bracket = view::MARGIN - 700;
        for extent in &page.extents {
            let section = match extent.part {
                Part::Section(index) => Some(index),
                _ => None,
            };
            let band = make(d, "rect", &[("class", "extent-band"), ("x", &(view::MARGIN - 600).to_string()), ("y", &extent.top.to_string()), ("width", &(view::PAGE_WIDTH - 2 * view::MARGIN + 1200).to_string()), ("height", &(extent.bottom - extent.top).to_string())]);
            let path = format!("M{} {}h-300V{}h300", bracket + 300, extent.top + 150, extent.bottom - 150);
            let line = make(d, "path", &[("class", "bracket"), ("d", &path)]);
            let short = (self.words)(&extent.short);
            let label = make(d, "text", &[("class", "extent-label"), ("x", &view::LABEL_RIGHT.to_string()), ("y", &(extent.top + view::LABEL_SIZE).to_string()), ("text-anchor", "end"), ("font-size", &view::LABEL_SIZE.to_string()), ("textLength", &view::margin_length(&short).to_string()), ("lengthAdjust", "spacingAndGlyphs")]);
            let (Some(band), Some(line), Some(label)) = (band, line, label) else { continue };
            label.set_text_content(Some(&short));
            for node in [&band, &line, &label] {
                let _ = g.append_child(node);
            }
            self.extent_nodes.push((section, [band, line, label]));
        }
        // Over the bands, which a section being edited fills.
        for row in &page.rows {
            let (left, right) = (row.edges.first().copied().unwrap_or(view::MARGIN), row.edges.last().copied().unwrap_or(view::MARGIN));
            add_to(g, make(d, "rect", &[("class", "row"), ("x", &left.to_string()), ("y", &row.top.to_string()), ("width", &(right - left).to_string()), ("height", &(row.bottom - row.top).to_string())]));
            for x in row.edges.iter().skip(1).take(row.edges.len().saturating_sub(2)) {
                let x = x.to_string();
                add_to(g, make(d, "line", &[("class", "row-edge"), ("x1", &x), ("x2", &x), ("y1", &row.top.to_string()), ("y2", &row.bottom.to_string())]));
            }
        }
        if page.ends_limit() {
            let y = (view::PAGE_HEIGHT - 250).to_string();
            add_to(g, make(d, "line", &[("class", "limit-edge"), ("x1", "0"), ("x2", &full_width), ("y1", &y), ("y2", &y)]));
            add_to(g, note(d, "limit-label", &self.notes.edge, view::PAGE_HEIGHT - 900, 1400));
        }
        if page.over_limit() {
            let id = format!("over-hatch-{}", page.number);
            if let Some(pattern) = make(d, "pattern", &[("id", &id), ("patternUnits", "userSpaceOnUse"), ("width", "1600"), ("height", "1600"), ("patternTransform", "rotate(45)")]) {
                add_to(&pattern, make(d, "rect", &[("class", "hatch"), ("width", "500"), ("height", "1600")]));
                let defs = make(d, "defs", &[]);
                if let Some(defs) = defs {
                    add_to(&defs, Some(pattern));
                    add_to(g, Some(defs));
                }
            }
            add_to(g, make(d, "rect", &[("class", "over"), ("width", &full_width), ("height", &view::PAGE_HEIGHT.to_string()), ("fill", &format!("url(#{id})"))]));
            add_to(g, note(d, "over-label", &self.notes.over, 2400, 1600));
        }
        self.apply_active(self.active);
    }

    /// A line: a target the width of the text for the pointer, and its runs as text or bars.
    fn line(&self, line: &Line) -> Option<Element> {
        let class = match line.role {
            Role::Title => "ln ln-title",
            Role::Heading => "ln ln-heading",
            Role::Subheading => "ln ln-subheading",
            Role::Row { first: true } => "ln ln-head",
            _ => "ln",
        };
        let d = &self.document;
        let g = make(d, "g", &[("class", class), ("data-line", &line.number.to_string())])?;
        add_to(&g, make(d, "rect", &[("class", "hit"), ("x", &(view::MARGIN - 600).to_string()), ("y", &line.top.to_string()), ("width", &(view::PAGE_WIDTH - 2 * view::MARGIN + 1200).to_string()), ("height", &line.height.to_string())]));
        for piece in line.pieces.iter() {
            add_to(&g, if self.text { text(d, style_class(piece.style), piece, line.baseline, line.size) } else { bar(d, piece, line.baseline, line.size) });
        }
        Some(g)
    }
}

fn style_class(style: Style) -> &'static str {
    match (style.mono, style.bold, style.italic) {
        (true, _, _) => "m",
        (false, true, true) => "b i",
        (false, true, false) => "b",
        (false, false, true) => "i",
        (false, false, false) => "r",
    }
}

/// A run of text, as wide as the layout measured it whatever font draws it.
fn text(d: &Document, class: &str, piece: &Piece, baseline: u32, size: u32) -> Option<Element> {
    let node = make(d, "text", &[("class", class), ("x", &piece.left.to_string()), ("y", &baseline.to_string()), ("font-size", &size.to_string()), ("textLength", &piece.width.to_string()), ("lengthAdjust", "spacingAndGlyphs")])?;
    node.set_text_content(Some(&piece.text));
    Some(node)
}

/// A bar from the baseline up to about the height of small letters; bold runs are taller, so
/// headings stand out without colour.
fn bar(d: &Document, piece: &Piece, baseline: u32, size: u32) -> Option<Element> {
    let height = if piece.style.bold { size * 11 / 20 } else { size * 2 / 5 };
    let class = if piece.style.bold { "bar b" } else { "bar" };
    make(d, "rect", &[("class", class), ("x", &piece.left.to_string()), ("y", &(baseline - height).to_string()), ("width", &piece.width.to_string()), ("height", &height.to_string())])
}

/// A note across the middle of the page, in the interface's font.
fn note(d: &Document, class: &str, text: &str, baseline: u32, size: u32) -> Option<Element> {
    let node = make(d, "text", &[("class", class), ("x", &(view::PAGE_WIDTH / 2).to_string()), ("y", &baseline.to_string()), ("text-anchor", "middle"), ("font-size", &size.to_string())])?;
    node.set_text_content(Some(text));
    Some(node)
}

fn make(d: &Document, name: &str, attributes: &[(&str, &str)]) -> Option<Element> {
    let element = d.create_element_ns(SVG, name).ok()?;
    set(&element, attributes);
    Some(element)
}

fn set(element: &Element, attributes: &[(&str, &str)]) {
    for (name, value) in attributes {
        let _ = element.set_attribute(name, value);
    }
}

fn add(parent: &Element, child: Element) -> Option<Element> {
    parent.append_child(&child).ok()?.dyn_into().ok()
}

fn add_to(parent: &Element, child: Option<Element>) {
    if let Some(child) = child {
        let _ = parent.append_child(&child);
    }
}
