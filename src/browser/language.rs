//! The interface's language in the browser: the reader's own languages, the catalogue of one
//! fetched from `i18n/` beside the app when it is chosen (the service worker keeps every
//! catalogue in its on-demand cache after the first visit), and `lang` and `dir` on the page.
//!
//! Invariant: English is built in and never fetched; a catalogue that cannot be fetched or read
//! is an error sentence's reason, and the interface stays in the language it was in.

use igf_core::text::i18n::{Catalogue, Lang};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The reader's languages as the browser lists them, most wanted first.
pub fn browser_languages() -> Vec<String> {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else { return Vec::new() };
    let listed: Vec<String> = navigator.languages().iter().filter_map(|tag| tag.as_string()).collect();
    if listed.is_empty() { navigator.language().into_iter().collect() } else { listed }
}

/// The catalogue of `lang`, fetched; or why it could not be had, as a clause.
pub async fn fetch_catalogue(lang: Lang) -> Result<Catalogue, String> {
    let tag = lang.tag();
    let failed = |_| format!("the file i18n/{tag}.json could not be loaded (check the connection)");
    let window = web_sys::window().ok_or("there is no window")?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(&format!("i18n/{tag}.json"))).await.map_err(failed)?.unchecked_into();
    if !response.ok() {
        return Err(format!("the file i18n/{tag}.json could not be loaded (the server answered {})", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(failed)?).await.map_err(failed)?;
    Catalogue::parse(lang, &text.as_string().unwrap_or_default()).map_err(|e| e.to_string())
}

/// Marks the page as written in `lang`, in its direction, for screen readers, fonts and layout.
pub fn mark_page(lang: Lang) {
    let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) else { return };
    let _ = root.set_attribute("lang", lang.tag());
    let _ = root.set_attribute("dir", lang.dir().attribute());
}
