//! A checked SVG resolved into plain paths (usvg has applied transforms,
//! turned shapes and arcs into curves), for the renderers that draw paths
//! themselves (the PDF); the window draws the SVG text, kept here too.

use std::sync::Arc;

use usvg::tiny_skia_path::PathSegment;

/// A figure's drawing: its size in SVG units and what it paints.
#[derive(Debug, Clone, PartialEq)]
pub struct Drawing {
    pub width: f32,
    pub height: f32,
    /// In painting order.
    pub shapes: Vec<Shape>,
    /// The SVG file's text, colours as written.
    pub svg: Arc<str>,
}

/// One painted path.
#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    pub segments: Vec<Segment>,
    /// Fill colour, RGB; filled with the non-zero rule unless `even_odd`.
    pub fill: Option<(u8, u8, u8)>,
    pub even_odd: bool,
    pub stroke: Option<Stroke>,
}

/// How a path's outline is drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct Stroke {
    pub color: (u8, u8, u8),
    pub width: f32,
    /// Dash and gap lengths; empty for a solid line.
    pub dash: Vec<f32>,
    /// Round caps and joins (else butt caps and miter joins).
    pub round: bool,
}

/// A piece of a path, in SVG units (y downwards).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Segment {
    Move(f32, f32),
    Line(f32, f32),
    /// Two control points, then the end point.
    Cubic(f32, f32, f32, f32, f32, f32),
    Close,
}

impl Drawing {
    /// The SVG text for the window: as written, or with every colour
    /// swapped for its high-contrast counterpart.
    pub fn svg_text(&self, high_contrast: bool) -> String {
        if high_contrast {
            super::palette::high_contrast(&self.svg)
        } else {
            self.svg.to_string()
        }
    }

    /// Height over width.
    pub fn aspect(&self) -> f32 {
        if self.width > 0.0 {
            self.height / self.width
        } else {
            1.0
        }
    }
}

/// The shapes of a parsed tree, in painting order.
pub(super) fn shapes(tree: &usvg::Tree) -> Vec<Shape> {
    let mut out = Vec::new();
    group(tree.root(), &mut out);
    out
}

fn group(g: &usvg::Group, out: &mut Vec<Shape>) {
    for node in g.children() {
        match node {
            usvg::Node::Group(g) => group(g, out),
            usvg::Node::Path(p) if p.is_visible() => {
                if let Some(shape) = shape(p) {
                    out.push(shape);
                }
            }
            // Refused by the check before usvg ever sees them.
            _ => {}
        }
    }
}

fn rgb(paint: &usvg::Paint) -> Option<(u8, u8, u8)> {
    match paint {
        usvg::Paint::Color(c) => Some((c.red, c.green, c.blue)),
        _ => None,
    }
}

fn shape(p: &usvg::Path) -> Option<Shape> {
    let ts = p.abs_transform();
    let data = p.data().clone().transform(ts)?;
    let scale = (ts.sx * ts.sy - ts.kx * ts.ky).abs().sqrt();
    let mut segments = Vec::new();
    let mut last = (0.0, 0.0);
    for seg in data.segments() {
        match seg {
            PathSegment::MoveTo(a) => {
                segments.push(Segment::Move(a.x, a.y));
                last = (a.x, a.y);
            }
            PathSegment::LineTo(a) => {
                segments.push(Segment::Line(a.x, a.y));
                last = (a.x, a.y);
            }
            PathSegment::QuadTo(c, a) => {
                // The same curve as a cubic: controls two thirds of the
                // way to the quadratic's control.
                let c1 = (
                    last.0 + 2.0 / 3.0 * (c.x - last.0),
                    last.1 + 2.0 / 3.0 * (c.y - last.1),
                );
                let c2 = (a.x + 2.0 / 3.0 * (c.x - a.x), a.y + 2.0 / 3.0 * (c.y - a.y));
                segments.push(Segment::Cubic(c1.0, c1.1, c2.0, c2.1, a.x, a.y));
                last = (a.x, a.y);
            }
            PathSegment::CubicTo(c1, c2, a) => {
                segments.push(Segment::Cubic(c1.x, c1.y, c2.x, c2.y, a.x, a.y));
                last = (a.x, a.y);
            }
            PathSegment::Close => segments.push(Segment::Close),
        }
    }
    let fill = p.fill().and_then(|f| rgb(f.paint()));
    let even_odd = p
        .fill()
        .is_some_and(|f| f.rule() == usvg::FillRule::EvenOdd);
    let stroke = p.stroke().and_then(|s| {
        Some(Stroke {
            color: rgb(s.paint())?,
            width: s.width().get() * scale,
            dash: s
                .dasharray()
                .map(|d| d.iter().map(|v| v * scale).collect())
                .unwrap_or_default(),
            round: s.linecap() == usvg::LineCap::Round || s.linejoin() == usvg::LineJoin::Round,
        })
    });
    (fill.is_some() || stroke.is_some()).then_some(Shape {
        segments,
        fill,
        even_odd,
        stroke,
    })
}
