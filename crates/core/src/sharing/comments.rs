//! Which review comments show where, and what the people on both sides are told about them:
//! the author's summary of received reviews, each comment's byline, a review of an earlier
//! version; the reviewer's new comments and whether a review is ready to send.

use crate::model::draft::{Draft, DraftId};
use crate::model::template::Template;
use crate::sharing::review::{Comment, GENERAL, MAX_QUOTE_CHARS, Review, TITLE, fingerprints};
use crate::text::i18n::{Arg, Msg};

/// Characters of a random id kept for a comment id: short, and plenty to tell comments apart.
const COMMENT_ID_CHARS: usize = 12;

/// What a comment key names, for people.
pub fn place(template: &Template, key: &str) -> Msg {
    match key {
        GENERAL => Msg::new("comments.place.whole"),
        TITLE => Msg::new("comments.place.title"),
        key => template.section_index(key).map_or_else(
            || Msg::new("comments.place.unknown").arg("key", key),
            |i| Msg::new("checks.name.section").arg("heading", template.sections[i].heading),
        ),
    }
}

/// The reviewer's name, or "A reviewer" when it was left blank.
pub fn reviewer_label(review: &Review) -> Arg {
    match review.reviewer.trim() {
        "" => Msg::new("comments.reviewer.unnamed").into(),
        name => name.into(),
    }
}

/// Where a received comment shows: beside section `Some(key)`, or with `None`, in the panel of
/// the draft as a whole, which also takes comments on parts the template lacks.
pub fn shows_at(template: &Template, at: Option<&str>, comment: &Comment) -> bool {
    match at {
        Some(key) => comment.section == key,
        None => comment.section == GENERAL || template.section_index(&comment.section).is_none(),
    }
}

/// For each received review, the parts of `draft` changed since it.
pub fn changed_since(reviews: &[Review], draft: &Draft) -> Vec<Vec<String>> {
    if reviews.is_empty() {
        return Vec::new();
    }
    let now = fingerprints(draft);
    reviews.iter().map(|r| r.changed_since(&now, draft.template())).collect()
}

/// A received comment as the author sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Received {
    pub comment: Comment,
    /// Who wrote it, whether it is resolved, whether its part changed since.
    pub byline: Msg,
}

/// The received comments that show at `at` (see [`shows_at`]); `changed` comes from
/// [`changed_since`].
pub fn received_at(reviews: &[Review], changed: &[Vec<String>], template: &Template, at: Option<&str>) -> Vec<Received> {
    let mut shown = Vec::new();
    for (i, review) in reviews.iter().enumerate() {
        for comment in review.comments.iter().filter(|c| shows_at(template, at, c)) {
            let mut byline = Msg::new("comments.byline").arg("who", reviewer_label(review));
            if comment.resolved {
                byline = Msg::new("comments.byline.resolved").arg("byline", byline);
            }
            if changed.get(i).is_some_and(|keys| keys.contains(&comment.section)) {
                byline = Msg::new("comments.byline.changed").arg("byline", byline);
            }
            shown.push(Received { comment: comment.clone(), byline });
        }
    }
    shown
}

/// How many comments are open, of how many, and from whom.
pub fn summary(reviews: &[Review]) -> Msg {
    let open = reviews.iter().flat_map(|r| &r.comments).filter(|c| !c.resolved).count();
    let total = reviews.iter().map(|r| r.comments.len()).sum::<usize>();
    let mut names: Vec<&str> = Vec::new();
    for name in reviews.iter().map(|r| r.reviewer.trim()).filter(|n| !n.is_empty()) {
        if !names.contains(&name) {
            names.push(name);
        }
    }
    let from = if names.is_empty() { Msg::new("comments.reviewers").into() } else { Arg::commas(names) };
    Msg::new("comments.summary").arg("open", open).arg("total", Msg::new("comments.count").arg("count", total)).arg("from", from)
}

/// Says that `review` was of an earlier version, and which parts changed since; `sent` is when
/// it was sent, as shown locally.
pub fn earlier_version(review: &Review, changed: &[String], template: &Template, sent: &str) -> Msg {
    let names = changed.iter().map(|k| place(template, k));
    Msg::new("comments.earlier_version").arg("who", reviewer_label(review)).arg("sent", sent).arg("changed", Arg::commas(names))
}

/// The reviewer's own comments on one part, in the order written.
pub fn comments_on<'a>(review: &'a Review, key: &'a str) -> impl Iterator<Item = &'a Comment> {
    review.comments.iter().filter(move |c| c.section == key)
}

/// The passage a comment quotes, from the selected text.
pub fn quote(selected: &str) -> String {
    selected.trim().chars().take(MAX_QUOTE_CHARS).collect()
}

/// A new comment on part `key`; `random` is a fresh random id. Refused, with a sentence, when
/// nothing was written.
pub fn new_comment(random: &DraftId, key: &str, quote: String, text: &str, now_ms: u64) -> Result<Comment, Msg> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Msg::new("comments.empty"));
    }
    let id = random.as_str().chars().take(COMMENT_ID_CHARS).collect();
    Ok(Comment { id, section: key.into(), quote, text: text.to_owned(), time_ms: now_ms, resolved: false })
}

/// Why a review cannot be sent yet, or `None` when it can: it needs a comment and a name.
pub fn not_ready_to_send(review: &Review) -> Option<Msg> {
    match (!review.reviewer.trim().is_empty(), !review.comments.is_empty()) {
        (true, true) => None,
        (_, false) => Some(Msg::new("comments.send.no_comment")),
        (false, true) => Some(Msg::new("comments.send.no_name")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::template::Kind;

    fn draft() -> Draft {
        Draft::new(DraftId::parse("d1").unwrap(), Kind::NewWg, 1)
    }

    fn comment(id: &str, section: &str, resolved: bool) -> Comment {
        Comment { id: id.into(), section: section.into(), quote: String::new(), text: "x".into(), time_ms: 1, resolved }
    }

    fn review(reviewer: &str, comments: Vec<Comment>) -> Review {
        Review { comments, ..Review::of(&draft(), reviewer.into(), 1) }
    }

    #[test]
    fn names_each_place() {
        let template = draft().template();
        let table = [(GENERAL, "the whole draft"), (TITLE, "the title"), ("purpose", "“Purpose of the WG”"), ("theme", "a section this template lacks (theme)")];
        for (key, expected) in table {
            assert_eq!(place(template, key).english(), expected);
        }
    }

    #[test]
    fn each_comment_shows_in_one_place_with_its_byline() {
        let template = draft().template();
        let reviews = [
            review("Rahul", vec![comment("a", "purpose", false), comment("b", GENERAL, true)]),
            review(" ", vec![comment("c", "theme", false), comment("d", "purpose", true)]),
        ];
        let changed = vec![vec!["purpose".to_owned()], Vec::new()];
        let at = |key| received_at(&reviews, &changed, template, key).into_iter().map(|r| (r.comment.id, r.byline.english())).collect::<Vec<_>>();
        let pair = |id: &str, byline: &str| (id.to_owned(), byline.to_owned());
        assert_eq!(at(Some("purpose")), [pair("a", "Rahul · this part changed since"), pair("d", "A reviewer · Resolved")]);
        assert_eq!(at(None), [pair("b", "Rahul · Resolved"), pair("c", "A reviewer")]);
        assert_eq!(at(Some("outputs")), []);
        assert_eq!(summary(&reviews).english(), "2 open of 4 comments, from Rahul. Each shows beside its section.");
        assert_eq!(summary(&reviews[1..1]).english(), "0 open of 0 comments, from reviewers. Each shows beside its section.");
        let one = [review("Amina", vec![comment("e", "purpose", false)]), review("Amina", Vec::new())];
        assert_eq!(summary(&one).english(), "1 open of 1 comment, from Amina. Each shows beside its section.");
        assert_eq!(comments_on(&reviews[0], GENERAL).map(|c| c.id.as_str()).collect::<Vec<_>>(), ["b"]);
    }

    #[test]
    fn tells_of_an_earlier_version() {
        let mut current = draft();
        let reviews = [review("", Vec::new())];
        assert_eq!(changed_since(&reviews, &current), [Vec::<String>::new()]);
        assert_eq!(changed_since(&[], &current), Vec::<Vec<String>>::new());
        current.set_title("New".into(), 2);
        current.set_section(0, "Text".into(), 3);
        let changed = changed_since(&reviews, &current);
        assert_eq!(
            earlier_version(&reviews[0], &changed[0], current.template(), "1 May").english(),
            "A reviewer reviewed an earlier version (sent 1 May). Changed since then: the title, “Purpose of the WG”."
        );
    }

    #[test]
    fn a_review_needs_a_comment_and_a_name() {
        let random = DraftId::parse("abcdefghijklmnopqrstuvwxyz").unwrap();
        assert_eq!(new_comment(&random, "purpose", String::new(), " \n", 5).map_err(|m| m.english()), Err("Write your comment before saving it.".to_owned()));
        let made = new_comment(&random, "purpose", quote(&format!("  {}  ", "q".repeat(600))), " Good. ", 5).unwrap();
        assert_eq!((made.id.as_str(), made.text.as_str(), made.quote.chars().count()), ("abcdefghijkl", "Good.", MAX_QUOTE_CHARS));
        let table = [
            ("", vec![], Some("Add at least one comment before you send your review.")),
            ("Rahul", vec![], Some("Add at least one comment before you send your review.")),
            (" ", vec![made.clone()], Some("Enter your name first (under the banner), so the author knows whose comments these are.")),
            ("Rahul", vec![made], None),
        ];
        for (name, comments, expected) in table {
            assert_eq!(not_ready_to_send(&review(name, comments)).map(|m| m.english()).as_deref(), expected, "{name:?}");
        }
    }
}
