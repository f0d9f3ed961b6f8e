//! A catalogue: one language's messages, read from its JSON file.
//!
//! The file is one flat JSON object from key to message. A message is a string, in which
//! `{name}` stands for the argument `name` (`{{` and `}}` write a brace), or, when it depends on
//! a number, an object of plural forms: `"$plural"` names the numeric argument that chooses,
//! and one string per CLDR category of the language ("zero", "one", "two", "few", "many",
//! "other"; "other" is required), e.g.
//! `{"$plural": "count", "one": "{count} page", "other": "{count} pages"}`.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde_json::Value;

use super::plural::{Category, Operands, category};
use super::{Arg, Dir, Join, Key, Lang, Msg};

/// Unicode's bidirectional isolates, around text of another direction inside a sentence.
const FIRST_STRONG_ISOLATE: char = '\u{2068}';
const POP_DIRECTIONAL_ISOLATE: char = '\u{2069}';

/// The member of a plural object that names the argument choosing the form.
pub const PLURAL: &str = "$plural";

#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Message {
    Text(String),
    Plural { on: String, forms: Vec<(Category, String)> },
}

impl Message {
    /// Every form of the message: the text, or each plural form.
    pub(super) fn forms(&self) -> Vec<&str> {
        match self {
            Message::Text(text) => vec![text],
            Message::Plural { forms, .. } => forms.iter().map(|(_, text)| text.as_str()).collect(),
        }
    }
}

/// One language's messages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Catalogue {
    lang: Lang,
    messages: BTreeMap<String, Message>,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum CatalogueError {
    #[error("The {tag} catalogue is not JSON ({detail}); keep it one JSON object from key to message.")]
    NotJson { tag: &'static str, detail: String },
    #[error("The {tag} catalogue is not one JSON object from key to message; write it as {{\"key\": \"message\"}}.")]
    NotAnObject { tag: &'static str },
    #[error("The message “{key}” of the {tag} catalogue is neither text nor plural forms; write a string, or an object with \"$plural\" and one string per plural category.")]
    NotAMessage { tag: &'static str, key: String },
    #[error("The plural forms of “{key}” in the {tag} catalogue are not right ({detail}); give \"$plural\" the argument's name and one string per plural category, \"other\" included.")]
    BadPlural { tag: &'static str, key: String, detail: &'static str },
}

/// The built-in English catalogue, read once from `crates/core/i18n/en.json`.
pub fn english() -> &'static Catalogue {
    static ENGLISH: OnceLock<Catalogue> = OnceLock::new();
    // A test reads the same file, so it always parses; should it not, keys show rather than a panic.
    ENGLISH.get_or_init(|| {
        Catalogue::parse(Lang::En, include_str!("../../../i18n/en.json"))
            .unwrap_or(Catalogue { lang: Lang::En, messages: BTreeMap::new() })
    })
}

impl Catalogue {
    pub fn parse(lang: Lang, json: &str) -> Result<Catalogue, CatalogueError> {
        let tag = lang.tag();
        let value: Value = serde_json::from_str(json).map_err(|e| CatalogueError::NotJson { tag, detail: e.to_string() })?;
        let Value::Object(entries) = value else { return Err(CatalogueError::NotAnObject { tag }) };
        let mut messages = BTreeMap::new();
        for (key, value) in entries {
            let message = match value {
                Value::String(text) => Message::Text(text),
                Value::Object(forms) => plural(forms).map_err(|detail| CatalogueError::BadPlural { tag, key: key.clone(), detail })?,
                _ => return Err(CatalogueError::NotAMessage { tag, key }),
            };
            messages.insert(key, message);
        }
        Ok(Catalogue { lang, messages })
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.messages.keys().map(String::as_str)
    }

    pub(super) fn message(&self, key: &str) -> Option<&Message> {
        self.messages.get(key)
    }

    /// The message of `key` without arguments.
    pub fn text(&self, key: &'static str) -> String {
        self.render(&Msg::new(key))
    }

    /// The message in this language, or in English where this catalogue lacks it (and the key
    /// itself where English lacks it too, which a test rules out).
    pub fn render(&self, msg: &Msg) -> String {
        let found = self.message(&msg.key).map(|m| (self.lang, m));
        let Some((lang, message)) = found.or_else(|| english().message(&msg.key).map(|m| (Lang::En, m))) else {
            return msg.key.to_string();
        };
        let template = match message {
            Message::Text(text) => text,
            Message::Plural { on, forms } => {
                let operands = msg.args.iter().find(|(name, _)| name == on).and_then(|(_, arg)| operands(arg));
                let wanted = operands.map_or(Category::Other, |n| category(lang, n));
                let form = forms.iter().find(|(c, _)| *c == wanted).or_else(|| forms.iter().find(|(c, _)| *c == Category::Other));
                form.map_or("", |(_, text)| text)
            }
        };
        let mut out = String::with_capacity(template.len());
        for piece in pieces(template) {
            match piece {
                Piece::Literal(text) => out.push_str(text),
                Piece::Param(name) => match msg.args.iter().find(|(n, _)| n == name) {
                    Some((_, arg)) => self.write_param(arg, &mut out),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                },
            }
        }
        out
    }

    /// An argument inside a message. In a language written right to left, text as it is (a
    /// title, a name, an English heading) and messages that fell back to English are isolated
    /// (U+2068 … U+2069), so that their own direction and punctuation do not reorder the
    /// sentence around them.
    fn write_param(&self, arg: &Arg, out: &mut String) {
        let foreign = match arg {
            Arg::Text(_) => true,
            Arg::Msg(msg) => self.message(&msg.key).is_none(),
            _ => false,
        };
        if foreign && self.lang.dir() == Dir::Rtl {
            out.push(FIRST_STRONG_ISOLATE);
            self.write_arg(arg, out);
            out.push(POP_DIRECTIONAL_ISOLATE);
        } else {
            self.write_arg(arg, out);
        }
    }

    /// An argument alone, as a message would write it.
    pub fn render_arg(&self, arg: &Arg) -> String {
        let mut out = String::new();
        self.write_arg(arg, &mut out);
        out
    }

    fn write_arg(&self, arg: &Arg, out: &mut String) {
        match arg {
            Arg::Text(text) => out.push_str(text),
            Arg::Decimal(digits) if self.lang.decimal_comma() => out.push_str(&digits.replace('.', ",")),
            Arg::Decimal(digits) => out.push_str(digits),
            Arg::Number(n) => out.push_str(&n.to_string()),
            Arg::Msg(msg) => out.push_str(&self.render(msg)),
            Arg::List(how, items) => out.push_str(&self.list(*how, items)),
            Arg::Date { year, month, day } => out.push_str(&self.render(&date(*year, *month, *day))),
        }
    }

    /// The items joined: "a", "a and b", "a, b and c" for [`Join::And`].
    fn list(&self, how: Join, items: &[Arg]) -> String {
        let (join, last) = match how {
            Join::And => (Msg::new("list.and.join"), Msg::new("list.and.last")),
            Join::Commas => (Msg::new("list.comma.join"), Msg::new("list.comma.join")),
            Join::Semicolons => (Msg::new("list.series.join"), Msg::new("list.series.join")),
        };
        let joined = |msg: &Msg, head: String, item: &Arg| self.render(&msg.clone().arg("head", head).arg("item", self.render_arg(item)));
        let Some((final_item, rest)) = items.split_last() else { return String::new() };
        let Some((first, middle)) = rest.split_first() else { return self.render_arg(final_item) };
        let head = middle.iter().fold(self.render_arg(first), |head, item| joined(&join, head, item));
        joined(&last, head, final_item)
    }
}

/// The message that writes a date: "Sunday 14 March 2027", "March 2027" in English. A month
/// has two names, since some languages inflect it after a day (Russian "14 марта", "март").
fn date(year: i32, month: u8, day: Option<(u8, u8)>) -> Msg {
    const MONTHS: [Key; 12] = [
        Key("date.month.january"), Key("date.month.february"), Key("date.month.march"), Key("date.month.april"),
        Key("date.month.may"), Key("date.month.june"), Key("date.month.july"), Key("date.month.august"),
        Key("date.month.september"), Key("date.month.october"), Key("date.month.november"), Key("date.month.december"),
    ];
    const OF_MONTHS: [Key; 12] = [
        Key("date.of_month.january"), Key("date.of_month.february"), Key("date.of_month.march"), Key("date.of_month.april"),
        Key("date.of_month.may"), Key("date.of_month.june"), Key("date.of_month.july"), Key("date.of_month.august"),
        Key("date.of_month.september"), Key("date.of_month.october"), Key("date.of_month.november"), Key("date.of_month.december"),
    ];
    const WEEKDAYS: [Key; 7] = [
        Key("date.weekday.monday"), Key("date.weekday.tuesday"), Key("date.weekday.wednesday"), Key("date.weekday.thursday"),
        Key("date.weekday.friday"), Key("date.weekday.saturday"), Key("date.weekday.sunday"),
    ];
    let month_index = usize::from(month.clamp(1, 12) - 1);
    match day {
        Some((day, weekday)) => Msg::new("date.day")
            .arg("weekday", WEEKDAYS[usize::from(weekday.clamp(1, 7) - 1)].msg())
            .arg("day", day)
            .arg("month", OF_MONTHS[month_index].msg())
            .arg("year", year),
        None => Msg::new("date.month").arg("month", MONTHS[month_index].msg()).arg("year", year),
    }
}

fn plural(forms: serde_json::Map<String, Value>) -> Result<Message, &'static str> {
    let mut on = None;
    let mut found = Vec::new();
    for (name, value) in forms {
        let Value::String(text) = value else { return Err("a form is not a string") };
        if name == PLURAL {
            on = Some(text);
        } else {
            let category = Category::from_name(&name).ok_or("a form is not named by a plural category")?;
            found.push((category, text));
        }
    }
    let on = on.ok_or("\"$plural\" is missing")?;
    if !found.iter().any(|(c, _)| *c == Category::Other) {
        return Err("the \"other\" form is missing");
    }
    Ok(Message::Plural { on, forms: found })
}

/// The plural operands of a numeric argument; `None` for text.
fn operands(arg: &Arg) -> Option<Operands> {
    match arg {
        Arg::Number(n) => Some(Operands::of_integer(*n)),
        Arg::Decimal(digits) => Operands::of_digits(digits),
        Arg::Text(_) | Arg::Msg(_) | Arg::List(..) | Arg::Date { .. } => None,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Piece<'a> {
    Literal(&'a str),
    Param(&'a str),
}

/// A message's text and parameters in order. `{{` and `}}` are braces; a `{` that opens no
/// parameter name is kept as text.
pub(super) fn pieces(template: &str) -> impl Iterator<Item = Piece<'_>> {
    let mut rest = template;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        if let Some(after) = rest.strip_prefix("{{").or_else(|| rest.strip_prefix("}}")) {
            let brace = &rest[..1];
            rest = after;
            return Some(Piece::Literal(brace));
        }
        if let Some(inner) = rest.strip_prefix('{') {
            let name_len = inner.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(inner.len());
            if name_len > 0 && inner[name_len..].starts_with('}') {
                rest = &inner[name_len + 1..];
                return Some(Piece::Param(&inner[..name_len]));
            }
        }
        // Past the first character, which may be a brace that opened nothing.
        let first = rest.chars().next().map_or(1, char::len_utf8);
        let end = rest[first..].find(['{', '}']).map_or(rest.len(), |at| at + first);
        let (text, after) = rest.split_at(end);
        rest = after;
        Some(Piece::Literal(text))
    })
}

/// The parameters a message's forms use, and the one that chooses a plural form, sorted.
pub(super) fn parameters(message: &Message) -> Vec<&str> {
    let mut names: Vec<&str> = message.forms().into_iter().flat_map(pieces).filter_map(|p| match p {
        Piece::Param(name) => Some(name),
        Piece::Literal(_) => None,
    }).collect();
    if let Message::Plural { on, .. } = message {
        names.push(on);
    }
    igf_codecs::order::sort_by(&mut names, &mut |a, b| a.cmp(b));
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::{Catalogue, CatalogueError, Piece, english, pieces};
    use crate::text::i18n::{Arg, Lang, Msg};

    const SAMPLE: &str = r#"{
        "greeting": "Hello, {name}.",
        "pages": {"$plural": "count", "one": "{count} page", "other": "{count} pages"},
        "braces": "{{literal}} and {name} and { lone",
        "nested": "Note: {inner}",
        "list.and.join": "{head}; {item}",
        "list.and.last": "{head} & {item}",
        "list.series.join": "{head} / {item}",
        "list.comma.join": "{head}, {item}"
    }"#;

    #[test]
    fn right_to_left_messages_isolate_what_is_not_theirs() {
        let arabic = Catalogue::parse(Lang::Ar, r#"{"greeting": "مرحبًا {name}.", "nested": "ملاحظة: {inner}"}"#).unwrap();
        let isolated = |text: &str| format!("\u{2068}{text}\u{2069}");
        let table: &[(Msg, String)] = &[
            // A name or an English heading, and a message only English has.
            (Msg::new("greeting").arg("name", "Draft (v2)"), format!("مرحبًا {}.", isolated("Draft (v2)"))),
            (Msg::new("nested").arg("inner", Msg::new("export.not_ready")), format!("ملاحظة: {}", isolated("Draft: not ready to submit"))),
            // The catalogue's own message and numbers are the sentence's own.
            (Msg::new("nested").arg("inner", Msg::new("greeting").arg("name", "Bo")), format!("ملاحظة: مرحبًا {}.", isolated("Bo"))),
            (Msg::new("nested").arg("inner", 3usize), "ملاحظة: 3".to_owned()),
        ];
        for (msg, expected) in table {
            assert_eq!(&arabic.render(msg), expected, "{msg:?}");
        }
        // Alone, as a button's text, nothing needs isolating; nor in a language left to right.
        assert_eq!(arabic.render_arg(&Arg::Text("Draft (v2)".into())), "Draft (v2)");
        assert_eq!(english().render(&Msg::new("files.export.downloaded").arg("name", "a.pdf")), "Downloaded “a.pdf”.");
    }

    #[test]
    fn messages_render_their_arguments_and_plural_forms() {
        let catalogue = Catalogue::parse(Lang::En, SAMPLE).unwrap();
        let table: &[(Msg, &str)] = &[
            (Msg::new("greeting").arg("name", "Ana"), "Hello, Ana."),
            (Msg::new("greeting"), "Hello, {name}."),
            (Msg::new("pages").arg("count", 1usize), "1 page"),
            (Msg::new("pages").arg("count", 3usize), "3 pages"),
            (Msg::new("pages").arg("count", Arg::decimal(1.0, 1)), "1.0 pages"),
            (Msg::new("pages"), "{count} pages"),
            (Msg::new("braces").arg("name", "x"), "{literal} and x and { lone"),
            (Msg::new("nested").arg("inner", Msg::new("greeting").arg("name", "Bo")), "Note: Hello, Bo."),
            (Msg::new("nested").arg("inner", Arg::list(["a", "b", "c"])), "Note: a; b & c"),
            (Msg::new("nested").arg("inner", Arg::list(["a"])), "Note: a"),
            (Msg::new("nested").arg("inner", Arg::series(["a", "b", "c"])), "Note: a / b / c"),
            (Msg::new("nested").arg("inner", Arg::series(["a"])), "Note: a"),
            (Msg::new("nested").arg("inner", Arg::commas(["a", "b", "c"])), "Note: a, b, c"),
            (Msg::new("nested").arg("inner", Arg::list(Vec::<String>::new())), "Note: "),
        ];
        for (msg, expected) in table {
            assert_eq!(catalogue.render(msg), *expected, "{msg:?}");
        }
    }

    #[test]
    fn a_missing_key_falls_back_to_english_then_to_the_key() {
        let french = Catalogue::parse(Lang::Fr, r#"{"greeting": "Bonjour, {name}."}"#).unwrap();
        let english_key = english().keys().next().unwrap().to_owned();
        let key: &'static str = Box::leak(english_key.into_boxed_str());
        assert_eq!(french.render(&Msg::new(key)), english().render(&Msg::new(key)));
        let unknown: &'static str = Box::leak(String::from("no.such").into_boxed_str());
        assert_eq!(french.render(&Msg::new(unknown)), "no.such");
    }

    #[test]
    fn plural_forms_follow_the_catalogues_language() {
        let russian = Catalogue::parse(
            Lang::Ru,
            r#"{"pages": {"$plural": "n", "one": "{n} страница", "few": "{n} страницы", "many": "{n} страниц", "other": "{n} страницы"}}"#,
        )
        .unwrap();
        let table: &[(Arg, &str)] = &[
            (Arg::Number(1), "1 страница"),
            (Arg::Number(3), "3 страницы"),
            (Arg::Number(11), "11 страниц"),
            (Arg::Number(21), "21 страница"),
            (Arg::decimal(2.4, 1), "2,4 страницы"),
        ];
        for (n, expected) in table {
            assert_eq!(russian.render(&Msg::new("pages").arg("n", n.clone())), *expected);
        }
    }

    #[test]
    fn decimals_and_dates_are_written_the_languages_way() {
        let french = Catalogue::parse(
            Lang::Fr,
            r#"{"n": "{n}", "date.day": "{weekday} {day} {month} {year}", "date.month": "{month} {year}", "date.weekday.sunday": "dimanche", "date.of_month.march": "mars", "date.month.march": "mars"}"#,
        )
        .unwrap();
        let sunday = Arg::Date { year: 2027, month: 3, day: Some((14, 7)) };
        let march = Arg::Date { year: 2027, month: 3, day: None };
        let table: &[(&Catalogue, Arg, &str)] = &[
            (english(), Arg::decimal(2.4, 1), "2.4"),
            (&french, Arg::decimal(2.4, 1), "2,4"),
            (&french, Arg::Number(1540), "1540"),
            (english(), sunday.clone(), "Sunday 14 March 2027"),
            (english(), march.clone(), "March 2027"),
            (&french, sunday, "dimanche 14 mars 2027"),
            (&french, march, "mars 2027"),
            // Out of range, as no date here is: the nearest month and weekday, never a panic.
            (english(), Arg::Date { year: 2027, month: 13, day: Some((1, 0)) }, "Monday 1 December 2027"),
        ];
        for (catalogue, arg, expected) in table {
            assert_eq!(catalogue.render_arg(arg), *expected, "{arg:?} in {:?}", catalogue.lang());
        }
    }

    #[test]
    fn bad_catalogues_are_refused_with_a_sentence() {
        type Expect = fn(&CatalogueError) -> bool;
        let table: &[(&str, Expect)] = &[
            ("{", |e| matches!(e, CatalogueError::NotJson { .. })),
            ("[]", |e| matches!(e, CatalogueError::NotAnObject { .. })),
            (r#"{"a": 3}"#, |e| matches!(e, CatalogueError::NotAMessage { .. })),
            (r#"{"a": {"one": "x", "other": "y"}}"#, |e| matches!(e, CatalogueError::BadPlural { detail: "\"$plural\" is missing", .. })),
            (r#"{"a": {"$plural": "n", "one": "x"}}"#, |e| matches!(e, CatalogueError::BadPlural { detail: "the \"other\" form is missing", .. })),
            (r#"{"a": {"$plural": "n", "several": "x", "other": "y"}}"#, |e| matches!(e, CatalogueError::BadPlural { .. })),
            (r#"{"a": {"$plural": "n", "other": 1}}"#, |e| matches!(e, CatalogueError::BadPlural { .. })),
        ];
        for (json, is_expected) in table {
            let error = Catalogue::parse(Lang::Fr, json).unwrap_err();
            assert!(is_expected(&error), "{json}: {error:?}");
            let sentence = error.to_string();
            assert!(sentence.starts_with("The ") && sentence.ends_with('.'), "{sentence}");
        }
    }

    #[test]
    fn the_english_catalogue_is_built_in_and_parses() {
        let parsed = Catalogue::parse(Lang::En, include_str!("../../../i18n/en.json")).unwrap();
        assert_eq!(&parsed, english());
        assert_eq!(english().lang(), Lang::En);
    }

    #[test]
    fn pieces_split_text_from_parameters() {
        let table: &[(&str, &[Piece])] = &[
            ("", &[]),
            ("plain", &[Piece::Literal("plain")]),
            ("{a}{b}", &[Piece::Param("a"), Piece::Param("b")]),
            ("x {a}.", &[Piece::Literal("x "), Piece::Param("a"), Piece::Literal(".")]),
            ("{{a}}", &[Piece::Literal("{"), Piece::Literal("a"), Piece::Literal("}")]),
            ("{not a name}", &[Piece::Literal("{not a name"), Piece::Literal("}")]),
            ("é{a}ü", &[Piece::Literal("é"), Piece::Param("a"), Piece::Literal("ü")]),
        ];
        for (template, expected) in table {
            assert_eq!(pieces(template).collect::<Vec<_>>(), *expected, "{template:?}");
        }
    }
}
