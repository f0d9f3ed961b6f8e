//! Related existing work: past Best Practice Forum topics, Dynamic Coalitions and Policy Networks
//! (igf-facts.md), matched against a proposal's title and theme.
//!
//! Matching works on normalised terms: lower case, plurals folded ("things" -> "thing"), hyphens
//! joined ("multi-stakeholder" -> "multistakeholder"), small words dropped, a few word forms
//! folded ("kids" -> "child", "gender-based" -> "gender") and long forms folded into their usual
//! abbreviation ("Internet of Things" -> "iot", "incident response team" -> "csirt"); compounds
//! that are topics of their own are kept apart ("content moderation" is not "content").
//!
//! Each work has sets of terms, chosen to be distinctive: abbreviations, names and phrases, not
//! single common words ("library" alone names code libraries as often as public ones). A set
//! matches the title when all its terms occur in it, in any order; it matches the theme only
//! when its terms stand close together (within a span of the set's size plus one), so a passing
//! mention of two common words raises no alarm. Some sets are trusted in the title only, where
//! a word is the subject ("youth" in a title; a youth in a list of ages is not). A match keeps
//! the words it found, as written, so the finding can say why it matched.
//!
//! The precision and recall of these rules are measured on the labelled corpus in
//! tests/overlap_corpus.json (tests/overlap.rs).

use std::collections::HashMap;
use std::ops::Range;

use igf_codecs::order;

use crate::text::case::fold_str;
use crate::text::i18n::Msg;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WorkKind {
    /// A Best Practice Forum; the years it ran.
    PastBpf(&'static str),
    DynamicCoalition,
    /// A Policy Network; the years it ran or runs.
    PolicyNetwork(Years),
}

/// The years of a work: a span as written ("2023-2024"), or the year it began and runs since.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Years {
    Span(&'static str),
    Since(u16),
}

type TermSets = &'static [&'static [&'static str]];

#[derive(Debug, PartialEq, Eq)]
pub struct ExistingWork {
    pub name: &'static str,
    pub kind: WorkKind,
    /// Alternative sets of normalised terms; any one set matching is a match.
    terms: TermSets,
    /// Sets that match in the title only.
    title_terms: TermSets,
}

impl ExistingWork {
    /// How the work is named in a sentence: "the Dynamic Coalition on DNS Issues (DC-DNSI)".
    /// Names are the bodies' own English names; a name that starts with "the" has its own
    /// message, so other languages can write the name without the English article.
    pub fn describe(&self) -> Msg {
        let (the, name) = match self.name.strip_prefix("the ") {
            Some(name) => (true, name),
            None => (false, self.name),
        };
        let message = match (self.kind, the) {
            (WorkKind::PastBpf(_), _) => Msg::new("checks.related.work.bpf"),
            (WorkKind::DynamicCoalition, false) => Msg::new("checks.related.work.dc"),
            (WorkKind::DynamicCoalition, true) => Msg::new("checks.related.work.dc.the"),
            (WorkKind::PolicyNetwork(_), _) => Msg::new("checks.related.work.pn"),
        };
        let message = message.arg("name", name);
        match self.kind {
            WorkKind::PastBpf(years) => message.arg("years", years),
            WorkKind::PolicyNetwork(Years::Span(years)) => message.arg("years", years),
            WorkKind::PolicyNetwork(Years::Since(year)) => message.arg("years", Msg::new("checks.related.work.since").arg("year", year)),
            WorkKind::DynamicCoalition => message,
        }
    }
}

const fn bpf(name: &'static str, years: &'static str, terms: TermSets) -> ExistingWork {
    ExistingWork { name, kind: WorkKind::PastBpf(years), terms, title_terms: &[] }
}

const fn dc(name: &'static str, terms: TermSets) -> ExistingWork {
    ExistingWork { name, kind: WorkKind::DynamicCoalition, terms, title_terms: &[] }
}

const fn pn(name: &'static str, years: Years, terms: TermSets) -> ExistingWork {
    ExistingWork { name, kind: WorkKind::PolicyNetwork(years), terms, title_terms: &[] }
}

impl ExistingWork {
    const fn or_in_title(self, title_terms: TermSets) -> ExistingWork {
        ExistingWork { title_terms, ..self }
    }
}

const CHILD_SAFETY: TermSets = &[&["child", "protection"], &["protect", "child"], &["child", "safety"], &["child", "safe"], &["dccos"]];
const CYBERSECURITY: TermSets = &[&["cybersecurity"], &["cyberspace"], &["cyber", "norm"], &["csirt"], &["cert"]];

/// From igf-facts.md: BPF topics by year, Dynamic Coalitions, Policy Networks.
pub static EXISTING_WORK: &[ExistingWork] = &[
    bpf("multistakeholder participation mechanisms", "2014-2015", &[&["multistakeholder", "participation", "mechanism"]])
        .or_in_title(&[&["multistakeholder", "participation"]]),
    bpf("unwanted communications (spam)", "2014-2015", &[&["spam"], &["unwanted", "communication"], &["unsolicited", "message"], &["unsolicited", "email"]]),
    bpf("CERTs and CSIRTs", "2014-2015", &[&["csirt"], &["cert"]]),
    bpf("Local Content", "2014, 2017-2020", &[&["local", "content"]]),
    bpf("online child protection", "2014", CHILD_SAFETY),
    bpf("IXPs", "2015-2016", &[&["ixp"]]),
    bpf("IPv6", "2015-2016", &[&["ipv6"]]),
    bpf("online abuse and gender-based violence against women", "2015", &[&["gender", "violence"], &["online", "abuse"]]),
    bpf("Gender and Access", "2016-2020", &[&["gender", "access"], &["women", "access"], &["gender", "gap"], &["gender", "digital", "divide"], &["gender", "connectivity"], &["women", "connectivity"]]),
    bpf("Cybersecurity", "2016-2025", CYBERSECURITY),
    bpf("AI, IoT and Big Data", "2018-2019", &[&["ai"], &["iot"], &["big", "data"]]).or_in_title(&[&["internet", "thing"]]),
    bpf("Data and New Technologies in an Internet Context", "2020", &[&["data", "new", "technology"], &["data", "emerging", "technology"]]),
    bpf("Gender and Digital Rights", "2021-2022", &[&["gender", "digital", "right"], &["women", "digital", "right"]]),
    dc("Accessibility and Disability (DCAD)", &[&["disability"], &["dcad"], &["web", "accessibility"], &["digital", "accessibility"], &["assistive", "technology"], &["screen", "reader"]]),
    dc("Blockchain Assurance and Standardization (DC-BAS) and Blockchain Technologies", &[&["blockchain"], &["dcbas"]]),
    dc("Children's Rights in the Digital Environment", &[&["child", "right"], &["right", "child"]]),
    dc("Child Online Safety (DCCOS)", CHILD_SAFETY),
    dc("Community Connectivity (DC3)", &[&["community", "connectivity"], &["community", "network"], &["dc3"]]),
    dc("Core Internet Values (DC-CIV)", &[&["core", "internet", "value"], &["dcciv"]]),
    dc("Data and Artificial Intelligence Governance (DC-DAIG)", &[&["data", "ai", "governance"], &["data", "governance"], &["ai", "governance"], &["dcdaig"]]),
    dc("Data and Trust", &[&["data", "trust"]]),
    dc("Data Driven Health Technologies and Digital Health", &[&["digital", "health"], &["health", "technology"], &["telemedicine"], &["ehealth"], &["health", "app"]]),
    dc("Digital Financial Inclusion", &[&["financial", "inclusion"], &["mobile", "money"]]),
    dc("the Digital Economy", &[&["digital", "economy"]]),
    dc("DNS Issues (DC-DNSI)", &[&["dns"], &["dcdnsi"]]),
    dc("Environment", &[&["environmental"], &["climate"], &["carbon", "footprint"], &["ewaste"]]),
    dc("Gaming for Purpose", &[&["gaming"]]),
    dc("Gender and Internet Governance", &[&["gender", "internet", "governance"], &["women", "internet", "governance"]]),
    dc("Innovative Approaches to Connecting the Unconnected", &[&["unconnected"], &["connecting", "next", "billion"]]),
    dc("the Internet of Things (DC-IoT)", &[&["iot"], &["dciot"]]).or_in_title(&[&["internet", "thing"]]),
    dc("the Interplanetary Internet", &[&["interplanetary"]]),
    dc("Internet Rights and Principles (IRPC)", &[&["internet", "right", "principle"], &["irpc"]]),
    dc("Internet Standards, Security and Safety (IS3C)", &[&["internet", "standard"], &["is3c"]]),
    dc("Network Neutrality (DCNN)", &[&["network", "neutrality"], &["net", "neutrality"], &["zerorating"], &["dcnn"]]),
    dc("Platform Responsibility (DCPR)", &[&["platform", "responsibility"], &["platform", "accountability"], &["platform", "accountable"], &["dcpr"]]),
    dc("Public Access in Libraries (DC-PAL)", &[&["public", "access", "library"], &["library", "internet", "access"], &["public", "library", "internet"], &["dcpal"]]),
    dc("Publicness", &[&["publicness"]]),
    dc("Schools of Internet Governance (DC-SIG)", &[&["school", "internet", "governance"], &["dcsig"]]),
    dc("Small Island Developing States in the Internet Economy (DC-SIDS)", &[&["sids"], &["dcsids"]]),
    dc("Sustainability of Journalism and News Media", &[&["journalism"], &["news", "media"]]),
    dc("Open Educational Resources (DC-OER)", &[&["oer"], &["dcoer"]]),
    dc("Internet and Jobs", &[&["internet", "job"]]).or_in_title(&[&["future", "work"]]),
    dc("Internet Universality Indicators", &[&["universality", "indicator"], &["roamx"]]),
    dc("Youth (Youth Coalition on Internet Governance)", &[&["youth", "coalition"], &["youth", "internet", "governance"], &["ycig"], &["youth", "igf"]])
        .or_in_title(&[&["youth"]]),
    pn("Internet Fragmentation", Years::Since(2022), &[&["fragmentation"]]),
    pn("Meaningful Access", Years::Since(2021), &[&["meaningful", "access"], &["meaningful", "connectivity"]]),
    pn("Artificial Intelligence", Years::Span("2023-2024"), &[&["ai"]]),
];

/// Long forms folded into one term, written as normalised terms; longer forms first.
const ABBREVIATIONS: &[(&[&str], &str)] = &[
    (&["internet", "thing"], "iot"),
    (&["artificial", "intelligence"], "ai"),
    (&["machine", "learning"], "ai"),
    (&["domain", "name", "system"], "dns"),
    (&["internet", "exchange", "point"], "ixp"),
    (&["exchange", "point"], "ixp"),
    (&["computer", "security", "incident", "response", "team"], "csirt"),
    (&["incident", "response", "team"], "csirt"),
    (&["computer", "emergency", "response", "team"], "cert"),
    (&["small", "island", "developing", "state"], "sids"),
    (&["small", "island"], "sids"),
    (&["open", "educational", "resource"], "oer"),
    (&["cyber", "security"], "cybersecurity"),
    (&["internet", "protocol", "version", "6"], "ipv6"),
    (&["distributed", "ledger"], "blockchain"),
    (&["video", "game"], "gaming"),
    (&["young", "people"], "youth"),
    // A topic of its own: "local content moderation" is not about local content.
    (&["content", "moderation"], "contentmoderation"),
];

/// Word forms folded into one term (after lower-casing, before plurals).
const WORD_FORMS: &[(&str, &str)] = &[
    ("children", "child"),
    ("kids", "child"),
    ("kid", "child"),
    ("woman", "women"),
    ("genderbased", "gender"),
    ("locally", "local"),
    ("protecting", "protect"),
    ("protects", "protect"),
    ("protected", "protect"),
    ("splinternet", "fragmentation"),
];

/// Short words that carry no topic.
const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "its", "of", "on", "or",
    "the", "their", "to", "with", "bpf", "best", "practice", "forum",
];

/// Terms that plural folding must leave alone.
const KEEP_AS_IS: &[&str] = &["sids", "dns", "news", "access", "ipv6", "is3c", "dccos", "dcad", "oer", "ai", "dcsids"];

/// A normalised term and where its words stand in the original text (bytes).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Token {
    term: String,
    span: Range<usize>,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'
}

fn tokens(text: &str) -> Vec<Token> {
    let mut found = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (start, is_word_char(c)) {
            (None, true) => start = Some(at),
            (Some(from), false) => {
                start = None;
                let raw = &text[from..at];
                let trimmed = raw.trim_start_matches(['-', '\'', '’']);
                let from = from + (raw.len() - trimmed.len());
                let trimmed = trimmed.trim_end_matches(['-', '\'', '’']);
                let span = from..from + trimmed.len();
                let word = fold_str(&trimmed.replace('-', "").replace('’', "'"));
                let term = normalise_word(&word);
                if !term.is_empty() && !STOP_WORDS.contains(&term.as_str()) {
                    found.push(Token { term, span });
                }
            }
            _ => {}
        }
    }
    fold_abbreviations(&mut found);
    found
}

/// Turns text into normalised terms, in order.
pub fn terms(text: &str) -> Vec<String> {
    tokens(text).into_iter().map(|t| t.term).collect()
}

fn normalise_word(word: &str) -> String {
    let word = word.strip_suffix("'s").or_else(|| word.strip_suffix('\'')).unwrap_or(word);
    if KEEP_AS_IS.contains(&word) {
        return word.to_owned();
    }
    if let Some((_, form)) = WORD_FORMS.iter().find(|(from, _)| *from == word) {
        return (*form).to_owned();
    }
    if let Some(stem) = word.strip_suffix("ies").filter(|s| s.chars().count() >= 3) {
        return format!("{stem}y");
    }
    match word.strip_suffix('s') {
        Some(stem) if stem.chars().count() >= 3 && !stem.ends_with('s') && !stem.ends_with('u') => stem.to_owned(),
        _ => word.to_owned(),
    }
}

fn fold_abbreviations(tokens: &mut Vec<Token>) {
    for (long, short) in ABBREVIATIONS {
        let mut i = 0;
        while i + long.len() <= tokens.len() {
            if tokens[i..i + long.len()].iter().zip(long.iter()).all(|(t, l)| t.term == *l) {
                let span = tokens[i].span.start..tokens[i + long.len() - 1].span.end;
                tokens.splice(i..i + long.len(), [Token { term: (*short).to_owned(), span }]);
            }
            i += 1;
        }
    }
}

/// Where a match was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    Title,
    Theme,
}

/// An existing work that a proposal's title or theme names, and the words that named it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match {
    pub work: &'static ExistingWork,
    /// The title when it matched there, else the theme.
    pub place: Place,
    /// The words found, as written: runs of neighbouring terms are one phrase ("Gender and
    /// Access"), in the order of the text.
    pub words: Vec<String>,
}

/// Terms of one text, with where each occurs.
struct Indexed<'a> {
    text: &'a str,
    tokens: &'a [Token],
    positions: HashMap<&'a str, Vec<usize>>,
}

impl<'a> Indexed<'a> {
    fn new(text: &'a str, tokens: &'a [Token]) -> Indexed<'a> {
        let mut positions: HashMap<&str, Vec<usize>> = HashMap::new();
        for (at, token) in tokens.iter().enumerate() {
            positions.entry(token.term.as_str()).or_default().push(at);
        }
        Indexed { text, tokens, positions }
    }

    /// Positions of the terms of `set`, all present anywhere (in any order) when `anywhere`,
    /// else within a span of `set.len() + 1` terms.
    fn find(&self, set: &[&str], anywhere: bool) -> Option<Vec<usize>> {
        if anywhere {
            return set.iter().map(|term| self.positions.get(term).map(|at| at[0])).collect();
        }
        let span = set.len() + 1;
        let anchors = self.positions.get(set[0])?;
        for &anchor in anchors {
            for start in anchor.saturating_sub(span)..=anchor {
                let found: Option<Vec<usize>> = set
                    .iter()
                    .map(|term| self.positions.get(term)?.iter().copied().find(|&at| at >= start && at <= start + span))
                    .collect();
                if found.is_some() {
                    return found;
                }
            }
        }
        None
    }

    /// The words at `positions`, as written; neighbouring terms make one phrase.
    fn words(&self, mut positions: Vec<usize>) -> Vec<String> {
        order::sort_by(&mut positions, &mut |a, b| a.cmp(b));
        positions.dedup();
        let mut runs: Vec<(usize, usize)> = Vec::new();
        for at in positions {
            match runs.last_mut() {
                Some((_, last)) if *last + 1 == at => *last = at,
                _ => runs.push((at, at)),
            }
        }
        runs.into_iter()
            .map(|(first, last)| {
                let raw = &self.text[self.tokens[first].span.start..self.tokens[last].span.end];
                if raw.contains(|c: char| "*_`[]()#<>|\\".contains(c)) {
                    self.tokens[first..=last].iter().map(|t| &self.text[t.span.clone()]).collect::<Vec<_>>().join(" ")
                } else {
                    raw.split_whitespace().collect::<Vec<_>>().join(" ")
                }
            })
            .collect()
    }
}

/// Existing work that the title names (all terms of a set, in any order) or the theme names
/// (all terms of a set close together), with the words found; a title match is preferred.
pub fn related_matches(title: &str, theme: &str) -> Vec<Match> {
    let (title_tokens, theme_tokens) = (tokens(title), tokens(theme));
    let title = Indexed::new(title, &title_tokens);
    let theme = Indexed::new(theme, &theme_tokens);
    EXISTING_WORK
        .iter()
        .filter_map(|work| {
            let in_title = work.terms.iter().chain(work.title_terms).find_map(|set| title.find(set, true));
            if let Some(positions) = in_title {
                return Some(Match { work, place: Place::Title, words: title.words(positions) });
            }
            let in_theme = work.terms.iter().find_map(|set| theme.find(set, false))?;
            Some(Match { work, place: Place::Theme, words: theme.words(in_theme) })
        })
        .collect()
}

/// Existing work that the title or the theme names (see [`related_matches`]).
pub fn related_work(title: &str, theme: &str) -> Vec<&'static ExistingWork> {
    related_matches(title, theme).into_iter().map(|m| m.work).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(title: &str, text: &str) -> Vec<&'static str> {
        related_work(title, text).iter().map(|w| w.name).collect()
    }

    #[test]
    fn works_are_named_as_in_a_sentence() {
        let named = |name: &str| EXISTING_WORK.iter().find(|w| w.name == name).unwrap().describe().english();
        let table: &[(&str, &str)] = &[
            ("Local Content", "the Best Practice Forum on Local Content (2014, 2017-2020)"),
            ("DNS Issues (DC-DNSI)", "the Dynamic Coalition on DNS Issues (DC-DNSI)"),
            ("the Internet of Things (DC-IoT)", "the Dynamic Coalition on the Internet of Things (DC-IoT)"),
            ("Internet Fragmentation", "the Policy Network on Internet Fragmentation (from 2022)"),
            ("Artificial Intelligence", "the Policy Network on Artificial Intelligence (2023-2024)"),
        ];
        for (name, expected) in table {
            assert_eq!(named(name), *expected, "{name}");
        }
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
            ("BPF on the Internet of Things", &["AI, IoT and Big Data", "the Internet of Things (DC-IoT)"]),
            ("Best Practice Forum on IoT security", &["AI, IoT and Big Data", "the Internet of Things (DC-IoT)"]),
            ("Things on the Internet", &["AI, IoT and Big Data", "the Internet of Things (DC-IoT)"]),
            ("Cybersecurity norms", &["Cybersecurity"]),
            ("Cyber security for SMEs", &["Cybersecurity"]),
            ("Access and Gender", &["Gender and Access"]),
            ("Gender & access", &["Gender and Access"]),
            ("Local contents in African languages", &["Local Content"]),
            ("DNS abuse", &["DNS Issues (DC-DNSI)"]),
            ("Domain Name System abuse", &["DNS Issues (DC-DNSI)"]),
            ("IXPs in landlocked countries", &["IXPs"]),
            ("Internet exchange points", &["IXPs"]),
            ("CSIRT maturity", &["CERTs and CSIRTs", "Cybersecurity"]),
            ("Artificial intelligence in public services", &["AI, IoT and Big Data", "Artificial Intelligence"]),
            ("AI, data and governance", &["AI, IoT and Big Data", "Data and Artificial Intelligence Governance (DC-DAIG)", "Artificial Intelligence"]),
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
        assert_eq!(names("A new forum", "We build on the Dynamic Coalition on the Internet of Things."), ["AI, IoT and Big Data", "the Internet of Things (DC-IoT)"]);
        assert_eq!(names("A new forum", "Local communities write. Much later, and after many other words here, content appears."), Vec::<&str>::new());
        assert_eq!(names("A new forum", "It studies local content production."), ["Local Content"]);
    }
}
