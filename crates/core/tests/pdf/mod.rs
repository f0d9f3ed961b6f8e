//! The fonts the PDF embeds, read once from static/fonts/ (the very files the browser fetches).
//! Shared by the integration tests and the benchmarks.

// Each test binary and benchmark uses a part of these helpers.
#![allow(dead_code)]

use std::sync::{Arc, OnceLock};

use igf_core::formats::pdf::{FontFile, Fonts};

pub fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| {
        let mut fonts = Fonts::default();
        for file in FontFile::ALL {
            fonts.insert(file, Arc::from(font_bytes(file)));
        }
        fonts
    })
}

pub fn font_bytes(file: FontFile) -> Vec<u8> {
    let path = format!("{}/../../static/fonts/{}", env!("CARGO_MANIFEST_DIR"), file.file_name());
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// One object of a PDF we wrote: its dictionary (or other text) and its stream, inflated.
pub struct Object {
    pub dict: String,
    pub stream: Option<Vec<u8>>,
}

/// The objects of a PDF we wrote, by number (our writer puts each on its own, uncompressed).
pub fn objects(pdf: &[u8]) -> std::collections::BTreeMap<usize, Object> {
    let mut out = std::collections::BTreeMap::new();
    let mut at = 0;
    while let Some(found) = find(&pdf[at..], b" 0 obj\n") {
        let start = at + found;
        let number_start = pdf[..start].iter().rposition(|&b| b == b'\n').map_or(0, |n| n + 1);
        let number: usize = std::str::from_utf8(&pdf[number_start..start]).unwrap().parse().expect("an object number");
        let body = start + " 0 obj\n".len();
        let end = body + find(&pdf[body..], b"\nendobj\n").expect("endobj");
        let object = &pdf[body..end];
        let (dict, stream) = match find(object, b">>\nstream\n") {
            Some(s) => {
                let data = &object[s + ">>\nstream\n".len()..object.len() - "\nendstream".len()];
                let dict = String::from_utf8_lossy(&object[..s + 2]).into_owned();
                let data = if dict.contains("/FlateDecode") { miniz_oxide::inflate::decompress_to_vec_zlib(data).expect("a valid deflate stream") } else { data.to_vec() };
                (dict, Some(data))
            }
            None => (String::from_utf8_lossy(object).into_owned(), None),
        };
        out.insert(number, Object { dict, stream });
        at = end;
    }
    out
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The numbers `/<key> N 0 R` refers to, in order.
pub fn refs(dict: &str, key: &str) -> Vec<usize> {
    dict.match_indices(key).filter_map(|(i, _)| dict[i + key.len()..].split_whitespace().next()?.parse().ok()).collect()
}

/// The text of each page, as a reader gets it through the fonts' ToUnicode maps: one line per
/// text object (`BT` to `ET`).
pub fn page_texts(pdf: &[u8]) -> Vec<String> {
    let objects = objects(pdf);
    let unicode_of = |font: usize| -> std::collections::BTreeMap<u16, String> {
        let map = objects[&refs(&objects[&font].dict, "/ToUnicode ")[0]].stream.clone().unwrap_or_default();
        let map = String::from_utf8(map).unwrap();
        map.lines()
            .filter_map(|line| {
                let (cid, text) = line.strip_prefix('<')?.split_once("> <")?;
                let units: Vec<u16> = text.trim_end_matches('>').as_bytes().chunks(4).map(|h| u16::from_str_radix(std::str::from_utf8(h).unwrap(), 16).unwrap()).collect();
                Some((u16::from_str_radix(cid, 16).ok()?, String::from_utf16(&units).unwrap()))
            })
            .collect()
    };
    let pages = objects.values().filter(|o| o.dict.contains("/Type /Page "));
    pages
        .map(|page| {
            let resources = &objects[&refs(&page.dict, "/Resources ")[0]].dict;
            let fonts: std::collections::BTreeMap<String, _> = resources
                .split("/F")
                .skip(2)
                .filter_map(|entry| {
                    let mut words = entry.split_whitespace();
                    let name = words.next()?.to_owned();
                    Some((name, unicode_of(words.next()?.parse().ok()?)))
                })
                .collect();
            let content = String::from_utf8(objects[&refs(&page.dict, "/Contents ")[0]].stream.clone().unwrap()).unwrap();
            let mut text = String::new();
            let mut font = None;
            let words: Vec<&str> = content.split_whitespace().collect();
            for (i, word) in words.iter().enumerate() {
                if let Some(name) = word.strip_prefix("/F").filter(|_| words.get(i + 2) == Some(&"Tf")) {
                    font = fonts.get(name);
                } else if let (Some(hex), Some(map)) = (word.strip_prefix('<').and_then(|w| w.strip_suffix('>')), font) {
                    for cid in hex.as_bytes().chunks(4) {
                        let cid = u16::from_str_radix(std::str::from_utf8(cid).unwrap(), 16).unwrap();
                        text.push_str(map.get(&cid).map_or("\u{FFFD}", String::as_str));
                    }
                } else if *word == "ET" {
                    text.push('\n');
                }
            }
            text
        })
        .collect()
}
