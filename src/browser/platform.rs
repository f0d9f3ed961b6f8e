//! Small services of the browser: the clock and calendar, random ids, local date formatting,
//! focus, and debounced timers.

use std::cell::RefCell;

use gloo_timers::callback::Timeout;
use igf_core::model::calendar::CivilDate;
use igf_core::model::draft::DraftId;
use igf_core::text::i18n::Lang;
use wasm_bindgen::{JsCast, JsValue};

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
    // In the interface's language (the page's `lang`), with the digits its messages use.
    let lang = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()).and_then(|e| e.get_attribute("lang"));
    let locale = lang.as_deref().and_then(Lang::from_tag).and_then(Lang::locale).unwrap_or("default");
    date.to_locale_string(locale, &object).into()
}

/// The author's calendar date, from the browser's local time zone.
pub fn today() -> CivilDate {
    let now = js_sys::Date::new_0();
    let date = CivilDate::new(now.get_full_year() as i32, now.get_month() as u8 + 1, now.get_date() as u8);
    // The browser always gives a valid date; the epoch is only a formal fallback.
    date.unwrap_or_else(|| CivilDate::from_days_since_epoch(0))
}

/// Moves keyboard focus to an element and brings it into view. Returns false when there is no
/// element with that id.
pub fn focus_element(id: &str) -> bool {
    let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    element.scroll_into_view_with_bool(false);
    element.focus().is_ok()
}

/// How many microtask turns [`focus_after_render`] follows the render for.
const FOCUS_TURNS: usize = 4;

fn element_by_id<T: JsCast>(id: &str) -> Option<T> {
    web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)).and_then(|e| e.dyn_into::<T>().ok())
}

/// Puts the caret at `at` (UTF-16 units, as text fields count) in the text field `id`, focused
/// and in the middle of the view, in this task and again after the render in progress (which
/// may show the field first). Returns false when there is no such field.
pub fn place_caret(id: &str, at: u32) -> bool {
    let place = move |id: &str| {
        let Some(field) = element_by_id::<web_sys::HtmlTextAreaElement>(id) else { return false };
        let _ = field.focus();
        let _ = field.set_selection_range(at, at);
        scroll_to(&field, web_sys::ScrollLogicalPosition::Center);
        true
    };
    let placed = place(id);
    after_render(id.to_owned(), FOCUS_TURNS, Box::new(move |id| {
        if !has_focus(id) {
            place(id);
        }
    }));
    placed
}

fn scroll_to(element: &web_sys::Element, block: web_sys::ScrollLogicalPosition) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(block);
    element.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Scrolls the element `id` into view as little as needed, once the render in progress has
/// placed it.
pub fn reveal_after_render(id: String) {
    after_render(id, 1, Box::new(|id| {
        if let Some(element) = element_by_id::<web_sys::Element>(id) {
            scroll_to(&element, web_sys::ScrollLogicalPosition::Nearest);
        }
    }));
}

/// Runs `then` with `id` after each of the next `turns` microtask turns: after the render in
/// progress (one closure type for every caller, so one future in the wasm).
fn after_render(id: String, turns: usize, then: Box<dyn Fn(&str)>) {
    wasm_bindgen_futures::spawn_local(async move {
        for _ in 0..turns {
            let turn = js_sys::Promise::resolve(&JsValue::UNDEFINED);
            let _ = wasm_bindgen_futures::JsFuture::from(turn).await;
            then(&id);
        }
    });
}

/// The caret of a text area an event came from: its id and where the caret is (UTF-16 units).
pub fn caret_of(target: Option<web_sys::EventTarget>) -> Option<(String, u32)> {
    let field = target?.dyn_into::<web_sys::HtmlTextAreaElement>().ok()?;
    Some((field.id(), field.selection_start().ok().flatten()?))
}

/// The value of attribute `name` of the element an event came from, or of the nearest element
/// around it that has one.
pub fn attribute_around(target: Option<web_sys::EventTarget>, name: &str) -> Option<String> {
    let element = target?.dyn_into::<web_sys::Element>().ok()?;
    element.closest(&format!("[{name}]")).ok()??.get_attribute(name)
}

/// Whether the screen is narrow enough for the side panel to be a sheet over the form (the
/// breakpoint of style/main.css).
pub fn narrow_screen() -> bool {
    web_sys::window().and_then(|w| w.match_media("(max-width: 1099px)").ok().flatten()).is_some_and(|m| m.matches())
}

/// Moves focus to an element that the render in progress creates or replaces (a new row, a row
/// rebuilt after a reorder, a form that opens).
///
/// Leptos renders a change a microtask after the signal is set, and the next key event is a task
/// of its own: focusing now and again after each of the next microtasks (if the render replaced
/// or only then created the element) lands focus after the render and before any key typed next,
/// so no key reaches the control that asked for the move.
pub fn focus_after_render(id: impl Into<String>) {
    let id = id.into();
    focus_element(&id);
    after_render(id, FOCUS_TURNS, Box::new(|id| {
        if !has_focus(id) {
            focus_element(id);
        }
    }));
}

fn has_focus(id: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .is_some_and(|element| element.id() == id)
}

/// Runs the latest of several calls once things have been quiet for a while.
pub struct Debounce {
    delay_ms: u32,
    timer: RefCell<Option<Timeout>>,
}

impl Debounce {
    pub fn new(delay_ms: u32) -> Debounce {
        Debounce { delay_ms, timer: RefCell::new(None) }
    }

    /// Schedules `action`, cancelling the one scheduled before it.
    pub fn call(&self, action: impl FnOnce() + 'static) {
        *self.timer.borrow_mut() = Some(Timeout::new(self.delay_ms, action));
    }

    /// Cancels the scheduled action, if any.
    pub fn cancel(&self) {
        self.timer.borrow_mut().take();
    }
}
