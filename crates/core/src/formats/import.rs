//! Opening files: every format we export comes back as the identical draft; a foreign Markdown
//! or text file is split at its headings, which are matched to the template's sections by their
//! words (tolerant of case, numbering and small wording differences), and the author is shown
//! what went where before anything is saved.

use thiserror::Error;

use crate::formats::docx::{self, DocxImportError};
use crate::formats::edited::{self, Edited};
use crate::formats::html::{self, HtmlImportError};
use crate::formats::markdown::{self, MarkdownImportError};
use crate::formats::wordml::{self, Part, Reading, Role, WordError};
use crate::model::draft::{Draft, DraftId};
use crate::model::envelope::{self, EnvelopeError};
use crate::model::people::CoFacilitator;
use crate::model::template::Kind;
use crate::sharing::review::{self, Review, ReviewError};
use crate::text::words::count_words;
use crate::text::i18n::Msg;

#[derive(Debug, Error, PartialEq, Eq)]
pub enum ImportError {
    Empty { name: String },
    NotText { name: String },
    Docx { name: String, source: DocxImportError },
    Word { name: String, source: WordError },
    NoText { name: String },
    DraftFile { name: String, source: EnvelopeError },
    Markdown { name: String, source: MarkdownImportError },
    Html { name: String, source: HtmlImportError },
    Review { name: String, source: ReviewError },
    /// Why an import done by the office worker failed, as it sent it.
    Relayed(Msg),
}

impl ImportError {
    /// Why the file was not imported, as a clause that starts with its name.
    pub fn msg(&self) -> Msg {
        let read = |name: &String, reason: Msg| Msg::new("error.import.unreadable").arg("name", name).arg("reason", reason);
        match self {
            ImportError::Empty { name } => Msg::new("error.import.empty").arg("name", name),
            ImportError::NotText { name } => Msg::new("error.import.not_text").arg("name", name),
            ImportError::Docx { name, source } => read(name, source.msg()),
            ImportError::Word { name, source } => read(name, source.msg()),
            ImportError::Markdown { name, source } => read(name, source.msg()),
            ImportError::Html { name, source } => read(name, source.msg()),
            ImportError::NoText { name } => Msg::new("error.import.no_text").arg("name", name),
            ImportError::DraftFile { name, source } => Msg::new("error.import.not_a_draft").arg("name", name).arg("reason", source.msg()),
            ImportError::Review { name, source } => Msg::new("error.import.not_a_review").arg("name", name).arg("reason", source.msg()),
            ImportError::Relayed(msg) => msg.clone(),
        }
    }
}

crate::display_in_english!(ImportError);

/// Where one part of a foreign file went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placement {
    /// The heading as found in the file, or `None` for text before the first matched heading.
    pub found: Option<String>,
    /// The official heading of the section it went to.
    pub section: &'static str,
    pub words: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ForeignImport {
    pub draft: Draft,
    pub placements: Vec<Placement>,
    /// Whether the file's first heading became the title.
    pub title_from: Option<String>,
    /// What the file holds, to map it onto another template.
    pub source: Source,
}

/// What a foreign file holds, ready to be mapped onto any template: its text as Markdown, the
/// people of a co-facilitator table, and what was left out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Source {
    pub text: String,
    pub people: Vec<CoFacilitator>,
    /// The sentence naming what the import left out (comments, notes, ...), if anything.
    pub left_out: Option<Msg>,
}

impl Source {
    /// A word processor's document: its co-facilitator tables become the list, the rest Markdown.
    pub fn of_reading(reading: Reading) -> Source {
        let mut people = Vec::new();
        let mut parts: Vec<Part> = Vec::new();
        // A heading whose only content was the table is dropped with it, once the next heading
        // (or the end) shows that nothing else was under it.
        let mut emptied = false;
        for part in reading.parts {
            let is_heading = matches!(&part, Part::Paragraph(p) if matches!(p.role, Role::Heading(_)));
            if emptied && is_heading {
                parts.pop();
            }
            emptied = false;
            if let Part::Table(rows) = &part
                && let Some(found) = wordml::people::co_facilitators(rows)
            {
                people.extend(found);
                emptied = matches!(parts.last(), Some(Part::Paragraph(p)) if matches!(p.role, Role::Heading(_)));
                continue;
            }
            parts.push(part);
        }
        if emptied {
            parts.pop();
        }
        Source { text: wordml::markdown::write(&parts), people, left_out: reading.left_out.sentence() }
    }
}

impl ForeignImport {
    /// The same file mapped onto another template.
    pub fn with_kind(&self, kind: Kind, now_ms: u64) -> ForeignImport {
        map_source(self.source.clone(), kind, self.draft.id.clone(), now_ms)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Imported {
    /// A file this editor wrote: the draft exactly as it was exported.
    Own(Draft),
    /// Any other Markdown, text or word-processor file, mapped onto a template.
    Foreign(ForeignImport),
    /// A DOCX of ours whose body was edited elsewhere: the author chooses which to open.
    Edited(Box<Edited>),
    /// A reviewer's comments on one of the author's drafts.
    Review(Review),
}

/// Reads a file of any format we know. `new_id` and `now_ms` are used for foreign files only.
pub fn read(name: &str, bytes: &[u8], new_id: DraftId, now_ms: u64) -> Result<Imported, ImportError> {
    if wordml::is_office_file(bytes) {
        return office_file(name, bytes, new_id, now_ms);
    }
    read_text(name, bytes, new_id, now_ms)
}

/// Reads any file but a word processor's (the editor hands those to its office worker, so its
/// first load does not carry their readers: see [`crate::formats::office`]).
pub fn read_text(name: &str, bytes: &[u8], new_id: DraftId, now_ms: u64) -> Result<Imported, ImportError> {
    let owned = || name.to_owned();
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Empty { name: owned() });
    }
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::NotText { name: owned() })?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let lower_name = name.to_ascii_lowercase();
    if text.trim_start().starts_with('{') && review::is_review(text) {
        return review::decode(text).map(Imported::Review).map_err(|source| ImportError::Review { name: owned(), source });
    }
    if text.trim_start().starts_with('{') || lower_name.ends_with(".json") {
        return envelope::decode(text).map(Imported::Own).map_err(|source| ImportError::DraftFile { name: owned(), source });
    }
    if markdown::is_ours(text) {
        return markdown::import(text).map(Imported::Own).map_err(|source| ImportError::Markdown { name: owned(), source });
    }
    let head = text.trim_start().get(..15).unwrap_or("").to_ascii_lowercase();
    if text.contains(html::DRAFT_ELEMENT) || lower_name.ends_with(".html") || lower_name.ends_with(".htm") || head.starts_with("<!doctype html") || head.starts_with("<html") {
        return html::import(text).map(Imported::Own).map_err(|source| ImportError::Html { name: owned(), source });
    }
    Ok(Imported::Foreign(map_foreign(text, guess_kind(text), new_id, now_ms)))
}

/// A DOCX of ours (unedited, or edited elsewhere), or any other word-processor file.
pub fn office_file(name: &str, bytes: &[u8], new_id: DraftId, now_ms: u64) -> Result<Imported, ImportError> {
    let owned = || name.to_owned();
    match docx::import(bytes) {
        Ok(exported) => {
            return Ok(match edited::compare(bytes, &exported, now_ms) {
                Some(edited) => Imported::Edited(Box::new(edited)),
                None => Imported::Own(exported),
            });
        }
        Err(DocxImportError::NoDraft) => {}
        Err(DocxImportError::Zip(_)) if !bytes.starts_with(b"PK") => {}
        Err(source) => return Err(ImportError::Docx { name: owned(), source }),
    }
    let reading = wordml::read(bytes).map_err(|source| ImportError::Word { name: owned(), source })?;
    let source = Source::of_reading(reading);
    if source.text.trim().is_empty() && source.people.is_empty() {
        return Err(ImportError::NoText { name: owned() });
    }
    let kind = guess_kind(&source.text);
    Ok(Imported::Foreign(map_source(source, kind, new_id, now_ms)))
}

/// The template whose headings the file matches best; a BPF when in doubt.
pub fn guess_kind(text: &str) -> Kind {
    let headings: Vec<String> = text.lines().filter_map(heading_text).collect();
    // Co-facilitators belong to every kind of proposal, so their heading tells none apart.
    let score = |kind: Kind| headings.iter().filter(|h| best_section(h, kind).is_some_and(|i| kind.template().sections[i].key != "co-facilitators")).count();
    let mut best = Kind::NewBpf;
    for kind in [Kind::ContinuingBpf, Kind::NewWg] {
        if score(kind) > score(best) {
            best = kind;
        }
    }
    best
}

/// Splits a foreign file at headings that match sections of `kind`.
pub fn map_foreign(text: &str, kind: Kind, id: DraftId, now_ms: u64) -> ForeignImport {
    map_source(Source { text: text.to_owned(), ..Source::default() }, kind, id, now_ms)
}

/// Maps what a file holds onto `kind`, its co-facilitator table into the list.
pub fn map_source(source: Source, kind: Kind, id: DraftId, now_ms: u64) -> ForeignImport {
    let text = source.text.as_str();
    let template = kind.template();
    let mut texts: Vec<Vec<String>> = vec![Vec::new(); template.sections.len()];
    let mut placements: Vec<Placement> = Vec::new();
    let mut current: Option<usize> = None;
    let mut title = None;
    let mut title_from = None;
    // Blank lines right after a heading are dropped; sections joined from several parts get one.
    let mut after_heading = false;
    for line in text.replace("\r\n", "\n").lines() {
        if after_heading && line.trim().is_empty() {
            continue;
        }
        after_heading = false;
        if let Some(found) = heading_text(line) {
            if let Some(index) = best_section(&found, kind) {
                current = Some(index);
                after_heading = true;
                let lines = &mut texts[index];
                while lines.last().is_some_and(|l| l.trim().is_empty()) {
                    lines.pop();
                }
                if !lines.is_empty() {
                    lines.push(String::new());
                }
                placements.push(Placement { found: Some(found), section: template.sections[index].heading, words: 0 });
                continue;
            }
            if title.is_none() && line.starts_with("# ") && placements.is_empty() && texts.iter().all(Vec::is_empty) {
                title = Some(found.clone());
                title_from = Some(found);
                after_heading = true;
                continue;
            }
        }
        let index = match current {
            Some(index) => index,
            None => {
                if placements.is_empty() && !line.trim().is_empty() {
                    placements.push(Placement { found: None, section: template.sections[0].heading, words: 0 });
                }
                0
            }
        };
        texts[index].push(line.to_owned());
        if let Some(last) = placements.last_mut() {
            last.words += count_words(line);
        }
    }
    let mut draft = Draft::new(id, kind, now_ms);
    if let Some(title) = title {
        draft.set_title(title, now_ms);
    }
    for (index, lines) in texts.into_iter().enumerate() {
        draft.set_section(index, lines.join("\n").trim_matches('\n').to_owned(), now_ms);
    }
    if !source.people.is_empty() {
        draft.edit_details(now_ms, |d| d.co_facilitators = source.people.clone());
    }
    ForeignImport { draft, placements, title_from, source }
}

/// The text of a heading line: `# Heading`, `**Heading**`, or a short line ending with a colon.
fn heading_text(line: &str) -> Option<String> {
    let trimmed = line.trim();
    let text = if let Some(rest) = trimmed.strip_prefix('#') {
        rest.trim_start_matches('#').trim()
    } else if trimmed.len() > 4 && trimmed.starts_with("**") && trimmed.ends_with("**") {
        trimmed.trim_matches('*').trim()
    } else if trimmed.ends_with(':') && trimmed.chars().count() <= 90 && !trimmed.starts_with(['-', '*', '>']) {
        trimmed
    } else {
        return None;
    };
    let text = text.trim_end_matches(':').trim();
    (!text.is_empty()).then(|| text.to_owned())
}

/// The section whose heading shares most of the found heading's words (at least 60%).
fn best_section(found: &str, kind: Kind) -> Option<usize> {
    let words = heading_words(found);
    if words.is_empty() {
        return None;
    }
    let mut best: Option<(usize, f32)> = None;
    for (index, section) in kind.template().sections.iter().enumerate() {
        let section_words = heading_words(section.heading);
        let shared = words.iter().filter(|w| section_words.contains(w)).count();
        let score = shared as f32 / words.len() as f32;
        if score >= 0.6 && best.is_none_or(|(_, b)| score > b) {
            best = Some((index, score));
        }
    }
    best.map(|(index, _)| index)
}

/// Words of a heading, without numbering, small words and plurals, with synonyms folded.
fn heading_words(heading: &str) -> Vec<String> {
    const SKIP: &[&str] = &["the", "of", "for", "and", "a", "an", "to", "if", "on", "in", "our", "proposed", "bpf", "wg", "mag", "appropriate", "members", "member", "non", "nonmag", "2", "3", "23", "1", "year", "multi", "forecast", "work", "working", "group", "best", "practice", "forum"];
    const SYNONYMS: &[(&str, &str)] = &[
        ("goal", "objective"), ("aim", "objective"), ("deliverable", "output"), ("result", "output"),
        ("timeline", "timeframe"), ("schedule", "timeframe"), ("timetable", "timeframe"), ("duration", "timeframe"),
        ("facilitator", "cofacilitator"), ("coordinator", "cofacilitator"), ("topic", "theme"), ("issue", "theme"),
        ("dissemination", "outreach"), ("communication", "outreach"), ("workplan", "implementation"),
    ];
    heading
        .to_ascii_lowercase()
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .map(|w| w.replace('-', ""))
        .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()) && !is_roman(w))
        .map(|w| {
            let stem = w.strip_suffix('s').filter(|s| s.len() > 3 && !s.ends_with('s')).unwrap_or(&w).to_owned();
            SYNONYMS.iter().find(|(from, _)| *from == stem).map_or(stem, |(_, to)| (*to).to_owned())
        })
        .filter(|w| !SKIP.contains(&w.as_str()))
        .collect()
}

fn is_roman(word: &str) -> bool {
    word.len() <= 4 && word.chars().all(|c| matches!(c, 'i' | 'v' | 'x'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id() -> DraftId {
        DraftId::parse("imported").unwrap()
    }

    #[test]
    fn foreign_markdown_is_split_at_matching_headings() {
        let text = "# Multilingual Content\n\nSome background first.\n\n## 1. Theme\n\nThe issue.\n\n## Goals:\n\n- one\n- two\n\n### Expected outputs\n\nA report.\n\n## Background notes\n\nStays with outputs.\n\n**Outreach**\n\nWebinars.\n\nTimeline:\nOne year.\n\n## Co-facilitators\n\nAmina, Rahul.\n";
        let imported = map_foreign(text, guess_kind(text), id(), 5);
        let d = &imported.draft;
        assert_eq!(d.kind, Kind::NewBpf);
        assert_eq!(d.title, "Multilingual Content");
        assert_eq!(d.section(0), "Some background first.\n\nThe issue.");
        assert_eq!(d.section(1), "- one\n- two");
        assert_eq!(d.section(2), "A report.\n\n## Background notes\n\nStays with outputs.");
        assert_eq!(d.section(3), "Webinars.");
        assert_eq!(d.section(4), "One year.");
        assert_eq!(d.section(5), "Amina, Rahul.");
        let found: Vec<Option<&str>> = imported.placements.iter().map(|p| p.found.as_deref()).collect();
        assert_eq!(found, [None, Some("1. Theme"), Some("Goals"), Some("Expected outputs"), Some("Outreach"), Some("Timeline"), Some("Co-facilitators")]);
        assert_eq!(imported.placements[0].section, "Proposed Theme/Issue for the BPF");
    }

    #[test]
    fn guesses_the_template_from_the_headings() {
        assert_eq!(guess_kind("Purpose of the WG:\nx\nImplementation Plan:\ny"), Kind::NewWg);
        assert_eq!(guess_kind("## Annual work report\n\nx\n## Theme\n"), Kind::ContinuingBpf);
        assert_eq!(guess_kind("no headings at all"), Kind::NewBpf);
    }

    #[test]
    fn text_without_headings_goes_to_the_first_section() {
        let imported = map_foreign("Just a paragraph.\n\nAnd another.", Kind::NewWg, id(), 1);
        assert_eq!(imported.draft.section(0), "Just a paragraph.\n\nAnd another.");
        assert_eq!(imported.placements, [Placement { found: None, section: "Purpose of the WG", words: 5 }]);
    }

    #[test]
    fn bad_files_get_specific_errors() {
        let cases: &[(&str, &[u8], &str)] = &[
            ("empty.md", b"  \n", "“empty.md” is empty"),
            ("x.docx", b"PK\x03\x04rest", "“x.docx” could not be read: the file is not a ZIP archive (no end-of-directory record)"),
            ("bin.txt", &[0xff, 0xfe, 0x00, 0x41], "“bin.txt” is not a text file this editor can read (it is not UTF-8 text)"),
            ("d.json", b"{\"schema\":2,\n  \"draft\": [}", "“d.json” is not a draft file: the stored text is not valid JSON (line 2, column 13: expected a value)"),
            ("page.html", b"<!DOCTYPE html><p>hi</p>", "“page.html” could not be read: this HTML file was not written by the IGF Proposal Editor: it carries no draft"),
        ];
        for (name, bytes, message) in cases {
            assert_eq!(read(name, bytes, id(), 0).unwrap_err().to_string(), *message, "{name}");
        }
    }
}
