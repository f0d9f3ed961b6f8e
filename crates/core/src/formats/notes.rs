//! What the Export menu says beside the formats: that the draft is not ready yet, and which
//! characters the PDF fonts cannot show.

use crate::text::words::plural;

/// The most missing characters named; the rest are counted.
const GAPS_NAMED: usize = 12;

/// A warning while the draft still has must-fix findings.
pub fn not_ready(must_fix: usize) -> Option<String> {
    (must_fix > 0).then(|| {
        format!(
            "This draft still has {} to fix (see Checks). Files you export now are marked “Draft: not ready to submit”.",
            plural(must_fix, "thing")
        )
    })
}

/// The characters the PDF will show as "?", from [`crate::formats::pdf::unsupported`].
pub fn pdf_gaps(gaps: &[char]) -> Option<String> {
    if gaps.is_empty() {
        return None;
    }
    let named: Vec<String> = gaps.iter().take(GAPS_NAMED).map(char::to_string).collect();
    let more = if gaps.len() > GAPS_NAMED { " …" } else { "" };
    Some(format!(
        "The PDF fonts cannot show {} of this draft ({}{more}): they will appear as “?”. The Word and web page exports show them.",
        plural(gaps.len(), "character"),
        named.join(" ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warns_until_nothing_must_be_fixed() {
        let table = [
            (0, None),
            (1, Some("This draft still has 1 thing to fix (see Checks). Files you export now are marked “Draft: not ready to submit”.")),
            (3, Some("This draft still has 3 things to fix (see Checks). Files you export now are marked “Draft: not ready to submit”.")),
        ];
        for (n, expected) in table {
            assert_eq!(not_ready(n).as_deref(), expected, "{n}");
        }
    }

    #[test]
    fn names_the_first_twelve_missing_characters() {
        let many: Vec<char> = "abcdefghijklm".chars().collect();
        let table: [(&[char], Option<&str>); 3] = [
            (&[], None),
            (&['Ж'], Some("The PDF fonts cannot show 1 character of this draft (Ж): they will appear as “?”. The Word and web page exports show them.")),
            (&many, Some("The PDF fonts cannot show 13 characters of this draft (a b c d e f g h i j k l …): they will appear as “?”. The Word and web page exports show them.")),
        ];
        for (gaps, expected) in table {
            assert_eq!(pdf_gaps(gaps).as_deref(), expected, "{gaps:?}");
        }
    }
}
