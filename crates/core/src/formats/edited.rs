//! Our own DOCX, edited in Word or LibreOffice after it was exported. The body is read as any
//! word-processor file is, and so is the body of the embedded copy, exported again: the two
//! are compared part by part (title, facts, each section, the co-facilitator table) on their
//! visible text with white space normalised, so a file saved again without a change of text
//! counts as unedited. When a part differs, the edited draft takes that part from the body and
//! everything else (structured details, the Markdown of unchanged sections) from the copy.

use crate::document::Document;
use crate::formats::docx;
use crate::formats::wordml::{self, Paragraph, Part, Reading, markdown, people};
use crate::model::calendar::{CivilDate, YearMonth};
use crate::model::diff;
use crate::model::draft::{Details, Draft, MeetingFormat};
use crate::model::people::CoFacilitator;
use crate::text::case::fold_str;
use crate::text::i18n::{Arg, Msg};

/// A DOCX of ours whose body was changed: both versions and what differs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edited {
    pub exported: Draft,
    pub edited: Draft,
    /// The parts that differ, for the author to choose.
    pub summary: Msg,
}

/// The body of one of our DOCX files, split at the parts our writer makes.
#[derive(Debug, Default, PartialEq)]
struct Layout {
    title: Vec<Paragraph>,
    facts: Vec<String>,
    /// Text before the first heading, which goes to the first section.
    before: Vec<Part>,
    sections: Vec<Vec<Part>>,
    people: Option<Vec<Vec<Vec<Paragraph>>>>,
}

/// The edited version, or `None` when the body says what the embedded copy says (or cannot be
/// read, when the copy is all there is).
pub fn compare(bytes: &[u8], exported: &Draft, now_ms: u64) -> Option<Edited> {
    let file = wordml::read(bytes).ok()?;
    let again = wordml::read(&docx::export(exported, &Document::final_version(exported))).ok()?;
    let (file, again) = (Layout::of(file, exported), Layout::of(again, exported));
    if normal(&file) == normal(&again) {
        return None;
    }
    let mut edited = exported.clone();
    if texts(&file.title) != texts(&again.title) {
        edited.set_title(file.title.iter().map(Paragraph::text).collect::<Vec<_>>().join(" ").trim().to_owned(), now_ms);
    }
    for (index, (mut part, before)) in file.sections.into_iter().zip(&again.sections).enumerate() {
        if index == 0 {
            part.splice(0..0, file.before.iter().cloned());
        }
        let mut was = before.clone();
        if index == 0 {
            was.splice(0..0, again.before.iter().cloned());
        }
        if part_texts(&part) != part_texts(&was) {
            edited.set_section(index, markdown::write(&part), now_ms);
        }
    }
    if file.facts != again.facts {
        edited.edit_details(now_ms, |d| read_facts(&file.facts, d));
    }
    if file.people.as_ref().map(|r| table_texts(r)) != again.people.as_ref().map(|r| table_texts(r)) {
        let listed = file.people.as_deref().and_then(people::co_facilitators).unwrap_or_default();
        let merged = merge_people(listed, &exported.details().co_facilitators);
        edited.edit_details(now_ms, |d| d.co_facilitators = merged);
    }
    let summary = summary(&diff::changes(exported, &edited));
    Some(Edited { exported: exported.clone(), edited, summary })
}

/// Every part's normalised text, in order: what "unedited" compares.
fn normal(layout: &Layout) -> Vec<Vec<String>> {
    let mut parts = vec![texts(&layout.title), layout.facts.clone(), part_texts(&layout.before)];
    parts.extend(layout.sections.iter().map(|s| part_texts(s)));
    parts.push(layout.people.as_ref().map_or_else(Vec::new, |r| table_texts(r)));
    parts
}

/// Visible text with white space collapsed, one entry per paragraph that has any.
fn texts(paragraphs: &[Paragraph]) -> Vec<String> {
    paragraphs.iter().map(|p| p.text().split_whitespace().collect::<Vec<_>>().join(" ")).filter(|t| !t.is_empty()).collect()
}

fn part_texts(parts: &[Part]) -> Vec<String> {
    let mut out = Vec::new();
    for part in parts {
        match part {
            Part::Paragraph(p) => out.extend(texts(std::slice::from_ref(p))),
            Part::Table(rows) => out.extend(table_texts(rows)),
        }
    }
    out
}

fn table_texts(rows: &[Vec<Vec<Paragraph>>]) -> Vec<String> {
    rows.iter().flatten().flat_map(|cell| texts(cell)).collect()
}

impl Layout {
    fn of(reading: Reading, draft: &Draft) -> Layout {
        let template = draft.template();
        let people_after = template.section_index("co-facilitators");
        let mut layout = Layout { sections: vec![Vec::new(); template.sections.len()], ..Layout::default() };
        // The part being read: `None` before the first heading; the people heading at the end
        // of a template without a people section is `Some(len)`.
        let mut current: Option<usize> = None;
        let mut fresh_heading = false;
        for part in reading.parts {
            let paragraph = match part {
                Part::Table(rows) => {
                    let in_people = current.is_some_and(|c| Some(c) == people_after || c == template.sections.len());
                    if in_people && people::co_facilitators(&rows).is_some() {
                        if let Some(earlier) = layout.people.replace(rows) {
                            push_part(&mut layout, current, Part::Table(earlier));
                        }
                    } else {
                        push_part(&mut layout, current, Part::Table(rows));
                    }
                    fresh_heading = false;
                    continue;
                }
                Part::Paragraph(p) => p,
            };
            let text = paragraph.text();
            let text = text.trim();
            if paragraph.style == "Manifest" || (text.starts_with("Template ") && text.contains(" · SHA-256 ")) {
                continue;
            }
            if paragraph.style.starts_with("Heading") || matches!(paragraph.role, wordml::Role::Heading(1)) {
                if let Some(index) = template.sections.iter().position(|s| s.heading == text) {
                    current = Some(index);
                    fresh_heading = true;
                    continue;
                }
                if people_after.is_none() && text == "Proposed co-facilitators" {
                    current = Some(template.sections.len());
                    fresh_heading = true;
                    continue;
                }
            }
            if fresh_heading && (text == "Not written yet." || text == "Optional; left empty.") {
                fresh_heading = false;
                continue;
            }
            fresh_heading = false;
            match current {
                None if paragraph.style == "Title" || paragraph.role == wordml::Role::Title => layout.title.push(paragraph),
                None if paragraph.style == "Facts" => layout.facts.push(text.to_owned()),
                _ => push_part(&mut layout, current, Part::Paragraph(paragraph)),
            }
        }
        layout
    }
}

fn push_part(layout: &mut Layout, current: Option<usize>, part: Part) {
    match current.map(|c| c.min(layout.sections.len().saturating_sub(1))) {
        Some(index) if !layout.sections.is_empty() => layout.sections[index].push(part),
        _ => layout.before.push(part),
    }
}

/// The facts under the title, read back into the details they show (`Proposer: name (email)`,
/// `Timeframe: March 2026 to May 2027`, `MAG meeting: Thursday 12 March 2026 (virtual
/// meeting)`); a value that does not read as a date is kept as typed, for the checks to flag.
fn read_facts(facts: &[String], details: &mut Details) {
    let value = |label: &str| facts.iter().find_map(|f| f.strip_prefix(label)?.strip_prefix(':')).map(str::trim);
    let proposer = value("Proposer").unwrap_or("");
    let (name, email) = match proposer.rsplit_once(" (") {
        Some((name, email)) if email.ends_with(')') => (name, email.trim_end_matches(')')),
        _ if proposer.contains('@') && !proposer.contains(' ') => ("", proposer),
        _ => (proposer, ""),
    };
    details.proposer.name = name.trim().to_owned();
    details.proposer.email = email.trim().to_owned();
    let timeframe = value("Timeframe").unwrap_or("");
    let (start, end) = timeframe.split_once(" to ").unwrap_or((timeframe, ""));
    let month = |text: &str| if text.trim() == "not given" { String::new() } else { month_iso(text).unwrap_or_else(|| text.trim().to_owned()) };
    details.timeframe_start = month(start);
    details.timeframe_end = month(end);
    let meeting = value("MAG meeting").unwrap_or("");
    let (date, format) = match meeting.rsplit_once(" (") {
        Some((date, format)) => (date, MeetingFormat::ALL.into_iter().find(|f| fold_str(&format!("{})", f.label())) == fold_str(format))),
        None => (meeting, None),
    };
    details.meeting_format = format;
    details.meeting_date = date_iso(date).unwrap_or_else(|| date.trim().to_owned());
}

/// The month named at the start of `word` (as the calendar writes it), 1 to 12.
fn month_number(word: &str) -> Option<u8> {
    (1..=12u8).find(|&m| YearMonth::new(2000, m).is_some_and(|ym| ym.to_string().split(' ').next() == Some(word)))
}

fn month_iso(text: &str) -> Option<String> {
    let (month, year) = text.trim().split_once(' ')?;
    let month = YearMonth::new(year.trim().parse().ok()?, month_number(month)?)?;
    Some(format!("{:04}-{:02}", month.year, month.month))
}

fn date_iso(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let [_, day, month, year] = words.as_slice() else { return None };
    CivilDate::new(year.parse().ok()?, month_number(month)?, day.parse().ok()?).map(CivilDate::iso)
}

/// The people of the edited table, each keeping what the table does not show (the email)
/// from the person of the same name in the copy.
fn merge_people(listed: Vec<CoFacilitator>, exported: &[CoFacilitator]) -> Vec<CoFacilitator> {
    listed
        .into_iter()
        .map(|mut person| {
            if let Some(before) = exported.iter().find(|p| fold_str(p.name.trim()) == fold_str(person.name.trim()))
                && person.email.is_empty()
            {
                person.email = before.email.clone();
            }
            person
        })
        .collect()
}

/// "“Title” and “Expected Output(s)” differ from the copy as exported."
pub fn summary(changes: &[diff::SectionDiff]) -> Msg {
    if changes.is_empty() {
        return Msg::new("files.edited.same");
    }
    let names = changes.iter().map(|c| Msg::new("files.edited.part").arg("name", c.heading.name()));
    Msg::new("files.edited.differ").arg("count", changes.len()).arg("parts", Arg::list(names))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::diff::{Change, Heading, SectionDiff};

    #[test]
    fn the_summary_names_each_part_that_differs() {
        let part = |heading: Heading| SectionDiff { heading, change: Change::Details };
        let english = |parts: &[SectionDiff]| summary(parts).english();
        assert_eq!(english(&[]), "The text is the same as in the copy as exported.");
        assert_eq!(english(&[part(Heading::Title)]), "“Title” differs from the copy as exported.");
        assert_eq!(english(&[part(Heading::Title), part(Heading::Section("Theme")), part(Heading::Details)]), "“Title”, “Theme” and “Submission details” differ from the copy as exported.");
    }

    #[test]
    fn facts_read_back_into_details_and_keep_what_is_no_date_as_typed() {
        let mut details = Details::default();
        read_facts(&["Proposal: New BPF proposal".into(), "Proposer: Ana Souza (ana@example.org)".into(), "Timeframe: March 2026 to not given".into(), "MAG meeting: Thursday 12 March 2026 (virtual meeting)".into()], &mut details);
        assert_eq!((details.proposer.name.as_str(), details.proposer.email.as_str()), ("Ana Souza", "ana@example.org"));
        assert_eq!((details.timeframe_start.as_str(), details.timeframe_end.as_str()), ("2026-03", ""));
        assert_eq!((details.meeting_date.as_str(), details.meeting_format), ("2026-03-12", Some(MeetingFormat::Virtual)));
        read_facts(&["Proposer: ana@example.org".into(), "MAG meeting: the 12th".into()], &mut details);
        assert_eq!((details.proposer.name.as_str(), details.proposer.email.as_str()), ("", "ana@example.org"));
        assert_eq!((details.meeting_date.as_str(), details.meeting_format, details.timeframe_start.as_str()), ("the 12th", None, ""));
    }
}
