//! The start screen: start a proposal of any kind, or go back to a stored draft.

use igf_core::model::people::is_plausible_email;
use igf_core::model::settings::Settings;
use igf_core::model::template::Kind;
use leptos::prelude::*;

use super::StoreHandle;
use super::library::DraftLibrary;

#[component]
pub fn StartScreen(
    #[prop(into)] on_new: Callback<Kind>,
    settings: RwSignal<Settings>,
    /// Why the stored settings could not be read, if they could not.
    settings_problem: Option<String>,
) -> impl IntoView {
    view! {
        <header class="app-bar">
            <p class="app-name">"IGF Proposal Editor"</p>
        </header>
        <main class="start">
            <h1>"Write a proposal for the IGF's Multistakeholder Advisory Group"</h1>
            <p class="lede">
                "Best Practice Forums and MAG Working Groups start with a short proposal of two to \
                 three pages, sent to the IGF Secretariat. Pick a template: the editor shows each \
                 official section with guidance, counts your words as you write, and keeps your \
                 draft in this browser, even offline."
            </p>
            <h2>"Start a new proposal"</h2>
            <ul class="kind-list">
                {Kind::ALL.into_iter().map(|kind| view! {
                    <li class="kind-card">
                        <button type="button" class="button-primary" on:click=move |_| on_new.run(kind)>
                            {kind.label()}
                        </button>
                        <p>{kind_summary(kind)}</p>
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
    let (message, set_message) = signal(problem.map(|p| {
        format!("Your saved settings could not be read ({p}), so the defaults are used until you change them.")
    }));
    let store = expect_context::<StoreHandle>();
    let save = move |change: Box<dyn FnOnce(&mut Settings)>| {
        settings.update(change);
        let result = store.with_value(|s| s.save_settings(&settings.get_untracked()));
        set_message.set(result.err().map(|e| format!("The setting applies in this tab but could not be saved: {e}.")));
    };
    let range = Settings::DEADLINE_WEEKS_RANGE;
    let (min, max) = (range.start().to_string(), range.end().to_string());
    let on_weeks = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        match input.value().trim().parse::<u8>() {
            Ok(weeks) if range.contains(&weeks) => save(Box::new(move |s| s.bpf_deadline_weeks = weeks)),
            _ => set_message.set(Some(format!(
                "“{}” is not a number of weeks from {} to {}: enter a whole number such as 3.",
                input.value(),
                range.start(),
                range.end()
            ))),
        }
    };
    let on_email = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let email = input.value().trim().to_owned();
        if is_plausible_email(&email) {
            save(Box::new(move |s| s.secretariat_email = email));
        } else {
            set_message.set(Some(format!("“{email}” does not look like an email address: enter one such as igf@un.org.")));
        }
    };
    view! {
        <details class="settings">
            <summary>"Settings"</summary>
            <div class="field">
                <label class="field-label-small" for="deadline-weeks">"Weeks before a MAG meeting that BPF proposals are due"</label>
                <p class="hint" id="deadline-weeks-hint">"Annex II sets 3 weeks and says this may change from year to year."</p>
                <input id="deadline-weeks" type="number" inputmode="numeric" min=min max=max
                    aria-describedby="deadline-weeks-hint settings-message"
                    prop:value=move || settings.with(|s| s.bpf_deadline_weeks.to_string()) on:change=on_weeks />
            </div>
            <div class="field">
                <label class="field-label-small" for="secretariat-email">"Email address of the IGF Secretariat"</label>
                <p class="hint" id="secretariat-email-hint">"Used by “Email to the Secretariat” in the Export menu."</p>
                <input id="secretariat-email" type="email" dir="ltr" autocomplete="off"
                    aria-describedby="secretariat-email-hint settings-message"
                    prop:value=move || settings.with(|s| s.secretariat_email.clone()) on:change=on_email />
            </div>
            <p class="field-message" id="settings-message" role="status">{message}</p>
        </details>
    }
}
fn kind_summary(kind: Kind) -> &'static str {
    match kind {
        Kind::NewBpf => "Propose a new Best Practice Forum on a topic the IGF community should gather good practice on (Annex II).",
        Kind::ContinuingBpf => "Propose another year of an existing BPF, with its annual work report for the prior year (Annex II).",
        Kind::NewWg => "Propose a MAG Working Group for a specific piece of the MAG's own work, for one IGF cycle (Annex III).",
    }
}
