//! The stored form of a draft: a versioned envelope, kept apart from the in-memory [`Draft`].
//!
//! `{"schema": 2, "draft": {...}}`. Decoding reads the schema number first and migrates older
//! schemas forward (schema 1 had no structured details); a newer schema is refused with [`EnvelopeError::NewerSchema`] so that an old
//! build never rewrites data it does not understand. Sections are stored by key, not position,
//! so templates can grow without breaking stored drafts.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use thiserror::Error;

use super::draft::{Details, Draft, DraftId, MeetingFormat};
use super::people::{CoFacilitator, Contact, Region, StakeholderGroup};
use super::template::Kind;

/// The schema this build writes.
pub const SCHEMA: u32 = 2;

#[derive(Debug, Error, Clone, PartialEq, Eq)]
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

#[derive(Serialize, Deserialize)]
struct EnvelopeV2 {
    schema: u32,
    draft: StoredDraftV2,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredDraftV2 {
    id: String,
    kind: String,
    title: String,
    sections: BTreeMap<String, String>,
    co_facilitators: Vec<StoredCoFacilitatorV2>,
    meeting_date: String,
    meeting_format: Option<String>,
    timeframe_start: String,
    timeframe_end: String,
    proposer_name: String,
    proposer_email: String,
    code_of_conduct: bool,
    created_ms: u64,
    updated_ms: u64,
    revision: u64,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredCoFacilitatorV2 {
    name: String,
    affiliation: String,
    /// The stakeholder group's label, as on IGF forms.
    stakeholder_group: Option<String>,
    /// The regional group's label.
    region: Option<String>,
    mag_member: bool,
    email: String,
}

/// Writes a draft as an envelope of the current schema.
pub fn encode(draft: &Draft) -> String {
    let details = draft.details();
    let stored = StoredDraftV2 {
        id: draft.id.as_str().to_owned(),
        kind: draft.kind.code().to_owned(),
        title: draft.title.clone(),
        sections: draft.sections_by_key().map(|(k, t)| (k.to_owned(), t.to_owned())).collect(),
        co_facilitators: details
            .co_facilitators
            .iter()
            .map(|c| StoredCoFacilitatorV2 {
                name: c.name.clone(),
                affiliation: c.affiliation.clone(),
                stakeholder_group: c.group.map(|g| g.label().to_owned()),
                region: c.region.map(|r| r.label().to_owned()),
                mag_member: c.mag_member,
                email: c.email.clone(),
            })
            .collect(),
        meeting_date: details.meeting_date.clone(),
        meeting_format: details.meeting_format.map(|f| f.code().to_owned()),
        timeframe_start: details.timeframe_start.clone(),
        timeframe_end: details.timeframe_end.clone(),
        proposer_name: details.proposer.name.clone(),
        proposer_email: details.proposer.email.clone(),
        code_of_conduct: details.code_of_conduct,
        created_ms: draft.created_ms,
        updated_ms: draft.updated_ms,
        revision: draft.revision,
    };
    // Serializing plain strings and integers cannot fail.
    serde_json::to_string(&EnvelopeV2 { schema: SCHEMA, draft: stored }).unwrap_or_default()
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
            from_v2(migrate_v1(envelope.draft))
        }
        Some(Some(2)) => {
            let envelope = EnvelopeV2::deserialize(value).map_err(|e| EnvelopeError::Invalid(e.to_string()))?;
            from_v2(envelope.draft)
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

/// Schema 1 had no structured details: they start empty.
fn migrate_v1(v1: StoredDraftV1) -> StoredDraftV2 {
    StoredDraftV2 {
        id: v1.id,
        kind: v1.kind,
        title: v1.title,
        sections: v1.sections,
        co_facilitators: Vec::new(),
        meeting_date: String::new(),
        meeting_format: None,
        timeframe_start: String::new(),
        timeframe_end: String::new(),
        proposer_name: String::new(),
        proposer_email: String::new(),
        code_of_conduct: false,
        created_ms: v1.created_ms,
        updated_ms: v1.updated_ms,
        revision: v1.revision,
    }
}

fn from_v2(stored: StoredDraftV2) -> Result<Draft, EnvelopeError> {
    let id = DraftId::parse(&stored.id)
        .ok_or_else(|| EnvelopeError::Invalid(format!("the draft id “{}” is not valid", stored.id)))?;
    let kind = Kind::from_code(&stored.kind)
        .ok_or_else(|| EnvelopeError::Invalid(format!("the kind “{}” is unknown", stored.kind)))?;
    let meeting_format = match stored.meeting_format.as_deref() {
        None => None,
        Some(code) => Some(MeetingFormat::from_code(code).ok_or_else(|| {
            EnvelopeError::Invalid(format!("the meeting format “{code}” is unknown"))
        })?),
    };
    let co_facilitators = stored
        .co_facilitators
        .into_iter()
        .map(|c| {
            Ok(CoFacilitator {
                group: parse_label(c.stakeholder_group, StakeholderGroup::from_label, "stakeholder group")?,
                region: parse_label(c.region, Region::from_label, "regional group")?,
                name: c.name,
                affiliation: c.affiliation,
                mag_member: c.mag_member,
                email: c.email,
            })
        })
        .collect::<Result<Vec<_>, EnvelopeError>>()?;
    let details = Details {
        co_facilitators,
        meeting_date: stored.meeting_date,
        meeting_format,
        timeframe_start: stored.timeframe_start,
        timeframe_end: stored.timeframe_end,
        proposer: Contact { name: stored.proposer_name, email: stored.proposer_email },
        code_of_conduct: stored.code_of_conduct,
    };
    Ok(Draft::from_parts(
        id,
        kind,
        stored.title,
        stored.sections,
        details,
        stored.created_ms,
        stored.updated_ms,
        stored.revision,
    ))
}

fn parse_label<T>(label: Option<String>, parse: fn(&str) -> Option<T>, what: &str) -> Result<Option<T>, EnvelopeError> {
    match label {
        None => Ok(None),
        Some(label) => parse(&label)
            .map(Some)
            .ok_or_else(|| EnvelopeError::Invalid(format!("the {what} “{label}” is unknown"))),
    }
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
        draft.edit_details(1_700_000_003_000, |d| {
            d.co_facilitators.push(CoFacilitator {
                name: "Amina Diallo".into(),
                affiliation: "National ICT Agency".into(),
                group: Some(StakeholderGroup::IntergovernmentalOrganization),
                region: Some(Region::LatinAmericanAndCaribbean),
                mag_member: true,
                email: "amina@example.org".into(),
            });
            d.co_facilitators.push(CoFacilitator { name: "Jorge Ramírez".into(), ..Default::default() });
            d.meeting_date = "2027-03-14".into();
            d.meeting_format = Some(MeetingFormat::Virtual);
            d.timeframe_start = "2027-02".into();
            d.timeframe_end = "not a month".into();
            d.proposer = Contact { name: "Rahul".into(), email: "rahul@example.org".into() };
            d.code_of_conduct = true;
        });
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
        assert_eq!(value["schema"], 2);
        assert_eq!(value["draft"]["kind"], "bpf-continuing");
        assert_eq!(value["draft"]["sections"]["annual-report"], "Report");
        assert_eq!(value["draft"]["revision"], 4);
        assert_eq!(value["draft"]["co_facilitators"][0]["stakeholder_group"], "Intergovernmental Organization");
        assert_eq!(value["draft"]["co_facilitators"][0]["region"], "Latin American and Caribbean Group (GRULAC)");
        assert_eq!(value["draft"]["meeting_format"], "virtual");
    }

    #[test]
    fn reads_a_schema_2_fixture_with_label_variants() {
        let fixture = r#"{"schema":2,"draft":{"id":"abc","kind":"bpf-new","title":"T","sections":{},
            "co_facilitators":[{"name":"A","affiliation":"","stakeholder_group":"Intergovernmental Organisation",
            "region":"GRULAC","mag_member":true,"email":""}],"meeting_date":"2027-03-14","meeting_format":"face-to-face",
            "timeframe_start":"2027-02","timeframe_end":"2027-12","proposer_name":"P","proposer_email":"p@example.org",
            "code_of_conduct":true,"created_ms":1,"updated_ms":2,"revision":3}}"#;
        let draft = decode(fixture).unwrap();
        let person = &draft.details().co_facilitators[0];
        assert_eq!(person.group, Some(StakeholderGroup::IntergovernmentalOrganization));
        assert_eq!(person.region, Some(Region::LatinAmericanAndCaribbean));
        assert_eq!(draft.details().meeting_format, Some(MeetingFormat::FaceToFace));
        let unknown = fixture.replace("GRULAC", "Atlantis");
        assert_eq!(decode(&unknown).unwrap_err(), EnvelopeError::Invalid("the regional group “Atlantis” is unknown".into()));
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
        assert_eq!(draft.details(), &Details::default(), "schema 1 had no details");
        let again = decode(&encode(&draft)).unwrap();
        assert!(again.sections_by_key().any(|(k, t)| k == "later-section" && t == "kept"));
    }

    #[test]
    fn refuses_what_it_cannot_read_with_a_reason() {
        let table: &[(&str, EnvelopeError)] = &[
            ("", EnvelopeError::Json { line: 1, column: 0, message: "EOF while parsing a value".into() }),
            ("{\"schema\":1,\n\"draft\":", EnvelopeError::Json { line: 2, column: 8, message: "EOF while parsing a value".into() }),
            ("{}", EnvelopeError::MissingSchema),
            ("{\"schema\":3,\"draft\":{}}", EnvelopeError::NewerSchema { found: 3, supported: 2 }),
            ("[1]", EnvelopeError::Invalid("the stored value is not a JSON object".into())),
            ("{\"schema\":\"1\"}", EnvelopeError::Invalid("the schema number is not a whole number".into())),
            ("{\"schema\":0,\"draft\":{}}", EnvelopeError::Invalid("schema 0 was never written by this editor".into())),
            ("{\"schema\":1}", EnvelopeError::Invalid("missing field `draft`".into())),
            ("{\"schema\":2}", EnvelopeError::Invalid("missing field `draft`".into())),
        ];
        for (text, expected) in table {
            assert_eq!(&decode(text).unwrap_err(), expected, "{text:?}");
        }
        let bad_kind = encode(&sample()).replace("bpf-continuing", "bpf-someday");
        assert_eq!(decode(&bad_kind).unwrap_err(), EnvelopeError::Invalid("the kind “bpf-someday” is unknown".into()));
        let bad_id = encode(&sample()).replace("\"d1\"", "\"../x\"");
        assert!(matches!(decode(&bad_id), Err(EnvelopeError::Invalid(m)) if m.contains("id")));
    }

    #[test]
    fn errors_read_as_sentences() {
        let message = decode("{\"schema\":9}").unwrap_err().to_string();
        assert!(message.starts_with("the draft was saved by a newer version"), "{message}");
    }
}
