//! Debounced autosave: a change is written within [`DEBOUNCE_MS`], and at once when the page is
//! hidden or unloaded (`pagehide`, `visibilitychange` to hidden), so closing a tab right after
//! typing loses nothing. Failed writes are retried every [`RETRY_MS`]; automatic history
//! snapshots are taken after successful saves; another tab's change to the same draft stops
//! saving and is reported at once.
//!
//! Invariant: the latest draft handed to [`Autosaver::schedule`] is either written or reported
//! as failed through the status callback; it is never dropped silently, and it is never written
//! over a value this tab did not read or write itself. Until it is written, a plain copy waits
//! in [`rescue`] for the panic hook.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use igf_core::model::draft::Draft;
use igf_core::store::{Store, StoreError, keys};
use igf_core::store::history::{self, Reason};

use super::{rescue, storage};
use super::platform::now_ms;

pub const DEBOUNCE_MS: u32 = 600;
pub const RETRY_MS: u32 = 5_000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    /// Nothing to save yet (a new, empty draft).
    Idle,
    /// A change waits for the debounce timer.
    Pending,
    /// Everything is saved; the time of the last write, in ms since the epoch.
    Saved(u64),
    Failed(StoreError),
}

/// Saves one draft as it changes. Dropping it writes what is pending and removes its listeners.
pub struct Autosaver {
    inner: Rc<Inner>,
    _listeners: Vec<EventListener>,
}

struct Inner {
    store: Store,
    /// The latest draft not yet written.
    pending: RefCell<Option<Draft>>,
    timer: RefCell<Option<Timeout>>,
    /// The stored text this tab last read or wrote; `None` while the draft was never stored.
    known: RefCell<Option<String>>,
    /// Set when another tab changed or deleted the draft: nothing more is written.
    stale: RefCell<Option<StoreError>>,
    /// Time and content of the latest snapshot, for the automatic snapshot policy.
    last_snapshot: RefCell<Option<(u64, Draft)>>,
    on_status: Box<dyn Fn(SaveStatus)>,
}

impl Autosaver {
    /// `known` is the stored text the draft was loaded from (`None` for a new draft: blank drafts
    /// are not written until something is typed).
    pub fn new(store: Store, initial: &Draft, known: Option<String>, on_status: impl Fn(SaveStatus) + 'static) -> Autosaver {
        let last_snapshot = store
            .snapshots(&initial.id)
            .ok()
            .and_then(|list| list.last().and_then(|s| Some((s.taken_ms, s.decode_draft().ok()?))));
        let inner = Rc::new(Inner {
            store,
            pending: RefCell::new(None),
            timer: RefCell::new(None),
            known: RefCell::new(known),
            stale: RefCell::new(None),
            last_snapshot: RefCell::new(last_snapshot),
            on_status: Box::new(on_status),
        });
        let mut listeners = Vec::new();
        if let Some(window) = web_sys::window() {
            let on_hide = Rc::downgrade(&inner);
            listeners.push(EventListener::new(&window, "pagehide", move |_| flush_weak(&on_hide)));
            if let Some(document) = window.document() {
                let on_hidden = Rc::downgrade(&inner);
                listeners.push(EventListener::new(&document, "visibilitychange", move |_| {
                    let hidden = web_sys::window()
                        .and_then(|w| w.document())
                        .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Hidden);
                    if hidden {
                        flush_weak(&on_hidden);
                    }
                }));
            }
        }
        let watched = Rc::downgrade(&inner);
        if let Some(listener) = storage::watch_key(keys::draft(&initial.id), move |value| {
            if let Some(inner) = watched.upgrade() {
                inner.changed_elsewhere(value);
            }
        }) {
            listeners.push(listener);
        }
        Autosaver { inner, _listeners: listeners }
    }

    /// Takes the latest state of the draft and writes it after a short pause in typing.
    pub fn schedule(&self, draft: Draft) {
        if draft.is_blank() && self.inner.known.borrow().is_none() {
            return;
        }
        rescue::keep(&self.inner.store, &draft, self.inner.known.borrow().as_deref());
        *self.inner.pending.borrow_mut() = Some(draft);
        if let Some(error) = self.inner.stale.borrow().clone() {
            return (self.inner.on_status)(SaveStatus::Failed(error));
        }
        (self.inner.on_status)(SaveStatus::Pending);
        self.inner.arm(DEBOUNCE_MS);
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
    fn arm(self: &Rc<Self>, delay_ms: u32) {
        let weak = Rc::downgrade(self);
        // Replacing the old timer cancels it.
        *self.timer.borrow_mut() = Some(Timeout::new(delay_ms, move || {
            if let Some(inner) = weak.upgrade() {
                inner.flush();
                if inner.pending.borrow().is_some() && inner.stale.borrow().is_none() {
                    inner.arm(RETRY_MS);
                }
            }
        }));
    }

    fn flush(&self) {
        self.timer.borrow_mut().take();
        if self.stale.borrow().is_some() {
            return;
        }
        let Some(draft) = self.pending.borrow_mut().take() else { return };
        let known = self.known.borrow().clone();
        match self.store.save(&draft, known.as_deref()) {
            Ok(stored) => {
                *self.known.borrow_mut() = Some(stored);
                rescue::saved();
                self.snapshot_if_due(&draft);
                (self.on_status)(SaveStatus::Saved(now_ms()));
            }
            Err(error) => {
                if matches!(error, StoreError::ChangedElsewhere | StoreError::DeletedElsewhere) {
                    *self.stale.borrow_mut() = Some(error.clone());
                }
                // Keep the draft pending: the retry timer, the next change or a page hide tries again.
                *self.pending.borrow_mut() = Some(draft);
                (self.on_status)(SaveStatus::Failed(error));
            }
        }
    }

    fn snapshot_if_due(&self, draft: &Draft) {
        let now = now_ms();
        let due = history::auto_due(self.last_snapshot.borrow().as_ref().map(|(t, d)| (*t, d)), draft, now);
        // A snapshot that cannot be written is skipped: the draft itself is saved.
        if due && self.store.snapshot(draft, Reason::Auto, now).is_ok() {
            *self.last_snapshot.borrow_mut() = Some((now, draft.clone()));
        }
    }

    /// Another tab wrote or removed the draft.
    fn changed_elsewhere(&self, value: Option<String>) {
        if value.as_deref() == self.known.borrow().as_deref() {
            return;
        }
        if value.is_none() && self.known.borrow().is_none() {
            return;
        }
        let error = if value.is_some() { StoreError::ChangedElsewhere } else { StoreError::DeletedElsewhere };
        self.timer.borrow_mut().take();
        *self.stale.borrow_mut() = Some(error.clone());
        (self.on_status)(SaveStatus::Failed(error));
    }
}
