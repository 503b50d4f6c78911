//! The accessibility measures of the window, taken from iced's own layout in
//! the simulator: at 100 %, 150 % and 200 % text, in 800×600, 1024×768 and
//! 1280×800 windows, in French and English, on every section (with and without a definition
//! open), the glossary, the questions, the search and the problems screen:
//! - every text lies inside the window's width and no two texts overlap;
//! - what does not scroll fits the window's height, and a reading area of a
//!   useful height remains;
//! - every control is at least 44×44 px;
//! - no text is smaller than 18 px at 100 %;
//! - at 200 % the reading pane gets at least 60 % of a 1024×768 window's
//!   height and 50 % of an 800×600 one's (WCAG 1.4.4 and 1.4.10).
//!
//! A definition opens in a sheet over the bottom of the window: the page's
//! texts under it are hidden, and the sheet is measured like the rest.
//!
//! The « Imprimer / PDF » panel is measured the same way, on its choices
//! (with their page counts and the preview) and on each outcome it shows,
//! in kiosk mode too (with its question before a long print).

#![cfg(feature = "gui")]

#[path = "support/ui.rs"]
mod support;

use iced_test::Simulator;
use iced_test::selector::{Target, id};
use patient_info::Lang;
use patient_info::content::ContentSource;
use patient_info::ui::{App, Config, Message, TabKey, TextSize, reader, search};
use support::{
    Laid, Result, non_blank, outside_window, overlapping, simulator, texts, texts_of, under_18_px,
};

const SMALLEST_WINDOW: (f32, f32) = (800.0, 600.0);
const SMALL_WINDOW: (f32, f32) = (1024.0, 768.0);
const LARGE_WINDOW: (f32, f32) = (1280.0, 800.0);

fn new_app(source: ContentSource, lang: Lang, window: (f32, f32), percent: u16) -> App {
    let mut config = Config::new(source, lang, support::today());
    config.window = window.into();
    config.text_size = TextSize::from_percent(percent);
    App::new(config)
}

/// Every screen worth measuring, by name.
fn screens(lang: Lang, window: (f32, f32), percent: u16) -> Result<Vec<(String, App)>> {
    let mut screens = Vec::new();
    let base = new_app(ContentSource::Embedded, lang, window, percent);
    for (t, tab) in base.library().tabs.iter().enumerate() {
        for (s, section) in tab.sections.iter().enumerate() {
            let mut app = new_app(ContentSource::Embedded, lang, window, percent);
            let _ = app.update(Message::Open(TabKey::Content(t)));
            let _ = app.update(Message::Reader(reader::Message::OpenSection(
                section.id.clone(),
            )));
            // Every other section with a definition open too, to measure
            // the sheet over the text.
            if s % 2 == 1
                && let Some(&term) = section.terms().first()
            {
                let mut open = new_app(ContentSource::Embedded, lang, window, percent);
                let _ = open.update(Message::Open(TabKey::Content(t)));
                let _ = open.update(Message::Reader(reader::Message::OpenSection(
                    section.id.clone(),
                )));
                let _ = open.update(Message::Reader(reader::Message::ShowDefinition(term)));
                screens.push((format!("{}/{} + definition", tab.id, section.id), open));
            }
            screens.push((format!("{}/{}", tab.id, section.id), app));
        }
    }
    let mut glossary = new_app(ContentSource::Embedded, lang, window, percent);
    let _ = glossary.update(Message::Open(TabKey::Glossary));
    screens.push(("glossary".into(), glossary));

    let mut questions = new_app(ContentSource::Embedded, lang, window, percent);
    let _ = questions.update(Message::Open(TabKey::Questions));
    let ids: Vec<String> = questions
        .library()
        .questions
        .iter()
        .map(|q| q.id.clone())
        .collect();
    for id in ids {
        let _ = questions.update(Message::Questions(
            patient_info::ui::questions::Message::Toggle(id),
        ));
    }
    screens.push(("questions".into(), questions));

    // The search screen: empty, with many results (long excerpts), and
    // with none (the query repeated in the message).
    let word = match lang {
        Lang::Fr => "traitement",
        Lang::En => "treatment",
    };
    for (name, query) in [
        ("search", ""),
        ("search/results", word),
        ("search/none", "zzzz-aucun-resultat-possible"),
    ] {
        let mut app = new_app(ContentSource::Embedded, lang, window, percent);
        let _ = app.update(Message::OpenSearch);
        let _ = app.update(Message::Search(search::Message::Query(query.into())));
        screens.push((name.into(), app));
    }

    if lang == Lang::Fr {
        let dir = support::copy_of_content()?;
        support::break_content(dir.path())?;
        let problems = new_app(ContentSource::Dir(dir.keep()), lang, window, percent);
        screens.push(("problems".into(), problems));
    }
    screens.extend(export_panels(lang, window, percent));
    Ok(screens)
}

/// The « Imprimer / PDF » panel on its choices, then showing each outcome
/// with long texts (a folder path, a printer's reason); in kiosk mode too,
/// where it names the export folder.
fn export_panels(lang: Lang, window: (f32, f32), percent: u16) -> Vec<(String, App)> {
    use patient_info::print::{PrintError, Queued};
    use patient_info::settings::Settings;
    use patient_info::ui::export::{Made, Stage};
    let folder = std::env::temp_dir()
        .join("dossier-d-export-de-l-accueil-du-centre")
        .join("Documents partagés des infirmières");
    let made = Made {
        bytes: b"%PDF-1.7".to_vec().into(),
        pages: 3,
        title: "Fiche".into(),
        file_name: "fiche-fr.pdf".into(),
        lang,
        layout: Default::default(),
    };
    let printer = "accueil-rez-de-chaussee".to_string();
    let stages = [
        ("choices", Stage::Ready),
        ("printing", Stage::Printing(made.clone())),
        ("no file chosen", Stage::NoFileChosen(made.clone())),
        (
            "saved",
            Stage::Saved {
                path: folder.join("comprendre-la-resistance-fr-gros-caracteres.pdf"),
                in_export_folder: true,
                pages: 3,
            },
        ),
        (
            "printed",
            Stage::Printed {
                queued: Queued {
                    job_id: "accueil-rez-de-chaussee-1234".into(),
                    printer: Some(printer.clone()),
                },
                pages: 12,
            },
        ),
        (
            "print failed",
            Stage::PrintFailed {
                error: PrintError::QueueStopped(printer.clone()),
                made: made.clone(),
            },
        ),
        (
            "asking before 23 pages",
            Stage::Confirming(Made { pages: 23, ..made }),
        ),
    ];
    let mut panels = Vec::new();
    for kiosk in [false, true] {
        for (name, stage) in &stages {
            let kiosk_stage = matches!(
                *name,
                "choices" | "print failed" | "printed" | "asking before 23 pages"
            );
            if kiosk && !kiosk_stage {
                continue;
            }
            let mut config = Config::new(ContentSource::Embedded, lang, support::today());
            config.window = window.into();
            config.text_size = TextSize::from_percent(percent);
            config.kiosk = kiosk;
            config.settings = Settings {
                export_dir: Some(folder.clone()),
                printer: Some(printer.clone()),
                copies: 2,
                duplex: true,
                ..Settings::default()
            };
            let mut app = App::new(config);
            // A kiosk opens on its welcome; a tap starts.
            let _ = app.update(Message::Kiosk(patient_info::ui::kiosk::Message::Start));
            let opening = app.update(Message::OpenExport);
            // On its choices, the page counts and the preview are there.
            if *name == "choices" {
                for message in outputs(opening) {
                    let _ = app.update(message);
                }
                assert!(
                    !support::shows(&app, "·\u{a0}…"),
                    "every page count is known"
                );
            }
            if let Some(panel) = &mut app.export {
                panel.stage = stage.clone();
            }
            assert!(
                support::shows(&app, patient_info::i18n::Text::ExportPanelTitle.get(lang)),
                "the panel is shown"
            );
            let mode = if kiosk { "kiosk " } else { "" };
            panels.push((format!("export panel, {mode}{name}"), app));
        }
    }
    panels
}

/// The texts on screen: with a definition open, those of the page from the
/// sheet's top down are hidden (the sheet's own texts come last in the
/// tree); the same section is measured without the sheet too.
fn visible_texts(app: &App) -> Vec<Laid> {
    let laid = non_blank(texts(app));
    let sheet = (app.screen == patient_info::ui::Screen::Reader && app.export.is_none())
        .then(|| reader::definition(&app.reader, app.library(), app.look()))
        .flatten();
    let Some(sheet) = sheet else {
        return laid;
    };
    let mut alone = Simulator::with_size(
        patient_info::ui::settings(),
        app.window,
        sheet.map(Message::Reader),
    );
    let own = non_blank(texts_of(&mut alone)).len();
    let Ok(area) = simulator(app)
        .find(id(reader::SHEET))
        .map(|t| Target::bounds(&t))
    else {
        return laid;
    };
    let page = laid.len().saturating_sub(own);
    laid.into_iter()
        .enumerate()
        .filter(|(i, t)| *i >= page || t.bounds.y + t.bounds.height <= area.y)
        .map(|(_, t)| t)
        .collect()
}

/// The messages a Task produces, run to its end; widget operations
/// (scrolling) are left out.
fn outputs(task: iced::Task<Message>) -> Vec<Message> {
    use iced::futures::StreamExt;
    let Some(stream) = iced_test::runtime::task::into_stream(task) else {
        return Vec::new();
    };
    iced::futures::executor::block_on(stream.collect::<Vec<_>>())
        .into_iter()
        .filter_map(|action| match action {
            iced_test::runtime::Action::Output(message) => Some(message),
            _ => None,
        })
        .collect()
}

/// What is wrong with the layout of one screen.
fn measure(name: &str, app: &App, percent: u16) -> Vec<String> {
    let (w, h) = (app.window.width, app.window.height);
    let mut wrong = Vec::new();
    let laid = visible_texts(app);
    if laid.len() < 5 {
        wrong.push(format!("{name}: only {} texts found", laid.len()));
    }
    for t in laid.iter().filter(|t| t.bounds.width <= 0.0) {
        wrong.push(format!(
            "{name}: « {} » has no width: {:?}",
            t.text, t.bounds
        ));
    }
    wrong.extend(outside_window(name, &laid, w, h));
    if percent == 100 {
        wrong.extend(under_18_px(name, &laid));
    }
    wrong.extend(overlapping(name, &laid));

    let mut ui = simulator(app);
    wrong.extend(support::scroll_area(name, app, &mut ui));
    for control in app.controls() {
        let found = ui.find(control.id()).map(|t| Target::bounds(&t));
        wrong.extend(support::control(name, &format!("{control:?}"), &found, w));
    }
    wrong
}

fn check(lang: Lang, window: (f32, f32), percent: u16) -> Result {
    let screens = screens(lang, window, percent)?;
    assert!(screens.len() > 20, "{} screens", screens.len());
    let wrong: Vec<String> = screens
        .iter()
        .flat_map(|(name, app)| measure(name, app, percent))
        .collect();
    assert!(
        wrong.is_empty(),
        "{} problem(s) at {percent} % in {window:?} ({lang}):\n{}",
        wrong.len(),
        wrong.join("\n")
    );
    Ok(())
}

#[test]
fn at_200_percent_everything_fits_an_800_by_600_window() -> Result {
    check(Lang::Fr, SMALLEST_WINDOW, 200)?;
    check(Lang::En, SMALLEST_WINDOW, 200)
}

#[test]
fn at_200_percent_everything_fits_a_1024_by_768_window() -> Result {
    check(Lang::Fr, SMALL_WINDOW, 200)?;
    check(Lang::En, SMALL_WINDOW, 200)
}

#[test]
fn at_200_percent_everything_fits_a_1280_by_800_window() -> Result {
    check(Lang::Fr, LARGE_WINDOW, 200)?;
    check(Lang::En, LARGE_WINDOW, 200)
}

#[test]
fn at_150_percent_everything_fits_every_window() -> Result {
    for window in [SMALLEST_WINDOW, SMALL_WINDOW, LARGE_WINDOW] {
        for lang in [Lang::Fr, Lang::En] {
            check(lang, window, 150)?;
        }
    }
    Ok(())
}

#[test]
fn at_100_percent_everything_fits_every_window_and_no_text_is_under_18_px() -> Result {
    for window in [SMALLEST_WINDOW, SMALL_WINDOW, LARGE_WINDOW] {
        for lang in [Lang::Fr, Lang::En] {
            check(lang, window, 100)?;
        }
    }
    Ok(())
}

/// The share of the window's height that the reading pane gets, on every
/// section, with and without a definition open; the smallest found.
fn smallest_pane_share(lang: Lang, window: (f32, f32), percent: u16) -> Result<f32> {
    let mut smallest = f32::MAX;
    for (name, app) in screens(lang, window, percent)? {
        if app.screen != patient_info::ui::Screen::Reader || app.export.is_some() {
            continue;
        }
        let pane = simulator(&app)
            .find(id(reader::PANE))
            .map(|t| Target::bounds(&t))
            .map_err(|e| format!("{name}: no reading pane ({e})"))?;
        smallest = smallest.min(pane.height / window.1);
    }
    Ok(smallest)
}

#[test]
fn at_200_percent_the_reading_pane_gets_the_screen() -> Result {
    for lang in [Lang::Fr, Lang::En] {
        let share = smallest_pane_share(lang, SMALL_WINDOW, 200)?;
        println!(
            "reading pane at 200 %, 1024×768 ({lang}): {:.1} %",
            share * 100.0
        );
        assert!(share >= 0.60, "1024×768 ({lang}): {:.0} %", share * 100.0);
        let share = smallest_pane_share(lang, SMALLEST_WINDOW, 200)?;
        println!(
            "reading pane at 200 %, 800×600 ({lang}): {:.1} %",
            share * 100.0
        );
        assert!(share >= 0.50, "800×600 ({lang}): {:.0} %", share * 100.0);
    }
    Ok(())
}

#[test]
fn the_measure_catches_a_text_that_leaves_the_window() {
    // The same measure on a deliberately broken layout: a window narrower
    // than the app's minimum, at 200 %, must report problems.
    let app = new_app(ContentSource::Embedded, Lang::Fr, (300.0, 300.0), 200);
    assert!(!measure("too small", &app, 200).is_empty());
}
