//! Reviews in the drafts store (`core::store`), beside the drafts and under keys of their own:
//! only the reads and writes. Which keys, which versions are kept and how a review is filed are
//! decided in `core::sharing::inbox`.

use igf_core::model::draft::{Draft, DraftId};
use igf_core::sharing::inbox::{self, Addressee};
use igf_core::sharing::review::{self, Merged, Review, ReviewError};
use igf_core::store::{Loaded, Store, StoreError};
use igf_core::text::i18n::Msg;

use super::storage;

/// Why the reviews stored for a draft cannot be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum StoredReviewsError {
    Store(#[from] StoreError),
    Review(#[from] ReviewError),
}

impl StoredReviewsError {
    pub fn msg(&self) -> Msg {
        match self {
            StoredReviewsError::Store(error) => error.msg(),
            StoredReviewsError::Review(error) => error.msg(),
        }
    }
}

igf_core::display_in_english!(StoredReviewsError);

/// The reviews received for a draft; none when nothing is stored. An unreadable value is
/// reported and left in place.
pub fn received(store: &Store, id: &DraftId) -> Result<Vec<Review>, StoredReviewsError> {
    match store.raw(&inbox::received_key(id))? {
        None => Ok(Vec::new()),
        Some(text) => Ok(review::decode_received(&text)?),
    }
}

pub fn save_received(store: &Store, id: &DraftId, reviews: &[Review]) -> Result<(), StoreError> {
    store.put(&inbox::received_key(id), &review::encode_received(reviews))
}

/// Files a review with the stored draft it is about. Returns the draft and what changed, or a
/// sentence saying why nothing was changed.
pub fn receive(store: &Store, incoming: Review) -> Result<(Draft, Merged), Msg> {
    let id = incoming.draft_id.clone();
    let addressee = match store.load(&id) {
        Ok(Some(Loaded { draft: Ok(draft), .. })) => Addressee::Found(Box::new(draft)),
        Ok(None) => Addressee::Missing,
        Ok(Some(Loaded { draft: Err(e), .. })) => Addressee::Unreadable(e.msg()),
        Err(e) => Addressee::Failed(e.msg()),
    };
    let (draft, reviews, merged) = inbox::file(addressee, received(store, &id).map_err(|e| e.msg()), incoming)?;
    save_received(store, &id, &reviews).map_err(|e| inbox::not_saved(e.msg()))?;
    Ok((draft, merged))
}

fn shared(store: &Store, id: &DraftId) -> Result<Vec<Draft>, StoreError> {
    Ok(store.raw(&inbox::shared_key(id))?.and_then(|t| review::decode_shared(&t).ok()).unwrap_or_default())
}

/// Remembers a version of a draft its author is sharing.
pub fn remember_shared(store: &Store, draft: &Draft) -> Result<(), StoreError> {
    match inbox::with_shared(shared(store, &draft.id)?, draft) {
        Some(versions) => store.put(&inbox::shared_key(&draft.id), &review::encode_shared(&versions)),
        None => Ok(()),
    }
}

/// The shared version of a draft with this SHA-256, if it is still kept.
pub fn shared_version(store: &Store, id: &DraftId, sha256: &str) -> Option<Draft> {
    inbox::shared_version(shared(store, id).ok()?, sha256)
}

/// Keeps a review in progress with its draft, and marks it as this tab's open review.
pub fn save_session(store: &Store, draft: &Draft, review: &Review) -> Result<(), StoreError> {
    storage::set_session(inbox::OPEN_REVIEW_KEY, Some(draft.id.as_str()));
    store.put(&inbox::reviewing_key(&draft.id), &review::encode_session(draft, review))
}

/// The review in progress for a draft, if one is kept and it is about this very version.
pub fn session_for(store: &Store, draft: &Draft) -> Option<Review> {
    inbox::session_for(&store.raw(&inbox::reviewing_key(&draft.id)).ok()??, draft)
}

/// The review this tab had open before a reload.
pub fn open_session(store: &Store) -> Option<(Draft, Review)> {
    let id = DraftId::parse(&storage::session(inbox::OPEN_REVIEW_KEY)?)?;
    review::decode_session(&store.raw(&inbox::reviewing_key(&id)).ok()??).ok()
}

/// Forgets which review this tab shows (the review in progress stays stored).
pub fn close_session() {
    storage::set_session(inbox::OPEN_REVIEW_KEY, None);
}

pub fn reviewer_name(store: &Store) -> String {
    store.raw(inbox::NAME_KEY).ok().flatten().unwrap_or_default()
}

pub fn save_reviewer_name(store: &Store, name: &str) -> Result<(), StoreError> {
    store.put(inbox::NAME_KEY, name)
}
