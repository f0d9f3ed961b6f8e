//! The pure logic of the IGF Proposal Editor, in layers; each depends only on those below it:
//!
//! ```text
//! store      formats
//!    \      /   |
//!     checks  sharing
//!       |       |
//!     layout    |
//!        \     /
//!        document
//!           |
//!         model
//!           |
//!          text          (and igf-codecs beneath them all)
//! ```
//!
//! Invariant: nothing here touches the browser (the manifest names no browser crate), so every
//! function runs and is tested natively. Functions that judge a draft never fail (they return
//! findings); functions at a boundary (decoding stored or imported data) return `Result` with a
//! `thiserror` error.

pub mod checks;
pub mod document;
pub mod formats;
pub mod layout;
pub mod model;
pub mod sharing;
pub mod store;
pub mod text;
