//! A section with its figure, played in iced's simulator at 100 % and
//! 200 %, in normal and high contrast: the caption is under the drawing,
//! tapping the drawing shows it over the window with « Fermer » on screen,
//! and « Fermer » (or Escape) brings the text back.

#![cfg(feature = "gui")]

#[path = "support/ui.rs"]
mod support;

use patient_info::Lang;
use patient_info::content::ContentSource;
use patient_info::i18n::Text;
use patient_info::ui::{App, Config, Contrast, Control, TextSize};
use support::{Result, click, shows};

fn app_at(percent: u16, contrast: Contrast) -> App {
    let mut config = Config::new(ContentSource::Embedded, Lang::Fr, support::today());
    config.window = (1024.0, 768.0).into();
    config.text_size = TextSize::from_percent(percent);
    config.contrast = contrast;
    let mut app = App::new(config);
    let library = app.library().clone();
    assert!(app.reader.open_tab("liver", &library));
    assert!(app.reader.open_section("mixed-cells", &library));
    app
}

#[test]
fn tapping_a_figure_opens_it_large_and_fermer_closes_it() -> Result {
    for percent in [100, 200] {
        for contrast in [Contrast::Normal, Contrast::High] {
            let mut app = app_at(percent, contrast);
            let caption = "(1) Avant le traitement";
            assert!(
                support::texts(&app)
                    .iter()
                    .any(|t| t.text.starts_with(caption)),
                "{percent} % {contrast:?}: the caption is shown"
            );
            assert_eq!(app.reader.figure, None);
            support::scroll_and_click(
                &mut app,
                iced::Point::new(500.0, 400.0),
                Control::Figure(0).id(),
            )?;
            assert_eq!(app.reader.figure, Some(0), "{percent} % {contrast:?}");
            // « Fermer » is on screen, inside the window.
            let close = support::texts(&app)
                .into_iter()
                .find(|t| t.text == Text::Close.get(Lang::Fr))
                .ok_or("no « Fermer » over the figure")?;
            assert!(close.bounds.y >= 0.0 && close.bounds.y + close.bounds.height <= 768.0);
            click(&mut app, Control::CloseFigure.id())?;
            assert_eq!(app.reader.figure, None, "{percent} % {contrast:?}");
            assert!(
                !shows(&app, Text::Close.get(Lang::Fr)),
                "the large figure is gone"
            );
            assert!(
                support::texts(&app)
                    .iter()
                    .any(|t| t.text.starts_with(caption))
            );
        }
    }
    Ok(())
}
