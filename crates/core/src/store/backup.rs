//! The backup file: every stored draft in one JSON document.
//!
//! `{"format":"igf-proposal-editor-backup","version":1,"created_ms":…,"drafts":[envelope…]}`.
//! Each draft is its stored envelope, so restoring runs the same schema migrations as loading.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use thiserror::Error;

use crate::model::json;
use crate::model::calendar::CivilDate;
use crate::model::draft::Draft;
use crate::model::envelope::{self, EnvelopeError};
use crate::text::i18n::{Arg, Msg};

pub const FORMAT: &str = "igf-proposal-editor-backup";
pub const VERSION: u32 = 1;

#[derive(Debug, Error, PartialEq, Eq)]
pub enum BackupError {
    Json { line: usize, column: usize },
    NotABackup,
    Newer(u32),
}

impl BackupError {
    pub fn msg(&self) -> Msg {
        match self {
            BackupError::Json { line, column } => Msg::new("error.backup.json").arg("line", *line).arg("column", *column),
            BackupError::NotABackup => Msg::new("error.backup.not_a_backup"),
            BackupError::Newer(version) => Msg::new("error.backup.newer").arg("version", *version),
        }
    }
}

crate::display_in_english!(BackupError);

/// What a restore did, by draft title.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct RestoreReport {
    pub added: Vec<Arg>,
    /// Replaced by the backup's newer copy (the older one is kept in the draft's history).
    pub updated: Vec<Arg>,
    pub unchanged: Vec<Arg>,
    /// Left alone because the copy in this browser is newer (or cannot be read by this version).
    pub kept_newer: Vec<Arg>,
    /// Why each unreadable draft could not be read.
    pub unreadable: Vec<Msg>,
    /// Drafts the storage refused to write, each with the reason.
    pub failed: Vec<Msg>,
}

impl RestoreReport {
    /// One plain sentence per outcome, for the author.
    pub fn summary(&self) -> Msg {
        let titles = |titles: &Vec<Arg>| (titles.len(), Arg::series(titles.iter().cloned()));
        let reasons = |reasons: &Vec<Msg>| (reasons.len(), Arg::series(reasons.iter().cloned()));
        let outcomes = [
            (titles(&self.added), Msg::new("backup.restored.added")),
            (titles(&self.updated), Msg::new("backup.restored.updated")),
            (titles(&self.unchanged), Msg::new("backup.restored.unchanged")),
            (titles(&self.kept_newer), Msg::new("backup.restored.kept_newer")),
            (reasons(&self.unreadable), Msg::new("backup.restored.unreadable")),
            (reasons(&self.failed), Msg::new("backup.restored.failed")),
        ];
        let parts: Vec<Msg> = outcomes
            .into_iter()
            .filter(|((count, _), _)| *count > 0)
            .map(|((count, reasons), msg)| msg.arg("drafts", Msg::new("count.drafts").arg("count", count)).arg("reasons", reasons))
            .collect();
        if parts.is_empty() {
            return Msg::new("backup.restored.nothing");
        }
        Msg::new("backup.restored").arg("parts", Arg::series(parts))
    }
}

/// The file. Its drafts are kept as JSON values, not read: a draft of a newer schema is carried
/// as it is, and reading one runs the schema migrations of [`envelope::decode_value`].
#[derive(Serialize, Deserialize)]
struct File {
    format: String,
    version: u32,
    created_ms: u64,
    drafts: Vec<Value>,
}

/// Indented, so that the file can be read by people too.
pub fn encode(envelopes: &[String], created_ms: u64) -> String {
    let drafts = envelopes.iter().filter_map(|raw| serde_json::from_str(raw).ok()).collect();
    json::write_pretty(&File { format: FORMAT.to_owned(), version: VERSION, created_ms, drafts })
}

/// Every draft in a backup, each readable or with its reason.
pub fn decode(text: &str) -> Result<Vec<Result<Draft, EnvelopeError>>, BackupError> {
    let value = json::parse(text.trim_start_matches('\u{feff}'))
        .map_err(|e| BackupError::Json { line: e.line, column: e.column })?;
    if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(BackupError::NotABackup);
    }
    match value.get("version").and_then(Value::as_u64) {
        Some(v) if v == u64::from(VERSION) => {}
        Some(v) if v > u64::from(VERSION) => return Err(BackupError::Newer(u32::try_from(v).unwrap_or(u32::MAX))),
        _ => return Err(BackupError::NotABackup),
    }
    let file: File = json::read(&value).map_err(|_| BackupError::NotABackup)?;
    Ok(file.drafts.iter().map(envelope::decode_value).collect())
}

/// The backup's file name, dated so that several backups sort by day.
pub fn file_name(today: CivilDate) -> String {
    format!("igf-proposal-drafts-backup-{}.json", today.iso())
}

/// Whether a file looks like a backup, so that "Import" can point to "Restore from backup".
pub fn is_backup(text: &str) -> bool {
    text.contains(FORMAT) && decode(text).is_ok()
}
