//! The editor: title, one Markdown field per template section, live counts, a live preview of
//! the whole document, and autosave.

use std::rc::Rc;

use leptos::prelude::*;

use super::preview::blocks_view;
use crate::browser::autosave::{Autosaver, SaveStatus};
use crate::browser::platform::{format_local_time, now_ms};
use crate::core::draft::Draft;
use crate::core::markdown::{self, Block};
use crate::core::template::SectionSpec;
use crate::core::words::count_words;

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
        let blocks = Memo::new(move |_| text.with(|t| markdown::parse(t)));
        let words = Memo::new(move |_| blocks.with(|b| count_words(&markdown::plain_text(b))));
        SectionState {
            index,
            spec: &template.sections[index],
            suggested_words: template.suggested_words(index),
            text,
            blocks,
            words,
        }
    }

    fn dom_id(&self, part: &str) -> String {
        format!("section-{}-{part}", self.spec.key)
    }
}

/// Edits one draft. `stored` says whether it already exists in storage; `on_close` returns to
/// the start screen after everything is saved.
#[component]
pub fn Editor(initial: Draft, stored: bool, #[prop(into)] on_close: Callback<()>) -> impl IntoView {
    let kind = initial.kind;
    let (status, set_status) = signal(if stored { SaveStatus::Saved(initial.updated_ms) } else { SaveStatus::Idle });
    let autosaver = Rc::new(Autosaver::new(&initial, stored, move |s| set_status.set(s)));
    let draft = RwSignal::new(initial);

    let saver = Rc::clone(&autosaver);
    // Syncs the draft with storage; the effect owns the autosaver, which flushes when dropped.
    Effect::new(move |_| saver.schedule(draft.get()));

    let sections: Vec<SectionState> =
        (0..kind.template().sections.len()).map(|index| SectionState::new(draft, index)).collect();
    let title = Memo::new(move |_| draft.with(|d| d.title.clone()));
    let title_words = Memo::new(move |_| title.with(|t| count_words(t)));
    let section_words: Vec<Memo<usize>> = sections.iter().map(|s| s.words).collect();
    let total_words = Memo::new(move |_| title_words.get() + section_words.iter().map(|w| w.get()).sum::<usize>());

    let close_saver = autosaver;
    let close = move |_| {
        close_saver.flush();
        on_close.run(());
    };

    view! {
        <header class="app-bar">
            <button type="button" class="button-quiet" on:click=close>"← All drafts"</button>
            <p class="app-bar-totals">
                <span class="total-words">{move || words_label(total_words.get())}" in total"</span>
                <SaveIndicator status=status />
            </p>
        </header>
        <SaveFailure status=status />
        <main class="editor">
            <div class="editor-form">
                <p class="eyebrow">{format!("Template: {}", kind.template().source)}</p>
                <h1 class="editor-kind">{kind.label()}</h1>
                <div class="field">
                    <label class="field-label" for="proposal-title">"Proposal title"</label>
                    <input
                        id="proposal-title"
                        class="title-input"
                        type="text"
                        autocomplete="off"
                        prop:value=move || title.get()
                        on:input:target=move |ev| {
                            let value = ev.target().value();
                            draft.update(|d| d.set_title(value, now_ms()));
                        }
                    />
                </div>
                {sections.iter().map(|&section| view! { <SectionField section=section draft=draft /> }).collect_view()}
            </div>
            <aside class="editor-side">
                <section class="preview" aria-labelledby="preview-heading">
                    <h2 id="preview-heading" class="side-heading">"Preview"</h2>
                    <article class="paper">
                        <h3 class="paper-title">{move || {
                            let t = title.get();
                            if t.trim().is_empty() { "Untitled proposal".to_owned() } else { t }
                        }}</h3>
                        {sections.iter().map(|&section| view! { <PreviewSection section=section /> }).collect_view()}
                    </article>
                </section>
            </aside>
        </main>
    }
}

#[component]
fn SectionField(section: SectionState, draft: RwSignal<Draft>) -> impl IntoView {
    let field_id = section.dom_id("text");
    let guidance_id = section.dom_id("guidance");
    let count_id = section.dom_id("count");
    let described_by = format!("{guidance_id} {count_id}");
    let suggested = section.suggested_words;
    let index = section.index;
    view! {
        <section class="section-field">
            <div class="section-head">
                <h2 class="section-heading"><label for=field_id.clone()>{section.spec.heading}</label></h2>
                {section.spec.optional.then(|| view! { <span class="tag">"Optional"</span> })}
            </div>
            <p class="guidance" id=guidance_id>{section.spec.guidance}</p>
            <textarea
                id=field_id
                class="section-input"
                rows="5"
                spellcheck="true"
                aria-describedby=described_by
                prop:value=move || section.text.get()
                on:input:target=move |ev| {
                    let value = ev.target().value();
                    draft.update(|d| d.set_section(index, value, now_ms()));
                }
            ></textarea>
            <p class="count" id=count_id>
                {move || words_label(section.words.get())}
                <span class="count-hint">{format!(" · aim for about {suggested}")}</span>
            </p>
        </section>
    }
}

#[component]
fn PreviewSection(section: SectionState) -> impl IntoView {
    let empty_note = if section.spec.optional { "Optional; left empty." } else { "Not written yet." };
    view! {
        <h4 class="paper-heading">{section.spec.heading}</h4>
        {move || {
            let blocks = section.blocks.get();
            if blocks.is_empty() {
                view! { <p class="paper-empty">{empty_note}</p> }.into_any()
            } else {
                blocks_view(blocks, 5)
            }
        }}
    }
}

#[component]
fn SaveIndicator(status: ReadSignal<SaveStatus>) -> impl IntoView {
    let label = move || match status.get() {
        SaveStatus::Idle => "Not saved yet: start typing".to_owned(),
        SaveStatus::Pending => "Saving…".to_owned(),
        SaveStatus::Saved(ms) => format!("Saved in this browser at {}", format_local_time(ms)),
        SaveStatus::Failed(_) => "Not saved".to_owned(),
    };
    view! { <span class="save-indicator">{label}</span> }
}

#[component]
fn SaveFailure(status: ReadSignal<SaveStatus>) -> impl IntoView {
    move || match status.get() {
        SaveStatus::Failed(error) => Some(view! {
            <div class="banner banner-error" role="alert">
                <p>
                    {format!("Your latest changes could not be saved: {error}. ")}
                    "Keep this tab open: your text is safe here, and saving is tried again at your next change."
                </p>
            </div>
        }),
        _ => None,
    }
}

fn words_label(words: usize) -> String {
    match words {
        1 => "1 word".to_owned(),
        n => format!("{n} words"),
    }
}
