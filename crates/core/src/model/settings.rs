//! Settings that may change from year to year, stored apart from drafts as a versioned envelope:
//! `{"schema": 1, "bpf_deadline_weeks": 3}`.

use serde::{Deserialize, Serialize};

use crate::model::json;
use crate::model::envelope::EnvelopeError;

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

/// The stored form.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Stored {
    schema: u32,
    bpf_deadline_weeks: u64,
    /// Settings saved before the address existed have none.
    secretariat_email: Option<String>,
}

pub fn encode(settings: &Settings) -> String {
    json::write(&Stored {
        schema: SCHEMA,
        bpf_deadline_weeks: u64::from(settings.bpf_deadline_weeks),
        secretariat_email: Some(settings.secretariat_email.clone()),
    })
}

pub fn decode(text: &str) -> Result<Settings, EnvelopeError> {
    let value = json::parse(text)?;
    // The schema first: a newer one may have fields this build does not know.
    if let Some(found) = value.get("schema").and_then(serde_json::Value::as_u64).filter(|&s| s > u64::from(SCHEMA)) {
        return Err(EnvelopeError::NewerSchema { found: u32::try_from(found).unwrap_or(u32::MAX), supported: SCHEMA });
    }
    let stored: Stored = json::read(&value).map_err(EnvelopeError::Invalid)?;
    let weeks = stored.bpf_deadline_weeks;
    let Some(weeks) = u8::try_from(weeks).ok().filter(|w| Settings::DEADLINE_WEEKS_RANGE.contains(w)) else {
        return Err(EnvelopeError::Invalid(format!("a deadline of {weeks} weeks is outside 0 to 12 weeks")));
    };
    Ok(Settings {
        bpf_deadline_weeks: weeks,
        secretariat_email: stored.secretariat_email.unwrap_or_else(|| DEFAULT_SECRETARIAT_EMAIL.to_owned()),
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
        let unknown = decode("{\"schema\":1,\"bpf_deadline_weeks\":3,\"x\":1}");
        assert!(matches!(&unknown, Err(EnvelopeError::Invalid(m)) if m.starts_with("unknown field `x`")), "{unknown:?}");
        assert!(matches!(decode("{\"schema\":9,\"bpf_deadline_weeks\":3}"), Err(EnvelopeError::NewerSchema { .. })));
        assert!(matches!(decode("{"), Err(EnvelopeError::Json { .. })));
        let older = decode("{\"schema\":1,\"bpf_deadline_weeks\":2}").unwrap();
        assert_eq!(older.secretariat_email, "igf@un.org", "settings saved before the address existed");
    }
}
