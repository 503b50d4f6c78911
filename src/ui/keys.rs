//! Keyboard shortcuts: which key does what, as a pure function of the key,
//! its physical position and the modifiers, so it is tested without a window.
//! Digits are read by position, so Ctrl+1…6 also work on a French AZERTY
//! keyboard, where the digit row types `&é"'(-` without Shift.

use iced::keyboard::key::{Code, Named, Physical};
use iced::keyboard::{Key, Modifiers};

/// What a key press asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortcut {
    /// Tab: the next control.
    FocusNext,
    /// Shift+Tab: the previous control.
    FocusPrevious,
    /// Enter or Space: press the focused control.
    Activate,
    /// Ctrl+1…7: the tab at this position of the tab row (0-based).
    OpenTab(usize),
    /// Ctrl+plus.
    TextLarger,
    /// Ctrl+minus.
    TextSmaller,
    /// Ctrl+0.
    TextReset,
    PageUp,
    PageDown,
    /// Home: back to the top of the pane.
    Top,
    /// End: the bottom of the pane.
    Bottom,
    LineUp,
    LineDown,
    /// Escape: close the glossary panel.
    Escape,
    /// Ctrl+F: the search screen, its field ready for typing.
    Search,
}

/// The shortcut of a key press, if it is one.
pub fn shortcut(key: &Key, physical: Physical, modifiers: Modifiers) -> Option<Shortcut> {
    let ctrl = modifiers.control() || modifiers.command();
    if ctrl && !modifiers.alt() {
        return ctrl_shortcut(key, physical);
    }
    if modifiers.alt() || modifiers.logo() {
        return None;
    }
    match key.as_ref() {
        Key::Named(Named::Tab) if modifiers.shift() => Some(Shortcut::FocusPrevious),
        Key::Named(Named::Tab) => Some(Shortcut::FocusNext),
        Key::Named(Named::Enter | Named::Space) => Some(Shortcut::Activate),
        Key::Character(" ") => Some(Shortcut::Activate),
        Key::Named(Named::PageUp) => Some(Shortcut::PageUp),
        Key::Named(Named::PageDown) => Some(Shortcut::PageDown),
        Key::Named(Named::Home) => Some(Shortcut::Top),
        Key::Named(Named::End) => Some(Shortcut::Bottom),
        Key::Named(Named::ArrowUp) => Some(Shortcut::LineUp),
        Key::Named(Named::ArrowDown) => Some(Shortcut::LineDown),
        Key::Named(Named::Escape) => Some(Shortcut::Escape),
        _ => None,
    }
}

fn ctrl_shortcut(key: &Key, physical: Physical) -> Option<Shortcut> {
    // The character decides for plus and minus (on AZERTY, minus is on the
    // 6 key); the position decides for digits.
    match key.as_ref() {
        Key::Character("+" | "=") => return Some(Shortcut::TextLarger),
        Key::Character("-" | "_") => return Some(Shortcut::TextSmaller),
        Key::Character("f" | "F") => return Some(Shortcut::Search),
        _ => {}
    }
    let Physical::Code(code) = physical else {
        return match key.as_ref() {
            Key::Character(c) => digit_char(c),
            _ => None,
        };
    };
    match code {
        Code::NumpadAdd | Code::Equal => Some(Shortcut::TextLarger),
        Code::NumpadSubtract | Code::Minus => Some(Shortcut::TextSmaller),
        Code::Digit0 | Code::Numpad0 => Some(Shortcut::TextReset),
        Code::Digit1 | Code::Numpad1 => Some(Shortcut::OpenTab(0)),
        Code::Digit2 | Code::Numpad2 => Some(Shortcut::OpenTab(1)),
        Code::Digit3 | Code::Numpad3 => Some(Shortcut::OpenTab(2)),
        Code::Digit4 | Code::Numpad4 => Some(Shortcut::OpenTab(3)),
        Code::Digit5 | Code::Numpad5 => Some(Shortcut::OpenTab(4)),
        Code::Digit6 | Code::Numpad6 => Some(Shortcut::OpenTab(5)),
        Code::Digit7 | Code::Numpad7 => Some(Shortcut::OpenTab(6)),
        _ => match key.as_ref() {
            Key::Character(c) => digit_char(c),
            _ => None,
        },
    }
}

/// A digit typed as a character, when the key's position is unknown.
fn digit_char(c: &str) -> Option<Shortcut> {
    match c {
        "0" => Some(Shortcut::TextReset),
        "1" => Some(Shortcut::OpenTab(0)),
        "2" => Some(Shortcut::OpenTab(1)),
        "3" => Some(Shortcut::OpenTab(2)),
        "4" => Some(Shortcut::OpenTab(3)),
        "5" => Some(Shortcut::OpenTab(4)),
        "6" => Some(Shortcut::OpenTab(5)),
        "7" => Some(Shortcut::OpenTab(6)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use iced::keyboard::key::NativeCode;

    const NONE: Modifiers = Modifiers::empty();
    const CTRL: Modifiers = Modifiers::CTRL;
    const SHIFT: Modifiers = Modifiers::SHIFT;
    const UNKNOWN: Physical = Physical::Unidentified(NativeCode::Unidentified);

    fn named(n: Named) -> Key {
        Key::Named(n)
    }

    fn ch(c: &str) -> Key {
        Key::Character(c.into())
    }

    #[test]
    fn tab_and_shift_tab_move_the_focus() {
        assert_eq!(
            shortcut(&named(Named::Tab), UNKNOWN, NONE),
            Some(Shortcut::FocusNext)
        );
        assert_eq!(
            shortcut(&named(Named::Tab), UNKNOWN, SHIFT),
            Some(Shortcut::FocusPrevious)
        );
    }

    #[test]
    fn enter_and_space_press_the_focused_control() {
        assert_eq!(
            shortcut(&named(Named::Enter), UNKNOWN, NONE),
            Some(Shortcut::Activate)
        );
        assert_eq!(
            shortcut(&named(Named::Space), UNKNOWN, NONE),
            Some(Shortcut::Activate)
        );
        assert_eq!(shortcut(&ch(" "), UNKNOWN, NONE), Some(Shortcut::Activate));
    }

    #[test]
    fn ctrl_and_a_digit_open_the_tabs_on_qwerty_and_azerty() {
        for (i, code) in [
            Code::Digit1,
            Code::Digit2,
            Code::Digit3,
            Code::Digit4,
            Code::Digit5,
            Code::Digit6,
        ]
        .into_iter()
        .enumerate()
        {
            assert_eq!(
                shortcut(&ch("x"), Physical::Code(code), CTRL),
                Some(Shortcut::OpenTab(i))
            );
        }
        // AZERTY: the 1 key types "&" without Shift.
        assert_eq!(
            shortcut(&ch("&"), Physical::Code(Code::Digit1), CTRL),
            Some(Shortcut::OpenTab(0))
        );
        // A key whose position is unknown but which types a digit.
        assert_eq!(
            shortcut(&ch("3"), UNKNOWN, CTRL),
            Some(Shortcut::OpenTab(2))
        );
    }

    #[test]
    fn ctrl_plus_minus_and_zero_set_the_text_size() {
        assert_eq!(
            shortcut(&ch("+"), UNKNOWN, CTRL),
            Some(Shortcut::TextLarger)
        );
        assert_eq!(
            shortcut(&ch("="), Physical::Code(Code::Equal), CTRL),
            Some(Shortcut::TextLarger)
        );
        assert_eq!(
            shortcut(&ch("+"), Physical::Code(Code::NumpadAdd), CTRL),
            Some(Shortcut::TextLarger)
        );
        assert_eq!(
            shortcut(&ch("-"), Physical::Code(Code::Minus), CTRL),
            Some(Shortcut::TextSmaller)
        );
        assert_eq!(
            shortcut(&ch("-"), Physical::Code(Code::NumpadSubtract), CTRL),
            Some(Shortcut::TextSmaller)
        );
        // AZERTY: minus is on the 6 key; the character wins.
        assert_eq!(
            shortcut(&ch("-"), Physical::Code(Code::Digit6), CTRL),
            Some(Shortcut::TextSmaller)
        );
        assert_eq!(
            shortcut(&ch("0"), Physical::Code(Code::Digit0), CTRL),
            Some(Shortcut::TextReset)
        );
        assert_eq!(
            shortcut(&ch("à"), Physical::Code(Code::Digit0), CTRL),
            Some(Shortcut::TextReset)
        );
    }

    #[test]
    fn page_keys_scroll_and_escape_closes() {
        assert_eq!(
            shortcut(&named(Named::PageDown), UNKNOWN, NONE),
            Some(Shortcut::PageDown)
        );
        assert_eq!(
            shortcut(&named(Named::PageUp), UNKNOWN, NONE),
            Some(Shortcut::PageUp)
        );
        assert_eq!(
            shortcut(&named(Named::Home), UNKNOWN, NONE),
            Some(Shortcut::Top)
        );
        assert_eq!(
            shortcut(&named(Named::End), UNKNOWN, NONE),
            Some(Shortcut::Bottom)
        );
        assert_eq!(
            shortcut(&named(Named::ArrowDown), UNKNOWN, NONE),
            Some(Shortcut::LineDown)
        );
        assert_eq!(
            shortcut(&named(Named::ArrowUp), UNKNOWN, NONE),
            Some(Shortcut::LineUp)
        );
        assert_eq!(
            shortcut(&named(Named::Escape), UNKNOWN, NONE),
            Some(Shortcut::Escape)
        );
    }

    #[test]
    fn ctrl_f_opens_the_search() {
        assert_eq!(shortcut(&ch("f"), UNKNOWN, CTRL), Some(Shortcut::Search));
        assert_eq!(shortcut(&ch("F"), UNKNOWN, CTRL), Some(Shortcut::Search));
        assert_eq!(shortcut(&ch("f"), UNKNOWN, NONE), None);
    }

    #[test]
    fn ordinary_letters_and_alt_combinations_are_left_alone() {
        assert_eq!(shortcut(&ch("a"), Physical::Code(Code::KeyA), NONE), None);
        assert_eq!(shortcut(&ch("1"), Physical::Code(Code::Digit1), NONE), None);
        assert_eq!(shortcut(&named(Named::Tab), UNKNOWN, Modifiers::ALT), None);
        assert_eq!(shortcut(&ch("q"), Physical::Code(Code::KeyQ), CTRL), None);
    }
}
