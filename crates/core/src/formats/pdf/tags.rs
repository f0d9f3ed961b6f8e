//! The PDF's structure tree (PDF/UA-1): Document; H1 for the title, H2 for each official heading,
//! H3 below; P; L, LI, Lbl and LBody for lists; Table, TR, TH (with its scope) and TD; Link with
//! its annotation. Each piece of text drawn is a marked-content sequence of one element, in
//! reading order; the parent tree maps each back to its element.

use crate::layout::{Paragraph, Role};

use super::file::File;

/// A child of a structure element.
enum Kid {
    Element(usize),
    /// Marked content `mcid` on page `page`.
    Content { page: usize, mcid: usize },
    /// The link annotation `annotation` (an index into the document's annotations) on `page`.
    Annotation { page: usize, annotation: usize },
}

struct Element {
    role: &'static str,
    parent: usize,
    kids: Vec<Kid>,
    /// Attributes written as they are, such as a table header's scope.
    attributes: &'static str,
}

/// The elements of one paragraph: one for each cell's text, and its list label.
pub(super) struct ParagraphTags {
    pub cells: Vec<usize>,
    pub label: Option<usize>,
    /// Each link's element, made when its first piece is drawn.
    links: Vec<Option<usize>>,
}

/// The open list at each depth: its element and the body of its last item.
struct OpenList {
    list: usize,
    body: usize,
}

pub(super) struct Tree {
    elements: Vec<Element>,
    /// For each page, the element of each of its marked-content sequences, by MCID.
    marked: Vec<Vec<usize>>,
    /// The Link element of each annotation.
    annotations: Vec<usize>,
    lists: Vec<OpenList>,
    table: Option<usize>,
}

const DOCUMENT: usize = 0;

impl Tree {
    pub(super) fn new(pages: usize) -> Tree {
        let document = Element { role: "Document", parent: usize::MAX, kids: Vec::new(), attributes: "" };
        Tree { elements: vec![document], marked: vec![Vec::new(); pages], annotations: Vec::new(), lists: Vec::new(), table: None }
    }

    fn add(&mut self, role: &'static str, parent: usize, attributes: &'static str) -> usize {
        let id = self.elements.len();
        self.elements.push(Element { role, parent, kids: Vec::new(), attributes });
        if let Some(parent) = self.elements.get_mut(parent) {
            parent.kids.push(Kid::Element(id));
        }
        id
    }

    /// The role an element's marked content is tagged with.
    pub(super) fn role(&self, element: usize) -> &'static str {
        self.elements.get(element).map_or("Span", |e| e.role)
    }

    /// The elements of the next paragraph, in document order.
    pub(super) fn paragraph(&mut self, paragraph: &Paragraph) -> ParagraphTags {
        let links = vec![None; paragraph.links.len()];
        if !matches!(paragraph.role, Role::Item { .. } | Role::ItemMore { .. }) {
            self.lists.clear();
        }
        if !matches!(paragraph.role, Role::Row { .. }) {
            self.table = None;
        }
        let single = |tree: &mut Tree, role| ParagraphTags { cells: vec![tree.add(role, DOCUMENT, "")], label: None, links: links.clone() };
        match paragraph.role {
            Role::Title => single(self, "H1"),
            Role::Heading => single(self, "H2"),
            Role::Subheading => single(self, "H3"),
            Role::Text | Role::TableEnd => single(self, "P"),
            Role::Item { depth, opens } => {
                let depth = depth as usize;
                self.lists.truncate(depth + 1);
                if opens || self.lists.len() <= depth {
                    self.lists.truncate(depth);
                    let parent = self.lists.last().map_or(DOCUMENT, |open| open.body);
                    let numbering = if paragraph.marker.as_deref() == Some("•") { "/A << /O /List /ListNumbering /Disc >>" } else { "/A << /O /List /ListNumbering /Decimal >>" };
                    let list = self.add("L", parent, numbering);
                    self.lists.push(OpenList { list, body: list });
                }
                let Some(list) = self.lists.last().map(|open| open.list) else { return single(self, "P") };
                let item = self.add("LI", list, "");
                let label = self.add("Lbl", item, "");
                let body = self.add("LBody", item, "");
                if let Some(open) = self.lists.last_mut() {
                    open.body = body;
                }
                ParagraphTags { cells: vec![self.add("P", body, "")], label: Some(label), links }
            }
            Role::ItemMore { depth } => {
                self.lists.truncate(depth as usize + 1);
                let parent = self.lists.get(depth as usize).map_or(DOCUMENT, |open| open.body);
                ParagraphTags { cells: vec![self.add("P", parent, "")], label: None, links }
            }
            Role::Row { first } => {
                let table = match self.table {
                    Some(table) if !first => table,
                    _ => self.add("Table", DOCUMENT, ""),
                };
                self.table = Some(table);
                let row = self.add("TR", table, "");
                let (role, attributes) = if first { ("TH", "/A << /O /Table /Scope /Column >>") } else { ("TD", "") };
                let cells = paragraph.cells.iter().map(|_| self.add(role, row, attributes)).collect();
                ParagraphTags { cells, label: None, links }
            }
        }
    }

    /// The element a piece of a cell's text belongs to: the cell's, or its link's when
    /// `link` (an index into the paragraph's links) is given.
    pub(super) fn element(&mut self, tags: &mut ParagraphTags, cell: usize, link: Option<usize>) -> usize {
        let cell_element = tags.cells.get(cell).copied().unwrap_or(DOCUMENT);
        let Some(slot) = link.and_then(|l| tags.links.get_mut(l)) else { return cell_element };
        *slot.get_or_insert_with(|| {
            let id = self.elements.len();
            self.elements.push(Element { role: "Link", parent: cell_element, kids: Vec::new(), attributes: "" });
            if let Some(parent) = self.elements.get_mut(cell_element) {
                parent.kids.push(Kid::Element(id));
            }
            id
        })
    }

    /// A new marked-content sequence of `element` on `page`; returns its MCID.
    pub(super) fn mark(&mut self, element: usize, page: usize) -> usize {
        let Some(marked) = self.marked.get_mut(page) else { return 0 };
        let mcid = marked.len();
        marked.push(element);
        if let Some(e) = self.elements.get_mut(element) {
            e.kids.push(Kid::Content { page, mcid });
        }
        mcid
    }

    /// A link annotation of `element` on `page`; returns its index, the key of its entry in the
    /// parent tree after the pages'.
    pub(super) fn annotate(&mut self, element: usize, page: usize) -> usize {
        let annotation = self.annotations.len();
        self.annotations.push(element);
        if let Some(e) = self.elements.get_mut(element) {
            e.kids.push(Kid::Annotation { page, annotation });
        }
        annotation
    }

    /// Writes the tree; `pages` and `annotations` are the object numbers of each. Returns the
    /// structure tree root's.
    pub(super) fn write(self, file: &mut File, pages: &[usize], annotations: &[usize]) -> usize {
        let root = file.reserve();
        let parent_tree = file.reserve();
        // Elements with nothing in them are left out (a table cell is kept: it holds a place).
        let mut kept = vec![false; self.elements.len()];
        for (id, element) in self.elements.iter().enumerate().rev() {
            let has_content = element.kids.iter().any(|kid| match kid {
                Kid::Element(child) => kept.get(*child).copied().unwrap_or(false),
                _ => true,
            });
            kept[id] = has_content || matches!(element.role, "TD" | "TH");
        }
        kept[DOCUMENT] = true;
        let numbers: Vec<usize> = kept.iter().map(|&k| if k { file.reserve() } else { 0 }).collect();
        for (id, element) in self.elements.iter().enumerate().filter(|&(id, _)| kept[id]) {
            let parent = if id == DOCUMENT { root } else { numbers[element.parent] };
            let first_page = element.kids.iter().find_map(|kid| match kid {
                Kid::Content { page, .. } | Kid::Annotation { page, .. } => Some(*page),
                Kid::Element(_) => None,
            });
            let kids: Vec<String> = element
                .kids
                .iter()
                .filter_map(|kid| match *kid {
                    Kid::Element(child) => kept[child].then(|| format!("{} 0 R", numbers[child])),
                    Kid::Content { page, mcid } if Some(page) == first_page => Some(mcid.to_string()),
                    Kid::Content { page, mcid } => Some(format!("<< /Type /MCR /Pg {} 0 R /MCID {mcid} >>", pages[page])),
                    Kid::Annotation { page, annotation } => Some(format!("<< /Type /OBJR /Pg {} 0 R /Obj {} 0 R >>", pages[page], annotations[annotation])),
                })
                .collect();
            // A single kid stands alone, as most elements have one: a paragraph on one page.
            let kids = if kids.len() == 1 { kids.concat() } else { format!("[{}]", kids.join(" ")) };
            let page = first_page.map_or(String::new(), |p| format!("/Pg {} 0 R ", pages[p]));
            file.put(numbers[id], format!("<< /Type /StructElem /S /{} /P {parent} 0 R {page}/K {kids} {} >>", element.role, element.attributes));
        }
        let mut nums = String::new();
        for (page, marked) in self.marked.iter().enumerate() {
            let refs: Vec<String> = marked.iter().map(|&e| format!("{} 0 R", numbers[e])).collect();
            nums.push_str(&format!("{page} [{}] ", refs.join(" ")));
        }
        for (n, &element) in self.annotations.iter().enumerate() {
            nums.push_str(&format!("{} {} 0 R ", self.marked.len() + n, numbers[element]));
        }
        file.put(parent_tree, format!("<< /Nums [{nums}] >>"));
        file.put(
            root,
            format!("<< /Type /StructTreeRoot /K [{} 0 R] /ParentTree {parent_tree} 0 R /ParentTreeNextKey {} >>", numbers[DOCUMENT], self.marked.len() + self.annotations.len()),
        );
        root
    }
}
