//! Files in and out: downloads through a Blob link, uploads read with a size cap.

use igf_codecs::decimal;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Files larger than this are refused before they are read.
pub const MAX_IMPORT_BYTES: f64 = 5.0 * 1024.0 * 1024.0;

/// Why the browser refused something, in a few words.
fn reason(e: &JsValue) -> String {
    let reason = e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).or_else(|| e.as_string());
    reason.unwrap_or_else(|| "no reason given".into())
}

/// Bytes as an address of this page, released a minute later (time for the browser to start a
/// download or show the file).
fn object_url(mime: &str, bytes: &[u8]) -> Result<String, JsValue> {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let release = url.clone();
    gloo_timers::callback::Timeout::new(60_000, move || {
        let _ = web_sys::Url::revoke_object_url(&release);
    })
    .forget();
    Ok(url)
}

/// Offers bytes as a download with the given file name.
pub fn download(name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let fail = |e: JsValue| format!("the browser refused the download ({})", reason(&e));
    let document = web_sys::window().and_then(|w| w.document()).ok_or("there is no document")?;
    let url = object_url(mime, bytes).map_err(fail)?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a").map_err(fail)?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    Ok(())
}

/// A new tab, opened in the click that asks for it (a tab opened later, once the file is
/// made, would be blocked), to show a file in.
pub struct Tab(web_sys::Window);

impl Tab {
    pub fn open() -> Result<Tab, String> {
        let window = web_sys::window().ok_or("there is no window")?;
        match window.open_with_url_and_target("", "_blank") {
            Ok(Some(tab)) => Ok(Tab(tab)),
            Ok(None) => Err("the browser did not open a new tab (allow pop-ups for this site)".into()),
            Err(e) => Err(format!("the browser did not open a new tab ({})", reason(&e))),
        }
    }

    /// Shows the bytes in the tab, as the browser shows a file of that type.
    pub fn show(self, mime: &str, bytes: &[u8]) -> Result<(), String> {
        let fail = |e: JsValue| format!("the browser could not show the file ({})", reason(&e));
        let url = object_url(mime, bytes).map_err(fail)?;
        self.0.location().set_href(&url).map_err(fail)
    }

    pub fn close(self) {
        let _ = self.0.close();
    }
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
