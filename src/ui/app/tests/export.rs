//! The app's side of the panel, through `App::update`: opening it, the
//! focus ring and Escape, the Tasks it runs (drained here as the runtime
//! would), and the idle reset that must close it and ignore late results.

use chrono::NaiveDate;

use super::outputs;
use crate::Lang;
use crate::content::ContentSource;
use crate::i18n::Text;
use crate::print::PrintError;
use crate::settings::Settings;
use crate::ui::app::{App, Config, Message as AppMessage, Screen};
use crate::ui::export::*;
use crate::ui::focus::{Control, TabKey};
use crate::ui::keys::Shortcut;
use crate::ui::theme::TextSize;

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

/// The app in a 1280 × 800 window, started (past the kiosk's welcome).
fn window(kiosk: bool, settings: Settings) -> App {
    let mut config = Config::new(ContentSource::Embedded, Lang::Fr, today());
    config.window = (1280.0, 800.0).into();
    config.kiosk = kiosk;
    config.settings = settings;
    let mut app = App::new(config);
    let _ = app.update(AppMessage::Kiosk(crate::ui::kiosk::Message::Start));
    app
}

fn simulator(app: &App) -> iced_test::Simulator<'_, AppMessage> {
    iced_test::Simulator::with_size(crate::ui::settings(), app.window, app.view())
}

/// Whether the window shows a text equal to `text`.
fn shows(app: &App, text: &str) -> bool {
    simulator(app).find(text).is_ok()
}

/// Whether the window has this control.
fn has(app: &App, control: Control) -> bool {
    simulator(app)
        .find(iced_test::selector::id(control.id()))
        .is_ok()
}

/// Clicks what `selector` finds, then runs what the click started.
fn click<S>(app: &mut App, selector: S)
where
    S: iced_test::selector::Selector + Send,
    S::Output: iced_test::selector::Bounded + Clone + Send + Sync + 'static,
{
    let messages: Vec<AppMessage> = {
        let mut ui = simulator(app);
        ui.click(selector).unwrap_or_else(|e| panic!("{e:?}"));
        ui.into_messages().collect()
    };
    assert!(!messages.is_empty(), "the click sent nothing");
    for message in messages {
        settle(app, message);
    }
}

/// « · 5 pages » after a choice.
fn count(n: usize) -> String {
    format!("·\u{a0}{}", crate::i18n::pages(n, Lang::Fr))
}

#[test]
fn the_choices_are_radio_entries_each_with_its_page_count_once_laid_out() {
    // Before the layouts come back: « … ».
    let mut waiting = window(false, Settings::default());
    let _ = waiting.update(AppMessage::OpenExport);
    assert!(shows(&waiting, "·\u{a0}…"));

    let mut app = window(false, Settings::default());
    settle(&mut app, AppMessage::OpenExport);
    assert!(!shows(&app, "·\u{a0}…"), "every count is known");
    let ctx = app.export_context();
    let pages: Vec<(Scope, usize)> = Scope::ALL
        .into_iter()
        .map(|s| (s, panel(&app).pages(s, &ctx).unwrap_or_default()))
        .collect();
    drop(ctx);
    for (scope, n) in &pages {
        assert!(*n >= 1, "{scope:?}");
        assert!(shows(&app, &count(*n)), "{scope:?}: « {} »", count(*n));
    }
    // The first section fits one page: « 1 page », singular.
    assert_eq!(pages[0], (Scope::Section, 1));
    assert!(shows(&app, "·\u{a0}1\u{a0}page"));

    // One choice at a time.
    for (label, scope) in [
        (Text::ExportThisTab, Scope::Tab),
        (Text::ExportBooklet, Scope::Booklet),
        (Text::ExportThisSection, Scope::Section),
    ] {
        click(&mut app, label.get(Lang::Fr));
        assert_eq!(panel(&app).scope, scope);
    }

    // Large print: the booklet is laid out again, longer.
    click(&mut app, Text::ExportLargePrint.get(Lang::Fr));
    assert!(panel(&app).large_print);
    let ctx = app.export_context();
    let large = panel(&app).pages(Scope::Booklet, &ctx).unwrap_or_default();
    drop(ctx);
    assert!(large > pages[3].1, "{large} pages in large print");
    assert!(shows(&app, &count(large)));
}

#[test]
fn the_copies_control_is_there_for_a_nurse_and_not_at_the_kiosk() {
    let mut app = window(
        false,
        Settings {
            copies: 2,
            ..Settings::default()
        },
    );
    settle(&mut app, AppMessage::OpenExport);
    assert!(shows(&app, crate::i18n::Label::Copies.get(Lang::Fr)));
    assert!(has(&app, Control::Panel(Button::FewerCopies)));
    click(
        &mut app,
        iced_test::selector::id(Control::Panel(Button::MoreCopies).id()),
    );
    click(
        &mut app,
        iced_test::selector::id(Control::Panel(Button::MoreCopies).id()),
    );
    assert_eq!(panel(&app).copies, 4);
    assert!(shows(&app, "4"));

    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut kiosk = window(
        true,
        Settings {
            copies: 2,
            export_dir: Some(dir.path().to_path_buf()),
            ..Settings::default()
        },
    );
    settle(&mut kiosk, AppMessage::OpenExport);
    assert!(kiosk.export.is_some());
    assert!(!shows(&kiosk, crate::i18n::Label::Copies.get(Lang::Fr)));
    assert!(!has(&kiosk, Control::Panel(Button::FewerCopies)));
    assert!(!has(&kiosk, Control::Panel(Button::MoreCopies)));
}

/// Presses « Imprimer » and makes the PDF; the printer is not called (the
/// print job's Task is dropped): the test gives the print service's answer.
/// The job's ticket.
fn print_and_make(app: &mut App) -> Ticket {
    let made = outputs(app.update(AppMessage::Export(Message::Print)));
    let [AppMessage::Export(Message::Made(ticket, Ok(_)))] = made.as_slice() else {
        panic!("not one PDF: {made:?}");
    };
    let ticket = *ticket;
    for message in made {
        let _ = app.update(message);
    }
    ticket
}

#[test]
fn at_the_kiosk_a_document_over_4_pages_asks_first() {
    let mut app = window(true, Settings::default());
    settle(&mut app, AppMessage::OpenExport);
    settle(
        &mut app,
        AppMessage::Export(Message::Choose(Scope::Booklet)),
    );
    let _ = print_and_make(&mut app);
    let Stage::Confirming(made) = &panel(&app).stage else {
        panic!("no question: {:?}", panel(&app).stage);
    };
    let question = crate::i18n::print_long(made.pages, Lang::Fr);
    assert!(shows(&app, &question), "« {question} »");
    // Oui and Non are there (below the preview: the window scrolls to
    // them, which the simulator does not do); Non is pressed.
    assert!(has(&app, Control::Panel(Button::PrintYes)));
    assert!(shows(&app, crate::i18n::Label::PrintNo.get(Lang::Fr)));
    let no = app
        .message_for(Control::Panel(Button::PrintNo))
        .expect("Non sends a message");
    settle(&mut app, no);
    assert_eq!(panel(&app).stage, Stage::Ready);
    assert!(!shows(&app, &question));

    // One page: no question, straight to the printer.
    settle(
        &mut app,
        AppMessage::Export(Message::Choose(Scope::Section)),
    );
    let _ = print_and_make(&mut app);
    assert!(matches!(panel(&app).stage, Stage::Printing(_)));

    // Outside kiosk mode the booklet is not asked about.
    let mut nurse = window(false, Settings::default());
    settle(&mut nurse, AppMessage::OpenExport);
    settle(
        &mut nurse,
        AppMessage::Export(Message::Choose(Scope::Booklet)),
    );
    let _ = print_and_make(&mut nurse);
    assert!(matches!(panel(&nurse).stage, Stage::Printing(_)));
}

/// Prints the open section, the print service answering « queued ».
fn printed(app: &mut App) {
    settle(app, AppMessage::OpenExport);
    let ticket = print_and_make(app);
    assert!(matches!(panel(app).stage, Stage::Printing(_)));
    let queued = crate::print::Queued {
        job_id: "accueil-12".into(),
        printer: Some("accueil".into()),
    };
    settle(
        app,
        AppMessage::Export(Message::Printed(ticket, Ok(queued))),
    );
    assert!(matches!(panel(app).stage, Stage::Printed { .. }));
}

#[test]
fn after_a_kiosk_print_the_window_says_where_the_paper_comes_out() {
    let default = crate::i18n::Label::PickupMessage.get(Lang::Fr);
    let mut app = window(true, Settings::default());
    printed(&mut app);
    assert!(shows(&app, default), "« {default} »");

    let mut settings = Settings::default();
    settings.print_pickup_message.fr = "Retirez votre document au bureau 3.".into();
    let mut app = window(true, settings);
    printed(&mut app);
    assert!(shows(&app, "Retirez votre document au bureau 3."));
    assert!(!shows(&app, default));

    // A nurse's printer is beside her: nothing is said.
    let mut nurse = window(false, Settings::default());
    printed(&mut nurse);
    assert!(!shows(&nurse, default));
}

#[test]
fn imprimer_mes_questions_opens_the_panel_on_the_sheet() {
    let mut app = window(false, Settings::default());
    let _ = app.update(AppMessage::Open(TabKey::Questions));
    let first = app.library().questions[0].id.clone();
    let _ = app.update(AppMessage::Questions(
        crate::ui::questions::Message::Toggle(first.clone()),
    ));
    click(&mut app, crate::i18n::Label::PrintMyQuestions.get(Lang::Fr));
    assert_eq!(panel(&app).scope, Scope::Questions);
    assert_eq!(app.export_context().ticked, [first]);
    let ctx = app.export_context();
    assert!(panel(&app).pages(Scope::Questions, &ctx).is_some());
    drop(ctx);
    // From the keyboard too.
    let _ = app.update(AppMessage::Key(Shortcut::Escape));
    assert!(app.export.is_none());
    assert!(app.controls().contains(&Control::PrintQuestions));
    app.focus = Some(Control::PrintQuestions);
    let _ = app.update(AppMessage::Key(Shortcut::Activate));
    assert_eq!(panel(&app).scope, Scope::Questions);
}
