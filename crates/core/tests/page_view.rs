//! The page view (`layout::view`) shows what the PDF draws: on every page of every draft of the
//! page corpus and of the samples, the same lines with the same text on the same baselines, the
//! same not-ready line; the live cache gives the pages a fresh layout gives; each line leads
//! back to where its paragraph was written.
#![cfg(not(target_arch = "wasm32"))]

#[allow(dead_code)]
mod page_corpus;

use igf_core::document::{Document, Manifest};
use igf_core::formats::{self, Format};
use igf_core::layout::view::{self, Jump, Page, Part, line_at};
use igf_core::layout::{SectionCache, layout, typeset};
use igf_core::model::draft::{Draft, DraftId};
use igf_core::model::people::{CoFacilitator, Region, StakeholderGroup};
use igf_core::model::template::Kind;
use igf_core::text::i18n::Arg;
use igf_core::text::markdown::parse_with_starts;
use page_corpus::common::{SAMPLE_BPF_SECTIONS, SAMPLE_BPF_TITLE};
use page_corpus::pdf::{PdfLine, fonts, page_lines};

fn draft(id: &str, kind: Kind, title: &str, sections: &[&str]) -> Draft {
    let mut draft = Draft::new(DraftId::parse(id).unwrap(), kind, 0);
    draft.set_title(title.into(), 1);
    for (index, text) in sections.iter().enumerate() {
        draft.set_section(index, (*text).to_owned(), 2);
    }
    draft
}

fn person(name: &str, group: StakeholderGroup, region: Region, mag_member: bool) -> CoFacilitator {
    CoFacilitator { name: name.into(), affiliation: "Example".into(), group: Some(group), region: Some(region), mag_member, email: String::new() }
}

/// Sample 1 and Sample 2 of sample-proposals.md.
fn samples() -> Vec<Draft> {
    let mut bpf = draft("sample-1", Kind::NewBpf, SAMPLE_BPF_TITLE, &SAMPLE_BPF_SECTIONS);
    bpf.edit_details(3, |d| {
        d.co_facilitators = vec![
            person("Amina Diallo", StakeholderGroup::Government, Region::African, true),
            person("Rahul Mehta", StakeholderGroup::TechnicalCommunity, Region::AsiaPacific, true),
            person("Elena Petrova", StakeholderGroup::CivilSociety, Region::EasternEuropean, true),
            person("Jorge Ramírez", StakeholderGroup::PrivateSector, Region::LatinAmericanAndCaribbean, false),
        ];
    });
    let mut wg = draft("sample-2", Kind::NewWg, "MAG Working Group on Youth Engagement", &[
        "To help the MAG bring young people into the IGF's programme and intersessional work, not only as audience but as organisers and speakers.",
        "1. Review how youth participated in the last three annual meetings.\n2. Propose concrete measures for the workshop selection process and for main sessions.\n3. Work with the Youth Coalition on Internet Governance and youth IGF initiatives.",
        "A recommendations paper to the MAG ahead of its second face-to-face meeting, and a short guide for workshop organisers on involving young speakers.",
        "Monthly calls open to all MAG members; a survey of youth initiatives in May; a draft paper shared with the full MAG in June for feedback before it is finalised.",
        "One IGF cycle: February to December, reporting at every MAG meeting.",
    ]);
    wg.edit_details(3, |d| {
        d.co_facilitators = vec![person("Sara Lindqvist", StakeholderGroup::Government, Region::WesternEuropeanAndOthers, true), person("Tunde Bello", StakeholderGroup::CivilSociety, Region::African, true)];
    });
    vec![bpf, wg]
}

/// A draft that runs onto a fourth page, with every kind of block.
fn four_pages() -> Draft {
    let prose = "The forum gathers what registries, software makers, governments and communities already do, and what holds them back, in every region. ".repeat(6);
    let blocks = format!(
        "{prose}\n\n## A subheading\n\n- one item, with **bold**, *italic* and `code`\n  - a nested item with [a link](https://example.org/a)\n1. numbered\n\n> {prose}\n\n```\nlet x = 1;\n\nlet y = 2;\n```\n\n---\n\n| phase | months |\n|---|---|\n| Call | April to May |\n| Final | December |\n\nA hard  \nbreak."
    );
    let texts: Vec<String> = (0..6).map(|n| if n < 4 { blocks.clone() } else { String::new() }).collect();
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    draft("four-pages", Kind::NewBpf, "A draft too long for the template", &texts)
}

/// The page corpus (every fourth of its 40 generated drafts, which grow by about 85 words each,
/// and every draft at a stage of writing), the samples and a draft of four pages.
fn drafts() -> Vec<Draft> {
    let mut drafts: Vec<Draft> = page_corpus::corpus().into_iter().enumerate().filter(|(n, _)| *n >= 40 || n % 4 == 0).map(|(_, d)| d).collect();
    drafts.extend(samples());
    drafts.push(four_pages());
    drafts
}

fn pages_now(draft: &Draft) -> Vec<Page> {
    SectionCache::default().pages(draft, page_corpus::report(draft).must_fix(), Manifest::of(draft))
}

/// What a line shows, squashed as a reader gets text back.
fn text_of(line: &view::Line) -> String {
    line.pieces.iter().map(|p| p.text.as_str()).collect::<String>().split_whitespace().collect()
}

fn squash(text: &str) -> String {
    text.split_whitespace().collect()
}

#[test]
fn every_page_shows_the_lines_of_the_pdf_on_their_baselines() {
    let page_height = f64::from(view::PAGE_HEIGHT) / 100.0;
    for draft in drafts() {
        let report = page_corpus::report(&draft);
        let pdf = formats::render(&draft, &report, Format::Pdf, fonts()).unwrap();
        let printed = page_lines(&pdf);
        let pages = pages_now(&draft);
        let id = draft.id.as_str();
        assert_eq!(pages.len(), printed.len(), "{id}: pages");
        assert_eq!(pages.len(), layout(&Document::final_version(&draft)).pages(), "{id}: the live count's pages");
        for (page, printed) in pages.iter().zip(&printed) {
            let mut printed = printed.iter();
            if let Some(notice) = &page.notice {
                let line = printed.next().unwrap();
                assert_eq!((line.text.as_str(), line.y), (notice.text.as_str(), page_height - f64::from(notice.baseline) / 100.0), "{id}: the not-ready line of page {}", page.number);
            }
            let shown: Vec<(String, f64, f64)> = page.lines.iter().map(|l| (text_of(l), page_height - f64::from(l.baseline) / 100.0, f64::from(l.pieces[0].left) / 100.0)).collect();
            let read: Vec<(String, f64, f64)> = printed.map(|PdfLine { y, x, text }| (squash(text), *y, *x)).collect();
            assert_eq!(shown.len(), read.len(), "{id}: lines on page {}", page.number);
            for (n, (shown, read)) in shown.iter().zip(&read).enumerate() {
                assert_eq!(shown.0, read.0, "{id}: page {}, line {}", page.number, n + 1);
                assert!((shown.1 - read.1).abs() < 0.006 && (shown.2 - read.2).abs() < 0.006, "{id}: page {}, line {}: {shown:?} drawn at {read:?}", page.number, n + 1);
            }
        }
    }
}

#[test]
fn each_piece_is_as_wide_as_the_layout_measures_it() {
    let set = typeset(&Document::final_version(&four_pages()));
    let pages = pages_now(&four_pages());
    let drawn: u32 = pages.iter().flat_map(|p| &p.lines).flat_map(|l| l.pieces.iter()).map(|p| p.width).sum();
    let measured: u32 = set
        .pages
        .iter()
        .flatten()
        .flat_map(|line| {
            let paragraph = &set.paragraphs[line.paragraph];
            let size = paragraph.style.size_pt;
            let marker = paragraph.marker.iter().filter(|_| line.line == 0).flat_map(|m| m.chars()).map(move |c| igf_core::layout::metrics::width(c, Default::default(), size));
            let cells: Vec<u32> = paragraph.line_cells(&set.breaks[line.paragraph], line.line).flat_map(|cell| cell.chars.iter().map(move |&(c, s)| igf_core::layout::metrics::width(c, s, size))).collect();
            marker.chain(cells)
        })
        .sum();
    // Each piece is rounded to 1/100 pt on its own: within half a unit of each.
    let pieces = pages.iter().flat_map(|p| &p.lines).map(|l| l.pieces.len()).sum::<usize>() as f64;
    assert!((f64::from(drawn) - f64::from(measured) * 100.0 / 120.0).abs() <= pieces, "{drawn} drawn, {measured} measured");
}

#[test]
fn the_cache_gives_the_pages_a_fresh_layout_gives_while_the_draft_changes() {
    let mut draft = four_pages();
    let mut cache = SectionCache::default();
    let edits = ["", "A short text now.", "- a\n- b\n\n| x | y |\n|---|---|\n| 1 | 2 |", &"Long again. ".repeat(200)];
    for (n, text) in edits.iter().enumerate() {
        draft.set_section(n % 5, (*text).to_owned(), 10 + n as u64);
        let report = page_corpus::report(&draft);
        let cached = cache.pages(&draft, report.must_fix(), Manifest::of(&draft));
        assert_eq!(cached, pages_now(&draft), "after edit {n}");
    }
    // What surrounds the sections changes too: the title, the facts, the co-facilitators.
    draft.set_title("A title long enough to take two lines of the page at its size, which is larger than the text's".into(), 20);
    draft.edit_details(21, |d| {
        d.proposer.name = "Amina Diallo".into();
        d.co_facilitators = vec![person("Rahul Mehta", StakeholderGroup::TechnicalCommunity, Region::AsiaPacific, true)];
    });
    for step in 0..2 {
        let cached = cache.pages(&draft, Vec::new(), Manifest::of(&draft));
        assert_eq!(cached, SectionCache::default().pages(&draft, Vec::new(), Manifest::of(&draft)), "around the sections, pass {step}");
        draft.edit_details(22, |d| d.co_facilitators.clear());
    }
}

#[test]
fn a_fourth_page_is_over_the_limit_and_the_third_ends_it() {
    let pages = pages_now(&four_pages());
    assert_eq!(pages.len(), 4);
    let marks: Vec<(bool, bool)> = pages.iter().map(|p| (p.ends_limit(), p.over_limit())).collect();
    assert_eq!(marks, [(false, false), (false, false), (true, false), (false, true)]);
    assert!(pages[3].describe().english().starts_with("Page 4 of 4, over the 3-page limit: "), "{}", pages[3].describe());
    for page in &pages {
        assert!(page.describe().english().starts_with(&format!("Page {} of 4", page.number)));
    }
}

#[test]
fn extents_cover_every_line_once_in_order_and_name_their_part() {
    for draft in drafts() {
        let headings = draft.template().sections.iter().map(|s| s.heading).collect::<Vec<_>>();
        for page in pages_now(&draft) {
            let mut next = 1;
            for extent in &page.extents {
                assert_eq!(extent.first, next, "{}: page {}", draft.id.as_str(), page.number);
                assert!(extent.last >= extent.first);
                let lines = &page.lines[extent.first - 1..extent.last];
                assert!(lines.iter().all(|l| l.part == extent.part));
                assert_eq!((extent.top, extent.bottom), (lines[0].top, lines[lines.len() - 1].top + lines[lines.len() - 1].height));
                if let Part::Section(index) = extent.part {
                    assert_eq!(extent.label, Arg::Text(headings[index].into()), "a section is called by its official heading");
                }
                next = extent.last + 1;
            }
            assert_eq!(next, page.lines.len() + 1);
        }
    }
}

#[test]
fn the_people_table_is_framed_row_by_row_in_equal_columns() {
    let pages = pages_now(&samples()[0]);
    let rows: Vec<_> = pages.iter().flat_map(|p| &p.rows).collect();
    assert_eq!(rows.len(), 6, "a head and four co-facilitators, the last split over two pages");
    assert_eq!((pages[0].rows.len(), pages[1].rows.len()), (5, 1));
    assert_eq!(pages[1].rows[0].top, view::MARGIN, "the rest of the row at the top of the next page");
    let left = view::MARGIN;
    let right = view::PAGE_WIDTH - view::MARGIN;
    for row in &rows {
        assert_eq!(row.edges.len(), 6);
        assert_eq!((row.edges[0], row.edges[5]), (left, right));
    }
    assert!(pages[0].rows.windows(2).all(|w| w[0].bottom == w[1].top), "rows follow each other");
}

/// Section texts with every kind of block, each line of them an edge of the Markdown rules.
const MARKDOWN: &[&str] = &[
    "",
    "One paragraph.",
    "One.\n\nTwo.\n\n\nThree with *emphasis* and `code`.",
    "# Heading\nText right under it.\n## Another\n\n---\n\nAfter a rule.",
    "- one\n- two\n  - nested\n    more of nested\n\n  a second paragraph of two\n- three",
    "1. first\n2. second\n\n   continued\n3. third",
    "> quoted\n> > deeper\n\nafter",
    "```\nfenced\n\ncode\n```\n\n    indented code\n    second line",
    "| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n\nafter the table",
    "Hard  \nbreak and <b>raw html</b>\n\n<div>block html</div>",
    "* [ ] task\n* [x] done\n\n[link](https://example.org) and ![image](x.png)",
    "Ünïcödé 日本語 paragraph\n\n- ა item\n- Ж item",
    "> - quoted list\n> - two\n\n1) paren\n2) list",
];

#[test]
fn each_paragraph_of_a_section_leads_back_to_where_it_was_written() {
    for text in MARKDOWN {
        let mut draft = Draft::new(DraftId::parse("sources").unwrap(), Kind::NewBpf, 0);
        draft.set_section(0, (*text).to_owned(), 1);
        let (_, starts) = parse_with_starts(text);
        let set = typeset(&Document::final_version(&draft));
        let body = &set.paragraphs[set.bodies[0].clone()];
        let tables = body.iter().filter(|p| p.role == igf_core::layout::Role::TableEnd).count();
        assert_eq!(starts.len(), body.len() - tables, "{text:?}: one start for each paragraph but a table's end");
        let sources = view::sources(body, &starts);
        assert!(sources.windows(2).all(|w| w[0] <= w[1]), "{text:?}: {sources:?} in order");
        for (paragraph, &at) in body.iter().zip(&sources) {
            // The paragraph's first visible character is written at or after its start.
            let Some(&(first, _)) = paragraph.cells.iter().flatten().find(|(c, _)| !c.is_whitespace()) else { continue };
            assert!(text[at..].contains(first), "{text:?}: {first:?} after byte {at}");
        }
    }
    // Exact starts for plain cases.
    let table: &[(&str, &[usize])] = &[
        ("One.\n\nTwo.", &[0, 6]),
        ("- one\n- two", &[2, 8]),
        ("# H\ntext", &[0, 4]),
        ("```\na\nb\n```", &[0, 0]),
        ("| a |\n|---|\n| 1 |", &[0, 12]),
    ];
    for (text, expected) in table {
        assert_eq!(parse_with_starts(text).1, *expected, "{text:?}");
    }
}

#[test]
fn lines_lead_to_their_field_and_the_caret_finds_its_line() {
    let draft = samples().remove(0);
    let pages = pages_now(&draft);
    let jumps: Vec<Jump> = pages.iter().flat_map(|p| &p.lines).filter_map(|l| l.jump).collect();
    assert_eq!(jumps[0], Jump::Title);
    assert!(jumps.contains(&Jump::People), "the co-facilitator table leads to the list");
    let objectives = draft.section(1);
    let item_starts: Vec<usize> = objectives.match_indices("- ").map(|(at, _)| at + 2).collect();
    let in_objectives: Vec<usize> = jumps.iter().filter_map(|j| match j { Jump::Section { index: 1, at } => Some(*at), _ => None }).collect();
    for start in &item_starts {
        assert!(in_objectives.contains(start), "the item at byte {start} has a line");
    }
    // The caret in the third item shows that item's last line; before any, the heading.
    let (page, line) = line_at(&pages, 1, item_starts[2] + 5).unwrap();
    let found = &pages[page - 1].lines[line - 1];
    assert_eq!(found.jump, Some(Jump::Section { index: 1, at: item_starts[2] }));
    assert!(pages[page - 1].lines.get(line).is_none_or(|next| next.jump != found.jump), "its last line");
    let (page, line) = line_at(&pages, 1, 0).unwrap();
    assert!(text_of(&pages[page - 1].lines[line - 1]).starts_with("Objectives"), "at the start, the heading");
    assert_eq!(line_at(&pages, 9, 0), None);
}

#[test]
fn the_fonts_of_the_pages_are_the_fonts_of_the_pdf() {
    for draft in drafts() {
        let report = page_corpus::report(&draft);
        let pages = pages_now(&draft);
        let doc = Document::new(&draft, report.must_fix());
        assert_eq!(igf_core::formats::pdf::needed_for_pages(&pages), igf_core::formats::pdf::needed(&doc), "{}", draft.id.as_str());
    }
}
