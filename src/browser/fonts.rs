//! The fonts the PDF embeds, fetched from `fonts/` beside the app when a PDF first needs them
//! (the service worker answers from its font cache once it has them), and kept for the tab.
//!
//! Invariant: a font reaches the PDF writer only whole (its size is the one the build ships);
//! a failed or cut-short download is an error sentence, and the next export tries again.

use std::cell::RefCell;
use std::sync::Arc;

use igf_core::formats::pdf::{FontFile, Fonts};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

thread_local! {
    static LOADED: RefCell<Fonts> = RefCell::new(Fonts::default());
}

/// The fonts `needed`, fetching those not loaded yet; `progress` hears the bytes received of
/// those fetched, and their total, after each piece that arrives.
pub async fn load(needed: &[FontFile], progress: &dyn Fn(u64, u64)) -> Result<Fonts, String> {
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

async fn fetch(file: FontFile, received: &dyn Fn(u64)) -> Result<Vec<u8>, String> {
    let name = file.file_name();
    let failed = |_: JsValue| format!("the font “{name}” could not be loaded (check the connection)");
    let window = web_sys::window().ok_or("there is no window")?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(&format!("fonts/{name}"))).await.map_err(failed)?.unchecked_into();
    if !response.ok() {
        return Err(format!("the font “{name}” could not be loaded (the server answered {})", response.status()));
    }
    let body = response.body().ok_or_else(|| format!("the font “{name}” came without content"))?;
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
        return Err(format!("the font “{name}” arrived incomplete ({} of {} bytes)", bytes.len(), file.bytes()));
    }
    Ok(bytes)
}
