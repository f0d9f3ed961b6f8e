//! In-browser tests (wasm-bindgen-test in headless Chromium): the real localStorage, the real
//! DOM, the real event loop. Run by `make test`.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use igf_proposal_editor::browser::autosave::{Autosaver, SaveStatus};
use igf_proposal_editor::browser::crypto::{self, CryptoError};
use igf_proposal_editor::browser::{review_store, storage};
use igf_proposal_editor::core::review::{Comment, Merged, Review};
use igf_proposal_editor::core::share::{self, Body, Link, Payload};
use igf_proposal_editor::core::draft::{Draft, DraftId};
use igf_proposal_editor::core::template::Kind;
use igf_proposal_editor::ui::Editor;
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

#[wasm_bindgen_test]
fn saves_and_loads_drafts_through_local_storage() {
    let mut written = draft("web-save", Kind::ContinuingBpf);
    written.set_title("Gender & Digital Rights — 日本語 🎉".into(), 2_000);
    written.set_section(6, "Report\n\n<script>alert(1)</script>".into(), 3_000);
    storage::save_draft(&written).unwrap();

    let loaded = storage::load_draft(&written.id).unwrap().unwrap().unwrap();
    assert_eq!(loaded, written);
    let stored = local_storage().get_item("igf-proposal-editor/draft/web-save").unwrap().unwrap();
    assert!(stored.starts_with("{\"schema\":2,"), "{stored}");
    let listed = storage::list_drafts().unwrap();
    assert!(listed.iter().any(|entry| entry.draft.as_ref().is_ok_and(|d| *d == written)));

    assert!(storage::load_draft(&DraftId::parse("absent").unwrap()).unwrap().is_none());
    local_storage().remove_item("igf-proposal-editor/draft/web-save").unwrap();
}

#[wasm_bindgen_test]
fn a_damaged_stored_draft_is_listed_with_its_reason_and_left_alone() {
    let key = "igf-proposal-editor/draft/web-broken";
    local_storage().set_item(key, "{\"schema\":1,\"draft\":").unwrap();
    let listed = storage::list_drafts().unwrap();
    let broken = listed.iter().find(|entry| entry.key == key).unwrap();
    let reason = broken.draft.as_ref().unwrap_err().to_string();
    assert!(reason.contains("not valid JSON"), "{reason}");
    assert_eq!(local_storage().get_item(key).unwrap().as_deref(), Some("{\"schema\":1,\"draft\":"));
    local_storage().remove_item(key).unwrap();
}

#[wasm_bindgen_test]
fn autosave_skips_blank_new_drafts_and_writes_on_flush() {
    let statuses = Rc::new(RefCell::new(Vec::new()));
    let seen = Rc::clone(&statuses);
    let mut current = draft("web-autosave", Kind::NewWg);
    let saver = Autosaver::new(&current, false, move |status| seen.borrow_mut().push(status));
    let key = "igf-proposal-editor/draft/web-autosave";

    saver.schedule(current.clone());
    saver.flush();
    assert_eq!(local_storage().get_item(key).unwrap(), None, "a blank new draft is not stored");

    current.set_section(0, "To bring young people in.".into(), 2_000);
    saver.schedule(current.clone());
    assert_eq!(statuses.borrow().last(), Some(&SaveStatus::Pending));
    saver.flush();
    assert!(matches!(statuses.borrow().last(), Some(SaveStatus::Saved(_))));
    let loaded = storage::load_draft(&current.id).unwrap().unwrap().unwrap();
    assert_eq!(loaded, current);

    // Dropping the saver writes whatever is still pending.
    current.set_section(0, "Changed just before closing.".into(), 3_000);
    saver.schedule(current.clone());
    drop(saver);
    assert_eq!(storage::load_draft(&current.id).unwrap().unwrap().unwrap(), current);
    local_storage().remove_item(key).unwrap();
}

#[wasm_bindgen_test]
async fn the_editor_shows_every_heading_of_each_kind_in_order() {
    for kind in Kind::ALL {
        let parent = container();
        let initial = draft("web-headings", kind);
        let handle = mount_to(parent.clone(), move || {
            view! { <Editor initial=initial.clone() stored=false on_close=|()| {} /> }
        });
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
    let handle = mount_to(parent.clone(), move || {
        view! { <Editor initial=initial.clone() stored=false on_close=|()| {} /> }
    });
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
    local_storage().remove_item("igf-proposal-editor/draft/web-typing").unwrap();
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

fn comment(id: &str, section: &str, text: &str) -> Comment {
    Comment { id: id.into(), section: section.into(), quote: "the quoted words".into(), text: text.into(), time_ms: 3_000, resolved: false }
}

#[wasm_bindgen_test]
async fn a_review_is_filed_with_its_draft_and_shown_beside_its_section() {
    let mut reviewed = draft("web-reviewed", Kind::NewBpf);
    reviewed.set_section(0, "Local content.".into(), 2_000);
    storage::save_draft(&reviewed).unwrap();
    let review = Review {
        comments: vec![comment("c1", "theme", "Say which regions <b>first</b>."), comment("c2", "general", "Good start.")],
        ..Review::of(&reviewed, "Rahul".into(), 4_000)
    };
    let (back, merged) = review_store::receive(review.clone()).unwrap();
    assert_eq!((back, merged), (reviewed.clone(), Merged { added: 2, updated: 0 }));
    assert_eq!(review_store::receive(review.clone()).unwrap().1, Merged::default(), "the same review twice adds nothing");
    assert_eq!(review_store::received(&reviewed.id).unwrap(), vec![review.clone()]);

    let mut elsewhere = review.clone();
    elsewhere.draft_id = DraftId::parse("web-absent").unwrap();
    let refusal = review_store::receive(elsewhere).unwrap_err();
    assert!(refusal.contains("not in this browser"), "{refusal}");
    assert_eq!(local_storage().get_item("igf-proposal-editor/reviews/web-absent").unwrap(), None);

    let parent = container();
    let initial = reviewed.clone();
    let handle = mount_to(parent.clone(), move || view! { <Editor initial=initial.clone() stored=true on_close=|()| {} /> });
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
    assert!(review_store::received(&reviewed.id).unwrap()[0].comments[0].resolved);

    // Editing the section makes the review one of an earlier version.
    let field: web_sys::HtmlTextAreaElement = field.unchecked_into();
    field.set_value("Local content, rewritten.");
    field.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    tick().await;
    let panel = parent.query_selector(".reviews").unwrap().unwrap().text_content().unwrap();
    assert!(panel.contains("Rahul reviewed an earlier version") && panel.contains("“Proposed Theme/Issue for the BPF”"), "{panel}");
    drop(handle);
    parent.remove();
    for key in ["draft", "reviews"] {
        local_storage().remove_item(&format!("igf-proposal-editor/{key}/web-reviewed")).unwrap();
    }
}
