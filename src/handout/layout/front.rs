//! The finished pages: the booklet's cover and table of contents (laid out
//! once every section's page is known), then each page's header and
//! footer, and the outline.

use super::contents::{self, Entry};
use super::flow::text_draw;
use super::lines::{self, Span, break_lines};
use super::pages::{Sheet, paginate};
use super::palette::*;
use super::{
    Document, Draw, Frame, MM, OutlineEntry, PAGE_HEIGHT, PAGE_WIDTH, Page, RowInfo, Theme,
};
use crate::Lang;
use crate::fonts::Style;
use crate::handout::build::colon;
use crate::handout::{Cover, Handout};

/// The cover, the table of contents and the body, with their furniture.
pub fn assemble(handout: &Handout, body: Vec<Sheet>, theme: Theme, frame: Frame) -> Document {
    let cover_pages = usize::from(handout.cover.is_some());
    let contents = match &handout.contents {
        Some(title) => contents_sheets(title, &body, cover_pages, handout, &theme, &frame),
        None => Vec::new(),
    };
    let front = cover_pages + contents.len();
    let total = front + body.len();

    let mut pages = Vec::with_capacity(total);
    let mut outline = Vec::new();
    if let Some(cover) = &handout.cover {
        pages.push(cover_page(cover, &theme, &frame, handout.lang));
    }
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
    }
}

/// The table of contents, numbered for a front matter of its own length
/// (laid out again until the count is stable: entries do not change, so it
/// settles at once).
fn contents_sheets(
    title: &str,
    body: &[Sheet],
    cover: usize,
    handout: &Handout,
    theme: &Theme,
    frame: &Frame,
) -> Vec<Sheet> {
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
    let mut sheets = Vec::new();
    for _ in 0..4 {
        let entries: Vec<Entry> = marks
            .iter()
            .map(|(depth, title, i)| Entry {
                depth: *depth,
                title: title.clone(),
                page: front + i,
            })
            .collect();
        sheets = paginate(
            contents::contents_elements(title, &entries, theme, frame.width(), handout.lang),
            frame,
        );
        if cover + sheets.len() == front {
            break;
        }
        front = cover + sheets.len();
    }
    sheets
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
/// (print date, clinic, the part's note, « Page i / N »).
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
    let first = PAGE_HEIGHT - 14.5 * MM;
    let second = PAGE_HEIGHT - 10.5 * MM;
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
    let room = frame.width() - page_width - 4.0 * size;
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
            &fitted(note, Style::Regular, size, room),
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
    let budget = room - lines::width("…", style, size);
    for c in text.chars() {
        if lines::width(&out, style, size) + lines::width(&c.to_string(), style, size) > budget {
            break;
        }
        out.push(c);
    }
    format!("{}…", out.trim_end())
}

/// The booklet's first page: a tinted band with the title and subtitle,
/// the print date and the clinic, and a line for the nurse to sign.
fn cover_page(cover: &Cover, theme: &Theme, frame: &Frame, lang: Lang) -> Page {
    let mut draws = Vec::new();
    let band = 120.0 * MM;
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
    let width = frame.width();
    let title_size = theme.title * 1.4;
    let mut y = 42.0 * MM;
    draws.push(text_draw(
        frame.left,
        y,
        theme.kicker * 1.2,
        Style::Bold,
        MUTED,
        &cover.kicker,
    ));
    y += 14.0 * MM;
    for line in break_lines(
        &[Span::new(&cover.title, Style::Bold, ACCENT)],
        title_size,
        width,
        crate::Lang::En,
    ) {
        for run in line.runs {
            draws.push(text_draw(
                frame.left + run.x,
                y,
                title_size,
                run.style,
                run.color,
                &run.text,
            ));
        }
        y += title_size * 1.18;
    }
    y += 0.4 * theme.section;
    let subtitle_size = theme.section;
    for line in break_lines(
        &[Span::new(&cover.subtitle, Style::Regular, INK)],
        subtitle_size,
        width,
        crate::Lang::En,
    ) {
        for run in line.runs {
            draws.push(text_draw(
                frame.left + run.x,
                y,
                subtitle_size,
                run.style,
                run.color,
                &run.text,
            ));
        }
        y += subtitle_size * 1.3;
    }

    let mut y = band + 22.0 * MM;
    draws.push(text_draw(
        frame.left,
        y,
        theme.body,
        Style::Regular,
        MUTED,
        &cover.printed,
    ));
    if let Some(clinic) = &cover.clinic {
        // In full, on as many lines as it takes: the cover is where the
        // patient reads who gave the booklet.
        y += 0.3 * theme.section;
        let spans = [Span::new(clinic, Style::Bold, INK)];
        for line in break_lines(&spans, theme.section, width, lang)
            .into_iter()
            .take(8)
        {
            y += theme.section * 1.3;
            for run in line.runs {
                draws.push(text_draw(
                    frame.left + run.x,
                    y,
                    theme.section,
                    run.style,
                    run.color,
                    &run.text,
                ));
            }
        }
    }

    let y = PAGE_HEIGHT - 45.0 * MM;
    let label = format!("{}{}", cover.given_by, colon(lang).trim_end());
    draws.push(text_draw(
        frame.left,
        y,
        theme.body,
        Style::Regular,
        MUTED,
        &label,
    ));
    let start = frame.left + lines::width(&label, Style::Regular, theme.body) + 8.0;
    draws.push(Draw::Line {
        from: (start, y + 2.0),
        to: (frame.right, y + 2.0),
        width: 0.6,
        color: WRITING,
        dotted: false,
    });
    Page {
        draws,
        rows: Vec::new(),
    }
}
