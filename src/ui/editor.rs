//! The editor: title, one Markdown field per template section, the structured details, live
//! counts and checks, a live preview of the whole document, and autosave.

use std::rc::Rc;
use std::sync::{Arc, Mutex, PoisonError};

use igf_core::checks::calm::{self, calm};
use igf_core::checks::{Checker, Report, Target};
use igf_core::checks::status::{SectionStatus, section_status};
use igf_core::formats::paste;
use igf_core::model::draft::Draft;
use igf_core::model::settings::Settings;
use igf_core::model::template::SectionSpec;
use igf_core::store::{Loaded, StoreError};
use igf_core::store::history::Reason;
use igf_core::text::markdown::{self, Block};
use igf_core::text::i18n::Msg;
use igf_core::text::words::describe_count;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser::autosave::{Autosaver, SaveStatus};
use crate::browser::paste as clipboard;
use crate::browser::worker;
use crate::browser::platform::{Debounce, caret_of, format_local_time, new_draft_id, now_ms, today};
use super::{Navigator, StoreHandle};
use super::checks::{ChecksPanel, FieldFindings, Touched, dom_id};
use super::details::{CoFacilitatorList, CodeOfConduct, SubmissionDetails, TimeframeDates};
use super::files::ExportMenu;
use super::chunk::OnDemand;
use super::history::history_panel;
use super::language::LanguageSelect;
use super::library::download_backup;
use super::pages::{ChecksButton, PagesToggle, Side, SidePanel, pages_memo, pages_view};
use super::preview::blocks_view;
use super::received::{Received, ReceivedComments, ReviewsPanel};
use super::share::ShareButton;
use super::words::{t, t_now, t_with};

/// Live, memoised state of one section: recomputed only when that section's text changes.
#[derive(Clone, Copy)]
struct SectionState {
    index: usize,
    spec: &'static SectionSpec,
    suggested_words: u32,
    text: Memo<String>,
    blocks: Memo<Vec<Block>>,
    words: Memo<usize>,
}

impl SectionState {
    fn new(draft: RwSignal<Draft>, index: usize) -> SectionState {
        let template = draft.with_untracked(|d| d.template());
        let text = Memo::new(move |_| draft.with(|d| d.section(index).to_owned()));
        // The text the preview shows: the latest, or for a very long section the latest once
        // typing pauses, so its preview is not rebuilt at every key.
        let previewed = RwSignal::new(text.get_untracked());
        let pause = Debounce::new(markdown::PREVIEW_PAUSE_MS);
        Effect::new(move |_| {
            let latest = text.get();
            if markdown::preview_waits_for_pause(&latest) {
                pause.call(move || previewed.set(latest));
            } else {
                pause.cancel();
                previewed.set(latest);
            }
        });
        let blocks = Memo::new(move |_| previewed.with(|t| markdown::parse(t)));
        // The draft keeps each section's word count up to date as the text changes.
        let words = Memo::new(move |_| draft.with(|d| d.section_words(index)));
        SectionState {
            index,
            spec: &template.sections[index],
            suggested_words: template.suggested_words(index),
            text,
            blocks,
            words,
        }
    }
}

/// Edits one draft. `known` is the stored text it was read from (`None` for a new draft).
#[component]
pub fn Editor(initial: Draft, known: Option<String>) -> impl IntoView {
    let kind = initial.kind;
    let store = expect_context::<StoreHandle>().get_value();
    let navigator = expect_context::<Navigator>();
    let initial_status = if known.is_some() { SaveStatus::Saved(initial.updated_ms) } else { SaveStatus::Idle };
    let (status, set_status) = signal(initial_status);
    let autosaver = Rc::new(Autosaver::new(store, &initial, known, move |s| set_status.set(s)));
    let draft = RwSignal::new(initial);

    let saver = Rc::clone(&autosaver);
    // Syncs the draft with storage.
    Effect::new(move |_| saver.schedule(draft.get()));
    // Leaving the editor (another screen, a link opened in this tab) writes what is pending first.
    // (Cleanups run before the owner's values are dropped, so the handle still reads.)
    let leaving = StoredValue::new_local(autosaver);
    on_cleanup(move || {
        leaving.try_with_value(|saver| saver.flush());
    });

    let settings = use_context::<RwSignal<Settings>>().unwrap_or_else(|| RwSignal::new(Settings::default()));
    let today = today();
    // The checker keeps each section's layout, so a keystroke lays out only the edited section,
    // once for the checks and the pages both.
    let checker = Arc::new(Mutex::new(Checker::default()));
    let checking = Arc::clone(&checker);
    let live = Memo::new(move |_| {
        let mut checker = checking.lock().unwrap_or_else(PoisonError::into_inner);
        draft.with(|d| checker.check(d, today, &settings.get()))
    });
    // What the author sees: new findings wait for a pause in typing (exports take the live report).
    let typing = RwSignal::new(false);
    let report = Memo::new(move |shown: Option<&Report>| live.with(|r| calm(r, shown, typing.get())));
    let touched = Touched::new();
    provide_context(touched);
    Received::provide(draft);

    let sections: Vec<SectionState> =
        (0..kind.template().sections.len()).map(|index| SectionState::new(draft, index)).collect();
    let panel = SidePanel::new();
    provide_context(panel);
    // The section field being edited, and where its caret is, for the pages to follow.
    let caret = RwSignal::new(None::<(usize, u32)>);
    let pages = pages_memo(draft, live, checker, panel.side);

    let close = Callback::new(move |()| {
        leaving.with_value(|saver| saver.flush());
        navigator.start();
    });
    let history_open = RwSignal::new(false);
    view! {
        <EditorBar draft=draft report=live status=status history_open=history_open panel=panel on_close=close />
        <SaveFailure status=status draft=draft />
        <main class="editor" class:sheet-open=move || panel.sheet.get() class:side-pages=move || panel.side.get() == Side::Pages>
            <EditorForm draft=draft report=report sections=sections.clone() touched=touched typing=typing caret=caret />
            <EditorSide draft=draft report=report live=live sections=sections history_open=history_open panel=panel pages=pages caret=caret />
        </main>
    }
}

/// The app bar: back to the drafts, the total and the save state, the checks and the pages
/// (at the bottom of a narrow screen), and History, Export and Share (in a menu there).
#[component]
fn EditorBar(
    draft: RwSignal<Draft>,
    report: Memo<Report>,
    status: ReadSignal<SaveStatus>,
    history_open: RwSignal<bool>,
    panel: SidePanel,
    on_close: Callback<()>,
) -> impl IntoView {
    let total_words = Memo::new(move |_| draft.with(|d| d.total_words()));
    let menu_open = RwSignal::new(false);
    view! {
        <header class="app-bar">
            <button type="button" class="button-quiet" on:click=move |_| on_close.run(())>{t("editor.back")}</button>
            <p class="app-bar-totals">
                <span class="total-words">{move || t_now(&Msg::new("editor.total_words").arg("words", describe_count(total_words.get())))}</span>
                <SaveIndicator status=status />
            </p>
            <div class="app-bar-end">
                <div class="view-switch" role="group" aria-label=t("editor.view_switch")>
                    <ChecksButton panel=panel report=report />
                    <PagesToggle panel=panel report=report />
                </div>
                <div class="bar-menu" on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    if ev.key() == "Escape" && menu_open.get_untracked() && !ev.default_prevented() {
                        menu_open.set(false);
                    }
                }>
                    <button type="button" class="button-secondary menu-button" aria-expanded=move || menu_open.get().to_string()
                        aria-controls="bar-actions" on:click=move |_| menu_open.update(|o| *o = !*o)>{t("editor.menu")}</button>
                    <div id="bar-actions" class="button-row bar-actions" class:open=move || menu_open.get()>
                        // On a narrow screen the history is in the side: it opens as a sheet.
                        <button type="button" class="button-secondary" aria-expanded=move || history_open.get().to_string()
                            aria-controls="history-panel" on:click=move |_| {
                                history_open.update(|o| *o = !*o);
                                if history_open.get_untracked() {
                                    panel.sheet.set(true);
                                }
                            }>{t("editor.history")}</button>
                        <ExportMenu draft=draft report=report />
                        <ShareButton draft=draft report=report />
                        <LanguageSelect id="language-editor" />
                    </div>
                </div>
            </div>
        </header>
    }
}

/// The form: the title, each section, the details and the Code of Conduct, with the reviews.
#[component]
fn EditorForm(draft: RwSignal<Draft>, report: Memo<Report>, sections: Vec<SectionState>, touched: Touched, typing: RwSignal<bool>, caret: RwSignal<Option<(usize, u32)>>) -> impl IntoView {
    let kind = draft.with_untracked(|d| d.kind);
    let pause = Debounce::new(calm::PAUSE_MS);
    // Which section field an event came from, and where its caret is.
    let field_ids: Vec<String> = sections.iter().map(|s| dom_id(Target::Section(s.spec.key))).collect();
    let follow = move |target: Option<web_sys::EventTarget>| {
        let Some((id, at)) = caret_of(target) else { return };
        if let Some(index) = field_ids.iter().position(|f| *f == id) && caret.get_untracked() != Some((index, at)) {
            caret.set(Some((index, at)));
        }
    };
    let follow_focus = follow.clone();
    view! {
        <div class="editor-form"
            on:input=move |ev| {
                if !typing.get_untracked() {
                    typing.set(true);
                }
                // The editor may be gone when the pause ends.
                pause.call(move || {
                    typing.try_set(false);
                });
                follow(ev.target());
            }
            on:focusin=move |ev| follow_focus(ev.target())
            on:focusout=move |ev| {
                if let Some(element) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                    touched.mark(element.id());
                }
            }
            on:pointerdown=move |_| touched.pointer_pressed()
            // Delegated clicks reach the form after the button's own handler.
            on:click=move |_| touched.pointer_released()
            on:pointercancel=move |_| touched.pointer_released()
        >
            <p class="eyebrow">{t_with(Msg::new("editor.template").arg("source", kind.template().source))}</p>
            <h1 class="editor-kind">{t_with(kind.msg())}</h1>
            <ReviewsPanel />
            <TitleField draft=draft report=report />
            <SubmissionDetails draft=draft report=report />
            {sections.into_iter().map(|section| view! { <SectionField section=section draft=draft report=report /> }).collect_view()}
            {(!kind.is_bpf()).then(|| view! {
                <section class="details-card">
                    <CoFacilitatorList draft=draft report=report heading=Msg::new("details.people.proposed") />
                </section>
            })}
            <CodeOfConduct draft=draft report=report />
        </div>
    }
}

#[component]
fn TitleField(draft: RwSignal<Draft>, report: Memo<Report>) -> impl IntoView {
    let title = Memo::new(move |_| draft.with(|d| d.title.clone()));
    let target = Target::Title;
    let findings = format!("{}-findings", dom_id(target));
    view! {
        <div class="field">
            <label class="field-label" for="proposal-title">{t("editor.title.label")}</label>
            <input
                id="proposal-title"
                dir="auto"
                class="title-input"
                type="text"
                autocomplete="off"
                aria-describedby=findings.clone()
                prop:value=move || title.get()
                on:input:target=move |ev| {
                    let value = ev.target().value();
                    draft.update(|d| d.set_title(value, now_ms()));
                }
            />
            <FieldFindings report=report target=target id=findings />
        </div>
    }
}

/// The side panel: History when open, then the checks and the live preview, or the pages.
#[component]
fn EditorSide(
    draft: RwSignal<Draft>,
    report: Memo<Report>,
    live: Memo<Report>,
    sections: Vec<SectionState>,
    history_open: RwSignal<bool>,
    panel: SidePanel,
    pages: Memo<Vec<igf_core::layout::view::Page>>,
    caret: RwSignal<Option<(usize, u32)>>,
) -> impl IntoView {
    let preview_title = Memo::new(move |_| draft.with(Draft::preview_title));
    let checks = move || {
        let sections = sections.clone();
        view! {
            <ChecksPanel report=report draft=draft />
            <section class="preview" aria-labelledby="preview-heading">
                <h2 id="preview-heading" class="side-heading">{t("editor.preview.heading")}</h2>
                <article class="paper" lang="en" dir="ltr">
                    <h3 class="paper-title">{move || preview_title.get()}</h3>
                    {sections.into_iter().map(|section| view! { <PreviewSection section=section /> }).collect_view()}
                </article>
            </section>
        }
    };
    view! {
        <aside class="editor-side" id="editor-side" aria-label=t("editor.side") on:keydown=move |ev: leptos::ev::KeyboardEvent| {
            if ev.key() == "Escape" && !ev.default_prevented() {
                panel.close_sheet();
            }
        }>
            <div id="history-panel" hidden=move || !history_open.get()>
                {move || history_open.get().then(|| view! { <OnDemand load=move || history_panel(draft) /> })}
            </div>
            {move || match panel.side.get() {
                Side::Pages => view! { <OnDemand load=move || pages_view(draft, live, pages, caret, panel) /> }.into_any(),
                Side::Checks => checks().into_any(),
            }}
        </aside>
    }
}

#[component]
fn SectionField(section: SectionState, draft: RwSignal<Draft>, report: Memo<Report>) -> impl IntoView {
    let key = section.spec.key;
    let target = Target::Section(key);
    let field_id = dom_id(target);
    let guidance_id = format!("section-{key}-guidance");
    let count_id = format!("section-{key}-count");
    let findings_id = format!("section-{key}-findings");
    let described_by = format!("{guidance_id} {count_id} {findings_id}");
    let suggested = section.suggested_words;
    let index = section.index;
    let optional = section.spec.optional;
    let status = move || section.text.with(|t| report.with(|r| section_status(r, key, t, optional)));
    let readability = Memo::new(move |_| report.with(|r| r.readability_note(index)));
    // Ctrl+Shift+V asks for plain text: the paste event itself looks the same.
    let plain_paste = StoredValue::new(false);
    view! {
        <section class="section-field">
            <div class="section-head">
                <h2 class="section-heading" lang="en"><label for=field_id.clone()>{section.spec.heading}</label></h2>
                {optional.then(|| view! { <span class="tag">{t("editor.section.optional")}</span> })}
                {move || status().map(|s: SectionStatus| view! { <span class="tag tag-status" data-status=s.label()>{t_with(s.msg())}</span> })}
            </div>
            <p class="guidance" id=guidance_id>{t_with(section.spec.guidance.msg())}</p>
            <textarea
                id=field_id
                dir="auto"
                class="section-input"
                rows="5"
                spellcheck="true"
                aria-describedby=described_by
                prop:value=move || section.text.get()
                on:input:target=move |ev| {
                    let value = ev.target().value();
                    draft.update(|d| d.set_section(index, value, now_ms()));
                }
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    plain_paste.set_value(paste::is_plain_paste_shortcut(&ev.key(), ev.ctrl_key() || ev.meta_key(), ev.shift_key()));
                }
                on:paste=move |ev: leptos::ev::ClipboardEvent| {
                    let plain = plain_paste.try_get_value().unwrap_or(false);
                    plain_paste.set_value(false);
                    let html = (!plain).then(|| clipboard::html_of(&ev)).flatten();
                    let field = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok());
                    let (Some(html), Some(field)) = (html, field) else { return };
                    // Rich text becomes Markdown (in the office worker), inserted as typing is,
                    // so one undo takes it back; without Markdown, the plain text goes in.
                    ev.prevent_default();
                    let text = clipboard::plain_of(&ev);
                    leptos::task::spawn_local(async move {
                        let markdown = worker::convert_paste(&html).await;
                        clipboard::insert_into(&field, &markdown.unwrap_or(text));
                    });
                }
            ></textarea>
            <p class="count" id=count_id>
                {move || t_now(&describe_count(section.words.get()))}
                <span class="count-hint">{t_with(Msg::new("editor.section.aim").arg("words", suggested))}</span>
                {move || readability.get().map(|note| view! { <span class="count-hint count-readability">{t_with(Msg::new("editor.section.readability").arg("note", note))}</span> })}
            </p>
            <FieldFindings report=report target=target id=findings_id />
            {(key == "timeframe").then(|| view! { <TimeframeDates draft=draft report=report /> })}
            {(key == "co-facilitators").then(|| view! { <CoFacilitatorList draft=draft report=report heading=Msg::new("details.people.heading") /> })}
            <ReceivedComments key=Some(key) />
        </section>
    }
}

#[component]
fn PreviewSection(section: SectionState) -> impl IntoView {
    let empty_note = if section.spec.optional { Msg::new("editor.preview.optional_empty") } else { Msg::new("editor.preview.not_written") };
    view! {
        <h4 class="paper-heading">{section.spec.heading}</h4>
        {move || {
            let blocks = section.blocks.get();
            if blocks.is_empty() {
                view! { <p class="paper-empty">{t_now(&empty_note)}</p> }.into_any()
            } else {
                blocks_view(blocks, 5)
            }
        }}
    }
}

#[component]
fn SaveIndicator(status: ReadSignal<SaveStatus>) -> impl IntoView {
    let label = move || match status.get() {
        SaveStatus::Idle => t_now(&Msg::new("editor.save.idle")),
        SaveStatus::Pending => t_now(&Msg::new("editor.save.pending")),
        SaveStatus::Saved(ms) => t_now(&Msg::new("editor.save.saved").arg("time", format_local_time(ms))),
        SaveStatus::Failed(_) => t_now(&Msg::new("editor.save.failed")),
    };
    view! { <span class="save-indicator">{label}</span> }
}

/// Why the latest changes are not saved, and what the author can do; the text stays in the tab.
#[component]
fn SaveFailure(status: ReadSignal<SaveStatus>, draft: RwSignal<Draft>) -> impl IntoView {
    move || match status.get() {
        SaveStatus::Failed(error @ (StoreError::ChangedElsewhere | StoreError::DeletedElsewhere)) => {
            Some(view! { <OtherTabBanner deleted=error == StoreError::DeletedElsewhere draft=draft /> }.into_any())
        }
        SaveStatus::Failed(error) => Some(view! { <WriteFailedBanner error=error draft=draft /> }.into_any()),
        _ => None,
    }
}

/// Another tab changed or deleted the draft, so this tab stopped saving: show the latest
/// version (this tab's text goes into the history first) or save this tab's text as a copy.
#[component]
fn OtherTabBanner(deleted: bool, draft: RwSignal<Draft>) -> impl IntoView {
    let store = expect_context::<StoreHandle>();
    let navigator = expect_context::<Navigator>();
    let (note, set_note) = signal(None::<String>);
    let show_latest = move |_| {
        let current = draft.get_untracked();
        let outcome = store.with_value(|s| {
            s.snapshot(&current, Reason::BeforeReplace, now_ms())?;
            s.load(&current.id)
        });
        match outcome {
            Ok(Some(Loaded { raw, draft: Ok(latest) })) => navigator.open(latest, Some(raw)),
            Ok(_) => set_note.set(Some(t_now(&Msg::new("editor.other_tab.unopenable")))),
            Err(e) => set_note.set(Some(t_now(&Msg::new("editor.other_tab.not_kept").arg("error", e.msg())))),
        }
    };
    let save_copy = move |_| {
        let copy = draft.with_untracked(|d| d.duplicate(new_draft_id(), now_ms()));
        match store.with_value(|s| s.save(&copy, None)) {
            Ok(raw) => navigator.open(copy, Some(raw)),
            Err(e) => set_note.set(Some(t_now(&Msg::new("editor.other_tab.copy_failed").arg("error", e.msg())))),
        }
    };
    view! {
        <div class="banner banner-warning" role="alert">
            <p>{if deleted { t("editor.other_tab.deleted") } else { t("editor.other_tab.changed") }}</p>
            <div class="button-row">
                {(!deleted).then(|| view! {
                    <button type="button" class="button-primary" on:click=show_latest>{t("editor.other_tab.show_latest")}</button>
                })}
                <button type="button" class="button-secondary" on:click=save_copy>{t("editor.other_tab.save_copy")}</button>
            </div>
            <p>{note}</p>
        </div>
    }
}

/// A write failed (full storage, a refusal): saving is retried; a backup makes sure.
#[component]
fn WriteFailedBanner(error: StoreError, draft: RwSignal<Draft>) -> impl IntoView {
    let store = expect_context::<StoreHandle>();
    let (note, set_note) = signal(None::<String>);
    let download_backup = move |_| {
        set_note.set(Some(draft.with_untracked(|d| store.with_value(|s| download_backup(s, Some(d))))));
    };
    view! {
        <div class="banner banner-error" role="alert">
            <p>
                {t_with(Msg::new("editor.write_failed").arg("error", error.msg()))}
            </p>
            <div class="button-row">
                <button type="button" class="button-primary" on:click=download_backup>{t("editor.write_failed.backup")}</button>
            </div>
            <p>{note}</p>
        </div>
    }
}
