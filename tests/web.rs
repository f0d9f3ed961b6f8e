//! In-browser tests (wasm-bindgen-test in headless Chromium): the real localStorage, the real
//! DOM, the real event loop. Run by `make test`.
#![cfg(target_arch = "wasm32")]

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use igf_core::model::draft::{Draft, DraftId};
use igf_core::model::template::Kind;
use igf_core::sharing::link as share;
use igf_core::sharing::link::{Body, Link, Payload};
use igf_core::sharing::review::{Comment, Merged, Review};
use igf_core::store::{Fault, Faulty, Store, StoreError};
use igf_proposal_editor::browser::{rescue, review_store};
use igf_proposal_editor::browser::autosave::{Autosaver, SaveStatus};
use igf_proposal_editor::browser::crypto::{self, CryptoError};
use igf_proposal_editor::browser::storage::LocalKv;
use igf_proposal_editor::ui::chunk::{ChunkFailed, OnDemand};
use igf_proposal_editor::ui::{Editor, provide_app_context};
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn draft(id: &str, kind: Kind) -> Draft {
    Draft::new(DraftId::parse(id).unwrap(), kind, 1_000)
}

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn container() -> web_sys::HtmlElement {
    let document = document();
    let element = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&element).unwrap();
    element.unchecked_into()
}

fn local_store() -> Store {
    Store::new(Rc::new(LocalKv::open().unwrap()))
}

/// A store over the real local storage whose writes fail as `fault` says.
fn faulty_local(fault: Fault) -> (Store, Rc<Faulty<LocalKv>>) {
    let kv = Rc::new(Faulty::new(LocalKv::open().unwrap(), fault));
    (Store::new(kv.clone()), kv)
}

fn remove_keys(prefix_of_id: &str) {
    let storage = local_storage();
    let keys: Vec<String> = (0..storage.length().unwrap()).filter_map(|i| storage.key(i).unwrap()).collect();
    for key in keys.into_iter().filter(|k| k.contains(prefix_of_id)) {
        storage.remove_item(&key).unwrap();
    }
}

fn recorder() -> (Rc<RefCell<Vec<SaveStatus>>>, impl Fn(SaveStatus) + 'static) {
    let statuses = Rc::new(RefCell::new(Vec::new()));
    let seen = Rc::clone(&statuses);
    (statuses, move |status| seen.borrow_mut().push(status))
}

#[wasm_bindgen_test]
fn saves_and_loads_drafts_through_local_storage() {
    let store = local_store();
    let mut written = draft("web-save", Kind::ContinuingBpf);
    written.set_title("Gender & Digital Rights — 日本語 🎉".into(), 2_000);
    written.set_section(6, "Report\n\n<script>alert(1)</script>".into(), 3_000);
    store.save(&written, None).unwrap();

    let loaded = store.load(&written.id).unwrap().unwrap();
    assert_eq!(loaded.draft.unwrap(), written);
    let stored = local_storage().get_item("igf-proposal-editor/draft/web-save").unwrap().unwrap();
    assert!(stored.starts_with("{\"schema\":2,"), "{stored}");
    assert!(store.list(5_000).unwrap().drafts.contains(&written));
    assert!(store.load(&DraftId::parse("absent").unwrap()).unwrap().is_none());
    remove_keys("web-save");
}

#[wasm_bindgen_test]
fn corrupted_and_truncated_values_are_moved_aside_and_the_rest_still_lists() {
    let good = draft("web-q-good", Kind::NewBpf);
    let store = local_store();
    let mut written = good.clone();
    written.set_title("Still fine".into(), 2_000);
    let envelope = store.save(&written, None).unwrap();
    let damaged = [
        ("web-q-truncated", envelope[..envelope.len() - 9].to_owned()),
        ("web-q-garbage", "\u{0}\u{1}not json at all".to_owned()),
        ("web-q-v1-cut", "{\"schema\":1,\"draft\":".to_owned()),
    ];
    for (id, value) in &damaged {
        local_storage().set_item(&format!("igf-proposal-editor/draft/{id}"), value).unwrap();
    }
    let listing = store.list(77_000).unwrap();
    assert!(listing.drafts.contains(&written));
    for (id, value) in &damaged {
        assert_eq!(local_storage().get_item(&format!("igf-proposal-editor/draft/{id}")).unwrap(), None);
        let moved = listing.quarantined.iter().find(|q| q.key.ends_with(&format!("-draft-{id}"))).expect("quarantined");
        assert_eq!(local_storage().get_item(&moved.key).unwrap().as_ref(), Some(value), "kept byte for byte");
    }
    remove_keys("web-q-");
}

#[wasm_bindgen_test]
fn every_schema_fixture_reads_and_a_newer_schema_is_left_untouched() {
    let fixtures = [
        ("fixture-v1", include_str!("../crates/core/tests/fixtures/draft-schema-1.json")),
        ("fixture-v2", include_str!("../crates/core/tests/fixtures/draft-schema-2.json")),
        ("fixture-v3", include_str!("../crates/core/tests/fixtures/draft-schema-3.json")),
        ("fixture-v4", include_str!("../crates/core/tests/fixtures/draft-schema-4.json")),
    ];
    for (id, text) in fixtures {
        local_storage().set_item(&format!("igf-proposal-editor/draft/{id}"), text).unwrap();
    }
    let listing = local_store().list(1).unwrap();
    let ids: Vec<&str> = listing.drafts.iter().map(|d| d.id.as_str()).filter(|id| id.starts_with("fixture")).collect();
    assert_eq!(ids, ["fixture-v3", "fixture-v2", "fixture-v1"], "newest edit first");
    assert!(listing.newer.iter().any(|n| n.schema == 4));
    assert_eq!(local_storage().get_item("igf-proposal-editor/draft/fixture-v4").unwrap().as_deref(), Some(fixtures[3].1));
    remove_keys("fixture-v");
}

#[wasm_bindgen_test]
fn autosave_skips_blank_new_drafts_and_writes_on_flush() {
    let (statuses, on_status) = recorder();
    let mut current = draft("web-autosave", Kind::NewWg);
    let saver = Autosaver::new(local_store(), &current, None, on_status);
    let key = "igf-proposal-editor/draft/web-autosave";

    saver.schedule(current.clone());
    saver.flush();
    assert_eq!(local_storage().get_item(key).unwrap(), None, "a blank new draft is not stored");

    current.set_section(0, "To bring young people in.".into(), 2_000);
    saver.schedule(current.clone());
    assert_eq!(statuses.borrow().last(), Some(&SaveStatus::Pending));
    saver.flush();
    assert!(matches!(statuses.borrow().last(), Some(SaveStatus::Saved(_))));
    assert_eq!(local_store().load(&current.id).unwrap().unwrap().draft.unwrap(), current);
    assert_eq!(local_store().snapshots(&current.id).unwrap().len(), 1, "the first save takes a snapshot");

    // Dropping the saver writes whatever is still pending.
    current.set_section(0, "Changed just before closing.".into(), 3_000);
    saver.schedule(current.clone());
    drop(saver);
    assert_eq!(local_store().load(&current.id).unwrap().unwrap().draft.unwrap(), current);
    remove_keys("web-autosave");
}

#[wasm_bindgen_test]
fn writes_that_always_fail_keep_the_text_pending_and_retry_when_storage_works() {
    for error in [StoreError::QuotaExceeded, StoreError::Unavailable("SecurityError: storage is disabled".into())] {
        let (store, kv) = faulty_local(Fault::Always(error.clone()));
        let (statuses, on_status) = recorder();
        let mut current = draft("web-always", Kind::NewBpf);
        let saver = Autosaver::new(store, &current, None, on_status);
        current.set_section(0, "Typed while storage fails.".into(), 2_000);
        saver.schedule(current.clone());
        saver.flush();
        assert_eq!(statuses.borrow().last(), Some(&SaveStatus::Failed(error.clone())));
        assert_eq!(local_storage().get_item("igf-proposal-editor/draft/web-always").unwrap(), None);
        kv.set_fault(None);
        saver.flush();
        assert!(matches!(statuses.borrow().last(), Some(SaveStatus::Saved(_))), "{:?}", statuses.borrow());
        assert_eq!(local_store().load(&current.id).unwrap().unwrap().draft.unwrap(), current);
        drop(saver);
        remove_keys("web-always");
    }
}

#[wasm_bindgen_test]
fn writes_above_a_size_fail_as_a_full_quota_and_smaller_ones_go_through() {
    let used = local_store().usage_bytes().unwrap();
    let (store, _kv) = faulty_local(Fault::AboveBytes(used + 6_000));
    let (statuses, on_status) = recorder();
    let mut current = draft("web-above", Kind::NewBpf);
    let saver = Autosaver::new(store, &current, None, on_status);
    current.set_section(0, "Short.".into(), 2_000);
    saver.schedule(current.clone());
    saver.flush();
    assert!(matches!(statuses.borrow().last(), Some(SaveStatus::Saved(_))));
    current.set_section(0, "Long. ".repeat(1_000), 3_000);
    saver.schedule(current.clone());
    saver.flush();
    assert_eq!(statuses.borrow().last(), Some(&SaveStatus::Failed(StoreError::QuotaExceeded)));
    current.set_section(0, "Short again.".into(), 4_000);
    saver.schedule(current.clone());
    saver.flush();
    assert!(matches!(statuses.borrow().last(), Some(SaveStatus::Saved(_))));
    assert_eq!(local_store().load(&current.id).unwrap().unwrap().draft.unwrap(), current);
    drop(saver);
    remove_keys("web-above");
}

#[wasm_bindgen_test]
fn writes_that_fail_now_and_then_lose_nothing() {
    let (store, _kv) = faulty_local(Fault::EveryNth(3));
    let (statuses, on_status) = recorder();
    let mut current = draft("web-flaky", Kind::NewWg);
    let saver = Autosaver::new(store, &current, None, on_status);
    for step in 0..40u64 {
        current.set_section(0, format!("Version {step}"), 2_000 + step);
        saver.schedule(current.clone());
        saver.flush();
    }
    let failures = statuses.borrow().iter().filter(|s| matches!(s, SaveStatus::Failed(_))).count();
    assert!(failures > 5, "the fault fired {failures} times");
    while !matches!(statuses.borrow().last(), Some(SaveStatus::Saved(_))) {
        saver.flush();
    }
    assert_eq!(local_store().load(&current.id).unwrap().unwrap().draft.unwrap(), current);
    drop(saver);
    remove_keys("web-flaky");
}

#[wasm_bindgen_test]
fn another_tab_writing_the_draft_stops_this_tab_from_saving_over_it() {
    let store = local_store();
    let mut original = draft("web-twotabs", Kind::NewBpf);
    original.set_title("Shared".into(), 2_000);
    let known = store.save(&original, None).unwrap();
    let (statuses, on_status) = recorder();
    let saver = Autosaver::new(store.clone(), &original, Some(known), on_status);

    // The other tab saves; browsers tell this tab with a `storage` event.
    let mut other = original.clone();
    other.set_title("Changed in the other tab".into(), 3_000);
    let other_raw = igf_core::model::envelope::encode(&other);
    local_storage().set_item("igf-proposal-editor/draft/web-twotabs", &other_raw).unwrap();
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some("igf-proposal-editor/draft/web-twotabs"));
    init.set_new_value(Some(&other_raw));
    let event = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
    assert_eq!(statuses.borrow().last(), Some(&SaveStatus::Failed(StoreError::ChangedElsewhere)));

    let mut mine = original.clone();
    mine.set_title("This tab's title".into(), 4_000);
    saver.schedule(mine);
    saver.flush();
    drop(saver);
    assert_eq!(local_store().load(&other.id).unwrap().unwrap().raw, other_raw, "the other tab's save survives");
    remove_keys("web-twotabs");
}

/// Mounts the editor with the app's context over `store`.
fn mount_editor(parent: &web_sys::HtmlElement, store: Store, initial: Draft) -> impl Sized {
    mount_to(parent.clone(), move || {
        provide_app_context(store.clone());
        view! { <Editor initial=initial.clone() known=None /> }
    })
}

#[wasm_bindgen_test]
async fn a_full_quota_shows_the_banner_and_keeps_the_text() {
    let parent = container();
    let (store, _kv) = faulty_local(Fault::Always(StoreError::QuotaExceeded));
    let handle = mount_editor(&parent, store, draft("web-banner", Kind::NewBpf));
    tick().await;
    let field: web_sys::HtmlTextAreaElement =
        parent.query_selector("#section-theme-text").unwrap().unwrap().unchecked_into();
    field.set_value("Words that must not be lost.");
    field.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    gloo_timers::future::TimeoutFuture::new(800).await;
    tick().await;
    let banner = parent.query_selector(".banner-error").unwrap().expect("a banner").text_content().unwrap();
    assert!(banner.contains("storage for this site is full"), "{banner}");
    assert!(banner.contains("Download a backup now"), "{banner}");
    assert_eq!(field.value(), "Words that must not be lost.");
    drop(handle);
    parent.remove();
    remove_keys("web-banner");
}

#[wasm_bindgen_test]
async fn the_editor_shows_every_heading_of_each_kind_in_order() {
    for kind in Kind::ALL {
        let parent = container();
        let initial = draft("web-headings", kind);
        let handle = mount_editor(&parent, local_store(), initial);
        tick().await;
        let labels = parent.query_selector_all("h2.section-heading > label").unwrap();
        let texts: Vec<String> =
            (0..labels.length()).map(|i| labels.item(i).unwrap().text_content().unwrap()).collect();
        let expected: Vec<&str> = kind.template().sections.iter().map(|s| s.heading).collect();
        assert_eq!(texts, expected, "{kind}");
        let title = parent.query_selector("label[for=proposal-title]").unwrap().unwrap();
        assert_eq!(title.text_content().unwrap(), "Proposal title");
        // Every section field is a textarea labelled by its heading.
        for section in kind.template().sections {
            let field = parent.query_selector(&format!("#section-{}-text", section.key)).unwrap().unwrap();
            assert_eq!(field.tag_name(), "TEXTAREA");
        }
        drop(handle);
        parent.remove();
    }
}

#[wasm_bindgen_test]
async fn typing_updates_the_counts_and_the_preview() {
    let parent = container();
    let initial = draft("web-typing", Kind::NewBpf);
    let handle = mount_editor(&parent, local_store(), initial);
    tick().await;
    let field: web_sys::HtmlTextAreaElement =
        parent.query_selector("#section-theme-text").unwrap().unwrap().unchecked_into();
    field.set_value("Local **content** in <b>every</b> script: 日本語 [x](javascript:alert(1))");
    field.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    tick().await;

    let count = parent.query_selector("#section-theme-count").unwrap().unwrap().text_content().unwrap();
    assert!(count.starts_with("9 words"), "{count}");
    let total = parent.query_selector(".total-words").unwrap().unwrap().text_content().unwrap();
    assert_eq!(total, "9 words in total");
    let paper = parent.query_selector(".paper").unwrap().unwrap();
    let strong = paper.query_selector("strong").unwrap().unwrap();
    assert_eq!(strong.text_content().unwrap(), "content");
    assert!(paper.query_selector("b").unwrap().is_none(), "raw HTML must not become an element");
    assert!(paper.text_content().unwrap().contains("<b>every</b>"));
    assert!(paper.query_selector("a").unwrap().is_none(), "a javascript: link must not become a link");

    // The checks follow: the theme is no longer missing; the title still is.
    let checks = parent.query_selector(".findings").unwrap().unwrap().text_content().unwrap();
    assert!(!checks.contains("Write the section “Proposed Theme/Issue for the BPF”"), "{checks}");
    assert!(checks.contains("Give the proposal a title"), "{checks}");
    drop(handle);
    parent.remove();
    remove_keys("web-typing");
}

#[wasm_bindgen_test]
async fn a_sealed_link_opens_with_its_passphrase_only() {
    let mut shared = draft("web-sealed", Kind::NewWg);
    shared.set_title("Sealed — 日本語 🎉".into(), 2_000);
    let (content, packed) = share::pack(&Payload::Draft(shared.clone()));
    let sealed = crypto::seal("correct horse battery", &packed).await.unwrap();
    let again = crypto::seal("correct horse battery", &packed).await.unwrap();
    assert_ne!((sealed.salt, sealed.iv), (again.salt, again.iv), "every link gets a fresh salt and iv");
    let text = format!("https://example.org/#{}", share::fragment(&Link { content, body: Body::Sealed(sealed) }));
    assert!(text.contains("#igf.1.de.") && !text.contains("correct"), "{text}");

    let Ok(Link { content, body: Body::Sealed(back) }) = share::parse(&text) else { panic!("not a sealed link: {text}") };
    let plain = crypto::open("correct horse battery", &back).await.unwrap();
    assert_eq!(share::unpack(content, &plain), Ok(Payload::Draft(shared)));
    assert_eq!(crypto::open("Correct horse battery", &back).await, Err(CryptoError::WrongPassphrase));
    assert_eq!(crypto::open("", &back).await, Err(CryptoError::WrongPassphrase));
    // The salt is authenticated with the ciphertext: changing it fails like a wrong passphrase.
    let mut tampered = back.clone();
    tampered.salt[0] ^= 1;
    assert_eq!(crypto::open("correct horse battery", &tampered).await, Err(CryptoError::WrongPassphrase));
    assert!(CryptoError::WrongPassphrase.to_string().starts_with("The passphrase is not the right one"));
}

/// A part of the app that loads on demand (a chunk of the split build; here an ordinary future)
/// says why it is not there, and loads on "Try again".
#[wasm_bindgen_test]
async fn a_part_that_did_not_load_says_so_and_try_again_loads_it() {
    let parent = container();
    let calls = Rc::new(Cell::new(0));
    let counted = Rc::clone(&calls);
    let _mounted = mount_to(parent.clone(), move || {
        let counted = Rc::clone(&counted);
        let load = move || {
            counted.set(counted.get() + 1);
            let first = counted.get() == 1;
            async move {
                if first { Err(ChunkFailed) } else { Ok(view! { <p id="chunk-shown">"Shown"</p> }.into_any()) }
            }
        };
        view! { <OnDemand load=load /> }
    });
    tick().await;
    let alert = parent.query_selector("[role=alert]").unwrap().expect("the failure is an alert");
    assert_eq!(
        alert.query_selector("p").unwrap().unwrap().text_content().unwrap(),
        "This part of the editor could not be loaded: the connection may be off, or a newer version of the editor was published. Your draft is safe. Check the connection and try again, or reload the page to get the newer version."
    );
    assert!(parent.query_selector("#chunk-shown").unwrap().is_none());
    let retry: web_sys::HtmlElement = alert.query_selector("button").unwrap().unwrap().unchecked_into();
    assert_eq!(retry.text_content().unwrap(), "Try again");
    retry.click();
    tick().await;
    tick().await;
    assert_eq!(calls.get(), 2, "Try again calls the loader once more");
    assert_eq!(parent.query_selector("#chunk-shown").unwrap().unwrap().text_content().unwrap(), "Shown");
    assert!(parent.query_selector("[role=alert]").unwrap().is_none());
}

fn comment(id: &str, section: &str, text: &str) -> Comment {
    Comment { id: id.into(), section: section.into(), quote: "the quoted words".into(), text: text.into(), time_ms: 3_000, resolved: false }
}

#[wasm_bindgen_test]
async fn a_review_is_filed_with_its_draft_and_shown_beside_its_section() {
    let store = local_store();
    let mut reviewed = draft("web-reviewed", Kind::NewBpf);
    reviewed.set_section(0, "Local content.".into(), 2_000);
    store.save(&reviewed, None).unwrap();
    let review = Review {
        comments: vec![comment("c1", "theme", "Say which regions <b>first</b>."), comment("c2", "general", "Good start.")],
        ..Review::of(&reviewed, "Rahul".into(), 4_000)
    };
    let (back, merged) = review_store::receive(&store, review.clone()).unwrap();
    assert_eq!((back, merged), (reviewed.clone(), Merged { added: 2, updated: 0 }));
    assert_eq!(review_store::receive(&store, review.clone()).unwrap().1, Merged::default(), "the same review twice adds nothing");
    assert_eq!(review_store::received(&store, &reviewed.id).unwrap(), vec![review.clone()]);

    let mut elsewhere = review.clone();
    elsewhere.draft_id = DraftId::parse("web-absent").unwrap();
    let refusal = review_store::receive(&store, elsewhere).unwrap_err();
    assert_eq!(refusal.key, "inbox.draft_missing", "{refusal}");
    assert_eq!(local_storage().get_item("igf-proposal-editor/reviews/web-absent").unwrap(), None);

    let parent = container();
    let handle = mount_editor(&parent, store.clone(), reviewed.clone());
    tick().await;
    let field = parent.query_selector("#section-theme-text").unwrap().unwrap();
    let section = field.closest(".section-field").unwrap().unwrap();
    let comments = section.query_selector(".comments").unwrap().unwrap().text_content().unwrap();
    assert!(comments.contains("Rahul") && comments.contains("Say which regions <b>first</b>.") && comments.contains("the quoted words"), "{comments}");
    assert!(section.query_selector(".comments b").unwrap().is_none(), "comment text is text, never markup");
    let panel = parent.query_selector(".reviews").unwrap().unwrap().text_content().unwrap();
    assert!(panel.contains("2 open of 2 comments, from Rahul") && panel.contains("Good start."), "{panel}");
    assert!(!panel.contains("earlier version"), "{panel}");

    // Resolving is kept in storage.
    let resolve: web_sys::HtmlElement = section.query_selector(".comment button").unwrap().unwrap().unchecked_into();
    assert_eq!(resolve.text_content().unwrap(), "Resolve");
    resolve.click();
    tick().await;
    assert!(review_store::received(&store, &reviewed.id).unwrap()[0].comments[0].resolved);

    // Editing the section makes the review one of an earlier version.
    let field: web_sys::HtmlTextAreaElement = field.unchecked_into();
    field.set_value("Local content, rewritten.");
    field.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    tick().await;
    let panel = parent.query_selector(".reviews").unwrap().unwrap().text_content().unwrap();
    assert!(panel.contains("Rahul reviewed an earlier version") && panel.contains("“Proposed Theme/Issue for the BPF”"), "{panel}");
    drop(handle);
    parent.remove();
    remove_keys("web-reviewed");
}

/// The regression behind the panic when a share link was pasted into a tab with the editor open:
/// the browser fires `focusout` while it removes the focused field, after the editor's owner was
/// disposed, and the handler read a disposed value.
#[wasm_bindgen_test]
async fn leaving_the_editor_with_a_field_focused_saves_the_last_keys_without_a_panic() {
    remove_keys("web-leave");
    let parent = container();
    let store = local_store();
    let editing = RwSignal::new(true);
    let initial = draft("web-leave", Kind::NewBpf);
    let handle = mount_to(parent.clone(), move || {
        provide_app_context(store.clone());
        let initial = initial.clone();
        // As the app switches screens: one view or another, erased.
        view! { {move || if editing.get() {
            view! { <Editor initial=initial.clone() known=None /> }.into_any()
        } else {
            view! { <p>"Another screen"</p> }.into_any()
        }} }
    });
    tick().await;
    let field: web_sys::HtmlTextAreaElement =
        parent.query_selector("#section-theme-text").unwrap().unwrap().unchecked_into();
    field.focus().unwrap();
    field.set_value("Typed just before the link arrived.");
    field.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    // Another screen replaces the editor at once, well inside the autosave's pause.
    editing.set(false);
    tick().await;
    tick().await;
    assert!(parent.query_selector("#section-theme-text").unwrap().is_none(), "the editor is gone");
    let stored = local_store().load(&DraftId::parse("web-leave").unwrap()).unwrap().expect("the draft is stored");
    assert_eq!(stored.draft.unwrap().section(0), "Typed just before the link arrived.");
    drop(handle);
    parent.remove();
    remove_keys("web-leave");
}

#[wasm_bindgen_test]
fn the_panic_rescue_writes_the_unsaved_copy_or_offers_it_to_copy() {
    remove_keys("web-rescue");
    let mut unsaved = draft("web-rescue", Kind::NewWg);
    unsaved.set_section(0, "Words the panic must not take.".into(), 2_000);

    rescue::keep(&local_store(), &unsaved, None);
    assert_eq!(rescue::save_now(), rescue::Outcome::Saved);
    assert_eq!(local_store().load(&unsaved.id).unwrap().unwrap().draft.unwrap(), unsaved);
    assert_eq!(rescue::save_now(), rescue::Outcome::Saved, "nothing is left to write");

    unsaved.set_section(0, "More words, and the storage is full.".into(), 3_000);
    let (full, _kv) = faulty_local(Fault::Always(StoreError::QuotaExceeded));
    let known = local_storage().get_item("igf-proposal-editor/draft/web-rescue").unwrap();
    rescue::keep(&full, &unsaved, known.as_deref());
    let outcome = rescue::save_now();
    let rescue::Outcome::NotSaved { error, text } = &outcome else { panic!("{outcome:?}") };
    assert_eq!(error, &StoreError::QuotaExceeded);
    assert!(text.contains("More words, and the storage is full."), "{text}");
    assert_eq!(
        outcome.sentence(),
        "Something went wrong, and your latest text could not be saved because the browser's storage for this site is full. Copy it from the box below before you reload."
    );
    remove_keys("web-rescue");
}
