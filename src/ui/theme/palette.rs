//! The two palettes, with every colour named by its role, and the WCAG
//! contrast ratio computed from them: the tests hold every pair of text and
//! background to 4.5:1 (normal) or 7:1 (high contrast).

use iced::{Color, Theme, color};

/// The colours of the interface, named by what they paint.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Colors {
    pub background: Color,
    pub text: Color,
    pub muted: Color,
    pub heading: Color,
    pub header_bg: Color,
    pub header_text: Color,
    pub rule: Color,
    pub panel_bg: Color,
    pub panel_border: Color,
    pub tab_bg: Color,
    pub tab_text: Color,
    pub tab_border: Color,
    pub tab_hover_bg: Color,
    pub tab_selected_bg: Color,
    pub tab_selected_text: Color,
    pub selected_bg: Color,
    pub selected_text: Color,
    pub button_bg: Color,
    pub button_text: Color,
    pub button_border: Color,
    pub button_hover_bg: Color,
    pub primary_bg: Color,
    pub primary_text: Color,
    pub focus: Color,
    pub mark_bg: Color,
    pub mark_text: Color,
    pub mark_border: Color,
    /// The words a search found, in the text it opened.
    pub found_bg: Color,
    pub found_text: Color,
    pub summary_bg: Color,
    pub summary_border: Color,
    pub summary_title: Color,
    pub callout_text: Color,
    pub remember: Callout,
    pub important: Callout,
    pub todo: Callout,
    /// Warning signs: red, so that it reads as « act now ».
    pub urgent: Callout,
    pub error_text: Color,
    pub warning_text: Color,
    pub tick_bg: Color,
    pub tick_mark: Color,
    pub scroller: Color,
    pub rail: Color,
}

/// The colours of one kind of callout box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Callout {
    pub bg: Color,
    pub border: Color,
    pub title: Color,
}

/// Calm paper-and-teal colours.
pub const NORMAL: Colors = Colors {
    background: color!(0xF7F5F0),
    text: color!(0x1B1F24),
    muted: color!(0x464C55),
    heading: color!(0x0B4650),
    header_bg: color!(0xFFFFFF),
    header_text: color!(0x0B4650),
    rule: color!(0xCFCAC0),
    panel_bg: color!(0xFFFFFF),
    panel_border: color!(0xD6D2C8),
    tab_bg: color!(0xFFFFFF),
    tab_text: color!(0x0B4650),
    tab_border: color!(0x5E7F86),
    tab_hover_bg: color!(0xE3EEF0),
    tab_selected_bg: color!(0x0B4650),
    tab_selected_text: color!(0xFFFFFF),
    selected_bg: color!(0xDCEBED),
    selected_text: color!(0x0A2E34),
    button_bg: color!(0xFFFFFF),
    button_text: color!(0x0B4650),
    button_border: color!(0x0B4650),
    button_hover_bg: color!(0xE3EEF0),
    primary_bg: color!(0x0B4650),
    primary_text: color!(0xFFFFFF),
    focus: color!(0xC2410C),
    mark_bg: color!(0xFFEFB0),
    mark_text: color!(0x2B2200),
    mark_border: color!(0x9A7A00),
    found_bg: color!(0xFFB066),
    found_text: color!(0x1B1F24),
    summary_bg: color!(0xE3F0F2),
    summary_border: color!(0x0B4650),
    summary_title: color!(0x0B4650),
    callout_text: color!(0x1B1F24),
    remember: Callout {
        bg: color!(0xE7F4EA),
        border: color!(0x2F7D45),
        title: color!(0x1E5631),
    },
    important: Callout {
        bg: color!(0xFDEEDC),
        border: color!(0xB5530C),
        title: color!(0x8A3B00),
    },
    todo: Callout {
        bg: color!(0xE6EEFB),
        border: color!(0x2754B8),
        title: color!(0x1D3F8F),
    },
    urgent: Callout {
        bg: color!(0xFDE4E4),
        border: color!(0xB3141B),
        title: color!(0x8E0A10),
    },
    error_text: color!(0xA61B1B),
    warning_text: color!(0x7A4A00),
    tick_bg: color!(0x0B4650),
    tick_mark: color!(0xFFFFFF),
    scroller: color!(0x5E7F86),
    rail: color!(0xE4E0D8),
};

/// White and yellow on black, for low vision.
pub const HIGH: Colors = Colors {
    background: color!(0x000000),
    text: color!(0xFFFFFF),
    muted: color!(0xE6E6E6),
    heading: color!(0xFFE45C),
    header_bg: color!(0x000000),
    header_text: color!(0xFFFFFF),
    rule: color!(0xFFFFFF),
    panel_bg: color!(0x000000),
    panel_border: color!(0xFFFFFF),
    tab_bg: color!(0x000000),
    tab_text: color!(0xFFFFFF),
    tab_border: color!(0xFFFFFF),
    tab_hover_bg: color!(0x333333),
    tab_selected_bg: color!(0xFFFFFF),
    tab_selected_text: color!(0x000000),
    selected_bg: color!(0xFFE45C),
    selected_text: color!(0x000000),
    button_bg: color!(0x000000),
    button_text: color!(0xFFFFFF),
    button_border: color!(0xFFFFFF),
    button_hover_bg: color!(0x333333),
    primary_bg: color!(0xFFE45C),
    primary_text: color!(0x000000),
    focus: color!(0x00E5FF),
    mark_bg: color!(0x000000),
    mark_text: color!(0xFFE45C),
    mark_border: color!(0xFFE45C),
    found_bg: color!(0xFFE45C),
    found_text: color!(0x000000),
    summary_bg: color!(0x000000),
    summary_border: color!(0xFFFFFF),
    summary_title: color!(0xFFE45C),
    callout_text: color!(0xFFFFFF),
    remember: Callout {
        bg: color!(0x000000),
        border: color!(0x7CFC9A),
        title: color!(0x7CFC9A),
    },
    important: Callout {
        bg: color!(0x000000),
        border: color!(0xFFB347),
        title: color!(0xFFB347),
    },
    todo: Callout {
        bg: color!(0x000000),
        border: color!(0x7FD3FF),
        title: color!(0x7FD3FF),
    },
    urgent: Callout {
        bg: color!(0x000000),
        border: color!(0xFF6B6B),
        title: color!(0xFF8A8A),
    },
    error_text: color!(0xFF9E9E),
    warning_text: color!(0xFFE45C),
    tick_bg: color!(0xFFE45C),
    tick_mark: color!(0x000000),
    scroller: color!(0xFFFFFF),
    rail: color!(0x333333),
};

impl Colors {
    /// Every pair of (text, background) the interface paints, by name. The
    /// contrast tests walk this list.
    pub fn text_pairs(&self) -> Vec<(&'static str, Color, Color)> {
        let mut pairs = vec![
            ("body text", self.text, self.background),
            ("body text on a panel", self.text, self.panel_bg),
            ("muted text", self.muted, self.background),
            ("muted text on a panel", self.muted, self.panel_bg),
            ("heading", self.heading, self.background),
            ("heading on a panel", self.heading, self.panel_bg),
            ("header", self.header_text, self.header_bg),
            ("tab label", self.tab_text, self.tab_bg),
            ("tab label, hovered", self.tab_text, self.tab_hover_bg),
            (
                "tab label, selected",
                self.tab_selected_text,
                self.tab_selected_bg,
            ),
            ("selected section", self.selected_text, self.selected_bg),
            ("button", self.button_text, self.button_bg),
            ("button, hovered", self.button_text, self.button_hover_bg),
            ("button in the header", self.button_text, self.header_bg),
            ("primary button", self.primary_text, self.primary_bg),
            ("glossary mark", self.mark_text, self.mark_bg),
            ("word found by a search", self.found_text, self.found_bg),
            ("summary title", self.summary_title, self.summary_bg),
            ("summary text", self.callout_text, self.summary_bg),
            ("glossary mark in the summary", self.mark_text, self.mark_bg),
            ("error", self.error_text, self.panel_bg),
            ("warning", self.warning_text, self.panel_bg),
            ("tick", self.tick_mark, self.tick_bg),
        ];
        for (name, c) in [
            ("remember", self.remember),
            ("important", self.important),
            ("to do", self.todo),
            ("urgent", self.urgent),
        ] {
            pairs.push((name, self.callout_text, c.bg));
            pairs.push((name, c.title, c.bg));
        }
        pairs
    }

    /// Lines and rings that must stand out from what surrounds them
    /// (WCAG non-text contrast, 3:1).
    pub fn line_pairs(&self) -> Vec<(&'static str, Color, Color)> {
        vec![
            ("focus ring on the page", self.focus, self.background),
            ("focus ring on a panel", self.focus, self.panel_bg),
            ("focus ring in the header", self.focus, self.header_bg),
            ("button border", self.button_border, self.background),
            ("tab border", self.tab_border, self.background),
            (
                "card border (sections, words, questions)",
                self.tab_border,
                self.panel_bg,
            ),
            ("glossary mark border", self.mark_border, self.mark_bg),
            ("tick box", self.text, self.panel_bg),
            ("scroller", self.scroller, self.rail),
        ]
    }

    /// The colours of a callout kind.
    pub fn callout(&self, kind: crate::CalloutKind) -> Callout {
        match kind {
            crate::CalloutKind::Remember => self.remember,
            crate::CalloutKind::Important => self.important,
            crate::CalloutKind::ToDo => self.todo,
            crate::CalloutKind::Urgent => self.urgent,
        }
    }

    /// The iced theme built on this palette (for the window background and
    /// the few widgets styled by default).
    pub fn theme(&self, name: &'static str) -> Theme {
        Theme::custom(
            name,
            iced::theme::Palette {
                background: self.background,
                text: self.text,
                primary: self.primary_bg,
                success: self.remember.border,
                warning: self.important.border,
                danger: self.error_text,
            },
        )
    }
}

/// WCAG 2 relative luminance of a colour.
pub fn luminance(c: Color) -> f32 {
    let channel = |v: f32| {
        if v <= 0.039_28 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)
}

/// WCAG 2 contrast ratio between two opaque colours: 1.0 to 21.0.
pub fn contrast(a: Color, b: Color) -> f32 {
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_of_black_on_white_is_21_and_of_a_colour_on_itself_is_1() {
        assert!((contrast(Color::BLACK, Color::WHITE) - 21.0).abs() < 0.01);
        assert!((contrast(NORMAL.text, NORMAL.text) - 1.0).abs() < 0.001);
        // A reference value: #767676 on white is the classic 4.54:1.
        assert!((contrast(color!(0x767676), Color::WHITE) - 4.54).abs() < 0.01);
    }

    fn check(colors: &Colors, min_text: f32, min_line: f32) -> Vec<String> {
        let mut failures = Vec::new();
        for (name, fg, bg) in colors.text_pairs() {
            let ratio = contrast(fg, bg);
            if ratio < min_text {
                failures.push(format!("{name}: {ratio:.2}:1 < {min_text}:1"));
            }
        }
        for (name, fg, bg) in colors.line_pairs() {
            let ratio = contrast(fg, bg);
            if ratio < min_line {
                failures.push(format!("{name}: {ratio:.2}:1 < {min_line}:1"));
            }
        }
        failures
    }

    #[test]
    fn every_text_of_the_normal_theme_reaches_4_5_to_1() {
        let failures = check(&NORMAL, 4.5, 3.0);
        assert!(failures.is_empty(), "{failures:#?}");
    }

    #[test]
    fn every_text_of_the_high_contrast_theme_reaches_7_to_1() {
        let failures = check(&HIGH, 7.0, 3.0);
        assert!(failures.is_empty(), "{failures:#?}");
    }

    #[test]
    fn the_pairs_cover_body_text_tabs_glossary_marks_and_every_callout() {
        let names: Vec<&str> = NORMAL.text_pairs().iter().map(|p| p.0).collect();
        for wanted in [
            "body text",
            "tab label",
            "tab label, selected",
            "glossary mark",
            "remember",
            "important",
            "to do",
            "urgent",
        ] {
            assert!(names.contains(&wanted), "no contrast pair for {wanted}");
        }
    }

    #[test]
    fn an_urgent_callout_is_red_and_unlike_the_others_in_both_themes() {
        use crate::CalloutKind;
        for colors in [NORMAL, HIGH] {
            let urgent = colors.callout(CalloutKind::Urgent);
            for c in [urgent.border, urgent.title] {
                assert!(c.r > 1.5 * c.g && c.r > 1.5 * c.b, "{c:?} is not red");
            }
            for other in [
                CalloutKind::Remember,
                CalloutKind::Important,
                CalloutKind::ToDo,
            ] {
                assert_ne!(colors.callout(other), urgent);
            }
        }
    }

    #[test]
    fn glossary_marks_stand_out_from_the_page() {
        // A mark differs from plain text by its background (normal) or its
        // colour (high contrast); either way the reader must see it.
        assert!(contrast(NORMAL.mark_border, NORMAL.background) >= 3.0);
        assert!(contrast(HIGH.mark_text, HIGH.text) > 1.2);
    }
}
