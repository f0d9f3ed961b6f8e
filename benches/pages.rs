//! Page-count accuracy harness (`make bench`): a generated corpus of drafts from about 200 to
//! 3,500 words, with lists, long words, URLs and names in several scripts. For each draft it
//! compares the live count (the page engine) with our own PDF, with LibreOffice's rendering of
//! our DOCX (`soffice --headless --convert-to pdf`, then `pdfinfo`), and with the naive
//! 500-words-a-page rule. Prints the table and the agreement; asserts nothing (the PDF's equality
//! is a test in tests/exports.rs).

use std::fs;
use std::path::Path;
use std::process::Command;

use igf_proposal_editor::core::draft::{Draft, DraftId};
use igf_proposal_editor::core::export::{Document, docx, pdf};
use igf_proposal_editor::core::layout::layout;
use igf_proposal_editor::core::people::{CoFacilitator, StakeholderGroup};
use igf_proposal_editor::core::template::Kind;

const WORDS: &[&str] = &[
    "governance", "the", "Internet", "multistakeholder", "of", "and", "registries", "acceptance", "in", "policy",
    "state-of-the-art", "https://www.intgovforum.org/en/content/best-practice-forums", "Ærøskøbing", "a", "to",
    "community", "for", "connectivity", "infrastructure", "with", "Nguyễn", "Łódź", "Müller", "cybersecurity",
    "open", "data", "is", "by", "on", "C:\\Users\\report", "what?Now", "standards", "interoperability", "local",
];

/// A deterministic pseudo-random stream, so the corpus is the same on every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % below
    }
}

fn sentence(rng: &mut Lcg, words: usize) -> String {
    let mut text: Vec<&str> = (0..words).map(|_| WORDS[rng.next(WORDS.len())]).collect();
    text[0] = "Forums";
    text.join(" ") + "."
}

fn draft(n: usize, target_words: usize) -> Draft {
    let mut rng = Lcg(n as u64 + 7);
    let kind = Kind::ALL[n % 3];
    let mut draft = Draft::new(DraftId::parse(&format!("c{n}")).unwrap(), kind, 0);
    draft.set_title(format!("Proposal {n}: {}", sentence(&mut rng, 6)), 1);
    let sections = kind.template().sections.len();
    for index in 0..sections {
        let mut text = String::new();
        let mut words = 0;
        while words < target_words / sections {
            let len = 8 + rng.next(30);
            if rng.next(4) == 0 {
                text.push_str(&format!("- {}\n", sentence(&mut rng, len)));
            } else {
                text.push_str(&format!("\n{}\n\n", sentence(&mut rng, len)));
            }
            words += len;
        }
        draft.set_section(index, text.trim().to_owned(), 2);
    }
    draft.edit_details(3, |d| {
        d.co_facilitators = ["Amina Diallo", "Мария Иванова", "Nguyễn Văn An"]
            .iter()
            .map(|name| CoFacilitator { name: (*name).into(), group: Some(StakeholderGroup::CivilSociety), mag_member: true, ..Default::default() })
            .collect();
    });
    draft
}

fn pdf_pages(path: &Path) -> Option<usize> {
    let out = Command::new("pdfinfo").arg(path).output().ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    text.lines().find_map(|l| l.strip_prefix("Pages:")).and_then(|n| n.trim().parse().ok())
}

fn main() {
    let dir = std::env::temp_dir().join(format!("igf-pages-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let corpus: Vec<(Draft, usize)> = (0..40).map(|n| (n, 200 + n * 85)).map(|(n, w)| (draft(n, w), w)).collect();
    for (draft, _) in &corpus {
        let doc = Document::final_version(draft);
        fs::write(dir.join(format!("{}.docx", draft.id.as_str())), docx::export(draft, &doc)).unwrap();
        fs::write(dir.join(format!("{}-ours.pdf", draft.id.as_str())), pdf::export(&doc, 0)).unwrap();
    }
    let docx_files: Vec<_> = corpus.iter().map(|(d, _)| dir.join(format!("{}.docx", d.id.as_str()))).collect();
    let profile = format!("-env:UserInstallation=file://{}", dir.join("lo-profile").display());
    let converted = Command::new("soffice")
        .args([profile.as_str(), "--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.join("lo"))
        .args(&docx_files)
        .output()
        .is_ok_and(|o| o.status.success());
    println!("{:<6} {:>6} {:>7} {:>6} {:>6} {:>6}", "draft", "words", "live", "ours", "LO", "naive");
    let (mut ours_ok, mut lo_ok, mut naive_ok, mut lo_total) = (0, 0, 0, 0);
    for (draft, _) in &corpus {
        let id = draft.id.as_str();
        let live = layout(&Document::final_version(draft));
        let ours = pdf_pages(&dir.join(format!("{id}-ours.pdf")));
        let lo = converted.then(|| pdf_pages(&dir.join("lo").join(format!("{id}.pdf")))).flatten();
        let words = draft.total_words();
        let naive = words.div_ceil(500).max(1);
        ours_ok += usize::from(ours == Some(live.pages()));
        if let Some(lo) = lo {
            lo_total += 1;
            lo_ok += usize::from(lo == live.pages());
            naive_ok += usize::from(lo == naive);
        }
        println!(
            "{id:<6} {words:>6} {:>7.2} {:>6} {:>6} {naive:>6}",
            live.fractional_pages(),
            ours.map_or("-".into(), |p| p.to_string()),
            lo.map_or("-".into(), |p| p.to_string())
        );
    }
    println!("our PDF equals the live count: {ours_ok} of {}", corpus.len());
    if lo_total > 0 {
        println!("LibreOffice (DOCX) equals the live count: {lo_ok} of {lo_total}; the naive 500-words rule: {naive_ok} of {lo_total}");
    } else {
        println!("LibreOffice was not run (soffice not found or failed)");
    }
    let _ = fs::remove_dir_all(&dir);
}
