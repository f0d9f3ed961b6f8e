//! The fonts the PDF embeds, fetched from `fonts/` beside the app when a PDF first needs them
//! (the service worker answers from its font cache once it has them), and kept for the tab.
//!
//! The page view draws with the same files, added to the document's fonts ([`show`]).
//!
//! Invariant: a font reaches the PDF writer only whole (its size is the one the build ships);
//! a failed or cut-short download is an error sentence, and the next export tries again.

use std::cell::RefCell;
use std::sync::Arc;

use igf_core::formats::pdf::{FontFile, Fonts};
use igf_core::text::i18n::Msg;
use thiserror::Error;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::failure::{self, FetchError};

/// Why fonts could not be had or drawn with, as a clause.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum FontLoadError {
    Fetch(#[from] FetchError),
    Refused { file: &'static str, detail: String },
}

impl FontLoadError {
    pub fn msg(&self) -> Msg {
        match self {
            FontLoadError::Fetch(error) => error.msg(),
            FontLoadError::Refused { file, detail } => Msg::new("error.font.refused").arg("file", *file).arg("detail", detail),
        }
    }
}

igf_core::display_in_english!(FontLoadError);

thread_local! {
    static LOADED: RefCell<Fonts> = RefCell::new(Fonts::default());
}

/// The fonts `needed`, fetching those not loaded yet; `progress` hears the bytes received of
/// those fetched, and their total, after each piece that arrives.
pub async fn load(needed: &[FontFile], progress: &dyn Fn(u64, u64)) -> Result<Fonts, FontLoadError> {
    let missing: Vec<FontFile> = needed.iter().copied().filter(|&f| !LOADED.with(|l| l.borrow().has(f))).collect();
    let total: u64 = missing.iter().map(|f| u64::from(f.bytes())).sum();
    let mut done = 0u64;
    if total > 0 {
        progress(0, total);
    }
    for file in missing {
        let bytes = fetch(file, &|received| progress(done + received, total)).await?;
        done += bytes.len() as u64;
        LOADED.with(|l| l.borrow_mut().insert(file, Arc::from(bytes)));
    }
    Ok(LOADED.with(|l| l.borrow().clone()))
}

async fn fetch(file: FontFile, received: &dyn Fn(u64)) -> Result<Vec<u8>, FetchError> {
    let path = format!("fonts/{}", file.file_name());
    let failed = |_: JsValue| FetchError::Offline { path: path.clone() };
    let response = failure::get(&path).await?;
    let body = response.body().ok_or_else(|| FetchError::Empty { path: path.clone() })?;
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut bytes = Vec::with_capacity(file.bytes() as usize);
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(failed)?;
        if js_sys::Reflect::get(&chunk, &"done".into()).map_err(failed)?.is_truthy() {
            break;
        }
        let value = js_sys::Reflect::get(&chunk, &"value".into()).map_err(failed)?;
        bytes.extend_from_slice(&js_sys::Uint8Array::new(&value).to_vec());
        received(bytes.len() as u64);
    }
    if bytes.len() != file.bytes() as usize {
        return Err(FetchError::Incomplete { path, received: bytes.len(), expected: file.bytes() as usize });
    }
    Ok(bytes)
}

thread_local! {
    static SHOWN: RefCell<Vec<FontFile>> = const { RefCell::new(Vec::new()) };
}

/// The family, weight and style under which the page view draws with a font file; the
/// stylesheet names the same families (`.sheet` in style/main.css).
fn face(file: FontFile) -> (&'static str, &'static str, &'static str) {
    let family = match file {
        FontFile::Regular | FontFile::Bold | FontFile::Italic | FontFile::BoldItalic => "IGF Serif",
        FontFile::FallbackRegular | FontFile::FallbackBold | FontFile::FallbackItalic | FontFile::FallbackBoldItalic => "IGF Serif Fallback",
        FontFile::Mono => "IGF Mono",
    };
    let weight = if matches!(file, FontFile::Bold | FontFile::BoldItalic | FontFile::FallbackBold | FontFile::FallbackBoldItalic) { "700" } else { "400" };
    let style = if matches!(file, FontFile::Italic | FontFile::BoldItalic | FontFile::FallbackItalic | FontFile::FallbackBoldItalic) { "italic" } else { "normal" };
    (family, weight, style)
}

/// Makes the fonts `needed` drawable in the page, for the page view: loaded as for the PDF
/// (`load`, with its `progress`), then added to the document's fonts, once each.
pub async fn show(needed: &[FontFile], progress: &dyn Fn(u64, u64)) -> Result<(), FontLoadError> {
    let fonts = load(needed, progress).await?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or(FetchError::NoWindow)?;
    for &file in needed {
        if SHOWN.with(|s| s.borrow().contains(&file)) {
            continue;
        }
        let refused = |e: JsValue| FontLoadError::Refused { file: file.file_name(), detail: failure::reason(&e) };
        // `load` gave every file needed, or failed.
        let Some(bytes) = fonts.get(file) else { continue };
        let (family, weight, style) = face(file);
        let descriptors = web_sys::FontFaceDescriptors::new();
        descriptors.set_weight(weight);
        descriptors.set_style(style);
        let font = web_sys::FontFace::new_with_u8_array_and_descriptors(family, bytes, &descriptors).map_err(refused)?;
        JsFuture::from(font.load().map_err(refused)?).await.map_err(refused)?;
        document.fonts().add(&font).map_err(refused)?;
        SHOWN.with(|s| s.borrow_mut().push(file));
    }
    Ok(())
}
