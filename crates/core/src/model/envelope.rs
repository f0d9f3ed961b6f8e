//! The stored form of a draft: a versioned envelope, kept apart from the in-memory [`Draft`].
//!
//! `{"schema": 3, "draft": {...}}`. Decoding reads the schema number first and migrates older
//! schemas forward (schema 1 had no structured details, schema 2 no dismissed findings); a newer
//! schema is refused with [`EnvelopeError::NewerSchema`] so that an old build never rewrites
//! data it does not understand.
//!
//! A draft is written in the oldest schema that holds it: one with no dismissed findings is
//! schema 2, byte for byte as before schema 3 existed, so builds that read only schema 2 still
//! open it, and the SHA-256 that reviews name for a version does not change with the upgrade. Sections are stored by key, not position,
//! so templates can grow without breaking stored drafts.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use thiserror::Error;

use crate::model::json;
use crate::model::draft::{Details, Dismissal, Draft, DraftId, MeetingFormat};
use crate::model::people::{CoFacilitator, Contact, Region, StakeholderGroup};
use crate::model::template::Kind;
use crate::text::i18n::Msg;

/// The newest schema this build writes (and the newest it reads).
pub const SCHEMA: u32 = 3;
/// The schema of a draft with no dismissed findings.
const SCHEMA_WITHOUT_DISMISSALS: u32 = 2;

#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum EnvelopeError {
    Json { line: usize, column: usize, message: String },
    MissingSchema,
    NewerSchema { found: u32, supported: u32 },
    Invalid(String),
}

impl EnvelopeError {
    /// Why the draft cannot be read, as a clause; technical details (the JSON parser's, a
    /// field's name) stay as they were found.
    pub fn msg(&self) -> Msg {
        match self {
            EnvelopeError::Json { line, column, message } => {
                Msg::new("error.envelope.json").arg("line", *line).arg("column", *column).arg("detail", message)
            }
            EnvelopeError::MissingSchema => Msg::new("error.envelope.missing_schema"),
            EnvelopeError::NewerSchema { found, supported } => Msg::new("error.envelope.newer_schema").arg("found", *found).arg("supported", *supported),
            EnvelopeError::Invalid(detail) => Msg::new("error.envelope.invalid").arg("detail", detail),
        }
    }
}

crate::display_in_english!(EnvelopeError);

impl From<json::SyntaxError> for EnvelopeError {
    fn from(error: json::SyntaxError) -> EnvelopeError {
        EnvelopeError::Json { line: error.line, column: error.column, message: error.message }
    }
}

/// A draft as stored, for formats that embed it: `{"schema":3,"draft":…}`.
#[derive(Serialize)]
pub struct Envelope {
    schema: u32,
    draft: Current,
}

impl Envelope {
    pub fn of(draft: &Draft) -> Envelope {
        let stored = Current::from(draft);
        let schema = if stored.dismissed.is_empty() { SCHEMA_WITHOUT_DISMISSALS } else { SCHEMA };
        Envelope { schema, draft: stored }
    }
}

/// Schemas 2 and 3, the current ones: what older schemas migrate to. Schema 3 added
/// `dismissed`, written only when there is one. The fields are written in this order and the
/// sections sorted by key, so that equal drafts give equal text.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Current {
    id: DraftId,
    kind: String,
    title: String,
    sections: BTreeMap<String, String>,
    co_facilitators: Vec<StoredCoFacilitator>,
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
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    dismissed: Vec<StoredDismissal>,
}

/// A dismissed finding (schema 3).
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredDismissal {
    rule: String,
    place: String,
    reason: String,
}

/// Schema 1 had no structured details.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct V1 {
    id: DraftId,
    kind: String,
    title: String,
    sections: BTreeMap<String, String>,
    created_ms: u64,
    updated_ms: u64,
    revision: u64,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredCoFacilitator {
    name: String,
    affiliation: String,
    /// The stakeholder group's label, as on IGF forms.
    stakeholder_group: Option<String>,
    /// The regional group's label.
    region: Option<String>,
    mag_member: bool,
    email: String,
}

/// The migration from schema 1: its details read as empty.
impl From<V1> for Current {
    fn from(v1: V1) -> Current {
        Current {
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
            dismissed: Vec::new(),
        }
    }
}

impl From<&Draft> for Current {
    fn from(draft: &Draft) -> Current {
        let details = draft.details();
        let people = details.co_facilitators.iter().map(|c| StoredCoFacilitator {
            name: c.name.clone(),
            affiliation: c.affiliation.clone(),
            stakeholder_group: c.group.map(|g| g.label().to_owned()),
            region: c.region.map(|r| r.label().to_owned()),
            mag_member: c.mag_member,
            email: c.email.clone(),
        });
        Current {
            id: draft.id.clone(),
            kind: draft.kind.code().to_owned(),
            title: draft.title.clone(),
            sections: draft.sections_by_key().map(|(key, text)| (key.to_owned(), text.to_owned())).collect(),
            co_facilitators: people.collect(),
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
            dismissed: details
                .dismissed
                .iter()
                .map(|d| StoredDismissal { rule: d.rule.clone(), place: d.place.clone(), reason: d.reason.clone() })
                .collect(),
        }
    }
}

/// Writes a draft as an envelope of the current schema (a review names the version it read by
/// the text's SHA-256, so the text of equal drafts is equal).
pub fn encode(draft: &Draft) -> String {
    json::write(&Envelope::of(draft))
}

/// Reads an envelope of any schema this build knows.
pub fn decode(text: &str) -> Result<Draft, EnvelopeError> {
    decode_value(&json::parse(text)?)
}

/// Reads an envelope already parsed, as embedded in another format: the schema number first,
/// then the draft in that schema, migrated to the current one.
pub fn decode_value(value: &Value) -> Result<Draft, EnvelopeError> {
    let Value::Object(fields) = value else {
        return Err(EnvelopeError::Invalid("the stored value is not a JSON object".into()));
    };
    let schema = fields.get("schema").ok_or(EnvelopeError::MissingSchema)?;
    let schema = schema.as_u64().ok_or_else(|| EnvelopeError::Invalid("the schema number is not a whole number".into()))?;
    let draft = || fields.get("draft").ok_or_else(|| EnvelopeError::Invalid("missing field `draft`".into()));
    let stored = match schema {
        1 => json::read::<V1>(draft()?).map(Current::from),
        2 => json::read::<Current>(draft()?).and_then(|stored| {
            if stored.dismissed.is_empty() { Ok(stored) } else { Err("schema 2 has no dismissed findings".to_owned()) }
        }),
        3 => json::read::<Current>(draft()?),
        found if found > u64::from(SCHEMA) => {
            let found = u32::try_from(found).unwrap_or(u32::MAX);
            return Err(EnvelopeError::NewerSchema { found, supported: SCHEMA });
        }
        other => return Err(EnvelopeError::Invalid(format!("schema {other} was never written by this editor"))),
    };
    from_stored(stored.map_err(EnvelopeError::Invalid)?)
}

fn from_stored(stored: Current) -> Result<Draft, EnvelopeError> {
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
        dismissed: stored.dismissed.into_iter().map(|d| Dismissal { rule: d.rule, place: d.place, reason: d.reason }).collect(),
    };
    Ok(Draft::from_parts(
        stored.id,
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
        let value = json::parse(&encode(&sample())).unwrap();
        let draft = value.get("draft").unwrap();
        let person = &draft.get("co_facilitators").and_then(Value::as_array).unwrap()[0];
        assert_eq!(value.get("schema").and_then(Value::as_u64), Some(2));
        assert_eq!(draft.get("kind").and_then(Value::as_str), Some("bpf-continuing"));
        assert_eq!(draft.get("sections").and_then(|s| s.get("annual-report")).and_then(Value::as_str), Some("Report"));
        assert_eq!(draft.get("revision").and_then(Value::as_u64), Some(4));
        assert_eq!(person.get("stakeholder_group").and_then(Value::as_str), Some("Intergovernmental Organization"));
        assert_eq!(person.get("region").and_then(Value::as_str), Some("Latin American and Caribbean Group (GRULAC)"));
        assert_eq!(draft.get("meeting_format").and_then(Value::as_str), Some("virtual"));
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
            ("{\"schema\":4,\"draft\":{}}", EnvelopeError::NewerSchema { found: 4, supported: 3 }),
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

    /// The exact text every earlier build wrote (serde_json, then a hand-written writer, then
    /// serde_json again): stored drafts and the SHA-256 that reviews name must not change with the writer.
    #[test]
    fn writes_exactly_what_earlier_versions_wrote() {
        let mut draft = Draft::new(DraftId::parse("d1").unwrap(), Kind::ContinuingBpf, 1);
        draft.set_title("Q \"x\" \\ \u{1} \u{7f} é 🎉\t".into(), 2);
        draft.set_section(0, "a\r\nb\u{8}\u{c}</script>".into(), 3);
        draft.set_section(6, "Report".into(), 4);
        draft.edit_details(5, |d| {
            d.co_facilitators.push(CoFacilitator { name: "N".into(), group: Some(StakeholderGroup::CivilSociety), ..Default::default() });
            d.meeting_format = Some(MeetingFormat::Virtual);
        });
        let expected = "{\"schema\":2,\"draft\":{\"id\":\"d1\",\"kind\":\"bpf-continuing\",\"title\":\"Q \\\"x\\\" \\\\ \\u0001 \u{7f} é 🎉\\t\",\"sections\":{\"annual-report\":\"Report\",\"co-facilitators\":\"\",\"objectives\":\"\",\"outputs\":\"\",\"outreach\":\"\",\"theme\":\"a\\r\\nb\\b\\f</script>\",\"timeframe\":\"\"},\"co_facilitators\":[{\"name\":\"N\",\"affiliation\":\"\",\"stakeholder_group\":\"Civil Society\",\"region\":null,\"mag_member\":false,\"email\":\"\"}],\"meeting_date\":\"\",\"meeting_format\":\"virtual\",\"timeframe_start\":\"\",\"timeframe_end\":\"\",\"proposer_name\":\"\",\"proposer_email\":\"\",\"code_of_conduct\":false,\"created_ms\":1,\"updated_ms\":5,\"revision\":4}}";
        assert_eq!(encode(&draft), expected);
        assert_eq!(decode(expected), Ok(draft));
    }

    #[test]
    fn errors_read_as_sentences() {
        let message = decode("{\"schema\":9}").unwrap_err().to_string();
        assert!(message.starts_with("the draft was saved by a newer version"), "{message}");
    }
}
