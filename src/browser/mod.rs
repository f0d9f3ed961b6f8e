//! The only code that calls the browser: storage, autosave, files, paste, the PDF's fonts, the
//! drawing of the pages, the interface's language, clock, ids, focus, the service worker, and
//! the panic hook.
//!
//! Invariant: every browser failure becomes a value (`Result`, a status callback); nothing here
//! panics on a browser that refuses storage.

pub mod autosave;
pub mod crypto;
pub mod drawing;
pub mod failure;
pub mod files;
pub mod fonts;
pub mod language;
pub mod link;
pub mod offline;
pub mod paste;
pub mod platform;
pub mod rescue;
pub mod review_store;
pub mod storage;
pub mod worker;
