//! The page view: every page of the draft drawn to scale from the lines the PDF draws
//! (`layout::view`), beside the editor or, on a narrow screen, as a sheet over it. It follows
//! the field being edited, leads from a line back to where it was written, and prints the PDF.
//!
//! A keystroke redraws only what changed: the pages come from the checker's own layout (no line
//! is broken twice), each page is a memo of its own, and its drawing (`browser::drawing`)
//! replaces only the lines that changed.

use std::sync::{Arc, Mutex, PoisonError};

use igf_core::checks::{Checker, Report, Target};
use igf_core::document::Manifest;
use igf_core::formats::{Format, notes, pdf};
use igf_core::layout::view::{self, Jump, Page, Step, line_at};
use igf_core::model::draft::Draft;
use igf_core::text::{byte_offset, utf16_offset};
use leptos::prelude::*;

use crate::browser::drawing::{LimitNotes, Mark, PageDrawing};
use crate::browser::files::Tab;
use crate::browser::fonts;
use crate::browser::platform::{Debounce, attribute_around, focus_element, narrow_screen, place_caret, reveal_after_render};
use super::StoreHandle;
use super::chunk::on_demand;
use super::checks::dom_id;
use super::files::{make_file, progress_into};
use super::words::{t, t_arg, t_now, t_with};

/// How long typing pauses before the manifest's digest and the fonts follow the text.
const PAUSE_MS: u32 = 600;

/// What the side of the editor shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Checks,
    Pages,
}

/// The side of the editor, the checks and preview or the pages, and whether (on a narrow
/// screen) it is open as a sheet over the form. Shared through context, so that whatever leads
/// from the side to a field closes the sheet over it.
#[derive(Clone, Copy)]
pub struct SidePanel {
    pub side: RwSignal<Side>,
    pub sheet: RwSignal<bool>,
}

impl SidePanel {
    /// The side the author left open in this browser.
    pub fn new() -> SidePanel {
        let open = expect_context::<StoreHandle>().with_value(|s| s.pages_view_open());
        SidePanel { side: RwSignal::new(if open { Side::Pages } else { Side::Checks }), sheet: RwSignal::new(open) }
    }

    /// The "Pages" toggle: switches between pages and checks (and remembers it); on a narrow
    /// screen whose sheet of pages was closed to edit, it shows them again.
    pub fn toggle_pages(self) {
        let showing = self.side.get_untracked() == Side::Pages;
        if showing && !self.sheet.get_untracked() && narrow_screen() {
            return self.sheet.set(true);
        }
        self.show(if showing { Side::Checks } else { Side::Pages });
        self.sheet.set(!showing);
    }

    /// "Checks", on a narrow screen: the checks over the form, or the form again.
    pub fn toggle_checks(self) {
        if self.side.get_untracked() == Side::Checks && self.sheet.get_untracked() {
            self.sheet.set(false);
        } else {
            self.show(Side::Checks);
            self.sheet.set(true);
        }
    }

    fn show(self, side: Side) {
        self.side.set(side);
        // A browser that refuses to remember it still shows the side.
        let _ = expect_context::<StoreHandle>().with_value(|s| s.remember_pages_view(side == Side::Pages));
    }

    /// Back to the form (owner-safe: a link may outlive the editor).
    pub fn close_sheet(self) {
        if self.sheet.try_get_untracked() == Some(true) {
            self.sheet.try_set(false);
        }
    }
}

/// The pages of the draft while they are shown, drawn after each check from the lines it laid
/// out, with the manifest's digest as of the last pause in typing (a digest takes the same
/// lines as any other, so only its text waits).
pub fn pages_memo(draft: RwSignal<Draft>, report: Memo<Report>, checker: Arc<Mutex<Checker>>, side: RwSignal<Side>) -> Memo<Vec<Page>> {
    let manifest = RwSignal::new(None::<Manifest>);
    let pause = Debounce::new(PAUSE_MS);
    Effect::new(move |was_shown: Option<bool>| {
        let shown = side.get() == Side::Pages;
        draft.track();
        if shown && was_shown != Some(true) {
            manifest.set(Some(draft.with_untracked(Manifest::of)));
        } else if shown {
            pause.call(move || {
                if let Some(latest) = draft.try_with_untracked(Manifest::of) {
                    manifest.try_set(Some(latest));
                }
            });
        }
        shown
    });
    Memo::new(move |_| {
        if side.get() != Side::Pages {
            return Vec::new();
        }
        let Some(manifest) = manifest.get() else { return Vec::new() };
        // The report first: working it out takes the checker too.
        let must_fix = report.with(Report::must_fix);
        let mut checker = checker.lock().unwrap_or_else(PoisonError::into_inner);
        draft.with(|d| checker.page_counter().pages(d, must_fix, manifest))
    })
}

/// The "Pages" toggle, with the page count beside its name.
#[component]
pub fn PagesToggle(panel: SidePanel, report: Memo<Report>) -> impl IntoView {
    view! {
        <button type="button" class="button-secondary view-button" aria-pressed=move || (panel.side.get() == Side::Pages).to_string()
            aria-describedby="pages-toggle-count" on:click=move |_| panel.toggle_pages()>
            {t("pages.toggle")}
            <span class="view-count" id="pages-toggle-count" aria-hidden="true">{move || report.with(|r| t_now(&r.pages.label()))}</span>
        </button>
    }
}

/// "Checks", on a narrow screen, with how many must be fixed.
#[component]
pub fn ChecksButton(panel: SidePanel, report: Memo<Report>) -> impl IntoView {
    view! {
        <button type="button" class="button-secondary view-button checks-button" aria-controls="editor-side"
            aria-expanded=move || (panel.side.get() == Side::Checks && panel.sheet.get()).to_string()
            aria-describedby="checks-button-count" on:click=move |_| panel.toggle_checks()>
            {t("checks.heading")}
            <span class="view-count" id="checks-button-count" aria-hidden="true">{move || report.with(|r| t_now(&r.short_summary()))}</span>
        </button>
    }
}

/// Puts the caret where a line of the pages was written.
fn go_to(jump: Jump, draft: RwSignal<Draft>) {
    match jump {
        Jump::Title => {
            focus_element(&dom_id(Target::Title));
        }
        Jump::Section { index, at } => {
            let (key, units) = draft.with_untracked(|d| (d.template().sections[index].key, utf16_offset(d.section(index), at)));
            place_caret(&dom_id(Target::Section(key)), units);
        }
        Jump::People => {
            focus_element(&dom_id(Target::CoFacilitators));
        }
    }
}

on_demand! {
    /// The "Pages" region, from its chunk.
    pages: pub fn pages_view(draft: RwSignal<Draft>, report: Memo<Report>, pages: Memo<Vec<Page>>, caret: RwSignal<Option<(usize, u32)>>, panel: SidePanel) -> AnyView {
        view! { <PagesView draft=draft report=report pages=pages caret=caret panel=panel /> }.into_any()
    }
}

/// The "Pages" region. `caret` is the section field being edited and where its caret is.
#[component]
fn PagesView(draft: RwSignal<Draft>, report: Memo<Report>, pages: Memo<Vec<Page>>, caret: RwSignal<Option<(usize, u32)>>, panel: SidePanel) -> impl IntoView {
    let fonts_ready = RwSignal::new(false);
    let status = RwSignal::new(None::<String>);
    // Whether the fonts were asked for yet, and whether a load is under way.
    let fetching = StoredValue::new((false, false));
    // The fonts the pages draw with, fetched as the PDF fetches them: at once the first time,
    // then after pauses in typing (a character may need a fallback font), one load at a time.
    let load_fonts = move || {
        if fetching.try_get_value().is_none_or(|(_, loading)| loading) {
            return;
        }
        let needed = pages.with_untracked(|p| pdf::needed_for_pages(p));
        fetching.set_value((true, true));
        leptos::task::spawn_local(async move {
            match fonts::show(&needed, &progress_into(status, notes::page_fonts_loading)).await {
                Ok(()) => {
                    fonts_ready.try_set(true);
                    status.try_set(None);
                }
                Err(e) => {
                    status.try_set(Some(t_now(&notes::page_fonts_failed(e.msg()))));
                }
            }
            fetching.try_set_value((true, false));
        });
    };
    let pause = Debounce::new(PAUSE_MS);
    Effect::new(move |_| {
        if pages.with(Vec::is_empty) {
            return;
        }
        if fetching.get_value().0 {
            pause.call(load_fonts);
        } else {
            load_fonts();
        }
    });

    let cursor = RwSignal::new(None::<(usize, usize)>);
    // The line the caret is on, shown and kept in view as the author types.
    let follow = Memo::new(move |_| {
        let (index, units) = caret.get()?;
        let at = draft.with(|d| byte_offset(d.section(index), units));
        pages.with(|p| line_at(p, index, at))
    });
    Effect::new(move |_| {
        if let Some((page, _)) = follow.get() {
            reveal_after_render(format!("page-{page}-follow"));
        }
    });
    let cursor_note = move || cursor.get().and_then(|(page, line)| pages.with_untracked(|p| p.get(page - 1)?.describe_line(line))).map(|m| t_now(&m));
    let jump = Callback::new(move |to: Jump| {
        panel.close_sheet();
        go_to(to, draft);
    });
    let count = Memo::new(move |_| pages.with(Vec::len));
    view! {
        <section class="pages-view" aria-labelledby="pages-heading">
            <div class="pages-head">
                <h2 id="pages-heading" class="side-heading">{t("pages.toggle")}</h2>
                <p class="pages-total">{move || report.with(|r| t_now(&r.pages.label()))}</p>
                <div class="button-row">
                    <PrintButton draft=draft report=report status=status />
                    <button type="button" class="button-quiet sheet-close" on:click=move |_| panel.close_sheet()>{t("pages.back")}</button>
                </div>
                <p class="hint">{t_with(view::keys_hint())}</p>
                <p class="pages-status" role="status">{move || status.get()}</p>
            </div>
            // A page more or less redraws them all: rare, and cheaper in code than a keyed list.
            <div class="sheets" lang="en" dir="ltr">
                {move || (1..=count.get()).map(|number| view! {
                    <PageSheet number=number pages=pages fonts_ready=fonts_ready cursor=cursor caret=caret follow=follow jump=jump />
                }).collect_view()}
            </div>
            <p class="visually-hidden" aria-live="polite">{cursor_note}</p>
        </section>
    }
}

/// "Print": the PDF of these very pages in a new tab, opened in the click (a tab opened once
/// the PDF is made would be blocked).
#[component]
fn PrintButton(draft: RwSignal<Draft>, report: Memo<Report>, status: RwSignal<Option<String>>) -> impl IntoView {
    let print = move |_| {
        let tab = match Tab::open() {
            Ok(tab) => tab,
            Err(e) => return status.set(Some(t_now(&notes::print_failed(e.msg())))),
        };
        let (d, r) = (draft.get_untracked(), report.get_untracked());
        leptos::task::spawn_local(async move {
            let made = make_file(&d, &r, Format::Pdf, &progress_into(status, notes::fonts_loading)).await;
            let message = match made {
                Ok(bytes) => match tab.show(Format::Pdf.mime(), &bytes) {
                    Ok(()) => t_now(&notes::print_opened()),
                    Err(e) => t_now(&notes::print_failed(e.msg())),
                },
                Err(message) => {
                    tab.close();
                    message
                }
            };
            status.try_set(Some(message));
        });
    };
    view! {
        <button type="button" class="button-primary" aria-describedby="print-hint" on:click=print>{t("pages.print")}</button>
        <p class="hint print-hint" id="print-hint">{t_with(notes::print_hint())}</p>
    }
}

/// One page: a focusable group named by what it shows, its drawing, and that text below it.
#[component]
fn PageSheet(
    number: usize,
    pages: Memo<Vec<Page>>,
    fonts_ready: RwSignal<bool>,
    cursor: RwSignal<Option<(usize, usize)>>,
    caret: RwSignal<Option<(usize, u32)>>,
    follow: Memo<Option<(usize, usize)>>,
    jump: Callback<Jump>,
) -> impl IntoView {
    let caption_id = format!("page-{number}-caption");
    let labelled_by = caption_id.clone();
    let holder = NodeRef::<leptos::html::Div>::new();
    let drawing = StoredValue::new_local(None::<PageDrawing>);
    let on_page = move |at: Option<(usize, usize)>| at.filter(|(p, _)| *p == number).map(|(_, line)| line);
    // The drawing follows the page (redrawing only what changed), the fonts, the section being
    // edited and both marks.
    Effect::new(move |_| {
        let Some(element) = holder.get() else { return };
        let (text, section) = (fonts_ready.get(), caret.get().map(|(section, _)| section));
        let (follow, cursor) = (on_page(follow.get()), on_page(cursor.get()));
        drawing.update_value(|d| {
            if d.is_none() {
                let notes = LimitNotes { edge: t_now(&view::limit_edge_note()), over: t_now(&view::over_limit_note()) };
                *d = PageDrawing::new(&element, number, notes, t_arg);
            }
            if let Some(drawing) = d {
                pages.with(|p| p.get(number - 1).map(|page| drawing.update(page, text)));
                drawing.set_active(section);
                drawing.mark(Mark::Follow, follow);
                drawing.mark(Mark::Cursor, cursor);
            }
        });
    });
    let line_jump = move |line: usize| pages.with_untracked(|p| p.get(number - 1)?.lines.get(line.checked_sub(1)?)?.jump);
    let keydown = move |ev: leptos::ev::KeyboardEvent| {
        let from = on_page(cursor.get_untracked());
        let step = match ev.key().as_str() {
            "ArrowDown" => Step::Down,
            "ArrowUp" => Step::Up,
            "Home" => Step::First,
            "End" => Step::Last,
            "Enter" => {
                if let Some(to) = from.and_then(line_jump) {
                    ev.prevent_default();
                    jump.run(to);
                }
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        let Some((page, line)) = pages.with_untracked(|p| view::step(p, number, from, step)) else { return };
        cursor.set(Some((page, line)));
        if page != number {
            focus_element(&format!("page-{page}"));
        }
        reveal_after_render(format!("page-{page}-cursor"));
    };
    let click = move |ev: leptos::ev::MouseEvent| {
        let Some(line) = attribute_around(ev.target(), "data-line").and_then(|v| v.parse::<usize>().ok()) else { return };
        cursor.set(Some((number, line)));
        if let Some(to) = line_jump(line) {
            jump.run(to);
        }
    };
    view! {
        <div class="sheet" id=format!("page-{number}") role="group" tabindex="0" aria-labelledby=labelled_by on:keydown=keydown on:click=click>
            <div class="sheet-holder" node_ref=holder></div>
            <p class="sheet-caption" id=caption_id>{move || pages.with(|p| p.get(number - 1).map(|page| t_now(&page.describe())))}</p>
        </div>
    }
}
