//! The small part of ZIP that DOCX needs. Writing stores entries uncompressed (valid for every
//! reader, and no compressor in the bundle); reading also inflates deflated entries, since a
//! document saved again by Word or LibreOffice comes back compressed.

use thiserror::Error;

#[derive(Debug, Error, PartialEq, Eq)]
pub enum ZipError {
    #[error("the file is not a ZIP archive (no end-of-directory record)")]
    NotZip,
    #[error("the ZIP archive is damaged ({0})")]
    Damaged(&'static str),
    #[error("an entry uses a compression method ({0}) this editor cannot read")]
    Method(u16),
    #[error("the archive would unpack to more than {0} MB, far more than a document needs (it may be damaged, or made to exhaust memory)")]
    TooLarge(usize),
}

/// What one archive may unpack to, all entries together, so a crafted file cannot exhaust memory.
pub const MAX_ENTRY_BYTES: usize = 16 * 1024 * 1024;

/// Builds a ZIP archive of stored entries.
pub fn write(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut directory = Vec::new();
    for (name, data) in entries {
        let offset = out.len() as u32;
        let crc = crc32(data);
        let header = |signature: u32, central: bool| {
            let mut h = Vec::new();
            h.extend_from_slice(&signature.to_le_bytes());
            if central {
                h.extend_from_slice(&20u16.to_le_bytes()); // made by
            }
            h.extend_from_slice(&20u16.to_le_bytes()); // version needed
            h.extend_from_slice(&0x0800u16.to_le_bytes()); // UTF-8 names
            h.extend_from_slice(&0u16.to_le_bytes()); // stored
            h.extend_from_slice(&0u16.to_le_bytes()); // time
            h.extend_from_slice(&0x21u16.to_le_bytes()); // date: 1980-01-01
            h.extend_from_slice(&crc.to_le_bytes());
            h.extend_from_slice(&(data.len() as u32).to_le_bytes());
            h.extend_from_slice(&(data.len() as u32).to_le_bytes());
            h.extend_from_slice(&(name.len() as u16).to_le_bytes());
            h.extend_from_slice(&0u16.to_le_bytes()); // extra
            if central {
                h.extend_from_slice(&[0; 6]); // comment length, disk, internal attributes
                h.extend_from_slice(&0u32.to_le_bytes()); // external attributes
                h.extend_from_slice(&offset.to_le_bytes());
            }
            h.extend_from_slice(name.as_bytes());
            h
        };
        out.extend(header(0x0403_4b50, false));
        out.extend_from_slice(data);
        directory.extend(header(0x0201_4b50, true));
    }
    let directory_offset = out.len() as u32;
    out.extend_from_slice(&directory);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&[0; 4]);
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(directory.len() as u32).to_le_bytes());
    out.extend_from_slice(&directory_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

/// Reads one entry by name; `Ok(None)` when the archive has no such entry.
pub fn read_entry(archive: &[u8], wanted: &str) -> Result<Option<Vec<u8>>, ZipError> {
    Archive::open(archive)?.read(wanted)
}

/// An archive read entry by entry, with one budget for everything it unpacks, so that many
/// entries just under the cap cannot add up past it either.
pub struct Archive<'a> {
    bytes: &'a [u8],
    /// Offsets of the central directory's entries.
    entries: Vec<usize>,
    left: usize,
}

impl<'a> Archive<'a> {
    pub fn open(bytes: &'a [u8]) -> Result<Archive<'a>, ZipError> {
        let end = (0..bytes.len().saturating_sub(21)).rev().find(|&i| u32_at(bytes, i) == Some(0x0605_4b50)).ok_or(ZipError::NotZip)?;
        let count = u16_at(bytes, end + 10).ok_or(ZipError::Damaged("directory"))? as usize;
        let mut at = u32_at(bytes, end + 16).ok_or(ZipError::Damaged("directory"))? as usize;
        let mut entries = Vec::with_capacity(count.min(4096));
        for _ in 0..count {
            if u32_at(bytes, at) != Some(0x0201_4b50) {
                return Err(ZipError::Damaged("directory entry"));
            }
            entries.push(at);
            let field = |offset| u16_at(bytes, at + offset).map(usize::from).ok_or(ZipError::Damaged("directory entry"));
            at += 46 + field(28)? + field(30)? + field(32)?;
        }
        Ok(Archive { bytes, entries, left: MAX_ENTRY_BYTES })
    }

    /// The names of the entries, in directory order.
    pub fn names(&self) -> impl Iterator<Item = &'a [u8]> + '_ {
        self.entries.iter().filter_map(|&at| {
            let len = usize::from(u16_at(self.bytes, at + 28)?);
            self.bytes.get(at + 46..at + 46 + len)
        })
    }

    pub fn contains(&self, name: &str) -> bool {
        self.names().any(|n| n == name.as_bytes())
    }

    /// Unpacks one entry; `Ok(None)` when there is none of that name.
    pub fn read(&mut self, wanted: &str) -> Result<Option<Vec<u8>>, ZipError> {
        let bytes = self.bytes;
        let Some(at) = self.entries.iter().copied().find(|&at| {
            let len = u16_at(bytes, at + 28).map_or(0, usize::from);
            bytes.get(at + 46..at + 46 + len) == Some(wanted.as_bytes())
        }) else {
            return Ok(None);
        };
        let method = u16_at(bytes, at + 10).ok_or(ZipError::Damaged("directory entry"))?;
        let compressed = u32_at(bytes, at + 20).ok_or(ZipError::Damaged("sizes"))? as usize;
        let size = u32_at(bytes, at + 24).ok_or(ZipError::Damaged("sizes"))? as usize;
        let local = u32_at(bytes, at + 42).ok_or(ZipError::Damaged("offset"))? as usize;
        if size > self.left {
            return Err(ZipError::TooLarge(MAX_ENTRY_BYTES >> 20));
        }
        let local_name = u16_at(bytes, local + 26).ok_or(ZipError::Damaged("local header"))? as usize;
        let local_extra = u16_at(bytes, local + 28).ok_or(ZipError::Damaged("local header"))? as usize;
        let start = local + 30 + local_name + local_extra;
        let data = bytes.get(start..start + compressed).ok_or(ZipError::Damaged("entry data"))?;
        let out = match method {
            0 => data.to_vec(),
            // The stated size may lie: the cap holds for what inflating actually gives.
            8 => miniz_oxide::inflate::decompress_to_vec_with_limit(data, self.left).map_err(|e| match e.status {
                miniz_oxide::inflate::TINFLStatus::HasMoreOutput => ZipError::TooLarge(MAX_ENTRY_BYTES >> 20),
                _ => ZipError::Damaged("compressed data"),
            })?,
            other => return Err(ZipError::Method(other)),
        };
        self.left -= out.len().min(self.left);
        Ok(Some(out))
    }
}

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(bytes.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

/// CRC-32 (IEEE), bit by bit: small, and fast enough for documents of a few pages.
pub fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_matches_the_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn written_archives_read_back() {
        let archive = write(&[("a.txt", b"hello"), ("dir/b.xml", "<x>ünï</x>".as_bytes())]);
        assert_eq!(read_entry(&archive, "dir/b.xml"), Ok(Some("<x>ünï</x>".as_bytes().to_vec())));
        assert_eq!(read_entry(&archive, "a.txt"), Ok(Some(b"hello".to_vec())));
        assert_eq!(read_entry(&archive, "missing"), Ok(None));
        assert_eq!(read_entry(b"not a zip at all, not at all", "a"), Err(ZipError::NotZip));
    }

    #[test]
    fn truncated_and_shifted_archives_get_the_error_of_what_is_missing() {
        let archive = write(&[("a.txt", b"hello"), ("dir/b.xml", b"<x/>")]);
        let end = archive.len();
        let table: [(&str, &[u8], ZipError); 3] = [
            ("tail cut into the end record", &archive[..end - 30], ZipError::NotZip),
            ("head cut: the directory offset points past its entries", &archive[10..], ZipError::Damaged("directory entry")),
            ("everything before the directory gone", &archive[end - 22 - 2 * 46 - 14..], ZipError::Damaged("directory entry")),
        ];
        for (what, bytes, expected) in table {
            assert_eq!(read_entry(bytes, "a.txt"), Err(expected), "{what}");
        }
    }
}
