//! In-browser test of the panic hook with a real, deliberately triggered panic. A binary of its
//! own: after the trap that ends a panic, this wasm instance is not trusted to run other tests.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use igf_core::model::draft::{Draft, DraftId};
use igf_core::model::template::Kind;
use igf_core::store::Store;
use igf_proposal_editor::browser::rescue;
use igf_proposal_editor::browser::storage::LocalKv;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn a_panic_writes_the_unsaved_text_and_says_so_with_a_reload_link() {
    let store = Store::new(Rc::new(LocalKv::open().unwrap()));
    let mut unsaved = Draft::new(DraftId::parse("web-panic").unwrap(), Kind::NewBpf, 1_000);
    unsaved.set_section(0, "The last keys before the crash.".into(), 2_000);
    rescue::keep(&store, &unsaved, None);
    rescue::install();

    // A panic in a timer callback, as in the app: it traps out to the browser's event loop.
    gloo_timers::callback::Timeout::new(0, || panic!("a deliberate panic for the test")).forget();
    gloo_timers::future::TimeoutFuture::new(100).await;

    let stored = store.load(&unsaved.id).unwrap().expect("the hook wrote the draft");
    assert_eq!(stored.draft.unwrap(), unsaved);
    let document = web_sys::window().unwrap().document().unwrap();
    let notice = document.get_element_by_id(rescue::NOTICE_ID).expect("the notice is shown");
    assert_eq!(notice.get_attribute("role").as_deref(), Some("alert"));
    let sentence = notice.query_selector("p").unwrap().unwrap().text_content().unwrap();
    assert_eq!(sentence, "Something went wrong. Your text is saved. Reload to go on.");
    let reload = notice.query_selector("a").unwrap().unwrap();
    assert_eq!(reload.text_content().unwrap(), "Reload");
    let href = reload.get_attribute("href").unwrap();
    assert!(!href.contains('#') && href.starts_with("http"), "{href}");
    store.purge(&unsaved.id).ok();
}
