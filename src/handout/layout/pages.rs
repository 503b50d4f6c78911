//! Laying rows on pages: a row that must stay with the next one moves to
//! the next page with it, so a heading never ends a page; space is dropped
//! at the top of a page; ruled lines for writing fill what is left.

use super::Frame;
use super::flow::{Element, Row};

/// A page of the body before its furniture: its rows with their tops, and
/// the footer note of the part it starts in.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Sheet {
    pub rows: Vec<(f32, Row)>,
    pub note: Option<String>,
}

/// Lays the elements on as many pages as they need (at least one).
pub fn paginate(elements: Vec<Element>, frame: &Frame) -> Vec<Sheet> {
    let mut pager = Pager {
        frame: *frame,
        sheets: Vec::new(),
        current: Sheet::default(),
        y: frame.top,
        note: None,
    };
    let mut i = 0;
    while i < elements.len() {
        match &elements[i] {
            Element::Gap(gap) => {
                if !pager.current.rows.is_empty() {
                    pager.y += gap;
                }
                i += 1;
            }
            Element::Part { new_page, note } => {
                if *new_page && !pager.current.rows.is_empty() {
                    pager.new_page();
                }
                pager.note = note.clone();
                if pager.current.rows.is_empty() {
                    pager.current.note = note.clone();
                }
                i += 1;
            }
            Element::Fill {
                head,
                line,
                at_least,
            } => {
                let reserve = trailing_height(&elements[i + 1..], frame);
                pager.fill(head, line, *at_least, reserve);
                i += 1;
            }
            Element::Row(_) => {
                let end = chain_end(&elements, i);
                pager.place_chain(&elements[i..end]);
                i = end;
            }
        }
    }
    pager.finish()
}

/// The index just past the rows that must stay together with the row at
/// `start` (gaps between them included).
fn chain_end(elements: &[Element], start: usize) -> usize {
    let mut i = start;
    while let Some(element) = elements.get(i) {
        match element {
            Element::Row(row) if row.keep_with_next => i += 1,
            Element::Row(_) => return i + 1,
            Element::Gap(_) => i += 1,
            // A part ends the chain: it may start a page; so does a fill.
            Element::Part { .. } | Element::Fill { .. } => return i,
        }
    }
    elements.len()
}

/// The height of what follows a filling row, when it is short enough to
/// keep on the same page (the closing note after the free lines).
fn trailing_height(rest: &[Element], frame: &Frame) -> f32 {
    let height = height(rest);
    if height < frame.height() / 2.0 {
        height
    } else {
        0.0
    }
}

/// The height of rows and gaps (a fill counts for nothing: it takes what
/// is left).
fn height(elements: &[Element]) -> f32 {
    elements
        .iter()
        .map(|e| match e {
            Element::Row(row) => row.height,
            Element::Gap(gap) => *gap,
            Element::Part { .. } | Element::Fill { .. } => 0.0,
        })
        .sum()
}

struct Pager {
    frame: Frame,
    sheets: Vec<Sheet>,
    current: Sheet,
    y: f32,
    /// The footer note of the part being laid.
    note: Option<String>,
}

impl Pager {
    fn new_page(&mut self) {
        let next = Sheet {
            rows: Vec::new(),
            note: self.note.clone(),
        };
        self.sheets.push(std::mem::replace(&mut self.current, next));
        self.y = self.frame.top;
    }

    fn room(&self) -> f32 {
        self.frame.bottom - self.y
    }

    fn put(&mut self, row: &Row) {
        self.current.rows.push((self.y, row.clone()));
        self.y += row.height;
    }

    /// Rows that stay together: on this page if they fit, else on the
    /// next. A chain taller than a page starts a page and breaks where it
    /// must.
    fn place_chain(&mut self, chain: &[Element]) {
        let height = height(chain);
        if height > self.room() + 0.01 && !self.current.rows.is_empty() {
            self.new_page();
        }
        for element in chain {
            match element {
                Element::Row(row) => {
                    if row.height > self.room() + 0.01 && !self.current.rows.is_empty() {
                        self.new_page();
                    }
                    self.put(row);
                }
                Element::Gap(gap) if !self.current.rows.is_empty() => self.y += gap,
                _ => {}
            }
        }
    }

    /// The head, then a ruled line repeated until the page is full,
    /// leaving `reserve` points for what follows; nothing when fewer than
    /// `at_least` lines would fit.
    fn fill(&mut self, head: &[Element], row: &Row, at_least: usize, reserve: f32) {
        if row.height <= 0.0 {
            return;
        }
        // Space before the head is dropped at the top of a page.
        let leading = match head.first() {
            Some(Element::Gap(gap)) => *gap,
            _ => 0.0,
        };
        let need = height(head) - leading + at_least as f32 * row.height;
        let end = self.frame.bottom - reserve + 0.01;
        let top = if self.current.rows.is_empty() {
            self.y
        } else {
            self.y + leading
        };
        if top + need > end {
            return;
        }
        for element in head {
            match element {
                Element::Row(r) => self.put(r),
                Element::Gap(g) if !self.current.rows.is_empty() => self.y += g,
                _ => {}
            }
        }
        while self.y + row.height <= end {
            self.put(row);
        }
    }

    fn finish(mut self) -> Vec<Sheet> {
        if !self.current.rows.is_empty() || self.sheets.is_empty() {
            self.sheets.push(self.current);
        }
        self.sheets
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::handout::layout::RowKind;

    fn row(height: f32, keep: bool, kind: RowKind) -> Element {
        Element::Row(Row {
            height,
            draws: Vec::new(),
            keep_with_next: keep,
            kind,
            text: String::new(),
            mark: None,
        })
    }

    fn frame() -> Frame {
        Frame {
            left: 0.0,
            right: 100.0,
            top: 0.0,
            bottom: 100.0,
        }
    }

    #[test]
    fn rows_go_on_the_next_page_when_the_page_is_full() {
        let elements: Vec<Element> = (0..25).map(|_| row(10.0, false, RowKind::Text)).collect();
        let sheets = paginate(elements, &frame());
        assert_eq!(
            sheets.iter().map(|s| s.rows.len()).collect::<Vec<_>>(),
            [10, 10, 5]
        );
    }

    #[test]
    fn a_heading_moves_to_the_next_page_with_its_first_lines() {
        let mut elements: Vec<Element> = (0..8).map(|_| row(10.0, false, RowKind::Text)).collect();
        elements.push(row(10.0, true, RowKind::Heading));
        elements.push(row(10.0, true, RowKind::Text));
        elements.push(row(10.0, false, RowKind::Text));
        let sheets = paginate(elements, &frame());
        assert_eq!(sheets[0].rows.len(), 8);
        assert_eq!(sheets[1].rows[0].1.kind, RowKind::Heading);
    }

    #[test]
    fn space_is_dropped_at_the_top_of_a_page() {
        let elements = vec![
            row(95.0, false, RowKind::Text),
            Element::Gap(20.0),
            row(10.0, false, RowKind::Text),
        ];
        let sheets = paginate(elements, &frame());
        assert_eq!(sheets[1].rows[0].0, 0.0);
    }

    #[test]
    fn a_chain_taller_than_a_page_still_breaks() {
        let elements: Vec<Element> = (0..30).map(|i| row(10.0, i < 29, RowKind::Boxed)).collect();
        let sheets = paginate(elements, &frame());
        assert_eq!(sheets.len(), 3);
        assert!(
            sheets
                .iter()
                .all(|s| s.rows.iter().all(|(top, r)| top + r.height <= 100.01))
        );
    }

    #[test]
    fn nothing_still_makes_one_page() {
        assert_eq!(paginate(Vec::new(), &frame()).len(), 1);
    }
}
