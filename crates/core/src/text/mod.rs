//! Text that authors write: the safe Markdown subset, word counts, and safe links.

pub mod markdown;
pub mod url;
pub mod words;
