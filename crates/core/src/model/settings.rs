//! Settings that may change from year to year, stored apart from drafts as a versioned envelope:
//! `{"schema": 1, "bpf_deadline_weeks": 3}`.

use crate::model::envelope::EnvelopeError;
use igf_codecs::json;
use igf_codecs::json::Fields;
use igf_codecs::json::Object;
use igf_codecs::json::Value;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// How many weeks before a MAG meeting a BPF proposal is due. Annex II says 3 weeks and, in
    /// its footnote 4, that this "may be subject to adjustment from year to year".
    pub bpf_deadline_weeks: u8,
    /// Where "Email to the Secretariat" writes to.
    pub secretariat_email: String,
}

impl Settings {
    pub const DEADLINE_WEEKS_RANGE: std::ops::RangeInclusive<u8> = 0..=12;
}

impl Default for Settings {
    fn default() -> Self {
        Settings { bpf_deadline_weeks: 3, secretariat_email: DEFAULT_SECRETARIAT_EMAIL.to_owned() }
    }
}

/// The IGF Secretariat's public address.
pub const DEFAULT_SECRETARIAT_EMAIL: &str = "igf@un.org";

const SCHEMA: u32 = 1;
const FIELDS: &[&str] = &["schema", "bpf_deadline_weeks", "secretariat_email"];

pub fn encode(settings: &Settings) -> String {
    let stored = Object::new()
        .with("schema", SCHEMA)
        .with("bpf_deadline_weeks", u32::from(settings.bpf_deadline_weeks))
        .with("secretariat_email", &settings.secretariat_email);
    Value::from(stored).to_string()
}

pub fn decode(text: &str) -> Result<Settings, EnvelopeError> {
    let value = json::parse(text)?;
    let fields = Fields::of(&value, Some(FIELDS)).map_err(EnvelopeError::Invalid)?;
    let schema = fields.u64("schema").map_err(EnvelopeError::Invalid)?;
    if schema > u64::from(SCHEMA) {
        let found = u32::try_from(schema).unwrap_or(u32::MAX);
        return Err(EnvelopeError::NewerSchema { found, supported: SCHEMA });
    }
    let weeks = fields.u64("bpf_deadline_weeks").map_err(EnvelopeError::Invalid)?;
    let Some(weeks) = u8::try_from(weeks).ok().filter(|w| Settings::DEADLINE_WEEKS_RANGE.contains(w)) else {
        return Err(EnvelopeError::Invalid(format!("a deadline of {weeks} weeks is outside 0 to 12 weeks")));
    };
    // Settings saved before the address existed have none.
    let secretariat_email = fields.optional_string("secretariat_email").map_err(EnvelopeError::Invalid)?;
    Ok(Settings {
        bpf_deadline_weeks: weeks,
        secretariat_email: secretariat_email.unwrap_or_else(|| DEFAULT_SECRETARIAT_EMAIL.to_owned()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_refuses_nonsense() {
        let settings = Settings { bpf_deadline_weeks: 4, secretariat_email: "bpf@example.org".into() };
        assert_eq!(decode(&encode(&settings)), Ok(settings));
        assert_eq!(Settings::default().bpf_deadline_weeks, 3);
        assert!(matches!(decode("{\"schema\":1,\"bpf_deadline_weeks\":40}"), Err(EnvelopeError::Invalid(_))));
        assert!(matches!(decode("{\"schema\":1,\"bpf_deadline_weeks\":300}"), Err(EnvelopeError::Invalid(_))));
        assert_eq!(decode("{\"schema\":1,\"bpf_deadline_weeks\":3,\"x\":1}"), Err(EnvelopeError::Invalid("unknown field `x`".into())));
        assert!(matches!(decode("{\"schema\":9,\"bpf_deadline_weeks\":3}"), Err(EnvelopeError::NewerSchema { .. })));
        assert!(matches!(decode("{"), Err(EnvelopeError::Json { .. })));
        let older = decode("{\"schema\":1,\"bpf_deadline_weeks\":2}").unwrap();
        assert_eq!(older.secretariat_email, "igf@un.org", "settings saved before the address existed");
    }
}
