//! Documents of word processors (Word, LibreOffice, Google Docs) and rich text from the
//! clipboard, read into one small model of what a proposal can keep: paragraphs, headings,
//! list items, bold, italic, code and links, tables; written out as the Markdown of a section.
//!
//! `docx` and `odt` read the two file formats (`styles` and `numbering` resolve what Word
//! keeps apart from the text), `people` turns a table of co-facilitators into the structured
//! list, `markdown` writes the model. What a proposal cannot keep (comments, notes, headers and
//! footers, pictures) is counted in [`LeftOut`] and named in the preview.

pub mod docx;
pub mod markdown;
pub mod numbering;
pub mod odt;
pub mod people;
pub mod styles;

use igf_codecs::xml::XmlError;
use igf_codecs::zip::ZipError;
use thiserror::Error;

use crate::text::i18n::{Arg, Key, Msg};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reading {
    pub parts: Vec<Part>,
    pub left_out: LeftOut,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    Paragraph(Paragraph),
    /// Rows of cells, each cell its paragraphs (nested tables flattened into them).
    Table(Vec<Vec<Vec<Paragraph>>>),
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Paragraph {
    pub role: Role,
    pub spans: Vec<Span>,
    /// The style's id as the file names it (used to recognise our own DOCX's parts).
    pub style: String,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Role {
    #[default]
    Body,
    Title,
    /// Level 1 to 6.
    Heading(u8),
    /// A list item at `level` (0 is the outermost), with its number when the list is ordered.
    Item { level: u8, number: Option<u64> },
}

/// A run of text with one set of marks; `\n` in `text` is a line break.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub marks: Marks,
    pub link: Option<String>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Marks {
    pub bold: bool,
    pub italic: bool,
    pub code: bool,
}

impl Paragraph {
    /// The visible text, line breaks as spaces.
    pub fn text(&self) -> String {
        self.spans.iter().map(|s| s.text.as_str()).collect::<String>().replace('\n', " ")
    }

    /// Adds text, joining it to the last span when the marks and link are the same.
    pub fn push(&mut self, text: &str, marks: Marks, link: Option<&str>) {
        if text.is_empty() {
            return;
        }
        match self.spans.last_mut() {
            Some(last) if last.marks == marks && last.link.as_deref() == link => last.text.push_str(text),
            _ => self.spans.push(Span { text: text.to_owned(), marks, link: link.map(str::to_owned) }),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.spans.iter().all(|s| s.text.trim().is_empty())
    }
}

/// What the import leaves out, counted for the preview.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LeftOut {
    pub comments: usize,
    pub notes: usize,
    pub headers: usize,
    pub footers: usize,
    pub pictures: usize,
}

impl LeftOut {
    /// "Left out, as a proposal has no place for them: 2 comments, 1 footnote and 1 header.",
    /// or `None` when nothing was.
    pub fn sentence(&self) -> Option<Msg> {
        let counted = [
            (self.comments, Key("count.comments")),
            (self.notes, Key("count.footnotes")),
            (self.headers, Key("count.headers")),
            (self.footers, Key("count.footers")),
            (self.pictures, Key("count.pictures")),
        ];
        let parts: Vec<Msg> = counted.into_iter().filter(|(n, _)| *n > 0).map(|(n, noun)| noun.msg().arg("count", n)).collect();
        (!parts.is_empty()).then(|| Msg::new("import.left_out").arg("parts", Arg::list(parts)))
    }
}

/// Runs of white space as one space, as HTML and ODF text read them (ODF's `text:s` and HTML's
/// `<pre>` write more; XML cannot hold the form feed that HTML also counts).
pub(crate) fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_ascii_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum WordError {
    Zip(#[from] ZipError),
    LegacyDoc,
    Encrypted,
    OtherOffice,
    /// What the file is instead, named by a message's key.
    NotText(Key),
    Missing(String),
    Xml { part: String, source: XmlError },
    Encoding(String),
}

impl WordError {
    /// Why the document cannot be read, as a clause about it ("it is …; save it … and import that").
    pub fn msg(&self) -> Msg {
        match self {
            WordError::Zip(error) => zip_msg(error),
            WordError::LegacyDoc => Msg::new("error.word.legacy_doc"),
            WordError::Encrypted => Msg::new("error.word.encrypted"),
            WordError::OtherOffice => Msg::new("error.word.other_office"),
            WordError::NotText(kind) => Msg::new("error.word.not_text").arg("kind", kind.msg()),
            WordError::Missing(part) => Msg::new("error.word.missing").arg("part", part),
            WordError::Xml { part, source } => Msg::new("error.word.xml")
                .arg("part", part)
                .arg("line", source.line)
                .arg("column", source.column)
                .arg("detail", source.what),
            WordError::Encoding(part) => Msg::new("error.word.encoding").arg("part", part),
        }
    }
}

/// Why a ZIP archive cannot be read, as a clause: the codec's error in the interface's words.
pub fn zip_msg(error: &ZipError) -> Msg {
    match error {
        ZipError::NotZip => Msg::new("error.zip.not_zip"),
        ZipError::Damaged(detail) => Msg::new("error.zip.damaged").arg("detail", *detail),
        ZipError::Method(method) => Msg::new("error.zip.method").arg("method", *method),
        ZipError::TooLarge(megabytes) => Msg::new("error.zip.too_large").arg("megabytes", *megabytes),
    }
}

crate::display_in_english!(WordError);

/// The first bytes of an OLE compound file: .doc, and Office files encrypted with a password.
const OLE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// Whether the bytes look like a word-processor file (a ZIP or an OLE compound file).
pub fn is_office_file(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(OLE)
}

/// Reads a .docx or .odt (told apart by their contents, not by the name).
pub fn read(bytes: &[u8]) -> Result<Reading, WordError> {
    if bytes.starts_with(OLE) {
        return Err(ole_kind(bytes));
    }
    let mut archive = igf_codecs::zip::Archive::open(bytes)?;
    if archive.contains("mimetype") || archive.contains("content.xml") {
        return odt::read(&mut archive);
    }
    if archive.contains("[Content_Types].xml") && !archive.names().any(|n| n.starts_with(b"word/")) {
        let what = if archive.names().any(|n| n.starts_with(b"xl/")) {
            Key("error.word.kind.excel")
        } else if archive.names().any(|n| n.starts_with(b"ppt/")) {
            Key("error.word.kind.powerpoint")
        } else {
            Key("error.word.kind.office_other")
        };
        return Err(WordError::NotText(what));
    }
    if !archive.contains("[Content_Types].xml") {
        return Err(WordError::NotText(Key("error.word.kind.zip")));
    }
    docx::read(&mut archive)
}

/// What an OLE compound file is: an encrypted Office document carries an `EncryptedPackage`
/// stream, a Word 97-2003 document a `WordDocument` stream (names in UTF-16 in the directory).
fn ole_kind(bytes: &[u8]) -> WordError {
    let has = |name: &str| {
        let wide: Vec<u8> = name.bytes().flat_map(|b| [b, 0]).collect();
        bytes.windows(wide.len()).any(|w| w == wide)
    };
    if has("EncryptedPackage") || has("EncryptionInfo") {
        WordError::Encrypted
    } else if has("WordDocument") {
        WordError::LegacyDoc
    } else {
        WordError::OtherOffice
    }
}

/// Reads one part of a package as text, or says which part is missing or damaged.
pub(crate) fn part_text(archive: &mut igf_codecs::zip::Archive, name: &str) -> Result<Option<String>, WordError> {
    match archive.read(name)? {
        None => Ok(None),
        Some(bytes) => String::from_utf8(bytes).map(Some).map_err(|_| WordError::Encoding(name.to_owned())),
    }
}

pub(crate) fn parse_part<'a>(name: &str, text: &'a str) -> Result<igf_codecs::xml::Element<'a>, WordError> {
    igf_codecs::xml::parse(text).map_err(|source| WordError::Xml { part: name.to_owned(), source })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_left_out_sentence_names_each_count() {
        let table = [
            (LeftOut::default(), None),
            (LeftOut { comments: 1, ..LeftOut::default() }, Some("Left out, as a proposal has no place for them: 1 comment.")),
            (LeftOut { comments: 2, notes: 1, headers: 1, footers: 2, pictures: 3 }, Some("Left out, as a proposal has no place for them: 2 comments, 1 footnote, 1 header, 2 footers and 3 pictures.")),
        ];
        for (left_out, sentence) in table {
            assert_eq!(left_out.sentence().map(|msg| msg.english()).as_deref(), sentence);
        }
    }

    #[test]
    fn ole_files_are_told_apart() {
        let ole = |stream: &str| {
            let mut bytes = OLE.to_vec();
            bytes.extend(stream.bytes().flat_map(|b| [b, 0]));
            bytes
        };
        assert_eq!(read(&ole("WordDocument")), Err(WordError::LegacyDoc));
        assert_eq!(read(&ole("EncryptedPackage")), Err(WordError::Encrypted));
        assert_eq!(read(&ole("Workbook")), Err(WordError::OtherOffice));
    }
}
