//! Generic codecs that stand in for libraries: each is small, strict and tested on its own, and
//! none knows what a proposal is.
//!
//! - [`base64`]: standard and URL-safe alphabets.
//! - [`deflate`]: a fixed-Huffman compressor (inflation is miniz_oxide's).
//! - [`zip`]: reading and writing ZIP archives of stored or deflated entries, capped.
//! - [`xml`]: a strict XML reader with namespaces, no DOCTYPE and no entities, capped.
//! - [`html`]: a forgiving HTML reader for clipboard fragments, capped.
//! - [`decimal`]: decimals written with integer arithmetic.
//! - [`order`]: one small stable sort.
//! - [`truetype`]: reading TrueType fonts and writing subsets of them for PDF embedding.

pub mod base64;
pub mod decimal;
pub mod deflate;
pub mod order;
pub mod xml;
pub mod truetype;
pub mod zip;
pub mod html;
