//! The last line of defence: a panic must never cost the author their text.
//!
//! The autosaver hands every change it has not yet written to [`keep`], a plain copy outside the
//! reactive graph (whose signals may already be disposed when a panic happens). The panic hook
//! ([`install`]) writes that copy to storage synchronously, before anything else, then tells the
//! author in one sentence built with plain DOM calls: after the trap that follows a panic
//! (`panic = "abort"`), no Rust closure runs again, so Reload is a plain link.
//!
//! Invariant: nothing here panics. Every step that can fail is skipped, and a borrow that is
//! already taken (a panic inside [`keep`]) leaves the copy alone instead of panicking again.

use std::cell::RefCell;

use igf_core::document::Document;
use igf_core::formats::text;
use igf_core::model::draft::Draft;
use igf_core::store::{Store, StoreError};
use wasm_bindgen::JsCast;

/// What the autosaver has not written yet, with the stored text it was read from.
struct Unsaved {
    store: Store,
    draft: Draft,
    known: Option<String>,
}

thread_local! {
    static UNSAVED: RefCell<Option<Unsaved>> = const { RefCell::new(None) };
}

/// Remembers the latest draft that is not yet in storage; `known` is the stored text it must
/// replace (`None` for a draft never stored).
pub fn keep(store: &Store, draft: &Draft, known: Option<&str>) {
    UNSAVED.with(|cell| {
        if let Ok(mut slot) = cell.try_borrow_mut() {
            *slot = Some(Unsaved { store: store.clone(), draft: draft.clone(), known: known.map(str::to_owned) });
        }
    });
}

/// Everything kept is in storage now.
pub fn saved() {
    UNSAVED.with(|cell| {
        if let Ok(mut slot) = cell.try_borrow_mut() {
            *slot = None;
        }
    });
}

/// What the panic hook managed to do with the author's text.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Everything typed is in storage.
    Saved,
    /// The latest text could not be written; it is offered to copy.
    NotSaved { error: StoreError, text: String },
}

impl Outcome {
    pub fn sentence(&self) -> String {
        match self {
            Outcome::Saved => "Something went wrong. Your text is saved. Reload to go on.".to_owned(),
            Outcome::NotSaved { error, .. } => format!(
                "Something went wrong, and your latest text could not be saved because {error}. Copy it from the box below before you reload."
            ),
        }
    }
}

/// Writes the kept copy to storage now.
pub fn save_now() -> Outcome {
    let taken = UNSAVED.with(|cell| cell.try_borrow_mut().ok().and_then(|mut slot| slot.take()));
    let Some(unsaved) = taken else { return Outcome::Saved };
    match unsaved.store.save(&unsaved.draft, unsaved.known.as_deref()) {
        Ok(_) => Outcome::Saved,
        Err(error) => Outcome::NotSaved { error, text: text::export(&Document::final_version(&unsaved.draft)) },
    }
}

/// Installs the panic hook: save, tell the author, then log the panic as before.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let outcome = save_now();
        show(&outcome);
        console_error_panic_hook::hook(info);
    }));
}

/// The element the hook adds to the page, found by tests.
pub const NOTICE_ID: &str = "panic-notice";

/// Puts the sentence at the top of the page, with Reload as a link and, when the text could not
/// be saved, the text in a read-only box.
fn show(outcome: &Outcome) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let (Ok(banner), Ok(sentence), Ok(reload)) =
        (document.create_element("div"), document.create_element("p"), document.create_element("a"))
    else {
        return;
    };
    banner.set_id(NOTICE_ID);
    let _ = banner.set_attribute("class", "banner banner-error panic-notice");
    let _ = banner.set_attribute("role", "alert");
    sentence.set_text_content(Some(&outcome.sentence()));
    reload.set_text_content(Some("Reload"));
    // The address without the fragment, so a share link that caused the trouble is not reopened.
    let address = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    let _ = reload.set_attribute("href", address.split('#').next().unwrap_or_default());
    let _ = reload.set_attribute("class", "button-primary");
    let _ = banner.append_child(&sentence);
    if let Outcome::NotSaved { text, .. } = outcome
        && let Ok(element) = document.create_element("textarea")
    {
        let _ = element.set_attribute("readonly", "");
        let _ = element.set_attribute("aria-label", "Your latest text");
        let _ = element.set_attribute("rows", "8");
        if let Some(field) = element.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            field.set_value(text);
        }
        let _ = banner.append_child(&element);
    }
    let _ = banner.append_child(&reload);
    if let Some(body) = document.body() {
        let _ = body.insert_before(&banner, body.first_child().as_ref());
    }
}
