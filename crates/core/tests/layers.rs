//! The layers of the core, kept by a test: each folder of `src/` may use only the folders below it
//! (ARCHITECTURE.md draws them), so no import circle can creep in between two folders; and no
//! manifest of the pure crates names a browser crate.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::fs;
use std::collections::BTreeSet;
use std::path::Path;

use common::rust_files;

/// Each layer and the layers it may use.
const LAYERS: &[(&str, &[&str])] = &[
    ("text", &[]),
    ("model", &["text"]),
    ("document", &["model", "text"]),
    ("layout", &["document", "model", "text"]),
    ("checks", &["layout", "model", "text"]),
    ("sharing", &["document", "model", "text"]),
    ("formats", &["checks", "document", "layout", "model", "sharing", "text"]),
    ("store", &["checks", "model", "text"]),
];

/// What the crate's root holds besides the layers: macros, which `#[macro_export]` puts there.
const ROOT_MACROS: &[&str] = &["display_in_english"];

const BROWSER_CRATES: &[&str] = &["leptos", "web-sys", "js-sys", "wasm-bindgen", "gloo"];


/// The layers a folder's code names as `crate::<layer>`.
fn used_layers(folder: &Path) -> BTreeSet<String> {
    let mut files = Vec::new();
    rust_files(folder, &mut files);
    let mut used = BTreeSet::new();
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        for (at, _) in text.match_indices("crate::") {
            let name: String = text[at + 7..].chars().take_while(|c| c.is_ascii_lowercase() || *c == '_').collect();
            used.insert(name);
        }
    }
    used
}

#[test]
fn every_folder_of_the_core_uses_only_the_layers_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut folders: Vec<String> = fs::read_dir(&src)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    folders.sort();
    let mut known: Vec<String> = LAYERS.iter().map(|(name, _)| (*name).to_owned()).collect();
    known.sort();
    assert_eq!(folders, known, "every folder of crates/core/src is a layer of this table");
    for (layer, allowed) in LAYERS {
        for used in used_layers(&src.join(layer)).into_iter().filter(|used| !ROOT_MACROS.contains(&used.as_str())) {
            assert!(
                used == *layer || allowed.contains(&used.as_str()),
                "{layer} uses crate::{used}, which is not below it"
            );
        }
    }
}

#[test]
fn the_pure_crates_name_no_browser_crate() {
    for manifest in ["Cargo.toml", "../codecs/Cargo.toml"] {
        let text = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(manifest)).unwrap();
        for line in text.lines().filter(|l| !l.trim_start().starts_with('#')) {
            let name = line.split(['=', '.']).next().unwrap_or_default().trim();
            assert!(
                !BROWSER_CRATES.iter().any(|b| name.starts_with(b)),
                "{manifest} names the browser crate {name}"
            );
        }
    }
}
