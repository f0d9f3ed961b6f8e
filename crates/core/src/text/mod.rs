//! Text that authors write: the safe Markdown subset, word counts, safe links, and case folding
//! for matching in any script.

pub mod case;
mod case_data;
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
