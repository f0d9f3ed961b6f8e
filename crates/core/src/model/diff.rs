//! What changed between two versions of a draft: by section, then by word.
//!
//! Word diffs use Myers' algorithm over tokens (runs of non-space or of space characters), so
//! the pieces put together give back each text exactly. Past [`MAX_EDITS`] edits in one
//! section the diff gives up on detail and shows the section as replaced, which keeps the
//! worst case bounded.

use crate::model::draft::Draft;
use crate::text::i18n::{Arg, Key};

/// The most token edits searched per section before reporting a whole replacement.
pub const MAX_EDITS: usize = 1500;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    Same(String),
    Added(String),
    Removed(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    Unchanged,
    Text(Vec<Piece>),
    /// The structured details (dates, people, code of conduct) differ.
    Details,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionDiff {
    pub heading: Heading,
    pub change: Change,
}

/// Which part a [`SectionDiff`] is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Heading {
    Title,
    /// A template section, by its official heading.
    Section(&'static str),
    Details,
}

impl Heading {
    /// The part's name in the interface: the section's heading (English, as the template has
    /// it) or the editor's words for the title and the details.
    pub fn name(self) -> Arg {
        match self {
            Heading::Title => TITLE.msg().into(),
            Heading::Section(heading) => heading.into(),
            Heading::Details => DETAILS.msg().into(),
        }
    }
}

/// The title, each template section in order, and the details, each with its change.
pub fn diff_sections(old: &Draft, new: &Draft) -> Vec<SectionDiff> {
    let mut diffs = vec![SectionDiff { heading: Heading::Title, change: text_change(&old.title, &new.title) }];
    for (index, spec) in new.template().sections.iter().enumerate() {
        let before = old.sections_by_key().find(|(key, _)| *key == spec.key).map_or("", |(_, text)| text);
        diffs.push(SectionDiff { heading: Heading::Section(spec.heading), change: text_change(before, new.section(index)) });
    }
    let details = if old.details() == new.details() { Change::Unchanged } else { Change::Details };
    diffs.push(SectionDiff { heading: Heading::Details, change: details });
    diffs
}

/// Only the parts that differ, in the order of [`diff_sections`]: what a comparison shows.
pub fn changes(old: &Draft, new: &Draft) -> Vec<SectionDiff> {
    diff_sections(old, new).into_iter().filter(|d| d.change != Change::Unchanged).collect()
}

/// What a comparison says for [`Change::Details`]: the details are not compared word by word.
pub const DETAILS_CHANGED: Key = Key("diff.details_changed");

/// What the parts that are not template sections are called in a comparison.
const TITLE: Key = Key("diff.part.title");
const DETAILS: Key = Key("diff.part.details");

fn text_change(old: &str, new: &str) -> Change {
    if old == new { Change::Unchanged } else { Change::Text(diff_words(old, new)) }
}

/// Splits into runs of whitespace and runs of anything else.
fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut space = None;
    for (i, c) in text.char_indices() {
        let is_space = c.is_whitespace();
        if space.is_some_and(|s| s != is_space) {
            out.push(&text[start..i]);
            start = i;
        }
        space = Some(is_space);
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Op {
    Same,
    Added,
    Removed,
}

/// The word-level changes from `old` to `new`, adjacent pieces of a kind merged.
pub fn diff_words(old: &str, new: &str) -> Vec<Piece> {
    let a = tokens(old);
    let b = tokens(new);
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..].iter().rev().zip(b[prefix..].iter().rev()).take_while(|(x, y)| x == y).count();
    let (mid_a, mid_b) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    let mut ops: Vec<(Op, &str)> = a[..prefix].iter().map(|t| (Op::Same, *t)).collect();
    match myers(mid_a, mid_b) {
        Some(middle) => ops.extend(middle),
        None => {
            ops.extend(mid_a.iter().map(|t| (Op::Removed, *t)));
            ops.extend(mid_b.iter().map(|t| (Op::Added, *t)));
        }
    }
    ops.extend(a[a.len() - suffix..].iter().map(|t| (Op::Same, *t)));
    merge(ops)
}

fn merge(ops: Vec<(Op, &str)>) -> Vec<Piece> {
    let mut pieces: Vec<(Op, String)> = Vec::new();
    for (op, token) in ops {
        match pieces.last_mut() {
            Some((last, text)) if *last == op => text.push_str(token),
            _ => pieces.push((op, token.to_owned())),
        }
    }
    pieces
        .into_iter()
        .map(|(op, text)| match op {
            Op::Same => Piece::Same(text),
            Op::Added => Piece::Added(text),
            Op::Removed => Piece::Removed(text),
        })
        .collect()
}

/// Myers' O(ND) shortest edit script; `None` past [`MAX_EDITS`].
fn myers<'a>(a: &[&'a str], b: &[&'a str]) -> Option<Vec<(Op, &'a str)>> {
    let (n, m) = (a.len() as isize, b.len() as isize);
    let max = (n + m) as usize;
    let offset = max as isize + 1;
    let mut v = vec![0isize; 2 * max + 3];
    // trace[d] holds v over diagonals -d..=d as it was before step d.
    let mut trace: Vec<Vec<isize>> = Vec::new();
    for d in 0..=max.min(MAX_EDITS) as isize {
        trace.push(v[(offset - d) as usize..=(offset + d) as usize].to_vec());
        for k in (-d..=d).step_by(2) {
            let i = (offset + k) as usize;
            let mut x = if k == -d || (k != d && v[i - 1] < v[i + 1]) { v[i + 1] } else { v[i - 1] + 1 };
            let mut y = x - k;
            while x < n && y < m && a[x as usize] == b[y as usize] {
                x += 1;
                y += 1;
            }
            v[i] = x;
            if x >= n && y >= m {
                return Some(backtrack(a, b, &trace, x, y));
            }
        }
    }
    None
}

fn backtrack<'a>(a: &[&'a str], b: &[&'a str], trace: &[Vec<isize>], mut x: isize, mut y: isize) -> Vec<(Op, &'a str)> {
    let mut ops = Vec::new();
    for d in (1..trace.len() as isize).rev() {
        let before = &trace[d as usize];
        let at = |k: isize| before[(k + d) as usize];
        let k = x - y;
        let down = k == -d || (k != d && at(k - 1) < at(k + 1));
        let prev_k = if down { k + 1 } else { k - 1 };
        let prev_x = at(prev_k);
        let prev_y = prev_x - prev_k;
        let (mid_x, mid_y) = if down { (prev_x, prev_y + 1) } else { (prev_x + 1, prev_y) };
        while x > mid_x && y > mid_y {
            x -= 1;
            y -= 1;
            ops.push((Op::Same, a[x as usize]));
        }
        if down {
            ops.push((Op::Added, b[prev_y as usize]));
        } else {
            ops.push((Op::Removed, a[prev_x as usize]));
        }
        (x, y) = (prev_x, prev_y);
    }
    while x > 0 && y > 0 {
        x -= 1;
        y -= 1;
        ops.push((Op::Same, a[x as usize]));
    }
    ops.reverse();
    ops
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(pieces: &[Piece]) -> String {
        pieces
            .iter()
            .map(|p| match p {
                Piece::Same(t) => t.clone(),
                Piece::Added(t) => format!("[+{t}]"),
                Piece::Removed(t) => format!("[-{t}]"),
            })
            .collect()
    }

    fn side(pieces: &[Piece], old: bool) -> String {
        pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Same(t) => Some(t.as_str()),
                Piece::Added(t) => (!old).then_some(t.as_str()),
                Piece::Removed(t) => old.then_some(t.as_str()),
            })
            .collect()
    }

    #[test]
    fn word_diffs_are_minimal_and_rebuild_both_texts() {
        let cases = [
            ("", "", ""),
            ("", "new text", "[+new text]"),
            ("old text", "", "[-old text]"),
            ("the quick fox", "the slow fox", "the [-quick][+slow] fox"),
            ("a b c d", "a c d e", "a [-b ]c d[+ e]"),
            ("one two three", "zero one two three", "[+zero ]one two three"),
            ("same", "same", "same"),
            ("line one\n\nline two", "line one\n\nline 2", "line one\n\nline [-two][+2]"),
            ("Déjà vu ничего", "Déjà ничего vu", "Déjà [-vu ]ничего[+ vu]"),
        ];
        for (old, new, expected) in cases {
            let pieces = diff_words(old, new);
            assert_eq!(render(&pieces), expected, "{old:?} -> {new:?}");
            assert_eq!(side(&pieces, true), old);
            assert_eq!(side(&pieces, false), new);
        }
    }

    #[test]
    fn huge_rewrites_fall_back_to_a_replacement_that_still_rebuilds_both() {
        let old: String = (0..3000).map(|i| format!("a{i} ")).collect();
        let new: String = (0..3000).map(|i| format!("b{i} ")).collect();
        let pieces = diff_words(&old, &new);
        assert_eq!(side(&pieces, true), old);
        assert_eq!(side(&pieces, false), new);
        assert!(pieces.len() <= 3, "a replacement, not thousands of pieces");
    }

    #[test]
    fn sections_report_only_what_changed() {
        use crate::model::draft::DraftId;
        use crate::model::template::Kind;
        let id = DraftId::parse("d").unwrap();
        let mut old = Draft::new(id, Kind::NewBpf, 0);
        old.set_section(0, "Cyber norms.".into(), 1);
        let mut new = old.clone();
        new.set_title("A title".into(), 2);
        new.set_section(0, "Cyber norms and trust.".into(), 2);
        let diffs = diff_sections(&old, &new);
        let english = |heading: Heading| crate::text::i18n::english().render_arg(&heading.name());
        let changed: Vec<String> = diffs.iter().filter(|d| d.change != Change::Unchanged).map(|d| english(d.heading)).collect();
        assert_eq!(changed, ["Title", new.template().sections[0].heading]);
        assert_eq!(diffs.len(), new.template().sections.len() + 2);
        new.edit_details(3, |d| d.code_of_conduct = true);
        let shown: Vec<(String, bool)> = changes(&old, &new).into_iter().map(|d| (english(d.heading), d.change == Change::Details)).collect();
        let heading = |h: &str, details| (h.to_owned(), details);
        assert_eq!(shown, [heading("Title", false), heading(new.template().sections[0].heading, false), heading("Submission details", true)]);
        assert!(changes(&old, &old).is_empty());
    }
}
