//! The History panel: the draft's snapshots with time, reason and size; a read-only preview of
//! any of them, a comparison with the current text (by section, then by word), and restore.

use igf_core::model::diff::changes;
use igf_core::model::draft::Draft;
use igf_core::store::history::{Reason, Snapshot};
use igf_core::text::i18n::{Arg, Msg};
use igf_core::text::markdown;
use igf_core::text::words::describe_count;
use leptos::prelude::*;

use crate::browser::platform::{focus_element, format_local, now_ms};
use super::StoreHandle;
use super::chunk::on_demand;
use super::diff::ChangedParts;
use super::preview::blocks_view;
use super::words::{t, t_now, t_with};

/// What the panel shows below the list.
#[derive(Clone, Copy, PartialEq, Eq)]
enum View {
    Preview(u64),
    Compare(u64),
}

/// The panel's state, shared by the list and the snapshot shown below it.
#[derive(Clone, Copy)]
struct History {
    draft: RwSignal<Draft>,
    store: StoreHandle,
    snapshots: Memo<Vec<Snapshot>>,
    /// Bumped after each change to the snapshots, to read them again.
    version: RwSignal<u32>,
    shown: RwSignal<Option<View>>,
    notice: RwSignal<Option<String>>,
}

impl History {
    fn find(self, taken_ms: u64) -> Option<Snapshot> {
        self.snapshots.with(|list| list.iter().find(|s| s.taken_ms == taken_ms).cloned())
    }

    fn save_now(self) {
        let result = self.draft.with_untracked(|d| self.store.with_value(|s| s.snapshot(d, Reason::Manual, now_ms())));
        self.version.update(|v| *v += 1);
        self.notice.set(Some(match result {
            Ok(()) => t_now(&Msg::new("history.saved")),
            Err(e) => t_now(&Msg::new("history.save_failed").arg("error", e.msg())),
        }));
    }

    /// Puts a snapshot's text back; the current text becomes the newest snapshot first.
    fn restore(self, taken_ms: u64) {
        let Some(snapshot) = self.find(taken_ms) else { return };
        let Ok(older) = snapshot.decode_draft() else {
            return self.notice.set(Some(t_now(&Msg::new("history.unreadable"))));
        };
        let kept = self.draft.with_untracked(|d| self.store.with_value(|s| s.snapshot(d, Reason::BeforeReplace, now_ms())));
        match kept {
            Ok(()) => {
                self.draft.update(|d| d.replace_content(&older, now_ms()));
                self.version.update(|v| *v += 1);
                self.shown.set(None);
                self.notice.set(Some(t_now(&Msg::new("history.restored").arg("when", format_local(snapshot.taken_ms)))));
                focus_element("history-notice");
            }
            Err(e) => self.notice.set(Some(t_now(&Msg::new("history.restore_failed").arg("error", e.msg())))),
        }
    }
}

on_demand! {
    /// The History panel, from its chunk.
    history: pub fn history_panel(draft: RwSignal<Draft>) -> AnyView {
        view! { <HistoryPanel draft=draft /> }.into_any()
    }
}

#[component]
fn HistoryPanel(draft: RwSignal<Draft>) -> impl IntoView {
    let store = expect_context::<StoreHandle>();
    let version = RwSignal::new(0u32);
    let id = draft.with_untracked(|d| d.id.clone());
    let snapshots = Memo::new(move |_| {
        version.track();
        let mut list = store.with_value(|s| s.snapshots(&id)).unwrap_or_default();
        list.reverse();
        list
    });
    let history = History { draft, store, snapshots, version, shown: RwSignal::new(None), notice: RwSignal::new(None) };
    view! {
        <section class="history" aria-labelledby="history-heading">
            <h2 id="history-heading" class="side-heading">{t("editor.history")}</h2>
            <p class="hint">{t("history.hint")}</p>
            <button type="button" class="button-secondary" on:click=move |_| history.save_now()>{t("history.save_now")}</button>
            <p id="history-notice" class="history-notice" role="status" tabindex="-1">{move || history.notice.get()}</p>
            <Show when=move || snapshots.with(|l| !l.is_empty())
                fallback=|| view! { <p class="muted">{t("history.empty")}</p> }>
                <ul class="snapshot-list" aria-label=t("history.list")>
                    {move || snapshots.get().into_iter().map(|snapshot| view! { <SnapshotItem snapshot=snapshot history=history /> }).collect_view()}
                </ul>
            </Show>
            <ShownSnapshot history=history />
        </section>
    }
}

/// One snapshot in the list: when, why, how long, and its three actions.
#[component]
fn SnapshotItem(snapshot: Snapshot, history: History) -> impl IntoView {
    let taken = snapshot.taken_ms;
    let when = format_local(taken);
    let words = snapshot.decode_draft().map_or_else(|_| Msg::new("history.words_unreadable"), |d| describe_count(d.total_words()));
    let size = Msg::new("size.kb").arg("count", Arg::decimal(snapshot.bytes() as f64 / 1024.0, 1));
    let label = Msg::new("history.item").arg("when", &when).arg("reason", snapshot.reason.label()).arg("words", words).arg("size", size);
    let which = Msg::new("history.which").arg("when", when);
    let shows = move |view: View| move || (history.shown.get() == Some(view)).to_string();
    view! {
        <li class="snapshot">
            <span>{t_with(label)}</span>
            <span class="button-row">
                <button type="button" class="button-quiet" aria-pressed=shows(View::Preview(taken))
                    on:click=move |_| history.shown.set(Some(View::Preview(taken)))>
                    {t("history.preview")}<span class="visually-hidden">{t_with(which.clone())}</span>
                </button>
                <button type="button" class="button-quiet" aria-pressed=shows(View::Compare(taken))
                    on:click=move |_| history.shown.set(Some(View::Compare(taken)))>
                    {t("history.compare")}<span class="visually-hidden">{t_with(which.clone())}</span>
                </button>
                <button type="button" class="button-quiet" on:click=move |_| history.restore(taken)>
                    {t("history.restore")}<span class="visually-hidden">{t_with(which)}</span>
                </button>
            </span>
        </li>
    }
}

/// The snapshot chosen in the list, previewed or compared with now.
#[component]
fn ShownSnapshot(history: History) -> impl IntoView {
    move || {
        history.shown.get().and_then(|view| {
            let taken = match view {
                View::Preview(t) | View::Compare(t) => t,
            };
            let older = history.find(taken)?.decode_draft().ok()?;
            Some(match view {
                View::Preview(_) => view! { <SnapshotPreview draft=older taken=taken /> }.into_any(),
                View::Compare(_) => history.draft.with(|now| view! { <Comparison older=older current=now.clone() taken=taken /> }).into_any(),
            })
        })
    }
}

#[component]
fn SnapshotPreview(draft: Draft, taken: u64) -> impl IntoView {
    let sections: Vec<(&'static str, String)> =
        draft.template().sections.iter().enumerate().map(|(i, spec)| (spec.heading, draft.section(i).to_owned())).collect();
    view! {
        <article class="paper snapshot-preview" lang="en" dir="ltr" aria-label=t_with(Msg::new("history.snapshot").arg("when", format_local(taken)))>
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
    let changed = changes(&older, &current);
    let title = Msg::new("history.changes").arg("when", format_local(taken));
    let label = t_with(title.clone());
    view! {
        <div class="comparison" role="region" aria-label=label>
            <h3 class="side-heading">{t_with(title)}</h3>
            {changed.is_empty().then(|| view! { <p>{t("history.same")}</p> })}
            <ChangedParts changes=changed heading_class="paper-heading" />
        </div>
    }
}
