//! The length of a proposal in pages, against the "(2-3 Pages)" of both templates, laid out by
//! the page engine on the document as it will be submitted.

use igf_codecs::decimal;

use crate::document::Manifest;
use crate::layout::view::Page;
use crate::layout::{Layout, SectionCache};
use crate::model::draft::Draft;
use crate::text::i18n::{Arg, Msg};

pub const MIN_PAGES: f64 = 2.0;
/// The most pages the templates allow ("2-3 Pages").
pub const PAGE_LIMIT: usize = 3;
pub const MAX_PAGES: f64 = PAGE_LIMIT as f64;

#[derive(Clone, Debug, PartialEq)]
pub struct PageCount {
    /// Whole pages before the last plus the fill of the last: 2.4 is two pages and 40%.
    pub pages: f64,
    /// Each template section (its heading) and its share of the text, in pages.
    pub section_pages: Vec<(&'static str, f64)>,
}

/// Counts the pages of a draft again and again as it is edited: only the sections whose text
/// changed since the last count are laid out again.
#[derive(Default)]
pub struct PageCounter {
    cache: SectionCache,
}

impl PageCounter {
    pub fn count(&mut self, draft: &Draft) -> PageCount {
        let doc = self.cache.final_version(draft);
        of_layout(draft, &self.cache.layout(&doc))
    }

    /// The pages of the draft as the PDF draws them, from the lines the last count broke
    /// ([`SectionCache::pages`]).
    pub fn pages(&mut self, draft: &Draft, not_ready: Vec<String>, manifest: Manifest) -> Vec<Page> {
        self.cache.pages(draft, not_ready, manifest)
    }
}

pub fn page_count(draft: &Draft) -> PageCount {
    PageCounter::default().count(draft)
}

fn of_layout(draft: &Draft, laid_out: &Layout) -> PageCount {
    let total_lines: usize = laid_out.lines_per_page.iter().sum();
    let pages = laid_out.fractional_pages();
    let per_line = if total_lines == 0 { 0.0 } else { pages / total_lines as f64 };
    let headings = draft.template().sections.iter().map(|s| s.heading);
    let section_pages = headings.zip(&laid_out.section_lines).map(|(h, &l)| (h, l as f64 * per_line)).collect();
    PageCount { pages, section_pages }
}

impl PageCount {
    /// "2.4 of 3 pages", with one decimal.
    pub fn label(&self) -> Msg {
        Msg::new("layout.pages.of_limit").arg("pages", Arg::Decimal(tenths(self.pages))).arg("limit", PAGE_LIMIT)
    }
}

/// A page count with one decimal, never rounded onto a limit it is past, so that the figure
/// agrees with the length check: a fourth page with one line on it reads "3.1", not "3.0".
pub fn tenths(value: f64) -> String {
    let value = value.max(0.0);
    let shown = if value > MAX_PAGES {
        (value * 10.0).ceil() / 10.0
    } else if value < MIN_PAGES {
        (value * 10.0).floor() / 10.0
    } else {
        value
    };
    decimal::fixed(shown, 1)
}

#[cfg(test)]
mod tests {
    use super::{PageCount, tenths};

    #[test]
    fn a_count_past_a_limit_never_reads_as_the_limit() {
        let table = [(0.0, "0.0"), (-1.0, "0.0"), (1.94, "1.9"), (1.99, "1.9"), (2.0, "2.0"), (2.04, "2.0"), (2.46, "2.5"), (2.96, "3.0"), (3.0, "3.0"), (3.02, "3.1"), (3.44, "3.5"), (4.0, "4.0")];
        for (pages, expected) in table {
            assert_eq!(tenths(pages), expected, "{pages}");
        }
        let over = PageCount { pages: 3.02, section_pages: Vec::new() };
        assert_eq!(over.label().english(), "3.1 of 3 pages", "the label says what the check says");
    }
}
