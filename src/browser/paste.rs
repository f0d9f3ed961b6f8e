//! Pasting rich text: the HTML and plain text a paste carries, and inserting text into a field
//! through the editing command, the one way that keeps a textarea's own undo (one Ctrl+Z
//! takes the whole paste back).

use wasm_bindgen::JsCast;

/// The `text/html` of a paste, if it carries any.
pub fn html_of(event: &web_sys::ClipboardEvent) -> Option<String> {
    event.clipboard_data()?.get_data("text/html").ok().filter(|html| !html.trim().is_empty())
}

/// The plain text of a paste.
pub fn plain_of(event: &web_sys::ClipboardEvent) -> String {
    event.clipboard_data().and_then(|data| data.get_data("text/plain").ok()).unwrap_or_default()
}

/// Inserts text at the caret of `field` (focused again if the focus moved) as if typed. Should
/// the browser refuse the command, the text replaces the selection directly and the field is
/// told of the change: the paste is kept, without its own undo step.
pub fn insert_into(field: &web_sys::HtmlTextAreaElement, text: &str) {
    let _ = field.focus();
    let document = web_sys::window().and_then(|w| w.document()).and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok());
    if document.is_some_and(|d| d.exec_command_with_show_ui_and_value("insertText", false, text).unwrap_or(false)) {
        return;
    }
    let _ = field.set_range_text(text);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    if let Ok(input) = web_sys::Event::new_with_event_init_dict("input", &init) {
        let _ = field.dispatch_event(&input);
    }
}
