//! The three proposal templates: official headings (verbatim, in order), our guidance, and the
//! share of the page budget each section is expected to take.
//!
//! Headings come from the seed document: Annex II ("Submission Process/Template For Proposed New
//! BPFs") and Annex III ("Submission Process/Template For Proposed New Working Groups"). The annual
//! work report of continuing BPFs comes from Annex II, "Formation of BPFs". Guidance is written in
//! our own words from those annexes and the meeting summary.

use std::fmt;

use crate::model::source;
use crate::text::i18n::{Key, Msg};

/// The kind of proposal, which picks the template.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    NewBpf,
    ContinuingBpf,
    NewWg,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::NewBpf, Kind::ContinuingBpf, Kind::NewWg];

    /// The stable identifier used in stored and exported files.
    pub fn code(self) -> &'static str {
        match self {
            Kind::NewBpf => "bpf-new",
            Kind::ContinuingBpf => "bpf-continuing",
            Kind::NewWg => "wg-new",
        }
    }

    pub fn from_code(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|kind| kind.code() == code)
    }

    /// A short human name, as in "New BPF proposal".
    pub fn label(self) -> &'static str {
        match self {
            Kind::NewBpf => "New BPF proposal",
            Kind::ContinuingBpf => "New continuing BPF proposal",
            Kind::NewWg => "New WG proposal",
        }
    }

    /// [`Kind::label`] as the interface shows it (the label itself is what documents say).
    pub fn msg(self) -> Msg {
        match self {
            Kind::NewBpf => Msg::new("model.kind.new_bpf"),
            Kind::ContinuingBpf => Msg::new("model.kind.continuing_bpf"),
            Kind::NewWg => Msg::new("model.kind.new_wg"),
        }
    }

    /// [`Kind::noun`] as the interface says it.
    pub fn noun_msg(self) -> Msg {
        match self {
            Kind::NewBpf => Msg::new("model.kind.noun.new_bpf"),
            Kind::ContinuingBpf => Msg::new("model.kind.noun.continuing_bpf"),
            Kind::NewWg => Msg::new("model.kind.noun.new_wg"),
        }
    }

    /// The name of a draft of this kind that has no title yet, as the interface shows it.
    pub fn untitled_msg(self) -> Msg {
        match self {
            Kind::NewBpf => Msg::new("model.kind.untitled.new_bpf"),
            Kind::ContinuingBpf => Msg::new("model.kind.untitled.continuing_bpf"),
            Kind::NewWg => Msg::new("model.kind.untitled.new_wg"),
        }
    }

    /// What the document is, in running text: "BPF proposal", "continuing BPF proposal".
    pub fn noun(self) -> &'static str {
        match self {
            Kind::NewBpf => "BPF proposal",
            Kind::ContinuingBpf => "continuing BPF proposal",
            Kind::NewWg => "WG proposal",
        }
    }

    pub fn is_bpf(self) -> bool {
        matches!(self, Kind::NewBpf | Kind::ContinuingBpf)
    }

    pub fn template(self) -> &'static Template {
        match self {
            Kind::NewBpf => &NEW_BPF,
            Kind::ContinuingBpf => &CONTINUING_BPF,
            Kind::NewWg => &NEW_WG,
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// One section of a template.
#[derive(Debug, PartialEq, Eq)]
pub struct SectionSpec {
    /// Stable key used in stored files; never shown.
    pub key: &'static str,
    /// The official heading, verbatim.
    pub heading: &'static str,
    /// A word or two for where the heading does not fit, such as a page's margin.
    pub short: &'static str,
    /// What to write, in our own words, with where the rule comes from (translated: unlike the
    /// heading, it is ours).
    pub guidance: Key,
    /// Sections the template marks "(if appropriate)" may stay empty.
    pub optional: bool,
    /// Suggested share of the page budget, in percent; a template's shares add up to 100.
    pub budget_percent: u8,
    /// Below this many words a required section is too thin for the MAG to judge.
    pub min_words: u16,
    /// Where the requirement for this section comes from, named in its findings.
    pub rule_source: &'static str,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Template {
    pub kind: Kind,
    /// Identifies the template text, so an exported file says which one it followed.
    pub version: &'static str,
    /// Where the template comes from.
    pub source: &'static str,
    pub sections: &'static [SectionSpec],
}

/// Words a 2-3 page proposal holds at about 2.5 pages; used only to turn budget shares into a
/// friendly "aim for about N words" hint, never to judge length.
pub const TARGET_WORDS: u32 = 1250;

impl Template {
    pub fn section_index(&self, key: &str) -> Option<usize> {
        self.sections.iter().position(|section| section.key == key)
    }

    /// The suggested length of a section, rounded to the nearest ten words.
    pub fn suggested_words(&self, index: usize) -> u32 {
        let share = u32::from(self.sections[index].budget_percent);
        ((TARGET_WORDS * share + 500) / 1000) * 10
    }
}

const THEME: SectionSpec = SectionSpec {
    key: "theme",
    heading: "Proposed Theme/Issue for the BPF",
    short: "Theme",
    guidance: Key("template.bpf.theme.guidance"),
    optional: false,
    budget_percent: 20,
    min_words: 40,
    rule_source: source::BPF_THEME,
};

const BPF_OBJECTIVES: SectionSpec = SectionSpec {
    key: "objectives",
    heading: "Objectives/Goals of the BPF",
    short: "Objectives",
    guidance: Key("template.bpf.objectives.guidance"),
    optional: false,
    budget_percent: 20,
    min_words: 30,
    rule_source: source::BPF_OBJECTIVES,
};

const BPF_OUTPUTS: SectionSpec = SectionSpec {
    key: "outputs",
    heading: "Expected Output(s)",
    short: "Outputs",
    guidance: Key("template.bpf.outputs.guidance"),
    optional: false,
    budget_percent: 15,
    min_words: 20,
    rule_source: source::BPF_OUTPUTS,
};

const OUTREACH: SectionSpec = SectionSpec {
    key: "outreach",
    heading: "Outreach and Dissemination Plan/Strategy",
    short: "Outreach",
    guidance: Key("template.bpf.outreach.guidance"),
    optional: false,
    budget_percent: 15,
    min_words: 30,
    rule_source: source::BPF_OUTREACH,
};

const BPF_TIMEFRAME: SectionSpec = SectionSpec {
    key: "timeframe",
    heading: "Timeframe for the work (1-year or multi-year forecast)",
    short: "Timeframe",
    guidance: Key("template.bpf.timeframe.guidance"),
    optional: false,
    budget_percent: 15,
    min_words: 10,
    rule_source: source::BPF_TIMEFRAME,
};

const CO_FACILITATORS: SectionSpec = SectionSpec {
    key: "co-facilitators",
    heading: "Names of Co-Facilitator(s) (2-3 MAG members + non-MAG members if appropriate)",
    short: "Co-facilitators",
    guidance: Key("template.bpf.co_facilitators.guidance"),
    optional: false,
    budget_percent: 15,
    min_words: 0,
    rule_source: source::BPF_CO_FACILITATORS,
};

const ANNUAL_REPORT: SectionSpec = SectionSpec {
    key: "annual-report",
    heading: "Annual work report of the prior year",
    short: "Annual report",
    guidance: Key("template.bpf.annual_report.guidance"),
    optional: false,
    budget_percent: 25,
    min_words: 50,
    rule_source: source::BPF_ANNUAL_REPORT,
};

const NEW_BPF_SECTIONS: [SectionSpec; 6] =
    [THEME, BPF_OBJECTIVES, BPF_OUTPUTS, OUTREACH, BPF_TIMEFRAME, CO_FACILITATORS];

const CONTINUING_BPF_SECTIONS: [SectionSpec; 7] = [
    SectionSpec { budget_percent: 15, ..THEME },
    SectionSpec { budget_percent: 15, ..BPF_OBJECTIVES },
    SectionSpec { budget_percent: 10, ..BPF_OUTPUTS },
    SectionSpec { budget_percent: 10, ..OUTREACH },
    SectionSpec { budget_percent: 10, ..BPF_TIMEFRAME },
    SectionSpec { budget_percent: 15, ..CO_FACILITATORS },
    ANNUAL_REPORT,
];

const NEW_WG_SECTIONS: [SectionSpec; 5] = [
    SectionSpec {
        key: "purpose",
        heading: "Purpose of the WG",
        short: "Purpose",
        guidance: Key("template.wg.purpose.guidance"),
        optional: false,
        budget_percent: 20,
        min_words: 25,
        rule_source: source::WG_PURPOSE,
    },
    SectionSpec {
        key: "objectives",
        heading: "Objectives/Goals of the WG",
        short: "Objectives",
        guidance: Key("template.wg.objectives.guidance"),
        optional: false,
        budget_percent: 25,
        min_words: 25,
        rule_source: source::WG_OBJECTIVES,
    },
    SectionSpec {
        key: "outputs",
        heading: "Expected Output(s)",
        short: "Outputs",
        guidance: Key("template.wg.outputs.guidance"),
        optional: false,
        budget_percent: 20,
        min_words: 15,
        rule_source: source::WG_OUTPUTS,
    },
    SectionSpec {
        key: "implementation",
        heading: "Implementation Plan (if appropriate)",
        short: "Implementation",
        guidance: Key("template.wg.implementation.guidance"),
        optional: true,
        budget_percent: 20,
        min_words: 0,
        rule_source: source::WG_IMPLEMENTATION,
    },
    SectionSpec {
        key: "timeframe",
        heading: "Timeframe for the work",
        short: "Timeframe",
        guidance: Key("template.wg.timeframe.guidance"),
        optional: false,
        budget_percent: 15,
        min_words: 5,
        rule_source: source::WG_TIMEFRAME,
    },
];

static NEW_BPF: Template = Template {
    kind: Kind::NewBpf,
    version: "bpf-2017-03-27",
    source: source::BPF_TEMPLATE,
    sections: &NEW_BPF_SECTIONS,
};

static CONTINUING_BPF: Template = Template {
    kind: Kind::ContinuingBpf,
    version: "bpf-continuing-2017-03-27",
    source: source::BPF_TEMPLATE,
    sections: &CONTINUING_BPF_SECTIONS,
};

static NEW_WG: Template = Template {
    kind: Kind::NewWg,
    version: "wg-2017-03-28",
    source: source::WG_TEMPLATE,
    sections: &NEW_WG_SECTIONS,
};

#[cfg(test)]
mod tests {
    use super::*;

    fn headings(kind: Kind) -> Vec<&'static str> {
        kind.template().sections.iter().map(|s| s.heading).collect()
    }

    #[test]
    fn bpf_headings_are_verbatim_and_in_order() {
        assert_eq!(
            headings(Kind::NewBpf),
            [
                "Proposed Theme/Issue for the BPF",
                "Objectives/Goals of the BPF",
                "Expected Output(s)",
                "Outreach and Dissemination Plan/Strategy",
                "Timeframe for the work (1-year or multi-year forecast)",
                "Names of Co-Facilitator(s) (2-3 MAG members + non-MAG members if appropriate)",
            ]
        );
    }

    #[test]
    fn continuing_bpf_adds_the_prior_years_report_after_the_bpf_sections() {
        let continuing = headings(Kind::ContinuingBpf);
        assert_eq!(continuing[..6], headings(Kind::NewBpf)[..]);
        assert_eq!(continuing[6..], ["Annual work report of the prior year"]);
    }

    #[test]
    fn wg_headings_are_verbatim_and_in_order() {
        assert_eq!(
            headings(Kind::NewWg),
            [
                "Purpose of the WG",
                "Objectives/Goals of the WG",
                "Expected Output(s)",
                "Implementation Plan (if appropriate)",
                "Timeframe for the work",
            ]
        );
    }

    #[test]
    fn exactly_the_if_appropriate_sections_are_optional() {
        for kind in Kind::ALL {
            for section in kind.template().sections {
                assert_eq!(
                    section.optional,
                    section.heading.ends_with("(if appropriate)"),
                    "{}",
                    section.heading
                );
            }
        }
    }

    #[test]
    fn budgets_add_up_and_keys_are_unique() {
        for kind in Kind::ALL {
            let template = kind.template();
            assert_eq!(template.kind, kind);
            let total: u32 = template.sections.iter().map(|s| u32::from(s.budget_percent)).sum();
            assert_eq!(total, 100, "{kind}");
            let mut keys: Vec<_> = template.sections.iter().map(|s| s.key).collect();
            keys.sort_unstable();
            keys.dedup();
            assert_eq!(keys.len(), template.sections.len(), "{kind}");
        }
    }

    #[test]
    fn kind_codes_round_trip() {
        for kind in Kind::ALL {
            assert_eq!(Kind::from_code(kind.code()), Some(kind));
        }
        assert_eq!(Kind::from_code("bpf"), None);
    }

    #[test]
    fn suggested_words_follow_the_budget() {
        let bpf = Kind::NewBpf.template();
        assert_eq!(bpf.suggested_words(0), 250);
        assert_eq!(bpf.suggested_words(2), 190);
    }
}
