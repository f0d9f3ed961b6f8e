//! The Export menu and the Import flow.

use igf_core::checks::{Report, Severity};
use igf_core::document::Document;
use igf_core::formats::pdf::{self, Fonts};
use igf_core::formats::{self, Format, notes};
use igf_core::formats::arrival::{self, Arrival, Saving, Stored};
use igf_core::formats::edited::Edited;
use igf_core::formats::import::{self, ForeignImport, Imported};
use igf_core::formats::wordml;
use igf_core::model::diff;
use igf_core::model::draft::Draft;
use igf_core::model::settings::Settings;
use igf_core::model::template::Kind;
use igf_core::sharing::link::Payload;
use igf_core::store::{Loaded, Store, StoreError};
use igf_core::store::history::Reason;
use igf_core::text::i18n::Msg;
use leptos::html::Input;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser::{files, fonts, worker};
use crate::browser::platform::{focus_element, format_local, new_draft_id, now_ms, today};
use super::chunk::{self, OnDemand, Work, on_demand};
use super::diff::ChangedParts;
use super::{Incoming, StoreHandle};
use super::words::{t, t_now, t_with};

#[component]
pub fn ExportMenu(draft: RwSignal<Draft>, report: Memo<Report>) -> impl IntoView {
    let open = RwSignal::new(false);
    let status = RwSignal::new(None::<String>);
    let settings = use_context::<RwSignal<Settings>>().unwrap_or_else(|| RwSignal::new(Settings::default()));
    let close = move || {
        open.set(false);
        focus_element("export-button");
    };
    let export_as = move |format: Format| export(draft, report, format, status);
    // Written only while the menu is open, not at every keystroke.
    let mailto = move || {
        open.get().then(|| draft.with(|d| {
            let attachment = formats::file_name(d, Format::Html, today());
            formats::mailto(d, &settings.with(|s| s.secretariat_email.clone()), &attachment)
        }))
    };
    let not_ready = move || report.with(|r| notes::not_ready(r.count(Severity::MustFix))).map(|m| t_now(&m));
    // Worked out only while the menu is open: it typesets the whole document.
    let pdf_gaps = move || if open.get() { draft.with(|d| notes::pdf_gaps(&pdf::gaps(&Document::final_version(d)))).iter().map(t_now).collect() } else { Vec::new() };
    view! {
        <div class="export" on:keydown=move |ev: leptos::ev::KeyboardEvent| {
            if ev.key() == "Escape" && open.get_untracked() {
                close();
            }
        }>
            <button type="button" id="export-button" class="button-primary" aria-expanded=move || open.get().to_string()
                aria-controls="export-panel" on:click=move |_| open.update(|o| *o = !*o)>{t("files.export.button")}</button>
            <div id="export-panel" class="export-panel" role="group" aria-label=t("files.export.formats") hidden=move || !open.get()>
                {move || not_ready().map(|warning| view! { <p class="export-warning">{warning}</p> })}
                <ul class="export-list">
                    {Format::ALL.into_iter().map(|format| view! {
                        <li>
                            <button type="button" class="button-quiet export-choice" on:click=move |_| export_as(format)>{t_with(format.label())}</button>
                            <span class="hint">{t_with(format.purpose())}</span>
                            {(format == Format::Pdf).then_some(move || pdf_gaps().into_iter().map(|gap: String| view! { <span class="export-gaps">{gap}</span> }).collect_view())}
                        </li>
                    }).collect_view()}
                    <li>
                        <a class="button-quiet export-choice" href=mailto>{t("files.export.email")}</a>
                        <span class="hint">{move || t_now(&Msg::new("files.export.email.hint").arg("email", settings.with(|s| s.secretariat_email.clone())))}</span>
                    </li>
                </ul>
                <p class="export-status" role="status">{status}</p>
            </div>
        </div>
    }
}

/// The file of a draft in a format the office worker writes, a PDF with the fonts it embeds
/// (fetched once per tab, with their `progress`); or the sentence saying why it cannot be made.
pub async fn make_file(draft: &Draft, report: &Report, format: Format, progress: &dyn Fn(u64, u64)) -> Result<Vec<u8>, String> {
    let fonts = if format == Format::Pdf {
        let needed = pdf::needed(&Document::new(draft, report.must_fix()));
        fonts::load(&needed, progress).await.map_err(|e| t_now(&notes::pdf_fonts_failed(e.msg())))?
    } else {
        Fonts::default()
    };
    let name = formats::file_name(draft, format, today());
    worker::write_file(draft, report, format, &name, &fonts).await.map_err(|e| t_now(&e))
}

/// A font download's progress as a status sentence, written only when the sentence changes.
pub fn progress_into(status: RwSignal<Option<String>>, sentence: fn(u64, u64) -> Msg) -> impl Fn(u64, u64) {
    move |loaded, total| {
        let text = t_now(&sentence(loaded, total));
        if status.with_untracked(|s| s.as_deref() != Some(text.as_str())) {
            status.set(Some(text));
        }
    }
}

/// Downloads one export of the draft, and says what happened in `status`: at once for the
/// formats the editor writes, else once the office worker has written it ([`make_file`]; a PDF
/// says how far its fonts have got meanwhile).
pub fn export(draft: RwSignal<Draft>, report: Memo<Report>, format: Format, status: RwSignal<Option<String>>) {
    if let Some(said) = draft.with_untracked(|d| report.with_untracked(|r| formats::write(d, r, format).map(|bytes| download(d, format, &bytes)))) {
        return status.set(Some(said));
    }
    let (d, r) = (draft.get_untracked(), report.get_untracked());
    leptos::task::spawn_local(async move {
        let message = match make_file(&d, &r, format, &progress_into(status, notes::fonts_loading)).await {
            Ok(bytes) => download(&d, format, &bytes),
            Err(message) => message,
        };
        status.try_set(Some(message));
    });
}

fn download(draft: &Draft, format: Format, bytes: &[u8]) -> String {
    let name = formats::file_name(draft, format, today());
    match files::download(&name, format.mime(), bytes) {
        Ok(()) => t_now(&Msg::new("files.export.downloaded").arg("name", name)),
        Err(e) => t_now(&Msg::new("files.export.not_downloaded").arg("name", name).arg("error", e.msg())),
    }
}

/// What is stored under an imported draft's id, for [`arrival`].
fn stored_as(found: &Option<Loaded>) -> Stored<'_> {
    match found {
        None => Stored::Nothing,
        Some(Loaded { draft: Ok(draft), .. }) => Stored::Readable(draft),
        Some(Loaded { draft: Err(_), .. }) => Stored::Unreadable,
    }
}

/// What an import waits for before it changes anything.
#[derive(Clone)]
enum Pending {
    /// A draft that is not stored here: add it to the drafts, or open it for review?
    Choice(Draft),
    /// A draft whose id is already stored: replace it, or keep both?
    Conflict { incoming: Draft, existing: Box<Draft> },
    /// A foreign file mapped onto a template, shown before it is saved.
    Foreign { name: String, import: Box<ForeignImport> },
    /// A DOCX of ours edited elsewhere: the edits, or the copy as exported?
    Edited(Box<Edited>),
}

/// The Import button, with the file chooser and the confirmation steps.
#[component]
pub fn ImportButton(#[prop(into)] on_open: Callback<Draft>) -> impl IntoView {
    let input = NodeRef::<Input>::new();
    let pending = RwSignal::new(None::<Pending>);
    let (error, set_error) = signal(None::<String>);
    let route = Incoming::get();

    let store = expect_context::<StoreHandle>();
    // Saves an imported draft and opens it.
    let finish = move |draft: Draft| {
        pending.set(None);
        match store.with_value(|s| save_import(s, draft)) {
            Ok(draft) => on_open.run(draft),
            Err(e) => set_error.set(Some(t_now(&Msg::new("files.import.not_saved").arg("error", e.msg())))),
        }
    };
    // An imported draft of ours goes where the import policy says.
    let arrive = move |incoming: Draft| {
        let found = store.with_value(|s| s.load(&incoming.id)).ok().flatten();
        match arrival::arrival(incoming, stored_as(&found)) {
            Arrival::Unknown(draft) => pending.set(Some(Pending::Choice(draft))),
            Arrival::Conflict { incoming, existing } => pending.set(Some(Pending::Conflict { incoming, existing })),
            Arrival::Known(draft) => finish(draft),
        }
    };
    let flow = ImportFlow { pending, error: set_error, route, arrive: Callback::new(arrive) };
    let on_file = move |_| {
        let Some(element) = input.get() else { return };
        let Some(file) = element.files().and_then(|list| list.get(0)) else { return };
        element.set_value("");
        set_error.set(None);
        chunk::start(read_chosen(file, flow), move |sentence| set_error.set(Some(sentence)));
    };
    // The steps are in the import's chunk, fetched with the first file chosen.
    let waiting = Memo::new(move |_| pending.with(Option::is_some));
    let on_done = Callback::new(finish);
    view! {
        <div class="import">
            <button type="button" class="button-secondary" on:click=move |_| {
                if let Some(element) = input.get() {
                    element.click();
                }
            }>{t("files.import.button")}</button>
            <input type="file" class="visually-hidden" tabindex="-1" aria-hidden="true" node_ref=input
                accept=".docx,.odt,.doc,.json,.md,.markdown,.txt,.html,.htm" on:change=on_file />
            <p class="hint">{t("files.import.hint")}</p>
            {move || error.get().map(|e| view! { <p class="banner banner-error" role="alert">{e}</p> })}
            {move || waiting.get().then(|| view! { <OnDemand load=move || pending_step(pending, on_done, flow.arrive) /> })}
        </div>
    }
}

/// Where a chosen file's reading leads: a step to confirm, an error, a review for the editor,
/// or a draft of ours on to its arrival.
#[derive(Clone, Copy)]
struct ImportFlow {
    pending: RwSignal<Option<Pending>>,
    error: WriteSignal<Option<String>>,
    route: Incoming,
    arrive: Callback<Draft>,
}

on_demand! {
    /// Reads a chosen file (a word-processor file in the office worker) and takes what it holds
    /// where it goes; from the import's chunk.
    import: fn read_chosen(file: web_sys::File, flow: ImportFlow) -> Work {
        Box::pin(async move {
            let name = file.name();
            let bytes = match files::read(file).await {
                Ok(bytes) => bytes,
                Err(e) => return flow.error.set(Some(t_now(&Msg::new("files.import.unreadable").arg("error", e.msg())))),
            };
            // Word-processor files are read in the office worker, loaded on first use.
            let imported = if wordml::is_office_file(&bytes) {
                worker::read_file(&name, &bytes, new_draft_id(), now_ms()).await
            } else {
                import::read_text(&name, &bytes, new_draft_id(), now_ms())
            };
            match imported {
                Ok(Imported::Own(incoming)) => flow.arrive.run(incoming),
                Ok(Imported::Edited(edited)) => flow.pending.set(Some(Pending::Edited(edited))),
                Ok(Imported::Review(review)) => flow.route.open(Payload::Review(review)),
                Ok(Imported::Foreign(import)) => flow.pending.set(Some(Pending::Foreign { name, import: Box::new(import) })),
                Err(e) => flow.error.set(Some(t_now(&arrival::refusal(&e)))),
            }
        })
    }
}

on_demand! {
    /// The question or preview an import waits on, from the import's chunk.
    import: fn pending_step(pending: RwSignal<Option<Pending>>, on_done: Callback<Draft>, on_chosen: Callback<Draft>) -> AnyView {
        view! { <PendingStep pending=pending on_done=on_done on_chosen=on_chosen /> }.into_any()
    }
}

/// Saves an imported draft as the import policy says (after a snapshot of the copy it replaces,
/// or under a new id beside an unreadable one); returns the draft as saved.
fn save_import(store: &Store, mut draft: Draft) -> Result<Draft, StoreError> {
    let existing = store.load(&draft.id)?;
    let expected = match arrival::saving(stored_as(&existing)) {
        Saving::Fresh => None,
        Saving::AfterSnapshot(old) => {
            store.snapshot(old, Reason::BeforeImport, now_ms())?;
            existing.as_ref().map(|l| l.raw.as_str())
        }
        Saving::UnderNewId => {
            draft.id = new_draft_id();
            None
        }
    };
    store.save(&draft, expected)?;
    Ok(draft)
}

/// The question or preview an import waits on, if any. `on_chosen` takes a draft of ours on to
/// its arrival.
#[component]
fn PendingStep(pending: RwSignal<Option<Pending>>, #[prop(into)] on_done: Callback<Draft>, on_chosen: Callback<Draft>) -> impl IntoView {
    move || pending.get().map(|p| match p {
        Pending::Choice(draft) => view! { <ImportChoice draft=draft pending=pending on_done=on_done /> }.into_any(),
        Pending::Conflict { incoming, existing } => view! {
            <ConflictPrompt incoming=incoming existing=existing pending=pending on_done=on_done />
        }.into_any(),
        Pending::Foreign { name, import } => view! {
            <ForeignPreview name=name import=*import pending=pending on_done=on_done />
        }.into_any(),
        Pending::Edited(edited) => view! { <EditedChoice edited=*edited pending=pending on_chosen=on_chosen /> }.into_any(),
    })
}

#[component]
fn ConflictPrompt(incoming: Draft, existing: Box<Draft>, pending: RwSignal<Option<Pending>>, #[prop(into)] on_done: Callback<Draft>) -> impl IntoView {
    let copy = incoming.clone();
    let replace = incoming.clone();
    view! {
        <section class="import-panel" role="region" aria-labelledby="conflict-heading">
            <h3 id="conflict-heading">{t("files.conflict.heading")}</h3>
            <p>{t_with(arrival::conflict_question(&existing, &format_local(existing.updated_ms)))}</p>
            <div class="button-row">
                <button type="button" class="button-primary" on:click=move |_| {
                    let mut copy = copy.clone();
                    copy.id = new_draft_id();
                    on_done.run(copy);
                }>{t("files.conflict.keep_both")}</button>
                <button type="button" class="button-secondary" on:click=move |_| on_done.run(replace.clone())>{t("files.conflict.replace")}</button>
                <ReviewButton draft=incoming pending=pending />
                <button type="button" class="button-quiet" on:click=move |_| pending.set(None)>{t("files.cancel")}</button>
            </div>
        </section>
    }
}

/// Opens an imported draft read-only, to comment on it, without storing it.
#[component]
fn ReviewButton(draft: Draft, pending: RwSignal<Option<Pending>>) -> impl IntoView {
    let route = Incoming::get();
    view! {
        <button type="button" class="button-secondary" on:click=move |_| {
            pending.set(None);
            route.open(Payload::Draft(draft.clone()));
        }>{t("files.review")}</button>
    }
}

#[component]
fn ImportChoice(draft: Draft, pending: RwSignal<Option<Pending>>, #[prop(into)] on_done: Callback<Draft>) -> impl IntoView {
    let add = draft.clone();
    view! {
        <section class="import-panel" role="region" aria-labelledby="choice-heading">
            <h3 id="choice-heading">{t_with(Msg::new("files.choice.heading").arg("title", draft.shown_title()))}</h3>
            <p>{t_with(arrival::unknown_question(&draft, &format_local(draft.updated_ms)))}</p>
            <div class="button-row">
                <button type="button" class="button-primary" on:click=move |_| on_done.run(add.clone())>{t("files.choice.add")}</button>
                <ReviewButton draft=draft pending=pending />
                <button type="button" class="button-quiet" on:click=move |_| pending.set(None)>{t("files.cancel")}</button>
            </div>
        </section>
    }
}

#[component]
fn ForeignPreview(name: String, import: ForeignImport, pending: RwSignal<Option<Pending>>, #[prop(into)] on_done: Callback<Draft>) -> impl IntoView {
    let on_kind = {
        let (name, import) = (name.clone(), import.clone());
        move |ev: leptos::ev::Event| {
            let value = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()).map(|s| s.value());
            if let Some(kind) = value.as_deref().and_then(Kind::from_code) {
                pending.set(Some(Pending::Foreign { name: name.clone(), import: Box::new(import.with_kind(kind, now_ms())) }));
            }
        }
    };
    let draft = import.draft.clone();
    let kind = import.draft.kind;
    let people = arrival::people_line(import.draft.details().co_facilitators.len());
    view! {
        <section class="import-panel" role="region" aria-labelledby="foreign-heading">
            <h3 id="foreign-heading">{t_with(Msg::new("files.foreign.heading").arg("name", &name))}</h3>
            <div class="field">
                <label class="field-label-small" for="import-kind">{t("files.foreign.template")}</label>
                <select id="import-kind" on:change=on_kind prop:value=kind.code()>
                    {Kind::ALL.into_iter().map(|k| view! { <option value=k.code() selected=k == kind>{t_with(k.msg())}</option> }).collect_view()}
                </select>
            </div>
            {import.title_from.map(|title| view! { <p>{t_with(Msg::new("files.foreign.title").arg("title", title))}</p> })}
            <ul class="placements">
                {import.placements.iter().map(arrival::placement_line).map(|(line, words)| view! {
                    <li>{t_with(line)}<span class="hint">{t_with(words)}</span></li>
                }).collect_view()}
                {people.map(|line| view! { <li>{t_with(line)}</li> })}
            </ul>
            {import.source.left_out.map(|note| view! { <p class="hint">{t_with(note)}</p> })}
            <p class="hint">{t("files.foreign.hint")}</p>
            <div class="button-row">
                <button type="button" class="button-primary" on:click=move |_| on_done.run(draft.clone())>{t("files.foreign.import")}</button>
                <button type="button" class="button-quiet" on:click=move |_| pending.set(None)>{t("files.cancel")}</button>
            </div>
        </section>
    }
}

/// Our DOCX, edited in a word processor: the edits or the copy as exported, with what differs.
#[component]
fn EditedChoice(edited: Edited, pending: RwSignal<Option<Pending>>, on_chosen: Callback<Draft>) -> impl IntoView {
    let changes = diff::changes(&edited.exported, &edited.edited);
    let Edited { exported, edited: with_edits, summary } = edited;
    view! {
        <section class="import-panel" role="region" aria-labelledby="edited-heading">
            <h3 id="edited-heading">{t_with(arrival::EDITED_HEADING.msg())}</h3>
            <p>{t_with(summary)}</p>
            <p class="hint">{t_with(arrival::EDITED_CHOICE.msg())}</p>
            <details class="edited-changes">
                <summary>{t("files.edited.differs")}</summary>
                <ChangedParts changes=changes heading_class="side-heading" />
            </details>
            <div class="button-row">
                <button type="button" class="button-primary" on:click=move |_| on_chosen.run(with_edits.clone())>{t("files.edited.keep")}</button>
                <button type="button" class="button-secondary" on:click=move |_| on_chosen.run(exported.clone())>{t("files.edited.exported")}</button>
                <button type="button" class="button-quiet" on:click=move |_| pending.set(None)>{t("files.cancel")}</button>
            </div>
        </section>
    }
}
