//! Page-count accuracy harness (`make bench`), over the page corpus of the page-equality test
//! (`tests/page_corpus`: generated drafts from about 200 to 3,500 words, with lists, long words,
//! URLs and names in several scripts, and drafts at each stage of writing). For each draft it
//! compares the live count (the page engine) with our own PDF, with LibreOffice's rendering of
//! our DOCX (`soffice --headless --convert-to pdf`, then `pdfinfo`), with Chromium's print of our
//! HTML (`scripts/print-html.mjs`), and with the naive 500-words-a-page rule; and the lines on the
//! last page (`pdftotext`). Prints the table and the agreement; asserts nothing (the equality of
//! the page counts is a test: crates/core/tests/pages.rs).

#[path = "../tests/page_corpus/mod.rs"]
mod page_corpus;

use std::path::Path;
use std::process::Command;

use igf_core::document::Document;
use igf_core::layout::Typeset;
use igf_core::layout::layout;
use igf_core::layout::typeset;
use page_corpus::{Renderings, pdf_pages};

/// Lines with visible text on each page, as `pdftotext` would count them (it skips empty lines).
fn text_lines_per_page(set: &Typeset) -> Vec<usize> {
    set.pages
        .iter()
        .map(|lines| {
            lines
                .iter()
                .filter(|line| set.paragraphs[line.paragraph].line_cells(&set.breaks[line.paragraph], line.line).next().is_some())
                .count()
        })
        .collect()
}

/// Text lines on the last page of a PDF, as `pdftotext` reads them.
fn last_page_lines(path: &Path) -> Option<usize> {
    let pages = pdf_pages(path)?;
    text_lines(path, &["-f", &pages.to_string(), "-l", &pages.to_string()])
}

/// Non-empty text lines of a PDF (or of the pages the arguments select).
fn text_lines(path: &Path, pages: &[&str]) -> Option<usize> {
    let out = Command::new("pdftotext").args(pages).arg("-layout").arg(path).arg("-").output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).lines().filter(|l| !l.trim().trim_matches('\u{c}').trim().is_empty()).count())
}

fn main() {
    let corpus = page_corpus::corpus();
    let files = Renderings::export(&corpus, "pages-bench");
    let report_failure = |result: Result<(), String>| result.map_err(|e| println!("{e}")).is_ok();
    let converted = report_failure(files.convert_docx(&corpus));
    let printed = report_failure(files.print_html(&corpus));
    println!(
        "{:<38} {:>6} {:>7} {:>5} {:>5} {:>5} {:>6}   {:>9} {:>9} {:>9}",
        "draft", "words", "live", "ours", "LO", "Chr", "naive", "last:live", "LO", "Chr"
    );
    let mut agree = [0usize; 4]; // ours, LibreOffice, Chromium, naive (against LibreOffice)
    let mut within = [0usize; 2];
    let mut line_error = [0usize; 2];
    let mut counted = [0usize; 2];
    // Whole-document error in lines against LibreOffice: the page engine and the naive rule.
    let (mut ours_lines_error, mut naive_lines_error, mut lines_counted) = (0.0f64, 0.0f64, 0usize);
    for draft in &corpus {
        let id = draft.id.as_str();
        let live = layout(&Document::final_version(draft));
        let visible = text_lines_per_page(&typeset(&Document::final_version(draft)));
        let last_live = visible.last().copied().unwrap_or(0);
        let ours = pdf_pages(&files.ours(draft));
        let (lo_pdf, chromium_pdf) = (files.libreoffice(draft), files.chromium(draft));
        let others = [converted.then(|| pdf_pages(&lo_pdf)).flatten(), printed.then(|| pdf_pages(&chromium_pdf)).flatten()];
        // pdftotext also reads the not-ready line in the margin of each page, which the layout
        // leaves out of the text area.
        let margin_lines = usize::from(!page_corpus::report(draft).ready());
        let last_lines = [&lo_pdf, &chromium_pdf].map(|pdf| last_page_lines(pdf).map(|n| n.saturating_sub(margin_lines)));
        let words = draft.total_words();
        let naive = words.div_ceil(500).max(1);
        agree[0] += usize::from(ours == Some(live.pages()));
        for k in 0..2 {
            if let (Some(pages), Some(lines)) = (others[k], last_lines[k]) {
                counted[k] += 1;
                agree[k + 1] += usize::from(pages == live.pages());
                let error = lines.abs_diff(last_live);
                line_error[k] += error;
                within[k] += usize::from(pages == live.pages() && error <= 3);
            }
        }
        agree[3] += usize::from(others[0] == Some(naive));
        let lo_text_lines = converted.then(|| text_lines(&lo_pdf, &[])).flatten();
        if let (Some(lines), Some(pages)) = (lo_text_lines, others[0]) {
            let actual = lines.saturating_sub(margin_lines * pages);
            let ours_total: usize = visible.iter().sum();
            // The naive rule's 500 words fill a page of 49.85 lines of 14 pt.
            let naive_total = words as f64 / 500.0 * 49.85;
            ours_lines_error += ours_total.abs_diff(actual) as f64;
            naive_lines_error += (naive_total - actual as f64).abs();
            lines_counted += 1;
        }
        let show = |v: Option<usize>| v.map_or("-".to_owned(), |p| p.to_string());
        println!(
            "{id:<38} {words:>6} {:>7.2} {:>5} {:>5} {:>5} {naive:>6}   {last_live:>9} {:>9} {:>9}",
            live.fractional_pages(),
            show(ours),
            show(others[0]),
            show(others[1]),
            show(last_lines[0]),
            show(last_lines[1])
        );
    }
    let total = corpus.len();
    println!("our PDF has the live page count: {} of {total}", agree[0]);
    for (k, name) in ["LibreOffice (DOCX)", "Chromium (HTML)"].iter().enumerate() {
        if counted[k] == 0 {
            println!("{name}: not run (tool missing or failed)");
            continue;
        }
        println!(
            "{name}: same page count {} of {}, and last page within 3 lines {} of {}; mean error on the last page {:.1} lines",
            agree[k + 1], counted[k], within[k], counted[k], line_error[k] as f64 / counted[k] as f64
        );
    }
    println!("naive 500-words-a-page rule against LibreOffice: {} of {}", agree[3], counted[0]);
    if lines_counted > 0 {
        println!(
            "mean error in lines over the whole document against LibreOffice: page engine {:.1}, naive rule {:.1}",
            ours_lines_error / lines_counted as f64,
            naive_lines_error / lines_counted as f64
        );
    }
    files.remove();
}
