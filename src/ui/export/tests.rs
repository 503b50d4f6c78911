//! The panel's `update` for every message, asserting on its state and on
//! the action it asks for; the jobs' functions are called the way their
//! Tasks call them. No window, no dialog, no printer.

use std::path::Path;

use chrono::NaiveDate;

use super::*;
use crate::Lang;
use crate::content::{self, ContentSource};
use crate::export;

fn library(lang: Lang) -> Library {
    let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default();
    content::load(&ContentSource::Embedded, lang, today).library
}

/// Settings with the export folder in `dir` (when given).
fn settings(dir: Option<&Path>) -> Settings {
    Settings {
        export_dir: dir.map(Path::to_path_buf),
        clinic_name: Some("Centre Lumière".into()),
        printer: Some("accueil".into()),
        copies: 2,
        duplex: true,
        ..Settings::default()
    }
}

fn context<'a>(library: &'a Library, settings: &'a Settings, kiosk: bool) -> Context<'a> {
    let tab = library.tabs.get(1);
    Context {
        library,
        tab,
        section: tab.and_then(|t| t.sections.get(1)),
        ticked: Vec::new(),
        settings,
        kiosk,
        saving: Saving::new(kiosk, settings),
    }
}

fn opened(ctx: &Context<'_>) -> State {
    State::new(Scope::Section, false, ctx)
}

/// Presses a button and runs the « make » job as its Task would.
fn made_after(state: &mut State, press: Message, ctx: &Context<'_>) -> (Ticket, Made) {
    let Action::Make(ticket, handout) = state.update(press, ctx) else {
        panic!("the PDF is not made first: {:?}", state.stage);
    };
    assert!(state.stage.busy());
    let made = make(&handout).unwrap_or_else(|e| panic!("{e}"));
    (ticket, made)
}

#[test]
fn the_panel_opens_on_the_choice_asked_for_or_the_first_one_offered() {
    let lib = library(Lang::Fr);
    let s = settings(None);
    let ctx = context(&lib, &s, false);
    let state = State::new(Scope::Questions, true, &ctx);
    assert_eq!((state.scope, state.large_print), (Scope::Questions, true));

    // Nothing loaded: no section, no tab, no booklet; only the sheet.
    let empty = Library::default();
    let ctx = context(&empty, &s, false);
    let state = State::new(Scope::Section, false, &ctx);
    assert_eq!(state.scope, Scope::Questions);
    assert_eq!(
        state.controls(&ctx),
        [
            Button::Back,
            Button::Scope(Scope::Questions),
            Button::LargePrint,
            Button::FewerCopies,
            Button::MoreCopies,
            Button::Save,
            Button::Print
        ]
    );
}

#[test]
fn choose_and_large_print_change_what_will_be_printed() {
    let lib = library(Lang::Fr);
    let s = settings(None);
    let ctx = context(&lib, &s, false);
    let mut state = opened(&ctx);
    for scope in Scope::ALL {
        assert!(matches!(
            state.update(Message::Choose(scope), &ctx),
            Action::None
        ));
        assert_eq!(state.scope, scope);
    }
    state.update(Message::ToggleLargePrint, &ctx);
    assert!(state.large_print);
    state.update(Message::ToggleLargePrint, &ctx);
    assert!(!state.large_print);

    // A section cannot be chosen when no tab loaded.
    let empty = Library::default();
    let bare = context(&empty, &s, false);
    state.update(Message::Choose(Scope::Questions), &ctx);
    state.update(Message::Choose(Scope::Section), &bare);
    assert_eq!(state.scope, Scope::Questions);
}

#[test]
fn each_choice_builds_its_handout_with_the_clinic_in_the_footer() {
    let lib = library(Lang::Fr);
    let s = settings(None);
    let mut ctx = context(&lib, &s, false);
    ctx.ticked = vec![lib.questions[0].id.clone()];
    let mut state = opened(&ctx);
    let section = ctx.section.map(|s| s.title.clone()).unwrap_or_default();
    let tab = ctx.tab.map(|t| t.title.clone()).unwrap_or_default();
    for (scope, kind, title) in [
        (Scope::Section, handout::Kind::Section, section.as_str()),
        (Scope::Tab, handout::Kind::Tab, tab.as_str()),
        (Scope::Questions, handout::Kind::Questions, "Mes questions"),
        (
            Scope::Booklet,
            handout::Kind::Booklet,
            "Cancer du foie et résistance aux traitements",
        ),
    ] {
        state.update(Message::Choose(scope), &ctx);
        let handout = state.handout(&ctx).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(handout.kind, kind);
        assert_eq!(handout.title, title);
        assert_eq!(handout.furniture.clinic.as_deref(), Some("Centre Lumière"));
    }
}

#[test]
fn save_makes_the_pdf_then_asks_where_under_the_default_file_name() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let lib = library(Lang::Fr);
    let s = settings(Some(dir.path()));
    let ctx = context(&lib, &s, false);
    let mut state = opened(&ctx);
    state.update(Message::Choose(Scope::Tab), &ctx);
    state.update(Message::ToggleLargePrint, &ctx);
    let (ticket, made) = made_after(&mut state, Message::Save, &ctx);
    assert_eq!(state.stage, Stage::Making(Purpose::Save));
    assert!(made.bytes.starts_with(b"%PDF"));
    assert!(made.pages >= 1);
    assert_eq!(
        made.file_name,
        "pourquoi-le-cancer-du-foie-resiste-fr-gros-caracteres.pdf"
    );

    let Action::AskWhere(same, ask) = state.update(Message::Made(ticket, Ok(made.clone())), &ctx)
    else {
        panic!("no dialog: {:?}", state.stage);
    };
    assert_eq!(same, ticket);
    assert_eq!(ask.file_name, made.file_name);
    assert_eq!(ask.folder.as_deref(), Some(dir.path()));
    assert_eq!(ask.lang, Lang::Fr);
    assert_eq!(state.stage, Stage::Choosing(made));
    assert_eq!(
        state.controls(&ctx),
        [Button::Back],
        "nothing else while busy"
    );
}

#[test]
fn a_file_chosen_in_the_dialog_is_written_there_and_the_panel_says_where() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let lib = library(Lang::Fr);
    let s = settings(None);
    let ctx = context(&lib, &s, false);
    let mut state = opened(&ctx);
    let (ticket, made) = made_after(&mut state, Message::Save, &ctx);
    state.update(Message::Made(ticket, Ok(made)), &ctx);
    let chosen = dir.path().join("fiche.pdf");
    let Action::Write {
        ticket,
        made,
        choice,
        folder,
    } = state.update(Message::Answered(ticket, Some(chosen.clone())), &ctx)
    else {
        panic!("nothing written: {:?}", state.stage);
    };
    assert_eq!(choice, Choice::File(chosen.clone()));
    let outcome = export::deliver(&made.bytes, choice, &made.file_name, folder.as_deref());
    state.update(Message::Saved(ticket, outcome), &ctx);
    assert_eq!(
        state.stage,
        Stage::Saved {
            path: chosen.clone(),
            in_export_folder: false,
            pages: made.pages
        }
    );
    assert_eq!(
        std::fs::read(&chosen).ok().as_deref(),
        Some(&made.bytes[..])
    );
}

#[test]
fn no_file_from_the_dialog_offers_the_export_folder_and_saves_there() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let lib = library(Lang::Fr);
    let s = settings(Some(dir.path()));
    let ctx = context(&lib, &s, false);
    let mut state = opened(&ctx);
    let (ticket, made) = made_after(&mut state, Message::Save, &ctx);
    state.update(Message::Made(ticket, Ok(made.clone())), &ctx);
    assert!(matches!(
        state.update(Message::Answered(ticket, None), &ctx),
        Action::None
    ));
    assert_eq!(state.stage, Stage::NoFileChosen(made.clone()));
    let ring = state.controls(&ctx);
    assert!(
        ring.ends_with(&[Button::SaveInFolder, Button::DontSave]),
        "{ring:?}"
    );

    let Action::Write {
        ticket,
        made,
        choice,
        folder,
    } = state.update(Message::SaveInFolder, &ctx)
    else {
        panic!("nothing written: {:?}", state.stage);
    };
    assert_eq!(choice, Choice::ExportFolder);
    assert_eq!(folder.as_deref(), Some(dir.path()));
    let outcome = export::deliver(&made.bytes, choice, &made.file_name, folder.as_deref());
    state.update(Message::Saved(ticket, outcome), &ctx);
    let expected = dir.path().join(&made.file_name);
    assert_eq!(
        state.stage,
        Stage::Saved {
            path: expected.clone(),
            in_export_folder: true,
            pages: made.pages
        }
    );
    assert!(expected.is_file());
}

#[test]
fn dont_save_leaves_the_offer_and_writes_nothing() {
    let lib = library(Lang::Fr);
    let s = settings(None);
    let ctx = context(&lib, &s, false);
    let mut state = opened(&ctx);
    let (ticket, made) = made_after(&mut state, Message::Save, &ctx);
    state.update(Message::Made(ticket, Ok(made)), &ctx);
    state.update(Message::Answered(ticket, None), &ctx);
    assert!(matches!(
        state.update(Message::DontSave, &ctx),
        Action::None
    ));
    assert_eq!(state.stage, Stage::Ready);
    assert!(matches!(
        state.update(Message::SaveInFolder, &ctx),
        Action::None
    ));
}

#[test]
fn in_kiosk_mode_or_without_the_dialog_saving_goes_straight_to_the_export_folder() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let lib = library(Lang::Fr);
    let kiosk_settings = settings(Some(dir.path()));
    let no_dialog = Settings {
        allow_save_dialog: false,
        ..settings(Some(dir.path()))
    };
    for ctx in [
        context(&lib, &kiosk_settings, true),
        context(&lib, &no_dialog, false),
    ] {
        assert_eq!(ctx.saving, Saving::Folder(dir.path().to_path_buf()));
        let mut state = opened(&ctx);
        let (ticket, made) = made_after(&mut state, Message::Save, &ctx);
        let action = state.update(Message::Made(ticket, Ok(made)), &ctx);
        let Action::Write { choice, folder, .. } = action else {
            panic!("a dialog in kiosk mode: {action:?}");
        };
        assert_eq!(choice, Choice::ExportFolder);
        assert_eq!(folder.as_deref(), Some(dir.path()));
    }
}

#[test]
fn in_kiosk_mode_without_an_export_folder_only_printing_is_offered() {
    let lib = library(Lang::Fr);
    let s = Settings {
        allow_save_dialog: true,
        ..settings(None)
    };
    let ctx = context(&lib, &s, true);
    assert_eq!(ctx.saving, Saving::Off);
    let mut state = opened(&ctx);
    assert!(!state.controls(&ctx).contains(&Button::Save));
    assert!(state.controls(&ctx).contains(&Button::Print));
    assert!(matches!(state.update(Message::Save, &ctx), Action::None));
    assert_eq!(state.stage, Stage::Ready);
}

#[test]
fn print_sends_the_pdf_with_the_printer_copies_and_sides_of_the_settings() {
    let lib = library(Lang::En);
    let s = settings(None);
    let ctx = context(&lib, &s, false);
    let mut state = opened(&ctx);
    let (ticket, made) = made_after(&mut state, Message::Print, &ctx);
    let Action::Print(same, job) = state.update(Message::Made(ticket, Ok(made.clone())), &ctx)
    else {
        panic!("not printed: {:?}", state.stage);
    };
    assert_eq!(same, ticket);
    assert_eq!(job.pdf, made.bytes.to_vec());
    assert_eq!(job.title, made.title);
    assert_eq!(
        (job.printer.as_deref(), job.copies, job.duplex),
        (Some("accueil"), 2, true)
    );
    assert_eq!(state.stage, Stage::Printing(made.clone()));
    let queued = Queued {
        job_id: "accueil-7".into(),
        printer: Some("accueil".into()),
    };
    state.update(Message::Printed(ticket, Ok(queued.clone())), &ctx);
    assert_eq!(
        state.stage,
        Stage::Printed {
            queued,
            pages: made.pages
        }
    );
}

#[test]
fn a_failed_print_keeps_the_pdf_and_offers_to_save_it_instead() {
    let lib = library(Lang::Fr);
    let s = settings(None);
    let ctx = context(&lib, &s, false);
    let mut state = opened(&ctx);
    let (ticket, made) = made_after(&mut state, Message::Print, &ctx);
    state.update(Message::Made(ticket, Ok(made.clone())), &ctx);
    state.update(Message::Printed(ticket, Err(PrintError::NoPrinter)), &ctx);
    assert_eq!(
        state.stage,
        Stage::PrintFailed {
            error: PrintError::NoPrinter,
            made: made.clone()
        }
    );
    assert_eq!(state.controls(&ctx).last(), Some(&Button::SaveInstead));
    // The same PDF goes to the dialog: nothing is made again.
    let Action::AskWhere(_, ask) = state.update(Message::Save, &ctx) else {
        panic!("not saved instead: {:?}", state.stage);
    };
    assert_eq!(ask.file_name, made.file_name);
    assert_eq!(state.stage, Stage::Choosing(made));
}

#[test]
fn in_kiosk_mode_a_failed_print_offers_no_saving() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let lib = library(Lang::Fr);
    let s = settings(Some(dir.path()));
    let ctx = context(&lib, &s, true);
    let mut state = opened(&ctx);
    let (ticket, made) = made_after(&mut state, Message::Print, &ctx);
    state.update(Message::Made(ticket, Ok(made)), &ctx);
    let stopped = PrintError::QueueStopped("accueil".into());
    state.update(Message::Printed(ticket, Err(stopped)), &ctx);
    assert!(matches!(state.stage, Stage::PrintFailed { .. }));
    assert!(!state.controls(&ctx).contains(&Button::SaveInstead));
    // Printing again retries with the same PDF, and the print queue keeps
    // no trace of what the reader printed.
    let Action::Print(_, job) = state.update(Message::Print, &ctx) else {
        panic!("not printed again: {:?}", state.stage);
    };
    assert_eq!(job.title, "patient-info");
}

#[test]
fn failures_are_kept_with_their_reason_in_the_users_language() {
    let lib = library(Lang::Fr);
    let s = settings(None);
    let ctx = context(&lib, &s, false);
    let mut state = opened(&ctx);
    let (ticket, _) = made_after(&mut state, Message::Save, &ctx);
    let broken = HandoutError::Pdf("disk".into());
    state.update(Message::Made(ticket, Err(broken.clone())), &ctx);
    assert_eq!(state.stage, Stage::MakeFailed(broken.clone()));
    assert!(broken.message(Lang::Fr).contains("n’a pas pu être produit"));

    let (ticket, made) = made_after(&mut state, Message::Save, &ctx);
    state.update(Message::Made(ticket, Ok(made.clone())), &ctx);
    state.update(
        Message::Answered(ticket, Some("/nowhere/x.pdf".into())),
        &ctx,
    );
    let error = ExportError::NoFolder("/nowhere".into());
    state.update(Message::Saved(ticket, Err(error.clone())), &ctx);
    assert_eq!(state.stage, Stage::SaveFailed { error, made });
}

#[test]
fn a_result_that_is_not_the_job_under_way_is_ignored() {
    let lib = library(Lang::Fr);
    let s = settings(None);
    let ctx = context(&lib, &s, false);
    let mut state = opened(&ctx);
    let (ticket, made) = made_after(&mut state, Message::Print, &ctx);
    let other = Ticket(ticket.0 + 100);
    assert!(matches!(
        state.update(Message::Made(other, Ok(made.clone())), &ctx),
        Action::None
    ));
    assert_eq!(state.stage, Stage::Making(Purpose::Print));
    // A second press while busy starts nothing.
    assert!(matches!(state.update(Message::Save, &ctx), Action::None));
    assert!(matches!(state.update(Message::Print, &ctx), Action::None));
    state.update(Message::Choose(Scope::Booklet), &ctx);
    assert_eq!(state.scope, Scope::Section, "the choice waits");

    // Closed, then reopened: the old job's result is stale.
    assert!(matches!(state.update(Message::Close, &ctx), Action::Close));
    let mut state = State::new(Scope::Section, false, &ctx);
    assert!(matches!(
        state.update(Message::Made(ticket, Ok(made)), &ctx),
        Action::None
    ));
    assert_eq!(state.stage, Stage::Ready);
    let (fresh, _) = made_after(&mut state, Message::Print, &ctx);
    assert_ne!(fresh, ticket, "tickets never repeat");
}

#[test]
fn a_pdf_made_in_another_language_is_made_again() {
    let fr = library(Lang::Fr);
    let en = library(Lang::En);
    let s = settings(None);
    let ctx = context(&fr, &s, false);
    let mut state = opened(&ctx);
    let (ticket, made) = made_after(&mut state, Message::Print, &ctx);
    state.update(Message::Made(ticket, Ok(made)), &ctx);
    state.update(Message::Printed(ticket, Err(PrintError::NoPrinter)), &ctx);
    let english = context(&en, &s, false);
    assert!(matches!(
        state.update(Message::Print, &english),
        Action::Make(..)
    ));
}

#[test]
fn every_button_sends_its_message_and_has_its_own_name() {
    let all = [
        Button::Back,
        Button::Scope(Scope::Section),
        Button::Scope(Scope::Tab),
        Button::Scope(Scope::Questions),
        Button::Scope(Scope::Booklet),
        Button::LargePrint,
        Button::Save,
        Button::Print,
        Button::SaveInFolder,
        Button::DontSave,
        Button::SaveInstead,
        Button::FewerCopies,
        Button::MoreCopies,
        Button::PrintYes,
        Button::PrintNo,
    ];
    let mut names: Vec<&str> = all.iter().map(|b| b.name()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), all.len());
    assert!(matches!(Button::Back.message(), Message::Close));
    assert!(matches!(Button::SaveInstead.message(), Message::Save));
    assert!(matches!(
        Button::Scope(Scope::Tab).message(),
        Message::Choose(Scope::Tab)
    ));
}

mod choices;
