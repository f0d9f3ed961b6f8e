//! What changed between two versions of a draft: the title and each section that differs, as a
//! word diff (longest common subsequence of words).

use super::draft::Draft;

/// One run of words, with the white space that follows each word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    Same(String),
    Added(String),
    Removed(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionDiff {
    /// A section key, or "title".
    pub key: String,
    /// The section's official heading, "Title", or the key of a section the template lacks.
    pub heading: String,
    pub changes: Vec<Change>,
}

/// Beyond this many word pairs the middle of a section is shown as replaced whole, so that a
/// diff never takes long or much memory.
const MAX_CELLS: usize = 4_000_000;

/// The title and every section whose text differs, title first, then in template order.
pub fn diff_sections(old: &Draft, new: &Draft) -> Vec<SectionDiff> {
    let mut out = Vec::new();
    if old.title != new.title {
        out.push(SectionDiff { key: "title".into(), heading: "Title".into(), changes: diff_words(&old.title, &new.title) });
    }
    let old_text = |key: &str| old.sections_by_key().find(|(k, _)| *k == key).map_or("", |(_, t)| t);
    let mut keys: Vec<&str> = new.sections_by_key().map(|(k, _)| k).collect();
    keys.extend(old.sections_by_key().map(|(k, _)| k).filter(|k| !new.sections_by_key().any(|(n, _)| n == *k)));
    for key in keys {
        let new_text = new.sections_by_key().find(|(k, _)| *k == key).map_or("", |(_, t)| t);
        if old_text(key) != new_text {
            let template = new.template();
            let heading = template.section_index(key).map_or(key, |i| template.sections[i].heading);
            out.push(SectionDiff { key: key.into(), heading: heading.into(), changes: diff_words(old_text(key), new_text) });
        }
    }
    out
}

/// Words with their trailing white space; leading white space is a token of its own.
fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_space = true;
    for (i, c) in text.char_indices() {
        let space = c.is_whitespace();
        if !space && in_space && i > start {
            out.push(&text[start..i]);
            start = i;
        }
        in_space = space;
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// A word diff: words compare without their white space; runs of one kind are joined.
pub fn diff_words(old: &str, new: &str) -> Vec<Change> {
    let (a, b) = (tokens(old), tokens(new));
    let same = |x: &str, y: &str| x.trim_end() == y.trim_end();
    let prefix = a.iter().zip(&b).take_while(|(x, y)| same(x, y)).count();
    let suffix = a[prefix..].iter().rev().zip(b[prefix..].iter().rev()).take_while(|(x, y)| same(x, y)).count();
    let (mid_a, mid_b) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);

    let mut ops: Vec<(u8, &str)> = b[..prefix].iter().map(|t| (0, *t)).collect();
    if mid_a.len() * mid_b.len() > MAX_CELLS {
        ops.extend(mid_a.iter().map(|t| (1, *t)));
        ops.extend(mid_b.iter().map(|t| (2, *t)));
    } else {
        // lengths[i][j]: the longest common subsequence of mid_a[i..] and mid_b[j..].
        let width = mid_b.len() + 1;
        let mut lengths = vec![0u32; (mid_a.len() + 1) * width];
        for i in (0..mid_a.len()).rev() {
            for j in (0..mid_b.len()).rev() {
                lengths[i * width + j] = if same(mid_a[i], mid_b[j]) {
                    lengths[(i + 1) * width + j + 1] + 1
                } else {
                    lengths[(i + 1) * width + j].max(lengths[i * width + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < mid_a.len() || j < mid_b.len() {
            if i < mid_a.len() && j < mid_b.len() && same(mid_a[i], mid_b[j]) {
                ops.push((0, mid_b[j]));
                (i, j) = (i + 1, j + 1);
            } else if j == mid_b.len() || (i < mid_a.len() && lengths[(i + 1) * width + j] >= lengths[i * width + j + 1]) {
                ops.push((1, mid_a[i]));
                i += 1;
            } else {
                ops.push((2, mid_b[j]));
                j += 1;
            }
        }
    }
    ops.extend(b[b.len() - suffix..].iter().map(|t| (0, *t)));

    let mut out: Vec<Change> = Vec::new();
    for (kind, token) in ops {
        match (out.last_mut(), kind) {
            (Some(Change::Same(s)), 0) | (Some(Change::Removed(s)), 1) | (Some(Change::Added(s)), 2) => s.push_str(token),
            (_, 0) => out.push(Change::Same(token.into())),
            (_, 1) => out.push(Change::Removed(token.into())),
            _ => out.push(Change::Added(token.into())),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::draft::DraftId;
    use crate::core::template::Kind;
    use Change::*;

    #[test]
    fn word_diffs() {
        let table: &[(&str, &str, Vec<Change>)] = &[
            ("", "", vec![]),
            ("a b", "a b", vec![Same("a b".into())]),
            ("", "new words", vec![Added("new words".into())]),
            ("old words", "", vec![Removed("old words".into())]),
            ("the quick fox", "the slow fox", vec![Same("the ".into()), Removed("quick ".into()), Added("slow ".into()), Same("fox".into())]),
            ("a b c d", "a c d e", vec![Same("a ".into()), Removed("b ".into()), Same("c d ".into()), Added("e".into())]),
            ("one\ntwo", "one two", vec![Same("one two".into())]),
            ("  lead", "lead", vec![Removed("  ".into()), Same("lead".into())]),
            ("日本 語", "日本 語 🎉", vec![Same("日本 語 ".into()), Added("🎉".into())]),
        ];
        for (old, new, expected) in table {
            assert_eq!(&diff_words(old, new), expected, "{old:?} -> {new:?}");
        }
    }

    #[test]
    fn the_new_text_is_rebuilt_from_same_and_added_runs() {
        let old = "Para one has words.\n\nPara two — ünïcödé, and more words here.\n- item";
        let new = "Para one has new words.\n\nPara two, and more words there.\n- item\n- item two";
        let changes = diff_words(old, new);
        let rebuilt: String = changes.iter().filter_map(|c| match c { Same(s) | Added(s) => Some(s.as_str()), Removed(_) => None }).collect();
        assert_eq!(rebuilt, new);
        let removed: String = changes.iter().filter_map(|c| match c { Removed(s) => Some(s.as_str()), _ => None }).collect();
        assert!(removed.contains("ünïcödé,") && removed.contains("here.") && !removed.contains("Para"), "{removed:?}");
    }

    #[test]
    fn lists_changed_sections_in_template_order() {
        let mut old = Draft::new(DraftId::parse("d").unwrap(), Kind::NewWg, 0);
        old.set_section(0, "Purpose.".into(), 1);
        old.set_section(3, "Plan.".into(), 1);
        let mut new = old.clone();
        new.set_section(3, "Plan B.".into(), 2);
        new.set_section(1, "Goals.".into(), 2);
        new.set_title("Youth".into(), 2);
        let diffs = diff_sections(&old, &new);
        let headings: Vec<&str> = diffs.iter().map(|d| d.heading.as_str()).collect();
        assert_eq!(headings, ["Title", "Objectives/Goals of the WG", "Implementation Plan (if appropriate)"]);
        assert_eq!(diffs[2].changes, vec![Removed("Plan.".into()), Added("Plan B.".into())]);
        assert!(diff_sections(&new, &new).is_empty());
    }

    #[test]
    fn long_sections_stay_fast() {
        let old: String = (0..3000).map(|i| format!("w{i} ")).collect();
        let new: String = (0..3000).map(|i| format!("v{i} ")).collect();
        let changes = diff_words(&old, &new);
        assert_eq!(changes, vec![Removed(old), Added(new)]);
    }
}
