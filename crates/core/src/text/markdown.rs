//! Markdown to a safe document tree.
//!
//! pulldown-cmark reads the text; we turn its events into [`Block`]s and [`Inline`]s that views
//! and exports render element by element. There is no HTML string anywhere, so raw HTML typed by
//! an author can only ever become visible text, and every link or image URL has passed
//! [`safe_url`]. Nesting deeper than [`MAX_DEPTH`] is flattened so hostile input cannot exhaust
//! the stack of whatever walks the tree.

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use crate::text::url::{SafeUrl, safe_url};

/// Containers (quotes, lists) and inline spans deeper than this are flattened into their parent.
pub const MAX_DEPTH: usize = 12;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    Paragraph(Vec<Inline>),
    /// A heading inside a section, level 1 to 6 as written.
    Heading { level: u8, content: Vec<Inline> },
    /// `start` is the first number of an ordered list, `None` for a bullet list.
    List { start: Option<u64>, items: Vec<Vec<Block>> },
    Quote(Vec<Block>),
    Code(String),
    Rule,
    Table { head: Vec<Vec<Inline>>, rows: Vec<Vec<Vec<Inline>>> },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Code(String),
    Strong(Vec<Inline>),
    Emphasis(Vec<Inline>),
    Strikethrough(Vec<Inline>),
    /// `url` is `None` when the written URL was refused: the content is then shown as text.
    Link { url: Option<SafeUrl>, title: String, content: Vec<Inline> },
    /// Images are never loaded; they are shown as their description and a link.
    Image { url: Option<SafeUrl>, alt: String },
    LineBreak,
}

/// Parses Markdown into blocks. Never fails: any text is some document.
pub fn parse(markdown: &str) -> Vec<Block> {
    parse_with_starts(markdown).0
}

/// [`parse`], and where each leaf of the tree begins in `markdown` (in bytes, in document
/// order): each paragraph and heading, wherever it is, each table row (the head first), each
/// rule, and each of a code block's [`code_lines`], so a view of the blocks can lead back to the
/// text they came from.
pub fn parse_with_starts(markdown: &str) -> (Vec<Block>, Vec<usize>) {
    let mut builder = Builder::default();
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for (event, range) in Parser::new_ext(markdown, options).into_offset_iter() {
        builder.at = range.start;
        builder.event(event);
    }
    let starts = std::mem::take(&mut builder.starts);
    (builder.finish(), starts)
}

/// The lines of a code block as documents set them: its final line breaks dropped, and at least
/// one line.
pub fn code_lines(code: &str) -> std::str::Split<'_, char> {
    code.trim_end_matches('\n').split('\n')
}

/// Texts longer than this, in bytes (some 800 words: more than a section's share of three pages),
/// are previewed once typing pauses: rebuilding their preview at every key costs more than a
/// frame.
pub const LIVE_PREVIEW_MAX_BYTES: usize = 5_000;

/// How long typing pauses before the preview of a very long text follows it.
pub const PREVIEW_PAUSE_MS: u32 = 300;

/// Whether the preview of `text` waits for a pause in typing, rather than following every key.
pub fn preview_waits_for_pause(text: &str) -> bool {
    text.len() > LIVE_PREVIEW_MAX_BYTES
}

/// The visible text of blocks, one line per paragraph, for counting and searching.
pub fn plain_text(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        push_block_text(block, &mut out);
    }
    out
}

fn push_block_text(block: &Block, out: &mut String) {
    match block {
        Block::Paragraph(content) | Block::Heading { content, .. } => push_line(content, out),
        Block::List { items, .. } => items.iter().flatten().for_each(|b| push_block_text(b, out)),
        Block::Quote(blocks) => blocks.iter().for_each(|b| push_block_text(b, out)),
        Block::Code(code) => {
            out.push_str(code);
            out.push('\n');
        }
        Block::Rule => {}
        Block::Table { head, rows } => {
            for row in std::iter::once(head).chain(rows) {
                for cell in row {
                    push_inline_text(cell, out);
                    out.push('\t');
                }
                out.push('\n');
            }
        }
    }
}

fn push_line(content: &[Inline], out: &mut String) {
    push_inline_text(content, out);
    out.push('\n');
}

/// The visible text of inlines.
pub fn inline_text(content: &[Inline]) -> String {
    let mut out = String::new();
    push_inline_text(content, &mut out);
    out
}

fn push_inline_text(content: &[Inline], out: &mut String) {
    for inline in content {
        match inline {
            Inline::Text(text) | Inline::Code(text) => out.push_str(text),
            Inline::Strong(c) | Inline::Emphasis(c) | Inline::Strikethrough(c) => {
                push_inline_text(c, out)
            }
            Inline::Link { content, .. } => push_inline_text(content, out),
            Inline::Image { alt, .. } => out.push_str(alt),
            Inline::LineBreak => out.push('\n'),
        }
    }
}

/// A node under construction.
enum Frame {
    Quote(Vec<Block>),
    List { start: Option<u64>, items: Vec<Vec<Block>> },
    Item(Vec<Block>),
    /// `implicit` paragraphs hold the loose text of tight list items and end with their item.
    /// `start` is where a leaf begins in the text.
    Paragraph { content: Vec<Inline>, implicit: bool, start: usize },
    Heading { level: u8, content: Vec<Inline>, start: usize },
    CodeBlock { code: String, start: usize },
    Table { head: Vec<Vec<Inline>>, rows: Vec<Vec<Vec<Inline>>> },
    Row { cells: Vec<Vec<Inline>>, head: bool, start: usize },
    Cell(Vec<Inline>),
    Span { kind: SpanKind, content: Vec<Inline> },
    Image { url: Option<SafeUrl>, alt: String },
}

enum SpanKind {
    Strong,
    Emphasis,
    Strikethrough,
    Link { url: Option<SafeUrl>, title: String },
}

#[derive(Default)]
struct Builder {
    /// The document's top-level blocks; the stack holds only the frames open above them.
    root: Vec<Block>,
    stack: Vec<Frame>,
    /// For every Start event seen and not yet ended: did it open a frame?
    opened: Vec<bool>,
    /// Where the event being read begins in the text.
    at: usize,
    /// Where each leaf attached so far begins (see [`parse_with_starts`]).
    starts: Vec<usize>,
}

impl Builder {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => {
                let block = is_block_tag(&tag);
                if block {
                    self.close_implicit_paragraph();
                }
                let frame = self.frame_for(tag);
                self.opened.push(frame.is_some());
                match frame {
                    Some(frame) => self.stack.push(frame),
                    // A flattened container still separates the text before it from the text in it.
                    None if block => self.close_implicit_paragraph(),
                    None => {}
                }
            }
            Event::End(end) => {
                let block = !matches!(
                    end,
                    TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link | TagEnd::Image
                );
                if self.opened.pop() == Some(true) {
                    self.close_implicit_paragraph();
                    self.close_top();
                } else if block {
                    self.close_implicit_paragraph();
                }
            }
            Event::Text(text) | Event::Html(text) | Event::InlineHtml(text) => {
                self.push_text(&text)
            }
            Event::Code(code) => self.push_inline(Inline::Code(code.into_string())),
            Event::SoftBreak => self.push_text(" "),
            Event::HardBreak => self.push_inline(Inline::LineBreak),
            Event::Rule => {
                self.close_implicit_paragraph();
                self.attach_leaf(Block::Rule, self.at, 1);
            }
            Event::InlineMath(text) | Event::DisplayMath(text) => self.push_text(&text),
            Event::FootnoteReference(label) => self.push_text(&format!("[^{label}]")),
            Event::TaskListMarker(done) => self.push_text(if done { "[x] " } else { "[ ] " }),
        }
    }

    /// The frame a Start tag opens, or `None` when its content flows into the current frame.
    fn frame_for(&self, tag: Tag<'_>) -> Option<Frame> {
        let container_depth = self
            .stack
            .iter()
            .filter(|f| matches!(f, Frame::Quote(_) | Frame::List { .. }))
            .count();
        let span_depth = self.stack.iter().filter(|f| matches!(f, Frame::Span { .. })).count();
        let deep = container_depth >= MAX_DEPTH;
        let start = self.at;
        Some(match tag {
            Tag::Paragraph | Tag::HtmlBlock => Frame::Paragraph { content: Vec::new(), implicit: false, start },
            Tag::Heading { level, .. } => Frame::Heading { level: level as u8, content: Vec::new(), start },
            Tag::CodeBlock(_) => Frame::CodeBlock { code: String::new(), start },
            Tag::BlockQuote(_) if !deep => Frame::Quote(Vec::new()),
            Tag::List(start) if !deep => Frame::List { start, items: Vec::new() },
            Tag::Item if matches!(self.stack.last(), Some(Frame::List { .. })) => {
                Frame::Item(Vec::new())
            }
            Tag::Table(_) => Frame::Table { head: Vec::new(), rows: Vec::new() },
            Tag::TableHead => Frame::Row { cells: Vec::new(), head: true, start },
            Tag::TableRow => Frame::Row { cells: Vec::new(), head: false, start },
            Tag::TableCell => Frame::Cell(Vec::new()),
            Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. }
                if span_depth >= MAX_DEPTH =>
            {
                return None;
            }
            Tag::Emphasis => Frame::Span { kind: SpanKind::Emphasis, content: Vec::new() },
            Tag::Strong => Frame::Span { kind: SpanKind::Strong, content: Vec::new() },
            Tag::Strikethrough => {
                Frame::Span { kind: SpanKind::Strikethrough, content: Vec::new() }
            }
            Tag::Link { link_type, dest_url, title, .. } => {
                let url = if link_type == LinkType::Email {
                    safe_url(&format!("mailto:{dest_url}"))
                } else {
                    safe_url(&dest_url)
                };
                Frame::Span { kind: SpanKind::Link { url, title: title.into_string() }, content: Vec::new() }
            }
            Tag::Image { dest_url, .. } => Frame::Image { url: safe_url(&dest_url), alt: String::new() },
            _ => return None,
        })
    }

    fn close_implicit_paragraph(&mut self) {
        if matches!(self.stack.last(), Some(Frame::Paragraph { implicit: true, .. })) {
            self.close_top();
        }
    }

    fn close_top(&mut self) {
        let Some(frame) = self.stack.pop() else { return };
        match frame {
            Frame::Quote(blocks) => {
                self.attach_block(Block::Quote(blocks));
            }
            Frame::List { start, items } => {
                self.attach_block(Block::List { start, items });
            }
            Frame::Item(blocks) => match self.stack.last_mut() {
                Some(Frame::List { items, .. }) => items.push(blocks),
                _ => blocks.into_iter().for_each(|b| {
                    self.attach_block(b);
                }),
            },
            Frame::Paragraph { content, start, .. } => self.attach_leaf(Block::Paragraph(content), start, 1),
            Frame::Heading { level, content, start } => self.attach_leaf(Block::Heading { level, content }, start, 1),
            Frame::CodeBlock { code, start } => {
                let lines = code_lines(&code).count();
                self.attach_leaf(Block::Code(code), start, lines);
            }
            Frame::Table { head, rows } => {
                self.attach_block(Block::Table { head, rows });
            }
            Frame::Row { cells, head, start } => match self.stack.last_mut() {
                Some(Frame::Table { head: table_head, rows }) => {
                    if head { *table_head = cells } else { rows.push(cells) }
                    self.starts.push(start);
                }
                _ => cells.into_iter().flatten().for_each(|i| self.push_inline(i)),
            },
            Frame::Cell(content) => match self.stack.last_mut() {
                Some(Frame::Row { cells, .. }) => cells.push(content),
                _ => content.into_iter().for_each(|i| self.push_inline(i)),
            },
            Frame::Span { kind, content } => self.push_inline(match kind {
                SpanKind::Strong => Inline::Strong(content),
                SpanKind::Emphasis => Inline::Emphasis(content),
                SpanKind::Strikethrough => Inline::Strikethrough(content),
                SpanKind::Link { url, title } => Inline::Link { url, title, content },
            }),
            Frame::Image { url, alt } => self.push_inline(Inline::Image { url, alt }),
        }
    }

    /// Attaches a block to the frame above; returns whether it stayed a block.
    fn attach_block(&mut self, block: Block) -> bool {
        match self.stack.last_mut() {
            None => self.root.push(block),
            Some(Frame::Quote(blocks) | Frame::Item(blocks)) => blocks.push(block),
            Some(Frame::List { items, .. }) => items.push(vec![block]),
            // A block inside an inline frame cannot come from a well-formed event stream; keep
            // its text rather than lose it.
            _ => {
                self.push_text(&plain_text(&[block]));
                return false;
            }
        }
        true
    }

    /// Attaches a leaf that begins at `start` and takes `count` entries of the starts (a code
    /// block one per line, all at its start).
    fn attach_leaf(&mut self, block: Block, start: usize, count: usize) {
        if self.attach_block(block) {
            self.starts.extend(std::iter::repeat_n(start, count));
        }
    }

    fn push_text(&mut self, text: &str) {
        match self.stack.last_mut() {
            Some(Frame::CodeBlock { code, .. }) => code.push_str(text),
            Some(Frame::Image { alt, .. }) => alt.push_str(text),
            _ => self.push_inline(Inline::Text(text.to_owned())),
        }
    }

    fn push_inline(&mut self, inline: Inline) {
        let content = match self.stack.last_mut() {
            Some(
                Frame::Paragraph { content, .. }
                | Frame::Heading { content, .. }
                | Frame::Cell(content)
                | Frame::Span { content, .. },
            ) => content,
            Some(Frame::Image { alt, .. }) => {
                alt.push_str(&inline_text(&[inline]));
                return;
            }
            Some(Frame::CodeBlock { code, .. }) => {
                code.push_str(&inline_text(&[inline]));
                return;
            }
            _ => {
                // Implicit paragraphs take no slot in `opened`: no End event closes them.
                self.stack.push(Frame::Paragraph { content: Vec::new(), implicit: true, start: self.at });
                return self.push_inline(inline);
            }
        };
        match (content.last_mut(), inline) {
            (Some(Inline::Text(previous)), Inline::Text(text)) => previous.push_str(&text),
            (_, inline) => content.push(inline),
        }
    }

    fn finish(mut self) -> Vec<Block> {
        while !self.stack.is_empty() {
            self.close_top();
        }
        self.root
    }
}

fn is_block_tag(tag: &Tag<'_>) -> bool {
    !matches!(
        tag,
        Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. } | Tag::Image { .. }
            | Tag::Superscript | Tag::Subscript
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_very_long_texts_wait_for_a_pause_to_be_previewed() {
        assert!(!preview_waits_for_pause(""));
        assert!(!preview_waits_for_pause(&"word ".repeat(LIVE_PREVIEW_MAX_BYTES / 5)));
        assert!(preview_waits_for_pause(&"word ".repeat(LIVE_PREVIEW_MAX_BYTES / 5 + 1)));
    }

    fn text(s: &str) -> Inline {
        Inline::Text(s.to_owned())
    }

    fn para(content: Vec<Inline>) -> Block {
        Block::Paragraph(content)
    }

    /// Every URL that survives into the tree, wherever it is.
    fn urls(blocks: &[Block]) -> Vec<String> {
        fn inline_urls(content: &[Inline], out: &mut Vec<String>) {
            for inline in content {
                match inline {
                    Inline::Link { url, content, .. } => {
                        out.extend(url.iter().map(|u| u.as_str().to_owned()));
                        inline_urls(content, out);
                    }
                    Inline::Image { url, .. } => out.extend(url.iter().map(|u| u.as_str().to_owned())),
                    Inline::Strong(c) | Inline::Emphasis(c) | Inline::Strikethrough(c) => inline_urls(c, out),
                    Inline::Text(_) | Inline::Code(_) | Inline::LineBreak => {}
                }
            }
        }
        let mut out = Vec::new();
        let mut pending: Vec<&Block> = blocks.iter().collect();
        while let Some(block) = pending.pop() {
            match block {
                Block::Paragraph(c) | Block::Heading { content: c, .. } => inline_urls(c, &mut out),
                Block::List { items, .. } => pending.extend(items.iter().flatten()),
                Block::Quote(b) => pending.extend(b),
                Block::Table { head, rows } => {
                    head.iter().chain(rows.iter().flatten()).for_each(|c| inline_urls(c, &mut out))
                }
                Block::Code(_) | Block::Rule => {}
            }
        }
        out
    }

    #[test]
    fn builds_the_common_blocks() {
        let blocks = parse("# Goal\n\nSome *emphasis*, **strong** and `code`.\n\n- one\n- two\n\n1. first\n\n---\n\n> quoted\n\n```\nlet x;\n```\n");
        assert_eq!(
            blocks,
            vec![
                Block::Heading { level: 1, content: vec![text("Goal")] },
                para(vec![
                    text("Some "),
                    Inline::Emphasis(vec![text("emphasis")]),
                    text(", "),
                    Inline::Strong(vec![text("strong")]),
                    text(" and "),
                    Inline::Code("code".into()),
                    text("."),
                ]),
                Block::List { start: None, items: vec![vec![para(vec![text("one")])], vec![para(vec![text("two")])]] },
                Block::List { start: Some(1), items: vec![vec![para(vec![text("first")])]] },
                Block::Rule,
                Block::Quote(vec![para(vec![text("quoted")])]),
                Block::Code("let x;\n".into()),
            ]
        );
    }

    #[test]
    fn tight_list_items_with_nested_lists_keep_their_order() {
        let blocks = parse("- a *b*\n  - c\n- d");
        assert_eq!(
            blocks,
            vec![Block::List {
                start: None,
                items: vec![
                    vec![
                        para(vec![text("a "), Inline::Emphasis(vec![text("b")])]),
                        Block::List { start: None, items: vec![vec![para(vec![text("c")])]] },
                    ],
                    vec![para(vec![text("d")])],
                ],
            }]
        );
    }

    #[test]
    fn tables_keep_head_and_rows() {
        let blocks = parse("| name | group |\n|---|---|\n| Amina | Government |\n");
        assert_eq!(
            blocks,
            vec![Block::Table {
                head: vec![vec![text("name")], vec![text("group")]],
                rows: vec![vec![vec![text("Amina")], vec![text("Government")]]],
            }]
        );
    }

    #[test]
    fn raw_html_is_only_ever_text() {
        let table: &[(&str, &str)] = &[
            ("<script>alert(1)</script>", "<script>alert(1)</script>"),
            ("a <img src=x onerror=alert(1)> b", "a <img src=x onerror=alert(1)> b"),
            ("<svg onload=alert(1)>", "<svg onload=alert(1)>"),
            ("<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>", "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>"),
            ("<iframe src=\"javascript:alert(1)\"></iframe>", "<iframe src=\"javascript:alert(1)\"></iframe>"),
            ("<!-- comment -->", "<!-- comment -->"),
            ("&lt;b&gt;", "<b>"),
        ];
        for (input, visible) in table {
            let blocks = parse(input);
            assert_eq!(plain_text(&blocks).trim_end(), *visible, "{input:?}");
            assert!(urls(&blocks).is_empty(), "{input:?}");
        }
    }

    #[test]
    fn hostile_link_and_image_urls_are_neutralised() {
        let table: &[&str] = &[
            "[x](javascript:alert(1))",
            "[x](JaVa&#x09;script:alert(1))",
            "[x](JaVaScRiPt:alert(1))",
            "[x](java&#10;script:alert(1))",
            "[x](&#106;avascript:alert(1))",
            "[x](&#x6A;&#x61;vascript:alert(1))",
            "[x](<javascript:alert(1)>)",
            "[x]( javascript:alert(1) )",
            "[x](data:text/html,<script>alert(1)</script>)",
            "[x](vbscript:msgbox)",
            "![x](javascript:alert(1))",
            "![x](data:image/svg+xml;base64,PHN2Zz4=)",
            "<javascript:alert(1)>",
            "[x][ref]\n\n[ref]: javascript:alert(1)",
            "[x][ref]\n\n[ref]: JAVASCRIPT&colon;alert(1)",
            "[*nested* **link**](javascript:alert(1))",
        ];
        for input in table {
            let blocks = parse(input);
            assert!(urls(&blocks).is_empty(), "{input:?} kept {:?}", urls(&blocks));
            assert!(!plain_text(&blocks).trim().is_empty(), "{input:?} lost its text");
        }
    }

    #[test]
    fn allowed_links_keep_their_cleaned_url() {
        let table: &[(&str, &str)] = &[
            ("[IGF](https://www.intgovforum.org)", "https://www.intgovforum.org"),
            ("<https://example.org/a>", "https://example.org/a"),
            ("<igf@un.org>", "mailto:igf@un.org"),
            ("[top](#theme)", "#theme"),
            ("[r](report.pdf \"Report\")", "report.pdf"),
            ("![logo](https://example.org/logo.png)", "https://example.org/logo.png"),
        ];
        for (input, url) in table {
            assert_eq!(urls(&parse(input)), vec![url.to_string()], "{input:?}");
        }
    }

    #[test]
    fn images_keep_their_description_as_text() {
        assert_eq!(
            parse("![a *chart*](chart.png)"),
            vec![para(vec![Inline::Image { url: safe_url("chart.png"), alt: "a chart".into() }])]
        );
    }

    fn depth(blocks: &[Block]) -> usize {
        blocks
            .iter()
            .map(|block| match block {
                Block::Quote(b) => 1 + depth(b),
                Block::List { items, .. } => 1 + items.iter().map(|i| depth(i)).max().unwrap_or(0),
                _ => 0,
            })
            .max()
            .unwrap_or(0)
    }

    #[test]
    fn pathological_nesting_is_flattened_without_losing_text() {
        let quotes = format!("{}deep", ">".repeat(5000));
        let blocks = parse(&quotes);
        assert!(depth(&blocks) <= MAX_DEPTH);
        assert_eq!(plain_text(&blocks).trim(), "deep");

        let lists: String = (0..200).map(|i| format!("{}- item{i}\n", "  ".repeat(i))).collect();
        let blocks = parse(&lists);
        assert!(depth(&blocks) <= MAX_DEPTH);
        assert_eq!(crate::text::words::count_words(&plain_text(&blocks)), 200);

        let stars = format!("{}x{}", "*".repeat(3000), "*".repeat(3000));
        assert!(plain_text(&parse(&stars)).contains('x'));
        let brackets = format!("{}x{}", "[".repeat(20000), "]".repeat(20000));
        assert!(plain_text(&parse(&brackets)).contains('x'));
        let ticks = "`".repeat(50_000);
        assert!(!parse(&ticks).is_empty());
    }
}
