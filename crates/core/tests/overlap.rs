//! How often the related-existing-work matcher is right, measured on a labelled corpus
//! (overlap_corpus.json beside this file): titles and themes written as proposers write them,
//! each with the existing work a MAG reader would expect it to address, and proposals that only
//! mention the same common words in passing. Recall and precision are counted per (entry, work)
//! pair and printed; run with `--nocapture` to see them.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use igf_core::checks::existing_work::{EXISTING_WORK, related_work};

struct Entry {
    id: String,
    title: String,
    theme: String,
    expected: BTreeSet<String>,
}

fn corpus() -> Vec<Entry> {
    let path = format!("{}/tests/overlap_corpus.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let json: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    let field = |entry: &serde_json::Value, key: &str| entry[key].as_str().unwrap_or_else(|| panic!("{entry}: no {key}")).to_owned();
    json["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .map(|entry| Entry {
            id: field(entry, "id"),
            title: field(entry, "title"),
            theme: field(entry, "theme"),
            expected: entry["expected"].as_array().expect("expected").iter().map(|n| n.as_str().unwrap().to_owned()).collect(),
        })
        .collect()
}

struct Score {
    true_positives: usize,
    false_positives: usize,
    false_negatives: usize,
    misses: Vec<String>,
    false_alarms: Vec<String>,
}

impl Score {
    fn recall(&self) -> f64 {
        self.true_positives as f64 / (self.true_positives + self.false_negatives).max(1) as f64
    }

    fn precision(&self) -> f64 {
        self.true_positives as f64 / (self.true_positives + self.false_positives).max(1) as f64
    }
}

fn score(entries: &[Entry]) -> Score {
    let mut score = Score { true_positives: 0, false_positives: 0, false_negatives: 0, misses: Vec::new(), false_alarms: Vec::new() };
    for entry in entries {
        let got: BTreeSet<String> = related_work(&entry.title, &entry.theme).iter().map(|w| w.name.to_owned()).collect();
        score.true_positives += got.intersection(&entry.expected).count();
        for name in entry.expected.difference(&got) {
            score.false_negatives += 1;
            score.misses.push(format!("{}: missed {name:?}", entry.id));
        }
        for name in got.difference(&entry.expected) {
            score.false_positives += 1;
            score.false_alarms.push(format!("{}: false alarm {name:?}", entry.id));
        }
    }
    score
}

#[test]
fn the_corpus_is_large_labels_real_works_and_covers_every_work() {
    let entries = corpus();
    let known: BTreeSet<&str> = EXISTING_WORK.iter().map(|w| w.name).collect();
    assert!(entries.len() >= 80, "{} entries", entries.len());
    let ids: BTreeSet<&str> = entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids.len(), entries.len(), "entry ids must be unique");
    for entry in &entries {
        for name in &entry.expected {
            assert!(known.contains(name.as_str()), "{}: {name:?} is not the name of an existing work", entry.id);
        }
    }
    for work in EXISTING_WORK {
        assert!(entries.iter().any(|e| e.expected.contains(work.name)), "no entry is labelled with {:?}", work.name);
    }
    assert!(entries.iter().filter(|e| e.expected.is_empty()).count() >= 30, "too few negatives");
    assert!(ids.contains("sample-1") && ids.contains("sample-2"), "the sample proposals belong in the corpus");
}

#[test]
fn recall_and_precision_on_the_labelled_corpus() {
    let entries = corpus();
    let positives = entries.iter().filter(|e| !e.expected.is_empty()).count();
    let score = score(&entries);
    println!(
        "overlap corpus: {} entries ({positives} with expected overlaps, {} without), {} labelled overlaps",
        entries.len(),
        entries.len() - positives,
        score.true_positives + score.false_negatives
    );
    println!(
        "recall {:.1}% ({} of {}), precision {:.1}% ({} of {} findings)",
        100.0 * score.recall(),
        score.true_positives,
        score.true_positives + score.false_negatives,
        100.0 * score.precision(),
        score.true_positives,
        score.true_positives + score.false_positives
    );
    let alarmed = entries.iter().filter(|e| e.expected.is_empty() && !related_work(&e.title, &e.theme).is_empty()).count();
    println!("{alarmed} of {} proposals without an expected overlap get a related-work finding", entries.len() - positives);
    for line in score.misses.iter().chain(&score.false_alarms) {
        println!("  {line}");
    }
    assert!(
        score.misses.is_empty() && score.false_alarms.is_empty(),
        "recall {:.1}%, precision {:.1}%: the matcher must find every labelled overlap and raise no false alarm on the corpus",
        100.0 * score.recall(),
        100.0 * score.precision()
    );
}
