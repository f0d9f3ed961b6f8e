//! The body of a .docx as Word, LibreOffice and Google Docs write it: paragraphs, runs and
//! tables, read through what wraps them (content controls `w:sdt`, smart tags, custom XML,
//! `mc:AlternateContent`), with tracked changes accepted (insertions kept, deletions and the
//! paragraph marks deleted with them dropped), links from relationships and from HYPERLINK
//! field codes (`w:fldSimple`, `w:fldChar` with `w:instrText`), and a table of contents left
//! out, since the headings it repeats are read anyway.

use igf_codecs::xml::{Element, Node};
use igf_codecs::zip::Archive;

pub(crate) use crate::formats::docx::{R, W};
use super::numbering::Numbering;
use super::styles::{self, Styles};
use super::{LeftOut, Marks, Paragraph, Part, Reading, Role, WordError, parse_part, part_text};

const MC: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";
const REL: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
/// Strict Open XML names the same vocabulary differently; it is read as the usual one.
const STRICT: [(&str, &str); 2] = [("http://purl.oclc.org/ooxml/wordprocessingml/main", W), ("http://purl.oclc.org/ooxml/officeDocument/relationships", R)];

/// One relationship of a part: id, type (its last path segment), target part or address.
struct Relationship {
    id: String,
    kind: String,
    target: String,
    external: bool,
}

pub fn read(archive: &mut Archive) -> Result<Reading, WordError> {
    let package = relationships(archive, "_rels/.rels", "")?;
    let main = package.iter().find(|r| r.kind == "officeDocument").map_or_else(|| "word/document.xml".to_owned(), |r| r.target.clone());
    let dir = main.rsplit_once('/').map_or("", |(d, _)| d);
    let rels_name = format!("{dir}/_rels/{}.rels", main.rsplit('/').next().unwrap_or(""));
    let rels = relationships(archive, rels_name.trim_start_matches('/'), dir)?;
    let part = |kind: &str| rels.iter().find(|r| r.kind == kind).map(|r| r.target.clone());
    let text = part_text(archive, &main)?.ok_or_else(|| WordError::Missing(main.clone()))?;
    let styles_text = match part("styles") {
        Some(name) => part_text(archive, &name)?.map(|t| (name, t)),
        None => None,
    };
    let styles = match &styles_text {
        Some((name, text)) => Styles::read(&parse_part(name, &strict_to_transitional(text))?),
        None => Styles::default(),
    };
    let numbering = match part("numbering") {
        Some(name) => match part_text(archive, &name)? {
            Some(text) => Numbering::read(&parse_part(&name, &strict_to_transitional(&text))?),
            None => Numbering::default(),
        },
        None => Numbering::default(),
    };
    let text = strict_to_transitional(&text);
    let root = parse_part(&main, &text)?;
    let body = root.child(W, "body").ok_or_else(|| WordError::Missing(format!("{main} (its body)")))?;
    let mut walker = Walker { styles: &styles, numbering, rels: &rels, left_out: LeftOut::default(), fields: Vec::new(), carry: None, page_parts: Vec::new() };
    let mut parts = Vec::new();
    walker.blocks(body, &mut parts);
    if let Some(carried) = walker.carry.take().filter(|p| !p.is_empty()) {
        parts.push(Part::Paragraph(carried));
    }
    let mut left_out = walker.left_out;
    let page_parts = std::mem::take(&mut walker.page_parts);
    for (header, target) in page_parts {
        let text = part_text(archive, &target)?.unwrap_or_default();
        let has_text = igf_codecs::xml::parse(&strict_to_transitional(&text)).is_ok_and(|root| !root.text().trim().is_empty());
        match (has_text, header) {
            (false, _) => {}
            (true, true) => left_out.headers += 1,
            (true, false) => left_out.footers += 1,
        }
    }
    Ok(Reading { parts, left_out })
}

fn strict_to_transitional(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains("http://purl.oclc.org/ooxml/") {
        return text.into();
    }
    STRICT.iter().fold(text.to_owned(), |t, (strict, usual)| t.replace(strict, usual)).into()
}

/// The relationships in `name`, targets resolved against the folder `dir` of their part.
fn relationships(archive: &mut Archive, name: &str, dir: &str) -> Result<Vec<Relationship>, WordError> {
    let Some(text) = part_text(archive, name)? else { return Ok(Vec::new()) };
    let root = parse_part(name, &text)?;
    Ok(root
        .elements()
        .filter(|e| e.is(REL, "Relationship"))
        .map(|e| {
            let target = e.attr("", "Target").unwrap_or("");
            let external = e.attr("", "TargetMode") == Some("External");
            Relationship {
                id: e.attr("", "Id").unwrap_or("").to_owned(),
                kind: e.attr("", "Type").unwrap_or("").rsplit('/').next().unwrap_or("").to_owned(),
                target: if external { target.to_owned() } else { resolve(dir, target) },
                external,
            }
        })
        .collect())
}

/// A part name from a target relative to `dir` (`../x` climbs, `/x` starts at the root).
fn resolve(dir: &str, target: &str) -> String {
    let mut path: Vec<&str> = if target.starts_with('/') { Vec::new() } else { dir.split('/').filter(|s| !s.is_empty()).collect() };
    for segment in target.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                path.pop();
            }
            s => path.push(s),
        }
    }
    path.join("/")
}

/// A field being read: its instruction, and once past `separate`, its link or whether its
/// result is hidden.
#[derive(Default)]
struct Field {
    instruction: String,
    separated: bool,
    link: Option<String>,
    hidden: bool,
}

struct Walker<'a> {
    styles: &'a Styles,
    numbering: Numbering,
    rels: &'a [Relationship],
    left_out: LeftOut,
    fields: Vec<Field>,
    /// A paragraph whose mark was deleted: its text joins the next paragraph.
    carry: Option<Paragraph>,
    /// Header (true) and footer parts referenced by section properties.
    page_parts: Vec<(bool, String)>,
}

/// The content of `mc:AlternateContent` to read: the fallback, which every reader understands,
/// or else the first choice.
fn alternative<'e, 'a>(element: &'e Element<'a>) -> Option<&'e Element<'a>> {
    element.child(MC, "Fallback").or_else(|| element.child(MC, "Choice"))
}

impl Walker<'_> {
    fn blocks(&mut self, parent: &Element, out: &mut Vec<Part>) {
        for element in parent.elements() {
            if element.is(MC, "AlternateContent") {
                if let Some(chosen) = alternative(element) {
                    self.blocks(chosen, out);
                }
                continue;
            }
            if element.ns != W {
                continue;
            }
            match element.name {
                "p" => self.paragraph(element, out),
                "tbl" => self.table(element, out),
                "sdt" => {
                    if let Some(content) = element.child(W, "sdtContent") {
                        self.blocks(content, out);
                    }
                }
                "customXml" | "ins" | "moveTo" | "smartTag" => self.blocks(element, out),
                "sectPr" => self.section_properties(element),
                _ => {}
            }
        }
    }

    fn section_properties(&mut self, sect: &Element) {
        for reference in sect.elements() {
            let header = reference.is(W, "headerReference");
            if !header && !reference.is(W, "footerReference") {
                continue;
            }
            let id = reference.attr(R, "id").unwrap_or("");
            if let Some(rel) = self.rels.iter().find(|r| r.id == id && !r.external)
                && !self.page_parts.iter().any(|(_, t)| *t == rel.target)
            {
                self.page_parts.push((header, rel.target.clone()));
            }
        }
    }

    fn paragraph(&mut self, p: &Element, out: &mut Vec<Part>) {
        let ppr = p.child(W, "pPr");
        let style = ppr.and_then(|p| p.child(W, "pStyle")).and_then(|s| s.attr(W, "val"));
        let role = match ppr.and_then(styles::outline_level) {
            Some(level) => styles::outline_role(level),
            None => self.styles.role(style),
        };
        let numbering = ppr.and_then(styles::numbering_of).or_else(|| self.styles.numbering(style)).filter(|(id, _)| id != "0");
        let role = match (role, numbering) {
            (Role::Body, Some((id, level))) => match self.numbering.next(&id, level, self.styles) {
                Some(number) => Role::Item { level, number },
                None => Role::Body,
            },
            (role, _) => role,
        };
        let mut paragraph = self.carry.take().unwrap_or_default();
        paragraph.role = role;
        paragraph.style = style.unwrap_or("").to_owned();
        self.inline(p, &mut paragraph, None);
        if let Some(sect) = ppr.and_then(|p| p.child(W, "sectPr")) {
            self.section_properties(sect);
        }
        let mark_deleted = ppr.and_then(|p| p.child(W, "rPr")).is_some_and(|r| r.child(W, "del").is_some() || r.child(W, "moveFrom").is_some());
        if mark_deleted {
            self.carry = Some(paragraph);
        } else if !paragraph.is_empty() {
            out.push(Part::Paragraph(paragraph));
        }
    }

    fn link_of(&self, id: Option<&str>) -> Option<String> {
        let id = id?;
        self.rels.iter().find(|r| r.id == id && r.external).map(|r| r.target.clone())
    }

    /// The link of the innermost field whose result is being read.
    fn field_link(&self) -> Option<&str> {
        self.fields.iter().rev().find(|f| f.separated && f.link.is_some()).and_then(|f| f.link.as_deref())
    }

    /// Text is not shown inside a field's instruction or a hidden field's result.
    fn hidden(&self) -> bool {
        self.fields.iter().any(|f| !f.separated || f.hidden)
    }

    fn inline(&mut self, parent: &Element, paragraph: &mut Paragraph, link: Option<&str>) {
        for element in parent.elements() {
            if element.is(MC, "AlternateContent") {
                if let Some(chosen) = alternative(element) {
                    self.inline(chosen, paragraph, link);
                }
                continue;
            }
            if element.ns != W {
                continue;
            }
            match element.name {
                "r" => self.run(element, paragraph, link),
                "hyperlink" => {
                    let target = self.link_of(element.attr(R, "id"));
                    self.inline(element, paragraph, target.as_deref().or(link));
                }
                "fldSimple" => {
                    let instruction = element.attr(W, "instr").unwrap_or("");
                    if !is_toc(instruction) {
                        let target = hyperlink_target(instruction);
                        self.inline(element, paragraph, target.as_deref().or(link));
                    }
                }
                "sdt" => {
                    if let Some(content) = element.child(W, "sdtContent") {
                        self.inline(content, paragraph, link);
                    }
                }
                "ins" | "moveTo" | "smartTag" | "customXml" | "dir" | "bdo" => self.inline(element, paragraph, link),
                _ => {}
            }
        }
    }

    fn run(&mut self, run: &Element, paragraph: &mut Paragraph, link: Option<&str>) {
        let marks = run.child(W, "rPr").map_or(Marks::default(), |rpr| styles::run_marks(rpr, Marks::default(), Some(self.styles)));
        for child in run.elements() {
            if child.is(MC, "AlternateContent") {
                self.left_out.pictures += 1;
                continue;
            }
            if child.ns != W {
                continue;
            }
            let text = match child.name {
                "t" => Some(text_of(child)),
                "tab" | "ptab" => Some("\t".to_owned()),
                "br" => (!matches!(child.attr(W, "type"), Some("page" | "column"))).then(|| "\n".to_owned()),
                "cr" => Some("\n".to_owned()),
                "noBreakHyphen" => Some("-".to_owned()),
                "instrText" => {
                    if let Some(field) = self.fields.last_mut() {
                        field.instruction.push_str(&text_of(child));
                    }
                    None
                }
                "fldChar" => {
                    self.field_char(child.attr(W, "fldCharType").unwrap_or(""));
                    None
                }
                "footnoteReference" | "endnoteReference" => {
                    self.left_out.notes += 1;
                    None
                }
                "commentReference" => {
                    self.left_out.comments += 1;
                    None
                }
                "drawing" | "pict" | "object" => {
                    self.left_out.pictures += 1;
                    None
                }
                _ => None,
            };
            if let Some(text) = text.filter(|_| !self.hidden()) {
                let link = self.field_link().map(str::to_owned).or(link.map(str::to_owned));
                paragraph.push(&text, marks, link.as_deref());
            }
        }
    }

    fn field_char(&mut self, kind: &str) {
        match kind {
            "begin" => self.fields.push(Field::default()),
            "separate" => {
                if let Some(field) = self.fields.last_mut() {
                    field.separated = true;
                    field.link = hyperlink_target(&field.instruction);
                    field.hidden = is_toc(&field.instruction);
                }
            }
            "end" => {
                self.fields.pop();
            }
            _ => {}
        }
    }

    fn table(&mut self, table: &Element, out: &mut Vec<Part>) {
        let mut rows = Vec::new();
        for row in content_of(table, "tr") {
            let deleted = row.child(W, "trPr").is_some_and(|p| p.child(W, "del").is_some());
            if deleted {
                continue;
            }
            let mut cells = Vec::new();
            for cell in content_of(row, "tc") {
                let props = cell.child(W, "tcPr");
                let span: usize = props.and_then(|p| p.child(W, "gridSpan")).and_then(|g| g.attr(W, "val")).and_then(|v| v.parse().ok()).unwrap_or(1);
                let merged = props.and_then(|p| p.child(W, "vMerge")).is_some_and(|m| m.attr(W, "val").is_none_or(|v| v == "continue"));
                let mut inner = Vec::new();
                if !merged {
                    self.blocks(cell, &mut inner);
                }
                cells.push(flatten(inner));
                for _ in 1..span.min(64) {
                    cells.push(Vec::new());
                }
            }
            rows.push(cells);
        }
        if !rows.is_empty() {
            out.push(Part::Table(rows));
        }
    }
}

/// The elements named `name` under `parent`, also inside content controls and custom XML.
fn content_of<'e, 'a>(parent: &'e Element<'a>, name: &'static str) -> Vec<&'e Element<'a>> {
    let mut found = Vec::new();
    for element in parent.elements() {
        if element.is(W, name) {
            found.push(element);
        } else if element.is(W, "sdt") {
            found.extend(element.child(W, "sdtContent").map(|c| content_of(c, name)).unwrap_or_default());
        } else if element.is(W, "customXml") {
            found.extend(content_of(element, name));
        }
    }
    found
}

/// A cell's paragraphs, nested tables read row by row into it.
pub(crate) fn flatten(parts: Vec<Part>) -> Vec<Paragraph> {
    let mut out = Vec::new();
    for part in parts {
        match part {
            Part::Paragraph(p) => out.push(p),
            Part::Table(rows) => out.extend(rows.into_iter().flatten().flatten()),
        }
    }
    out
}

fn text_of(element: &Element) -> String {
    element.children.iter().filter_map(|n| if let Node::Text(t) = n { Some(&**t) } else { None }).collect()
}

fn is_toc(instruction: &str) -> bool {
    instruction.trim_start().get(..3).is_some_and(|w| w.eq_ignore_ascii_case("toc"))
}

/// The address of a `HYPERLINK "url" \o "tip"` instruction; `None` for a link within the
/// document (`\l` only) or any other field.
pub(crate) fn hyperlink_target(instruction: &str) -> Option<String> {
    let rest = instruction.trim_start();
    if !rest.get(..9).is_some_and(|w| w.eq_ignore_ascii_case("hyperlink")) {
        return None;
    }
    let mut rest = rest[9..].trim_start();
    loop {
        if let Some(switch) = rest.strip_prefix('\\') {
            // A switch and its argument: `\l "anchor"`, `\o "tip"`, `\t "frame"`, or alone.
            let with_argument = switch.starts_with(['l', 'o', 't', 'L', 'O', 'T']);
            rest = switch.get(1..).unwrap_or("").trim_start();
            if with_argument {
                rest = skip_token(rest).1;
            }
            continue;
        }
        let (token, _) = skip_token(rest);
        return (!token.is_empty()).then(|| token.to_owned());
    }
}

/// The first token (quoted or up to a space) and what follows.
fn skip_token(text: &str) -> (&str, &str) {
    match text.strip_prefix('"') {
        Some(quoted) => {
            let end = quoted.find('"').unwrap_or(quoted.len());
            (&quoted[..end], quoted.get(end + 1..).unwrap_or("").trim_start())
        }
        None => {
            let end = text.find(char::is_whitespace).unwrap_or(text.len());
            (&text[..end], text[end..].trim_start())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyperlink_instructions() {
        let table = [
            (" HYPERLINK \"https://www.intgovforum.org/\" ", Some("https://www.intgovforum.org/")),
            ("HYPERLINK \\o \"A tip\" \"https://a.org/x y\"", Some("https://a.org/x y")),
            ("hyperlink https://b.org \\t \"_blank\"", Some("https://b.org")),
            (" HYPERLINK \\l \"_Toc123\" ", None),
            (" PAGE ", None),
            ("", None),
        ];
        for (instruction, target) in table {
            assert_eq!(hyperlink_target(instruction).as_deref(), target, "{instruction}");
        }
        assert_eq!(resolve("word", "../customXml/item1.xml"), "customXml/item1.xml");
        assert_eq!(resolve("word", "/word/styles.xml"), "word/styles.xml");
        assert_eq!(resolve("word", "media/../styles.xml"), "word/styles.xml");
    }
}
