//! Reviews, both sides. The reviewer's screen shows someone else's draft read-only, with its
//! checks and page count, and lets the reviewer comment on each section (or a passage of it) and
//! send the comments back. In the author's editor, received comments show beside their sections,
//! can be resolved, and a review of an earlier version says so and shows what changed since.

use leptos::html::Textarea;
use leptos::prelude::*;

use super::StoreHandle;
use super::checks::ChecksPanel;
use super::preview::blocks_view;
use super::share::{DialogButton, LinkPanel, Offer};
use crate::browser::platform::{focus_after_render, focus_element, format_local, new_draft_id, now_ms, today};
use crate::browser::{files, link, review_store};
use igf_core::checks::check;
use igf_core::model::diff::Change;
use igf_core::model::diff::Piece;
use igf_core::model::diff::diff_sections;
use igf_core::model::draft::Draft;
use igf_core::formats;
use igf_core::document::Document;
use igf_core::formats::Format;
use igf_core::document::person_line;
use igf_core::sharing::review;
use igf_core::sharing::review::Comment;
use igf_core::sharing::review::GENERAL;
use igf_core::sharing::review::MAX_QUOTE_CHARS;
use igf_core::sharing::review::Review;
use igf_core::sharing::review::TITLE;
use igf_core::sharing::review::fingerprints;
use igf_core::model::settings::Settings;
use igf_core::sharing::link as share;
use igf_core::sharing::link::Content;
use igf_core::sharing::link::Payload;
use igf_core::model::template::Template;

/// What a comment key names, for people.
fn place(template: &Template, key: &str) -> String {
    match key {
        GENERAL => "the whole draft".into(),
        TITLE => "the title".into(),
        key => template.section_index(key).map_or_else(|| format!("a section this template lacks ({key})"), |i| format!("“{}”", template.sections[i].heading)),
    }
}

/// The reviewer's screen.
#[component]
pub fn ReviewScreen(draft: Draft, review: Review, #[prop(into)] on_close: Callback<()>) -> impl IntoView {
    let settings = use_context::<RwSignal<Settings>>().unwrap_or_else(|| RwSignal::new(Settings::default()));
    let checked = draft.clone();
    let report = Memo::new(move |_| check(&checked, today(), &settings.get()));
    let review = RwSignal::new(review);
    let store = expect_context::<StoreHandle>();
    let (problem, set_problem) = signal(None::<String>);
    let (status, set_status) = signal(None::<String>);
    let kept = draft.clone();
    // Every change to the review is kept at once, so a reload or a closed tab loses nothing.
    Effect::new(move |_| {
        let result = review.with(|r| store.with_value(|s| review_store::save_session(s, &kept, r)));
        set_problem.set(result.err().map(|e| format!("Your comments could not be kept in this browser ({e}). Send your review before you close this tab.")));
    });

    let copy = draft.clone();
    let save_copy = move |_| {
        let mut mine = copy.clone();
        mine.id = new_draft_id();
        set_status.set(Some(match store.with_value(|s| s.save(&mine, None)) {
            Ok(_) => format!("A copy of “{}” is now among your drafts. Your review continues here.", mine.display_title()),
            Err(e) => format!("The copy could not be saved in this browser ({e}); nothing was changed."),
        }));
    };
    let doc = Document::final_version(&draft);
    let template = draft.template();
    let title = draft.display_title();
    // Co-facilitators as lines, as in the plain-text export: one element type, no table.
    let lines = |texts: Vec<String>| texts.into_iter().map(|t| view! { <p>{t}</p> }).collect_view();
    let people: Vec<String> = doc.co_facilitators.iter().map(person_line).collect();
    let mut people = (!people.is_empty()).then(|| lines(people));
    let people_after = doc.people_after;
    let sections = doc
        .sections
        .into_iter()
        .enumerate()
        .map(|(index, section)| {
            let key = template.sections[index].key;
            let heading_id = format!("review-{key}-heading");
            let content_id = format!("section-{key}-text");
            let table = if people_after == Some(index) { people.take() } else { None };
            let (labelled_by, heading_dom_id, content_dom_id) = (heading_id.clone(), heading_id.clone(), content_id.clone());
            view! {
                <section class="section-field" aria-labelledby=labelled_by>
                    <h2 class="section-heading" id=heading_dom_id>{section.heading}</h2>
                    <div class="paper review-text" id=content_dom_id tabindex="-1">
                        {section.empty_note.map(|note| view! { <p class="paper-empty">{note}</p> })}
                        {blocks_view(section.blocks.to_vec(), 3)}
                        {table}
                    </div>
                    <CommentThread review=review key=key heading_id=heading_id content_id=content_id />
                </section>
            }
        })
        .collect_view();
    let rest = people;
    let reviewer_name = move || review.with(|r| r.reviewer.clone());
    let sent = move || review.with_untracked(|r| Review { sent_ms: now_ms(), ..r.clone() });
    let offer = Offer::new(Content::Review, move || share::pack(&Payload::Review(sent())).1);
    let before_send = Box::new(move || {
        let (named, any) = review.with_untracked(|r| (!r.reviewer.trim().is_empty(), !r.comments.is_empty()));
        let problem = match (named, any) {
            (true, true) => None,
            (_, false) => Some("Add at least one comment before you send your review.".to_owned()),
            (false, true) => Some("Enter your name first (under the banner), so the author knows whose comments these are.".to_owned()),
        };
        if !named {
            focus_element("reviewer-name");
        }
        let ready = problem.is_none();
        set_status.set(problem);
        if ready {
            offer.refresh();
        }
        ready
    });
    let subject = format!("My review of “{title}”");
    let file_name = format!("Review-of-{}", formats::file_name(&draft, Format::DraftFile, today()));
    let download = move |_| {
        let result = files::download(&file_name, Format::DraftFile.mime(), review::encode(&sent()).as_bytes());
        set_status.set(Some(match result {
            Ok(()) => format!("Downloaded “{file_name}”: send it to the author, who opens it with Import."),
            Err(e) => format!("The review file could not be downloaded: {e}. Try again, or send the link."),
        }));
    };
    view! {
        <header class="app-bar">
            <button type="button" class="button-quiet" on:click=move |_| on_close.run(())>"← All drafts"</button>
            <div class="button-row">
                <button type="button" class="button-secondary" on:click=save_copy>"Save a copy"</button>
                <DialogButton label="Send review" heading="Send your review" before_open=before_send>
                    <p>"The review carries your comments and your name, and names the version of the draft you read; not the draft itself. The author opens it in the browser where the draft was written, and sees each comment beside its section."</p>
                    <LinkPanel offer=offer subject=subject>
                        <button type="button" class="button-secondary" on:click=download>"Download the review file"</button>
                    </LinkPanel>
                </DialogButton>
            </div>
        </header>
        <div class="banner banner-review" role="note" aria-labelledby="review-banner-heading">
            <h1 id="review-banner-heading" class="banner-heading">"You are reviewing someone else's draft"</h1>
            <p>
                "“" {title.clone()} "” is shown read-only, with its checks and page count. It is not among your drafts, and nothing here changes them. "
                "Your comments stay in this browser until you send them with “Send review”. To work on the text yourself, use “Save a copy”."
            </p>
        </div>
        {move || problem.get().map(|p| view! { <p class="banner banner-error" role="alert">{p}</p> })}
        <p class="review-status" role="status">{status}</p>
        <main class="editor">
            <div class="editor-form">
                <div class="details-card">
                    <label class="field-label" for="reviewer-name">"Your name"</label>
                    <p class="hint" id="reviewer-name-hint">"Shown to the author with your comments."</p>
                    <input id="reviewer-name" type="text" autocomplete="name" aria-describedby="reviewer-name-hint"
                        prop:value=reviewer_name
                        on:input:target=move |ev| {
                            let name = ev.target().value();
                            // Remembered for the next review; losing it only means typing it again.
                            let _ = store.with_value(|s| review_store::save_reviewer_name(s, &name));
                            review.update(|r| r.reviewer = name);
                        } />
                </div>
                <section class="section-field" aria-labelledby="review-title-heading">
                    <p class="eyebrow">{draft.kind.label()}</p>
                    <h2 class="section-heading" id="review-title-heading">
                        <span id="proposal-title" tabindex="-1">{title.clone()}</span>
                    </h2>
                    {lines(doc.facts.into_iter().map(|(label, value)| format!("{label}: {value}")).collect())}
                    <CommentThread review=review key=GENERAL heading_id="review-title-heading".into() content_id="proposal-title".into() />
                </section>
                {sections}
                {rest.map(|table| view! {
                    <section class="section-field" aria-labelledby="review-people-heading">
                        <h2 class="section-heading" id="review-people-heading">"Proposed co-facilitators"</h2>
                        <div class="paper review-text">{table}</div>
                    </section>
                })}
            </div>
            <aside class="editor-side" aria-label="Checks">
                <ChecksPanel report=report />
            </aside>
        </main>
    }
}

/// The reviewer's comments on one part of the draft, and the form to add one.
#[component]
fn CommentThread(review: RwSignal<Review>, key: &'static str, heading_id: String, content_id: String) -> impl IntoView {
    // The quoted passage while the form is open.
    let writing = RwSignal::new(None::<String>);
    // The selection when the button was pressed (kept untracked: nothing shows it).
    let pressed = RwSignal::new(None::<String>);
    let selected = move || link::selected_text_in(&content_id).map(|q| q.trim().chars().take(MAX_QUOTE_CHARS).collect::<String>());
    let comments = move || review.with(|r| r.comments.iter().filter(|c| c.section == key).cloned().collect::<Vec<_>>());
    view! {
        <ul class="comments">
            {move || comments().into_iter().map(|c| {
                let id = c.id.clone();
                view! {
                    <li class="comment">
                        <CommentBody comment=c meta=None />
                        <button type="button" class="button-quiet" on:click=move |_| review.update(|r| r.comments.retain(|c| c.id != id))>"Delete"</button>
                    </li>
                }
            }).collect_view()}
        </ul>
        {move || match writing.get() {
            None => {
                let (at_press, selected) = (selected.clone(), selected.clone());
                view! {
                    <button type="button" class="button-secondary" aria-describedby=heading_id.clone()
                        // Pressing the button may clear the selection in some browsers: read it first.
                        on:pointerdown=move |_| *pressed.write_untracked() = at_press()
                        on:click=move |_| {
                            let quote = pressed.write_untracked().take().or_else(&selected).unwrap_or_default();
                            writing.set(Some(quote));
                            focus_after_render(format!("comment-{key}-text"));
                        }>"Add comment"</button>
                }.into_any()
            }
            Some(quote) => view! { <CommentForm review=review key=key writing=writing quote=quote heading_id=heading_id.clone() /> }.into_any(),
        }}
    }
}

#[component]
fn CommentForm(review: RwSignal<Review>, key: &'static str, writing: RwSignal<Option<String>>, quote: String, heading_id: String) -> impl IntoView {
    let text_field = NodeRef::<Textarea>::new();
    let error = RwSignal::new(None::<String>);
    let shown = quote.clone();
    let save = move |_| {
        let Some(text) = text_field.get() else { return };
        let body = text.value().trim().to_owned();
        if body.is_empty() {
            error.set(Some("Write your comment before saving it.".into()));
            return;
        }
        let id: String = new_draft_id().as_str().chars().take(12).collect();
        review.update(|r| r.comments.push(Comment { id, section: key.into(), quote: quote.clone(), text: body, time_ms: now_ms(), resolved: false }));
        writing.set(None);
    };
    view! {
        <div class="comment-form" role="group" aria-labelledby=heading_id>
            {(!shown.is_empty()).then(|| view! { <blockquote class="comment-quote">{shown}</blockquote> })}
            <label class="field-label-small" for=format!("comment-{key}-text")>"Comment"</label>
            <textarea id=format!("comment-{key}-text") rows="4" node_ref=text_field aria-describedby=format!("comment-{key}-error")></textarea>
            <p class="field-message" id=format!("comment-{key}-error") role="alert">{move || error.get()}</p>
            <div class="button-row">
                <button type="button" class="button-primary" on:click=save>"Save comment"</button>
                <button type="button" class="button-quiet" on:click=move |_| writing.set(None)>"Cancel"</button>
            </div>
        </div>
    }
}

/// A comment's quote, text and time; `meta` adds who wrote it and its state, for the author.
#[component]
fn CommentBody(comment: Comment, meta: Option<String>) -> impl IntoView {
    view! {
        <p class="comment-meta">{meta.map(|m| format!("{m} · "))}{format_local(comment.time_ms)}</p>
        {(!comment.quote.is_empty()).then(|| view! { <blockquote class="comment-quote">{comment.quote}</blockquote> })}
        <p class="comment-text">{comment.text}</p>
    }
}

/// The reviews received for the draft in the editor, shared by the panel and the comment lists.
#[derive(Clone, Copy)]
pub struct Received {
    store: StoreHandle,
    reviews: RwSignal<Vec<Review>>,
    /// For each review, the parts changed since it; recomputed as the author types, but it
    /// notifies the views only when the answer changes.
    changed: Memo<Vec<Vec<String>>>,
    draft: RwSignal<Draft>,
    problem: RwSignal<Option<String>>,
}

impl Received {
    pub fn provide(draft: RwSignal<Draft>) {
        let id = draft.with_untracked(|d| d.id.clone());
        let store = expect_context::<StoreHandle>();
        let (reviews, problem) = match store.with_value(|s| review_store::received(s, &id)) {
            Ok(reviews) => (reviews, None),
            Err(e) => (Vec::new(), Some(format!("The reviews stored for this draft cannot be read ({e}); they are left as they are."))),
        };
        let reviews = RwSignal::new(reviews);
        let changed = Memo::new(move |_| {
            if reviews.with(Vec::is_empty) {
                return Vec::new();
            }
            let (now, template) = draft.with(|d| (fingerprints(d), d.template()));
            reviews.with(|all| all.iter().map(|r| r.changed_since(&now, template)).collect())
        });
        provide_context(Received { store, reviews, changed, draft, problem: RwSignal::new(problem) });
    }

    fn toggle(&self, id: &str, resolved: bool) {
        self.reviews.update(|r| {
            review::set_resolved(r, id, resolved);
        });
        let result = self.draft.with_untracked(|d| self.reviews.with_untracked(|r| self.store.with_value(|s| review_store::save_received(s, &d.id, r))));
        self.problem.set(result.err().map(|e| format!("The change could not be saved in this browser ({e}); it holds in this tab only.")));
    }
}

/// Received comments beside one section (`Some(key)`), or on the draft as a whole and on parts
/// the template lacks (`None`).
#[component]
pub fn ReceivedComments(key: Option<&'static str>) -> impl IntoView {
    let received = use_context::<Received>();
    move || {
        let received = received?;
        let template = received.draft.with_untracked(|d| d.template());
        let shows = |k: &str| match key {
            Some(key) => k == key,
            None => k == GENERAL || template.section_index(k).is_none(),
        };
        let changed = received.changed.get();
        let items = received.reviews.with(|reviews| {
            reviews
                .iter()
                .enumerate()
                .flat_map(|(i, r)| r.comments.iter().filter(|c| shows(&c.section)).map(move |c| (i, r.reviewer.trim().to_owned(), c.clone())))
                .map(|(i, reviewer, comment)| {
                    let resolved = comment.resolved;
                    let id = comment.id.clone();
                    let text_id = format!("received-{id}");
                    let mut meta = if reviewer.is_empty() { "A reviewer".to_owned() } else { reviewer };
                    if resolved {
                        meta.push_str(" · Resolved");
                    }
                    if changed.get(i).is_some_and(|keys| keys.contains(&comment.section)) {
                        meta.push_str(" · this part changed since");
                    }
                    let describe = text_id.clone();
                    view! {
                        <li class="comment" class:comment-resolved=resolved id=text_id>
                            <CommentBody comment=comment meta=Some(meta) />
                            <button type="button" class="button-quiet" aria-describedby=describe on:click=move |_| received.toggle(&id, !resolved)>
                                {if resolved { "Reopen" } else { "Resolve" }}
                            </button>
                        </li>
                    }
                })
                .collect::<Vec<_>>()
        });
        (!items.is_empty()).then(|| view! { <ul class="comments" aria-label="Review comments">{items}</ul> })
    }
}

/// The reviews of the draft in the editor: who commented, comments on the whole draft, and for
/// a review of an earlier version, what changed since.
#[component]
pub fn ReviewsPanel() -> impl IntoView {
    let received = use_context::<Received>();
    move || {
        let received = received?;
        let reviews = received.reviews.get();
        if reviews.is_empty() && received.problem.with(Option::is_none) {
            return None;
        }
        let open = reviews.iter().flat_map(|r| &r.comments).filter(|c| !c.resolved).count();
        let total = reviews.iter().map(|r| r.comments.len()).sum::<usize>();
        let mut names: Vec<&str> = Vec::new();
        for name in reviews.iter().map(|r| r.reviewer.trim()).filter(|n| !n.is_empty()) {
            if !names.contains(&name) {
                names.push(name);
            }
        }
        let summary = format!(
            "{open} open of {total} comment{}, from {}. Each shows beside its section.",
            if total == 1 { "" } else { "s" },
            if names.is_empty() { "reviewers".to_owned() } else { names.join(", ") }
        );
        let notices = move || {
            let changed = received.changed.get();
            reviews.iter().zip(changed).filter(|(_, keys)| !keys.is_empty()).map(|(r, keys)| earlier_version(r, &keys, received)).collect_view()
        };
        Some(view! {
            <section class="details-card reviews" aria-labelledby="reviews-heading">
                <h2 id="reviews-heading" class="field-label">"Reviews"</h2>
                {move || received.problem.get().map(|p| view! { <p class="banner banner-error" role="alert">{p}</p> })}
                <p>{summary}</p>
                {notices}
                <ReceivedComments key=None />
            </section>
        })
    }
}

fn earlier_version(review: &Review, changed: &[String], received: Received) -> impl IntoView + use<> {
    let template = received.draft.with_untracked(|d| d.template());
    let names: Vec<String> = changed.iter().map(|k| place(template, k)).collect();
    let who = if review.reviewer.trim().is_empty() { "A reviewer".to_owned() } else { review.reviewer.trim().to_owned() };
    let text = format!("{who} reviewed an earlier version (sent {}). Changed since then: {}.", format_local(review.sent_ms), names.join(", "));
    let old = received.draft.with_untracked(|d| received.store.with_value(|s| review_store::shared_version(s, &d.id, &review.draft_sha256)));
    let shown = RwSignal::new(false);
    view! {
        <div class="earlier-version">
            <p>{text}</p>
            {match old {
                None => view! { <p class="hint">"The version they read is not kept in this browser, so only the changed parts are named."</p> }.into_any(),
                Some(old) => view! {
                    <button type="button" class="button-quiet" aria-expanded=move || shown.get().to_string() on:click=move |_| shown.update(|s| *s = !*s)>
                        "Show what changed"
                    </button>
                    {move || shown.get().then(|| received.draft.with(|current| diff_sections(&old, current)).into_iter().filter(|d| d.change != Change::Unchanged).map(|d| view! {
                        <h4 class="field-label-small">{d.heading}</h4>
                        <p class="diff">{match d.change {
                            Change::Text(pieces) => pieces.into_iter().map(|p| match p {
                                Piece::Same(t) => t.into_any(),
                                Piece::Added(t) => view! { <ins>{t}</ins> }.into_any(),
                                Piece::Removed(t) => view! { <del>{t}</del> }.into_any(),
                            }).collect_view().into_any(),
                            _ => "The dates, people or other details changed.".into_any(),
                        }}</p>
                    }).collect_view())}
                }.into_any(),
            }}
        </div>
    }
}
