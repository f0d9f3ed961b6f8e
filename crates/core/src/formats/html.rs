//! One standalone, print-ready HTML file: A4 print CSS, no external requests, no script, and a
//! Content-Security-Policy that allows nothing but its own style. The draft rides along as inert
//! JSON inside a `<template>` element, so the file opens again in the editor.
//!
//! A draft that is not ready lists its findings on screen; in print they give way to one line in
//! the top margin of every page (an `@page` margin box), which moves no line, as in the PDF.

use igf_codecs::base64;
use igf_codecs::decimal::trimmed;
use sha2::{Digest, Sha256};
use thiserror::Error;

use crate::document::{APP_NAME, APP_VERSION, Document, NOT_READY_TITLE};
use crate::formats::{escape_markup as escape, unescape_markup as unescape};
use crate::layout::spec::{ParagraphStyle, SPEC};
use crate::model::draft::Draft;
use crate::model::envelope::{self, EnvelopeError};
use crate::text::markdown::{Block, Inline};
use crate::text::i18n::Msg;

pub const DRAFT_ELEMENT: &str = r#"<template id="igf-proposal-draft">"#;

/// Print and screen styles, with the numbers of the one typography spec. Chromium rounds the
/// page area to whole pixels, so the bottom margin is 72.5 pt (page-model.md). `not_ready` is
/// the margin line of a draft that is not ready.
fn style(not_ready: Option<&str>) -> String {
    let s = &SPEC;
    let pt = |centipt: u32| format!("{}pt", trimmed(f64::from(centipt) / 100.0, 2));
    let margin = trimmed(f64::from(s.margin_twips) / 20.0, 2);
    let bottom = trimmed(f64::from(s.margin_twips) / 20.0 + 0.5, 2);
    let width = trimmed(f64::from(s.text_width_pt120()) / 120.0, 4);
    let block = |selector: &str, p: &ParagraphStyle| {
        format!(
            "{selector}{{font-size:{}pt;line-height:{};margin:{} 0 {}}}",
            p.size_pt,
            pt(p.line_centipt),
            pt(p.before_centipt),
            pt(p.after_centipt)
        )
    };
    [
        format!("@page{{size:A4;margin:{margin}pt {margin}pt {bottom}pt {margin}pt;{}}}", not_ready.map_or_else(String::new, margin_notice)),
        "html{background:#fff;color:#000}".into(),
        format!(
            "body{{margin:0 auto;padding:24pt 0;width:{width}pt;max-width:calc(100% - 32px);font:{}pt/{} 'Liberation Serif','Times New Roman',Times,'DejaVu Serif',serif;orphans:1;widows:1;hyphens:manual;font-kerning:none;font-variant-ligatures:none;overflow-wrap:anywhere}}",
            s.normal.size_pt,
            pt(s.normal.line_centipt)
        ),
        "@media print{body{padding:0;max-width:none}}".into(),
        block("h1", &s.title),
        block("h2", &s.heading),
        block("h3,h4,h5,h6", &s.subheading),
        "h1,h2,h3,h4,h5,h6{break-after:avoid;break-inside:avoid}".into(),
        block("p", &s.normal),
        format!("ul,ol{{margin:0;padding-left:{}pt}}", s.list_indent_pt),
        block("li", &s.list),
        "li>p{margin:0}".into(),
        format!("blockquote{{margin:0 0 {};padding-left:{}pt;font-style:italic}}", pt(s.quote.after_centipt), s.quote.indent_pt),
        format!("pre{{white-space:pre-wrap;font:{}pt/{} 'Liberation Mono','DejaVu Sans Mono',monospace;margin:0 0 {}}}", s.code.size_pt, pt(s.code.line_centipt), pt(s.normal.after_centipt)),
        "code{font-family:'Liberation Mono','DejaVu Sans Mono',monospace}".into(),
        "table{border-collapse:collapse;width:100%;table-layout:fixed;margin:0 0 6pt}th,td{border:0.5pt solid #666;padding:0 4pt;text-align:left;vertical-align:top}".into(),
        format!("dl.facts{{margin:0;display:grid;grid-template-columns:auto 1fr;gap:0 8pt;line-height:{}}}dl.facts dt{{font-weight:bold}}dl.facts dd{{margin:0}}", pt(s.facts.line_centipt)),
        ".not-ready{border:1.5pt solid #a3261b;padding:6pt 8pt;margin:0 0 12pt}.not-ready h2{margin-top:0;color:#a3261b}@media print{.not-ready{display:none}}".into(),
        ".empty{font-style:italic;color:#555}".into(),
        format!(
            "footer{{margin-top:{};font-size:{}pt;line-height:{};color:#444;border-top:0.5pt solid #999;padding-top:4pt}}",
            pt(s.manifest.before_centipt),
            s.manifest.size_pt,
            pt(s.manifest.line_centipt)
        ),
    ]
    .concat()
}

/// The not-ready line as a margin box over the text area's left edge, where the PDF draws it:
/// its top at the notice distance from the page's edge. `line` is our own words and a number,
/// so it needs no escaping in a CSS string.
fn margin_notice(line: &str) -> String {
    let s = &SPEC;
    let top = trimmed(f64::from(s.notice_top_twips) / 20.0, 2);
    format!(
        "@top-left{{content:\"{line} (page \" counter(page) \" of \" counter(pages) \")\";vertical-align:top;padding-top:{top}pt;font:bold {}pt/{}pt 'Liberation Serif','Times New Roman',Times,serif;color:#a3261b}}",
        s.notice.size_pt,
        trimmed(f64::from(s.notice.line_centipt) / 100.0, 2)
    )
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum HtmlImportError {
    NoDraft,
    Draft(#[from] EnvelopeError),
}

impl HtmlImportError {
    pub fn msg(&self) -> Msg {
        match self {
            HtmlImportError::NoDraft => Msg::new("error.html.no_draft"),
            HtmlImportError::Draft(error) => error.msg(),
        }
    }
}

crate::display_in_english!(HtmlImportError);

pub fn export(draft: &Draft, doc: &Document) -> String {
    let style = style(doc.not_ready_line().as_deref());
    let style_hash = base64::encode(&Sha256::digest(style.as_bytes()));
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str(&format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'sha256-{style_hash}'; base-uri 'none'; form-action 'none'\">\n"
    ));
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!("<meta name=\"generator\" content=\"{APP_NAME} {APP_VERSION}\">\n"));
    out.push_str(&format!("<title>{}</title>\n<style>{style}</style>\n</head>\n<body>\n<article>\n", escape(&doc.title)));
    out.push_str(&format!("<h1>{}</h1>\n<dl class=\"facts\">\n", escape(&doc.title)));
    for (label, value) in &doc.facts {
        out.push_str(&format!("<dt>{label}</dt><dd>{}</dd>\n", escape(value)));
    }
    out.push_str("</dl>\n");
    if !doc.not_ready.is_empty() {
        out.push_str(&format!("<section class=\"not-ready\">\n<h2>{NOT_READY_TITLE}</h2>\n<ul>\n"));
        for message in &doc.not_ready {
            out.push_str(&format!("<li>{}</li>\n", escape(message)));
        }
        out.push_str("</ul>\n</section>\n");
    }
    for (index, section) in doc.sections.iter().enumerate() {
        out.push_str(&format!("<h2>{}</h2>\n", escape(section.heading)));
        if let Some(note) = section.empty_note {
            out.push_str(&format!("<p class=\"empty\">{note}</p>\n"));
        }
        blocks(&mut out, &section.blocks);
        if doc.people_table_after(index) {
            people(&mut out, doc);
        }
    }
    if doc.people_table_at_end() {
        out.push_str("<h2>Proposed co-facilitators</h2>\n");
        people(&mut out, doc);
    }
    out.push_str(&format!("<footer>{}</footer>\n</article>\n", escape(&doc.manifest.line())));
    out.push_str(DRAFT_ELEMENT);
    out.push_str(&escape(&envelope::encode(draft)));
    out.push_str("</template>\n</body>\n</html>\n");
    out
}

/// Reads the draft embedded in an HTML file this editor wrote.
pub fn import(text: &str) -> Result<Draft, HtmlImportError> {
    let start = text.find(DRAFT_ELEMENT).ok_or(HtmlImportError::NoDraft)? + DRAFT_ELEMENT.len();
    let end = text[start..].find("</template>").ok_or(HtmlImportError::NoDraft)? + start;
    Ok(envelope::decode(&unescape(&text[start..end]))?)
}

fn people(out: &mut String, doc: &Document) {
    out.push_str("<table>\n<thead><tr><th>Name</th><th>Affiliation</th><th>Stakeholder group</th><th>Regional group</th><th>MAG member</th></tr></thead>\n<tbody>\n");
    for p in &doc.co_facilitators {
        out.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            escape(&p.name),
            escape(&p.affiliation),
            p.group.map_or("", |g| g.label()),
            escape(p.region.map_or("", |r| r.label())),
            if p.mag_member { "Yes" } else { "No" }
        ));
    }
    out.push_str("</tbody>\n</table>\n");
}

fn blocks(out: &mut String, blocks: &[Block]) {
    for block in blocks {
        match block {
            Block::Paragraph(content) => {
                out.push_str("<p>");
                inlines(out, content);
                out.push_str("</p>\n");
            }
            Block::Heading { level, content } => {
                let tag = format!("h{}", (level + 2).min(6));
                out.push_str(&format!("<{tag}>"));
                inlines(out, content);
                out.push_str(&format!("</{tag}>\n"));
            }
            Block::List { start, items } => {
                let tag = if start.is_some() { "ol" } else { "ul" };
                match start {
                    Some(first) if *first != 1 => out.push_str(&format!("<ol start=\"{first}\">\n")),
                    _ => out.push_str(&format!("<{tag}>\n")),
                }
                for item in items {
                    out.push_str("<li>");
                    self::blocks(out, item);
                    out.push_str("</li>\n");
                }
                out.push_str(&format!("</{tag}>\n"));
            }
            Block::Quote(inner) => {
                out.push_str("<blockquote>\n");
                self::blocks(out, inner);
                out.push_str("</blockquote>\n");
            }
            Block::Code(code) => out.push_str(&format!("<pre><code>{}</code></pre>\n", escape(code))),
            Block::Rule => out.push_str("<hr>\n"),
            Block::Table { head, rows } => {
                out.push_str("<table>\n<thead><tr>");
                for cell in head {
                    out.push_str("<th>");
                    inlines(out, cell);
                    out.push_str("</th>");
                }
                out.push_str("</tr></thead>\n<tbody>\n");
                for row in rows {
                    out.push_str("<tr>");
                    for cell in row {
                        out.push_str("<td>");
                        inlines(out, cell);
                        out.push_str("</td>");
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</tbody>\n</table>\n");
            }
        }
    }
}

fn inlines(out: &mut String, content: &[Inline]) {
    for inline in content {
        match inline {
            Inline::Text(text) => out.push_str(&escape(text)),
            Inline::Code(code) => out.push_str(&format!("<code>{}</code>", escape(code))),
            Inline::Strong(c) => wrap(out, "strong", c),
            Inline::Emphasis(c) => wrap(out, "em", c),
            Inline::Strikethrough(c) => wrap(out, "s", c),
            Inline::Link { url: Some(url), content, .. } => {
                out.push_str(&format!("<a href=\"{}\">", escape(url.as_str())));
                inlines(out, content);
                out.push_str("</a>");
            }
            Inline::Link { url: None, content, .. } => inlines(out, content),
            Inline::Image { url, alt } => {
                let label = escape(&format!("[Image: {alt}]"));
                match url {
                    Some(url) => out.push_str(&format!("<a href=\"{}\">{label}</a>", escape(url.as_str()))),
                    None => out.push_str(&label),
                }
            }
            Inline::LineBreak => out.push_str("<br>\n"),
        }
    }
}

fn wrap(out: &mut String, tag: &str, content: &[Inline]) {
    out.push_str(&format!("<{tag}>"));
    inlines(out, content);
    out.push_str(&format!("</{tag}>"));
}
