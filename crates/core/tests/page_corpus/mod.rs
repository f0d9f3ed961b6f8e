//! The drafts whose pages must be the same everywhere, and the tools that count the pages of
//! their exports. Shared by the page-equality test (`tests/pages.rs`, run by `make test`) and
//! the page-count harness (`benches/pages.rs`, run by `make bench`).
//!
//! Every export is made for the draft's own report, as the Export menu makes it, so a draft
//! that is not ready carries its marking.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

#[path = "../common/mod.rs"]
pub mod common;
#[path = "../pdf/mod.rs"]
pub mod pdf;

use common::complete_details;
use pdf::fonts;
use igf_core::checks::{Report, check};
use igf_core::formats::{self, Format};
use igf_core::model::calendar::CivilDate;
use igf_core::model::draft::{Details, Draft, DraftId};
use igf_core::model::people::{CoFacilitator, Contact, Region, StakeholderGroup};
use igf_core::model::settings::Settings;
use igf_core::model::template::Kind;

/// The generated harness, then drafts at each stage of writing.
pub fn corpus() -> Vec<Draft> {
    let mut drafts: Vec<Draft> = (0..40).map(|n| generated(n, 200 + n * 85)).collect();
    drafts.extend(stages());
    drafts
}

/// The report a draft is exported for, on a fixed day so the findings never change.
pub fn report(draft: &Draft) -> Report {
    check(draft, CivilDate::new(2026, 11, 29).unwrap(), &Settings::default())
}

// The generated harness: drafts of about 200 to 3,500 words, with lists, long words, URLs and
// names in several scripts.

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

fn generated(n: usize, target_words: usize) -> Draft {
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

// Drafts at each stage of writing: realistic prose, findings of each severity (and none), with
// and without co-facilitators, with the optional section left empty.

const BPF_TITLE: &str = "Best Practice Forum on Keeping Networks Running Through Natural Disasters";

const BPF_PROSE: &[&str] = &[
    "Floods, storms and earthquakes cut power and fibre at the moment people most need to reach their families and the emergency services.",
    "Operators in many regions have learned, often the hard way, which measures keep a network running when the grid fails and the roads close.",
    "Those lessons are rarely written down in a form that a regulator, a small operator or a municipal emergency office can use.",
    "This forum will collect them from operators, regulators, emergency agencies and the people who were cut off, and compare what each measure cost with what it saved.",
    "Backup power at cell sites, mesh networks run by volunteers, agreements to share towers during emergencies and warnings sent by text message all have a record worth examining.",
    "We will ask what worked on islands and in mountain regions as well as in large cities, since their networks fail in different ways.",
    "The work looks at practice rather than at technology for its own sake: who decided, who paid, who was told, and how quickly service came back.",
    "Each case will be described in the same short format, so that readers can compare cases across countries and types of disaster.",
];

const BPF_OBJECTIVES: &[&str] = &[
    "Collect at least twenty case studies of networks that stayed up, or came back quickly, after a natural disaster.",
    "Describe the decisions behind each case: who acted, with what money and under which rules.",
    "Identify the measures that small operators can afford, and those that need a regulator or a government to act.",
    "Publish a short checklist for emergency planners and operators, in plain language and in several languages.",
    "Hold two open sessions in different time zones to test the findings with the people who took part.",
];

const BPF_OUTPUTS: &[&str] = &[
    "A report of about thirty pages with the case studies, a comparison of the measures and their costs, and a two-page checklist for operators and emergency planners.",
    "The report will be open for public comment before the annual meeting, where the forum will present its findings in a main session.",
];

const BPF_OUTREACH: &[&str] = &[
    "An open call for input will go out on the Internet Governance Forum (IGF) mailing lists, through national and regional IGF initiatives, and through associations of operators and emergency agencies.",
    "Interviews will be held in English, French and Spanish, and summaries will be translated into the other official languages of the United Nations.",
    "Two webinars in different time zones will let people who cannot travel take part.",
];

const BPF_TIMEFRAME: &str = "One year: call for input in April and May, interviews from June to August, drafting in September, public comment in October, and the final report at the annual meeting.";

const BPF_PEOPLE: &str = "The co-facilitators listed below bring experience of operators, regulators and civil society from three regions.";

const BPF_ANNUAL_REPORT: &[&str] = &[
    "In its first year the forum collected twelve case studies from nine countries, held two webinars with more than three hundred participants and published an interim report.",
    "Reviewers asked for more cases from small operators and from regions hit by drought and heat, which the second year will seek out.",
];

const WG_TITLE: &str = "MAG Working Group on Session Formats for Remote Participants";

const WG_PURPOSE: &[&str] = &[
    "Remote participants now make up most of the audience of the annual meeting, yet most sessions are still designed for the people in the room.",
    "This Working Group will help the Multistakeholder Advisory Group (MAG) choose session formats that give remote participants a real voice, whatever their stakeholder group.",
    "It will look at how questions from remote participants are gathered, read out and answered, and at how often remote speakers lose their connection or their turn.",
    "The group will draw on the experience of national and regional Internet Governance Forum (IGF) initiatives that hold their meetings mostly online.",
];

const WG_OBJECTIVES: &[&str] = &[
    "Review the sessions of the last two annual meetings for how remote participants took part.",
    "Propose criteria for the workshop selection process that reward formats open to remote speakers.",
    "Draft guidance for session organisers and moderators.",
];

const WG_OUTPUTS: &[&str] = &[
    "A paper with recommendations to the MAG ahead of its second open consultation, and a two-page guide for moderators.",
    "The guide will be tested at two sessions of the next annual meeting and revised with what the moderators report.",
];

const WG_IMPLEMENTATION: &[&str] = &[
    "Monthly calls open to all MAG members, a shared document for comments between the calls, and a short survey of session organisers.",
    "The co-facilitators will report to the MAG at each of its meetings.",
];

const WG_TIMEFRAME: &str = "One IGF cycle: February to December, reporting at every MAG meeting.";

/// About `words` words of the sentences, in order and then again from the start, in
/// paragraphs of about 120 words.
fn prose(sentences: &[&str], words: usize) -> String {
    let mut text = String::new();
    let (mut count, mut paragraph) = (0, 0);
    for sentence in sentences.iter().cycle() {
        if count >= words {
            break;
        }
        if !text.is_empty() {
            text.push_str(if paragraph >= 120 { "\n\n" } else { " " });
        }
        if paragraph >= 120 {
            paragraph = 0;
        }
        let length = sentence.split_whitespace().count();
        (count, paragraph) = (count + length, paragraph + length);
        text.push_str(sentence);
    }
    text
}

/// A bulleted (or, when `numbered`, numbered) list of `count` items, from the first again when
/// there are fewer.
fn list(items: &[&str], count: usize, numbered: bool) -> String {
    let marker = |n: usize| if numbered { format!("{}.", n + 1) } else { "-".to_owned() };
    items.iter().cycle().take(count).enumerate().map(|(n, item)| format!("{} {item}", marker(n))).collect::<Vec<_>>().join("\n")
}

fn person(name: &str, group: Option<StakeholderGroup>, region: Region, mag_member: bool) -> CoFacilitator {
    CoFacilitator { name: name.into(), affiliation: "Regional Telecommunications Union".into(), group, region: Some(region), mag_member, email: String::new() }
}

/// Two MAG members of different stakeholder groups and one other co-facilitator.
fn three_people() -> Vec<CoFacilitator> {
    vec![
        person("Amina Diallo", Some(StakeholderGroup::Government), Region::African, true),
        person("Rahul Mehta", Some(StakeholderGroup::TechnicalCommunity), Region::AsiaPacific, true),
        person("Jorge Ramírez", Some(StakeholderGroup::CivilSociety), Region::LatinAmericanAndCaribbean, false),
    ]
}


/// A BPF draft whose prose sections are `size` percent of a draft of about one page.
/// `people_text` writes the co-facilitators section.
fn bpf(id: &str, kind: Kind, size: usize, people_text: bool, details: Details) -> Draft {
    let words = |one_page: usize| one_page * size / 100;
    let mut draft = Draft::new(DraftId::parse(id).unwrap(), kind, 0);
    draft.set_title(BPF_TITLE.into(), 1);
    let texts = [
        prose(BPF_PROSE, words(90)),
        list(BPF_OBJECTIVES, 3 + size / 100, false),
        prose(BPF_OUTPUTS, words(30)),
        prose(BPF_OUTREACH, words(40)),
        BPF_TIMEFRAME.to_owned(),
        if people_text { BPF_PEOPLE.to_owned() } else { String::new() },
        prose(BPF_ANNUAL_REPORT, words(60)),
    ];
    for (index, text) in texts.into_iter().enumerate().take(kind.template().sections.len()) {
        draft.set_section(index, text, 2);
    }
    draft.edit_details(3, |d| *d = details);
    draft
}

/// A WG draft like [`bpf`]; `implementation` writes the optional section.
fn wg(id: &str, size: usize, implementation: bool, details: Details) -> Draft {
    let words = |one_page: usize| one_page * size / 100;
    let mut draft = Draft::new(DraftId::parse(id).unwrap(), Kind::NewWg, 0);
    draft.set_title(WG_TITLE.into(), 1);
    let texts = [
        prose(WG_PURPOSE, words(80)),
        list(WG_OBJECTIVES, 2 + size / 100, true),
        prose(WG_OUTPUTS, words(40)),
        if implementation { prose(WG_IMPLEMENTATION, words(40)) } else { String::new() },
        WG_TIMEFRAME.to_owned(),
    ];
    for (index, text) in texts.into_iter().enumerate() {
        draft.set_section(index, text, 2);
    }
    draft.edit_details(3, |d| *d = details);
    draft
}

fn stages() -> Vec<Draft> {
    let without_proposer = |people| Details { proposer: Contact::default(), ..complete_details(people) };
    let two_mag_members = || three_people().into_iter().take(2).collect::<Vec<_>>();
    vec![
        // The defect report's draft: one page of a new BPF, four to fix (no proposer name or
        // email, no co-facilitators, and so nothing in their section).
        bpf("stage-bpf-one-page-must-fix", Kind::NewBpf, 75, false, without_proposer(Vec::new())),
        // A little longer, with its co-facilitators (one without a stakeholder group), and the
        // Code of Conduct not yet accepted: four to fix again.
        bpf("stage-bpf-must-fix-people", Kind::NewBpf, 100, true, Details {
            co_facilitators: vec![person("Elena Petrova", None, Region::EasternEuropean, false)].into_iter().chain(three_people()).collect(),
            code_of_conduct: false,
            ..without_proposer(Vec::new())
        }),
        // Complete but short: should-fix findings only.
        bpf("stage-bpf-should-fix", Kind::NewBpf, 200, true, complete_details(three_people())),
        // Long enough and complete: tips only.
        bpf("stage-bpf-tips", Kind::NewBpf, 450, true, complete_details(three_people())),
        // A continuing BPF whose meeting date is mistyped.
        bpf("stage-bpf-continuing-must-fix", Kind::ContinuingBpf, 300, true, Details { meeting_date: "2027-03-40".into(), ..complete_details(three_people()) }),
        bpf("stage-bpf-continuing-tips", Kind::ContinuingBpf, 500, true, complete_details(three_people())),
        // Working Groups, which may leave their implementation plan out.
        wg("stage-wg-must-fix-empty-optional", 200, false, without_proposer(Vec::new())),
        wg("stage-wg-should-fix-empty-optional", 400, false, complete_details(Vec::new())),
        wg("stage-wg-tips", 600, true, Details { timeframe_start: String::new(), timeframe_end: String::new(), ..complete_details(two_mag_members()) }),
        wg("stage-wg-ready", 600, true, complete_details(two_mag_members())),
        wg("stage-wg-ready-empty-optional", 700, false, complete_details(two_mag_members())),
    ]
    .into_iter()
    .chain(LANGUAGES.iter().map(|language| translated(language, complete_details(language.people.iter().map(|&(name, region)| person(name, Some(StakeholderGroup::CivilSociety), region, true)).collect()))))
    .collect()
}

/// A draft written in another language, with its authors' names.
struct Language {
    id: &'static str,
    title: &'static str,
    prose: &'static [&'static str],
    items: &'static [&'static str],
    people: &'static [(&'static str, Region)],
}

const LANGUAGES: [Language; 4] = [
    Language {
        id: "language-polish",
        title: "Forum Dobrych Praktyk: łączność w czasie klęsk żywiołowych",
        prose: &[
            "Powodzie, burze i trzęsienia ziemi przerywają zasilanie i światłowody właśnie wtedy, gdy ludzie najbardziej potrzebują kontaktu z bliskimi i służbami ratunkowymi.",
            "Operatorzy w wielu regionach nauczyli się, często na własnych błędach, jakie środki pozwalają utrzymać sieć, gdy zawodzi sieć energetyczna i zamykane są drogi.",
            "Forum zbierze te doświadczenia od operatorów, regulatorów, służb ratunkowych i osób odciętych od świata, a następnie porówna koszty każdego rozwiązania z tym, co pozwoliło ocalić.",
            "Zasilanie awaryjne stacji bazowych, sieci kratowe prowadzone przez wolontariuszy i umowy o współdzieleniu masztów mają udokumentowaną historię, którą warto zbadać.",
        ],
        items: &["Zebrać co najmniej dwadzieścia studiów przypadku z różnych regionów.", "Opisać decyzje stojące za każdym przypadkiem: kto działał, za jakie pieniądze i według jakich zasad.", "Opublikować krótką listę kontrolną dla planistów i operatorów."],
        people: &[("Łucja Żółkiewska", Region::EasternEuropean), ("Grzegorz Brzęczyszczykiewicz", Region::EasternEuropean), ("Amina Diallo", Region::African)],
    },
    Language {
        id: "language-serbian",
        title: "Форум добрих пракси: мреже које раде током природних катастрофа",
        prose: &[
            "Поплаве, олује и земљотреси прекидају струју и оптичке каблове баш онда када људима највише треба веза са породицом и хитним службама.",
            "Оператори у многим регионима научили су, често на тежи начин, које мере одржавају мрежу када отказује електроенергетски систем и када се путеви затварају.",
            "Форум ће прикупити та искуства од оператора, регулатора, хитних служби и људи који су остали без везе, и упоредити цену сваке мере са оним што је њоме сачувано.",
            "Резервно напајање базних станица, мреже које одржавају добровољци и споразуми о заједничком коришћењу стубова имају историју вредну проучавања.",
        ],
        items: &["Прикупити најмање двадесет студија случаја из различитих региона.", "Описати одлуке иза сваког случаја: ко је деловао, с којим новцем и по којим правилима.", "Објавити кратку контролну листу за планере и операторе."],
        people: &[("Слободан Марковић", Region::EasternEuropean), ("Јелена Ђорђевић", Region::EasternEuropean), ("Rahul Mehta", Region::AsiaPacific)],
    },
    Language {
        id: "language-vietnamese",
        title: "Diễn đàn Thực hành Tốt nhất về kết nối mạng khi thiên tai xảy ra",
        prose: &[
            "Lũ lụt, bão và động đất làm gián đoạn điện và cáp quang đúng vào lúc người dân cần liên lạc với gia đình và các dịch vụ khẩn cấp nhất.",
            "Các nhà khai thác ở nhiều khu vực đã học được, thường là qua những bài học đắt giá, những biện pháp nào giúp mạng tiếp tục hoạt động khi lưới điện hỏng và đường sá bị chia cắt.",
            "Diễn đàn sẽ thu thập những kinh nghiệm đó từ các nhà khai thác, cơ quan quản lý, lực lượng cứu hộ và những người bị cô lập, rồi so sánh chi phí của từng biện pháp với những gì nó đã cứu được.",
            "Nguồn điện dự phòng tại các trạm phát sóng, mạng lưới do tình nguyện viên vận hành và các thỏa thuận dùng chung cột ăng-ten đều có những hồ sơ đáng được nghiên cứu.",
        ],
        items: &["Thu thập ít nhất hai mươi nghiên cứu điển hình từ nhiều khu vực khác nhau.", "Mô tả các quyết định đằng sau mỗi trường hợp: ai hành động, bằng nguồn tiền nào và theo quy định nào.", "Xuất bản một danh sách kiểm tra ngắn cho các nhà hoạch định và nhà khai thác."],
        people: &[("Nguyễn Thị Hồng Nhung", Region::AsiaPacific), ("Trần Văn Đức", Region::AsiaPacific), ("Jorge Ramírez", Region::LatinAmericanAndCaribbean)],
    },
    Language {
        id: "language-russian",
        title: "Форум передового опыта: связь во время стихийных бедствий",
        prose: &[
            "Наводнения, ураганы и землетрясения обрывают электроснабжение и оптоволокно именно тогда, когда людям больше всего нужно связаться с близкими и экстренными службами.",
            "Операторы во многих регионах на собственном опыте узнали, какие меры позволяют сохранить работу сети, когда отключается электричество и перекрываются дороги.",
            "Форум соберёт этот опыт у операторов, регуляторов, экстренных служб и людей, оставшихся без связи, и сравнит стоимость каждой меры с тем, что она позволила сохранить.",
            "Резервное питание базовых станций, ячеистые сети, поддерживаемые добровольцами, и соглашения о совместном использовании вышек имеют историю, которую стоит изучить.",
        ],
        items: &["Собрать не менее двадцати тематических исследований из разных регионов.", "Описать решения, стоящие за каждым случаем: кто действовал, на какие средства и по каким правилам.", "Опубликовать краткий контрольный список для планировщиков и операторов."],
        people: &[("Мария Иванова", Region::EasternEuropean), ("Олена Шевченко", Region::EasternEuropean), ("Sara Lindqvist", Region::WesternEuropeanAndOthers)],
    },
];

/// A BPF draft of about a page and a half in `language`, complete but for its length.
fn translated(language: &Language, details: Details) -> Draft {
    let mut draft = Draft::new(DraftId::parse(language.id).unwrap(), Kind::NewBpf, 0);
    draft.set_title(language.title.into(), 1);
    let sections = Kind::NewBpf.template().sections.len();
    for index in 0..sections {
        let text = match index {
            1 => list(language.items, 4, false),
            5 => String::new(),
            _ => prose(language.prose, 60 + 40 * (index % 3)),
        };
        draft.set_section(index, text, 2);
    }
    draft.edit_details(3, |d| *d = details);
    draft
}

/// The exports of a corpus and their renderings, in a folder of their own (which it shows as).
pub struct Renderings {
    dir: PathBuf,
}

impl std::fmt::Display for Renderings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.dir.display())
    }
}

impl Renderings {
    /// Writes our PDF, DOCX and HTML of every draft, each exported for the draft's report.
    pub fn export(drafts: &[Draft], name: &str) -> Renderings {
        let dir = std::env::temp_dir().join(format!("igf-{name}-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let files = Renderings { dir };
        for draft in drafts {
            let report = report(draft);
            for (format, path) in [(Format::Pdf, files.ours(draft)), (Format::Docx, files.docx(draft)), (Format::Html, files.html(draft))] {
                fs::write(path, formats::render(draft, &report, format, fonts()).unwrap()).unwrap();
            }
        }
        files
    }

    pub fn ours(&self, draft: &Draft) -> PathBuf {
        self.dir.join(format!("{}.ours.pdf", draft.id.as_str()))
    }

    pub fn libreoffice(&self, draft: &Draft) -> PathBuf {
        self.dir.join("lo").join(format!("{}.pdf", draft.id.as_str()))
    }

    pub fn chromium(&self, draft: &Draft) -> PathBuf {
        self.dir.join(format!("{}.chromium.pdf", draft.id.as_str()))
    }

    fn docx(&self, draft: &Draft) -> PathBuf {
        self.dir.join(format!("{}.docx", draft.id.as_str()))
    }

    fn html(&self, draft: &Draft) -> PathBuf {
        self.dir.join(format!("{}.html", draft.id.as_str()))
    }

    /// LibreOffice's PDF of every DOCX, in one run (each start costs seconds), with a throw-away
    /// profile so no setting of this machine's LibreOffice applies.
    pub fn convert_docx(&self, drafts: &[Draft]) -> Result<(), String> {
        let profile = format!("-env:UserInstallation=file://{}", self.dir.join("lo-profile").display());
        let mut command = Command::new("soffice");
        command.args([profile.as_str(), "--headless", "--convert-to", "pdf", "--outdir"]).arg(self.dir.join("lo"));
        run(command.args(drafts.iter().map(|d| self.docx(d))), "soffice (LibreOffice)")
    }

    /// Chromium's print of every HTML file, in one run of `scripts/print-html.mjs`.
    pub fn print_html(&self, drafts: &[Draft]) -> Result<(), String> {
        let mut command = Command::new("node");
        command.arg(concat!(env!("CARGO_MANIFEST_DIR"), "/../../scripts/print-html.mjs"));
        run(command.args(drafts.iter().map(|d| self.html(d))), "node scripts/print-html.mjs (Chromium)")
    }

    pub fn remove(self) {
        let _ = fs::remove_dir_all(&self.dir);
    }
}

fn run(command: &mut Command, name: &str) -> Result<(), String> {
    match command.output() {
        Ok(out) if out.status.success() => Ok(()),
        Ok(out) => Err(format!("{name} failed ({}): {}", out.status, String::from_utf8_lossy(&out.stderr).trim())),
        Err(e) => Err(format!("{name} could not start: {e}; `scripts/setup.sh test` installs it")),
    }
}

/// The page count `pdfinfo` reads, or `None` when the file is missing or unreadable.
pub fn pdf_pages(path: &Path) -> Option<usize> {
    let out = Command::new("pdfinfo").arg(path).output().ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    text.lines().find_map(|l| l.strip_prefix("Pages:")).and_then(|n| n.trim().parse().ok())
}
