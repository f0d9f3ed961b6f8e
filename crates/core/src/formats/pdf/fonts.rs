//! The fonts a PDF embeds: which file draws each character (the very font the layout measured
//! it with), what no font can show, and each used font written as a subset CID font
//! (CIDFontType2, Identity-H) with the layout's widths and a ToUnicode map.
//!
//! The core never reads files: the browser fetches the [`FontFile`]s a document needs
//! ([`needed`]) and hands their bytes over in a [`Fonts`].

use std::sync::Arc;

use igf_codecs::truetype::{self, Font, Outline, SubsetGlyph};
use thiserror::Error;

use super::file::{File, push_hex};
use crate::layout::metrics::{Measured, Style, measured_with, width};
use crate::text::i18n::{Key, Msg};
use crate::text::invisible;

/// A font file the PDF may embed, served as `fonts/<file_name>` beside the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FontFile {
    Regular,
    Bold,
    Italic,
    BoldItalic,
    FallbackRegular,
    FallbackBold,
    FallbackItalic,
    FallbackBoldItalic,
    Mono,
}

impl FontFile {
    pub const ALL: [FontFile; 9] = [
        FontFile::Regular,
        FontFile::Bold,
        FontFile::Italic,
        FontFile::BoldItalic,
        FontFile::FallbackRegular,
        FontFile::FallbackBold,
        FontFile::FallbackItalic,
        FontFile::FallbackBoldItalic,
        FontFile::Mono,
    ];

    /// The file's name, and its PostScript name (the PDF's BaseFont, after the subset tag).
    fn names(self) -> (&'static str, &'static str) {
        match self {
            FontFile::Regular => ("LiberationSerif-Regular.ttf", "LiberationSerif"),
            FontFile::Bold => ("LiberationSerif-Bold.ttf", "LiberationSerif-Bold"),
            FontFile::Italic => ("LiberationSerif-Italic.ttf", "LiberationSerif-Italic"),
            FontFile::BoldItalic => ("LiberationSerif-BoldItalic.ttf", "LiberationSerif-BoldItalic"),
            FontFile::FallbackRegular => ("DejaVuSerif.ttf", "DejaVuSerif"),
            FontFile::FallbackBold => ("DejaVuSerif-Bold.ttf", "DejaVuSerif-Bold"),
            FontFile::FallbackItalic => ("DejaVuSerif-Italic.ttf", "DejaVuSerif-Italic"),
            FontFile::FallbackBoldItalic => ("DejaVuSerif-BoldItalic.ttf", "DejaVuSerif-BoldItalic"),
            FontFile::Mono => ("LiberationMono-Regular.ttf", "LiberationMono"),
        }
    }

    pub fn file_name(self) -> &'static str {
        self.names().0
    }

    /// The file's size in bytes, so a download can show its progress whatever the server says.
    pub fn bytes(self) -> u32 {
        match self {
            FontFile::Regular => 393_576,
            FontFile::Bold => 370_096,
            FontFile::Italic => 375_632,
            FontFile::BoldItalic => 376_772,
            FontFile::FallbackRegular => 380_660,
            FontFile::FallbackBold => 356_668,
            FontFile::FallbackItalic => 346_544,
            FontFile::FallbackBoldItalic => 348_020,
            FontFile::Mono => 319_508,
        }
    }

    fn index(self) -> usize {
        self as usize
    }

    fn is_italic(self) -> bool {
        matches!(self, FontFile::Italic | FontFile::BoldItalic | FontFile::FallbackItalic | FontFile::FallbackBoldItalic)
    }

    fn is_bold(self) -> bool {
        matches!(self, FontFile::Bold | FontFile::BoldItalic | FontFile::FallbackBold | FontFile::FallbackBoldItalic)
    }
}

/// The bytes of the font files at hand.
#[derive(Clone, Default)]
pub struct Fonts {
    files: Vec<(FontFile, Arc<[u8]>)>,
}

impl Fonts {
    pub fn insert(&mut self, file: FontFile, bytes: Arc<[u8]>) {
        self.files.retain(|(f, _)| *f != file);
        self.files.push((file, bytes));
    }

    pub fn has(&self, file: FontFile) -> bool {
        self.files.iter().any(|(f, _)| *f == file)
    }

    pub fn get(&self, file: FontFile) -> Option<&[u8]> {
        self.files.iter().find(|(f, _)| *f == file).map(|(_, bytes)| &bytes[..])
    }
}

/// Why a PDF could not be made.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum FontError {
    Missing(&'static str),
    Damaged(&'static str, truetype::FontError),
}

impl FontError {
    pub fn msg(&self) -> Msg {
        match self {
            FontError::Missing(file) => Msg::new("error.pdf.font_missing").arg("file", *file),
            FontError::Damaged(file, _) => Msg::new("error.pdf.font_damaged").arg("file", *file),
        }
    }
}

crate::display_in_english!(FontError);

/// How a character comes out in the PDF.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown {
    /// As itself, from the font that measured it.
    Glyph,
    /// As an empty box: no embedded font has it.
    Missing,
    /// As an empty box: it belongs to a script written right to left, which the layout cannot
    /// set yet (the fonts have Hebrew, but in the wrong order it would be worse than nothing).
    RightToLeft,
}

/// Characters Liberation Serif has and Liberation Mono lacks, but for spaces (drawn with its
/// space) and invisible ones (drawn as nothing); checked against both files.
const MONO_LACKS: [char; 3] = ['\u{0237}', '\u{2016}', '\u{FFFC}'];

/// Which file draws `c` in `style`, and how it comes out.
pub fn choose(c: char, style: Style) -> (FontFile, Shown) {
    let serif = match (style.bold, style.italic) {
        (false, false) => [FontFile::Regular, FontFile::FallbackRegular],
        (true, false) => [FontFile::Bold, FontFile::FallbackBold],
        (false, true) => [FontFile::Italic, FontFile::FallbackItalic],
        (true, true) => [FontFile::BoldItalic, FontFile::FallbackBoldItalic],
    };
    // Liberation Mono has what Liberation Serif has, but for a few characters.
    let (file, has) = if style.mono {
        (FontFile::Mono, measured_with(c, Style::default()) == Measured::Primary && !MONO_LACKS.contains(&c))
    } else {
        match measured_with(c, style) {
            Measured::Primary => (serif[0], true),
            Measured::Fallback => (serif[1], true),
            Measured::Neither => (serif[0], false),
        }
    };
    let shown = match (c.is_whitespace() || invisible(c), right_to_left(c), has) {
        (true, _, _) => Shown::Glyph,
        (false, true, _) => Shown::RightToLeft,
        (false, false, has) => if has { Shown::Glyph } else { Shown::Missing },
    };
    (file, shown)
}

/// Characters of the scripts written right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko...).
pub fn right_to_left(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}' | '\u{10800}'..='\u{10FFF}' | '\u{1E800}'..='\u{1EFFF}')
        && c != '\u{FEFF}'
}

/// The name of a right-to-left character's script, for the Export menu.
pub fn script_name(c: char) -> Key {
    match c {
        '\u{0590}'..='\u{05FF}' | '\u{FB1D}'..='\u{FB4F}' => Key("files.export.script.hebrew"),
        '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{0870}'..='\u{08FF}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}' => Key("files.export.script.arabic"),
        _ => Key("files.export.script.right_to_left"),
    }
}

/// One embedded font: the characters it draws, numbered from 1 in order of first use.
struct Used<'a> {
    font: Font<'a>,
    chars: Vec<(char, Style, Shown)>,
    /// Each character's CID, sorted by character.
    cids: Vec<(char, u16)>,
}

/// The fonts a document's PDF draws with, filled as its text is written.
pub(super) struct Faces<'a> {
    used: Vec<Option<Used<'a>>>,
}

/// The CID of a character past the 65,535 one font can number: drawn as nothing.
const NO_CID: u16 = 0;

impl<'a> Faces<'a> {
    /// The fonts of `files` (the document's [`super::needed`]), read before anything is drawn.
    pub(super) fn new(fonts: &'a Fonts, files: &[FontFile]) -> Result<Faces<'a>, FontError> {
        let mut used: Vec<Option<Used<'a>>> = FontFile::ALL.iter().map(|_| None).collect();
        for &file in files {
            let bytes = fonts.get(file).ok_or(FontError::Missing(file.file_name()))?;
            let font = Font::parse(bytes).map_err(|e| FontError::Damaged(file.file_name(), e))?;
            used[file.index()] = Some(Used { font, chars: Vec::new(), cids: Vec::new() });
        }
        Ok(Faces { used })
    }

    /// The font resource (`/F<n>`) and the CID that draw `c` in `style`.
    pub(super) fn cid(&mut self, c: char, style: Style) -> (usize, u16) {
        let (file, shown) = choose(c, style);
        let Some(used) = self.used[file.index()].as_mut() else { return (file.index(), NO_CID) };
        let at = match used.cids.binary_search_by_key(&c, |&(c, _)| c) {
            Ok(at) => return (file.index(), used.cids[at].1),
            Err(at) => at,
        };
        let Ok(cid) = u16::try_from(used.chars.len() + 1) else { return (file.index(), NO_CID) };
        used.chars.push((c, style, shown));
        used.cids.insert(at, (c, cid));
        (file.index(), cid)
    }

    /// Writes each used font; returns the font resources, `/F<n> <ref>` each.
    pub(super) fn write(self, file: &mut File) -> Result<String, FontError> {
        let mut resources = String::new();
        for (index, used) in self.used.into_iter().enumerate() {
            // A font needed but never drawn with is left out.
            let (Some(used), Some(&font_file)) = (used.filter(|u| !u.chars.is_empty()), FontFile::ALL.get(index)) else { continue };
            let reference = embed(file, font_file, &used)?;
            resources.push_str(&format!("/F{index} {reference} 0 R "));
        }
        Ok(resources)
    }
}

/// The subset of one font, and the five objects that describe it; returns the Type0 font's
/// object number.
fn embed(file: &mut File, font_file: FontFile, used: &Used) -> Result<usize, FontError> {
    let metrics = used.font.metrics();
    let units = u32::from(metrics.units_per_em);
    // Widths in thousandths of an em, from the layout's own metrics.
    let widths: Vec<u32> = used.chars.iter().map(|&(c, style, _)| (width(c, style, 1000) + 60) / 120).collect();
    let glyphs: Vec<SubsetGlyph> = used
        .chars
        .iter()
        .zip(&widths)
        .map(|(&(c, _, shown), &w)| {
            let outline = match (shown, used.font.glyph(c)) {
                _ if invisible(c) => Outline::Blank,
                (Shown::Glyph, Some(glyph)) => Outline::Glyph(glyph),
                // A space the font lacks (a tab, a rare width) is drawn as its space.
                (Shown::Glyph, None) if c.is_whitespace() => used.font.glyph(' ').map_or(Outline::Blank, Outline::Glyph),
                _ => Outline::EmptyBox,
            };
            SubsetGlyph { outline, advance: u16::try_from((w * units + 500) / 1000).unwrap_or(u16::MAX) }
        })
        .collect();
    let program = truetype::subset(&used.font, &glyphs).map_err(|e| FontError::Damaged(font_file.file_name(), e))?;
    let name = format!("{}+{}", subset_tag(font_file, &used.chars), font_file.names().1);
    let [type0, cid_font, descriptor, program_ref, to_unicode] = [(); 5].map(|_| file.reserve());
    file.stream(program_ref, &format!("/Length1 {}", program.len()), &program);
    let em = |v: i16| i64::from(v) * 1000 / i64::from(metrics.units_per_em);
    let italic_angle = i64::from(metrics.italic_angle);
    let flags = 4 | if font_file == FontFile::Mono { 1 } else { 2 } | if font_file.is_italic() { 64 } else { 0 };
    let [x0, y0, x1, y1] = metrics.bbox.map(em);
    file.put(
        descriptor,
        format!(
            "<< /Type /FontDescriptor /FontName /{name} /Flags {flags} /FontBBox [{x0} {y0} {x1} {y1}] /ItalicAngle {} /Ascent {} /Descent {} /CapHeight {} /StemV {} /FontFile2 {program_ref} 0 R >>",
            italic_angle,
            em(metrics.ascent),
            em(metrics.descent),
            em(metrics.cap_height),
            if font_file.is_bold() { 140 } else { 80 },
        ),
    );
    let w = widths.iter().fold(String::new(), |mut w, width| {
        w.push_str(&width.to_string());
        w.push(' ');
        w
    });
    file.put(
        cid_font,
        format!(
            "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /{name} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor {descriptor} 0 R /DW 1000 /W [1 [{w}]] /CIDToGIDMap /Identity >>"
        ),
    );
    file.stream(to_unicode, "", to_unicode_map(&used.chars).as_bytes());
    file.put(
        type0,
        format!("<< /Type /Font /Subtype /Type0 /BaseFont /{name} /Encoding /Identity-H /DescendantFonts [{cid_font} 0 R] /ToUnicode {to_unicode} 0 R >>"),
    );
    Ok(type0)
}

/// Six capital letters that name this subset, the same for the same characters (a hash of
/// them, FNV-1a).
fn subset_tag(font_file: FontFile, chars: &[(char, Style, Shown)]) -> String {
    let mut hash = chars.iter().fold(0xCBF2_9CE4_8422_2325u64 ^ font_file.index() as u64, |h, &(c, _, _)| (h ^ u64::from(c)).wrapping_mul(0x100_0000_01B3));
    (0..6)
        .map(|_| {
            let letter = char::from(b'A' + (hash % 26) as u8);
            hash /= 26;
            letter
        })
        .collect()
}

/// The CMap that gives back, for each CID, the character typed (so copying, searching and
/// extracting text give exactly that text).
fn to_unicode_map(chars: &[(char, Style, Shown)]) -> String {
    let mut map = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    for (block, group) in chars.chunks(100).enumerate() {
        map.push_str(&group.len().to_string());
        map.push_str(" beginbfchar\n");
        for (n, &(c, _, _)) in group.iter().enumerate() {
            map.push('<');
            push_hex(&mut map, (block * 100 + n + 1) as u16);
            map.push_str("> <");
            for unit in c.encode_utf16(&mut [0; 2]) {
                push_hex(&mut map, *unit);
            }
            map.push_str(">\n");
        }
        map.push_str("endbfchar\n");
    }
    map.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_character_goes_to_the_font_that_measured_it() {
        let regular = Style::default();
        let bold = Style { bold: true, ..regular };
        let mono = Style { mono: true, ..regular };
        let table = [
            ('ł', regular, FontFile::Regular, Shown::Glyph),
            ('Ж', bold, FontFile::Bold, Shown::Glyph),
            ('ễ', Style { italic: true, ..regular }, FontFile::Italic, Shown::Glyph),
            ('Ω', Style { italic: true, ..bold }, FontFile::BoldItalic, Shown::Glyph),
            ('ა', regular, FontFile::FallbackRegular, Shown::Glyph),
            ('Ա', bold, FontFile::FallbackBold, Shown::Glyph),
            ('日', regular, FontFile::Regular, Shown::Missing),
            ('😀', bold, FontFile::Bold, Shown::Missing),
            ('א', regular, FontFile::Regular, Shown::RightToLeft),
            ('ب', regular, FontFile::Regular, Shown::RightToLeft),
            ('x', mono, FontFile::Mono, Shown::Glyph),
            ('Ж', mono, FontFile::Mono, Shown::Glyph),
            ('ა', mono, FontFile::Mono, Shown::Missing),
            ('\t', regular, FontFile::Regular, Shown::Glyph),
            ('\u{FEFF}', regular, FontFile::Regular, Shown::Glyph),
            ('\u{0378}', regular, FontFile::Regular, Shown::Missing),
        ];
        for (c, style, file, shown) in table {
            assert_eq!(choose(c, style), (file, shown), "{c:?} in {style:?}");
        }
        assert_eq!((script_name('ש').english(), script_name('ع').english(), script_name('ܐ').english()), ("Hebrew".into(), "Arabic".into(), "right-to-left".into()));
    }

    #[test]
    fn the_cmap_gives_back_each_character_in_utf_16() {
        let chars = [('A', Style::default(), Shown::Glyph), ('😀', Style::default(), Shown::Missing)];
        let map = to_unicode_map(&chars);
        assert!(map.contains("2 beginbfchar\n<0001> <0041>\n<0002> <D83DDE00>\nendbfchar\n"), "{map}");
    }
}
