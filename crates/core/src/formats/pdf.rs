//! PDF drawn from the page engine's own layout, so its page count always equals the live count.
//!
//! Text is set in the PDF standard Times and Courier fonts (no embedding, WinAnsi encoding),
//! with widths taken from the same metrics as the layout. Characters that encoding cannot show
//! are listed by [`unsupported`] so the author is told before exporting; in the file they
//! appear as "?". A draft that is not ready is marked in the top margin of every page, outside
//! the text area, so the marking never moves a line.

use igf_codecs::decimal::fixed;

use crate::document::Document;
use crate::layout::{Paragraph, PlacedLine, typeset};
use crate::layout::metrics::{Style, width};
use crate::layout::spec::SPEC;

const FONTS: [(&str, Style); 5] = [
    ("Times-Roman", Style { bold: false, italic: false, mono: false }),
    ("Times-Bold", Style { bold: true, italic: false, mono: false }),
    ("Times-Italic", Style { bold: false, italic: true, mono: false }),
    ("Times-BoldItalic", Style { bold: true, italic: true, mono: false }),
    ("Courier", Style { bold: false, italic: false, mono: true }),
];

/// The characters of the document that the PDF cannot show, each once, in order of appearance.
pub fn unsupported(doc: &Document) -> Vec<char> {
    let mut found = Vec::new();
    for paragraph in typeset(doc).paragraphs {
        let text = paragraph.cells.iter().flatten().map(|&(c, _)| c);
        for c in text.chain(paragraph.marker.iter().flat_map(|m| m.chars())) {
            if win_ansi(c).is_none() && !c.is_whitespace() && !found.contains(&c) {
                found.push(c);
            }
        }
    }
    found
}

pub fn export(doc: &Document) -> Vec<u8> {
    let set = typeset(doc);
    let page_w = f64::from(SPEC.page_width_twips) / 20.0;
    let page_h = f64::from(SPEC.page_height_twips) / 20.0;
    let margin = f64::from(SPEC.margin_twips) / 20.0;
    let mut objects: Vec<String> = Vec::new();
    // 1: catalog, 2: pages, 3: info, 4..=8: fonts; pages and contents follow.
    let first_page = 9;
    let kids: Vec<String> = (0..set.pages.len()).map(|n| format!("{} 0 R", first_page + 2 * n)).collect();
    objects.push("<< /Type /Catalog /Pages 2 0 R >>".into());
    objects.push(format!("<< /Type /Pages /Kids [{}] /Count {} >>", kids.join(" "), set.pages.len()));
    objects.push(format!("<< /Title {} /Producer {} >>", utf16_string(&doc.title), utf16_string(&format!("{} {}", crate::document::APP_NAME, crate::document::APP_VERSION))));
    for (name, style) in FONTS {
        if style.mono {
            objects.push(format!("<< /Type /Font /Subtype /Type1 /BaseFont /{name} /Encoding /WinAnsiEncoding >>"));
        } else {
            let widths: Vec<String> = (32u8..=255).map(|b| (width(from_win_ansi(b), style, 100) / 12).to_string()).collect();
            objects.push(format!(
                "<< /Type /Font /Subtype /Type1 /BaseFont /{name} /Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 255 /Widths [{}] >>",
                widths.join(" ")
            ));
        }
    }
    let fonts: String = (0..FONTS.len()).map(|n| format!("/F{n} {} 0 R ", 4 + n)).collect();
    for (number, lines) in set.pages.iter().enumerate() {
        let mut content = String::new();
        if let Some(notice) = doc.not_ready_line() {
            draw_notice(&mut content, &format!("{notice} (page {} of {})", number + 1, set.pages.len()), margin, page_h);
        }
        for line in lines {
            draw_line(&mut content, &set.paragraphs[line.paragraph], &set.breaks[line.paragraph], line, margin, page_h);
        }
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {} {}] /Resources << /Font << {fonts}>> >> /Contents {} 0 R >>",
            fixed(page_w, 1),
            fixed(page_h, 1),
            first_page + 2 * number + 1
        ));
        objects.push(format!("<< /Length {} >>\nstream\n{content}endstream", content.len()));
    }
    let mut out = String::from("%PDF-1.4\n");
    let mut offsets = Vec::new();
    for (n, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.push_str(&format!("{} 0 obj\n{object}\nendobj\n", n + 1));
    }
    let xref = out.len();
    out.push_str(&format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1));
    for offset in offsets {
        out.push_str(&format!("{offset:010} 00000 n \n"));
    }
    out.push_str(&format!("trailer\n<< /Size {} /Root 1 0 R /Info 3 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1));
    // Every string written above is ASCII (text goes through `encode`), so bytes equal chars.
    out.into_bytes()
}

/// The not-ready line in the top margin, in bold and in the notice's red, where the DOCX header
/// puts it.
fn draw_notice(content: &mut String, text: &str, margin: f64, page_h: f64) {
    let style = &SPEC.notice;
    let top = f64::from(SPEC.notice_top_twips) / 20.0;
    let baseline = page_h - top - f64::from(style.line_centipt) / 100.0 + 0.25 * f64::from(style.size_pt);
    content.push_str(&format!("0.64 0.15 0.11 rg BT /F1 {} Tf {} {} Td ({}) Tj ET 0 g\n", style.size_pt, fixed(margin, 2), fixed(baseline, 2), encode(text)));
}

fn draw_line(content: &mut String, paragraph: &Paragraph, breaks: &[Vec<usize>], line: &PlacedLine, margin: f64, page_h: f64) {
    let style = paragraph.style;
    let size = style.size_pt;
    let top = f64::from(line.top_centipt) / 100.0;
    let line_height = f64::from(style.line_centipt) / 100.0;
    let baseline = page_h - margin - top - line_height + 0.25 * f64::from(size);
    if let (Some(marker), 0) = (&paragraph.marker, line.line) {
        let left = margin + f64::from(paragraph.cell_left(0)) / 120.0;
        content.push_str(&format!("BT /F0 {size} Tf {} {} Td ({}) Tj ET\n", fixed(left - 18.0, 2), fixed(baseline, 2), encode(marker)));
    }
    for (cell_index, (cell, starts)) in paragraph.cells.iter().zip(breaks).enumerate() {
        let Some(&start) = starts.get(line.line) else { continue };
        let end = starts.get(line.line + 1).copied().unwrap_or(cell.len());
        let chars = &cell[start..end];
        let trimmed = chars.iter().rposition(|(c, _)| !c.is_whitespace()).map_or(0, |i| i + 1);
        if trimmed == 0 {
            continue;
        }
        let left = margin + f64::from(paragraph.cell_left(cell_index)) / 120.0;
        content.push_str(&format!("BT {} {} Td", fixed(left, 2), fixed(baseline, 2)));
        let mut run = String::new();
        let mut run_style: Option<Style> = None;
        for &(c, s) in chars[..trimmed].iter().filter(|(c, _)| *c != '\n') {
            if run_style != Some(s) {
                if let Some(previous) = run_style {
                    content.push_str(&format!(" /F{} {size} Tf ({}) Tj", font_index(previous), encode(&run)));
                }
                run.clear();
                run_style = Some(s);
            }
            run.push(c);
        }
        if let Some(last) = run_style {
            content.push_str(&format!(" /F{} {size} Tf ({}) Tj", font_index(last), encode(&run)));
        }
        content.push_str(" ET\n");
    }
}

fn font_index(style: Style) -> usize {
    FONTS.iter().position(|(_, s)| *s == style).unwrap_or(if style.mono { 4 } else { 0 })
}

/// A PDF literal string in WinAnsi: `(`, `)` and `\` escaped, other bytes as octal.
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let byte = win_ansi(c).unwrap_or(b'?');
        match byte {
            b'(' | b')' | b'\\' => {
                out.push('\\');
                out.push(byte as char);
            }
            0x20..=0x7E => out.push(byte as char),
            _ => out.push_str(&format!("\\{byte:03o}")),
        }
    }
    out
}

/// The WinAnsi (Windows-1252) characters of 0x80 to 0x9F; the rest of 0x20-0xFF is Latin-1.
const WIN_ANSI_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}', '\u{90}', '‘', '’', '“',
    '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

fn win_ansi(c: char) -> Option<u8> {
    match c as u32 {
        0x20..=0x7E | 0xA0..=0xFF => Some(c as u8),
        0x09 => Some(b' '),
        _ => WIN_ANSI_HIGH.iter().position(|&h| h == c && !('\u{80}'..='\u{9F}').contains(&h)).map(|i| 0x80 + i as u8),
    }
}

fn from_win_ansi(byte: u8) -> char {
    match byte {
        0x80..=0x9F => WIN_ANSI_HIGH[usize::from(byte - 0x80)],
        b => char::from(b),
    }
}

/// A PDF text string in UTF-16BE with a byte-order mark, as hex.
fn utf16_string(text: &str) -> String {
    let hex: String = text.encode_utf16().map(|u| format!("{u:04X}")).collect();
    format!("<FEFF{hex}>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn win_ansi_covers_latin_1_and_typographic_punctuation() {
        assert_eq!(encode("Café (draft) \\ “quotes” — €"), "Caf\\351 \\(draft\\) \\\\ \\223quotes\\224 \\227 \\200");
        assert_eq!(encode("Жанна 日本"), "????? ??");
        assert_eq!(win_ansi('\u{81}'), None);
    }
}
