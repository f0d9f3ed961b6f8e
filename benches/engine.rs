//! Native engine benchmarks: checks (which include the page layout), the layout alone and the
//! storage encoding, on drafts of 1, 3 and 30 pages. Run by `make bench`.
//! Timings are medians over many runs; they are printed, never asserted (machines are shared).

use std::hint::black_box;
use std::time::{Duration, Instant};

use igf_proposal_editor::core::calendar::CivilDate;
use igf_proposal_editor::core::checks::check;
use igf_proposal_editor::core::draft::{Draft, DraftId};
use igf_proposal_editor::core::envelope;
use igf_proposal_editor::core::export::Document;
use igf_proposal_editor::core::layout::layout;
use igf_proposal_editor::core::settings::Settings;
use igf_proposal_editor::core::template::Kind;
use igf_proposal_editor::core::words::count_words;

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

fn main() {
    let today = CivilDate::new(2026, 11, 29).unwrap();
    let settings = Settings::default();
    println!("{:<28} {:>8} {:>14}", "engine (native, median)", "pages", "time");
    for pages in [1, 3, 30] {
        let draft = draft_of(pages);
        let runs = if pages == 30 { 50 } else { 500 };
        let checks = time(runs, || {
            black_box(check(black_box(&draft), today, &settings));
        });
        println!("{:<28} {:>8} {:>11.1} µs", "checks (all rules)", pages, checks.as_secs_f64() * 1e6);
        let pages_laid_out = time(runs, || {
            black_box(layout(&Document::final_version(black_box(&draft))));
        });
        println!("{:<28} {:>8} {:>11.1} µs", "layout (page engine)", pages, pages_laid_out.as_secs_f64() * 1e6);
        let encode = time(runs, || {
            black_box(envelope::encode(black_box(&draft)));
        });
        println!("{:<28} {:>8} {:>11.1} µs", "storage envelope encode", pages, encode.as_secs_f64() * 1e6);
    }
}
