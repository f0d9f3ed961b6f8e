//! Page-count accuracy harness (`make bench`): a generated corpus of drafts from about 200 to
//! 3,500 words, with lists, long words, URLs and names in several scripts. For each draft it
//! compares the live count (the page engine) with our own PDF, with LibreOffice's rendering of
//! our DOCX (`soffice --headless --convert-to pdf`, then `pdfinfo`), with Chromium's print of our
//! HTML (`scripts/print-html.mjs`), and with the naive 500-words-a-page rule; and the lines on the
//! last page (`pdftotext`). Prints the table and the agreement; asserts nothing (the PDF's
//! equality is a test in tests/exports.rs).

use std::fs;
use std::path::Path;
use std::process::Command;

use igf_proposal_editor::core::draft::{Draft, DraftId};
use igf_proposal_editor::core::export::{Document, docx, html, pdf};
use igf_proposal_editor::core::layout::{Typeset, layout, typeset};
use igf_proposal_editor::core::people::{CoFacilitator, StakeholderGroup};
use igf_proposal_editor::core::template::Kind;

const WORDS: &[&str] = &[
    "governance", "the", "Internet", "multistakeholder", "of", "and", "registries", "acceptance", "in", "policy",
    "state-of-the-art", "https://www.intgovforum.org/en/content/best-practice-forums", "Ærøskøbing", "a", "to",
    "community", "for", "connectivity", "infrastructure", "with", "Nguyễn", "Łódź", "Müller", "cybersecurity",
    "open", "data", "is", "by", "on", "C:\\Users\\report", "what?Now", "standards", "interoperability", "local",
];

/// A deterministic pseudo-random stream, so the corpus is the same on every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % below
    }
}

fn sentence(rng: &mut Lcg, words: usize) -> String {
    let mut text: Vec<&str> = (0..words).map(|_| WORDS[rng.next(WORDS.len())]).collect();
    text[0] = "Forums";
    text.join(" ") + "."
}

fn draft(n: usize, target_words: usize) -> Draft {
    let mut rng = Lcg(n as u64 + 7);
    let kind = Kind::ALL[n % 3];
    let mut draft = Draft::new(DraftId::parse(&format!("c{n}")).unwrap(), kind, 0);
    draft.set_title(format!("Proposal {n}: {}", sentence(&mut rng, 6)), 1);
    let sections = kind.template().sections.len();
    for index in 0..sections {
        let mut text = String::new();
        let mut words = 0;
        while words < target_words / sections {
            let len = 8 + rng.next(30);
            if rng.next(4) == 0 {
                text.push_str(&format!("- {}\n", sentence(&mut rng, len)));
            } else {
                text.push_str(&format!("\n{}\n\n", sentence(&mut rng, len)));
            }
            words += len;
        }
        draft.set_section(index, text.trim().to_owned(), 2);
    }
    draft.edit_details(3, |d| {
        d.co_facilitators = ["Amina Diallo", "Мария Иванова", "Nguyễn Văn An"]
            .iter()
            .map(|name| CoFacilitator { name: (*name).into(), group: Some(StakeholderGroup::CivilSociety), mag_member: true, ..Default::default() })
            .collect();
    });
    draft
}

/// Lines with visible text on each page, as `pdftotext` would count them (it skips empty lines).
fn text_lines_per_page(set: &Typeset) -> Vec<usize> {
    set.pages
        .iter()
        .map(|lines| {
            lines
                .iter()
                .filter(|line| {
                    let paragraph = &set.paragraphs[line.paragraph];
                    paragraph.cells.iter().zip(&set.breaks[line.paragraph]).any(|(cell, starts)| {
                        starts.get(line.line).is_some_and(|&start| {
                            let end = starts.get(line.line + 1).copied().unwrap_or(cell.len());
                            cell[start..end].iter().any(|(c, _)| !c.is_whitespace())
                        })
                    })
                })
                .count()
        })
        .collect()
}

fn pdf_pages(path: &Path) -> Option<usize> {
    let out = Command::new("pdfinfo").arg(path).output().ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    text.lines().find_map(|l| l.strip_prefix("Pages:")).and_then(|n| n.trim().parse().ok())
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
    let dir = std::env::temp_dir().join(format!("igf-pages-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let corpus: Vec<(Draft, usize)> = (0..40).map(|n| (n, 200 + n * 85)).map(|(n, w)| (draft(n, w), w)).collect();
    for (draft, _) in &corpus {
        let doc = Document::final_version(draft);
        fs::write(dir.join(format!("{}.docx", draft.id.as_str())), docx::export(draft, &doc)).unwrap();
        fs::write(dir.join(format!("{}-ours.pdf", draft.id.as_str())), pdf::export(&doc)).unwrap();
        fs::write(dir.join(format!("{}.html", draft.id.as_str())), html::export(draft, &doc)).unwrap();
    }
    let html_files: Vec<_> = corpus.iter().map(|(d, _)| dir.join(format!("{}.html", d.id.as_str()))).collect();
    let printed = Command::new("node")
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/print-html.mjs"))
        .args(&html_files)
        .output()
        .is_ok_and(|o| o.status.success());
    let docx_files: Vec<_> = corpus.iter().map(|(d, _)| dir.join(format!("{}.docx", d.id.as_str()))).collect();
    let profile = format!("-env:UserInstallation=file://{}", dir.join("lo-profile").display());
    let converted = Command::new("soffice")
        .args([profile.as_str(), "--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.join("lo"))
        .args(&docx_files)
        .output()
        .is_ok_and(|o| o.status.success());
    println!(
        "{:<6} {:>6} {:>7} {:>5} {:>5} {:>5} {:>6}   {:>9} {:>9} {:>9}",
        "draft", "words", "live", "ours", "LO", "Chr", "naive", "last:live", "LO", "Chr"
    );
    let mut agree = [0usize; 4]; // ours, LibreOffice, Chromium, naive (against LibreOffice)
    let mut within = [0usize; 2];
    let mut line_error = [0usize; 2];
    let mut counted = [0usize; 2];
    // Whole-document error in lines against LibreOffice: the page engine and the naive rule.
    let (mut ours_lines_error, mut naive_lines_error, mut lines_counted) = (0.0f64, 0.0f64, 0usize);
    for (draft, _) in &corpus {
        let id = draft.id.as_str();
        let live = layout(&Document::final_version(draft));
        let visible = text_lines_per_page(&typeset(&Document::final_version(draft)));
        let last_live = visible.last().copied().unwrap_or(0);
        let ours = pdf_pages(&dir.join(format!("{id}-ours.pdf")));
        let lo_pdf = dir.join("lo").join(format!("{id}.pdf"));
        let chromium_pdf = dir.join(format!("{id}.chromium.pdf"));
        let others = [converted.then(|| pdf_pages(&lo_pdf)).flatten(), printed.then(|| pdf_pages(&chromium_pdf)).flatten()];
        let last_lines = [&lo_pdf, &chromium_pdf].map(|pdf| last_page_lines(pdf));
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
        if let Some(actual) = converted.then(|| text_lines(&lo_pdf, &[])).flatten() {
            let ours_total: usize = visible.iter().sum();
            // The naive rule's 500 words fill a page of 49.85 lines of 14 pt.
            let naive_total = words as f64 / 500.0 * 49.85;
            ours_lines_error += ours_total.abs_diff(actual) as f64;
            naive_lines_error += (naive_total - actual as f64).abs();
            lines_counted += 1;
        }
        let show = |v: Option<usize>| v.map_or("-".to_owned(), |p| p.to_string());
        println!(
            "{id:<6} {words:>6} {:>7.2} {:>5} {:>5} {:>5} {naive:>6}   {last_live:>9} {:>9} {:>9}",
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
    let _ = fs::remove_dir_all(&dir);
}
