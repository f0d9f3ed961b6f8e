//! A section's status in the editor, like a task list: not started, needs work, or completed.

use crate::checks::{Report, Severity, Target};
use crate::text::i18n::Msg;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SectionStatus {
    NotStarted,
    NeedsWork,
    Completed,
}

impl SectionStatus {
    pub fn label(self) -> &'static str {
        match self {
            SectionStatus::NotStarted => "Not started",
            SectionStatus::NeedsWork => "Needs work",
            SectionStatus::Completed => "Completed",
        }
    }

    /// [`SectionStatus::label`] in the interface's words (the label itself marks the element).
    pub fn msg(self) -> Msg {
        match self {
            SectionStatus::NotStarted => Msg::new("checks.status.not_started"),
            SectionStatus::NeedsWork => Msg::new("checks.status.needs_work"),
            SectionStatus::Completed => Msg::new("checks.status.completed"),
        }
    }
}

/// The status of section `key` whose text is `text`. An empty optional section has none: leaving
/// it empty is a choice, not a task left. Tips alone do not make a section need work.
pub fn section_status(report: &Report, key: &'static str, text: &str, optional: bool) -> Option<SectionStatus> {
    let empty = text.trim().is_empty();
    let problems = report.for_target(Target::Section(key)).any(|f| f.severity != Severity::Tip);
    match (empty, problems) {
        (true, _) if optional => None,
        (true, _) => Some(SectionStatus::NotStarted),
        (false, true) => Some(SectionStatus::NeedsWork),
        (false, false) => Some(SectionStatus::Completed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::Finding;
    use crate::layout::length::PageCount;

    fn report(severities: &[Severity]) -> Report {
        let findings = severities
            .iter()
            .map(|&severity| Finding { rule: "r", severity, message: crate::text::i18n::Msg::new("checks.title.missing"), source: "", target: Target::Section("theme") })
            .collect();
        Report { findings, deadline: None, pages: PageCount { pages: 0.0, section_pages: Vec::new() }, reading_ease: Vec::new(), dismissed: Vec::new() }
    }

    #[test]
    fn status_follows_the_text_and_the_findings() {
        use SectionStatus::*;
        let table: &[(&str, bool, &[Severity], Option<SectionStatus>)] = &[
            ("", false, &[], Some(NotStarted)),
            ("  \n", false, &[Severity::MustFix], Some(NotStarted)),
            ("", true, &[], None),
            ("", true, &[Severity::MustFix], None),
            ("Text.", false, &[], Some(Completed)),
            ("Text.", false, &[Severity::Tip], Some(Completed)),
            ("Text.", false, &[Severity::ShouldFix], Some(NeedsWork)),
            ("Text.", true, &[Severity::MustFix, Severity::Tip], Some(NeedsWork)),
        ];
        for &(text, optional, severities, expected) in table {
            assert_eq!(section_status(&report(severities), "theme", text, optional), expected, "{text:?} {optional} {severities:?}");
        }
        let labels: Vec<&str> = [NotStarted, NeedsWork, Completed].into_iter().map(SectionStatus::label).collect();
        assert_eq!(labels, ["Not started", "Needs work", "Completed"]);
    }

    #[test]
    fn findings_elsewhere_do_not_count() {
        let mut other = report(&[Severity::MustFix]);
        other.findings[0].target = Target::Title;
        assert_eq!(section_status(&other, "theme", "Text.", false), Some(SectionStatus::Completed));
    }
}
