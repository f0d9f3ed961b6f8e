//! Where each rule comes from: the annex, heading and line of the seed document (the report of
//! the MAG's virtual meeting of 28 March 2017, kept in tests/corpus/seed-mag-2017-03-28.md), or
//! igf-facts.md, or, for the tips on the writing itself, "Writing advice".
//!
//! Every citation names a heading of the seed and a line under it; `tests/sources.rs` checks
//! each against the seed's text, so a citation cannot point at the wrong place.

use crate::text::i18n::{Arg, Key};

pub const BPF_TEMPLATE: &str = "Annex II, Submission Process/Template For Proposed New BPFs, seed lines 99-113";
pub const BPF_LENGTH: &str = "Annex II, Submission Process/Template For Proposed New BPFs, “(2-3 Pages)”, seed line 101";
pub const BPF_THEME: &str = "Annex II, Submission Process/Template For Proposed New BPFs, seed line 103";
pub const BPF_OBJECTIVES: &str = "Annex II, Submission Process/Template For Proposed New BPFs, seed line 105";
pub const BPF_OUTPUTS: &str = "Annex II, Submission Process/Template For Proposed New BPFs, seed line 107";
pub const BPF_OUTREACH: &str = "Annex II, Submission Process/Template For Proposed New BPFs, seed line 109";
pub const BPF_TIMEFRAME: &str = "Annex II, Submission Process/Template For Proposed New BPFs, seed line 111";
pub const BPF_CO_FACILITATORS: &str = "Annex II, Submission Process/Template For Proposed New BPFs, seed line 113";
pub const BPF_MAG_CO_FACILITATORS: &str = "Annex II, MAG Responsibilities, seed line 83; the template, seed line 113";
pub const BPF_PROPOSAL: &str = "Annex II, Formation of BPFs, seed line 66";
pub const BPF_DEADLINE: &str = "Annex II, Formation of BPFs, seed line 66 and note 4 (line 74)";
pub const BPF_ANNUAL_REPORT: &str = "Annex II, Formation of BPFs, seed line 76";
pub const BPF_CONDUCT: &str = "Annex II, Working Modalities and Guidelines, seed line 89";

pub const WG_TEMPLATE: &str = "Annex III, Submission Process/Template For Proposed New Working Groups, seed lines 179-191";
pub const WG_LENGTH: &str = "Annex III, Submission Process/Template For Proposed New Working Groups, “(2-3 Pages)”, seed line 181";
pub const WG_PURPOSE: &str = "Annex III, Submission Process/Template For Proposed New Working Groups, seed line 183";
pub const WG_OBJECTIVES: &str = "Annex III, Submission Process/Template For Proposed New Working Groups, seed line 185";
pub const WG_OUTPUTS: &str = "Annex III, Submission Process/Template For Proposed New Working Groups, seed line 187";
pub const WG_IMPLEMENTATION: &str = "Annex III, Submission Process/Template For Proposed New Working Groups, seed line 189";
pub const WG_TIMEFRAME: &str = "Annex III, Submission Process/Template For Proposed New Working Groups, seed line 191";
pub const WG_PROPOSAL: &str = "Annex III, Formation of MAG Working Groups, seed line 159";
pub const WG_BALANCE: &str = "Annex III, MAG Working Group Guidelines/Modalities, seed line 163";
pub const WG_CONDUCT: &str = "Annex III, MAG Working Group Guidelines/Modalities, seed line 167";
pub const WG_CO_FACILITATORS: &str = "Annex III, MAG Working Group Guidelines/Modalities, seed line 170";
pub const WG_LIFETIME: &str = "Annex III, MAG Working Group Guidelines/Modalities, seed line 176";

pub const RELATED_WORK: &str = "Meeting summary, paragraphs 5 and 6, seed lines 12-14; igf-facts.md";

/// The tips on how the text reads: good practice for documents read by a global audience,
/// many in their second language, not a rule of the seed.
pub const WRITING_ADVICE: &str = "Writing advice";

/// A source as the interface names it: a citation of the seed or igf-facts.md stays as
/// written, in English like the documents it cites; "Writing advice" is the editor's own words.
pub fn shown(source: &'static str) -> Arg {
    if source == WRITING_ADVICE { Key("checks.source.writing_advice").msg().into() } else { source.into() }
}

/// Every citation, for the test that checks them against the seed.
pub const ALL: [&str; 27] = [
    BPF_TEMPLATE, BPF_LENGTH, BPF_THEME, BPF_OBJECTIVES, BPF_OUTPUTS, BPF_OUTREACH, BPF_TIMEFRAME,
    BPF_CO_FACILITATORS, BPF_MAG_CO_FACILITATORS, BPF_PROPOSAL, BPF_DEADLINE, BPF_ANNUAL_REPORT,
    BPF_CONDUCT, WG_TEMPLATE, WG_LENGTH, WG_PURPOSE, WG_OBJECTIVES, WG_OUTPUTS, WG_IMPLEMENTATION,
    WG_TIMEFRAME, WG_PROPOSAL, WG_BALANCE, WG_CONDUCT, WG_CO_FACILITATORS, WG_LIFETIME,
    RELATED_WORK, WRITING_ADVICE,
];

#[cfg(test)]
mod tests {
    use super::{RELATED_WORK, WRITING_ADVICE, shown};
    use crate::text::i18n::{Arg, english};

    #[test]
    fn writing_advice_is_named_in_words_and_citations_stay_as_written() {
        assert_eq!(english().render_arg(&shown(WRITING_ADVICE)), WRITING_ADVICE);
        assert!(matches!(shown(WRITING_ADVICE), Arg::Msg(_)));
        assert_eq!(shown(RELATED_WORK), Arg::Text(RELATED_WORK.into()));
    }
}
