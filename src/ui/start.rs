//! The start screen: start a proposal of any kind, or go back to a stored draft.

use igf_core::model::people::is_plausible_email;
use igf_core::model::settings::Settings;
use igf_core::model::template::Kind;
use igf_core::text::i18n::Msg;
use leptos::prelude::*;

use super::StoreHandle;
use super::language::LanguageSelect;
use super::library::DraftLibrary;
use super::words::{t, t_now, t_with};

#[component]
pub fn StartScreen(
    #[prop(into)] on_new: Callback<Kind>,
    settings: RwSignal<Settings>,
    /// Why the stored settings could not be read, if they could not.
    settings_problem: Option<String>,
) -> impl IntoView {
    view! {
        <header class="app-bar">
            <p class="app-name">{t("app.name")}</p>
            <LanguageSelect id="language-start" />
        </header>
        <main class="start">
            <h1>{t("start.heading")}</h1>
            <p class="lede">{t("start.lede")}</p>
            <h2>{t("start.new.heading")}</h2>
            <ul class="kind-list">
                {Kind::ALL.into_iter().map(|kind| view! {
                    <li class="kind-card">
                        <button type="button" class="button-primary" on:click=move |_| on_new.run(kind)>
                            {t_with(kind.msg())}
                        </button>
                        <p>{t_with(kind_summary(kind))}</p>
                    </li>
                }).collect_view()}
            </ul>
            <DraftLibrary />
            <SettingsForm settings=settings problem=settings_problem />
        </main>
    }
}

/// Settings that may change from year to year.
#[component]
fn SettingsForm(settings: RwSignal<Settings>, problem: Option<String>) -> impl IntoView {
    let (message, set_message) = signal(problem.map(|p| t_now(&Msg::new("start.settings.unreadable").arg("problem", p))));
    let store = expect_context::<StoreHandle>();
    let save = move |change: Box<dyn FnOnce(&mut Settings)>| {
        settings.update(change);
        let result = store.with_value(|s| s.save_settings(&settings.get_untracked()));
        set_message.set(result.err().map(|e| t_now(&Msg::new("start.settings.not_saved").arg("error", e.msg()))));
    };
    let range = Settings::DEADLINE_WEEKS_RANGE;
    let (min, max) = (range.start().to_string(), range.end().to_string());
    let on_weeks = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        match input.value().trim().parse::<u8>() {
            Ok(weeks) if range.contains(&weeks) => save(Box::new(move |s| s.bpf_deadline_weeks = weeks)),
            _ => set_message.set(Some(t_now(
                &Msg::new("start.settings.weeks_invalid").arg("value", input.value()).arg("min", *range.start()).arg("max", *range.end()),
            ))),
        }
    };
    let on_email = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let email = input.value().trim().to_owned();
        if is_plausible_email(&email) {
            save(Box::new(move |s| s.secretariat_email = email));
        } else {
            set_message.set(Some(t_now(&Msg::new("start.settings.email_invalid").arg("email", email))));
        }
    };
    view! {
        <details class="settings">
            <summary>{t("start.settings.heading")}</summary>
            <div class="field">
                <label class="field-label-small" for="deadline-weeks">{t("start.settings.weeks.label")}</label>
                <p class="hint" id="deadline-weeks-hint">{t("start.settings.weeks.hint")}</p>
                <input id="deadline-weeks" type="number" inputmode="numeric" min=min max=max
                    aria-describedby="deadline-weeks-hint settings-message"
                    prop:value=move || settings.with(|s| s.bpf_deadline_weeks.to_string()) on:change=on_weeks />
            </div>
            <div class="field">
                <label class="field-label-small" for="secretariat-email">{t("start.settings.email.label")}</label>
                <p class="hint" id="secretariat-email-hint">{t("start.settings.email.hint")}</p>
                <input id="secretariat-email" type="email" dir="ltr" autocomplete="off"
                    aria-describedby="secretariat-email-hint settings-message"
                    prop:value=move || settings.with(|s| s.secretariat_email.clone()) on:change=on_email />
            </div>
            <p class="field-message" id="settings-message" role="status">{message}</p>
        </details>
    }
}
fn kind_summary(kind: Kind) -> Msg {
    match kind {
        Kind::NewBpf => Msg::new("start.kind.new_bpf"),
        Kind::ContinuingBpf => Msg::new("start.kind.continuing_bpf"),
        Kind::NewWg => Msg::new("start.kind.new_wg"),
    }
}
