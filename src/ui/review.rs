//! The reviewer's screen: someone else's draft read-only, with its checks and page count; the
//! reviewer comments on each section (or a passage of it) and sends the comments back. The
//! author's side is in `received`.

use igf_core::checks::check;
use igf_core::document::{Document, person_line};
use igf_core::formats::{self, Format};
use igf_core::model::draft::Draft;
use igf_core::model::settings::Settings;
use igf_core::sharing::{comments, link as share};
use igf_core::sharing::link::{Content, Payload};
use igf_core::sharing::review::{self, Comment, GENERAL, Review};
use igf_core::text::i18n::{Arg, Msg};
use leptos::html::Textarea;
use leptos::prelude::*;

use crate::browser::{files, link, review_store};
use crate::browser::platform::{focus_after_render, focus_element, format_local, new_draft_id, now_ms, today};
use super::StoreHandle;
use super::checks::ChecksPanel;
use super::chunk::on_demand;
use super::preview::blocks_view;
use super::share::{DialogButton, LinkPanel, Offer};
use super::words::{t, t_now, t_with};

on_demand! {
    /// The reviewer's screen, from its chunk.
    review: pub fn review_screen(draft: Draft, review: Review, on_close: Callback<()>) -> AnyView {
        view! { <ReviewScreen draft=draft review=review on_close=on_close /> }.into_any()
    }
}

/// The reviewer's screen.
#[component]
fn ReviewScreen(draft: Draft, review: Review, #[prop(into)] on_close: Callback<()>) -> impl IntoView {
    let settings = use_context::<RwSignal<Settings>>().unwrap_or_else(|| RwSignal::new(Settings::default()));
    let checked = draft.clone();
    let report = Memo::new(move |_| check(&checked, today(), &settings.get()));
    let review = RwSignal::new(review);
    let store = expect_context::<StoreHandle>();
    let (problem, set_problem) = signal(None::<String>);
    let status = RwSignal::new(None::<String>);
    let kept = draft.clone();
    // Every change to the review is kept at once, so a reload or a closed tab loses nothing.
    Effect::new(move |_| {
        let result = review.with(|r| store.with_value(|s| review_store::save_session(s, &kept, r)));
        set_problem.set(result.err().map(|e| t_now(&Msg::new("review.not_kept").arg("error", e.msg()))));
    });
    view! {
        <ReviewBar draft=draft.clone() review=review status=status on_close=on_close />
        <ReviewBanner title=draft.shown_title() />
        {move || problem.get().map(|p| view! { <p class="banner banner-error" role="alert">{p}</p> })}
        <p class="review-status" role="status">{move || status.get()}</p>
        <main class="editor">
            <div class="editor-form">
                <ReviewerName review=review />
                <ReviewedDraft draft=draft review=review />
            </div>
            <aside class="editor-side" aria-label=t("checks.heading")>
                <ChecksPanel report=report />
            </aside>
        </main>
    }
}

/// The app bar: back to the drafts, save a copy, and send the review.
#[component]
fn ReviewBar(draft: Draft, review: RwSignal<Review>, status: RwSignal<Option<String>>, on_close: Callback<()>) -> impl IntoView {
    let store = expect_context::<StoreHandle>();
    let copy = draft.clone();
    let save_copy = move |_| {
        let mut mine = copy.clone();
        mine.id = new_draft_id();
        status.set(Some(match store.with_value(|s| s.save(&mine, None)) {
            Ok(_) => t_now(&Msg::new("review.copy_saved").arg("title", mine.shown_title())),
            Err(e) => t_now(&Msg::new("review.copy_failed").arg("error", e.msg())),
        }));
    };
    let sent = move || review.with_untracked(|r| Review { sent_ms: now_ms(), ..r.clone() });
    let offer = Offer::new(Content::Review, move || share::pack(&Payload::Review(sent())).1);
    let before_send = Box::new(move || {
        let problem = review.with_untracked(comments::not_ready_to_send);
        if review.with_untracked(|r| r.reviewer.trim().is_empty()) {
            focus_element("reviewer-name");
        }
        status.set(problem.as_ref().map(t_now));
        if problem.is_none() {
            offer.refresh();
        }
        problem.is_none()
    });
    let subject = t_now(&Msg::new("review.subject").arg("title", draft.shown_title()));
    let file_name = format!("Review-of-{}", formats::file_name(&draft, Format::DraftFile, today()));
    let download = move |_| {
        let result = files::download(&file_name, Format::DraftFile.mime(), review::encode(&sent()).as_bytes());
        status.set(Some(match result {
            Ok(()) => t_now(&Msg::new("review.downloaded").arg("name", &file_name)),
            Err(e) => t_now(&Msg::new("review.not_downloaded").arg("error", e.msg())),
        }));
    };
    view! {
        <header class="app-bar">
            <button type="button" class="button-quiet" on:click=move |_| on_close.run(())>{t("editor.back")}</button>
            <div class="button-row">
                <button type="button" class="button-secondary" on:click=save_copy>{t("review.save_copy")}</button>
                <DialogButton label=Msg::new("review.send") heading=Msg::new("review.send.heading") before_open=before_send>
                    <p>{t("review.send.about")}</p>
                    <LinkPanel offer=offer subject=subject>
                        <button type="button" class="button-secondary" on:click=download>{t("review.download")}</button>
                    </LinkPanel>
                </DialogButton>
            </div>
        </header>
    }
}

#[component]
fn ReviewBanner(title: Arg) -> impl IntoView {
    view! {
        <div class="banner banner-review" role="note" aria-labelledby="review-banner-heading">
            <h1 id="review-banner-heading" class="banner-heading">{t("review.banner.heading")}</h1>
            <p>{t_with(Msg::new("review.banner").arg("title", title))}</p>
        </div>
    }
}

#[component]
fn ReviewerName(review: RwSignal<Review>) -> impl IntoView {
    let store = expect_context::<StoreHandle>();
    view! {
        <div class="details-card">
            <label class="field-label" for="reviewer-name">{t("details.proposer.name")}</label>
            <p class="hint" id="reviewer-name-hint">{t("review.name.hint")}</p>
            <input id="reviewer-name" type="text" dir="auto" autocomplete="name" aria-describedby="reviewer-name-hint"
                prop:value=move || review.with(|r| r.reviewer.clone())
                on:input:target=move |ev| {
                    let name = ev.target().value();
                    // Remembered for the next review; losing it only means typing it again.
                    let _ = store.with_value(|s| review_store::save_reviewer_name(s, &name));
                    review.update(|r| r.reviewer = name);
                } />
        </div>
    }
}

/// The draft as it will be submitted, part by part, each with its comments. Co-facilitators are
/// lines, as in the plain-text export: one element type, no table.
#[component]
fn ReviewedDraft(draft: Draft, review: RwSignal<Review>) -> impl IntoView {
    let doc = Document::final_version(&draft);
    let template = draft.template();
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
            let (heading_id, content_id) = (format!("review-{key}-heading"), format!("section-{key}-text"));
            let table = if people_after == Some(index) { people.take() } else { None };
            let (labelled_by, heading_dom_id, content_dom_id) = (heading_id.clone(), heading_id.clone(), content_id.clone());
            view! {
                <section class="section-field" aria-labelledby=labelled_by>
                    <h2 class="section-heading" lang="en" id=heading_dom_id>{section.heading}</h2>
                    <div class="paper review-text" lang="en" dir="ltr" id=content_dom_id tabindex="-1">
                        {section.empty_note.map(|note| view! { <p class="paper-empty">{note}</p> })}
                        {blocks_view(section.blocks.to_vec(), 3)}
                        {table}
                    </div>
                    <CommentThread review=review key=key heading_id=heading_id content_id=content_id />
                </section>
            }
        })
        .collect_view();
    view! {
        <section class="section-field" aria-labelledby="review-title-heading">
            <p class="eyebrow">{t_with(draft.kind.msg())}</p>
            <h2 class="section-heading" id="review-title-heading">
                <span id="proposal-title" tabindex="-1">{draft.display_title()}</span>
            </h2>
            {lines(doc.facts.into_iter().map(|(label, value)| format!("{label}: {value}")).collect())}
            <CommentThread review=review key=GENERAL heading_id="review-title-heading".into() content_id="proposal-title".into() />
        </section>
        {sections}
        {people.map(|table| view! {
            <section class="section-field" aria-labelledby="review-people-heading">
                <h2 class="section-heading" id="review-people-heading">{t("details.people.proposed")}</h2>
                <div class="paper review-text">{table}</div>
            </section>
        })}
    }
}

/// The reviewer's comments on one part of the draft, and the form to add one.
#[component]
fn CommentThread(review: RwSignal<Review>, key: &'static str, heading_id: String, content_id: String) -> impl IntoView {
    // The quoted passage while the form is open.
    let writing = RwSignal::new(None::<String>);
    // The selection when the button was pressed (kept untracked: nothing shows it).
    let pressed = RwSignal::new(None::<String>);
    let selected = move || link::selected_text_in(&content_id).map(|q| comments::quote(&q));
    let mine = move || review.with(|r| comments::comments_on(r, key).cloned().collect::<Vec<_>>());
    view! {
        <ul class="comments">
            {move || mine().into_iter().map(|c| {
                let id = c.id.clone();
                view! {
                    <li class="comment">
                        <CommentBody comment=c meta=None />
                        <button type="button" class="button-quiet" on:click=move |_| review.update(|r| r.comments.retain(|c| c.id != id))>{t("library.delete")}</button>
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
                        }>{t("review.comment.add")}</button>
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
        match comments::new_comment(&new_draft_id(), key, quote.clone(), &text.value(), now_ms()) {
            Ok(comment) => {
                review.update(|r| r.comments.push(comment));
                writing.set(None);
            }
            Err(problem) => error.set(Some(t_now(&problem))),
        }
    };
    view! {
        <div class="comment-form" role="group" aria-labelledby=heading_id>
            {(!shown.is_empty()).then(|| view! { <blockquote class="comment-quote">{shown}</blockquote> })}
            <label class="field-label-small" for=format!("comment-{key}-text")>{t("review.comment.label")}</label>
            <textarea id=format!("comment-{key}-text") dir="auto" rows="4" node_ref=text_field aria-describedby=format!("comment-{key}-error")></textarea>
            <p class="field-message" id=format!("comment-{key}-error") role="alert">{move || error.get()}</p>
            <div class="button-row">
                <button type="button" class="button-primary" on:click=save>{t("review.comment.save")}</button>
                <button type="button" class="button-quiet" on:click=move |_| writing.set(None)>{t("files.cancel")}</button>
            </div>
        </div>
    }
}

/// A comment's quote, text and time; `meta` adds who wrote it and its state, for the author.
#[component]
pub(super) fn CommentBody(comment: Comment, meta: Option<Msg>) -> impl IntoView {
    view! {
        <p class="comment-meta">{t_with(match meta {
            Some(meta) => Msg::new("review.comment.meta").arg("meta", meta).arg("time", format_local(comment.time_ms)),
            None => Msg::new("review.comment.time").arg("time", format_local(comment.time_ms)),
        })}</p>
        {(!comment.quote.is_empty()).then(|| view! { <blockquote class="comment-quote">{comment.quote}</blockquote> })}
        <p class="comment-text">{comment.text}</p>
    }
}
