//! What the Export menu and the page view say: that the draft is not ready yet, which
//! characters the PDF cannot show, how far the fonts have loaded, and how printing went.

use crate::document::NOT_READY_KEY;
use crate::formats::pdf::{Gaps, script_name};
use crate::text::i18n::{Arg, Key, Msg};

/// The most missing characters named; the rest are counted.
const GAPS_NAMED: usize = 12;

/// A warning while the draft still has must-fix findings.
pub fn not_ready(must_fix: usize) -> Option<Msg> {
    (must_fix > 0).then(|| Msg::new("files.export.not_ready").arg("count", must_fix).arg("marker", NOT_READY_KEY.msg()))
}

/// What the PDF cannot show, from [`crate::formats::pdf::gaps`]: one sentence for the
/// characters no embedded font has, one for the scripts it cannot set right to left yet.
pub fn pdf_gaps(gaps: &Gaps) -> Vec<Msg> {
    let mut notes = Vec::new();
    if !gaps.missing.is_empty() {
        notes.push(Msg::new("files.export.pdf_missing").arg("count", gaps.missing.len()).arg("chars", named(&gaps.missing)));
    }
    if !gaps.right_to_left.is_empty() {
        let mut scripts: Vec<Key> = Vec::new();
        for &c in &gaps.right_to_left {
            if !scripts.contains(&script_name(c)) {
                scripts.push(script_name(c));
            }
        }
        notes.push(Msg::new("files.export.pdf_right_to_left")
            .arg("scripts", Arg::list(scripts.into_iter().map(Key::msg)))
            .arg("count", gaps.right_to_left.len())
            .arg("chars", named(&gaps.right_to_left)));
    }
    notes
}

/// The first characters, then "…" for the rest.
fn named(chars: &[char]) -> String {
    let mut named: Vec<String> = chars.iter().take(GAPS_NAMED).map(char::to_string).collect();
    if chars.len() > GAPS_NAMED {
        named.push("…".into());
    }
    named.join(" ")
}

/// Progress of the font download the first PDF needs, in tenths of the whole (so a status that
/// is read aloud changes ten times, not at every piece that arrives).
pub fn fonts_loading(loaded: u64, total: u64) -> Msg {
    loading(Msg::new("files.export.fonts_loading"), loaded, total)
}

/// [`fonts_loading`] for the page view, which draws with the same fonts.
pub fn page_fonts_loading(loaded: u64, total: u64) -> Msg {
    loading(Msg::new("pages.fonts_loading"), loaded, total)
}

fn loading(msg: Msg, loaded: u64, total: u64) -> Msg {
    let tenths = (loaded.min(total) * 10).checked_div(total).unwrap_or(10);
    let kb = |bytes: u64| Arg::decimal(bytes as f64 / 1000.0, 0);
    msg.arg("loaded", kb(total * tenths / 10)).arg("total", kb(total))
}

/// The fonts of the PDF could not be loaded, for the `reason` given.
pub fn pdf_fonts_failed(reason: Msg) -> Msg {
    Msg::new("files.export.fonts_failed").arg("reason", reason)
}

/// The office worker, which writes every file but the draft file and the text, could not run
/// to write the file `name`, for the `reason` given.
pub fn writer_failed(name: &str, reason: Msg) -> Msg {
    Msg::new("files.export.writer_failed").arg("name", name).arg("reason", reason)
}

/// The office worker said `why` it did not write the file `name`, in a sentence.
pub fn not_made(name: &str, why: Msg) -> Msg {
    Msg::new("files.export.not_made").arg("name", name).arg("why", why)
}

/// The page view could not load its fonts, for the `reason` given.
pub fn page_fonts_failed(reason: Msg) -> Msg {
    Msg::new("pages.fonts_failed").arg("reason", reason)
}

/// What "Print" does, beside it.
pub fn print_hint() -> Msg {
    Msg::new("pages.print.hint")
}

/// "Print" opened the PDF.
pub fn print_opened() -> Msg {
    Msg::new("pages.print.opened")
}

/// "Print" could not open or show the PDF, for the `reason` given.
pub fn print_failed(reason: Msg) -> Msg {
    Msg::new("pages.print.failed").arg("reason", reason)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warns_until_nothing_must_be_fixed() {
        let table = [
            (0, None),
            (1, Some("This draft still has 1 thing to fix (see Checks). Files you export now are marked “Draft: not ready to submit”.")),
            (3, Some("This draft still has 3 things to fix (see Checks). Files you export now are marked “Draft: not ready to submit”.")),
        ];
        for (n, expected) in table {
            assert_eq!(not_ready(n).map(|m| m.english()).as_deref(), expected, "{n}");
        }
    }

    #[test]
    fn names_what_the_pdf_cannot_show() {
        let many: Vec<char> = "一二三四五六七八九十百千万".chars().collect();
        let table: [(Gaps, &[&str]); 4] = [
            (Gaps::default(), &[]),
            (Gaps { missing: vec!['日'], right_to_left: vec![] }, &["The PDF fonts have no letters for 1 character of this draft (日): the PDF shows each as an empty box, though its text keeps them for copying and search. The Word document, web page and Markdown exports show them."]),
            (Gaps { missing: many, right_to_left: vec![] }, &["The PDF fonts have no letters for 13 characters of this draft (一 二 三 四 五 六 七 八 九 十 百 千 …): the PDF shows each as an empty box, though its text keeps them for copying and search. The Word document, web page and Markdown exports show them."]),
            (
                Gaps { missing: vec!['😀'], right_to_left: vec!['ש', 'ל', 'ع'] },
                &[
                    "The PDF fonts have no letters for 1 character of this draft (😀): the PDF shows each as an empty box, though its text keeps them for copying and search. The Word document, web page and Markdown exports show them.",
                    "The PDF cannot set Hebrew and Arabic text right to left yet: 3 characters of this draft (ש ל ع) appear as empty boxes rather than in the wrong order. The Word document, web page and Markdown exports show them.",
                ],
            ),
        ];
        for (gaps, expected) in table {
            assert_eq!(pdf_gaps(&gaps).iter().map(Msg::english).collect::<Vec<_>>(), expected, "{gaps:?}");
        }
    }

    #[test]
    fn says_what_went_wrong_and_what_to_do() {
        let offline = Msg::new("error.fetch.offline").arg("path", "fonts/x.ttf");
        assert_eq!(pdf_fonts_failed(offline.clone()).english(), "The PDF could not be made: the file fonts/x.ttf could not be loaded (check the connection). Try again once connected to the Internet; the other formats work offline.");
        assert_eq!(page_fonts_failed(offline).english(), "The fonts could not be loaded (the file fonts/x.ttf could not be loaded (check the connection)), so each line is drawn as a bar as wide as its text. Connect to the Internet once and open the pages again.");
        let table = [
            (Msg::new("error.file.tab_blocked"), "These pages could not be opened for printing: the browser did not open a new tab (allow pop-ups for this site). Use Export, then PDF, to download them instead."),
            (Msg::new("error.file.show_refused").arg("detail", "no reason given"), "These pages could not be opened for printing: the browser could not show the file (no reason given). Use Export, then PDF, to download them instead."),
        ];
        for (reason, expected) in table {
            assert_eq!(print_failed(reason).english(), expected);
        }
        assert_eq!(page_fonts_loading(382_000, 764_000).english(), "Loading the fonts for the pages: 382 of 764 KB…");
    }

    #[test]
    fn font_progress_in_kilobytes() {
        let table = [(0, 764_000, "0 of 764 KB"), (76_399, 764_000, "0 of 764 KB"), (400_499, 764_000, "382 of 764 KB"), (900_000, 764_000, "764 of 764 KB"), (0, 0, "0 of 0 KB")];
        for (loaded, total, expected) in table {
            assert_eq!(fonts_loading(loaded, total).english(), format!("Loading the fonts for the PDF: {expected}…"), "{loaded} of {total}");
        }
    }
}
