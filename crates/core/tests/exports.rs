//! Export then import is the identity for every format that carries the draft, over a corpus
//! that puts every string of the Big List of Naughty Strings (vendored in tests/corpus/) into every field.
#![cfg(not(target_arch = "wasm32"))]

mod pdf;

mod common;

use igf_codecs::zip;
use pdf::fonts;
use igf_core::checks::{Report, Severity, check};
use igf_core::document::{Document, Manifest};
use igf_core::formats::{self, Format};
use igf_core::layout::{layout, typeset};
use igf_core::layout::spec::SPEC;
use igf_core::model::envelope;
use igf_core::model::calendar::CivilDate;
use igf_core::model::draft::{Dismissal, Draft, DraftId, MeetingFormat};
use igf_core::model::people::{CoFacilitator, Region, StakeholderGroup};
use igf_core::model::settings::Settings;
use igf_core::model::template::Kind;


/// Drafts of every kind in which, between them, every blns string fills every field.
fn corpus() -> Vec<Draft> {
    let strings = common::blns();
    let mut drafts = Vec::new();
    for (n, chunk) in strings.chunks(12).enumerate() {
        let kind = Kind::ALL[n % 3];
        let mut draft = Draft::new(DraftId::parse(&format!("blns-{n}")).unwrap(), kind, n as u64);
        let pick = |i: usize| chunk[i % chunk.len()].clone();
        draft.set_title(pick(0), 1);
        for index in 0..kind.template().sections.len() {
            // Mix Markdown around the naughty string, and sometimes the bare string.
            let text = if index % 2 == 0 { pick(index + 1) } else { format!("- {}\n\n**{}**\n", pick(index + 1), pick(index + 2)) };
            draft.set_section(index, text, 2);
        }
        draft.edit_details(3, |d| {
            d.co_facilitators = (0..2)
                .map(|i| CoFacilitator {
                    name: pick(3 + i),
                    affiliation: pick(5 + i),
                    group: Some(StakeholderGroup::ALL[(n + i) % 5]),
                    region: (i == 0).then_some(Region::ALL[n % 7]),
                    mag_member: i == 0,
                    email: pick(7 + i),
                })
                .collect();
            d.meeting_date = pick(9);
            d.meeting_format = (n % 2 == 0).then_some(MeetingFormat::Virtual);
            d.timeframe_start = pick(10);
            d.timeframe_end = pick(11);
            d.proposer.name = pick(2);
            d.proposer.email = pick(8);
            d.code_of_conduct = n % 2 == 1;
            if n % 3 == 0 {
                d.dismissed = vec![Dismissal { rule: "sentence-long".into(), place: "section:theme".into(), reason: pick(4) }];
            }
        });
        drafts.push(draft);
    }
    drafts
}

fn document(draft: &Draft) -> Document {
    let report = check(draft, CivilDate::new(2026, 11, 29).unwrap(), &Settings::default());
    Document::new(draft, report.must_fix())
}

#[test]
fn every_blns_string_is_in_the_corpus() {
    let drafts = corpus();
    let all: String = drafts.iter().map(envelope::encode).collect();
    for s in common::blns() {
        assert!(all.contains(&serde_json::to_string(&s).unwrap()[1..].trim_end_matches('"').to_string()), "{s:?}");
    }
}

#[test]
fn draft_file_round_trips() {
    for draft in corpus() {
        assert_eq!(envelope::decode(&envelope::encode(&draft)), Ok(draft));
    }
}

#[test]
fn markdown_round_trips() {
    for draft in corpus() {
        let text = formats::markdown::export(&draft, &document(&draft));
        assert!(formats::markdown::is_ours(&text));
        match formats::markdown::import(&text) {
            Ok(back) => assert_eq!(back, draft, "{text}"),
            Err(e) => panic!("{e}\n{text}"),
        }
    }
}

#[test]
fn html_round_trips_and_carries_no_script() {
    for draft in corpus() {
        let text = formats::html::export(&draft, &document(&draft));
        assert_eq!(formats::html::import(&text), Ok(draft.clone()));
        let lower = text.to_lowercase();
        assert!(!lower.contains("<script"), "a script element");
        assert!(!lower.contains(" on") || !lower.contains("=\"") || !has_event_attribute(&lower));
        assert!(lower.contains("content-security-policy\" content=\"default-src 'none'"));
    }
}

/// An event-handler attribute outside text: ` onerror="` inside a tag.
fn has_event_attribute(html: &str) -> bool {
    let mut in_tag = false;
    let bytes = html.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'<' => in_tag = true,
            b'>' => in_tag = false,
            b' ' if in_tag && html[i + 1..].starts_with("on") => return true,
            _ => {}
        }
    }
    false
}

#[test]
fn markdown_edited_elsewhere_comes_back_with_the_edits() {
    let mut draft = Draft::new(DraftId::parse("edit").unwrap(), Kind::NewWg, 0);
    draft.set_section(0, "To help.".into(), 1);
    let text = formats::markdown::export(&draft, &document(&draft));
    let edited = text.replace("## Purpose of the WG\n\nTo help.", "## Purpose of the WG\n\nTo help the MAG, edited by the Secretariat.");
    let back = formats::markdown::import(&edited).unwrap();
    assert_eq!(back.section(0), "To help the MAG, edited by the Secretariat.");
    let broken = text.replace("## Expected Output(s)", "## Outputs");
    assert_eq!(
        formats::markdown::import(&broken).unwrap_err().to_string(),
        "the heading “## Expected Output(s)” is missing, so the sections cannot be told apart"
    );
}

#[test]
fn every_document_shows_headings_title_facts_and_manifest() {
    let mut draft = Draft::new(DraftId::parse("show").unwrap(), Kind::ContinuingBpf, 0);
    draft.set_title("Local Content".into(), 1);
    draft.edit_details(2, |d| {
        d.proposer.name = "Amina Diallo".into();
        d.meeting_date = "2027-03-14".into();
        d.timeframe_start = "2027-04".into();
        d.timeframe_end = "2027-12".into();
    });
    let doc = document(&draft);
    let manifest = Manifest::of(&draft);
    assert_eq!(manifest.sha256.len(), 64);
    for text in [
        formats::text::export(&doc),
        formats::markdown::export(&draft, &doc),
        formats::html::export(&draft, &doc),
    ] {
        for needle in ["Local Content", "New continuing BPF proposal", "Amina Diallo", "April 2027 to December 2027", "Sunday 14 March 2027", "bpf-continuing-2017-03-27", &manifest.sha256, "Draft: not ready to submit"] {
            assert!(text.to_lowercase().contains(&needle.to_lowercase()), "{needle} missing from:\n{text}");
        }
        let mut at = 0;
        for section in Kind::ContinuingBpf.template().sections {
            let found = text[at..].find(section.heading).unwrap_or_else(|| panic!("{} missing or out of order", section.heading));
            at += found;
        }
    }
}

#[test]
fn file_names_are_predictable() {
    let mut draft = Draft::new(DraftId::parse("n").unwrap(), Kind::NewBpf, 0);
    let today = CivilDate::new(2026, 11, 29).unwrap();
    draft.set_title("Best Practice Forum on Local Content".into(), 1);
    assert_eq!(formats::file_name(&draft, Format::Html, today), "BPF-proposal-local-content-2026-11-29.html");
    draft.set_title("".into(), 2);
    assert_eq!(formats::file_name(&draft, Format::Markdown, today), "BPF-proposal-untitled-2026-11-29.md");
    let wg = Draft::new(DraftId::parse("w").unwrap(), Kind::NewWg, 0);
    assert_eq!(formats::file_name(&wg, Format::Html, today), "WG-proposal-untitled-2026-11-29.html");
}

#[test]
fn mailto_links_stay_short_and_valid() {
    let mut draft = Draft::new(DraftId::parse("m").unwrap(), Kind::NewBpf, 0);
    draft.set_title("Local Content & “quotes” — 日本語".into(), 1);
    draft.edit_details(2, |d| d.proposer.name = "Amina".into());
    let link = formats::mailto(&draft, "igf@un.org", "BPF-proposal-local-content-2026-11-29.docx");
    assert!(link.starts_with("mailto:igf%40un.org?subject=BPF%20proposal%3A%20Local%20Content%20%26%20"), "{link}");
    assert!(link.contains("BPF-proposal-local-content-2026-11-29.docx"));
    draft.set_title("x".repeat(5000), 3);
    let long = formats::mailto(&draft, "igf@un.org", "file.docx");
    assert!(long.len() <= igf_core::sharing::channel::MAIL_LIMIT, "{}", long.len());
}

#[test]
fn docx_round_trips() {
    for draft in corpus() {
        let bytes = formats::docx::export(&draft, &document(&draft));
        assert_eq!(formats::docx::import(&bytes), Ok(draft));
    }
}

#[test]
fn docx_parts_are_well_formed_and_typeset_as_specified() {
    let mut draft = Draft::new(DraftId::parse("docx").unwrap(), Kind::NewBpf, 0);
    draft.set_title("Local & <Content>".into(), 1);
    draft.set_section(1, "- one\n- two\n\n3. three\n4. four\n\n**bold** _it_ `code` [IGF](https://www.intgovforum.org/)\u{1}".into(), 2);
    let bytes = formats::docx::export(&draft, &document(&draft));
    let part = |name: &str| String::from_utf8(zip::read_entry(&bytes, name).unwrap().unwrap()).unwrap();
    let document_xml = part("word/document.xml");
    assert!(document_xml.contains("Local &amp; &lt;Content&gt;"));
    assert!(!document_xml.contains('\u{1}'), "XML cannot hold control characters");
    assert!(document_xml.contains(r#"<w:pgSz w:w="11906" w:h="16838"/>"#), "A4");
    assert!(document_xml.contains(r#"<w:numId w:val="1"/>"#) && document_xml.contains(r#"<w:numId w:val="2"/>"#));
    assert!(document_xml.contains("<w:hyperlink r:id=\"rIdLink0\">"));
    assert!(part("word/_rels/document.xml.rels").contains(r#"Target="https://www.intgovforum.org/" TargetMode="External""#));
    assert!(part("word/numbering.xml").contains(r#"<w:startOverride w:val="3"/>"#));
    let styles = part("word/styles.xml");
    assert!(styles.contains(r#"w:line="280" w:lineRule="exact""#) && styles.contains(r#"<w:widowControl w:val="0"/>"#));
    assert!(!styles.contains("Autospacing"), "LibreOffice reads any autospacing attribute as on");
    assert!(part("word/settings.xml").contains(r#"<w:autoHyphenation w:val="false"/>"#));
    for name in ["[Content_Types].xml", "word/document.xml", "word/styles.xml", "word/numbering.xml", "customXml/item1.xml"] {
        assert_balanced(&part(name), name);
    }
}

/// Every start tag has its end tag, in order: a light well-formedness check.
fn assert_balanced(xml: &str, name: &str) {
    let mut stack: Vec<String> = Vec::new();
    let mut rest = xml;
    while let Some(open) = rest.find('<') {
        let close = rest[open..].find('>').map(|i| open + i).unwrap_or_else(|| panic!("{name}: unclosed tag"));
        let tag = &rest[open + 1..close];
        rest = &rest[close + 1..];
        if tag.starts_with('?') || tag.ends_with('/') {
            continue;
        }
        let tag_name = tag.trim_start_matches('/').split_whitespace().next().unwrap_or("").to_owned();
        if tag.starts_with('/') {
            assert_eq!(stack.pop().as_deref(), Some(tag_name.as_str()), "{name}: mismatched </{tag_name}>");
        } else {
            stack.push(tag_name);
        }
    }
    assert!(stack.is_empty(), "{name}: unclosed {stack:?}");
}

/// A BPF draft with `paragraphs` paragraphs of prose in its theme.
fn long_draft(paragraphs: usize) -> Draft {
    let mut draft = Draft::new(DraftId::parse("long").unwrap(), Kind::NewBpf, 0);
    draft.set_title("Universal Acceptance".into(), 1);
    let text = "Registries, software makers and governments already make identifiers work in every script; this forum gathers what they learned, with https://example.org/a-long/path/to/a/case-study and Ærøskøbing. ";
    draft.set_section(0, (0..paragraphs).map(|n| format!("{n}. {}", text.repeat(1 + n % 3))).collect::<Vec<_>>().join("\n\n"), 2);
    draft
}

#[test]
fn the_pdf_has_exactly_the_pages_of_the_live_count() {
    for paragraphs in (0..120).step_by(7) {
        let draft = long_draft(paragraphs);
        let report = check(&draft, CivilDate::new(2026, 11, 29).unwrap(), &Settings::default());
        let bytes = formats::render(&draft, &report, Format::Pdf, fonts()).unwrap();
        let pdf = String::from_utf8_lossy(&bytes).into_owned();
        let pdf_pages = pdf.matches("/Type /Page ").count();
        let live = layout(&Document::final_version(&draft)).pages();
        assert_eq!(pdf_pages, live, "{paragraphs} paragraphs");
        assert!(pdf.contains(&format!("/Count {live}")));
        let texts = pdf::page_texts(&bytes);
        assert_eq!(texts.len(), live);
        for (n, text) in texts.iter().enumerate() {
            let must_fix = report.count(Severity::MustFix);
            assert!(text.starts_with(&format!("Draft: not ready to submit: {must_fix} to fix (page {} of {live})\n", n + 1)), "the marking sits in the margin: {text}");
        }
    }
}

/// A short BPF draft that is not ready: no proposer, no co-facilitators, nothing in their
/// section.
fn not_ready_draft() -> Draft {
    let mut draft = Draft::new(DraftId::parse("not-ready").unwrap(), Kind::NewBpf, 0);
    draft.set_title("Keeping Networks Running Through Natural Disasters".into(), 1);
    draft.set_section(0, "Floods and storms cut power and fibre when people most need to reach each other.".into(), 2);
    draft
}

fn report_of(draft: &Draft) -> Report {
    check(draft, CivilDate::new(2026, 11, 29).unwrap(), &Settings::default())
}

#[test]
fn a_draft_that_is_not_ready_takes_the_lines_of_its_final_version() {
    let draft = not_ready_draft();
    let report = report_of(&draft);
    assert!(!report.ready());
    assert_eq!(layout(&Document::new(&draft, report.must_fix())), layout(&Document::final_version(&draft)));
}

#[test]
fn the_docx_marks_a_draft_not_ready_in_one_header_line_inside_the_top_margin() {
    let draft = not_ready_draft();
    let report = report_of(&draft);
    let bytes = formats::render(&draft, &report, Format::Docx, fonts()).unwrap();
    let part = |name: &str| zip::read_entry(&bytes, name).unwrap().map(|p| String::from_utf8(p).unwrap());
    let document_xml = part("word/document.xml").unwrap();
    for finding in &report.findings {
        assert!(!document_xml.contains(&formats::escape_markup(&finding.message.english())), "the body lists a finding: {}", finding.message);
    }
    assert!(!document_xml.contains("Draft: not ready to submit"), "the body carries the notice");
    assert!(document_xml.contains(r#"<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/>"#));
    assert!(document_xml.contains(&format!(r#"w:top="{}""#, SPEC.margin_twips)) && document_xml.contains(&format!(r#"w:header="{}""#, SPEC.notice_top_twips)));
    assert!(part("word/_rels/document.xml.rels").unwrap().contains(r#"/header" Target="header1.xml"/>"#));
    assert!(part("[Content_Types].xml").unwrap().contains(r#"<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>"#));
    let header = part("word/header1.xml").unwrap();
    assert_balanced(&header, "word/header1.xml");
    assert_eq!(header.matches("<w:p>").count(), 1, "one paragraph: {header}");
    let must_fix = report.count(Severity::MustFix);
    assert!(header.contains(&format!("Draft: not ready to submit: {must_fix} to fix (page ")), "{header}");
    assert!(header.contains(r#"<w:fldSimple w:instr=" PAGE ">"#) && header.contains(r#"<w:fldSimple w:instr=" NUMPAGES ">"#));
    assert!(part("word/styles.xml").unwrap().contains(&format!(r#"w:styleId="NotReady"><w:name w:val="Not ready notice"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:widowControl w:val="0"/><w:spacing w:before="0" w:after="0" w:line="{}" w:lineRule="exact"/>"#, SPEC.notice.line_centipt / 5)));

    let finished = formats::docx::export(&draft, &Document::final_version(&draft));
    assert_eq!(zip::read_entry(&finished, "word/header1.xml").unwrap(), None, "a ready draft has no header");
    assert_eq!(formats::docx::import(&bytes), Ok(draft));
}

#[test]
fn the_html_prints_a_draft_not_ready_as_one_line_in_the_page_margin() {
    let draft = not_ready_draft();
    let report = report_of(&draft);
    let html = String::from_utf8(formats::render(&draft, &report, Format::Html, fonts()).unwrap()).unwrap();
    let must_fix = report.count(Severity::MustFix);
    let margin_box = format!(r#"@page{{size:A4;margin:72pt 72pt 72.5pt 72pt;@top-left{{content:"Draft: not ready to submit: {must_fix} to fix (page " counter(page) " of " counter(pages) ")""#);
    assert!(html.contains(&margin_box), "{html}");
    assert!(html.contains("@media print{.not-ready{display:none}}"), "the on-screen list is left out of print");
    assert!(html.contains("<section class=\"not-ready\">"), "the list of findings stays on screen");
    let finished = formats::html::export(&draft, &Document::final_version(&draft));
    assert!(!finished.contains("@top-left"));
    assert_eq!(formats::html::import(&html), Ok(draft));
}

#[test]
fn an_empty_co_facilitator_list_draws_no_table_anywhere() {
    for kind in Kind::ALL {
        let mut draft = Draft::new(DraftId::parse("no-people").unwrap(), kind, 0);
        draft.set_section(0, "Some text.".into(), 1);
        let doc = Document::new(&draft, report_of(&draft).must_fix());
        let table_rows = typeset(&doc).paragraphs.iter().filter(|p| p.cells.len() > 1).count();
        assert_eq!(table_rows, 0, "{kind:?}: the layout draws a table");
        let bytes = formats::pdf::export(&doc, fonts()).unwrap();
        assert!(!String::from_utf8_lossy(&bytes).contains("/S /Table"), "{kind:?}: the PDF has a table");
        assert!(!pdf::page_texts(&bytes).concat().contains("Stakeholder group"), "{kind:?}: the PDF draws the table's header");
        let docx = formats::docx::export(&draft, &doc);
        let body = String::from_utf8(zip::read_entry(&docx, "word/document.xml").unwrap().unwrap()).unwrap();
        assert!(!body.contains("<w:tbl>"), "{kind:?}: the DOCX has a table");
        assert!(!formats::html::export(&draft, &doc).contains("<table"), "{kind:?}: the HTML has a table");
        if kind.template().section_index("co-facilitators").is_some() {
            assert!(doc.sections.iter().any(|s| s.empty_note == Some("Not written yet.")), "{kind:?}: the empty section says so");
        }
    }
}
