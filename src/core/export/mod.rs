//! Submission-ready exports. Every format that can carry data carries the draft too, so any file
//! we write opens again in the editor as the same draft.
//!
//! [`Document`] is what every export shows, built once from a draft and its check report: the
//! title, kind, proposer, timeframe and meeting, the official headings in template order, the
//! co-facilitators, a "not ready" notice while must-fix findings remain, and a manifest
//! (template version, app version, SHA-256 of the canonical draft).
//!
//! The paginated formats (PDF, DOCX, HTML print) show the notice as one line in the top margin
//! of every page, outside the text area, so a draft takes the same pages at every stage; the
//! others list the findings.

pub mod docx;
pub mod html;
pub mod markdown;
pub mod pdf;
pub mod text;

use std::sync::Arc;

use sha2::{Digest, Sha256};

use super::calendar::{CivilDate, YearMonth};
use super::checks::{Report, Severity};
use super::draft::Draft;
use super::envelope;
use super::layout::SectionCache;
use super::markdown::{Block, parse};
use super::people::CoFacilitator;
use super::words::capitalise;

/// The version of this app, written into every manifest.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
pub const APP_NAME: &str = "IGF Proposal Editor";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Pdf,
    Docx,
    Html,
    Markdown,
    Text,
    DraftFile,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Html => "html",
            Format::Markdown => "md",
            Format::Text => "txt",
            Format::DraftFile => "json",
        }
    }

    pub const ALL: [Format; 6] = [Format::Pdf, Format::Docx, Format::Html, Format::Markdown, Format::Text, Format::DraftFile];

    /// The name in the Export menu.
    pub fn label(self) -> &'static str {
        match self {
            Format::Pdf => "PDF (.pdf)",
            Format::Docx => "Word document (.docx)",
            Format::Html => "Web page (.html)",
            Format::Markdown => "Markdown (.md)",
            Format::Text => "Plain text (.txt)",
            Format::DraftFile => "Draft file (.json)",
        }
    }

    /// What the format is for, in a few words.
    pub fn purpose(self) -> &'static str {
        match self {
            Format::Pdf => "Laid out exactly as the page count shows; for posting and printing.",
            Format::Docx => "For the Secretariat: opens in Word and LibreOffice; opens again here.",
            Format::Html => "Print-ready A4 page that opens in any browser; opens again here.",
            Format::Markdown => "For editing elsewhere; opens again here with your edits.",
            Format::Text => "To paste into the body of an email.",
            Format::DraftFile => "The complete draft, to keep or to move to another browser.",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Format::Pdf => "application/pdf",
            Format::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Format::Html => "text/html;charset=utf-8",
            Format::Markdown => "text/markdown;charset=utf-8",
            Format::Text => "text/plain;charset=utf-8",
            Format::DraftFile => "application/json",
        }
    }
}

/// Identifies exactly which draft a document was made from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Manifest {
    pub template_version: &'static str,
    pub app_version: &'static str,
    /// SHA-256 of the canonical draft (its stored envelope), in hex.
    pub sha256: String,
}

impl Manifest {
    pub fn of(draft: &Draft) -> Manifest {
        let digest = Sha256::digest(envelope::encode(draft).as_bytes());
        Manifest::with_digest(draft, digest.iter().map(|b| format!("{b:02x}")).collect())
    }

    /// A manifest with a stand-in digest, for the page count only: a real digest takes the same
    /// lines but with a chance below one in 10^30 (see the test in `layout`), so the count need
    /// not encode and hash the whole draft at each keystroke.
    fn stand_in(draft: &Draft) -> Manifest {
        Manifest::with_digest(draft, "0".repeat(64))
    }

    fn with_digest(draft: &Draft, sha256: String) -> Manifest {
        Manifest { template_version: draft.template().version, app_version: APP_VERSION, sha256 }
    }

    /// One line for the end of a document.
    pub fn line(&self) -> String {
        format!(
            "Template {} · {APP_NAME} {} · SHA-256 {}",
            self.template_version, self.app_version, self.sha256
        )
    }
}

/// Everything a document shows, in reading order.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    pub title: String,
    /// "New BPF proposal" and so on.
    pub kind_label: &'static str,
    /// Labelled facts under the title: proposer, timeframe, MAG meeting.
    pub facts: Vec<(&'static str, String)>,
    /// Must-fix findings; when any remain the document is marked as a draft that is not ready.
    /// Never laid out: paginated formats show [`Document::not_ready_line`] in the margin.
    pub not_ready: Vec<String>,
    pub sections: Vec<DocSection>,
    pub co_facilitators: Vec<CoFacilitator>,
    /// Where the co-facilitator table goes: after the section with this index, or at the end.
    pub people_after: Option<usize>,
    pub manifest: Manifest,
}

#[derive(Clone, Debug, PartialEq)]
pub struct DocSection {
    pub heading: &'static str,
    /// Shared, so a [`SectionCache`] can hand out a section's blocks without copying them.
    pub blocks: Arc<[Block]>,
    /// Shown in place of an empty section: "Not written yet." or "Optional; left empty.".
    pub empty_note: Option<&'static str>,
}

pub const NOT_READY_TITLE: &str = "Draft: not ready to submit";

impl Document {
    /// The document as exported now: marked as not ready while must-fix findings remain.
    pub fn new(draft: &Draft, report: &Report) -> Document {
        let not_ready = report.findings.iter().filter(|f| f.severity == Severity::MustFix).map(|f| f.message.clone()).collect();
        Document::build(draft, not_ready, &mut |_, text| parse(text).into(), Manifest::of(draft))
    }

    /// The document as it will be submitted, without the not-ready notice.
    pub fn final_version(draft: &Draft) -> Document {
        Document::build(draft, Vec::new(), &mut |_, text| parse(text).into(), Manifest::of(draft))
    }

    /// [`Document::final_version`] for the page count: each section's blocks come from `cache`,
    /// which parses only the sections whose text changed since its last use, and the manifest's
    /// digest is a stand-in that takes the same lines as the real one.
    pub fn final_version_cached(draft: &Draft, cache: &mut SectionCache) -> Document {
        Document::build(draft, Vec::new(), &mut |index, text| cache.blocks(index, text), Manifest::stand_in(draft))
    }

    fn build(draft: &Draft, not_ready: Vec<String>, blocks_of: &mut dyn FnMut(usize, &str) -> Arc<[Block]>, manifest: Manifest) -> Document {
        let details = draft.details();
        let mut facts = vec![("Proposal", draft.kind.label().to_owned())];
        let proposer = match (details.proposer.name.trim(), details.proposer.email.trim()) {
            ("", "") => String::new(),
            (name, "") => name.to_owned(),
            ("", email) => email.to_owned(),
            (name, email) => format!("{name} ({email})"),
        };
        if !proposer.is_empty() {
            facts.push(("Proposer", proposer));
        }
        let month = |text: &str| YearMonth::parse_iso(text).map_or_else(|| text.trim().to_owned(), |m| m.to_string());
        let (start, end) = (month(&details.timeframe_start), month(&details.timeframe_end));
        if !start.is_empty() || !end.is_empty() {
            facts.push(("Timeframe", format!("{} to {}", or_unknown(&start), or_unknown(&end))));
        }
        let meeting_date = details.meeting_date.trim();
        if !meeting_date.is_empty() {
            let date = CivilDate::parse_iso(meeting_date).map_or_else(|| meeting_date.to_owned(), |d| d.to_string());
            let meeting = match details.meeting_format {
                Some(format) => format!("{date} ({})", format.label().to_ascii_lowercase()),
                None => date,
            };
            facts.push(("MAG meeting", meeting));
        }
        let template = draft.template();
        let people_after = template.section_index("co-facilitators");
        let sections = template
            .sections
            .iter()
            .enumerate()
            .map(|(index, spec)| {
                let blocks = blocks_of(index, draft.section(index));
                let has_table = people_table_after(people_after, &details.co_facilitators, index);
                let empty_note = match (blocks.is_empty() && !has_table, spec.optional) {
                    (false, _) => None,
                    (true, true) => Some("Optional; left empty."),
                    (true, false) => Some("Not written yet."),
                };
                DocSection { heading: spec.heading, blocks, empty_note }
            })
            .collect();
        Document {
            title: draft.display_title(),
            kind_label: draft.kind.label(),
            facts,
            not_ready,
            sections,
            co_facilitators: details.co_facilitators.clone(),
            people_after,
            manifest,
        }
    }

    /// "Draft: not ready to submit: 4 to fix", the margin line of the paginated formats (each
    /// adds the page number its own way), or `None` when the draft is ready.
    pub fn not_ready_line(&self) -> Option<String> {
        (!self.not_ready.is_empty()).then(|| format!("{NOT_READY_TITLE}: {} to fix", self.not_ready.len()))
    }

    /// Whether the co-facilitator table follows section `index`. An empty list has no table.
    pub fn people_table_after(&self, index: usize) -> bool {
        people_table_after(self.people_after, &self.co_facilitators, index)
    }

    /// Whether the co-facilitator table ends the document, under a heading of its own, because
    /// the template has no section for it.
    pub fn people_table_at_end(&self) -> bool {
        self.people_after.is_none() && !self.co_facilitators.is_empty()
    }
}

fn people_table_after(people_after: Option<usize>, people: &[CoFacilitator], index: usize) -> bool {
    people_after == Some(index) && !people.is_empty()
}

/// Escapes text for HTML and XML content and double-quoted attributes, and drops the characters
/// XML 1.0 cannot hold (C0 controls but tab and line breaks, U+FFFE, U+FFFF).
pub fn escape_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Reverses [`escape_markup`] for the data parts we embed (which hold no dropped characters).
pub fn unescape_markup(text: &str) -> String {
    text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&apos;", "'").replace("&amp;", "&")
}

fn or_unknown(text: &str) -> &str {
    if text.is_empty() { "not given" } else { text }
}

/// One line describing a co-facilitator, for plain text and mail.
pub fn person_line(person: &CoFacilitator) -> String {
    let mut parts = vec![if person.name.trim().is_empty() { "(no name)".to_owned() } else { person.name.trim().to_owned() }];
    for part in [person.affiliation.trim(), person.group.map_or("", |g| g.label()), person.region.map_or("", |r| r.label())] {
        if !part.is_empty() {
            parts.push(part.to_owned());
        }
    }
    parts.push(if person.mag_member { "MAG member".into() } else { "not a MAG member".into() });
    if !person.email.trim().is_empty() {
        parts.push(person.email.trim().to_owned());
    }
    parts.join(", ")
}

/// The file's contents, with the "not ready" marking taken from the report.
pub fn render(draft: &Draft, report: &Report, format: Format) -> Vec<u8> {
    let doc = || Document::new(draft, report);
    match format {
        Format::Pdf => pdf::export(&doc()),
        Format::Docx => docx::export(draft, &doc()),
        Format::Html => html::export(draft, &doc()).into_bytes(),
        Format::Markdown => markdown::export(draft, &doc()).into_bytes(),
        Format::Text => text::export(&doc()).into_bytes(),
        Format::DraftFile => envelope::encode(draft).into_bytes(),
    }
}

/// A predictable file name: `BPF-proposal-local-content-2026-11-29.docx`.
pub fn file_name(draft: &Draft, format: Format, today: CivilDate) -> String {
    let prefix = match draft.kind {
        super::template::Kind::NewBpf => "BPF-proposal",
        super::template::Kind::ContinuingBpf => "Continuing-BPF-proposal",
        super::template::Kind::NewWg => "WG-proposal",
    };
    format!("{prefix}-{}-{}.{}", slug(&draft.title), today.iso(), format.extension())
}

/// Lower-case words of the title, without the words every proposal shares, at most 6.
fn slug(title: &str) -> String {
    const SKIP: &[&str] = &["best", "practice", "forum", "bpf", "mag", "working", "group", "wg", "on", "the", "for", "of", "a", "an", "and"];
    let words: Vec<String> = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .filter(|w| !SKIP.contains(&w.as_str()))
        .take(6)
        .collect();
    if words.is_empty() { "untitled".to_owned() } else { words.join("-") }
}

/// The longest `mailto:` link we write: some mail clients cut links near 2,000 characters.
pub const MAILTO_LIMIT: usize = 1800;

/// A `mailto:` link to the Secretariat with a subject and a short body that reminds the author
/// to attach the file (a link cannot attach one).
pub fn mailto(draft: &Draft, recipient: &str, attachment: &str) -> String {
    let title = draft.display_title();
    let short_title: String = if title.chars().count() > 120 {
        title.chars().take(119).chain(['…']).collect()
    } else {
        title.clone()
    };
    let subject = format!("{}: {short_title}", capitalise(draft.kind.noun()));
    let body = format!(
        "Dear IGF Secretariat,\n\nPlease find attached our {} \"{}\" for the MAG's consideration.\n\nAttach the downloaded file before sending: {attachment}\n\nKind regards,\n{}",
        draft.kind.noun(),
        short_title,
        draft.details().proposer.name.trim()
    );
    let mut link = format!("mailto:{}?subject={}&body=", percent_encode(recipient.trim()), percent_encode(&subject));
    // Long bodies are cut at a whole character, so the link stays valid UTF-8.
    let mut room = MAILTO_LIMIT.saturating_sub(link.len());
    let mut buffer = [0u8; 4];
    for c in body.chars() {
        let encoded = percent_encode(c.encode_utf8(&mut buffer));
        if encoded.len() > room {
            break;
        }
        room -= encoded.len();
        link.push_str(&encoded);
    }
    link
}



/// Percent-encodes everything but unreserved characters (RFC 3986), as UTF-8.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}
