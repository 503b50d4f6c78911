//! The panel on screen: the four choices as large entries, large print, the
//! buttons, then what became of the last job (progress, where the file
//! went, the print job, or why it failed and what can be done instead).

use iced::widget::{Column, Row, column, container, row};
use iced::{Alignment, Element, Length};

use super::{Button, Context, Message, Saving, Scope, Stage, State};
use crate::content::CalloutKind;
use crate::i18n::Text;
use crate::ui::focus::Control;
use crate::ui::theme;
use crate::ui::{Look, controls, rich};

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
        choices = choices.push(entry(
            look,
            Button::Scope(scope),
            chosen,
            label,
            detail,
            (!busy).then_some(Message::Choose(scope)),
        ));
    }
    let large = entry(
        look,
        Button::LargePrint,
        state.large_print,
        look.text(Text::ExportLargePrint).to_string(),
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
    let mut act = column![large, buttons.wrap().vertical_spacing(u)].spacing(2.0 * u);
    if let Saving::Folder(dir) = &ctx.saving {
        act = act.push(column![
            rich::plain(look.text(Text::ExportSaveGoesTo), s.control, c.muted),
            rich::bold(dir.display().to_string(), s.control, c.text),
        ]);
    }
    act = act.push(rich::plain(printer_line(&ctx, look), s.control, c.muted));
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

/// A full-width entry with a tick box, a bold label and a line under it.
fn entry<'a>(
    look: Look,
    button: Button,
    on: bool,
    label: String,
    detail: String,
    message: Option<Message>,
) -> Element<'a, Message> {
    let (c, s) = (look.colors, look.sizes);
    let ink = if on { c.selected_text } else { c.text };
    let content = row![
        controls::tick_box(look, on),
        column![
            rich::bold(label, s.control, ink),
            rich::plain(detail, s.control, ink)
        ]
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

/// « Imprimante : cups-pdf, 2 exemplaires, recto verso ».
fn printer_line(ctx: &Context<'_>, look: Look) -> String {
    let settings = ctx.settings;
    let printer = settings
        .printer
        .clone()
        .unwrap_or_else(|| look.text(Text::DefaultPrinter).to_string());
    let copies = if settings.copies > 1 {
        Text::ExportCopies
    } else {
        Text::ExportCopy
    };
    let mut line = format!(
        "{} {printer}, {} {}",
        look.text(Text::ExportPrinter),
        settings.copies.max(1),
        look.text(copies)
    );
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
                    buttons.push(button(look, Button::SaveInFolder, Text::ExportSaveInFolder));
                }
                None => lines.push(rich::plain(
                    crate::export::ExportError::NoExportFolder.message(lang),
                    s.control,
                    c.callout_text,
                )),
            }
            buttons.push(plain_button(look, Button::DontSave, Text::ExportDontSave));
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
                buttons.push(button(look, Button::SaveInstead, Text::ExportSaveInstead));
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
fn button<'a>(look: Look, which: Button, label: Text) -> Element<'a, Message> {
    controls::button(
        look,
        Control::Panel(which),
        look.text(label),
        theme::chosen(look.colors),
        Some(which.message()),
    )
}

/// A button of the status box that stops there.
fn plain_button<'a>(look: Look, which: Button, label: Text) -> Element<'a, Message> {
    controls::button(
        look,
        Control::Panel(which),
        look.text(label),
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
