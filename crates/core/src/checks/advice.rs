//! Writing advice: tips on how a section reads, for a document read by a global audience, many
//! in their second language. None is a rule of the seed, so each is a Tip with the source
//! "Writing advice", and none can stop a proposal from being ready.
//!
//! Everything here reads one section's text alone (the checker keeps it by text), except the
//! acronyms: whether a use is the first one depends on the sections before it, so a section
//! gives its acronyms in order and [`unexplained_acronyms`] decides across the draft.

use crate::checks::{Finding, Severity, Target, finding};
use crate::model::source::WRITING_ADVICE;
use crate::text::case::{fold, fold_str};
use crate::text::markdown::{Block, Inline, inline_text};
use crate::text::i18n::{Arg, Msg};
use crate::text::words::count_words;

/// A sentence longer than this is hard to follow (plain-language guides give 25 to 40 words).
pub const LONG_SENTENCE_WORDS: usize = 40;
/// A paragraph longer than this is a wall of text on a printed page (about a third of one).
pub const LONG_PARAGRAPH_WORDS: usize = 200;
/// This many consecutive words of the template's guidance are a repeat, not a coincidence.
pub const GUIDANCE_RUN_WORDS: usize = 10;
/// Below this many words a readability figure says nothing.
pub const READABILITY_MIN_WORDS: usize = 50;

/// What one section's text says about its writing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SectionAdvice {
    /// The tips that need nothing but this section's text.
    pub tips: Vec<Finding>,
    /// Each acronym the section uses, once, in order of first use here, with whether that use
    /// spells it out.
    pub acronyms: Vec<(String, bool)>,
    /// Flesch reading ease, for English prose of at least [`READABILITY_MIN_WORDS`] words.
    pub reading_ease: Option<i32>,
}

/// The advice on section `name` (its heading in quotes) whose parsed text is `blocks`.
pub fn advise(blocks: &[Block], name: &Msg, target: Target, guidance: &str) -> SectionAdvice {
    let units = units(blocks);
    let all_sentences: Vec<&str> = units.iter().flat_map(|u| sentences(&u.text)).collect();
    let mut tips = Vec::new();
    if let Some(tip) = long_sentences(&all_sentences, name, target) {
        tips.push(tip);
    }
    if let Some(tip) = long_paragraphs(&units, name, target) {
        tips.push(tip);
    }
    if let Some(tip) = repeated_guidance(&units, name, target, guidance) {
        tips.push(tip);
    }
    if let Some(tip) = bare_links(&units, name, target) {
        tips.push(tip);
    }
    SectionAdvice { tips, acronyms: acronyms(&units), reading_ease: reading_ease(&units, all_sentences.len()) }
}

/// The acronym tips of a whole draft: `sections` gives each section's place, name and
/// acronyms in document order. A section gets a tip for the acronyms it uses first in the
/// draft without spelling them out. The title and the official headings are not searched:
/// a title names the work in its shortest form.
pub fn unexplained_acronyms<'a>(sections: impl Iterator<Item = (Target, &'a Msg, &'a [(String, bool)])>) -> Vec<Finding> {
    let mut seen: Vec<&str> = Vec::new();
    let mut tips = Vec::new();
    for (target, name, acronyms) in sections {
        let mut unexplained = Vec::new();
        for (acronym, spelled_out) in acronyms {
            if seen.contains(&acronym.as_str()) {
                continue;
            }
            seen.push(acronym);
            if !spelled_out {
                unexplained.push(acronym.as_str());
            }
        }
        let Some(first) = unexplained.first() else { continue };
        let example = match known_expansion(first) {
            Some(full) => Msg::new("advice.acronym.example.known").arg("full", full).arg("short", *first),
            None => Msg::new("advice.acronym.example.unknown"),
        };
        tips.push(finding("acronym-unexplained", Severity::Tip, target, WRITING_ADVICE, Msg::new("advice.acronym")
            .arg("name", name.clone())
            .arg("acronyms", Arg::list(unexplained.iter().copied()))
            .arg("count", unexplained.len())
            .arg("example", example)));
    }
    tips
}

/// A readability note for beside a section's word count.
pub fn reading_ease_note(score: i32) -> Msg {
    Msg::new("advice.readability").arg("score", score)
}

/// A stretch of prose as plain text: a paragraph, or a paragraph of a list item or quote.
struct Unit {
    text: String,
    /// A paragraph of its own, not part of a list item.
    paragraph: bool,
    /// The visible texts of its links that are URLs, and whether each was written bare.
    urls: Vec<String>,
}

fn units(blocks: &[Block]) -> Vec<Unit> {
    let mut out = Vec::new();
    for block in blocks {
        push_units(block, true, &mut out);
    }
    out
}

fn push_units(block: &Block, paragraph: bool, out: &mut Vec<Unit>) {
    match block {
        Block::Paragraph(content) => {
            let mut urls = Vec::new();
            link_urls(content, &mut urls);
            let text = inline_text(content);
            urls.extend(text.split_whitespace().filter(|w| looks_like_url(w)).map(|w| w.trim_end_matches(['.', ',', ';', ')']).to_owned()));
            urls.dedup();
            out.push(Unit { text, paragraph, urls });
        }
        Block::List { items, .. } => items.iter().flatten().for_each(|b| push_units(b, false, out)),
        Block::Quote(blocks) => blocks.iter().for_each(|b| push_units(b, paragraph, out)),
        Block::Heading { .. } | Block::Code(_) | Block::Rule | Block::Table { .. } => {}
    }
}

/// Links whose visible text is itself a URL (an autolink, or `[https://…](https://…)`).
fn link_urls(content: &[Inline], urls: &mut Vec<String>) {
    for inline in content {
        match inline {
            Inline::Link { content, .. } => {
                let text = inline_text(content);
                if looks_like_url(text.trim()) {
                    urls.push(text.trim().to_owned());
                }
            }
            Inline::Strong(c) | Inline::Emphasis(c) | Inline::Strikethrough(c) => link_urls(c, urls),
            _ => {}
        }
    }
}

fn looks_like_url(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    ["http://", "https://", "www."].iter().any(|p| lower.starts_with(p)) && word.len() > 8
}

/// The sentences of a unit: it ends at ".", "!", "?" or "…" followed by a space and a capital,
/// a digit or a quote, so "e.g. the" and "2.5" do not end one.
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if c == '\n' || matches!(c, '.' | '!' | '?' | '…') && ends_sentence(&text[at + c.len_utf8()..]) {
            let end = at + c.len_utf8();
            out.push(&text[start..end]);
            start = end;
        }
        if c == '\n' {
            while chars.peek().is_some_and(|(_, c)| *c == '\n') {
                chars.next();
            }
        }
    }
    out.push(&text[start..]);
    out.retain(|s| count_words(s) > 0);
    out
}

fn ends_sentence(rest: &str) -> bool {
    let mut chars = rest.chars();
    match chars.next() {
        None => true,
        Some(c) if c.is_whitespace() => {
            let next = rest.trim_start().chars().next();
            // A capital is a letter that folds to another (std's own test links a table).
            next.is_none_or(|n| fold(n) != n || n.is_ascii_digit() || matches!(n, '“' | '"' | '‘' | '(' | '['))
        }
        Some(_) => false,
    }
}

/// The first words of a passage, for quoting it in a finding.
fn opening(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= 6 { words.join(" ") } else { format!("{} …", words[..6].join(" ")) }
}

fn long_sentences(sentences: &[&str], name: &Msg, target: Target) -> Option<Finding> {
    let long: Vec<(usize, &str)> = sentences
        .iter()
        .map(|s| (count_words(s), *s))
        .filter(|(words, _)| *words > LONG_SENTENCE_WORDS)
        .collect();
    let (words, first) = long.first()?;
    let message = if long.len() == 1 { Msg::new("advice.sentence_long.one") } else { Msg::new("advice.sentence_long.many") };
    Some(finding("sentence-long", Severity::Tip, target, WRITING_ADVICE, message
        .arg("name", name.clone())
        .arg("count", long.len())
        .arg("words", *words)
        .arg("limit", LONG_SENTENCE_WORDS)
        .arg("opening", opening(first))))
}

fn long_paragraphs(units: &[Unit], name: &Msg, target: Target) -> Option<Finding> {
    let long: Vec<(usize, &Unit)> = units
        .iter()
        .filter(|u| u.paragraph)
        .map(|u| (count_words(&u.text), u))
        .filter(|(words, _)| *words > LONG_PARAGRAPH_WORDS)
        .collect();
    let (words, first) = long.first()?;
    let message = if long.len() == 1 { Msg::new("advice.paragraph_long.one") } else { Msg::new("advice.paragraph_long.many") };
    Some(finding("paragraph-long", Severity::Tip, target, WRITING_ADVICE, message
        .arg("name", name.clone())
        .arg("count", long.len())
        .arg("words", *words)
        .arg("limit", LONG_PARAGRAPH_WORDS)
        .arg("opening", opening(&first.text))))
}

/// Words compared without case or the punctuation around them.
fn comparable_words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| fold_str(w.trim_matches(|c: char| !c.is_alphanumeric())))
        .filter(|w| !w.is_empty())
        .collect()
}

/// The longest run of the guidance's words that the section repeats, if long enough and not
/// the whole guidance (that one is a must-fix finding of its own).
fn repeated_guidance(units: &[Unit], name: &Msg, target: Target, guidance: &str) -> Option<Finding> {
    let guide = comparable_words(guidance);
    let shown: Vec<&str> = guidance.split_whitespace().collect();
    let mut best = (0, 0); // (length, start in the guidance)
    for unit in units {
        let text = comparable_words(&unit.text);
        // Longest common run, one row of the table at a time.
        let mut previous = vec![0usize; guide.len() + 1];
        for word in &text {
            let mut row = vec![0usize; guide.len() + 1];
            for (j, g) in guide.iter().enumerate() {
                if word == g {
                    row[j + 1] = previous[j] + 1;
                    if row[j + 1] > best.0 {
                        best = (row[j + 1], j + 1 - row[j + 1]);
                    }
                }
            }
            previous = row;
        }
    }
    let (length, start) = best;
    if length < GUIDANCE_RUN_WORDS || length >= guide.len() {
        return None;
    }
    let quoted = opening(&shown.get(start..).unwrap_or_default().join(" "));
    Some(finding("guidance-repeated", Severity::Tip, target, WRITING_ADVICE,
        Msg::new("advice.guidance_repeated").arg("name", name.clone()).arg("length", length).arg("quoted", quoted)))
}

fn bare_links(units: &[Unit], name: &Msg, target: Target) -> Option<Finding> {
    let bare: Vec<&str> = units
        .iter()
        .filter(|u| {
            let words = count_words(&u.text);
            let url_words: usize = u.urls.iter().map(|url| count_words(url)).sum();
            !u.urls.is_empty() && words.saturating_sub(url_words) < 4
        })
        .flat_map(|u| u.urls.iter().map(String::as_str))
        .collect();
    let first = bare.first()?;
    let shown = if first.chars().count() > 40 { format!("{}…", first.chars().take(40).collect::<String>()) } else { (*first).to_owned() };
    Some(finding("link-bare", Severity::Tip, target, WRITING_ADVICE,
        Msg::new("advice.link_bare").arg("name", name.clone()).arg("count", bare.len()).arg("shown", shown)))
}

/// Whether `word` (letters, digits and hyphens) is written as an acronym: at least two capitals,
/// no small letters but a plural "s", and not a Roman numeral of the kind annexes are numbered
/// with ("DC" and "MDC" are acronyms here, not 600 and 1600).
fn acronym_of(word: &str) -> Option<&str> {
    let stem = word.strip_suffix('s').unwrap_or(word);
    let capitals = stem.chars().filter(char::is_ascii_uppercase).count();
    let fits = (2..=10).contains(&stem.len())
        && capitals >= 2
        && stem.starts_with(|c: char| c.is_ascii_uppercase())
        && stem.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
        && !stem.ends_with('-')
        && !stem.chars().all(|c| "IVX".contains(c))
        && !EVERYDAY.contains(&stem);
    fits.then_some(stem)
}

/// Short forms every reader knows, which spelling out helps no one, and the placeholder
/// markers, which are findings of their own.
const EVERYDAY: [&str; 18] = ["UN", "EU", "US", "USA", "UK", "OK", "ID", "PDF", "URL", "FAQ", "TV", "AM", "PM", "UTC", "TBD", "TBC", "TODO", "XXX"];

/// The long forms the seed and igf-facts.md give, for the example in a tip.
fn known_expansion(acronym: &str) -> Option<&'static str> {
    const KNOWN: [(&str, &str); 12] = [
        ("BPF", "Best Practice Forum"),
        ("MAG", "Multistakeholder Advisory Group"),
        ("IGF", "Internet Governance Forum"),
        ("DC", "Dynamic Coalition"),
        ("WG", "Working Group"),
        ("PN", "Policy Network"),
        ("NRI", "National and Regional IGF Initiative"),
        ("WSIS", "World Summit on the Information Society"),
        ("CSIRT", "Computer Security Incident Response Team"),
        ("CERT", "Computer Emergency Response Team"),
        ("IXP", "Internet exchange point"),
        ("GRULAC", "Latin American and Caribbean Group"),
    ];
    KNOWN.iter().find(|(short, _)| *short == acronym).map(|(_, long)| *long)
}

/// Each acronym once, in order, with whether its first use here spells it out: written in
/// brackets after its long form, "Best Practice Forum (BPF)", or followed by it,
/// "BPF (Best Practice Forum)".
fn acronyms(units: &[Unit]) -> Vec<(String, bool)> {
    let mut found: Vec<(String, bool)> = Vec::new();
    for unit in units {
        let text = &unit.text;
        let in_url = url_spans(text);
        for (start, word) in ascii_words(text) {
            let Some(acronym) = acronym_of(word) else { continue };
            if found.iter().any(|(a, _)| a == acronym) || in_url.iter().any(|span| span.contains(&start)) {
                continue;
            }
            let before = text[..start].trim_end();
            let after = &text[start + word.len()..];
            let in_brackets = before.ends_with('(') && after.starts_with(')') && count_words(before) >= 2;
            let glossed = after.trim_start().strip_prefix('(').and_then(|rest| rest.split_once(')')).is_some_and(|(inside, _)| count_words(inside) >= 2);
            found.push((acronym.to_owned(), in_brackets || glossed));
        }
    }
    found
}

/// Where the URLs written in `text` lie, as byte ranges.
fn url_spans(text: &str) -> Vec<std::ops::Range<usize>> {
    text.split_whitespace()
        .filter(|w| looks_like_url(w))
        .map(|w| {
            let start = w.as_ptr() as usize - text.as_ptr() as usize;
            start..start + w.len()
        })
        .collect()
}

/// The runs of ASCII letters, digits and hyphens of `text`, with where each starts.
fn ascii_words(text: &str) -> Vec<(usize, &str)> {
    let mut words = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices().chain([(text.len(), ' ')]) {
        if c.is_ascii_alphanumeric() || c == '-' {
            start.get_or_insert(at);
        } else if let Some(from) = start.take() {
            words.push((from, &text[from..at]));
        }
    }
    words
}

/// Flesch reading ease: 206.835 − 1.015 × words per sentence − 84.6 × syllables per word,
/// from 0 (very hard) to 100 (very easy). The formula is for English: it is given only when
/// nearly every word is written in Latin letters.
fn reading_ease(units: &[Unit], sentence_count: usize) -> Option<i32> {
    let mut words = 0usize;
    let mut latin = 0usize;
    let mut syllables = 0usize;
    for unit in units {
        for word in unit.text.split_whitespace() {
            let letters: String = word.chars().filter(|c| c.is_alphabetic()).collect();
            if letters.is_empty() {
                continue;
            }
            words += 1;
            if letters.chars().all(|c| c.is_ascii_alphabetic()) {
                latin += 1;
                syllables += syllables_of(&letters);
            }
        }
    }
    if words < READABILITY_MIN_WORDS || latin * 10 < words * 9 || sentence_count == 0 {
        return None;
    }
    let score = 206.835 - 1.015 * (latin as f64 / sentence_count as f64) - 84.6 * (syllables as f64 / latin as f64);
    Some(score.round().clamp(0.0, 100.0) as i32)
}

/// Syllables of an English word, by groups of vowels, less a silent final "e".
fn syllables_of(word: &str) -> usize {
    let lower = word.to_ascii_lowercase();
    let vowel = |c: char| "aeiouy".contains(c);
    let mut groups = 0;
    let mut previous = false;
    for c in lower.chars() {
        let v = vowel(c);
        if v && !previous {
            groups += 1;
        }
        previous = v;
    }
    let silent_e = lower.ends_with('e') && !lower.ends_with("le") && groups > 1;
    (groups - usize::from(silent_e)).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::markdown::parse;

    fn advice(text: &str) -> SectionAdvice {
        advise(&parse(text), &named("Theme"), Target::Section("theme"), "Name the Internet governance issue and say why it matters now, and who is affected by it today.")
    }

    fn named(heading: &'static str) -> Msg {
        Msg::new("checks.name.section").arg("heading", heading)
    }

    fn words(n: usize) -> String {
        (0..n).map(|i| if i % 7 == 0 { "policy" } else { "data" }).collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn sentences_end_where_a_reader_would_stop() {
        let table: &[(&str, &[&str])] = &[
            ("One. Two.", &["One.", " Two."]),
            ("See e.g. the report. Then 2.5 pages.", &["See e.g. the report.", " Then 2.5 pages."]),
            ("Why? “Because.”", &["Why?", " “Because.”"]),
            ("A line\nanother line", &["A line\n", "another line"]),
            ("No stop at all", &["No stop at all"]),
        ];
        for (text, expected) in table {
            assert_eq!(&sentences(text), expected, "{text:?}");
        }
    }

    #[test]
    fn acronyms_are_found_with_whether_they_are_spelled_out() {
        let table: &[(&str, &[(&str, bool)])] = &[
            ("The BPF will meet.", &[("BPF", false)]),
            ("The Best Practice Forum (BPF) will meet. The BPF reports.", &[("BPF", true)]),
            ("BPFs (Best Practice Forums) meet, with DCs.", &[("BPF", true), ("DC", false)]),
            ("A CSIRT in Annex II and Annex IV, in the UN and the EU.", &[("CSIRT", false)]),
            ("The Dynamic Coalition on Public Access in Libraries (DC-PAL) and IS3C.", &[("DC-PAL", true), ("IS3C", false)]),
            ("Mixed IPv6 and iOS and Wi-Fi are not acronyms.", &[]),
            ("(MAG) alone in brackets is not spelled out.", &[("MAG", false)]),
            ("See https://www.intgovforum.org/BPF for the BPF.", &[("BPF", false)]),
        ];
        for (text, expected) in table {
            let found = advice(text).acronyms;
            let got: Vec<(&str, bool)> = found.iter().map(|(a, s)| (a.as_str(), *s)).collect();
            assert_eq!(&got, expected, "{text:?}");
        }
    }

    #[test]
    fn first_use_across_sections_decides() {
        let theme = vec![("BPF".to_owned(), false), ("IXP".to_owned(), false)];
        let objectives = vec![("BPF".to_owned(), true), ("MAG".to_owned(), true), ("WSIS".to_owned(), false)];
        let (theme_name, objectives_name) = (named("Theme"), named("Objectives"));
        let tips = unexplained_acronyms([
            (Target::Section("theme"), &theme_name, theme.as_slice()),
            (Target::Section("objectives"), &objectives_name, objectives.as_slice()),
        ].into_iter());
        let english: Vec<String> = tips.iter().map(|f| f.message.english()).collect();
        let messages: Vec<(&str, Target)> = tips.iter().zip(&english).map(|(f, m)| (m.as_str(), f.target)).collect();
        assert_eq!(messages, [
            ("“Theme” uses BPF and IXP before spelling them out: write each in full the first time, as in “Best Practice Forum (BPF)”; not every reader knows IGF shorthand.", Target::Section("theme")),
            ("“Objectives” uses WSIS before spelling it out: write it in full the first time, as in “World Summit on the Information Society (WSIS)”; not every reader knows IGF shorthand.", Target::Section("objectives")),
        ]);
        assert!(tips.iter().all(|f| f.severity == Severity::Tip && f.source == WRITING_ADVICE && f.rule == "acronym-unexplained"));
    }

    #[test]
    fn each_tip_names_its_place_and_reason() {
        let long_sentence = format!("{}.", words(45));
        let long_paragraph = (0..12).map(|_| format!("{}.", words(20).replacen("policy", "Policy", 1))).collect::<Vec<_>>().join(" ");
        let table: Vec<(String, Option<(&str, String)>)> = vec![
            (long_sentence.clone(), Some(("sentence-long", "“Theme” has a sentence of 45 words (“policy data data data data data …”): split it, since sentences over about 40 words are hard to follow, more so in a second language.".to_owned()))),
            (format!("{long_sentence}\n\n{long_sentence}"), Some(("sentence-long", "“Theme” has 2 sentences of more than 40 words (the first has 45: “policy data data data data data …”): split them, since sentences over about 40 words are hard to follow, more so in a second language.".to_owned()))),
            (format!("{}.", words(40)), None),
            (long_paragraph.clone(), Some(("paragraph-long", "“Theme” has a paragraph of 240 words (“Policy data data data data data …”): break it into shorter paragraphs, one point each, so readers can find their way.".to_owned()))),
            ((0..12).map(|_| format!("- {}.", words(20))).collect::<Vec<_>>().join("\n"), None),
            ("We will name the Internet governance issue and say why it matters now for people.".to_owned(), Some(("guidance-repeated", "“Theme” repeats 11 words of this editor's guidance word for word (“Name the Internet governance issue and …”): say it in your own words, about this proposal.".to_owned()))),
            ("We name the Internet governance issue and say why, for people.".to_owned(), None),
            ("- https://www.intgovforum.org/en/content/bpf-cybersecurity-2023-output".to_owned(), Some(("link-bare", "“Theme” has a link with no words around it (https://www.intgovforum.org/en/content/b…): say in a few words what each leads to, for example “the 2023 output report: https://…”, so readers of the printed page know what it is.".to_owned()))),
            ("See <https://example.org/report>.".to_owned(), Some(("link-bare", "“Theme” has a link with no words around it (https://example.org/report): say in a few words what each leads to, for example “the 2023 output report: https://…”, so readers of the printed page know what it is.".to_owned()))),
            ("The 2023 output report is at https://example.org/report.".to_owned(), None),
            ("Read [the 2023 output report](https://example.org/report).".to_owned(), None),
        ];
        for (text, expected) in table {
            let tips = advice(&text).tips;
            let got = tips.first().map(|f| (f.rule, f.message.english()));
            assert_eq!(got, expected, "{text:?}");
            assert!(tips.len() <= 1, "{tips:?}");
            assert!(tips.iter().all(|f| f.severity == Severity::Tip && f.source == WRITING_ADVICE && f.target == Target::Section("theme")));
        }
    }

    #[test]
    fn readability_is_flesch_reading_ease_for_english_prose() {
        let plain = "The cat sat on the mat. It was a good day. We all went home. ".repeat(6);
        let hard = "Multistakeholder institutional arrangements necessitate comprehensive interoperability considerations regarding jurisdictional fragmentation. ".repeat(6);
        let table: &[(&str, Option<i32>)] = &[
            (&plain, Some(100)),
            (&hard, Some(0)),
            ("Too short to judge.", None),
            (&"Слово за словом идёт текст. ".repeat(15), None),
        ];
        for (text, expected) in table {
            assert_eq!(advice(text).reading_ease, *expected, "{text:?}");
        }
        let middling = "The forum gathers practices from many regions and publishes them in a yearly report that national initiatives can use. ".repeat(3);
        let score = advice(&middling).reading_ease.unwrap();
        assert!((30..=70).contains(&score), "{score}");
        assert_eq!(reading_ease_note(52).english(), "Readability 52 (Flesch reading ease, higher is easier)");
    }

    #[test]
    fn syllables_by_vowel_groups() {
        let table = [("cat", 1), ("table", 2), ("make", 1), ("governance", 3), ("the", 1), ("rhythm", 1), ("people", 2), ("forum", 2)];
        for (word, expected) in table {
            assert_eq!(syllables_of(word), expected, "{word}");
        }
    }
}
