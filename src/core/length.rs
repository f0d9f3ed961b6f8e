//! The length of a proposal in pages, against the "(2-3 Pages)" of both templates.
//!
//! For now a word-based estimate stands in, clearly labelled as one; the page engine replaces
//! this one function.

use super::draft::Draft;

/// Words on a page of the typical proposal layout (12 pt serif, A4): the common rule of thumb.
pub const WORDS_PER_PAGE: f64 = 500.0;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PageCount {
    pub pages: f64,
    /// True while the count is estimated from words rather than laid out.
    pub estimated: bool,
}

pub const MIN_PAGES: f64 = 2.0;
pub const MAX_PAGES: f64 = 3.0;

pub fn page_count(draft: &Draft) -> PageCount {
    let words = draft.total_words() + co_facilitator_words(draft);
    PageCount { pages: words as f64 / WORDS_PER_PAGE, estimated: true }
}

/// The co-facilitator table takes room too: about a line of words per person.
fn co_facilitator_words(draft: &Draft) -> usize {
    draft.details().co_facilitators.len() * 12
}

impl PageCount {
    /// "1.6 of 3 pages", with one decimal.
    pub fn label(&self) -> String {
        let estimate = if self.estimated { "about " } else { "" };
        format!("{estimate}{:.1} of 3 pages", self.pages)
    }
}
