//! What an imported file leads to, decided before anything is stored: a draft this browser
//! lacks is added or opened for review, a different version of a stored draft asks first, the
//! very draft stored here just opens; and how the chosen draft is then saved.

use crate::formats::import::{ImportError, Placement};
use crate::model::draft::Draft;
use crate::text::i18n::{Key, Msg};
use crate::text::words::describe_count;

/// What this browser holds under an imported draft's id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stored<'a> {
    /// Nothing, or nothing that could be looked up.
    Nothing,
    Readable(&'a Draft),
    /// A value this version cannot read.
    Unreadable,
}

/// The step an imported draft leads to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arrival {
    /// Not among the drafts here: add it, or open it for review?
    Unknown(Draft),
    /// Another version of a stored draft: replace it, keep both, or review?
    Conflict { incoming: Draft, existing: Box<Draft> },
    /// Exactly the draft stored here: open it.
    Known(Draft),
}

pub fn arrival(incoming: Draft, stored: Stored) -> Arrival {
    match stored {
        Stored::Readable(existing) if *existing != incoming => Arrival::Conflict { incoming, existing: Box::new(existing.clone()) },
        Stored::Readable(_) => Arrival::Known(incoming),
        Stored::Nothing | Stored::Unreadable => Arrival::Unknown(incoming),
    }
}

/// How the chosen draft is saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Saving<'a> {
    /// Under its own id, where nothing is stored.
    Fresh,
    /// Over the stored draft, whose text goes into its history first.
    AfterSnapshot(&'a Draft),
    /// Under a new id: a value this version cannot read is never written over.
    UnderNewId,
}

pub fn saving(stored: Stored) -> Saving {
    match stored {
        Stored::Nothing => Saving::Fresh,
        Stored::Readable(existing) => Saving::AfterSnapshot(existing),
        Stored::Unreadable => Saving::UnderNewId,
    }
}

/// The question about a draft this browser lacks; `edited` is its last edit, as shown locally.
pub fn unknown_question(draft: &Draft, edited: &str) -> Msg {
    Msg::new("files.arrival.unknown").arg("kind", draft.kind.noun_msg()).arg("words", describe_count(draft.total_words())).arg("edited", edited)
}

/// The question about another version of a stored draft; `edited` is the stored one's last edit.
pub fn conflict_question(existing: &Draft, edited: &str) -> Msg {
    Msg::new("files.arrival.conflict").arg("title", existing.shown_title()).arg("edited", edited)
}

/// Where a part of a foreign file went, for the preview before it is saved.
pub fn placement_line(placement: &Placement) -> (Msg, Msg) {
    let line = match &placement.found {
        Some(found) => Msg::new("files.arrival.placed").arg("found", found).arg("section", placement.section),
        None => Msg::new("files.arrival.placed.before").arg("section", placement.section),
    };
    (line, Msg::new("files.arrival.placed.words").arg("words", describe_count(placement.words)))
}

/// Where the people of a co-facilitator table went, for the preview; `None` when there were none.
pub fn people_line(people: usize) -> Option<Msg> {
    (people > 0).then(|| Msg::new("files.arrival.people").arg("count", people))
}

/// The heading of the choice between a DOCX of ours as edited elsewhere and as exported.
pub const EDITED_HEADING: Key = Key("files.edited.heading");

/// What each choice keeps, under the summary of what differs.
pub const EDITED_CHOICE: Key = Key("files.edited.choice");

/// Why a file was not imported, as a sentence.
pub fn refusal(error: &ImportError) -> Msg {
    Msg::new("files.arrival.refused").arg("reason", error.msg())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::draft::DraftId;
    use crate::model::template::Kind;

    fn draft(title: &str) -> Draft {
        let mut draft = Draft::new(DraftId::parse("d1").unwrap(), Kind::NewWg, 0);
        draft.set_title(title.into(), 1);
        draft
    }

    #[test]
    fn an_import_leads_to_one_step_by_what_is_stored() {
        let (incoming, other) = (draft("Youth"), draft("Youth, older"));
        let table = [
            (Stored::Nothing, Arrival::Unknown(incoming.clone()), Saving::Fresh),
            (Stored::Unreadable, Arrival::Unknown(incoming.clone()), Saving::UnderNewId),
            (Stored::Readable(&incoming), Arrival::Known(incoming.clone()), Saving::AfterSnapshot(&incoming)),
            (Stored::Readable(&other), Arrival::Conflict { incoming: incoming.clone(), existing: Box::new(other.clone()) }, Saving::AfterSnapshot(&other)),
        ];
        for (stored, step, save) in table {
            assert_eq!((arrival(incoming.clone(), stored), saving(stored)), (step, save), "{stored:?}");
        }
    }

    #[test]
    fn the_questions_name_the_draft() {
        let mut one = draft("");
        one.set_section(0, "Hello".into(), 2);
        assert_eq!(
            unknown_question(&one, "1 May, 10:00").english(),
            "A WG proposal of 1 word, last edited 1 May, 10:00. Add it to your drafts to work on it, or open it for review to read it with its checks and comment on it, without adding it to your drafts."
        );
        assert_eq!(
            conflict_question(&draft("Youth"), "today").english(),
            "“Youth” is stored here already, last edited today. The file holds a different version. Replace the stored one (its text stays in the draft’s history), or keep both?"
        );
        let placed = |found: Option<&str>, words| {
            let (line, words) = placement_line(&Placement { found: found.map(Into::into), section: "Purpose of the WG", words });
            (line.english(), words.english())
        };
        assert_eq!(placed(Some("Aims"), 2), ("“Aims” → Purpose of the WG".to_owned(), " (2 words)".to_owned()));
        assert_eq!(placed(None, 1), ("Text before the first matching heading → Purpose of the WG".to_owned(), " (1 word)".to_owned()));
        assert_eq!(refusal(&ImportError::Empty { name: "a.md".into() }).english(), "“a.md” is empty. Nothing was changed.");
        assert_eq!(people_line(0), None);
        assert_eq!(people_line(1).map(|m| m.english()).as_deref(), Some("A table of 1 co-facilitator → the co-facilitator list"));
        assert_eq!(people_line(3).map(|m| m.english()).as_deref(), Some("A table of 3 co-facilitators → the co-facilitator list"));
    }
}
