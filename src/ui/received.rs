//! Reviews in the author's editor: received comments beside their sections, resolved or
//! reopened, and for a review of an earlier version, what changed since.

use igf_core::model::diff::changes;
use igf_core::model::draft::Draft;
use igf_core::sharing::comments;
use igf_core::sharing::review::{self, Review};
use igf_core::text::i18n::Msg;
use leptos::prelude::*;

use crate::browser::review_store;
use crate::browser::platform::format_local;
use super::StoreHandle;
use super::diff::ChangedParts;
use super::review::CommentBody;
use super::words::{t, t_now, t_with};

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
            Err(e) => (Vec::new(), Some(t_now(&Msg::new("received.unreadable").arg("error", e.msg())))),
        };
        let reviews = RwSignal::new(reviews);
        let changed = Memo::new(move |_| reviews.with(|all| draft.with(|d| comments::changed_since(all, d))));
        provide_context(Received { store, reviews, changed, draft, problem: RwSignal::new(problem) });
    }

    fn toggle(&self, id: &str, resolved: bool) {
        self.reviews.update(|r| {
            review::set_resolved(r, id, resolved);
        });
        let result = self.draft.with_untracked(|d| self.reviews.with_untracked(|r| self.store.with_value(|s| review_store::save_received(s, &d.id, r))));
        self.problem.set(result.err().map(|e| t_now(&Msg::new("received.not_saved").arg("error", e.msg()))));
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
        let changed = received.changed.get();
        let shown = received.reviews.with(|reviews| comments::received_at(reviews, &changed, template, key));
        (!shown.is_empty()).then(|| {
            let items = shown.into_iter().map(|item| view! { <ReceivedComment item=item received=received /> }).collect_view();
            view! { <ul class="comments" aria-label=t("received.comments")>{items}</ul> }
        })
    }
}

#[component]
fn ReceivedComment(item: comments::Received, received: Received) -> impl IntoView {
    let resolved = item.comment.resolved;
    let id = item.comment.id.clone();
    let text_id = format!("received-{id}");
    let describe = text_id.clone();
    view! {
        <li class="comment" class:comment-resolved=resolved id=text_id>
            <CommentBody comment=item.comment meta=Some(item.byline) />
            <button type="button" class="button-quiet" aria-describedby=describe on:click=move |_| received.toggle(&id, !resolved)>
                {if resolved { t("received.reopen") } else { t("received.resolve") }}
            </button>
        </li>
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
        let summary = comments::summary(&reviews);
        let notices = move || {
            let changed = received.changed.get();
            reviews
                .iter()
                .zip(changed)
                .filter(|(_, keys)| !keys.is_empty())
                .map(|(r, keys)| view! { <EarlierVersion review=r.clone() changed=keys received=received /> })
                .collect_view()
        };
        Some(view! {
            <section class="details-card reviews" aria-labelledby="reviews-heading">
                <h2 id="reviews-heading" class="field-label">{t("received.heading")}</h2>
                {move || received.problem.get().map(|p| view! { <p class="banner banner-error" role="alert">{p}</p> })}
                <p>{t_with(summary)}</p>
                {notices}
                <ReceivedComments key=None />
            </section>
        })
    }
}

/// A review of an earlier version: what changed since, and the changes themselves while the
/// version reviewed is still kept.
#[component]
fn EarlierVersion(review: Review, changed: Vec<String>, received: Received) -> impl IntoView {
    let template = received.draft.with_untracked(|d| d.template());
    let text = comments::earlier_version(&review, &changed, template, &format_local(review.sent_ms));
    let old = received.draft.with_untracked(|d| received.store.with_value(|s| review_store::shared_version(s, &d.id, &review.draft_sha256)));
    let shown = RwSignal::new(false);
    view! {
        <div class="earlier-version">
            <p>{t_with(text)}</p>
            {match old {
                None => view! { <p class="hint">{t("received.not_kept")}</p> }.into_any(),
                Some(old) => view! {
                    <button type="button" class="button-quiet" aria-expanded=move || shown.get().to_string() on:click=move |_| shown.update(|s| *s = !*s)>
                        {t("received.show_changes")}
                    </button>
                    {move || shown.get().then(|| view! {
                        <ChangedParts changes=received.draft.with(|current| changes(&old, current)) heading_class="field-label-small" />
                    })}
                }.into_any(),
            }}
        </div>
    }
}
