//! The check catalogue, table-driven: each case starts from a proposal that passes every rule,
//! changes one thing, and lists the exact findings that must follow (severity, rule, place).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::complete_details;
use igf_core::checks::{Checker, Finding, PersonField, Severity, Target, check};
use igf_core::model::calendar::CivilDate;
use igf_core::model::draft::{Details, Draft, DraftId};
use igf_core::model::people::{CoFacilitator, Contact, Region, StakeholderGroup};
use igf_core::model::settings::Settings;
use igf_core::model::source;
use igf_core::model::template::Kind;

const TODAY: (i32, u8, u8) = (2026, 11, 29);

fn today() -> CivilDate {
    CivilDate::new(TODAY.0, TODAY.1, TODAY.2).unwrap()
}

/// Realistic prose of about `words` words that matches no existing IGF work, in paragraphs
/// of about 100 words.
fn prose(opening: &str, words: usize) -> String {
    const FILLER: &str = "Each case study follows one format so that readers can compare what was tried, what it cost and what changed for the people it served.";
    let count = igf_core::text::words::count_words;
    let mut text = opening.to_owned();
    let mut paragraph = count(&text);
    while count(&text) < words {
        text.push_str(if paragraph >= 100 { "\n\n" } else { " " });
        paragraph = if paragraph >= 100 { 0 } else { paragraph };
        text.push_str(FILLER);
        paragraph += count(FILLER);
    }
    text
}

fn person(name: &str, group: StakeholderGroup, region: Region, mag: bool) -> CoFacilitator {
    CoFacilitator {
        name: name.into(),
        affiliation: "Somewhere".into(),
        group: Some(group),
        region: Some(region),
        mag_member: mag,
        email: String::new(),
    }
}

fn base_details() -> Details {
    complete_details(vec![
        person("Amina Diallo", StakeholderGroup::Government, Region::African, true),
        person("Rahul Mehta", StakeholderGroup::TechnicalCommunity, Region::AsiaPacific, true),
        person("Elena Petrova", StakeholderGroup::CivilSociety, Region::EasternEuropean, true),
        person("Jorge Ramírez", StakeholderGroup::PrivateSector, Region::LatinAmericanAndCaribbean, false),
    ])
}

/// A BPF proposal that passes every rule (Sample 1, written out to about two and a half pages).
fn perfect_bpf(kind: Kind) -> Draft {
    let mut draft = Draft::new(DraftId::parse("perfect").unwrap(), kind, 0);
    draft.set_title("Best Practice Forum on Multilingual Content and Universal Acceptance".into(), 1);
    let texts = [
        prose("Most of the next billion Internet users will read and write in languages other than English, yet many websites and forms still reject addresses in other scripts.", 500),
        prose("- Collect case studies of Universal Acceptance readiness from five regions.\n- Identify common obstacles.\n- Offer a short checklist.", 250),
        prose("A report of about 30 pages with case studies and a one-page checklist.", 280),
        prose("An open call for input on the Internet Governance Forum (IGF) mailing lists and through national and regional IGF initiatives; two webinars in different time zones.", 340),
        "One year: call for input in April and May, interviews from June to August, drafting in September, public comment in October, final report at the annual meeting.".to_owned(),
        String::new(),
        prose("In its first year the Best Practice Forum (BPF) collected twelve case studies and held two webinars; this report summarises what was learned.", 120),
    ];
    for (index, text) in texts.into_iter().enumerate().take(kind.template().sections.len()) {
        draft.set_section(index, text, 2);
    }
    draft.edit_details(3, |d| *d = base_details());
    draft
}

/// A WG proposal that passes every rule (Sample 2, written out).
fn perfect_wg() -> Draft {
    let mut draft = Draft::new(DraftId::parse("perfect-wg").unwrap(), Kind::NewWg, 0);
    draft.set_title("MAG Working Group on Newcomer Engagement".into(), 1);
    let texts = [
        prose("To help the Multistakeholder Advisory Group (MAG) bring newcomers into the Internet Governance Forum (IGF) programme, not only as audience but as organisers and speakers.", 420),
        prose("1. Review how newcomers took part in the last three annual meetings.\n2. Propose measures for the workshop selection process.", 400),
        prose("A recommendations paper to the MAG ahead of its second face-to-face meeting.", 320),
        prose("Monthly calls open to all MAG members, with balanced participation from every stakeholder group; a draft paper shared with the full MAG for feedback.", 200),
        "One IGF cycle: February to December, reporting at every MAG meeting.".to_owned(),
    ];
    for (index, text) in texts.into_iter().enumerate() {
        draft.set_section(index, text, 2);
    }
    draft.edit_details(3, |d| {
        *d = base_details();
        d.co_facilitators = vec![
            person("Sara Lindqvist", StakeholderGroup::Government, Region::WesternEuropeanAndOthers, true),
            person("Tunde Bello", StakeholderGroup::CivilSociety, Region::African, true),
        ];
        d.timeframe_start = "2027-02".into();
        d.timeframe_end = "2027-12".into();
    });
    draft
}

fn short(target: Target) -> String {
    match target {
        Target::Title => "title".into(),
        Target::Section(key) => key.into(),
        Target::CoFacilitators => "people".into(),
        Target::CoFacilitator(i, field) => format!("person{}.{}", i + 1, match field {
            PersonField::Name => "name",
            PersonField::Group => "group",
            PersonField::Email => "email",
        }),
        Target::MeetingDate => "meeting".into(),
        Target::TimeframeStart => "start".into(),
        Target::TimeframeEnd => "end".into(),
        Target::ProposerName => "proposer".into(),
        Target::ProposerEmail => "email".into(),
        Target::CodeOfConduct => "conduct".into(),
        Target::Length => "length".into(),
    }
}

fn render(findings: &[Finding]) -> Vec<String> {
    findings
        .iter()
        .map(|f| {
            let severity = match f.severity {
                Severity::MustFix => "must",
                Severity::ShouldFix => "should",
                Severity::Tip => "tip",
            };
            format!("{severity} {} @{}", f.rule, short(f.target))
        })
        .collect()
}

struct Case {
    name: &'static str,
    draft: fn() -> Draft,
    today: (i32, u8, u8),
    expected: &'static [&'static str],
}

macro_rules! case {
    ($name:literal, $draft:expr, [$($expected:literal),* $(,)?]) => {
        Case { name: $name, draft: $draft, today: TODAY, expected: &[$($expected),*] }
    };
    ($name:literal, $draft:expr, today $today:expr, [$($expected:literal),* $(,)?]) => {
        Case { name: $name, draft: $draft, today: $today, expected: &[$($expected),*] }
    };
}

fn bpf() -> Draft {
    perfect_bpf(Kind::NewBpf)
}

fn with(mut draft: Draft, edit: impl FnOnce(&mut Details)) -> Draft {
    draft.edit_details(9, edit);
    draft
}

fn section(mut draft: Draft, key: &str, text: &str) -> Draft {
    let index = draft.template().section_index(key).unwrap();
    draft.set_section(index, text.into(), 9);
    draft
}

fn cases() -> Vec<Case> {
    vec![
        case!("perfect BPF", bpf, ["tip deadline-upcoming @meeting"]),
        case!("perfect continuing BPF", || perfect_bpf(Kind::ContinuingBpf), ["tip deadline-upcoming @meeting"]),
        case!("perfect WG", perfect_wg, []),
        case!("empty BPF", || Draft::new(DraftId::parse("e").unwrap(), Kind::NewBpf, 0), [
            "must title-missing @title",
            "must section-missing @theme",
            "must section-missing @objectives",
            "must section-missing @outputs",
            "must section-missing @outreach",
            "must section-missing @timeframe",
            "must section-missing @co-facilitators",
            "must bpf-mag-count @people",
            "must proposer-name @proposer",
            "must proposer-email @email",
            "must code-of-conduct @conduct",
            "should meeting-date-missing @meeting",
            "should timeframe-missing @start",
            "should length-short @length",
        ]),
        case!("empty continuing BPF", || Draft::new(DraftId::parse("e").unwrap(), Kind::ContinuingBpf, 0), [
            "must title-missing @title",
            "must section-missing @theme",
            "must section-missing @objectives",
            "must section-missing @outputs",
            "must section-missing @outreach",
            "must section-missing @timeframe",
            "must section-missing @co-facilitators",
            "must section-missing @annual-report",
            "must bpf-mag-count @people",
            "must proposer-name @proposer",
            "must proposer-email @email",
            "must code-of-conduct @conduct",
            "should meeting-date-missing @meeting",
            "should timeframe-missing @start",
            "should length-short @length",
        ]),
        case!("empty WG", || Draft::new(DraftId::parse("e").unwrap(), Kind::NewWg, 0), [
            "must title-missing @title",
            "must section-missing @purpose",
            "must section-missing @objectives",
            "must section-missing @outputs",
            "must section-missing @timeframe",
            "must proposer-name @proposer",
            "must proposer-email @email",
            "must code-of-conduct @conduct",
            "should wg-mag-count @people",
            "should length-short @length",
            "tip wg-balance @implementation",
            "tip timeframe-missing @start",
        ]),
        case!("blank title", || { let mut d = bpf(); d.set_title("   ".into(), 9); d }, ["must title-missing @title", "tip deadline-upcoming @meeting"]),
        case!("TBD in the title", || { let mut d = bpf(); d.set_title("BPF on TBD".into(), 9); d }, ["must placeholder @title", "tip deadline-upcoming @meeting"]),
        case!("optional WG section may stay empty", || section(perfect_wg(), "implementation", ""), ["tip wg-balance @implementation"]),
        case!("missing outputs", || section(bpf(), "outputs", " \n "), ["must section-missing @outputs", "tip deadline-upcoming @meeting"]),
        case!("missing annual report", || section(perfect_bpf(Kind::ContinuingBpf), "annual-report", ""), ["must section-missing @annual-report", "tip deadline-upcoming @meeting"]),
        case!("TODO placeholder", || section(bpf(), "outputs", &prose("TODO: describe the report.", 40)), ["must placeholder @outputs", "tip deadline-upcoming @meeting"]),
        case!("xxx placeholder, any case", || section(bpf(), "outputs", &prose("A report by xxx.", 40)), ["must placeholder @outputs", "tip deadline-upcoming @meeting"]),
        case!("lorem ipsum", || section(bpf(), "outreach", &prose("Lorem ipsum dolor sit amet.", 40)), ["must placeholder @outreach", "tip deadline-upcoming @meeting"]),
        case!("[insert ...]", || section(bpf(), "outreach", &prose("We will reach [insert list of networks].", 40)), ["must placeholder @outreach", "tip deadline-upcoming @meeting"]),
        case!("lone ellipsis line", || section(bpf(), "outputs", &(prose("A report.", 40) + "\n\n...")), ["must placeholder @outputs", "tip deadline-upcoming @meeting"]),
        case!("lone ellipsis character", || section(bpf(), "outputs", &(prose("A report and …", 40))), ["must placeholder @outputs", "tip deadline-upcoming @meeting"]),
        case!("words that contain markers are fine", || section(bpf(), "outputs", &prose("A toolkit on todos, tbds-like lists and xxxl data, etc. and so on.", 40)), ["tip deadline-upcoming @meeting"]),
        case!("guidance pasted back", || {
            let guidance = Kind::NewBpf.template().sections[2].guidance.english();
            section(bpf(), "outputs", &format!("{guidance}\n\nMore to come later on."))
        }, ["must guidance-pasted @outputs", "tip deadline-upcoming @meeting"]),
        case!("thin section", || section(bpf(), "objectives", "Collect case studies."), ["should section-thin @objectives", "tip deadline-upcoming @meeting"]),
        case!("thin by visible words, not by markup", || section(bpf(), "timeframe", "**One** [year](https://example.org/a/very/long/path/of/many/words)."), ["should section-thin @timeframe", "tip deadline-upcoming @meeting"]),
        case!("BPF with one MAG co-facilitator", || with(bpf(), |d| { d.co_facilitators[1].mag_member = false; d.co_facilitators[2].mag_member = false; }), ["must bpf-mag-count @people", "tip deadline-upcoming @meeting"]),
        case!("BPF with no MAG co-facilitator", || with(bpf(), |d| d.co_facilitators.iter_mut().for_each(|p| p.mag_member = false)), ["must bpf-mag-count @people", "tip deadline-upcoming @meeting"]),
        case!("BPF with four MAG co-facilitators", || with(bpf(), |d| d.co_facilitators[3].mag_member = true), ["should bpf-mag-count @people", "tip deadline-upcoming @meeting"]),
        case!("BPF with co-facilitators only in the text", || {
            let d = with(bpf(), |d| d.co_facilitators.clear());
            section(d, "co-facilitators", "Amina Diallo (Government), Rahul Mehta (Technical Community)")
        }, ["must bpf-mag-count @people", "should people-unlisted @people", "tip deadline-upcoming @meeting"]),
        case!("BPF co-facilitator without a name", || with(bpf(), |d| d.co_facilitators[3].name = " ".into()), ["must person-name @person4.name", "tip deadline-upcoming @meeting"]),
        case!("BPF co-facilitator without a group", || with(bpf(), |d| d.co_facilitators[0].group = None), ["must person-group @person1.group", "tip deadline-upcoming @meeting"]),
        case!("BPF co-facilitator with a mistyped email", || with(bpf(), |d| d.co_facilitators[1].email = "rahul@registry".into()), ["should person-email @person2.email", "tip deadline-upcoming @meeting"]),
        case!("BPF MAG co-facilitators all from one group", || with(bpf(), |d| {
            d.co_facilitators.iter_mut().take(3).for_each(|p| p.group = Some(StakeholderGroup::CivilSociety));
        }), ["tip bpf-mag-same-group @people", "tip deadline-upcoming @meeting"]),
        case!("WG with one MAG co-facilitator", || with(perfect_wg(), |d| { d.co_facilitators.pop(); }), ["should wg-mag-count @people"]),
        case!("WG with three MAG co-facilitators", || with(perfect_wg(), |d| d.co_facilitators.push(person("Li Wei", StakeholderGroup::PrivateSector, Region::AsiaPacific, true))), ["should wg-mag-count @people"]),
        case!("WG co-facilitators from one group", || with(perfect_wg(), |d| d.co_facilitators[1].group = Some(StakeholderGroup::Government)), ["should wg-mag-same-group @people"]),
        case!("WG co-facilitator without a group", || with(perfect_wg(), |d| d.co_facilitators[1].group = None), ["should person-group @person2.group"]),
        case!("WG without a word on stakeholder balance", || section(perfect_wg(), "implementation", &prose("Monthly calls open to all MAG members.", 200)), ["tip wg-balance @implementation"]),
        case!("deadline in the future", bpf, ["tip deadline-upcoming @meeting"]),
        case!("deadline is today", bpf, today (2027, 2, 21), ["tip deadline-upcoming @meeting"]),
        case!("deadline was yesterday", bpf, today (2027, 2, 22), ["must deadline-passed @meeting"]),
        case!("meeting already held", bpf, today (2027, 6, 1), ["must deadline-passed @meeting"]),
        case!("deadline across a leap day", || with(bpf(), |d| d.meeting_date = "2028-03-21".into()), today (2028, 2, 29), ["tip deadline-upcoming @meeting"]),
        case!("deadline the day after a leap day", || with(bpf(), |d| d.meeting_date = "2028-03-21".into()), today (2028, 3, 1), ["must deadline-passed @meeting"]),
        case!("BPF without a meeting date", || with(bpf(), |d| d.meeting_date.clear()), ["should meeting-date-missing @meeting"]),
        case!("impossible meeting date", || with(bpf(), |d| d.meeting_date = "2027-02-30".into()), ["must meeting-date-invalid @meeting"]),
        case!("meeting date typed by hand", || with(bpf(), |d| d.meeting_date = "14/03/2027".into()), ["must meeting-date-invalid @meeting"]),
        case!("WG needs no meeting date", || with(perfect_wg(), |d| d.meeting_date.clear()), []),
        case!("WG longer than one cycle", || with(perfect_wg(), |d| d.timeframe_end = "2028-06".into()), ["should wg-lifetime @end"]),
        case!("WG of exactly twelve months", || with(perfect_wg(), |d| d.timeframe_end = "2028-01".into()), []),
        case!("WG text spans three years, no months", || {
            let d = with(perfect_wg(), |d| { d.timeframe_start.clear(); d.timeframe_end.clear(); });
            section(d, "timeframe", "Three years, from 2027 to 2029, reporting at every MAG meeting.")
        }, ["should wg-lifetime @timeframe", "tip timeframe-missing @start"]),
        case!("WG text says until 2030, no end month", || {
            let d = with(perfect_wg(), |d| d.timeframe_end.clear());
            section(d, "timeframe", "From February until 2030, with a report at each annual meeting.")
        }, ["should wg-lifetime @timeframe", "tip timeframe-missing @end"]),
        case!("WG text says one cycle, no months", || with(perfect_wg(), |d| { d.timeframe_start.clear(); d.timeframe_end.clear(); }), ["tip timeframe-missing @start"]),
        case!("WG text says multi-year, months fit one cycle", || section(perfect_wg(), "timeframe", "A multi-year effort: this year the group maps the field, later years follow."), ["should wg-lifetime @timeframe"]),
        case!("WG months and text both run long: one finding", || {
            let d = section(perfect_wg(), "timeframe", "Two years: mapping in the first, recommendations in the second.");
            with(d, |d| d.timeframe_end = "2028-12".into())
        }, ["should wg-lifetime @end"]),
        case!("WG text recalls past years only", || section(perfect_wg(), "timeframe", "Building on the last two years of work: February to December."), []),
        case!("timeframe ends before it starts", || with(bpf(), |d| d.timeframe_end = "2027-01".into()), ["must timeframe-order @end", "tip deadline-upcoming @meeting"]),
        case!("timeframe month typed badly", || with(bpf(), |d| d.timeframe_start = "April 2027".into()), ["must timeframe-invalid @start", "tip deadline-upcoming @meeting"]),
        case!("BPF timeframe without dates", || with(bpf(), |d| { d.timeframe_start.clear(); d.timeframe_end.clear(); }), ["should timeframe-missing @start", "tip deadline-upcoming @meeting"]),
        case!("BPF says one year, dates run two", || with(bpf(), |d| d.timeframe_end = "2029-03".into()), ["should forecast-mismatch @timeframe", "tip deadline-upcoming @meeting"]),
        case!("BPF says multi-year, dates run nine months", || section(bpf(), "timeframe", "A multi-year forecast: the first phase runs from April to December, the next phases follow."), ["should forecast-mismatch @timeframe", "tip deadline-upcoming @meeting"]),
        case!("BPF multi-year agrees with dates", || {
            let d = section(bpf(), "timeframe", "Two years: case studies in the first year, a checklist and its testing in the second.");
            with(d, |d| d.timeframe_end = "2029-03".into())
        }, ["tip deadline-upcoming @meeting"]),
        case!("BPF forecast not stated", || section(bpf(), "timeframe", "Calls for input in spring, interviews in summer, and drafting in autumn."), ["tip deadline-upcoming @meeting", "tip forecast-unstated @timeframe"]),
        // The IoT was one of the three topics of the 2018-2019 BPF on AI, IoT and Big Data, and
        // is the Dynamic Coalition on IoT's: two findings.
        case!("related work: IoT title", || { let mut d = bpf(); d.set_title("BPF on the Internet of Things".into(), 9); d }, ["should related-work @theme", "should related-work @theme", "tip deadline-upcoming @meeting"]),
        case!("related work: past BPF topic in other words", || { let mut d = bpf(); d.set_title("Access and Gender".into(), 9); d }, ["should related-work @theme", "tip deadline-upcoming @meeting"]),
        case!("related work: a continuing BPF may match its own topic", || { let mut d = perfect_bpf(Kind::ContinuingBpf); d.set_title("BPF on Cybersecurity".into(), 9); d }, ["tip deadline-upcoming @meeting"]),
        // A match in the theme alone is a tip: the title is about something else.
        case!("related work: DNS in the theme", || section(bpf(), "theme", &prose("Abuse of the Domain Name System harms users everywhere.", 230)), ["tip related-work @theme", "tip deadline-upcoming @meeting"]),
        case!("related work: libraries in passing are no overlap", || {
            let mut d = section(bpf(), "theme", &prose("Many people who follow the IGF cannot travel to the annual meeting. They join remotely, alone or in groups: hubs in universities, libraries and national initiatives gather them.", 230));
            d.set_title("Best Practice Forum on Remote Participation".into(), 9);
            d
        }, ["tip acronym-unexplained @theme", "tip deadline-upcoming @meeting"]),
        case!("related work: local content moderation is not local content", || { let mut d = bpf(); d.set_title("Local content moderation in community forums".into(), 9); d }, ["tip deadline-upcoming @meeting"]),
        case!("related work: a Dynamic Coalition named in the theme", || section(bpf(), "theme", &prose("We would work with the Dynamic Coalition on Public Access in Libraries, whose members run Internet access in public libraries.", 230)), ["tip related-work @theme", "tip deadline-upcoming @meeting"]),
        case!("related work is not checked for WGs", || { let mut d = perfect_wg(); d.set_title("Working Group on IoT outreach".into(), 9); d }, []),
        case!("writing advice: an acronym used before it is spelled out", || section(bpf(), "objectives", &prose("The IXP community will share what works. Internet exchange points (IXP) keep traffic local.", 250)), ["tip acronym-unexplained @objectives", "tip deadline-upcoming @meeting"]),
        case!("writing advice: a sentence of 60 words", || section(bpf(), "outputs", &prose(&format!("{}.", ["The report"; 30].join(" ")), 280)), ["tip sentence-long @outputs", "tip deadline-upcoming @meeting"]),
        case!("writing advice: a bare link as a list item", || section(bpf(), "outreach", &prose("- https://www.intgovforum.org/en/content/best-practice-forums\n\nAn open call for input in every region.", 340)), ["tip link-bare @outreach", "tip deadline-upcoming @meeting"]),
        case!("no proposer", || with(bpf(), |d| d.proposer = Contact::default()), ["must proposer-name @proposer", "must proposer-email @email", "tip deadline-upcoming @meeting"]),
        case!("proposer email mistyped", || with(bpf(), |d| d.proposer.email = "amina.diallo@example".into()), ["must proposer-email @email", "tip deadline-upcoming @meeting"]),
        case!("code of conduct not acknowledged", || with(bpf(), |d| d.code_of_conduct = false), ["must code-of-conduct @conduct", "tip deadline-upcoming @meeting"]),
        case!("too long", || section(bpf(), "outputs", &prose("A long report.", 900)), ["must length-long @length", "tip deadline-upcoming @meeting"]),
        case!("names in many scripts", || with(bpf(), |d| {
            d.co_facilitators[0].name = "Мария Иванова".into();
            d.co_facilitators[1].name = "张伟".into();
            d.co_facilitators[2].name = "محمد علي".into();
            d.co_facilitators[3].name = "ნინო ბერიძე".into();
            d.proposer.name = "Ngũgĩ wa Thiong'o".into();
            d.proposer.email = "ngugi@例子.广告".into();
        }), ["tip deadline-upcoming @meeting"]),
    ]
}

#[test]
fn every_case_gives_exactly_its_findings() {
    let cases = cases();
    assert!(cases.len() >= 40, "the catalogue needs at least 40 cases, has {}", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let today = CivilDate::new(case.today.0, case.today.1, case.today.2).unwrap();
        let report = check(&(case.draft)(), today, &Settings::default());
        let got = render(&report.findings);
        if got != case.expected {
            failures.push(format!("{}:\n  expected {:?}\n  got      {:?}", case.name, case.expected, got));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases differ:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

/// The live checker keeps each section's layout between calls; whatever it is fed, in any
/// order, it must report exactly what a fresh `check` reports.
#[test]
fn the_live_checker_reports_what_a_fresh_check_reports() {
    let settings = Settings::default();
    let mut checker = Checker::default();
    let mut compared = 0;
    let mut same = |draft: &Draft, today: CivilDate, what: &str| {
        assert_eq!(checker.check(draft, today, &settings), check(draft, today, &settings), "{what}");
        compared += 1;
    };
    // Every case in turn: other kinds, other sections, other people.
    for case in cases() {
        let today = CivilDate::new(case.today.0, case.today.1, case.today.2).unwrap();
        same(&(case.draft)(), today, case.name);
    }
    // Typing into one section key by key; a pasted page that takes the draft past three pages,
    // more typing (a list, a table) and deleting; emptying and refilling a section; removing and
    // adding people (their table follows a section); and the same texts in other kinds of draft.
    let mut draft = bpf();
    let index = draft.template().section_index("outreach").unwrap();
    let original = draft.section(index).to_owned();
    let mut text = original.clone();
    let mut at = 10;
    let mut type_keys = |draft: &mut Draft, text: &mut String, keys: &str, what: &str| {
        for c in keys.chars() {
            text.push(c);
            at += 1;
            draft.set_section(index, text.clone(), at);
            same(draft, today(), &format!("{what}: {text:?}"));
        }
    };
    type_keys(&mut draft, &mut text, " We will also present the work at regional fora.", "typing");
    // A pasted page, then more typing: the draft now runs past three pages.
    text.push_str(&"\n\nA pasted paragraph that runs on for a while, as pasted text does. ".repeat(40));
    type_keys(&mut draft, &mut text, "\n\n- a list item\n\n| a | b |\n|---|---|\n| c | d |", "typing after a paste");
    assert!(check(&draft, today(), &settings).pages.pages > 3.0, "the paste must take the draft past three pages");
    for _ in 0..30 {
        let cut = text.len() - text.chars().next_back().map_or(1, char::len_utf8);
        text.truncate(cut);
        draft.set_section(index, text.clone(), 2000);
        same(&draft, today(), "deleting");
    }
    draft.set_section(index, String::new(), 3000);
    same(&draft, today(), "a section emptied");
    draft.set_section(index, original, 3001);
    same(&draft, today(), "a section refilled");
    let people = draft.template().section_index("co-facilitators").unwrap();
    draft.set_section(people, String::new(), 3002);
    same(&draft, today(), "the people section holds only the table");
    draft.edit_details(3003, |d| d.co_facilitators.clear());
    same(&draft, today(), "no people, so the empty section gets its note");
    draft.edit_details(3004, |d| d.co_facilitators = base_details().co_facilitators);
    same(&draft, today(), "the people are back");
    same(&perfect_bpf(Kind::ContinuingBpf), today(), "the same texts in a continuing BPF");
    same(&perfect_wg(), today(), "a WG after a BPF");
    same(&bpf(), today(), "and back");
    let mut draft = bpf();
    for title in ["BPF on the Internet", "BPF on the Internet of Things", "BPF on the Internet of Thing", "Access and Gender", ""] {
        draft.set_title(title.into(), 4002);
        same(&draft, today(), title);
    }
    // Each fact the checker keeps by text, turned on and off key by key: a placeholder, the
    // guidance pasted back, the forecast, related work in the title and in the theme, and in a
    // WG a word on stakeholders.
    let mut edit_keys = |draft: &mut Draft, key: &str, keys: &str, what: &str| {
        let index = draft.template().section_index(key).unwrap();
        let original = draft.section(index).to_owned();
        let mut text = original.clone();
        for c in keys.chars() {
            text.push(c);
            draft.set_section(index, text.clone(), 4000);
            same(draft, today(), &format!("{what}: {text:?}"));
        }
        while text.len() > original.len() {
            text.pop();
            draft.set_section(index, text.clone(), 4001);
            same(draft, today(), &format!("{what}, deleted: {text:?}"));
        }
    };
    edit_keys(&mut draft, "outputs", " TBD ... x", "a placeholder");
    let guidance = draft.template().sections[draft.template().section_index("outputs").unwrap()].guidance.english();
    edit_keys(&mut draft, "outputs", &format!(" {guidance}"), "the guidance");
    edit_keys(&mut draft, "timeframe", " Later, a multi-year forecast.", "the forecast");
    edit_keys(&mut draft, "theme", " The Internet of Things.", "related work in the theme");
    let mut wg = section(perfect_wg(), "implementation", "Monthly calls open to all MAG members.");
    edit_keys(&mut wg, "purpose", " Every stakeholder", "a WG on stakeholders");
    assert!(compared > 400, "{compared} comparisons");
}

#[test]
fn the_perfect_drafts_run_two_to_three_pages() {
    for draft in [bpf(), perfect_bpf(Kind::ContinuingBpf), perfect_wg()] {
        let pages = igf_core::layout::length::page_count(&draft).pages;
        assert!((2.0..=3.0).contains(&pages), "{} pages", pages);
    }
}

#[test]
fn deadline_figures_and_wording() {
    let message = |report: &igf_core::checks::Report, rule: &str| {
        report.findings.iter().find(|f| f.rule == rule).map(|f| (f.message.english(), f.source)).unwrap()
    };
    let report = check(&bpf(), today(), &Settings::default());
    let deadline = report.deadline.unwrap();
    assert_eq!(deadline.due, CivilDate::new(2027, 2, 21).unwrap());
    assert_eq!(deadline.days_left, 84);
    let (upcoming, source) = message(&report, "deadline-upcoming");
    assert_eq!(
        upcoming,
        "Send the proposal by Sunday 21 February 2027, in 84 days (3 weeks before the MAG meeting on Sunday 14 March 2027)."
    );
    assert_eq!(source, "Annex II, Formation of BPFs, seed line 66 and note 4 (line 74)");

    let four_weeks = Settings { bpf_deadline_weeks: 4, ..Settings::default() };
    let report = check(&bpf(), CivilDate::new(2027, 2, 15).unwrap(), &four_weeks);
    assert_eq!(report.deadline.unwrap().due, CivilDate::new(2027, 2, 14).unwrap());
    assert_eq!(
        message(&report, "deadline-passed").0,
        "The deadline, Sunday 14 February 2027 (4 weeks before the MAG meeting on Sunday 14 March 2027), passed 1 day ago: aim for a later MAG meeting, or ask the Secretariat whether the proposal can still be considered."
    );
}

#[test]
fn summary_counts_what_must_be_fixed() {
    let report = check(&bpf(), today(), &Settings::default());
    assert_eq!((report.summary().english().as_str(), report.short_summary().english().as_str()), ("Ready to submit", "Ready"));
    assert!(report.ready());
    let broken = with(bpf(), |d| {
        d.code_of_conduct = false;
        d.proposer.name.clear();
        d.co_facilitators[0].group = None;
    });
    let report = check(&broken, today(), &Settings::default());
    assert_eq!((report.summary().english().as_str(), report.short_summary().english().as_str()), ("3 to fix before submitting", "3 to fix"));
    assert_eq!(report.count(Severity::MustFix), 3);
}

#[test]
fn every_finding_is_a_sentence_with_a_source() {
    let empty = Draft::new(DraftId::parse("e").unwrap(), Kind::ContinuingBpf, 0);
    for draft in cases().iter().map(|c| (c.draft)()).chain([empty]) {
        for finding in check(&draft, today(), &Settings::default()).findings {
            assert!(finding.message.english().ends_with('.'), "{:?}", finding.message);
            let first_letter = finding.message.english().chars().find(|c| c.is_alphanumeric());
            assert!(first_letter.is_some_and(char::is_uppercase), "{:?}", finding.message);
            assert!(source::ALL.contains(&finding.source), "{:?} is not a known citation", finding.source);
        }
    }
}

#[test]
fn related_work_message_recalls_the_iot_precedent() {
    let mut draft = bpf();
    draft.set_title("Best Practice Forum on IoT".into(), 9);
    let report = check(&draft, today(), &Settings::default());
    let related: Vec<&Finding> = report.findings.iter().filter(|f| f.rule == "related-work").collect();
    let message = &related.iter().find(|f| f.message.english().contains("(DC-IoT)")).unwrap().message.english();
    assert_eq!(
        message,
        "The title may overlap with the Dynamic Coalition on the Internet of Things (DC-IoT) (it mentions “IoT”): say how this proposal differs from it or builds on it. In 2017 the MAG withdrew a proposed IoT BPF because a Dynamic Coalition on IoT already existed."
    );
    let past = &related.iter().find(|f| f.message.english().contains("AI, IoT and Big Data")).unwrap().message.english();
    assert_eq!(
        past,
        "The title may overlap with the Best Practice Forum on AI, IoT and Big Data (2018-2019) (it mentions “IoT”): say how this proposal differs from it or builds on it, or use the continuing BPF template to carry that work on."
    );
    assert!(related.iter().all(|f| f.severity == Severity::ShouldFix && f.target == Target::Section("theme")));
}

#[test]
fn related_work_in_the_theme_quotes_the_words_and_is_a_tip() {
    let mut draft = bpf();
    let index = draft.template().section_index("theme").unwrap();
    draft.set_section(index, prose("Public access to the Internet in libraries matters to many.", 230), 9);
    let report = check(&draft, today(), &Settings::default());
    let related: Vec<&Finding> = report.findings.iter().filter(|f| f.rule == "related-work").collect();
    assert_eq!(related.len(), 1, "{related:?}");
    assert_eq!(related[0].severity, Severity::Tip);
    assert_eq!(related[0].source, source::RELATED_WORK);
    assert_eq!(
        related[0].message.english(),
        "This theme may overlap with the Dynamic Coalition on Public Access in Libraries (DC-PAL) (it mentions “Public access” and “libraries”): say how this proposal differs from it or builds on it."
    );
}

#[test]
fn wg_lifetime_from_the_text_cites_annex_iii() {
    let draft = with(perfect_wg(), |d| { d.timeframe_start.clear(); d.timeframe_end.clear(); });
    let index = draft.template().section_index("timeframe").unwrap();
    let mut draft = draft;
    draft.set_section(index, "Three years, from 2027 to 2029, reporting at every MAG meeting.".into(), 9);
    let report = check(&draft, today(), &Settings::default());
    let finding = report.findings.iter().find(|f| f.rule == "wg-lifetime").unwrap();
    assert_eq!(finding.source, "Annex III, MAG Working Group Guidelines/Modalities, seed line 176");
    assert_eq!(
        finding.message.english(),
        "The timeframe plans for more than one IGF cycle (it says “three years”), but a MAG Working Group lasts one IGF cycle and must be approved anew each year: plan for one cycle, or say that you will ask the MAG to renew it each year."
    );
}

/// Every citation names a heading of the seed and lines under it: the line exists, is not empty,
/// lies under that heading and that annex, and holds any words the citation quotes.
#[test]
fn every_citation_points_at_its_place_in_the_seed() {
    let path = format!("{}/../../tests/corpus/seed-mag-2017-03-28.md", env!("CARGO_MANIFEST_DIR"));
    let seed = std::fs::read_to_string(&path).unwrap();
    let lines: Vec<&str> = seed.lines().collect();
    let plain = |line: &str| line.replace("**", "").trim_start_matches('#').trim().to_owned();
    // The heading and the annex (level-2 heading) that a 1-based line falls under.
    let place = |number: usize| {
        let before = &lines[..number];
        let heading = before.iter().rev().find(|l| l.starts_with('#')).map_or(String::new(), |l| plain(l));
        let annex = before.iter().rev().find(|l| l.starts_with("## ") && l.to_ascii_lowercase().contains("annex")).map_or(String::new(), |l| plain(l));
        (heading, annex)
    };
    for citation in source::ALL.into_iter().filter(|c| *c != source::WRITING_ADVICE) {
        let cited: Vec<usize> = citation.split("line").skip(1).filter_map(|rest| {
            rest.trim_start_matches('s').trim().split(|c: char| !c.is_ascii_digit()).next()?.parse().ok()
        }).collect();
        assert!(citation.contains("seed line") && !cited.is_empty(), "{citation:?} names no seed line");
        let first = cited[0];
        assert!(first >= 1 && first <= lines.len() && !lines[first - 1].trim().is_empty(), "{citation:?}: line {first} is empty or missing");
        let (heading, annex) = place(first);
        let (named_annex, rest) = citation.split_once(", ").unwrap();
        let named_heading = rest.split(", ").next().unwrap();
        if named_annex == "Meeting summary" {
            assert!(annex.is_empty(), "{citation:?}: line {first} is in {annex}, not the meeting summary");
        } else {
            assert!(annex.eq_ignore_ascii_case(named_annex), "{citation:?}: line {first} is in {annex:?}");
            assert_eq!(heading.trim_end_matches(':'), named_heading, "{citation:?}: line {first} is under another heading");
        }
        if let Some((_, quoted)) = citation.split_once('“') {
            let quoted = quoted.split('”').next().unwrap();
            assert!(lines[first - 1].contains(quoted), "{citation:?}: line {first} does not say {quoted:?}");
        }
        for line in cited {
            assert!(!lines[line - 1].trim().is_empty(), "{citation:?}: line {line} is empty");
        }
    }
}

/// A finding dismissed as not applicable leaves the findings for the dismissed list, with its
/// reason, and comes back when restored; a must-fix finding cannot be dismissed.
#[test]
fn dismissed_findings_are_set_aside_with_their_reason() {
    let mut draft = with(bpf(), |d| d.co_facilitators.iter_mut().for_each(|p| p.group = Some(StakeholderGroup::Government)));
    let rules = |report: &igf_core::checks::Report| report.findings.iter().map(|f| f.rule).collect::<Vec<_>>();
    let report = check(&draft, today(), &Settings::default());
    assert_eq!(rules(&report), ["bpf-mag-same-group", "deadline-upcoming"]);
    let tip = &report.findings[0];
    assert!(tip.dismissible());
    draft.dismiss(tip.rule, &tip.target.place(), "  The others join after the meeting  ", 10);
    let report = check(&draft, today(), &Settings::default());
    assert_eq!(rules(&report), ["deadline-upcoming"]);
    assert_eq!(report.dismissed.len(), 1);
    assert_eq!(report.dismissed[0].finding.rule, "bpf-mag-same-group");
    assert_eq!(report.dismissed[0].note().english(), "Dismissed as not applicable: The others join after the meeting.");
    draft.dismiss("bpf-mag-same-group", "co-facilitators", "", 11);
    assert_eq!(check(&draft, today(), &Settings::default()).dismissed[0].note().english(), "Dismissed as not applicable; no reason given.");
    draft.restore("bpf-mag-same-group", "co-facilitators", 12);
    assert_eq!(rules(&check(&draft, today(), &Settings::default())), ["bpf-mag-same-group", "deadline-upcoming"]);

    // A dismissal of a must-fix rule (written by hand, or by a build that allowed it) is ignored.
    let mut broken = with(bpf(), |d| d.code_of_conduct = false);
    let must = check(&broken, today(), &Settings::default()).findings.into_iter().find(|f| f.rule == "code-of-conduct").unwrap();
    assert!(!must.dismissible());
    broken.dismiss(must.rule, &must.target.place(), "We disagree.", 13);
    let report = check(&broken, today(), &Settings::default());
    assert!(report.findings.iter().any(|f| f.rule == "code-of-conduct") && report.dismissed.is_empty());
}

/// The places stored with dismissals: names that drafts keep, so they must never change.
#[test]
fn places_have_stable_names() {
    let table = [
        (Target::Title, "title"),
        (Target::Section("theme"), "section:theme"),
        (Target::CoFacilitators, "co-facilitators"),
        (Target::CoFacilitator(1, PersonField::Email), "co-facilitator:2:email"),
        (Target::CoFacilitator(0, PersonField::Group), "co-facilitator:1:group"),
        (Target::MeetingDate, "meeting-date"),
        (Target::TimeframeStart, "timeframe-start"),
        (Target::TimeframeEnd, "timeframe-end"),
        (Target::ProposerName, "proposer-name"),
        (Target::ProposerEmail, "proposer-email"),
        (Target::CodeOfConduct, "code-of-conduct"),
        (Target::Length, "length"),
    ];
    for (target, place) in table {
        assert_eq!(target.place(), place);
    }
}
