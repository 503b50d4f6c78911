//! The document's logical structure, as a screen reader walks it: headings,
//! paragraphs, lists, boxes and the contents, in reading order. The layout
//! builds it while it places the text, and tags every run of page text
//! with the element it belongs to; `pdf.rs` writes it as the PDF's
//! structure tree (tagged PDF).

use crate::Lang;

/// What an element is, with the standard structure type PDF gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// The whole document (the root).
    Document,
    /// A tab's or the document's title.
    H1,
    /// A section's question, the glossary or the sources.
    H2,
    /// A small heading (a tab's name above its sources).
    H3,
    /// A paragraph, a label, a source, a line of the cover.
    P,
    /// A list (bullets, glossary entries, questions).
    L,
    /// A list item: its label, then its body.
    LI,
    /// A list item's label (the bullet, the question's number, the term).
    Lbl,
    /// A list item's body.
    LBody,
    /// A box that groups its label and text (« L'essentiel », a callout,
    /// the closing note).
    Div,
    /// The table of contents.
    Toc,
    /// One entry of the table of contents.
    Toci,
    /// A picture; needs its `alt` text.
    Figure,
    /// A link (an entry of the contents): its text and its annotation,
    /// whose description is the element's `alt`.
    Link,
}

impl Role {
    /// The standard structure type (PDF 1.7, 14.8.4).
    pub fn name(self) -> &'static str {
        match self {
            Role::Document => "Document",
            Role::H1 => "H1",
            Role::H2 => "H2",
            Role::H3 => "H3",
            Role::P => "P",
            Role::L => "L",
            Role::LI => "LI",
            Role::Lbl => "Lbl",
            Role::LBody => "LBody",
            Role::Div => "Div",
            Role::Toc => "TOC",
            Role::Toci => "TOCI",
            Role::Figure => "Figure",
            Role::Link => "Link",
        }
    }
}

/// What a run of page text is to a screen reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Tag {
    /// Page furniture (header, footer, page numbers) or decoration:
    /// skipped by screen readers.
    #[default]
    Artifact,
    /// Content of this element of [`Structure::nodes`].
    Node(usize),
}

/// An element of the structure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    pub role: Role,
    /// Its elements, in reading order (empty for an element that holds
    /// text directly).
    pub children: Vec<usize>,
    /// Set when the element's text is in another language than the
    /// document's.
    pub lang: Option<Lang>,
    /// Replacement text, for a figure.
    pub alt: Option<String>,
}

/// The tree of elements; element 0 is the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Structure {
    pub nodes: Vec<Node>,
}

/// The root element's index.
pub const ROOT: usize = 0;

impl Default for Structure {
    fn default() -> Self {
        Structure {
            nodes: vec![Node {
                role: Role::Document,
                children: Vec::new(),
                lang: None,
                alt: None,
            }],
        }
    }
}

impl Structure {
    /// A new element, last child of `parent`.
    pub fn add(&mut self, parent: usize, role: Role) -> usize {
        let id = self.nodes.len();
        self.nodes.push(Node {
            role,
            children: Vec::new(),
            lang: None,
            alt: None,
        });
        if let Some(p) = self.nodes.get_mut(parent) {
            p.children.push(id);
        }
        id
    }

    /// A new element under the root, tagged for its text.
    pub fn leaf(&mut self, role: Role) -> Tag {
        Tag::Node(self.add(ROOT, role))
    }

    /// The role of an element.
    pub fn role(&self, id: usize) -> Option<Role> {
        self.nodes.get(id).map(|n| n.role)
    }

    /// The root's children.
    pub fn top(&self) -> &[usize] {
        &self.nodes[ROOT].children
    }

    /// Sets an element's replacement text (a figure's description, a
    /// link's).
    pub fn describe(&mut self, id: usize, alt: &str) {
        if let Some(node) = self.nodes.get_mut(id) {
            node.alt = Some(alt.to_string());
        }
    }

    /// Puts the root's children in this order (the cover and the contents
    /// are laid out after the body, but read before it).
    pub fn set_top(&mut self, order: Vec<usize>) {
        self.nodes[ROOT].children = order;
    }
}
