//! Reads a figure's SVG and keeps it only if every renderer of the program
//! draws it the same way: the XML walk refuses, with its line and column,
//! anything outside the supported subset; usvg then resolves the rest into
//! paths.

use std::sync::Arc;

use usvg::roxmltree;

use super::drawing::{self, Drawing};
use super::palette;
use crate::Lang;

/// What is wrong with a figure. Each variant carries what the message
/// needs.
#[derive(Debug, Clone, PartialEq)]
pub enum FigureProblem {
    /// `content/figures/<id>.svg` does not exist.
    Missing {
        file: String,
    },
    /// The file exists but could not be read.
    Unreadable {
        reason: String,
    },
    TooLarge {
        bytes: u64,
        limit: u64,
    },
    NotUtf8,
    /// The XML itself is broken; `detail` is the parser's own words.
    NotXml {
        detail: String,
    },
    /// The outer element is not `<svg>`.
    NotSvg {
        found: String,
    },
    /// The `<svg>` element has no `viewBox` (or an empty one).
    NoViewBox,
    /// An element the renderers do not draw (text, an image, a gradient…).
    Element {
        name: String,
    },
    /// An attribute the renderers do not support (`style`, `opacity`…).
    Attribute {
        name: String,
    },
    /// A fill or stroke colour outside the figure palette.
    Colour {
        value: String,
    },
    /// Words between the tags: a figure holds no words.
    Words,
    /// usvg could not make a drawing of it.
    Unusable {
        detail: String,
    },
    /// The drawing paints nothing.
    Blank,
    /// `id`, `caption` or `alt` is missing or empty.
    EmptyField {
        field: String,
    },
}

/// The elements a figure may use.
const ELEMENTS: [&str; 9] = [
    "svg", "g", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
];

/// The attributes a figure may use (colours are checked apart).
const ATTRIBUTES: [&str; 27] = [
    "id",
    "viewBox",
    "width",
    "height",
    "version",
    "transform",
    "d",
    "x",
    "y",
    "x1",
    "y1",
    "x2",
    "y2",
    "cx",
    "cy",
    "r",
    "rx",
    "ry",
    "points",
    "fill",
    "fill-rule",
    "stroke",
    "stroke-width",
    "stroke-linecap",
    "stroke-linejoin",
    "stroke-dasharray",
    "stroke-miterlimit",
];

/// Reads a figure file's bytes: its drawing, or the first problem and
/// where it is in the file (line, column; 0, 0 for the whole file).
pub fn load(bytes: &[u8]) -> Result<Drawing, ((usize, usize), FigureProblem)> {
    if bytes.len() as u64 > super::MAX_FIGURE_BYTES {
        return Err((
            (0, 0),
            FigureProblem::TooLarge {
                bytes: bytes.len() as u64,
                limit: super::MAX_FIGURE_BYTES,
            },
        ));
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| ((0, 0), FigureProblem::NotUtf8))?;
    let doc = roxmltree::Document::parse(text).map_err(|e| {
        let pos = e.pos();
        (
            (pos.row as usize, pos.col as usize),
            FigureProblem::NotXml {
                detail: e.to_string(),
            },
        )
    })?;
    walk(&doc)?;
    // The document already read, not the text again.
    let tree = usvg::Tree::from_xmltree(&doc, &usvg::Options::default()).map_err(|e| {
        (
            (1, 1),
            FigureProblem::Unusable {
                detail: e.to_string(),
            },
        )
    })?;
    let shapes = drawing::shapes(&tree);
    if shapes.is_empty() {
        return Err(((1, 1), FigureProblem::Blank));
    }
    Ok(Drawing {
        width: tree.size().width(),
        height: tree.size().height(),
        shapes,
        svg: Arc::from(text),
    })
}

/// Every element, attribute and text of the document against the subset.
fn walk(doc: &roxmltree::Document) -> Result<(), ((usize, usize), FigureProblem)> {
    let at = |pos: usize| {
        let p = doc.text_pos_at(pos);
        (p.row as usize, p.col as usize)
    };
    let root = doc.root_element();
    if root.tag_name().name() != "svg" {
        return Err((
            at(root.range().start),
            FigureProblem::NotSvg {
                found: root.tag_name().name().to_string(),
            },
        ));
    }
    let view_box = root.attribute("viewBox").unwrap_or("");
    if view_box.split([' ', ',']).filter(|v| !v.is_empty()).count() != 4 {
        return Err((at(root.range().start), FigureProblem::NoViewBox));
    }
    for node in root.descendants() {
        if node.is_text() {
            if node.text().is_some_and(|t| !t.trim().is_empty()) {
                return Err((at(node.range().start), FigureProblem::Words));
            }
            continue;
        }
        if !node.is_element() {
            continue;
        }
        let name = node.tag_name();
        let svg_ns = name.namespace() == Some("http://www.w3.org/2000/svg");
        if !svg_ns || !ELEMENTS.contains(&name.name()) {
            return Err((
                at(node.range().start),
                FigureProblem::Element {
                    name: name.name().to_string(),
                },
            ));
        }
        for attr in node.attributes() {
            let key = attr.name();
            if attr.namespace().is_some() || !ATTRIBUTES.contains(&key) {
                return Err((
                    at(attr.range().start),
                    FigureProblem::Attribute {
                        name: key.to_string(),
                    },
                ));
            }
            if (key == "fill" || key == "stroke")
                && attr.value() != "none"
                && !palette::allowed(attr.value())
            {
                return Err((
                    at(attr.range_value().start),
                    FigureProblem::Colour {
                        value: attr.value().to_string(),
                    },
                ));
            }
        }
    }
    Ok(())
}

fn colours() -> String {
    palette::COLOURS
        .iter()
        .map(|(normal, _)| *normal)
        .collect::<Vec<_>>()
        .join(" ")
}

impl FigureProblem {
    /// A stable name for the kind of problem, for tools and tests.
    pub fn code(&self) -> &'static str {
        use FigureProblem::*;
        match self {
            Missing { .. } => "figure-missing",
            Unreadable { .. } => "figure-unreadable",
            TooLarge { .. } => "figure-too-large",
            NotUtf8 => "figure-not-utf8",
            NotXml { .. } => "figure-not-xml",
            NotSvg { .. } => "figure-not-svg",
            NoViewBox => "figure-no-viewbox",
            Element { .. } => "figure-element",
            Attribute { .. } => "figure-attribute",
            Colour { .. } => "figure-colour",
            Words => "figure-words",
            Unusable { .. } => "figure-unusable",
            Blank => "figure-blank",
            EmptyField { .. } => "figure-empty-field",
        }
    }

    /// One or two sentences a content editor understands.
    pub fn message(&self, lang: Lang) -> String {
        use FigureProblem::*;
        match (self, lang) {
            (Missing { file }, Lang::Fr) => format!("le dessin de cette figure, `{file}`, est introuvable."),
            (Missing { file }, Lang::En) => format!("this figure's drawing, `{file}`, cannot be found."),
            (Unreadable { reason }, Lang::Fr) => format!("impossible de lire ce dessin ({reason})."),
            (Unreadable { reason }, Lang::En) => format!("this drawing cannot be read ({reason})."),
            (TooLarge { bytes, limit }, Lang::Fr) => format!(
                "ce dessin fait {bytes} octets, plus que la limite de {limit} octets ; simplifiez-le."
            ),
            (TooLarge { bytes, limit }, Lang::En) => {
                format!("this drawing is {bytes} bytes, over the {limit}-byte limit; simplify it.")
            }
            (NotUtf8, Lang::Fr) => "ce dessin n'est pas enregistré en UTF-8.".into(),
            (NotUtf8, Lang::En) => "this drawing is not saved as UTF-8.".into(),
            (NotXml { detail }, Lang::Fr) => format!("ce dessin n'est pas un SVG bien formé ({detail})."),
            (NotXml { detail }, Lang::En) => format!("this drawing is not well-formed SVG ({detail})."),
            (NotSvg { found }, Lang::Fr) => format!("ce dessin doit commencer par `<svg`, pas par `<{found}`."),
            (NotSvg { found }, Lang::En) => format!("this drawing must start with `<svg`, not `<{found}`."),
            (NoViewBox, Lang::Fr) => "l'élément `<svg>` doit avoir un `viewBox` (par exemple viewBox=\"0 0 400 300\").".into(),
            (NoViewBox, Lang::En) => "the `<svg>` element needs a `viewBox` (for example viewBox=\"0 0 400 300\").".into(),
            (Element { name }, Lang::Fr) => format!(
                "l'élément `<{name}>` n'est pas permis dans une figure. Permis : {} ; pas de texte (les repères sont des formes), d'image, de dégradé, de filtre ni de script.",
                ELEMENTS.join(", ")
            ),
            (Element { name }, Lang::En) => format!(
                "the element `<{name}>` is not allowed in a figure. Allowed: {}; no text (markers are shapes), images, gradients, filters or scripts.",
                ELEMENTS.join(", ")
            ),
            (Attribute { name }, Lang::Fr) => format!(
                "l'attribut `{name}` n'est pas permis dans une figure ; écrivez les couleurs et les traits avec fill, stroke et stroke-width."
            ),
            (Attribute { name }, Lang::En) => format!(
                "the attribute `{name}` is not allowed in a figure; write colours and lines with fill, stroke and stroke-width."
            ),
            (Colour { value }, Lang::Fr) => format!(
                "la couleur `{value}` n'est pas dans la palette des figures. Couleurs possibles (#RRGGBB en majuscules) : {}, ou none.",
                colours()
            ),
            (Colour { value }, Lang::En) => format!(
                "the colour `{value}` is not in the figure palette. Possible colours (#RRGGBB, upper case): {}, or none.",
                colours()
            ),
            (Words, Lang::Fr) => "une figure ne contient pas de mots : marquez ses parties par des numéros dessinés et expliquez-les dans `caption`.".into(),
            (Words, Lang::En) => "a figure holds no words: mark its parts with drawn numbers and explain them in `caption`.".into(),
            (Unusable { detail }, Lang::Fr) => format!("ce dessin ne peut pas être affiché ({detail})."),
            (Unusable { detail }, Lang::En) => format!("this drawing cannot be shown ({detail})."),
            (Blank, Lang::Fr) => "ce dessin ne dessine rien.".into(),
            (Blank, Lang::En) => "this drawing draws nothing.".into(),
            (EmptyField { field }, Lang::Fr) => format!(
                "le champ `{field}` de cette figure manque ou est vide ; il faut `id`, `caption` et `alt` dans chaque langue."
            ),
            (EmptyField { field }, Lang::En) => format!(
                "this figure's `{field}` is missing or empty; a figure needs `id`, `caption` and `alt` in every language."
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn svg(body: &str) -> String {
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 50\">\n{body}\n</svg>\n"
        )
    }

    fn problem(body: &str) -> ((usize, usize), String) {
        match load(svg(body).as_bytes()) {
            Ok(_) => panic!("accepted: {body}"),
            Err((at, p)) => (at, p.code().to_string()),
        }
    }

    #[test]
    fn a_plain_drawing_becomes_paths() {
        let d = load(svg(r##"<g transform="translate(10,0)"><circle cx="10" cy="10" r="5" fill="#FFFFFF" stroke="#1B1F24" stroke-width="2"/></g>"##).as_bytes())
            .expect("a valid figure");
        assert_eq!((d.width, d.height), (100.0, 50.0));
        assert_eq!(d.shapes.len(), 1);
        let shape = &d.shapes[0];
        assert_eq!(shape.fill, Some((255, 255, 255)));
        assert_eq!(shape.stroke.as_ref().map(|s| s.width), Some(2.0));
        // The circle, moved by the group's transform, as curves.
        assert!(
            shape
                .segments
                .iter()
                .any(|s| matches!(s, Segment::Cubic(..)))
        );
        assert!(shape.segments.iter().all(|s| match s {
            Segment::Move(x, _) | Segment::Line(x, _) | Segment::Cubic(_, _, _, _, x, _) =>
                (15.0..=25.0).contains(x),
            Segment::Close => true,
        }));
    }

    use super::super::Segment;

    #[test]
    fn each_unsupported_thing_is_refused_where_it_is() {
        assert_eq!(
            problem("<text x=\"1\">A</text>"),
            ((2, 1), "figure-element".into())
        );
        assert_eq!(
            problem("<image href=\"a.png\"/>"),
            ((2, 1), "figure-element".into())
        );
        assert_eq!(problem("<linearGradient id=\"g\"/>").1, "figure-element");
        assert_eq!(problem("<script>alert(1)</script>").1, "figure-element");
        assert_eq!(
            problem(r##"<rect width="5" height="5" style="fill:red"/>"##),
            ((2, 28), "figure-attribute".into())
        );
        assert_eq!(
            problem(r##"<rect width="5" height="5" fill="#123456"/>"##),
            ((2, 34), "figure-colour".into())
        );
        assert_eq!(problem("<g>words</g>").1, "figure-words");
        assert_eq!(problem("<g/>").1, "figure-blank");
        assert_eq!(problem("<rect").1, "figure-not-xml");
    }

    #[test]
    fn size_root_and_view_box_are_checked() {
        let big = vec![b' '; super::super::MAX_FIGURE_BYTES as usize + 1];
        assert_eq!(
            load(&big).err().map(|e| e.1.code()),
            Some("figure-too-large")
        );
        let html = "<html xmlns=\"http://www.w3.org/2000/svg\"/>";
        assert_eq!(
            load(html.as_bytes()).err().map(|e| e.1.code()),
            Some("figure-not-svg")
        );
        let bare =
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"5\" height=\"5\"/></svg>";
        assert_eq!(
            load(bare.as_bytes()).err().map(|e| e.1.code()),
            Some("figure-no-viewbox")
        );
        assert_eq!(
            load(b"\xff\xfe").err().map(|e| e.1.code()),
            Some("figure-not-utf8")
        );
    }
}
