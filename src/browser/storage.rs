//! Drafts in the browser's local storage, one key per draft, through gloo-storage.
//!
//! Keys: `igf-proposal-editor/draft/<id>` holds a versioned envelope (`core::envelope`). Which
//! draft a tab has open lives in session storage, so a reload reopens it and a new tab starts at
//! the start screen. Every failure comes back as a [`StorageError`] value; nothing here panics,
//! including in browsers that disable storage.

use gloo_storage::{LocalStorage, SessionStorage, Storage};
use thiserror::Error;
use wasm_bindgen::{JsCast, JsValue};

use crate::core::draft::{Draft, DraftId};
use crate::core::envelope::{self, EnvelopeError};
use crate::core::settings::{self, Settings};

const DRAFT_PREFIX: &str = "igf-proposal-editor/draft/";
const OPEN_DRAFT_KEY: &str = "igf-proposal-editor/open-draft";
const SETTINGS_KEY: &str = "igf-proposal-editor/settings";

#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum StorageError {
    #[error("this browser does not let the editor use its local storage ({0})")]
    Unavailable(String),
    #[error("the browser's storage for this site is full")]
    QuotaExceeded,
    #[error("the browser refused to save ({0})")]
    Refused(String),
    #[error("the saved copy did not read back the same, so the storage cannot be trusted")]
    VerifyFailed,
}

/// One stored draft, or the reason it cannot be read (the value is left untouched).
#[derive(Debug)]
pub struct StoredDraft {
    pub key: String,
    pub draft: Result<Draft, EnvelopeError>,
}

fn local() -> Result<web_sys::Storage, StorageError> {
    // gloo's `raw()` panics where storage is disabled, so probe the window first.
    let window = web_sys::window().ok_or_else(|| StorageError::Unavailable("no window".into()))?;
    match window.local_storage() {
        Ok(Some(_)) => Ok(LocalStorage::raw()),
        Ok(None) => Err(StorageError::Unavailable("no local storage".into())),
        Err(error) => Err(StorageError::Unavailable(js_message(&error))),
    }
}

fn key_for(id: &DraftId) -> String {
    format!("{DRAFT_PREFIX}{}", id.as_str())
}

/// Every stored draft, readable or not, newest edit first; unreadable ones last.
pub fn list_drafts() -> Result<Vec<StoredDraft>, StorageError> {
    let storage = local()?;
    let length = storage.length().map_err(|e| StorageError::Unavailable(js_message(&e)))?;
    let mut drafts: Vec<StoredDraft> = (0..length)
        .filter_map(|index| storage.key(index).ok().flatten())
        .filter(|key| key.starts_with(DRAFT_PREFIX))
        .filter_map(|key| {
            let text = storage.get_item(&key).ok().flatten()?;
            Some(StoredDraft { draft: envelope::decode(&text), key })
        })
        .collect();
    drafts.sort_by_key(|entry| match &entry.draft {
        Ok(draft) => (0, u64::MAX - draft.updated_ms),
        Err(_) => (1, 0),
    });
    Ok(drafts)
}

/// Loads one draft; `Ok(None)` when there is no such draft.
pub fn load_draft(id: &DraftId) -> Result<Option<Result<Draft, EnvelopeError>>, StorageError> {
    let text = local()?.get_item(&key_for(id)).map_err(|e| StorageError::Refused(js_message(&e)))?;
    Ok(text.map(|text| envelope::decode(&text)))
}

/// Writes an encoded draft and reads it back to make sure the browser kept it.
pub fn write_encoded(id: &DraftId, encoded: &str) -> Result<(), StorageError> {
    let storage = local()?;
    let key = key_for(id);
    storage.set_item(&key, encoded).map_err(|error| classify_write_error(&error))?;
    match storage.get_item(&key) {
        Ok(Some(back)) if back == encoded => Ok(()),
        _ => Err(StorageError::VerifyFailed),
    }
}

pub fn save_draft(draft: &Draft) -> Result<(), StorageError> {
    write_encoded(&draft.id, &envelope::encode(draft))
}

/// The stored settings; the defaults when none are stored. An unreadable value is reported and
/// left in place.
pub fn load_settings() -> Result<Settings, String> {
    let Ok(storage) = local() else { return Ok(Settings::default()) };
    match storage.get_item(SETTINGS_KEY) {
        Ok(Some(text)) => settings::decode(&text).map_err(|e| e.to_string()),
        _ => Ok(Settings::default()),
    }
}

pub fn save_settings(value: &Settings) -> Result<(), StorageError> {
    local()?.set_item(SETTINGS_KEY, &settings::encode(value)).map_err(|e| classify_write_error(&e))
}

/// Remembers which draft this tab shows, so a reload reopens it.
pub fn remember_open_draft(id: Option<&DraftId>) {
    // Losing this only means a reload shows the start screen, so failures are ignored.
    if !session_available() {
        return;
    }
    match id {
        Some(id) => drop(SessionStorage::set(OPEN_DRAFT_KEY, id.as_str())),
        None => SessionStorage::delete(OPEN_DRAFT_KEY),
    }
}

pub fn open_draft_id() -> Option<DraftId> {
    if !session_available() {
        return None;
    }
    let id: String = SessionStorage::get(OPEN_DRAFT_KEY).ok()?;
    DraftId::parse(&id)
}

// Generic access to one key, for stores kept in modules of their own (`review_store`).

/// The value under a local storage key; `Ok(None)` when there is none.
pub fn get(key: &str) -> Result<Option<String>, StorageError> {
    local()?.get_item(key).map_err(|e| StorageError::Refused(js_message(&e)))
}

/// Writes a value and reads it back to make sure the browser kept it.
pub fn set(key: &str, value: &str) -> Result<(), StorageError> {
    let storage = local()?;
    storage.set_item(key, value).map_err(|error| classify_write_error(&error))?;
    match storage.get_item(key) {
        Ok(Some(back)) if back == value => Ok(()),
        _ => Err(StorageError::VerifyFailed),
    }
}

pub fn remove(key: &str) -> Result<(), StorageError> {
    local()?.remove_item(key).map_err(|e| StorageError::Refused(js_message(&e)))
}

/// A value in this tab's session storage (`None` removes it). Losing it only costs a reload its
/// place, so failures are ignored.
pub fn set_session(key: &str, value: Option<&str>) {
    if session_available() {
        match value {
            Some(value) => drop(SessionStorage::set(key, value)),
            None => SessionStorage::delete(key),
        }
    }
}

pub fn session(key: &str) -> Option<String> {
    if !session_available() {
        return None;
    }
    SessionStorage::get(key).ok()
}

fn session_available() -> bool {
    web_sys::window().is_some_and(|w| matches!(w.session_storage(), Ok(Some(_))))
}

fn classify_write_error(error: &JsValue) -> StorageError {
    let name = error
        .dyn_ref::<web_sys::DomException>()
        .map(|e| e.name())
        .unwrap_or_default();
    match name.as_str() {
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StorageError::QuotaExceeded,
        "SecurityError" => StorageError::Unavailable(js_message(error)),
        _ => StorageError::Refused(js_message(error)),
    }
}

fn js_message(error: &JsValue) -> String {
    if let Some(exception) = error.dyn_ref::<web_sys::DomException>() {
        return format!("{}: {}", exception.name(), exception.message());
    }
    if let Some(error) = error.dyn_ref::<js_sys::Error>() {
        return String::from(error.message());
    }
    error.as_string().unwrap_or_else(|| "unknown error".into())
}
