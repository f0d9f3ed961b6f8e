//! A small deflate compressor (RFC 1951) for share links: one block with the fixed Huffman
//! codes, and greedy matches found through hash chains. miniz_oxide's compressor would add
//! several times this code to the bundle for links about a tenth shorter; its inflater, which
//! the bundle has anyway for DOCX import, reads what this writes.

const WINDOW: usize = 32 * 1024;
const MIN_MATCH: usize = 3;
const MAX_MATCH: usize = 258;
const HASH_BITS: u32 = 14;
/// How many earlier positions with the same hash are tried for each match.
const MAX_CHAIN: usize = 96;
const NONE: usize = usize::MAX;

const LENGTH_BASE: [u16; 29] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LENGTH_EXTRA: [u8; 29] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DISTANCE_BASE: [u16; 30] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
];
const DISTANCE_EXTRA: [u8; 30] = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];

struct Bits {
    out: Vec<u8>,
    acc: u64,
    count: u32,
}

impl Bits {
    /// Extra bits and header fields go least significant bit first.
    fn put(&mut self, value: u32, bits: u32) {
        self.acc |= u64::from(value) << self.count;
        self.count += bits;
        while self.count >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.count -= 8;
        }
    }

    /// Huffman codes go most significant bit first.
    fn code(&mut self, code: u32, bits: u32) {
        self.put(code.reverse_bits() >> (32 - bits), bits);
    }

    /// A literal byte, the end of the block (256) or a length symbol (257 to 285).
    fn symbol(&mut self, symbol: u32) {
        match symbol {
            0..=143 => self.code(0x30 + symbol, 8),
            144..=255 => self.code(0x190 + symbol - 144, 9),
            256..=279 => self.code(symbol - 256, 7),
            _ => self.code(0xC0 + symbol - 280, 8),
        }
    }
}

/// `base` and `extra` tables: the last code whose base is at most `value`.
fn bucket(value: usize, base: &[u16]) -> usize {
    base.iter().rposition(|&b| usize::from(b) <= value).unwrap_or(0)
}

/// Raw deflate of `data`, readable by any inflater.
pub fn compress(data: &[u8]) -> Vec<u8> {
    let mut bits = Bits { out: Vec::with_capacity(data.len() / 2 + 8), acc: 0, count: 0 };
    bits.put(0b011, 3); // the final block, with fixed codes
    let mut head = vec![NONE; 1 << HASH_BITS];
    let mut prev = vec![NONE; WINDOW];
    let hash = |i: usize| {
        let v = u32::from(data[i]) << 16 | u32::from(data[i + 1]) << 8 | u32::from(data[i + 2]);
        (v.wrapping_mul(0x9E37_79B1) >> (32 - HASH_BITS)) as usize
    };
    let insert = |i: usize, head: &mut [usize], prev: &mut [usize]| {
        if i + MIN_MATCH <= data.len() {
            let h = hash(i);
            prev[i % WINDOW] = head[h];
            head[h] = i;
        }
    };
    let mut i = 0;
    while i < data.len() {
        let (mut best, mut distance) = (0, 0);
        if i + MIN_MATCH <= data.len() {
            let longest = (data.len() - i).min(MAX_MATCH);
            let mut candidate = head[hash(i)];
            for _ in 0..MAX_CHAIN {
                if candidate == NONE || i - candidate > WINDOW {
                    break;
                }
                let length = data[candidate..].iter().zip(&data[i..i + longest]).take_while(|(a, b)| a == b).count();
                if length > best {
                    (best, distance) = (length, i - candidate);
                    if length == longest {
                        break;
                    }
                }
                // A slot reused by a newer position would lead forward: the chain ends there.
                let next = prev[candidate % WINDOW];
                if next >= candidate {
                    break;
                }
                candidate = next;
            }
        }
        if best >= MIN_MATCH {
            let code = bucket(best, &LENGTH_BASE);
            bits.symbol(257 + code as u32);
            bits.put((best - usize::from(LENGTH_BASE[code])) as u32, u32::from(LENGTH_EXTRA[code]));
            let code = bucket(distance, &DISTANCE_BASE);
            bits.code(code as u32, 5);
            bits.put((distance - usize::from(DISTANCE_BASE[code])) as u32, u32::from(DISTANCE_EXTRA[code]));
            for j in i..i + best {
                insert(j, &mut head, &mut prev);
            }
            i += best;
        } else {
            bits.symbol(u32::from(data[i]));
            insert(i, &mut head, &mut prev);
            i += 1;
        }
    }
    bits.symbol(256);
    if bits.count > 0 {
        bits.out.push(bits.acc as u8);
    }
    bits.out
}

#[cfg(test)]
mod tests {
    use super::compress;
    use miniz_oxide::inflate::decompress_to_vec;

    #[test]
    fn inflates_back_to_the_input() {
        let text = "Best Practice Forum on Gender and Digital Rights — 日本語 🎉. ".repeat(40);
        let mut noise = Vec::new();
        let mut state = 0x2545_F491_u32;
        for _ in 0..70_000 {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            noise.push(if state.is_multiple_of(4) { (state >> 8) as u8 } else { b"abc{}\":, "[(state % 9) as usize] });
        }
        let long_run = vec![b'x'; 100_000];
        let inputs: [&[u8]; 7] = [b"", b"a", b"ab", b"abcabcabcabc", text.as_bytes(), &noise, &long_run];
        for input in inputs {
            assert_eq!(decompress_to_vec(&compress(input)).ok().as_deref(), Some(input), "{} bytes", input.len());
        }
    }

    #[test]
    fn compresses_json_nearly_as_well_as_miniz() {
        let json = format!(
            "{{\"schema\":2,\"draft\":{{\"title\":\"Youth\",\"sections\":{{\"purpose\":\"{}\"}}}}}}",
            "To bring young people into the programme, with balanced participation from every stakeholder group and region. ".repeat(12)
        );
        let ours = compress(json.as_bytes()).len();
        let miniz = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 9).len();
        assert!(ours * 100 <= miniz * 125, "ours {ours} bytes, miniz {miniz} bytes");
    }
}
