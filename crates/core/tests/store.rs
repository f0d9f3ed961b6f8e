//! The drafts library over an in-memory store with injected faults: saving, two tabs, full and
//! failing storage, quarantine, schema fixtures, trash, history and backups.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use igf_core::model::envelope;
use igf_core::model::draft::{Draft, DraftId};
use igf_core::model::template::Kind;
use igf_core::store::{Fault, Faulty, KeyValue, MemoryStore, Store, StoreError, keys};
use igf_core::store::backup::{self, BackupError};
use igf_core::store::history::{self, MAX_SNAPSHOTS, Reason, Snapshot};
use igf_core::text::i18n::Arg;

fn id(text: &str) -> DraftId {
    DraftId::parse(text).unwrap()
}

fn draft(name: &str, text: &str, updated_ms: u64) -> Draft {
    let mut draft = Draft::new(id(name), Kind::NewBpf, 1);
    draft.set_title(format!("Draft {name}"), updated_ms);
    draft.set_section(0, text.into(), updated_ms);
    draft
}

fn faulty_store() -> (Store, Rc<Faulty<MemoryStore>>) {
    let kv = Rc::new(Faulty::new(MemoryStore::default(), Fault::EveryNth(0)));
    (Store::new(kv.clone()), kv)
}

fn store() -> (Store, Rc<MemoryStore>) {
    let kv = Rc::new(MemoryStore::default());
    (Store::new(kv.clone()), kv)
}

#[test]
fn saves_verify_and_list_newest_first() {
    let (store, _) = store();
    let older = draft("a", "Older", 10);
    let newer = draft("b", "Newer", 20);
    let stored_a = store.save(&older, None).unwrap();
    store.save(&newer, None).unwrap();
    assert_eq!(stored_a, envelope::encode(&older));
    let listing = store.list(30).unwrap();
    let titles: Vec<_> = listing.drafts.iter().map(|d| d.title.as_str()).collect();
    assert_eq!(titles, ["Draft b", "Draft a"]);
    assert!(listing.quarantined.is_empty() && listing.newer.is_empty() && listing.stuck.is_empty());
    assert_eq!(store.load(&id("a")).unwrap().unwrap().draft.unwrap(), older);
    assert!(store.usage_bytes().unwrap() > 2 * stored_a.len());
}

#[test]
fn a_stale_tab_never_overwrites_a_newer_save() {
    let (store, _) = store();
    let original = draft("a", "Shared start", 10);
    let base = store.save(&original, None).unwrap();

    let mut tab_a = original.clone();
    tab_a.set_section(0, "Tab A's text".into(), 20);
    let after_a = store.save(&tab_a, Some(&base)).unwrap();

    let mut tab_b = original.clone();
    tab_b.set_section(0, "Tab B's text".into(), 21);
    assert_eq!(store.save(&tab_b, Some(&base)), Err(StoreError::ChangedElsewhere));
    assert_eq!(store.load(&id("a")).unwrap().unwrap().raw, after_a, "tab A's text is still stored");

    // A tab that keeps saving over its own last write goes on working.
    tab_a.set_section(0, "Tab A, later".into(), 30);
    store.save(&tab_a, Some(&after_a)).unwrap();

    // A draft that appeared or vanished elsewhere is not written over either.
    assert_eq!(store.save(&tab_a, None), Err(StoreError::ChangedElsewhere));
    store.delete(&id("a"), 40).unwrap();
    assert_eq!(store.save(&tab_a, Some(&after_a)), Err(StoreError::DeletedElsewhere));
}

#[test]
fn failing_storage_reports_and_changes_nothing() {
    let table = [
        (Fault::Always(StoreError::QuotaExceeded), StoreError::QuotaExceeded),
        (Fault::Always(StoreError::Unavailable("SecurityError: disabled".into())), StoreError::Unavailable("SecurityError: disabled".into())),
        (Fault::AboveBytes(100), StoreError::QuotaExceeded),
        (Fault::DropWrites, StoreError::VerifyFailed),
    ];
    for (fault, expected) in table {
        let (store, kv) = faulty_store();
        let first = draft("a", "Saved while healthy", 10);
        let raw = store.save(&first, None).unwrap();
        kv.set_fault(Some(fault.clone()));
        let mut changed = first.clone();
        changed.set_section(0, "A much longer text that no longer fits in the little space left".into(), 20);
        assert_eq!(store.save(&changed, Some(&raw)), Err(expected), "{fault:?}");
        kv.set_fault(None);
        assert_eq!(store.load(&id("a")).unwrap().unwrap().raw, raw, "{fault:?}: the last good save is intact");
        // Saving retries cleanly once the storage works again.
        store.save(&changed, Some(&raw)).unwrap();
    }
}

#[test]
fn intermittent_failures_lose_nothing_when_retried() {
    let (store, kv) = faulty_store();
    kv.set_fault(Some(Fault::EveryNth(3)));
    let mut current = draft("a", "", 1);
    let mut stored: Option<String> = None;
    let mut failures = 0;
    for step in 0..60u64 {
        current.set_section(0, format!("Text after step {step}"), 10 + step);
        match store.save(&current, stored.as_deref()) {
            Ok(raw) => stored = Some(raw),
            Err(StoreError::Refused(_)) => failures += 1,
            Err(other) => panic!("unexpected {other}"),
        }
    }
    assert!(failures > 10, "the fault fired ({failures} times)");
    // The last attempt may have failed; the next retry stores the latest text.
    while store.save(&current, stored.as_deref()).map(|raw| stored = Some(raw)).is_err() {}
    assert_eq!(store.load(&id("a")).unwrap().unwrap().draft.unwrap(), current);
}

#[test]
fn a_full_quota_first_gives_up_old_snapshots() {
    let (store, kv) = faulty_store();
    let mut current = draft("a", "Start", 1);
    let mut raw = store.save(&current, None).unwrap();
    for step in 0..10u64 {
        current.set_section(0, format!("Version {step} {}", "words ".repeat(200)), 10 + step);
        store.snapshot(&current, Reason::Auto, 10 + step).unwrap();
    }
    let used = store.usage_bytes().unwrap();
    kv.set_fault(Some(Fault::AboveBytes(used)));
    current.set_section(0, format!("Grown {}", "more ".repeat(300)), 100);
    raw = store.save(&current, Some(&raw)).unwrap();
    assert_eq!(store.load(&id("a")).unwrap().unwrap().raw, raw);
    let kept = store.snapshots(&id("a")).unwrap().len();
    assert!((1..10).contains(&kept), "older snapshots made room ({kept} kept)");
}

#[test]
fn unreadable_values_are_quarantined_never_deleted() {
    let good = envelope::encode(&draft("good", "Fine", 5));
    let damaged = [
        ("truncated", good[..good.len() / 2].to_owned()),
        ("not-json", "this is not JSON".to_owned()),
        ("no-schema", "{\"draft\":{}}".to_owned()),
        ("wrong-types", "{\"schema\":2,\"draft\":{\"id\":7}}".to_owned()),
        ("empty", String::new()),
    ];
    let (store, kv) = store();
    kv.set(&keys::draft(&id("good")), &good).unwrap();
    for (name, value) in &damaged {
        kv.set(&format!("{}{name}", keys::DRAFT), value).unwrap();
    }
    let listing = store.list(1234).unwrap();
    assert_eq!(listing.drafts.len(), 1);
    assert_eq!(listing.quarantined.len(), damaged.len());
    for (name, value) in &damaged {
        assert_eq!(kv.get(&format!("{}{name}", keys::DRAFT)).unwrap(), None, "{name} moved away");
        let moved = listing.quarantined.iter().find(|q| q.key.ends_with(&format!("-draft-{name}"))).unwrap();
        assert_eq!(store.raw(&moved.key).unwrap().as_deref(), Some(value.as_str()), "{name} kept byte for byte");
        assert!(moved.reason.as_ref().is_some_and(|r| r.key.starts_with("error.envelope.")), "{:?}", moved.reason);
    }
    // A later listing still shows them, until the author discards one.
    let again = store.list(2000).unwrap();
    assert_eq!(again.quarantined.len(), damaged.len());
    assert!(again.quarantined.iter().all(|q| q.reason.is_none()));
    store.discard_quarantined(&again.quarantined[0].key).unwrap();
    assert_eq!(store.list(3000).unwrap().quarantined.len(), damaged.len() - 1);
    assert_eq!(store.discard_quarantined(&keys::draft(&id("good"))), Err(StoreError::NotFound));
}

#[test]
fn a_value_that_cannot_be_moved_aside_stays_where_it_is() {
    let (store, kv) = faulty_store();
    kv.set(&keys::draft(&id("broken")), "{oops").unwrap();
    kv.set_fault(Some(Fault::Always(StoreError::QuotaExceeded)));
    let listing = store.list(1).unwrap();
    assert_eq!(listing.stuck.len(), 1);
    let reason = listing.stuck[0].1.english();
    assert!(reason.ends_with("moving it aside failed because the browser's storage for this site is full"), "{reason}");
    assert_eq!(kv.get(&keys::draft(&id("broken"))).unwrap().as_deref(), Some("{oops"));
}

#[test]
fn every_schema_fixture_opens_and_a_newer_one_is_left_untouched() {
    let (store, kv) = store();
    let fixtures = [
        ("fixture-v1", include_str!("fixtures/draft-schema-1.json")),
        ("fixture-v2", include_str!("fixtures/draft-schema-2.json")),
        ("fixture-v3", include_str!("fixtures/draft-schema-3.json")),
        ("fixture-v4", include_str!("fixtures/draft-schema-4.json")),
    ];
    for (name, text) in fixtures {
        kv.set(&keys::draft(&id(name)), text).unwrap();
    }
    let listing = store.list(1).unwrap();
    let v1 = listing.drafts.iter().find(|d| d.id == id("fixture-v1")).expect("schema 1 migrates");
    assert_eq!((v1.kind, v1.title.as_str(), v1.revision), (Kind::NewWg, "Youth engagement in the MAG", 7));
    assert!(v1.sections_by_key().any(|(k, t)| k == "later-section" && t == "Kept by every build."));
    let v2 = listing.drafts.iter().find(|d| d.id == id("fixture-v2")).expect("schema 2 reads");
    assert_eq!(v2.details().co_facilitators[0].name, "Amina Diallo");
    assert!(v2.details().code_of_conduct);
    let v3 = listing.drafts.iter().find(|d| d.id == id("fixture-v3")).expect("schema 3 reads");
    let dismissed: Vec<(&str, &str, &str)> = v3.details().dismissed.iter().map(|d| (d.rule.as_str(), d.place.as_str(), d.reason.as_str())).collect();
    assert_eq!(dismissed, [
        ("bpf-mag-same-group", "co-facilitators", "The other co-facilitators join after the MAG meeting."),
        ("sentence-long", "section:theme", ""),
    ]);
    assert_eq!(listing.newer.len(), 1);
    assert_eq!((listing.newer[0].schema, listing.quarantined.len()), (4, 0));
    assert_eq!(kv.get(&keys::draft(&id("fixture-v4"))).unwrap().as_deref(), Some(fixtures[3].1), "byte for byte");
    // Saving a migrated draft writes the current schema over exactly what was read.
    let loaded = store.load(&id("fixture-v1")).unwrap().unwrap();
    let mut migrated = loaded.draft.unwrap();
    migrated.set_title("Youth engagement".into(), 1_800_000_000_000);
    store.save(&migrated, Some(&loaded.raw)).unwrap();
    assert!(kv.get(&keys::draft(&id("fixture-v1"))).unwrap().unwrap().starts_with("{\"schema\":2"));
}

#[test]
fn trash_restores_and_purges() {
    let (store, kv) = store();
    let kept = draft("a", "Keep me", 10);
    store.save(&kept, None).unwrap();
    store.snapshot(&kept, Reason::Auto, 10).unwrap();
    store.delete(&id("a"), 50).unwrap();
    assert!(store.list(60).unwrap().drafts.is_empty());
    let trash = store.trash().unwrap();
    assert_eq!((trash.len(), trash[0].deleted_ms), (1, 50));
    assert_eq!(trash[0].draft.as_ref().unwrap(), &kept);
    store.restore_from_trash(&id("a")).unwrap();
    assert_eq!(store.list(70).unwrap().drafts, std::slice::from_ref(&kept));
    assert!(store.trash().unwrap().is_empty());
    store.delete(&id("a"), 80).unwrap();
    store.purge(&id("a")).unwrap();
    assert!(kv.keys().unwrap().is_empty(), "purging removes the draft's history too");
    assert_eq!(store.delete(&id("a"), 90), Err(StoreError::NotFound));
}

#[test]
fn rename_and_duplicate() {
    let (store, _) = store();
    store.save(&draft("a", "Body", 10), None).unwrap();
    let renamed = store.rename(&id("a"), "Better title".into(), 20).unwrap();
    assert_eq!((renamed.title.as_str(), renamed.updated_ms), ("Better title", 20));
    let copy = store.duplicate(&id("a"), id("b"), 30).unwrap();
    assert_eq!((copy.title.as_str(), copy.section(0), copy.revision), ("Copy of Better title", "Body", 0));
    assert_eq!(store.list(40).unwrap().drafts.len(), 2);
    assert_eq!(store.rename(&id("zzz"), "x".into(), 1).unwrap_err(), StoreError::NotFound);
}

#[test]
fn automatic_snapshots_follow_time_and_size_of_change() {
    let base = draft("a", "Some text", 10);
    let small = draft("a", "Some text, edited", 20);
    let large = draft("a", &"Much more text. ".repeat(40), 20);
    let blank = Draft::new(id("a"), Kind::NewBpf, 1);
    let minute = 60_000;
    // (case, last snapshot taken at, draft now, now, a snapshot is due)
    type Case<'a> = (&'a str, Option<(u64, &'a Draft)>, &'a Draft, u64, bool);
    let table: [Case; 6] = [
        ("first snapshot of a written draft", None, &base, 0, true),
        ("blank drafts have no history", None, &blank, 0, false),
        ("unchanged", Some((0, &base)), &base, 60 * minute, false),
        ("small change, soon", Some((0, &base)), &small, minute, false),
        ("small change, five minutes on", Some((0, &base)), &small, 5 * minute, true),
        ("large change, at once", Some((0, &base)), &large, 1, true),
    ];
    for (name, last, now_draft, now, due) in table {
        assert_eq!(history::auto_due(last, now_draft, now), due, "{name}");
    }
}

#[test]
fn history_keeps_within_its_limits_and_skips_repeats() {
    let mut snapshots = Vec::new();
    for step in 0..(MAX_SNAPSHOTS as u64 + 12) {
        history::push(&mut snapshots, Snapshot::of(&draft("a", &format!("v{step}"), step), Reason::Auto, step));
        history::push(&mut snapshots, Snapshot::of(&draft("a", &format!("v{step}"), step), Reason::Auto, step + 1));
    }
    assert_eq!(snapshots.len(), MAX_SNAPSHOTS);
    assert_eq!(snapshots[0].taken_ms, 12, "the oldest went first");
    let big = "x".repeat(250 * 1024);
    for step in 0..4 {
        history::push(&mut snapshots, Snapshot::of(&draft("a", &format!("{big}{step}"), 100), Reason::BeforeImport, 100 + step));
    }
    let bytes: usize = snapshots.iter().map(Snapshot::bytes).sum();
    assert!(bytes <= history::MAX_BYTES && snapshots.len() == 2, "{bytes} bytes in {} snapshots", snapshots.len());
    let decoded = history::decode(&history::encode(&snapshots));
    assert_eq!(decoded, snapshots);
    assert_eq!(decoded[1].decode_draft().unwrap().section(0), format!("{big}3"));
    assert!(history::decode("{not json").is_empty(), "a damaged history reads as empty");
    assert!(history::decode("{\"version\":9,\"snapshots\":[]}").is_empty());
}

#[test]
fn a_backup_restores_every_draft_into_an_empty_browser() {
    let (source, _) = store();
    let drafts = [draft("a", "One", 10), draft("b", "Two ✓ 二", 20), draft("c", "Three", 30)];
    for d in &drafts {
        source.save(d, None).unwrap();
    }
    let (file, count) = source.backup(99, None).unwrap();
    assert_eq!((count, source.meta().last_backup_ms), (3, Some(99)));
    let (fresh, _) = store();
    let report = fresh.restore(&file, 100).unwrap();
    assert_eq!(report.added.len(), 3);
    assert_eq!(fresh.list(101).unwrap().drafts.len(), 3);
    for d in &drafts {
        assert_eq!(&fresh.load(&d.id).unwrap().unwrap().draft.unwrap(), d);
    }
    assert_eq!(report.summary().english(), "Restored from the backup: 3 drafts added.");
}

#[test]
fn a_backup_carries_the_editor_text_that_could_not_be_stored() {
    let (store, kv) = faulty_store();
    let stored = draft("a", "Stored text", 10);
    store.save(&stored, None).unwrap();
    kv.set_fault(Some(Fault::Always(StoreError::QuotaExceeded)));
    let mut unsaved = stored.clone();
    unsaved.set_section(0, "Typed while the storage was full".into(), 20);
    let (file, count) = store.backup(30, Some(&unsaved)).unwrap();
    assert_eq!(count, 1);
    let drafts = backup::decode(&file).unwrap();
    assert_eq!(drafts, [Ok(unsaved)]);
}

#[test]
fn restoring_merges_without_overwriting_newer_drafts() {
    let (store, _) = store();
    let old_a = draft("a", "A, as backed up", 10);
    let new_b = draft("b", "B, as backed up", 10);
    let same_c = draft("c", "C", 10);
    for d in [&old_a, &new_b, &same_c] {
        store.save(d, None).unwrap();
    }
    let (file, _) = store.backup(20, None).unwrap();
    // Since the backup: A was edited here (newer), B is older here, D was created.
    let raw_a = store.load(&id("a")).unwrap().unwrap().raw;
    let mut edited_a = old_a.clone();
    edited_a.set_section(0, "A, edited after the backup".into(), 30);
    store.save(&edited_a, Some(&raw_a)).unwrap();
    let older_b = draft("b", "B, an older text", 5);
    store.delete(&id("b"), 31).unwrap();
    store.purge(&id("b")).unwrap();
    store.save(&older_b, None).unwrap();

    let report = store.restore(&file, 40).unwrap();
    let titled = |title: &str| vec![Arg::Text(title.into())];
    assert_eq!(report.kept_newer, titled("Draft a"));
    assert_eq!(report.updated, titled("Draft b"));
    assert_eq!(report.unchanged, titled("Draft c"));
    assert_eq!(store.load(&id("a")).unwrap().unwrap().draft.unwrap(), edited_a);
    assert_eq!(store.load(&id("b")).unwrap().unwrap().draft.unwrap(), new_b);
    let history = store.snapshots(&id("b")).unwrap();
    assert_eq!(history.len(), 1, "the replaced text is kept in history");
    assert_eq!((history[0].reason, history[0].decode_draft().unwrap()), (Reason::BeforeRestore, older_b));
    assert!(report.summary().english().contains("1 draft kept as they are because the copy in this browser is newer"), "{}", report.summary());
}

#[test]
fn bad_backups_are_refused_with_a_reason() {
    let table: [(&str, BackupError); 4] = [
        ("{\"drafts\": [", BackupError::Json { line: 1, column: 12 }),
        ("{\"schema\":2,\"draft\":{}}", BackupError::NotABackup),
        ("{\"format\":\"igf-proposal-editor-backup\",\"version\":2,\"created_ms\":1,\"drafts\":[]}", BackupError::Newer(2)),
        ("{\"format\":\"igf-proposal-editor-backup\",\"version\":1,\"drafts\":7}", BackupError::NotABackup),
    ];
    let (store, kv) = store();
    for (text, expected) in table {
        assert_eq!(store.restore(text, 1).unwrap_err(), expected, "{text}");
    }
    assert!(kv.keys().unwrap().is_empty(), "nothing was written");
    let mixed = format!(
        "{{\"format\":\"igf-proposal-editor-backup\",\"version\":1,\"created_ms\":1,\"drafts\":[{},{{\"schema\":1}}]}}",
        envelope::encode(&draft("ok", "fine", 3))
    );
    let report = store.restore(&mixed, 2).unwrap();
    assert_eq!((report.added.len(), report.unreadable.len()), (1, 1));
    assert!(backup::is_backup(&mixed) && !backup::is_backup("{}"));
}

#[test]
fn the_page_view_is_remembered_open_or_closed_and_a_refusal_changes_nothing() {
    let (store, _) = store();
    assert!(!store.pages_view_open(), "closed until opened");
    store.remember_pages_view(true).unwrap();
    assert!(store.pages_view_open());
    store.remember_pages_view(false).unwrap();
    assert!(!store.pages_view_open());
    let (store, faulty) = faulty_store();
    faulty.set_fault(Some(Fault::Always(StoreError::QuotaExceeded)));
    assert!(store.remember_pages_view(true).is_err());
    assert!(!store.pages_view_open());
}

#[test]
fn the_language_chosen_is_remembered_and_a_tag_no_longer_spoken_is_forgotten() {
    use igf_core::text::i18n::Lang;
    let (store, kv) = store();
    assert_eq!(store.language(), None, "none until chosen");
    store.remember_language(Lang::Ar).unwrap();
    assert_eq!(store.language(), Some(Lang::Ar));
    kv.set(igf_core::store::keys::LANGUAGE, "pt-BR").unwrap();
    assert_eq!(store.language(), None);
    let (store, faulty) = faulty_store();
    faulty.set_fault(Some(Fault::Always(StoreError::QuotaExceeded)));
    assert!(store.remember_language(Lang::Fr).is_err());
    assert_eq!(store.language(), None);
}
