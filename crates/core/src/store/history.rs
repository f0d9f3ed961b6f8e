//! Snapshots of a draft: taken automatically while editing (after a pause of minutes or a large
//! change) and always before an import, a restore or a replacement, so that any of those can be
//! undone.
//!
//! Stored per draft as `{"version":1,"snapshots":[{"taken_ms","reason","draft"}]}`, where
//! `draft` is the draft's envelope text. Limits keep a history well inside a browser's quota.

use crate::model::draft::Draft;
use crate::model::envelope;
use crate::model::envelope::EnvelopeError;
use igf_codecs::json;
use igf_codecs::json::Fields;
use igf_codecs::json::Object;
use igf_codecs::json::Value;

/// The most snapshots kept per draft; the oldest go first.
pub const MAX_SNAPSHOTS: usize = 30;
/// The most bytes of snapshots kept per draft.
pub const MAX_BYTES: usize = 600 * 1024;
/// An automatic snapshot is due this long after the last one, if the draft changed.
pub const AUTO_INTERVAL_MS: u64 = 5 * 60 * 1000;
/// ... or at once when this many characters were added or removed since.
pub const AUTO_CHANGE_CHARS: usize = 400;

const VERSION: u32 = 1;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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
    const ALL: [Reason; 6] =
        [Reason::Auto, Reason::Manual, Reason::BeforeImport, Reason::BeforeRestore, Reason::BeforeReview, Reason::BeforeReplace];

    /// The stored name.
    fn code(self) -> &'static str {
        match self {
            Reason::Auto => "auto",
            Reason::Manual => "manual",
            Reason::BeforeImport => "before-import",
            Reason::BeforeRestore => "before-restore",
            Reason::BeforeReview => "before-review",
            Reason::BeforeReplace => "before-replace",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Reason::Auto => "Automatic",
            Reason::Manual => "Saved by you",
            Reason::BeforeImport => "Before an import",
            Reason::BeforeRestore => "Before a restore",
            Reason::BeforeReview => "Before a review was merged",
            Reason::BeforeReplace => "Before the text was replaced",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
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

pub fn encode(snapshots: &[Snapshot]) -> String {
    let items = snapshots.iter().map(|snapshot| {
        Value::from(
            Object::new()
                .with("taken_ms", snapshot.taken_ms)
                .with("reason", snapshot.reason.code())
                .with("draft", &snapshot.draft),
        )
    });
    Value::from(Object::new().with("version", VERSION).with("snapshots", items.collect::<Vec<_>>())).to_string()
}

/// Reads a history; one that cannot be read (damaged, or from a newer version) reads as empty,
/// because a history is a convenience and must never stop the draft from opening.
pub fn decode(text: &str) -> Vec<Snapshot> {
    read(text).unwrap_or_default()
}

fn read(text: &str) -> Option<Vec<Snapshot>> {
    let value = json::parse(text).ok()?;
    let fields = Fields::of(&value, None).ok()?;
    if fields.u64("version").ok()? != u64::from(VERSION) {
        return None;
    }
    let items = fields.value("snapshots").ok()?.as_array()?;
    items
        .iter()
        .map(|item| {
            let item = Fields::of(item, None).ok()?;
            let code = item.string("reason").ok()?;
            Some(Snapshot {
                taken_ms: item.u64("taken_ms").ok()?,
                reason: Reason::ALL.into_iter().find(|r| r.code() == code)?,
                draft: item.string("draft").ok()?,
            })
        })
        .collect()
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
        let snapshots: Vec<Snapshot> = Reason::ALL
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
