//! Leptos components: wiring and presentation only; decisions live in `core`, browser calls in
//! `browser`.

mod checks;
mod details;
mod editor;
mod files;
mod history;
mod library;
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
use crate::core::store::Store;
use crate::core::template::Kind;

/// The drafts store, shared through context (the browser's storage is not `Send`).
pub type StoreHandle = StoredValue<Store, LocalStorage>;

/// What the tab shows: the start screen, or one draft in the editor.
#[derive(Clone)]
enum Screen {
    Start,
    /// `known` is the stored text the draft was read from; `None` for a draft never stored.
    Editor { draft: Draft, known: Option<String> },
}

/// Opens drafts in the editor and goes back to the start screen; shared through context.
#[derive(Clone, Copy)]
pub struct Navigator {
    screen: RwSignal<Screen>,
}

impl Navigator {
    /// Opens a stored draft as it is stored now.
    pub fn open_stored(self, store: &Store, draft: Draft) {
        let known = store.load(&draft.id).ok().flatten().map(|loaded| loaded.raw);
        self.open(draft, known);
    }

    pub fn open(self, draft: Draft, known: Option<String>) {
        storage::remember_open_draft(Some(&draft.id));
        self.screen.set(Screen::Editor { draft, known });
    }

    pub fn start(self) {
        storage::remember_open_draft(None);
        self.screen.set(Screen::Start);
    }
}

/// Reopens the draft this tab had open before a reload, if it still reads.
fn initial_screen(store: &Store) -> Screen {
    let loaded = storage::open_draft_id().and_then(|id| store.load(&id).ok().flatten());
    match loaded {
        Some(loaded) => match loaded.draft {
            Ok(draft) => Screen::Editor { draft, known: Some(loaded.raw) },
            Err(_) => Screen::Start,
        },
        None => Screen::Start,
    }
}

/// Puts the store, the settings and the navigator in context for everything below; returns the
/// navigator. The app calls it once; tests call it to mount single screens.
pub fn provide_app_context(store: Store) -> (Navigator, Option<String>) {
    let (settings, settings_problem) = match store.settings() {
        Ok(settings) => (settings, None),
        Err(problem) => (Settings::default(), Some(problem)),
    };
    provide_context(RwSignal::new(settings));
    let navigator = Navigator { screen: RwSignal::new(initial_screen(&store)) };
    provide_context(StoreHandle::new_local(store));
    provide_context(navigator);
    (navigator, settings_problem)
}

#[component]
pub fn App() -> impl IntoView {
    let (store, refused) = storage::open_store();
    let (navigator, settings_problem) = provide_app_context(store);
    let settings = expect_context::<RwSignal<Settings>>();
    let on_new = move |kind: Kind| {
        navigator.open(Draft::new(platform::new_draft_id(), kind, platform::now_ms()), None);
        // Starting a draft is the moment to ask the browser to keep this site's data.
        leptos::task::spawn_local(async { storage::request_persistence().await; });
    };
    view! {
        <UpdatePrompt />
        {refused.map(|error| view! {
            <div class="banner banner-error" role="alert">
                <p>{format!(
                    "Drafts cannot be kept in this browser because {error}. You can still write: your text stays in this tab until you close it, \
                     so download it (Export, then Draft file) before you leave, or allow this site to store data and reload."
                )}</p>
            </div>
        })}
        {move || match navigator.screen.get() {
            Screen::Start => view! {
                <StartScreen on_new=on_new settings=settings settings_problem=settings_problem.clone() />
            }.into_any(),
            Screen::Editor { draft, known } => view! { <Editor initial=draft known=known /> }.into_any(),
        }}
    }
}
