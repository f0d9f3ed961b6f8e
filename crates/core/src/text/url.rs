//! The URL allowlist for links and images in anything we render or export, and percent-encoding
//! for the links we write.
//!
//! Allowed: `http:`, `https:`, `mailto:`, relative references and `#fragments`. Everything else
//! (`javascript:`, `data:`, `vbscript:`, `file:`...) is refused. Browsers ignore ASCII tabs and
//! newlines inside a URL and strip leading control characters and spaces, so we remove every
//! white-space and control character before we read the scheme, and we hand out the cleaned URL.
//! Character references such as `&#x09;` are already decoded by the Markdown parser.

/// A URL that passed the allowlist; the only kind of URL a view or an export may emit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SafeUrl(String);

impl SafeUrl {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

const ALLOWED_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// Checks a URL against the allowlist. `None` means the link must be shown as plain text.
pub fn safe_url(raw: &str) -> Option<SafeUrl> {
    let cleaned: String = raw
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control() && !super::invisible(*c))
        .collect();
    match scheme(&cleaned) {
        None => Some(SafeUrl(cleaned)),
        Some(scheme) if ALLOWED_SCHEMES.iter().any(|a| scheme.eq_ignore_ascii_case(a)) => {
            Some(SafeUrl(cleaned))
        }
        Some(_) => None,
    }
}

/// The scheme of a URL: the text before the first `:` when no `/`, `?` or `#` comes first.
fn scheme(url: &str) -> Option<&str> {
    let end = url.find([':', '/', '?', '#'])?;
    if url.as_bytes()[end] == b':' { Some(&url[..end]) } else { None }
}

/// Percent-encodes everything but unreserved characters (RFC 3986), as UTF-8.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::safe_url;

    #[test]
    fn allows_only_web_mail_relative_and_fragment_urls() {
        let table: &[(&str, Option<&str>)] = &[
            ("https://www.intgovforum.org/", Some("https://www.intgovforum.org/")),
            ("http://example.org/a?b=c#d", Some("http://example.org/a?b=c#d")),
            ("HTTPS://EXAMPLE.ORG", Some("HTTPS://EXAMPLE.ORG")),
            ("mailto:igf@un.org", Some("mailto:igf@un.org")),
            ("MailTo:igf@un.org", Some("MailTo:igf@un.org")),
            ("#objectives", Some("#objectives")),
            ("report.pdf", Some("report.pdf")),
            ("../docs/report.pdf", Some("../docs/report.pdf")),
            ("/path/with:colon", Some("/path/with:colon")),
            ("?q=a:b", Some("?q=a:b")),
            ("//example.org/x", Some("//example.org/x")),
            ("", Some("")),
            (" https://example.org ", Some("https://example.org")),
            ("javascript:alert(1)", None),
            ("JaVaScRiPt:alert(1)", None),
            ("JaVa\tscript:alert(1)", None),
            ("java\nscript:alert(1)", None),
            ("java\rscript:alert(1)", None),
            ("\u{0001}javascript:alert(1)", None),
            ("  javascript:alert(1)", None),
            ("java\u{200B}script:alert(1)", None),
            ("\u{FEFF}javascript:alert(1)", None),
            ("java\u{00A0}script:alert(1)", None),
            ("vbscript:msgbox(1)", None),
            ("data:text/html;base64,PHNjcmlwdD4=", None),
            ("DATA:image/svg+xml,<svg onload=alert(1)>", None),
            ("file:///etc/passwd", None),
            ("ftp://example.org", None),
            ("blob:https://example.org/1", None),
            ("javascript://%0Aalert(1)", None),
        ];
        for (raw, expected) in table {
            assert_eq!(safe_url(raw).as_ref().map(|u| u.as_str()), *expected, "{raw:?}");
        }
    }
}
