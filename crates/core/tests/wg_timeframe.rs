//! A Working Group lives one IGF cycle and must be approved anew each year (Annex III). When
//! the months are not entered, the check reads the timeframe text: these are the phrasings
//! people use, each with whether the finding must follow.
#![cfg(not(target_arch = "wasm32"))]

use igf_core::checks::{Target, check};
use igf_core::model::calendar::CivilDate;
use igf_core::model::draft::{Draft, DraftId};
use igf_core::model::settings::Settings;
use igf_core::model::template::Kind;

fn wg_lifetime(kind: Kind, timeframe: &str) -> bool {
    let mut draft = Draft::new(DraftId::parse("wg-timeframe").unwrap(), kind, 0);
    draft.set_title("MAG Working Group on Newcomer Engagement".into(), 1);
    let index = draft.template().section_index("timeframe").unwrap();
    draft.set_section(index, timeframe.into(), 2);
    let today = CivilDate::new(2026, 11, 29).unwrap();
    let report = check(&draft, today, &Settings::default());
    let found: Vec<_> = report.findings.iter().filter(|f| f.rule == "wg-lifetime").collect();
    assert!(found.len() <= 1, "{found:?}");
    found.iter().all(|f| f.target == Target::Section("timeframe") && f.source.starts_with("Annex III")) && !found.is_empty()
}

#[test]
fn multi_cycle_phrasings_get_the_annex_iii_finding() {
    let table: &[(&str, bool)] = &[
        ("Three years, from 2027 to 2029, reporting at every MAG meeting.", true),
        ("A 3-year programme with yearly milestones.", true),
        ("Multi-year: mapping first, recommendations later.", true),
        ("A multiyear effort across the cycles.", true),
        ("2027-2029, in three phases of work.", true),
        ("2027–2029, in three phases of work.", true),
        ("From 2027 to 2029, with a report each year.", true),
        ("Over two cycles, with a review in between.", true),
        ("For two IGF cycles, then a final report.", true),
        ("Until 2030, with a report at each annual meeting.", true),
        ("Two-year work plan, reviewed by the MAG.", true),
        ("About 24 months from the first call.", true),
        ("For more than one year, as the topic needs.", true),
        ("Several years of steady work with the MAG.", true),
        ("One IGF cycle: February to December, reporting at every MAG meeting.", false),
        ("One year, from the first MAG meeting to the annual meeting.", false),
        ("Twelve months of monthly calls with the full MAG.", false),
        ("A 12-month plan with a report in June.", false),
        ("Until the next IGF, with monthly calls.", false),
        ("From February until the annual meeting in December.", false),
        ("Monthly calls from February to December 2027.", false),
        ("Building on the last two years of work: February to December.", false),
        ("One cycle only; it is not a multi-year group.", false),
        ("Until 2027, when the annual meeting takes place.", false),
    ];
    let mut wrong = Vec::new();
    for (text, expected) in table {
        if wg_lifetime(Kind::NewWg, text) != *expected {
            wrong.push(format!("{text:?}: expected {expected}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn bpfs_may_plan_for_several_years() {
    assert!(!wg_lifetime(Kind::NewBpf, "Three years, from 2027 to 2029."));
}
