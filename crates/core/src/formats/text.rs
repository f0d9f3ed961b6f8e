//! Plain text for an email body: wrapped at 72 characters, links written out, lists indented.

use crate::document::{Document, NOT_READY_TITLE, person_line};
use crate::text::markdown::{Block, Inline};

pub const WIDTH: usize = 72;

pub fn export(doc: &Document) -> String {
    let mut out = String::new();
    underline(&mut out, &doc.title, '=');
    for (label, value) in &doc.facts {
        wrap_into(&mut out, &format!("{label}: {value}"), "", "  ");
    }
    out.push('\n');
    if !doc.not_ready.is_empty() {
        underline(&mut out, &NOT_READY_TITLE.to_ascii_uppercase(), '!');
        for message in &doc.not_ready {
            wrap_into(&mut out, message, "- ", "  ");
        }
        out.push('\n');
    }
    for (index, section) in doc.sections.iter().enumerate() {
        underline(&mut out, section.heading, '-');
        if let Some(note) = section.empty_note {
            out.push_str(&format!("({note})\n"));
        }
        blocks(&mut out, &section.blocks, "");
        if doc.people_table_after(index) {
            people(&mut out, doc);
        }
        out.push('\n');
    }
    if doc.people_table_at_end() {
        underline(&mut out, "Proposed co-facilitators", '-');
        people(&mut out, doc);
        out.push('\n');
    }
    out.push_str("-- \n");
    out.push_str(&doc.manifest.line());
    out.push('\n');
    out
}

fn underline(out: &mut String, text: &str, mark: char) {
    out.push_str(text);
    out.push('\n');
    out.extend(std::iter::repeat_n(mark, text.chars().count().clamp(3, WIDTH)));
    out.push_str("\n\n");
}

fn people(out: &mut String, doc: &Document) {
    for person in &doc.co_facilitators {
        wrap_into(out, &person_line(person), "- ", "  ");
    }
}

fn blocks(out: &mut String, list: &[Block], indent: &str) {
    for (i, block) in list.iter().enumerate() {
        if i > 0 && !matches!(block, Block::List { .. }) {
            out.push('\n');
        }
        match block {
            Block::Paragraph(content) | Block::Heading { content, .. } => {
                wrap_into(out, &inline_text(content), indent, indent)
            }
            Block::List { start, items } => {
                for (n, item) in items.iter().enumerate() {
                    let marker = match start {
                        Some(first) => format!("{}. ", first + n as u64),
                        None => "- ".to_owned(),
                    };
                    let hanging = format!("{indent}{}", " ".repeat(marker.chars().count()));
                    let mut item_text = String::new();
                    blocks(&mut item_text, item, &hanging);
                    let first = item_text.strip_prefix(hanging.as_str()).unwrap_or(&item_text);
                    out.push_str(indent);
                    out.push_str(&marker);
                    out.push_str(first);
                }
            }
            Block::Quote(inner) => blocks(out, inner, &format!("{indent}> ")),
            Block::Code(code) => {
                for line in code.lines() {
                    out.push_str(indent);
                    out.push_str("    ");
                    out.push_str(line);
                    out.push('\n');
                }
            }
            Block::Rule => {
                out.push_str(indent);
                out.push_str("----\n");
            }
            Block::Table { head, rows } => {
                for row in std::iter::once(head).chain(rows) {
                    let cells: Vec<String> = row.iter().map(|c| inline_text(c)).collect();
                    wrap_into(out, &cells.join(" | "), indent, indent);
                }
            }
        }
    }
}

/// Visible text with link targets written out: "the report (https://...)".
fn inline_text(content: &[Inline]) -> String {
    let mut out = String::new();
    for inline in content {
        match inline {
            Inline::Text(t) => out.push_str(t),
            Inline::Code(c) => out.push_str(c),
            Inline::Strong(c) | Inline::Emphasis(c) | Inline::Strikethrough(c) => out.push_str(&inline_text(c)),
            Inline::Link { url, content, .. } => {
                let text = inline_text(content);
                out.push_str(&text);
                if let Some(url) = url.as_ref().filter(|u| u.as_str() != text && !u.as_str().is_empty()) {
                    out.push_str(&format!(" ({})", url.as_str().trim_start_matches("mailto:")));
                }
            }
            Inline::Image { url, alt } => {
                out.push_str(&format!("[Image: {alt}]"));
                if let Some(url) = url {
                    out.push_str(&format!(" ({})", url.as_str()));
                }
            }
            Inline::LineBreak => out.push('\n'),
        }
    }
    out
}

/// Greedy word wrap; a word longer than a line (a URL) stands alone, unbroken.
fn wrap_into(out: &mut String, text: &str, first_indent: &str, indent: &str) {
    for (n, hard_line) in text.split('\n').enumerate() {
        let mut line = String::from(if n == 0 { first_indent } else { indent });
        let mut empty = true;
        for word in hard_line.split_whitespace() {
            let len = line.chars().count();
            if !empty && len + 1 + word.chars().count() > WIDTH {
                out.push_str(&line);
                out.push('\n');
                line = String::from(indent);
                empty = true;
            }
            if !empty {
                line.push(' ');
            }
            line.push_str(word);
            empty = false;
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_72_and_keeps_long_words_whole() {
        let mut out = String::new();
        let url = format!("https://example.org/{}", "a".repeat(80));
        wrap_into(&mut out, &format!("{} {url} end", "word ".repeat(30)), "- ", "  ");
        for line in out.lines() {
            assert!(line.chars().count() <= WIDTH || line.trim() == url, "{line:?}");
        }
        assert!(out.lines().any(|l| l.trim() == url));
        assert!(out.starts_with("- word"));
        assert!(out.lines().skip(1).all(|l| l.starts_with("  ")));
    }
}
