//! Leptos components: wiring and presentation only; decisions live in `core`, browser calls in
//! `browser`.

mod checks;
mod details;
mod editor;
mod files;
mod preview;
mod review;
mod share;
mod start;

use leptos::prelude::*;

pub use editor::Editor;
pub use start::StartScreen;

use crate::browser::{link, platform, review_store, storage};
use crate::core::draft::Draft;
use crate::core::review::Review;
use crate::core::share::{Body, Link, Payload};
use crate::core::share as codec;
use crate::core::settings::Settings;
use crate::core::template::Kind;

/// What the tab shows: the start screen, one draft in the editor, someone else's draft in review,
/// or a protected link waiting for its passphrase.
#[derive(Clone)]
enum Screen {
    Start,
    Editor { draft: Draft, stored: bool },
    Review { draft: Draft, review: Review },
    Locked(Link),
}

/// Reopens the review or the draft this tab had open before a reload, if it still reads.
fn initial_screen() -> Screen {
    if let Some((draft, review)) = review_store::open_session() {
        return Screen::Review { draft, review };
    }
    storage::open_draft_id()
        .and_then(|id| storage::load_draft(&id).ok().flatten())
        .and_then(Result::ok)
        .map_or(Screen::Start, |draft| Screen::Editor { draft, stored: true })
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

#[component]
pub fn App() -> impl IntoView {
    let screen = RwSignal::new(initial_screen());
    // A sentence about the last link or review that arrived, shown above any screen.
    let notice = RwSignal::new(None::<String>);
    let (settings, settings_problem) = match storage::load_settings() {
        Ok(settings) => (settings, None),
        Err(problem) => (Settings::default(), Some(problem)),
    };
    let settings = RwSignal::new(settings);
    provide_context(settings);
    let open = move |draft: Draft, stored: bool| {
        review_store::close_session();
        storage::remember_open_draft(Some(&draft.id));
        screen.set(Screen::Editor { draft, stored });
    };
    let on_new = move |kind: Kind| open(Draft::new(platform::new_draft_id(), kind, platform::now_ms()), false);
    let on_open = move |draft: Draft| open(draft, true);
    let on_close = move |()| {
        review_store::close_session();
        storage::remember_open_draft(None);
        screen.set(Screen::Start);
    };

    let on_payload = Callback::new(move |payload: Payload| match payload {
        Payload::Draft(draft) => {
            notice.set(None);
            let review = review_store::session_for(&draft)
                .unwrap_or_else(|| Review::of(&draft, review_store::reviewer_name(), platform::now_ms()));
            storage::remember_open_draft(None);
            screen.set(Screen::Review { draft, review });
        }
        Payload::Review(review) => {
            // Leave the editor first, so that it saves what is pending before the draft is read.
            screen.set(Screen::Start);
            leptos::task::spawn_local(async move {
                let reviewer = match review.reviewer.trim() {
                    "" => "a reviewer".to_owned(),
                    name => name.to_owned(),
                };
                match review_store::receive(review) {
                    Ok((draft, merged)) => {
                        notice.set(Some(match (merged.added, merged.updated) {
                            (0, 0) => format!("The review from {reviewer} was already here: nothing changed."),
                            (added, updated) => format!("The review from {reviewer} is added to this draft: {added} new and {updated} updated comments, shown beside their sections."),
                        }));
                        open(draft, true);
                    }
                    Err(text) => notice.set(Some(format!("{text} Nothing was changed."))),
                }
            });
        }
    });
    provide_context(Incoming(Some(on_payload)));

    // A link opened in this tab, now or later: read it, then clear it so that a reload does not
    // open it again.
    let take_fragment = move |fragment: String| {
        if !codec::looks_like_link(&fragment) {
            return;
        }
        link::clear_fragment();
        let opened = codec::parse(&fragment).and_then(|l| match l.body {
            Body::Plain(bytes) => codec::unpack(l.content, &bytes).map(Ok),
            Body::Sealed(_) => Ok(Err(l)),
        });
        match opened {
            Ok(Ok(payload)) => on_payload.run(payload),
            Ok(Err(locked)) => {
                notice.set(None);
                screen.set(Screen::Locked(locked));
            }
            Err(e) => notice.set(Some(format!("{e} Nothing was changed."))),
        }
    };
    take_fragment(link::fragment());
    // The App lives as long as the page, and so does its listener.
    if let Some(listener) = link::on_fragment_change(take_fragment) {
        listener.forget();
    }

    view! {
        {move || notice.get().map(|text| view! {
            <div class="banner app-notice" role="alert">
                <p>{text}</p>
                <button type="button" class="button-quiet" on:click=move |_| notice.set(None)>"Dismiss"</button>
            </div>
        })}
        {move || match screen.get() {
            Screen::Start => view! {
                <StartScreen on_new=on_new on_open=on_open settings=settings settings_problem=settings_problem.clone() />
            }.into_any(),
            Screen::Editor { draft, stored } => view! { <Editor initial=draft stored=stored on_close=on_close /> }.into_any(),
            Screen::Review { draft, review } => view! { <review::ReviewScreen draft=draft review=review on_close=on_close /> }.into_any(),
            Screen::Locked(locked) => view! {
                <share::UnlockScreen link=locked on_open=on_payload on_cancel=move |()| screen.set(Screen::Start) />
            }.into_any(),
        }}
    }
}
