//! The language of the interface: the one the author chose, or on a first visit the first of
//! the browser's languages the editor speaks, and the "Language" select that changes it.

use igf_core::text::i18n::{Lang, Msg, english};
use leptos::prelude::*;

use crate::browser::language::{browser_languages, fetch_catalogue, mark_page};
use super::StoreHandle;
use super::words::{language, speak, t, t_now};

/// Speaks the language remembered, or the browser's; English until its catalogue arrives.
pub fn start(store: StoreHandle) {
    let remembered = store.with_value(|s| s.language());
    let lang = remembered.or_else(|| Lang::first_spoken(browser_languages().iter().map(String::as_str))).unwrap_or(Lang::En);
    mark_page(Lang::En);
    // English is already spoken: setting it again would only re-render every word.
    if lang == Lang::En {
        return;
    }
    // A catalogue that cannot be had now leaves the interface in English; the select says why
    // when the author chooses the language again.
    leptos::task::spawn_local(async move {
        let _ = switch(lang).await;
    });
}

/// Speaks `lang`, fetching its catalogue first; the sentence saying why not if it cannot.
async fn switch(lang: Lang) -> Result<(), String> {
    let catalogue = if lang == Lang::En { english().clone() } else { fetch_catalogue(lang).await.map_err(|reason| failed(lang, reason.msg()))? };
    speak(catalogue);
    mark_page(lang);
    Ok(())
}

fn failed(lang: Lang, reason: Msg) -> String {
    t_now(&Msg::new("language.failed").arg("language", lang.name()).arg("reason", reason))
}

/// The "Language" select, each language named in itself; the choice is remembered.
#[component]
pub fn LanguageSelect(id: &'static str) -> impl IntoView {
    let store = expect_context::<StoreHandle>();
    let status = RwSignal::new(None::<String>);
    let choose = move |tag: String| {
        let Some(lang) = Lang::from_tag(&tag) else { return };
        // A browser that refuses to remember it asks again on the next visit.
        let _ = store.with_value(|s| s.remember_language(lang));
        leptos::task::spawn_local(async move {
            status.try_set(switch(lang).await.err());
        });
    };
    let status_id = format!("{id}-status");
    view! {
        <div class="language">
            <label class="field-label-small" for=id>{t("language.label")}</label>
            <select id=id aria-describedby=status_id.clone() on:change:target=move |ev| choose(ev.target().value())>
                {Lang::ALL.into_iter().map(|lang| view! {
                    <option value=lang.tag() lang=lang.tag() prop:selected=move || language() == lang>{lang.name()}</option>
                }).collect_view()}
            </select>
            <p class="hint" id=status_id role="status">{move || status.get()}</p>
            {move || (language() != Lang::En).then(|| view! { <p class="hint">{t("language.english_stays")}</p> })}
        </div>
    }
}
