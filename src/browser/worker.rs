//! The import worker: a Web Worker of its own wasm (the `import-worker` binary) that reads
//! word-processor files and converts pasted HTML, loaded the first time one is opened or
//! pasted, so the editor's first load does not carry the readers. `serve` is its side;
//! `read_file` and `convert_paste` are the editor's, each one message and its answer.

use std::cell::RefCell;
use std::rc::Rc;

use igf_core::formats::import::{ImportError, Imported};
use igf_core::formats::office;
use igf_core::model::draft::DraftId;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen_futures::JsFuture;

/// The worker's loader, written by Trunk beside the app (workers keep their plain names).
const LOADER: &str = "./import-worker_loader.js";

/// Answers every message: `[id, "file", name, bytes, new id, now]` or `[id, "paste", html]`,
/// with `[id, answer]`; says "ready" first, since messages sent before its handler is set
/// (while the wasm loads) are lost.
pub fn serve() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
        let message: js_sys::Array = event.data().unchecked_into();
        let text = |n: u32| message.get(n).as_string().unwrap_or_default();
        let answer = if text(1) == "file" {
            let bytes = js_sys::Uint8Array::new(&message.get(3)).to_vec();
            let new_id = DraftId::parse(&text(4)).unwrap_or_else(|| DraftId::from_random([0; 16]));
            office::answer_file(&text(2), &bytes, new_id, message.get(5).as_f64().unwrap_or(0.0) as u64)
        } else {
            office::answer_paste(&text(2))
        };
        let _ = replies.post_message(&js_sys::Array::of2(&message.get(0), &answer.into()));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&READY.into());
}

const READY: &str = "ready";

/// The editor's link to the worker: the answers awaited, by message id, and the messages held
/// back until the worker is ready (`None` once it is).
struct Link {
    worker: web_sys::Worker,
    waiting: Rc<RefCell<Vec<(u32, js_sys::Function, js_sys::Function)>>>,
    held: Rc<RefCell<Option<Vec<js_sys::Array>>>>,
    next: u32,
}

thread_local! {
    static LINK: RefCell<Option<Link>> = const { RefCell::new(None) };
}

/// Starts the worker; an error in it fails every answer awaited and drops it, so the next
/// message starts a fresh one.
fn start() -> Result<Link, String> {
    let worker = web_sys::Worker::new(LOADER).map_err(|_| "the browser could not start it".to_owned())?;
    let waiting: Rc<RefCell<Vec<(u32, js_sys::Function, js_sys::Function)>>> = Rc::default();
    let held: Rc<RefCell<Option<Vec<js_sys::Array>>>> = Rc::new(RefCell::new(Some(Vec::new())));
    let answers = Rc::clone(&waiting);
    let (release, sender) = (Rc::clone(&held), worker.clone());
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
        if event.data().as_string().as_deref() == Some(READY) {
            for message in release.borrow_mut().take().unwrap_or_default() {
                let _ = sender.post_message(&message);
            }
            return;
        }
        let message: js_sys::Array = event.data().unchecked_into();
        let id = message.get(0).as_f64().unwrap_or(-1.0) as u32;
        let found = answers.borrow().iter().position(|(n, ..)| *n == id);
        if let Some(at) = found {
            let (_, resolve, _) = answers.borrow_mut().remove(at);
            let _ = resolve.call1(&wasm_bindgen::JsValue::NULL, &message.get(1));
        }
    });
    let failures = Rc::clone(&waiting);
    let on_error = Closure::<dyn Fn(web_sys::Event)>::new(move |_| {
        for (_, _, reject) in failures.borrow_mut().drain(..) {
            let _ = reject.call0(&wasm_bindgen::JsValue::NULL);
        }
        LINK.with(|link| link.borrow_mut().take());
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_message.forget();
    on_error.forget();
    Ok(Link { worker, waiting, held, next: 0 })
}

/// Sends `[id, ...parts]` and waits for the answer's text.
async fn ask(parts: &[wasm_bindgen::JsValue]) -> Result<String, String> {
    let promise = LINK.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.is_none() {
            *cell = Some(start()?);
        }
        let link = cell.as_mut().ok_or("it is not running")?;
        link.next += 1;
        let id = link.next;
        let message = js_sys::Array::of1(&id.into());
        for part in parts {
            message.push(part);
        }
        let waiting = Rc::clone(&link.waiting);
        let promise = js_sys::Promise::new(&mut |resolve, reject| waiting.borrow_mut().push((id, resolve, reject)));
        match link.held.borrow_mut().as_mut() {
            Some(held) => held.push(message),
            None => link.worker.post_message(&message).map_err(|_| "the browser refused the message".to_owned())?,
        }
        Ok::<_, String>(promise)
    })?;
    let answer = JsFuture::from(promise).await.map_err(|_| "it stopped with an error".to_owned())?;
    answer.as_string().ok_or_else(|| "it answered nothing".to_owned())
}

/// Reads a word-processor file in the worker.
pub async fn read_file(name: &str, bytes: &[u8], new_id: DraftId, now_ms: u64) -> Result<Imported, ImportError> {
    let parts = [
        "file".into(),
        name.into(),
        js_sys::Uint8Array::from(bytes).into(),
        new_id.as_str().into(),
        (now_ms as f64).into(),
    ];
    match ask(&parts).await {
        Ok(answer) => office::read_answer(name, &answer, new_id, now_ms),
        Err(reason) => Err(ImportError::Relayed(format!("“{name}” could not be read, because the reader for word-processor files could not run ({reason})"))),
    }
}

/// The Markdown of pasted HTML, or `None` (the plain text is pasted then).
pub async fn convert_paste(html: &str) -> Option<String> {
    let answer = ask(&["paste".into(), html.into()]).await.ok()?;
    office::read_paste(&answer)
}
