//! The PDF file itself: numbered objects, streams (compressed with deflate), the cross-reference
//! table and the trailer; and the text strings and metadata they hold.

use igf_codecs::deflate;

/// Objects numbered from 1, written in that order.
#[derive(Default)]
pub(super) struct File {
    objects: Vec<Vec<u8>>,
}

impl File {
    /// A number for an object written later with [`File::put`] or [`File::stream`].
    pub(super) fn reserve(&mut self) -> usize {
        self.objects.push(Vec::new());
        self.objects.len()
    }

    pub(super) fn put(&mut self, number: usize, body: String) {
        if let Some(slot) = self.objects.get_mut(number - 1) {
            *slot = body.into_bytes();
        }
    }

    /// A stream compressed with deflate (zlib format, as FlateDecode reads it); `entries` go into
    /// its dictionary.
    pub(super) fn stream(&mut self, number: usize, entries: &str, data: &[u8]) {
        let mut compressed = vec![0x78, 0x01];
        compressed.extend_from_slice(&deflate::compress(data));
        compressed.extend_from_slice(&adler32(data).to_be_bytes());
        self.raw_stream(number, &format!("/Filter /FlateDecode {entries}"), &compressed);
    }

    /// A stream stored as it is (the XMP metadata, which readers expect in plain text).
    pub(super) fn raw_stream(&mut self, number: usize, entries: &str, data: &[u8]) {
        let mut body = format!("<< {entries} /Length {} >>\nstream\n", data.len()).into_bytes();
        body.extend_from_slice(data);
        body.extend_from_slice(b"\nendstream");
        if let Some(slot) = self.objects.get_mut(number - 1) {
            *slot = body;
        }
    }

    /// The whole file, PDF 1.7, with `root` as its catalog, `info` as its information
    /// dictionary and `id` (32 hex digits) as its identifier.
    pub(super) fn finish(self, root: usize, info: usize, id: &str) -> Vec<u8> {
        // The comment of bytes above 127 tells transfer programs the file is binary.
        let mut out = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec();
        let mut offsets = Vec::with_capacity(self.objects.len());
        for (n, object) in self.objects.iter().enumerate() {
            offsets.push(out.len());
            out.extend_from_slice(format!("{} 0 obj\n", n + 1).as_bytes());
            out.extend_from_slice(object);
            out.extend_from_slice(b"\nendobj\n");
        }
        let xref = out.len();
        let mut table = format!("xref\n0 {}\n0000000000 65535 f \n", self.objects.len() + 1);
        for offset in offsets {
            table.push_str(&format!("{offset:010} 00000 n \n"));
        }
        table.push_str(&format!(
            "trailer\n<< /Size {} /Root {root} 0 R /Info {info} 0 R /ID [<{id}> <{id}>] >>\nstartxref\n{xref}\n%%EOF\n",
            self.objects.len() + 1
        ));
        out.extend_from_slice(table.as_bytes());
        out
    }
}

fn adler32(data: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    for chunk in data.chunks(5552) {
        for &byte in chunk {
            a += u32::from(byte);
            b += a;
        }
        a %= 65_521;
        b %= 65_521;
    }
    (b << 16) | a
}

/// Text as UTF-16BE, in hex digits.
pub(super) fn utf16_hex(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 4);
    for unit in text.encode_utf16() {
        push_hex(&mut out, unit);
    }
    out
}

/// Four hex digits.
pub(super) fn push_hex(out: &mut String, value: u16) {
    const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
    for shift in [12, 8, 4, 0] {
        out.push(char::from(DIGITS[usize::from((value >> shift) & 0xF)]));
    }
}

/// A PDF text string: UTF-16BE with a byte-order mark, in hex.
pub(super) fn text_string(text: &str) -> String {
    format!("<FEFF{}>", utf16_hex(text))
}

/// A string of bytes in hex (a URI, which must be ASCII: anything else is percent-encoded).
pub(super) fn ascii_string(text: &str) -> String {
    let mut ascii = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_graphic() {
            ascii.push(char::from(byte));
        } else {
            ascii.push_str(&format!("%{byte:02X}"));
        }
    }
    let mut out = String::from("<");
    for byte in ascii.bytes() {
        out.push_str(&format!("{byte:02X}"));
    }
    out.push('>');
    out
}

/// The XMP metadata: title, language, producer, and the claim of PDF/UA-1.
pub(super) fn xmp(title: &str, producer: &str) -> String {
    let title = crate::formats::escape_markup(title);
    let producer = crate::formats::escape_markup(producer);
    format!(
        "<?xpacket begin=\"\u{FEFF}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n\
<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n\
<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n\
<dc:format>application/pdf</dc:format>\n\
<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{title}</rdf:li></rdf:Alt></dc:title>\n\
<dc:language><rdf:Bag><rdf:li>en-GB</rdf:li></rdf:Bag></dc:language>\n\
<pdf:Producer>{producer}</pdf:Producer>\n\
<xmp:CreatorTool>{producer}</xmp:CreatorTool>\n\
<pdfuaid:part>1</pdfuaid:part>\n\
</rdf:Description>\n</rdf:RDF></x:xmpmeta>\n<?xpacket end=\"w\"?>"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_and_checksums() {
        assert_eq!(text_string("Łódź 😀"), "<FEFF014100F30064017A0020D83DDE00>");
        let hex = |ascii: &str| format!("<{}>", ascii.bytes().map(|b| format!("{b:02X}")).collect::<String>());
        assert_eq!(ascii_string("https://e.org/Ł (x)"), hex("https://e.org/%C5%81%20(x)"));
        assert_eq!(adler32(b"Wikipedia"), 0x11E6_0398);
        let bytes = miniz_oxide::inflate::decompress_to_vec_zlib(&{
            let mut file = File::default();
            let n = file.reserve();
            file.stream(n, "", b"hello hello hello");
            let object = file.objects.remove(0);
            let start = object.windows(7).position(|w| w == b"stream\n").unwrap() + 7;
            object[start..object.len() - 10].to_vec()
        })
        .unwrap();
        assert_eq!(bytes, b"hello hello hello");
    }
}
