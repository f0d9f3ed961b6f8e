//! IGF Proposal Editor: a browser-only editor for proposals of new or continuing Best Practice
//! Forums and MAG Working Groups, written in Rust with Leptos.
//!
//! Codemap (see README.md, "Architecture"):
//! - [`core`]: pure logic, tested natively; no browser types.
//! - [`browser`]: the only module that calls browser APIs; failures become values.
//! - [`ui`]: Leptos components that wire `core` to `browser` and show the result.

pub mod browser;
pub mod core;
pub mod ui;

pub use ui::App;
