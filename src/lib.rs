//! IGF Proposal Editor: a browser-only editor for proposals of new or continuing Best Practice
//! Forums and MAG Working Groups, written in Rust with Leptos.
//!
//! Codemap (see ARCHITECTURE.md):
//! - `igf_core` and `igf_codecs` (crates/): pure logic, tested natively; no browser crate.
//! - [`browser`]: the only module that calls browser APIs; failures become values.
//! - [`ui`]: Leptos components that wire `igf_core` to `browser` and show the result.

pub mod browser;
pub mod ui;

pub use ui::App;
