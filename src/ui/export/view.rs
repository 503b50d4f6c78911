//! The panel on screen: the four choices as large radio entries, each with
//! its page count, the preview of the first pages of the one chosen, large
//! print, the copies, the buttons, then what became of the last job
//! (progress, where the file went, the print job, or why it failed and what
//! can be done instead).

use iced::alignment::Horizontal;
use iced::widget::text::Wrapping;
use iced::widget::{Column, Row, column, container, row, text};
use iced::{Alignment, Element, Length};

use super::{Button, Context, MAX_COPIES, Message, Saving, Scope, Stage, State};
use crate::content::CalloutKind;
use crate::i18n::{Label, Text};
use crate::ui::focus::Control;
use crate::ui::theme::{self, LINE_HEIGHT};
use crate::ui::{Look, controls, rich};

mod preview;

pub use preview::Sheet;
use preview::preview;

pub fn view<'a>(state: &'a State, ctx: Context<'a>, look: Look) -> Element<'a, Message> {
    let (c, s) = (look.colors, look.sizes);
    let u = s.unit;
    let busy = state.stage.busy();

    let title = row![
        container(rich::bold(
            look.text(Text::ExportPanelTitle),
            s.h1,
            c.heading
        ))
        .width(Length::Fill),
        controls::button(
            look,
            Control::Panel(Button::Back),
            look.text(Text::ExportBack),
            theme::plain(c),
            Some(Message::Close),
        ),
    ]
    .spacing(2.0 * u)
    .align_y(Alignment::Center);

    let mut choices = Column::new().spacing(u);
    for scope in Scope::ALL.into_iter().filter(|s| ctx.offers(*s)) {
        let chosen = state.scope == scope;
        let (label, detail) = describe(scope, &ctx, look);
        let count = state.pages(scope, &ctx).map_or_else(
            || "·\u{a0}…".to_string(),
            |n| format!("·\u{a0}{}", crate::i18n::pages(n, look.lang)),
        );
        choices = choices.push(entry(
            look,
            Button::Scope(scope),
            Mark::Radio(chosen),
            (label, Some(count)),
            detail,
            (!busy).then_some(Message::Choose(scope)),
        ));
    }
    let large = entry(
        look,
        Button::LargePrint,
        Mark::Tick(state.large_print),
        (look.text(Text::ExportLargePrint).to_string(), None),
        look.text(Text::ExportLargePrintDetail).to_string(),
        (!busy).then_some(Message::ToggleLargePrint),
    );

    let mut buttons = Row::new().spacing(2.0 * u).align_y(Alignment::Center);
    let save_label = match ctx.saving {
        Saving::Dialog { .. } => Some(Text::ExportSave),
        Saving::Folder(_) => Some(Text::ExportSaveNoDialog),
        Saving::Off => None,
    };
    if let Some(label) = save_label {
        buttons = buttons.push(controls::button(
            look,
            Control::Panel(Button::Save),
            look.text(label),
            theme::chosen(c),
            (!busy).then_some(Message::Save),
        ));
    }
    buttons = buttons.push(controls::button(
        look,
        Control::Panel(Button::Print),
        look.text(Text::ExportPrint),
        theme::chosen(c),
        (!busy).then_some(Message::Print),
    ));

    // What to print on the left, how and the outcome on the right; one
    // column when the text is too large for two.
    let choose = column![
        rich::bold(look.text(Text::ExportWhat), s.h2, c.heading),
        choices,
    ]
    .spacing(2.0 * u);
    let mut act = column![large].spacing(2.0 * u);
    if !ctx.kiosk {
        act = act.push(copies(state, look, busy));
    }
    act = act.push(buttons.wrap().vertical_spacing(u));
    if let Saving::Folder(dir) = &ctx.saving {
        act = act.push(column![
            rich::plain(look.text(Text::ExportSaveGoesTo), s.control, c.muted),
            rich::bold(dir.display().to_string(), s.control, c.text),
        ]);
    }
    act = act.push(rich::plain(printer_line(&ctx, look), s.control, c.muted));
    act = act.push(preview(state, &ctx, look));
    if let Some(status) = status(state, &ctx, look) {
        act = act.push(status);
    }
    let wide = two_columns(look);
    let body: Element<'a, Message> = if wide {
        row![
            choose.width(Length::FillPortion(3)),
            act.width(Length::FillPortion(2))
        ]
        .spacing(3.0 * u)
        .into()
    } else {
        column![choose, act].spacing(2.0 * u).into()
    };
    let page = column![title, body]
        .spacing(2.0 * u)
        .padding([2.0 * u, 3.0 * u]);
    let max_width = if wide { 64.0 } else { 48.0 } * s.control;
    controls::scroll(
        look,
        super::PANEL,
        container(page).max_width(max_width).width(Length::Fill),
    )
}

/// Whether the choices and the buttons fit side by side: in every window
/// from 800 px at 100 % text, from 1024 px at 200 %.
fn two_columns(look: Look) -> bool {
    look.window.width >= 36.0 * look.sizes.control
}

/// A choice's label, and the line under it (what exactly it holds).
fn describe(scope: Scope, ctx: &Context<'_>, look: Look) -> (String, String) {
    let label = |t: Text| look.text(t).to_string();
    match scope {
        Scope::Section => (
            label(Text::ExportThisSection),
            ctx.section.map(|s| s.title.clone()).unwrap_or_default(),
        ),
        Scope::Tab => (
            label(Text::ExportThisTab),
            ctx.tab.map(|t| t.title.clone()).unwrap_or_default(),
        ),
        Scope::Questions => (
            label(Text::ExportMyQuestions),
            if ctx.ticked.is_empty() {
                label(Text::ExportNoneTicked)
            } else {
                format!("{} {}", look.text(Text::TickedCount), ctx.ticked.len())
            },
        ),
        Scope::Booklet => (label(Text::ExportBooklet), label(Text::ExportBookletDetail)),
    }
}

/// How an entry shows whether it is on: one choice among several, or a
/// setting on its own.
#[derive(Debug, Clone, Copy)]
enum Mark {
    Radio(bool),
    Tick(bool),
}

/// A full-width entry with a radio mark or a tick box, a bold label (with
/// the page count after it), and a line under it.
fn entry<'a>(
    look: Look,
    button: Button,
    mark: Mark,
    (label, count): (String, Option<String>),
    detail: String,
    message: Option<Message>,
) -> Element<'a, Message> {
    let (c, s) = (look.colors, look.sizes);
    let (on, mark) = match mark {
        Mark::Radio(on) => (on, controls::radio(look, on)),
        Mark::Tick(on) => (on, controls::tick_box(look, on)),
    };
    let ink = if on { c.selected_text } else { c.text };
    // The label and its page count on one line when they fit.
    let words = |t: String, font| {
        text(t)
            .size(s.control)
            .line_height(LINE_HEIGHT)
            .font(font)
            .color(ink)
            .wrapping(Wrapping::WordOrGlyph)
    };
    let mut title = Row::new()
        .push(words(label, crate::ui::BOLD))
        .spacing(0.5 * s.unit);
    if let Some(count) = count {
        title = title.push(words(count, crate::ui::FONT));
    }
    let content = row![
        mark,
        column![title.wrap(), rich::plain(detail, s.control, ink)]
            .spacing(0.25 * s.unit)
            .width(Length::Fill),
    ]
    .spacing(2.0 * s.unit)
    .align_y(Alignment::Center);
    controls::wide(
        look,
        Control::Panel(button),
        content,
        theme::entry(c, on),
        message,
    )
}

/// « Nombre d'exemplaires  − 2 + »: large buttons for a finger, 1 to 20.
fn copies<'a>(state: &State, look: Look, busy: bool) -> Element<'a, Message> {
    let (c, s) = (look.colors, look.sizes);
    let n = state.copies;
    // Wider and taller than the usual target: a finger hits it at once.
    let side = 1.5 * s.target.max(2.0 * s.control);
    let step = |button: Button, label: Label, can: bool| {
        let sign = text(look.label(label))
            .size(s.h2)
            .font(crate::ui::BOLD)
            .width(Length::Fill)
            .align_x(Horizontal::Center);
        let control = Control::Panel(button);
        let pressed = iced::widget::Button::new(container(sign).center(Length::Fill))
            .width(side)
            .height(side)
            .on_press_maybe((can && !busy).then_some(button.message()))
            .style(theme::plain(c).button(c, look.focused(control)));
        crate::ui::focus::target(control, pressed)
    };
    let number = text(n.to_string())
        .size(s.h2)
        .line_height(LINE_HEIGHT)
        .font(crate::ui::BOLD)
        .color(c.text)
        .width(2.0 * s.h2)
        .align_x(Horizontal::Center);
    row![
        text(look.label(Label::Copies))
            .size(s.control)
            .line_height(LINE_HEIGHT)
            .color(c.text)
            .wrapping(Wrapping::WordOrGlyph),
        row![
            step(Button::FewerCopies, Label::FewerCopies, n > 1),
            number,
            step(Button::MoreCopies, Label::MoreCopies, n < MAX_COPIES),
        ]
        .spacing(s.unit)
        .align_y(Alignment::Center),
    ]
    .spacing(2.0 * s.unit)
    .align_y(Alignment::Center)
    .wrap()
    .vertical_spacing(s.unit)
    .into()
}

/// « Imprimante : cups-pdf, 2 exemplaires, recto verso »; outside kiosk
/// mode the copies have their own control.
fn printer_line(ctx: &Context<'_>, look: Look) -> String {
    let settings = ctx.settings;
    let printer = settings
        .printer
        .clone()
        .unwrap_or_else(|| look.text(Text::DefaultPrinter).to_string());
    let mut line = format!("{} {printer}", look.text(Text::ExportPrinter));
    if ctx.kiosk {
        let copies = if settings.copies > 1 {
            Text::ExportCopies
        } else {
            Text::ExportCopy
        };
        line.push_str(&format!(
            ", {} {}",
            settings.copies.max(1),
            look.text(copies)
        ));
    }
    if settings.duplex {
        line.push_str(", ");
        line.push_str(look.text(Text::ExportDuplex));
    }
    line
}

/// What became of the last job, in a box coloured by how it went.
fn status<'a>(state: &'a State, ctx: &Context<'_>, look: Look) -> Option<Element<'a, Message>> {
    let (c, s) = (look.colors, look.sizes);
    let lang = look.lang;
    let say =
        |t: Text| -> Element<'a, Message> { rich::plain(look.text(t), s.control, c.callout_text) };
    let bold = |t: String| -> Element<'a, Message> { rich::bold(t, s.control, c.callout_text) };
    let mut lines: Vec<Element<'a, Message>> = Vec::new();
    let mut buttons: Vec<Element<'a, Message>> = Vec::new();
    let kind = match &state.stage {
        Stage::Ready => return None,
        Stage::Making(_) => {
            lines.push(bold(look.text(Text::ExportMaking).to_string()));
            None
        }
        Stage::Choosing(_) => {
            lines.push(bold(look.text(Text::ExportChoosing).to_string()));
            None
        }
        Stage::Writing(_) => {
            lines.push(bold(look.text(Text::ExportWriting).to_string()));
            None
        }
        Stage::Printing(_) => {
            lines.push(bold(look.text(Text::ExportPrinting).to_string()));
            None
        }
        Stage::Confirming(made) => {
            lines.push(bold(crate::i18n::print_long(made.pages, lang)));
            buttons.push(button(look, Button::PrintYes, look.label(Label::PrintYes)));
            buttons.push(plain_button(
                look,
                Button::PrintNo,
                look.label(Label::PrintNo),
            ));
            Some(CalloutKind::ToDo)
        }
        Stage::NoFileChosen(_) => {
            lines.push(bold(look.text(Text::ExportNoFileChosen).to_string()));
            match ctx.saving.folder() {
                Some(dir) => {
                    lines.push(say(Text::ExportOfferFolder));
                    lines.push(rich::bold(
                        dir.display().to_string(),
                        s.control,
                        c.callout_text,
                    ));
                    buttons.push(button(
                        look,
                        Button::SaveInFolder,
                        look.text(Text::ExportSaveInFolder),
                    ));
                }
                None => lines.push(rich::plain(
                    crate::export::ExportError::NoExportFolder.message(lang),
                    s.control,
                    c.callout_text,
                )),
            }
            buttons.push(plain_button(
                look,
                Button::DontSave,
                look.text(Text::ExportDontSave),
            ));
            Some(CalloutKind::ToDo)
        }
        Stage::Saved {
            path: file,
            in_export_folder,
            pages,
        } => {
            let label = if *in_export_folder {
                Text::ExportSavedInFolder
            } else {
                Text::ExportSaved
            };
            lines.push(bold(look.text(label).to_string()));
            lines.push(rich::bold(
                file.display().to_string(),
                s.control,
                c.callout_text,
            ));
            lines.push(rich::plain(
                crate::i18n::pages(*pages, lang),
                s.control,
                c.callout_text,
            ));
            Some(CalloutKind::Remember)
        }
        Stage::Printed { queued, pages } => {
            let printer = queued
                .printer
                .clone()
                .unwrap_or_else(|| look.text(Text::DefaultPrinter).to_string());
            let job = if queued.job_id.is_empty() {
                String::new()
            } else {
                format!("{} {}, ", look.text(Text::PrintJob), queued.job_id)
            };
            lines.push(bold(format!(
                "{} {printer} ({job}{}).",
                look.text(Text::PrintQueued),
                crate::i18n::pages(*pages, lang)
            )));
            if ctx.kiosk {
                lines.push(bold(
                    ctx.settings.print_pickup_message.get(lang).to_string(),
                ));
            }
            Some(CalloutKind::Remember)
        }
        Stage::PrintFailed { error, .. } => {
            lines.push(bold(look.text(Text::ExportPrintFailed).to_string()));
            lines.push(rich::plain(
                sentence(error.message(lang)),
                s.control,
                c.callout_text,
            ));
            if ctx.offers_save_instead() {
                lines.push(say(Text::ExportNotLost));
                buttons.push(button(
                    look,
                    Button::SaveInstead,
                    look.text(Text::ExportSaveInstead),
                ));
            } else if ctx.kiosk {
                lines.push(say(Text::ExportAskDesk));
            }
            Some(CalloutKind::Important)
        }
        Stage::SaveFailed { error, .. } => {
            lines.push(bold(look.text(Text::ExportSaveFailed).to_string()));
            lines.push(rich::plain(error.message(lang), s.control, c.callout_text));
            Some(CalloutKind::Important)
        }
        Stage::MakeFailed(error) => {
            lines.push(rich::plain(error.message(lang), s.control, c.callout_text));
            Some(CalloutKind::Important)
        }
    };
    let mut content = Column::with_children(lines).spacing(0.5 * s.unit);
    if !buttons.is_empty() {
        content = content.push(
            Row::with_children(buttons)
                .spacing(2.0 * s.unit)
                .wrap()
                .vertical_spacing(s.unit),
        );
    }
    let (bg, edge) = match kind {
        Some(kind) => {
            let callout = c.callout(kind);
            (callout.bg, callout.border)
        }
        None => (c.summary_bg, c.summary_border),
    };
    Some(
        container(content.spacing(s.unit))
            .padding([1.5 * s.unit, 2.0 * s.unit])
            .width(Length::Fill)
            .style(theme::boxed(bg, edge, 2.0, c.callout_text))
            .into(),
    )
}

/// A button of the status box that goes on with the job.
fn button<'a>(look: Look, which: Button, label: &'static str) -> Element<'a, Message> {
    controls::button(
        look,
        Control::Panel(which),
        label,
        theme::chosen(look.colors),
        Some(which.message()),
    )
}

/// A button of the status box that stops there.
fn plain_button<'a>(look: Look, which: Button, label: &'static str) -> Element<'a, Message> {
    controls::button(
        look,
        Control::Panel(which),
        label,
        theme::plain(look.colors),
        Some(which.message()),
    )
}

/// A reason that starts a line of its own starts with a capital letter
/// (the printer's reasons are worded to follow a colon).
fn sentence(reason: String) -> String {
    let mut chars = reason.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => reason,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reason_on_its_own_line_starts_with_a_capital() {
        assert_eq!(
            sentence("aucune imprimante n’est configurée.".into()),
            "Aucune imprimante n’est configurée."
        );
        assert_eq!(sentence("éteinte".into()), "Éteinte");
        assert_eq!(sentence(String::new()), "");
    }
}
