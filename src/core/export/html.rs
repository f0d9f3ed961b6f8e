//! One standalone, print-ready HTML file: A4 print CSS, no external requests, no script, and a
//! Content-Security-Policy that allows nothing but its own style. The draft rides along as inert
//! JSON inside a `<template>` element, so the file opens again in the editor.

use sha2::{Digest, Sha256};
use thiserror::Error;

use super::{APP_NAME, APP_VERSION, Document, NOT_READY_TITLE, escape_markup as escape, unescape_markup as unescape};
use crate::core::base64;
use crate::core::draft::Draft;
use crate::core::envelope::{self, EnvelopeError};
use crate::core::markdown::{Block, Inline};

pub const DRAFT_ELEMENT: &str = r#"<template id="igf-proposal-draft">"#;

/// Print and screen styles; the page numbers follow the typography of design.md.
const STYLE: &str = "@page{size:A4;margin:72pt 72pt 72.5pt 72pt}\
html{background:#fff;color:#000}\
body{margin:0 auto;padding:24pt 0;width:451.3pt;max-width:calc(100% - 32px);font:12pt/14pt 'Liberation Serif','Times New Roman',Times,'DejaVu Serif',serif;orphans:1;widows:1;hyphens:manual;font-kerning:none;font-variant-ligatures:none;overflow-wrap:anywhere}\
@media print{body{padding:0;max-width:none}}\
h1{font-size:16pt;line-height:19pt;margin:0 0 6pt}\
h2{font-size:13pt;line-height:16pt;margin:12pt 0 6pt;break-after:avoid;break-inside:avoid}\
h3,h4,h5,h6{font-size:12pt;line-height:14pt;margin:6pt 0 6pt;break-after:avoid}\
p{margin:0 0 6pt}ul,ol{margin:0 0 6pt;padding-left:18pt}li{margin:0 0 3pt}li>p{margin:0}\
blockquote{margin:0 0 6pt;padding-left:12pt;border-left:2pt solid #999}\
pre{white-space:pre-wrap;font:10pt/12pt 'Liberation Mono','DejaVu Sans Mono',monospace;margin:0 0 6pt}\
code{font-family:'Liberation Mono','DejaVu Sans Mono',monospace;font-size:10.5pt}\
table{border-collapse:collapse;width:100%;margin:0 0 6pt}th,td{border:0.5pt solid #666;padding:2pt 4pt;text-align:left;vertical-align:top}\
dl.facts{margin:0 0 12pt;display:grid;grid-template-columns:auto 1fr;gap:0 8pt}dl.facts dt{font-weight:bold}dl.facts dd{margin:0}\
.not-ready{border:1.5pt solid #a3261b;padding:6pt 8pt;margin:0 0 12pt}.not-ready h2{margin-top:0;color:#a3261b}\
.empty{font-style:italic;color:#555}\
footer{margin-top:18pt;font-size:9pt;line-height:11pt;color:#444;border-top:0.5pt solid #999;padding-top:4pt}";

#[derive(Debug, Error, PartialEq, Eq)]
pub enum HtmlImportError {
    #[error("this HTML file was not written by the IGF Proposal Editor: it carries no draft")]
    NoDraft,
    #[error("{0}")]
    Draft(#[from] EnvelopeError),
}

pub fn export(draft: &Draft, doc: &Document) -> String {
    let style_hash = base64::encode(&Sha256::digest(STYLE.as_bytes()));
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str(&format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'sha256-{style_hash}'; base-uri 'none'; form-action 'none'\">\n"
    ));
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!("<meta name=\"generator\" content=\"{APP_NAME} {APP_VERSION}\">\n"));
    out.push_str(&format!("<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<article>\n", escape(&doc.title)));
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
        if doc.people_after == Some(index) {
            people(&mut out, doc);
        }
    }
    if doc.people_after.is_none() && !doc.co_facilitators.is_empty() {
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
    if doc.co_facilitators.is_empty() {
        return;
    }
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
