//! A figure drawn as PDF paths (printpdf's polygons and lines, Bézier
//! points included): no image, so it stays sharp at any zoom and prints in
//! black and white as the drawing was made. Inside its own marked content
//! (/Figure with an MCID), so the structure tree's /Figure element and its
//! /Alt point at it.

use printpdf::{
    Color, DictItem, Line, LineCapStyle, LineDashPattern, LineJoinStyle, LinePoint, Op, PaintMode,
    Point, Polygon, PolygonRing, Pt, WindingOrder,
};

use super::{Marked, Marking};
use crate::figure::{Drawing, Segment};
use crate::handout::layout::{PAGE_HEIGHT, Tag};

impl Marking {
    /// Closes what is open and starts the figure's own marked content.
    pub(super) fn figure(&mut self, ops: &mut Vec<Op>, tag: Tag) {
        self.close(ops);
        match tag {
            Tag::Node(node) => {
                let mcid = self.mcids.len();
                self.mcids.push(node);
                let mut properties = std::collections::BTreeMap::new();
                properties.insert("MCID".to_string(), DictItem::Int(mcid as i64));
                ops.push(Op::BeginMarkedContentWithProperties {
                    tag: "Figure".to_string(),
                    properties: DictItem::Dict { map: properties },
                });
                self.open = Some(Marked::Content(mcid));
            }
            Tag::Artifact => {
                ops.push(Op::BeginMarkedContent {
                    tag: "Artifact".to_string(),
                });
                self.open = Some(Marked::Decoration);
            }
        }
    }
}

fn rgb((r, g, b): (u8, u8, u8)) -> Color {
    Color::Rgb(printpdf::Rgb {
        r: f32::from(r) / 255.0,
        g: f32::from(g) / 255.0,
        b: f32::from(b) / 255.0,
        icc_profile: None,
    })
}

/// The drawing's operations, scaled into the box (x, y, width, height),
/// y from the page's top.
pub(super) fn draw(ops: &mut Vec<Op>, (x, y, width, height): (f32, f32, f32, f32), d: &Drawing) {
    let (sx, sy) = d.scales(width, height);
    let scale = sx.min(sy);
    let at = |px: f32, py: f32, bezier: bool| LinePoint {
        p: Point {
            x: Pt(x + px * sx),
            y: Pt(PAGE_HEIGHT - (y + py * sy)),
        },
        bezier,
    };
    ops.push(Op::SaveGraphicsState);
    for shape in &d.shapes {
        // Each subpath as a list of points, and whether it is closed.
        let mut rings: Vec<(Vec<LinePoint>, bool)> = Vec::new();
        for seg in &shape.segments {
            match *seg {
                Segment::Move(px, py) => rings.push((vec![at(px, py, false)], false)),
                Segment::Line(px, py) => {
                    if let Some((ring, _)) = rings.last_mut() {
                        ring.push(at(px, py, false));
                    }
                }
                Segment::Cubic(ax, ay, bx, by, px, py) => {
                    if let Some((ring, _)) = rings.last_mut() {
                        ring.push(at(ax, ay, true));
                        ring.push(at(bx, by, true));
                        ring.push(at(px, py, false));
                    }
                }
                Segment::Close => {
                    if let Some((_, closed)) = rings.last_mut() {
                        *closed = true;
                    }
                }
            }
        }
        if let Some(fill) = shape.fill {
            ops.push(Op::SetFillColor { col: rgb(fill) });
            ops.push(Op::DrawPolygon {
                polygon: Polygon {
                    rings: rings
                        .iter()
                        .map(|(points, _)| PolygonRing {
                            points: points.clone(),
                        })
                        .collect(),
                    mode: PaintMode::Fill,
                    winding_order: if shape.even_odd {
                        WindingOrder::EvenOdd
                    } else {
                        WindingOrder::NonZero
                    },
                },
            });
        }
        if let Some(stroke) = &shape.stroke {
            ops.push(Op::SetOutlineColor {
                col: rgb(stroke.color),
            });
            ops.push(Op::SetOutlineThickness {
                pt: Pt(stroke.width * scale),
            });
            let (cap, join) = if stroke.round {
                (LineCapStyle::Round, LineJoinStyle::Round)
            } else {
                (LineCapStyle::Butt, LineJoinStyle::Miter)
            };
            ops.push(Op::SetLineCapStyle { cap });
            ops.push(Op::SetLineJoinStyle { join });
            let dash: Vec<f32> = stroke.dash.iter().map(|v| v * scale).collect();
            ops.push(Op::SetLineDashPattern {
                dash: LineDashPattern::new(0.0, &dash),
            });
            for (points, closed) in &rings {
                if *closed {
                    ops.push(Op::DrawPolygon {
                        polygon: Polygon {
                            rings: vec![PolygonRing {
                                points: points.clone(),
                            }],
                            mode: PaintMode::Stroke,
                            winding_order: WindingOrder::NonZero,
                        },
                    });
                } else {
                    ops.push(Op::DrawLine {
                        line: Line {
                            points: points.clone(),
                            is_closed: false,
                        },
                    });
                }
            }
        }
    }
    ops.push(Op::RestoreGraphicsState);
}
