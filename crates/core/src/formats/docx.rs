//! DOCX for Word and LibreOffice, written directly as OOXML: real styles (Title, Heading 1,
//! Normal, list styles, a table style), native numbering for lists, A4, exact line heights,
//! no hyphenation and no widow control, so word processors break pages where our layout does.
//! A draft that is not ready says so in a one-line page header inside the top margin, which
//! moves no line of the body. The draft rides along in a custom XML part, so the file opens
//! again in the editor.

use igf_codecs::zip::{self, ZipError};
use thiserror::Error;

use crate::document::{APP_NAME, APP_VERSION, Document};
use crate::formats::{escape_markup as escape, unescape_markup as unescape};
use crate::layout::spec::{ParagraphStyle, SPEC};
use crate::model::draft::Draft;
use crate::model::envelope::{self, EnvelopeError};
use crate::text::markdown::{Block, Inline};
use crate::formats::wordml::zip_msg;
use crate::text::i18n::Msg;

pub(crate) const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
pub(crate) const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
pub(crate) const DRAFT_NS: &str = "urn:igf-proposal-editor:draft";
const DRAFT_PART: &str = "customXml/item1.xml";
const HEADER_PART: &str = "word/header1.xml";

#[derive(Debug, Error, PartialEq, Eq)]
pub enum DocxImportError {
    Zip(#[from] ZipError),
    NoDraft,
    Draft(#[from] EnvelopeError),
}

impl DocxImportError {
    pub fn msg(&self) -> Msg {
        match self {
            DocxImportError::Zip(error) => zip_msg(error),
            DocxImportError::NoDraft => Msg::new("error.docx.no_draft"),
            DocxImportError::Draft(error) => error.msg(),
        }
    }
}

crate::display_in_english!(DocxImportError);

pub fn export(draft: &Draft, doc: &Document) -> Vec<u8> {
    let mut body = Body::default();
    body.paragraph("Title", &[], &[Inline::Text(doc.title.clone())]);
    for (label, value) in &doc.facts {
        body.paragraph("Facts", &[], &[Inline::Strong(vec![Inline::Text(format!("{label}: "))]), Inline::Text(value.clone())]);
    }
    for (index, section) in doc.sections.iter().enumerate() {
        body.paragraph("Heading1", &[], &[Inline::Text(section.heading.to_owned())]);
        if let Some(note) = section.empty_note {
            body.paragraph("Normal", &[], &[Inline::Emphasis(vec![Inline::Text(note.into())])]);
        }
        body.blocks(&section.blocks, 0);
        if doc.people_table_after(index) {
            body.people(doc);
        }
    }
    if doc.people_table_at_end() {
        body.paragraph("Heading1", &[], &[Inline::Text("Proposed co-facilitators".into())]);
        body.people(doc);
    }
    body.paragraph("Manifest", &[], &[Inline::Text(doc.manifest.line())]);

    let header = doc.not_ready_line().map(|line| header(&line));
    let (width, height, margin, header_top) = (SPEC.page_width_twips, SPEC.page_height_twips, SPEC.margin_twips, SPEC.notice_top_twips);
    let header_reference = if header.is_some() { r#"<w:headerReference w:type="default" r:id="rIdHeader"/>"# } else { "" };
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>{}<w:sectPr>{header_reference}<w:pgSz w:w="{width}" w:h="{height}"/><w:pgMar w:top="{margin}" w:right="{margin}" w:bottom="{margin}" w:left="{margin}" w:header="{header_top}" w:footer="720" w:gutter="0"/></w:sectPr></w:body></w:document>"#,
        body.xml
    );
    let mut relationships = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{REL}"><Relationship Id="rIdStyles" Type="{R}/styles" Target="styles.xml"/><Relationship Id="rIdNumbering" Type="{R}/numbering" Target="numbering.xml"/><Relationship Id="rIdSettings" Type="{R}/settings" Target="settings.xml"/><Relationship Id="rIdDraft" Type="{R}/customXml" Target="../{DRAFT_PART}"/>"#
    );
    if header.is_some() {
        relationships.push_str(&format!(r#"<Relationship Id="rIdHeader" Type="{R}/header" Target="header1.xml"/>"#));
    }
    for (n, url) in body.links.iter().enumerate() {
        relationships.push_str(&format!(
            r#"<Relationship Id="rIdLink{n}" Type="{R}/hyperlink" Target="{}" TargetMode="External"/>"#,
            escape(url)
        ));
    }
    relationships.push_str("</Relationships>");
    let draft_xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><proposal xmlns="{DRAFT_NS}">{}</proposal>"#,
        escape(&envelope::encode(draft))
    );
    let core = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{}</dc:title><dc:creator>{}</dc:creator><dc:description>{}</dc:description></cp:coreProperties>"#,
        escape(&doc.title),
        escape(&format!("{APP_NAME} {APP_VERSION}")),
        escape(&doc.manifest.line())
    );
    let numbering = numbering(&body.ordered_starts);
    let styles = styles();
    let content_types = content_types(header.is_some());
    let mut parts: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", content_types.as_bytes()),
        ("_rels/.rels", PACKAGE_RELS.as_bytes()),
        ("docProps/core.xml", core.as_bytes()),
        ("word/document.xml", document.as_bytes()),
        ("word/_rels/document.xml.rels", relationships.as_bytes()),
        ("word/styles.xml", styles.as_bytes()),
        ("word/numbering.xml", numbering.as_bytes()),
        ("word/settings.xml", SETTINGS.as_bytes()),
        (DRAFT_PART, draft_xml.as_bytes()),
        ("customXml/itemProps1.xml", ITEM_PROPS.as_bytes()),
        ("customXml/_rels/item1.xml.rels", ITEM_RELS.as_bytes()),
    ];
    if let Some(header) = &header {
        parts.push((HEADER_PART, header.as_bytes()));
    }
    zip::write(&parts)
}

/// The page header of a draft that is not ready: `line` and the page number, in one paragraph
/// of the notice style, whose single line fits between the header distance and the body.
fn header(line: &str) -> String {
    let text = |t: &str| format!(r#"<w:r><w:t xml:space="preserve">{}</w:t></w:r>"#, escape(t));
    let field = |name: &str| format!(r#"<w:fldSimple w:instr=" {name} "><w:r><w:t>1</w:t></w:r></w:fldSimple>"#);
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr xmlns:w="{W}"><w:p><w:pPr><w:pStyle w:val="NotReady"/></w:pPr>{}{}{}{}{}</w:p></w:hdr>"#,
        text(&format!("{line} (page ")),
        field("PAGE"),
        text(" of "),
        field("NUMPAGES"),
        text(")")
    )
}

/// Reads the draft carried by a DOCX this editor wrote (also after Word saved it again).
pub fn import(bytes: &[u8]) -> Result<Draft, DocxImportError> {
    for n in 1..=9 {
        let Some(part) = zip::read_entry(bytes, &format!("customXml/item{n}.xml"))? else { continue };
        let text = String::from_utf8_lossy(&part);
        let Some(open) = text.find(&format!("xmlns=\"{DRAFT_NS}\">")) else { continue };
        let start = open + DRAFT_NS.len() + 9;
        let end = text[start..].find("</proposal>").ok_or(DocxImportError::NoDraft)? + start;
        return Ok(envelope::decode(&unescape(&text[start..end]))?);
    }
    Err(DocxImportError::NoDraft)
}

#[derive(Default)]
struct Body {
    xml: String,
    /// External link targets, in order of their relationship ids.
    links: Vec<String>,
    /// The first number of each ordered list; list n uses numbering instance n + 2.
    ordered_starts: Vec<u64>,
}

impl Body {
    fn paragraph(&mut self, style: &str, numbering: &[(usize, usize)], content: &[Inline]) {
        self.xml.push_str(&format!("<w:p><w:pPr><w:pStyle w:val=\"{style}\"/>"));
        if let Some((level, id)) = numbering.first() {
            self.xml.push_str(&format!("<w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"{id}\"/></w:numPr>"));
        }
        self.xml.push_str("</w:pPr>");
        self.inlines(content, Marks::default());
        self.xml.push_str("</w:p>");
    }

    fn blocks(&mut self, blocks: &[Block], depth: usize) {
        for block in blocks {
            match block {
                Block::Paragraph(content) => self.paragraph(if depth > 0 { "Quote" } else { "Normal" }, &[], content),
                Block::Heading { content, .. } => self.paragraph("Heading2", &[], content),
                Block::List { start, items } => self.list(*start, items, 0),
                Block::Quote(inner) => self.blocks(inner, depth + 1),
                Block::Code(code) => {
                    for line in code.trim_end_matches('\n').split('\n') {
                        self.paragraph("CodeBlock", &[], &[Inline::Text(line.to_owned())]);
                    }
                }
                Block::Rule => self.paragraph("Rule", &[], &[]),
                Block::Table { head, rows } => {
                    let head: Vec<Vec<Inline>> = head.clone();
                    self.table(&head, rows);
                }
            }
        }
    }

    fn list(&mut self, start: Option<u64>, items: &[Vec<Block>], level: usize) {
        let id = match start {
            Some(first) => {
                self.ordered_starts.push(first);
                self.ordered_starts.len() + 1
            }
            None => 1,
        };
        for item in items {
            let mut first = true;
            for block in item {
                match block {
                    Block::List { start, items } => self.list(*start, items, (level + 1).min(8)),
                    Block::Paragraph(content) if first => self.paragraph("ListParagraph", &[(level, id)], content),
                    Block::Paragraph(content) => self.paragraph("ListContinue", &[], content),
                    other => self.blocks(std::slice::from_ref(other), 0),
                }
                first = false;
            }
            if first {
                self.paragraph("ListParagraph", &[(level, id)], &[]);
            }
        }
    }

    fn table(&mut self, head: &[Vec<Inline>], rows: &[Vec<Vec<Inline>>]) {
        // Equal, fixed columns: the geometry the page engine lays out.
        let column = (SPEC.page_width_twips - 2 * SPEC.margin_twips) / head.len().max(1) as u32;
        self.xml.push_str(&format!(
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"Grid\"/><w:tblW w:w=\"{}\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>",
            column * head.len() as u32
        ));
        for _ in head {
            self.xml.push_str(&format!("<w:gridCol w:w=\"{column}\"/>"));
        }
        self.xml.push_str("</w:tblGrid>");
        let columns = head.len();
        for (n, row) in std::iter::once(head).chain(rows.iter().map(Vec::as_slice)).enumerate() {
            self.xml.push_str("<w:tr>");
            if n == 0 {
                self.xml.push_str("<w:trPr><w:tblHeader/></w:trPr>");
            }
            for column_index in 0..columns {
                self.xml.push_str(&format!("<w:tc><w:tcPr><w:tcW w:w=\"{column}\" w:type=\"dxa\"/></w:tcPr>"));
                let cell = row.get(column_index).map_or(&[][..], Vec::as_slice);
                let content: Vec<Inline> = if n == 0 { vec![Inline::Strong(cell.to_vec())] } else { cell.to_vec() };
                self.paragraph("TableText", &[], &content);
                self.xml.push_str("</w:tc>");
            }
            self.xml.push_str("</w:tr>");
        }
        self.xml.push_str("</w:tbl>");
        // Word needs a paragraph between a table and what follows.
        self.paragraph("TableAfter", &[], &[]);
    }

    fn people(&mut self, doc: &Document) {
        let text = |s: &str| vec![Inline::Text(s.to_owned())];
        let head: Vec<Vec<Inline>> = ["Name", "Affiliation", "Stakeholder group", "Regional group", "MAG member"].iter().map(|h| text(h)).collect();
        let rows: Vec<Vec<Vec<Inline>>> = doc
            .co_facilitators
            .iter()
            .map(|p| {
                vec![
                    text(&p.name),
                    text(&p.affiliation),
                    text(p.group.map_or("", |g| g.label())),
                    text(p.region.map_or("", |r| r.label())),
                    text(if p.mag_member { "Yes" } else { "No" }),
                ]
            })
            .collect();
        self.table(&head, &rows);
    }

    fn inlines(&mut self, content: &[Inline], marks: Marks) {
        for inline in content {
            match inline {
                Inline::Text(text) => self.run(text, marks),
                Inline::Code(code) => self.run(code, Marks { code: true, ..marks }),
                Inline::Strong(c) => self.inlines(c, Marks { bold: true, ..marks }),
                Inline::Emphasis(c) => self.inlines(c, Marks { italic: true, ..marks }),
                Inline::Strikethrough(c) => self.inlines(c, Marks { strike: true, ..marks }),
                Inline::Link { url: Some(url), content, .. } if is_external(url.as_str()) => {
                    self.links.push(url.as_str().to_owned());
                    self.xml.push_str(&format!("<w:hyperlink r:id=\"rIdLink{}\">", self.links.len() - 1));
                    self.inlines(content, Marks { link: true, ..marks });
                    self.xml.push_str("</w:hyperlink>");
                }
                Inline::Link { content, .. } => self.inlines(content, marks),
                Inline::Image { alt, .. } => self.run(&format!("[Image: {alt}]"), Marks { italic: true, ..marks }),
                Inline::LineBreak => self.xml.push_str("<w:r><w:br/></w:r>"),
            }
        }
    }

    fn run(&mut self, text: &str, marks: Marks) {
        self.xml.push_str("<w:r>");
        // Properties in the order the schema requires.
        let mut props = String::new();
        if marks.code {
            props.push_str("<w:rStyle w:val=\"CodeChar\"/>");
        } else if marks.link {
            props.push_str("<w:rStyle w:val=\"Hyperlink\"/>");
        }
        if marks.bold {
            props.push_str("<w:b/>");
        }
        if marks.italic {
            props.push_str("<w:i/>");
        }
        if marks.strike {
            props.push_str("<w:strike/>");
        }
        if !props.is_empty() {
            self.xml.push_str(&format!("<w:rPr>{props}</w:rPr>"));
        }
        for (n, piece) in text.split('\t').enumerate() {
            if n > 0 {
                self.xml.push_str("<w:tab/>");
            }
            if !piece.is_empty() {
                self.xml.push_str(&format!("<w:t xml:space=\"preserve\">{}</w:t>", escape(piece)));
            }
        }
        self.xml.push_str("</w:r>");
    }
}

#[derive(Clone, Copy, Default)]
struct Marks {
    bold: bool,
    italic: bool,
    strike: bool,
    code: bool,
    link: bool,
}

fn is_external(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    lower.starts_with("http:") || lower.starts_with("https:") || lower.starts_with("mailto:")
}

/// Bullets for every unordered list; one numbering instance per ordered list, restarting at its
/// own first number.
fn numbering(ordered_starts: &[u64]) -> String {
    let step = SPEC.list_indent_pt * 20;
    let levels = |format: &str| -> String {
        (0..9)
            .map(|level| {
                let text = if format == "bullet" { "•".to_owned() } else { format!("%{}.", level + 1) };
                format!(
                    r#"<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{format}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{}" w:hanging="{step}"/></w:pPr></w:lvl>"#,
                    step * (level + 1)
                )
            })
            .collect()
    };
    let mut xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>{}</w:abstractNum><w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>{}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#,
        levels("bullet"),
        levels("decimal")
    );
    for (n, start) in ordered_starts.iter().enumerate() {
        xml.push_str(&format!(
            r#"<w:num w:numId="{}"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start}"/></w:lvlOverride></w:num>"#,
            n + 2
        ));
    }
    xml.push_str("</w:numbering>");
    xml
}

/// The content types every package has; [`content_types`] closes the list.
const COMMON_CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/>"#;

/// The package's content types, with the page header's when there is one.
fn content_types(header: bool) -> String {
    let header_type = if header {
        format!(r#"<Override PartName="/{HEADER_PART}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>"#)
    } else {
        String::new()
    };
    format!("{COMMON_CONTENT_TYPES}{header_type}</Types>")
}

const PACKAGE_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#;

const ITEM_PROPS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="no"?><ds:datastoreItem ds:itemID="{6B1D2C1E-6F0A-4C55-9C7A-1F0D4E8A2B31}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="urn:igf-proposal-editor:draft"/></ds:schemaRefs></ds:datastoreItem>"#;

const ITEM_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps" Target="itemProps1.xml"/></Relationships>"#;

const SETTINGS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:defaultTabStop w:val="720"/><w:autoHyphenation w:val="false"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>"#;

/// Every style sets what it uses, with the numbers of the one typography spec: a Times-metric
/// serif on exact line heights, spacing before and after, keep-with-next for headings.
fn styles() -> String {
    let s = &SPEC;
    let border = |side: &str, size: u32, space: u32, color: &str| {
        format!(r#"<w:pBdr><w:{side} w:val="single" w:sz="{size}" w:space="{space}" w:color="{color}"/></w:pBdr>"#)
    };
    let mono = r#"<w:rFonts w:ascii="Courier New" w:hAnsi="Courier New" w:cs="Courier New"/>"#;
    let paragraph_styles = [
        paragraph_style("Normal", "Normal", &s.normal, "", "", ""),
        paragraph_style("Title", "Title", &s.title, "", "", "<w:b/>"),
        paragraph_style("Heading1", "heading 1", &s.heading, "", r#"<w:outlineLvl w:val="0"/>"#, "<w:b/>"),
        paragraph_style("Heading2", "heading 2", &s.subheading, "", r#"<w:outlineLvl w:val="1"/>"#, "<w:b/>"),
        paragraph_style("Facts", "Facts", &s.facts, "", "", ""),
        paragraph_style("NotReady", "Not ready notice", &s.notice, "", "", r#"<w:b/><w:color w:val="A3261B"/>"#),
        paragraph_style("ListParagraph", "List Paragraph", &s.list, "", "", ""),
        paragraph_style("ListContinue", "List Continue", &s.list_continue, "", "", ""),
        paragraph_style("Quote", "Quote", &s.quote, "", "", "<w:i/>"),
        paragraph_style("CodeBlock", "Code Block", &s.code, "", "", mono),
        paragraph_style("Rule", "Rule", &s.normal, &border("bottom", 6, 1, "999999"), "", ""),
        paragraph_style("TableText", "Table Text", &s.table_text, "", "", ""),
        paragraph_style("TableAfter", "Table After", &s.table_after, "", "", ""),
        paragraph_style("Manifest", "Manifest", &s.manifest, &border("top", 4, 4, "999999"), "", r#"<w:color w:val="444444"/>"#),
    ];
    let normal = &s.normal;
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{W}">"#,
            r#"<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:spacing w:before="0" w:after="{after}" w:line="{line}" w:lineRule="exact"/></w:pPr></w:pPrDefault></w:docDefaults>"#,
            "{paragraphs}",
            r#"<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:rPr><w:color w:val="0B4A8B"/><w:u w:val="single"/></w:rPr></w:style>"#,
            r#"<w:style w:type="character" w:styleId="CodeChar"><w:name w:val="Code"/><w:rPr>{mono}</w:rPr></w:style>"#,
            r#"<w:style w:type="table" w:styleId="Grid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="666666"/><w:left w:val="single" w:sz="4" w:space="0" w:color="666666"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="666666"/><w:right w:val="single" w:sz="4" w:space="0" w:color="666666"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="666666"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="666666"/></w:tblBorders><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#,
            "</w:styles>"
        ),
        W = W,
        size = normal.size_pt * 2,
        after = normal.after_centipt / 5,
        line = normal.line_centipt / 5,
        paragraphs = paragraph_styles.concat(),
        mono = mono,
    )
}

/// One paragraph style from the spec: sizes in half-points, spacing and indents in twips.
fn paragraph_style(id: &str, name: &str, spec: &ParagraphStyle, border: &str, outline: &str, run: &str) -> String {
    let keep = if spec.keep_next { "<w:keepNext/>" } else { "" };
    let indent = match (id, spec.indent_pt) {
        (_, 0) => String::new(),
        ("ListParagraph", pt) => format!(r#"<w:ind w:left="{}" w:hanging="{}"/>"#, pt * 20, pt * 20),
        (_, pt) => format!(r#"<w:ind w:left="{}"/>"#, pt * 20),
    };
    let (base, default) = if id == "Normal" { ("", r#" w:default="1""#) } else { (r#"<w:basedOn w:val="Normal"/>"#, "") };
    format!(
        r#"<w:style w:type="paragraph"{default} w:styleId="{id}"><w:name w:val="{name}"/>{base}<w:qFormat/><w:pPr>{keep}<w:widowControl w:val="0"/>{border}<w:spacing w:before="{}" w:after="{}" w:line="{}" w:lineRule="exact"/>{indent}<w:jc w:val="left"/>{outline}</w:pPr><w:rPr>{run}<w:sz w:val="{}"/><w:szCs w:val="{}"/></w:rPr></w:style>"#,
        spec.before_centipt / 5,
        spec.after_centipt / 5,
        spec.line_centipt / 5,
        spec.size_pt * 2,
        spec.size_pt * 2,
    )
}
