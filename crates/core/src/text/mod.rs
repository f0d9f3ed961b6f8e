//! Text that authors write: the safe Markdown subset, word counts, safe links, and case folding
//! for matching in any script.

pub mod case;
mod case_data;
pub mod markdown;
pub mod url;
pub mod words;
