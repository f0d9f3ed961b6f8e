//! Debounced autosave: a change is written within [`DEBOUNCE_MS`], and at once when the page is
//! hidden or unloaded (`pagehide`, `visibilitychange` to hidden), so closing a tab right after
//! typing loses nothing.
//!
//! Invariant: the latest draft handed to [`Autosaver::schedule`] is either written or reported
//! as failed through the status callback; it is never dropped silently.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use gloo_events::EventListener;
use gloo_timers::callback::Timeout;

use super::platform::now_ms;
use super::storage::{self, StorageError};
use crate::core::draft::Draft;
use crate::core::envelope;

pub const DEBOUNCE_MS: u32 = 600;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    /// Nothing to save yet (a new, empty draft).
    Idle,
    /// A change waits for the debounce timer.
    Pending,
    /// Everything is saved; the time of the last write, in ms since the epoch.
    Saved(u64),
    Failed(StorageError),
}

/// Saves one draft as it changes. Dropping it writes what is pending and removes its listeners.
pub struct Autosaver {
    inner: Rc<Inner>,
    _listeners: [EventListener; 2],
}

struct Inner {
    pending: RefCell<Option<Draft>>,
    timer: RefCell<Option<Timeout>>,
    /// The last envelope written, to skip writes that would change nothing.
    last_written: RefCell<Option<String>>,
    on_status: Box<dyn Fn(SaveStatus)>,
}

impl Autosaver {
    /// `stored` says whether the draft already exists in storage: blank drafts that were never
    /// stored are not written until something is typed.
    pub fn new(initial: &Draft, stored: bool, on_status: impl Fn(SaveStatus) + 'static) -> Autosaver {
        let inner = Rc::new(Inner {
            pending: RefCell::new(None),
            timer: RefCell::new(None),
            last_written: RefCell::new(stored.then(|| envelope::encode(initial))),
            on_status: Box::new(on_status),
        });
        let window = gloo_utils_window();
        let document = window.document();
        let on_hide = Rc::downgrade(&inner);
        let pagehide = EventListener::new(&window, "pagehide", move |_| flush_weak(&on_hide));
        let on_hidden = Rc::downgrade(&inner);
        let visibility_target: web_sys::EventTarget = match document {
            Some(document) => document.into(),
            None => window.clone().into(),
        };
        let visibility = EventListener::new(&visibility_target, "visibilitychange", move |_| {
            let hidden = web_sys::window()
                .and_then(|w| w.document())
                .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Hidden);
            if hidden {
                flush_weak(&on_hidden);
            }
        });
        Autosaver { inner, _listeners: [pagehide, visibility] }
    }

    /// Takes the latest state of the draft and writes it after a short pause in typing.
    pub fn schedule(&self, draft: Draft) {
        if draft.is_blank() && self.inner.last_written.borrow().is_none() {
            return;
        }
        *self.inner.pending.borrow_mut() = Some(draft);
        (self.inner.on_status)(SaveStatus::Pending);
        let weak = Rc::downgrade(&self.inner);
        let timer = Timeout::new(DEBOUNCE_MS, move || flush_weak(&weak));
        // Replacing the old timer cancels it.
        *self.inner.timer.borrow_mut() = Some(timer);
    }

    /// Writes what is pending now.
    pub fn flush(&self) {
        self.inner.flush();
    }
}

impl Drop for Autosaver {
    fn drop(&mut self) {
        self.inner.flush();
    }
}

fn flush_weak(inner: &Weak<Inner>) {
    if let Some(inner) = inner.upgrade() {
        inner.flush();
    }
}

impl Inner {
    fn flush(&self) {
        self.timer.borrow_mut().take();
        let Some(draft) = self.pending.borrow_mut().take() else { return };
        let encoded = envelope::encode(&draft);
        if self.last_written.borrow().as_deref() == Some(encoded.as_str()) {
            (self.on_status)(SaveStatus::Saved(now_ms()));
            return;
        }
        match storage::write_encoded(&draft.id, &encoded) {
            Ok(()) => {
                *self.last_written.borrow_mut() = Some(encoded);
                (self.on_status)(SaveStatus::Saved(now_ms()));
            }
            Err(error) => {
                // Keep the draft pending so the next change or page hide tries again.
                *self.pending.borrow_mut() = Some(draft);
                (self.on_status)(SaveStatus::Failed(error));
            }
        }
    }
}

fn gloo_utils_window() -> web_sys::Window {
    web_sys::window().expect("the editor runs in a browser window")
}
