//! The finished pages: the booklet's cover and table of contents (laid out
//! once every section's page is known), then each page's header and
//! footer, and the outline.

use super::contents::{self, Entry};
use super::flow::text_draw;
use super::lines::{self, Hyphenation, Span, break_lines};
use super::pages::{Sheet, paginate};
use super::palette::*;
use super::structure::{Role, Structure};
use super::{
    Document, Draw, Frame, MM, OutlineEntry, PAGE_HEIGHT, PAGE_WIDTH, Page, Rgb, RowInfo, Theme,
};
use crate::fonts::Style;
use crate::handout::{Cover, Handout};

/// The cover, the table of contents and the body, with their furniture;
/// the structure read in the same order (cover, contents, body).
pub fn assemble(
    handout: &Handout,
    body: Vec<Sheet>,
    structure: Structure,
    theme: Theme,
    frame: Frame,
) -> Document {
    let body_top = structure.top().to_vec();
    let cover_pages = usize::from(handout.cover.is_some());
    let (contents, mut structure) = match &handout.contents {
        Some(title) => contents_sheets(title, &body, cover_pages, structure, &theme, &frame),
        None => (Vec::new(), structure),
    };
    let contents_top: Vec<usize> = structure.top()[body_top.len()..].to_vec();
    let front = cover_pages + contents.len();
    let total = front + body.len();

    let mut pages = Vec::with_capacity(total);
    let mut outline = Vec::new();
    if let Some(cover) = &handout.cover {
        pages.push(cover_page(cover, &theme, &frame, &mut structure));
    }
    let cover_top: Vec<usize> = structure.top()[body_top.len() + contents_top.len()..].to_vec();
    structure.set_top([cover_top, contents_top, body_top].concat());
    for (i, sheet) in contents.iter().chain(body.iter()).enumerate() {
        let index = cover_pages + i;
        for (top, row) in &sheet.rows {
            if let Some(mark) = row.mark.as_ref().filter(|m| m.outline) {
                outline.push(OutlineEntry {
                    depth: mark.depth,
                    title: mark.title.clone(),
                    page: index,
                    top: *top,
                });
            }
        }
        let mut page = body_page(sheet, &frame);
        page.draws.extend(furniture(
            handout,
            sheet.note.as_deref(),
            index,
            total,
            &theme,
            &frame,
        ));
        pages.push(page);
    }
    Document {
        pages,
        outline,
        frame,
        theme,
        structure,
    }
}

/// The table of contents, numbered for a front matter of its own length
/// (laid out again until the count is stable: entries do not change, so it
/// settles at once), and the structure with its elements added.
fn contents_sheets(
    title: &str,
    body: &[Sheet],
    cover: usize,
    structure: Structure,
    theme: &Theme,
    frame: &Frame,
) -> (Vec<Sheet>, Structure) {
    let marks: Vec<(usize, String, usize)> = body
        .iter()
        .enumerate()
        .flat_map(|(i, sheet)| {
            sheet.rows.iter().filter_map(move |(_, row)| {
                row.mark
                    .as_ref()
                    .filter(|m| m.contents)
                    .map(|m| (m.depth, m.title.clone(), i))
            })
        })
        .collect();
    let mut front = cover + 1;
    let mut laid = (Vec::new(), structure.clone());
    for _ in 0..4 {
        let entries: Vec<Entry> = marks
            .iter()
            .map(|(depth, title, i)| Entry {
                depth: *depth,
                title: title.clone(),
                page: front + i,
            })
            .collect();
        let lay = |tight: bool| {
            let (elements, with_contents) = contents::contents_elements(
                title,
                &entries,
                theme,
                frame.width(),
                structure.clone(),
                tight,
            );
            (paginate(elements, frame), with_contents)
        };
        let (mut sheets, mut with_contents) = lay(false);
        if sheets.len() > 1 {
            // Closer entries, when that saves a page.
            let (tight, tight_structure) = lay(true);
            if tight.len() < sheets.len() {
                (sheets, with_contents) = (tight, tight_structure);
            }
        }
        let settled = cover + sheets.len() == front;
        front = cover + sheets.len();
        laid = (sheets, with_contents);
        if settled {
            break;
        }
    }
    laid
}

/// The rows of a sheet, placed in the frame.
fn body_page(sheet: &Sheet, frame: &Frame) -> Page {
    let mut page = Page::default();
    for (top, row) in &sheet.rows {
        page.draws
            .extend(row.draws.iter().cloned().map(|d| d.moved(frame.left, *top)));
        page.rows.push(RowInfo {
            kind: row.kind,
            top: *top,
            bottom: top + row.height,
            text: row.text.clone(),
        });
    }
    page
}

/// The header (the document's title over a thin rule) and the footer
/// (print date, clinic, the part's note, « Page i / N »): artifacts, which
/// a screen reader skips.
fn furniture(
    handout: &Handout,
    note: Option<&str>,
    index: usize,
    total: usize,
    theme: &Theme,
    frame: &Frame,
) -> Vec<Draw> {
    let size = theme.furniture;
    let f = &handout.furniture;
    let mut draws = Vec::new();
    let header = fitted(&handout.title, Style::Regular, size, frame.width());
    draws.push(text_draw(
        frame.left,
        15.0 * MM,
        size,
        Style::Regular,
        MUTED,
        &header,
    ));
    draws.push(rule(frame, 18.0 * MM));

    draws.push(rule(frame, PAGE_HEIGHT - 19.0 * MM));
    let page = format!("{} {} / {}", f.page, index + 1, total);
    let page_width = lines::width(&page, Style::Bold, size);
    // Two lines, spaced for the type size, the second well inside what
    // any printer reaches.
    let first = PAGE_HEIGHT - 19.0 * MM + 1.35 * size;
    let second = first + 1.3 * size;
    draws.push(text_draw(
        frame.right - page_width,
        first,
        size,
        Style::Bold,
        INK,
        &page,
    ));
    let printed = match &f.clinic {
        Some(clinic) => format!("{} · {clinic}", f.printed),
        None => f.printed.clone(),
    };
    let room = frame.width() - page_width - 2.0 * size;
    draws.push(text_draw(
        frame.left,
        first,
        size,
        Style::Regular,
        MUTED,
        &fitted(&printed, Style::Regular, size, room),
    ));
    if let Some(note) = note {
        draws.push(text_draw(
            frame.left,
            second,
            size,
            Style::Regular,
            MUTED,
            &fitted(note, Style::Regular, size, frame.width()),
        ));
    }
    draws
}

fn rule(frame: &Frame, y: f32) -> Draw {
    Draw::Line {
        from: (frame.left, y),
        to: (frame.right, y),
        width: 0.5,
        color: RULE,
        dotted: false,
    }
}

/// The text, shortened with « … » if it is wider than `room` (page
/// furniture has one line).
fn fitted(text: &str, style: Style, size: f32, room: f32) -> String {
    let text: String = text.chars().map(lines::drawable).collect();
    if lines::width(&text, style, size) <= room {
        return text;
    }
    let mut out = String::new();
    let mut used = 0.0;
    let budget = room - lines::width("…", style, size);
    for c in text.chars() {
        let w = lines::advance(style, c) * size;
        if used + w > budget {
            break;
        }
        used += w;
        out.push(c);
    }
    format!("{}…", out.trim_end())
}

/// How a block of the cover looks.
struct Look {
    size: f32,
    style: Style,
    color: Rgb,
    /// Baseline to baseline, as a multiple of the size.
    step: f32,
    role: Role,
}

/// Draws `text` on as many lines as it takes (at most `max_lines`), the
/// first baseline at `y`, as one element of the structure; returns the
/// baseline after the last line.
fn block(
    draws: &mut Vec<Draw>,
    structure: &mut Structure,
    text: &str,
    look: &Look,
    (x, y, width): (f32, f32, f32),
    max_lines: usize,
) -> f32 {
    let tag = structure.leaf(look.role);
    let mut y = y;
    let spans = [Span::new(text, look.style, look.color).of(tag)];
    for line in break_lines(&spans, look.size, width, Hyphenation::None)
        .into_iter()
        .take(max_lines)
    {
        let mut runs = line.runs;
        if let (true, Some(last)) = (line.space_after, runs.last_mut()) {
            last.text.push(' ');
        }
        for run in runs {
            draws.push(
                text_draw(x + run.x, y, look.size, run.style, run.color, &run.text).of(run.tag),
            );
        }
        y += look.size * look.step;
    }
    y
}

/// The booklet's first page: a tinted band with the title and subtitle;
/// below it who gives the booklet (the clinic, its phone), the review
/// status and the print date, the national Cancer Info line, and a line
/// for the nurse to sign.
fn cover_page(cover: &Cover, theme: &Theme, frame: &Frame, structure: &mut Structure) -> Page {
    let mut draws = Vec::new();
    let band = 110.0 * MM;
    draws.push(Draw::Rect {
        x: 0.0,
        y: 0.0,
        width: PAGE_WIDTH,
        height: band,
        color: ACCENT_TINT,
    });
    draws.push(Draw::Rect {
        x: 0.0,
        y: band,
        width: PAGE_WIDTH,
        height: 2.0 * MM,
        color: ACCENT,
    });
    let area = |y: f32| (frame.left, y, frame.width());
    let title_size = theme.title * 1.4;
    let look = |size: f32, style: Style, color: Rgb, step: f32, role: Role| Look {
        size,
        style,
        color,
        step,
        role,
    };
    let kicker = look(theme.kicker * 1.2, Style::Bold, MUTED, 1.3, Role::P);
    let title = look(title_size, Style::Bold, ACCENT, 1.18, Role::H1);
    let subtitle = look(theme.section, Style::Regular, INK, 1.3, Role::P);
    let y = block(
        &mut draws,
        structure,
        &cover.kicker,
        &kicker,
        area(38.0 * MM),
        2,
    );
    let y = block(
        &mut draws,
        structure,
        &cover.title,
        &title,
        area(y + 8.0 * MM),
        4,
    );
    block(
        &mut draws,
        structure,
        &cover.subtitle,
        &subtitle,
        area(y + 0.4 * theme.section),
        4,
    );

    // Who gives the booklet: in full, on as many lines as it takes.
    let name = look(theme.section, Style::Bold, INK, 1.3, Role::P);
    let body = look(theme.body, Style::Regular, INK, theme.leading, Role::P);
    let muted = look(theme.body, Style::Regular, MUTED, theme.leading, Role::P);
    let mut y = band + 18.0 * MM;
    if let Some(clinic) = &cover.clinic {
        y = block(&mut draws, structure, clinic, &name, area(y), 6);
    }
    if let Some(phone) = &cover.phone {
        y = block(&mut draws, structure, phone, &body, area(y), 2);
    }
    y += 0.6 * theme.line();
    y = block(&mut draws, structure, &cover.review, &muted, area(y), 3);
    block(&mut draws, structure, &cover.printed, &muted, area(y), 1);

    // The national line, boxed, above the signature.
    let info_look = look(theme.body, Style::Bold, ACCENT, theme.leading, Role::P);
    let pad = 0.8 * theme.body;
    let info_lines = break_lines(
        &[Span::new(&cover.cancer_info, Style::Bold, ACCENT)],
        theme.body,
        frame.width() - 2.0 * pad,
        Hyphenation::None,
    )
    .len()
    .min(4) as f32;
    let info_height = info_lines * theme.line() + 2.0 * pad;
    let signature = PAGE_HEIGHT - 32.0 * MM;
    let info_top = signature - 14.0 * MM - info_height;
    draws.push(Draw::Rect {
        x: frame.left,
        y: info_top,
        width: frame.width(),
        height: info_height,
        color: ACCENT_TINT,
    });
    let first = info_top + pad + lines::baseline(theme.line(), theme.body);
    block(
        &mut draws,
        structure,
        &cover.cancer_info,
        &info_look,
        (frame.left + pad, first, frame.width() - 2.0 * pad),
        4,
    );

    let tag = structure.leaf(Role::P);
    draws.push(
        text_draw(
            frame.left,
            signature,
            theme.body,
            Style::Regular,
            MUTED,
            &cover.given_by,
        )
        .of(tag),
    );
    let start = frame.left + lines::width(&cover.given_by, Style::Regular, theme.body) + 8.0;
    draws.push(Draw::Line {
        from: (start, signature + 2.0),
        to: (frame.right, signature + 2.0),
        width: 0.6,
        color: WRITING,
        dotted: false,
    });
    Page {
        draws,
        rows: Vec::new(),
    }
}
