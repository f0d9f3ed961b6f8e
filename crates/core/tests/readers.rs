//! Our PDFs as real readers see them (`make test-pdf`, which `make test` runs): for drafts with
//! names from every region in all four styles and in code, the sample proposals, and bad input,
//! `pdffonts` lists every font as embedded, subset and with a Unicode map; `qpdf --check` finds
//! no error; `pdftotext` gives back every name typed; the PDF/UA checker `pdfua` finds nothing;
//! `pdfinfo` counts the layout's pages. Ignored by a plain `cargo test`: it needs poppler, qpdf
//! and pdfua (`scripts/setup.sh test` installs them). The files stay in target/pdf-readers/.
#![cfg(not(target_arch = "wasm32"))]

mod common;
mod pdf;

use std::path::{Path, PathBuf};
use std::process::Command;

use igf_core::checks::check;
use igf_core::document::Document;
use igf_core::formats::{self, Format};
use igf_core::layout::layout;
use igf_core::model::calendar::CivilDate;
use igf_core::model::draft::{Draft, DraftId};
use igf_core::model::people::{CoFacilitator, Contact, Region, StakeholderGroup};
use igf_core::model::settings::Settings;
use igf_core::model::template::Kind;
use common::{SAMPLE_BPF_SECTIONS, SAMPLE_BPF_TITLE, complete_details};
use pdf::fonts;

/// Names as the seed's participants write them, from every region.
pub const NAMES: [&str; 12] = [
    "Slobodan Marković",
    "Łucja Żółkiewska-Gęś",
    "Zdeněk Dvořák",
    "Ayşe Gülşen Çelik",
    "Ștefan Țurcanu",
    "Nguyễn Thị Hồng Nhung",
    "Κωνσταντίνος Παπαδόπουλος",
    "Мария Иванова",
    "Олена Шевченко-Ґудзь",
    "Слободан Марковић",
    "Jürgen Groß",
    "Ærøskøbing Ørsted",
];

/// Every name in each of the four styles and in code, in a section; the first five lead the
/// co-facilitator table.
fn names_draft() -> Draft {
    let mut draft = Draft::new(DraftId::parse("names").unwrap(), Kind::NewBpf, 0);
    draft.set_title("Names from every region: Łódź, Beograd, Αθήνα, Hà Nội, Москва".into(), 1);
    let mut text = String::new();
    for name in NAMES {
        text.push_str(&format!("- {name}, **{name}**, *{name}*, ***{name}***, `{name}`\n"));
    }
    text.push_str("\nSee the [Đorđević report](https://example.org/đorđević) and <https://www.intgovforum.org/en>.\n");
    draft.set_section(0, text, 2);
    draft.set_section(1, "1. First objective.\n2. Second, with a nested list:\n   - nested item\n\n| Country | Capital |\n|---|---|\n| Polska | Warszawa |\n| Србија | Београд |".into(), 3);
    draft.edit_details(4, |d| {
        d.co_facilitators = NAMES.iter().take(5).map(|name| CoFacilitator { name: (*name).into(), group: Some(StakeholderGroup::CivilSociety), mag_member: true, ..Default::default() }).collect();
        d.proposer = Contact { name: "Νίκος Καζαντζάκης".into(), email: "nikos@example.org".into() };
    });
    draft
}

/// Sample 1 of sample-proposals.md, complete.
pub fn sample_bpf() -> Draft {
    let mut draft = Draft::new(DraftId::parse("sample-1").unwrap(), Kind::NewBpf, 0);
    draft.set_title(SAMPLE_BPF_TITLE.into(), 1);
    for (index, text) in SAMPLE_BPF_SECTIONS.into_iter().enumerate() {
        draft.set_section(index, text.to_owned(), 2);
    }
    let person = |name: &str, affiliation: &str, group, region, mag_member| CoFacilitator { name: name.into(), affiliation: affiliation.into(), group: Some(group), region: Some(region), mag_member, email: String::new() };
    draft.edit_details(3, |d| {
        *d = complete_details(vec![
            person("Amina Diallo", "National ICT Agency", StakeholderGroup::Government, Region::African, true),
            person("Rahul Mehta", "Registry operator", StakeholderGroup::TechnicalCommunity, Region::AsiaPacific, true),
            person("Elena Petrova", "Digital rights NGO", StakeholderGroup::CivilSociety, Region::EasternEuropean, true),
            person("Jorge Ramírez", "Software company", StakeholderGroup::PrivateSector, Region::LatinAmericanAndCaribbean, false),
        ]);
    });
    draft
}

/// What the fonts cannot show, and text that is hard to set: each must leave a valid file.
fn bad_input_draft() -> Draft {
    let mut draft = Draft::new(DraftId::parse("bad-input").unwrap(), Kind::NewWg, 0);
    draft.set_title("Bad input: \u{0301}\u{0308}\u{0327} and \u{200D}".into(), 1);
    let text = format!(
        "Combining marks alone: \u{0301}\u{0323}\u{0308}. A joiner: a\u{200D}b 👩\u{200D}💻. A lone surrogate pasted: \u{FFFD}. An unassigned code point: \u{0378} and private use \u{E000}.\n\nHebrew: שלום עולם. Arabic: مرحبا بالعالم.\n\n{}",
        "漢字かな交じり文".repeat(250)
    );
    draft.set_section(0, text, 2);
    draft
}

fn today() -> CivilDate {
    CivilDate::new(2026, 11, 29).unwrap()
}

fn out_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/pdf-readers");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(program: &str, args: &[&str]) -> (bool, String) {
    let out = Command::new(program).args(args).output().unwrap_or_else(|e| panic!("{program} could not start: {e}; `scripts/setup.sh test` installs it"));
    (out.status.success(), format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)))
}

/// The pdfua checker in the project's own virtual environment, or `PDFUA` if set.
fn pdfua() -> String {
    std::env::var("PDFUA").unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../../target/tools/pdfua/bin/pdfua").to_owned())
}

fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
#[ignore = "needs poppler, qpdf and pdfua: run by `make test-pdf`"]
fn real_readers_find_every_name_and_no_fault() {
    let drafts = [("names", names_draft()), ("sample-bpf", sample_bpf()), ("bad-input", bad_input_draft())];
    for (name, draft) in &drafts {
        let report = check(draft, today(), &Settings::default());
        let bytes = formats::render(draft, &report, Format::Pdf, fonts()).unwrap();
        let path = out_dir().join(format!("{name}.pdf"));
        std::fs::write(&path, &bytes).unwrap();
        let file = path.to_str().unwrap();
        let needed = formats::pdf::needed(&Document::new(draft, report.must_fix()));
        let fetched: u32 = needed.iter().map(|f| f.bytes()).sum();
        println!("{name}.pdf: {} bytes; its first export fetches {fetched} bytes of fonts ({needed:?})", bytes.len());

        let (ok, listed) = run("pdffonts", &[file]);
        assert!(ok, "{name}: pdffonts failed: {listed}");
        let fonts: Vec<&str> = listed.lines().skip(2).collect();
        assert!(!fonts.is_empty(), "{name}: no fonts");
        for font in &fonts {
            let columns: Vec<&str> = font.split_whitespace().collect();
            assert_eq!(columns.get(1..6), Some(&["CID", "TrueType", "Identity-H", "yes", "yes"][..]), "{name}: {font}");
            assert_eq!(columns.get(6), Some(&"yes"), "{name}: no Unicode map: {font}");
        }

        let (ok, checked) = run("qpdf", &["--check", file]);
        println!("qpdf --check {name}.pdf:\n{checked}");
        assert!(ok && checked.contains("No syntax or stream encoding errors found"), "{name}: {checked}");

        let (ok, findings) = run(&pdfua(), &["check", file]);
        println!("pdfua check {name}.pdf:\n{findings}");
        assert!(ok && findings.contains("result: PASS (no findings)") && !findings.contains("[skip"), "{name}: pdfua found something, or skipped a rule:\n{findings}");

        let (_, info) = run("pdfinfo", &[file]);
        let pages: Option<usize> = info.lines().find_map(|l| l.strip_prefix("Pages:")).and_then(|n| n.trim().parse().ok());
        assert_eq!(pages, Some(layout(&Document::final_version(draft)).pages()), "{name}: {info}");
        for line in ["PDF version: 1.7", "Tagged: yes"] {
            assert!(info.lines().any(|l| squash(l) == line), "{name}: not “{line}”: {info}");
        }

        let (ok, text) = run("pdftotext", &[file, "-"]);
        assert!(ok, "{name}: {text}");
        let text = squash(&text);
        let ours = squash(&pdf::page_texts(&bytes).concat());
        assert!(text.contains(draft.title.as_str()) && ours.contains(draft.title.as_str()), "{name}: the title is missing:\n{text}");
        if *name == "names" {
            for person in NAMES {
                // Once in each style, once in code, and in the table for the first five.
                assert!(text.matches(person).count() >= 5, "{name}: pdftotext lost “{person}”:\n{text}");
            }
            assert!(text.contains("Νίκος Καζαντζάκης"));
        }
        if *name == "bad-input" {
            assert!(text.contains("שלום") || text.contains("םולש"), "the Hebrew text is kept for copying: {text}");
            assert!(text.contains("漢字かな交じり文"), "the text no font has is kept for copying");
        }
    }
}
