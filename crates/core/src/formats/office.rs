//! Word-processor files and rich paste are read, and the PDF, DOCX, HTML and Markdown exports
//! written, by the editor's office worker, a module loaded only when one is first needed, so
//! the first load carries neither the readers nor those writers. These are both ends of that
//! hand-off: the worker's answer as JSON text (or a file's bytes), and the editor's reading of
//! it into what a local import or export gives. Drafts travel as stored envelopes, which are
//! lossless; sentences as messages (`Msg`), which the editor renders in the interface's
//! language (the worker has no catalogue).

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::checks::Report;
use crate::document::Document;
use crate::formats::edited::Edited;
use crate::formats::pdf::Fonts;
use crate::formats::{self, Format};
use crate::formats::import::{self, ImportError, Imported, Source};
use crate::formats::paste;
use crate::model::draft::{Draft, DraftId};
use crate::model::envelope;
use crate::model::template::Kind;
use crate::text::i18n::Msg;

/// The worker's answer for a file.
pub fn answer_file(name: &str, bytes: &[u8], new_id: DraftId, now_ms: u64) -> String {
    let answer = match import::office_file(name, bytes, new_id.clone(), now_ms) {
        Ok(Imported::Own(draft)) => json!({ "own": envelope::encode(&draft) }),
        Ok(Imported::Edited(edited)) => json!({ "edited": [envelope::encode(&edited.exported), envelope::encode(&edited.edited), edited.summary] }),
        Ok(Imported::Foreign(foreign)) => {
            // The people ride in the details of a draft of their own.
            let mut people = Draft::new(new_id, Kind::NewBpf, 0);
            people.edit_details(0, |d| d.co_facilitators = foreign.source.people.clone());
            json!({ "foreign": [foreign.source.text, envelope::encode(&people), foreign.source.left_out] })
        }
        Ok(Imported::Review(_)) => json!({ "error": Msg::new("error.import.review_in_office_file").arg("name", name) }),
        Err(error) => json!({ "error": error.msg() }),
    };
    answer.to_string()
}

/// The import an answer of the worker describes; a foreign file is mapped here, as any is.
pub fn read_answer(name: &str, answer: &str, new_id: DraftId, now_ms: u64) -> Result<Imported, ImportError> {
    let unreadable = || ImportError::Relayed(Msg::new("error.import.worker_answer").arg("name", name));
    let value: Value = serde_json::from_str(answer).map_err(|_| unreadable())?;
    let draft = |v: &Value| v.as_str().and_then(|text| envelope::decode(text).ok());
    let msg = |v: &Value| Msg::deserialize(v).ok();
    if !value["error"].is_null() {
        return Err(msg(&value["error"]).map_or_else(unreadable, ImportError::Relayed));
    }
    if let Some(own) = draft(&value["own"]) {
        return Ok(Imported::Own(own));
    }
    let edited = &value["edited"];
    if let (Some(exported), Some(with_edits), Some(summary)) = (draft(&edited[0]), draft(&edited[1]), msg(&edited[2])) {
        return Ok(Imported::Edited(Box::new(Edited { exported, edited: with_edits, summary })));
    }
    let foreign = &value["foreign"];
    let (Some(text), Some(people)) = (foreign[0].as_str(), draft(&foreign[1])) else { return Err(unreadable()) };
    let source = Source { text: text.to_owned(), people: people.details().co_facilitators.clone(), left_out: msg(&foreign[2]) };
    let kind = import::guess_kind(text);
    Ok(Imported::Foreign(import::map_source(source, kind, new_id, now_ms)))
}

/// The worker's answer for pasted HTML: its Markdown, or null.
pub fn answer_paste(html: &str) -> String {
    json!(paste::to_markdown(html)).to_string()
}

/// The Markdown of a paste answer; `None` pastes the plain text.
pub fn read_paste(answer: &str) -> Option<String> {
    serde_json::from_str::<Option<String>>(answer).ok().flatten()
}

/// What the worker needs to write a draft's file: the format, the draft, and the must-fix
/// findings its "not ready" marking names (the worker does not check the draft again).
#[derive(Serialize, Deserialize)]
struct ExportRequest {
    format: Format,
    draft: String,
    must_fix: Vec<String>,
}

/// The editor's request for the file of `draft` in `format`, as [`formats::render`] would
/// write it.
pub fn export_request(draft: &Draft, report: &Report, format: Format) -> String {
    json!(ExportRequest { format, draft: envelope::encode(draft), must_fix: report.must_fix() }).to_string()
}

/// The worker's answer to an [`export_request`]: the file written (a PDF with `fonts`), or why
/// there is none as a message in JSON, which [`read_refusal`] reads.
pub fn answer_export(request: &str, fonts: &Fonts) -> Result<Vec<u8>, String> {
    export(request, fonts).map_err(|refusal| json!(refusal).to_string())
}

fn export(request: &str, fonts: &Fonts) -> Result<Vec<u8>, Msg> {
    let garbled = || Msg::new("error.export.garbled");
    let request: ExportRequest = serde_json::from_str(request).map_err(|_| garbled())?;
    let draft = envelope::decode(&request.draft).map_err(|_| garbled())?;
    formats::render_document(&draft, &Document::new(&draft, request.must_fix), request.format, fonts).map_err(|e| e.msg())
}

/// Why the worker wrote no file, from its answer.
pub fn read_refusal(answer: &str) -> Msg {
    serde_json::from_str(answer).unwrap_or_else(|_| Msg::new("error.export.garbled_answer"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_reads_back_as_the_import_itself() {
        let id = || DraftId::parse("new").unwrap();
        let mut draft = Draft::new(DraftId::parse("ours").unwrap(), Kind::NewWg, 5);
        draft.set_title("Youth".into(), 6);
        let own = crate::formats::docx::export(&draft, &crate::document::Document::final_version(&draft));
        let body = r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Purpose</w:t></w:r></w:p><w:p><w:r><w:t>To help.</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>Name</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Email</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>Ana</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>ana@example.org</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>"#;
        let foreign = igf_codecs::zip::write(&[("[Content_Types].xml", b"<Types/>"), ("word/document.xml", body.as_bytes())]);
        let cases: Vec<(&str, Vec<u8>)> = vec![("own.docx", own), ("foreign.docx", foreign), ("bad.docx", b"PK\x03\x04broken".to_vec()), ("old.doc", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0".to_vec())];
        for (name, bytes) in cases {
            let relayed = read_answer(name, &answer_file(name, &bytes, id(), 9), id(), 9).map_err(|e| e.to_string());
            assert_eq!(relayed, import::read(name, &bytes, id(), 9).map_err(|e| e.to_string()), "{name}");
        }
        assert_eq!(read_answer("x.docx", "{}", id(), 9).unwrap_err().to_string(), "“x.docx” could not be read: the office worker gave an answer this editor cannot read");
        assert_eq!(read_paste(&answer_paste("<b>bold</b>")).as_deref(), Some("**bold**"));
        assert_eq!(read_paste(&answer_paste("<img src=x>")), None);
    }
}
