//! Word's list numbering (word/numbering.xml): a `w:num` names an abstract definition and may
//! override the start of a level (`w:lvlOverride` with `w:startOverride`, or a whole `w:lvl`);
//! each level is a bullet or a number. Items are counted per abstract definition, as Word
//! does, restarting where a list instance overrides its start and below each higher level.

use igf_codecs::xml::Element;

use super::docx::W;
use super::styles::Styles;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Level {
    /// `None` for a bullet.
    start: Option<u64>,
    /// A level that shows no number nor bullet (`w:numFmt="none"`) makes no list item.
    unmarked: bool,
}

#[derive(Debug, Default)]
struct Abstract {
    id: String,
    levels: Vec<(u8, Level)>,
    /// `w:numStyleLink`: the levels are those of the list that this numbering style names.
    style_link: Option<String>,
}

#[derive(Debug, Default)]
struct Num {
    id: String,
    abstract_id: String,
    overrides: Vec<(u8, Option<u64>, Option<Level>)>,
    /// Whether this instance's overrides have restarted the count yet.
    started: bool,
}

#[derive(Debug, Default)]
pub struct Numbering {
    abstracts: Vec<Abstract>,
    nums: Vec<Num>,
    /// The current count per abstract definition and level.
    counts: Vec<(String, [u64; 9])>,
}

fn level(lvl: &Element) -> (u8, Level) {
    let val = |name: &str| lvl.child(W, name).and_then(|e| e.attr(W, "val"));
    let ilvl = lvl.attr(W, "ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
    let format = val("numFmt");
    let ordered = !matches!(format, Some("bullet" | "none") | None);
    let start = val("start").and_then(|v| v.parse().ok()).unwrap_or(1);
    (ilvl, Level { start: ordered.then_some(start), unmarked: format == Some("none") })
}

impl Numbering {
    pub fn read(root: &Element) -> Numbering {
        let mut numbering = Numbering::default();
        for element in root.elements() {
            if element.is(W, "abstractNum") {
                numbering.abstracts.push(Abstract {
                    id: element.attr(W, "abstractNumId").unwrap_or("").to_owned(),
                    levels: element.elements().filter(|e| e.is(W, "lvl")).map(level).collect(),
                    style_link: element.child(W, "numStyleLink").and_then(|e| e.attr(W, "val")).map(str::to_owned),
                });
            } else if element.is(W, "num") {
                let overrides = element
                    .elements()
                    .filter(|e| e.is(W, "lvlOverride"))
                    .map(|o| {
                        let ilvl = o.attr(W, "ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                        let start = o.child(W, "startOverride").and_then(|s| s.attr(W, "val")).and_then(|v| v.parse().ok());
                        (ilvl, start, o.child(W, "lvl").map(|l| level(l).1))
                    })
                    .collect();
                numbering.nums.push(Num {
                    id: element.attr(W, "numId").unwrap_or("").to_owned(),
                    abstract_id: element.child(W, "abstractNumId").and_then(|e| e.attr(W, "val")).unwrap_or("").to_owned(),
                    overrides,
                    started: false,
                });
            }
        }
        numbering
    }

    /// The abstract definition of a list instance, following one numbering-style link.
    fn abstract_of(&self, num_id: &str, styles: &Styles) -> Option<&Abstract> {
        let num = self.nums.iter().find(|n| n.id == num_id)?;
        let found = self.abstracts.iter().find(|a| a.id == num.abstract_id)?;
        let linked = found.style_link.as_deref().and_then(|style| styles.numbering(Some(style))).and_then(|(id, _)| {
            let num = self.nums.iter().find(|n| n.id == id)?;
            self.abstracts.iter().find(|a| a.id == num.abstract_id && a.style_link.is_none())
        });
        Some(linked.unwrap_or(found))
    }

    /// The next item of list `num_id` at `ilvl`: its number when the level is numbered, `None`
    /// inside for a bullet; `None` outside when the paragraph is not in a list.
    pub fn next(&mut self, num_id: &str, ilvl: u8, styles: &Styles) -> Option<Option<u64>> {
        let ilvl = ilvl.min(8);
        let abstract_def = self.abstract_of(num_id, styles)?;
        let key = abstract_def.id.clone();
        let mut level = abstract_def.levels.iter().find(|(l, _)| *l == ilvl).map_or(Level { start: None, unmarked: false }, |(_, l)| *l);
        let num = self.nums.iter_mut().find(|n| n.id == num_id)?;
        let mut restart = Vec::new();
        for &(at, start, replaced) in &num.overrides {
            if let Some(replaced) = replaced.filter(|_| at == ilvl) {
                level = replaced;
            }
            if let Some(start) = start.filter(|_| !num.started) {
                restart.push((at, start));
            }
            if let (Some(start), true) = (start, at == ilvl) {
                level.start = level.start.map(|_| start);
            }
        }
        num.started = true;
        if level.unmarked {
            return None;
        }
        let counts = match self.counts.iter().position(|(k, _)| *k == key) {
            Some(at) => &mut self.counts[at].1,
            None => {
                self.counts.push((key, [0; 9]));
                &mut self.counts.last_mut()?.1
            }
        };
        for (at, start) in restart {
            if let Some(count) = counts.get_mut(usize::from(at)) {
                *count = start.saturating_sub(1);
            }
        }
        let slot = usize::from(ilvl);
        counts[slot] = if counts[slot] == 0 { level.start.unwrap_or(1) } else { counts[slot].saturating_add(1) };
        for deeper in counts.iter_mut().skip(slot + 1) {
            *deeper = 0;
        }
        Some(level.start.map(|_| counts[slot]))
    }
}
