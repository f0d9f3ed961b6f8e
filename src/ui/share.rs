//! Sharing without a server: the Share dialog (a link that carries the draft, optionally under a
//! passphrase, with files as the fallback), the passphrase prompt for protected links, and the
//! field that opens a pasted link.

use leptos::html::Dialog;
use leptos::prelude::*;

use super::Incoming;
use super::files::download_export;
use crate::browser::platform::{Debounce, focus_element};
use crate::browser::{crypto, link, review_store};
use crate::core::checks::Report;
use crate::core::draft::Draft;
use crate::core::export::{Format, percent_encode};
use crate::core::share::{self, Body, Content, Link, Payload, describe_reach};

/// The longest `mailto:` link offered: some mail programs break links past 2,048 characters.
const MAILTO_MAX: usize = share::MAIL_LIMIT;

/// A link for a packed payload, with its length and where it fits, an optional passphrase,
/// Copy and Email; `children` are the files to send instead.
#[component]
pub fn LinkPanel(
    content: Content,
    /// The compressed payload; `None` while the panel is closed.
    packed: Signal<Option<Vec<u8>>>,
    /// The subject and first line of the email.
    subject: Signal<String>,
    /// Distinguishes the ids of two panels.
    id: &'static str,
    children: Children,
) -> impl IntoView {
    let passphrase = RwSignal::new(String::new());
    let link_text = RwSignal::new(None::<String>);
    let (status, set_status) = signal(None::<String>);
    let generation = StoredValue::new(0u32);
    let debounce = Debounce::new(400);
    let address = link::app_address();
    // Encryption runs in Web Crypto, outside Leptos: the effect keeps the link in step with the
    // payload and the passphrase; an older result that arrives late is dropped.
    Effect::new(move |_| {
        let Some(bytes) = packed.get() else { return };
        let secret = passphrase.get();
        generation.update_value(|g| *g += 1);
        let this = generation.get_value();
        let address = address.clone();
        let finish = move |body: Body| {
            if generation.get_value() == this {
                link_text.set(Some(format!("{address}#{}", share::fragment(&Link { content, body }))));
            }
        };
        if secret.is_empty() {
            finish(Body::Plain(bytes));
            return;
        }
        link_text.set(None);
        debounce.call(move || {
            leptos::task::spawn_local(async move {
                match crypto::seal(&secret, &bytes).await {
                    Ok(sealed) => finish(Body::Sealed(sealed)),
                    Err(e) => set_status.set(Some(e.to_string())),
                }
            })
        });
    });
    let link_id = format!("{id}-link");
    let reach_id = format!("{id}-reach");
    let pass_id = format!("{id}-passphrase");
    let pass_hint = format!("{id}-passphrase-hint");
    let reach = move || link_text.with(|l| l.as_ref().map(|l| describe_reach(l.chars().count())));
    let mailto = move || {
        let link = link_text.get()?;
        let body = format!("{}\n\n{link}\n\nIt opens in the IGF Proposal Editor, in your browser; nothing is sent to a server.", subject.get());
        let href = format!("mailto:?subject={}&body={}", percent_encode(&subject.get()), percent_encode(&body));
        (href.len() <= MAILTO_MAX).then_some(href)
    };
    let copy_id = link_id.clone();
    let copy = move |_| {
        let Some(text) = link_text.get_untracked() else { return };
        let copy_id = copy_id.clone();
        leptos::task::spawn_local(async move {
            set_status.set(Some(match link::copy(&text).await {
                Ok(()) => "The link is copied: paste it into a message.".to_owned(),
                Err(e) => {
                    focus_element(&copy_id);
                    format!("The link could not be copied ({e}). It is selected in the box above: press Ctrl+C (⌘C on a Mac) to copy it.")
                }
            }));
        });
    };
    view! {
        <div class="field">
            <label class="field-label-small" for=pass_id.clone()>"Passphrase (optional)"</label>
            <p class="hint" id=pass_hint.clone()>
                "Without one, anyone who gets the link can read it. With one, only people you tell it to can: tell it separately (by phone, say). It never goes into the link."
            </p>
            <input id=pass_id type="password" autocomplete="new-password" aria-describedby=pass_hint
                prop:value=move || passphrase.get() on:input:target=move |ev| passphrase.set(ev.target().value()) />
        </div>
        <div class="field">
            <label class="field-label-small" for=link_id.clone()>"Link"</label>
            <textarea id=link_id class="share-link" readonly rows="4" aria-describedby=reach_id.clone()
                on:focus:target=move |ev| ev.target().select()
                prop:value=move || link_text.get().unwrap_or_else(|| "Encrypting…".into())></textarea>
            <p class="hint" id=reach_id aria-live="polite">{move || reach().map(|r| r.0)}</p>
        </div>
        <div class="button-row">
            <button type="button" class="button-primary" disabled=move || link_text.with(Option::is_none) on:click=copy>"Copy link"</button>
            {move || match mailto() {
                Some(href) => view! { <a class="button-secondary" href=href>"Email the link"</a> }.into_any(),
                None => view! { <p class="hint">"The link is too long to put into an email for you: paste it into your message, or send a file."</p> }.into_any(),
            }}
        </div>
        <p class="share-status" role="status">{status}</p>
        <div class="share-files" class:recommended=move || reach().is_some_and(|r| r.1)>
            <p>{move || if reach().is_some_and(|r| r.1) { "Recommended for a link this long: send a file. It opens in this editor the same way." } else { "Or send a file, which opens in this editor the same way:" }}</p>
            <div class="button-row">{children()}</div>
        </div>
    }
}

/// A button that opens a modal dialog, and the dialog with its heading and a Close button.
#[component]
pub fn DialogButton(
    label: &'static str,
    heading: &'static str,
    id: &'static str,
    /// Set while the dialog is open.
    open: RwSignal<bool>,
    /// Runs before the dialog opens; returning false keeps it closed.
    #[prop(into)]
    before_open: Callback<(), bool>,
    children: Children,
) -> impl IntoView {
    let dialog = NodeRef::<Dialog>::new();
    let heading_id = format!("{id}-heading");
    let labelled_by = heading_id.clone();
    view! {
        <button type="button" class="button-secondary" aria-haspopup="dialog" on:click=move |_| {
            if before_open.run(()) && let Some(d) = dialog.get() && d.show_modal().is_ok() {
                open.set(true);
            }
        }>{label}</button>
        <dialog class="dialog" node_ref=dialog aria-labelledby=labelled_by on:close=move |_| open.set(false)>
            <div class="dialog-head">
                <h2 id=heading_id>{heading}</h2>
                <button type="button" class="button-quiet" on:click=move |_| if let Some(d) = dialog.get() { d.close() }>"Close"</button>
            </div>
            {children()}
        </dialog>
    }
}

/// "Share" in the editor: the draft as a link, or as a file.
#[component]
pub fn ShareButton(draft: RwSignal<Draft>, report: Memo<Report>) -> impl IntoView {
    let open = RwSignal::new(false);
    let (status, set_status) = signal(None::<String>);
    let packed = Signal::derive(move || open.get().then(|| draft.with(|d| share::pack(&Payload::Draft(d.clone())).1)));
    let subject = Signal::derive(move || draft.with(|d| format!("For your review: “{}”", d.display_title())));
    let download = move |format: Format| set_status.set(Some(draft.with_untracked(|d| report.with_untracked(|r| download_export(d, r, format)))));
    // The shared version is kept, so that a review of it can later show what changed since.
    let before_open = move |()| {
        if let Err(e) = draft.with_untracked(review_store::remember_shared) {
            set_status.set(Some(format!("This version could not be kept for comparing with reviews later ({e}); sharing still works.")));
        }
        true
    };
    view! {
        <DialogButton label="Share" heading="Share this draft for review" id="share" open=open before_open=before_open>
            <p>"The draft travels inside the link itself, after the “#”, which browsers never send to any server. Whoever opens it reads your draft with its checks, can comment on each section and send the comments back to you."</p>
            <LinkPanel content=Content::Draft packed=packed subject=subject id="share">
                <button type="button" class="button-secondary" on:click=move |_| download(Format::DraftFile)>"Download the draft file"</button>
                <button type="button" class="button-secondary" on:click=move |_| download(Format::Html)>"Download the web page"</button>
            </LinkPanel>
            <p class="share-status" role="status">{status}</p>
        </DialogButton>
    }
}

/// Asks for the passphrase of a protected link, then opens it.
#[component]
pub fn UnlockScreen(link: Link, #[prop(into)] on_open: Callback<Payload>, #[prop(into)] on_cancel: Callback<()>) -> impl IntoView {
    let passphrase = RwSignal::new(String::new());
    let (message, set_message) = signal(None::<String>);
    let busy = RwSignal::new(false);
    let what = if link.content == Content::Draft { "draft" } else { "review" };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Body::Sealed(sealed) = link.body.clone() else { return };
        let content = link.content;
        busy.set(true);
        set_message.set(None);
        leptos::task::spawn_local(async move {
            let opened = crypto::open(&passphrase.get_untracked(), &sealed).await.map_err(|e| e.to_string());
            busy.set(false);
            match opened.and_then(|bytes| share::unpack(content, &bytes).map_err(|e| e.to_string())) {
                Ok(payload) => on_open.run(payload),
                Err(e) => {
                    set_message.set(Some(format!("{e} Nothing was changed.")));
                    focus_element("unlock-passphrase");
                }
            }
        });
    };
    view! {
        <header class="app-bar"><p class="app-name">"IGF Proposal Editor"</p></header>
        <main class="start">
            <h1>{format!("This shared {what} is protected by a passphrase")}</h1>
            <form class="unlock" on:submit=submit>
                <div class="field">
                    <label class="field-label-small" for="unlock-passphrase">"Passphrase"</label>
                    <p class="hint" id="unlock-hint">"Enter the passphrase the sender told you. It is checked in this browser; nothing is sent anywhere."</p>
                    <input id="unlock-passphrase" type="password" autocomplete="off" aria-describedby="unlock-hint unlock-message"
                        prop:value=move || passphrase.get() on:input:target=move |ev| passphrase.set(ev.target().value()) />
                    <p class="field-message" id="unlock-message" role="alert">{message}</p>
                </div>
                <div class="button-row">
                    <button type="submit" class="button-primary" disabled=move || busy.get()>
                        {move || if busy.get() { "Checking…" } else { "Open" }}
                    </button>
                    <button type="button" class="button-quiet" on:click=move |_| on_cancel.run(())>"Cancel"</button>
                </div>
            </form>
        </main>
    }
}

/// Opens a link pasted as text: useful when a mail program broke it over several lines.
#[component]
pub fn OpenLink() -> impl IntoView {
    let text = RwSignal::new(String::new());
    let route = Incoming::get();
    view! {
        <form class="open-link" on:submit=move |ev| {
            ev.prevent_default();
            route.open_link(text.get_untracked());
        }>
            <label class="field-label-small" for="open-link">"Shared link"</label>
            <p class="hint" id="open-link-hint">"Paste a link someone sent you: a draft to review, or a review of your draft. Links broken over several lines by a mail program work too."</p>
            <div class="button-row">
                <input id="open-link" type="text" autocomplete="off" spellcheck="false" aria-describedby="open-link-hint"
                    prop:value=move || text.get() on:input:target=move |ev| text.set(ev.target().value()) />
                <button type="submit" class="button-secondary">"Open link"</button>
            </div>
        </form>
    }
}
