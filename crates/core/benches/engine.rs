//! Native engine benchmarks on drafts of 1, 3 and 30 pages, so the growth with size shows: the
//! checks (which include the page layout), with the page view drawn after them, the layout
//! alone, each export, the storage encoding
//! and the share codec; and the import of a ten-page foreign DOCX made by LibreOffice (budget:
//! 100 ms). Run by `make bench`, which also reads the figures from
//! target/bench/engine.json. Timings are medians over many runs; they are printed, never
//! asserted (machines are shared).

#[path = "../tests/pdf/mod.rs"]
mod pdf;

use std::hint::black_box;
use std::time::{Duration, Instant};

use pdf::fonts;
use igf_core::checks::{Checker, check};
use igf_core::document::{Document, Manifest};
use igf_core::formats::import::{self, Imported};
use igf_core::formats::{Format, render};
use igf_core::layout::layout;
use igf_core::model::envelope;
use igf_core::model::calendar::CivilDate;
use igf_core::model::draft::{Draft, DraftId};
use igf_core::model::settings::Settings;
use igf_core::model::template::Kind;
use igf_core::sharing::link as share;
use igf_core::text::words::count_words;

const PARAGRAPH: &str = "The forum collects **existing practice** from registries, software makers and \
    governments, and compares what each [case study](https://example.org/cases/a-long-path) found. \
    Case studies from Africa, Asia, Europe and the Americas show how *Universal Acceptance* grows.";

/// A BPF draft of about `pages` pages at 500 words a page, spread over its sections.
fn draft_of(pages: usize) -> Draft {
    let mut draft = Draft::new(DraftId::parse("bench").unwrap(), Kind::NewBpf, 0);
    draft.set_title("Best Practice Forum on Multilingual Content".into(), 1);
    let sections = draft.template().sections.len();
    let per_section = pages * 500 / sections;
    for index in 0..sections {
        let mut text = String::new();
        while count_words(&text) < per_section {
            text.push_str(if index % 2 == 0 { "- " } else { "" });
            text.push_str(PARAGRAPH);
            text.push_str("\n\n");
        }
        draft.set_section(index, text, 2);
    }
    draft
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn time(runs: usize, mut f: impl FnMut()) -> Duration {
    for _ in 0..runs.min(20) {
        f();
    }
    median(
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                f();
                start.elapsed()
            })
            .collect(),
    )
}

/// The median time of `f` right after a keystroke in the middle section of `draft` (a character
/// typed, then deleted, in turn), the edit included: what the live checks cost per key.
fn keystroke(draft: &Draft, runs: usize, mut f: impl FnMut(&Draft)) -> Duration {
    let mut draft = draft.clone();
    let index = draft.template().sections.len() / 2;
    let original = draft.section(index).to_owned();
    let typed = format!("{original}x");
    f(&draft);
    let mut n = 0u64;
    time(runs, || {
        n += 1;
        let text = if n % 2 == 1 { typed.clone() } else { original.clone() };
        draft.set_section(index, text, 10 + n);
        f(&draft);
    })
}

/// One figure: what was timed, on how many pages, and its median.
struct Row {
    name: String,
    pages: usize,
    median: Duration,
}

fn main() {
    let today = CivilDate::new(2026, 11, 29).unwrap();
    let settings = Settings::default();
    let mut rows = Vec::new();
    println!("{:<36} {:>6} {:>12}", "engine (native, median)", "pages", "time");
    let mut record = |name: &str, pages: usize, median: Duration| {
        println!("{name:<36} {pages:>6} {:>9.1} µs", median.as_secs_f64() * 1e6);
        rows.push(Row { name: name.to_owned(), pages, median });
    };
    for pages in [1, 3, 30] {
        let draft = draft_of(pages);
        let runs = if pages == 30 { 30 } else { 300 };
        let mut checker = Checker::default();
        record("checks, whole draft", pages, time(runs, || {
            black_box(check(black_box(&draft), today, &settings));
        }));
        record("checks + layout, per keystroke", pages, keystroke(&draft, runs, |d| {
            black_box(checker.check(d, today, &settings));
        }));
        // With the page view open: the pages drawn from the lines the check just laid out.
        let manifest = Manifest::of(&draft);
        record("checks + page view, per keystroke", pages, keystroke(&draft, runs, |d| {
            let report = checker.check(d, today, &settings);
            black_box(checker.page_counter().pages(d, report.must_fix(), manifest.clone()));
        }));
        record("layout (page engine)", pages, time(runs, || {
            black_box(layout(&Document::final_version(black_box(&draft))));
        }));
        let report = check(&draft, today, &settings);
        for format in Format::ALL {
            let runs = if pages == 30 { 10 } else { 50 };
            record(&format!("export {}", format.extension()), pages, time(runs, || {
                black_box(render(black_box(&draft), &report, format, fonts()).unwrap());
            }));
        }
        let link = || share::fragment(&share::Link { content: share::Content::Draft, body: share::Body::Plain(share::pack(&share::Payload::Draft(draft.clone())).1) });
        record("share link, make", pages, time(runs, || {
            black_box(link());
        }));
        let made = link();
        record("share link, open", pages, time(runs, || {
            let opened = share::parse(black_box(&made)).expect("our own link");
            let share::Body::Plain(packed) = opened.body else { unreachable!("a plain link") };
            black_box(share::unpack(opened.content, &packed).expect("our own payload"));
        }));
        record("storage envelope encode", pages, time(runs, || {
            black_box(envelope::encode(black_box(&draft)));
        }));
    }
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import/lo-ten-pages.docx");
    let docx = std::fs::read(path).expect("the ten-page fixture (scripts/import-fixtures.sh)");
    let imported = import::read("ten-pages.docx", &docx, DraftId::parse("bench").unwrap(), 0);
    let Ok(Imported::Foreign(foreign)) = imported else { panic!("the ten-page DOCX imports as a foreign file") };
    let pages = foreign.draft.total_words() / 500;
    record("import foreign docx (budget 100 ms)", pages, time(30, || {
        black_box(import::read("ten-pages.docx", black_box(&docx), DraftId::parse("bench").unwrap(), 0).is_ok());
    }));
    write_json(&rows);
}

/// target/bench/engine.json, for the table of `make bench`.
fn write_json(rows: &[Row]) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/bench");
    let rows: Vec<serde_json::Value> = rows
        .iter()
        .map(|r| serde_json::json!({ "name": r.name, "pages": r.pages, "micros": r.median.as_secs_f64() * 1e6 }))
        .collect();
    let written = std::fs::create_dir_all(&dir)
        .and_then(|()| std::fs::write(dir.join("engine.json"), serde_json::json!({ "rows": rows }).to_string()));
    if let Err(error) = written {
        eprintln!("engine bench: could not write {}: {error}", dir.join("engine.json").display());
    }
}
