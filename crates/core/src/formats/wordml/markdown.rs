//! The model written as Markdown a section keeps: `#` headings, `-` and `1.` lists indented by
//! their level, `**bold**`, `*italic*`, `` `code` ``, `[links](url)` (only those the link
//! allowlist takes), tables as Markdown tables when every cell is one line of text, else as
//! paragraphs. Text is escaped wherever it would otherwise read as Markdown syntax.

use super::{Marks, Paragraph, Part, Role, Span};
use crate::text::url::safe_url;

/// Writes the parts; co-facilitator tables are expected to be taken out before.
pub fn write(parts: &[Part]) -> String {
    let mut out = String::new();
    // Content widths of the open list levels, so nested items indent under their parent.
    let mut indents: Vec<usize> = Vec::new();
    // Whether the previous part was a list item, and whether the outer list is numbered.
    let mut previous: Option<bool> = None;
    for part in parts {
        match part {
            Part::Paragraph(paragraph) => {
                let item = match paragraph.role {
                    Role::Item { level, number } => Some((level, number.is_some())),
                    _ => None,
                };
                // Items of one list follow each other; a new kind of list at the outer level
                // starts after a blank line, as any other block does.
                let tight = matches!((previous, item), (Some(outer), Some((level, numbered))) if level > 0 || outer == numbered);
                separate(&mut out, tight);
                if !tight {
                    indents.clear();
                }
                paragraph_line(&mut out, paragraph, &mut indents);
                previous = match item {
                    Some((0, numbered)) => Some(numbered),
                    Some(_) => previous.or(Some(false)),
                    None => None,
                };
            }
            Part::Table(rows) => {
                separate(&mut out, false);
                indents.clear();
                table(&mut out, rows);
                previous = None;
            }
        }
    }
    out
}

fn separate(out: &mut String, tight: bool) {
    if !out.is_empty() {
        out.push_str(if tight { "\n" } else { "\n\n" });
    }
}

fn paragraph_line(out: &mut String, paragraph: &Paragraph, indents: &mut Vec<usize>) {
    match paragraph.role {
        Role::Title | Role::Heading(_) => {
            let level = if let Role::Heading(level) = paragraph.role { level.clamp(1, 6) } else { 1 };
            out.push_str(&"#".repeat(usize::from(level)));
            out.push(' ');
            out.push_str(&inlines(&unbold(&paragraph.spans), true));
        }
        Role::Item { level, number } => {
            indents.truncate(usize::from(level).min(indents.len()));
            let indent: usize = indents.iter().sum();
            let marker = number.map_or_else(|| "- ".to_owned(), |n| format!("{n}. "));
            indents.push(marker.len());
            out.push_str(&" ".repeat(indent));
            out.push_str(&marker);
            out.push_str(&inlines(&paragraph.spans, false).replace('\n', &format!("\n{}", " ".repeat(indent + marker.len()))));
        }
        Role::Body => out.push_str(&inlines(&paragraph.spans, false)),
    }
}

/// A table of one-line cells as a Markdown table (the first row as its head); any other table
/// as its cells' paragraphs, row by row.
fn table(out: &mut String, rows: &[Vec<Vec<Paragraph>>]) {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let simple = columns >= 2 && rows.iter().flatten().all(|cell| cell.len() <= 1 && cell.iter().all(|p| p.role == Role::Body));
    if !simple {
        let paragraphs: Vec<Part> = rows.iter().flatten().flatten().filter(|p| !p.is_empty()).cloned().map(Part::Paragraph).collect();
        out.push_str(&write(&paragraphs));
        return;
    }
    for (n, row) in rows.iter().enumerate() {
        out.push('|');
        for column in 0..columns {
            let text = row.get(column).and_then(|c| c.first()).map_or_else(String::new, |p| {
                let spans = if n == 0 { unbold(&p.spans) } else { p.spans.clone() };
                inlines(&spans, true).replace('|', "\\|")
            });
            out.push(' ');
            out.push_str(&text);
            out.push_str(" |");
        }
        out.push('\n');
        if n == 0 {
            out.push('|');
            out.push_str(&" --- |".repeat(columns));
            out.push('\n');
        }
    }
    out.pop();
}

/// Headings and a table's head row are bold by their place: bold runs in them add nothing.
fn unbold(spans: &[Span]) -> Vec<Span> {
    spans.iter().map(|s| Span { marks: Marks { bold: false, ..s.marks }, ..s.clone() }).collect()
}

/// The spans as inline Markdown; `one_line` turns line breaks into spaces (headings, cells).
pub fn inlines(spans: &[Span], one_line: bool) -> String {
    let mut out = String::new();
    let mut at = 0;
    while at < spans.len() {
        // Spans of one link are written together inside its brackets.
        let link = spans[at].link.as_deref().and_then(safe_url);
        let end = match &link {
            Some(_) => at + spans[at..].iter().take_while(|s| s.link == spans[at].link).count(),
            None => at + 1,
        };
        let content: String = spans[at..end].iter().map(|s| marked(&s.text, s.marks)).collect();
        match link {
            Some(url) if !content.trim().is_empty() => {
                out.push('[');
                out.push_str(content.trim());
                out.push_str("](");
                out.push_str(&destination(url.as_str()));
                out.push(')');
            }
            _ => out.push_str(&content),
        }
        at = end;
    }
    let out = out.replace('\t', " ");
    // Headings and cells are one line, where nothing can start a block.
    if one_line {
        return out.replace('\n', " ").trim().to_owned();
    }
    let lines: Vec<String> = out.split('\n').map(line_start).collect();
    lines.join("\\\n").trim().to_owned()
}

/// Text with its marks; the white space at either end stays outside the markers, so they flank.
fn marked(text: &str, marks: Marks) -> String {
    if marks.code {
        // A code span cannot hold a line break: each line is one.
        return text.split('\n').map(code_span).collect::<Vec<_>>().join("\n");
    }
    let escaped = escape(text);
    let marker = match (marks.bold, marks.italic) {
        (true, true) => "***",
        (true, false) => "**",
        (false, true) => "*",
        (false, false) => return escaped,
    };
    let trimmed = escaped.trim();
    if trimmed.is_empty() {
        return escaped;
    }
    let (lead, tail) = edges(&escaped);
    // A marker cannot span a line break: each line is marked on its own.
    let lines: Vec<String> = trimmed.split('\n').map(|l| if l.trim().is_empty() { String::new() } else { format!("{marker}{}{marker}", l.trim()) }).collect();
    format!("{lead}{}{tail}", lines.join("\n"))
}

fn code_span(text: &str) -> String {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return text.to_owned();
    }
    let longest = trimmed.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if trimmed.starts_with('`') || trimmed.ends_with('`') { " " } else { "" };
    let (lead, tail) = edges(text);
    format!("{lead}{fence}{pad}{trimmed}{pad}{fence}{tail}")
}

fn edges(text: &str) -> (&str, &str) {
    let lead = &text[..text.len() - text.trim_start().len()];
    let tail = &text[text.trim_end().len()..];
    (lead, tail)
}

/// Escapes the characters that start inline syntax.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied().unwrap_or(' ');
        let previous = if i == 0 { ' ' } else { chars[i - 1] };
        let special = match c {
            '\\' | '`' | '*' | '[' | ']' | '~' => true,
            '_' => !(previous.is_alphanumeric() && next.is_alphanumeric()),
            '<' => next.is_ascii_alphabetic() || matches!(next, '/' | '!' | '?'),
            '&' => next.is_ascii_alphanumeric() || next == '#',
            _ => false,
        };
        if special {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A line that would start a block (heading, quote, list, rule, code) is escaped at its start.
fn line_start(line: &str) -> String {
    let line = line.trim_start();
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let after_digits = line[digits..].chars().next();
    let list_number = digits > 0 && digits <= 9 && matches!(after_digits, Some('.' | ')')) && (line[digits + 1..].starts_with([' ', '\t']) || line[digits + 1..].is_empty());
    let rule = line.len() >= 3 && line.chars().all(|c| matches!(c, '-' | '=' | '_' | '*' | ' '));
    let bullet = (line.starts_with(['-', '+']) && (line[1..].starts_with(' ') || line.len() == 1)) || line.starts_with(['#', '>', '|']);
    if list_number {
        format!("{}\\{}", &line[..digits], &line[digits..])
    } else if rule || bullet {
        format!("\\{line}")
    } else {
        line.to_owned()
    }
}

/// A link destination with the characters that would end it percent-encoded.
fn destination(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::markdown::{self, Block, Inline};

    fn span(text: &str, bold: bool, italic: bool, code: bool, link: Option<&str>) -> Span {
        Span { text: text.into(), marks: Marks { bold, italic, code }, link: link.map(Into::into) }
    }

    fn para(role: Role, spans: Vec<Span>) -> Part {
        Part::Paragraph(Paragraph { role, spans, style: String::new() })
    }

    #[test]
    fn writes_each_part_as_the_markdown_a_section_keeps() {
        let plain = |t: &str| span(t, false, false, false, None);
        let item = |level, number, t: &str| para(Role::Item { level, number }, vec![plain(t)]);
        let parts = vec![
            para(Role::Title, vec![plain("Youth")]),
            para(Role::Heading(2), vec![span("Goals ", true, false, false, None)]),
            para(Role::Body, vec![plain("We "), span("really ", true, false, false, None), span("mean", false, true, false, None), plain(" it: see "), span("the site", false, false, false, Some("https://igf.org/a (b)")), plain(" and "), span("run()", false, false, true, None), plain(".")]),
            item(0, None, "one"),
            item(1, Some(1), "deep"),
            item(1, Some(2), "deeper"),
            item(0, None, "two"),
            para(Role::Body, vec![plain("1. Not a list, *not* emphasis, a_b, <b>, &amp;\nsecond line")]),
            para(Role::Body, vec![span("evil", false, false, false, Some("javascript:alert(1)"))]),
            Part::Table(vec![vec![vec![Paragraph { spans: vec![plain("A|B")], ..Paragraph::default() }], vec![]], vec![vec![Paragraph { spans: vec![plain("c")], ..Paragraph::default() }], vec![Paragraph { spans: vec![plain("d")], ..Paragraph::default() }]]]),
        ];
        assert_eq!(
            write(&parts),
            "# Youth\n\n## Goals\n\nWe **really** *mean* it: see [the site](https://igf.org/a%28b%29) and `run()`.\n\n- one\n  1. deep\n  2. deeper\n- two\n\n1\\. Not a list, \\*not\\* emphasis, a_b, \\<b>, \\&amp;\\\nsecond line\n\nevil\n\n| A\\|B |  |\n| --- | --- |\n| c | d |"
        );
    }

    #[test]
    fn written_text_reads_back_as_the_same_text() {
        let nasty = "*a* _b_ [c](d) `e` <f> &g; # h \\ ~i~ | j";
        let written = inlines(&[span(nasty, false, false, false, None)], false);
        assert_eq!(markdown::parse(&written), vec![Block::Paragraph(vec![Inline::Text(nasty.into())])]);
        for line in ["# x", "- x", "+ x", "> x", "1. x", "2) x", "---", "==="] {
            let written = inlines(&[span(line, false, false, false, None)], false);
            let blocks = markdown::parse(&written);
            assert!(matches!(blocks.as_slice(), [Block::Paragraph(_)]), "{line:?} became {blocks:?}");
        }
    }
}
