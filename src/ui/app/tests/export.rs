//! The app's side of the panel, through `App::update`: opening it, the
//! focus ring and Escape, the Tasks it runs (drained here as the runtime
//! would), and the idle reset that must close it and ignore late results.

use futures::StreamExt;
use iced::Task;
use iced_test::runtime::Action as Run;

use chrono::NaiveDate;

use crate::Lang;
use crate::content::ContentSource;
use crate::print::PrintError;
use crate::settings::Settings;
use crate::ui::app::{App, Config, Message as AppMessage, Screen};
use crate::ui::export::*;
use crate::ui::focus::{Control, TabKey};
use crate::ui::keys::Shortcut;
use crate::ui::theme::TextSize;

use iced::futures;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default()
}

/// The open panel.
fn panel(app: &App) -> &State {
    app.export.as_ref().expect("the panel is open")
}

fn app_with(kiosk: bool, settings: Settings) -> App {
    let mut config = Config::new(ContentSource::Embedded, Lang::Fr, today());
    config.kiosk = kiosk;
    config.settings = settings;
    App::new(config)
}

/// The messages a Task produces, run to its end (scrolling and other
/// widget operations are left out).
fn outputs(task: Task<AppMessage>) -> Vec<AppMessage> {
    let Some(stream) = iced_test::runtime::task::into_stream(task) else {
        return Vec::new();
    };
    futures::executor::block_on(stream.collect::<Vec<_>>())
        .into_iter()
        .filter_map(|action| match action {
            Run::Output(message) => Some(message),
            _ => None,
        })
        .collect()
}

/// Gives the app a message, then every message its Tasks produce, until
/// nothing is left to run.
fn settle(app: &mut App, message: AppMessage) {
    let mut queue = vec![message];
    while let Some(message) = queue.pop() {
        let task = app.update(message);
        queue.extend(outputs(task));
    }
}

#[test]
fn imprimer_pdf_opens_the_panel_on_the_section_being_read() {
    let mut app = app_with(false, Settings::default());
    let _ = app.update(AppMessage::Open(TabKey::Content(1)));
    let _ = app.update(AppMessage::OpenExport);
    assert!(app.export.is_some());
    assert_eq!(panel(&app).scope, Scope::Section);
    assert!(!panel(&app).large_print);
    assert_eq!(app.screen, Screen::Reader, "the reader is kept underneath");
    assert_eq!(app.scroll_area(), PANEL);
    let ring = app.controls();
    assert!(ring.contains(&Control::Panel(Button::Print)));
    assert!(!ring.iter().any(|c| matches!(c, Control::Section(_))));
    assert!(matches!(
        app.message_for(Control::Panel(Button::Back)),
        Some(AppMessage::Export(Message::Close))
    ));
}

#[test]
fn from_my_questions_the_panel_opens_on_the_sheet_and_in_large_print_at_150_percent() {
    let mut app = app_with(false, Settings::default());
    let _ = app.update(AppMessage::Open(TabKey::Questions));
    let _ = app.update(AppMessage::TextLarger);
    let _ = app.update(AppMessage::TextLarger);
    assert_eq!(app.text_size, TextSize::from_percent(150));
    let _ = app.update(AppMessage::OpenExport);
    assert_eq!(panel(&app).scope, Scope::Questions);
    assert!(panel(&app).large_print);
}

#[test]
fn a_tab_or_escape_closes_the_panel() {
    let mut app = app_with(false, Settings::default());
    let _ = app.update(AppMessage::OpenExport);
    let _ = app.update(AppMessage::Open(TabKey::Glossary));
    assert!(app.export.is_none());
    assert_eq!(app.screen, Screen::Glossary);

    let _ = app.update(AppMessage::OpenExport);
    assert_eq!(panel(&app).scope, Scope::Booklet, "from the glossary");
    let _ = app.update(AppMessage::Key(Shortcut::Escape));
    assert!(app.export.is_none());
}

#[test]
fn from_the_keyboard_the_focus_goes_into_the_panel_and_back_to_its_button() {
    let mut app = app_with(false, Settings::default());
    app.focus = Some(Control::Export);
    let _ = app.update(AppMessage::Key(Shortcut::Activate));
    assert!(app.export.is_some());
    assert_eq!(
        app.focus,
        Some(Control::Panel(Button::Scope(Scope::Section)))
    );
    let _ = app.update(AppMessage::Key(Shortcut::FocusNext));
    assert_eq!(app.focus, Some(Control::Panel(Button::Scope(Scope::Tab))));
    let _ = app.update(AppMessage::Key(Shortcut::Escape));
    assert!(app.export.is_none());
    assert_eq!(app.focus, Some(Control::Export));
}

#[test]
fn enter_on_a_focused_panel_control_presses_it() {
    let mut app = app_with(false, Settings::default());
    let _ = app.update(AppMessage::OpenExport);
    app.focus = Some(Control::Panel(Button::LargePrint));
    let _ = app.update(AppMessage::Key(Shortcut::Activate));
    assert!(panel(&app).large_print);
    app.focus = Some(Control::Panel(Button::Scope(Scope::Booklet)));
    let _ = app.update(AppMessage::Key(Shortcut::Activate));
    assert_eq!(panel(&app).scope, Scope::Booklet);
}

#[test]
fn in_kiosk_mode_this_tab_in_large_print_goes_to_the_export_folder() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut app = app_with(
        true,
        Settings {
            export_dir: Some(dir.path().to_path_buf()),
            ..Settings::default()
        },
    );
    settle(&mut app, AppMessage::OpenExport);
    settle(&mut app, AppMessage::Export(Message::Choose(Scope::Tab)));
    settle(&mut app, AppMessage::Export(Message::ToggleLargePrint));
    settle(&mut app, AppMessage::Export(Message::Save));
    let Stage::Saved {
        path,
        in_export_folder,
        pages,
    } = &panel(&app).stage
    else {
        panic!("not saved: {:?}", panel(&app).stage);
    };
    assert!(*in_export_folder);
    assert!(*pages >= 1);
    assert_eq!(path.parent(), Some(dir.path()));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    assert_eq!(
        name.as_deref(),
        Some("comprendre-la-resistance-fr-gros-caracteres.pdf")
    );
    let bytes = std::fs::read(path).unwrap_or_default();
    assert!(bytes.starts_with(b"%PDF"));
}

#[test]
fn a_print_failure_is_shown_with_its_reason_and_the_pdf_kept() {
    let mut app = app_with(
        false,
        Settings {
            printer: Some("no-such-queue-for-patient-info".into()),
            ..Settings::default()
        },
    );
    settle(&mut app, AppMessage::OpenExport);
    settle(&mut app, AppMessage::Export(Message::Print));
    let Stage::PrintFailed { error, made } = &panel(&app).stage else {
        panic!("the print did not fail: {:?}", panel(&app).stage);
    };
    assert!(made.bytes.starts_with(b"%PDF"));
    assert!(matches!(
        error,
        PrintError::UnknownPrinter(_)
            | PrintError::NoPrintCommand(_)
            | PrintError::ServerUnreachable
            | PrintError::Refused(_)
    ));
    assert!(
        app.controls()
            .contains(&Control::Panel(Button::SaveInstead))
    );
}

#[test]
fn the_idle_reset_closes_the_panel_and_a_late_result_is_ignored() {
    let mut app = app_with(false, Settings::default());
    let _ = app.update(AppMessage::OpenExport);
    let task = app.update(AppMessage::Export(Message::Print));
    assert_eq!(panel(&app).stage, Stage::Making(Purpose::Print));
    // The PDF comes back only after the reset.
    let late = outputs(task);
    let [AppMessage::Export(Message::Made(first, Ok(_)))] = late.as_slice() else {
        panic!("not one made PDF: {late:?}");
    };
    let first = *first;
    let _ = app.reset();
    assert!(app.export.is_none());
    for message in late.clone() {
        assert!(outputs(app.update(message)).is_empty());
    }
    assert!(app.export.is_none());

    // Reopened by the next patient: the old result still does not count.
    let _ = app.update(AppMessage::OpenExport);
    for message in late {
        assert!(outputs(app.update(message)).is_empty());
    }
    assert_eq!(panel(&app).stage, Stage::Ready);
    // Nor does a print result of the first job.
    let queued = crate::print::Queued {
        job_id: "x-1".into(),
        printer: None,
    };
    let _ = app.update(AppMessage::Export(Message::Printed(first, Ok(queued))));
    assert_eq!(panel(&app).stage, Stage::Ready);
}

#[test]
fn a_closed_panel_ignores_every_message() {
    let mut app = app_with(false, Settings::default());
    for message in [Message::Save, Message::Print, Message::Choose(Scope::Tab)] {
        assert!(outputs(app.update(AppMessage::Export(message))).is_empty());
        assert!(app.export.is_none());
    }
}
