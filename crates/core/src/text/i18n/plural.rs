//! CLDR's plural rules (plurals.xml) for the six languages, written by hand: a rule crate would
//! carry every language, and these six fit in a few lines each.

use super::Lang;

/// A CLDR plural category.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl Category {
    pub const ALL: [Category; 6] = [Category::Zero, Category::One, Category::Two, Category::Few, Category::Many, Category::Other];

    /// The name the catalogues use: "zero", "one", "two", "few", "many", "other".
    pub fn name(self) -> &'static str {
        match self {
            Category::Zero => "zero",
            Category::One => "one",
            Category::Two => "two",
            Category::Few => "few",
            Category::Many => "many",
            Category::Other => "other",
        }
    }

    pub fn from_name(name: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.name() == name)
    }
}

/// CLDR's operands of a number as written: `i` the integer digits, `v` how many fraction
/// digits are shown, `f` those digits as a number ("2.40" is i 2, v 2, f 40). The exponent `e`
/// is always 0 here: the editor never writes compact numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Operands {
    pub i: u64,
    pub v: u32,
    pub f: u64,
}

impl Operands {
    /// The operands of a number written in ASCII digits with an optional sign and '.', as
    /// `Arg::Decimal` holds it; `None` for anything else.
    pub fn of_digits(digits: &str) -> Option<Operands> {
        let digits = digits.strip_prefix('-').unwrap_or(digits);
        let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
        let number = |text: &str| if text.bytes().all(|b| b.is_ascii_digit()) { text.parse::<u64>().ok().or(text.is_empty().then_some(0)) } else { None };
        Some(Operands { i: number(whole)?, v: u32::try_from(fraction.len()).ok()?, f: number(fraction)? })
    }

    pub fn of_integer(n: i64) -> Operands {
        Operands { i: n.unsigned_abs(), v: 0, f: 0 }
    }

    /// Whether the number is exactly the integer `n` (CLDR's `n = …`: "1.0" is, "1.5" is not).
    fn is(self, n: u64) -> bool {
        self.f == 0 && self.i == n
    }

    /// Whether it is an integer whose value modulo `m` lies in `range` (CLDR's `n % m = a..b`).
    fn modulo_in(self, m: u64, range: std::ops::RangeInclusive<u64>) -> bool {
        self.f == 0 && range.contains(&(self.i % m))
    }

    /// CLDR's "many" of French and Spanish: a whole million or more, written without decimals.
    fn millions(self) -> bool {
        self.v == 0 && self.i != 0 && self.i.is_multiple_of(1_000_000)
    }
}

/// The category of a number in a language.
pub fn category(lang: Lang, n: Operands) -> Category {
    let (i10, i100) = (n.i % 10, n.i % 100);
    match lang {
        Lang::En if n.i == 1 && n.v == 0 => Category::One,
        Lang::Fr if n.i <= 1 => Category::One,
        Lang::Es if n.is(1) => Category::One,
        Lang::Fr | Lang::Es if n.millions() => Category::Many,
        Lang::Ru if n.v == 0 && i10 == 1 && i100 != 11 => Category::One,
        Lang::Ru if n.v == 0 && (2..=4).contains(&i10) && !(12..=14).contains(&i100) => Category::Few,
        Lang::Ru if n.v == 0 => Category::Many,
        Lang::Ar if n.is(0) => Category::Zero,
        Lang::Ar if n.is(1) => Category::One,
        Lang::Ar if n.is(2) => Category::Two,
        Lang::Ar if n.modulo_in(100, 3..=10) => Category::Few,
        Lang::Ar if n.modulo_in(100, 11..=99) => Category::Many,
        _ => Category::Other,
    }
}

/// The categories a language distinguishes, "other" last: every plural message of a catalogue
/// in that language has a form for each.
pub fn categories(lang: Lang) -> &'static [Category] {
    use Category::*;
    match lang {
        Lang::En => &[One, Other],
        Lang::Fr | Lang::Es => &[One, Many, Other],
        Lang::Ru => &[One, Few, Many, Other],
        Lang::Zh => &[Other],
        Lang::Ar => &[Zero, One, Two, Few, Many, Other],
    }
}

#[cfg(test)]
mod tests {
    use super::{Category, Operands, categories, category};
    use crate::text::i18n::Lang;

    /// CLDR's own samples (plurals.xml, v46) for each category: integers and decimals as
    /// written, with `c6` samples written out.
    #[test]
    fn categories_follow_cldr_samples() {
        use Category::*;
        let table: &[(Lang, Category, &[&str])] = &[
            (Lang::En, One, &["1"]),
            (Lang::En, Other, &["0", "2", "16", "100", "1000", "0.0", "1.0", "1.5", "2.4", "10.0"]),
            (Lang::Fr, One, &["0", "1", "0.0", "1.5"]),
            (Lang::Fr, Many, &["1000000", "2000000"]),
            (Lang::Fr, Other, &["2", "17", "100", "1000", "100000", "2.0", "3.5", "10.0", "1000000.0"]),
            (Lang::Es, One, &["1", "1.0", "1.00", "1.000"]),
            (Lang::Es, Many, &["1000000", "3000000"]),
            (Lang::Es, Other, &["0", "2", "16", "100", "1000", "0.0", "0.9", "1.1", "1.6", "10.0"]),
            (Lang::Ru, One, &["1", "21", "31", "41", "51", "61", "71", "81", "101", "1001"]),
            (Lang::Ru, Few, &["2", "3", "4", "22", "23", "24", "32", "102", "1002"]),
            (Lang::Ru, Many, &["0", "5", "11", "12", "14", "19", "100", "111", "1000", "10000", "1000000"]),
            (Lang::Ru, Other, &["0.0", "1.5", "2.4", "10.0", "100.0"]),
            (Lang::Zh, Other, &["0", "1", "2", "5", "1000000", "0.0", "1.5"]),
            (Lang::Ar, Zero, &["0", "0.0", "0.00"]),
            (Lang::Ar, One, &["1", "1.0", "1.00"]),
            (Lang::Ar, Two, &["2", "2.0", "2.00"]),
            (Lang::Ar, Few, &["3", "10", "103", "110", "1003", "3.0", "4.0"]),
            (Lang::Ar, Many, &["11", "26", "111", "1011", "11.0", "99.0"]),
            (Lang::Ar, Other, &["100", "101", "102", "200", "202", "1000", "10000", "0.1", "0.9", "1.1", "1.7", "10.1"]),
        ];
        for &(lang, expected, samples) in table {
            assert!(categories(lang).contains(&expected), "{lang:?} has no {expected:?}");
            for sample in samples {
                let operands = Operands::of_digits(sample).unwrap();
                assert_eq!(category(lang, operands), expected, "{lang:?} {sample}");
            }
        }
    }

    #[test]
    fn operands_are_read_from_the_digits_as_written() {
        type Digits = Option<(u64, u32, u64)>;
        let table: &[(&str, Digits)] = &[
            ("2.40", Some((2, 2, 40))),
            ("-3", Some((3, 0, 0))),
            ("0.5", Some((0, 1, 5))),
            ("1,5", None),
            ("", Some((0, 0, 0))),
            ("x", None),
        ];
        for &(digits, expected) in table {
            assert_eq!(Operands::of_digits(digits).map(|o| (o.i, o.v, o.f)), expected, "{digits:?}");
        }
        assert_eq!(Operands::of_integer(-21), Operands { i: 21, v: 0, f: 0 });
    }

    #[test]
    fn every_language_ends_with_other_and_names_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(categories(lang).last(), Some(&Category::Other), "{lang:?}");
        }
        for c in Category::ALL {
            assert_eq!(Category::from_name(c.name()), Some(c));
        }
        assert_eq!(Category::from_name("several"), None);
    }
}
