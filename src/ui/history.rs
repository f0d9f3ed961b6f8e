//! The History panel: the draft's snapshots with time, reason and size; a read-only preview of
//! any of them, a comparison with the current text (by section, then by word), and restore.

use leptos::prelude::*;

use super::preview::blocks_view;
use super::StoreHandle;
use crate::browser::platform::{focus_element, format_local, now_ms};
use igf_codecs::decimal;
use igf_core::model::diff::Change;
use igf_core::model::diff::Piece;
use igf_core::model::diff::diff_sections;
use igf_core::model::draft::Draft;
use igf_core::text::markdown;
use igf_core::store::history::Reason;
use igf_core::store::history::Snapshot;
use igf_core::text::words::describe_count;

/// What the panel shows below the list.
#[derive(Clone, Copy, PartialEq, Eq)]
enum View {
    Preview(u64),
    Compare(u64),
}

#[component]
pub fn HistoryPanel(draft: RwSignal<Draft>) -> impl IntoView {
    let store = expect_context::<StoreHandle>();
    let version = RwSignal::new(0u32);
    let (notice, set_notice) = signal(None::<String>);
    let shown = RwSignal::new(None::<View>);
    let id = draft.with_untracked(|d| d.id.clone());
    let snapshots = Memo::new(move |_| {
        version.track();
        let mut list = store.with_value(|s| s.snapshots(&id)).unwrap_or_default();
        list.reverse();
        list
    });
    let find = move |taken_ms: u64| snapshots.with(|list| list.iter().find(|s| s.taken_ms == taken_ms).cloned());

    let save_now = move |_| {
        let result = draft.with_untracked(|d| store.with_value(|s| s.snapshot(d, Reason::Manual, now_ms())));
        version.update(|v| *v += 1);
        set_notice.set(Some(match result {
            Ok(()) => "A snapshot of the current text was saved.".to_owned(),
            Err(e) => format!("The snapshot could not be saved because {e}. Your draft itself is not affected."),
        }));
    };
    let restore = move |snapshot: Snapshot| {
        let Ok(older) = snapshot.decode_draft() else {
            return set_notice.set(Some("This snapshot cannot be read, so it cannot be restored.".to_owned()));
        };
        let kept = draft.with_untracked(|d| store.with_value(|s| s.snapshot(d, Reason::BeforeReplace, now_ms())));
        match kept {
            Ok(()) => {
                draft.update(|d| d.replace_content(&older, now_ms()));
                version.update(|v| *v += 1);
                shown.set(None);
                set_notice.set(Some(format!(
                    "The text from {} is back. What you had before is the newest snapshot, in case you want it again.",
                    format_local(snapshot.taken_ms)
                )));
                focus_element("history-notice");
            }
            Err(e) => set_notice.set(Some(format!(
                "Nothing was restored: the current text could not be kept in history first because {e}. Free some space (for example, empty the trash) and try again."
            ))),
        }
    };

    view! {
        <section class="history" aria-labelledby="history-heading">
            <h2 id="history-heading" class="side-heading">"History"</h2>
            <p class="hint">"Snapshots are taken every few minutes while you write, after large changes, and before an import or restore replaces your text."</p>
            <button type="button" class="button-secondary" on:click=save_now>"Save a snapshot now"</button>
            <p id="history-notice" class="history-notice" role="status" tabindex="-1">{notice}</p>
            <Show when=move || snapshots.with(|l| !l.is_empty())
                fallback=|| view! { <p class="muted">"No snapshots yet."</p> }>
                <ul class="snapshot-list" aria-label="Snapshots">
                    {move || snapshots.get().into_iter().map(|snapshot| {
                        let taken = snapshot.taken_ms;
                        let when = format_local(taken);
                        let words = snapshot.decode_draft().map(|d| describe_count(d.total_words())).unwrap_or_else(|_| "unreadable".into());
                        let size = format!("{} KB", decimal::fixed(snapshot.bytes() as f64 / 1024.0, 1));
                        let label = format!("{when} · {} · {words} · {size}", snapshot.reason.label());
                        let (when_a, when_b, when_c) = (when.clone(), when.clone(), when);
                        view! {
                            <li class="snapshot">
                                <span>{label}</span>
                                <span class="button-row">
                                    <button type="button" class="button-quiet" aria-pressed=move || (shown.get() == Some(View::Preview(taken))).to_string()
                                        on:click=move |_| shown.set(Some(View::Preview(taken)))>
                                        "Preview"<span class="visually-hidden">{format!(" the snapshot of {when_a}")}</span>
                                    </button>
                                    <button type="button" class="button-quiet" aria-pressed=move || (shown.get() == Some(View::Compare(taken))).to_string()
                                        on:click=move |_| shown.set(Some(View::Compare(taken)))>
                                        "Compare with now"<span class="visually-hidden">{format!(" the snapshot of {when_b}")}</span>
                                    </button>
                                    <button type="button" class="button-quiet" on:click=move |_| {
                                        if let Some(snapshot) = find(taken) {
                                            restore(snapshot);
                                        }
                                    }>"Restore"<span class="visually-hidden">{format!(" the snapshot of {when_c}")}</span></button>
                                </span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Show>
            {move || shown.get().and_then(|view| {
                let taken = match view { View::Preview(t) | View::Compare(t) => t };
                let older = find(taken)?.decode_draft().ok()?;
                Some(match view {
                    View::Preview(_) => view! { <SnapshotPreview draft=older taken=taken /> }.into_any(),
                    View::Compare(_) => draft.with(|now| view! { <Comparison older=older current=now.clone() taken=taken /> }).into_any(),
                })
            })}
        </section>
    }
}

#[component]
fn SnapshotPreview(draft: Draft, taken: u64) -> impl IntoView {
    let sections: Vec<(&'static str, String)> =
        draft.template().sections.iter().enumerate().map(|(i, spec)| (spec.heading, draft.section(i).to_owned())).collect();
    view! {
        <article class="paper snapshot-preview" aria-label=format!("Snapshot of {}, read-only", format_local(taken))>
            <h3 class="paper-title">{draft.display_title()}</h3>
            {sections.into_iter().map(|(heading, text)| view! {
                <h4 class="paper-heading">{heading}</h4>
                {blocks_view(markdown::parse(&text), 5)}
            }).collect_view()}
        </article>
    }
}

#[component]
fn Comparison(older: Draft, current: Draft, taken: u64) -> impl IntoView {
    let changed: Vec<_> = diff_sections(&older, &current).into_iter().filter(|d| d.change != Change::Unchanged).collect();
    view! {
        <div class="comparison" role="region" aria-label=format!("Changes since {}", format_local(taken))>
            <h3 class="side-heading">{format!("Changes since {}", format_local(taken))}</h3>
            {changed.is_empty().then(|| view! { <p>"The text is the same as in this snapshot."</p> })}
            {changed.into_iter().map(|section| view! {
                <h4 class="paper-heading">{section.heading}</h4>
                {match section.change {
                    Change::Text(pieces) => view! { <p class="diff">{pieces.into_iter().map(piece_view).collect_view()}</p> }.into_any(),
                    _ => view! { <p class="diff">"Changed (dates, people or the Code of Conduct)."</p> }.into_any(),
                }}
            }).collect_view()}
        </div>
    }
}

fn piece_view(piece: Piece) -> AnyView {
    match piece {
        Piece::Same(text) => text.into_any(),
        Piece::Added(text) => view! { <ins><span class="visually-hidden">"added: "</span>{text}</ins> }.into_any(),
        Piece::Removed(text) => view! { <del><span class="visually-hidden">"removed: "</span>{text}</del> }.into_any(),
    }
}
