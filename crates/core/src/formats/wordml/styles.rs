//! Word's styles (word/styles.xml): which paragraph style makes a heading or the title, which
//! character style or font makes bold, italic or code, and which style carries a list's
//! numbering, each through its `basedOn` chain.
//!
//! A heading is recognised by the built-in name Word writes in every language ("heading 1"),
//! by the style id, by the name in the file's own language ("Überschrift 1", "Titre 1"), or by
//! the outline level, whichever the chain shows first.

use igf_codecs::xml::Element;

use super::docx::W;
use super::{Marks, Role};
use crate::text::case::fold_str;

/// Names of heading styles without their number, in the languages Word and LibreOffice are
/// used in at the IGF (and the ids Word derives from them by dropping letters beyond ASCII).
const HEADING: &[&str] = &[
    "heading", "überschrift", "berschrift", "titre", "título", "titulo", "ttulo", "titolo", "kop", "заголовок", "标题", "標題",
    "عنوان", "nagłówek", "rubrik", "otsikko", "overskrift", "nadpis", "başlık", "címsor", "見出し", "제목", "cabeçalho",
];
/// Names of the title style.
const TITLE: &[&str] = &["title", "titel", "titre", "título", "titulo", "titolo", "название", "标题", "標題", "العنوان", "tytuł", "rubrik", "otsikko", "tittel", "název", "başlık", "cím", "表題", "제목"];
/// Fonts whose runs read as code.
const MONO: &[&str] = &[
    "courier", "courier new", "consolas", "lucida console", "liberation mono", "dejavu sans mono", "source code pro", "roboto mono",
    "menlo", "monaco", "inconsolata", "cascadia code", "cascadia mono", "fira code", "fira mono", "ubuntu mono", "noto sans mono",
    "courier prime", "pt mono", "andale mono",
];

#[derive(Debug, Default)]
pub struct Style {
    pub id: String,
    name: String,
    based_on: Option<String>,
    outline: Option<u8>,
    marks: Option<Marks>,
    pub numbering: Option<(String, u8)>,
}

#[derive(Debug, Default)]
pub struct Styles {
    styles: Vec<Style>,
    /// The paragraph style used where a paragraph names none.
    default_paragraph: Option<String>,
}

impl Styles {
    pub fn read(root: &Element) -> Styles {
        let mut styles = Styles::default();
        for style in root.elements().filter(|e| e.is(W, "style")) {
            let id = style.attr(W, "styleId").unwrap_or("").to_owned();
            let val = |name: &str| style.child(W, name).and_then(|e| e.attr(W, "val")).map(str::to_owned);
            let ppr = style.child(W, "pPr");
            if style.attr(W, "default").is_some_and(is_on) && style.attr(W, "type") == Some("paragraph") {
                styles.default_paragraph = Some(id.clone());
            }
            styles.styles.push(Style {
                name: val("name").unwrap_or_default(),
                based_on: val("basedOn"),
                outline: ppr.and_then(outline_level),
                marks: style.child(W, "rPr").map(|r| run_marks(r, Marks::default(), None)),
                numbering: ppr.and_then(numbering_of),
                id,
            });
        }
        styles
    }

    pub fn get(&self, id: &str) -> Option<&Style> {
        self.styles.iter().find(|s| s.id == id)
    }

    /// The style and the styles it is based on, nearest first (a cycle ends the chain).
    fn chain<'s>(&'s self, id: Option<&'s str>) -> impl Iterator<Item = &'s Style> + 's {
        let mut next = id.or(self.default_paragraph.as_deref());
        let mut steps = 0;
        std::iter::from_fn(move || {
            let style = self.get(next?)?;
            steps += 1;
            next = style.based_on.as_deref().filter(|_| steps < 16);
            Some(style)
        })
    }

    /// Title, a heading or body text, for a paragraph of style `id` (or the default style).
    pub fn role(&self, id: Option<&str>) -> Role {
        for style in self.chain(id) {
            if let Some(role) = role_by_name(&style.name).or_else(|| role_by_name(&style.id)) {
                return role;
            }
            if let Some(level) = style.outline {
                return outline_role(level);
            }
        }
        Role::Body
    }

    /// The marks a character style gives, through its chain (nearest wins for each mark set).
    pub fn marks(&self, id: &str) -> Marks {
        let code = self.chain(Some(id)).any(|s| fold_str(&s.name).contains("code") || matches!(s.id.as_str(), "SourceText" | "HTMLCode" | "VerbatimChar"));
        let mut marks = self.chain(Some(id)).find_map(|s| s.marks).unwrap_or_default();
        marks.code |= code;
        marks
    }

    /// The numbering a paragraph style carries (`numId`, level), through its chain.
    pub fn numbering(&self, id: Option<&str>) -> Option<(String, u8)> {
        self.chain(id).find_map(|s| s.numbering.clone())
    }
}

/// Heading level from an outline level: 0 to 8 are headings 1 to 9 (shown as at most 6), 9 is
/// body text.
pub fn outline_role(level: u8) -> Role {
    if level < 9 { Role::Heading((level + 1).min(6)) } else { Role::Body }
}

pub fn outline_level(ppr: &Element) -> Option<u8> {
    ppr.child(W, "outlineLvl")?.attr(W, "val")?.parse().ok()
}

/// `w:numPr` of a paragraph's or a style's properties: (`numId`, level).
pub fn numbering_of(ppr: &Element) -> Option<(String, u8)> {
    let numpr = ppr.child(W, "numPr")?;
    let id = numpr.child(W, "numId")?.attr(W, "val")?.to_owned();
    let level = numpr.child(W, "ilvl").and_then(|l| l.attr(W, "val")).and_then(|v| v.parse().ok()).unwrap_or(0);
    Some((id, level))
}

/// "heading 1", "Überschrift 2", "Titre 1" are headings; "Title", "Titre", "Titel" the title.
pub(super) fn role_by_name(name: &str) -> Option<Role> {
    let folded = fold_str(name.trim());
    let word = folded.trim_end_matches(|c: char| c.is_ascii_digit()).trim_end();
    let digits = &folded[word.len()..].trim_start();
    match digits.parse::<u8>() {
        Ok(level @ 1..=9) if HEADING.contains(&word) => Some(Role::Heading(level.min(6))),
        Err(_) if digits.is_empty() && TITLE.contains(&word) => Some(Role::Title),
        _ => None,
    }
}

/// An on/off property: absent value or anything but "0", "false", "off" is on.
pub fn is_on(value: &str) -> bool {
    !matches!(value, "0" | "false" | "off" | "none")
}

/// The marks of run properties over `base`; `styles` resolves a character style first.
pub fn run_marks(rpr: &Element, base: Marks, styles: Option<&Styles>) -> Marks {
    let mut marks = match (styles, rpr.child(W, "rStyle").and_then(|s| s.attr(W, "val"))) {
        (Some(styles), Some(id)) => {
            let from_style = styles.marks(id);
            Marks { bold: base.bold || from_style.bold, italic: base.italic || from_style.italic, code: base.code || from_style.code }
        }
        _ => base,
    };
    let flag = |name: &str| rpr.child(W, name).map(|e| e.attr(W, "val").is_none_or(is_on));
    if let Some(bold) = flag("b") {
        marks.bold = bold;
    }
    if let Some(italic) = flag("i") {
        marks.italic = italic;
    }
    if let Some(fonts) = rpr.child(W, "rFonts") {
        let font = fonts.attr(W, "ascii").or_else(|| fonts.attr(W, "hAnsi"));
        if let Some(font) = font {
            marks.code = is_mono(font);
        }
    }
    marks
}

pub fn is_mono(font: &str) -> bool {
    let folded = fold_str(font.trim().trim_matches(['\'', '"']));
    MONO.contains(&folded.as_str()) || folded.ends_with(" mono") || folded.ends_with(" code")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn style_names_in_several_languages() {
        let table = [
            ("heading 1", Some(Role::Heading(1))),
            ("Heading3", Some(Role::Heading(3))),
            ("Überschrift 2", Some(Role::Heading(2))),
            ("berschrift1", Some(Role::Heading(1))),
            ("Titre 1", Some(Role::Heading(1))),
            ("Titre", Some(Role::Title)),
            ("Título 4", Some(Role::Heading(4))),
            ("Заголовок 1", Some(Role::Heading(1))),
            ("标题 2", Some(Role::Heading(2))),
            ("heading 9", Some(Role::Heading(6))),
            ("Title", Some(Role::Title)),
            ("Subtitle", None),
            ("heading 0", None),
            ("List Paragraph", None),
            ("Normal", None),
        ];
        for (name, role) in table {
            assert_eq!(role_by_name(name), role, "{name}");
        }
        for (font, mono) in [("Courier New", true), ("Consolas", true), ("'Roboto Mono'", true), ("Arial", false), ("Times New Roman", false)] {
            assert_eq!(is_mono(font), mono, "{font}");
        }
    }
}
