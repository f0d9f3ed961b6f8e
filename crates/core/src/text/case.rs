//! Case-insensitive matching in every script: "ÜNÏCODE" finds "ünïcode", "ΟΔΟΣ" finds "οδός"'s
//! letters, "İstanbul" finds "istanbul".
//!
//! std's `str::to_lowercase` would do, but links Unicode's full conversion tables (about 9 KB
//! of gzipped wasm); [`case_data`](super::case_data) holds the same mapping as 186 runs.

use super::case_data::RUNS;

/// The character lowercased for comparison: its simple lowercase mapping (the first character of
/// std's `to_lowercase`), with the final sigma folded into σ, so a word matches wherever it ends.
pub fn fold(c: char) -> char {
    if c == 'ς' {
        return 'σ';
    }
    let code = c as u32;
    let run = RUNS.partition_point(|&(first, ..)| first <= code);
    match run.checked_sub(1).map(|i| RUNS[i]) {
        Some((first, last, delta, step)) if code <= last && (code - first).is_multiple_of(u32::from(step)) => {
            char::from_u32(code.wrapping_add_signed(delta)).unwrap_or(c)
        }
        _ => c,
    }
}

/// The text with every character [`fold`]ed.
pub fn fold_str(text: &str) -> String {
    text.chars().map(fold).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn std_fold(c: char) -> char {
        if c == 'ς' { 'σ' } else { c.to_lowercase().next().unwrap_or(c) }
    }

    /// The runs that std's mapping gives, in the form of [`RUNS`].
    fn runs_of_std() -> Vec<(u32, u32, i32, u8)> {
        let changed: Vec<(u32, i32)> = (0..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|&c| c != 'ς' && std_fold(c) != c)
            .map(|c| (c as u32, std_fold(c) as i32 - c as i32))
            .collect();
        let mut runs = Vec::new();
        let mut i = 0;
        while i < changed.len() {
            let (first, delta) = changed[i];
            let (step, len) = [1u32, 2]
                .into_iter()
                .map(|step| {
                    let len = 1 + (1..).take_while(|&n| changed.get(i + n) == Some(&(first + step * n as u32, delta))).count();
                    (step, len)
                })
                .max_by_key(|&(step, len)| (len, std::cmp::Reverse(step)))
                .unwrap_or((1, 1));
            runs.push((first, first + step * (len as u32 - 1), delta, step as u8));
            i += len;
        }
        runs
    }

    #[test]
    fn the_runs_are_std_lowercasing() {
        let expected = runs_of_std();
        if expected != RUNS {
            let lines: Vec<String> = expected.iter().map(|(f, l, d, s)| format!("    (0x{f:X}, 0x{l:X}, {d}, {s}),")).collect();
            panic!("text/case_data.rs is out of date; its runs are:\n{}", lines.join("\n"));
        }
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(fold(c), std_fold(c), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn words_in_any_script_match_whatever_their_case() {
        let table = [
            ("ÜNÏCODE", "ünïcode"),
            ("Łódź", "łódź"),
            ("NGUYỄN VĂN AN", "nguyễn văn an"),
            ("ΟΔΟΣ", "οδοσ"),
            ("οδός", "οδόσ"),
            ("МАРИЯ Иванова", "мария иванова"),
            ("İstanbul", "istanbul"),
            ("ƁELLO ƊANGOTE", "ɓello ɗangote"),
            ("日本語 and ASCII", "日本語 and ascii"),
        ];
        for (text, folded) in table {
            assert_eq!(fold_str(text), folded, "{text}");
        }
    }
}
