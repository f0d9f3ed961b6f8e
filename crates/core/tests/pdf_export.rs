//! The PDF as files we can read back natively: fonts that are the layout's own, every name
//! typed given back through the fonts' Unicode maps, the structure tree of PDF/UA, and what
//! cannot be shown named. Real readers check the same files in `tests/readers.rs`.
#![cfg(not(target_arch = "wasm32"))]

mod pdf;

use igf_codecs::truetype::Font;
use igf_core::checks::check;
use igf_core::document::Document;
use igf_core::formats::pdf::{self as writer, FontFile, Shown, choose, gaps};
use igf_core::formats::{self, Format, office};
use igf_core::layout::metrics::{Measured, Style, measured_with, width};
use igf_core::model::calendar::CivilDate;
use igf_core::model::draft::{Draft, DraftId};
use igf_core::model::people::CoFacilitator;
use igf_core::model::settings::Settings;
use igf_core::model::template::Kind;
use pdf::{font_bytes, fonts, objects, page_texts};

const STYLES: [Style; 4] = [
    Style { bold: false, italic: false, mono: false },
    Style { bold: true, italic: false, mono: false },
    Style { bold: false, italic: true, mono: false },
    Style { bold: true, italic: true, mono: false },
];

#[test]
fn the_fonts_shipped_are_the_ones_the_layout_measures() {
    for file in FontFile::ALL {
        assert_eq!(font_bytes(file).len(), file.bytes() as usize, "{file:?}: the size the download expects");
    }
    let mono = font_bytes(FontFile::Mono);
    let mono = Font::parse(&mono).unwrap();
    for style in STYLES {
        let (primary, fallback) = (choose('a', style).0, choose('ა', style).0);
        let (primary_bytes, fallback_bytes) = (font_bytes(primary), font_bytes(fallback));
        let (primary_font, fallback_font) = (Font::parse(&primary_bytes).unwrap(), Font::parse(&fallback_bytes).unwrap());
        for code in 0x20..0x10000u32 {
            let Some(c) = char::from_u32(code) else { continue };
            let private = ('\u{E000}'..='\u{F8FF}').contains(&c);
            let expected = |font: &Font, glyph: u16| {
                let units = u32::from(font.metrics().units_per_em);
                (u32::from(font.advance(glyph)) * 12_000 + units / 2) / units
            };
            match (measured_with(c, style), primary_font.glyph(c), fallback_font.glyph(c)) {
                (Measured::Primary, Some(glyph), _) => assert_eq!(width(c, style, 100), expected(&primary_font, glyph), "{c:?} in {style:?}"),
                (Measured::Fallback, None, Some(glyph)) => assert_eq!(width(c, style, 100), expected(&fallback_font, glyph), "{c:?} in {style:?}"),
                (Measured::Neither, None, _) => {}
                (Measured::Neither, Some(_), _) if private => {}
                (measured, primary, fallback) => panic!("{c:?} in {style:?}: measured with {measured:?}, in Liberation {primary:?}, in DejaVu {fallback:?}"),
            }
            let code_style = Style { mono: true, ..style };
            if choose(c, code_style).1 == Shown::Glyph && !c.is_whitespace() && !igf_core::text::invisible(c) {
                assert!(mono.glyph(c).is_some(), "{c:?}: Liberation Mono lacks what the PDF draws with it");
            }
        }
    }
}

/// A draft with names in every script the fonts have, in every style and in code.
fn names_draft() -> Draft {
    let mut draft = Draft::new(DraftId::parse("names").unwrap(), Kind::NewBpf, 0);
    draft.set_title("Łódź, Београд, Αθήνα, Hà Nội".into(), 1);
    let names = NAMES.iter().map(|n| format!("- {n}, **{n}**, *{n}*, ***{n}***, `{n}`")).collect::<Vec<_>>().join("\n");
    draft.set_section(0, format!("{names}\n\nSee [the Đorđević report](https://example.org/đ) and <https://www.intgovforum.org/>."), 2);
    draft.set_section(1, "1. One\n2. Two\n   - nested".into(), 3);
    draft.edit_details(4, |d| d.co_facilitators = NAMES.iter().map(|n| CoFacilitator { name: (*n).into(), ..Default::default() }).collect());
    draft
}

const NAMES: [&str; 8] = ["Slobodan Marković", "Łucja Żółkiewska-Gęś", "Ayşe Çelik", "Ștefan Țurcanu", "Nguyễn Thị Hồng Nhung", "Κωνσταντίνος Παπαδόπουλος", "Олена Шевченко-Ґудзь", "Զարուհի Սարգսյան"];

fn export(draft: &Draft) -> Vec<u8> {
    let report = check(draft, CivilDate::new(2026, 11, 29).unwrap(), &Settings::default());
    formats::render(draft, &report, Format::Pdf, fonts()).unwrap()
}

fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_name_typed_comes_back_in_every_style() {
    let draft = names_draft();
    // Liberation Mono has no Armenian: only the Armenian name in code cannot be shown.
    let armenian: Vec<char> = "Զարուհի Սարգսյան".chars().filter(|c| !c.is_whitespace()).fold(Vec::new(), |mut seen, c| {
        if !seen.contains(&c) {
            seen.push(c);
        }
        seen
    });
    assert_eq!(gaps(&Document::final_version(&draft)), writer::Gaps { missing: armenian, right_to_left: vec![] }, "the fonts have every other letter");
    let text = squash(&page_texts(&export(&draft)).concat());
    for name in NAMES {
        assert!(text.matches(name).count() >= 5, "“{name}” in each style and in code:\n{text}");
    }
    assert!(text.contains("Łódź, Београд, Αθήνα, Hà Nội"));
}

#[test]
fn only_the_fonts_the_document_uses_are_needed_and_embedded() {
    let mut draft = Draft::new(DraftId::parse("plain").unwrap(), Kind::NewWg, 0);
    draft.set_section(0, "Plain text, no emphasis.".into(), 2);
    let doc = Document::final_version(&draft);
    // The title, headings and labels are bold; the notes of empty sections italic.
    assert_eq!(writer::needed(&doc), [FontFile::Regular, FontFile::Bold, FontFile::Italic]);
    assert_eq!(writer::needed(&Document::final_version(&names_draft())), [FontFile::Regular, FontFile::Bold, FontFile::Italic, FontFile::BoldItalic, FontFile::FallbackRegular, FontFile::FallbackBold, FontFile::FallbackItalic, FontFile::FallbackBoldItalic, FontFile::Mono]);
    let mut only = igf_core::formats::pdf::Fonts::default();
    for file in writer::needed(&doc) {
        only.insert(file, std::sync::Arc::from(font_bytes(file)));
    }
    let bytes = writer::export(&doc, &only).unwrap();
    let fonts: Vec<String> = objects(&bytes).values().filter(|o| o.dict.contains("/Type /FontDescriptor")).map(|o| o.dict.split("/FontName /").nth(1).unwrap().split_whitespace().next().unwrap().to_owned()).collect();
    assert_eq!(fonts.iter().map(|f| &f[7..]).collect::<Vec<_>>(), ["LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic"]);
    assert!(fonts.iter().all(|f| f.as_bytes()[..6].iter().all(u8::is_ascii_uppercase) && &f[6..7] == "+"), "subset tags: {fonts:?}");
    assert!(bytes.len() < 30_000, "a short draft's PDF is small: {} bytes", bytes.len());
    let missing = writer::export(&Document::final_version(&names_draft()), &only).unwrap_err();
    assert_eq!(missing.to_string(), "The PDF needs the font “LiberationSerif-BoldItalic.ttf”, which has not been loaded; connect to the Internet once and export again.");
}

#[test]
fn what_no_font_can_show_is_named_and_kept_in_the_text() {
    let mut draft = Draft::new(DraftId::parse("gaps").unwrap(), Kind::NewWg, 0);
    draft.set_title("Gaps".into(), 1);
    draft.set_section(0, format!("日本 שלום مرحبا 😀 a\u{200D}b \u{0301} \u{FFFD} \u{0378} {}", "漢".repeat(2000)), 2);
    let found = gaps(&Document::final_version(&draft));
    assert_eq!(found.missing, ['日', '本', '😀', '\u{FFFD}', '\u{0378}', '漢']);
    assert_eq!(found.right_to_left, "שלוםمرحبا".chars().collect::<Vec<_>>());
    let bytes = export(&draft);
    let text = page_texts(&bytes).concat();
    for kept in ["日本", "שלום", "مرحبا", "😀", "a\u{200D}b", "\u{FFFD}", "漢漢漢"] {
        assert!(text.contains(kept), "{kept:?} is kept for copying");
    }
}

#[test]
fn the_structure_tree_tags_every_piece_of_text() {
    let draft = names_draft();
    let bytes = export(&draft);
    let objects = objects(&bytes);
    let dicts: Vec<&str> = objects.values().map(|o| o.dict.as_str()).collect();
    let catalog = dicts.iter().find(|d| d.contains("/Type /Catalog")).unwrap();
    for entry in ["/MarkInfo << /Marked true >>", "/Lang (en-GB)", "/ViewerPreferences << /DisplayDocTitle true >>", "/StructTreeRoot ", "/Metadata "] {
        assert!(catalog.contains(entry), "{entry}: {catalog}");
    }
    assert!(bytes.starts_with(b"%PDF-1.7\n"));
    let xmp = objects.values().find(|o| o.dict.contains("/Subtype /XML")).and_then(|o| o.stream.clone()).unwrap();
    let xmp = String::from_utf8(xmp).unwrap();
    assert!(xmp.contains("<pdfuaid:part>1</pdfuaid:part>") && xmp.contains("Łódź, Београд, Αθήνα, Hà Nội</rdf:li>"), "{xmp}");
    let roles: Vec<&str> = dicts.iter().filter_map(|d| d.split("/Type /StructElem /S /").nth(1)?.split_whitespace().next()).collect();
    for role in ["Document", "H1", "H2", "P", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD", "Link"] {
        assert!(roles.contains(&role), "no {role}: {roles:?}");
    }
    assert_eq!(roles.iter().filter(|r| **r == "H1").count(), 1);
    assert!(dicts.iter().filter(|d| d.contains("/S /TH ")).all(|d| d.contains("/A << /O /Table /Scope /Column >>")));
    assert!(dicts.iter().filter(|d| d.contains("/S /L ")).any(|d| d.contains("/ListNumbering /Decimal")));
    // Links: an annotation with its URL and a description, inside its Link element.
    let links: Vec<&&str> = dicts.iter().filter(|d| d.contains("/Subtype /Link")).collect();
    assert_eq!(links.len(), 2, "{links:?}");
    assert!(links.iter().all(|l| l.contains("/Contents <FEFF") && l.contains("/S /URI") && l.contains("/StructParent ")));
    assert_eq!(dicts.iter().filter(|d| d.contains("/Type /OBJR")).count(), 2);
    // Every marked-content sequence belongs to an element: the parent tree has one entry for
    // each MCID of each page, and the not-ready line is an artifact.
    let parent_tree = dicts.iter().find(|d| d.starts_with("<< /Nums")).unwrap();
    for (page, object) in objects.values().filter(|o| o.dict.contains("/Type /Page ")).enumerate() {
        let content = String::from_utf8(objects[&pdf::refs(&object.dict, "/Contents ")[0]].stream.clone().unwrap()).unwrap();
        let mcids = content.matches("/MCID ").count();
        let entry = parent_tree.split(&format!(" {page} [")).nth(1).or_else(|| parent_tree.split(&format!("[{page} [")).nth(1)).unwrap();
        let refs = entry.split(']').next().unwrap().matches(" 0 R").count();
        assert_eq!(refs, mcids, "page {page}");
        assert_eq!(content.matches(" BDC").count(), mcids + content.matches("/Artifact").count());
        assert_eq!(content.matches(" BDC").count(), content.matches("EMC").count());
        assert!(content.contains("/Artifact << /Type /Pagination /Subtype /Header >> BDC"));
    }
}

#[test]
fn the_office_worker_writes_the_very_files_the_editor_would() {
    let empty = Draft::new(DraftId::parse("empty").unwrap(), Kind::NewWg, 0);
    let formats = [Format::Pdf, Format::Docx, Format::Html, Format::Markdown, Format::Text, Format::DraftFile];
    for draft in [names_draft(), empty] {
        let report = check(&draft, CivilDate::new(2026, 11, 29).unwrap(), &Settings::default());
        for format in formats {
            let rendered = formats::render(&draft, &report, format, fonts()).unwrap();
            let answer = office::answer_export(&office::export_request(&draft, &report, format), fonts());
            assert_eq!(answer.as_ref(), Ok(&rendered), "{} as {format:?}", draft.display_title());
            // The editor writes only the draft file and the text itself, the same bytes.
            let here = formats::write(&draft, &report, format);
            let expected = matches!(format, Format::Text | Format::DraftFile).then_some(rendered);
            assert_eq!(here, expected, "{format:?}");
        }
    }
}

#[test]
fn the_office_worker_says_why_it_wrote_no_file() {
    let draft = names_draft();
    let request = office::export_request(&draft, &check(&draft, CivilDate::new(2026, 11, 29).unwrap(), &Settings::default()), Format::Pdf);
    let garbled = "The editor sent a request the module that writes files cannot read; reload the page and export again.";
    let cases = [
        (String::new(), fonts().clone(), garbled.to_owned()),
        (r#"{"format":"Pdf","draft":"{}","must_fix":[]}"#.to_owned(), fonts().clone(), garbled.to_owned()),
        (r#"{"format":"Odt","draft":"{}","must_fix":[]}"#.to_owned(), fonts().clone(), garbled.to_owned()),
        (request, writer::Fonts::default(), writer::FontError::Missing(FontFile::Regular.file_name()).to_string()),
    ];
    for (request, fonts, expected) in cases {
        let refusal = office::answer_export(&request, &fonts).map_err(|answer| office::read_refusal(&answer).english());
        assert_eq!(refusal, Err(expected), "{request:.40}");
    }
    assert_eq!(office::read_refusal("not JSON").english(), "The module that writes files gave an answer this editor cannot read; reload the page and export again.");
}

#[test]
fn tables_are_ruled_where_the_page_view_frames_their_rows() {
    let draft = names_draft();
    let report = check(&draft, CivilDate::new(2026, 11, 29).unwrap(), &Settings::default());
    let pages = igf_core::layout::SectionCache::default().pages(&draft, report.must_fix(), igf_core::document::Manifest::of(&draft));
    let pdf = export(&draft);
    let streams: Vec<String> = objects(&pdf).into_values().filter_map(|o| o.stream).map(|s| String::from_utf8_lossy(&s).into_owned()).collect();
    let rules: Vec<&str> = streams.iter().filter_map(|s| s.split("/Artifact << /Type /Layout >> BDC").nth(1)).map(|s| s.split(" EMC").next().unwrap_or("")).collect();
    let framed: Vec<usize> = pages.iter().map(|p| p.rows.len()).filter(|&n| n > 0).collect();
    assert_eq!(rules.iter().map(|r| r.matches(" re").count()).collect::<Vec<_>>(), framed, "one rectangle per row frame, page by page");
    for (rule, page) in rules.iter().zip(pages.iter().filter(|p| !p.rows.is_empty())) {
        let inner: usize = page.rows.iter().map(|r| r.edges.len() - 2).sum();
        assert_eq!(rule.matches(" m ").count(), inner, "one line between each two columns");
    }
    assert!(framed.iter().sum::<usize>() >= 9, "a head and eight people");
}
