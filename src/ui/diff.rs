//! What changed between two versions of a draft, by part and then by word: the one view of a
//! comparison, in the History panel and beside a review of an earlier version.

use igf_core::model::diff::{Change, DETAILS_CHANGED, Piece, SectionDiff};
use leptos::prelude::*;

use super::words::{t, t_arg, t_with};

/// Each changed part under its heading (`heading_class` styles it for the panel it is in).
#[component]
pub fn ChangedParts(changes: Vec<SectionDiff>, heading_class: &'static str) -> impl IntoView {
    changes
        .into_iter()
        .map(|part| {
            view! {
                <h4 class=heading_class>{move || t_arg(&part.heading.name())}</h4>
                <p class="diff">{match part.change {
                    Change::Text(pieces) => pieces.into_iter().map(piece_view).collect_view().into_any(),
                    _ => t_with(DETAILS_CHANGED.msg()).into_any(),
                }}</p>
            }
        })
        .collect_view()
}

/// A word-diff piece; screen readers hear "added" or "removed" before a change.
fn piece_view(piece: Piece) -> AnyView {
    match piece {
        Piece::Same(text) => text.into_any(),
        Piece::Added(text) => view! { <span class="visually-hidden">{t("diff.added")}</span><ins>{text}</ins> }.into_any(),
        Piece::Removed(text) => view! { <span class="visually-hidden">{t("diff.removed")}</span><del>{text}</del> }.into_any(),
    }
}
