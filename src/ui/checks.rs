//! The "Checks" region, and the inline messages next to each field (the GOV.UK error summary
//! pattern: a list of links that move focus to the field, mirrored at the field).

use std::collections::HashSet;

use igf_core::checks::{Dismissed, Finding, PersonField, Report, Severity, Target};
use igf_core::layout::length::{MAX_PAGES, tenths};
use igf_core::model::draft::Draft;
use igf_core::model::source;
use igf_core::text::i18n::{Arg, Msg};
use leptos::prelude::*;

use crate::browser::platform::{Debounce, focus_after_render, focus_element, now_ms};
use super::pages::SidePanel;
use super::words::{t, t_now, t_with};

/// Ids of the fields the author has left at least once. Beside a field, problems show only once
/// it has been touched, so a new draft is not covered in warnings; the panel always shows all.
///
/// A field left by a mouse press is marked only after the click: a message appearing at once
/// would move the page under the pointer, and the click would miss the button it was aimed at.
///
/// Every method is owner-safe: the browser fires `focusout` while it removes a focused field,
/// which is after the editor's owner was disposed when the screen changes (a share link pasted
/// into the address bar), so the values may be gone and are then left alone.
#[derive(Clone, Copy)]
pub struct Touched {
    shown: RwSignal<HashSet<String>>,
    pointer_down: StoredValue<bool>,
    waiting: StoredValue<Vec<String>>,
}

impl Touched {
    pub fn new() -> Touched {
        Touched { shown: RwSignal::new(HashSet::new()), pointer_down: StoredValue::new(false), waiting: StoredValue::new(Vec::new()) }
    }

    fn contains(&self, id: &str) -> bool {
        self.shown.try_with(|set| set.contains(id)).unwrap_or(false)
    }

    pub fn mark(&self, id: String) {
        match self.pointer_down.try_get_value() {
            None => {}
            Some(true) => self.waiting.update_value(|w| w.push(id)),
            Some(false) if self.shown.try_with_untracked(|set| !set.contains(&id)).unwrap_or(false) => {
                self.shown.update(|set| {
                    set.insert(id);
                });
            }
            Some(false) => {}
        }
    }

    pub fn pointer_pressed(&self) {
        self.pointer_down.set_value(true);
    }

    /// After the click: show what was left while the pointer was down.
    pub fn pointer_released(&self) {
        self.pointer_down.set_value(false);
        let waiting = self.waiting.try_update_value(std::mem::take).unwrap_or_default();
        if !waiting.is_empty() {
            self.shown.update(|set| set.extend(waiting));
        }
    }
}

/// The id of the element a finding's link moves focus to.
pub fn dom_id(target: Target) -> String {
    match target {
        Target::Title => "proposal-title".into(),
        Target::Section(key) => format!("section-{key}-text"),
        Target::CoFacilitators => "co-facilitators-add".into(),
        Target::CoFacilitator(index, field) => person_field_id(index, field),
        Target::MeetingDate => "meeting-date".into(),
        Target::TimeframeStart => "timeframe-start".into(),
        Target::TimeframeEnd => "timeframe-end".into(),
        Target::ProposerName => "proposer-name".into(),
        Target::ProposerEmail => "proposer-email".into(),
        Target::CodeOfConduct => "code-of-conduct".into(),
        Target::Length => "page-count".into(),
    }
}

pub fn person_field_id(index: usize, field: PersonField) -> String {
    format!("person-{index}-{}", field.code())
}

fn severity_class(severity: Severity) -> &'static str {
    match severity {
        Severity::MustFix => "finding finding-must",
        Severity::ShouldFix => "finding finding-should",
        Severity::Tip => "finding finding-tip",
    }
}

/// How much of the page budget is used, for the bars: 0 to 100.
fn budget_percent(pages: f64) -> u32 {
    (pages / MAX_PAGES * 100.0).clamp(0.0, 100.0).round() as u32
}

/// The id of the list of dismissed findings' summary, where focus goes after a dismissal.
const DISMISSED_ID: &str = "dismissed-findings";

/// The checks of a draft. With `draft`, the author's: each finding that is not a must-fix can be
/// dismissed as not applicable, and brought back; without, a reviewer's, who sees what the author
/// dismissed and why.
#[component]
pub fn ChecksPanel(report: Memo<Report>, #[prop(optional)] draft: Option<RwSignal<Draft>>) -> impl IntoView {
    // Screen readers hear the summary once typing pauses, not at every keystroke.
    let (announcement, set_announcement) = signal(String::new());
    let debounce = Debounce::new(1500);
    Effect::new(move |_| {
        let summary = report.with(|r| t_now(&r.summary()));
        debounce.call(move || set_announcement.set(summary));
    });

    // Typing changes the page count at most keystrokes, the findings far less often: the lists
    // re-render only when what they show changes.
    let findings = Memo::new(move |_| report.with(|r| r.findings.clone()));
    let dismissed = Memo::new(move |_| report.with(|r| r.dismissed.clone()));
    let section_bars = Memo::new(move |_| {
        report.with(|r| {
            r.pages.section_pages.iter().map(|(heading, pages)| (*heading, tenths(*pages), budget_percent(*pages))).collect::<Vec<_>>()
        })
    });
    let counts = move || report.with(|r| r.counts()).map(|m| t_now(&m)).unwrap_or_default();
    view! {
        <section class="checks" aria-labelledby="checks-heading">
            <h2 id="checks-heading" class="side-heading" tabindex="-1">{t("checks.heading")}</h2>
            <div class="checks-summary" class:ready=move || report.with(|r| r.ready())>
                <p class="checks-verdict">{move || report.with(|r| t_now(&r.summary()))}</p>
                <p class="checks-counts">{counts}</p>
            </div>
            <div class="pages" id="page-count" tabindex="-1">
                <p class="pages-label">{move || report.with(|r| t_now(&r.pages.label()))}</p>
                <div class="pages-bar" aria-hidden="true">
                    <span class="pages-fill" style:width=move || format!("{}%", report.with(|r| budget_percent(r.pages.pages)))></span>
                    <span class="pages-min"></span>
                </div>
                <p class="pages-note">{t("checks.pages.note")}</p>
                <ul class="section-bars" aria-label=t("checks.pages.per_section")>
                    {move || section_bars.get().into_iter().map(|(heading, pages, percent)| view! {
                        <li>
                            <span class="section-bar-label">{t_with(Msg::new("checks.pages.section").arg("heading", heading).arg("pages", Arg::Decimal(pages)))}</span>
                            <span class="section-bar" aria-hidden="true"><span class="section-bar-fill" style:width=format!("{percent}%")></span></span>
                        </li>
                    }).collect_view()}
                </ul>
            </div>
            <ul class="findings">
                {move || findings.get().into_iter().map(|f| finding_item(f, draft)).collect_view()}
            </ul>
            {move || {
                let dismissed = dismissed.get();
                (!dismissed.is_empty()).then(|| view! { <DismissedList dismissed=dismissed draft=draft /> })
            }}
            <p class="visually-hidden" aria-live="polite">{announcement}</p>
        </section>
    }
}

fn finding_item(finding: Finding, draft: Option<RwSignal<Draft>>) -> impl IntoView {
    let id = dom_id(finding.target);
    let href = format!("#{id}");
    let touched = use_context::<Touched>();
    let panel = use_context::<SidePanel>();
    let key = format!("{}-{}", finding.rule, finding.target.place().replace(':', "-"));
    let message_id = format!("finding-{key}");
    let dismiss = draft.filter(|_| finding.dismissible()).map(|draft| view! { <DismissForm finding=finding.clone() draft=draft key=key message_id=message_id.clone() /> });
    view! {
        <li class=severity_class(finding.severity)>
            <span class="finding-severity">{t_with(finding.severity.label())}</span>
            <a class="finding-link" id=message_id href=href on:click=move |ev| {
                ev.prevent_default();
                if let Some(touched) = touched {
                    touched.mark(id.clone());
                }
                // On a narrow screen the checks are a sheet over the field: back to the form first.
                if let Some(panel) = panel {
                    panel.close_sheet();
                    focus_after_render(id.clone());
                } else {
                    focus_element(&id);
                }
            }>{t_with(finding.message)}</a>
            <span class="finding-source">{t_with(Msg::new("checks.source").arg("source", source::shown(finding.source)))}</span>
            {dismiss}
        </li>
    }
}

/// "Not applicable", then the optional reason and "Dismiss" or "Cancel".
#[component]
fn DismissForm(finding: Finding, draft: RwSignal<Draft>, key: String, message_id: String) -> impl IntoView {
    let open = RwSignal::new(false);
    let reason = RwSignal::new(String::new());
    let toggle_id = format!("dismiss-{key}");
    let reason_id = format!("dismiss-{key}-reason");
    let (rule, place) = (finding.rule, finding.target.place());
    let toggle = toggle_id.clone();
    let close = move || {
        open.set(false);
        focus_after_render(toggle.clone());
    };
    let focus_reason = reason_id.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        draft.update(|d| d.dismiss(rule, &place, &reason.get_untracked(), now_ms()));
        focus_after_render(DISMISSED_ID);
    };
    view! {
        <button type="button" class="button-quiet finding-dismiss" id=toggle_id aria-describedby=message_id
            aria-expanded=move || open.get().to_string() hidden=move || open.get()
            on:click=move |_| {
                open.set(true);
                focus_after_render(focus_reason.clone());
            }>{t("checks.dismiss.open")}</button>
        {move || open.get().then(|| {
            let close = close.clone();
            let cancel = close.clone();
            view! {
                <form class="dismiss-form" on:submit=submit.clone()
                    on:keydown=move |ev| if ev.key() == "Escape" { ev.prevent_default(); close(); }>
                    <label class="field-label" for=reason_id.clone()>{t("checks.dismiss.reason")}</label>
                    <input id=reason_id.clone() type="text" dir="auto" autocomplete="off" prop:value=move || reason.get()
                        on:input:target=move |ev| reason.set(ev.target().value()) />
                    <div class="button-row">
                        <button type="submit" class="button-secondary">{t("checks.dismiss.submit")}</button>
                        <button type="button" class="button-quiet" on:click=move |_| cancel()>{t("checks.dismiss.cancel")}</button>
                    </div>
                </form>
            }
        })}
    }
}

/// What the author dismissed, with why: to the author with "Restore", to a reviewer open.
#[component]
fn DismissedList(dismissed: Vec<Dismissed>, draft: Option<RwSignal<Draft>>) -> impl IntoView {
    let heading = Msg::new("checks.dismissed.heading").arg("count", dismissed.len());
    let items = dismissed.into_iter().map(|item| {
        let (rule, place) = (item.finding.rule, item.finding.target.place());
        let message_id = format!("dismissed-{rule}-{}", place.replace(':', "-"));
        let restore = draft.map(|draft| view! {
            <button type="button" class="button-quiet" aria-describedby=message_id.clone() on:click=move |_| {
                draft.update(|d| d.restore(rule, &place, now_ms()));
                focus_after_render("checks-heading");
            }>{t("checks.dismissed.restore")}</button>
        });
        view! {
            <li class="finding finding-dismissed">
                <span class="finding-severity">{t_with(item.finding.severity.label())}</span>
                <span id=message_id.clone()>{t_with(item.finding.message.clone())}</span>
                <span class="finding-note">{t_with(item.note())}</span>
                {restore}
            </li>
        }
    }).collect_view();
    view! {
        <details class="dismissed" open=draft.is_none()>
            <summary id=DISMISSED_ID>{t_with(heading)}</summary>
            <ul class="findings">{items}</ul>
        </details>
    }
}

/// The findings about one field, shown beside it: tips at once, problems once it was touched.
#[component]
pub fn FieldFindings(report: Memo<Report>, target: Target, id: String) -> impl IntoView {
    let touched = use_context::<Touched>();
    let field_id = dom_id(target);
    let items = move || {
        let shown = touched.is_none_or(|t| t.contains(&field_id));
        report.with(|r| {
            r.for_target(target)
                .filter(|f| shown || f.severity == Severity::Tip)
                .map(|f| view! { <li class=severity_class(f.severity)><span class="finding-severity">{t_now(&f.severity.label())}</span>" "{t_now(&f.message)}</li> })
                .collect_view()
        })
    };
    view! { <ul class="field-findings" id=id>{items}</ul> }
}
