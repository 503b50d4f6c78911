#![cfg(feature = "gui")]
#[path = "support/ui.rs"]
mod support;
use patient_info::Lang;
use patient_info::content::ContentSource;
use patient_info::ui::{App, Config, Contrast, TextSize};

fn shot(app: &App, name: &str) {
    use iced::mouse::{Event, ScrollDelta};
    let mut ui = support::simulator(app);
    ui.point_at(iced::Point::new(
        app.window.width * 0.7,
        app.window.height * 0.7,
    ));
    let down = if name.contains("-200-") { 14 } else { 9 };
    for _ in 0..down {
        let _ = ui.simulate([iced::Event::Mouse(Event::WheelScrolled {
            delta: ScrollDelta::Pixels { x: 0.0, y: -60.0 },
        })]);
    }
    let snap = ui.snapshot(&app.theme()).unwrap();
    std::fs::create_dir_all("/tmp/look").unwrap();
    let _ = snap.matches_image(format!("/tmp/look/{name}"));
}

#[test]
fn look() {
    for (w, h) in [(1024.0, 768.0), (800.0, 600.0)] {
        for percent in [100u16, 200] {
            for contrast in [Contrast::Normal, Contrast::High] {
                let mut config = Config::new(ContentSource::Embedded, Lang::Fr, support::today());
                config.window = (w, h).into();
                config.text_size = TextSize::from_percent(percent);
                config.contrast = contrast;
                let mut app = App::new(config);
                let library = app.library().clone();
                assert!(app.reader.open_tab("liver", &library));
                assert!(app.reader.open_section("mixed-cells", &library));
                shot(&app, &format!("mixed-{w}-{percent}-{contrast:?}"));
            }
        }
    }
}

#[test]
fn look_panel() {
    use patient_info::ui::{Message, TabKey};
    for (w, h, percent, kiosk) in [
        (1024.0, 768.0, 100u16, false),
        (800.0, 600.0, 200, false),
        (1024.0, 768.0, 150, true),
    ] {
        let mut config = Config::new(ContentSource::Embedded, Lang::Fr, support::today());
        config.window = (w, h).into();
        config.text_size = TextSize::from_percent(percent);
        config.kiosk = kiosk;
        let mut app = App::new(config);
        let mut win = support::Window::new(&app).unwrap();
        if kiosk {
            win.update(
                &mut app,
                Message::Kiosk(patient_info::ui::kiosk::Message::Start),
            );
        }
        win.update(&mut app, Message::Open(TabKey::Content(1)));
        win.update(&mut app, Message::OpenExport);
        let mut ui = support::simulator(&app);
        let snap = ui.snapshot(&app.theme()).unwrap();
        let _ = snap.matches_image(format!("/tmp/look/panel-{w}-{percent}-{kiosk}"));
    }
}
