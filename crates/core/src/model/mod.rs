//! What a proposal is: the templates of the seed, the draft with its structured details and
//! people, dates, the author's settings, the canonical stored envelope, and what changed between
//! two versions.

pub mod calendar;
pub mod diff;
pub mod draft;
pub mod envelope;
pub mod json;
pub mod people;
pub mod settings;
pub mod source;
pub mod template;
