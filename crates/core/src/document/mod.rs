//! What every format shows, built once from a draft: the title, kind, proposer, timeframe and
//! meeting, the official headings in template order, the co-facilitators, the must-fix sentences
//! while any remain (a "not ready" document), and a manifest (template version, app version,
//! SHA-256 of the canonical draft).
//!
//! The paginated formats (PDF, DOCX, HTML print) show the not-ready notice as one line in the
//! top margin of every page ([`Document::not_ready_line`]), outside the text area, so a draft
//! takes the same pages at every stage; the others list the findings.
//!
//! Invariant: a document depends on the model alone. The must-fix sentences come in as plain
//! strings, so neither the checks nor the layout are needed to build one; the layout and the
//! formats read it.

use std::sync::Arc;

use sha2::{Digest, Sha256};

use crate::model::envelope;
use crate::model::calendar::{CivilDate, YearMonth};
use crate::model::draft::Draft;
use crate::model::people::CoFacilitator;
use crate::text::i18n::Key;
use crate::text::markdown::{Block, parse};

/// The version of this app, written into every manifest.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
pub const APP_NAME: &str = "IGF Proposal Editor";

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
    pub fn stand_in(draft: &Draft) -> Manifest {
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
    /// The template's short name for it (`SectionSpec::short`).
    pub short: &'static str,
    /// Shared, so a [`SectionCache`] can hand out a section's blocks without copying them.
    pub blocks: Arc<[Block]>,
    /// Shown in place of an empty section: "Not written yet." or "Optional; left empty.".
    pub empty_note: Option<&'static str>,
}

pub const NOT_READY_TITLE: &str = "Draft: not ready to submit";

/// [`NOT_READY_TITLE`] as the interface quotes it. The documents write the constant: the import
/// worker writes documents too, and it must not carry the catalogue.
pub const NOT_READY_KEY: Key = Key("export.not_ready");

/// The heading of the co-facilitator table when the template has no section for it.
pub const PEOPLE_HEADING: &str = "Proposed co-facilitators";

impl Document {
    /// The document as exported now: marked as not ready while `must_fix` (the sentences of the
    /// must-fix findings) is not empty.
    pub fn new(draft: &Draft, must_fix: Vec<String>) -> Document {
        Document::build(draft, must_fix, &mut |_, text| parse(text).into(), Manifest::of(draft))
    }

    /// The document as it will be submitted, without the not-ready notice.
    pub fn final_version(draft: &Draft) -> Document {
        Document::build(draft, Vec::new(), &mut |_, text| parse(text).into(), Manifest::of(draft))
    }

    /// The document with each section's blocks from `blocks_of` (given the section's index and
    /// text), so a cache can hand out blocks it parsed before.
    pub fn build(draft: &Draft, not_ready: Vec<String>, blocks_of: &mut dyn FnMut(usize, &str) -> Arc<[Block]>, manifest: Manifest) -> Document {
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
                DocSection { heading: spec.heading, short: spec.short, blocks, empty_note }
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

