//! The English catalogue against the code: every key the code names is in `i18n/en.json`, and
//! every key there is named somewhere. Keys are written literally, as `Msg::new("…")` (or
//! `Key("…")` in a constant) in any crate or `t("…")` in the UI, so reading the sources finds
//! them all.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use common::rust_files;
use igf_core::text::i18n::{Catalogue, Lang, english};


/// The keys named in `text` before its tests: the literal after `Msg::new(`, `Key(` or a `t(`
/// that is not the end of a longer name.
fn keys_in(text: &str) -> Vec<String> {
    let code = text.split("#[cfg(test)]").next().unwrap_or_default();
    let mut keys = Vec::new();
    for opener in ["Msg::new(\"", "Key(\"", "t(\""] {
        for (at, _) in code.match_indices(opener) {
            let before = code[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            let rest = &code[at + opener.len()..];
            keys.push(rest[..rest.find('"').unwrap()].to_owned());
        }
    }
    keys
}

fn used_keys() -> BTreeSet<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    for entry in fs::read_dir(root.join("crates")).unwrap() {
        rust_files(&entry.unwrap().path().join("src"), &mut files);
    }
    files.iter().flat_map(|f| keys_in(&fs::read_to_string(f).unwrap())).collect()
}

#[test]
fn every_key_the_code_names_is_in_the_english_catalogue_and_back() {
    let catalogue: BTreeSet<String> = english().keys().map(str::to_owned).collect();
    let used = used_keys();
    let missing: Vec<&String> = used.difference(&catalogue).collect();
    let unused: Vec<&String> = catalogue.difference(&used).collect();
    assert!(missing.is_empty(), "named in the code but not in en.json: {missing:?}");
    assert!(unused.is_empty(), "in en.json but named nowhere: {unused:?}");
}

#[test]
fn keys_are_found_in_their_one_literal_form() {
    let table: &[(&str, &[&str])] = &[
        ("Msg::new(\"a.b\").arg(\"n\", 1)", &["a.b"]),
        ("view! { <p>{t(\"c.d\")}</p> }", &["c.d"]),
        ("guidance: Key(\"g.h\"),", &["g.h"]),
        ("text.split(\"x\"); format!(\"y\"); PublicKey(\"z\"); Other::t(\"w\")", &[]),
        ("fn f() { t(\"e.f\") }\n#[cfg(test)]\nmod tests { Msg::new(\"only.test\") }", &["e.f"]),
    ];
    for (text, expected) in table {
        assert_eq!(keys_in(text), *expected, "{text}");
    }
}

#[test]
fn english_keys_are_dotted_lowercase_names() {
    for key in english().keys() {
        let well_formed = key.split('.').count() >= 2
            && key.split('.').all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'));
        assert!(well_formed, "{key:?} is not a dotted lowercase name");
    }
    assert_eq!(Catalogue::parse(Lang::En, include_str!("../i18n/en.json")).as_ref(), Ok(english()));
}

/// The interface names of what documents and files spell in English are the same words in English.
#[test]
fn english_names_in_the_interface_are_the_labels_documents_write() {
    use igf_core::model::draft::MeetingFormat;
    use igf_core::model::people::{Region, StakeholderGroup};
    use igf_core::model::template::Kind;
    let mut pairs: Vec<(String, &str)> = Vec::new();
    pairs.extend(Kind::ALL.map(|k| (k.msg().english(), k.label())));
    pairs.extend(StakeholderGroup::ALL.map(|g| (g.msg().english(), g.label())));
    pairs.extend(Region::ALL.map(|r| (r.msg().english(), r.label())));
    pairs.extend(MeetingFormat::ALL.map(|f| (f.msg().english(), f.label())));
    for (shown, label) in pairs {
        assert_eq!(shown, label);
    }
}

/// The marker documents write is the one the interface quotes.
#[test]
fn the_not_ready_marker_is_the_fixed_english_key() {
    use igf_core::document::{NOT_READY_KEY, NOT_READY_TITLE};
    assert_eq!(NOT_READY_KEY.english(), NOT_READY_TITLE);
    assert!(NOT_READY_KEY.0.starts_with("export."));
}

/// Every other language holds to English: no key missing or extra, the same parameters, every
/// plural form its language needs. Adding an English message without translating it fails here.
#[test]
fn every_catalogue_holds_to_the_english_one() {
    use igf_core::text::i18n::check_against_english;
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("i18n");
    for lang in Lang::ALL.into_iter().filter(|&l| l != Lang::En) {
        let path = dir.join(format!("{}.json", lang.tag()));
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let catalogue = Catalogue::parse(lang, &text).unwrap_or_else(|e| panic!("{e}"));
        let problems = check_against_english(&catalogue, english());
        assert!(problems.is_empty(), "{} has {} problems: {problems:#?}", lang.tag(), problems.len());
    }
}
