//! The only colours a figure may use: the interface's own (src/ui/theme/
//! palette.rs, named after their role there), each with its high-contrast
//! counterpart. Light tints become black and every ink becomes a bright
//! colour, so a figure drawn with an ink outline around every filled area
//! reads on the black high-contrast background, and in black and white.

/// (normal, high contrast), written `#RRGGBB` in upper case.
pub const COLOURS: [(&str, &str); 15] = [
    ("#1B1F24", "#FFFFFF"), // text: outlines, markers
    ("#FFFFFF", "#000000"), // panel: marker discs
    ("#F7F5F0", "#000000"), // background
    ("#0B4650", "#FFE45C"), // heading teal
    ("#5E7F86", "#E6E6E6"), // scroller grey-teal
    ("#CFCAC0", "#E6E6E6"), // rule grey
    ("#E3F0F2", "#000000"), // summary tint
    ("#FDEEDC", "#000000"), // « Important » tint
    ("#B5530C", "#FFB347"), // « Important » orange
    ("#FDE4E4", "#000000"), // « Urgent » tint
    ("#B3141B", "#FF6B6B"), // « Urgent » red
    ("#E6EEFB", "#000000"), // « À faire » tint
    ("#2754B8", "#7FD3FF"), // « À faire » blue
    ("#E7F4EA", "#000000"), // « À retenir » tint
    ("#2F7D45", "#7CFC9A"), // « À retenir » green
];

/// Whether `value` is one of the figure colours, as written in the file.
pub fn allowed(value: &str) -> bool {
    COLOURS.iter().any(|(normal, _)| *normal == value)
}

/// The high-contrast counterpart of a figure colour.
pub fn high(value: &str) -> Option<&'static str> {
    COLOURS
        .iter()
        .find(|(normal, _)| *normal == value)
        .map(|(_, high)| *high)
}

/// The SVG with every figure colour swapped for its high-contrast one, in
/// one pass (so a colour already swapped is never swapped again).
pub fn high_contrast(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(i) = rest.find('#') {
        out.push_str(&rest[..i]);
        let candidate = rest.get(i..i + 7);
        match candidate.and_then(high) {
            Some(swapped) => {
                out.push_str(swapped);
                rest = &rest[i + 7..];
            }
            None => {
                out.push('#');
                rest = &rest[i + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn high_contrast_swaps_each_colour_once() {
        let svg = r##"<path fill="#FFFFFF" stroke="#1B1F24"/><rect fill="#FDEEDC"/>"##;
        assert_eq!(
            high_contrast(svg),
            r##"<path fill="#000000" stroke="#FFFFFF"/><rect fill="#000000"/>"##
        );
    }

    #[test]
    fn only_palette_colours_are_allowed() {
        assert!(allowed("#0B4650"));
        assert!(!allowed("#0b4650"));
        assert!(!allowed("#123456"));
        assert!(!allowed("red"));
    }
}
