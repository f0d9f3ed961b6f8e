//! serde_json at the editor's boundaries: where and why a text is not JSON, in the editor's own
//! words (the UI shows them with the line and column), and writing the editor's own types.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use thiserror::Error;

/// Why a text is not JSON, and where: the line (from 1) and the column (from 1; 0 before the
/// first character of a line).
#[derive(Clone, Debug, Error, PartialEq, Eq)]
#[error("{message} at line {line}, column {column}")]
pub struct SyntaxError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl From<serde_json::Error> for SyntaxError {
    fn from(error: serde_json::Error) -> SyntaxError {
        // serde_json appends " at line L column C" to its message; the line and column are kept apart.
        let text = error.to_string();
        let message = text.rfind(" at line ").map_or(text.as_str(), |at| &text[..at]);
        SyntaxError { line: error.line(), column: error.column(), message: sentence(message).to_owned() }
    }
}

/// serde_json's terse messages, as the sentences the editor has always shown.
fn sentence(message: &str) -> &str {
    match message {
        "expected value" | "expected ident" => "expected a value",
        "expected `:`" => "expected “:” after a key",
        "expected `,` or `]`" => "expected “,” or “]” after an item",
        "expected `,` or `}`" => "expected “,” or “}” after a field",
        "key must be a string" => "a key must be a string",
        "trailing characters" => "trailing characters after the value",
        "recursion limit exceeded" => "the values are nested too deeply",
        "control character (\\u0000-\\u001F) found while parsing a string" => "a control character must be escaped inside a string",
        other => other,
    }
}

/// Reads one JSON value; only white space may follow it.
pub fn parse(text: &str) -> Result<Value, SyntaxError> {
    Ok(serde_json::from_str(text)?)
}

/// Reads a `T` from a parsed value: read the format's version first, then the rest. The error is
/// serde's ("missing field `title`"), for the format's own sentence.
pub fn read<T: DeserializeOwned>(value: &Value) -> Result<T, String> {
    T::deserialize(value).map_err(|error| error.to_string())
}

/// Compact JSON of the editor's own types.
pub fn write(value: &impl Serialize) -> String {
    serde_json::to_string(value).expect("the editor's types have string keys and never fail to serialize")
}

/// Indented JSON of the editor's own types, for files people may read.
pub fn write_pretty(value: &impl Serialize) -> String {
    serde_json::to_string_pretty(value).expect("the editor's types have string keys and never fail to serialize")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_name_the_place_and_the_problem() {
        let table = [
            ("", 1, 0, "EOF while parsing a value"),
            ("{\"a\" 1}", 1, 6, "expected “:” after a key"),
            ("{a:1}", 1, 2, "a key must be a string"),
            ("[1 2]", 1, 4, "expected “,” or “]” after an item"),
            ("{\"schema\":2,\n\"draft\": [}", 2, 11, "expected a value"),
            ("[nul]", 1, 5, "expected a value"),
            ("{} x", 1, 4, "trailing characters after the value"),
        ];
        for (text, line, column, message) in table {
            assert_eq!(parse(text), Err(SyntaxError { line, column, message: message.into() }), "{text:?}");
        }
    }
}
