//! The interface's language in the browser: the reader's own languages, the catalogue of one
//! fetched from `i18n/` beside the app when it is chosen (the service worker keeps every
//! catalogue in its on-demand cache after the first visit), and `lang` and `dir` on the page.
//!
//! Invariant: English is built in and never fetched; a catalogue that cannot be fetched or read
//! is an error sentence's reason, and the interface stays in the language it was in.

use igf_core::text::i18n::{Catalogue, CatalogueError, Lang, Msg};
use thiserror::Error;
use wasm_bindgen_futures::JsFuture;

use super::failure::{self, FetchError};

/// Why a catalogue could not be had, as a clause.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum LanguageError {
    Fetch(#[from] FetchError),
    /// The file is not a catalogue: a fault of the build, named as the check of it names it.
    Damaged { path: String, error: CatalogueError },
}

impl LanguageError {
    pub fn msg(&self) -> Msg {
        match self {
            LanguageError::Fetch(error) => error.msg(),
            LanguageError::Damaged { path, error } => Msg::new("error.catalogue.damaged").arg("path", path).arg("detail", error.to_string()),
        }
    }
}

igf_core::display_in_english!(LanguageError);

/// The reader's languages as the browser lists them, most wanted first.
pub fn browser_languages() -> Vec<String> {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else { return Vec::new() };
    let listed: Vec<String> = navigator.languages().iter().filter_map(|tag| tag.as_string()).collect();
    if listed.is_empty() { navigator.language().into_iter().collect() } else { listed }
}

/// The catalogue of `lang`, fetched; or why it could not be had, as a clause.
pub async fn fetch_catalogue(lang: Lang) -> Result<Catalogue, LanguageError> {
    let path = format!("i18n/{}.json", lang.tag());
    let failed = |_| FetchError::Offline { path: path.clone() };
    let response = failure::get(&path).await?;
    let text = JsFuture::from(response.text().map_err(failed)?).await.map_err(failed)?;
    Catalogue::parse(lang, &text.as_string().unwrap_or_default()).map_err(|error| LanguageError::Damaged { path, error })
}

/// Marks the page as written in `lang`, in its direction, for screen readers, fonts and layout.
pub fn mark_page(lang: Lang) {
    let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) else { return };
    let _ = root.set_attribute("lang", lang.tag());
    let _ = root.set_attribute("dir", lang.dir().attribute());
}
