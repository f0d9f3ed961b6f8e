//! Calm checks: while the author types, a finding that was not on screen a moment ago waits
//! until typing pauses, so a half-typed word is not judged; a finding the author just fixed goes
//! at once, and one already shown follows the text (its figures change as they type).

use crate::checks::Report;

/// How long typing pauses, in milliseconds, before new findings appear.
pub const PAUSE_MS: u32 = 1_000;

/// The report to show. `current` is the report of the draft as it is; `shown`, the one on
/// screen before it; `typing`, whether the author typed within the last [`PAUSE_MS`].
pub fn calm(current: &Report, shown: Option<&Report>, typing: bool) -> Report {
    let mut report = current.clone();
    if let (true, Some(shown)) = (typing, shown) {
        let was_shown = |finding: &_| {
            shown.findings.iter().any(|s| s.same_as(finding)) || shown.dismissed.iter().any(|d| d.finding.same_as(finding))
        };
        report.findings.retain(was_shown);
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::{Dismissed, Finding, Severity, Target};
    use crate::layout::length::PageCount;

    fn finding(rule: &'static str, message: &str) -> Finding {
        Finding { rule, severity: Severity::MustFix, message: crate::text::i18n::Msg::new("checks.quoted").arg("text", message), source: "", target: Target::Section("theme") }
    }

    fn report(findings: Vec<Finding>) -> Report {
        Report { findings, deadline: None, pages: PageCount { pages: 1.0, section_pages: Vec::new() }, reading_ease: Vec::new(), dismissed: Vec::new() }
    }

    #[test]
    fn new_findings_wait_for_a_pause_and_fixed_ones_go_at_once() {
        let thin = |words: &str| finding("section-thin", &format!("“Theme” has {words} words."));
        let placeholder = finding("placeholder", "“Theme” still holds placeholder text (“TBD”).");
        let shown = report(vec![thin("3"), finding("guidance-pasted", "Pasted.")]);
        let now = report(vec![thin("4"), placeholder.clone()]);
        // (typing, what is shown)
        let table: &[(bool, Option<&Report>, Vec<Finding>)] = &[
            (true, Some(&shown), vec![thin("4")]),
            (false, Some(&shown), vec![thin("4"), placeholder.clone()]),
            (true, None, vec![thin("4"), placeholder.clone()]),
        ];
        for (typing, before, expected) in table {
            assert_eq!(&calm(&now, *before, *typing).findings, expected, "typing {typing}");
        }
    }

    #[test]
    fn a_finding_restored_while_typing_shows_at_once() {
        let tip = finding("sentence-long", "Long.");
        let mut shown = report(Vec::new());
        shown.dismissed.push(Dismissed { finding: tip.clone(), reason: String::new() });
        let now = report(vec![tip.clone()]);
        assert_eq!(calm(&now, Some(&shown), true).findings, [tip]);
    }
}
