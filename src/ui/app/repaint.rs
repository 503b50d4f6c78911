//! A whole-window repaint after each layout change.
//!
//! Why fragments stayed on screen: the software renderer (tiny-skia, the
//! one a waiting-room PC without a GPU uses) repaints only the rectangles
//! that changed since the last frame ("damage"). Those rectangles are in
//! logical pixels at fractional positions and are not rounded out to whole
//! device pixels, and the background under them is filled without
//! anti-aliasing while the shapes are drawn with it: an anti-aliased edge
//! pixel that straddles a damage rectangle's border is left half old. After
//! a layout change (text size, contrast, language, another screen, the
//! folded header's sheet, a definition, the focus ring moving) thin lines
//! and pieces of focus rings from the old layout stayed behind, until a
//! resize repainted everything. (Upstream: iced-rs/iced pull request 3032,
//! "Fix tiny-skia damage handling", open at iced 0.14.)
//!
//! iced repaints the whole surface when the application's background
//! colour differs from the last frame's. So each layout change flips the
//! background's blue channel by 2⁻²⁰, far below one 8-bit step: the pixels
//! are the same, and the next frame is drawn whole. Scrolling, typing and
//! the idle clock change no layout and keep the cheap partial repaints.

use std::hash::{DefaultHasher, Hash, Hasher};

use iced::{Color, Theme, theme};

use super::{App, Shown};

/// How far the background moves to force a full repaint: invisible (an
/// 8-bit channel step is 2⁻⁸), but a different `f32`.
const NUDGE: f32 = 1.0 / 1_048_576.0;

/// The layout last drawn, and the background's parity.
#[derive(Debug, Clone, Copy, Default)]
pub struct Repaint {
    layout: u64,
    odd: bool,
}

impl Repaint {
    /// Notes the layout after an update: a new one flips the parity, so
    /// the next frame's background differs and the window is drawn whole.
    pub fn note(&mut self, layout: u64) {
        if layout != self.layout {
            self.layout = layout;
            self.odd = !self.odd;
        }
    }

    /// The window's background: the theme's, nudged on odd layouts.
    pub fn background(&self, color: Color) -> Color {
        if self.odd {
            let b = if color.b > 0.5 {
                color.b - NUDGE
            } else {
                color.b + NUDGE
            };
            Color { b, ..color }
        } else {
            color
        }
    }
}

impl App {
    /// What decides where things are drawn: a change in any of it is a
    /// layout change. Scroll offsets, the query being typed and the idle
    /// clock are left out on purpose.
    pub(super) fn layout_key(&self) -> u64 {
        let mut h = DefaultHasher::new();
        (self.lang, self.text_size, self.contrast).hash(&mut h);
        match self.shown() {
            Shown::Screen(screen) => format!("{screen:?}").hash(&mut h),
            Shown::Panel(_) => "panel".hash(&mut h),
        }
        format!("{:?} {:?}", self.menu, self.focus).hash(&mut h);
        let library = self.library();
        self.reader.position(library).hash(&mut h);
        self.reader.tab(library).map(|t| &t.id).hash(&mut h);
        self.reader.definition.hash(&mut h);
        (self.glossary.letter, self.glossary.chosen).hash(&mut h);
        self.kiosk.welcome.hash(&mut h);
        (self.window.width.to_bits(), self.window.height.to_bits()).hash(&mut h);
        h.finish()
    }

    /// The window's background and default text colour (see the module's
    /// comment for the nudge).
    pub fn style(&self, theme: &Theme) -> theme::Style {
        let base = theme::Base::base(theme);
        theme::Style {
            background_color: self.repaint.background(base.background_color),
            text_color: base.text_color,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::reader;

    #[test]
    fn a_new_layout_changes_the_background_by_less_than_one_8_bit_step() {
        let mut r = Repaint::default();
        let bg = Color::from_rgb8(0xf5, 0xf4, 0xf0);
        assert_eq!(r.background(bg), bg);
        r.note(1);
        let nudged = r.background(bg);
        assert_ne!(nudged, bg, "the renderer must see another colour");
        assert_eq!(nudged.into_rgba8(), bg.into_rgba8(), "but the same pixels");
        r.note(1);
        assert_eq!(r.background(bg), nudged, "same layout: no new full repaint");
        r.note(2);
        assert_eq!(r.background(bg), bg);
        // A dark background moves up, not below zero.
        let black = Color::BLACK;
        r.note(3);
        assert!(r.background(black).b > 0.0);
        assert_eq!(r.background(black).into_rgba8(), black.into_rgba8());
    }

    #[test]
    fn the_app_repaints_whole_after_a_layout_change_but_not_after_a_scroll() {
        let mut app = App::new(super::super::Config::new(
            crate::content::ContentSource::Embedded,
            crate::Lang::Fr,
            chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default(),
        ));
        let _ = app.update(super::super::Message::Pointer);
        let theme = app.theme();
        let before = app.style(&theme).background_color;

        let _ = app.update(super::super::Message::Reader(reader::Message::Scrolled(
            0.5,
        )));
        assert_eq!(app.style(&theme).background_color, before, "a scroll");

        let _ = app.update(super::super::Message::TextLarger);
        let larger = app.style(&theme).background_color;
        assert_ne!(larger, before, "a larger text is a new layout");

        let _ = app.update(super::super::Message::Key(
            crate::ui::keys::Shortcut::OpenTab(2),
        ));
        assert_ne!(app.style(&theme).background_color, larger, "another tab");
    }
}
