//! Live checks: what is missing and which rule of the guidelines a draft breaks.
//!
//! `check` never fails and never blocks: it returns findings, each with a severity, one plain
//! sentence, the source of its rule in the seed document (Annexes II and III, the meeting
//! summary) or igf-facts.md, and the place in the draft it is about.

pub mod advice;
pub mod calm;
pub mod existing_work;
pub mod status;

use igf_codecs::order;

use crate::checks::advice::{SectionAdvice, advise, reading_ease_note, unexplained_acronyms};
use crate::checks::existing_work::{Match, Place, WorkKind, related_matches};
use crate::layout::length::{MAX_PAGES, MIN_PAGES, PageCount, PageCounter, tenths};
use crate::model::calendar::{CivilDate, YearMonth};
use crate::model::draft::Draft;
use crate::model::people::{CoFacilitator, StakeholderGroup, is_plausible_email};
use crate::model::settings::Settings;
use crate::model::source;
use crate::model::template::{Kind, SectionSpec};
use crate::text::i18n::{Arg, Msg};
use crate::text::markdown;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    MustFix,
    ShouldFix,
    Tip,
}

impl Severity {
    pub fn label(self) -> Msg {
        match self {
            Severity::MustFix => Msg::new("checks.severity.must_fix"),
            Severity::ShouldFix => Msg::new("checks.severity.should_fix"),
            Severity::Tip => Msg::new("checks.severity.tip"),
        }
    }

    /// "2 must fix": how many findings of this severity, for the counts line.
    pub fn count(self, n: usize) -> Msg {
        match self {
            Severity::MustFix => Msg::new("checks.count.must_fix").arg("count", n),
            Severity::ShouldFix => Msg::new("checks.count.should_fix").arg("count", n),
            Severity::Tip => Msg::new("checks.count.tip").arg("count", n),
        }
    }
}

/// A field of a co-facilitator row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PersonField {
    Name,
    Group,
    Email,
}

impl PersonField {
    /// "name", "group" or "email": in stored places and element ids.
    pub fn code(self) -> &'static str {
        match self {
            PersonField::Name => "name",
            PersonField::Group => "group",
            PersonField::Email => "email",
        }
    }
}

/// The place in the draft a finding is about, so the UI can move focus there.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    Title,
    Section(&'static str),
    CoFacilitators,
    CoFacilitator(usize, PersonField),
    MeetingDate,
    TimeframeStart,
    TimeframeEnd,
    ProposerName,
    ProposerEmail,
    CodeOfConduct,
    /// The length of the whole document.
    Length,
}

impl Target {
    /// The place as stored with a dismissal: "title", "section:theme", "co-facilitator:2:email".
    /// These names are stored in drafts; they must never change.
    pub fn place(self) -> String {
        match self {
            Target::Title => "title".into(),
            Target::Section(key) => format!("section:{key}"),
            Target::CoFacilitators => "co-facilitators".into(),
            Target::CoFacilitator(index, field) => format!("co-facilitator:{}:{}", index + 1, field.code()),
            Target::MeetingDate => "meeting-date".into(),
            Target::TimeframeStart => "timeframe-start".into(),
            Target::TimeframeEnd => "timeframe-end".into(),
            Target::ProposerName => "proposer-name".into(),
            Target::ProposerEmail => "proposer-email".into(),
            Target::CodeOfConduct => "code-of-conduct".into(),
            Target::Length => "length".into(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// A stable name for the rule, for tests and for telling findings apart.
    pub rule: &'static str,
    pub severity: Severity,
    pub message: Msg,
    pub source: &'static str,
    pub target: Target,
}

impl Finding {
    /// Whether the author may dismiss it as not applicable: anything but a must-fix rule of the
    /// seed, which a proposal has to meet whatever its author thinks.
    pub fn dismissible(&self) -> bool {
        self.severity != Severity::MustFix
    }

    /// Whether `other` is the same finding, perhaps with other figures in its sentence.
    pub fn same_as(&self, other: &Finding) -> bool {
        self.rule == other.rule && self.target == other.target
    }
}

/// A finding the author dismissed as not applicable, with their reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dismissed {
    pub finding: Finding,
    pub reason: String,
}

impl Dismissed {
    /// "Dismissed as not applicable: the BPF is virtual." or without a reason.
    pub fn note(&self) -> Msg {
        match self.reason.trim() {
            "" => Msg::new("checks.dismissed.no_reason"),
            reason => Msg::new("checks.dismissed.reason").arg("reason", sentence(reason)),
        }
    }
}

/// The text as a sentence: ends with a full stop unless it ends with its own punctuation.
fn sentence(text: &str) -> String {
    if text.ends_with(['.', '!', '?', '…']) { text.to_owned() } else { format!("{text}.") }
}

/// When a BPF proposal is due, from the meeting date and the deadline setting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Deadline {
    pub meeting: CivilDate,
    pub due: CivilDate,
    /// Negative once the deadline has passed.
    pub days_left: i64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// Most severe first; within a severity, in the order of the document.
    pub findings: Vec<Finding>,
    pub deadline: Option<Deadline>,
    pub pages: PageCount,
    /// The Flesch reading ease of each section of the template, where it can be told.
    pub reading_ease: Vec<Option<i32>>,
    /// Findings the author dismissed, in the order of `findings`; they count nowhere else.
    pub dismissed: Vec<Dismissed>,
}

impl Report {
    pub fn count(&self, severity: Severity) -> usize {
        self.findings.iter().filter(|f| f.severity == severity).count()
    }

    /// The sentences of the must-fix findings, for a document marked as not ready.
    pub fn must_fix(&self) -> Vec<String> {
        self.findings.iter().filter(|f| f.severity == Severity::MustFix).map(|f| f.message.english()).collect()
    }

    pub fn ready(&self) -> bool {
        self.count(Severity::MustFix) == 0
    }

    /// "3 to fix", or "Ready": the summary where there is room for a word or two.
    pub fn short_summary(&self) -> Msg {
        match self.count(Severity::MustFix) {
            0 => Msg::new("checks.summary.short.ready"),
            n => Msg::new("checks.summary.short.to_fix").arg("count", n),
        }
    }

    /// "3 to fix before submitting", or "Ready to submit".
    pub fn summary(&self) -> Msg {
        match self.count(Severity::MustFix) {
            0 => Msg::new("checks.summary.ready"),
            n => Msg::new("checks.summary.to_fix").arg("count", n),
        }
    }

    /// "2 must fix · 1 tip": the count of each severity found, most severe first.
    pub fn counts(&self) -> Option<Msg> {
        let mut counts = [Severity::MustFix, Severity::ShouldFix, Severity::Tip].into_iter().map(|s| (s, self.count(s))).filter(|(_, n)| *n > 0);
        let first = counts.next().map(|(s, n)| s.count(n))?;
        Some(counts.fold(first, |head, (s, n)| Msg::new("checks.counts.join").arg("head", head).arg("item", s.count(n))))
    }

    pub fn for_target(&self, target: Target) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(move |f| f.target == target)
    }

    /// "Readability 52 (Flesch reading ease, higher is easier)" for the section at `index`, or
    /// nothing where the figure would mean nothing (short text, not English).
    pub fn readability_note(&self, index: usize) -> Option<Msg> {
        self.reading_ease.get(index).copied().flatten().map(reading_ease_note)
    }
}

/// Judges a draft. `today` is the author's calendar date.
pub fn check(draft: &Draft, today: CivilDate, settings: &Settings) -> Report {
    Checker::default().check(draft, today, settings)
}

/// Judges a draft again and again as it is edited, for the live checks: it keeps, by text, what
/// each section decides on its own (its layout, its placeholder findings, the related work the
/// theme names), so a keystroke re-judges only the section it changed. Its reports are the same
/// as [`check`]'s.
#[derive(Default)]
pub struct Checker {
    pages: PageCounter,
    texts: Texts,
}

impl Checker {
    pub fn check(&mut self, draft: &Draft, today: CivilDate, settings: &Settings) -> Report {
        judge(draft, today, settings, &mut self.pages, &mut self.texts)
    }

    /// The counter of the last check, which keeps each section's lines: the page view drawn
    /// from it after a check breaks no line again.
    pub fn page_counter(&mut self) -> &mut PageCounter {
        &mut self.pages
    }
}

/// What the texts of a draft decide on their own, kept by text between checks.
#[derive(Default)]
struct Texts {
    sections: Vec<Option<SectionFacts>>,
    related: Option<Related>,
}

/// What one section's text decides, whatever the rest of the draft says.
struct SectionFacts {
    spec: &'static SectionSpec,
    text: String,
    placeholders: Vec<Finding>,
    mentions_stakeholders: bool,
    /// The heading in quotes, as findings name the section.
    name: Msg,
    advice: SectionAdvice,
    /// Worked out on first use: only the timeframe section needs it.
    forecast: Option<Forecast>,
}

/// The title and theme that existing work was last matched against, and what matched.
struct Related {
    title: String,
    theme: String,
    matches: Vec<Match>,
}

impl Texts {
    /// The facts of section `index`, worked out again only when its text (or template) changed.
    fn section(&mut self, draft: &Draft, index: usize) -> &mut SectionFacts {
        let spec = &draft.template().sections[index];
        let text = draft.section(index);
        if self.sections.len() <= index {
            self.sections.resize_with(index + 1, || None);
        }
        let slot = &mut self.sections[index];
        if !slot.as_ref().is_some_and(|facts| std::ptr::eq(facts.spec, spec) && facts.text == text) {
            *slot = None;
        }
        slot.get_or_insert_with(|| SectionFacts::of(spec, text))
    }

    /// The facts of every section of the template, in order, once each was worked out.
    fn template_sections(&self, draft: &Draft) -> Vec<&SectionFacts> {
        self.sections.iter().take(draft.template().sections.len()).flatten().collect()
    }

    /// Existing work that the title or the theme names, matched again only when either changed.
    fn related_work(&mut self, draft: &Draft) -> &[Match] {
        let theme = draft.template().section_index("theme").map_or("", |i| draft.section(i));
        let related = &mut self.related;
        if !related.as_ref().is_some_and(|r| r.title == draft.title && r.theme == theme) {
            *related = None;
        }
        let related = related.get_or_insert_with(|| Related {
            title: draft.title.clone(),
            theme: theme.to_owned(),
            matches: related_matches(&draft.title, theme),
        });
        &related.matches
    }

    /// Whether any section, of the template or not, speaks of stakeholders.
    fn mention_stakeholders(&mut self, draft: &Draft) -> bool {
        let known = draft.template().sections.len();
        (0..known).any(|index| self.section(draft, index).mentions_stakeholders)
            || draft.sections_by_key().skip(known).any(|(_, text)| mentions_stakeholders(text))
    }
}

impl SectionFacts {
    fn of(spec: &'static SectionSpec, text: &str) -> SectionFacts {
        let mut found = Vec::new();
        let name = section_name(spec);
        let target = Target::Section(spec.key);
        // The checks compare with the English guidance, as the template's own text.
        let guidance = spec.guidance.english();
        placeholders(text, name.clone(), target, spec.rule_source, Some(&guidance), &mut found);
        // Advice on the editor's own guidance, pasted back, would only add to the must-fix.
        let pasted = found.iter().any(|f| f.rule == "guidance-pasted");
        SectionFacts {
            spec,
            text: text.to_owned(),
            placeholders: found,
            mentions_stakeholders: mentions_stakeholders(text),
            advice: if pasted { SectionAdvice::default() } else { advise(&markdown::parse(text), &name, target, &guidance) },
            name,
            forecast: None,
        }
    }

    fn forecast(&mut self) -> Forecast {
        self.forecast.get_or_insert_with(|| forecast_stated(&markdown::plain_text(&markdown::parse(&self.text)))).clone()
    }
}

fn judge(draft: &Draft, today: CivilDate, settings: &Settings, pages: &mut PageCounter, texts: &mut Texts) -> Report {
    let mut findings = Vec::new();
    let kind = draft.kind;
    let (template_source, length_source) = if kind.is_bpf() { (source::BPF_TEMPLATE, source::BPF_LENGTH) } else { (source::WG_TEMPLATE, source::WG_LENGTH) };

    if draft.title.trim().is_empty() {
        findings.push(finding("title-missing", Severity::MustFix, Target::Title, template_source,
            Msg::new("checks.title.missing")));
    } else {
        placeholders(&draft.title, Msg::new("checks.name.title"), Target::Title, template_source, None, &mut findings);
    }
    if kind.is_bpf() {
        related_existing_work(draft, texts.related_work(draft), &mut findings);
    }
    for (index, spec) in draft.template().sections.iter().enumerate() {
        check_section(draft, index, spec, texts.section(draft, index), &mut findings);
    }
    let sections = texts.template_sections(draft);
    let used = sections.iter().map(|facts| (Target::Section(facts.spec.key), &facts.name, facts.advice.acronyms.as_slice()));
    findings.extend(unexplained_acronyms(used));
    let reading_ease = sections.iter().map(|facts| facts.advice.reading_ease).collect();
    if kind.is_bpf() {
        bpf_co_facilitators(draft, &mut findings);
    } else {
        wg_co_facilitators(draft, texts.mention_stakeholders(draft), &mut findings);
    }
    let deadline = meeting_and_deadline(draft, today, settings, &mut findings);
    timeframe(draft, today, |index| texts.section(draft, index).forecast(), &mut findings);
    contact_and_conduct(draft, &mut findings);
    let pages = pages.count(draft);
    length_findings(&pages, length_source, &mut findings);

    order::sort_by(&mut findings, &mut |a, b| a.severity.cmp(&b.severity));
    let (findings, dismissed) = set_aside_dismissed(findings, draft);
    Report { findings, deadline, pages, reading_ease, dismissed }
}

/// Splits off the findings the author dismissed; a must-fix finding is never set aside.
fn set_aside_dismissed(findings: Vec<Finding>, draft: &Draft) -> (Vec<Finding>, Vec<Dismissed>) {
    if draft.details().dismissed.is_empty() {
        return (findings, Vec::new());
    }
    let mut kept = Vec::with_capacity(findings.len());
    let mut dismissed = Vec::new();
    for finding in findings {
        match draft.dismissal(finding.rule, &finding.target.place()).filter(|_| finding.dismissible()) {
            Some(by_author) => dismissed.push(Dismissed { reason: by_author.reason.clone(), finding }),
            None => kept.push(finding),
        }
    }
    (kept, dismissed)
}

fn finding(rule: &'static str, severity: Severity, target: Target, source: &'static str, message: Msg) -> Finding {
    Finding { rule, severity, message, source, target }
}

fn check_section(draft: &Draft, index: usize, spec: &'static SectionSpec, facts: &SectionFacts, findings: &mut Vec<Finding>) {
    let text = draft.section(index);
    let target = Target::Section(spec.key);
    let has_people = spec.key == "co-facilitators" && !draft.details().co_facilitators.is_empty();
    if text.trim().is_empty() {
        if !spec.optional && !has_people {
            let message = if spec.key == "annual-report" {
                Msg::new("checks.section.annual_report_missing")
            } else {
                Msg::new("checks.section.missing").arg("heading", spec.heading)
            };
            findings.push(finding("section-missing", Severity::MustFix, target, spec.rule_source, message));
        }
        return;
    }
    findings.extend(facts.placeholders.iter().cloned());
    findings.extend(facts.advice.tips.iter().cloned());
    let words = draft.section_words(index);
    if !spec.optional && words < usize::from(spec.min_words) {
        findings.push(finding("section-thin", Severity::ShouldFix, target, spec.rule_source,
            Msg::new("checks.section.thin").arg("section", section_name(spec)).arg("words", words).arg("min", spec.min_words)));
    }
}

/// Placeholder text: TBD, TODO, XXX, TBC, lorem ipsum, "[insert ...]", lone ellipses, and the
/// section's own guidance pasted back.
fn placeholders(text: &str, name: Msg, target: Target, source: &'static str, guidance: Option<&str>, findings: &mut Vec<Finding>) {
    const MARKERS: [&str; 4] = ["tbd", "todo", "xxx", "tbc"];
    let lower = text.to_ascii_lowercase();
    let lone_ellipsis = |s: &str| !s.is_empty() && s.chars().all(|c| c == '.' || c == '…') && (s.contains('…') || s.len() >= 3);
    let marker = lower
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| MARKERS.contains(w))
        .map(str::to_ascii_uppercase)
        .or_else(|| lower.contains("lorem ipsum").then(|| "lorem ipsum".to_owned()))
        .or_else(|| lower.contains("[insert").then(|| "[insert …]".to_owned()))
        .or_else(|| {
            let has_dots = text.contains("...") || text.contains('…');
            (has_dots && text.split_whitespace().any(lone_ellipsis)).then(|| "…".to_owned())
        });
    if let Some(marker) = marker {
        findings.push(finding("placeholder", Severity::MustFix, target, source,
            Msg::new("checks.placeholder").arg("name", name.clone()).arg("marker", marker)));
    }
    if let Some(guidance) = guidance
        && collapse_spaces(text).contains(&collapse_spaces(guidance)) {
            findings.push(finding("guidance-pasted", Severity::MustFix, target, source,
                Msg::new("checks.guidance_pasted").arg("name", name)));
        }
}

/// The section as findings name it: its heading in quotes.
fn section_name(spec: &SectionSpec) -> Msg {
    Msg::new("checks.name.section").arg("heading", spec.heading)
}

/// Whether the text speaks of stakeholders; the MAG's own name, spelled out, does not count.
fn mentions_stakeholders(text: &str) -> bool {
    text.to_ascii_lowercase().replace("multistakeholder advisory group", "").contains("stakeholder")
}

fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").to_ascii_lowercase()
}

/// Existing work the title or the theme names. The meeting summary (paragraphs 5 and 6) asks
/// proposers to coordinate with existing work: the MAG withdrew a proposed IoT BPF as
/// duplicating the Dynamic Coalition on IoT, and asked that BPFs build on what DCs and workshops
/// already discussed. A title that names existing work is about it, so the proposal should say
/// how it differs (Should fix); a theme that touches on it is weaker evidence, and saying how the
/// work builds on it is advice (Tip). Each finding quotes the words that matched, for the author
/// to judge.
fn related_existing_work(draft: &Draft, related: &[Match], findings: &mut Vec<Finding>) {
    for found in related {
        let work = found.work;
        // A continuing BPF is expected to match its own past topic.
        if draft.kind == Kind::ContinuingBpf && matches!(work.kind, WorkKind::PastBpf(_)) {
            continue;
        }
        let severity = match found.place {
            Place::Title => Severity::ShouldFix,
            Place::Theme => Severity::Tip,
        };
        let message = match (work.kind, found.place) {
            (WorkKind::PastBpf(_), Place::Title) => Msg::new("checks.related.title.past_bpf"),
            (WorkKind::PastBpf(_), Place::Theme) => Msg::new("checks.related.theme.past_bpf"),
            (_, Place::Title) => Msg::new("checks.related.title"),
            (_, Place::Theme) => Msg::new("checks.related.theme"),
        };
        let message = message.arg("work", work.describe()).arg("words", quoted_list(&found.words));
        findings.push(finding("related-work", severity, Target::Section("theme"), source::RELATED_WORK, message));
    }
}

/// “a”, “b” and “c”.
fn quoted_list(words: &[String]) -> Arg {
    Arg::list(words.iter().map(|w| Msg::new("checks.quoted").arg("text", w)))
}

fn people_rows(draft: &Draft, severity: Severity, source: &'static str, findings: &mut Vec<Finding>) {
    for (index, person) in draft.details().co_facilitators.iter().enumerate() {
        let who = person_label(index, person);
        if person.name.trim().is_empty() {
            findings.push(finding("person-name", severity, Target::CoFacilitator(index, PersonField::Name), source,
                Msg::new("checks.person.name").arg("number", index + 1)));
        }
        if person.group.is_none() {
            findings.push(finding("person-group", severity, Target::CoFacilitator(index, PersonField::Group), source,
                Msg::new("checks.person.group").arg("who", who.clone())));
        }
        if !person.email.trim().is_empty() && !is_plausible_email(&person.email) {
            findings.push(finding("person-email", Severity::ShouldFix, Target::CoFacilitator(index, PersonField::Email), source,
                Msg::new("checks.person.email").arg("who", who).arg("email", person.email.trim())));
        }
    }
}

fn person_label(index: usize, person: &CoFacilitator) -> Arg {
    match person.name.trim() {
        "" => Msg::new("checks.person.unnamed").arg("number", index + 1).into(),
        name => name.into(),
    }
}

/// A stakeholder group as findings name it.
fn group_name(group: Option<StakeholderGroup>) -> Arg {
    group.map_or_else(|| Arg::Text(String::new()), |g| g.msg().into())
}

fn mag_members(draft: &Draft) -> Vec<&CoFacilitator> {
    draft.details().co_facilitators.iter().filter(|p| p.mag_member).collect()
}

fn bpf_co_facilitators(draft: &Draft, findings: &mut Vec<Finding>) {
    let people = &draft.details().co_facilitators;
    if people.is_empty() {
        let text = draft.template().section_index("co-facilitators").map_or("", |i| draft.section(i));
        if !text.trim().is_empty() {
            findings.push(finding("people-unlisted", Severity::ShouldFix, Target::CoFacilitators, source::BPF_MAG_CO_FACILITATORS,
                Msg::new("checks.people.unlisted")));
        }
        findings.push(finding("bpf-mag-count", Severity::MustFix, Target::CoFacilitators, source::BPF_MAG_CO_FACILITATORS,
            Msg::new("checks.bpf.mag_none_listed")));
        return;
    }
    people_rows(draft, Severity::MustFix, source::BPF_MAG_CO_FACILITATORS, findings);
    let mag = mag_members(draft);
    match mag.len() {
        0 | 1 => findings.push(finding("bpf-mag-count", Severity::MustFix, Target::CoFacilitators, source::BPF_MAG_CO_FACILITATORS,
            if mag.is_empty() { Msg::new("checks.bpf.mag_none") } else { Msg::new("checks.bpf.mag_one") })),
        2 | 3 => {
            let first = mag[0].group;
            if first.is_some() && mag.iter().all(|p| p.group == first) {
                findings.push(finding("bpf-mag-same-group", Severity::Tip, Target::CoFacilitators, source::BPF_MAG_CO_FACILITATORS,
                    Msg::new("checks.bpf.mag_same_group").arg("group", group_name(first))));
            }
        }
        n => findings.push(finding("bpf-mag-count", Severity::ShouldFix, Target::CoFacilitators, source::BPF_MAG_CO_FACILITATORS,
            Msg::new("checks.bpf.mag_many").arg("count", n))),
    }
}

/// `mentioned`: whether any section speaks of stakeholders.
fn wg_co_facilitators(draft: &Draft, mentioned: bool, findings: &mut Vec<Finding>) {
    people_rows(draft, Severity::ShouldFix, source::WG_CO_FACILITATORS, findings);
    let mag = mag_members(draft);
    if mag.len() != 2 {
        findings.push(finding("wg-mag-count", Severity::ShouldFix, Target::CoFacilitators, source::WG_CO_FACILITATORS,
            Msg::new("checks.wg.mag_count").arg("count", mag.len())));
    } else if mag[0].group.is_some() && mag[0].group == mag[1].group {
        findings.push(finding("wg-mag-same-group", Severity::ShouldFix, Target::CoFacilitators, source::WG_CO_FACILITATORS,
            Msg::new("checks.wg.mag_same_group").arg("group", group_name(mag[0].group))));
    }
    if !mentioned {
        let target = Target::Section(if draft.template().section_index("implementation").is_some() { "implementation" } else { "purpose" });
        findings.push(finding("wg-balance", Severity::Tip, target, source::WG_BALANCE,
            Msg::new("checks.wg.balance")));
    }
}

fn meeting_and_deadline(draft: &Draft, today: CivilDate, settings: &Settings, findings: &mut Vec<Finding>) -> Option<Deadline> {
    let text = draft.details().meeting_date.trim();
    let source = if draft.kind.is_bpf() { source::BPF_PROPOSAL } else { source::WG_PROPOSAL };
    if text.is_empty() {
        if draft.kind.is_bpf() {
            findings.push(finding("meeting-date-missing", Severity::ShouldFix, Target::MeetingDate, source::BPF_DEADLINE,
                Msg::new("checks.meeting.missing")));
        }
        return None;
    }
    let Some(meeting) = CivilDate::parse_iso(text) else {
        findings.push(finding("meeting-date-invalid", Severity::MustFix, Target::MeetingDate, source,
            Msg::new("checks.meeting.invalid").arg("text", text)));
        return None;
    };
    if !draft.kind.is_bpf() {
        return None;
    }
    let weeks = settings.bpf_deadline_weeks;
    let due = meeting.add_days(-7 * i64::from(weeks));
    let days_left = today.days_until(due);
    let deadline = Deadline { meeting, due, days_left };
    let rule = Msg::new("checks.deadline.rule").arg("weeks", weeks).arg("meeting", meeting);
    if days_left < 0 {
        findings.push(finding("deadline-passed", Severity::MustFix, Target::MeetingDate, source::BPF_DEADLINE,
            Msg::new("checks.deadline.passed").arg("due", due).arg("rule", rule).arg("days", days_left.unsigned_abs() as usize)));
    } else {
        let when = match days_left {
            0 => Msg::new("checks.deadline.today"),
            1 => Msg::new("checks.deadline.tomorrow"),
            n => Msg::new("checks.deadline.in_days").arg("days", n),
        };
        findings.push(finding("deadline-upcoming", Severity::Tip, Target::MeetingDate, source::BPF_DEADLINE,
            Msg::new("checks.deadline.upcoming").arg("due", due).arg("when", when).arg("rule", rule)));
    }
    Some(deadline)
}

/// `forecast` tells what the section at an index says of the timeframe's length.
fn timeframe(draft: &Draft, today: CivilDate, forecast: impl FnOnce(usize) -> Forecast, findings: &mut Vec<Finding>) {
    let details = draft.details();
    let bpf = draft.kind.is_bpf();
    let source = if bpf { source::BPF_TIMEFRAME } else { source::WG_TIMEFRAME };
    let parse = |text: &str, target: Target, findings: &mut Vec<Finding>| -> Option<YearMonth> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        let parsed = YearMonth::parse_iso(text);
        if parsed.is_none() {
            findings.push(finding("timeframe-invalid", Severity::MustFix, target, source,
                Msg::new("checks.timeframe.invalid").arg("text", text)));
        }
        parsed
    };
    let start = parse(&details.timeframe_start, Target::TimeframeStart, findings);
    let end = parse(&details.timeframe_end, Target::TimeframeEnd, findings);
    let index = draft.template().section_index("timeframe");
    let (Some(start), Some(end)) = (start, end) else {
        if details.timeframe_start.trim().is_empty() || details.timeframe_end.trim().is_empty() {
            let target = if details.timeframe_start.trim().is_empty() { Target::TimeframeStart } else { Target::TimeframeEnd };
            let severity = if bpf { Severity::ShouldFix } else { Severity::Tip };
            findings.push(finding("timeframe-missing", severity, target, source,
                Msg::new("checks.timeframe.missing")));
        }
        // Without both months, a WG is judged by what its timeframe text says.
        if !bpf && let Some(index) = index {
            wg_lifetime_stated(&forecast(index), today, findings);
        }
        return;
    };
    let months = start.months_through(end);
    if months < 1 {
        findings.push(finding("timeframe-order", Severity::MustFix, Target::TimeframeEnd, source,
            Msg::new("checks.timeframe.order").arg("start", start).arg("end", end)));
        return;
    }
    if !bpf {
        if months > 12 {
            findings.push(finding("wg-lifetime", Severity::ShouldFix, Target::TimeframeEnd, source::WG_LIFETIME,
                Msg::new("checks.wg.lifetime.dates").arg("months", months).arg("start", start).arg("end", end)));
        } else if let Some(index) = index {
            // The months fit one cycle, but the text may still plan for several.
            wg_lifetime_stated(&forecast(index), today, findings);
        }
        return;
    }
    let Some(index) = index else { return };
    let stated = forecast(index).kind(today);
    let multi_year = months > 12;
    let span = Msg::new("checks.timeframe.span").arg("start", start).arg("end", end).arg("months", months);
    match stated {
        ForecastKind::Unstated => findings.push(finding("forecast-unstated", Severity::Tip, Target::Section("timeframe"), source::BPF_TIMEFRAME,
            if multi_year { Msg::new("checks.forecast.unstated.multi_year") } else { Msg::new("checks.forecast.unstated.one_year") }.arg("span", span))),
        ForecastKind::OneYear if multi_year => findings.push(finding("forecast-mismatch", Severity::ShouldFix, Target::Section("timeframe"), source::BPF_TIMEFRAME,
            Msg::new("checks.forecast.says_one_year").arg("span", span))),
        ForecastKind::MultiYear if !multi_year => findings.push(finding("forecast-mismatch", Severity::ShouldFix, Target::Section("timeframe"), source::BPF_TIMEFRAME,
            Msg::new("checks.forecast.says_multi_year").arg("span", span))),
        _ => {}
    }
}

/// A WG whose timeframe text plans for more than one IGF cycle (and does not also say one
/// year or one cycle) gets the Annex III rule: one cycle, approved anew each year.
fn wg_lifetime_stated(forecast: &Forecast, today: CivilDate, findings: &mut Vec<Finding>) {
    if forecast.kind(today) != ForecastKind::MultiYear {
        return;
    }
    let said = forecast.multi_phrase(today).unwrap_or_default();
    findings.push(finding("wg-lifetime", Severity::ShouldFix, Target::Section("timeframe"), source::WG_LIFETIME,
        Msg::new("checks.wg.lifetime.stated").arg("said", said)));
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ForecastKind {
    Unstated,
    OneYear,
    MultiYear,
    Both,
}

/// What a timeframe text says of the work's length, from the phrasings people use. It depends
/// on the text alone (so it can be kept by text); `until` is weighed against today's year.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Forecast {
    /// It says one year, twelve months, one IGF cycle, until the next IGF...
    one: bool,
    /// The words that say more than one year: "three years", "multi-year", "2027 to 2029"...
    multi: Option<String>,
    /// "until 2030": the year, and the words.
    until: Option<(i32, String)>,
}

impl Forecast {
    /// The words that say more than one year, if any: "until Y" counts when Y is at least two
    /// years after today's (an IGF cycle runs within a calendar year, so from late in one year
    /// "until next year" may still be one cycle).
    fn multi_phrase(&self, today: CivilDate) -> Option<String> {
        self.multi.clone().or_else(|| self.until.as_ref().filter(|(year, _)| *year >= today.year + 2).map(|(_, said)| said.clone()))
    }

    fn kind(&self, today: CivilDate) -> ForecastKind {
        match (self.one, self.multi_phrase(today).is_some()) {
            (false, false) => ForecastKind::Unstated,
            (true, false) => ForecastKind::OneYear,
            (false, true) => ForecastKind::MultiYear,
            (true, true) => ForecastKind::Both,
        }
    }
}

/// Phrasings of a one-year timeframe (hyphens read as spaces: "1-year" is "1 year").
const ONE_YEAR: &[&str] = &[
    "1 year", "one year", "single year", "a year long", "12 months", "12 month", "twelve months", "twelve month",
    "one igf cycle", "one cycle", "single igf cycle", "single cycle", "this igf cycle", "the current igf cycle",
    "one annual cycle", "until the next igf", "until the next annual meeting", "until the annual meeting",
    "within a year", "within one year",
];

/// Phrasings of a timeframe longer than one year or one cycle.
const MULTI_YEAR: &[&str] = &[
    "multi year", "multiyear", "multi annual", "multiannual", "multi cycle", "multiple years", "several years",
    "many years", "more than one year", "more than a year", "longer than one year", "longer than a year",
    "2 years", "two years", "3 years", "three years", "4 years", "four years", "5 years", "five years",
    "2 year", "two year", "3 year", "three year", "4 year", "four year", "5 year", "five year",
    "18 months", "24 months", "30 months", "36 months", "18 month", "24 month", "36 month",
    "eighteen months", "twenty four months", "thirty six months",
    "2 cycles", "two cycles", "3 cycles", "three cycles", "several cycles", "multiple cycles", "successive cycles",
    "2 igf cycles", "two igf cycles", "3 igf cycles", "three igf cycles", "several igf cycles", "multiple igf cycles",
    "more than one cycle", "more than one igf cycle", "consecutive years", "successive years",
];

/// Words before a length that make it a part, or the past: "more than one year" is not one
/// year; "in the last two years" is history, not the plan.
const NOT_ONE_AFTER: &[&str] = &["more than", "longer than", "first", "each", "every", "per"];
const NOT_MULTI_AFTER: &[&str] = &["last", "past", "previous", "preceding", "every", "each"];

fn forecast_stated(text: &str) -> Forecast {
    let lower = collapse_spaces(text);
    let spaced = collapse_spaces(&text.replace(['-', '‑', '–', '—'], " "));
    let find = |phrases: &[&'static str], not_after: &[&str]| {
        phrases.iter().copied().find(|p| {
            phrase_positions(&spaced, p).any(|at| {
                let before = spaced[..at].trim_end();
                !not_after.iter().any(|w| before.ends_with(w) && !before[..before.len() - w.len()].ends_with(char::is_alphanumeric))
            })
        })
    };
    let one = find(ONE_YEAR, NOT_ONE_AFTER).is_some();
    let multi = find(MULTI_YEAR, NOT_MULTI_AFTER).map(str::to_owned).or_else(|| year_range(&lower));
    Forecast { one, multi, until: until_year(&lower) }
}

/// Words of lower-cased text, trimmed of punctuation around them.
fn plain_words(text: &str) -> Vec<&str> {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && !"-‑–—/".contains(c)))
        .map(|w| w.trim_matches(|c: char| "-‑–—/".contains(c)))
        .filter(|w| !w.is_empty())
        .collect()
}

fn as_year(word: &str) -> Option<i32> {
    (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit())).then(|| word.parse().ok()).flatten().filter(|y| (1990..2200).contains(y))
}

/// A span of years: "2027-2029", "2027–29", "2027/2028", "from 2027 to 2029", "between 2027
/// and 2028", "2027 until 2029", as "2027 to 2029".
fn year_range(text: &str) -> Option<String> {
    let words = plain_words(text);
    let range = |from: i32, to: i32| (to > from).then(|| format!("{from} to {to}"));
    for (i, word) in words.iter().enumerate() {
        if let Some((a, b)) = word.split_once(['-', '‑', '–', '—', '/'])
            && let Some(from) = as_year(a)
        {
            let to = as_year(b).or_else(|| {
                (b.len() == 2 && b.bytes().all(|c| c.is_ascii_digit())).then(|| from - from % 100 + b.parse::<i32>().unwrap_or(0))
            });
            if let Some(found) = to.and_then(|to| range(from, to)) {
                return Some(found);
            }
        }
        if let Some(from) = as_year(word)
            && let [joint, next, ..] = &words[i + 1..]
            && ["to", "until", "till", "through", "thru", "and"].contains(joint)
            && let Some(found) = as_year(next).and_then(|to| range(from, to))
        {
            return Some(found);
        }
    }
    None
}

/// "until 2030", "till 2030", "through 2030": the latest such year.
fn until_year(text: &str) -> Option<(i32, String)> {
    let words = plain_words(text);
    words
        .windows(2)
        .filter(|pair| ["until", "till", "through", "thru"].contains(&pair[0]))
        .filter_map(|pair| as_year(pair[1]).map(|year| (year, format!("{} {}", pair[0], pair[1]))))
        .max_by_key(|(year, _)| *year)
}

/// Where `phrase` occurs in `text` on word boundaries.
fn phrase_positions<'t>(text: &'t str, phrase: &'t str) -> impl Iterator<Item = usize> + 't {
    text.match_indices(phrase).filter_map(move |(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + phrase.len()..].chars().next();
        (!before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)).then_some(at)
    })
}

fn contact_and_conduct(draft: &Draft, findings: &mut Vec<Finding>) {
    let details = draft.details();
    let (conduct_source, contact_source) = if draft.kind.is_bpf() {
        (source::BPF_CONDUCT, source::BPF_PROPOSAL)
    } else {
        (source::WG_CONDUCT, source::WG_PROPOSAL)
    };
    if details.proposer.name.trim().is_empty() {
        findings.push(finding("proposer-name", Severity::MustFix, Target::ProposerName, contact_source,
            Msg::new("checks.proposer.name")));
    }
    let email = details.proposer.email.trim();
    if email.is_empty() {
        findings.push(finding("proposer-email", Severity::MustFix, Target::ProposerEmail, contact_source,
            Msg::new("checks.proposer.email_missing")));
    } else if !is_plausible_email(email) {
        findings.push(finding("proposer-email", Severity::MustFix, Target::ProposerEmail, contact_source,
            Msg::new("checks.proposer.email_invalid").arg("email", email)));
    }
    if !details.code_of_conduct {
        findings.push(finding("code-of-conduct", Severity::MustFix, Target::CodeOfConduct, conduct_source,
            Msg::new("checks.code_of_conduct")));
    }
}

fn length_findings(pages: &PageCount, source: &'static str, findings: &mut Vec<Finding>) {
    if pages.pages > MAX_PAGES {
        findings.push(finding("length-long", Severity::MustFix, Target::Length, source,
            Msg::new("checks.length.long").arg("pages", Arg::Decimal(tenths(pages.pages)))));
    } else if pages.pages < MIN_PAGES {
        findings.push(finding("length-short", Severity::ShouldFix, Target::Length, source,
            Msg::new("checks.length.short").arg("pages", Arg::Decimal(tenths(pages.pages)))));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forecast_phrasings_people_use() {
        use ForecastKind::*;
        let today = CivilDate::new(2026, 11, 29).unwrap();
        let table: &[(&str, ForecastKind)] = &[
            ("One year: call for input in April.", OneYear),
            ("A 1-year forecast.", OneYear),
            ("Twelve months, February to January.", OneYear),
            ("A 12-month plan.", OneYear),
            ("One IGF cycle: February to December.", OneYear),
            ("For a single IGF cycle.", OneYear),
            ("Until the next IGF, reporting at every MAG meeting.", OneYear),
            ("From the first MAG meeting until the annual meeting.", OneYear),
            ("Three years, from 2027 to 2029.", MultiYear),
            ("A 3-year programme.", MultiYear),
            ("Multi-year: the first phase maps the field.", MultiYear),
            ("A multiyear effort.", MultiYear),
            ("2027-2029, in three phases.", MultiYear),
            ("2027–29, in three phases.", MultiYear),
            ("From 2027 to 2029.", MultiYear),
            ("Between 2027 and 2028.", MultiYear),
            ("Over two cycles.", MultiYear),
            ("For two IGF cycles, then a review.", MultiYear),
            ("Until 2030, with yearly reports.", MultiYear),
            ("Through 2029.", MultiYear),
            ("For more than one year.", MultiYear),
            ("About 18 months.", MultiYear),
            ("Two-year forecast.", MultiYear),
            ("Several years of work.", MultiYear),
            ("One year, renewable: the group may continue for a second and third year over three years.", Both),
            ("Calls for input in spring, drafting in autumn.", Unstated),
            ("Building on the last two years of work, calls run from February to November.", Unstated),
            ("Reports every two years.", Unstated),
            ("Until 2027, when the annual meeting takes place.", Unstated),
            ("Submitted in 2027.", Unstated),
            ("The 2027 IGF, in December.", Unstated),
        ];
        for (text, expected) in table {
            assert_eq!(forecast_stated(text).kind(today), *expected, "{text:?}");
        }
        assert_eq!(forecast_stated("Three years, from 2027 to 2029.").multi_phrase(today).as_deref(), Some("three years"));
        assert_eq!(forecast_stated("We work 2027-2029.").multi_phrase(today).as_deref(), Some("2027 to 2029"));
        assert_eq!(forecast_stated("Until 2030.").multi_phrase(today).as_deref(), Some("until 2030"));
    }

    #[test]
    fn quoted_lists_read_as_english() {
        let words = |w: &[&str]| w.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        let quoted = |w: &[&str]| crate::text::i18n::english().render_arg(&quoted_list(&words(w)));
        assert_eq!(quoted(&["IoT"]), "“IoT”");
        assert_eq!(quoted(&["public access", "libraries"]), "“public access” and “libraries”");
        assert_eq!(quoted(&["a", "b", "c"]), "“a”, “b” and “c”");
    }
}
