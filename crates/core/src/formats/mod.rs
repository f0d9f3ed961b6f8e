//! Submission-ready exports and the importers beside them. Every format that can carry data
//! carries the draft too, so any file we write opens again in the editor as the same draft.
//! Each format draws a [`Document`]; the "not ready" marking comes from the check report.

pub mod arrival;
pub mod docx;
pub mod edited;
pub mod html;
pub mod import;
pub mod markdown;
pub mod notes;
pub mod office;
pub mod paste;
pub mod pdf;
pub mod text;
pub mod wordml;

use serde::{Deserialize, Serialize};

use crate::checks::Report;
use crate::document::Document;
use crate::model::envelope;
use crate::model::calendar::CivilDate;
use crate::model::draft::Draft;
use crate::sharing::channel::MAIL_LIMIT;
use crate::text::i18n::Msg;
use crate::text::url::percent_encode;
use crate::text::words::capitalise;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Format {
    Pdf,
    Docx,
    Html,
    Markdown,
    Text,
    DraftFile,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Html => "html",
            Format::Markdown => "md",
            Format::Text => "txt",
            Format::DraftFile => "json",
        }
    }

    pub const ALL: [Format; 6] = [Format::Pdf, Format::Docx, Format::Html, Format::Markdown, Format::Text, Format::DraftFile];

    /// The name in the Export menu.
    pub fn label(self) -> Msg {
        match self {
            Format::Pdf => Msg::new("files.format.pdf"),
            Format::Docx => Msg::new("files.format.docx"),
            Format::Html => Msg::new("files.format.html"),
            Format::Markdown => Msg::new("files.format.markdown"),
            Format::Text => Msg::new("files.format.text"),
            Format::DraftFile => Msg::new("files.format.draft"),
        }
    }

    /// What the format is for, in a few words.
    pub fn purpose(self) -> Msg {
        match self {
            Format::Pdf => Msg::new("files.format.pdf.purpose"),
            Format::Docx => Msg::new("files.format.docx.purpose"),
            Format::Html => Msg::new("files.format.html.purpose"),
            Format::Markdown => Msg::new("files.format.markdown.purpose"),
            Format::Text => Msg::new("files.format.text.purpose"),
            Format::DraftFile => Msg::new("files.format.draft.purpose"),
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Format::Pdf => "application/pdf",
            Format::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Format::Html => "text/html;charset=utf-8",
            Format::Markdown => "text/markdown;charset=utf-8",
            Format::Text => "text/plain;charset=utf-8",
            Format::DraftFile => "application/json",
        }
    }
}

/// Escapes text for HTML and XML content and double-quoted attributes, and drops the characters
/// XML 1.0 cannot hold (C0 controls but tab and line breaks, U+FFFE, U+FFFF).
pub fn escape_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Reverses [`escape_markup`] for the data parts we embed (which hold no dropped characters).
pub fn unescape_markup(text: &str) -> String {
    text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&apos;", "'").replace("&amp;", "&")
}

/// The file's contents, with the "not ready" marking taken from the report. Only the PDF uses
/// `fonts` (it needs [`pdf::needed`] of the document), and only the PDF can fail, for want of
/// a font. The office worker calls this one ([`office::answer_export`]).
pub fn render(draft: &Draft, report: &Report, format: Format, fonts: &pdf::Fonts) -> Result<Vec<u8>, pdf::FontError> {
    render_document(draft, &Document::new(draft, report.must_fix()), format, fonts)
}

/// [`render`] of the document already made of the draft.
pub fn render_document(draft: &Draft, doc: &Document, format: Format, fonts: &pdf::Fonts) -> Result<Vec<u8>, pdf::FontError> {
    Ok(match format {
        Format::Pdf => return pdf::export(doc, fonts),
        Format::Docx => docx::export(draft, doc),
        Format::Html => html::export(draft, doc).into_bytes(),
        Format::Markdown => markdown::export(draft, doc).into_bytes(),
        Format::Text => text::export(doc).into_bytes(),
        Format::DraftFile => envelope::encode(draft).into_bytes(),
    })
}

/// [`render`] for the formats the editor writes itself, which it needs anyway: the draft file
/// (backups, sharing) and the plain text (the rescue after a crash). `None` for the others,
/// which the office worker writes ([`office::export_request`]), so that the editor's first
/// load carries none of their writers.
pub fn write(draft: &Draft, report: &Report, format: Format) -> Option<Vec<u8>> {
    match format {
        Format::Text => Some(text::export(&Document::new(draft, report.must_fix())).into_bytes()),
        Format::DraftFile => Some(envelope::encode(draft).into_bytes()),
        Format::Pdf | Format::Docx | Format::Html | Format::Markdown => None,
    }
}

/// A predictable file name: `BPF-proposal-local-content-2026-11-29.docx`.
pub fn file_name(draft: &Draft, format: Format, today: CivilDate) -> String {
    let prefix = match draft.kind {
        crate::model::template::Kind::NewBpf => "BPF-proposal",
        crate::model::template::Kind::ContinuingBpf => "Continuing-BPF-proposal",
        crate::model::template::Kind::NewWg => "WG-proposal",
    };
    format!("{prefix}-{}-{}.{}", slug(&draft.title), today.iso(), format.extension())
}

/// Lower-case words of the title, without the words every proposal shares, at most 6.
fn slug(title: &str) -> String {
    const SKIP: &[&str] = &["best", "practice", "forum", "bpf", "mag", "working", "group", "wg", "on", "the", "for", "of", "a", "an", "and"];
    let words: Vec<String> = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .filter(|w| !SKIP.contains(&w.as_str()))
        .take(6)
        .collect();
    if words.is_empty() { "untitled".to_owned() } else { words.join("-") }
}

/// A `mailto:` link to the Secretariat with a subject and a short body that reminds the author
/// to attach the file (a link cannot attach one).
pub fn mailto(draft: &Draft, recipient: &str, attachment: &str) -> String {
    let title = draft.display_title();
    let short_title: String = if title.chars().count() > 120 {
        title.chars().take(119).chain(['…']).collect()
    } else {
        title.clone()
    };
    // Written to the Secretariat, so in English whatever the interface's language.
    let subject = Msg::new("export.mailto.subject").arg("kind", capitalise(draft.kind.noun())).arg("title", &short_title).english();
    let body = Msg::new("export.mailto.body")
        .arg("kind", draft.kind.noun())
        .arg("title", short_title)
        .arg("attachment", attachment)
        .arg("proposer", draft.details().proposer.name.trim())
        .english();
    let mut link = format!("mailto:{}?subject={}&body=", percent_encode(recipient.trim()), percent_encode(&subject));
    // Long bodies are cut at a whole character, so the link stays valid UTF-8.
    let mut room = MAIL_LIMIT.saturating_sub(link.len());
    let mut buffer = [0u8; 4];
    for c in body.chars() {
        let encoded = percent_encode(c.encode_utf8(&mut buffer));
        if encoded.len() > room {
            break;
        }
        room -= encoded.len();
        link.push_str(&encoded);
    }
    link
}



