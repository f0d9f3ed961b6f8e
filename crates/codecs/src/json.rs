//! JSON for every format the app stores or shares: draft envelopes, settings, histories, the
//! trash, backups, reviews and Markdown front matter.
//!
//! Why not serde_json: its parser, writer and the derived codecs cost about 60 KB of wasm, a
//! fifth of the bundle budget, for formats of a few flat objects each. This module is a strict
//! RFC 8259 reader with line and column errors, a compact and a pretty writer, and [`Fields`],
//! which reads an object field by field with errors a decoder can put in a sentence.
//!
//! Invariants: objects keep their fields in the order written (a repeated key keeps its first
//! place and its last value); numbers keep the text they were written as, so integers of any size
//! are read exactly and nothing is rounded; nesting deeper than [`MAX_DEPTH`] is refused rather
//! than overflowing the stack.

use std::fmt::{self, Write as _};

use thiserror::Error;

/// The deepest nesting read; our formats nest four levels.
pub const MAX_DEPTH: usize = 128;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Value>),
    Object(Object),
}

/// A number as written, checked against JSON's grammar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Number(String);

impl Number {
    /// The number as a whole, non-negative integer, when it is written as one.
    pub fn as_u64(&self) -> Option<u64> {
        self.0.parse().ok()
    }
}

/// An object's fields, in the order written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Object(Vec<(String, Value)>);

impl Object {
    pub fn new() -> Object {
        Object(Vec::new())
    }

    /// Adds a field, builder style.
    pub fn with(mut self, key: &str, value: impl Into<Value>) -> Object {
        self.insert(key, value.into());
        self
    }

    /// Sets a field: a key already present keeps its place and takes the new value.
    pub fn insert(&mut self, key: &str, value: Value) {
        match self.0.iter_mut().find(|(k, _)| k == key) {
            Some((_, slot)) => *slot = value,
            None => self.0.push((key.to_owned(), value)),
        }
    }

    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn remove(&mut self, key: &str) -> Option<Value> {
        let at = self.0.iter().position(|(k, _)| k == key)?;
        Some(self.0.remove(at).1)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl IntoIterator for Object {
    type Item = (String, Value);
    type IntoIter = std::vec::IntoIter<(String, Value)>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl Value {
    /// The field `key` of an object; `None` for a missing field or a value that is no object.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object()?.get(key)
    }

    pub fn as_object(&self) -> Option<&Object> {
        if let Value::Object(object) = self { Some(object) } else { None }
    }

    pub fn as_array(&self) -> Option<&[Value]> {
        if let Value::Array(items) = self { Some(items) } else { None }
    }

    pub fn as_str(&self) -> Option<&str> {
        if let Value::String(text) = self { Some(text) } else { None }
    }

    pub fn as_bool(&self) -> Option<bool> {
        if let Value::Bool(flag) = self { Some(*flag) } else { None }
    }

    pub fn as_u64(&self) -> Option<u64> {
        if let Value::Number(number) = self { number.as_u64() } else { None }
    }

    /// What the value is, for error messages: "a string", "an object"...
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "a list",
            Value::Object(_) => "an object",
        }
    }

    /// Indented by two spaces per level, for files people may open.
    pub fn to_pretty(&self) -> String {
        let mut out = String::new();
        write_value(&mut out, self, Some(0));
        out
    }
}

/// Compact, with no spaces.
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        write_value(&mut out, self, None);
        f.write_str(&out)
    }
}

impl From<&str> for Value {
    fn from(text: &str) -> Value {
        Value::String(text.to_owned())
    }
}

impl From<String> for Value {
    fn from(text: String) -> Value {
        Value::String(text)
    }
}

impl From<&String> for Value {
    fn from(text: &String) -> Value {
        Value::String(text.clone())
    }
}

impl From<u64> for Value {
    fn from(number: u64) -> Value {
        Value::Number(Number(number.to_string()))
    }
}

impl From<u32> for Value {
    fn from(number: u32) -> Value {
        Value::from(u64::from(number))
    }
}

impl From<bool> for Value {
    fn from(flag: bool) -> Value {
        Value::Bool(flag)
    }
}

impl From<Object> for Value {
    fn from(object: Object) -> Value {
        Value::Object(object)
    }
}

impl From<Vec<Value>> for Value {
    fn from(items: Vec<Value>) -> Value {
        Value::Array(items)
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(value: Option<T>) -> Value {
        value.map_or(Value::Null, Into::into)
    }
}

fn write_value(out: &mut String, value: &Value, indent: Option<usize>) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(flag) => out.push_str(if *flag { "true" } else { "false" }),
        Value::Number(Number(text)) => out.push_str(text),
        Value::String(text) => write_string(out, text),
        Value::Array(items) => {
            write_list(out, '[', ']', items.iter().map(|item| (None, item)), items.is_empty(), indent);
        }
        Value::Object(object) => {
            let fields = object.0.iter().map(|(key, value)| (Some(key.as_str()), value));
            write_list(out, '{', '}', fields, object.is_empty(), indent);
        }
    }
}

/// An array or object: compact, or (as serde_json and JSON.stringify(v, null, 2) write it) one
/// item per line, with `"key": value`.
fn write_list<'a>(
    out: &mut String,
    open: char,
    close: char,
    items: impl Iterator<Item = (Option<&'a str>, &'a Value)>,
    empty: bool,
    indent: Option<usize>,
) {
    out.push(open);
    let inner = indent.map(|level| level + 1);
    for (index, (key, value)) in items.enumerate() {
        if index > 0 {
            out.push(',');
        }
        if let Some(level) = inner {
            new_line(out, level);
        }
        if let Some(key) = key {
            write_string(out, key);
            out.push_str(if indent.is_some() { ": " } else { ":" });
        }
        write_value(out, value, inner);
    }
    if let (Some(level), false) = (indent, empty) {
        new_line(out, level);
    }
    out.push(close);
}

fn new_line(out: &mut String, level: usize) {
    out.push('\n');
    out.extend(std::iter::repeat_n(' ', 2 * level));
}

fn write_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c < ' ' => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Why a text is not JSON, and where: the line (from 1) and the column (in characters, from 1;
/// 0 before the first character of a line).
#[derive(Clone, Debug, Error, PartialEq, Eq)]
#[error("{message} at line {line}, column {column}")]
pub struct SyntaxError {
    pub line: usize,
    pub column: usize,
    pub message: &'static str,
}

/// Reads one JSON value; only white space may follow it.
pub fn parse(text: &str) -> Result<Value, SyntaxError> {
    let mut reader = Reader { text, at: 0 };
    let value = reader.value(0)?;
    reader.skip_space();
    if reader.at < text.len() {
        return Err(reader.error_here("trailing characters after the value"));
    }
    Ok(value)
}

struct Reader<'a> {
    text: &'a str,
    /// A byte offset, always on a character boundary.
    at: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// An error at the next character (counted in the column), or at the end of the text.
    fn error_here(&self, message: &'static str) -> SyntaxError {
        let end = self.text[self.at..].chars().next().map_or(self.at, |c| self.at + c.len_utf8());
        let before = &self.text[..end];
        let line_start = before.rfind('\n').map_or(0, |n| n + 1);
        SyntaxError { line: 1 + before.matches('\n').count(), column: before[line_start..].chars().count(), message }
    }

    fn expect_more(&self, what: &'static str) -> Result<u8, SyntaxError> {
        self.peek().ok_or_else(|| self.error_here(what))
    }

    fn value(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        if depth > MAX_DEPTH {
            return Err(self.error_here("the values are nested too deeply"));
        }
        self.skip_space();
        match self.expect_more("EOF while parsing a value")? {
            b'{' => self.object(depth),
            b'[' => self.array(depth),
            b'"' => Ok(Value::String(self.string()?)),
            b'-' | b'0'..=b'9' => self.number(),
            _ => {
                for (word, value) in [("null", Value::Null), ("true", Value::Bool(true)), ("false", Value::Bool(false))] {
                    if self.text[self.at..].starts_with(word) {
                        self.at += word.len();
                        return Ok(value);
                    }
                }
                Err(self.error_here("expected a value"))
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        self.at += 1;
        let mut object = Object::new();
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Value::Object(object));
        }
        loop {
            self.skip_space();
            if self.expect_more("EOF while parsing an object")? != b'"' {
                return Err(self.error_here("a key must be a string"));
            }
            let key = self.string()?;
            self.skip_space();
            if self.expect_more("EOF while parsing an object")? != b':' {
                return Err(self.error_here("expected “:” after a key"));
            }
            self.at += 1;
            let value = self.value(depth + 1)?;
            object.insert(&key, value);
            self.skip_space();
            match self.expect_more("EOF while parsing an object")? {
                b',' => self.at += 1,
                b'}' => {
                    self.at += 1;
                    return Ok(Value::Object(object));
                }
                _ => return Err(self.error_here("expected “,” or “}” after a field")),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        self.at += 1;
        let mut items = Vec::new();
        self.skip_space();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value(depth + 1)?);
            self.skip_space();
            match self.expect_more("EOF while parsing a list")? {
                b',' => self.at += 1,
                b']' => {
                    self.at += 1;
                    return Ok(Value::Array(items));
                }
                _ => return Err(self.error_here("expected “,” or “]” after an item")),
            }
        }
    }

    fn number(&mut self) -> Result<Value, SyntaxError> {
        let start = self.at;
        let digits = |reader: &mut Self| {
            let from = reader.at;
            while reader.peek().is_some_and(|b| b.is_ascii_digit()) {
                reader.at += 1;
            }
            reader.at > from
        };
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        // No leading zeros: "01" is the number 0 followed by trailing characters.
        if self.peek() == Some(b'0') {
            self.at += 1;
        } else if !digits(self) {
            return Err(self.error_here("invalid number"));
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if !digits(self) {
                return Err(self.error_here("invalid number"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if !digits(self) {
                return Err(self.error_here("invalid number"));
            }
        }
        Ok(Value::Number(Number(self.text[start..self.at].to_owned())))
    }

    /// A string, from its opening quote.
    fn string(&mut self) -> Result<String, SyntaxError> {
        self.at += 1;
        let mut out = String::new();
        loop {
            let run = self.text[self.at..].find(|c: char| c == '"' || c == '\\' || c < ' ');
            let Some(run) = run else {
                self.at = self.text.len();
                return Err(self.error_here("EOF while parsing a string"));
            };
            out.push_str(&self.text[self.at..self.at + run]);
            self.at += run;
            match self.text.as_bytes()[self.at] {
                b'"' => {
                    self.at += 1;
                    return Ok(out);
                }
                b'\\' => {
                    self.at += 1;
                    out.push(self.escape()?);
                }
                _ => return Err(self.error_here("a control character must be escaped inside a string")),
            }
        }
    }

    /// The character of an escape, from after its backslash.
    fn escape(&mut self) -> Result<char, SyntaxError> {
        let c = match self.expect_more("EOF while parsing a string")? {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                self.at += 1;
                let first = self.hex4()?;
                if !(0xD800..0xE000).contains(&first) {
                    return char::from_u32(first).ok_or_else(|| self.error_here("invalid escape"));
                }
                if first >= 0xDC00 || !self.text[self.at..].starts_with("\\u") {
                    return Err(self.error_here("a lone surrogate in a \\u escape"));
                }
                self.at += 2;
                let second = self.hex4()?;
                if !(0xDC00..0xE000).contains(&second) {
                    return Err(self.error_here("a lone surrogate in a \\u escape"));
                }
                let scalar = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                return char::from_u32(scalar).ok_or_else(|| self.error_here("invalid escape"));
            }
            _ => return Err(self.error_here("invalid escape")),
        };
        self.at += 1;
        Ok(c)
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let digits = self.text.get(self.at..self.at + 4).filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()));
        let Some(digits) = digits else {
            return Err(self.error_here("invalid \\u escape: four hexadecimal digits must follow"));
        };
        self.at += 4;
        Ok(u32::from_str_radix(digits, 16).unwrap_or_default())
    }
}

/// The fields of an object, read one by one by a decoder. Every error is a short phrase that
/// names the field ("missing field `title`"), for the decoder's own sentence.
pub struct Fields<'a> {
    object: &'a Object,
}

impl<'a> Fields<'a> {
    /// The object in `value`; with `known` given, any other field is refused, so that a
    /// format is never half-read by a version that does not know all of it.
    pub fn of(value: &'a Value, known: Option<&[&str]>) -> Result<Fields<'a>, String> {
        let Some(object) = value.as_object() else {
            return Err(format!("expected an object, found {}", value.kind()));
        };
        if let Some(known) = known
            && let Some((key, _)) = object.iter().find(|(key, _)| !known.contains(key))
        {
            return Err(format!("unknown field `{key}`"));
        }
        Ok(Fields { object })
    }

    /// A required field.
    pub fn value(&self, key: &str) -> Result<&'a Value, String> {
        self.object.get(key).ok_or_else(|| format!("missing field `{key}`"))
    }

    pub fn string(&self, key: &str) -> Result<String, String> {
        self.typed(key, Value::as_str, "a string").map(str::to_owned)
    }

    pub fn u64(&self, key: &str) -> Result<u64, String> {
        self.typed(key, Value::as_u64, "a whole number")
    }

    pub fn bool(&self, key: &str) -> Result<bool, String> {
        self.typed(key, Value::as_bool, "true or false")
    }

    /// A string that may be missing or null.
    pub fn optional_string(&self, key: &str) -> Result<Option<String>, String> {
        match self.object.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(_) => self.string(key).map(Some),
        }
    }

    fn typed<T>(&self, key: &str, read: fn(&'a Value) -> Option<T>, expected: &str) -> Result<T, String> {
        let value = self.value(key)?;
        read(value).ok_or_else(|| format!("the field `{key}` must be {expected}, not {}", value.kind()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_kind_of_value_and_writes_it_back_the_same() {
        let text = r#"{"a":null,"b":[true,false],"c":-0.5e+3,"d":"q\"\\/\b\f\n\r\t\u00e9\ud83c\udf89","e":{},"f":[],"g":18446744073709551615}"#;
        let value = parse(text).unwrap();
        assert_eq!(value.get("g").and_then(Value::as_u64), Some(u64::MAX), "integers are exact");
        assert_eq!(value.get("d").and_then(Value::as_str), Some("q\"\\/\u{8}\u{c}\n\r\té🎉"));
        assert_eq!(value.get("c").and_then(Value::as_u64), None);
        let written = value.to_string();
        assert_eq!(written, r#"{"a":null,"b":[true,false],"c":-0.5e+3,"d":"q\"\\/\b\f\n\r\té🎉","e":{},"f":[],"g":18446744073709551615}"#);
        assert_eq!(parse(&written), Ok(value.clone()));
        assert_eq!(parse(&value.to_pretty()), Ok(value));
    }

    #[test]
    fn writes_like_serde_json_and_json_stringify() {
        let value = Value::from(Object::new().with("k", vec![Value::from(1u64), Value::from("x\u{1}")]).with("e", Object::new()));
        assert_eq!(value.to_string(), "{\"k\":[1,\"x\\u0001\"],\"e\":{}}");
        assert_eq!(value.to_pretty(), "{\n  \"k\": [\n    1,\n    \"x\\u0001\"\n  ],\n  \"e\": {}\n}");
    }

    #[test]
    fn keeps_field_order_and_the_last_of_a_repeated_key() {
        let value = parse(r#"{"z":1,"a":2,"z":3}"#).unwrap();
        let keys: Vec<&str> = value.as_object().unwrap().iter().map(|(k, _)| k).collect();
        assert_eq!(keys, ["z", "a"]);
        assert_eq!(value.get("z").and_then(Value::as_u64), Some(3));
    }

    #[test]
    fn refuses_what_is_not_json_with_its_position() {
        let table: &[(&str, usize, usize, &str)] = &[
            ("", 1, 0, "EOF while parsing a value"),
            ("{\"schema\":1,\n\"draft\":", 2, 8, "EOF while parsing a value"),
            ("{\"a\" 1}", 1, 6, "expected “:” after a key"),
            ("{a:1}", 1, 2, "a key must be a string"),
            ("[1 2]", 1, 4, "expected “,” or “]” after an item"),
            ("[1,]", 1, 4, "expected a value"),
            ("01", 1, 2, "trailing characters after the value"),
            ("-", 1, 1, "invalid number"),
            ("1.", 1, 2, "invalid number"),
            ("\"ab", 1, 3, "EOF while parsing a string"),
            ("\"a\nb\"", 2, 0, "a control character must be escaped inside a string"),
            ("\"\\x\"", 1, 3, "invalid escape"),
            ("\"\\ud800\"", 1, 8, "a lone surrogate in a \\u escape"),
            ("\"\\u12\"", 1, 4, "invalid \\u escape: four hexadecimal digits must follow"),
            ("nul", 1, 1, "expected a value"),
            ("{} x", 1, 4, "trailing characters after the value"),
            ("ü", 1, 1, "expected a value"),
        ];
        for &(text, line, column, message) in table {
            assert_eq!(parse(text), Err(SyntaxError { line, column, message }), "{text:?}");
        }
        let deep = "[".repeat(MAX_DEPTH + 2);
        assert_eq!(parse(&deep).unwrap_err().message, "the values are nested too deeply");
        assert!(parse(&"[".repeat(MAX_DEPTH)).is_err_and(|e| e.message == "EOF while parsing a value"));
    }

    #[test]
    fn fields_name_what_is_wrong() {
        let value = parse(r#"{"s":"x","n":7,"b":true,"o":null,"extra":1}"#).unwrap();
        let fields = Fields::of(&value, None).unwrap();
        assert_eq!(fields.string("s"), Ok("x".into()));
        assert_eq!(fields.u64("n"), Ok(7));
        assert_eq!(fields.bool("b"), Ok(true));
        assert_eq!(fields.optional_string("o"), Ok(None));
        assert_eq!(fields.optional_string("absent"), Ok(None));
        assert_eq!(fields.string("n"), Err("the field `n` must be a string, not a number".into()));
        assert_eq!(fields.u64("missing"), Err("missing field `missing`".into()));
        assert_eq!(Fields::of(&value, Some(&["s", "n", "b", "o"])).err(), Some("unknown field `extra`".into()));
        assert_eq!(Fields::of(&Value::Null, None).err(), Some("expected an object, found null".into()));
    }
}
