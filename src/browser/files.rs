//! Files in and out: downloads through a Blob link, uploads read with a size cap.

use igf_core::text::i18n::{Arg, Msg};
use thiserror::Error;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::failure::reason;

/// Files larger than this are refused before they are read.
pub const MAX_IMPORT_BYTES: f64 = 5.0 * 1024.0 * 1024.0;

/// Why a file did not go out or come in, as a clause.
#[derive(Debug, Error, Clone, PartialEq)]
pub enum FileError {
    NoPage,
    DownloadRefused(String),
    TabBlocked,
    TabRefused(String),
    ShowRefused(String),
    TooLarge { name: String, bytes: f64 },
    Unreadable { name: String },
}

impl FileError {
    pub fn msg(&self) -> Msg {
        let megabytes = |bytes: f64, places| Arg::decimal(bytes / 1_048_576.0, places);
        match self {
            FileError::NoPage => Msg::new("error.browser.no_window"),
            FileError::DownloadRefused(detail) => Msg::new("error.file.download_refused").arg("detail", detail),
            FileError::TabBlocked => Msg::new("error.file.tab_blocked"),
            FileError::TabRefused(detail) => Msg::new("error.file.tab_refused").arg("detail", detail),
            FileError::ShowRefused(detail) => Msg::new("error.file.show_refused").arg("detail", detail),
            FileError::TooLarge { name, bytes } => {
                Msg::new("error.file.too_large").arg("name", name).arg("size", megabytes(*bytes, 1)).arg("limit", megabytes(MAX_IMPORT_BYTES, 0))
            }
            FileError::Unreadable { name } => Msg::new("error.file.unreadable").arg("name", name),
        }
    }
}

igf_core::display_in_english!(FileError);

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
pub fn download(name: &str, mime: &str, bytes: &[u8]) -> Result<(), FileError> {
    let fail = |e: JsValue| FileError::DownloadRefused(reason(&e));
    let document = web_sys::window().and_then(|w| w.document()).ok_or(FileError::NoPage)?;
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
    pub fn open() -> Result<Tab, FileError> {
        let window = web_sys::window().ok_or(FileError::NoPage)?;
        match window.open_with_url_and_target("", "_blank") {
            Ok(Some(tab)) => Ok(Tab(tab)),
            Ok(None) => Err(FileError::TabBlocked),
            Err(e) => Err(FileError::TabRefused(reason(&e))),
        }
    }

    /// Shows the bytes in the tab, as the browser shows a file of that type.
    pub fn show(self, mime: &str, bytes: &[u8]) -> Result<(), FileError> {
        let fail = |e: JsValue| FileError::ShowRefused(reason(&e));
        let url = object_url(mime, bytes).map_err(fail)?;
        self.0.location().set_href(&url).map_err(fail)
    }

    pub fn close(self) {
        let _ = self.0.close();
    }
}

/// Reads a chosen file's bytes, refusing files above [`MAX_IMPORT_BYTES`] before reading.
pub async fn read(file: web_sys::File) -> Result<Vec<u8>, FileError> {
    if file.size() > MAX_IMPORT_BYTES {
        return Err(FileError::TooLarge { name: file.name(), bytes: file.size() });
    }
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|_| FileError::Unreadable { name: file.name() })?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
