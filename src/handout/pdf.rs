//! The only file that talks to printpdf: a laid-out [`Document`] becomes PDF
//! bytes with the bundled fonts embedded and subset, every piece of text
//! inside marked content (an MCID for the structure, or an artifact for
//! page furniture and decoration); then lopdf finishes what printpdf 0.12
//! does not write: the structure tree (`tagged.rs`), the document language
//! (/Lang), an outline in reading order (printpdf sorts bookmarks by page
//! and name), and complete metadata (Info dictionary and XMP).

use std::sync::OnceLock;

use chrono::{DateTime, FixedOffset};
use lopdf::{Dictionary, Object, ObjectId, Stream, StringFormat};
use printpdf::{
    Actions, BorderArray, Color, Destination, DictItem, FontId, Line, LineCapStyle,
    LineDashPattern, LinePoint, LinkAnnotation, Mm, Op, PaintMode, ParsedFont, PdfDocument,
    PdfFontHandle, PdfPage, PdfParseErrorSeverity, PdfSaveOptions, Point, Pt, Rect, TextItem,
    TextMatrix, WindingOrder,
};

use super::layout::{Document, Draw, PAGE_HEIGHT, Rgb, Structure, Tag};
use super::{Handout, HandoutError};
use crate::fonts::Style;

mod figure;
mod tagged;

/// The four bundled styles, parsed for printpdf once per process.
fn parsed_fonts() -> Result<&'static [ParsedFont; 4], HandoutError> {
    static FONTS: OnceLock<Option<[ParsedFont; 4]>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let [a, b, c, d] =
                Style::ALL.map(|s| ParsedFont::from_bytes(s.bytes(), 0, &mut Vec::new()));
            Some([a?, b?, c?, d?])
        })
        .as_ref()
        .ok_or_else(|| HandoutError::Pdf("the bundled font could not be read".to_string()))
}

/// The PDF of a laid-out handout.
pub fn write(handout: &Handout, document: &Document) -> Result<Vec<u8>, HandoutError> {
    let fonts = parsed_fonts()?;
    let mut pdf = PdfDocument::new(&handout.title);
    let ids = fonts.each_ref().map(|f| pdf.add_font(f));
    let mut marked = Vec::with_capacity(document.pages.len());
    let mut links = Vec::with_capacity(document.pages.len());
    let pages = document
        .pages
        .iter()
        .map(|page| {
            let (ops, mcids) = ops(&page.draws, &ids, &document.structure);
            marked.push(mcids);
            links.push(link_elements(&page.draws));
            PdfPage::new(Mm(210.0), Mm(297.0), ops)
        })
        .collect();
    pdf.with_pages(pages);

    let options = PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut lo = pdf.to_lopdf_document(&options, &mut warnings);
    if let Some(error) = warnings
        .iter()
        .find(|w| w.severity == PdfParseErrorSeverity::Error)
    {
        return Err(HandoutError::Pdf(error.msg.clone()));
    }
    finish(&mut lo, handout, document).map_err(|e| HandoutError::Pdf(e.to_string()))?;
    tagged::structure_tree(&mut lo, &document.structure, &marked, &links)
        .map_err(|e| HandoutError::Pdf(e.to_string()))?;
    compress(&mut lo);
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes)
        .map_err(|e| HandoutError::Pdf(e.to_string()))?;
    Ok(bytes)
}

/// Compresses every stream that allows it and is not compressed yet, at
/// zlib's default level (lopdf's `compress` takes the slowest), keeping a
/// stream as it is when compressing would not make it smaller.
fn compress(document: &mut lopdf::Document) {
    use flate2::Compression;
    use flate2::write::ZlibEncoder;
    use std::io::Write;
    for object in document.objects.values_mut() {
        let lopdf::Object::Stream(stream) = object else {
            continue;
        };
        if !stream.allows_compression || stream.dict.get(b"Filter").is_ok() {
            continue;
        }
        let mut encoder = ZlibEncoder::new(Vec::new(), Compression::default());
        let Ok(compressed) = encoder
            .write_all(&stream.content)
            .and_then(|()| encoder.finish())
        else {
            continue;
        };
        if compressed.len() + 19 < stream.content.len() {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(compressed);
        }
    }
}

fn color(rgb: Rgb) -> Color {
    Color::Rgb(printpdf::Rgb {
        r: f32::from(rgb.0) / 255.0,
        g: f32::from(rgb.1) / 255.0,
        b: f32::from(rgb.2) / 255.0,
        icc_profile: None,
    })
}

fn point(x: f32, y: f32) -> LinePoint {
    LinePoint {
        p: Point {
            x: Pt(x),
            y: Pt(PAGE_HEIGHT - y),
        },
        bezier: false,
    }
}

/// The structure element of each link of a page, in the order printpdf
/// writes their annotations (the order of the operations).
fn link_elements(draws: &[Draw]) -> Vec<Option<usize>> {
    draws
        .iter()
        .filter_map(|d| match d {
            Draw::Link { tag, .. } => Some(match tag {
                Tag::Node(node) => Some(*node),
                Tag::Artifact => None,
            }),
            _ => None,
        })
        .collect()
}

/// The marked-content sequence open in a page's content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marked {
    /// Text of this structure element, under this MCID.
    Content(usize),
    /// Header, footer, page number: pagination artifacts.
    Pagination,
    /// Rules, tints, lines to write on: layout artifacts.
    Decoration,
}

/// The open sequence, the text object and the page's MCIDs (the element
/// of each), as the page's operations are written.
struct Marking {
    open: Option<Marked>,
    in_text: bool,
    mcids: Vec<usize>,
}

impl Marking {
    /// Closes the open sequence, then the text object, if open.
    fn close(&mut self, ops: &mut Vec<Op>) {
        if self.open.take().is_some() {
            ops.push(Op::EndMarkedContent);
        }
        if self.in_text {
            ops.push(Op::EndTextSection);
            self.in_text = false;
        }
    }

    /// Makes sure the text of `tag` is inside a text object and the right
    /// marked-content sequence: consecutive runs of one element share an
    /// MCID.
    fn text(&mut self, ops: &mut Vec<Op>, tag: Tag, structure: &Structure) {
        let same = match (self.open, tag) {
            (Some(Marked::Content(mcid)), Tag::Node(node)) => self.mcids.get(mcid) == Some(&node),
            (Some(Marked::Pagination), Tag::Artifact) => true,
            _ => false,
        };
        if same && self.in_text {
            return;
        }
        if self.open.take().is_some() {
            ops.push(Op::EndMarkedContent);
        }
        if !self.in_text {
            ops.push(Op::StartTextSection);
            self.in_text = true;
        }
        let mut properties = std::collections::BTreeMap::new();
        let (name, open) = match tag {
            Tag::Node(node) => {
                let mcid = self.mcids.len();
                self.mcids.push(node);
                properties.insert("MCID".to_string(), DictItem::Int(mcid as i64));
                let role = structure.role(node).map_or("Span", |r| r.name());
                (role, Marked::Content(mcid))
            }
            Tag::Artifact => {
                properties.insert("Type".to_string(), DictItem::Name(b"Pagination".to_vec()));
                ("Artifact", Marked::Pagination)
            }
        };
        ops.push(Op::BeginMarkedContentWithProperties {
            tag: name.to_string(),
            properties: DictItem::Dict { map: properties },
        });
        self.open = Some(open);
    }

    /// Makes sure a drawing is outside any text object and inside a
    /// layout artifact.
    fn decoration(&mut self, ops: &mut Vec<Op>) {
        if self.open == Some(Marked::Decoration) {
            return;
        }
        self.close(ops);
        ops.push(Op::BeginMarkedContent {
            tag: "Artifact".to_string(),
        });
        self.open = Some(Marked::Decoration);
    }
}

/// The page's drawing operations, and the structure element of each MCID
/// they use. Consecutive texts share one text object; font and colour are
/// set only when they change.
fn ops(draws: &[Draw], fonts: &[FontId; 4], structure: &Structure) -> (Vec<Op>, Vec<usize>) {
    let mut ops = Vec::with_capacity(draws.len() * 4);
    let mut marking = Marking {
        open: None,
        in_text: false,
        mcids: Vec::new(),
    };
    let mut font: Option<(Style, f32)> = None;
    let mut fill: Option<Rgb> = None;
    for draw in draws {
        match draw {
            Draw::Text {
                x,
                baseline,
                size,
                style,
                color: c,
                text,
                tag,
            } => {
                marking.text(&mut ops, *tag, structure);
                if font != Some((*style, *size)) {
                    ops.push(Op::SetFont {
                        font: PdfFontHandle::External(fonts[*style as usize].clone()),
                        size: Pt(*size),
                    });
                    font = Some((*style, *size));
                }
                if fill != Some(*c) {
                    ops.push(Op::SetFillColor { col: color(*c) });
                    fill = Some(*c);
                }
                ops.push(Op::SetTextMatrix {
                    matrix: TextMatrix::Translate(Pt(*x), Pt(PAGE_HEIGHT - baseline)),
                });
                ops.push(Op::ShowText {
                    items: vec![TextItem::Text(text.clone())],
                });
            }
            Draw::Rect {
                x,
                y,
                width,
                height,
                color: c,
            } => {
                marking.decoration(&mut ops);
                if fill != Some(*c) {
                    ops.push(Op::SetFillColor { col: color(*c) });
                    fill = Some(*c);
                }
                ops.push(Op::DrawRectangle {
                    rectangle: Rect {
                        x: Pt(*x),
                        y: Pt(PAGE_HEIGHT - y - height),
                        width: Pt(*width),
                        height: Pt(*height),
                        mode: Some(PaintMode::Fill),
                        winding_order: Some(WindingOrder::NonZero),
                    },
                });
            }
            Draw::Line {
                from,
                to,
                width,
                color: c,
                dotted,
            } => {
                marking.decoration(&mut ops);
                ops.push(Op::SetOutlineColor { col: color(*c) });
                ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                if *dotted {
                    ops.push(Op::SetLineCapStyle {
                        cap: LineCapStyle::Round,
                    });
                    ops.push(Op::SetLineDashPattern {
                        dash: LineDashPattern::new(0.0, &[0.0, 3.0]),
                    });
                }
                ops.push(Op::DrawLine {
                    line: Line {
                        points: vec![point(from.0, from.1), point(to.0, to.1)],
                        is_closed: false,
                    },
                });
                if *dotted {
                    ops.push(Op::SetLineDashPattern {
                        dash: LineDashPattern::solid(),
                    });
                    ops.push(Op::SetLineCapStyle {
                        cap: LineCapStyle::Butt,
                    });
                }
            }
            Draw::Figure {
                x,
                y,
                width,
                height,
                drawing,
                tag,
            } => {
                marking.figure(&mut ops, *tag);
                figure::draw(&mut ops, (*x, *y, *width, *height), drawing);
                // The figure set its own colours: set them again when next needed.
                fill = None;
            }
            Draw::Link {
                x,
                y,
                width,
                height,
                page,
                tag: _,
            } => {
                ops.push(Op::LinkAnnotation {
                    link: LinkAnnotation::new(
                        Rect::from_xywh(
                            Pt(*x),
                            Pt(PAGE_HEIGHT - y - height),
                            Pt(*width),
                            Pt(*height),
                        ),
                        Actions::go_to(Destination::Xyz {
                            page: page + 1,
                            left: None,
                            top: None,
                            zoom: None,
                        }),
                        Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                        None,
                        None,
                    ),
                });
            }
        }
    }
    marking.close(&mut ops);
    (ops, marking.mcids)
}

/// What printpdf leaves out: language, outline, metadata, viewer hints.
fn finish(doc: &mut lopdf::Document, handout: &Handout, document: &Document) -> lopdf::Result<()> {
    doc.version = "1.7".to_string();
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let outline = outline(doc, document, &pages);
    let mut xmp = Stream::new(
        Dictionary::from_iter(vec![("Type", "Metadata".into()), ("Subtype", "XML".into())]),
        xmp(handout).into_bytes(),
    );
    // XMP stays readable by tools that scan the file for it.
    xmp.allows_compression = false;
    let metadata = doc.add_object(xmp);
    let info = doc.add_object(info(handout));
    doc.trailer.set("Info", info);

    let catalog = doc.catalog_mut()?;
    catalog.set("Lang", Object::string_literal(handout.lang.tag()));
    catalog.set("Metadata", metadata);
    catalog.set(
        "ViewerPreferences",
        Dictionary::from_iter(vec![("DisplayDocTitle", Object::Boolean(true))]),
    );
    match outline {
        Some(root) => {
            catalog.set("Outlines", root);
            catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
        }
        None => {
            catalog.remove(b"Outlines");
            catalog.set("PageMode", Object::Name(b"UseNone".to_vec()));
        }
    }
    Ok(())
}

/// A text string as PDF wants it for anything beyond ASCII: UTF-16BE with a
/// byte-order mark.
fn text_string(text: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// The outline, nested by depth (a tab holds its sections), in reading
/// order, every entry pointing at its heading.
fn outline(doc: &mut lopdf::Document, document: &Document, pages: &[ObjectId]) -> Option<ObjectId> {
    let entries: Vec<_> = document
        .outline
        .iter()
        .filter(|e| pages.get(e.page).is_some())
        .collect();
    if entries.is_empty() {
        return None;
    }
    let root = doc.new_object_id();
    let ids: Vec<ObjectId> = entries.iter().map(|_| doc.new_object_id()).collect();
    // Each entry's parent: the closest earlier entry less deep than it.
    let parents: Vec<Option<usize>> = (0..entries.len())
        .map(|i| (0..i).rev().find(|&j| entries[j].depth < entries[i].depth))
        .collect();
    let children = |parent: Option<usize>| -> Vec<usize> {
        (0..entries.len())
            .filter(|&i| parents[i] == parent)
            .collect()
    };
    for (i, entry) in entries.iter().enumerate() {
        let siblings = children(parents[i]);
        let at = siblings.iter().position(|&s| s == i).unwrap_or(0);
        let mut dict = Dictionary::new();
        dict.set("Title", text_string(&entry.title));
        dict.set("Parent", parents[i].map_or(root, |p| ids[p]));
        let top = PAGE_HEIGHT - entry.top + 4.0;
        dict.set(
            "Dest",
            vec![
                Object::Reference(pages[entry.page]),
                "XYZ".into(),
                Object::Null,
                Object::Real(top),
                Object::Null,
            ],
        );
        if at > 0 {
            dict.set("Prev", ids[siblings[at - 1]]);
        }
        if let Some(&next) = siblings.get(at + 1) {
            dict.set("Next", ids[next]);
        }
        let mine = children(Some(i));
        if let (Some(&first), Some(&last)) = (mine.first(), mine.last()) {
            dict.set("First", ids[first]);
            dict.set("Last", ids[last]);
            dict.set("Count", Object::Integer(mine.len() as i64));
        }
        doc.objects.insert(ids[i], Object::Dictionary(dict));
    }
    let top = children(None);
    let mut dict = Dictionary::from_iter(vec![("Type", Object::Name(b"Outlines".to_vec()))]);
    if let (Some(&first), Some(&last)) = (top.first(), top.last()) {
        dict.set("First", ids[first]);
        dict.set("Last", ids[last]);
    }
    dict.set("Count", Object::Integer(entries.len() as i64));
    doc.objects.insert(root, Object::Dictionary(dict));
    Some(root)
}

/// A date as the Info dictionary writes it: D:YYYYMMDDHHmmSS+HH'mm'.
fn pdf_date(at: &DateTime<FixedOffset>) -> String {
    let offset = at.offset().local_minus_utc();
    let sign = if offset < 0 { '-' } else { '+' };
    let offset = offset.abs();
    format!(
        "D:{}{sign}{:02}'{:02}'",
        at.format("%Y%m%d%H%M%S"),
        offset / 3600,
        offset % 3600 / 60
    )
}

fn info(handout: &Handout) -> Dictionary {
    let created = Object::string_literal(pdf_date(&handout.printed_at));
    Dictionary::from_iter(vec![
        ("Title", text_string(&handout.title)),
        ("Author", text_string(&handout.author)),
        ("Subject", text_string(&handout.subject)),
        (
            "Creator",
            text_string(concat!("patient-info ", env!("CARGO_PKG_VERSION"))),
        ),
        ("Producer", text_string("printpdf 0.12.8")),
        ("CreationDate", created.clone()),
        ("ModDate", created),
    ])
}

/// The same metadata as XMP, for tools that read only that.
fn xmp(handout: &Handout) -> String {
    let at = handout.printed_at.to_rfc3339();
    let lang = handout.lang.tag();
    format!(
        r#"<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{subject}</rdf:li></rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>
   <xmp:CreateDate>{at}</xmp:CreateDate>
   <xmp:ModifyDate>{at}</xmp:ModifyDate>
   <xmp:MetadataDate>{at}</xmp:MetadataDate>
   <xmp:CreatorTool>patient-info {version}</xmp:CreatorTool>
   <pdf:Producer>printpdf 0.12.8</pdf:Producer>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"#,
        title = escape_xml(&handout.title),
        author = escape_xml(&handout.author),
        subject = escape_xml(&handout.subject),
        version = env!("CARGO_PKG_VERSION"),
    )
}

fn escape_xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_carry_their_offset() {
        let at = DateTime::parse_from_rfc3339("2026-11-29T10:05:00+01:00").ok();
        assert_eq!(
            at.map(|at| pdf_date(&at)).as_deref(),
            Some("D:20261129100500+01'00'")
        );
    }

    #[test]
    fn text_strings_are_utf16_with_a_bom() {
        assert_eq!(
            text_string("é"),
            Object::String(vec![0xFE, 0xFF, 0x00, 0xE9], StringFormat::Hexadecimal)
        );
    }
}
