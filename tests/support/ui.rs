//! Helpers for the window tests: an app on the shipped content (or on a
//! broken copy of it), a simulator with the app's own fonts and window size,
//! clicks that feed their messages back to the app, and every text on screen
//! with where it was laid out.

#![allow(dead_code)]

use std::error::Error;
use std::fs;
use std::path::Path;

use chrono::NaiveDate;
use iced::Rectangle;
use iced_test::Simulator;
use iced_test::selector::{Bounded, Candidate, Selector, id};
use patient_info::Lang;
use patient_info::content::{self, ContentSource};
use patient_info::ui::{App, Config, Message};

pub type Result<T = ()> = std::result::Result<T, Box<dyn Error>>;

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default()
}

/// The app on the shipped content, in `lang`, in a window of `size`.
pub fn app(lang: Lang, size: (f32, f32)) -> App {
    let mut config = Config::new(ContentSource::Embedded, lang, today());
    config.window = size.into();
    App::new(config)
}

/// The app on a content folder.
pub fn app_on(dir: &Path, size: (f32, f32)) -> App {
    let mut config = Config::new(ContentSource::Dir(dir.to_path_buf()), Lang::Fr, today());
    config.window = size.into();
    App::new(config)
}

/// A simulator of the app's current view, with its fonts and window size.
pub fn simulator(app: &App) -> Simulator<'_, Message> {
    Simulator::with_size(patient_info::ui::settings(), app.window, app.view())
}

/// Clicks what `selector` finds and gives the app the messages it sent.
pub fn click<S>(app: &mut App, selector: S) -> Result
where
    S: Selector + Send,
    S::Output: Bounded + Clone + Send + Sync + 'static,
{
    for message in clicked(app, selector)? {
        let _ = app.update(message);
    }
    Ok(())
}

/// Clicks what `selector` finds and returns the messages the click sent
/// (at least one), without giving them to the app.
pub fn clicked<S>(app: &App, selector: S) -> Result<Vec<Message>>
where
    S: Selector + Send,
    S::Output: Bounded + Clone + Send + Sync + 'static,
{
    let messages: Vec<Message> = {
        let mut ui = simulator(app);
        let _ = ui.click(selector)?;
        ui.into_messages().collect()
    };
    if messages.is_empty() {
        return Err("the click sent no message".into());
    }
    Ok(messages)
}

/// Scrolls the area under `at` all the way down with the mouse wheel, then
/// clicks what `selector` finds, and gives the app the messages.
pub fn scroll_and_click<S>(app: &mut App, at: iced::Point, selector: S) -> Result
where
    S: Selector + Send + Clone,
    S::Output: Bounded + Clone + Send + Sync + 'static,
{
    use iced::mouse::{Event, ScrollDelta};
    let messages: Vec<Message> = {
        let mut ui = simulator(app);
        ui.point_at(at);
        // Down a little at a time until the target shows (or the end).
        for _ in 0..200 {
            let shown = ui
                .find(selector.clone())
                .ok()
                .and_then(|t| t.visible_bounds())
                .is_some_and(|b| b.height >= 40.0);
            if shown {
                break;
            }
            let _ = ui.simulate([iced::Event::Mouse(Event::WheelScrolled {
                delta: ScrollDelta::Pixels { x: 0.0, y: -60.0 },
            })]);
        }
        let _ = ui.click(selector)?;
        ui.into_messages().collect()
    };
    let mut clicked = false;
    for message in messages {
        clicked |= !matches!(
            message,
            Message::Pointer | Message::Key(_) | Message::Resized(_)
        );
        let _ = app.update(message);
    }
    if clicked {
        Ok(())
    } else {
        Err("the click sent no message".into())
    }
}

/// Whether the current view shows a text equal to `text`.
pub fn shows(app: &App, text: &str) -> bool {
    simulator(app).find(text).is_ok()
}

/// A text laid out on screen.
#[derive(Debug, Clone)]
pub struct Laid {
    pub text: String,
    pub bounds: Rectangle,
    pub visible: Option<Rectangle>,
}

/// Every text of the current view, in tree order.
pub fn texts(app: &App) -> Vec<Laid> {
    texts_of(&mut simulator(app))
}

/// Every text of a simulator, in tree order.
pub fn texts_of(ui: &mut Simulator<'_, Message>) -> Vec<Laid> {
    let mut found = Vec::new();
    let _ = ui.find(|candidate: Candidate<'_>| {
        if let Candidate::Text {
            content,
            bounds,
            visible_bounds,
            ..
        } = candidate
        {
            found.push(Laid {
                text: content.to_string(),
                bounds,
                visible: visible_bounds,
            });
        }
        None::<()>
    });
    found
}

/// Slack for rounding in the layout, in pixels.
pub const EPSILON: f32 = 0.5;

/// The texts that are not blank.
pub fn non_blank(texts: Vec<Laid>) -> Vec<Laid> {
    texts
        .into_iter()
        .filter(|t| !t.text.trim().is_empty())
        .collect()
}

/// The texts that leave a window `w` wide, or are shown outside its
/// height `h`.
pub fn outside_window(name: &str, laid: &[Laid], w: f32, h: f32) -> Vec<String> {
    let mut wrong = Vec::new();
    for t in laid {
        let b = t.bounds;
        if b.x < -EPSILON || b.x + b.width > w + EPSILON {
            wrong.push(format!(
                "{name}: « {} » leaves the window's width: {b:?}",
                t.text
            ));
        }
        if let Some(v) = t.visible
            && (v.y < -EPSILON || v.y + v.height > h + EPSILON)
        {
            wrong.push(format!(
                "{name}: « {} » is shown outside the window's height: {v:?}",
                t.text
            ));
        }
    }
    wrong
}

/// The texts smaller than 18 px (laid out less than 18 × 1.3 px tall).
pub fn under_18_px(name: &str, laid: &[Laid]) -> Vec<String> {
    laid.iter()
        .filter(|t| t.bounds.height < 18.0 * 1.3 - EPSILON)
        .map(|t| {
            format!(
                "{name}: « {} » is under 18 px ({} px tall)",
                t.text, t.bounds.height
            )
        })
        .collect()
}

/// Every two texts that overlap.
pub fn overlapping(name: &str, laid: &[Laid]) -> Vec<String> {
    let mut wrong = Vec::new();
    for (i, a) in laid.iter().enumerate() {
        for b in &laid[i + 1..] {
            if let Some(x) = a.bounds.intersection(&b.bounds)
                && x.width > EPSILON
                && x.height > EPSILON
            {
                wrong.push(format!(
                    "{name}: « {} » overlaps « {} » ({:?} / {:?})",
                    a.text, b.text, a.bounds, b.bounds
                ));
            }
        }
    }
    wrong
}

/// What is wrong with the app's scroll area in `ui`: too short for
/// reading, or leaving the window.
pub fn scroll_area(name: &str, app: &App, ui: &mut Simulator<'_, Message>) -> Option<String> {
    let (w, h) = (app.window.width, app.window.height);
    let area = ui
        .find(id(app.scroll_area()))
        .map(|t| t.bounds())
        .unwrap_or_default();
    (area.height < 200.0 || area.y + area.height > h + EPSILON)
        .then(|| format!("{name}: the scroll area is {area:?} in a {w}×{h} window"))
}

/// What is wrong with a control found (or not) on screen: under 44×44 px,
/// or leaving a window `w` wide.
pub fn control(
    name: &str,
    control: &str,
    found: &std::result::Result<Rectangle, iced_test::Error>,
    w: f32,
) -> Vec<String> {
    let mut wrong = Vec::new();
    match found {
        Ok(b) => {
            if b.width < 44.0 - EPSILON || b.height < 44.0 - EPSILON {
                wrong.push(format!("{name}: {control} is {}×{} px", b.width, b.height));
            }
            if b.x < -EPSILON || b.x + b.width > w + EPSILON {
                wrong.push(format!("{name}: {control} leaves the window: {b:?}"));
            }
        }
        Err(error) => wrong.push(format!("{name}: {control} is not on screen ({error})")),
    }
    wrong
}

/// A copy of the shipped content in a temporary folder.
pub fn copy_of_content() -> Result<tempfile::TempDir> {
    let dir = tempfile::tempdir()?;
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    for lang in ["fr", "en"] {
        fs::create_dir_all(dir.path().join(lang))?;
        for file in content::FILE_NAMES {
            fs::copy(from.join(lang).join(file), dir.path().join(lang).join(file))?;
        }
    }
    fs::create_dir_all(dir.path().join("figures"))?;
    for (id, bytes) in content::FIGURES {
        fs::write(dir.path().join("figures").join(format!("{id}.svg")), bytes)?;
    }
    Ok(dir)
}

/// Breaks the French `liver.ron` (a misspelt field: the tab cannot load)
/// and `basics.ron` (an unknown glossary word: the tab loads, with an error).
pub fn break_content(dir: &Path) -> Result {
    let liver = dir.join("fr").join("liver.ron");
    let text = fs::read_to_string(&liver)?;
    fs::write(&liver, text.replacen("title:", "titel:", 1))?;
    let basics = dir.join("fr").join("basics.ron");
    let text = fs::read_to_string(&basics)?;
    let Some(start) = str::find(&text, "[[") else {
        return Err("basics.ron has no glossary mark to break".into());
    };
    let mut broken = text.clone();
    broken.insert_str(start + 2, "zzz");
    fs::write(&basics, broken)?;
    Ok(())
}

/// Puts the shipped French files back.
pub fn repair_content(dir: &Path) -> Result {
    let from = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("content")
        .join("fr");
    for file in ["liver.ron", "basics.ron"] {
        fs::copy(from.join(file), dir.join("fr").join(file))?;
    }
    Ok(())
}

/// A window for flows that need what the app's tasks do to its widgets
/// (scrolling to a place, snapping back): it keeps the widgets' state (the
/// scroll positions) from one view to the next, as the real window does,
/// and runs the tasks' widget operations on the app's current view.
pub struct Window {
    renderer: iced_test::renderer::Renderer,
    cache: Option<iced_test::runtime::user_interface::Cache>,
}

impl Window {
    pub fn new(app: &App) -> Result<Window> {
        use iced_test::core::renderer::Headless;
        // A simulator loads the app's fonts, for good.
        drop(simulator(app));
        let settings = patient_info::ui::settings();
        let renderer = iced_test::futures::futures::executor::block_on(
            <iced_test::renderer::Renderer as Headless>::new(
                settings.default_font,
                settings.default_text_size,
                None,
            ),
        )
        .ok_or("no headless renderer")?;
        Ok(Window {
            renderer,
            cache: Some(Default::default()),
        })
    }

    fn build<'a>(
        &mut self,
        app: &'a App,
    ) -> iced_test::runtime::UserInterface<'a, Message, iced::Theme, iced_test::renderer::Renderer>
    {
        iced_test::runtime::UserInterface::build(
            app.view(),
            app.window,
            self.cache.take().unwrap_or_default(),
            &mut self.renderer,
        )
    }

    /// Gives `message` to the app and runs the task it returns.
    pub fn update(&mut self, app: &mut App, message: Message) {
        let task = app.update(message);
        self.run(app, task);
    }

    /// Runs a task: its widget operations on the current view, its
    /// messages back to the app; the rest (the clipboard) is dropped.
    pub fn run(&mut self, app: &mut App, task: iced::Task<Message>) {
        use iced_test::core::widget::operation::Outcome;
        use iced_test::futures::futures::StreamExt;
        use iced_test::runtime::Action;
        let Some(mut stream) = iced_test::runtime::task::into_stream(task) else {
            return;
        };
        while let Some(action) = iced_test::futures::futures::executor::block_on(stream.next()) {
            match action {
                Action::Output(message) => self.update(app, message),
                Action::Widget(operation) => {
                    let mut ui = self.build(app);
                    let mut next = Some(operation);
                    while let Some(mut current) = next.take() {
                        ui.operate(&self.renderer, current.as_mut());
                        if let Outcome::Chain(chained) = current.finish() {
                            next = Some(chained);
                        }
                    }
                    self.cache = Some(ui.into_cache());
                }
                _ => {}
            }
        }
    }

    /// Everything `selector` selects in the current view.
    pub fn find_all<S>(&mut self, app: &App, selector: S) -> Vec<S::Output>
    where
        S: Selector + Send,
        S::Output: Clone + Send,
    {
        use iced_test::core::widget::operation::{Operation, Outcome, black_box};
        let mut ui = self.build(app);
        let mut operation = selector.find_all();
        ui.operate(&self.renderer, &mut black_box(&mut operation));
        self.cache = Some(ui.into_cache());
        match operation.finish() {
            Outcome::Some(found) => found,
            _ => Vec::new(),
        }
    }

    /// How far the scroll area `area` is scrolled down, in pixels.
    pub fn scrolled(&mut self, app: &App, area: &'static str) -> Option<f32> {
        let wanted = iced::widget::Id::from(area);
        self.find_all(app, move |candidate: Candidate<'_>| match candidate {
            Candidate::Scrollable {
                id: Some(id),
                translation,
                ..
            } if *id == wanted => Some(translation.y),
            _ => None,
        })
        .first()
        .copied()
    }

    /// The words a search highlighted in the current view, with where they
    /// show (`None`: scrolled out of sight).
    pub fn found_words(&mut self, app: &App) -> Vec<(String, Option<Rectangle>)> {
        let found = iced::widget::Id::from(patient_info::ui::FOUND_WORD);
        self.find_all(app, move |candidate: Candidate<'_>| match candidate {
            Candidate::Custom {
                id: Some(id),
                visible_bounds,
                state,
                ..
            } if *id == found => state
                .downcast_ref::<String>()
                .map(|word| (word.clone(), visible_bounds)),
            _ => None,
        })
    }
}
