//! Property-based fuzzing (proptest) of everything that reads outside input or lays it out:
//! the Markdown parser, the importers (draft file, our Markdown, HTML and DOCX, foreign
//! Markdown and text, foreign .docx and .odt made by LibreOffice, damaged as bytes and as XML),
//! the XML and HTML readers, the clipboard converter, the envelope decoder, the checks and the
//! page engine.
//!
//! `cargo test` runs a short pass ([`DEFAULT_CASES`] cases per property);
//! `make fuzz-long` (part of `make bench`) runs the same properties with `PROPTEST_CASES=20000`
//! in release mode. A failure prints the smallest input found and is saved under
//! `proptest-regressions/`, so it is replayed first by every later run.
#![cfg(not(target_arch = "wasm32"))]

mod pdf;

use igf_codecs::{html, xml, zip};
use pdf::fonts;
use igf_core::checks::check;
use igf_core::document::Document;
use igf_core::formats::{self, Format};
use igf_core::formats::import::{self, Imported, map_foreign};
use igf_core::formats::paste;
use igf_core::layout::typeset;
use igf_core::layout::length::page_count;
use igf_core::layout::metrics::width;
use igf_core::layout::spec::SPEC;
use igf_core::model::calendar::CivilDate;
use igf_core::model::draft::{Details, Dismissal, Draft, DraftId, MeetingFormat};
use igf_core::model::envelope::{self, EnvelopeError, SCHEMA};
use igf_core::model::people::{CoFacilitator, Contact, Region, StakeholderGroup};
use igf_core::model::settings::Settings;
use igf_core::model::template::Kind;
use igf_core::sharing::{link as share, review};
use igf_core::text::markdown::{Block, Inline, MAX_DEPTH, parse};
use proptest::prelude::*;

/// Cases per property when `PROPTEST_CASES` is not set: a quick pass for every `cargo test`.
const DEFAULT_CASES: u32 = 32;

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(DEFAULT_CASES);
    ProptestConfig { cases, ..ProptestConfig::default() }
}

/// Pieces that Markdown, HTML, URLs, JSON, our own file formats and the page engine treat
/// specially, so that random text hits their edge cases far more often than chance would.
const TOKENS: &[&str] = &[
    "*", "**", "_", "__", "~~", "`", "```", "~~~", "[", "]", "(", ")", "<", ">", "!", "#", "## ", "- ", "+ ", "1. ", "9) ",
    "> ", "|", "---", "===", "\n", "\n\n", " ", "  \n", "\t", "    ", "\\", ":", "\"", "'", "&", "&amp;", "&#x09;",
    "&#106;", "&colon;", "&lt;", "javascript:alert(1)", "JaVaScRiPt:", "java\tscript:", "data:text/html,", "vbscript:",
    "http://example.org/a", "https://example.org/b?c#d", "mailto:a@b.org", "a@b.org", "#frag", "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>", "<math><mtext>", "</template>", "<!--", "-->", "[ref]: ", "[ref]",
    "![", "](", "[^1]", "word", "Wörter", "日本語", "مرحبا", "\u{0}", "\u{1}", "\u{7f}", "\u{85}", "\u{200B}", "\u{202E}",
    "\u{FEFF}", "\u{1F600}", "e\u{301}", "\u{2028}", "| a | b |\n|---|---|\n", "| c |\n", "\r", "\r\n", "Expected Output(s)",
    "## Expected Output(s)\n\n", "## Purpose of the WG\n\n", "# Title\n", "---\n", "<!-- igf:manifest -->", "<!-- /igf:facts -->\n\n",
    "format: \"igf-proposal-markdown\"", "{\"schema\": 2}", "PK\u{3}\u{4}", "Theme:", "**Goals**", "1-year", "2027-13-45",
];

/// Pieces of the markup the office readers and the clipboard converter treat specially.
const MARKUP: &[&str] = &[
    "<w:p>", "</w:p>", "<w:r>", "</w:r>", "<w:t>", "</w:t>", "<w:t xml:space=\"preserve\">", "<w:tbl>", "<w:tr>", "<w:tc>", "</w:tc>",
    "<w:numPr><w:ilvl w:val=\"9\"/><w:numId w:val=\"1\"/></w:numPr>", "<w:pStyle w:val=\"Heading1\"/>", "<w:fldChar w:fldCharType=\"begin\"/>",
    "<w:fldChar w:fldCharType=\"separate\"/>", "<w:fldChar w:fldCharType=\"end\"/>", "<w:instrText>HYPERLINK \"javascript:x\"</w:instrText>",
    "<w:del>", "</w:del>", "<w:ins>", "<w:sdt><w:sdtContent>", "<w:br/>", "<w:gridSpan w:val=\"99999\"/>", "<!DOCTYPE x>", "&amp;", "&#0;",
    "&#x10FFFF;", "<![CDATA[", "]]>", "<?xml?>", "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"", "<text:p>", "<text:h text:outline-level=\"0\">",
    "<text:list>", "<text:list-item>", "<text:s text:c=\"99999\"/>", "<table:table-row table:number-rows-repeated=\"1000000\">",
    "<p>", "<li>", "<ul>", "<ol start=\"18446744073709551615\">", "<h1>", "<b>", "</b>", "<i>", "<code>", "<pre>", "<table><tr><td>",
    "<a href=\"javascript:alert(1)\">", "<a href=\"https://x.org\">", "</a>", "<br>", "<img src=x>", "<script>", "</script>", "<style>",
    "<span style=\"font-weight:700;font-family:'Roboto Mono'\">", "<p style=\"mso-list:l0 level99 lfo1\">", "<span style='mso-list:Ignore'>1.</span>",
    "<!--", "-->", "<![if !supportLists]>", "<![endif]>", "&nbsp;", "<", ">", "\"", "'", "=", "/", " ", "\n", "word", "日本語",
];

/// Random markup made mostly of [`MARKUP`].
fn markup(max_pieces: usize) -> impl Strategy<Value = String> {
    let piece = prop_oneof![6 => prop::sample::select(MARKUP).prop_map(str::to_owned), 1 => any::<String>()];
    prop::collection::vec(piece, 0..max_pieces).prop_map(|pieces| pieces.concat())
}

/// The word-processor files made by LibreOffice (tests/fixtures/import/).
fn office_fixture(index: usize) -> (&'static str, Vec<u8>) {
    const NAMES: [&str; 5] = ["lo-wg-proposal.docx", "lo-wg-proposal.odt", "lo-bpf-features.docx", "lo-bpf-features.odt", "own-edited-lo.docx"];
    let name = NAMES[index % NAMES.len()];
    let path = format!("{}/tests/fixtures/import/{name}", env!("CARGO_MANIFEST_DIR"));
    (name, std::fs::read(&path).expect("a committed fixture"))
}

/// Random text made mostly of [`TOKENS`], with arbitrary Unicode strings mixed in.
fn soup(max_pieces: usize) -> impl Strategy<Value = String> {
    let piece = prop_oneof![4 => prop::sample::select(TOKENS).prop_map(str::to_owned), 1 => any::<String>()];
    prop::collection::vec(piece, 0..max_pieces).prop_map(|pieces| pieces.concat())
}

fn person() -> impl Strategy<Value = CoFacilitator> {
    (soup(6), soup(6), prop::option::of(0..5usize), prop::option::of(0..7usize), any::<bool>(), soup(4)).prop_map(
        |(name, affiliation, group, region, mag_member, email)| CoFacilitator {
            name,
            affiliation,
            group: group.map(|g| StakeholderGroup::ALL[g]),
            region: region.map(|r| Region::ALL[r]),
            mag_member,
            email,
        },
    )
}

fn details() -> impl Strategy<Value = Details> {
    let dates = (soup(3), soup(3), soup(3));
    let contact = (soup(4), soup(4));
    let dismissal = (soup(2), soup(2), soup(4)).prop_map(|(rule, place, reason)| Dismissal { rule, place, reason });
    let dismissed = prop::collection::vec(dismissal, 0..3);
    (prop::collection::vec(person(), 0..4), dates, prop::option::of(any::<bool>()), contact, any::<bool>(), dismissed).prop_map(
        |(co_facilitators, (meeting_date, timeframe_start, timeframe_end), format, (name, email), code_of_conduct, dismissed)| Details {
            co_facilitators,
            meeting_date,
            meeting_format: format.map(|virtual_meeting| if virtual_meeting { MeetingFormat::Virtual } else { MeetingFormat::FaceToFace }),
            timeframe_start,
            timeframe_end,
            proposer: Contact { name, email },
            code_of_conduct,
            dismissed,
        },
    )
}

/// Any draft: every text field random, sometimes with a section under a key the template does
/// not know (kept, never dropped).
fn draft() -> impl Strategy<Value = Draft> {
    let texts = (soup(10), prop::collection::vec(soup(30), 7), prop::option::of(soup(8)));
    let times = (any::<u64>(), any::<u64>(), any::<u64>());
    (0..3usize, "[A-Za-z0-9_-]{1,64}", texts, details(), times).prop_map(|(kind, id, (title, sections, unknown), details, (created, updated, revision))| {
        let kind = Kind::ALL[kind];
        let keys = kind.template().sections.iter().map(|s| s.key.to_owned());
        let mut by_key: Vec<(String, String)> = keys.zip(sections).collect();
        by_key.extend(unknown.map(|text| ("retired-section".to_owned(), text)));
        Draft::from_parts(DraftId::parse(&id).expect("the pattern gives valid ids"), kind, title, by_key, details, created, updated, revision)
    })
}

fn today() -> CivilDate {
    CivilDate::new(2026, 11, 29).expect("a valid date")
}

/// Changes a file the way transfers and editors break files.
#[derive(Clone, Debug)]
enum Mutation {
    Truncate(usize),
    Flip(usize, u8),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<usize>().prop_map(Mutation::Truncate),
        (any::<usize>(), 1..=255u8).prop_map(|(at, bits)| Mutation::Flip(at, bits)),
        (any::<usize>(), prop_oneof![soup(3).prop_map(String::into_bytes), prop::collection::vec(any::<u8>(), 1..8)]).prop_map(|(at, bytes)| Mutation::Insert(at, bytes)),
        (any::<usize>(), 1..64usize).prop_map(|(at, len)| Mutation::Delete(at, len)),
    ]
}

fn mutate(bytes: &mut Vec<u8>, mutation: &Mutation) {
    let len = bytes.len().max(1);
    match mutation {
        Mutation::Truncate(at) => bytes.truncate(at % len),
        Mutation::Flip(at, bits) => {
            if let Some(byte) = bytes.get_mut(at % len) {
                *byte ^= bits;
            }
        }
        Mutation::Insert(at, extra) => {
            let at = (at % len).min(bytes.len());
            bytes.splice(at..at, extra.iter().copied());
        }
        Mutation::Delete(at, n) => {
            let start = (at % len).min(bytes.len());
            bytes.drain(start..(start + n).min(bytes.len()));
        }
    }
}

/// Whatever an import returns is a draft the editor can store, check and lay out; an error
/// names the file.
fn assert_import_is_sound(name: &str, bytes: &[u8]) -> Result<(), TestCaseError> {
    let id = DraftId::parse("fuzzed").expect("a valid id");
    match import::read(name, bytes, id, 7) {
        Ok(Imported::Own(draft)) => {
            prop_assert_eq!(envelope::decode(&envelope::encode(&draft)), Ok(draft.clone()));
            assert_engine_is_sound(&draft)?;
        }
        Ok(Imported::Foreign(foreign)) => assert_engine_is_sound(&foreign.draft)?,
        Ok(Imported::Edited(edited)) => {
            assert_engine_is_sound(&edited.exported)?;
            assert_engine_is_sound(&edited.edited)?;
        }
        // A review file carries comments and the reviewed draft's id and hash, never a draft.
        Ok(Imported::Review(review)) => prop_assert_eq!(review::decode(&review::encode(&review)), Ok(review.clone())),
        Err(error) => prop_assert!(error.to_string().starts_with(&format!("“{name}”")), "{}", error),
    }
    Ok(())
}

/// The checks, the page count and the PDF never fail on a draft, and agree with the layout.
fn assert_engine_is_sound(draft: &Draft) -> Result<(), TestCaseError> {
    let report = check(draft, today(), &Settings::default());
    for finding in &report.findings {
        prop_assert!(!finding.message.english().trim().is_empty());
    }
    let doc = Document::final_version(draft);
    let set = typeset(&doc);
    let pages = page_count(draft).pages;
    prop_assert!(pages > (set.pages.len() - 1) as f64 - 1e-9 && pages <= set.pages.len() as f64 + 1e-9, "{} of {} pages", pages, set.pages.len());
    let pdf = formats::render(draft, &report, Format::Pdf, fonts()).unwrap();
    let pdf = String::from_utf8_lossy(&pdf);
    prop_assert_eq!(pdf.matches("/Type /Page ").count(), set.pages.len());
    Ok(())
}

/// Every URL that reached the tree, and the deepest nesting of containers.
fn walk(blocks: &[Block], depth: usize, urls: &mut Vec<String>) -> usize {
    fn inlines(content: &[Inline], urls: &mut Vec<String>) {
        for inline in content {
            match inline {
                Inline::Link { url, content, .. } => {
                    urls.extend(url.iter().map(|u| u.as_str().to_owned()));
                    inlines(content, urls);
                }
                Inline::Image { url, .. } => urls.extend(url.iter().map(|u| u.as_str().to_owned())),
                Inline::Strong(c) | Inline::Emphasis(c) | Inline::Strikethrough(c) => inlines(c, urls),
                Inline::Text(_) | Inline::Code(_) | Inline::LineBreak => {}
            }
        }
    }
    let mut deepest = depth;
    for block in blocks {
        match block {
            Block::Paragraph(c) | Block::Heading { content: c, .. } => inlines(c, urls),
            Block::List { items, .. } => {
                for item in items {
                    deepest = deepest.max(walk(item, depth + 1, urls));
                }
            }
            Block::Quote(inner) => deepest = deepest.max(walk(inner, depth + 1, urls)),
            Block::Table { head, rows } => head.iter().chain(rows.iter().flatten()).for_each(|cell| inlines(cell, urls)),
            Block::Code(_) | Block::Rule => {}
        }
    }
    deepest
}

/// What a browser would take as the URL's scheme, if any (after the white space and control
/// characters it ignores).
fn browser_scheme(url: &str) -> Option<String> {
    let cleaned: String = url.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect();
    let end = cleaned.find([':', '/', '?', '#'])?;
    (cleaned.as_bytes()[end] == b':').then(|| cleaned[..end].to_ascii_lowercase())
}

proptest! {
    #![proptest_config(config())]
    #[test]
    fn markdown_parses_any_text_into_a_shallow_tree_with_only_safe_urls(text in soup(200)) {
        let mut urls = Vec::new();
        let depth = walk(&parse(&text), 0, &mut urls);
        prop_assert!(depth <= MAX_DEPTH, "nesting {} deep", depth);
        for url in urls {
            let scheme = browser_scheme(&url);
            prop_assert!(scheme.is_none_or(|s| ["http", "https", "mailto"].contains(&s.as_str())), "{:?} passed", url);
        }
    }

    #[test]
    fn the_page_engine_places_every_line_once_in_order_and_within_the_page(draft in draft()) {
        let set = typeset(&Document::final_version(&draft));
        let placed: Vec<(usize, usize)> = set.pages.iter().flatten().map(|l| (l.paragraph, l.line)).collect();
        let expected: Vec<(usize, usize)> = set.breaks.iter().enumerate()
            .flat_map(|(p, cells)| (0..cells.iter().map(Vec::len).max().unwrap_or(1)).map(move |line| (p, line)))
            .collect();
        prop_assert_eq!(placed, expected);
        for page in &set.pages {
            prop_assert!(!page.is_empty(), "an empty page");
            for line in page {
                let height = set.paragraphs[line.paragraph].style.line_centipt;
                prop_assert!(line.top_centipt + height <= SPEC.text_height_centipt());
            }
            prop_assert!(page.windows(2).all(|w| w[0].top_centipt < w[1].top_centipt));
        }
        // Each line's ink (up to its last visible character) fits its cell, unless the line
        // holds a single character that is wider than the cell on its own.
        for (paragraph, cells) in set.paragraphs.iter().zip(&set.breaks) {
            for (cell, starts) in paragraph.cells.iter().zip(cells.iter()) {
                for (n, &start) in starts.iter().enumerate() {
                    let end = starts.get(n + 1).copied().unwrap_or(cell.len());
                    let line = &cell[start..end];
                    let ink_end = line.iter().rposition(|(c, _)| !c.is_whitespace()).map_or(0, |i| i + 1);
                    let ink: u32 = line[..ink_end].iter().map(|&(c, s)| width(c, s, paragraph.style.size_pt)).sum();
                    let visible = line[..ink_end].iter().filter(|(c, _)| !c.is_whitespace()).count();
                    prop_assert!(ink <= paragraph.cell_width() || visible <= 1, "a line of {} units in a cell of {}: {:?}", ink, paragraph.cell_width(), line.iter().map(|(c, _)| c).collect::<String>());
                }
            }
        }
    }

    #[test]
    fn checks_page_count_and_pdf_never_fail_and_agree(draft in draft()) {
        assert_engine_is_sound(&draft)?;
    }

    #[test]
    fn every_format_that_carries_the_draft_gives_it_back(draft in draft()) {
        let report = check(&draft, today(), &Settings::default());
        for format in [Format::DraftFile, Format::Markdown, Format::Html, Format::Docx] {
            let bytes = formats::render(&draft, &report, format, fonts()).unwrap();
            let name = format!("exported.{}", format.extension());
            match import::read(&name, &bytes, DraftId::parse("unused").expect("a valid id"), 0) {
                Ok(Imported::Own(back)) => prop_assert_eq!(&back, &draft, "{:?}", format),
                other => prop_assert!(false, "{:?} came back as {:?}", format, other),
            }
        }
    }

    #[test]
    fn importers_survive_damaged_exports(draft in draft(), format in 0..4usize, mutations in prop::collection::vec(mutation(), 1..4)) {
        let format = [Format::DraftFile, Format::Markdown, Format::Html, Format::Docx][format];
        let report = check(&draft, today(), &Settings::default());
        let mut bytes = formats::render(&draft, &report, format, fonts()).unwrap();
        for m in &mutations {
            mutate(&mut bytes, m);
        }
        assert_import_is_sound(&format!("damaged.{}", format.extension()), &bytes)?;
    }

    #[test]
    fn importers_survive_any_bytes(name in prop::sample::select(&["a.json", "a.md", "a.html", "a.docx", "a.txt", "a"][..]), head in prop::sample::select(&["", "PK\u{3}\u{4}", "{", "---\nformat: \"igf-proposal-markdown\"\n", "<!DOCTYPE html>", "<template id=\"igf-proposal-draft\">", "\u{FEFF}"][..]), tail in prop_oneof![soup(60).prop_map(String::into_bytes), prop::collection::vec(any::<u8>(), 0..400)]) {
        let mut bytes = head.as_bytes().to_vec();
        bytes.extend(tail);
        assert_import_is_sound(name, &bytes)?;
    }

    #[test]
    fn foreign_text_keeps_every_line_that_is_not_a_heading(text in soup(120), kind in 0..3usize) {
        let text = text.replace('\r', "");
        let imported = map_foreign(&text, Kind::ALL[kind], DraftId::parse("foreign").expect("a valid id"), 0);
        let draft = &imported.draft;
        prop_assert_eq!(draft.kind, Kind::ALL[kind]);
        let kept: Vec<&str> = (0..draft.template().sections.len()).flat_map(|i| draft.section(i).lines()).collect();
        for line in text.lines() {
            let trimmed = line.trim();
            let heading_like = trimmed.starts_with('#') || trimmed.starts_with("**") || trimmed.ends_with(':');
            if !trimmed.is_empty() && !heading_like {
                prop_assert!(kept.contains(&line), "lost {:?}", line);
            }
        }
    }

    #[test]
    fn the_envelope_decoder_refuses_or_reads_any_text(text in soup(80)) {
        if let Ok(draft) = envelope::decode(&text) {
            prop_assert_eq!(envelope::decode(&envelope::encode(&draft)), Ok(draft));
        }
    }

    #[test]
    fn a_newer_schema_is_refused_never_read(draft in draft(), newer in (SCHEMA + 1)..u32::MAX) {
        // The envelope opens with its schema number (2 or 3, by whether anything was dismissed).
        let encoded = envelope::encode(&draft);
        let (_, rest) = encoded.split_once(',').expect("the schema number comes first");
        let text = format!("{{\"schema\":{newer},{rest}");
        prop_assert_eq!(envelope::decode(&text), Err(EnvelopeError::NewerSchema { found: newer, supported: SCHEMA }));
    }

    #[test]
    fn the_share_link_decoder_gives_the_draft_or_an_error_for_any_text(text in soup(80), prefix in prop::sample::select(&["", "#", "#igf.1.d.", "#igf.1.r.", "#igf.1.de.", "https://x/#igf.1.d.", "igf.2.d."][..])) {
        let input = format!("{prefix}{text}");
        if let Ok(link) = share::parse(&input)
            && let share::Body::Plain(bytes) = &link.body
        {
            let _ = share::unpack(link.content, bytes);
        }
    }

    #[test]
    fn a_damaged_share_link_never_opens_as_another_draft(draft in draft(), mutations in prop::collection::vec(mutation(), 1..4)) {
        let (content, packed) = share::pack(&share::Payload::Draft(draft.clone()));
        let link = share::fragment(&share::Link { content, body: share::Body::Plain(packed) });
        let mut bytes = link.into_bytes();
        for mutation in &mutations {
            mutate(&mut bytes, mutation);
        }
        let text = String::from_utf8_lossy(&bytes);
        if let Ok(parsed) = share::parse(&text)
            && let share::Body::Plain(body) = &parsed.body
            && let Ok(share::Payload::Draft(opened)) = share::unpack(parsed.content, body)
        {
            prop_assert_eq!(opened, draft);
        }
    }

    #[test]
    fn office_files_survive_damage_to_their_bytes(index in 0..5usize, mutations in prop::collection::vec(mutation(), 1..4)) {
        let (name, mut bytes) = office_fixture(index);
        for m in &mutations {
            mutate(&mut bytes, m);
        }
        assert_import_is_sound(name, &bytes)?;
    }

    #[test]
    fn office_files_survive_damage_to_their_xml(index in 0..5usize, mutations in prop::collection::vec(mutation(), 1..6), inserted in markup(8)) {
        let (name, bytes) = office_fixture(index);
        let mut archive = zip::Archive::open(&bytes).expect("a fixture archive");
        let names: Vec<String> = archive.names().map(|n| String::from_utf8_lossy(n).into_owned()).collect();
        let mut parts: Vec<(String, Vec<u8>)> = names.into_iter().map(|n| {
            let data = archive.read(&n).expect("a readable entry").unwrap_or_default();
            (n, data)
        }).collect();
        for (part, data) in &mut parts {
            if part == "word/document.xml" || part == "content.xml" || part == "word/styles.xml" || part == "word/numbering.xml" {
                let at = data.len() / 2;
                data.splice(at..at, inserted.bytes());
                for m in &mutations {
                    mutate(data, m);
                }
            }
        }
        let entries: Vec<(&str, &[u8])> = parts.iter().map(|(n, d)| (n.as_str(), d.as_slice())).collect();
        assert_import_is_sound(name, &zip::write(&entries))?;
    }

    #[test]
    fn the_xml_and_html_readers_take_any_text(text in markup(120)) {
        if let Ok(root) = xml::parse(&text) {
            prop_assert!(!root.name.is_empty());
        }
        let tree = html::parse(&text);
        prop_assert!(tree.name.is_empty());
    }

    #[test]
    fn pasted_html_becomes_markdown_with_only_safe_urls_and_no_markup(html in markup(200)) {
        if let Some(pasted) = paste::to_markdown(&html) {
            let mut urls = Vec::new();
            let depth = walk(&parse(&pasted), 0, &mut urls);
            prop_assert!(depth <= MAX_DEPTH);
            for url in urls {
                let scheme = browser_scheme(&url);
                prop_assert!(scheme.is_none_or(|s| ["http", "https", "mailto"].contains(&s.as_str())), "{:?} passed", url);
            }
        }
    }
}
