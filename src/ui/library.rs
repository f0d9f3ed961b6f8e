//! The drafts library on the start screen: the list named "Drafts" with open, rename,
//! duplicate and delete (to a trash, with undo), sorting and filtering; backup and restore;
//! stored values that cannot be opened; and the state of the browser's storage.

use igf_core::model::draft::{Draft, DraftId};
use igf_core::model::settings::Settings;
use igf_core::store::{NewerDraft, Quarantined, Store, StoreError, Trashed, backup};
use igf_core::store::catalog::{SortOrder, Summary, arrange, filter_outcome};
use igf_core::text::i18n::{Arg, Msg};
use igf_core::text::words::describe_count;
use leptos::html::Input;
use leptos::prelude::*;

use crate::browser::{files, storage};
use crate::browser::platform::{focus_after_render, format_local, new_draft_id, now_ms, today};
use super::{Navigator, StoreHandle};
use super::chunk::{self, Work, on_demand};
use super::files::ImportButton;
use super::words::{t, t_arg, t_now, t_with};

/// Everything the library shows, read again after each change.
#[derive(Clone, Default)]
struct Shelf {
    summaries: Vec<Summary>,
    newer: Vec<NewerDraft>,
    quarantined: Vec<Quarantined>,
    stuck: Vec<(String, Msg)>,
    trash: Vec<(DraftId, Arg, u64)>,
    error: Option<StoreError>,
}

impl Shelf {
    fn read(store: &Store, settings: &Settings) -> Shelf {
        let listing = match store.list(now_ms()) {
            Ok(listing) => listing,
            Err(error) => return Shelf { error: Some(error), ..Shelf::default() },
        };
        let today = today();
        let trash = store.trash().unwrap_or_default().into_iter().map(|t: Trashed| {
            let title = t.draft.as_ref().map_or_else(|_| Msg::new("library.unreadable_title").into(), Draft::shown_title);
            (t.id, title, t.deleted_ms)
        });
        Shelf {
            summaries: listing.drafts.into_iter().map(|d| Summary::of(d, today, settings)).collect(),
            newer: listing.newer,
            quarantined: listing.quarantined,
            stuck: listing.stuck,
            trash: trash.collect(),
            error: None,
        }
    }
}

/// A status line with an optional undo of the last deletion.
#[derive(Clone)]
struct Notice {
    text: String,
    undo: Option<DraftId>,
}

#[derive(Clone, Copy)]
struct Library {
    store: StoreHandle,
    shelf: RwSignal<Shelf>,
    notice: RwSignal<Option<Notice>>,
    settings: RwSignal<Settings>,
}

impl Library {
    fn refresh(self) {
        let shelf = self.store.with_value(|store| self.settings.with_untracked(|s| Shelf::read(store, s)));
        self.shelf.set(shelf);
    }

    fn say(self, text: String) {
        self.notice.set(Some(Notice { text, undo: None }));
    }

    /// Runs a store action, then shows its outcome and the library as it now is.
    fn act(self, action: impl FnOnce(&Store) -> Result<String, String>) {
        let outcome = self.store.with_value(action);
        self.refresh();
        self.say(outcome.unwrap_or_else(|e| e));
    }

    fn delete(self, id: DraftId, title: Arg) {
        match self.store.with_value(|s| s.delete(&id, now_ms())) {
            Ok(()) => {
                self.refresh();
                self.notice.set(Some(Notice { text: t_now(&Msg::new("library.deleted").arg("title", title)), undo: Some(id) }));
                focus_after_render("undo-delete");
            }
            Err(e) => self.say(t_now(&Msg::new("library.delete_failed").arg("title", title).arg("error", e.msg()))),
        }
    }

    fn restore(self, id: DraftId) {
        self.act(|s| match s.restore_from_trash(&id) {
            Ok(()) => Ok(t_now(&Msg::new("library.trash.restored"))),
            Err(e) => Err(t_now(&Msg::new("library.trash.restore_failed").arg("error", e.msg()))),
        });
    }
}

#[component]
pub fn DraftLibrary() -> impl IntoView {
    let settings = expect_context::<RwSignal<Settings>>();
    let library = Library {
        store: expect_context::<StoreHandle>(),
        shelf: RwSignal::new(Shelf::default()),
        notice: RwSignal::new(None),
        settings,
    };
    library.refresh();
    let sort = RwSignal::new(SortOrder::LastEdited);
    let filter = RwSignal::new(String::new());
    let shown = Memo::new(move |_| library.shelf.with(|s| filter.with(|f| arrange(&s.summaries, sort.get(), f))));
    let total = move || library.shelf.with(|s| s.summaries.len());
    let navigator = expect_context::<Navigator>();
    let on_open = Callback::new(move |draft: Draft| library.store.with_value(|s| navigator.open_stored(s, draft)));

    view! {
        <section class="library" aria-labelledby="drafts-heading">
            <h2 id="drafts-heading">{t("library.heading")}</h2>
            <div class="library-actions">
                <ImportButton on_open=on_open />
                <BackupButtons library=library />
            </div>
            <LibraryNotice library=library />
            {move || library.shelf.with(|s| s.error.clone()).map(|error| view! {
                <p class="banner banner-error" role="alert">
                    {t_now(&Msg::new("library.unlistable").arg("error", error.msg()))}
                </p>
            })}
            <Show when=move || { total() > 0 }
                fallback=|| view! { <p class="muted">{t("library.empty")}</p> }>
                <DraftTools filter=filter sort=sort />
                <p class="hint" aria-live="polite">{move || filter.with(|f| filter_outcome(f, shown.with(Vec::len), total())).map(|m| t_now(&m))}</p>
                <ul class="draft-list" aria-labelledby="drafts-heading">
                    {move || shown.get().into_iter().map(|summary| view! { <DraftItem summary=summary library=library on_open=on_open /> }).collect_view()}
                </ul>
            </Show>
            <UnreadableValues library=library />
            <TrashList library=library />
            <StorageState library=library />
        </section>
    }
}

/// What the last action in the library did, with Undo after a deletion.
#[component]
fn LibraryNotice(library: Library) -> impl IntoView {
    view! {
        <p class="library-notice" role="status">
            {move || library.notice.get().map(|n| view! {
                {n.text}
                {n.undo.map(|id| view! {
                    " "
                    <button type="button" id="undo-delete" class="button-quiet"
                        on:click=move |_| library.restore(id.clone())>{t("library.undo")}</button>
                })}
            })}
        </p>
    }
}

/// The filter and the sort order of the drafts list.
#[component]
fn DraftTools(filter: RwSignal<String>, sort: RwSignal<SortOrder>) -> impl IntoView {
    view! {
        <div class="library-tools">
            <div class="field field-inline">
                <label class="field-label-small" for="drafts-filter">{t("library.filter.label")}</label>
                <input id="drafts-filter" type="search" dir="auto" autocomplete="off" prop:value=move || filter.get()
                    on:input:target=move |ev| filter.set(ev.target().value()) />
            </div>
            <div class="field field-inline">
                <label class="field-label-small" for="drafts-sort">{t("library.sort.label")}</label>
                <select id="drafts-sort" on:change:target=move |ev| {
                    if let Some(order) = SortOrder::from_code(&ev.target().value()) {
                        sort.set(order);
                    }
                }>
                    {SortOrder::ALL.into_iter().map(|o| view! {
                        <option value=o.code() selected=move || sort.get() == o>{t_with(o.label())}</option>
                    }).collect_view()}
                </select>
            </div>
        </div>
    }
}

#[component]
fn DraftItem(summary: Summary, library: Library, on_open: Callback<Draft>) -> impl IntoView {
    let key = summary.draft.id.as_str().to_owned();
    let meta = Msg::new("library.draft.meta")
        .arg("kind", summary.draft.kind.msg())
        .arg("words", describe_count(summary.words))
        .arg("pages", summary.pages_label.clone())
        .arg("readiness", summary.readiness())
        .arg("edited", format_local(summary.draft.updated_ms));
    let ready = summary.must_fix == 0;
    let renaming = RwSignal::new(false);
    let title = summary.draft.shown_title();
    let draft = summary.draft;
    let (id, actions_title) = (draft.id.clone(), title.clone());
    view! {
        <li class="draft-item">
            <Show when=move || renaming.get() fallback={
                let (draft, title, key) = (draft.clone(), title.clone(), key.clone());
                move || view! {
                    <button type="button" class="draft-open" id=format!("open-{key}") aria-describedby=format!("draft-meta-{key}")
                        on:click={let draft = draft.clone(); move |_| on_open.run(draft.clone())}>
                        {let title = title.clone(); move || t_arg(&title)}
                    </button>
                }
            }>
                <RenameRow draft=draft.clone() title=title.clone() library=library renaming=renaming />
            </Show>
            <p class="draft-meta" id=format!("draft-meta-{key}") data-ready=ready.to_string()>{t_with(meta)}</p>
            <DraftActions id=id title=actions_title library=library renaming=renaming />
        </li>
    }
}

/// The new title of a draft being renamed: Enter or "Save title" keeps it, Escape drops it.
#[component]
fn RenameRow(draft: Draft, title: Arg, library: Library, renaming: RwSignal<bool>) -> impl IntoView {
    let input = NodeRef::<Input>::new();
    let rename_id = format!("rename-{}", draft.id.as_str());
    let label = Msg::new("library.rename.label").arg("title", title.clone());
    let id = draft.id.clone();
    let save = move || {
        let Some(value) = input.get().map(|i| i.value()) else { return };
        renaming.set(false);
        let (id, old) = (id.clone(), title.clone());
        library.act(move |s| match s.rename(&id, value.trim().to_owned(), now_ms()) {
            Ok(draft) => Ok(t_now(&Msg::new("library.renamed").arg("old", old).arg("new", draft.shown_title()))),
            Err(e) => Err(t_now(&Msg::new("library.rename_failed").arg("old", old).arg("error", e.msg()))),
        });
    };
    let save_on_enter = save.clone();
    view! {
        <div class="rename-row">
            <label class="visually-hidden" for=rename_id.clone()>{t_with(label)}</label>
            <input id=rename_id type="text" dir="auto" node_ref=input value=draft.title
                on:keydown=move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
                    "Enter" => save_on_enter(),
                    "Escape" => renaming.set(false),
                    _ => {}
                } />
            <button type="button" class="button-secondary" on:click=move |_| save()>{t("library.rename.save")}</button>
            <button type="button" class="button-quiet" on:click=move |_| renaming.set(false)>{t("library.rename.cancel")}</button>
        </div>
    }
}

/// Rename, duplicate and delete, each described by the draft's title, so "Rename" says which.
#[component]
fn DraftActions(id: DraftId, title: Arg, library: Library, renaming: RwSignal<bool>) -> impl IntoView {
    let key = id.as_str().to_owned();
    let describe = format!("open-{key}");
    let (dup_id, dup_title) = (id.clone(), title.clone());
    let duplicate = move |_| {
        let (id, title) = (dup_id.clone(), dup_title.clone());
        library.act(move |s| match s.duplicate(&id, new_draft_id(), now_ms()) {
            Ok(copy) => Ok(t_now(&Msg::new("library.duplicated").arg("copy", copy.shown_title()).arg("title", title))),
            Err(e) => Err(t_now(&Msg::new("library.duplicate_failed").arg("title", title).arg("error", e.msg()))),
        });
    };
    view! {
        <div class="draft-actions">
            <button type="button" class="button-quiet" aria-describedby=describe.clone() on:click=move |_| {
                renaming.set(true);
                focus_after_render(format!("rename-{key}"));
            }>{t("library.rename")}</button>
            <button type="button" class="button-quiet" aria-describedby=describe.clone() on:click=duplicate>{t("library.duplicate")}</button>
            <button type="button" class="button-quiet button-danger" aria-describedby=describe
                on:click=move |_| library.delete(id.clone(), title.clone())>{t("library.delete")}</button>
        </div>
    }
}

#[component]
fn BackupButtons(library: Library) -> impl IntoView {
    let input = NodeRef::<Input>::new();
    let back_up = move |_| {
        let text = library.store.with_value(|s| download_backup(s, None));
        library.refresh();
        library.say(text);
    };
    let on_file = move |_| {
        let Some(element) = input.get() else { return };
        let Some(file) = element.files().and_then(|list| list.get(0)) else { return };
        element.set_value("");
        chunk::start(restore_chosen(file, library), move |sentence| library.say(sentence));
    };
    view! {
        <div class="button-row">
            <button type="button" class="button-secondary" on:click=back_up>{t("library.backup")}</button>
            <button type="button" class="button-secondary" on:click=move |_| {
                if let Some(element) = input.get() {
                    element.click();
                }
            }>{t("library.restore")}</button>
            <input type="file" class="visually-hidden" tabindex="-1" aria-hidden="true" node_ref=input
                accept=".json,application/json" on:change=on_file />
        </div>
    }
}

on_demand! {
    /// Restores the drafts of a chosen backup file and says what came back; from the backup's
    /// chunk, fetched with the first backup chosen.
    backup: fn restore_chosen(file: web_sys::File, library: Library) -> Work {
        Box::pin(async move {
            let name = file.name();
            let text = match files::read(file).await {
                Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
                Err(e) => return library.say(t_now(&Msg::new("library.restore.unreadable").arg("error", e.msg()))),
            };
            library.act(|s| match s.restore(&text, now_ms()) {
                Ok(report) => Ok(t_now(&report.summary())),
                Err(e) => Err(t_now(&Msg::new("library.restore.failed").arg("name", name).arg("error", e.msg()))),
            });
        })
    }
}

/// Backs up every draft (with `current`, the editor's text, in place of its stored copy) as a
/// download, and says what happened in one sentence.
pub(super) fn download_backup(store: &Store, current: Option<&Draft>) -> String {
    let (file, count) = match store.backup(now_ms(), current) {
        Ok(made) => made,
        Err(e) => return t_now(&Msg::new("library.backup.failed").arg("error", e.msg())),
    };
    let name = backup::file_name(today());
    match files::download(&name, "application/json", file.as_bytes()) {
        Ok(()) => t_now(&Msg::new("library.backup.done").arg("name", name).arg("drafts", Msg::new("count.drafts").arg("count", count))),
        Err(e) => t_now(&Msg::new("library.backup.not_downloaded").arg("error", e.msg())),
    }
}

/// Offers a stored value as a file, byte for byte.
fn download_raw(library: Library, key: &str) {
    let raw = library.store.with_value(|s| s.raw(key));
    let name = format!("{}.json", key.rsplit('/').next().unwrap_or("stored-value"));
    let text = match raw {
        Ok(Some(raw)) => match files::download(&name, "application/json", raw.as_bytes()) {
            Ok(()) => t_now(&Msg::new("library.raw.downloaded").arg("name", name)),
            Err(e) => t_now(&Msg::new("library.raw.not_downloaded").arg("name", name).arg("error", e.msg())),
        },
        Ok(None) => t_now(&Msg::new("library.raw.gone")),
        Err(e) => t_now(&Msg::new("library.raw.unreadable").arg("error", e.msg())),
    };
    library.say(text);
}

#[component]
fn UnreadableValues(library: Library) -> impl IntoView {
    let any = move || library.shelf.with(|s| !(s.quarantined.is_empty() && s.newer.is_empty() && s.stuck.is_empty()));
    view! {
        <Show when=any>
            <section class="problems" aria-labelledby="unreadable-heading">
                <h3 id="unreadable-heading">{t("library.problems.heading")}</h3>
                <ul>
                    {move || library.shelf.with(|s| s.newer.clone()).into_iter().map(|n| {
                        let key = n.key.clone();
                        view! {
                            <li>
                                {t_with(Msg::new("library.problems.newer").arg("schema", n.schema))}
                                " "<button type="button" class="button-quiet" on:click=move |_| download_raw(library, &key)>{t("library.problems.download")}</button>
                            </li>
                        }
                    }).collect_view()}
                    {move || library.shelf.with(|s| s.quarantined.clone()).into_iter().map(|q| {
                        let (download_key, discard_key) = (q.key.clone(), q.key.clone());
                        let text = match q.reason {
                            Some(reason) => Msg::new("library.problems.quarantined_because").arg("reason", reason),
                            None => Msg::new("library.problems.quarantined"),
                        };
                        view! {
                            <li>
                                {t_with(text.arg("bytes", q.bytes))}
                                " "<button type="button" class="button-quiet" on:click=move |_| download_raw(library, &download_key)>{t("library.problems.download")}</button>
                                <button type="button" class="button-quiet button-danger" on:click=move |_| {
                                    let key = discard_key.clone();
                                    library.act(move |s| s.discard_quarantined(&key)
                                        .map(|()| t_now(&Msg::new("library.problems.discarded")))
                                        .map_err(|e| t_now(&Msg::new("library.problems.discard_failed").arg("error", e.msg()))));
                                }>{t("library.problems.discard")}</button>
                            </li>
                        }
                    }).collect_view()}
                    {move || library.shelf.with(|s| s.stuck.clone()).into_iter().map(|(key, reason)| view! {
                        <li>{t_with(Msg::new("library.problems.stuck").arg("key", key).arg("reason", reason))}</li>
                    }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}

#[component]
fn TrashList(library: Library) -> impl IntoView {
    let count = move || library.shelf.with(|s| s.trash.len());
    view! {
        <Show when=move || { count() > 0 }>
            <details class="trash">
                <summary>{move || t_now(&Msg::new("library.trash.heading").arg("count", count()))}</summary>
                <ul class="trash-list" aria-label=t("library.trash.label")>
                    {move || library.shelf.with(|s| s.trash.clone()).into_iter().map(|(id, title, deleted_ms)| {
                        let restore_id = id.clone();
                        let purge_title = title.clone();
                        let label_id = format!("trash-{}", id.as_str());
                        view! {
                            <li>
                                <span id=label_id.clone()>{t_with(Msg::new("library.trash.item").arg("title", title.clone()).arg("deleted", format_local(deleted_ms)))}</span>
                                <button type="button" class="button-quiet" aria-describedby=label_id.clone()
                                    on:click=move |_| library.restore(restore_id.clone())>{t("library.trash.restore")}</button>
                                <button type="button" class="button-quiet button-danger" aria-describedby=label_id on:click=move |_| {
                                    let (id, title) = (id.clone(), purge_title.clone());
                                    library.act(move |s| s.purge(&id)
                                        .map(|()| t_now(&Msg::new("library.trash.purged").arg("title", title.clone())))
                                        .map_err(|e| t_now(&Msg::new("library.delete_failed.plain").arg("title", title.clone()).arg("error", e.msg()))));
                                }>{t("library.trash.purge")}</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </details>
        </Show>
    }
}

/// Persisted or not, space used, and the last backup.
#[component]
fn StorageState(library: Library) -> impl IntoView {
    let persistence = RwSignal::new(None::<storage::Persistence>);
    leptos::task::spawn_local(async move { persistence.set(Some(storage::persistence().await)) });
    let usage = move || {
        library.shelf.track();
        library.store.with_value(|s| s.usage_bytes().ok())
    };
    let last_backup = move || {
        library.shelf.track();
        library.store.with_value(|s| s.meta().last_backup_ms)
    };
    view! {
        <section class="storage-state" aria-labelledby="storage-heading">
            <h3 id="storage-heading">{t("library.storage.heading")}</h3>
            <ul>
                <li>{move || match usage() {
                    Some(bytes) => t_now(&Msg::new("library.storage.usage").arg("size", kilobytes(bytes))),
                    None => t_now(&Msg::new("library.storage.usage_unknown")),
                }}</li>
                <li>{move || match persistence.get() {
                    None => t_now(&Msg::new("library.storage.checking")),
                    Some(p) if p.persisted => t_now(&Msg::new("library.storage.persisted")),
                    Some(_) => t_now(&Msg::new("library.storage.not_persisted")),
                }}
                {move || persistence.get().is_some_and(|p| !p.persisted).then(|| view! {
                    " "<button type="button" class="button-quiet" on:click=move |_| {
                        leptos::task::spawn_local(async move {
                            let state = storage::request_persistence().await;
                            persistence.set(Some(state));
                            library.say(t_now(&if state.persisted {
                                Msg::new("library.storage.granted")
                            } else {
                                Msg::new("library.storage.refused")
                            }));
                        });
                    }>{t("library.storage.ask")}</button>
                })}</li>
                <li>{move || match last_backup() {
                    Some(ms) => t_now(&Msg::new("library.storage.last_backup").arg("when", format_local(ms))),
                    None => t_now(&Msg::new("library.storage.no_backup")),
                }}</li>
            </ul>
        </section>
    }
}

fn kilobytes(bytes: usize) -> Msg {
    if bytes < 1024 { Msg::new("size.bytes").arg("count", bytes) } else { Msg::new("size.kb").arg("count", bytes.div_ceil(1024)) }
}
