//! Rich text pasted into a section, as Word, Google Docs and Chromium (a copied web page) put it
//! on the clipboard: the exact Markdown each becomes.
#![cfg(not(target_arch = "wasm32"))]

use igf_core::formats::paste::to_markdown;
use igf_core::text::markdown::{self, Block, Inline};

fn clipboard(name: &str) -> String {
    let path = format!("{}/tests/fixtures/paste/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn clipboard_html_becomes_the_markdown_of_a_section() {
    let table = [
        // Word: mso- styles, conditional comments, <o:p>, list paragraphs with their markers as
        // text, an image in VML and in <img>.
        ("word.html", "## Objectives\n\nThe BPF will **collect** and *compare* practice, see the [BPF page](https://www.intgovforum.org/en/content/bpf-cybersecurity). Use `igf-check`.\n\n- Registries\n  - in Africa\n- Software makers\n\n1. First step\n2. Second step\n\nFigure caption"),
        // Google Docs: everything inside <b style="font-weight:normal" id="docs-internal-guid-…">,
        // marks as styled spans, nested lists as siblings of their items.
        ("gdocs.html", "## Expected outputs\n\nA **short** report, *in draft* by June, on [the IGF site](https://www.intgovforum.org/en/content/igf-2026), as `report.pdf`.\n\n- Case studies\n  - from ten countries\n- **A webinar**\n\n1. Publish"),
        // Chromium, a copied web page: computed styles inline, an image, a table, a button and
        // a script.
        ("chromium.html", "## About the IGF\n\nThe [Internet Governance Forum](https://www.intgovforum.org/en/about) is a **global multistakeholder** platform\\[1\\]. It meets *once a year*.\n\n- Best Practice Forums\n- Policy Networks\n  - PNAI\n\n| Year | Host |\n| --- | --- |\n| 2025 | Norway |\n\nLast updated 1 January 2026."),
    ];
    for (name, expected) in table {
        let pasted = to_markdown(&clipboard(name)).unwrap_or_else(|| panic!("{name} gave nothing"));
        assert_eq!(pasted, expected, "{name}");
        assert!(!contains_markup(&markdown::parse(&pasted)), "{name}: markup reached the section");
    }
}

/// Whether any text of the parsed section still reads as HTML (it never should).
fn contains_markup(blocks: &[Block]) -> bool {
    fn inline(content: &[Inline]) -> bool {
        content.iter().any(|i| match i {
            Inline::Text(t) => t.contains('<') && t.contains('>'),
            Inline::Strong(c) | Inline::Emphasis(c) | Inline::Strikethrough(c) | Inline::Link { content: c, .. } => inline(c),
            Inline::Image { .. } => true,
            Inline::Code(_) | Inline::LineBreak => false,
        })
    }
    blocks.iter().any(|b| match b {
        Block::Paragraph(c) | Block::Heading { content: c, .. } => inline(c),
        Block::List { items, .. } => items.iter().any(|i| contains_markup(i)),
        Block::Quote(inner) => contains_markup(inner),
        Block::Table { head, rows } => head.iter().chain(rows.iter().flatten()).any(|c| inline(c)),
        Block::Code(_) | Block::Rule => false,
    })
}
