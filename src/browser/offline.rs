//! Offline use: registers the service worker (`static/sw.js`), asks it to keep the PDF's fonts
//! and the catalogues once it is ready, says when a new build of the editor is ready, and hands over to it when the
//! author asks.
//!
//! A new build's worker waits until [`apply_update`]. It then takes over every tab of the app at
//! once, and each of those tabs reloads once (autosave writes on `pagehide`), so no tab keeps
//! running an old build beside a new one that may store drafts in a schema the old one does not
//! know. Browsers without service workers, and pages served over plain http, simply run online.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{JsFuture, spawn_local};
use web_sys::{ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

/// The worker's URL, relative so that the app works below any path.
const WORKER_URL: &str = "./sw.js";
/// What the page posts to a waiting worker to make it take over.
const TAKE_OVER: &str = "skip-waiting";
/// What the page posts to the active worker so that it fetches the fonts and the catalogues
/// into its on-demand cache.
const CACHE_ON_DEMAND: &str = "cache-on-demand";

thread_local! {
    static REGISTRATION: RefCell<Option<ServiceWorkerRegistration>> = const { RefCell::new(None) };
    static RELOADING: Cell<bool> = const { Cell::new(false) };
}

/// Registers the service worker and calls `on_update` when a new build waits to take over.
/// Does nothing in dev builds, which Trunk reloads on every change instead.
pub fn register(on_update: impl Fn() + 'static) {
    if cfg!(debug_assertions) {
        return;
    }
    let Some(container) = container() else { return };
    // A page the worker did not serve (the very first visit) is never switched or prompted.
    if container.controller().is_some() {
        EventListener::new(&container, "controllerchange", |_| reload()).forget();
    }
    let on_update: Rc<dyn Fn()> = Rc::new(on_update);
    spawn_local(async move {
        let registered = JsFuture::from(container.register(WORKER_URL)).await;
        // Anything but a registration (a refusal, a stub that blocks workers) means no worker.
        let Some(registration) = registered.ok().and_then(|r| r.dyn_into::<ServiceWorkerRegistration>().ok()) else { return };
        watch(&registration, &container, on_update);
        REGISTRATION.with(|r| *r.borrow_mut() = Some(registration));
        // In the background, after the build itself is cached: the PDF and every language then
        // work offline.
        if let Ok(ready) = container.ready() {
            let ready = JsFuture::from(ready).await.ok().and_then(|r| r.dyn_into::<ServiceWorkerRegistration>().ok());
            if let Some(worker) = ready.and_then(|r| r.active()) {
                let _ = worker.post_message(&JsValue::from_str(CACHE_ON_DEMAND));
            }
        }
    });
}

/// Lets the waiting build take over; every tab of the app then reloads once.
pub fn apply_update() {
    let waiting = REGISTRATION.with(|r| r.borrow().as_ref().and_then(ServiceWorkerRegistration::waiting));
    // Without a waiting worker (another tab already switched), the reload gets the new build.
    if waiting.is_none_or(|worker| worker.post_message(&JsValue::from_str(TAKE_OVER)).is_err()) {
        reload();
    }
}

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // The property is missing where service workers are unsupported or the page is not secure.
    let present = js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false);
    present.then(|| navigator.service_worker())
}

/// Reports a worker that is, or becomes, installed and waiting behind the one serving this page;
/// looks for a new build whenever the tab comes back into view.
fn watch(registration: &ServiceWorkerRegistration, container: &ServiceWorkerContainer, on_update: Rc<dyn Fn()>) {
    let container = container.clone();
    let controlled = move || container.controller().is_some();
    if registration.waiting().is_some() && controlled() {
        on_update();
    }
    // A worker may be installing already (the check starts with the registration) or later.
    let track = move |worker: ServiceWorker| {
        let (watched, on_update, controlled) = (worker.clone(), Rc::clone(&on_update), controlled.clone());
        EventListener::new(&worker, "statechange", move |_| {
            if watched.state() == ServiceWorkerState::Installed && controlled() {
                on_update();
            }
        })
        .forget();
    };
    if let Some(worker) = registration.installing() {
        track(worker);
    }
    let found = registration.clone();
    EventListener::new(registration, "updatefound", move |_| {
        if let Some(worker) = found.installing() {
            track(worker);
        }
    })
    .forget();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let (visible, registration) = (document.clone(), registration.clone());
    EventListener::new(&document, "visibilitychange", move |_| {
        if visible.visibility_state() == web_sys::VisibilityState::Visible
            && let Ok(check) = registration.update()
        {
            // Offline, the check fails; the next one will tell.
            spawn_local(async move {
                let _ = JsFuture::from(check).await;
            });
        }
    })
    .forget();
}

/// Reloads the page, once however many times it is asked.
fn reload() {
    if !RELOADING.with(|r| r.replace(true))
        && let Some(window) = web_sys::window()
    {
        let _ = window.location().reload();
    }
}
