//! PDF drawn from the page engine's own layout, so its page count always equals the live count.
//!
//! Text is set in subsets of the fonts the layout measures with (Liberation Serif, DejaVu Serif
//! for the scripts Liberation lacks, Liberation Mono for code), embedded as CID fonts with the
//! layout's widths and a map back to the characters typed (`fonts`). What no embedded font can
//! show, and the scripts written right to left that the layout cannot set yet, are drawn as
//! empty boxes, and [`gaps`] lists them so the Export menu says so. The file is tagged PDF/UA-1:
//! every piece of text belongs to an element of the structure tree (`tags`), and the not-ready
//! line in the top margin, outside the text area (so it never moves a line), is an artifact.

mod file;
mod fonts;
mod tags;

pub use fonts::{FontError, FontFile, Fonts, Shown, choose, right_to_left, script_name};

use igf_codecs::decimal::fixed;

use crate::document::{APP_NAME, APP_VERSION, Document};
use crate::layout::metrics::{Style, width};
use crate::layout::spec::SPEC;
use crate::layout::view::{self, Page, RowFrame, notice_on_page};
use crate::layout::{Paragraph, PlacedLine, Typeset, baseline_centipt, typeset};
use file::{File, ascii_string, push_hex, text_string, xmp};
use fonts::Faces;
use tags::{ParagraphTags, Tree};

/// What the PDF of a document cannot show as itself, each character once, in order of
/// appearance.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Gaps {
    /// Characters no embedded font has.
    pub missing: Vec<char>,
    /// Characters of scripts written right to left.
    pub right_to_left: Vec<char>,
}

/// Every character the document draws, with its style.
fn drawn(set: &Typeset) -> impl Iterator<Item = (char, Style)> + '_ {
    set.paragraphs.iter().flat_map(|p| p.cells.iter().flatten().copied().chain(p.marker.iter().flat_map(|m| m.chars().map(|c| (c, Style::default())))))
}

pub fn gaps(doc: &Document) -> Gaps {
    let mut gaps = Gaps::default();
    for (c, style) in drawn(&typeset(doc)) {
        let list = match choose(c, style).1 {
            Shown::Glyph => continue,
            Shown::Missing => &mut gaps.missing,
            Shown::RightToLeft => &mut gaps.right_to_left,
        };
        if !list.contains(&c) {
            list.push(c);
        }
    }
    gaps
}

/// The font files the document's PDF draws with, which must be in the [`Fonts`] given to
/// [`export`].
pub fn needed(doc: &Document) -> Vec<FontFile> {
    needed_by(doc, &typeset(doc))
}

fn needed_by(doc: &Document, set: &Typeset) -> Vec<FontFile> {
    let notice = doc.not_ready_line().map(|line| line.chars().map(|c| (c, notice_style())).collect::<Vec<_>>()).unwrap_or_default();
    files_drawing(drawn(set).chain(notice))
}

/// The font files that draw `pages` as the PDF does, for a view of them in the same fonts.
pub fn needed_for_pages(pages: &[Page]) -> Vec<FontFile> {
    let pieces = pages.iter().flat_map(|p| &p.lines).flat_map(|l| l.pieces.iter()).flat_map(|p| p.text.chars().map(|c| (c, p.style)));
    let notices = pages.iter().flat_map(|p| &p.notice).flat_map(|n| n.text.chars().map(|c| (c, notice_style())));
    files_drawing(pieces.chain(notices))
}

/// The font files that draw these characters, in the order of [`FontFile::ALL`].
fn files_drawing(chars: impl Iterator<Item = (char, Style)>) -> Vec<FontFile> {
    let mut used = [false; FontFile::ALL.len()];
    for (c, style) in chars {
        used[choose(c, style).0 as usize] = true;
    }
    FontFile::ALL.into_iter().filter(|&f| used[f as usize]).collect()
}

fn notice_style() -> Style {
    Style { bold: true, ..Style::default() }
}

/// A link annotation: where it is on its page, and where it leads.
struct Annotation {
    page: usize,
    rect: [f64; 4],
    url: String,
    text: String,
}

/// What drawing a document's pages builds up.
struct Drawing<'a> {
    faces: Faces<'a>,
    tree: Tree,
    annotations: Vec<Annotation>,
    /// The element whose marked-content sequence is open across lines: a paragraph of one cell
    /// without links is one sequence on each page, whatever its lines.
    open: Option<usize>,
}

pub fn export(doc: &Document, fonts: &Fonts) -> Result<Vec<u8>, FontError> {
    let set = typeset(doc);
    let page_w = f64::from(SPEC.page_width_twips) / 20.0;
    let page_h = f64::from(SPEC.page_height_twips) / 20.0;
    let margin = f64::from(SPEC.margin_twips) / 20.0;
    let faces = Faces::new(fonts, &needed_by(doc, &set))?;
    let mut drawing = Drawing { faces, tree: Tree::new(set.pages.len()), annotations: Vec::new(), open: None };
    let mut paragraph_tags: Vec<Option<ParagraphTags>> = set.paragraphs.iter().map(|_| None).collect();
    let mut contents = Vec::with_capacity(set.pages.len());
    for (number, lines) in set.pages.iter().enumerate() {
        let mut content = String::new();
        if let Some(notice) = doc.not_ready_line() {
            drawing.notice(&mut content, &notice_on_page(&notice, number + 1, set.pages.len()), margin, page_h);
        }
        drawing.rules(&mut content, &view::rows(&set, lines), page_h);
        for line in lines {
            let paragraph = &set.paragraphs[line.paragraph];
            let tags = paragraph_tags[line.paragraph].get_or_insert_with(|| drawing.tree.paragraph(paragraph));
            let place = Place { page: number, margin, page_h };
            drawing.line(&mut content, paragraph, tags, &set.breaks[line.paragraph], line, place);
        }
        drawing.close(&mut content);
        contents.push(content);
    }

    let mut file = File::default();
    let catalog = file.reserve();
    let pages_ref = file.reserve();
    let info = file.reserve();
    let metadata = file.reserve();
    let resources = file.reserve();
    let page_refs: Vec<usize> = set.pages.iter().map(|_| file.reserve()).collect();
    let annotation_refs: Vec<usize> = drawing.annotations.iter().map(|_| file.reserve()).collect();
    let producer = format!("{APP_NAME} {APP_VERSION}");
    for (n, (annotation, &number)) in drawing.annotations.iter().zip(&annotation_refs).enumerate() {
        let [x0, y0, x1, y1] = annotation.rect.map(|v| fixed(v, 2));
        let description = if annotation.text.trim() == annotation.url { annotation.url.clone() } else { format!("{} ({})", annotation.text.trim(), annotation.url) };
        file.put(
            number,
            format!(
                "<< /Type /Annot /Subtype /Link /Rect [{x0} {y0} {x1} {y1}] /Border [0 0 0] /F 4 /P {} 0 R /A << /S /URI /URI {} >> /Contents {} /StructParent {} >>",
                page_refs[annotation.page],
                ascii_string(&annotation.url),
                text_string(&description),
                set.pages.len() + n
            ),
        );
    }
    for (number, content) in contents.iter().enumerate() {
        let stream = file.reserve();
        file.stream(stream, "", content.as_bytes());
        let annots: Vec<String> = drawing.annotations.iter().zip(&annotation_refs).filter(|(a, _)| a.page == number).map(|(_, r)| format!("{r} 0 R")).collect();
        file.put(
            page_refs[number],
            format!(
                "<< /Type /Page /Parent {pages_ref} 0 R /MediaBox [0 0 {} {}] /Resources {resources} 0 R /Contents {stream} 0 R /StructParents {number} /Tabs /S /Annots [{}] >>",
                fixed(page_w, 1),
                fixed(page_h, 1),
                annots.join(" ")
            ),
        );
    }
    let fonts = drawing.faces.write(&mut file)?;
    file.put(resources, format!("<< /Font << {fonts}>> >>"));
    let kids: Vec<String> = page_refs.iter().map(|r| format!("{r} 0 R")).collect();
    file.put(pages_ref, format!("<< /Type /Pages /Kids [{}] /Count {} >>", kids.join(" "), set.pages.len()));
    let structure = drawing.tree.write(&mut file, &page_refs, &annotation_refs);
    file.raw_stream(metadata, "/Type /Metadata /Subtype /XML", xmp(&doc.title, &producer).as_bytes());
    file.put(info, format!("<< /Title {} /Producer {} >>", text_string(&doc.title), text_string(&producer)));
    file.put(
        catalog,
        format!(
            "<< /Type /Catalog /Pages {pages_ref} 0 R /StructTreeRoot {structure} 0 R /MarkInfo << /Marked true >> /Lang (en-GB) /ViewerPreferences << /DisplayDocTitle true >> /Metadata {metadata} 0 R >>"
        ),
    );
    let id: String = doc.manifest.sha256.chars().chain(std::iter::repeat('0')).take(32).collect();
    Ok(file.finish(catalog, info, &id))
}

/// Where the lines of a page go.
#[derive(Clone, Copy)]
struct Place {
    page: usize,
    margin: f64,
    page_h: f64,
}

impl Drawing<'_> {
    /// The not-ready line in the top margin, in bold and in the notice's red, where the DOCX
    /// header puts it: an artifact (a page header), outside the structure.
    fn notice(&mut self, content: &mut String, text: &str, margin: f64, page_h: f64) {
        let style = &SPEC.notice;
        let baseline = page_h - f64::from(baseline_centipt(SPEC.notice_top_twips * 5, style)) / 100.0;
        self.close(content);
        content.push_str(&format!("/Artifact << /Type /Pagination /Subtype /Header >> BDC 0.64 0.15 0.11 rg BT {} {} Td", fixed(margin, 2), fixed(baseline, 2)));
        let chars: Vec<(char, Style)> = text.chars().map(|c| (c, notice_style())).collect();
        self.runs(content, &chars, style.size_pt);
        content.push_str(" ET 0 g EMC\n");
    }

    fn line(&mut self, content: &mut String, paragraph: &Paragraph, tags: &mut ParagraphTags, breaks: &[Vec<usize>], line: &PlacedLine, place: Place) {
        let size = paragraph.style.size_pt;
        let baseline = place.page_h - place.margin - f64::from(baseline_centipt(line.top_centipt, paragraph.style)) / 100.0;
        if let (Some(marker), Some(label), 0) = (&paragraph.marker, tags.label, line.line) {
            self.close(content);
            let left = place.margin + f64::from(paragraph.marker_left()) / 120.0;
            content.push_str(&format!("BT {} {} Td", fixed(left, 2), fixed(baseline, 2)));
            let chars: Vec<(char, Style)> = marker.chars().map(|c| (c, Style::default())).collect();
            self.marked(content, label, place.page, &chars, size);
            content.push_str(" ET\n");
        }
        for on_line in paragraph.line_cells(breaks, line.line) {
            let (cell_index, start) = (on_line.cell, on_line.start);
            let left = place.margin + f64::from(on_line.left) / 120.0;
            if paragraph.cells.len() == 1 && paragraph.links.is_empty() {
                let element = self.tree.element(tags, 0, None);
                if self.open != Some(element) {
                    self.close(content);
                    let mcid = self.tree.mark(element, place.page);
                    content.push_str(&format!("/{} << /MCID {mcid} >> BDC\n", self.tree.role(element)));
                    self.open = Some(element);
                }
                content.push_str(&format!("BT {} {} Td", fixed(left, 2), fixed(baseline, 2)));
                self.runs(content, on_line.chars, size);
                content.push_str(" ET\n");
                continue;
            }
            self.close(content);
            content.push_str(&format!("BT {} {} Td", fixed(left, 2), fixed(baseline, 2)));
            // Pieces of the line, each inside or outside one link.
            let link_at = |i: usize| paragraph.links.iter().position(|l| l.cell == cell_index && (l.start..l.end).contains(&i));
            let end = start + on_line.chars.len();
            let mut piece_start = start;
            let mut x = left;
            while piece_start < end {
                let link = link_at(piece_start);
                let piece_end = (piece_start..end).find(|&i| link_at(i) != link).unwrap_or(end);
                let chars = &on_line.chars[piece_start - start..piece_end - start];
                let element = self.tree.element(tags, cell_index, link);
                self.marked(content, element, place.page, chars, size);
                let piece_width: u32 = chars.iter().map(|&(c, s)| width(c, s, size)).sum();
                let right = x + f64::from(piece_width) / 120.0;
                if let Some(link) = link.and_then(|l| paragraph.links.get(l)) {
                    let text = chars.iter().map(|(c, _)| c).collect();
                    self.tree.annotate(element, place.page);
                    let rect = [x, baseline - 0.25 * f64::from(size), right, baseline + 0.9 * f64::from(size)];
                    self.annotations.push(Annotation { page: place.page, rect, url: link.url.clone(), text });
                }
                x = right;
                piece_start = piece_end;
            }
            content.push_str(" ET\n");
        }
    }

    /// Ends the marked-content sequence open across lines, if any.
    /// The rules of the table rows on a page, as the DOCX and the HTML draw them (0.5 pt, grey
    /// #666): an artifact, since the tags carry the table's structure.
    fn rules(&mut self, content: &mut String, rows: &[RowFrame], page_h: f64) {
        if rows.is_empty() {
            return;
        }
        self.close(content);
        let pt = |centipt: u32| fixed(f64::from(centipt) / 100.0, 2);
        let y = |centipt: u32| fixed(page_h - f64::from(centipt) / 100.0, 2);
        content.push_str("/Artifact << /Type /Layout >> BDC q 0.4 G 0.5 w");
        for row in rows {
            let (Some(&left), Some(&right)) = (row.edges.first(), row.edges.last()) else { continue };
            content.push_str(&format!(" {} {} {} {} re", pt(left), y(row.bottom), pt(right - left), pt(row.bottom - row.top)));
            for &edge in row.edges.iter().skip(1).take(row.edges.len().saturating_sub(2)) {
                content.push_str(&format!(" {} {} m {} {} l", pt(edge), y(row.top), pt(edge), y(row.bottom)));
            }
        }
        content.push_str(" S Q EMC\n");
    }

    fn close(&mut self, content: &mut String) {
        if self.open.take().is_some() {
            content.push_str("EMC\n");
        }
    }

    /// Text in one marked-content sequence of `element`.
    fn marked(&mut self, content: &mut String, element: usize, page: usize, chars: &[(char, Style)], size: u32) {
        let mcid = self.tree.mark(element, page);
        content.push_str(&format!(" /{} << /MCID {mcid} >> BDC", self.tree.role(element)));
        self.runs(content, chars, size);
        content.push_str(" EMC");
    }

    /// Text shown in runs of one font each.
    fn runs(&mut self, content: &mut String, chars: &[(char, Style)], size: u32) {
        let mut current: Option<usize> = None;
        for &(c, style) in chars {
            let (font, cid) = self.faces.cid(c, style);
            if current != Some(font) {
                if current.is_some() {
                    content.push_str("> Tj");
                }
                content.push_str(&format!(" /F{font} {size} Tf <"));
                current = Some(font);
            }
            push_hex(content, cid);
        }
        if current.is_some() {
            content.push_str("> Tj");
        }
    }
}
