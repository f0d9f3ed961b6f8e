//! Holds a translation to the English catalogue: what a translator must mend before the
//! catalogue ships. `make test` runs it on every catalogue.

use super::catalogue::{Catalogue, Message, parameters};
use super::plural::{Category, categories};

/// Where English keys start that are never translated: text written into exported documents.
pub const FIXED_PREFIX: &str = "export.";

/// One thing wrong with a translation, against English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// English has the key and the translation does not.
    Missing { key: String },
    /// The translation has a key English does not.
    Extra { key: String },
    /// The translation has a key that always stays English.
    Fixed { key: String },
    /// English uses the parameter and the translation does not.
    UnusedParameter { key: String, parameter: String },
    /// The translation uses a parameter English does not have.
    UnknownParameter { key: String, parameter: String },
    /// A plural message lacks forms its language needs.
    MissingForms { key: String, forms: Vec<Category> },
    /// A plural message has a form its language never chooses.
    ExtraForms { key: String, forms: Vec<Category> },
    /// The translation has plural forms where English has one text.
    UnexpectedPlural { key: String },
}

/// Everything wrong with `other` against `english`, in key order.
pub fn check_against_english(other: &Catalogue, english: &Catalogue) -> Vec<Problem> {
    let mut problems = Vec::new();
    for key in english.keys() {
        let translatable = !key.starts_with(FIXED_PREFIX);
        if translatable && other.message(key).is_none() {
            problems.push(Problem::Missing { key: key.to_owned() });
        }
    }
    for key in other.keys() {
        let Some(source) = english.message(key) else {
            problems.push(Problem::Extra { key: key.to_owned() });
            continue;
        };
        if key.starts_with(FIXED_PREFIX) {
            problems.push(Problem::Fixed { key: key.to_owned() });
            continue;
        }
        let Some(translation) = other.message(key) else { continue };
        let owned = || key.to_owned();
        let (wanted, given) = (parameters(source), parameters(translation));
        for &parameter in wanted.iter().filter(|p| !given.contains(p)) {
            problems.push(Problem::UnusedParameter { key: owned(), parameter: parameter.to_owned() });
        }
        for &parameter in given.iter().filter(|p| !wanted.contains(p)) {
            problems.push(Problem::UnknownParameter { key: owned(), parameter: parameter.to_owned() });
        }
        match (source, translation) {
            (Message::Text(_), Message::Plural { .. }) => problems.push(Problem::UnexpectedPlural { key: owned() }),
            (Message::Plural { .. }, _) => {
                let has: Vec<Category> = match translation {
                    Message::Plural { forms, .. } => forms.iter().map(|(c, _)| *c).collect(),
                    Message::Text(_) => vec![Category::Other],
                };
                let needed = categories(other.lang());
                let missing: Vec<Category> = needed.iter().copied().filter(|c| !has.contains(c)).collect();
                if !missing.is_empty() {
                    problems.push(Problem::MissingForms { key: owned(), forms: missing });
                }
                let extra: Vec<Category> = has.into_iter().filter(|c| !needed.contains(c)).collect();
                if !extra.is_empty() {
                    problems.push(Problem::ExtraForms { key: owned(), forms: extra });
                }
            }
            (Message::Text(_), Message::Text(_)) => {}
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::{Problem, check_against_english};
    use crate::text::i18n::plural::Category;
    use crate::text::i18n::{Catalogue, Lang};

    const ENGLISH: &str = r#"{
        "a.plain": "Hello, {name}.",
        "a.count": {"$plural": "n", "one": "{n} page", "other": "{n} pages"},
        "export.notice": "Not ready."
    }"#;

    fn problems(lang: Lang, json: &str) -> Vec<Problem> {
        let english = Catalogue::parse(Lang::En, ENGLISH).unwrap();
        check_against_english(&Catalogue::parse(lang, json).unwrap(), &english)
    }

    #[test]
    fn each_kind_of_problem_is_found() {
        let key = |k: &str| k.to_owned();
        let table: &[(Lang, &str, &[Problem])] = &[
            (Lang::Fr, r#"{"a.plain": "Bonjour, {name}.", "a.count": {"$plural": "n", "one": "{n} page", "many": "{n} de pages", "other": "{n} pages"}}"#, &[]),
            (Lang::Zh, r#"{"a.plain": "你好，{name}。", "a.count": "{n} 页"}"#, &[]),
            (Lang::Fr, r#"{"a.count": {"$plural": "n", "one": "{n}", "many": "{n}", "other": "{n}"}}"#, &[Problem::Missing { key: key("a.plain") }]),
            (Lang::Zh, r#"{"a.plain": "{name}", "a.count": "{n}", "a.new": "x"}"#, &[Problem::Extra { key: key("a.new") }]),
            (Lang::Zh, r#"{"a.plain": "{name}", "a.count": "{n}", "export.notice": "未准备好。"}"#, &[Problem::Fixed { key: key("export.notice") }]),
            (Lang::Zh, r#"{"a.plain": "你好。", "a.count": "{n}"}"#, &[Problem::UnusedParameter { key: key("a.plain"), parameter: key("name") }]),
            (Lang::Zh, r#"{"a.plain": "{name} {nom}", "a.count": "{n}"}"#, &[Problem::UnknownParameter { key: key("a.plain"), parameter: key("nom") }]),
            (
                Lang::Ru,
                r#"{"a.plain": "{name}", "a.count": {"$plural": "n", "one": "{n} страница", "other": "{n} страницы"}}"#,
                &[Problem::MissingForms { key: key("a.count"), forms: vec![Category::Few, Category::Many] }],
            ),
            (
                Lang::Ar,
                r#"{"a.plain": "{name}", "a.count": "{n} صفحات"}"#,
                &[Problem::MissingForms { key: key("a.count"), forms: vec![Category::Zero, Category::One, Category::Two, Category::Few, Category::Many] }],
            ),
            (
                Lang::Zh,
                r#"{"a.plain": "{name}", "a.count": {"$plural": "n", "one": "{n}", "other": "{n}"}}"#,
                &[Problem::ExtraForms { key: key("a.count"), forms: vec![Category::One] }],
            ),
            (
                Lang::Zh,
                r#"{"a.plain": {"$plural": "name", "other": "{name}"}, "a.count": "{n}"}"#,
                &[Problem::UnexpectedPlural { key: key("a.plain") }],
            ),
        ];
        for (lang, json, expected) in table {
            assert_eq!(problems(*lang, json), *expected, "{lang:?} {json}");
        }
    }

    /// English without its fixed keys is a perfect translation of itself; with them, each
    /// fixed key is a problem.
    #[test]
    fn english_holds_to_itself_but_for_its_fixed_keys() {
        let english = crate::text::i18n::english();
        let serde_json::Value::Object(mut all) = serde_json::from_str(include_str!("../../../i18n/en.json")).unwrap() else { panic!() };
        let fixed: Vec<String> = all.keys().filter(|k| k.starts_with(super::FIXED_PREFIX)).cloned().collect();
        assert!(!fixed.is_empty());
        let with_fixed = Catalogue::parse(Lang::En, &serde_json::Value::Object(all.clone()).to_string()).unwrap();
        let problems: Vec<Problem> = fixed.iter().map(|key| Problem::Fixed { key: key.clone() }).collect();
        assert_eq!(check_against_english(&with_fixed, english), problems);
        all.retain(|key, _| !key.starts_with(super::FIXED_PREFIX));
        let translatable = Catalogue::parse(Lang::En, &serde_json::Value::Object(all).to_string()).unwrap();
        assert_eq!(check_against_english(&translatable, english), []);
    }
}
