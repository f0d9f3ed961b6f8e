//! Screens and panels that load on demand. In the split release build of the editor
//! (`--cfg wasm_split` with the `chunks` feature, see `scripts/split.mjs`) each function that
//! `on_demand!` declares is a split point: its code, and whatever only it reaches, lives in a
//! wasm chunk of its own that is fetched the first time the function is called. In every other
//! build (`trunk serve`, the in-browser tests) the same function is an ordinary `async fn`, so
//! both builds run the same views.
//!
//! [`OnDemand`] shows such a function's view: a quiet status while the chunk loads, the view when
//! it is there, and a sentence with a retry button when it could not be fetched (offline on a
//! first visit, or a newer deployment took its place).

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use leptos::prelude::*;
use send_wrapper::SendWrapper;

use igf_core::text::i18n::Msg;

use super::words::{t, t_now};

/// The work a chunk starts for a chosen file, run by [`start`] once the chunk is there.
pub type Work = Pin<Box<dyn Future<Output = ()>>>;

/// Runs the work an `on_demand!` function gives, once its chunk is there; if the chunk could not
/// be fetched, `say` gets the sentence that says so, for the flow's own error line.
pub fn start(work: impl Future<Output = Result<Work, ChunkFailed>> + 'static, say: impl FnOnce(String) + 'static) {
    leptos::task::spawn_local(async move {
        match work.await {
            Ok(work) => work.await,
            Err(ChunkFailed) => say(t_now(&Msg::new("chunk.failed"))),
        }
    });
}

/// A chunk of the app could not be fetched or started.
#[derive(Debug, Clone, Copy)]
pub struct ChunkFailed;

#[cfg(all(wasm_split, feature = "chunks"))]
impl From<leptos::wasm_split::SplitLoaderError> for ChunkFailed {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkFailed
    }
}

/// Declares `async fn $name(..) -> Result<$ret, ChunkFailed>`, whose body is split into the
/// wasm chunk `$chunk` in the split build: a view (`AnyView`), or the work a chosen file starts
/// ([`Work`]). Its arguments and result cross a C call into the chunk, so they are owned
/// values (handles, drafts), never references.
macro_rules! on_demand {
    ($(#[$attr:meta])* $chunk:ident: $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        $(#[$attr])*
        #[cfg(all(wasm_split, feature = "chunks"))]
        #[::leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
        $vis fn $name($($arg: $ty),*) -> Result<$ret, $crate::ui::chunk::ChunkFailed> {
            Ok($body)
        }

        $(#[$attr])*
        #[cfg(not(all(wasm_split, feature = "chunks")))]
        $vis async fn $name($($arg: $ty),*) -> Result<$ret, $crate::ui::chunk::ChunkFailed> {
            Ok($body)
        }
    };
}
pub(crate) use on_demand;

/// The view an `on_demand!` function gives, once its chunk is there. `load` is called again by
/// the retry button, so it makes a fresh call each time.
#[component]
pub fn OnDemand<F, Fut>(load: F) -> impl IntoView
where
    F: Fn() -> Fut + 'static,
    Fut: Future<Output = Result<AnyView, ChunkFailed>> + 'static,
{
    let load: Loader = Rc::new(move || Box::pin(load()));
    shown_on_demand(load)
}

/// A call of an `on_demand!` view function, type-erased so that the loading view below is built
/// once for every split point, not once per caller.
type Loader = Rc<dyn Fn() -> Pin<Box<dyn Future<Output = Result<AnyView, ChunkFailed>>>>>;

fn shown_on_demand(load: Loader) -> AnyView {
    let attempt = RwSignal::new(0_u32);
    let load = SendWrapper::new(load);
    view! {
        <Suspense fallback=|| view! { <p class="chunk-status" role="status">{t("chunk.loading")}</p> }>
            {move || {
                attempt.track();
                let loading = load();
                Suspend::new(SendWrapper::new(async move {
                    match loading.await {
                        Ok(view) => view,
                        Err(ChunkFailed) => view! { <ChunkFailure retry=move || attempt.update(|n| *n += 1) /> }.into_any(),
                    }
                }))
            }}
        </Suspense>
    }
    .into_any()
}

/// What a reader sees when a chunk did not load: what happened, what to do, and a retry.
#[component]
fn ChunkFailure(retry: impl Fn() + 'static) -> impl IntoView {
    view! {
        <div class="banner banner-error chunk-failure" role="alert">
            <p>{t("chunk.failed")}</p>
            <button type="button" class="button-secondary" on:click=move |_| retry()>{t("chunk.retry")}</button>
        </div>
    }
}
