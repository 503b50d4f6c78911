//! « Imprimer / PDF » in the window: the panel played in iced's simulator
//! with the app's Tasks run to their end (as the runtime would), saving to
//! the export folder in kiosk mode, and printing from the window's own code
//! path to the real `cups-pdf` queue of `tests/print-server`.

#![cfg(feature = "gui")]

#[path = "support/print.rs"]
mod print;
#[path = "support/ui.rs"]
mod support;

use iced::Task;
use iced::futures::{self, StreamExt};
use iced_test::runtime::Action as Run;
use iced_test::selector::{Bounded, Selector};
use patient_info::Lang;
use patient_info::content::ContentSource;
use patient_info::i18n::Text;
use patient_info::settings::Settings;
use patient_info::ui::export::{self, Scope, Stage};
use patient_info::ui::{App, Config, Message};
use print::{QUEUE, pdf_text, printed, squash};
use support::{Result, shows};

const WINDOW: (f32, f32) = (1280.0, 800.0);

/// The open panel.
fn panel(app: &App) -> &export::State {
    app.export.as_ref().expect("the panel is open")
}

fn app_with(kiosk: bool, settings: Settings) -> App {
    let mut config = Config::new(ContentSource::Embedded, Lang::Fr, support::today());
    config.window = WINDOW.into();
    config.kiosk = kiosk;
    config.settings = settings;
    let mut app = App::new(config);
    // A kiosk opens on its welcome; a tap starts.
    let _ = app.update(Message::Kiosk(patient_info::ui::kiosk::Message::Start));
    app
}

/// The messages a Task produces, run to its end; widget operations
/// (scrolling) are left out.
fn outputs(task: Task<Message>) -> Vec<Message> {
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

/// Gives the app these messages and every message their Tasks produce.
fn settle(app: &mut App, messages: Vec<Message>) {
    let mut queue = messages;
    queue.reverse();
    while let Some(message) = queue.pop() {
        let task = app.update(message);
        queue.extend(outputs(task));
    }
}

/// Clicks what `selector` finds, then runs what the click started.
fn click<S>(app: &mut App, selector: S) -> Result
where
    S: Selector + Send,
    S::Output: Bounded + Clone + Send + Sync + 'static,
{
    let messages = support::clicked(app, selector)?;
    settle(app, messages);
    Ok(())
}

#[test]
fn in_kiosk_mode_this_tab_in_large_print_is_saved_in_the_export_folder() -> Result {
    let dir = tempfile::tempdir()?;
    let mut app = app_with(
        true,
        Settings {
            export_dir: Some(dir.path().to_path_buf()),
            ..Settings::default()
        },
    );
    click(&mut app, Text::PrintPdf.get(Lang::Fr))?;
    assert!(app.export.is_some());
    assert!(shows(&app, Text::ExportPanelTitle.get(Lang::Fr)));
    // The folder is said before anything is saved, and no dialog is offered.
    assert!(shows(&app, &dir.path().display().to_string()));
    assert!(!shows(&app, Text::ExportSave.get(Lang::Fr)));

    click(&mut app, Text::ExportThisTab.get(Lang::Fr))?;
    assert_eq!(panel(&app).scope, Scope::Tab);
    click(&mut app, Text::ExportLargePrint.get(Lang::Fr))?;
    assert!(panel(&app).large_print);
    click(&mut app, Text::ExportSaveNoDialog.get(Lang::Fr))?;

    let Stage::Saved {
        path,
        in_export_folder: true,
        ..
    } = panel(&app).stage.clone()
    else {
        return Err(format!("not saved in the folder: {:?}", panel(&app).stage).into());
    };
    assert_eq!(path.parent(), Some(dir.path()));
    let bytes = std::fs::read(&path)?;
    assert!(bytes.starts_with(b"%PDF"), "a PDF");
    let tab = app.library().tabs[0].title.clone();
    assert!(
        pdf_text(&path).is_none_or(|text| squash(&text).contains(&tab)),
        "the PDF holds the tab « {tab} »"
    );
    // Only the PDF is left in the folder: no temporary file.
    assert_eq!(std::fs::read_dir(dir.path())?.count(), 1);
    // The window says where the file went.
    assert!(shows(&app, Text::ExportSavedInFolder.get(Lang::Fr)));
    assert!(shows(&app, &path.display().to_string()));
    Ok(())
}

#[test]
fn back_to_reading_closes_the_panel_and_shows_the_tab_again() -> Result {
    let mut app = app_with(false, Settings::default());
    click(&mut app, Text::PrintPdf.get(Lang::Fr))?;
    assert!(
        shows(&app, Text::ExportSave.get(Lang::Fr)),
        "a dialog is offered"
    );
    click(&mut app, Text::ExportBack.get(Lang::Fr))?;
    assert!(app.export.is_none());
    let section = app.library().tabs[0].sections[0].title.clone();
    assert!(shows(&app, &section));
    Ok(())
}

#[test]
fn imprimer_in_the_window_sends_the_tab_to_the_printer_with_the_clinic_in_the_footer() -> Result {
    if print::skipped() {
        return Ok(());
    }
    let mut app = app_with(
        false,
        Settings {
            printer: Some(QUEUE.into()),
            clinic_name: Some("Centre de test".into()),
            ..Settings::default()
        },
    );
    settle(
        &mut app,
        vec![
            Message::OpenExport,
            Message::Export(export::Message::Choose(Scope::Tab)),
        ],
    );
    // The window's code path: the same update and the same Tasks.
    let task = app.update(Message::Export(export::Message::Print));
    assert_eq!(
        panel(&app).stage,
        Stage::Making(export::Purpose::Print),
        "progress is shown"
    );
    assert!(shows(&app, Text::ExportMaking.get(Lang::Fr)));
    let made = outputs(task).pop().ok_or("the PDF was not made")?;
    let printing = app.update(made);
    assert!(matches!(panel(&app).stage, Stage::Printing(_)));
    assert!(shows(&app, Text::ExportPrinting.get(Lang::Fr)));
    settle(&mut app, outputs(printing));

    let Stage::Printed { queued, pages } = panel(&app).stage.clone() else {
        return Err(format!("not printed: {:?}", panel(&app).stage).into());
    };
    assert!(pages >= 1);
    assert_eq!(queued.printer.as_deref(), Some(QUEUE));
    let said = format!(
        "{} {QUEUE} ({} {}, {}).",
        Text::PrintQueued.get(Lang::Fr),
        Text::PrintJob.get(Lang::Fr),
        queued.job_id,
        patient_info::i18n::pages(pages, Lang::Fr)
    );
    assert!(shows(&app, &said), "the window says « {said} »");

    let text = squash(&printed(&queued.job_id)?);
    let tab = &app.library().tabs[0];
    assert!(text.contains(&squash(&tab.title)), "{text}");
    assert!(text.contains(&squash(&tab.sections[0].title)), "{text}");
    assert!(text.contains("Centre de test"), "{text}");
    Ok(())
}

#[test]
fn a_printer_that_does_not_exist_is_named_and_saving_is_offered_instead() -> Result {
    if print::skipped() {
        return Ok(());
    }
    let mut app = app_with(
        false,
        Settings {
            printer: Some("no-such-queue".into()),
            ..Settings::default()
        },
    );
    click(&mut app, Text::PrintPdf.get(Lang::Fr))?;
    click(&mut app, Text::ExportPrint.get(Lang::Fr))?;
    let Stage::PrintFailed { error, .. } = panel(&app).stage.clone() else {
        return Err(format!("no failure: {:?}", panel(&app).stage).into());
    };
    assert!(shows(&app, Text::ExportPrintFailed.get(Lang::Fr)));
    let reason = error.message(Lang::Fr);
    assert!(reason.contains("no-such-queue"), "{reason}");
    // Shown on its own line, with a capital.
    let mut chars = reason.chars();
    let shown: String = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    assert!(shows(&app, &shown), "« {shown} »");
    assert!(shows(&app, Text::ExportSaveInstead.get(Lang::Fr)));
    Ok(())
}

#[test]
fn at_the_kiosk_the_booklet_asks_first_then_prints_and_says_where_the_paper_comes_out() -> Result {
    if print::skipped() {
        return Ok(());
    }
    let mut settings = Settings {
        printer: Some(QUEUE.into()),
        ..Settings::default()
    };
    settings.print_pickup_message.fr = "Retirez votre livret au bureau des infirmières.".into();
    let mut app = app_with(true, settings);
    click(&mut app, Text::PrintPdf.get(Lang::Fr))?;
    click(&mut app, Text::ExportBooklet.get(Lang::Fr))?;
    click(&mut app, Text::ExportPrint.get(Lang::Fr))?;
    let Stage::Confirming(made) = panel(&app).stage.clone() else {
        return Err(format!("no question: {:?}", panel(&app).stage).into());
    };
    assert!(made.pages > export::KIOSK_ASK_ABOVE);
    let question = patient_info::i18n::print_long(made.pages, Lang::Fr);
    assert!(shows(&app, &question), "« {question} »");
    // Oui, as the window sends it (the panel scrolls to it).
    let yes = app
        .message_for(patient_info::ui::Control::Panel(export::Button::PrintYes))
        .ok_or("Oui sends nothing")?;
    settle(&mut app, vec![yes]);
    let Stage::Printed { queued, pages } = panel(&app).stage.clone() else {
        return Err(format!("not printed: {:?}", panel(&app).stage).into());
    };
    assert_eq!(pages, made.pages);
    assert!(shows(
        &app,
        "Retirez votre livret au bureau des infirmières."
    ));
    let text = squash(&printed(&queued.job_id)?);
    let title = squash(&app.library().tabs[0].title);
    assert!(text.contains(&title), "{text}");
    Ok(())
}
