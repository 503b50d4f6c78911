//! The choices' page counts and preview, the copies control, and the
//! kiosk's question before a long print.

use super::*;

/// Lays out what `measure` asks for, as its Tasks would, and gives the
/// panel the results; the number of layouts asked for.
fn lay_all(state: &mut State, ctx: &Context<'_>) -> usize {
    let Action::Lay(id, handouts) = state.measure(ctx) else {
        return 0;
    };
    let asked = handouts.len();
    for (key, handout) in handouts {
        let document = lay(&handout);
        assert!(matches!(
            state.update(Message::Laid(id, key, document), ctx),
            Action::None
        ));
    }
    asked
}

/// The PDF of a choice, made as « Imprimer » makes it.
fn pdf_pages(state: &State, scope: Scope, ctx: &Context<'_>) -> usize {
    let mut other = state.clone();
    other.scope = scope;
    let handout = other.handout(ctx).unwrap_or_else(|e| panic!("{e}"));
    make(&handout).unwrap_or_else(|e| panic!("{e}")).pages
}

#[test]
fn every_choice_is_laid_out_once_per_print_size_for_its_page_count() {
    let lib = library(Lang::Fr);
    let s = settings(None);
    let ctx = context(&lib, &s, false);
    let mut state = opened(&ctx);
    // Nothing is known before the layouts come back.
    for scope in Scope::ALL {
        assert_eq!(state.pages(scope, &ctx), None);
    }
    assert_eq!(lay_all(&mut state, &ctx), 4, "the four choices");
    assert_eq!(lay_all(&mut state, &ctx), 0, "each is laid out once");
    let normal: Vec<usize> = Scope::ALL
        .into_iter()
        .map(|scope| {
            state
                .pages(scope, &ctx)
                .unwrap_or_else(|| panic!("{scope:?}"))
        })
        .collect();
    assert!(normal.iter().all(|&n| n >= 1), "{normal:?}");
    assert!(normal[3] > normal[1], "the booklet is longer than a tab");

    // Large print: laid out again, and longer.
    state.update(Message::ToggleLargePrint, &ctx);
    assert_eq!(state.pages(Scope::Booklet, &ctx), None, "« … » meanwhile");
    assert_eq!(lay_all(&mut state, &ctx), 4);
    let large = state.pages(Scope::Booklet, &ctx).unwrap_or_default();
    assert!(large > normal[3], "{large} pages in large print");
    // Back to normal print: the counts are still known.
    state.update(Message::ToggleLargePrint, &ctx);
    assert_eq!(lay_all(&mut state, &ctx), 0);
    assert_eq!(state.pages(Scope::Booklet, &ctx), Some(normal[3]));
}

#[test]
fn a_layout_asked_by_another_panel_is_ignored() {
    let lib = library(Lang::Fr);
    let s = settings(None);
    let mut ctx = context(&lib, &s, false);
    // The previous patient ticked questions.
    ctx.ticked = lib.questions.iter().take(5).map(|q| q.id.clone()).collect();
    let mut before = opened(&ctx);
    let Action::Lay(old, handouts) = before.measure(&ctx) else {
        panic!("nothing to lay out");
    };
    ctx.ticked.clear();
    let mut state = opened(&ctx);
    let _ = state.measure(&ctx);
    for (key, handout) in handouts {
        state.update(Message::Laid(old, key, lay(&handout)), &ctx);
    }
    assert_eq!(state.pages(Scope::Questions, &ctx), None);
    assert_eq!(before.pages(Scope::Questions, &ctx), None);
}

#[test]
fn the_preview_and_the_count_have_the_pdfs_pages_for_every_choice_and_size() {
    let lib = library(Lang::Fr);
    let s = settings(None);
    let mut ctx = context(&lib, &s, false);
    ctx.ticked = lib.questions.iter().take(9).map(|q| q.id.clone()).collect();
    let mut state = opened(&ctx);
    for large_print in [false, true] {
        if state.large_print != large_print {
            state.update(Message::ToggleLargePrint, &ctx);
        }
        lay_all(&mut state, &ctx);
        for scope in Scope::ALL {
            let document = state
                .document(scope, &ctx)
                .unwrap_or_else(|| panic!("{scope:?} not laid out"));
            let pdf = pdf_pages(&state, scope, &ctx);
            assert_eq!(
                document.page_count(),
                pdf,
                "{scope:?}, large print {large_print}"
            );
            assert_eq!(state.pages(scope, &ctx), Some(pdf));
        }
    }
}

#[test]
fn copies_start_from_the_settings_stay_from_1_to_20_and_go_to_the_print_job() {
    let lib = library(Lang::Fr);
    let s = settings(None);
    let ctx = context(&lib, &s, false);
    let mut state = opened(&ctx);
    assert_eq!(state.copies, 2, "from the settings");
    assert!(state.controls(&ctx).contains(&Button::MoreCopies));
    state.update(Message::FewerCopies, &ctx);
    state.update(Message::FewerCopies, &ctx);
    assert_eq!(state.copies, 1);
    for _ in 0..25 {
        state.update(Message::MoreCopies, &ctx);
    }
    assert_eq!(state.copies, MAX_COPIES);
    state.update(Message::FewerCopies, &ctx);
    let (ticket, made) = made_after(&mut state, Message::Print, &ctx);
    let Action::Print(_, job) = state.update(Message::Made(ticket, Ok(made)), &ctx) else {
        panic!("not printed: {:?}", state.stage);
    };
    assert_eq!(job.copies, 19);
}

#[test]
fn in_kiosk_mode_the_copies_are_the_settings_and_cannot_be_changed() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let lib = library(Lang::Fr);
    let s = settings(Some(dir.path()));
    let ctx = context(&lib, &s, true);
    let mut state = opened(&ctx);
    let ring = state.controls(&ctx);
    assert!(!ring.contains(&Button::FewerCopies) && !ring.contains(&Button::MoreCopies));
    state.update(Message::MoreCopies, &ctx);
    state.update(Message::MoreCopies, &ctx);
    assert_eq!(state.copies, 2);
    let (ticket, made) = made_after(&mut state, Message::Print, &ctx);
    let Action::Print(_, job) = state.update(Message::Made(ticket, Ok(made)), &ctx) else {
        panic!("not printed: {:?}", state.stage);
    };
    assert_eq!(job.copies, 2);
}

/// The section's PDF, said to have `pages` pages.
fn with_pages(made: &Made, pages: usize) -> Made {
    Made {
        pages,
        ..made.clone()
    }
}

#[test]
fn in_kiosk_mode_a_document_over_4_pages_asks_before_it_is_printed() {
    let lib = library(Lang::Fr);
    let s = settings(None);
    let ctx = context(&lib, &s, true);
    let mut state = opened(&ctx);
    let (ticket, made) = made_after(&mut state, Message::Print, &ctx);

    // 4 pages: printed at once.
    let mut four = state.clone();
    let action = four.update(Message::Made(ticket, Ok(with_pages(&made, 4))), &ctx);
    assert!(matches!(action, Action::Print(..)), "{action:?}");

    // 5 pages: the question, Oui and Non.
    let five = with_pages(&made, 5);
    let action = state.update(Message::Made(ticket, Ok(five.clone())), &ctx);
    assert!(matches!(action, Action::None), "{action:?}");
    assert_eq!(state.stage, Stage::Confirming(five.clone()));
    assert!(!state.stage.busy());
    assert!(
        state
            .controls(&ctx)
            .ends_with(&[Button::PrintYes, Button::PrintNo])
    );
    assert_eq!(
        crate::i18n::print_long(23, Lang::Fr),
        "Ce document fait 23\u{a0}pages. L’imprimer\u{a0}?"
    );
    assert_eq!(
        crate::i18n::print_long(23, Lang::En),
        "This document is 23\u{a0}pages long. Print it?"
    );

    // Non: nothing is printed.
    let mut no = state.clone();
    assert!(matches!(no.update(Message::PrintNo, &ctx), Action::None));
    assert_eq!(no.stage, Stage::Ready);
    assert!(matches!(no.update(Message::PrintYes, &ctx), Action::None));

    // Oui: the same PDF goes to the printer.
    let Action::Print(_, job) = state.update(Message::PrintYes, &ctx) else {
        panic!("not printed: {:?}", state.stage);
    };
    assert_eq!(job.pdf, five.bytes.to_vec());
    assert_eq!(state.stage, Stage::Printing(five));
}

#[test]
fn the_whole_booklet_asks_in_kiosk_mode_and_not_on_a_nurses_computer() {
    let lib = library(Lang::Fr);
    let s = settings(None);
    for kiosk in [true, false] {
        let ctx = context(&lib, &s, kiosk);
        let mut state = State::new(Scope::Booklet, false, &ctx);
        let (ticket, made) = made_after(&mut state, Message::Print, &ctx);
        assert!(made.pages > KIOSK_ASK_ABOVE);
        let action = state.update(Message::Made(ticket, Ok(made)), &ctx);
        assert_eq!(
            matches!(state.stage, Stage::Confirming(_)),
            kiosk,
            "{action:?}"
        );
        assert_eq!(matches!(action, Action::Print(..)), !kiosk);
    }
}
