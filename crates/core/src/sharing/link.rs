//! Share links: a draft or a review carried in the URL fragment, which browsers never send to a
//! server.
//!
//! Fragment: `igf.<version>.<content>.<data>`. `content` is `d` for a draft (its stored
//! envelope) or `r` for a review, with `e` appended when encrypted. `data` is base64url, without
//! padding, of the JSON deflated and followed by the first 4 bytes of its SHA-256 (so a cut or
//! changed link is detected). An encrypted link's data is
//! `iterations (u32, big-endian) ‖ salt (16) ‖ iv (12) ‖ AES-GCM ciphertext of the compressed
//! JSON`; the key comes from the passphrase by PBKDF2-SHA-256 (in `browser::crypto`), and the
//! passphrase never goes into the link.
//!
//! Reading is tolerant of what mail and chat do to links: white space and line breaks anywhere,
//! `+` turned into spaces, quoted-printable soft breaks, `> ` quoting, percent-encoding once or
//! twice, a full URL or the bare fragment, trailing punctuation. Everything else is a clear error,
//! and nothing unpacks to more than [`MAX_UNPACKED`].

use igf_codecs::{base64, deflate};
use miniz_oxide::inflate::{TINFLStatus, decompress_to_vec_with_limit};
use sha2::{Digest, Sha256};
use thiserror::Error;

use crate::model::draft::Draft;
use crate::model::envelope::{self, EnvelopeError};
use crate::sharing::review::{self, Review, ReviewError};
use crate::text::i18n::Msg;

/// The link format this build writes and reads.
pub const VERSION: u32 = 1;
const PREFIX: &str = "igf.";
/// No link unpacks to more than this (a 3-page draft is about 20 KB).
pub const MAX_UNPACKED: usize = 1 << 20;
/// Longer text is refused before anything is decoded.
const MAX_LINK_CHARS: usize = 4 << 20;
pub const SALT_LEN: usize = 16;
pub const IV_LEN: usize = 12;
/// PBKDF2 iterations written into new links (OWASP's 2023 figure for PBKDF2-HMAC-SHA-256).
pub const ITERATIONS: u32 = 600_000;
/// Links asking for fewer or more iterations are refused: too weak, or a way to hang the tab.
const ITERATION_RANGE: std::ops::RangeInclusive<u32> = 100_000..=10_000_000;
const GCM_TAG_LEN: usize = 16;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Content {
    Draft,
    Review,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Payload {
    Draft(Draft),
    Review(Review),
}

/// An encrypted payload, as framed in the link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sealed {
    pub iterations: u32,
    pub salt: [u8; SALT_LEN],
    pub iv: [u8; IV_LEN],
    pub ciphertext: Vec<u8>,
}

impl Sealed {
    /// The bytes before the ciphertext; authenticated as AES-GCM additional data, so changing
    /// the iteration count or the salt is detected like any other change.
    pub fn header(&self) -> Vec<u8> {
        let mut header = self.iterations.to_be_bytes().to_vec();
        header.extend_from_slice(&self.salt);
        header
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Body {
    /// Packed JSON (see [`pack`]).
    Plain(Vec<u8>),
    Sealed(Sealed),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    pub content: Content,
    pub body: Body,
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum ShareError {
    NotALink,
    TooLong,
    NewerVersion { found: u64 },
    UnknownFormat(String),
    Incomplete,
    Damaged,
    TooLarge,
    WrongPassphrase,
    Draft(EnvelopeError),
    Review(ReviewError),
}

impl ShareError {
    /// Why the link was not opened, in whole sentences.
    pub fn msg(&self) -> Msg {
        match self {
            ShareError::NotALink => Msg::new("error.link.not_a_link"),
            ShareError::TooLong => Msg::new("error.link.too_long"),
            ShareError::NewerVersion { found } => {
                Msg::new("error.link.newer").arg("found", i64::try_from(*found).unwrap_or(i64::MAX)).arg("supported", VERSION)
            }
            ShareError::UnknownFormat(format) => Msg::new("error.link.unknown_format").arg("format", format),
            ShareError::Incomplete => Msg::new("error.link.incomplete"),
            ShareError::Damaged => Msg::new("error.link.damaged"),
            ShareError::TooLarge => Msg::new("error.link.too_large"),
            ShareError::WrongPassphrase => Msg::new("error.link.wrong_passphrase"),
            ShareError::Draft(error) => Msg::new("error.link.draft").arg("error", error.msg()),
            ShareError::Review(error) => Msg::new("error.link.review").arg("error", error.msg()),
        }
    }
}

crate::display_in_english!(ShareError);

/// The JSON a payload travels as: deflated, then the first 4 bytes of its SHA-256, so that a
/// changed link is never read as another draft.
pub fn pack(payload: &Payload) -> (Content, Vec<u8>) {
    let (content, json) = match payload {
        Payload::Draft(draft) => (Content::Draft, envelope::encode(draft)),
        Payload::Review(review) => (Content::Review, review::encode(review)),
    };
    (content, pack_bytes(json.as_bytes()))
}

fn checksum(bytes: &[u8]) -> [u8; 4] {
    let digest = Sha256::digest(bytes);
    [digest[0], digest[1], digest[2], digest[3]]
}

/// [`pack`] for any bytes.
pub fn pack_bytes(bytes: &[u8]) -> Vec<u8> {
    let mut packed = deflate::compress(bytes);
    packed.extend_from_slice(&checksum(bytes));
    packed
}

/// The fragment (without `#`) for a link.
pub fn fragment(link: &Link) -> String {
    let (code, data) = match (&link.content, &link.body) {
        (Content::Draft, Body::Plain(bytes)) => ("d", base64::encode_url(bytes)),
        (Content::Review, Body::Plain(bytes)) => ("r", base64::encode_url(bytes)),
        (content, Body::Sealed(sealed)) => {
            let mut bytes = sealed.header();
            bytes.extend_from_slice(&sealed.iv);
            bytes.extend_from_slice(&sealed.ciphertext);
            (if *content == Content::Draft { "de" } else { "re" }, base64::encode_url(&bytes))
        }
    };
    format!("{PREFIX}{VERSION}.{code}.{data}")
}

/// Whether text (a URL, a fragment, or pasted text) looks meant as a share link: used to leave
/// other fragments alone.
pub fn looks_like_link(text: &str) -> bool {
    percent_decode(text).contains(PREFIX)
}

/// Reads a link, a fragment or pasted text, tolerating what mail and chat do to links.
pub fn parse(text: &str) -> Result<Link, ShareError> {
    if text.len() > MAX_LINK_CHARS {
        return Err(ShareError::TooLong);
    }
    let text = percent_decode(text);
    // The fragment follows the last `#`; the host name may itself contain "igf.".
    let fragment = text.rsplit_once('#').map_or(text.as_str(), |(_, f)| f);
    // Line breaks, spaces (from `+`), quoted-printable soft breaks and quoting marks are never
    // part of a link.
    let cleaned: String = fragment.chars().filter(|c| !c.is_whitespace() && !matches!(c, '=' | '>')).collect();
    let start = cleaned.find(PREFIX).ok_or(ShareError::NotALink)?;
    let cleaned = cleaned[start + PREFIX.len()..].trim_end_matches(['.', ',', ';', ':', ')', ']', '"', '\'', '!', '?']);
    let mut parts = cleaned.splitn(3, '.');
    let (version, code, data) = (parts.next().unwrap_or(""), parts.next(), parts.next());
    match version.parse::<u64>() {
        Ok(found) if found == u64::from(VERSION) => {}
        Ok(found) if found > u64::from(VERSION) => return Err(ShareError::NewerVersion { found }),
        _ if code.is_none() => return Err(ShareError::Incomplete),
        _ => return Err(ShareError::UnknownFormat(version.chars().take(12).collect())),
    }
    let (Some(code), Some(data)) = (code, data) else { return Err(ShareError::Incomplete) };
    let content = match code {
        "d" | "de" => Content::Draft,
        "r" | "re" => Content::Review,
        other => return Err(ShareError::UnknownFormat(other.chars().take(12).collect())),
    };
    // A length no whole bytes give means the link was cut: decode what is there, and let the
    // checks below say it is incomplete.
    if !data.is_ascii() {
        return Err(ShareError::Damaged);
    }
    let data = if data.len() % 4 == 1 { &data[..data.len() - 1] } else { data };
    let bytes = base64::decode(data).ok_or(ShareError::Damaged)?;
    let body = if code.ends_with('e') { Body::Sealed(unframe(&bytes)?) } else { Body::Plain(bytes) };
    Ok(Link { content, body })
}

fn unframe(bytes: &[u8]) -> Result<Sealed, ShareError> {
    const HEAD: usize = 4 + SALT_LEN + IV_LEN;
    if bytes.len() < HEAD + GCM_TAG_LEN {
        return Err(ShareError::Incomplete);
    }
    let iterations = u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
    if !ITERATION_RANGE.contains(&iterations) {
        return Err(ShareError::Damaged);
    }
    let mut salt = [0; SALT_LEN];
    salt.copy_from_slice(&bytes[4..4 + SALT_LEN]);
    let mut iv = [0; IV_LEN];
    iv.copy_from_slice(&bytes[4 + SALT_LEN..HEAD]);
    Ok(Sealed { iterations, salt, iv, ciphertext: bytes[HEAD..].to_vec() })
}

/// Unpacks what [`pack`] made (a plain link's body, or a sealed one's after decryption).
pub fn unpack(content: Content, packed: &[u8]) -> Result<Payload, ShareError> {
    let Some(split) = packed.len().checked_sub(4).filter(|n| *n > 0) else { return Err(ShareError::Incomplete) };
    let json = decompress_to_vec_with_limit(&packed[..split], MAX_UNPACKED).map_err(|e| match e.status {
        TINFLStatus::HasMoreOutput => ShareError::TooLarge,
        TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput => ShareError::Incomplete,
        _ => ShareError::Damaged,
    })?;
    if checksum(&json) != packed[split..] {
        return Err(ShareError::Damaged);
    }
    let json = String::from_utf8(json).map_err(|_| ShareError::Damaged)?;
    match content {
        Content::Draft => envelope::decode(&json).map(Payload::Draft).map_err(ShareError::Draft),
        Content::Review => review::decode(&json).map(Payload::Review).map_err(ShareError::Review),
    }
}

/// Percent-decodes up to three times (links are sometimes encoded twice on their way), while
/// what is decoded is UTF-8.
fn percent_decode(text: &str) -> String {
    let mut text = text.to_owned();
    for _ in 0..3 {
        if !text.contains('%') {
            break;
        }
        let bytes = text.as_bytes();
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            let hex = |b: u8| (b as char).to_digit(16);
            match (bytes[i], bytes.get(i + 1).and_then(|b| hex(*b)), bytes.get(i + 2).and_then(|b| hex(*b))) {
                (b'%', Some(high), Some(low)) => {
                    out.push((high * 16 + low) as u8);
                    i += 3;
                }
                (byte, _, _) => {
                    out.push(byte);
                    i += 1;
                }
            }
        }
        match String::from_utf8(out) {
            Ok(decoded) if decoded != text => text = decoded,
            _ => break,
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::draft::DraftId;
    use crate::model::template::Kind;

    fn draft() -> Draft {
        let mut draft = Draft::new(DraftId::parse("d1").unwrap(), Kind::NewWg, 1);
        draft.set_title("Youth — 日本語 🎉".into(), 2);
        draft.set_section(0, "To help **newcomers**.\n\n<script>alert(1)</script>".into(), 3);
        draft
    }

    fn link() -> String {
        let (content, bytes) = pack(&Payload::Draft(draft()));
        format!("https://igf.example.org/editor/#{}", fragment(&Link { content, body: Body::Plain(bytes) }))
    }

    /// The link with the character at `at` changed to another of the alphabet.
    fn flip(link: &str, at: usize) -> String {
        let c = if &link[at..=at] == "A" { "B" } else { "A" };
        format!("{}{c}{}", &link[..at], &link[at + 1..])
    }

    fn open(text: &str) -> Result<Payload, ShareError> {
        match parse(text)? {
            Link { content, body: Body::Plain(bytes) } => unpack(content, &bytes),
            Link { body: Body::Sealed(_), .. } => panic!("sealed"),
        }
    }

    #[test]
    fn round_trips_a_draft_and_a_review() {
        assert_eq!(open(&link()), Ok(Payload::Draft(draft())));
        let review = Review::of(&draft(), "Rahul".into(), 5);
        let (content, bytes) = pack(&Payload::Review(review.clone()));
        let text = fragment(&Link { content, body: Body::Plain(bytes) });
        assert!(text.starts_with("igf.1.r."), "{text}");
        assert_eq!(open(&text), Ok(Payload::Review(review)));
    }

    #[test]
    fn tolerates_what_mail_and_chat_do_to_links() {
        let link = link();
        let fragment = link.split_once('#').unwrap().1.to_owned();
        let wrapped: String = link.as_bytes().chunks(40).map(|c| std::str::from_utf8(c).unwrap()).collect::<Vec<_>>().join("\r\n");
        let quoted_printable: String = link.as_bytes().chunks(75).map(|c| std::str::from_utf8(c).unwrap()).collect::<Vec<_>>().join("=\r\n");
        let table = [
            fragment.clone(),
            format!("#{fragment}"),
            format!("  {link}\n"),
            wrapped.clone(),
            wrapped.replace("\r\n", "\n> "),
            quoted_printable,
            link.replace('#', "%23"),
            link.replace('#', "%2523"),
            fragment.replace('.', "%2E"),
            format!("See {link}."),
            format!("({link})"),
            link.replace('+', " "),
        ];
        for text in table {
            assert_eq!(open(&text), Ok(Payload::Draft(draft())), "{text}");
        }
    }

    #[test]
    fn refuses_what_it_cannot_read_with_a_reason() {
        let link = link();
        let cut = |n: usize| link[..link.len() - n].to_owned();
        let table = [
            ("https://example.org/#section-2".to_owned(), ShareError::NotALink),
            ("igf.2.d.AAAA".into(), ShareError::NewerVersion { found: 2 }),
            ("igf.x.d.AAAA".into(), ShareError::UnknownFormat("x".into())),
            ("igf.1.q.AAAA".into(), ShareError::UnknownFormat("q".into())),
            ("igf.1".into(), ShareError::Incomplete),
            ("igf.1.d".into(), ShareError::Incomplete),
            (cut(3), ShareError::Incomplete),
            (flip(&link, link.len() - 2), ShareError::Damaged),
            ("igf.1.d.A*AA".into(), ShareError::Damaged),
            ("igf.1.de.AAAA".into(), ShareError::Incomplete),
            ("x".repeat(MAX_LINK_CHARS + 1), ShareError::TooLong),
        ];
        for (text, expected) in table {
            assert_eq!(open(&text), Err(expected), "{}", &text[..text.len().min(80)]);
        }
        let newer = fragment(&Link { content: Content::Draft, body: Body::Plain(pack_bytes(b"{\"schema\":9}")) });
        assert!(matches!(open(&newer), Err(ShareError::Draft(EnvelopeError::NewerSchema { .. }))));
    }

    #[test]
    fn a_decompression_bomb_is_refused() {
        let bomb = pack_bytes(&vec![b' '; 8 << 20]);
        assert!(bomb.len() < 100_000, "{}", bomb.len());
        let text = fragment(&Link { content: Content::Draft, body: Body::Plain(bomb) });
        assert_eq!(open(&text), Err(ShareError::TooLarge));
    }

    #[test]
    fn frames_sealed_links() {
        let sealed = Sealed { iterations: ITERATIONS, salt: [7; SALT_LEN], iv: [9; IV_LEN], ciphertext: vec![1; 40] };
        let text = fragment(&Link { content: Content::Review, body: Body::Sealed(sealed.clone()) });
        assert!(text.starts_with("igf.1.re."));
        assert_eq!(parse(&text), Ok(Link { content: Content::Review, body: Body::Sealed(sealed.clone()) }));
        let weak = Sealed { iterations: 1000, ..sealed };
        assert_eq!(parse(&fragment(&Link { content: Content::Draft, body: Body::Sealed(weak) })), Err(ShareError::Damaged));
    }
}
