//! Page truth (`make test-pages`, which `make test` runs): every draft of the page corpus has the
//! same number of pages in the live count, in our PDF, in LibreOffice's rendering of our DOCX and
//! in Chromium's print of our HTML, each file exported for the draft's own report, so a draft
//! that is not ready carries its marking. Ignored by a plain `cargo test`: it needs LibreOffice,
//! poppler, Node.js and Chromium with Playwright (`scripts/setup.sh test` installs them).
#![cfg(not(target_arch = "wasm32"))]

mod page_corpus;

use igf_core::checks::{Report, Severity};
use igf_core::document::Document;
use igf_core::layout::layout;
use igf_core::model::draft::Draft;
use page_corpus::{Renderings, pdf_pages, report};

#[test]
#[ignore = "needs LibreOffice, poppler and Chromium: run by `make test-pages`"]
fn every_draft_has_the_live_page_count_in_every_paginated_export() {
    let drafts = page_corpus::corpus();
    assert_covers_every_stage(&drafts);
    let files = Renderings::export(&drafts, "page-truth");
    files.convert_docx(&drafts).unwrap_or_else(|e| panic!("{e}"));
    files.print_html(&drafts).unwrap_or_else(|e| panic!("{e}"));
    let rows: Vec<Row> = drafts.iter().map(|draft| Row::of(draft, &files)).collect();
    println!("{}", table(rows.iter()));
    let differing: Vec<&Row> = rows.iter().filter(|row| !row.agrees()).collect();
    assert!(
        differing.is_empty(),
        "{} of {} drafts do not have the same pages everywhere (their files are kept in {files}):\n{}",
        differing.len(),
        rows.len(),
        table(differing.iter().copied())
    );
    files.remove();
}

/// The corpus holds drafts at every stage: with findings of each severity as the most severe,
/// and with none; with and without co-facilitators; with an empty optional section.
fn assert_covers_every_stage(drafts: &[Draft]) {
    let worst: Vec<Option<Severity>> = drafts.iter().map(|d| worst(&report(d))).collect();
    for stage in [Some(Severity::MustFix), Some(Severity::ShouldFix), Some(Severity::Tip), None] {
        assert!(worst.contains(&stage), "no draft of the corpus has {stage:?} as its most severe finding");
    }
    assert!(drafts.iter().any(|d| d.details().co_facilitators.is_empty()), "no draft without co-facilitators");
    assert!(drafts.iter().any(|d| !d.details().co_facilitators.is_empty()), "no draft with co-facilitators");
    let empty_optional = |d: &Draft| d.template().sections.iter().enumerate().any(|(i, spec)| spec.optional && d.section(i).is_empty());
    assert!(drafts.iter().any(empty_optional), "no draft with an empty optional section");
}

fn worst(report: &Report) -> Option<Severity> {
    report.findings.iter().map(|f| f.severity).min()
}

/// One draft's pages, as each of the four counts them.
struct Row {
    id: String,
    stage: String,
    co_facilitators: usize,
    live_fraction: f64,
    live: usize,
    ours: Option<usize>,
    libreoffice: Option<usize>,
    chromium: Option<usize>,
}

impl Row {
    fn of(draft: &Draft, files: &Renderings) -> Row {
        let live = layout(&Document::final_version(draft));
        let report = report(draft);
        Row {
            id: draft.id.as_str().to_owned(),
            stage: worst(&report).map_or_else(|| "ready".to_owned(), |s| s.label().english()),
            co_facilitators: draft.details().co_facilitators.len(),
            live_fraction: live.fractional_pages(),
            live: live.pages(),
            ours: pdf_pages(&files.ours(draft)),
            libreoffice: pdf_pages(&files.libreoffice(draft)),
            chromium: pdf_pages(&files.chromium(draft)),
        }
    }

    fn agrees(&self) -> bool {
        [self.ours, self.libreoffice, self.chromium].iter().all(|&pages| pages == Some(self.live))
    }
}

fn table<'a>(rows: impl Iterator<Item = &'a Row>) -> String {
    let show = |pages: Option<usize>| pages.map_or("none".to_owned(), |p| p.to_string());
    let mut out = format!("{:<38} {:<10} {:>6} {:>6} {:>5} {:>5} {:>5} {:>5}\n", "draft", "worst", "people", "live", "pages", "PDF", "DOCX", "HTML");
    for row in rows {
        out.push_str(&format!(
            "{:<38} {:<10} {:>6} {:>6.2} {:>5} {:>5} {:>5} {:>5}{}\n",
            row.id,
            row.stage,
            row.co_facilitators,
            row.live_fraction,
            row.live,
            show(row.ours),
            show(row.libreoffice),
            show(row.chromium),
            if row.agrees() { "" } else { "  <- differs" }
        ));
    }
    out
}
