//! The "Checks" region, and the inline messages next to each field (the GOV.UK error summary
//! pattern: a list of links that move focus to the field, mirrored at the field).

use std::collections::HashSet;

use igf_core::checks::{Finding, PersonField, Report, Severity, Target};
use igf_core::layout::length::{MAX_PAGES, tenths};
use leptos::prelude::*;

use crate::browser::platform::{Debounce, focus_element};

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
    let part = match field {
        PersonField::Name => "name",
        PersonField::Group => "group",
        PersonField::Email => "email",
    };
    format!("person-{index}-{part}")
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

#[component]
pub fn ChecksPanel(report: Memo<Report>) -> impl IntoView {
    // Screen readers hear the summary once typing pauses, not at every keystroke.
    let (announcement, set_announcement) = signal(String::new());
    let debounce = Debounce::new(1500);
    Effect::new(move |_| {
        let summary = report.with(|r| r.summary());
        debounce.call(move || set_announcement.set(summary));
    });

    // Typing changes the page count at most keystrokes, the findings far less often: the lists
    // re-render only when what they show changes.
    let findings = Memo::new(move |_| report.with(|r| r.findings.clone()));
    let section_bars = Memo::new(move |_| {
        report.with(|r| {
            r.pages.section_pages.iter().map(|(heading, pages)| (*heading, tenths(*pages), budget_percent(*pages))).collect::<Vec<_>>()
        })
    });
    let counts = move || {
        report.with(|r| {
            [Severity::MustFix, Severity::ShouldFix, Severity::Tip]
                .into_iter()
                .map(|s| (s, r.count(s)))
                .filter(|(_, n)| *n > 0)
                .map(|(s, n)| format!("{n} {}", s.label().to_ascii_lowercase()))
                .collect::<Vec<_>>()
                .join(" · ")
        })
    };
    view! {
        <section class="checks" aria-labelledby="checks-heading">
            <h2 id="checks-heading" class="side-heading">"Checks"</h2>
            <div class="checks-summary" class:ready=move || report.with(|r| r.ready())>
                <p class="checks-verdict">{move || report.with(|r| r.summary())}</p>
                <p class="checks-counts">{counts}</p>
            </div>
            <div class="pages" id="page-count" tabindex="-1">
                <p class="pages-label">{move || report.with(|r| r.pages.label())}</p>
                <div class="pages-bar" aria-hidden="true">
                    <span class="pages-fill" style:width=move || format!("{}%", report.with(|r| budget_percent(r.pages.pages)))></span>
                    <span class="pages-min"></span>
                </div>
                <p class="pages-note">"Laid out as the exported document: A4, Times 12 pt."</p>
                <ul class="section-bars" aria-label="Pages per section">
                    {move || section_bars.get().into_iter().map(|(heading, pages, percent)| view! {
                        <li>
                            <span class="section-bar-label">{format!("{heading}: {pages} pages")}</span>
                            <span class="section-bar" aria-hidden="true"><span class="section-bar-fill" style:width=format!("{percent}%")></span></span>
                        </li>
                    }).collect_view()}
                </ul>
            </div>
            <ul class="findings">
                {move || findings.get().into_iter().map(finding_item).collect_view()}
            </ul>
            <p class="visually-hidden" aria-live="polite">{announcement}</p>
        </section>
    }
}

fn finding_item(finding: Finding) -> impl IntoView {
    let id = dom_id(finding.target);
    let href = format!("#{id}");
    let touched = use_context::<Touched>();
    view! {
        <li class=severity_class(finding.severity)>
            <span class="finding-severity">{finding.severity.label()}</span>
            <a class="finding-link" href=href on:click=move |ev| {
                ev.prevent_default();
                if let Some(touched) = touched {
                    touched.mark(id.clone());
                }
                focus_element(&id);
            }>{finding.message}</a>
            <span class="finding-source">{format!("Source: {}", finding.source)}</span>
        </li>
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
                .map(|f| view! { <li class=severity_class(f.severity)><span class="finding-severity">{f.severity.label()}</span>" "{f.message.clone()}</li> })
                .collect_view()
        })
    };
    view! { <ul class="field-findings" id=id>{items}</ul> }
}
