//! Pure logic: templates, the draft model, Markdown, word counts and the stored format.
//!
//! Invariant: nothing here touches the browser (no leptos, web-sys, js-sys or gloo), so every
//! function runs and is tested natively. Functions that judge a draft never fail; functions at a
//! boundary (decoding stored or imported data) return `Result` with a `thiserror` error.

pub mod base64;
pub mod calendar;
pub mod decimal;
pub mod checks;
pub mod deflate;
pub mod diff;
pub mod draft;
pub mod envelope;
pub mod existing_work;
pub mod export;
pub mod import;
pub mod json;
pub mod layout;
pub mod length;
pub mod markdown;
pub mod order;
pub mod people;
pub mod review;
pub mod settings;
pub mod share;
pub mod store;
pub mod template;
pub mod url;
pub mod words;
pub mod zip;
