//! A strict, small XML reader for the parts of office documents: elements, attributes, text and
//! CDATA, with namespaces resolved. It refuses what documents never need and attacks use: a
//! DOCTYPE (so no entity can be defined or expanded), entities beyond the five predefined ones
//! and numeric references, nesting deeper than [`MAX_DEPTH`], more than [`MAX_NODES`] nodes.
//! Names and text borrow from the input; only text with references is copied.

use std::borrow::Cow;

use thiserror::Error;

/// Elements nested deeper than this are refused, so walking the tree cannot exhaust the stack.
pub const MAX_DEPTH: usize = 256;
/// Documents with more elements and text nodes than this are refused (memory stays bounded).
pub const MAX_NODES: usize = 1_000_000;

const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";

#[derive(Debug, Error, PartialEq, Eq)]
#[error("line {line}, column {column}: {what}")]
pub struct XmlError {
    pub line: usize,
    pub column: usize,
    pub what: &'static str,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node<'a> {
    Element(Element<'a>),
    Text(Cow<'a, str>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Element<'a> {
    /// The namespace name (URI), empty for none.
    pub ns: &'a str,
    pub name: &'a str,
    pub attributes: Vec<Attribute<'a>>,
    pub children: Vec<Node<'a>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribute<'a> {
    /// Empty for an unprefixed attribute.
    pub ns: &'a str,
    pub name: &'a str,
    pub value: Cow<'a, str>,
}

impl<'a> Element<'a> {
    pub fn is(&self, ns: &str, name: &str) -> bool {
        self.name == name && self.ns == ns
    }

    pub fn attr(&self, ns: &str, name: &str) -> Option<&str> {
        self.attributes.iter().find(|a| a.name == name && a.ns == ns).map(|a| &*a.value)
    }

    /// The child elements, in order.
    pub fn elements(&self) -> impl Iterator<Item = &Element<'a>> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    pub fn child(&self, ns: &str, name: &str) -> Option<&Element<'a>> {
        self.elements().find(|e| e.is(ns, name))
    }

    /// All text inside, in document order.
    pub fn text(&self) -> String {
        let mut out = String::new();
        self.push_text(&mut out);
        out
    }

    fn push_text(&self, out: &mut String) {
        for node in &self.children {
            match node {
                Node::Text(t) => out.push_str(t),
                Node::Element(e) => e.push_text(out),
            }
        }
    }
}

/// Parses a whole document into its root element.
pub fn parse(text: &str) -> Result<Element<'_>, XmlError> {
    let mut parser = Parser { text, at: 0, nodes: 0, scopes: Vec::new() };
    parser.run().map_err(|(at, what)| {
        let before = &text[..at.min(text.len())];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        XmlError { line, column, what }
    })
}

type Failure = (usize, &'static str);

struct Parser<'a> {
    text: &'a str,
    at: usize,
    nodes: usize,
    /// Namespace declarations in force: (prefix, URI), innermost last.
    scopes: Vec<(&'a str, &'a str)>,
}

/// An open element while its content is read.
struct Open<'a> {
    qname: &'a str,
    element: Element<'a>,
    scope_len: usize,
}

impl<'a> Parser<'a> {
    fn rest(&self) -> &'a str {
        &self.text[self.at..]
    }

    fn fail<T>(&self, what: &'static str) -> Result<T, Failure> {
        Err((self.at, what))
    }

    fn run(&mut self) -> Result<Element<'a>, Failure> {
        if self.rest().starts_with('\u{FEFF}') {
            self.at += 3;
        }
        let mut stack: Vec<Open<'a>> = Vec::new();
        let mut root = None;
        loop {
            let rest = self.rest();
            if rest.is_empty() {
                break;
            }
            if !rest.starts_with('<') {
                let end = rest.find('<').unwrap_or(rest.len());
                let raw = &rest[..end];
                match stack.last_mut() {
                    Some(open) => {
                        let text = self.decode(raw)?;
                        self.count()?;
                        open.element.children.push(Node::Text(text));
                    }
                    None if raw.trim_ascii().is_empty() => {}
                    None => return self.fail("text outside the root element"),
                }
                self.at += end;
            } else if rest.starts_with("<!--") {
                self.skip_past("-->", "a comment that is not closed")?;
            } else if rest.starts_with("<?") {
                self.skip_past("?>", "a processing instruction that is not closed")?;
            } else if rest.starts_with("<![CDATA[") {
                let Some(open) = stack.last_mut() else { return self.fail("CDATA outside the root element") };
                let Some(end) = rest.find("]]>") else { return self.fail("CDATA that is not closed") };
                open.element.children.push(Node::Text(Cow::Borrowed(&rest[9..end])));
                self.at += end + 3;
                self.count()?;
            } else if rest.starts_with("<!") {
                return self.fail("a DOCTYPE or other declaration, which documents never need");
            } else if rest.starts_with("</") {
                let Some(open) = stack.pop() else { return self.fail("an end tag without a start tag") };
                let end = rest.find('>').map_or(rest.len(), |e| e);
                if rest[2..end].trim_end() != open.qname || end == rest.len() {
                    return self.fail("an end tag that does not match its start tag");
                }
                self.at += end + 1;
                self.scopes.truncate(open.scope_len);
                match stack.last_mut() {
                    Some(parent) => parent.element.children.push(Node::Element(open.element)),
                    None => root = Some(open.element),
                }
            } else {
                if root.is_some() && stack.is_empty() {
                    return self.fail("a second root element");
                }
                if stack.len() >= MAX_DEPTH {
                    return self.fail("elements nested too deeply");
                }
                let (open, empty) = self.start_tag()?;
                self.count()?;
                if empty {
                    self.scopes.truncate(open.scope_len);
                    match stack.last_mut() {
                        Some(parent) => parent.element.children.push(Node::Element(open.element)),
                        None => root = Some(open.element),
                    }
                } else {
                    stack.push(open);
                }
            }
        }
        if !stack.is_empty() {
            return self.fail("the document ends inside an element");
        }
        root.ok_or((self.at, "no root element"))
    }

    fn count(&mut self) -> Result<(), Failure> {
        self.nodes += 1;
        if self.nodes > MAX_NODES { self.fail("more elements than any document needs") } else { Ok(()) }
    }

    fn skip_past(&mut self, end: &str, what: &'static str) -> Result<(), Failure> {
        match self.rest().find(end) {
            Some(i) => {
                self.at += i + end.len();
                Ok(())
            }
            None => self.fail(what),
        }
    }

    fn name(&mut self) -> Result<&'a str, Failure> {
        let rest = self.rest();
        let end = rest.find(|c: char| c.is_ascii_whitespace() || matches!(c, '/' | '>' | '=' | '<' | '"' | '\'')).unwrap_or(rest.len());
        if end == 0 {
            return self.fail("a name was expected");
        }
        self.at += end;
        Ok(&rest[..end])
    }

    fn skip_space(&mut self) {
        let rest = self.rest();
        self.at += rest.len() - rest.trim_ascii_start().len();
    }

    /// Reads `<name attr="v" ...>` or `.../>`; declares its namespaces.
    fn start_tag(&mut self) -> Result<(Open<'a>, bool), Failure> {
        self.at += 1;
        let qname = self.name()?;
        let scope_len = self.scopes.len();
        let mut raw: Vec<(&'a str, Cow<'a, str>)> = Vec::new();
        let empty = loop {
            self.skip_space();
            let rest = self.rest();
            if rest.starts_with("/>") {
                self.at += 2;
                break true;
            }
            if rest.starts_with('>') {
                self.at += 1;
                break false;
            }
            let name = self.name()?;
            self.skip_space();
            if !self.rest().starts_with('=') {
                return self.fail("an attribute without a value");
            }
            self.at += 1;
            self.skip_space();
            let rest = self.rest();
            let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') else { return self.fail("an attribute value without quotes") };
            let Some(end) = rest[1..].find(quote) else { return self.fail("an attribute value that is not closed") };
            let value = &rest[1..=end];
            if value.contains('<') {
                return self.fail("a “<” inside an attribute value");
            }
            self.at += end + 2;
            if raw.iter().any(|(n, _)| *n == name) {
                return self.fail("an attribute given twice");
            }
            if name == "xmlns" || name.starts_with("xmlns:") {
                if value.contains('&') {
                    return self.fail("a namespace name with references");
                }
                self.scopes.push((name.strip_prefix("xmlns:").unwrap_or(""), value));
            } else {
                raw.push((name, self.decode(value)?));
            }
        };
        let (ns, name) = self.resolve(qname, true)?;
        let mut attributes = Vec::with_capacity(raw.len());
        for (qname, value) in raw {
            let (ns, name) = self.resolve(qname, false)?;
            attributes.push(Attribute { ns, name, value });
        }
        Ok((Open { qname, element: Element { ns, name, attributes, children: Vec::new() }, scope_len }, empty))
    }

    /// The namespace and local name of a qualified name; unprefixed attributes have none.
    fn resolve(&self, qname: &'a str, element: bool) -> Result<(&'a str, &'a str), Failure> {
        let (prefix, local) = match qname.split_once(':') {
            Some((prefix, local)) => (prefix, local),
            None if !element => return Ok(("", qname)),
            None => ("", qname),
        };
        if prefix == "xml" {
            return Ok((XML_NS, local));
        }
        match self.scopes.iter().rev().find(|(p, _)| *p == prefix) {
            Some((_, uri)) => Ok((uri, local)),
            None if prefix.is_empty() => Ok(("", local)),
            None => self.fail("a prefix without a namespace declaration"),
        }
    }

    /// Replaces the five predefined entities and numeric character references.
    fn decode(&self, raw: &'a str) -> Result<Cow<'a, str>, Failure> {
        if !raw.contains('&') {
            return Ok(Cow::Borrowed(raw));
        }
        let mut out = String::with_capacity(raw.len());
        let mut rest = raw;
        while let Some(amp) = rest.find('&') {
            out.push_str(&rest[..amp]);
            let after = &rest[amp + 1..];
            let Some(semi) = after.find(';').filter(|&s| s <= 10) else { return self.fail("an “&” that starts no reference") };
            let entity = &after[..semi];
            let c = match entity {
                "lt" => Some('<'),
                "gt" => Some('>'),
                "amp" => Some('&'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => {
                    let number = match entity.strip_prefix("#x") {
                        Some(hex) => u32::from_str_radix(hex, 16).ok(),
                        None => entity.strip_prefix('#').and_then(|d| d.parse().ok()),
                    };
                    match number {
                        Some(n) => Some(char::from_u32(n).filter(|c| *c != '\0').ok_or((self.at, "a reference to a character XML cannot hold"))?),
                        None => None,
                    }
                }
            };
            let Some(c) = c else { return self.fail("an entity other than the five XML defines") };
            out.push(c);
            rest = &after[semi + 1..];
        }
        out.push_str(rest);
        Ok(Cow::Owned(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_namespaces_attributes_text_and_references() {
        let doc = parse("\u{FEFF}<?xml version=\"1.0\"?><!-- c --><w:doc xmlns:w=\"urn:w\" xmlns=\"urn:d\" a='1'><w:t xml:space=\"preserve\"> a &amp; &#233;&#x4E2D; </w:t><x w:v=\"&lt;b&gt;\"/><![CDATA[<raw>]]></w:doc>").unwrap();
        assert!(doc.is("urn:w", "doc"));
        assert_eq!(doc.attr("", "a"), Some("1"));
        let t = doc.child("urn:w", "t").unwrap();
        assert_eq!(t.attr(XML_NS, "space"), Some("preserve"));
        assert_eq!(t.text(), " a & é中 ");
        assert_eq!(doc.child("urn:d", "x").unwrap().attr("urn:w", "v"), Some("<b>"));
        assert_eq!(doc.text(), " a & é中 <raw>");
    }

    #[test]
    fn refuses_what_documents_never_need() {
        let deep = "<a>".repeat(MAX_DEPTH + 1);
        let table: &[(&str, &str)] = &[
            ("<!DOCTYPE x [<!ENTITY a \"aaaa\">]><x>&a;</x>", "line 1, column 1: a DOCTYPE or other declaration, which documents never need"),
            ("<x>&nbsp;</x>", "line 1, column 4: an entity other than the five XML defines"),
            ("<x>&#0;</x>", "line 1, column 4: a reference to a character XML cannot hold"),
            ("<x>\n<y></x>", "line 2, column 4: an end tag that does not match its start tag"),
            ("<p:x/>", "line 1, column 7: a prefix without a namespace declaration"),
            ("<x a=1/>", "line 1, column 6: an attribute value without quotes"),
            ("<x a='1' a='2'/>", "line 1, column 15: an attribute given twice"),
            ("<x/><y/>", "line 1, column 5: a second root element"),
            ("<x>", "line 1, column 4: the document ends inside an element"),
            ("text", "line 1, column 1: text outside the root element"),
            ("", "line 1, column 1: no root element"),
            (&deep, "line 1, column 769: elements nested too deeply"),
        ];
        for (input, message) in table {
            assert_eq!(parse(input).unwrap_err().to_string(), *message, "{input}");
        }
    }
}
