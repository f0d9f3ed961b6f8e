//! The drafts library over any key-value store: listing, saving with read-back verification and
//! a guard against other tabs, trash, duplicates, quarantine of unreadable values, history
//! snapshots and backups.
//!
//! The browser's local storage is one [`KeyValue`]; [`MemoryStore`] is another (used when the
//! browser refuses storage, and by tests, wrapped in [`Faulty`] to make writes fail on purpose).
//!
//! Invariants:
//! - Nothing stored is deleted without the author asking: an unreadable draft is copied under a
//!   quarantine key and verified there before its original key is removed; a draft written by a
//!   newer schema is never touched; a deleted draft goes to the trash first.
//! - [`Store::save`] writes only over the value this tab last read or wrote, so two tabs never
//!   overwrite each other silently.

pub mod backup;
pub mod catalog;
pub mod history;
mod memory;

use std::rc::Rc;

use history::{Reason, Snapshot};
use igf_codecs::order;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::model::json;
use crate::model::draft::{Draft, DraftId};
use crate::model::envelope::{self, EnvelopeError};
use crate::model::settings::{self, Settings};
use crate::text::i18n::{Lang, Msg};
pub use memory::{Fault, Faulty, MemoryStore};

/// A string key-value store such as the browser's local storage.
pub trait KeyValue {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&self, key: &str) -> Result<(), StoreError>;
    fn keys(&self) -> Result<Vec<String>, StoreError>;
}

/// Why the storage failed, as a clause of a sentence ("… because {error}."): [`StoreError::msg`]
/// in the interface's language, and in English as `Display`.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum StoreError {
    Unavailable(String),
    QuotaExceeded,
    Refused(String),
    VerifyFailed,
    ChangedElsewhere,
    DeletedElsewhere,
    NotFound,
}

impl StoreError {
    pub fn msg(&self) -> Msg {
        match self {
            StoreError::Unavailable(detail) => Msg::new("store.error.unavailable").arg("detail", detail),
            StoreError::QuotaExceeded => Msg::new("store.error.quota_exceeded"),
            StoreError::Refused(detail) => Msg::new("store.error.refused").arg("detail", detail),
            StoreError::VerifyFailed => Msg::new("store.error.verify_failed"),
            StoreError::ChangedElsewhere => Msg::new("store.error.changed_elsewhere"),
            StoreError::DeletedElsewhere => Msg::new("store.error.deleted_elsewhere"),
            StoreError::NotFound => Msg::new("store.error.not_found"),
        }
    }
}

crate::display_in_english!(StoreError);

/// What [`keys::PAGES_VIEW`] holds while the page view is open.
const PAGES_VIEW_OPEN: &str = "open";

/// The storage keys; every key of the editor starts with [`keys::PREFIX`].
pub mod keys {
    use crate::model::draft::DraftId;

    pub const PREFIX: &str = "igf-proposal-editor/";
    pub const DRAFT: &str = "igf-proposal-editor/draft/";
    pub const HISTORY: &str = "igf-proposal-editor/history/";
    pub const TRASH: &str = "igf-proposal-editor/trash/";
    pub const QUARANTINE: &str = "igf-proposal-editor/quarantine/";
    pub const SETTINGS: &str = "igf-proposal-editor/settings";
    pub const META: &str = "igf-proposal-editor/meta";
    /// Whether the page view is open, remembered apart from the settings.
    pub const PAGES_VIEW: &str = "igf-proposal-editor/pages-view";
    /// The language the author chose for the interface, as its tag.
    pub const LANGUAGE: &str = "igf-proposal-editor/language";

    pub fn draft(id: &DraftId) -> String {
        format!("{DRAFT}{}", id.as_str())
    }

    pub fn history(id: &DraftId) -> String {
        format!("{HISTORY}{}", id.as_str())
    }

    pub fn trash(id: &DraftId) -> String {
        format!("{TRASH}{}", id.as_str())
    }

    /// Where an unreadable value of `key` is moved, unique by time.
    pub fn quarantine(key: &str, now_ms: u64) -> String {
        let name = key.strip_prefix(PREFIX).unwrap_or(key).replace('/', "-");
        format!("{QUARANTINE}{now_ms}-{name}")
    }
}

/// What the start screen shows: readable drafts, newest edit first, and every stored value
/// that cannot be opened, with what happened to it.
#[derive(Debug, Default)]
pub struct Listing {
    pub drafts: Vec<Draft>,
    /// Drafts written by a newer version of the editor: left as they are.
    pub newer: Vec<NewerDraft>,
    pub quarantined: Vec<Quarantined>,
    /// Unreadable values that could not be moved aside (the storage refused); left in place.
    pub stuck: Vec<(String, Msg)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewerDraft {
    pub key: String,
    pub schema: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quarantined {
    pub key: String,
    pub bytes: usize,
    /// Why it was moved, when it was moved by this listing.
    pub reason: Option<Msg>,
}

/// A deleted draft, restorable until it is purged.
#[derive(Debug)]
pub struct Trashed {
    pub id: DraftId,
    pub deleted_ms: u64,
    pub draft: Result<Draft, EnvelopeError>,
}

/// `{"deleted_ms":…,"draft":"<the stored value>"}`.
#[derive(Serialize, Deserialize)]
struct TrashEntry {
    deleted_ms: u64,
    /// The draft's stored value, exactly as it was.
    draft: String,
}

/// Facts about the whole store: `{"version":1,"last_backup_ms":…|null}`.
#[derive(Default, Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    pub version: u32,
    pub last_backup_ms: Option<u64>,
}

/// A loaded draft with the exact stored text it came from, which [`Store::save`] needs.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub raw: String,
    pub draft: Result<Draft, EnvelopeError>,
}

#[derive(Clone)]
pub struct Store {
    kv: Rc<dyn KeyValue>,
}

impl Store {
    pub fn new(kv: Rc<dyn KeyValue>) -> Store {
        Store { kv }
    }

    /// Every stored draft. Unreadable values are moved under a quarantine key first.
    pub fn list(&self, now_ms: u64) -> Result<Listing, StoreError> {
        let mut listing = Listing::default();
        for key in self.kv.keys()? {
            if key.starts_with(keys::QUARANTINE) {
                let bytes = self.kv.get(&key)?.map_or(0, |v| v.len());
                listing.quarantined.push(Quarantined { key, bytes, reason: None });
                continue;
            }
            if !key.starts_with(keys::DRAFT) {
                continue;
            }
            let Some(raw) = self.kv.get(&key)? else { continue };
            match envelope::decode(&raw) {
                Ok(draft) => listing.drafts.push(draft),
                Err(EnvelopeError::NewerSchema { found, .. }) => {
                    listing.newer.push(NewerDraft { key, schema: found });
                }
                Err(error) => match self.quarantine(&key, &raw, now_ms) {
                    Ok(moved) => listing.quarantined.push(Quarantined {
                        key: moved,
                        bytes: raw.len(),
                        reason: Some(error.msg()),
                    }),
                    Err(refused) => {
                        listing.stuck.push((key, Msg::new("store.stuck").arg("error", error.msg()).arg("refused", refused.msg())));
                    }
                },
            }
        }
        order::sort_by(&mut listing.drafts, &mut |a, b| b.updated_ms.cmp(&a.updated_ms).then_with(|| a.id.cmp(&b.id)));
        order::sort_by(&mut listing.quarantined, &mut |a, b| a.key.cmp(&b.key));
        Ok(listing)
    }

    fn quarantine(&self, key: &str, raw: &str, now_ms: u64) -> Result<String, StoreError> {
        let moved = keys::quarantine(key, now_ms);
        self.write_verified(&moved, raw)?;
        self.kv.remove(key)?;
        Ok(moved)
    }

    /// The raw text of any key (for downloads of quarantined or newer values).
    pub fn raw(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.kv.get(key)
    }

    /// Writes any value of the editor's own (reviews, for one) and reads it back to verify.
    pub fn put(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.kv.set(key, value)?;
        match self.kv.get(key)? {
            Some(back) if back == value => Ok(()),
            _ => Err(StoreError::VerifyFailed),
        }
    }

    /// Removes a quarantined value for good, at the author's request.
    pub fn discard_quarantined(&self, key: &str) -> Result<(), StoreError> {
        if !key.starts_with(keys::QUARANTINE) {
            return Err(StoreError::NotFound);
        }
        self.kv.remove(key)
    }

    pub fn load(&self, id: &DraftId) -> Result<Option<Loaded>, StoreError> {
        Ok(self.kv.get(&keys::draft(id))?.map(|raw| Loaded { draft: envelope::decode(&raw), raw }))
    }

    /// Saves a draft over `expected`, the stored text this tab last read or wrote (`None` for a
    /// draft never stored). Refuses when the stored value is not that text any more. Returns the
    /// text now stored. When the storage is full, the draft's oldest snapshots make room once.
    pub fn save(&self, draft: &Draft, expected: Option<&str>) -> Result<String, StoreError> {
        let key = keys::draft(&draft.id);
        let current = self.kv.get(&key)?;
        match (current.as_deref(), expected) {
            (Some(stored), Some(expected)) if stored != expected => return Err(StoreError::ChangedElsewhere),
            (Some(_), None) => return Err(StoreError::ChangedElsewhere),
            (None, Some(_)) => return Err(StoreError::DeletedElsewhere),
            _ => {}
        }
        let encoded = envelope::encode(draft);
        if current.as_deref() == Some(encoded.as_str()) {
            return Ok(encoded);
        }
        match self.write_verified(&key, &encoded) {
            Err(StoreError::QuotaExceeded) if self.shrink_history(&draft.id)? => {
                self.write_verified(&key, &encoded)?;
            }
            result => result?,
        }
        Ok(encoded)
    }

    /// Writes and reads back, so that a browser that drops writes is caught at once.
    fn write_verified(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.kv.set(key, value)?;
        match self.kv.get(key)? {
            Some(back) if back == value => Ok(()),
            _ => Err(StoreError::VerifyFailed),
        }
    }

    pub fn rename(&self, id: &DraftId, title: String, now_ms: u64) -> Result<Draft, StoreError> {
        let (raw, mut draft) = self.load_readable(id)?;
        draft.set_title(title, now_ms);
        self.save(&draft, Some(&raw))?;
        Ok(draft)
    }

    pub fn duplicate(&self, id: &DraftId, new_id: DraftId, now_ms: u64) -> Result<Draft, StoreError> {
        let (_, draft) = self.load_readable(id)?;
        let copy = draft.duplicate(new_id, now_ms);
        self.save(&copy, None)?;
        Ok(copy)
    }

    fn load_readable(&self, id: &DraftId) -> Result<(String, Draft), StoreError> {
        let loaded = self.load(id)?.ok_or(StoreError::NotFound)?;
        let draft = loaded.draft.map_err(|e| StoreError::Refused(e.to_string()))?;
        Ok((loaded.raw, draft))
    }

    /// Moves a draft to the trash; [`Store::restore_from_trash`] brings it back.
    pub fn delete(&self, id: &DraftId, now_ms: u64) -> Result<(), StoreError> {
        let raw = self.kv.get(&keys::draft(id))?.ok_or(StoreError::NotFound)?;
        let entry = TrashEntry { deleted_ms: now_ms, draft: raw };
        self.write_verified(&keys::trash(id), &json::write(&entry))?;
        self.kv.remove(&keys::draft(id))
    }

    pub fn restore_from_trash(&self, id: &DraftId) -> Result<(), StoreError> {
        let entry = self.trash_entry(id)?.ok_or(StoreError::NotFound)?;
        if self.kv.get(&keys::draft(id))?.is_some() {
            return Err(StoreError::ChangedElsewhere);
        }
        self.write_verified(&keys::draft(id), &entry.draft)?;
        self.kv.remove(&keys::trash(id))
    }

    /// Deletes a trashed draft and its history for good.
    pub fn purge(&self, id: &DraftId) -> Result<(), StoreError> {
        self.kv.remove(&keys::trash(id))?;
        self.kv.remove(&keys::history(id))
    }

    fn trash_entry(&self, id: &DraftId) -> Result<Option<TrashEntry>, StoreError> {
        let Some(text) = self.kv.get(&keys::trash(id))? else { return Ok(None) };
        serde_json::from_str::<TrashEntry>(&text)
            .map(Some)
            .map_err(|e| StoreError::Refused(format!("the trashed draft is damaged: {e}")))
    }

    /// The trash, most recently deleted first.
    pub fn trash(&self) -> Result<Vec<Trashed>, StoreError> {
        let mut trashed = Vec::new();
        for key in self.kv.keys()? {
            let Some(id) = key.strip_prefix(keys::TRASH).and_then(DraftId::parse) else { continue };
            if let Ok(Some(entry)) = self.trash_entry(&id) {
                trashed.push(Trashed { deleted_ms: entry.deleted_ms, draft: envelope::decode(&entry.draft), id });
            }
        }
        order::sort_by(&mut trashed, &mut |a, b| b.deleted_ms.cmp(&a.deleted_ms));
        Ok(trashed)
    }

    /// A draft's snapshots, oldest first; an unreadable history reads as empty.
    pub fn snapshots(&self, id: &DraftId) -> Result<Vec<Snapshot>, StoreError> {
        Ok(self.kv.get(&keys::history(id))?.map(|text| history::decode(&text)).unwrap_or_default())
    }

    /// Adds a snapshot of `draft`, keeping the history within its limits. When the storage is
    /// full, older snapshots give way; the snapshot is dropped only if even that fails.
    pub fn snapshot(&self, draft: &Draft, reason: Reason, now_ms: u64) -> Result<(), StoreError> {
        let mut snapshots = self.snapshots(&draft.id)?;
        history::push(&mut snapshots, Snapshot::of(draft, reason, now_ms));
        let key = keys::history(&draft.id);
        loop {
            match self.write_verified(&key, &history::encode(&snapshots)) {
                Err(StoreError::QuotaExceeded) if snapshots.len() > 1 => {
                    snapshots.drain(..snapshots.len() / 2);
                }
                result => return result,
            }
        }
    }

    /// Halves a draft's history to make room; false when there was nothing to drop.
    fn shrink_history(&self, id: &DraftId) -> Result<bool, StoreError> {
        let mut snapshots = self.snapshots(id)?;
        if snapshots.is_empty() {
            return Ok(false);
        }
        snapshots.drain(..snapshots.len().div_ceil(2));
        let key = keys::history(id);
        if snapshots.is_empty() {
            self.kv.remove(&key)?;
        } else {
            self.kv.set(&key, &history::encode(&snapshots))?;
        }
        Ok(true)
    }

    /// The stored settings; the defaults when none are stored. An unreadable value is reported
    /// and left in place until the author saves new settings.
    pub fn settings(&self) -> Result<Settings, String> {
        match self.kv.get(keys::SETTINGS) {
            Ok(Some(text)) => settings::decode(&text).map_err(|e| e.to_string()),
            _ => Ok(Settings::default()),
        }
    }

    pub fn save_settings(&self, value: &Settings) -> Result<(), StoreError> {
        self.write_verified(keys::SETTINGS, &settings::encode(value))
    }

    /// Whether the author left the page view open in this browser.
    pub fn pages_view_open(&self) -> bool {
        self.kv.get(keys::PAGES_VIEW).ok().flatten().as_deref() == Some(PAGES_VIEW_OPEN)
    }

    /// Remembers whether the page view is open; a browser that refuses simply forgets it.
    pub fn remember_pages_view(&self, open: bool) -> Result<(), StoreError> {
        if open { self.write_verified(keys::PAGES_VIEW, PAGES_VIEW_OPEN) } else { self.kv.remove(keys::PAGES_VIEW) }
    }

    /// The language the author chose, if they chose one this editor still speaks.
    pub fn language(&self) -> Option<Lang> {
        self.kv.get(keys::LANGUAGE).ok().flatten().and_then(|tag| Lang::from_tag(&tag))
    }

    /// Remembers the language chosen; a browser that refuses asks again on the next visit.
    pub fn remember_language(&self, lang: Lang) -> Result<(), StoreError> {
        self.write_verified(keys::LANGUAGE, lang.tag())
    }

    pub fn meta(&self) -> Meta {
        self.kv
            .get(keys::META)
            .ok()
            .flatten()
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or(Meta { version: 1, last_backup_ms: None })
    }

    fn set_meta(&self, meta: Meta) -> Result<(), StoreError> {
        self.kv.set(keys::META, &json::write(&meta))
    }

    /// Bytes the editor keeps in the store, counted as browsers count local storage (UTF-16).
    pub fn usage_bytes(&self) -> Result<usize, StoreError> {
        let mut total = 0;
        for key in self.kv.keys()?.into_iter().filter(|k| k.starts_with(keys::PREFIX)) {
            let value = self.kv.get(&key)?.unwrap_or_default();
            total += 2 * (key.encode_utf16().count() + value.encode_utf16().count());
        }
        Ok(total)
    }

    /// One file with every stored draft (those of newer schemas verbatim), with `current` (the
    /// text in the editor, which may not be stored yet) in place of its stored copy. Records
    /// the time of the backup.
    pub fn backup(&self, now_ms: u64, current: Option<&Draft>) -> Result<(String, usize), StoreError> {
        let skip = current.map(|draft| keys::draft(&draft.id));
        let mut raws = Vec::new();
        for key in self.kv.keys()? {
            if key.starts_with(keys::DRAFT) && Some(&key) != skip.as_ref() && let Some(raw) = self.kv.get(&key)? {
                raws.push(raw);
            }
        }
        raws.extend(current.map(envelope::encode));
        order::sort_by(&mut raws, &mut |a, b| a.cmp(b));
        let file = backup::encode(&raws, now_ms);
        // The file is made even if the time cannot be recorded.
        let _ = self.set_meta(Meta { last_backup_ms: Some(now_ms), ..self.meta() });
        Ok((file, raws.len()))
    }

    /// Merges a backup: adds missing drafts, replaces older copies (after a snapshot), and
    /// keeps newer ones. Never deletes anything.
    pub fn restore(&self, file: &str, now_ms: u64) -> Result<backup::RestoreReport, backup::BackupError> {
        let entries = backup::decode(file)?;
        let mut report = backup::RestoreReport::default();
        for entry in entries {
            let incoming = match entry {
                Ok(draft) => draft,
                Err(error) => {
                    report.unreadable.push(error.msg());
                    continue;
                }
            };
            let title = incoming.shown_title();
            let outcome = match self.load(&incoming.id) {
                Ok(None) => self.save(&incoming, None).map(|_| &mut report.added),
                Ok(Some(Loaded { raw, draft: Ok(local) })) => {
                    if envelope::encode(&local) == envelope::encode(&incoming) {
                        Ok(&mut report.unchanged)
                    } else if (local.updated_ms, local.revision) >= (incoming.updated_ms, incoming.revision) {
                        Ok(&mut report.kept_newer)
                    } else {
                        self.snapshot(&local, Reason::BeforeRestore, now_ms)
                            .and_then(|()| self.save(&incoming, Some(&raw)))
                            .map(|_| &mut report.updated)
                    }
                }
                // An unreadable or newer local value is never overwritten.
                Ok(Some(Loaded { draft: Err(_), .. })) => Ok(&mut report.kept_newer),
                Err(error) => Err(error),
            };
            match outcome {
                Ok(list) => list.push(title),
                Err(error) => report.failed.push(Msg::new("backup.restored.failed_one").arg("title", title).arg("error", error.msg())),
            }
        }
        Ok(report)
    }
}

#[cfg(test)]
mod tests {
    use super::StoreError;

    #[test]
    fn storage_errors_read_as_clauses_in_english_as_before() {
        let table: &[(StoreError, &str)] = &[
            (StoreError::Unavailable("no window".into()), "this browser does not let the editor use its storage (no window)"),
            (StoreError::QuotaExceeded, "the browser's storage for this site is full"),
            (StoreError::Refused("SecurityError".into()), "the browser refused to save (SecurityError)"),
            (StoreError::VerifyFailed, "the saved copy did not read back the same, so the storage cannot be trusted"),
            (StoreError::ChangedElsewhere, "this draft was changed in another tab or window"),
            (StoreError::DeletedElsewhere, "this draft was deleted in another tab or window"),
            (StoreError::NotFound, "there is no draft with this id any more"),
        ];
        for (error, expected) in table {
            assert_eq!(error.to_string(), *expected);
            assert_eq!(error.msg().english(), *expected);
        }
    }
}
