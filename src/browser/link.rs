//! The address bar and the clipboard, for share links: reading and clearing the fragment,
//! hearing it change, the app's own address, copying, and the text a reader selected.

use igf_core::text::i18n::Msg;
use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The fragment of the current address, with its `#`; empty when there is none.
pub fn fragment() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// Removes the fragment without reloading or adding a history entry, so that a reload does not
/// open the same link again.
pub fn clear_fragment() {
    let Some(window) = web_sys::window() else { return };
    let address = app_address();
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&address));
    }
}

/// The editor's address without query or fragment: share links start with it.
pub fn app_address() -> String {
    let location = web_sys::window().map(|w| w.location());
    let part = |f: fn(&web_sys::Location) -> Result<String, wasm_bindgen::JsValue>| location.as_ref().and_then(|l| f(l).ok()).unwrap_or_default();
    format!("{}{}", part(web_sys::Location::origin), part(web_sys::Location::pathname))
}

/// Calls `action` with the new fragment each time it changes (a link pasted into this tab).
pub fn on_fragment_change(action: impl Fn(String) + 'static) -> Option<EventListener> {
    let window = web_sys::window()?;
    Some(EventListener::new(&window, "hashchange", move |_| action(fragment())))
}

/// Copies text to the clipboard. Fails on pages that are not secure or when the browser says no.
pub async fn copy(text: &str) -> Result<(), ClipboardError> {
    let clipboard = web_sys::window()
        .map(|w| w.navigator())
        .and_then(|n| js_sys::Reflect::get(&n, &"clipboard".into()).ok())
        .filter(|c| !c.is_undefined())
        .ok_or(ClipboardError::Missing)?;
    let clipboard: web_sys::Clipboard = clipboard.unchecked_into();
    JsFuture::from(clipboard.write_text(text)).await.map(drop).map_err(|_| ClipboardError::Refused)
}

/// Why a copy failed, as a clause.
#[derive(Debug, thiserror::Error, Clone, Copy, PartialEq, Eq)]
pub enum ClipboardError {
    Missing,
    Refused,
}

impl ClipboardError {
    pub fn msg(self) -> Msg {
        match self {
            ClipboardError::Missing => Msg::new("error.clipboard.missing"),
            ClipboardError::Refused => Msg::new("error.clipboard.refused"),
        }
    }
}

igf_core::display_in_english!(ClipboardError);

/// The text selected inside the element with this id, if the selection lies within it.
pub fn selected_text_in(id: &str) -> Option<String> {
    let window = web_sys::window()?;
    let container = window.document()?.get_element_by_id(id)?;
    let selection = window.get_selection().ok()??;
    if selection.is_collapsed() {
        return None;
    }
    let inside = |node: Option<web_sys::Node>| node.is_some_and(|n| container.contains(Some(&n)));
    (inside(selection.anchor_node()) && inside(selection.focus_node())).then(|| String::from(selection.to_string()))
}
