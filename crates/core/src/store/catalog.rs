//! The drafts list as the start screen shows it: one summary per draft, sorted and filtered.

use igf_codecs::order;

use crate::checks::{Severity, check};
use crate::model::calendar::CivilDate;
use crate::model::draft::Draft;
use crate::model::settings::Settings;
use crate::text::case::fold_str;
use crate::text::i18n::Msg;

#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub draft: Draft,
    pub title: String,
    pub words: usize,
    pub pages: f64,
    pub pages_label: Msg,
    /// Problems that must be fixed before sending.
    pub must_fix: usize,
}

impl Summary {
    pub fn of(draft: Draft, today: CivilDate, settings: &Settings) -> Summary {
        let report = check(&draft, today, settings);
        Summary {
            title: draft.display_title(),
            words: draft.total_words(),
            pages: report.pages.pages,
            pages_label: report.pages.label(),
            must_fix: report.count(Severity::MustFix),
            draft,
        }
    }

    pub fn readiness(&self) -> Msg {
        match self.must_fix {
            0 => Msg::new("library.draft.ready"),
            n => Msg::new("library.draft.problems").arg("count", n),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortOrder {
    LastEdited,
    Title,
    Kind,
    Readiness,
}

impl SortOrder {
    pub const ALL: [SortOrder; 4] = [SortOrder::LastEdited, SortOrder::Title, SortOrder::Kind, SortOrder::Readiness];

    pub fn code(self) -> &'static str {
        match self {
            SortOrder::LastEdited => "edited",
            SortOrder::Title => "title",
            SortOrder::Kind => "kind",
            SortOrder::Readiness => "readiness",
        }
    }

    pub fn from_code(code: &str) -> Option<SortOrder> {
        SortOrder::ALL.into_iter().find(|order| order.code() == code)
    }

    pub fn label(self) -> Msg {
        match self {
            SortOrder::LastEdited => Msg::new("library.sort.edited"),
            SortOrder::Title => Msg::new("library.sort.title"),
            SortOrder::Kind => Msg::new("library.sort.kind"),
            SortOrder::Readiness => Msg::new("library.sort.readiness"),
        }
    }
}

/// The summaries that match `filter` (every word of it, in the title, kind or text, ignoring
/// case in any script), in `order`; ties go to the most recently edited.
pub fn arrange(summaries: &[Summary], order: SortOrder, filter: &str) -> Vec<Summary> {
    let words: Vec<String> = filter.split_whitespace().map(fold_str).collect();
    let mut shown: Vec<Summary> = summaries.iter().filter(|s| matches(s, &words)).cloned().collect();
    order::sort_by(&mut shown, &mut |a, b| {
        let primary = match order {
            SortOrder::LastEdited => std::cmp::Ordering::Equal,
            SortOrder::Title => fold_str(&a.title).cmp(&fold_str(&b.title)),
            SortOrder::Kind => a.draft.kind.label().to_ascii_lowercase().cmp(&b.draft.kind.label().to_ascii_lowercase()),
            SortOrder::Readiness => a.must_fix.cmp(&b.must_fix),
        };
        primary.then_with(|| b.draft.updated_ms.cmp(&a.draft.updated_ms))
    });
    shown
}

/// What the filter did, for the line under it: nothing while it is empty.
pub fn filter_outcome(filter: &str, shown: usize, total: usize) -> Option<Msg> {
    match (filter.trim(), shown) {
        ("", _) => None,
        (words, 0) => Some(Msg::new("library.filter.none").arg("words", words)),
        (_, shown) => Some(Msg::new("library.filter.some").arg("shown", shown).arg("total", Msg::new("count.drafts").arg("count", total))),
    }
}

fn matches(summary: &Summary, words: &[String]) -> bool {
    if words.is_empty() {
        return true;
    }
    let mut haystack = format!("{} {}", summary.title, summary.draft.kind.label());
    for (_, text) in summary.draft.sections_by_key() {
        haystack.push(' ');
        haystack.push_str(text);
    }
    let haystack = fold_str(&haystack);
    words.iter().all(|word| haystack.contains(word.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::draft::DraftId;
    use crate::model::template::Kind;

    fn summary(id: &str, kind: Kind, title: &str, updated_ms: u64, must_fix: usize) -> Summary {
        let mut draft = Draft::new(DraftId::parse(id).unwrap(), kind, 0);
        draft.set_title(title.into(), updated_ms);
        draft.set_section(0, format!("Body of {id} about Ünïcode and spam"), updated_ms);
        Summary { title: draft.display_title(), words: 0, pages: 0.0, pages_label: Msg::new("layout.pages.of_limit"), must_fix, draft }
    }

    #[test]
    fn arranges_by_each_order_and_keeps_drafts_holding_every_word_in_any_case_and_script() {
        let all = [
            summary("a", Kind::NewWg, "youth participation", 30, 2),
            summary("b", Kind::NewBpf, "Cybersecurity", 10, 0),
            summary("c", Kind::ContinuingBpf, "Gender and access", 20, 5),
        ];
        let ids = |list: Vec<Summary>| list.iter().map(|s| s.draft.id.as_str().to_owned()).collect::<Vec<_>>().join("");
        let table = [
            (SortOrder::LastEdited, "", "acb"),
            (SortOrder::Title, "", "bca"),
            (SortOrder::Kind, "", "bca"),
            (SortOrder::Readiness, "", "bac"),
            (SortOrder::LastEdited, "YOUTH", "a"),
            (SortOrder::LastEdited, "bpf", "cb"),
            (SortOrder::LastEdited, "  gender   ACCESS ", "c"),
            (SortOrder::LastEdited, "spam youth", "a"),
            (SortOrder::LastEdited, "Ünïcode", "acb"),
            (SortOrder::LastEdited, "ünïcode", "acb"),
            (SortOrder::LastEdited, "ÜNÏCODE SPAM", "acb"),
            (SortOrder::LastEdited, "nothing-like-this", ""),
        ];
        for (order, filter, expected) in table {
            assert_eq!(ids(arrange(&all, order, filter)), expected, "{order:?} {filter:?}");
        }
        assert_eq!(SortOrder::from_code("title"), Some(SortOrder::Title));
        let outcomes = [
            ("", 0, 3, ""),
            ("  ", 3, 3, ""),
            (" spam ", 0, 3, "No draft matches “spam”."),
            ("youth", 1, 3, "Showing 1 of 3 drafts."),
            ("youth", 1, 1, "Showing 1 of 1 draft."),
        ];
        for (filter, shown, total, expected) in outcomes {
            assert_eq!(filter_outcome(filter, shown, total).map(|m| m.english()).unwrap_or_default(), expected, "{filter:?}");
        }
        assert_eq!(all[2].readiness().english(), "5 problems to fix");
    }
}
