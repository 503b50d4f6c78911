//! Keeps the focused control in view: an iced widget operation that finds
//! the control by its id, then scrolls the scroll area holding it just
//! enough to show it whole (with a margin), as a browser does when Tab
//! moves focus. Nothing moves when the control is already in view.

use iced::advanced::widget::operation::{Operation, Outcome, scrollable};
use iced::advanced::widget::{self, Id};
use iced::widget::operation::AbsoluteOffset;
use iced::{Rectangle, Task, Vector};

use super::focus::Control;

/// Room kept above and below the control, in pixels.
const MARGIN: f32 = 24.0;

/// The Task that scrolls `control` into view.
pub fn reveal<M: Send + 'static>(control: Control) -> Task<M> {
    widget::operate(Reveal {
        target: control.id(),
        enclosing: Vec::new(),
        last: None,
        found: None,
        to_top: false,
    })
    .discard()
}

/// The Task that scrolls the widget `id` (a block a search found) to the
/// top of its scroll area, unless it shows whole from the area's top.
pub fn bring<M: Send + 'static>(id: &'static str) -> Task<M> {
    widget::operate(Reveal {
        target: Id::from(id),
        enclosing: Vec::new(),
        last: None,
        found: None,
        to_top: true,
    })
    .discard()
}

/// A scroll area met on the way down.
#[derive(Debug, Clone)]
struct Area {
    id: Option<Id>,
    bounds: Rectangle,
    content: Rectangle,
    translation: Vector,
}

struct Reveal {
    target: Id,
    /// The scroll areas around the widget being visited (`None` for the
    /// other containers).
    enclosing: Vec<Option<Area>>,
    /// The scroll area just visited, whose children come next.
    last: Option<Area>,
    /// The target's scroll area and the offset that shows it.
    found: Option<(Id, f32)>,
    /// Put the target at the top of its area, rather than just in view.
    to_top: bool,
}

impl Operation for Reveal {
    fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation)) {
        let area = self.last.take();
        self.enclosing.push(area);
        operate(self);
        self.enclosing.pop();
    }

    fn scrollable(
        &mut self,
        id: Option<&Id>,
        bounds: Rectangle,
        content: Rectangle,
        translation: Vector,
        _state: &mut dyn scrollable::Scrollable,
    ) {
        self.last = Some(Area {
            id: id.cloned(),
            bounds,
            content,
            translation,
        });
    }

    fn container(&mut self, id: Option<&Id>, bounds: Rectangle) {
        self.last = None;
        if self.found.is_some() || id != Some(&self.target) {
            return;
        }
        let Some(area) = self.enclosing.iter().rev().flatten().next() else {
            return;
        };
        let Some(area_id) = area.id.clone() else {
            return;
        };
        let offset = if self.to_top {
            Some(offset_at_top(area, bounds))
        } else {
            offset_showing(area, bounds)
        };
        if let Some(offset) = offset {
            self.found = Some((area_id, offset));
        }
    }

    fn finish(&self) -> Outcome<()> {
        match &self.found {
            Some((id, y)) => Outcome::Chain(Box::new(scrollable::scroll_to(
                id.clone(),
                AbsoluteOffset {
                    x: None,
                    y: Some(*y),
                },
            ))),
            None => Outcome::None,
        }
    }
}

/// The scroll offset that shows `target` (laid out in `area`'s content)
/// whole, or `None` when it is already in view.
fn offset_showing(area: &Area, target: Rectangle) -> Option<f32> {
    let top = target.y - area.content.y;
    let shown = -area.translation.y;
    let view = area.bounds.height;
    let most = (area.content.height - view).max(0.0);
    if top < shown + MARGIN.min(top) {
        Some((top - MARGIN).clamp(0.0, most))
    } else if top + target.height > shown + view - MARGIN {
        Some((top + target.height + MARGIN - view).clamp(0.0, most))
    } else {
        None
    }
}

/// The scroll offset that puts `target` at the top of `area` (with a
/// margin); 0 when it shows whole with the area at its top.
fn offset_at_top(area: &Area, target: Rectangle) -> f32 {
    let top = target.y - area.content.y;
    let most = (area.content.height - area.bounds.height).max(0.0);
    if top + target.height + MARGIN <= area.bounds.height {
        0.0
    } else {
        (top - MARGIN).clamp(0.0, most)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn area(scrolled: f32) -> Area {
        Area {
            id: None,
            bounds: Rectangle::new(iced::Point::new(0.0, 100.0), iced::Size::new(800.0, 500.0)),
            content: Rectangle::new(iced::Point::new(0.0, 100.0), iced::Size::new(800.0, 3000.0)),
            translation: Vector::new(0.0, -scrolled),
        }
    }

    fn at(y: f32) -> Rectangle {
        Rectangle::new(
            iced::Point::new(10.0, 100.0 + y),
            iced::Size::new(100.0, 48.0),
        )
    }

    #[test]
    fn a_found_block_comes_to_the_top_unless_it_shows_from_the_start() {
        // Whole in the first screen: the page stays at its top.
        assert_eq!(offset_at_top(&area(700.0), at(200.0)), 0.0);
        // Lower: at the top, with the margin; never past the end.
        assert_eq!(offset_at_top(&area(0.0), at(1200.0)), 1176.0);
        assert_eq!(offset_at_top(&area(0.0), at(2990.0)), 2500.0);
    }

    #[test]
    fn a_control_in_view_does_not_move_the_page() {
        assert_eq!(offset_showing(&area(0.0), at(200.0)), None);
        assert_eq!(offset_showing(&area(1000.0), at(1200.0)), None);
    }

    #[test]
    fn a_control_below_the_view_comes_up_to_its_bottom_edge() {
        // 2000 + 48 + 24 − 500 = 1572.
        assert_eq!(offset_showing(&area(0.0), at(2000.0)), Some(1572.0));
    }

    #[test]
    fn a_control_above_the_view_comes_down_to_its_top_edge() {
        assert_eq!(offset_showing(&area(1500.0), at(300.0)), Some(276.0));
        // Never past the top nor the end of the content.
        assert_eq!(offset_showing(&area(1500.0), at(5.0)), Some(0.0));
        assert_eq!(offset_showing(&area(0.0), at(2990.0)), Some(2500.0));
    }
}
