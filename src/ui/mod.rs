//! Leptos components: wiring and presentation only; decisions live in `core`, browser calls in
//! `browser`.

mod checks;
mod details;
mod editor;
mod files;
mod preview;
mod start;
mod update;

use leptos::prelude::*;

pub use editor::Editor;
pub use start::StartScreen;
use update::UpdatePrompt;

use crate::browser::{platform, storage};
use crate::core::draft::Draft;
use crate::core::settings::Settings;
use crate::core::template::Kind;

/// What the tab shows: the start screen, or one draft in the editor.
#[derive(Clone)]
enum Screen {
    Start,
    Editor { draft: Draft, stored: bool },
}

/// Reopens the draft this tab had open before a reload, if it still reads.
fn initial_screen() -> Screen {
    storage::open_draft_id()
        .and_then(|id| storage::load_draft(&id).ok().flatten())
        .and_then(Result::ok)
        .map_or(Screen::Start, |draft| Screen::Editor { draft, stored: true })
}

#[component]
pub fn App() -> impl IntoView {
    let screen = RwSignal::new(initial_screen());
    let (settings, settings_problem) = match storage::load_settings() {
        Ok(settings) => (settings, None),
        Err(problem) => (Settings::default(), Some(problem)),
    };
    let settings = RwSignal::new(settings);
    provide_context(settings);
    let open = move |draft: Draft, stored: bool| {
        storage::remember_open_draft(Some(&draft.id));
        screen.set(Screen::Editor { draft, stored });
    };
    let on_new = move |kind: Kind| open(Draft::new(platform::new_draft_id(), kind, platform::now_ms()), false);
    let on_open = move |draft: Draft| open(draft, true);
    let on_close = move |()| {
        storage::remember_open_draft(None);
        screen.set(Screen::Start);
    };
    let current = move || match screen.get() {
        Screen::Start => view! {
            <StartScreen on_new=on_new on_open=on_open settings=settings settings_problem=settings_problem.clone() />
        }.into_any(),
        Screen::Editor { draft, stored } => view! { <Editor initial=draft stored=stored on_close=on_close /> }.into_any(),
    };
    view! { <UpdatePrompt /> {current} }
}
