//! The interface's catalogue, read by every view. `t` gives a message without arguments and
//! `t_with(msg)` one with them, both as reactive text for a view or an attribute; `t_now(&msg)`
//! is the text at once, for code that builds a string. Each reads the catalogue tracked, so a
//! view shows the new words when the language changes.
//!
//! The catalogue is one signal for the tab, not a context: event handlers, timers and spawned
//! futures run without an owner, and they write messages too.

use igf_core::text::i18n::{Arg, Catalogue, Lang, Msg, english};
use leptos::prelude::*;

thread_local! {
    static CATALOGUE: ArcRwSignal<Catalogue> = ArcRwSignal::new(english().clone());
}

/// The message of `key`, as reactive text.
pub fn t(key: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    move || t_now(&Msg::new(key))
}

/// The message, as reactive text.
pub fn t_with(msg: Msg) -> impl Fn() -> String + Send + Sync + 'static {
    move || t_now(&msg)
}

/// The message in the interface's language now (tracked where a view reads it).
pub fn t_now(msg: &Msg) -> String {
    CATALOGUE.with(|catalogue| catalogue.with(|c| c.render(msg)))
}

/// An argument alone in the interface's language now: a message, or text as it is.
pub fn t_arg(arg: &Arg) -> String {
    CATALOGUE.with(|catalogue| catalogue.with(|c| c.render_arg(arg)))
}

/// The interface's language (tracked where a view reads it).
pub fn language() -> Lang {
    CATALOGUE.with(|catalogue| catalogue.with(Catalogue::lang))
}

/// Speaks `catalogue` from now on: every view shows its words.
pub fn speak(catalogue: Catalogue) {
    CATALOGUE.with(|c| c.set(catalogue));
}
