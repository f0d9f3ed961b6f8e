//! Reviews: comments on a shared draft that travel back to its author, without a server.
//!
//! A review names the draft it is about (id and SHA-256 of its canonical export, as in
//! [`Manifest`]) and carries a short fingerprint of the title and each section as reviewed, but
//! never the draft itself: the author's browser already has it. The fingerprints tell the author
//! which sections changed since the review even when the reviewed version is not stored.
//!
//! Wire format, versioned like every serialized type here: `{"review": 1, "draft_id": ...}`. The
//! author keeps received reviews as `{"reviews": 1, "items": [review, ...]}`; the reviewer keeps
//! the review in progress, with the draft it is about, as `{"reviewing": 1, "draft": envelope,
//! "review": review}`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};
use thiserror::Error;

use crate::document::Manifest;
use crate::model::json;
use crate::model::draft::{Draft, DraftId};
use crate::model::envelope::{self, Envelope, EnvelopeError};
use crate::model::template::Template;
use crate::text::i18n::Msg;

/// The review format this build writes.
pub const FORMAT: u32 = 1;
/// The comment key for remarks on the draft as a whole rather than one section.
pub const GENERAL: &str = "general";
/// The fingerprint key of the title.
pub const TITLE: &str = "title";
const MAX_COMMENTS: usize = 2000;
const MAX_TEXT_CHARS: usize = 20_000;
/// The longest quoted passage kept with a comment.
pub const MAX_QUOTE_CHARS: usize = 500;

/// A comment, in its wire order; the optional parts (a quote, the resolved mark) are left out
/// when empty.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comment {
    /// Random and short (see [`valid_id`]): it identifies the comment across copies of a review.
    pub id: String,
    /// A section key of the draft's template, or [`GENERAL`].
    pub section: String,
    pub text: String,
    /// When the comment was last written, in ms since the epoch.
    pub time_ms: u64,
    /// The passage the comment is about; empty when it is about the whole section.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub quote: String,
    #[serde(default, skip_serializing_if = "is_false")]
    pub resolved: bool,
}

fn is_false(flag: &bool) -> bool {
    !flag
}

/// A review, in its wire order after the format number.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    pub draft_id: DraftId,
    /// SHA-256 of the reviewed draft's canonical export, in hex.
    pub draft_sha256: String,
    pub draft_title: String,
    /// Fingerprint of the title and of each section's text, as reviewed.
    #[serde(default)]
    pub fingerprints: BTreeMap<String, String>,
    pub reviewer: String,
    pub sent_ms: u64,
    pub comments: Vec<Comment>,
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum ReviewError {
    Json { line: usize, column: usize },
    NotAReview,
    NewerFormat { found: u64, supported: u32 },
    Invalid(String),
    OtherDraft,
    Draft(#[from] EnvelopeError),
}

impl ReviewError {
    pub fn msg(&self) -> Msg {
        match self {
            ReviewError::Json { line, column } => Msg::new("error.review.json").arg("line", *line).arg("column", *column),
            ReviewError::NotAReview => Msg::new("error.review.not_a_review"),
            ReviewError::NewerFormat { found, supported } => {
                Msg::new("error.review.newer").arg("found", i64::try_from(*found).unwrap_or(i64::MAX)).arg("supported", *supported)
            }
            ReviewError::Invalid(detail) => Msg::new("error.review.invalid").arg("detail", detail),
            ReviewError::OtherDraft => Msg::new("error.review.other_draft"),
            ReviewError::Draft(error) => Msg::new("error.review.draft").arg("error", error.msg()),
        }
    }
}

crate::display_in_english!(ReviewError);

impl Review {
    /// An empty review of `draft` as it is now.
    pub fn of(draft: &Draft, reviewer: String, now_ms: u64) -> Review {
        Review {
            draft_id: draft.id.clone(),
            draft_sha256: Manifest::of(draft).sha256,
            draft_title: draft.display_title(),
            fingerprints: fingerprints(draft),
            reviewer,
            sent_ms: now_ms,
            comments: Vec::new(),
        }
    }

    /// Keys of the title and the sections whose fingerprints differ now (`now` comes from
    /// [`fingerprints`] of the current draft), title first, then in template order.
    pub fn changed_since(&self, now: &BTreeMap<String, String>, template: &Template) -> Vec<String> {
        // Title, then the template's sections in order, then any other key; no sort needed.
        let known = std::iter::once(TITLE).chain(template.sections.iter().map(|s| s.key));
        let others = self.fingerprints.keys().chain(now.keys()).map(String::as_str).filter(|k| *k != TITLE && template.section_index(k).is_none());
        let mut changed: Vec<String> = Vec::new();
        for key in known.chain(others) {
            if self.fingerprints.get(key) != now.get(key) && !changed.iter().any(|c| c == key) {
                changed.push(key.to_owned());
            }
        }
        changed
    }
}

/// A short fingerprint of the title and of each section's text (the first 64 bits of SHA-256).
pub fn fingerprints(draft: &Draft) -> BTreeMap<String, String> {
    let short = |text: &str| Sha256::digest(text.as_bytes())[..8].iter().map(|b| format!("{b:02x}")).collect::<String>();
    let mut prints = BTreeMap::new();
    prints.insert(TITLE.to_owned(), short(&draft.title));
    for (key, text) in draft.sections_by_key() {
        prints.insert(key.to_owned(), short(text));
    }
    prints
}

/// Comment ids: 1 to 64 characters from `[A-Za-z0-9_-]`.
pub fn valid_id(id: &str) -> bool {
    DraftId::parse(id).is_some()
}

/// A review on the wire: `{"review":1,…the review's fields}`.
#[derive(Serialize)]
struct Wire<'a> {
    review: u32,
    #[serde(flatten)]
    body: &'a Review,
}

impl Wire<'_> {
    fn of(review: &Review) -> Wire<'_> {
        Wire { review: FORMAT, body: review }
    }
}

fn invalid<T>(what: String) -> Result<T, ReviewError> {
    Err(ReviewError::Invalid(what))
}

fn from_value(value: &Value) -> Result<Review, ReviewError> {
    check_format(value, "review", FORMAT)?;
    if let Some(Value::Array(items)) = value.get("comments")
        && items.len() > MAX_COMMENTS
    {
        return invalid(format!("it has {} comments; at most {MAX_COMMENTS} are read", items.len()));
    }
    let mut review: Review = json::read(value).map_err(ReviewError::Invalid)?;
    review.draft_sha256.make_ascii_lowercase();
    if review.draft_sha256.len() != 64 || !review.draft_sha256.bytes().all(|b| b.is_ascii_hexdigit()) {
        return invalid("the draft's SHA-256 is not 64 hexadecimal digits".into());
    }
    for comment in &review.comments {
        if !valid_id(&comment.id) {
            return invalid(format!("the comment id “{}” is not valid", comment.id));
        }
        if comment.text.chars().count() > MAX_TEXT_CHARS || comment.quote.chars().count() > MAX_TEXT_CHARS {
            return invalid(format!("comment {} is longer than {MAX_TEXT_CHARS} characters", comment.id));
        }
    }
    Ok(review)
}

fn json_value(text: &str) -> Result<Value, ReviewError> {
    json::parse(text).map_err(|e| ReviewError::Json { line: e.line, column: e.column })
}

/// Reads the format number under `key` first, so a newer format is named as such.
fn check_format(value: &Value, key: &str, supported: u32) -> Result<(), ReviewError> {
    match value.get(key).map(Value::as_u64) {
        None => Err(ReviewError::NotAReview),
        Some(Some(n)) if n == u64::from(supported) => Ok(()),
        Some(Some(n)) if n > u64::from(supported) => Err(ReviewError::NewerFormat { found: n, supported }),
        Some(_) => invalid(format!("format “{}” was never written by this editor", value.get(key).unwrap_or(&Value::Null))),
    }
}

pub fn encode(review: &Review) -> String {
    json::write(&Wire::of(review))
}

pub fn decode(text: &str) -> Result<Review, ReviewError> {
    from_value(&json_value(text)?)
}

/// Whether a JSON text is a review rather than a draft (it names its format under "review").
pub fn is_review(text: &str) -> bool {
    json_value(text).is_ok_and(|v| v.get("review").is_some())
}

/// The reviews an author has received for one draft.
pub fn encode_received(reviews: &[Review]) -> String {
    #[derive(Serialize)]
    struct Received<'a> {
        reviews: u32,
        items: Vec<Wire<'a>>,
    }
    json::write(&Received { reviews: FORMAT, items: reviews.iter().map(Wire::of).collect() })
}

pub fn decode_received(text: &str) -> Result<Vec<Review>, ReviewError> {
    let value = json_value(text)?;
    check_format(&value, "reviews", FORMAT)?;
    match value.get("items") {
        Some(Value::Array(items)) => items.iter().map(from_value).collect(),
        _ => invalid("the list of reviews is missing".into()),
    }
}

/// A review in progress, kept with the draft it is about so that a reload loses nothing.
pub fn encode_session(draft: &Draft, review: &Review) -> String {
    #[derive(Serialize)]
    struct Session<'a> {
        reviewing: u32,
        draft: Envelope,
        review: Wire<'a>,
    }
    json::write(&Session { reviewing: FORMAT, draft: Envelope::of(draft), review: Wire::of(review) })
}

pub fn decode_session(text: &str) -> Result<(Draft, Review), ReviewError> {
    let value = json_value(text)?;
    check_format(&value, "reviewing", FORMAT)?;
    let draft = envelope::decode_value(value.get("draft").unwrap_or(&Value::Null))?;
    let review = from_value(value.get("review").unwrap_or(&Value::Null))?;
    if review.draft_id != draft.id {
        return Err(ReviewError::OtherDraft);
    }
    Ok((draft, review))
}

/// The versions of a draft its author shared, newest last: what a review of an earlier version
/// is compared with.
pub fn encode_shared(versions: &[Draft]) -> String {
    #[derive(Serialize)]
    struct Shared {
        shared: u32,
        versions: Vec<Envelope>,
    }
    json::write(&Shared { shared: FORMAT, versions: versions.iter().map(Envelope::of).collect() })
}

pub fn decode_shared(text: &str) -> Result<Vec<Draft>, ReviewError> {
    let value = json_value(text)?;
    check_format(&value, "shared", FORMAT)?;
    match value.get("versions") {
        Some(Value::Array(items)) => items.iter().map(|v| Ok(envelope::decode_value(v)?)).collect(),
        _ => invalid("the list of shared versions is missing".into()),
    }
}

/// What merging a review changed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Merged {
    pub added: usize,
    pub updated: usize,
}

/// Adds a received review to the reviews already stored for the same draft. Comments are
/// deduplicated by id across every stored review: a newer text replaces an older one, and the
/// author's "resolved" state is kept. New comments join the stored review of the same reviewer
/// and the same version of the draft, or come as a review of their own.
pub fn merge(stored: &mut Vec<Review>, incoming: Review) -> Result<Merged, ReviewError> {
    if stored.first().is_some_and(|r| r.draft_id != incoming.draft_id) {
        return Err(ReviewError::OtherDraft);
    }
    let mut merged = Merged::default();
    let mut fresh = Vec::new();
    for comment in incoming.comments.iter().cloned() {
        let existing = stored.iter_mut().flat_map(|r| r.comments.iter_mut()).find(|c| c.id == comment.id);
        match existing {
            Some(existing) if comment.time_ms > existing.time_ms => {
                *existing = Comment { resolved: existing.resolved, ..comment };
                merged.updated += 1;
            }
            Some(_) => {}
            None if fresh.iter().any(|c: &Comment| c.id == comment.id) => {}
            None => fresh.push(comment),
        }
    }
    merged.added = fresh.len();
    if fresh.is_empty() {
        return Ok(merged);
    }
    match stored.iter_mut().find(|r| r.reviewer == incoming.reviewer && r.draft_sha256 == incoming.draft_sha256) {
        Some(same) => {
            same.comments.extend(fresh);
            same.sent_ms = same.sent_ms.max(incoming.sent_ms);
        }
        None => stored.push(Review { comments: fresh, ..incoming }),
    }
    Ok(merged)
}

/// Marks one comment resolved or open again; false when no stored comment has that id.
pub fn set_resolved(reviews: &mut [Review], comment_id: &str, resolved: bool) -> bool {
    reviews.iter_mut().flat_map(|r| r.comments.iter_mut()).find(|c| c.id == comment_id).map(|c| c.resolved = resolved).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::template::Kind;

    fn draft() -> Draft {
        let mut draft = Draft::new(DraftId::parse("d1").unwrap(), Kind::NewWg, 1);
        draft.set_title("Youth".into(), 2);
        draft.set_section(0, "To help.".into(), 3);
        draft
    }

    fn comment(id: &str, section: &str, time_ms: u64) -> Comment {
        Comment { id: id.into(), section: section.into(), quote: String::new(), text: format!("about {section}"), time_ms, resolved: false }
    }

    fn review(reviewer: &str, comments: Vec<Comment>) -> Review {
        Review { comments, ..Review::of(&draft(), reviewer.into(), 10) }
    }

    #[test]
    fn round_trips_and_names_the_reviewed_version() {
        let mut r = review("Rahul", vec![comment("c1", "purpose", 5), comment("c2", GENERAL, 6)]);
        r.comments[0].quote = "To help.".into();
        r.comments[1].resolved = true;
        assert_eq!(decode(&encode(&r)), Ok(r.clone()));
        assert_eq!(r.draft_sha256, Manifest::of(&draft()).sha256);
        assert_eq!(r.fingerprints.len(), 6, "the title and five WG sections");
        assert!(is_review(&encode(&r)));
        assert!(!is_review(&envelope::encode(&draft())));
        assert_eq!(decode_received(&encode_received(&[r.clone(), r.clone()])), Ok(vec![r.clone(), r.clone()]));
        assert_eq!(decode_session(&encode_session(&draft(), &r)), Ok((draft(), r)));
        assert_eq!(decode_shared(&encode_shared(&[draft(), draft()])), Ok(vec![draft(), draft()]));
    }

    #[test]
    fn refuses_what_it_cannot_read_with_a_reason() {
        let good = encode(&review("R", vec![comment("c1", "purpose", 5)]));
        let table: Vec<(String, ReviewError)> = vec![
            ("[".into(), ReviewError::Json { line: 1, column: 1 }),
            ("{}".into(), ReviewError::NotAReview),
            (good.replace("\"review\":1", "\"review\":7"), ReviewError::NewerFormat { found: 7, supported: 1 }),
            (good.replace("\"review\":1", "\"review\":\"1\""), ReviewError::Invalid("format “\"1\"” was never written by this editor".into())),
            (good.replace("\"d1\"", "\"../x\""), ReviewError::Invalid("the draft id “../x” is not valid".into())),
            (good.replace("\"c1\"", "\"c 1\""), ReviewError::Invalid("the comment id “c 1” is not valid".into())),
            (good.replace("\"draft_sha256\":\"", "\"draft_sha256\":\"x"), ReviewError::Invalid("the draft's SHA-256 is not 64 hexadecimal digits".into())),
        ];
        for (text, expected) in table {
            assert_eq!(decode(&text), Err(expected), "{text}");
        }
        assert_eq!(decode(&good.replace("\"reviewer\"", "\"who\"")), Err(ReviewError::Invalid("missing field `reviewer`".into())));
        assert_eq!(decode_received("{\"reviews\":1}"), Err(ReviewError::Invalid("the list of reviews is missing".into())));
    }

    #[test]
    fn merging_dedupes_by_comment_id_and_keeps_the_authors_resolution() {
        let mut stored = Vec::new();
        let first = review("Rahul", vec![comment("c1", "purpose", 5), comment("c2", "outputs", 6)]);
        assert_eq!(merge(&mut stored, first.clone()), Ok(Merged { added: 2, updated: 0 }));
        assert_eq!(merge(&mut stored, first.clone()), Ok(Merged::default()), "the same review twice adds nothing");
        assert!(set_resolved(&mut stored, "c1", true));
        assert!(!set_resolved(&mut stored, "nope", true));

        let mut edited = first.clone();
        edited.comments[0].text = "reworded".into();
        edited.comments[0].time_ms = 9;
        edited.comments.push(comment("c3", "purpose", 9));
        assert_eq!(merge(&mut stored, edited), Ok(Merged { added: 1, updated: 1 }));
        assert_eq!(stored.len(), 1, "same reviewer, same version: one review");
        let c1 = &stored[0].comments[0];
        assert_eq!((c1.text.as_str(), c1.resolved), ("reworded", true));

        let other = review("Amina", vec![comment("a1", GENERAL, 7), comment("a1", GENERAL, 7)]);
        assert_eq!(merge(&mut stored, other), Ok(Merged { added: 1, updated: 0 }));
        assert_eq!(stored.iter().map(|r| r.comments.len()).sum::<usize>(), 4);

        let mut foreign = review("X", vec![comment("x1", GENERAL, 1)]);
        foreign.draft_id = DraftId::parse("other").unwrap();
        assert_eq!(merge(&mut stored, foreign), Err(ReviewError::OtherDraft));
    }

    #[test]
    fn tells_which_parts_changed_since_the_review() {
        let r = review("Rahul", Vec::new());
        let mut current = draft();
        let changed = |d: &Draft| r.changed_since(&fingerprints(d), d.template());
        assert!(changed(&current).is_empty());
        current.set_section(2, "A paper.".into(), 20);
        current.set_title("Youth!".into(), 21);
        current.set_section(0, "To help.".into(), 22);
        assert_eq!(changed(&current), vec!["title".to_owned(), "outputs".to_owned()]);
    }
}
