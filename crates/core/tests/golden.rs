//! The exact bytes of every serialized format, as fixtures: stored drafts and the SHA-256 that
//! reviews and manifests name must not change with the code that writes them, nor may any other
//! stored or shared format. The fixtures in tests/fixtures/golden/ were written by the
//! hand-written codecs that came before serde; a change here breaks links, reviews or storage
//! made by earlier builds.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use igf_codecs::zip;
use igf_core::formats;
use igf_core::checks::check;
use igf_core::document::{Document, Manifest};
use igf_core::model::envelope;
use igf_core::model::calendar::CivilDate;
use igf_core::model::draft::{Draft, DraftId, MeetingFormat};
use igf_core::model::people::{CoFacilitator, Contact, Region, StakeholderGroup};
use igf_core::model::settings::{self, Settings};
use igf_core::model::template::Kind;
use igf_core::sharing::link::{self, Body, Link, Payload};
use igf_core::sharing::review::{self, Comment, Review};
use igf_core::store::{KeyValue, MemoryStore, Store, backup, keys};
use igf_core::store::history::{self, Reason, Snapshot};

const SCHEMA_1: &str = include_str!("fixtures/draft-schema-1.json");
const SCHEMA_2: &str = include_str!("fixtures/draft-schema-2.json");
const SCHEMA_3: &str = include_str!("fixtures/draft-schema-3.json");
const SCHEMA_4: &str = include_str!("fixtures/draft-schema-4.json");

fn golden(name: &str, actual: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/golden").join(name);
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(actual == expected, "{name} changed:\n{actual}\nwas:\n{expected}");
}

/// A draft with every field set and every character class JSON escapes.
fn draft() -> Draft {
    let mut draft = Draft::new(DraftId::parse("golden-1").unwrap(), Kind::ContinuingBpf, 1_700_000_000_000);
    draft.set_title("Gender and \"Digital\" Rights \\ \u{1} \u{7f} é 🎉\t".into(), 1_700_000_000_500);
    draft.set_section(0, "Line one\r\nLine two — ünïcödé 日本語 🎉\u{8}\u{c}\n\n<script>x</script> & ]]>".into(), 1_700_000_001_000);
    draft.set_section(6, "Report".into(), 1_700_000_002_000);
    draft.edit_details(1_700_000_003_000, |d| {
        d.co_facilitators.push(CoFacilitator {
            name: "Amina Diallo".into(),
            affiliation: "National ICT Agency".into(),
            group: Some(StakeholderGroup::IntergovernmentalOrganization),
            region: Some(Region::LatinAmericanAndCaribbean),
            mag_member: true,
            email: "amina@example.org".into(),
        });
        d.co_facilitators.push(CoFacilitator { name: "Jorge Ramírez".into(), ..Default::default() });
        d.meeting_date = "2027-03-14".into();
        d.meeting_format = Some(MeetingFormat::Virtual);
        d.timeframe_start = "2027-02".into();
        d.timeframe_end = "2027-12".into();
        d.proposer = Contact { name: "Rahul".into(), email: "rahul@example.org".into() };
        d.code_of_conduct = true;
    });
    draft
}

fn review() -> Review {
    let comment = |id: &str, section: &str, quote: &str, resolved: bool| Comment {
        id: id.into(),
        section: section.into(),
        quote: quote.into(),
        text: format!("About “{section}”:\n\"quoted\" \\ \u{2}"),
        time_ms: 1_700_000_009_000,
        resolved,
    };
    Review {
        comments: vec![comment("c1", "theme", "Line one", false), comment("c2", review::GENERAL, "", true)],
        ..Review::of(&draft(), "Reviewer “R”".into(), 1_700_000_010_000)
    }
}

fn document(draft: &Draft) -> Document {
    let report = check(draft, CivilDate::new(2026, 11, 29).unwrap(), &Settings::default());
    Document::new(draft, report.must_fix())
}

#[test]
fn the_envelope_and_its_hash() {
    golden("envelope.json", &envelope::encode(&draft()));
    golden("envelope.sha256", &Manifest::of(&draft()).sha256);
    // Older schemas, migrated: what they read as is written in the current schema.
    golden("envelope-from-schema-1.json", &envelope::encode(&envelope::decode(SCHEMA_1).unwrap()));
    golden("envelope-from-schema-2.json", &envelope::encode(&envelope::decode(SCHEMA_2).unwrap()));
    golden("envelope-from-schema-3.json", &envelope::encode(&envelope::decode(SCHEMA_3).unwrap()));
    // Schema 3 only where a finding was dismissed; without one, the text is schema 2's.
    let mut dismissed = draft();
    dismissed.dismiss("bpf-mag-same-group", "co-facilitators", "Chosen \"on purpose\" — ünïcödé", 1_700_000_004_000);
    golden("envelope-dismissed.json", &envelope::encode(&dismissed));
    dismissed.restore("bpf-mag-same-group", "co-facilitators", 1_700_000_005_000);
    assert!(envelope::encode(&dismissed).starts_with("{\"schema\":2,"));
}

#[test]
fn settings() {
    let settings = Settings { bpf_deadline_weeks: 4, secretariat_email: "bpf\"@example.org".into() };
    golden("settings.json", &settings::encode(&settings));
}

#[test]
fn history_snapshot_list() {
    let reasons = [Reason::Auto, Reason::Manual, Reason::BeforeImport, Reason::BeforeRestore, Reason::BeforeReview, Reason::BeforeReplace];
    let snapshots: Vec<Snapshot> = reasons.into_iter().enumerate().map(|(n, reason)| Snapshot::of(&draft(), reason, n as u64)).collect();
    golden("history.json", &history::encode(&snapshots));
}

#[test]
fn backup_file() {
    // A newer schema is carried as it is; older ones as stored.
    let raws = [envelope::encode(&draft()), SCHEMA_1.to_owned(), SCHEMA_4.to_owned()];
    golden("backup.json", &backup::encode(&raws, 1_700_000_020_000));
}

#[test]
fn trash_entry_and_store_meta() {
    let kv = Rc::new(MemoryStore::default());
    let store = Store::new(kv.clone());
    store.save(&draft(), None).unwrap();
    store.delete(&draft().id, 1_700_000_030_000).unwrap();
    golden("trash.json", &kv.get(&keys::trash(&draft().id)).unwrap().unwrap());
    store.backup(1_700_000_040_000, None).unwrap();
    golden("meta.json", &kv.get(keys::META).unwrap().unwrap());
}

#[test]
fn review_formats() {
    golden("review.json", &review::encode(&review()));
    golden("reviews-received.json", &review::encode_received(&[review(), review()]));
    golden("review-session.json", &review::encode_session(&draft(), &review()));
    golden("shared-versions.json", &review::encode_shared(&[draft(), draft()]));
}

#[test]
fn share_link_payloads() {
    for (name, payload) in [("link-draft.txt", Payload::Draft(draft())), ("link-review.txt", Payload::Review(review()))] {
        let (content, packed) = link::pack(&payload);
        golden(name, &link::fragment(&Link { content, body: Body::Plain(packed) }));
    }
}

#[test]
fn html_and_docx_embedded_copies() {
    let draft = draft();
    let html = formats::html::export(&draft, &document(&draft));
    let start = html.find(formats::html::DRAFT_ELEMENT).unwrap();
    let end = html[start..].find("</template>").unwrap() + start;
    golden("html-embedded.txt", &html[start..end]);
    let docx = formats::docx::export(&draft, &document(&draft));
    let part = zip::read_entry(&docx, "customXml/item1.xml").unwrap().unwrap();
    golden("docx-embedded.xml", &String::from_utf8(part).unwrap());
}

/// The front matter of the Markdown export: the `---` lines and what is between them.
fn front_matter(draft: &Draft) -> String {
    let markdown = formats::markdown::export(draft, &document(draft));
    let end = markdown[4..].find("\n---\n").unwrap() + 9;
    markdown[..end].to_owned()
}

#[test]
fn markdown_front_matter() {
    golden("front-matter.md", &front_matter(&draft()));
    // Sections the template does not know travel in the front matter.
    golden("front-matter-other-sections.md", &front_matter(&envelope::decode(SCHEMA_1).unwrap()));
}
