//! Snapshots of a draft: taken automatically while editing (after a pause of minutes or a large
//! change) and always before an import, a restore or a replacement, so that any of those can be
//! undone.
//!
//! Stored per draft as `{"version":1,"snapshots":[{"taken_ms","reason","draft"}]}`, where
//! `draft` is the draft's envelope text. Limits keep a history well inside a browser's quota.

use serde::{Deserialize, Serialize};

use crate::model::json;
use crate::model::draft::Draft;
use crate::model::envelope::{self, EnvelopeError};
use crate::text::i18n::Msg;

/// The most snapshots kept per draft; the oldest go first.
pub const MAX_SNAPSHOTS: usize = 30;
/// The most bytes of snapshots kept per draft.
pub const MAX_BYTES: usize = 600 * 1024;
/// An automatic snapshot is due this long after the last one, if the draft changed.
pub const AUTO_INTERVAL_MS: u64 = 5 * 60 * 1000;
/// ... or at once when this many characters were added or removed since.
pub const AUTO_CHANGE_CHARS: usize = 400;

const VERSION: u32 = 1;

/// Stored by name: `"auto"`, `"before-import"`...
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    Auto,
    /// Saved by the author with "Save a snapshot now".
    Manual,
    BeforeImport,
    BeforeRestore,
    BeforeReview,
    /// Before another tab's version, or an older snapshot, replaced the text.
    BeforeReplace,
}

impl Reason {
    pub fn label(self) -> Msg {
        match self {
            Reason::Auto => Msg::new("history.reason.auto"),
            Reason::Manual => Msg::new("history.reason.manual"),
            Reason::BeforeImport => Msg::new("history.reason.before_import"),
            Reason::BeforeRestore => Msg::new("history.reason.before_restore"),
            Reason::BeforeReview => Msg::new("history.reason.before_review"),
            Reason::BeforeReplace => Msg::new("history.reason.before_replace"),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    pub taken_ms: u64,
    pub reason: Reason,
    /// The draft's envelope text.
    pub draft: String,
}

impl Snapshot {
    pub fn of(draft: &Draft, reason: Reason, now_ms: u64) -> Snapshot {
        Snapshot { taken_ms: now_ms, reason, draft: envelope::encode(draft) }
    }

    pub fn decode_draft(&self) -> Result<Draft, EnvelopeError> {
        envelope::decode(&self.draft)
    }

    pub fn bytes(&self) -> usize {
        self.draft.len()
    }
}

/// The stored form, with the snapshots borrowed to write and owned to read.
#[derive(Serialize, Deserialize)]
struct History<S> {
    version: u32,
    snapshots: S,
}

pub fn encode(snapshots: &[Snapshot]) -> String {
    json::write(&History { version: VERSION, snapshots })
}

/// Reads a history; one that cannot be read (damaged, or from a newer version) reads as empty,
/// because a history is a convenience and must never stop the draft from opening.
pub fn decode(text: &str) -> Vec<Snapshot> {
    let history = serde_json::from_str::<History<Vec<Snapshot>>>(text);
    history.ok().filter(|h| h.version == VERSION).map(|h| h.snapshots).unwrap_or_default()
}

/// Appends a snapshot unless it repeats the newest one, then trims to the limits.
pub fn push(snapshots: &mut Vec<Snapshot>, snapshot: Snapshot) {
    if snapshots.last().is_some_and(|last| last.draft == snapshot.draft) {
        return;
    }
    snapshots.push(snapshot);
    while snapshots.len() > MAX_SNAPSHOTS
        || (snapshots.len() > 1 && snapshots.iter().map(Snapshot::bytes).sum::<usize>() > MAX_BYTES)
    {
        snapshots.remove(0);
    }
}

/// Whether an automatic snapshot is due, given the last snapshot's time and draft.
pub fn auto_due(last: Option<(u64, &Draft)>, draft: &Draft, now_ms: u64) -> bool {
    if draft.is_blank() {
        return false;
    }
    let Some((taken_ms, previous)) = last else { return true };
    if previous == draft {
        return false;
    }
    now_ms.saturating_sub(taken_ms) >= AUTO_INTERVAL_MS || changed_chars(previous, draft) >= AUTO_CHANGE_CHARS
}

/// A cheap measure of how much changed: the difference in length of the title and each section.
fn changed_chars(a: &Draft, b: &Draft) -> usize {
    let sections = a.sections_by_key().zip(b.sections_by_key());
    let lengths = sections.map(|((_, x), (_, y))| x.chars().count().abs_diff(y.chars().count()));
    a.title.chars().count().abs_diff(b.title.chars().count()) + lengths.sum::<usize>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_reason_and_reads_damage_as_empty() {
        let reasons = [Reason::Auto, Reason::Manual, Reason::BeforeImport, Reason::BeforeRestore, Reason::BeforeReview, Reason::BeforeReplace];
        let snapshots: Vec<Snapshot> = reasons
            .into_iter()
            .enumerate()
            .map(|(n, reason)| Snapshot { taken_ms: n as u64, reason, draft: format!("{{\"x\":\"{n}\\n\"}}") })
            .collect();
        assert_eq!(decode(&encode(&snapshots)), snapshots);
        let written = r#"{"version":1,"snapshots":[{"taken_ms":5,"reason":"before-review","draft":"{}"}]}"#;
        assert_eq!(encode(&decode(written)), written, "the stored form is unchanged");
        for damaged in ["", "{", r#"{"version":2,"snapshots":[]}"#, &written.replace("before-review", "later")] {
            assert_eq!(decode(damaged), Vec::new(), "{damaged}");
        }
    }
}
