//! Related existing work: past Best Practice Forum topics, Dynamic Coalitions and Policy Networks
//! (igf-facts.md), matched against a proposal's title and theme.
//!
//! Matching works on normalised terms: lower case, plurals folded ("things" -> "thing"), hyphens
//! joined ("multi-stakeholder" -> "multistakeholder"), small words dropped, and long forms folded
//! into their usual abbreviation ("Internet of Things" -> "iot"). A topic matches the title when
//! all of one of its term sets occur in it, in any order; it matches longer text only when those
//! terms stand close together, so a passing mention of two common words raises no alarm.

use std::collections::HashMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WorkKind {
    /// A Best Practice Forum; the years it ran.
    PastBpf(&'static str),
    DynamicCoalition,
    PolicyNetwork(&'static str),
}

#[derive(Debug, PartialEq, Eq)]
pub struct ExistingWork {
    pub name: &'static str,
    pub kind: WorkKind,
    /// Alternative sets of normalised terms; any one set matching is a match.
    terms: &'static [&'static [&'static str]],
}

impl ExistingWork {
    /// How the work is named in a sentence: "the Dynamic Coalition on DNS Issues (DC-DNSI)".
    pub fn describe(&self) -> String {
        match self.kind {
            WorkKind::PastBpf(years) => format!("the Best Practice Forum on {} ({years})", self.name),
            WorkKind::DynamicCoalition => format!("the Dynamic Coalition on {}", self.name),
            WorkKind::PolicyNetwork(years) => format!("the Policy Network on {} ({years})", self.name),
        }
    }
}

const fn bpf(name: &'static str, years: &'static str, terms: &'static [&'static [&'static str]]) -> ExistingWork {
    ExistingWork { name, kind: WorkKind::PastBpf(years), terms }
}

const fn dc(name: &'static str, terms: &'static [&'static [&'static str]]) -> ExistingWork {
    ExistingWork { name, kind: WorkKind::DynamicCoalition, terms }
}

const fn pn(name: &'static str, years: &'static str, terms: &'static [&'static [&'static str]]) -> ExistingWork {
    ExistingWork { name, kind: WorkKind::PolicyNetwork(years), terms }
}

/// From igf-facts.md: BPF topics by year, Dynamic Coalitions, Policy Networks.
pub static EXISTING_WORK: &[ExistingWork] = &[
    bpf("multistakeholder participation mechanisms", "2014-2015", &[&["multistakeholder", "participation", "mechanism"]]),
    bpf("unwanted communications (spam)", "2014-2015", &[&["spam"], &["unwanted", "communication"]]),
    bpf("CERTs and CSIRTs", "2014-2015", &[&["csirt"], &["cert"]]),
    bpf("Local Content", "2014, 2017-2020", &[&["local", "content"]]),
    bpf("online child protection", "2014", &[&["child", "protection"]]),
    bpf("IXPs", "2015-2016", &[&["ixp"]]),
    bpf("IPv6", "2015-2016", &[&["ipv6"]]),
    bpf("online abuse and gender-based violence against women", "2015", &[&["gender", "violence"], &["online", "abuse"]]),
    bpf("Gender and Access", "2016-2020", &[&["gender", "access"]]),
    bpf("Cybersecurity", "2016-2025", &[&["cybersecurity"]]),
    bpf("AI, IoT and Big Data", "2018-2019", &[&["big", "data"], &["ai", "iot"]]),
    bpf("Data and New Technologies in an Internet Context", "2020", &[&["data", "new", "technology"]]),
    bpf("Gender and Digital Rights", "2021-2022", &[&["gender", "digital", "right"]]),
    dc("Accessibility and Disability (DCAD)", &[&["accessibility"], &["disability"], &["dcad"]]),
    dc("Blockchain Assurance and Standardization (DC-BAS) and Blockchain Technologies", &[&["blockchain"]]),
    dc("Children's Rights in the Digital Environment", &[&["child", "right"]]),
    dc("Child Online Safety (DCCOS)", &[&["child", "safety"], &["dccos"]]),
    dc("Community Connectivity (DC3)", &[&["community", "connectivity"], &["dc3"]]),
    dc("Core Internet Values (DC-CIV)", &[&["core", "internet", "value"]]),
    dc("Data and Artificial Intelligence Governance (DC-DAIG)", &[&["data", "ai", "governance"]]),
    dc("Data and Trust", &[&["data", "trust"]]),
    dc("Data Driven Health Technologies and Digital Health", &[&["health"]]),
    dc("Digital Financial Inclusion", &[&["financial", "inclusion"]]),
    dc("the Digital Economy", &[&["digital", "economy"]]),
    dc("DNS Issues (DC-DNSI)", &[&["dns"]]),
    dc("Environment", &[&["environmental"], &["climate"]]),
    dc("Gaming for Purpose", &[&["gaming"]]),
    dc("Gender and Internet Governance", &[&["gender", "internet", "governance"]]),
    dc("Innovative Approaches to Connecting the Unconnected", &[&["unconnected"]]),
    dc("the Internet of Things (DC-IoT)", &[&["iot"], &["internet", "thing"]]),
    dc("the Interplanetary Internet", &[&["interplanetary"]]),
    dc("Internet Rights and Principles (IRPC)", &[&["internet", "right", "principle"], &["irpc"]]),
    dc("Internet Standards, Security and Safety (IS3C)", &[&["internet", "standard"], &["is3c"]]),
    dc("Network Neutrality (DCNN)", &[&["network", "neutrality"], &["net", "neutrality"]]),
    dc("Platform Responsibility (DCPR)", &[&["platform", "responsibility"]]),
    dc("Public Access in Libraries (DC-PAL)", &[&["library"], &["public", "access"]]),
    dc("Publicness", &[&["publicness"]]),
    dc("Schools of Internet Governance (DC-SIG)", &[&["school", "internet", "governance"]]),
    dc("Small Island Developing States in the Internet Economy (DC-SIDS)", &[&["sids"]]),
    dc("Sustainability of Journalism and News Media", &[&["journalism"], &["news", "media"]]),
    dc("Open Educational Resources (DC-OER)", &[&["oer"]]),
    dc("Internet and Jobs", &[&["internet", "job"]]),
    dc("Internet Universality Indicators", &[&["universality", "indicator"]]),
    dc("Youth (Youth Coalition on Internet Governance)", &[&["youth"]]),
    pn("Internet Fragmentation", "from 2022", &[&["fragmentation"]]),
    pn("Meaningful Access", "from 2021", &[&["meaningful", "access"]]),
    pn("Artificial Intelligence", "2023-2024", &[&["ai"]]),
];

/// Long forms folded into one term, written as normalised terms.
const ABBREVIATIONS: &[(&[&str], &str)] = &[
    (&["internet", "thing"], "iot"),
    (&["artificial", "intelligence"], "ai"),
    (&["domain", "name", "system"], "dns"),
    (&["internet", "exchange", "point"], "ixp"),
    (&["computer", "security", "incident", "response", "team"], "csirt"),
    (&["computer", "emergency", "response", "team"], "cert"),
    (&["small", "island", "developing", "state"], "sids"),
    (&["open", "educational", "resource"], "oer"),
    (&["cyber", "security"], "cybersecurity"),
    (&["internet", "protocol", "version", "6"], "ipv6"),
];

/// Short words that carry no topic.
const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "its", "of", "on", "or",
    "the", "their", "to", "with", "bpf", "best", "practice", "forum",
];

/// Terms that plural folding must leave alone.
const KEEP_AS_IS: &[&str] = &["sids", "dns", "news", "access", "ipv6", "is3c", "dccos", "dcad", "oer", "ai"];

/// Turns text into normalised terms, in order.
pub fn terms(text: &str) -> Vec<String> {
    let mut words: Vec<String> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .map(|w| w.trim_matches(|c| c == '-' || c == '\'').replace('-', ""))
        .map(|w| normalise_word(&w.to_ascii_lowercase()))
        .filter(|w| !w.is_empty() && !STOP_WORDS.contains(&w.as_str()))
        .collect();
    fold_abbreviations(&mut words);
    words
}

fn normalise_word(word: &str) -> String {
    let word = word.strip_suffix("'s").or_else(|| word.strip_suffix('\'')).unwrap_or(word);
    if KEEP_AS_IS.contains(&word) {
        return word.to_owned();
    }
    if word == "children" {
        return "child".to_owned();
    }
    if let Some(stem) = word.strip_suffix("ies").filter(|s| s.chars().count() >= 3) {
        return format!("{stem}y");
    }
    match word.strip_suffix('s') {
        Some(stem) if stem.chars().count() >= 3 && !stem.ends_with('s') && !stem.ends_with('u') => stem.to_owned(),
        _ => word.to_owned(),
    }
}

fn fold_abbreviations(words: &mut Vec<String>) {
    for (long, short) in ABBREVIATIONS {
        let mut i = 0;
        while i + long.len() <= words.len() {
            if words[i..i + long.len()].iter().zip(long.iter()).all(|(w, l)| w == l) {
                words.splice(i..i + long.len(), [short.to_string()]);
            }
            i += 1;
        }
    }
}

/// Existing work whose terms all occur in the title, or close together in the longer text.
pub fn related_work(title: &str, text: &str) -> Vec<&'static ExistingWork> {
    let title_terms = terms(title);
    let text_terms = terms(text);
    let mut positions: HashMap<&str, Vec<usize>> = HashMap::new();
    for (at, term) in text_terms.iter().enumerate() {
        positions.entry(term.as_str()).or_default().push(at);
    }
    EXISTING_WORK
        .iter()
        .filter(|work| {
            work.terms.iter().any(|set| {
                set.iter().all(|t| title_terms.iter().any(|w| w == t)) || occurs_close(set, &positions)
            })
        })
        .collect()
}

/// True when every term of `set` occurs within a window a little wider than the set.
fn occurs_close(set: &[&str], positions: &HashMap<&str, Vec<usize>>) -> bool {
    let window = set.len() + 2;
    let Some(anchors) = positions.get(set[0]) else { return false };
    anchors.iter().any(|&anchor| {
        set[1..].iter().all(|term| {
            positions.get(term).is_some_and(|found| found.iter().any(|&at| at.abs_diff(anchor) < window - 1))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(title: &str, text: &str) -> Vec<&'static str> {
        related_work(title, text).iter().map(|w| w.name).collect()
    }

    #[test]
    fn normalises_case_plurals_hyphens_and_long_forms() {
        assert_eq!(terms("Internet of Things"), ["iot"]);
        assert_eq!(terms("the IoT"), ["iot"]);
        assert_eq!(terms("Artificial Intelligence and DNS"), ["ai", "dns"]);
        assert_eq!(terms("Multi-stakeholder Participation Mechanisms"), ["multistakeholder", "participation", "mechanism"]);
        assert_eq!(terms("Children's rights in Libraries"), ["child", "right", "library"]);
        assert_eq!(terms("CSIRTs and CERTs"), ["csirt", "cert"]);
        assert_eq!(terms("Cyber Security"), ["cybersecurity"]);
        assert_eq!(terms("SIDS"), ["sids"]);
        assert_eq!(terms("Small Island Developing States"), ["sids"]);
        assert_eq!(terms("Access"), ["access"]);
    }

    #[test]
    fn matches_related_work_in_titles_whatever_the_wording() {
        let table: &[(&str, &[&str])] = &[
            ("BPF on the Internet of Things", &["the Internet of Things (DC-IoT)"]),
            ("Best Practice Forum on IoT security", &["the Internet of Things (DC-IoT)"]),
            ("Things on the Internet", &["the Internet of Things (DC-IoT)"]),
            ("Cybersecurity norms", &["Cybersecurity"]),
            ("Cyber security for SMEs", &["Cybersecurity"]),
            ("Access and Gender", &["Gender and Access"]),
            ("Gender & access", &["Gender and Access"]),
            ("Local contents in African languages", &["Local Content"]),
            ("DNS abuse", &["DNS Issues (DC-DNSI)"]),
            ("Domain Name System abuse", &["DNS Issues (DC-DNSI)"]),
            ("IXPs in landlocked countries", &["IXPs"]),
            ("Internet exchange points", &["IXPs"]),
            ("CSIRT maturity", &["CERTs and CSIRTs"]),
            ("Artificial intelligence in public services", &["Artificial Intelligence"]),
            ("AI, data and governance", &["Data and Artificial Intelligence Governance (DC-DAIG)", "Artificial Intelligence"]),
            ("Connectivity for SIDS", &["Small Island Developing States in the Internet Economy (DC-SIDS)"]),
            ("Net neutrality", &["Network Neutrality (DCNN)"]),
        ];
        for (title, expected) in table {
            assert_eq!(names(title, ""), *expected, "{title:?}");
        }
    }

    #[test]
    fn raises_no_alarm_on_unrelated_themes() {
        let table: &[(&str, &str)] = &[
            ("Multilingual Content and Universal Acceptance", "Most of the next billion Internet users will read and write in languages other than English, yet many websites reject addresses in local scripts. This BPF would gather what registries do to make content and identifiers work in every script."),
            ("Environmental footprint of data centres", ""),
            ("Open standards procurement", "Governments buy software."),
            ("Interoperability of digital identity", "Identity systems that work across borders."),
            ("Things to do", ""),
            ("Spammers' economics", ""),
        ];
        assert_eq!(names(table[0].0, table[0].1), Vec::<&str>::new());
        assert_eq!(names(table[1].0, table[1].1), ["Environment"]);
        for (title, text) in &table[2..] {
            assert_eq!(names(title, text), Vec::<&str>::new(), "{title:?}");
        }
        assert_eq!(names("Spam", ""), ["unwanted communications (spam)"]);
    }

    #[test]
    fn longer_text_matches_only_when_terms_stand_together() {
        assert_eq!(names("A new forum", "We build on the Dynamic Coalition on the Internet of Things."), ["the Internet of Things (DC-IoT)"]);
        assert_eq!(names("A new forum", "Local communities write. Much later, and after many other words here, content appears."), Vec::<&str>::new());
        assert_eq!(names("A new forum", "It studies local content production."), ["Local Content"]);
    }
}
