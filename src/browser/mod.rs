//! The only code that calls the browser: storage, autosave, clock, ids.
//!
//! Invariant: every browser failure becomes a value (`Result`, a status callback); nothing here
//! panics on a browser that refuses storage.

pub mod autosave;
pub mod platform;
pub mod storage;
