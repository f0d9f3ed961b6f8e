//! The interface's words in the six UN languages: messages are named by keys and written in
//! catalogues, one JSON file per language (`crates/core/i18n/<tag>.json`; the format is in
//! `catalogue`). The core returns a [`Msg`] (a key and its arguments) wherever the UI shows a
//! sentence, and a [`Catalogue`] renders it.
//!
//! Invariants: English is built in ([`english`]) and renders exactly the sentences the editor
//! always wrote; a key missing from another catalogue falls back to English, and rendering never
//! fails or panics. Keys under `export.` are written into exported documents and stay English
//! whatever the interface's language (the MAG reads English): other catalogues leave them out.

mod catalogue;
mod consistency;
pub mod plural;

pub use catalogue::{Catalogue, CatalogueError, english};
pub use consistency::{Problem, check_against_english};

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// A language of the interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Lang {
    En,
    Fr,
    Es,
    Ru,
    Zh,
    Ar,
}

/// Which way a language is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dir {
    Ltr,
    Rtl,
}

impl Dir {
    /// The value of the HTML `dir` attribute.
    pub fn attribute(self) -> &'static str {
        match self {
            Dir::Ltr => "ltr",
            Dir::Rtl => "rtl",
        }
    }
}

impl Lang {
    pub const ALL: [Lang; 6] = [Lang::En, Lang::Fr, Lang::Es, Lang::Ru, Lang::Zh, Lang::Ar];

    /// The BCP 47 tag, also the catalogue's file name: "en", "fr", "es", "ru", "zh", "ar".
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::Ru => "ru",
            Lang::Zh => "zh",
            Lang::Ar => "ar",
        }
    }

    /// The language's name in itself, as a language menu lists it.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
            Lang::Es => "Español",
            Lang::Ru => "Русский",
            Lang::Zh => "中文",
            Lang::Ar => "العربية",
        }
    }

    /// The locale the browser writes times and dates in: the tag, with the Latin digits every
    /// message here writes (Arabic would otherwise get Arabic-Indic digits in times only); `None`
    /// for English, which keeps the reader's own English (day or month first).
    pub fn locale(self) -> Option<&'static str> {
        match self {
            Lang::En => None,
            Lang::Ar => Some("ar-u-nu-latn"),
            other => Some(other.tag()),
        }
    }

    /// Whether decimals are written with a comma: "2,4 pages" in French, Spanish and Russian.
    pub fn decimal_comma(self) -> bool {
        matches!(self, Lang::Fr | Lang::Es | Lang::Ru)
    }

    pub fn dir(self) -> Dir {
        if self == Lang::Ar { Dir::Rtl } else { Dir::Ltr }
    }

    /// The first of the reader's languages (the browser's list, most wanted first) that the
    /// editor speaks.
    pub fn first_spoken<'a>(tags: impl IntoIterator<Item = &'a str>) -> Option<Lang> {
        tags.into_iter().find_map(Lang::from_tag)
    }

    /// The language of a BCP 47 tag by its primary subtag, in any case ("fr-CA", "ZH-Hans",
    /// "ar"); `None` for a language the editor does not speak.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        Lang::ALL.into_iter().find(|lang| lang.tag().eq_ignore_ascii_case(primary))
    }
}

/// A value put into a message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Arg {
    /// Text as it is: a name, a title, words the author wrote.
    Text(String),
    /// A whole number; it may choose a plural form.
    Number(i64),
    /// A decimal, held as English digits with '.' (from `igf_codecs::decimal`), so a language
    /// can write it its own way and its plural form follows the digits shown.
    Decimal(String),
    /// Another message, rendered in the same catalogue.
    Msg(Box<Msg>),
    /// Items joined the language's way.
    List(Join, Vec<Arg>),
    /// A date in words, the language's way: a day, with its weekday (1 is Monday, 7 Sunday),
    /// of a month, or only a month of a year.
    Date { year: i32, month: u8, day: Option<(u8, u8)> },
}

impl Arg {
    /// `value` with `places` decimals, as `igf_codecs::decimal::fixed` writes it.
    pub fn decimal(value: f64, places: u32) -> Arg {
        Arg::Decimal(igf_codecs::decimal::fixed(value, places))
    }

    /// Items as a list of the language: "a, b and c".
    pub fn list<T: Into<Arg>>(items: impl IntoIterator<Item = T>) -> Arg {
        Arg::List(Join::And, items.into_iter().map(Into::into).collect())
    }

    /// Items one after the other: "a, b, c".
    pub fn commas<T: Into<Arg>>(items: impl IntoIterator<Item = T>) -> Arg {
        Arg::List(Join::Commas, items.into_iter().map(Into::into).collect())
    }

    /// Parts of a sentence, one after the other: "a; b; c".
    pub fn series<T: Into<Arg>>(items: impl IntoIterator<Item = T>) -> Arg {
        Arg::List(Join::Semicolons, items.into_iter().map(Into::into).collect())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Arg {
        Arg::Text(text)
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Arg {
        Arg::Text(text.to_owned())
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Arg {
        Arg::Text(text.clone())
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

/// Whole numbers of every width a count or a figure has here.
macro_rules! number_args {
    ($($int:ty),*) => {$(
        impl From<$int> for Arg {
            fn from(n: $int) -> Arg {
                Arg::Number(i64::from(n))
            }
        }
    )*};
}

number_args!(u8, u16, u32, i32, i64);

impl From<Msg> for Arg {
    fn from(msg: Msg) -> Arg {
        Arg::Msg(Box::new(msg))
    }
}

/// How the items of an [`Arg::List`] are joined, each by its messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Join {
    /// "a, b and c": `list.and.join`, then `list.and.last`.
    And,
    /// "a, b, c": `list.comma.join`.
    Commas,
    /// Parts of one sentence, "a; b; c": `list.series.join`.
    Semicolons,
}

/// The key of a message without arguments, for constants (a [`Msg`] cannot be one). Written
/// literally as `Key` around the key, so the test that reads the sources finds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key(pub &'static str);

impl Key {
    pub fn msg(self) -> Msg {
        Msg::new(self.0)
    }

    pub fn english(self) -> String {
        self.msg().english()
    }
}

/// A message of a catalogue with its arguments, rendered by [`Catalogue::render`]. Keys are
/// written literally as the string argument of `Msg::new` (dotted, "screen.part.name"), so a test
/// finds every key the code uses. It goes through serde so that the office worker, which has
/// no catalogue, can send its sentences for the editor to render (keys are then owned).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Msg {
    pub key: Cow<'static, str>,
    pub args: Vec<(Cow<'static, str>, Arg)>,
}

impl Msg {
    pub fn new(key: &'static str) -> Msg {
        Msg { key: Cow::Borrowed(key), args: Vec::new() }
    }

    /// The message with the argument `name` set to `value`.
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Msg {
        self.args.push((Cow::Borrowed(name), value.into()));
        self
    }

    /// The message in English: what exports write and what `Display` of an error says.
    pub fn english(&self) -> String {
        english().render(self)
    }
}

/// `Display` for error types whose words are a message: the English of their `msg()`, so the
/// wording lives once, in the catalogue.
#[macro_export]
macro_rules! display_in_english {
    ($($error:ty),* $(,)?) => {$(
        impl ::std::fmt::Display for $error {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(&self.msg().english())
            }
        }
    )*};
}

impl std::fmt::Display for Msg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.english())
    }
}

#[cfg(test)]
mod tests {
    use super::{Dir, Lang};

    #[test]
    fn languages_are_read_from_their_tags() {
        let table: &[(&str, Option<Lang>)] = &[
            ("en", Some(Lang::En)),
            ("en-GB", Some(Lang::En)),
            ("fr-CA", Some(Lang::Fr)),
            ("ES", Some(Lang::Es)),
            ("ru_RU", Some(Lang::Ru)),
            ("zh-Hans-CN", Some(Lang::Zh)),
            ("ar-EG", Some(Lang::Ar)),
            ("de", None),
            ("", None),
        ];
        for &(tag, expected) in table {
            assert_eq!(Lang::from_tag(tag), expected, "{tag:?}");
        }
        for lang in Lang::ALL {
            assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
        }
    }

    #[test]
    fn the_first_language_of_the_browsers_list_the_editor_speaks_is_chosen() {
        let table: &[(&[&str], Option<Lang>)] = &[
            (&["de-DE", "fr-FR", "en"], Some(Lang::Fr)),
            (&["ar-EG"], Some(Lang::Ar)),
            (&["zh-Hant-TW", "en-US"], Some(Lang::Zh)),
            (&["pt-BR", "de"], None),
            (&[], None),
        ];
        for (tags, expected) in table {
            assert_eq!(Lang::first_spoken(tags.iter().copied()), *expected, "{tags:?}");
        }
    }

    #[test]
    fn only_arabic_is_written_right_to_left() {
        let rtl: Vec<Lang> = Lang::ALL.into_iter().filter(|l| l.dir() == Dir::Rtl).collect();
        assert_eq!(rtl, [Lang::Ar]);
        assert_eq!((Dir::Rtl.attribute(), Dir::Ltr.attribute()), ("rtl", "ltr"));
        let names: Vec<&str> = Lang::ALL.into_iter().map(Lang::name).collect();
        assert_eq!(names, ["English", "Français", "Español", "Русский", "中文", "العربية"]);
    }
}
