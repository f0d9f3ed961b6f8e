//! OpenDocument text (.odt), LibreOffice's own format: `content.xml` holds the body and its
//! automatic styles, `styles.xml` the named styles, list styles and page headers and footers.
//! Headings come from `text:h` or from a paragraph style (by name or default outline level,
//! through its parents); lists from `text:list` nesting with their list style's levels. Tracked
//! changes are accepted by reading the body as it stands: deleted text lives apart, in
//! `text:tracked-changes`, which is skipped.

use igf_codecs::xml::{Element, Node};
use igf_codecs::zip::Archive;

use super::docx::flatten;
use super::styles::{is_mono, outline_role, role_by_name};
use super::{LeftOut, Marks, Paragraph, Part, Reading, Role, WordError, collapse, parse_part, part_text};
use crate::text::i18n::Key;

const OFFICE: &str = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
const TEXT: &str = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
const TABLE: &str = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
const STYLE: &str = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
const FO: &str = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0";
const XLINK: &str = "http://www.w3.org/1999/xlink";
const SVG: &str = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0";
const DRAW: &str = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0";

/// Repeated rows and columns beyond this are not expanded (a sheet-like table can claim a
/// million).
const MAX_REPEAT: usize = 64;

#[derive(Debug, Default)]
struct Style {
    family: String,
    name: String,
    display: String,
    parent: Option<String>,
    outline: Option<u8>,
    marks: Marks,
    list_style: Option<String>,
}

#[derive(Default)]
struct Styles {
    styles: Vec<Style>,
    /// List styles by name: for each level from 1, whether it is numbered (and its start).
    lists: Vec<(String, Vec<Option<u64>>)>,
    mono_fonts: Vec<String>,
}

pub fn read(archive: &mut Archive) -> Result<Reading, WordError> {
    if let Some(mime) = part_text(archive, "mimetype")? {
        let kind = mime.trim().strip_prefix("application/vnd.oasis.opendocument.").unwrap_or("");
        if !kind.starts_with("text") {
            return Err(WordError::NotText(match kind {
                k if k.starts_with("spreadsheet") => Key("error.word.kind.ods"),
                k if k.starts_with("presentation") => Key("error.word.kind.odp"),
                _ => Key("error.word.kind.odf_other"),
            }));
        }
    }
    if part_text(archive, "META-INF/manifest.xml")?.is_some_and(|m| m.contains("encryption-data")) {
        return Err(WordError::Encrypted);
    }
    let mut styles = Styles::default();
    let mut left_out = LeftOut::default();
    let styles_text = part_text(archive, "styles.xml")?;
    if let Some(text) = &styles_text {
        let root = parse_part("styles.xml", text)?;
        for section in root.elements() {
            if section.is(OFFICE, "styles") || section.is(OFFICE, "font-face-decls") {
                styles.add(section);
            } else if section.is(OFFICE, "master-styles") {
                count_page_parts(section, &mut left_out);
            }
        }
    }
    let content = part_text(archive, "content.xml")?.ok_or_else(|| WordError::Missing("content.xml".into()))?;
    let root = parse_part("content.xml", &content)?;
    for section in root.elements().filter(|e| e.is(OFFICE, "automatic-styles") || e.is(OFFICE, "font-face-decls")) {
        styles.add(section);
    }
    let text = root
        .child(OFFICE, "body")
        .and_then(|b| b.child(OFFICE, "text"))
        .ok_or_else(|| WordError::Missing("content.xml (its text body)".into()))?;
    let mut walker = Walker { styles: &styles, left_out, counts: Vec::new() };
    let mut parts = Vec::new();
    walker.blocks(text, &mut parts);
    Ok(Reading { parts, left_out: walker.left_out })
}

/// Headers and footers of the page styles that hold text.
fn count_page_parts(master_styles: &Element, left_out: &mut LeftOut) {
    for page in master_styles.elements() {
        for part in page.elements().filter(|p| p.ns == STYLE && !p.text().trim().is_empty()) {
            if part.name.starts_with("header") {
                left_out.headers += 1;
            } else if part.name.starts_with("footer") {
                left_out.footers += 1;
            }
        }
    }
}

impl Styles {
    fn add(&mut self, section: &Element) {
        for element in section.elements() {
            if element.is(STYLE, "font-face") {
                let family = element.attr(SVG, "font-family").unwrap_or("");
                if element.attr(STYLE, "font-pitch") == Some("fixed") || is_mono(family) {
                    self.mono_fonts.push(element.attr(STYLE, "name").unwrap_or("").to_owned());
                }
            } else if element.is(STYLE, "style") {
                let text = element.child(STYLE, "text-properties");
                let prop = |ns: &str, name: &str| text.and_then(|t| t.attr(ns, name));
                let font = prop(STYLE, "font-name").or_else(|| prop(FO, "font-family")).unwrap_or("");
                self.styles.push(Style {
                    family: element.attr(STYLE, "family").unwrap_or("").to_owned(),
                    name: element.attr(STYLE, "name").unwrap_or("").to_owned(),
                    display: element.attr(STYLE, "display-name").unwrap_or("").to_owned(),
                    parent: element.attr(STYLE, "parent-style-name").map(str::to_owned),
                    outline: element.attr(STYLE, "default-outline-level").and_then(|v| v.parse::<u8>().ok()).filter(|l| *l > 0),
                    marks: Marks {
                        bold: prop(FO, "font-weight").is_some_and(|w| w == "bold" || w.parse::<u16>().is_ok_and(|n| n >= 600)),
                        italic: prop(FO, "font-style").is_some_and(|s| s == "italic" || s == "oblique"),
                        code: !font.is_empty() && (is_mono(font) || self.mono_fonts.iter().any(|f| f == font)),
                    },
                    list_style: element.attr(STYLE, "list-style-name").map(str::to_owned),
                });
            } else if element.is(TEXT, "list-style") {
                let mut levels = Vec::new();
                for level in element.elements() {
                    let at: usize = level.attr(TEXT, "level").and_then(|l| l.parse().ok()).unwrap_or(1).clamp(1, 10);
                    if levels.len() < at {
                        levels.resize(at, None);
                    }
                    let numbered = level.name == "list-level-style-number" && level.attr(STYLE, "num-format").is_none_or(|f| !f.is_empty());
                    levels[at - 1] = numbered.then(|| level.attr(TEXT, "start-value").and_then(|v| v.parse().ok()).unwrap_or(1));
                }
                self.lists.push((element.attr(STYLE, "name").unwrap_or("").to_owned(), levels));
            }
        }
    }

    fn chain<'s>(&'s self, family: &'s str, name: Option<&'s str>) -> impl Iterator<Item = &'s Style> + 's {
        let mut next = name;
        let mut steps = 0;
        std::iter::from_fn(move || {
            let style = self.styles.iter().rev().find(|s| s.family == family && Some(s.name.as_str()) == next)?;
            steps += 1;
            next = style.parent.as_deref().filter(|_| steps < 16);
            Some(style)
        })
    }

    /// The role a paragraph style gives by its name; a default outline level counts for
    /// `text:h` only, as ODF says (LibreOffice reads a `text:p` of such a style as body text).
    fn role(&self, name: Option<&str>, heading: bool) -> Role {
        for style in self.chain("paragraph", name) {
            let display = if style.display.is_empty() { style.name.replace("_20_", " ") } else { style.display.clone() };
            if let Some(role) = role_by_name(&display) {
                return role;
            }
            if let Some(level) = style.outline.filter(|_| heading) {
                return outline_role(level - 1);
            }
        }
        Role::Body
    }

    /// Whether level `depth` (0 first) of a list style is numbered, and from what.
    fn list_level(&self, list_style: Option<&str>, depth: usize) -> Option<u64> {
        let (_, levels) = self.lists.iter().find(|(n, _)| Some(n.as_str()) == list_style)?;
        levels.get(depth).copied().flatten()
    }
}

struct Walker<'a> {
    styles: &'a Styles,
    left_out: LeftOut,
    /// The count of each open list level.
    counts: Vec<u64>,
}

impl Walker<'_> {
    fn blocks(&mut self, parent: &Element, out: &mut Vec<Part>) {
        for element in parent.elements() {
            match (element.ns, element.name) {
                (TEXT, "p" | "h") => {
                    let paragraph = self.paragraph(element);
                    if !paragraph.is_empty() {
                        out.push(Part::Paragraph(paragraph));
                    }
                }
                (TEXT, "list") => {
                    if element.attr(TEXT, "continue-numbering") != Some("true") {
                        self.counts.clear();
                    }
                    self.list(element, 0, element.attr(TEXT, "style-name"), out);
                }
                (TEXT, "section") | (TEXT, "soft-page-break") => self.blocks(element, out),
                (TABLE, "table") => self.table(element, out),
                _ => {}
            }
        }
    }

    fn list(&mut self, list: &Element, depth: usize, style: Option<&str>, out: &mut Vec<Part>) {
        let style = list.attr(TEXT, "style-name").or(style);
        let depth = depth.min(8);
        self.counts.truncate(depth + 1);
        for item in list.elements().filter(|e| e.is(TEXT, "list-item") || e.is(TEXT, "list-header")) {
            let mut paragraph: Option<Paragraph> = None;
            for child in item.elements() {
                if child.is(TEXT, "list") {
                    if let Some(p) = paragraph.take().filter(|p| !p.is_empty()) {
                        out.push(Part::Paragraph(p));
                    }
                    self.list(child, depth + 1, style, out);
                } else if child.is(TEXT, "p") || child.is(TEXT, "h") {
                    let own_style = self.styles.chain("paragraph", child.attr(TEXT, "style-name")).find_map(|s| s.list_style.as_deref());
                    let start = self.styles.list_level(style.or(own_style), depth);
                    let read = self.paragraph(child);
                    match &mut paragraph {
                        // Further paragraphs of one item continue it on a new line.
                        Some(first) => {
                            first.push("\n", Marks::default(), None);
                            first.spans.extend(read.spans);
                        }
                        None => {
                            let number = start.map(|first| {
                                while self.counts.len() <= depth {
                                    self.counts.push(0);
                                }
                                let restart = item.attr(TEXT, "start-value").and_then(|v| v.parse::<u64>().ok());
                                let count = &mut self.counts[depth];
                                *count = restart.unwrap_or(if *count == 0 { first } else { count.saturating_add(1) });
                                *count
                            });
                            let role = if read.role == Role::Body { Role::Item { level: depth as u8, number } } else { read.role };
                            paragraph = Some(Paragraph { role, ..read });
                        }
                    }
                } else if child.is(TABLE, "table") {
                    self.table(child, out);
                }
            }
            if let Some(p) = paragraph.filter(|p| !p.is_empty()) {
                out.push(Part::Paragraph(p));
            }
        }
    }

    fn paragraph(&mut self, element: &Element) -> Paragraph {
        let style = element.attr(TEXT, "style-name");
        let role = if element.name == "h" {
            let level = element.attr(TEXT, "outline-level").and_then(|l| l.parse::<u8>().ok()).unwrap_or(1).max(1);
            match self.styles.role(style, true) {
                Role::Title => Role::Title,
                _ => outline_role(level - 1),
            }
        } else {
            self.styles.role(style, false)
        };
        // Direct formatting of the whole paragraph is its automatic style's own text properties.
        let base = self.styles.chain("paragraph", style).next().map_or(Marks::default(), |s| s.marks);
        let mut paragraph = Paragraph { role, spans: Vec::new(), style: style.unwrap_or("").to_owned() };
        self.inline(element, &mut paragraph, base, None);
        paragraph
    }

    fn inline(&mut self, parent: &Element, paragraph: &mut Paragraph, marks: Marks, link: Option<&str>) {
        for node in &parent.children {
            let element = match node {
                Node::Text(text) => {
                    paragraph.push(&collapse(text), marks, link);
                    continue;
                }
                Node::Element(e) => e,
            };
            match (element.ns, element.name) {
                (TEXT, "s") => {
                    let n: usize = element.attr(TEXT, "c").and_then(|c| c.parse().ok()).unwrap_or(1);
                    paragraph.push(&" ".repeat(n.min(64)), marks, link);
                }
                (TEXT, "tab") => paragraph.push("\t", marks, link),
                (TEXT, "line-break") => paragraph.push("\n", marks, link),
                (TEXT, "span") => {
                    let chain: Vec<Marks> = self.styles.chain("text", element.attr(TEXT, "style-name")).map(|s| s.marks).collect();
                    let own = chain.iter().fold(marks, |m, s| Marks { bold: m.bold || s.bold, italic: m.italic || s.italic, code: m.code || s.code });
                    self.inline(element, paragraph, own, link);
                }
                (TEXT, "a") => self.inline(element, paragraph, marks, element.attr(XLINK, "href").or(link)),
                (TEXT, "note") => self.left_out.notes += 1,
                (OFFICE, "annotation") => self.left_out.comments += 1,
                (DRAW, _) => self.left_out.pictures += 1,
                (TEXT, "bookmark" | "bookmark-start" | "bookmark-end" | "change" | "change-start" | "change-end" | "soft-page-break" | "reference-mark-start" | "reference-mark-end")
                | (OFFICE, "annotation-end") => {}
                // Fields and metadata show their text.
                _ => self.inline(element, paragraph, marks, link),
            }
        }
    }

    fn table(&mut self, table: &Element, out: &mut Vec<Part>) {
        let mut rows = Vec::new();
        self.rows(table, &mut rows);
        if !rows.is_empty() {
            out.push(Part::Table(rows));
        }
    }

    fn rows(&mut self, parent: &Element, rows: &mut Vec<Vec<Vec<Paragraph>>>) {
        for element in parent.elements().filter(|e| e.ns == TABLE) {
            match element.name {
                "table-row" => {
                    let mut cells = Vec::new();
                    for cell in element.elements().filter(|c| c.is(TABLE, "table-cell") || c.is(TABLE, "covered-table-cell")) {
                        let mut inner = Vec::new();
                        self.blocks(cell, &mut inner);
                        let inner = flatten(inner);
                        let repeat = repeated(cell, "number-columns-repeated");
                        cells.extend(std::iter::repeat_n(inner, repeat));
                    }
                    let repeat = repeated(element, "number-rows-repeated");
                    rows.extend(std::iter::repeat_n(cells, repeat));
                }
                "table-header-rows" | "table-rows" | "table-row-group" => self.rows(element, rows),
                _ => {}
            }
        }
    }
}

fn repeated(element: &Element, attribute: &str) -> usize {
    element.attr(TABLE, attribute).and_then(|n| n.parse().ok()).unwrap_or(1).clamp(1, MAX_REPEAT)
}
