//! Where a link can go (a chat message, a mail, a QR code) and how long it may be there: one
//! limit per channel, defined here only.
//!
//! A mail program gets a link in two ways, and both are the mail channel: a `mailto:` link it
//! opens (the Secretariat's message, or a share link put into a message for the author), and a
//! link pasted into a message. Some mail programs, on Windows above all, cut or refuse URLs
//! past 2,048 characters (the URL path limit that classic Outlook inherits), so every
//! `mailto:` link we write, counted whole, stays within it.

use crate::text::i18n::Msg;
use crate::text::url::percent_encode;

/// Chat apps cut or refuse messages near 2,000 characters.
pub const CHAT_LIMIT: usize = 2000;
/// Some mail programs break links past 2,048 characters; see the module's note.
pub const MAIL_LIMIT: usize = 2048;
/// The largest QR code holds 2,953 bytes (version 40, low error correction), and phones read
/// codes that dense badly, so we count on half of that.
pub const QR_LIMIT: usize = 1450;

/// Where a link of this many characters can go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reach {
    pub chat: bool,
    pub mail: bool,
    pub qr_code: bool,
}

pub fn reach(link_chars: usize) -> Reach {
    Reach { chat: link_chars <= CHAT_LIMIT, mail: link_chars <= MAIL_LIMIT, qr_code: link_chars <= QR_LIMIT }
}

/// One sentence on where a link of this many characters fits; `true` when sending a file is
/// the better choice.
pub fn describe_reach(link_chars: usize) -> (Msg, bool) {
    let n = group_thousands(link_chars);
    let (chat, mail) = (group_thousands(CHAT_LIMIT), group_thousands(MAIL_LIMIT));
    let r = reach(link_chars);
    match (r.qr_code, r.chat, r.mail) {
        (true, _, _) => (Msg::new("share.reach.everywhere").arg("count", n), false),
        (false, true, _) => (Msg::new("share.reach.no_qr").arg("count", n), false),
        (false, false, true) => (Msg::new("share.reach.no_chat").arg("count", n).arg("chat", chat), true),
        _ => (Msg::new("share.reach.too_long").arg("count", n).arg("chat", chat).arg("mail", mail), true),
    }
}

/// A `mailto:` link that puts a share link into a new message with `subject`, or `None` when
/// that link would be too long for the mail channel.
pub fn share_mailto(subject: &str, link: &str) -> Option<String> {
    let body = format!("{subject}\n\n{link}\n\nIt opens in the IGF Proposal Editor, in your browser; nothing is sent to a server.");
    let href = format!("mailto:?subject={}&body={}", percent_encode(subject), percent_encode(&body));
    (href.len() <= MAIL_LIMIT).then_some(href)
}

fn group_thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn says_where_a_link_fits() {
        assert_eq!(reach(1400), Reach { chat: true, mail: true, qr_code: true });
        assert_eq!(reach(2010), Reach { chat: false, mail: true, qr_code: false });
        assert_eq!(reach(5000), Reach { chat: false, mail: false, qr_code: false });
        let table = [
            (80, "80 characters: fits in a chat message, an email and a QR code.", false),
            (1999, "1,999 characters: fits in a chat message and an email, but is too dense for a QR code.", false),
            (2048, "2,048 characters: too long for most chat messages (about 2,000), and some mail programs break links this long. Sending a file is safer.", true),
            (1_234_567, "1,234,567 characters: too long for chat messages (about 2,000) and for some mail programs (2,048). Send a file instead.", true),
        ];
        for (chars, sentence, long) in table {
            let (said, file) = describe_reach(chars);
            assert_eq!((said.english(), file), (sentence.to_owned(), long));
        }
    }

    #[test]
    fn a_share_link_goes_into_a_mail_while_the_whole_link_fits() {
        let href = share_mailto("For your review: “Youth”", "https://e.org/#igf.1.dr.x").unwrap();
        assert_eq!(
            href,
            "mailto:?subject=For%20your%20review%3A%20%E2%80%9CYouth%E2%80%9D&body=For%20your%20review%3A%20%E2%80%9CYouth%E2%80%9D%0A%0A\
             https%3A%2F%2Fe.org%2F%23igf.1.dr.x%0A%0AIt%20opens%20in%20the%20IGF%20Proposal%20Editor%2C%20in%20your%20browser%3B%20\
             nothing%20is%20sent%20to%20a%20server."
        );
        // Everything but the link costs a fixed length: find the longest link that still fits.
        let fixed = share_mailto("S", "").unwrap().len();
        let longest = "a".repeat(MAIL_LIMIT - fixed);
        assert_eq!(share_mailto("S", &longest).map(|h| h.len()), Some(MAIL_LIMIT));
        assert_eq!(share_mailto("S", &format!("{longest}a")), None);
    }
}
