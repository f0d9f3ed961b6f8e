//! The drafts library on the start screen: the list named "Drafts" with open, rename,
//! duplicate and delete (to a trash, with undo), sorting and filtering; backup and restore;
//! stored values that cannot be opened; and the state of the browser's storage.

use igf_core::model::draft::{Draft, DraftId};
use igf_core::model::settings::Settings;
use igf_core::store::{NewerDraft, Quarantined, Store, StoreError, Trashed, backup};
use igf_core::store::catalog::{SortOrder, Summary, arrange, filter_outcome};
use igf_core::text::words::{describe_count, plural};
use leptos::html::Input;
use leptos::prelude::*;

use crate::browser::{files, storage};
use crate::browser::platform::{focus_after_render, format_local, new_draft_id, now_ms, today};
use super::{Navigator, StoreHandle};
use super::files::ImportButton;

/// Everything the library shows, read again after each change.
#[derive(Clone, Default)]
struct Shelf {
    summaries: Vec<Summary>,
    newer: Vec<NewerDraft>,
    quarantined: Vec<Quarantined>,
    stuck: Vec<(String, String)>,
    trash: Vec<(DraftId, String, u64)>,
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
            let title = t.draft.as_ref().map_or_else(|_| "A draft that cannot be read".to_owned(), Draft::display_title);
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

    fn delete(self, id: DraftId, title: String) {
        match self.store.with_value(|s| s.delete(&id, now_ms())) {
            Ok(()) => {
                self.refresh();
                self.notice.set(Some(Notice { text: format!("“{title}” moved to the trash."), undo: Some(id) }));
                focus_after_render("undo-delete");
            }
            Err(e) => self.say(format!("“{title}” could not be deleted because {e}. It is unchanged.")),
        }
    }

    fn restore(self, id: DraftId) {
        self.act(|s| match s.restore_from_trash(&id) {
            Ok(()) => Ok("The draft is back in your drafts.".to_owned()),
            Err(e) => Err(format!("The draft could not be restored because {e}. It is still in the trash.")),
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
            <h2 id="drafts-heading">"Drafts"</h2>
            <div class="library-actions">
                <ImportButton on_open=on_open />
                <BackupButtons library=library />
            </div>
            <LibraryNotice library=library />
            {move || library.shelf.with(|s| s.error.clone()).map(|error| view! {
                <p class="banner banner-error" role="alert">
                    {format!("Your drafts cannot be listed because {error}. ")}
                    "Allow this site to store data in your browser settings, then reload the page."
                </p>
            })}
            <Show when=move || { total() > 0 }
                fallback=|| view! { <p class="muted">"No drafts yet. A draft appears here as soon as you type in it."</p> }>
                <DraftTools filter=filter sort=sort />
                <p class="hint" aria-live="polite">{move || filter.with(|f| filter_outcome(f, shown.with(Vec::len), total()))}</p>
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
                        on:click=move |_| library.restore(id.clone())>"Undo"</button>
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
                <label class="field-label-small" for="drafts-filter">"Filter drafts"</label>
                <input id="drafts-filter" type="search" dir="auto" autocomplete="off" prop:value=move || filter.get()
                    on:input:target=move |ev| filter.set(ev.target().value()) />
            </div>
            <div class="field field-inline">
                <label class="field-label-small" for="drafts-sort">"Sort by"</label>
                <select id="drafts-sort" on:change:target=move |ev| {
                    if let Some(order) = SortOrder::from_code(&ev.target().value()) {
                        sort.set(order);
                    }
                }>
                    {SortOrder::ALL.into_iter().map(|o| view! {
                        <option value=o.code() selected=move || sort.get() == o>{o.label()}</option>
                    }).collect_view()}
                </select>
            </div>
        </div>
    }
}

#[component]
fn DraftItem(summary: Summary, library: Library, on_open: Callback<Draft>) -> impl IntoView {
    let key = summary.draft.id.as_str().to_owned();
    let meta = format!(
        "{} · {} · {} · {} · edited {}",
        summary.draft.kind.label(),
        describe_count(summary.words),
        summary.pages_label,
        summary.readiness(),
        format_local(summary.draft.updated_ms)
    );
    let ready = summary.must_fix == 0;
    let renaming = RwSignal::new(false);
    let (draft, title) = (summary.draft, summary.title);
    let (id, actions_title) = (draft.id.clone(), title.clone());
    view! {
        <li class="draft-item">
            <Show when=move || renaming.get() fallback={
                let (draft, title, key) = (draft.clone(), title.clone(), key.clone());
                move || view! {
                    <button type="button" class="draft-open" id=format!("open-{key}") aria-describedby=format!("draft-meta-{key}")
                        on:click={let draft = draft.clone(); move |_| on_open.run(draft.clone())}>
                        {title.clone()}
                    </button>
                }
            }>
                <RenameRow draft=draft.clone() title=title.clone() library=library renaming=renaming />
            </Show>
            <p class="draft-meta" id=format!("draft-meta-{key}") data-ready=ready.to_string()>{meta}</p>
            <DraftActions id=id title=actions_title library=library renaming=renaming />
        </li>
    }
}

/// The new title of a draft being renamed: Enter or "Save title" keeps it, Escape drops it.
#[component]
fn RenameRow(draft: Draft, title: String, library: Library, renaming: RwSignal<bool>) -> impl IntoView {
    let input = NodeRef::<Input>::new();
    let rename_id = format!("rename-{}", draft.id.as_str());
    let label = format!("New title for “{title}”");
    let id = draft.id.clone();
    let save = move || {
        let Some(value) = input.get().map(|i| i.value()) else { return };
        renaming.set(false);
        let (id, old) = (id.clone(), title.clone());
        library.act(move |s| match s.rename(&id, value.trim().to_owned(), now_ms()) {
            Ok(draft) => Ok(format!("“{old}” is now called “{}”.", draft.display_title())),
            Err(e) => Err(format!("“{old}” could not be renamed because {e}. Its name is unchanged.")),
        });
    };
    let save_on_enter = save.clone();
    view! {
        <div class="rename-row">
            <label class="visually-hidden" for=rename_id.clone()>{label}</label>
            <input id=rename_id type="text" dir="auto" node_ref=input value=draft.title
                on:keydown=move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
                    "Enter" => save_on_enter(),
                    "Escape" => renaming.set(false),
                    _ => {}
                } />
            <button type="button" class="button-secondary" on:click=move |_| save()>"Save title"</button>
            <button type="button" class="button-quiet" on:click=move |_| renaming.set(false)>"Cancel"</button>
        </div>
    }
}

/// Rename, duplicate and delete, each described by the draft's title, so "Rename" says which.
#[component]
fn DraftActions(id: DraftId, title: String, library: Library, renaming: RwSignal<bool>) -> impl IntoView {
    let key = id.as_str().to_owned();
    let describe = format!("open-{key}");
    let (dup_id, dup_title) = (id.clone(), title.clone());
    let duplicate = move |_| {
        let (id, title) = (dup_id.clone(), dup_title.clone());
        library.act(move |s| match s.duplicate(&id, new_draft_id(), now_ms()) {
            Ok(copy) => Ok(format!("“{}” added, a copy of “{title}”.", copy.display_title())),
            Err(e) => Err(format!("“{title}” could not be copied because {e}.")),
        });
    };
    view! {
        <div class="draft-actions">
            <button type="button" class="button-quiet" aria-describedby=describe.clone() on:click=move |_| {
                renaming.set(true);
                focus_after_render(format!("rename-{key}"));
            }>"Rename"</button>
            <button type="button" class="button-quiet" aria-describedby=describe.clone() on:click=duplicate>"Duplicate"</button>
            <button type="button" class="button-quiet button-danger" aria-describedby=describe
                on:click=move |_| library.delete(id.clone(), title.clone())>"Delete"</button>
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
        leptos::task::spawn_local(async move {
            let name = file.name();
            let text = match files::read(file).await {
                Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
                Err(e) => return library.say(format!("{e}. Nothing was changed.")),
            };
            library.act(|s| match s.restore(&text, now_ms()) {
                Ok(report) => Ok(report.summary()),
                Err(e) => Err(format!("“{name}” could not be restored because {e}. Nothing was changed.")),
            });
        });
    };
    view! {
        <div class="button-row">
            <button type="button" class="button-secondary" on:click=back_up>"Back up all drafts"</button>
            <button type="button" class="button-secondary" on:click=move |_| {
                if let Some(element) = input.get() {
                    element.click();
                }
            }>"Restore from backup"</button>
            <input type="file" class="visually-hidden" tabindex="-1" aria-hidden="true" node_ref=input
                accept=".json,application/json" on:change=on_file />
        </div>
    }
}

/// Backs up every draft (with `current`, the editor's text, in place of its stored copy) as a
/// download, and says what happened in one sentence.
pub(super) fn download_backup(store: &Store, current: Option<&Draft>) -> String {
    let (file, count) = match store.backup(now_ms(), current) {
        Ok(made) => made,
        Err(e) => return format!("The backup could not be made because {e}. Use Export, then Draft file, to keep a draft."),
    };
    let name = backup::file_name(today());
    let drafts = plural(count, "draft");
    match files::download(&name, "application/json", file.as_bytes()) {
        Ok(()) => format!(
            "Downloaded “{name}” with {drafts}. Keep it somewhere safe; “Restore from backup” on the start screen brings them back in any browser."
        ),
        Err(e) => format!("The backup could not be downloaded: {e}. Try again."),
    }
}

/// Offers a stored value as a file, byte for byte.
fn download_raw(library: Library, key: &str) {
    let raw = library.store.with_value(|s| s.raw(key));
    let name = format!("{}.json", key.rsplit('/').next().unwrap_or("stored-value"));
    let text = match raw {
        Ok(Some(raw)) => match files::download(&name, "application/json", raw.as_bytes()) {
            Ok(()) => format!("Downloaded “{name}”."),
            Err(e) => format!("“{name}” could not be downloaded: {e}."),
        },
        Ok(None) => "That value is no longer stored.".to_owned(),
        Err(e) => format!("The value could not be read because {e}."),
    };
    library.say(text);
}

#[component]
fn UnreadableValues(library: Library) -> impl IntoView {
    let any = move || library.shelf.with(|s| !(s.quarantined.is_empty() && s.newer.is_empty() && s.stuck.is_empty()));
    view! {
        <Show when=any>
            <section class="problems" aria-labelledby="unreadable-heading">
                <h3 id="unreadable-heading">"Saved data that cannot be opened"</h3>
                <ul>
                    {move || library.shelf.with(|s| s.newer.clone()).into_iter().map(|n| {
                        let key = n.key.clone();
                        view! {
                            <li>
                                {format!(
                                    "A draft was saved by a newer version of this editor (schema {}). This version cannot open it, so it is left untouched: reload the page to get the newest version, or download it.",
                                    n.schema
                                )}
                                " "<button type="button" class="button-quiet" on:click=move |_| download_raw(library, &key)>"Download it"</button>
                            </li>
                        }
                    }).collect_view()}
                    {move || library.shelf.with(|s| s.quarantined.clone()).into_iter().map(|q| {
                        let (download_key, discard_key) = (q.key.clone(), q.key.clone());
                        let reason = q.reason.map_or_else(String::new, |r| format!(" It could not be read because {r}."));
                        view! {
                            <li>
                                {format!("A saved value of {} bytes was moved aside so that it cannot stop the editor.{reason} Download it to keep it, or discard it.", q.bytes)}
                                " "<button type="button" class="button-quiet" on:click=move |_| download_raw(library, &download_key)>"Download it"</button>
                                <button type="button" class="button-quiet button-danger" on:click=move |_| {
                                    let key = discard_key.clone();
                                    library.act(move |s| s.discard_quarantined(&key)
                                        .map(|()| "The damaged value was discarded.".to_owned())
                                        .map_err(|e| format!("The value could not be discarded because {e}.")));
                                }>"Discard it"</button>
                            </li>
                        }
                    }).collect_view()}
                    {move || library.shelf.with(|s| s.stuck.clone()).into_iter().map(|(key, reason)| view! {
                        <li>{format!("A saved draft under “{key}” cannot be read ({reason}). It is left untouched; free some space and reload.")}</li>
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
                <summary>{move || format!("Trash ({})", count())}</summary>
                <ul class="trash-list" aria-label="Deleted drafts">
                    {move || library.shelf.with(|s| s.trash.clone()).into_iter().map(|(id, title, deleted_ms)| {
                        let restore_id = id.clone();
                        let purge_title = title.clone();
                        let label_id = format!("trash-{}", id.as_str());
                        view! {
                            <li>
                                <span id=label_id.clone()>{format!("“{title}”, deleted {}", format_local(deleted_ms))}</span>
                                <button type="button" class="button-quiet" aria-describedby=label_id.clone()
                                    on:click=move |_| library.restore(restore_id.clone())>"Restore"</button>
                                <button type="button" class="button-quiet button-danger" aria-describedby=label_id on:click=move |_| {
                                    let (id, title) = (id.clone(), purge_title.clone());
                                    library.act(move |s| s.purge(&id)
                                        .map(|()| format!("“{title}” was deleted for good."))
                                        .map_err(|e| format!("“{title}” could not be deleted because {e}.")));
                                }>"Delete forever"</button>
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
            <h3 id="storage-heading">"Storage in this browser"</h3>
            <ul>
                <li>{move || match usage() {
                    Some(bytes) => format!(
                        "Your drafts, history and trash take {} of the about 5 MB that browsers give each site for them.",
                        kilobytes(bytes)
                    ),
                    None => "How much space your drafts take cannot be read.".to_owned(),
                }}</li>
                <li>{move || match persistence.get() {
                    None => "Checking whether the browser keeps this site’s data…".to_owned(),
                    Some(p) if p.persisted => "The browser has agreed to keep this site’s data even when space runs low.".to_owned(),
                    Some(_) => "The browser may clear this site’s data when space runs low: back up your drafts now and then.".to_owned(),
                }}
                {move || persistence.get().is_some_and(|p| !p.persisted).then(|| view! {
                    " "<button type="button" class="button-quiet" on:click=move |_| {
                        leptos::task::spawn_local(async move {
                            let state = storage::request_persistence().await;
                            persistence.set(Some(state));
                            library.say(if state.persisted {
                                "The browser will keep your drafts even when space runs low.".to_owned()
                            } else {
                                "The browser did not agree to keep this site’s data for good; keep backing up your drafts.".to_owned()
                            });
                        });
                    }>"Ask the browser to keep drafts"</button>
                })}</li>
                <li>{move || match last_backup() {
                    Some(ms) => format!("Last backup: {}.", format_local(ms)),
                    None => "No backup made in this browser yet.".to_owned(),
                }}</li>
            </ul>
        </section>
    }
}

fn kilobytes(bytes: usize) -> String {
    if bytes < 1024 { format!("{bytes} bytes") } else { format!("{} KB", bytes.div_ceil(1024)) }
}
