//! Leptos components: wiring and presentation only; decisions live in `core`, browser calls in
//! `browser`.

mod checks;
pub mod chunk;
mod details;
mod diff;
mod editor;
mod files;
mod history;
mod language;
mod library;
mod pages;
mod preview;
mod received;
mod review;
mod share;
mod start;
mod update;
mod words;

use leptos::prelude::*;

pub use editor::Editor;
pub use start::StartScreen;
use chunk::OnDemand;
use update::UpdatePrompt;

use crate::browser::{link, platform, review_store, storage};
use igf_core::model::draft::Draft;
use igf_core::sharing::review::Review;
use igf_core::sharing::link::Link;
use igf_core::sharing::opening;
use igf_core::sharing::opening::Opening;
use igf_core::sharing::link::Payload;
use igf_core::model::settings::Settings;
use igf_core::store::Store;
use igf_core::model::template::Kind;
use igf_core::text::i18n::Msg;
use words::{t, t_now};

/// The drafts store, shared through context (the browser's storage is not `Send`).
pub type StoreHandle = StoredValue<Store, LocalStorage>;

/// What the tab shows: the start screen, one draft in the editor, someone else's draft in review,
/// or a protected link waiting for its passphrase.
#[derive(Clone)]
enum Screen {
    Start,
    /// `known` is the stored text the draft was read from; `None` for a draft never stored.
    Editor { draft: Draft, known: Option<String> },
    Review { draft: Draft, review: Review },
    Locked(Link),
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
        review_store::close_session();
        storage::remember_open_draft(Some(&draft.id));
        self.screen.set(Screen::Editor { draft, known });
    }

    pub fn start(self) {
        review_store::close_session();
        storage::remember_open_draft(None);
        self.screen.set(Screen::Start);
    }
}

/// Reopens the review or the draft this tab had open before a reload, if it still reads.
fn initial_screen(store: &Store) -> Screen {
    if let Some((draft, review)) = review_store::open_session(store) {
        return Screen::Review { draft, review };
    }
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
    let store = StoreHandle::new_local(store);
    provide_context(store);
    provide_context(navigator);
    language::start(store);
    (navigator, settings_problem)
}

/// Where shared drafts and reviews go, however they arrive: a link, or a file through Import.
/// Outside the App (a component mounted alone) it does nothing.
#[derive(Clone, Copy, Default)]
pub struct Incoming(Option<Callback<Payload>>);

impl Incoming {
    pub fn get() -> Incoming {
        use_context().unwrap_or_default()
    }

    pub fn open(&self, payload: Payload) {
        if let Some(route) = self.0 {
            route.run(payload);
        }
    }
}

/// Opens what a link or a file brought: someone else's draft in review mode, or a review of
/// one of the author's drafts in the editor, beside its sections. `notice` says what happened.
fn receive(navigator: Navigator, notice: RwSignal<Option<String>>) -> Callback<Payload> {
    let store = expect_context::<StoreHandle>();
    Callback::new(move |payload: Payload| match payload {
        Payload::Draft(draft) => {
            notice.set(None);
            let review = store
                .with_value(|s| review_store::session_for(s, &draft))
                .unwrap_or_else(|| Review::of(&draft, store.with_value(review_store::reviewer_name), platform::now_ms()));
            storage::remember_open_draft(None);
            navigator.screen.set(Screen::Review { draft, review });
        }
        Payload::Review(review) => {
            // Leave the editor first, so that it saves what is pending before the draft is read.
            navigator.start();
            leptos::task::spawn_local(async move {
                match store.with_value(|s| review_store::receive(s, review.clone())) {
                    Ok((draft, merged)) => {
                        notice.set(Some(t_now(&opening::review_filed(&review, merged))));
                        store.with_value(|s| navigator.open_stored(s, draft));
                    }
                    Err(text) => notice.set(Some(t_now(&opening::refusal(text)))),
                }
            });
        }
    })
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
    // A sentence about the last link or review that arrived, shown above any screen.
    let notice = RwSignal::new(None::<String>);
    let on_payload = receive(navigator, notice);
    provide_context(Incoming(Some(on_payload)));
    // A link opened in this tab, now or later: read it, then clear it so that a reload does not
    // open it again.
    let take_fragment = move |fragment: String| {
        let Some(opening) = opening::open_fragment(&fragment) else { return };
        link::clear_fragment();
        match opening {
            Opening::Open(payload) => on_payload.run(*payload),
            Opening::Locked(locked) => {
                notice.set(None);
                navigator.screen.set(Screen::Locked(locked));
            }
            Opening::Refused(sentence) => notice.set(Some(t_now(&sentence))),
        }
    };
    take_fragment(link::fragment());
    // The App lives as long as the page, and so does its listener.
    if let Some(listener) = link::on_fragment_change(take_fragment) {
        listener.forget();
    }
    view! {
        <UpdatePrompt />
        {move || notice.get().map(|text| view! {
            <div class="banner app-notice" role="alert">
                <p>{text}</p>
                <button type="button" class="button-quiet" on:click=move |_| notice.set(None)>{t("app.notice.dismiss")}</button>
            </div>
        })}
        {refused.map(|error| view! {
            <div class="banner banner-error" role="alert">
                <p>{t_now(&Msg::new("app.storage_refused").arg("error", error.msg()))}</p>
            </div>
        })}
        {move || match navigator.screen.get() {
            Screen::Start => view! {
                <StartScreen on_new=on_new settings=settings settings_problem=settings_problem.clone() />
            }.into_any(),
            Screen::Editor { draft, known } => view! { <Editor initial=draft known=known /> }.into_any(),
            Screen::Review { draft, review } => view! {
                <OnDemand load=move || review::review_screen(draft.clone(), review.clone(), Callback::new(move |()| navigator.start())) />
            }.into_any(),
            Screen::Locked(locked) => view! {
                <OnDemand load=move || share::unlock_screen(locked.clone(), on_payload, Callback::new(move |()| navigator.start())) />
            }.into_any(),
        }}
    }
}
