//! Pathological Markdown, 50 KB of each kind (deep nesting, long runs of `*`, `[`, backticks
//! and the like), goes through everything a keystroke triggers (parse, word count, checks, page
//! count) and every export and import, and comes out whole. How fast is never asserted here;
//! the end-to-end attack spec types after each input in the browser.
#![cfg(not(target_arch = "wasm32"))]

mod pdf;

use pdf::fonts;
use igf_core::checks::check;
use igf_core::document::Document;
use igf_core::formats::{self, Format};
use igf_core::formats::import::{self, Imported};
use igf_core::layout::layout;
use igf_core::model::calendar::CivilDate;
use igf_core::model::draft::{Draft, DraftId, section_words};
use igf_core::model::settings::Settings;
use igf_core::model::template::Kind;
use igf_core::text::markdown::{parse, plain_text};

const SIZE: usize = 50 * 1024;
/// Ends every input, so that each test can see the text after the pathological part survive.
const MARKER: &str = "zqxjmarker";

/// `unit` repeated up to [`SIZE`] bytes, then the marker in a paragraph of its own.
fn repeat(unit: &str) -> String {
    let mut text = unit.repeat(SIZE / unit.len());
    text.push_str("\n\n");
    text.push_str(MARKER);
    text
}

fn inputs() -> Vec<(&'static str, String)> {
    let nested_lists: String = (0..).map(|i| format!("{}- item\n", "  ".repeat(i % 300))).scan(0, |len, line| {
        *len += line.len();
        (*len < SIZE).then_some(line)
    }).collect();
    let wide_table = format!("{}|\n{}|\n{}|\n{}|\n", "| a ".repeat(3000), "|---".repeat(3000), "| b ".repeat(3000), "| c ".repeat(3000));
    vec![
        ("nested quotes", repeat(">")),
        ("nested quotes with spaces", repeat("> ")),
        ("nested lists", format!("{nested_lists}\n\n{MARKER}")),
        ("nested ordered lists", repeat("1. ")),
        ("stars", repeat("*")),
        ("stars around a word", format!("{}x{}\n\n{MARKER}", "*".repeat(SIZE / 2), "*".repeat(SIZE / 2))),
        ("underscores", repeat("_a")),
        ("mixed emphasis", repeat("*a **b _c __d ~~e ")),
        ("open brackets", repeat("[")),
        ("brackets and parentheses", repeat("[a](")),
        ("links in links", repeat("[[a](b)")),
        ("images", repeat("![")),
        ("backticks", repeat("`")),
        ("backtick runs of every length", (1..320).map(|n| format!("{}a", "`".repeat(n))).collect::<String>() + "\n\n" + MARKER),
        ("code fences", repeat("```\n")),
        ("raw HTML", repeat("<a href=\"javascript:alert(1)\">")),
        ("character references", repeat("&#x6A;&amp;&colon;")),
        ("reference definitions", repeat("[a]: javascript:b\n")),
        ("autolinks", repeat("<http://a.b/")),
        ("headings", repeat("#")),
        ("a table 3000 columns wide", format!("{wide_table}\n{MARKER}")),
        ("one long word", repeat("x")),
        ("one long line", repeat("word ")),
        ("blank lines", repeat("\n")),
        ("backslashes", repeat("\\")),
    ]
}

fn today() -> CivilDate {
    CivilDate::new(2026, 11, 29).expect("a valid date")
}

#[test]
fn each_input_is_about_50_kb() {
    for (name, text) in inputs() {
        assert!(text.len() >= SIZE * 9 / 10 && text.len() <= SIZE * 2, "{name}: {} bytes", text.len());
    }
}

#[test]
fn typing_pathological_markdown_keeps_the_text_after_it_and_counts_the_pages_the_layout_lays_out() {
    for (name, text) in inputs() {
        let plain = plain_text(&parse(&text));
        assert_eq!(plain.split_whitespace().last(), Some(MARKER), "{name}: the text after it was lost");
        assert!(section_words(&text) >= 1, "{name}");
        let mut draft = Draft::new(DraftId::parse("pathological").expect("a valid id"), Kind::NewBpf, 0);
        draft.set_section(0, text.clone(), 1);
        assert_eq!(draft.section_words(0), section_words(&text), "{name}: the draft's count is the text's");
        // The checks lay the whole document out for the page count, as the editor does.
        let report = check(&draft, today(), &Settings::default());
        let pages = layout(&Document::final_version(&draft)).pages();
        let counted = report.pages.pages;
        assert!(counted > (pages - 1) as f64 && counted <= pages as f64, "{name}: {counted} of {pages} pages");
        assert!(report.findings.iter().all(|f| f.message.english().ends_with('.') || f.message.english().ends_with('?')), "{name}: {:?}", report.findings);
    }
}

/// The inputs that stress the exports most: deep trees, nested links, code, a wide table, lines
/// that must be cut. Every input goes through the exports in `make fuzz-long`.
const EXPORTED: &[&str] = &["nested quotes", "nested lists", "links in links", "backtick runs of every length", "a table 3000 columns wide", "one long word"];

#[test]
fn pathological_markdown_exports_and_comes_back() {
    exports_and_comes_back(inputs().into_iter().filter(|(name, _)| EXPORTED.contains(name)));
}

#[test]
#[ignore = "long in a debug build: `make fuzz-long` runs it in release"]
fn every_pathological_input_exports_and_comes_back() {
    exports_and_comes_back(inputs().into_iter());
}

fn exports_and_comes_back(inputs: impl Iterator<Item = (&'static str, String)>) {
    for (name, text) in inputs {
        let mut draft = Draft::new(DraftId::parse("pathological").expect("a valid id"), Kind::NewWg, 0);
        draft.set_title(format!("Pathological: {name}"), 1);
        draft.set_section(1, text, 2);
        let report = check(&draft, today(), &Settings::default());
        let pages = layout(&Document::final_version(&draft)).pages();
        for format in Format::ALL {
            let bytes = formats::render(&draft, &report, format, fonts()).unwrap();
            match format {
                Format::Pdf => {
                    assert!(bytes.starts_with(b"%PDF-") && bytes.ends_with(b"%%EOF\n"), "{name}: not a whole PDF");
                    let page_objects = String::from_utf8_lossy(&bytes).matches("/Type /Page ").count();
                    assert_eq!(page_objects, pages, "{name}: the PDF's pages are the layout's");
                }
                Format::Text => assert!(String::from_utf8_lossy(&bytes).contains(MARKER), "{name}: the text export lost the text after it"),
                _ => {}
            }
            if matches!(format, Format::DraftFile | Format::Markdown | Format::Html | Format::Docx) {
                let file = format!("pathological.{}", format.extension());
                match import::read(&file, &bytes, DraftId::parse("unused").expect("a valid id"), 0) {
                    Ok(Imported::Own(back)) => assert!(back == draft, "{name}: {format:?} came back different"),
                    _ => panic!("{name}: {format:?} did not come back"),
                }
            }
        }
    }
}
