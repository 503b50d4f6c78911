//! « Contacts »: whom to call, at the end of every section and on « Mes
//! questions »: the clinic's name and phone from the settings, and the
//! national Cancer Info line.

use iced::widget::{Column, container};
use iced::{Element, Length};

use super::{Look, rich, theme};
use crate::i18n::Label;

/// The national Cancer Info line (INCa, free service and call).
pub const CANCER_INFO: &str = "0\u{a0}805\u{a0}123\u{a0}124";

/// What the settings say of the clinic.
#[derive(Debug, Clone, Copy, Default)]
pub struct Contacts<'a> {
    pub clinic_name: Option<&'a str>,
    pub clinic_phone: Option<&'a str>,
}

/// The box of contacts.
pub fn view<'a, M: 'a>(contacts: Contacts<'a>, look: Look) -> Element<'a, M> {
    let (c, s) = (look.colors, look.sizes);
    let mut lines = Column::new().spacing(0.4 * s.body);
    lines = lines.push(rich::bold(look.label(Label::Contacts), s.h2, c.heading));
    let team = match (contacts.clinic_name, contacts.clinic_phone) {
        (Some(name), Some(phone)) => format!("{name}\u{a0}: {phone}"),
        (None, Some(phone)) => format!("{}\u{a0}: {phone}", look.label(Label::YourTeam)),
        (Some(name), None) => format!("{name}\u{a0}: {}", look.label(Label::NoClinicPhone)),
        (None, None) => format!(
            "{}\u{a0}: {}",
            look.label(Label::YourTeam),
            look.label(Label::NoClinicPhone)
        ),
    };
    lines = lines.push(rich::plain(colon(team, look), s.body, c.text));
    lines = lines.push(rich::plain(
        colon(
            format!("{}\u{a0}: {CANCER_INFO}", look.label(Label::CancerInfo)),
            look,
        ),
        s.body,
        c.text,
    ));
    container(lines)
        .padding(2.0 * s.unit)
        .width(Length::Fill)
        .style(theme::boxed(c.panel_bg, c.panel_border, 2.0, c.text))
        .into()
}

/// French puts a no-break space before the colon; English none.
fn colon(text: String, look: Look) -> String {
    match look.lang {
        crate::Lang::Fr => text,
        crate::Lang::En => text.replace("\u{a0}:", ":"),
    }
}
