//! Reviews kept beside the drafts, without the I/O: the keys they are stored under, which
//! shared versions are kept, which review in progress belongs to a draft, and how a received
//! review is filed with its draft (or why it is not).
//!
//! Keys: `igf-proposal-editor/reviews/<draft-id>` holds the reviews an author received for a
//! draft; `igf-proposal-editor/shared/<draft-id>` the last versions the author shared (to show
//! what changed since a review); `igf-proposal-editor/reviewing/<draft-id>` a reviewer's review
//! in progress with the draft it is about, apart from the reviewer's own drafts;
//! `igf-proposal-editor/reviewer-name` the name a reviewer signs with; the session key
//! `igf-proposal-editor/open-review` the review a tab has open, so a reload reopens it.

use crate::document::Manifest;
use crate::model::draft::{Draft, DraftId};
use crate::sharing::review::{self, Merged, Review};
use crate::text::i18n::Msg;

pub const NAME_KEY: &str = "igf-proposal-editor/reviewer-name";
pub const OPEN_REVIEW_KEY: &str = "igf-proposal-editor/open-review";
/// Shared versions kept per draft.
const KEEP_SHARED: usize = 5;

pub fn received_key(id: &DraftId) -> String {
    format!("igf-proposal-editor/reviews/{}", id.as_str())
}

pub fn shared_key(id: &DraftId) -> String {
    format!("igf-proposal-editor/shared/{}", id.as_str())
}

pub fn reviewing_key(id: &DraftId) -> String {
    format!("igf-proposal-editor/reviewing/{}", id.as_str())
}

/// The shared versions with `draft` as the newest, the oldest dropped past [`KEEP_SHARED`];
/// `None` when `draft` is the newest already and nothing needs writing.
pub fn with_shared(mut versions: Vec<Draft>, draft: &Draft) -> Option<Vec<Draft>> {
    if versions.last() == Some(draft) {
        return None;
    }
    versions.retain(|v| v != draft);
    versions.push(draft.clone());
    let excess = versions.len().saturating_sub(KEEP_SHARED);
    Some(versions.split_off(excess))
}

/// The shared version whose canonical export has this SHA-256.
pub fn shared_version(versions: Vec<Draft>, sha256: &str) -> Option<Draft> {
    versions.into_iter().find(|d| Manifest::of(d).sha256 == sha256)
}

/// The review in progress kept as `text`, if it is about this very version of `draft`.
pub fn session_for(text: &str, draft: &Draft) -> Option<Review> {
    let (kept, review) = review::decode_session(text).ok()?;
    (kept == *draft).then_some(review)
}

/// What the store holds under the id a received review names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Addressee {
    Found(Box<Draft>),
    Missing,
    /// The stored draft cannot be read, for this reason.
    Unreadable(Msg),
    /// The store could not be read, for this reason.
    Failed(Msg),
}

/// Files `incoming` with its draft among the reviews `stored` for it: the draft, the reviews to
/// write back and what changed, or a sentence saying why nothing was changed.
pub fn file(addressee: Addressee, stored: Result<Vec<Review>, Msg>, incoming: Review) -> Result<(Draft, Vec<Review>, Merged), Msg> {
    let draft = match addressee {
        Addressee::Found(draft) => *draft,
        Addressee::Missing => return Err(Msg::new("inbox.draft_missing").arg("title", incoming.draft_title)),
        Addressee::Unreadable(error) => return Err(Msg::new("inbox.draft_unreadable").arg("error", error)),
        Addressee::Failed(error) => return Err(Msg::new("inbox.store_failed").arg("error", error)),
    };
    let mut reviews = stored.map_err(|error| Msg::new("inbox.reviews_unreadable").arg("error", error))?;
    let merged = review::merge(&mut reviews, incoming).map_err(|e| Msg::new("inbox.not_filed").arg("error", e.msg()))?;
    Ok((draft, reviews, merged))
}

/// Why a filed review was not kept: the storage's `error`.
pub fn not_saved(error: Msg) -> Msg {
    Msg::new("inbox.not_saved").arg("error", error)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::template::Kind;
    use crate::sharing::review::Comment;

    fn version(n: u64) -> Draft {
        let mut draft = Draft::new(DraftId::parse("d1").unwrap(), Kind::NewWg, 0);
        draft.set_title(format!("Version {n}"), n);
        draft
    }

    #[test]
    fn keeps_the_last_five_shared_versions_newest_last() {
        let titles = |v: Option<Vec<Draft>>| v.map(|v| v.into_iter().map(|d| d.updated_ms).collect::<Vec<_>>());
        let table: [(Vec<u64>, u64, Option<Vec<u64>>); 4] = [
            (vec![], 1, Some(vec![1])),
            (vec![1, 2], 2, None),
            (vec![1, 2, 3], 1, Some(vec![2, 3, 1])),
            (vec![1, 2, 3, 4, 5], 6, Some(vec![2, 3, 4, 5, 6])),
        ];
        for (kept, shared, expected) in table {
            let versions = kept.iter().map(|&n| version(n)).collect();
            assert_eq!(titles(with_shared(versions, &version(shared))), expected, "{kept:?} + {shared}");
        }
        let sha = Manifest::of(&version(2)).sha256;
        assert_eq!(shared_version(vec![version(1), version(2)], &sha), Some(version(2)));
        assert_eq!(shared_version(vec![version(1)], &sha), None);
    }

    #[test]
    fn a_session_belongs_to_its_very_version() {
        let review = Review::of(&version(1), "R".into(), 1);
        let text = review::encode_session(&version(1), &review);
        assert_eq!(session_for(&text, &version(1)), Some(review));
        assert_eq!(session_for(&text, &version(2)), None);
        assert_eq!(session_for("{", &version(1)), None);
        assert_eq!(reviewing_key(&version(1).id), "igf-proposal-editor/reviewing/d1");
    }

    #[test]
    fn files_a_review_or_says_why_not() {
        let mut incoming = Review::of(&version(1), "R".into(), 1);
        incoming.comments.push(Comment { id: "c1".into(), section: "purpose".into(), quote: String::new(), text: "t".into(), time_ms: 2, resolved: false });
        let refused = |addressee, stored| file(addressee, stored, incoming.clone()).err().map(|msg| msg.english());
        let damaged = crate::model::envelope::EnvelopeError::MissingSchema;
        let full = || Msg::new("store.error.quota_exceeded");
        let table = [
            (Addressee::Missing, Ok(vec![]), "This review of “Version 1” is about a draft that is not in this browser. Open it in the browser where the draft was written."),
            (
                Addressee::Unreadable(damaged.msg()),
                Ok(vec![]),
                "The draft this review is about cannot be read (the stored value has no schema number, so it was not written by this editor).",
            ),
            (Addressee::Failed(full()), Ok(vec![]), "The review cannot be filed because the browser's storage for this site is full."),
            (
                Addressee::Found(Box::new(version(1))),
                Err(review::ReviewError::NotAReview.msg()),
                "The reviews stored for this draft cannot be read (this is not a review written by this editor), so they were left as they are.",
            ),
        ];
        for (addressee, stored, sentence) in table {
            assert_eq!(refused(addressee, stored).as_deref(), Some(sentence));
        }
        let mut other = incoming.clone();
        other.draft_id = DraftId::parse("d2").unwrap();
        assert_eq!(refused(Addressee::Found(Box::new(version(1))), Ok(vec![other])).as_deref(), Some("The review cannot be filed: the review is about another draft."));
        let (draft, reviews, merged) = file(Addressee::Found(Box::new(version(1))), Ok(vec![]), incoming.clone()).unwrap();
        assert_eq!((draft, reviews, merged), (version(1), vec![incoming], Merged { added: 1, updated: 0 }));
        assert_eq!(not_saved(full()).english(), "The review could not be saved because the browser's storage for this site is full.");
    }
}
