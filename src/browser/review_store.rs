//! Reviews in the drafts store (`core::store`), beside the drafts and under keys of their own.
//!
//! Keys: `igf-proposal-editor/reviews/<draft-id>` holds the reviews an author received for a
//! draft; `igf-proposal-editor/shared/<draft-id>` the last versions the author shared (to show
//! what changed since a review); `igf-proposal-editor/reviewing/<draft-id>` a reviewer's review
//! in progress with the draft it is about, apart from the reviewer's own drafts;
//! `igf-proposal-editor/reviewer-name` the name a reviewer signs with. The review a tab has open
//! lives in session storage, so a reload reopens it.

use super::storage;
use igf_core::model::draft::Draft;
use igf_core::model::draft::DraftId;
use igf_core::document::Manifest;
use igf_core::sharing::review;
use igf_core::sharing::review::Merged;
use igf_core::sharing::review::Review;
use igf_core::store::Loaded;
use igf_core::store::Store;
use igf_core::store::StoreError;

const RECEIVED_PREFIX: &str = "igf-proposal-editor/reviews/";
const SHARED_PREFIX: &str = "igf-proposal-editor/shared/";
const REVIEWING_PREFIX: &str = "igf-proposal-editor/reviewing/";
const NAME_KEY: &str = "igf-proposal-editor/reviewer-name";
const OPEN_REVIEW_KEY: &str = "igf-proposal-editor/open-review";
/// Shared versions kept per draft.
const KEEP_SHARED: usize = 5;

fn key(prefix: &str, id: &DraftId) -> String {
    format!("{prefix}{}", id.as_str())
}

/// The reviews received for a draft; none when nothing is stored. An unreadable value is
/// reported and left in place.
pub fn received(store: &Store, id: &DraftId) -> Result<Vec<Review>, String> {
    match store.raw(&key(RECEIVED_PREFIX, id)).map_err(|e| e.to_string())? {
        None => Ok(Vec::new()),
        Some(text) => review::decode_received(&text).map_err(|e| e.to_string()),
    }
}

pub fn save_received(store: &Store, id: &DraftId, reviews: &[Review]) -> Result<(), StoreError> {
    store.put(&key(RECEIVED_PREFIX, id), &review::encode_received(reviews))
}

/// Files a review with the stored draft it is about. Returns the draft and what changed, or a
/// sentence saying why nothing was changed.
pub fn receive(store: &Store, incoming: Review) -> Result<(Draft, Merged), String> {
    let id = incoming.draft_id.clone();
    let draft = match store.load(&id) {
        Ok(Some(Loaded { draft: Ok(draft), .. })) => draft,
        Ok(None) => {
            return Err(format!(
                "This review of “{}” is about a draft that is not in this browser. Open it in the browser where the draft was written.",
                incoming.draft_title
            ));
        }
        Ok(Some(Loaded { draft: Err(e), .. })) => return Err(format!("The draft this review is about cannot be read ({e}).")),
        Err(e) => return Err(format!("The review cannot be filed because {e}.")),
    };
    let mut stored = received(store, &id).map_err(|e| format!("The reviews stored for this draft cannot be read ({e}), so they were left as they are."))?;
    let merged = review::merge(&mut stored, incoming).map_err(|e| format!("The review cannot be filed: {e}."))?;
    save_received(store, &id, &stored).map_err(|e| format!("The review could not be saved because {e}."))?;
    Ok((draft, merged))
}

/// Remembers a version of a draft its author is sharing.
pub fn remember_shared(store: &Store, draft: &Draft) -> Result<(), StoreError> {
    let key = key(SHARED_PREFIX, &draft.id);
    let mut versions = store.raw(&key)?.and_then(|t| review::decode_shared(&t).ok()).unwrap_or_default();
    if versions.last() == Some(draft) {
        return Ok(());
    }
    versions.retain(|v| v != draft);
    versions.push(draft.clone());
    let excess = versions.len().saturating_sub(KEEP_SHARED);
    store.put(&key, &review::encode_shared(&versions[excess..]))
}

/// The shared version of a draft with this SHA-256, if it is still kept.
pub fn shared_version(store: &Store, id: &DraftId, sha256: &str) -> Option<Draft> {
    let text = store.raw(&key(SHARED_PREFIX, id)).ok()??;
    review::decode_shared(&text).ok()?.into_iter().find(|d| Manifest::of(d).sha256 == sha256)
}

/// Keeps a review in progress with its draft, and marks it as this tab's open review.
pub fn save_session(store: &Store, draft: &Draft, review: &Review) -> Result<(), StoreError> {
    storage::set_session(OPEN_REVIEW_KEY, Some(draft.id.as_str()));
    store.put(&key(REVIEWING_PREFIX, &draft.id), &review::encode_session(draft, review))
}

/// The review in progress for a draft, if one is kept and it is about this very version.
pub fn session_for(store: &Store, draft: &Draft) -> Option<Review> {
    let text = store.raw(&key(REVIEWING_PREFIX, &draft.id)).ok()??;
    let (kept, review) = review::decode_session(&text).ok()?;
    (kept == *draft).then_some(review)
}

/// The review this tab had open before a reload.
pub fn open_session(store: &Store) -> Option<(Draft, Review)> {
    let id = DraftId::parse(&storage::session(OPEN_REVIEW_KEY)?)?;
    review::decode_session(&store.raw(&key(REVIEWING_PREFIX, &id)).ok()??).ok()
}

/// Forgets which review this tab shows (the review in progress stays stored).
pub fn close_session() {
    storage::set_session(OPEN_REVIEW_KEY, None);
}

pub fn reviewer_name(store: &Store) -> String {
    store.raw(NAME_KEY).ok().flatten().unwrap_or_default()
}

pub fn save_reviewer_name(store: &Store, name: &str) -> Result<(), StoreError> {
    store.put(NAME_KEY, name)
}
