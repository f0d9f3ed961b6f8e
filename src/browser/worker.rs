//! The office worker: a Web Worker of its own wasm (the `office-worker` binary) that reads
//! word-processor files, converts pasted HTML and writes the PDF, DOCX, HTML and Markdown
//! exports, loaded the first time one of them is asked for, so the editor's first load carries
//! neither the readers nor those writers. `serve` is its side; `read_file`, `convert_paste` and
//! `write_file` are the editor's, each one message and its answer.

use std::cell::RefCell;
use std::rc::Rc;

use std::sync::Arc;

use igf_core::checks::Report;
use igf_core::formats::import::{ImportError, Imported};
use igf_core::formats::pdf::{FontFile, Fonts};
use igf_core::formats::{Format, notes, office};
use igf_core::model::draft::{Draft, DraftId};
use igf_core::text::i18n::Msg;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen_futures::JsFuture;

/// The worker's loader, written by Trunk beside the app (workers keep their plain names).
const LOADER: &str = "./office-worker_loader.js";

/// Answers every message: `[id, "file", name, bytes, new id, now]`, `[id, "paste", html]` or
/// `[id, "export", request, [[font index, bytes]…]]`, with `[id, answer]` (text, or a file's bytes);
/// says "ready" first, since messages sent before its handler is set (while the wasm loads)
/// are lost.
pub fn serve() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
        let message: js_sys::Array = event.data().unchecked_into();
        let text = |n: u32| message.get(n).as_string().unwrap_or_default();
        let answer: wasm_bindgen::JsValue = match text(1).as_str() {
            "file" => {
                let bytes = js_sys::Uint8Array::new(&message.get(3)).to_vec();
                let new_id = DraftId::parse(&text(4)).unwrap_or_else(|| DraftId::from_random([0; 16]));
                office::answer_file(&text(2), &bytes, new_id, message.get(5).as_f64().unwrap_or(0.0) as u64).into()
            }
            "export" => match office::answer_export(&text(2), &fonts_from(&message.get(3))) {
                Ok(file) => js_sys::Uint8Array::from(&file[..]).into(),
                Err(refusal) => refusal.into(),
            },
            _ => office::answer_paste(&text(2)).into(),
        };
        let _ = replies.post_message(&js_sys::Array::of2(&message.get(0), &answer));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&READY.into());
}

const READY: &str = "ready";

/// The fonts of an export message, as [`write_file`] sends them.
fn fonts_from(sent: &wasm_bindgen::JsValue) -> Fonts {
    let mut fonts = Fonts::default();
    for pair in js_sys::Array::from(sent).iter() {
        let pair = js_sys::Array::from(&pair);
        if let Some(&file) = pair.get(0).as_f64().and_then(|index| FontFile::ALL.get(index as usize)) {
            fonts.insert(file, Arc::from(js_sys::Uint8Array::new(&pair.get(1)).to_vec()));
        }
    }
    fonts
}

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
fn start() -> Result<Link, WorkerError> {
    let worker = web_sys::Worker::new(LOADER).map_err(|_| WorkerError::NotStarted)?;
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

/// Sends `[id, ...parts]` and waits for the answer.
async fn ask(parts: &[wasm_bindgen::JsValue]) -> Result<wasm_bindgen::JsValue, WorkerError> {
    let promise = LINK.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.is_none() {
            *cell = Some(start()?);
        }
        let link = cell.as_mut().ok_or(WorkerError::NotStarted)?;
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
            None => link.worker.post_message(&message).map_err(|_| WorkerError::MessageRefused)?,
        }
        Ok::<_, WorkerError>(promise)
    })?;
    JsFuture::from(promise).await.map_err(|_| WorkerError::Stopped)
}

/// [`ask`] for an answer in text.
async fn ask_text(parts: &[wasm_bindgen::JsValue]) -> Result<String, WorkerError> {
    ask(parts).await?.as_string().ok_or(WorkerError::Silent)
}

/// Why the office worker gave no answer, as a clause about it.
#[derive(Debug, thiserror::Error, Clone, Copy, PartialEq, Eq)]
pub enum WorkerError {
    NotStarted,
    MessageRefused,
    Stopped,
    Silent,
}

impl WorkerError {
    pub fn msg(self) -> Msg {
        match self {
            WorkerError::NotStarted => Msg::new("error.worker.not_started"),
            WorkerError::MessageRefused => Msg::new("error.worker.message_refused"),
            WorkerError::Stopped => Msg::new("error.worker.stopped"),
            WorkerError::Silent => Msg::new("error.worker.silent"),
        }
    }
}

igf_core::display_in_english!(WorkerError);

/// Reads a word-processor file in the worker.
pub async fn read_file(name: &str, bytes: &[u8], new_id: DraftId, now_ms: u64) -> Result<Imported, ImportError> {
    let parts = [
        "file".into(),
        name.into(),
        js_sys::Uint8Array::from(bytes).into(),
        new_id.as_str().into(),
        (now_ms as f64).into(),
    ];
    match ask_text(&parts).await {
        Ok(answer) => office::read_answer(name, &answer, new_id, now_ms),
        Err(reason) => Err(ImportError::Relayed(Msg::new("error.import.reader_failed").arg("name", name).arg("reason", reason.msg()))),
    }
}

/// The Markdown of pasted HTML, or `None` (the plain text is pasted then).
pub async fn convert_paste(html: &str) -> Option<String> {
    let answer = ask_text(&["paste".into(), html.into()]).await.ok()?;
    office::read_paste(&answer)
}

/// Writes the file `name` of `draft` in `format` in the worker, a PDF with `fonts` (the worker
/// keeps none between PDFs); an error is the sentence to show.
pub async fn write_file(draft: &Draft, report: &Report, format: Format, name: &str, fonts: &Fonts) -> Result<Vec<u8>, Msg> {
    let files = js_sys::Array::new();
    for (index, &file) in FontFile::ALL.iter().enumerate() {
        if let Some(bytes) = fonts.get(file) {
            files.push(&js_sys::Array::of2(&(index as u32).into(), &js_sys::Uint8Array::from(bytes)));
        }
    }
    let request = office::export_request(draft, report, format);
    let answer = ask(&["export".into(), request.into(), files.into()]).await.map_err(|reason| notes::writer_failed(name, reason.msg()))?;
    match answer.dyn_into::<js_sys::Uint8Array>() {
        Ok(file) => Ok(file.to_vec()),
        Err(other) => Err(other.as_string().map_or_else(|| notes::writer_failed(name, WorkerError::Silent.msg()), |why| notes::not_made(name, office::read_refusal(&why)))),
    }
}
