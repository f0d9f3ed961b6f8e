//! Markdown with front matter. The front matter holds every structured field (one `key: value`
//! line each, values written as JSON, which YAML reads too); the body holds the title, the facts
//! and each section under its official heading, so the Markdown can be edited anywhere and
//! opened again. Parts the editor generates (the not-ready notice, the co-facilitator table,
//! the manifest) sit between `<!-- igf:… -->` markers and are skipped on import.

use serde_json::{Map, Value};
use thiserror::Error;

use crate::document::{Document, NOT_READY_TITLE, person_line};
use crate::model::json;
use crate::model::draft::Draft;
use crate::model::envelope::{self, Envelope, EnvelopeError};
use crate::text::i18n::Msg;

/// Marks our own Markdown files in the front matter.
pub const FORMAT_TAG: &str = "igf-proposal-markdown";

#[derive(Debug, Error, PartialEq, Eq)]
pub enum MarkdownImportError {
    FrontMatter { line: usize, message: String },
    MissingHeading { heading: String },
    Draft(#[from] EnvelopeError),
}

impl MarkdownImportError {
    pub fn msg(&self) -> Msg {
        match self {
            MarkdownImportError::FrontMatter { line, message } => Msg::new("error.markdown.front_matter").arg("line", *line).arg("detail", message),
            MarkdownImportError::MissingHeading { heading } => Msg::new("error.markdown.missing_heading").arg("heading", heading),
            MarkdownImportError::Draft(error) => error.msg(),
        }
    }
}

crate::display_in_english!(MarkdownImportError);

pub fn export(draft: &Draft, doc: &Document) -> String {
    let mut out = String::from("---\n");
    out.push_str(&format!("format: \"{FORMAT_TAG}\"\n"));
    for (key, value) in front_matter(draft) {
        out.push_str(&format!("{key}: {value}\n"));
    }
    out.push_str("---\n\n");
    out.push_str(&format!("# {}\n\n", escape_inline(&doc.title)));
    generated(&mut out, "facts", &doc.facts.iter().map(|(l, v)| format!("**{l}:** {}", escape_inline(v))).collect::<Vec<_>>().join("  \n"));
    if !doc.not_ready.is_empty() {
        let list: Vec<String> = doc.not_ready.iter().map(|m| format!("- {}", escape_inline(m))).collect();
        generated(&mut out, "not-ready", &format!("> **{NOT_READY_TITLE}.** Still to fix:\n>\n> {}", list.join("\n> ")));
    }
    let headings: Vec<&str> = doc.sections.iter().map(|s| s.heading).collect();
    for (index, (heading, text)) in headings.iter().zip(section_texts(draft)).enumerate() {
        out.push_str(&format!("## {heading}\n\n"));
        out.push_str(&escape_headings(&text, &headings, 1));
        out.push_str("\n\n");
        if doc.people_table_after(index) {
            generated(&mut out, "co-facilitators", &people_table(doc));
        }
    }
    if doc.people_table_at_end() {
        generated(&mut out, "co-facilitators", &format!("**Proposed co-facilitators**\n\n{}", people_table(doc)));
    }
    generated(&mut out, "manifest", &format!("---\n\n*{}*", doc.manifest.line()));
    out
}

/// The stored envelope's fields, in its order, without the section texts (they are the body).
fn front_matter(draft: &Draft) -> Vec<(String, String)> {
    let envelope = serde_json::to_value(Envelope::of(draft)).unwrap_or_default();
    let mut lines = vec![("schema".to_owned(), envelope["schema"].to_string())];
    for (key, field) in envelope["draft"].as_object().into_iter().flatten() {
        if key == "sections" {
            // Sections the template does not know have no heading in the body.
            let known: Vec<&str> = draft.template().sections.iter().map(|s| s.key).collect();
            let extra: Map<String, Value> = field
                .as_object()
                .into_iter()
                .flatten()
                .filter(|(k, _)| !known.contains(&k.as_str()))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            lines.push(("other_sections".to_owned(), Value::Object(extra).to_string()));
        } else {
            lines.push((key.clone(), field.to_string()));
        }
    }
    lines
}

fn section_texts(draft: &Draft) -> Vec<String> {
    (0..draft.template().sections.len()).map(|i| draft.section(i).to_owned()).collect()
}

fn generated(out: &mut String, name: &str, body: &str) {
    out.push_str(&format!("<!-- igf:{name} -->\n{body}\n<!-- /igf:{name} -->\n\n"));
}

fn people_table(doc: &Document) -> String {
    let mut table = String::from("| Co-facilitator |\n|---|\n");
    for person in &doc.co_facilitators {
        table.push_str(&format!("| {} |\n", escape_inline(&person_line(person)).replace('|', "\\|")));
    }
    table.trim_end().to_owned()
}

/// Keeps generated text from reading as Markdown syntax.
fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\`*_[]<>#|".contains(c) {
            out.push('\\');
        }
        out.push(if c == '\n' { ' ' } else { c });
    }
    out
}

/// A line of section text that reads like one of our structural lines (an official heading line,
/// or a generated-part marker) gets one more leading backslash on export (`## H` -> `\## H`,
/// `\## H` -> `\\## H`) and loses exactly one on import, so the body splits back into the same
/// sections whatever the author wrote.
fn escape_headings(text: &str, headings: &[&str], direction: i8) -> String {
    text.split('\n')
        .map(|line| {
            let bare = line.trim_start_matches('\\');
            let slashes = line.len() - bare.len();
            let is_heading = bare.strip_prefix("## ").is_some_and(|h| headings.contains(&h))
                || bare.starts_with("<!-- igf:")
                || bare.starts_with("<!-- /igf:");
            match (is_heading, direction) {
                (true, 1) => format!("\\{line}"),
                (true, _) if slashes > 0 => line[1..].to_owned(),
                _ => line.to_owned(),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// True when the text starts with our front matter.
pub fn is_ours(text: &str) -> bool {
    text.starts_with("---\n") && text.lines().take(3).any(|l| l == format!("format: \"{FORMAT_TAG}\""))
}

/// Reads Markdown that this editor wrote (possibly edited since) back into a draft.
pub fn import(text: &str) -> Result<Draft, MarkdownImportError> {
    // A file whose every line break became CRLF on its travels is read as LF again.
    let text = if text.starts_with("---\r\n") { text.replace("\r\n", "\n") } else { text.to_owned() };
    let rest = text.strip_prefix("---\n").ok_or(MarkdownImportError::FrontMatter { line: 1, message: "it does not start with ---".into() })?;
    let end = rest.find("\n---\n").ok_or(MarkdownImportError::FrontMatter { line: 1, message: "the closing --- is missing".into() })?;
    let mut fields = Map::new();
    for (n, line) in rest[..end].lines().enumerate() {
        let (key, value) = line.split_once(": ").ok_or_else(|| MarkdownImportError::FrontMatter { line: n + 2, message: "no “: ” after the key".into() })?;
        let value = json::parse(value).map_err(|e| MarkdownImportError::FrontMatter { line: n + 2, message: e.to_string() })?;
        fields.insert(key.trim().to_owned(), value);
    }
    let body = without_generated(&rest[end + 5..]);
    let schema = fields.remove("schema").unwrap_or(Value::Null);
    fields.remove("format");
    let mut sections = match fields.remove("other_sections") {
        Some(Value::Object(extra)) => extra,
        _ => Map::new(),
    };
    // The kind decides the headings; an unknown kind is reported by the envelope decoder.
    let kind = fields.get("kind").and_then(Value::as_str).and_then(crate::model::template::Kind::from_code);
    if let Some(kind) = kind {
        let headings: Vec<&str> = kind.template().sections.iter().map(|s| s.heading).collect();
        for (key, text) in split_sections(&body, &headings)?.into_iter().zip(kind.template().sections.iter().map(|s| s.key)).map(|(t, k)| (k, t)) {
            sections.insert(key.to_owned(), Value::String(text));
        }
    }
    fields.insert("sections".to_owned(), Value::Object(sections));
    let envelope = Map::from_iter([("schema".to_owned(), schema), ("draft".to_owned(), Value::Object(fields))]);
    Ok(envelope::decode_value(&Value::Object(envelope))?)
}

/// Removes the generated `<!-- igf:x -->…<!-- /igf:x -->` blocks (markers at line starts; the
/// same text inside sections was escaped on export).
fn without_generated(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(start) = find_line(rest, "<!-- igf:") {
        let name_end = rest[start + 9..].find(" -->").map(|i| start + 9 + i);
        let Some(name_end) = name_end else { break };
        let name = &rest[start + 9..name_end];
        let closing = format!("<!-- /igf:{name} -->\n\n");
        let Some(close) = rest[name_end..].find(&closing).map(|i| name_end + i) else { break };
        out.push_str(&rest[..start]);
        rest = &rest[close + closing.len()..];
    }
    out.push_str(rest);
    out
}

fn split_sections(body: &str, headings: &[&str]) -> Result<Vec<String>, MarkdownImportError> {
    let mut starts = Vec::new();
    let mut from = 0;
    for heading in headings {
        let marker = format!("## {heading}\n\n");
        let found = find_line(&body[from..], &marker).map(|i| from + i).ok_or_else(|| MarkdownImportError::MissingHeading { heading: (*heading).to_owned() })?;
        starts.push((found, found + marker.len()));
        from = found + marker.len();
    }
    let mut texts = Vec::new();
    for (i, &(_, content_start)) in starts.iter().enumerate() {
        let content_end = starts.get(i + 1).map_or(body.len(), |&(next, _)| next);
        let text = &body[content_start..content_end];
        let text = text.strip_suffix("\n\n").unwrap_or(text.trim_end_matches('\n'));
        texts.push(escape_headings(text, headings, -1));
    }
    Ok(texts)
}

/// Finds `needle` at the start of a line.
fn find_line(haystack: &str, needle: &str) -> Option<usize> {
    if haystack.starts_with(needle) {
        return Some(0);
    }
    haystack.match_indices(needle).map(|(i, _)| i).find(|&i| haystack.as_bytes()[i - 1] == b'\n')
}
