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

    /// The horizontal and vertical scales that fit the drawing's SVG units
    /// into a box of `width` × `height` (1 along an empty side).
    pub fn scales(&self, width: f32, height: f32) -> (f32, f32) {
        let scale = |to: f32, from: f32| if from > 0.0 { to / from } else { 1.0 };
        (scale(width, self.width), scale(height, self.height))
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

/// A subpath flattened into points, and whether it is closed.
pub type Polyline = (Vec<(f32, f32)>, bool);

impl Shape {
    /// The shape's subpaths as straight lines, each curve cut into
    /// `steps` pieces: for printer drivers that draw polygons and lines
    /// more reliably than curves and paths (Windows' GDI).
    pub fn polylines(&self, steps: usize) -> Vec<Polyline> {
        let steps = steps.max(1);
        let mut out: Vec<Polyline> = Vec::new();
        let mut last = (0.0, 0.0);
        for segment in &self.segments {
            match *segment {
                Segment::Move(x, y) => {
                    out.push((vec![(x, y)], false));
                    last = (x, y);
                }
                Segment::Line(x, y) => {
                    if out.is_empty() {
                        out.push((vec![last], false));
                    }
                    if let Some((points, _)) = out.last_mut() {
                        points.push((x, y));
                    }
                    last = (x, y);
                }
                Segment::Cubic(ax, ay, bx, by, x, y) => {
                    if out.is_empty() {
                        out.push((vec![last], false));
                    }
                    let p0 = last;
                    if let Some((points, _)) = out.last_mut() {
                        for i in 1..=steps {
                            let t = i as f32 / steps as f32;
                            let u = 1.0 - t;
                            let (a, b, c, d) =
                                (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
                            points.push((
                                a * p0.0 + b * ax + c * bx + d * x,
                                a * p0.1 + b * ay + c * by + d * y,
                            ));
                        }
                    }
                    last = (x, y);
                }
                Segment::Close => {
                    if let Some((points, closed)) = out.last_mut() {
                        *closed = true;
                        if let Some(&first) = points.first() {
                            last = first;
                        }
                    }
                }
            }
        }
        out
    }
}

/// The drawn pieces of a line dashed with `dash` (lengths on, off, on, …,
/// repeated as SVG does when their count is odd), from its start.
pub fn dashed(points: &[(f32, f32)], dash: &[f32]) -> Vec<Vec<(f32, f32)>> {
    let pattern: Vec<f32> = if dash.len() % 2 == 1 {
        dash.iter().chain(dash).copied().collect()
    } else {
        dash.to_vec()
    };
    if pattern.is_empty()
        || pattern.iter().any(|l| l.is_nan() || *l < 0.0)
        || pattern.iter().sum::<f32>() <= 0.0
    {
        return vec![points.to_vec()];
    }
    let mut out = Vec::new();
    let mut index = 0;
    let mut left = pattern[0];
    let mut on = true;
    let mut current: Vec<(f32, f32)> = points.first().map(|p| vec![*p]).unwrap_or_default();
    for pair in points.windows(2) {
        let (mut from, to) = (pair[0], pair[1]);
        let mut length = (to.0 - from.0).hypot(to.1 - from.1);
        while length >= left {
            let t = left / length;
            let at = (from.0 + (to.0 - from.0) * t, from.1 + (to.1 - from.1) * t);
            if on {
                current.push(at);
                out.push(std::mem::take(&mut current));
            } else {
                current = vec![at];
            }
            length -= left;
            from = at;
            on = !on;
            index = (index + 1) % pattern.len();
            left = pattern[index];
        }
        left -= length;
        if on {
            current.push(to);
        }
    }
    let drawn = current.windows(2).any(|pair| pair[0] != pair[1]);
    if on && drawn {
        out.push(current);
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(segments: Vec<Segment>) -> Shape {
        Shape {
            segments,
            fill: Some((0, 0, 0)),
            even_odd: false,
            stroke: None,
        }
    }

    #[test]
    fn curves_are_cut_into_steps_that_stay_on_the_curve() {
        // A quarter circle's usual cubic, from (1, 0) to (0, 1).
        let k = 0.552_284_8;
        let s = shape(vec![
            Segment::Move(1.0, 0.0),
            Segment::Cubic(1.0, k, k, 1.0, 0.0, 1.0),
            Segment::Line(0.0, 0.0),
            Segment::Close,
            Segment::Move(5.0, 5.0),
            Segment::Line(6.0, 5.0),
        ]);
        let lines = s.polylines(8);
        assert_eq!(lines.len(), 2);
        let (first, closed) = &lines[0];
        assert!(*closed && !lines[1].1);
        assert_eq!(first.len(), 1 + 8 + 1);
        for &(x, y) in &first[1..9] {
            assert!(((x * x + y * y).sqrt() - 1.0).abs() < 0.001, "({x}, {y})");
        }
        assert_eq!(first[8], (0.0, 1.0));
        assert_eq!(lines[1].0, vec![(5.0, 5.0), (6.0, 5.0)]);
    }

    #[test]
    fn a_dashed_line_is_drawn_in_pieces_across_corners() {
        let line = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0)];
        let pieces = dashed(&line, &[4.0, 2.0]);
        // On 0–4, 6–10 (ending at the corner), 12–16, 18–20.
        assert_eq!(pieces.len(), 4);
        assert_eq!(pieces[0], vec![(0.0, 0.0), (4.0, 0.0)]);
        assert_eq!(pieces[1], vec![(6.0, 0.0), (10.0, 0.0)]);
        assert_eq!(pieces[2], vec![(10.0, 2.0), (10.0, 6.0)]);
        assert_eq!(pieces[3], vec![(10.0, 8.0), (10.0, 10.0)]);
        // An odd pattern repeats, as in SVG; none draws the whole line.
        assert_eq!(dashed(&line, &[5.0]).len(), 2);
        assert_eq!(dashed(&line, &[]), vec![line.to_vec()]);
        assert_eq!(dashed(&line, &[0.0, 0.0]), vec![line.to_vec()]);
    }
}
