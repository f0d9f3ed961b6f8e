//! Renders the safe Markdown tree as elements. No HTML string is ever parsed here: text can only
//! become text nodes, and only URLs that passed `core::url::safe_url` reach an `href`.

use igf_core::text::i18n::Msg;
use igf_core::text::markdown::{Block, Inline};
use leptos::prelude::*;

use super::words::{t, t_now};

/// `heading_base` is the HTML level that a Markdown level-1 heading takes.
pub fn blocks_view(blocks: Vec<Block>, heading_base: u8) -> AnyView {
    blocks.into_iter().map(|block| block_view(block, heading_base)).collect_view().into_any()
}

fn block_view(block: Block, heading_base: u8) -> AnyView {
    match block {
        Block::Paragraph(content) => view! { <p>{inlines_view(content)}</p> }.into_any(),
        Block::Heading { level, content } => {
            let content = inlines_view(content);
            match (heading_base + level - 1).min(6) {
                ..=4 => view! { <h4 class="md-heading">{content}</h4> }.into_any(),
                5 => view! { <h5 class="md-heading">{content}</h5> }.into_any(),
                _ => view! { <h6 class="md-heading">{content}</h6> }.into_any(),
            }
        }
        Block::List { start: None, items } => view! { <ul>{items_view(items, heading_base)}</ul> }.into_any(),
        Block::List { start: Some(start), items } => {
            view! { <ol start=start.to_string()>{items_view(items, heading_base)}</ol> }.into_any()
        }
        Block::Quote(blocks) => view! { <blockquote>{blocks_view(blocks, heading_base)}</blockquote> }.into_any(),
        Block::Code(code) => view! { <pre><code>{code}</code></pre> }.into_any(),
        Block::Rule => view! { <hr /> }.into_any(),
        Block::Table { head, rows } => view! {
            <div class="table-scroll">
                <table>
                    <thead>
                        <tr>{head.into_iter().map(|cell| view! { <th scope="col">{inlines_view(cell)}</th> }).collect_view()}</tr>
                    </thead>
                    <tbody>
                        {rows.into_iter().map(|row| view! {
                            <tr>{row.into_iter().map(|cell| view! { <td>{inlines_view(cell)}</td> }).collect_view()}</tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any(),
    }
}

fn items_view(items: Vec<Vec<Block>>, heading_base: u8) -> AnyView {
    items.into_iter().map(|item| view! { <li>{blocks_view(item, heading_base)}</li> }).collect_view().into_any()
}

fn inlines_view(content: Vec<Inline>) -> AnyView {
    content.into_iter().map(inline_view).collect_view().into_any()
}

fn inline_view(inline: Inline) -> AnyView {
    match inline {
        Inline::Text(text) => text.into_any(),
        Inline::Code(code) => view! { <code>{code}</code> }.into_any(),
        Inline::Strong(content) => view! { <strong>{inlines_view(content)}</strong> }.into_any(),
        Inline::Emphasis(content) => view! { <em>{inlines_view(content)}</em> }.into_any(),
        Inline::Strikethrough(content) => view! { <s>{inlines_view(content)}</s> }.into_any(),
        Inline::Link { url: Some(url), title, content } => view! {
            <a href=url.as_str().to_owned() title=(!title.is_empty()).then_some(title) target="_blank" rel="noopener noreferrer">
                {inlines_view(content)}
            </a>
        }
        .into_any(),
        Inline::Link { url: None, content, .. } => view! {
            <span class="link-refused" title=t("preview.link_refused")>{inlines_view(content)}</span>
        }
        .into_any(),
        // Images are never fetched: the preview makes no request of its own.
        Inline::Image { url, alt } => {
            let label = t_now(&if alt.is_empty() { Msg::new("preview.image") } else { Msg::new("preview.image.alt").arg("alt", alt) });
            match url {
                Some(url) => view! {
                    <a class="image-ref" href=url.as_str().to_owned() target="_blank" rel="noopener noreferrer">{label}</a>
                }
                .into_any(),
                None => view! { <span class="image-ref link-refused" title=t("preview.link_refused")>{label}</span> }.into_any(),
            }
        }
        Inline::LineBreak => view! { <br /> }.into_any(),
    }
}
