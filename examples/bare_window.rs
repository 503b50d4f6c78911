//! A bare iced 0.14 window with one line of text, built with the same iced
//! features and profile as patient-info: the baseline of `benches/window.sh`.

use iced::Element;

fn view(_: &()) -> Element<'_, ()> {
    iced::widget::text("Bare iced window").into()
}

fn main() -> iced::Result {
    iced::application(|| (), |_: &mut (), _: ()| {}, view)
        .title("bare window")
        .window_size((1280.0, 800.0))
        .run()
}
