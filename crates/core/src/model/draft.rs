//! The in-memory draft: what the editor edits and every check and export reads.
//!
//! Invariant: `sections` has exactly one entry per section of the kind's template, in template
//! order. Text for section keys the template does not know (written by another version of the
//! app) is kept in `unknown_sections`, so that saving never drops it.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::model::people::{CoFacilitator, Contact};
use crate::model::template::{Kind, Template};
use crate::text::i18n::{Arg, Msg};
use crate::text::markdown;
use crate::text::words::count_words;

/// A draft's identity: 1 to 64 characters from `[A-Za-z0-9_-]`. Stored as its text, checked
/// when read.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct DraftId(String);

#[derive(Debug, Error)]
#[error("the draft id “{0}” is not valid")]
pub struct InvalidDraftId(String);

impl TryFrom<String> for DraftId {
    type Error = InvalidDraftId;

    fn try_from(text: String) -> Result<DraftId, InvalidDraftId> {
        if DraftId::is_valid(&text) { Ok(DraftId(text)) } else { Err(InvalidDraftId(text)) }
    }
}

impl From<DraftId> for String {
    fn from(id: DraftId) -> String {
        id.0
    }
}

impl DraftId {
    pub const MAX_LEN: usize = 64;

    pub fn parse(text: &str) -> Option<DraftId> {
        DraftId::is_valid(text).then(|| DraftId(text.to_owned()))
    }

    fn is_valid(text: &str) -> bool {
        !text.is_empty()
            && text.len() <= Self::MAX_LEN
            && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    }

    /// An id from 128 random bits, as hex.
    pub fn from_random(bytes: [u8; 16]) -> DraftId {
        DraftId(bytes.iter().map(|b| format!("{b:02x}")).collect())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Whether the MAG meeting is held in person or online.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MeetingFormat {
    FaceToFace,
    Virtual,
}

impl MeetingFormat {
    pub const ALL: [MeetingFormat; 2] = [MeetingFormat::FaceToFace, MeetingFormat::Virtual];

    pub fn code(self) -> &'static str {
        match self {
            MeetingFormat::FaceToFace => "face-to-face",
            MeetingFormat::Virtual => "virtual",
        }
    }

    pub fn from_code(code: &str) -> Option<MeetingFormat> {
        MeetingFormat::ALL.into_iter().find(|f| f.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            MeetingFormat::FaceToFace => "Face-to-face meeting",
            MeetingFormat::Virtual => "Virtual meeting",
        }
    }

    /// [`MeetingFormat::label`] as the interface shows it.
    pub fn msg(self) -> Msg {
        match self {
            MeetingFormat::FaceToFace => Msg::new("model.meeting_format.face_to_face"),
            MeetingFormat::Virtual => Msg::new("model.meeting_format.virtual"),
        }
    }
}

/// The structured facts of a proposal that the checks read. Dates are kept as typed (ISO text
/// from date and month inputs), so nothing an author enters is lost; the checks parse them and
/// say what is wrong.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Details {
    pub co_facilitators: Vec<CoFacilitator>,
    /// The MAG meeting the proposal is meant for, `YYYY-MM-DD`.
    pub meeting_date: String,
    pub meeting_format: Option<MeetingFormat>,
    /// The timeframe of the work, `YYYY-MM` each.
    pub timeframe_start: String,
    pub timeframe_end: String,
    pub proposer: Contact,
    pub code_of_conduct: bool,
    /// Findings the author judged not to apply to this draft, in the order dismissed.
    pub dismissed: Vec<Dismissal>,
}

/// A finding the author dismissed as not applicable, with their reason (which may be empty).
/// A finding is named by its rule and its place in the draft (`checks::Finding::place`), so it
/// stays dismissed while the text around it changes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Dismissal {
    pub rule: String,
    pub place: String,
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    pub id: DraftId,
    pub kind: Kind,
    pub title: String,
    sections: Vec<String>,
    /// Words of each section's visible text, kept in step with `sections` so that checks and
    /// counts never parse a section that did not change.
    section_words: Vec<usize>,
    unknown_sections: Vec<(String, String)>,
    details: Details,
    /// Milliseconds since the Unix epoch.
    pub created_ms: u64,
    pub updated_ms: u64,
    /// Counts edits; lets two copies of a draft tell which is newer.
    pub revision: u64,
}

impl Draft {
    pub fn new(id: DraftId, kind: Kind, now_ms: u64) -> Draft {
        Draft {
            id,
            kind,
            title: String::new(),
            sections: vec![String::new(); kind.template().sections.len()],
            section_words: vec![0; kind.template().sections.len()],
            unknown_sections: Vec::new(),
            details: Details::default(),
            created_ms: now_ms,
            updated_ms: now_ms,
            revision: 0,
        }
    }

    /// Builds a draft from stored parts. Section texts are matched to the template by key;
    /// texts under keys it does not know are kept aside.
    #[allow(clippy::too_many_arguments)]
    pub fn from_parts(
        id: DraftId,
        kind: Kind,
        title: String,
        sections_by_key: impl IntoIterator<Item = (String, String)>,
        details: Details,
        created_ms: u64,
        updated_ms: u64,
        revision: u64,
    ) -> Draft {
        let mut draft = Draft::new(id, kind, created_ms);
        draft.title = title;
        draft.details = details;
        for (key, text) in sections_by_key {
            match kind.template().section_index(&key) {
                Some(index) => {
                    draft.section_words[index] = section_words(&text);
                    draft.sections[index] = text;
                }
                None => draft.unknown_sections.push((key, text)),
            }
        }
        draft.updated_ms = updated_ms;
        draft.revision = revision;
        draft
    }

    pub fn template(&self) -> &'static Template {
        self.kind.template()
    }

    pub fn section(&self, index: usize) -> &str {
        self.sections.get(index).map_or("", String::as_str)
    }

    /// Every section's text with its key: the template's in order, then unknown ones.
    pub fn sections_by_key(&self) -> impl Iterator<Item = (&str, &str)> {
        let known = self.template().sections.iter().zip(&self.sections);
        known
            .map(|(spec, text)| (spec.key, text.as_str()))
            .chain(self.unknown_sections.iter().map(|(k, t)| (k.as_str(), t.as_str())))
    }

    pub fn set_title(&mut self, title: String, now_ms: u64) {
        if self.title != title {
            self.title = title;
            self.touch(now_ms);
        }
    }

    /// Replaces a section's text. An index outside the template changes nothing.
    pub fn set_section(&mut self, index: usize, text: String, now_ms: u64) {
        if let Some(slot) = self.sections.get_mut(index)
            && *slot != text {
                self.section_words[index] = section_words(&text);
                *slot = text;
                self.touch(now_ms);
            }
    }

    pub fn details(&self) -> &Details {
        &self.details
    }

    /// Changes the structured details; time and revision move only if something changed.
    pub fn edit_details(&mut self, now_ms: u64, edit: impl FnOnce(&mut Details)) {
        let mut details = self.details.clone();
        edit(&mut details);
        if details != self.details {
            self.details = details;
            self.touch(now_ms);
        }
    }

    /// The author's dismissal of the finding of `rule` at `place`, if any.
    pub fn dismissal(&self, rule: &str, place: &str) -> Option<&Dismissal> {
        self.details.dismissed.iter().find(|d| d.rule == rule && d.place == place)
    }

    /// Dismisses a finding as not applicable, or changes the reason of one already dismissed.
    pub fn dismiss(&mut self, rule: &str, place: &str, reason: &str, now_ms: u64) {
        let reason = reason.trim().to_owned();
        self.edit_details(now_ms, |d| match d.dismissed.iter_mut().find(|x| x.rule == rule && x.place == place) {
            Some(existing) => existing.reason = reason,
            None => d.dismissed.push(Dismissal { rule: rule.to_owned(), place: place.to_owned(), reason }),
        });
    }

    /// Brings a dismissed finding back.
    pub fn restore(&mut self, rule: &str, place: &str, now_ms: u64) {
        self.edit_details(now_ms, |d| d.dismissed.retain(|x| !(x.rule == rule && x.place == place)));
    }

    fn touch(&mut self, now_ms: u64) {
        self.updated_ms = self.updated_ms.max(now_ms);
        self.revision += 1;
    }

    /// True when nothing has been written yet.
    pub fn is_blank(&self) -> bool {
        self.title.trim().is_empty()
            && self.sections.iter().all(|s| s.trim().is_empty())
            && self.unknown_sections.is_empty()
            && self.details == Details::default()
    }

    /// A copy under a new id, titled as a copy, with its own fresh history of edits.
    pub fn duplicate(&self, id: DraftId, now_ms: u64) -> Draft {
        let mut copy = self.clone();
        copy.id = id;
        copy.title = format!("Copy of {}", self.display_title());
        copy.created_ms = now_ms;
        copy.updated_ms = now_ms;
        copy.revision = 0;
        copy
    }

    /// Takes an older version's content (a snapshot) as a new edit of this draft, so that it
    /// saves over the current text like any other change.
    pub fn replace_content(&mut self, older: &Draft, now_ms: u64) {
        let (id, created_ms, revision, updated_ms) = (self.id.clone(), self.created_ms, self.revision, self.updated_ms);
        *self = older.clone();
        (self.id, self.created_ms, self.revision, self.updated_ms) = (id, created_ms, revision, updated_ms);
        self.touch(now_ms);
    }

    /// The title over the editor's live preview: as typed, so the preview mirrors the field, or
    /// "Untitled proposal" while it is blank.
    pub fn preview_title(&self) -> String {
        if self.title.trim().is_empty() { "Untitled proposal".to_owned() } else { self.title.clone() }
    }

    /// The title, or a name that says what the draft is when it has none, in English, as
    /// documents and stored reviews name it (the office worker writes it without the catalogue;
    /// a test holds it to [`Kind::untitled_msg`]).
    pub fn display_title(&self) -> String {
        match self.title.trim() {
            "" => format!("Untitled {}", self.kind.noun()),
            title => title.to_owned(),
        }
    }

    /// [`Draft::display_title`] as the interface shows it, in its language.
    pub fn shown_title(&self) -> Arg {
        match self.title.trim() {
            "" => self.kind.untitled_msg().into(),
            title => title.into(),
        }
    }

    /// Words in one section, counted on its visible text (Markdown syntax and link targets are
    /// not words).
    pub fn section_words(&self, index: usize) -> usize {
        self.section_words.get(index).copied().unwrap_or(0)
    }

    /// Words in the title and every section.
    pub fn total_words(&self) -> usize {
        count_words(&self.title) + self.section_words.iter().sum::<usize>()
    }
}

/// Words in a section's Markdown, counted on its visible text.
pub fn section_words(markdown_text: &str) -> usize {
    count_words(&markdown::plain_text(&markdown::parse(markdown_text)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id() -> DraftId {
        DraftId::parse("test-1").unwrap()
    }

    #[test]
    fn ids_are_short_and_plain() {
        assert!(DraftId::parse("abc-DEF_123").is_some());
        for bad in ["", "a b", "a/b", "ä", &"x".repeat(65)] {
            assert_eq!(DraftId::parse(bad), None, "{bad:?}");
        }
        let random = DraftId::from_random([0xab; 16]);
        assert_eq!(random.as_str().len(), 32);
        assert_eq!(DraftId::parse(random.as_str()), Some(random));
    }

    #[test]
    fn a_new_draft_has_one_empty_section_per_template_section() {
        for kind in Kind::ALL {
            let draft = Draft::new(id(), kind, 5);
            assert_eq!(draft.sections_by_key().count(), kind.template().sections.len());
            assert!(draft.is_blank());
            assert_eq!(draft.total_words(), 0);
        }
    }

    #[test]
    fn edits_update_time_and_revision_only_when_text_changes() {
        let mut draft = Draft::new(id(), Kind::NewWg, 10);
        draft.set_section(0, "To help.".into(), 20);
        assert_eq!((draft.updated_ms, draft.revision), (20, 1));
        draft.set_section(0, "To help.".into(), 30);
        assert_eq!((draft.updated_ms, draft.revision), (20, 1));
        draft.set_title("Youth".into(), 15);
        assert_eq!((draft.updated_ms, draft.revision), (20, 2), "the clock never goes back");
        draft.set_section(99, "nowhere".into(), 40);
        assert_eq!(draft.revision, 2);
        assert!(!draft.is_blank());
    }

    #[test]
    fn counts_words_on_visible_text() {
        let mut draft = Draft::new(id(), Kind::NewBpf, 0);
        draft.set_title("Local content".into(), 1);
        draft.set_section(0, "**Bold** [link text](https://example.org/a-long-url)\n\n- one\n- two".into(), 1);
        draft.set_section(5, "| Name | Group |\n|---|---|\n| Amina | Government |".into(), 1);
        assert_eq!(draft.section_words(0), 5);
        assert_eq!(draft.section_words(5), 4);
        assert_eq!(draft.total_words(), 11);
    }

    #[test]
    fn unknown_sections_are_kept() {
        let parts = vec![
            ("purpose".to_owned(), "P".to_owned()),
            ("future-section".to_owned(), "kept".to_owned()),
        ];
        let draft = Draft::from_parts(id(), Kind::NewWg, "T".into(), parts, Details::default(), 1, 2, 3);
        assert_eq!(draft.section(0), "P");
        let all: Vec<_> = draft.sections_by_key().collect();
        assert_eq!(all.last(), Some(&("future-section", "kept")));
        assert_eq!(all.len(), 6);
    }

    #[test]
    fn editing_details_counts_only_real_changes() {
        let mut draft = Draft::new(id(), Kind::NewBpf, 0);
        draft.edit_details(5, |d| d.code_of_conduct = false);
        assert_eq!((draft.revision, draft.updated_ms), (0, 0));
        draft.edit_details(5, |d| d.co_facilitators.push(Default::default()));
        assert_eq!((draft.revision, draft.updated_ms), (1, 5));
        assert!(!draft.is_blank());
    }

    #[test]
    fn display_title_names_untitled_drafts_by_kind() {
        let mut draft = Draft::new(id(), Kind::ContinuingBpf, 0);
        assert_eq!(draft.display_title(), "Untitled continuing BPF proposal");
        // The interface's name for it is the same in English, from the catalogue.
        for kind in Kind::ALL {
            let untitled = Draft::new(id(), kind, 0);
            assert_eq!(crate::text::i18n::english().render_arg(&untitled.shown_title()), untitled.display_title(), "{kind:?}");
        }
        draft.set_title("  Cybersecurity ".into(), 1);
        assert_eq!(draft.display_title(), "Cybersecurity");
        assert_eq!(draft.shown_title(), Arg::Text("Cybersecurity".into()));
    }

    #[test]
    fn preview_title_mirrors_the_field() {
        let mut draft = Draft::new(id(), Kind::NewWg, 0);
        for (title, expected) in [("", "Untitled proposal"), (" \t", "Untitled proposal"), ("  Youth ", "  Youth "), ("Youth", "Youth")] {
            draft.set_title(title.into(), 1);
            assert_eq!(draft.preview_title(), expected, "{title:?}");
        }
    }
}
