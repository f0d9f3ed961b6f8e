//! Rich text from the clipboard (the `text/html` that Word, LibreOffice, Google Docs and
//! browsers put there) as the Markdown of a section: headings, lists, bold, italic, code and
//! links survive; styles, images, scripts and every other element are reduced to their text or
//! dropped, so no HTML reaches the draft. Formatting written as inline styles (Google Docs'
//! `font-weight:700`, Word's `mso-list`) counts as much as the elements that mean it.

use igf_codecs::html::{self, Element, Node};

use crate::formats::wordml::docx::flatten;
use crate::formats::wordml::styles::is_mono;
use crate::formats::wordml::{Marks, Paragraph, Part, Role, collapse, markdown};

/// Clipboard HTML larger than this pastes as plain text: converting it would stall typing.
pub const MAX_HTML_BYTES: usize = 2 << 20;

/// The Markdown of a pasted fragment, or `None` when it holds no text (or is too large), in
/// which case the plain text is pasted as it comes.
pub fn to_markdown(html: &str) -> Option<String> {
    if html.len() > MAX_HTML_BYTES {
        return None;
    }
    let root = html::parse(html);
    let mut walker = Walker::default();
    walker.children(&root, Marks::default(), None);
    walker.flush();
    let text = markdown::write(&walker.parts);
    (!text.trim().is_empty()).then_some(text)
}

/// Whether a key press asks for the next paste as plain text (Ctrl+Shift+V, or Cmd+Shift+V on a
/// Mac), so that paste keeps the clipboard's plain text as it is.
pub fn is_plain_paste_shortcut(key: &str, ctrl_or_meta: bool, shift: bool) -> bool {
    ctrl_or_meta && shift && key.eq_ignore_ascii_case("v")
}

/// Elements whose content is never text of the document.
const SKIPPED: &[&str] = &[
    "head", "style", "script", "title", "meta", "link", "xml", "template", "noscript", "img", "svg", "picture", "video", "audio",
    "canvas", "iframe", "object", "embed", "source", "button", "input", "select", "textarea", "math", "map", "area",
];
/// Elements that end the paragraph before them and start a new one.
const BLOCKS: &[&str] = &[
    "p", "div", "section", "article", "header", "footer", "main", "nav", "aside", "blockquote", "pre", "figure", "figcaption",
    "address", "center", "dl", "dt", "dd", "details", "summary", "form", "fieldset", "hr",
];

#[derive(Default)]
struct Walker {
    parts: Vec<Part>,
    current: Paragraph,
    /// Open lists: whether numbered, and the next number.
    lists: Vec<(bool, u64)>,
    /// Inside `pre`, white space is kept.
    preformatted: bool,
}

/// An inline style's declarations, names in lower case.
fn declarations(element: &Element) -> Vec<(String, String)> {
    element
        .attr("style")
        .unwrap_or("")
        .split(';')
        .filter_map(|d| d.split_once(':'))
        .map(|(name, value)| (name.trim().to_ascii_lowercase(), value.trim().to_ascii_lowercase()))
        .collect()
}

/// The marks inside `element`: those of its tag, then those its inline style sets.
fn marks_of(element: &Element, marks: Marks) -> Marks {
    let mut marks = match element.name.as_str() {
        "b" | "strong" => Marks { bold: true, ..marks },
        "i" | "em" | "cite" | "var" | "dfn" => Marks { italic: true, ..marks },
        "code" | "kbd" | "samp" | "tt" => Marks { code: true, ..marks },
        "font" => Marks { code: marks.code || element.attr("face").is_some_and(family_is_mono), ..marks },
        _ => marks,
    };
    for (name, value) in declarations(element) {
        match name.as_str() {
            "font-weight" => marks.bold = matches!(value.as_str(), "bold" | "bolder") || value.parse::<u16>().is_ok_and(|w| w >= 600),
            "font-style" => marks.italic = value == "italic" || value == "oblique",
            "font-family" => marks.code = marks.code || family_is_mono(&value),
            _ => {}
        }
    }
    marks
}

/// Whether a CSS font list starts with a monospaced font (or is only the generic one).
fn family_is_mono(families: &str) -> bool {
    let first = families.split(',').next().unwrap_or("").trim();
    first == "monospace" || is_mono(first)
}

/// Word's list paragraphs: `mso-list:l0 level2 lfo1` gives the level (from 0).
fn word_list_level(element: &Element) -> Option<u8> {
    let (_, value) = declarations(element).into_iter().find(|(n, _)| n == "mso-list")?;
    let level = value.split_whitespace().find_map(|w| w.strip_prefix("level"))?;
    level.parse::<u8>().ok().map(|l| l.saturating_sub(1).min(8))
}

/// Word writes a list item's marker as text in a span marked `mso-list:Ignore`.
fn is_word_marker(element: &Element) -> bool {
    declarations(element).iter().any(|(n, v)| n == "mso-list" && v == "ignore")
}

fn text_of(element: &Element) -> String {
    element.children.iter().map(|n| match n {
        Node::Text(t) => t.clone(),
        Node::Element(e) => text_of(e),
    }).collect()
}

impl Walker {
    fn flush(&mut self) {
        let paragraph = std::mem::take(&mut self.current);
        if !paragraph.is_empty() {
            self.parts.push(Part::Paragraph(paragraph));
        }
    }

    /// Starts a paragraph of `role`, unless the current one is still empty (then it takes
    /// the role only if it has none yet: a list item's first paragraph stays the item).
    fn start(&mut self, role: Role) {
        if !self.current.is_empty() {
            self.flush();
        }
        if self.current.role == Role::Body || role != Role::Body {
            self.current.role = role;
        }
    }

    fn children(&mut self, parent: &Element, marks: Marks, link: Option<&str>) {
        for node in &parent.children {
            match node {
                Node::Text(text) => {
                    let text = text.replace('\u{A0}', " ");
                    let text = if self.preformatted { text } else { collapse(&text) };
                    self.current.push(&text, marks, link);
                }
                Node::Element(element) => self.element(element, marks, link),
            }
        }
    }

    fn element(&mut self, element: &Element, marks: Marks, link: Option<&str>) {
        let name = element.name.as_str();
        if SKIPPED.contains(&name) || is_word_marker(element) {
            return;
        }
        let inner = marks_of(element, marks);
        match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.start(Role::Heading(name.as_bytes()[1] - b'0'));
                self.children(element, inner, link);
                self.flush();
            }
            "ul" | "ol" => {
                self.flush();
                let start = element.attr("start").and_then(|s| s.parse().ok()).unwrap_or(1);
                self.lists.push((name == "ol", start));
                self.children(element, inner, link);
                self.flush();
                self.lists.pop();
            }
            "li" => {
                let level = self.lists.len().saturating_sub(1).min(8) as u8;
                let number = match self.lists.last_mut() {
                    Some((true, next)) => {
                        let number = *next;
                        *next = next.saturating_add(1);
                        Some(number)
                    }
                    _ => None,
                };
                self.flush();
                self.start(Role::Item { level, number });
                self.children(element, inner, link);
                self.flush();
            }
            "br" => self.current.push("\n", marks, link),
            "table" => {
                self.flush();
                let rows = self.rows(element, inner);
                if !rows.is_empty() {
                    self.parts.push(Part::Table(rows));
                }
            }
            "a" => {
                let href = element.attr("href").filter(|h| !h.starts_with('#'));
                self.children(element, inner, href.or(link));
            }
            _ if BLOCKS.contains(&name) => {
                let role = match (word_list_level(element), element.attr("class")) {
                    (Some(level), _) => {
                        let marker = element.children.iter().find_map(|n| match n {
                            Node::Element(e) => word_marker(e),
                            Node::Text(_) => None,
                        });
                        Role::Item { level, number: marker.flatten() }
                    }
                    (None, Some(class)) if class.eq_ignore_ascii_case("MsoTitle") => Role::Title,
                    _ => Role::Body,
                };
                self.start(role);
                let was = self.preformatted;
                self.preformatted = was || name == "pre";
                self.children(element, if name == "pre" { Marks { code: true, ..inner } } else { inner }, link);
                self.preformatted = was;
                self.flush();
            }
            _ => self.children(element, inner, link),
        }
    }

    /// The rows of a table, each cell's paragraphs read on their own.
    fn rows(&mut self, table: &Element, marks: Marks) -> Vec<Vec<Vec<Paragraph>>> {
        let mut rows = Vec::new();
        for node in &table.children {
            let Node::Element(element) = node else { continue };
            match element.name.as_str() {
                "thead" | "tbody" | "tfoot" => rows.extend(self.rows(element, marks)),
                "tr" => {
                    let cells = element.children.iter().filter_map(|n| match n {
                        Node::Element(cell) if cell.name == "td" || cell.name == "th" => {
                            let mut inner = Walker::default();
                            inner.children(cell, marks_of(cell, marks), None);
                            inner.flush();
                            Some(flatten(inner.parts))
                        }
                        _ => None,
                    });
                    rows.push(cells.collect());
                }
                _ => {}
            }
        }
        rows
    }
}

/// The number in a Word list marker (`3.`, `iv)`, `·`): `Some(Some(n))` for a numbered item,
/// `Some(None)` for a bullet, `None` when `element` is no marker.
fn word_marker(element: &Element) -> Option<Option<u64>> {
    if !is_word_marker(element) {
        return element.children.iter().find_map(|n| match n {
            Node::Element(e) => word_marker(e),
            Node::Text(_) => None,
        });
    }
    let text = text_of(element).replace('\u{A0}', " ");
    let marker = text.split_whitespace().next().unwrap_or("");
    let digits: String = marker.chars().take_while(char::is_ascii_digit).collect();
    let numbered = marker.len() > 1 && marker.ends_with(['.', ')']);
    Some(numbered.then(|| digits.parse().unwrap_or(1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_plain_paste_shortcut_is_plain() {
        let table = [("V", true, true, true), ("v", true, true, true), ("v", true, false, false), ("v", false, true, false), ("c", true, true, false), ("Shift", true, true, false)];
        for (key, ctrl, shift, plain) in table {
            assert_eq!(is_plain_paste_shortcut(key, ctrl, shift), plain, "{key} {ctrl} {shift}");
        }
    }

    #[test]
    fn formatting_survives_and_everything_else_is_text_or_gone() {
        let table: &[(&str, Option<&str>)] = &[
            ("<h2 style=\"font-weight:700\">Goals</h2><p>Say <b>this</b> and <em>that</em>, run <code>make</code>.</p>", Some("## Goals\n\nSay **this** and *that*, run `make`.")),
            ("<ol start=\"3\"><li>three<ol><li>a</li></ol></li><li>four</li></ol><ul><li><p>dot</p></li></ul>", Some("3. three\n   1. a\n4. four\n\n- dot")),
            ("<a href=\"javascript:alert(1)\">x</a> <a href=\"https://igf.org\">igf</a> <a href=\"#top\">top</a>", Some("x [igf](https://igf.org) top")),
            ("<p>a<img src=x onerror=alert(1)>b<script>alert(2)</script><style>p{}</style><svg><text>s</text></svg></p>", Some("ab")),
            ("<p>&lt;script&gt; *not bold* &amp; [x](y)</p>", Some("\\<script> \\*not bold\\* & \\[x\\](y)")),
            ("<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td><b>2</b></td></tr></table>", Some("| A | B |\n| --- | --- |\n| 1 | **2** |")),
            ("<pre>line one\n  indented</pre>", Some("`line one`\\\n`indented`")),
            ("<p>line<br>break</p>", Some("line\\\nbreak")),
            ("<img src=x>", None),
            ("  ", None),
        ];
        for (html, markdown) in table {
            assert_eq!(to_markdown(html).as_deref(), *markdown, "{html}");
        }
    }
}
