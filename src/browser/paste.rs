//! Pasting rich text: the HTML a paste carries, and inserting text into the focused field
//! through the editing command, the one way that keeps a textarea's own undo (one Ctrl+Z
//! takes the whole paste back).

use wasm_bindgen::JsCast;

/// The `text/html` of a paste, if it carries any.
pub fn html_of(event: &web_sys::ClipboardEvent) -> Option<String> {
    event.clipboard_data()?.get_data("text/html").ok().filter(|html| !html.trim().is_empty())
}

/// Inserts text at the caret of the focused field as if typed; `false` when the browser
/// refused (the caller then lets the paste happen as it would have).
pub fn insert_text(text: &str) -> bool {
    let document = web_sys::window().and_then(|w| w.document()).and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok());
    document.is_some_and(|d| d.exec_command_with_show_ui_and_value("insertText", false, text).unwrap_or(false))
}
