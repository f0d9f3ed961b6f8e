//! Word counting that behaves like a word processor's over any script.
//!
//! Rules: text splits into tokens at white space. Within a token, every Han ideograph or kana
//! counts as one word (those scripts do not separate words with spaces), and every stretch of
//! other characters counts as one word if it holds a letter, a digit or an emoji. So "state-of-the-art",
//! "https://example.org/a-b" and "don't" are one word each, a lone "-" or "*" is none.

use crate::text::i18n::Msg;

/// Counts the words of plain text, in one pass over its characters.
pub fn count_words(text: &str) -> usize {
    let mut words = 0;
    let mut run_has_word = false;
    for c in text.chars() {
        if c.is_whitespace() {
            words += usize::from(run_has_word);
            run_has_word = false;
        } else if is_ideographic(c) {
            words += 1 + usize::from(run_has_word);
            run_has_word = false;
        } else if !run_has_word && (c.is_alphanumeric() || is_emoji(c)) {
            run_has_word = true;
        }
    }
    words + usize::from(run_has_word)
}

/// "1 word", "12 words".
pub fn describe_count(words: usize) -> Msg {
    Msg::new("count.words").arg("count", words)
}

/// The text with its first letter in upper case (ASCII: our own sentences start in English).
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| c.to_ascii_uppercase().to_string() + chars.as_str())
}

/// Scripts written without spaces between words, where each character is counted.
fn is_ideographic(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF      // Hiragana, Katakana
        | 0x31F0..=0x31FF    // Katakana phonetic extensions
        | 0x3400..=0x4DBF    // CJK Extension A
        | 0x4E00..=0x9FFF    // CJK Unified Ideographs
        | 0xF900..=0xFAFF    // CJK Compatibility Ideographs
        | 0xFF66..=0xFF9F    // Half-width Katakana
        | 0x20000..=0x3134F  // CJK Extensions B to G
    )
}

fn is_emoji(c: char) -> bool {
    matches!(c as u32, 0x2600..=0x27BF | 0x1F000..=0x1FAFF)
}

#[cfg(test)]
mod tests {
    use super::{count_words, describe_count};

    #[test]
    fn counts_take_their_plural_form() {
        assert_eq!((describe_count(1).english(), describe_count(7).english()), ("1 word".to_owned(), "7 words".to_owned()));
    }

    #[test]
    fn counts_words_like_a_word_processor() {
        let table: &[(&str, usize)] = &[
            ("", 0),
            ("   \n\t ", 0),
            ("one", 1),
            ("two words", 2),
            ("  leading and trailing  ", 3),
            ("line\nbreaks\r\nand\ttabs", 4),
            ("Café déjà vu", 3),
            ("Ærøskøbing naïve coöperate", 3),
            ("state-of-the-art design", 2),
            ("multi-stakeholder", 1),
            ("don't stop", 2),
            ("see https://www.intgovforum.org/en/content/bpf-cybersecurity now", 3),
            ("mail someone@example.org today", 3),
            ("- a list item", 3),
            ("* * *", 0),
            ("a — b", 2),
            ("2026 and 3.5 and 1,000", 5),
            ("日本語", 3),
            ("日本語のテキスト", 8),
            ("IGF会議", 3),
            ("互联网治理论坛", 7),
            ("인터넷 거버넌스 포럼", 3),
            ("Интернет управление", 2),
            ("منتدى حوكمة الإنترنت", 3),
            ("इंटरनेट शासन मंच", 3),
            ("great 🎉 work", 3),
            ("🎉🎉", 1),
            ("👩‍💻", 1),
            ("| Name | Group |", 2),
            ("**bold** _italic_", 2),
            ("\u{00A0}non\u{00A0}breaking\u{00A0}", 2),
            ("zero\u{200B}width", 1),
        ];
        for (text, expected) in table {
            assert_eq!(count_words(text), *expected, "{text:?}");
        }
    }
}
