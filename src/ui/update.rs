//! "Update available": a new build of the editor has been fetched in the background and waits
//! until the author reloads (see `browser::offline`).

use leptos::prelude::*;

use crate::browser::offline;

#[component]
pub fn UpdatePrompt() -> impl IntoView {
    let (available, set_available) = signal(false);
    offline::register(move || set_available.set(true));
    view! {
        // Always in the page, so that screen readers announce what appears in it (a live region
        // without the status role, which belongs to the screen's own messages).
        <div class="update-slot" aria-live="polite">
            {move || available.get().then(|| view! {
                <div class="banner banner-info update">
                    <p>
                        <strong>"Update available. "</strong>
                        "A new version of the editor is ready. Reload to start using it; your drafts \
                         stay saved in this browser. Otherwise it starts once every tab of the editor \
                         is closed."
                    </p>
                    <div class="button-row">
                        <button type="button" class="button-primary" on:click=|_| offline::apply_update()>"Reload"</button>
                        <button type="button" class="button-quiet" on:click=move |_| set_available.set(false)>"Later"</button>
                    </div>
                </div>
            })}
        </div>
    }
}
