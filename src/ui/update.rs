//! "Update available": a new build of the editor has been fetched in the background and waits
//! until the author reloads (see `browser::offline`).

use leptos::prelude::*;

use super::words::t;

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
                        <strong>{t("update.heading")}</strong>
                        {t("update.text")}
                    </p>
                    <div class="button-row">
                        <button type="button" class="button-primary" on:click=|_| offline::apply_update()>{t("update.reload")}</button>
                        <button type="button" class="button-quiet" on:click=move |_| set_available.set(false)>{t("update.later")}</button>
                    </div>
                </div>
            })}
        </div>
    }
}
