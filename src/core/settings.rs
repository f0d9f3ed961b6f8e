//! Settings that may change from year to year, stored apart from drafts as a versioned envelope:
//! `{"schema": 1, "bpf_deadline_weeks": 3}`.

use serde::{Deserialize, Serialize};

use super::envelope::EnvelopeError;

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

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredSettingsV1 {
    schema: u32,
    bpf_deadline_weeks: u8,
    #[serde(default = "default_email")]
    secretariat_email: String,
}

fn default_email() -> String {
    DEFAULT_SECRETARIAT_EMAIL.to_owned()
}

const SCHEMA: u32 = 1;

pub fn encode(settings: &Settings) -> String {
    let stored = StoredSettingsV1 {
        schema: SCHEMA,
        bpf_deadline_weeks: settings.bpf_deadline_weeks,
        secretariat_email: settings.secretariat_email.clone(),
    };
    serde_json::to_string(&stored).unwrap_or_default()
}

pub fn decode(text: &str) -> Result<Settings, EnvelopeError> {
    let stored: StoredSettingsV1 = serde_json::from_str(text).map_err(|e| {
        if e.is_syntax() || e.is_eof() {
            EnvelopeError::Json { line: e.line(), column: e.column(), message: e.to_string() }
        } else {
            EnvelopeError::Invalid(e.to_string())
        }
    })?;
    if stored.schema > SCHEMA {
        return Err(EnvelopeError::NewerSchema { found: stored.schema, supported: SCHEMA });
    }
    if !Settings::DEADLINE_WEEKS_RANGE.contains(&stored.bpf_deadline_weeks) {
        return Err(EnvelopeError::Invalid(format!(
            "a deadline of {} weeks is outside 0 to 12 weeks",
            stored.bpf_deadline_weeks
        )));
    }
    Ok(Settings { bpf_deadline_weeks: stored.bpf_deadline_weeks, secretariat_email: stored.secretariat_email })
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
        assert!(matches!(decode("{\"schema\":9,\"bpf_deadline_weeks\":3}"), Err(EnvelopeError::NewerSchema { .. })));
        assert!(matches!(decode("{"), Err(EnvelopeError::Json { .. })));
        let older = decode("{\"schema\":1,\"bpf_deadline_weeks\":2}").unwrap();
        assert_eq!(older.secretariat_email, "igf@un.org", "settings saved before the address existed");
    }
}
