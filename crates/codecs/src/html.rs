//! A forgiving HTML reader for what browsers and word processors put on the clipboard: any text
//! becomes a tree, as browsers read it in the common cases (void elements, unquoted attributes,
//! paragraphs and list items closed by what follows, end tags without a start). Script and
//! style contents stay raw text; comments and declarations (Word's `<![if ...]>` included) are
//! skipped. Nothing is ever executed or fetched: this is only a tree of names and text.

/// Elements nested deeper than this go into their parent, so walking the tree stays shallow.
pub const MAX_DEPTH: usize = 64;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Element {
    /// Lower-case, with any prefix (`o:p`); empty for the fragment root.
    pub name: String,
    /// Lower-case names, decoded values.
    pub attributes: Vec<(String, String)>,
    pub children: Vec<Node>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    Element(Element),
    Text(String),
}

impl Element {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attributes.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

const VOID: &[&str] = &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"];
const RAW: &[&str] = &["script", "style", "title", "textarea", "xmp"];
/// Elements whose start closes an open paragraph.
const CLOSES_P: &[&str] = &["p", "div", "ul", "ol", "li", "table", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr", "dl", "dt", "dd"];

/// Parses a fragment or a whole page; the root holds everything.
pub fn parse(html: &str) -> Element {
    let mut stack = vec![Element::default()];
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            text(&mut stack, rest);
            break;
        };
        text(&mut stack, &rest[..lt]);
        rest = &rest[lt..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            rest = comment.find("-->").map_or("", |e| &comment[e + 3..]);
        } else if rest.starts_with("<!") || rest.starts_with("<?") {
            rest = rest.find('>').map_or("", |e| &rest[e + 1..]);
        } else if let Some(end) = rest.strip_prefix("</") {
            let close = end.find('>').unwrap_or(end.len());
            let name = end[..close].trim().to_ascii_lowercase();
            if let Some(at) = stack.iter().rposition(|e| e.name == name).filter(|&at| at > 0) {
                close_to(&mut stack, at);
            }
            rest = end.get(close + 1..).unwrap_or("");
        } else if rest[1..].starts_with(|c: char| c.is_ascii_alphabetic()) {
            let (element, self_closing, after) = start_tag(&rest[1..]);
            rest = after;
            let name = element.name.clone();
            implied_ends(&mut stack, &name);
            if RAW.contains(&name.as_str()) {
                let end = find_ascii_ci(rest, &format!("</{name}")).unwrap_or(rest.len());
                let mut element = element;
                element.children.push(Node::Text(rest[..end].to_owned()));
                append(&mut stack, element);
                rest = &rest[end..];
            } else if self_closing || VOID.contains(&name.as_str()) || stack.len() > MAX_DEPTH {
                append(&mut stack, element);
            } else {
                stack.push(element);
            }
        } else {
            text(&mut stack, "<");
            rest = &rest[1..];
        }
    }
    close_to(&mut stack, 1);
    stack.pop().unwrap_or_default()
}

fn append(stack: &mut [Element], element: Element) {
    if let Some(parent) = stack.last_mut() {
        parent.children.push(Node::Element(element));
    }
}

/// Closes the elements from `at` up, each into its parent.
fn close_to(stack: &mut Vec<Element>, at: usize) {
    while stack.len() > at.max(1) {
        if let Some(done) = stack.pop() {
            append(stack, done);
        }
    }
}

/// What a start tag closes first: an open paragraph before a block, a list item before the
/// next, a cell or row before the next.
fn implied_ends(stack: &mut Vec<Element>, name: &str) {
    let open = |stack: &Vec<Element>, wanted: &[&str], fence: &[&str]| {
        stack.iter().rposition(|e| wanted.contains(&e.name.as_str()) || fence.contains(&e.name.as_str())).filter(|&at| wanted.contains(&stack[at].name.as_str()))
    };
    let found = match name {
        "li" => open(stack, &["li"], &["ul", "ol"]),
        "td" | "th" => open(stack, &["td", "th"], &["tr", "table"]),
        "tr" => open(stack, &["tr"], &["table"]),
        _ => None,
    };
    if let Some(at) = found {
        close_to(stack, at);
    }
    if CLOSES_P.contains(&name) && stack.last().is_some_and(|e| e.name == "p") {
        let at = stack.len() - 1;
        close_to(stack, at);
    }
}

fn text(stack: &mut [Element], raw: &str) {
    if raw.is_empty() {
        return;
    }
    if let Some(parent) = stack.last_mut() {
        let decoded = decode(raw);
        match parent.children.last_mut() {
            Some(Node::Text(previous)) => previous.push_str(&decoded),
            _ => parent.children.push(Node::Text(decoded)),
        }
    }
}

fn find_ascii_ci(haystack: &str, needle: &str) -> Option<usize> {
    haystack.as_bytes().windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// Reads `name attr=value ...>` after the `<`: the element, whether it ended with `/>`, the rest.
fn start_tag(input: &str) -> (Element, bool, &str) {
    let name_end = input.find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/').unwrap_or(input.len());
    let mut element = Element { name: input[..name_end].to_ascii_lowercase(), ..Element::default() };
    let mut rest = &input[name_end..];
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix("/>") {
            return (element, true, after);
        }
        if let Some(after) = rest.strip_prefix('>') {
            return (element, false, after);
        }
        if rest.is_empty() {
            return (element, false, rest);
        }
        if let Some(after) = rest.strip_prefix('/') {
            rest = after;
            continue;
        }
        let end = rest.find(|c: char| c.is_ascii_whitespace() || matches!(c, '=' | '>' | '/')).unwrap_or(rest.len()).max(1);
        let name = rest[..end].to_ascii_lowercase();
        rest = rest[end..].trim_start();
        let mut value = String::new();
        if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let (raw, next) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let close = after[1..].find(q).map_or(after.len(), |e| e + 1);
                    (&after[1..close], after.get(close + 1..).unwrap_or(""))
                }
                _ => {
                    let close = after.find(|c: char| c.is_ascii_whitespace() || c == '>').unwrap_or(after.len());
                    (&after[..close], &after[close..])
                }
            };
            value = decode(raw);
            rest = next;
        }
        element.attributes.push((name, value));
    }
}

const NAMED: &[(&str, char)] = &[
    ("amp", '&'), ("lt", '<'), ("gt", '>'), ("quot", '"'), ("apos", '\''), ("nbsp", '\u{A0}'), ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'), ("thinsp", '\u{2009}'), ("ndash", '–'), ("mdash", '—'), ("lsquo", '‘'), ("rsquo", '’'),
    ("ldquo", '“'), ("rdquo", '”'), ("hellip", '…'), ("bull", '•'), ("middot", '·'), ("copy", '©'), ("reg", '®'),
    ("trade", '™'), ("euro", '€'), ("shy", '\u{AD}'), ("laquo", '«'), ("raquo", '»'),
];

/// Decodes character references; an unknown one stays as written.
pub fn decode(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp + 1..];
        let end = rest.find(';').filter(|&e| e <= 10);
        let c = end.and_then(|e| {
            let entity = &rest[..e];
            match entity.strip_prefix('#') {
                Some(number) => {
                    let n = match number.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok(),
                        None => number.parse().ok(),
                    };
                    Some(n.and_then(char::from_u32).filter(|c| *c != '\0').unwrap_or('\u{FFFD}'))
                }
                None => NAMED.iter().find(|(n, _)| *n == entity).map(|(_, c)| *c),
            }
        });
        match (c, end) {
            (Some(c), Some(e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            _ => out.push('&'),
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tree as `name(children)` with text in quotes, for compact expectations.
    fn shape(element: &Element) -> String {
        element
            .children
            .iter()
            .map(|n| match n {
                Node::Text(t) => format!("{t:?}"),
                Node::Element(e) => format!("{}({})", e.name, shape(e)),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn reads_clipboard_html_as_browsers_do() {
        let table: &[(&str, &str)] = &[
            ("<p>a<p>b", r#"p("a") p("b")"#),
            ("<ul><li>one<li>two<ul><li>deep</ul></ul>", r#"ul(li("one") li("two" ul(li("deep"))))"#),
            ("<B>x</b>y</i>", r#"b("x") "y""#),
            ("a<br>b<img src=x.png>c", r#""a" br() "b" img() "c""#),
            ("<style>p{}</style><script>if (a<b) x()</script>t", r#"style("p{}") script("if (a<b) x()") "t""#),
            ("<!--[if gte mso 9]><xml>x</xml><![endif]--><![if !supportLists]>·<![endif]>T<o:p></o:p>", r#""·T" o:p()"#),
            ("<table><tr><td>1<td>2<tr><td>3</table>", r#"table(tr(td("1") td("2")) tr(td("3")))"#),
            ("x &amp; &nbsp;&#8212;&#x41;&bogus; & y < z", r#""x & \u{a0}—A&bogus; & y < z""#),
        ];
        for (html, expected) in table {
            assert_eq!(shape(&parse(html)), *expected, "{html}");
        }
        let link = parse("<a href=\"https://x.org/?a=1&amp;b=2\" title='t' data-x=y hidden>l</a>");
        let Some(Node::Element(a)) = link.children.first() else { panic!("no link") };
        assert_eq!(a.attributes, [("href".into(), "https://x.org/?a=1&b=2".into()), ("title".into(), "t".into()), ("data-x".into(), "y".into()), ("hidden".into(), String::new())]);
    }

    #[test]
    fn deep_nesting_is_flattened() {
        let html = "<span>".repeat(500) + "x";
        fn depth(e: &Element) -> usize {
            1 + e.children.iter().map(|n| if let Node::Element(c) = n { depth(c) } else { 0 }).max().unwrap_or(0)
        }
        assert!(depth(&parse(&html)) <= MAX_DEPTH + 2);
    }
}
