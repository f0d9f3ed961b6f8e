//! What a link opened in the tab leads to, and what the author is told when a review arrives.


use crate::sharing::link::{self, Body, Content, Link, Payload};
use crate::sharing::review::{Merged, Review};
use crate::text::i18n::{Arg, Msg};

/// What a link's fragment leads to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Opening {
    /// A draft to review, or a review for the author.
    Open(Box<Payload>),
    /// A link under a passphrase: ask for it first.
    Locked(Link),
    /// A sentence saying why the link was not opened.
    Refused(Msg),
}

/// Reads a fragment; `None` when it is no share link at all (any other fragment is left alone).
pub fn open_fragment(fragment: &str) -> Option<Opening> {
    if !link::looks_like_link(fragment) {
        return None;
    }
    let parsed = link::parse(fragment).and_then(|l| match l.body {
        Body::Plain(bytes) => link::unpack(l.content, &bytes).map(|p| Opening::Open(Box::new(p))),
        Body::Sealed(_) => Ok(Opening::Locked(l)),
    });
    Some(parsed.unwrap_or_else(|e| Opening::Refused(refusal(e.msg()))))
}

/// A reason something was not opened (a full sentence), and that nothing changed.
pub fn refusal(reason: Msg) -> Msg {
    Msg::new("opening.refused").arg("reason", reason)
}

/// The heading over the passphrase prompt of a protected link.
pub fn locked_heading(content: Content) -> Msg {
    if content == Content::Draft { Msg::new("opening.locked.draft") } else { Msg::new("opening.locked.review") }
}

/// What filing a received review changed, in a sentence.
pub fn review_filed(review: &Review, merged: Merged) -> Msg {
    let reviewer: Arg = match review.reviewer.trim() {
        "" => Msg::new("opening.reviewer.unnamed").into(),
        name => name.into(),
    };
    match (merged.added, merged.updated) {
        (0, 0) => Msg::new("opening.review.already_here").arg("reviewer", reviewer),
        (added, updated) => Msg::new("opening.review.added").arg("reviewer", reviewer).arg("added", added).arg("updated", updated),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::draft::{Draft, DraftId};
    use crate::model::template::Kind;
    use crate::sharing::link::{ShareError, fragment, pack};

    fn draft() -> Draft {
        Draft::new(DraftId::parse("d1").unwrap(), Kind::NewWg, 1)
    }

    #[test]
    fn a_fragment_opens_locks_or_is_refused() {
        let plain = fragment(&Link { content: Content::Draft, body: Body::Plain(pack(&Payload::Draft(draft())).1) });
        assert_eq!(open_fragment(&plain), Some(Opening::Open(Box::new(Payload::Draft(draft())))));
        assert_eq!(open_fragment(""), None);
        assert_eq!(open_fragment("section-theme"), None);
        let cut = &plain[..plain.len() - 10];
        assert_eq!(open_fragment(cut), Some(Opening::Refused(refusal(ShareError::Incomplete.msg()))));
        let Some(Opening::Refused(sentence)) = open_fragment(cut) else { unreachable!() };
        let sentence = sentence.english();
        assert!(sentence.starts_with("The link is incomplete") && sentence.ends_with("the file instead. Nothing was changed."), "{sentence}");
    }

    #[test]
    fn says_what_a_review_changed() {
        let mut review = Review::of(&draft(), " ".into(), 5);
        let table = [
            (Merged { added: 0, updated: 0 }, "The review from a reviewer was already here: nothing changed."),
            (Merged { added: 3, updated: 0 }, "The review from a reviewer is added to this draft: 3 new and 0 updated comments, shown beside their sections."),
        ];
        for (merged, sentence) in table {
            assert_eq!(review_filed(&review, merged).english(), sentence);
        }
        review.reviewer = " Rahul ".into();
        assert_eq!(review_filed(&review, Merged::default()).english(), "The review from Rahul was already here: nothing changed.");
        assert_eq!(locked_heading(Content::Draft).english(), "This shared draft is protected by a passphrase");
        assert_eq!(locked_heading(Content::Review).english(), "This shared review is protected by a passphrase");
    }
}
