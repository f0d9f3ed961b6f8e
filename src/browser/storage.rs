//! The browser's storage behind `core::store`: local storage as a [`KeyValue`], the tab's open
//! draft in session storage, `storage` events from other tabs, and persistent-storage requests.
//!
//! Every failure comes back as a value; nothing here panics, including in browsers that disable
//! storage (then drafts live in memory for the life of the tab, and the author is told).

use std::rc::Rc;

use gloo_events::EventListener;
use gloo_storage::{LocalStorage, SessionStorage, Storage};
use igf_core::model::draft::DraftId;
use igf_core::store::{KeyValue, MemoryStore, Store, StoreError};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::failure;

const OPEN_DRAFT_KEY: &str = "igf-proposal-editor/open-draft";

/// The browser's local storage, as raw text: the store writes and compares exact values and
/// needs each error's detail (a full quota, for one), which gloo's JSON layer would hide.
pub struct LocalKv(web_sys::Storage);

impl LocalKv {
    pub fn open() -> Result<LocalKv, StoreError> {
        // gloo's `raw()` throws when storage is refused; asking first keeps the reason.
        let window = web_sys::window().ok_or_else(|| StoreError::Unavailable("no window".into()))?;
        match window.local_storage() {
            Ok(Some(_)) => Ok(LocalKv(LocalStorage::raw())),
            Ok(None) => Err(StoreError::Unavailable("no local storage".into())),
            Err(error) => Err(StoreError::Unavailable(failure::reason(&error))),
        }
    }
}

impl KeyValue for LocalKv {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.0.get_item(key).map_err(|e| StoreError::Unavailable(failure::reason(&e)))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.0.set_item(key, value).map_err(|e| classify_write_error(&e))
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.0.remove_item(key).map_err(|e| StoreError::Refused(failure::reason(&e)))
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let length = self.0.length().map_err(|e| StoreError::Unavailable(failure::reason(&e)))?;
        Ok((0..length).filter_map(|index| self.0.key(index).ok().flatten()).collect())
    }
}

/// The store the app uses: local storage, or memory with the reason local storage is refused.
pub fn open_store() -> (Store, Option<StoreError>) {
    match LocalKv::open() {
        Ok(local) => (Store::new(Rc::new(local)), None),
        Err(error) => (Store::new(Rc::new(MemoryStore::default())), Some(error)),
    }
}

/// Calls `on_change` with the new value (`None` when removed) whenever another tab changes
/// `key`. Browsers fire `storage` events only in the other tabs, never in the writer.
pub fn watch_key(key: String, on_change: impl Fn(Option<String>) + 'static) -> Option<EventListener> {
    let window = web_sys::window()?;
    Some(EventListener::new(&window, "storage", move |event| {
        let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else { return };
        // A `clear()` elsewhere arrives with no key.
        if event.key().is_none_or(|k| k == key) {
            on_change(event.new_value());
        }
    }))
}

/// Whether the browser keeps this site's storage under storage pressure, and how much of its
/// quota the site uses, in bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Persistence {
    pub persisted: bool,
    pub usage: Option<u64>,
    pub quota: Option<u64>,
}

fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    // Absent in insecure contexts and old browsers.
    js_sys::Reflect::has(&navigator, &JsValue::from_str("storage")).ok()?.then(|| navigator.storage())
}

async fn promise(promise: Result<js_sys::Promise, JsValue>) -> Option<JsValue> {
    JsFuture::from(promise.ok()?).await.ok()
}

/// Asks the browser to keep this site's data (some browsers ask the user), then reports.
pub async fn request_persistence() -> Persistence {
    if let Some(manager) = storage_manager() {
        promise(manager.persist()).await;
    }
    persistence().await
}

pub async fn persistence() -> Persistence {
    let Some(manager) = storage_manager() else { return Persistence::default() };
    let persisted = promise(manager.persisted()).await.and_then(|v| v.as_bool()).unwrap_or(false);
    let estimate = promise(manager.estimate()).await;
    let number = |name: &str| {
        let value = js_sys::Reflect::get(estimate.as_ref()?, &JsValue::from_str(name)).ok()?;
        value.as_f64().map(|v| v as u64)
    };
    Persistence { persisted, usage: number("usage"), quota: number("quota") }
}

/// Remembers which draft this tab shows, so a reload reopens it.
pub fn remember_open_draft(id: Option<&DraftId>) {
    set_session(OPEN_DRAFT_KEY, id.map(DraftId::as_str));
}

pub fn open_draft_id() -> Option<DraftId> {
    DraftId::parse(&session(OPEN_DRAFT_KEY)?)
}

// Session storage for modules of their own (`review_store`).

/// A value in this tab's session storage (`None` removes it). Losing it only costs a reload its
/// place, so failures are ignored. Values are plain text, not gloo's JSON strings.
pub fn set_session(key: &str, value: Option<&str>) {
    if session_available() {
        match value {
            Some(value) => drop(SessionStorage::raw().set_item(key, value)),
            None => SessionStorage::delete(key),
        }
    }
}

pub fn session(key: &str) -> Option<String> {
    if !session_available() {
        return None;
    }
    let text = SessionStorage::raw().get_item(key).ok()??;
    // Builds before 2026-12 wrote each value as a JSON string.
    Some(serde_json::from_str::<String>(&text).unwrap_or(text))
}

fn session_available() -> bool {
    web_sys::window().is_some_and(|w| matches!(w.session_storage(), Ok(Some(_))))
}

fn classify_write_error(error: &JsValue) -> StoreError {
    let name = error.dyn_ref::<web_sys::DomException>().map(|e| e.name()).unwrap_or_default();
    match name.as_str() {
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StoreError::QuotaExceeded,
        "SecurityError" => StoreError::Unavailable(failure::reason(error)),
        _ => StoreError::Refused(failure::reason(error)),
    }
}

