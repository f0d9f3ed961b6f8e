//! Base64 (RFC 4648): the standard alphabet with padding for CSP hashes and embedded data, and
//! the URL-safe alphabet without padding for share links.

const STANDARD: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const URL_SAFE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

pub fn encode(bytes: &[u8]) -> String {
    encode_with(bytes, STANDARD, true)
}

/// URL-safe alphabet, no padding: every character is unreserved in a URL.
pub fn encode_url(bytes: &[u8]) -> String {
    encode_with(bytes, URL_SAFE, false)
}

fn encode_with(bytes: &[u8], alphabet: &[u8; 64], pad: bool) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(alphabet[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else if pad {
                out.push('=');
            }
        }
    }
    out
}

/// Decodes either alphabet, without padding. `None` when a character is outside both alphabets
/// or the length cannot come from whole bytes.
pub fn decode(text: &str) -> Option<Vec<u8>> {
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
    let (mut acc, mut bits) = (0u32, 0u32);
    for byte in text.bytes() {
        let value = match byte {
            b'A'..=b'Z' => byte - b'A',
            b'a'..=b'z' => byte - b'a' + 26,
            b'0'..=b'9' => byte - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            _ => return None,
        };
        acc = acc << 6 | u32::from(value);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn matches_rfc_4648_vectors() {
        let table = [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy")];
        for (input, expected) in table {
            assert_eq!(super::encode(input.as_bytes()), expected);
            let unpadded = expected.trim_end_matches('=');
            assert_eq!(super::encode_url(input.as_bytes()), unpadded);
            assert_eq!(super::decode(unpadded).as_deref(), Some(input.as_bytes()));
        }
    }

    #[test]
    fn url_alphabet_round_trips_every_byte_and_reads_the_standard_one() {
        let bytes: Vec<u8> = (0..=255).chain((0..=255).rev()).collect();
        for len in 0..bytes.len() {
            let url = super::encode_url(&bytes[..len]);
            assert!(url.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'), "{url}");
            assert_eq!(super::decode(&url).as_deref(), Some(&bytes[..len]));
            let standard = super::encode(&bytes[..len]);
            assert_eq!(super::decode(standard.trim_end_matches('=')).as_deref(), Some(&bytes[..len]));
        }
        assert_eq!(super::decode("Zm9v!"), None);
        assert_eq!(super::decode("Zm9vY"), None, "one character left over cannot make a byte");
    }
}
