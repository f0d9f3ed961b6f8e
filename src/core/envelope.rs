//! The stored form of a draft: a versioned envelope, kept apart from the in-memory [`Draft`].
//!
//! `{"schema": 1, "draft": {...}}`. Decoding reads the schema number first and migrates older
//! schemas forward; a newer schema is refused with [`EnvelopeError::NewerSchema`] so that an old
//! build never rewrites data it does not understand. Sections are stored by key, not position,
//! so templates can grow without breaking stored drafts.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use thiserror::Error;

use super::draft::{Draft, DraftId};
use super::template::Kind;

/// The schema this build writes.
pub const SCHEMA: u32 = 1;

#[derive(Debug, Error, PartialEq, Eq)]
pub enum EnvelopeError {
    #[error("the stored text is not valid JSON (line {line}, column {column}: {message})")]
    Json { line: usize, column: usize, message: String },
    #[error("the stored value has no schema number, so it was not written by this editor")]
    MissingSchema,
    #[error(
        "the draft was saved by a newer version of this editor (schema {found}; this version reads up to {supported}); reload to get the newer version"
    )]
    NewerSchema { found: u32, supported: u32 },
    #[error("the stored draft is incomplete or damaged: {0}")]
    Invalid(String),
}

#[derive(Serialize, Deserialize)]
struct EnvelopeV1 {
    schema: u32,
    draft: StoredDraftV1,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredDraftV1 {
    id: String,
    kind: String,
    title: String,
    sections: BTreeMap<String, String>,
    created_ms: u64,
    updated_ms: u64,
    revision: u64,
}

/// Writes a draft as a schema-1 envelope.
pub fn encode(draft: &Draft) -> String {
    let stored = StoredDraftV1 {
        id: draft.id.as_str().to_owned(),
        kind: draft.kind.code().to_owned(),
        title: draft.title.clone(),
        sections: draft.sections_by_key().map(|(k, t)| (k.to_owned(), t.to_owned())).collect(),
        created_ms: draft.created_ms,
        updated_ms: draft.updated_ms,
        revision: draft.revision,
    };
    // Serializing plain strings and integers cannot fail.
    serde_json::to_string(&EnvelopeV1 { schema: SCHEMA, draft: stored }).unwrap_or_default()
}

/// Reads an envelope of any schema this build knows.
pub fn decode(text: &str) -> Result<Draft, EnvelopeError> {
    let value: Value = serde_json::from_str(text).map_err(|error| EnvelopeError::Json {
        line: error.line(),
        column: error.column(),
        message: strip_position(&error),
    })?;
    let Value::Object(fields) = &value else {
        return Err(EnvelopeError::Invalid("the stored value is not a JSON object".into()));
    };
    match fields.get("schema").map(Value::as_u64) {
        None => Err(EnvelopeError::MissingSchema),
        Some(Some(1)) => {
            let envelope = EnvelopeV1::deserialize(value).map_err(|e| EnvelopeError::Invalid(e.to_string()))?;
            from_v1(envelope.draft)
        }
        Some(Some(found)) if found > u64::from(SCHEMA) => Err(EnvelopeError::NewerSchema {
            found: u32::try_from(found).unwrap_or(u32::MAX),
            supported: SCHEMA,
        }),
        Some(Some(other)) => {
            Err(EnvelopeError::Invalid(format!("schema {other} was never written by this editor")))
        }
        Some(None) => Err(EnvelopeError::Invalid("the schema number is not a whole number".into())),
    }
}

fn from_v1(stored: StoredDraftV1) -> Result<Draft, EnvelopeError> {
    let id = DraftId::parse(&stored.id)
        .ok_or_else(|| EnvelopeError::Invalid(format!("the draft id {:?} is not valid", stored.id)))?;
    let kind = Kind::from_code(&stored.kind)
        .ok_or_else(|| EnvelopeError::Invalid(format!("the kind {:?} is unknown", stored.kind)))?;
    Ok(Draft::from_parts(
        id,
        kind,
        stored.title,
        stored.sections,
        stored.created_ms,
        stored.updated_ms,
        stored.revision,
    ))
}

/// serde_json appends " at line L column C"; we report the position in our own words.
fn strip_position(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rfind(" at line ") {
        Some(at) => text[..at].to_owned(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Draft {
        let mut draft = Draft::new(DraftId::parse("d1").unwrap(), Kind::ContinuingBpf, 1_700_000_000_000);
        draft.set_title("Gender and \"Digital\" Rights ✓".into(), 1_700_000_000_500);
        draft.set_section(0, "Line one\nLine two — ünïcödé 日本語 🎉\n\n<script>x</script>".into(), 1_700_000_001_000);
        draft.set_section(6, "Report".into(), 1_700_000_002_000);
        draft
    }

    #[test]
    fn round_trips_every_kind() {
        for kind in Kind::ALL {
            let mut draft = Draft::new(DraftId::parse("k").unwrap(), kind, 3);
            for index in 0..kind.template().sections.len() {
                draft.set_section(index, format!("text {index}\r\n\ttabbed\u{0}nul"), 4 + index as u64);
            }
            assert_eq!(decode(&encode(&draft)), Ok(draft));
        }
        assert_eq!(decode(&encode(&sample())), Ok(sample()));
    }

    #[test]
    fn writes_a_versioned_envelope_with_sections_by_key() {
        let value: serde_json::Value = serde_json::from_str(&encode(&sample())).unwrap();
        assert_eq!(value["schema"], 1);
        assert_eq!(value["draft"]["kind"], "bpf-continuing");
        assert_eq!(value["draft"]["sections"]["annual-report"], "Report");
        assert_eq!(value["draft"]["revision"], 3);
    }

    #[test]
    fn reads_a_schema_1_fixture() {
        let fixture = r#"{"schema":1,"draft":{"id":"abc","kind":"wg-new","title":"Youth",
            "sections":{"purpose":"To help","timeframe":"One cycle","later-section":"kept"},
            "created_ms":1,"updated_ms":2,"revision":7}}"#;
        let draft = decode(fixture).unwrap();
        assert_eq!(draft.title, "Youth");
        assert_eq!(draft.section(0), "To help");
        assert_eq!(draft.section(4), "One cycle");
        assert_eq!(draft.revision, 7);
        let again = decode(&encode(&draft)).unwrap();
        assert!(again.sections_by_key().any(|(k, t)| k == "later-section" && t == "kept"));
    }

    #[test]
    fn refuses_what_it_cannot_read_with_a_reason() {
        let table: &[(&str, EnvelopeError)] = &[
            ("", EnvelopeError::Json { line: 1, column: 0, message: "EOF while parsing a value".into() }),
            ("{\"schema\":1,\n\"draft\":", EnvelopeError::Json { line: 2, column: 8, message: "EOF while parsing a value".into() }),
            ("{}", EnvelopeError::MissingSchema),
            ("{\"schema\":2,\"draft\":{}}", EnvelopeError::NewerSchema { found: 2, supported: 1 }),
            ("[1]", EnvelopeError::Invalid("the stored value is not a JSON object".into())),
            ("{\"schema\":\"1\"}", EnvelopeError::Invalid("the schema number is not a whole number".into())),
            ("{\"schema\":0,\"draft\":{}}", EnvelopeError::Invalid("schema 0 was never written by this editor".into())),
            ("{\"schema\":1}", EnvelopeError::Invalid("missing field `draft`".into())),
        ];
        for (text, expected) in table {
            assert_eq!(&decode(text).unwrap_err(), expected, "{text:?}");
        }
        let bad_kind = encode(&sample()).replace("bpf-continuing", "bpf-someday");
        assert_eq!(decode(&bad_kind).unwrap_err(), EnvelopeError::Invalid("the kind \"bpf-someday\" is unknown".into()));
        let bad_id = encode(&sample()).replace("\"d1\"", "\"../x\"");
        assert!(matches!(decode(&bad_id), Err(EnvelopeError::Invalid(m)) if m.contains("id")));
    }

    #[test]
    fn errors_read_as_sentences() {
        let message = decode("{\"schema\":9}").unwrap_err().to_string();
        assert!(message.starts_with("the draft was saved by a newer version"), "{message}");
    }
}
