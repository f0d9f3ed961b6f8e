//! Helpers shared by the native integration tests.

// Each test binary uses a part of these helpers.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

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
