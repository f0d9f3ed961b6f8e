//! Small facts from the browser: the clock, random ids, local date formatting.

use wasm_bindgen::JsValue;

use crate::core::draft::DraftId;

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// A new random draft id from the browser's cryptographic generator.
pub fn new_draft_id() -> DraftId {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|crypto| crypto.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        // Without Web Crypto, time plus Math.random is still unique enough for local drafts.
        let seed = (now_ms() as u128) << 64 | (js_sys::Math::random() * 2f64.powi(53)) as u128;
        bytes = seed.to_le_bytes();
    }
    DraftId::from_random(bytes)
}

/// A date and time in the reader's own locale, like "29 Nov 2026, 10:42".
pub fn format_local(ms: u64) -> String {
    locale_format(ms, &[("dateStyle", "medium"), ("timeStyle", "short")])
}

/// A time of day in the reader's own locale, like "10:42".
pub fn format_local_time(ms: u64) -> String {
    locale_format(ms, &[("timeStyle", "short")])
}

fn locale_format(ms: u64, options: &[(&str, &str)]) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(ms as f64));
    let object = js_sys::Object::new();
    for (name, value) in options {
        let _ = js_sys::Reflect::set(&object, &(*name).into(), &(*value).into());
    }
    // "default" asks for the browser's own locale.
    date.to_locale_string("default", &object).into()
}
