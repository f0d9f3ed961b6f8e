//! Browser failures as values: the browser's own words for a refusal, and the fetch of a file
//! beside the app (a font, a catalogue), which fails the same way whatever the file.

use igf_core::text::i18n::Msg;
use thiserror::Error;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Why the browser refused something, in its own words (which are in the browser's language).
pub fn reason(error: &JsValue) -> String {
    if let Some(exception) = error.dyn_ref::<web_sys::DomException>() {
        return format!("{}: {}", exception.name(), exception.message());
    }
    if let Some(error) = error.dyn_ref::<js_sys::Error>() {
        return String::from(error.message());
    }
    error.as_string().unwrap_or_else(|| "no reason given".into())
}

/// Why a file beside the app could not be had, as a clause naming its path.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum FetchError {
    /// The page has no window (never in a real tab; kept a value, not a panic).
    NoWindow,
    Offline { path: String },
    Status { path: String, status: u16 },
    Empty { path: String },
    Incomplete { path: String, received: usize, expected: usize },
}

impl FetchError {
    pub fn msg(&self) -> Msg {
        match self {
            FetchError::NoWindow => Msg::new("error.browser.no_window"),
            FetchError::Offline { path } => Msg::new("error.fetch.offline").arg("path", path),
            FetchError::Status { path, status } => Msg::new("error.fetch.status").arg("path", path).arg("status", *status),
            FetchError::Empty { path } => Msg::new("error.fetch.empty").arg("path", path),
            FetchError::Incomplete { path, received, expected } => {
                Msg::new("error.fetch.incomplete").arg("path", path).arg("received", *received).arg("expected", *expected)
            }
        }
    }
}

igf_core::display_in_english!(FetchError);

/// The answer for `path`, beside the app, once the server has said it has the file.
pub async fn get(path: &str) -> Result<web_sys::Response, FetchError> {
    let window = web_sys::window().ok_or(FetchError::NoWindow)?;
    let offline = || FetchError::Offline { path: path.to_owned() };
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(path)).await.map_err(|_| offline())?.unchecked_into();
    if !response.ok() {
        return Err(FetchError::Status { path: path.to_owned(), status: response.status() });
    }
    Ok(response)
}
