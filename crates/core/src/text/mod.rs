//! Text that authors write: the safe Markdown subset, word counts, safe links, and case folding
//! for matching in any script.

pub mod case;
mod case_data;
pub mod i18n;
pub mod markdown;
pub mod url;
pub mod words;

/// Characters that are never seen, only change how others join or run (Unicode's default
/// ignorables): zero-width spaces and joiners, direction marks, variation selectors, the
/// byte-order mark. They take no width on the page, the PDF draws nothing for them, and a URL
/// is read without them (they could disguise its scheme).
pub fn invisible(c: char) -> bool {
    matches!(c, '\u{034F}' | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{E0000}'..='\u{E0FFF}')
}

/// Where byte `at` of `text` is in UTF-16 code units, as a text field counts its caret
/// (an offset inside a character counts as the character's start).
pub fn utf16_offset(text: &str, at: usize) -> u32 {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    text[..at].encode_utf16().count() as u32
}

/// The byte of `text` at `units` UTF-16 code units, as a text field reports its caret (past the
/// end: the end; inside a character: its start).
pub fn byte_offset(text: &str, units: u32) -> usize {
    let mut counted = 0;
    for (at, c) in text.char_indices() {
        counted += c.len_utf16() as u32;
        if counted > units {
            return at;
        }
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::{byte_offset, utf16_offset};

    #[test]
    fn carets_count_utf16_units_and_land_on_characters() {
        // "é" is 2 bytes and 1 unit, "日" 3 bytes and 1 unit, "𝄞" 4 bytes and 2 units.
        let text = "aé日𝄞b";
        let table: &[(usize, u32)] = &[(0, 0), (1, 1), (3, 2), (6, 3), (10, 5), (11, 6)];
        for &(byte, units) in table {
            assert_eq!(utf16_offset(text, byte), units, "byte {byte}");
            assert_eq!(byte_offset(text, units), byte, "unit {units}");
        }
        assert_eq!(utf16_offset(text, 2), 1, "inside é: its start");
        assert_eq!(utf16_offset(text, 99), 6, "past the end: the end");
        assert_eq!(byte_offset(text, 4), 6, "inside 𝄞: its start");
        assert_eq!(byte_offset(text, 99), 11);
    }
}
