//! Files in and out: downloads through a Blob link, uploads read with a size cap.

use igf_codecs::decimal;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Files larger than this are refused before they are read.
pub const MAX_IMPORT_BYTES: f64 = 5.0 * 1024.0 * 1024.0;

/// Offers bytes as a download with the given file name.
pub fn download(name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let fail = |e: JsValue| {
        let reason = e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).or_else(|| e.as_string());
        format!("the browser refused the download ({})", reason.unwrap_or_else(|| "no reason given".into()))
    };
    let document = web_sys::window().and_then(|w| w.document()).ok_or("there is no document")?;
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a").map_err(fail)?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    // Give the browser time to start the download before the URL is released.
    let release = url.clone();
    gloo_timers::callback::Timeout::new(60_000, move || {
        let _ = web_sys::Url::revoke_object_url(&release);
    })
    .forget();
    Ok(())
}

/// Reads a chosen file's bytes, refusing files above [`MAX_IMPORT_BYTES`] before reading.
pub async fn read(file: web_sys::File) -> Result<Vec<u8>, String> {
    if file.size() > MAX_IMPORT_BYTES {
        return Err(format!(
            "“{}” is {} MB; files up to {} MB can be imported",
            file.name(),
            decimal::fixed(file.size() / 1_048_576.0, 1),
            decimal::fixed(MAX_IMPORT_BYTES / 1_048_576.0, 0)
        ));
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| format!("“{}” could not be read", file.name()))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
