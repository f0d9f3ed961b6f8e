//! Helpers shared by the native integration tests.

// Each test binary uses a part of these helpers.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use igf_core::model::draft::{Details, MeetingFormat};
use igf_core::model::people::{CoFacilitator, Contact};

/// The title of Sample 1 of sample-proposals.md.
pub const SAMPLE_BPF_TITLE: &str = "Best Practice Forum on Multilingual Content and Universal Acceptance";

/// The section texts of Sample 1, in the template's order (the last, optional, left empty).
pub const SAMPLE_BPF_SECTIONS: [&str; 6] = [
    "Most of the next billion Internet users will read and write in languages other than English, yet many websites, email systems and forms still reject addresses and domain names in local scripts. This BPF would gather what registries, software makers, governments and communities already do to make content and identifiers work in every script (\"Universal Acceptance\"), and what holds them back.",
    "- Collect case studies of Universal Acceptance readiness from at least five regions.\n- Identify common obstacles: legacy validation code, missing fonts, input methods, policies.\n- Describe practices that helped local-language content grow, from public procurement rules to community translation projects.\n- Offer a short checklist that organisations can apply to their own systems.",
    "A report of about 30 pages with case studies and a one-page checklist, published before the annual meeting and kept as a living document that can be updated in later years.",
    "An open call for input on the IGF mailing lists and through national and regional IGF initiatives; two webinars in different time zones; a session at the annual meeting; and, after publication, presentations at regional registry and developer meetings, with the checklist translated into the six UN languages.",
    "One year: call for input in April and May, case-study interviews in June to August, drafting in September, public comment in October, final report at the annual meeting.",
    "",
];

/// Every detail a proposal needs, for a meeting far enough ahead that its deadline is to come.
pub fn complete_details(co_facilitators: Vec<CoFacilitator>) -> Details {
    Details {
        co_facilitators,
        meeting_date: "2027-03-14".into(),
        meeting_format: Some(MeetingFormat::FaceToFace),
        timeframe_start: "2027-04".into(),
        timeframe_end: "2027-12".into(),
        proposer: Contact { name: "Amina Diallo".into(), email: "amina.diallo@example.org".into() },
        code_of_conduct: true,
        ..Details::default()
    }
}

/// Every Rust source file below `dir`, at any depth.
pub fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// A JSON list of strings from the corpora in tests/corpus/ at the top of the repository.
pub fn corpus_strings(name: &str) -> Vec<String> {
    let path = format!("{}/../../tests/corpus/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Every string of the Big List of Naughty Strings (vendored in tests/corpus/).
pub fn blns() -> Vec<String> {
    let strings = corpus_strings("blns.json");
    assert!(strings.len() > 400, "blns has {} strings", strings.len());
    strings
}
