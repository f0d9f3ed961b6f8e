//! Sharing without a server: the Share dialog (a link that carries the draft, optionally under a
//! passphrase, with files as the fallback) and the passphrase prompt for protected links.
//!
//! Written for a small bundle: the link lives in plain `Option<String>` signals and is rebuilt
//! when the dialog opens or the passphrase changes, without effects or derived signals.

use igf_core::checks::Report;
use igf_core::formats::Format;
use igf_core::model::draft::Draft;
use igf_core::sharing::{link as share, opening};
use igf_core::sharing::channel::{describe_reach, share_mailto};
use igf_core::sharing::link::{Body, Content, Link, Payload};
use igf_core::text::i18n::Msg;
use leptos::html::{Dialog, Input};
use leptos::prelude::*;

use crate::browser::{crypto, link, review_store};
use crate::browser::platform::{Debounce, focus_element};
use super::StoreHandle;
use super::chunk::{OnDemand, on_demand};
use super::files::export;
use super::words::{t, t_now, t_with};

/// A link being offered: rebuilt from `pack` when the dialog opens and when the passphrase
/// changes; an encryption that finishes after a newer one started is dropped.
#[derive(Clone, Copy)]
pub struct Offer {
    content: Content,
    pack: Callback<(), Vec<u8>>,
    state: StoredValue<OfferState, LocalStorage>,
    link: RwSignal<Option<String>>,
    status: RwSignal<Option<String>>,
}

struct OfferState {
    passphrase: String,
    generation: u32,
    debounce: Debounce,
}

impl Offer {
    pub fn new(content: Content, pack: impl Fn() -> Vec<u8> + Send + Sync + 'static) -> Offer {
        Offer {
            content,
            pack: Callback::new(move |()| pack()),
            state: StoredValue::new_local(OfferState { passphrase: String::new(), generation: 0, debounce: Debounce::new(400) }),
            link: RwSignal::new(None),
            status: RwSignal::new(None),
        }
    }

    pub fn refresh(&self) {
        let bytes = self.pack.run(());
        let (secret, this) = self.state.try_update_value(|s| {
            s.generation += 1;
            (s.passphrase.clone(), s.generation)
        }).unwrap_or_default();
        let offer = *self;
        let finish = move |body: Body| {
            // The dialog may have closed while the link was sealed: then nothing is shown.
            if offer.state.try_with_value(|s| s.generation) == Some(this) {
                offer.link.set(Some(format!("{}#{}", link::app_address(), share::fragment(&Link { content: offer.content, body }))));
            }
        };
        if secret.is_empty() {
            return finish(Body::Plain(bytes));
        }
        self.link.set(None);
        let status = self.status;
        self.state.with_value(|s| {
            s.debounce.call(move || {
                leptos::task::spawn_local(async move {
                    match crypto::seal(&secret, &bytes).await {
                        Ok(sealed) => finish(Body::Sealed(sealed)),
                        Err(e) => status.set(Some(t_now(&e.msg()))),
                    }
                })
            })
        });
    }
}

/// The link of an [`Offer`] with its length and where it fits, the passphrase, Copy and Email;
/// `children` are the files to send instead.
#[component]
pub fn LinkPanel(offer: Offer, subject: String, children: Children) -> impl IntoView {
    let (link_text, status) = (offer.link, offer.status);
    let reach = move || link_text.with(|l| l.as_ref().map(|l| describe_reach(l.chars().count())));
    let mailto = move || link_text.with(|l| l.as_ref().and_then(|l| share_mailto(&subject, l)));
    let copy = move |_| {
        let Some(text) = link_text.get_untracked() else { return };
        leptos::task::spawn_local(async move {
            status.set(Some(match link::copy(&text).await {
                Ok(()) => t_now(&Msg::new("share.copied")),
                Err(e) => {
                    focus_element("share-link");
                    t_now(&Msg::new("share.not_copied").arg("error", e.msg()))
                }
            }));
        });
    };
    let on_passphrase = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        offer.state.update_value(|s| s.passphrase = value);
        offer.refresh();
    };
    view! {
        <label class="field-label-small" for="share-passphrase">{t("share.passphrase")}</label>
        <p class="hint" id="share-passphrase-hint">{t("share.passphrase.hint")}</p>
        <input id="share-passphrase" type="password" dir="auto" autocomplete="new-password" aria-describedby="share-passphrase-hint" on:input=on_passphrase />
        <label class="field-label-small" for="share-link">{t("share.link")}</label>
        <textarea id="share-link" class="share-link" dir="ltr" readonly rows="4" aria-describedby="share-reach"
            on:focus:target=move |ev| ev.target().select()
            prop:value=move || link_text.get().unwrap_or_else(|| t_now(&Msg::new("share.encrypting")))></textarea>
        <p class="hint" id="share-reach" aria-live="polite">{move || reach().map(|r| t_now(&r.0))}</p>
        <div class="button-row">
            <button type="button" class="button-primary" on:click=copy>{t("share.copy")}</button>
            {move || match mailto() {
                Some(href) => view! { <a class="button-secondary" href=href>{t("share.email")}</a> }.into_any(),
                None => view! { <p class="hint">{t("share.email.too_long")}</p> }.into_any(),
            }}
        </div>
        <p class="share-status" role="status">{move || status.get()}</p>
        <div class="share-files">
            <p>{move || t_now(&if reach().is_some_and(|r| r.1) { Msg::new("share.files.recommended") } else { Msg::new("share.files.or") })}</p>
            <div class="button-row">{children()}</div>
        </div>
    }
}

/// A button that opens a modal dialog, and the dialog with its heading and a Close button.
/// `before_open` prepares the content; returning false keeps the dialog closed.
#[component]
pub fn DialogButton(label: Msg, heading: Msg, before_open: Box<dyn Fn() -> bool>, children: Children) -> impl IntoView {
    let dialog = NodeRef::<Dialog>::new();
    view! {
        <button type="button" class="button-secondary" aria-haspopup="dialog" on:click=move |_| {
            if before_open() && let Some(d) = dialog.get() {
                let _ = d.show_modal();
            }
        }>{t_with(label)}</button>
        <dialog class="dialog" node_ref=dialog aria-labelledby="dialog-heading">
            <div class="dialog-head">
                <h2 id="dialog-heading">{t_with(heading)}</h2>
                <button type="button" class="button-quiet" on:click=move |_| if let Some(d) = dialog.get() { d.close() }>{t("share.close")}</button>
            </div>
            {children()}
        </dialog>
    }
}

/// "Share" in the editor: the draft as a link, or as a file. The dialog's content is in the
/// share chunk, fetched when the dialog first opens.
#[component]
pub fn ShareButton(draft: RwSignal<Draft>, report: Memo<Report>) -> impl IntoView {
    let opens = RwSignal::new(0_u32);
    let opened = Memo::new(move |_| opens.get() > 0);
    let before_open = Box::new(move || {
        opens.update(|n| *n += 1);
        true
    });
    view! {
        <DialogButton label=Msg::new("share.button") heading=Msg::new("share.heading") before_open=before_open>
            {move || opened.get().then(|| view! { <OnDemand load=move || share_panel(draft, report, opens) /> })}
        </DialogButton>
    }
}

on_demand! {
    /// The Share dialog's content, from its chunk.
    share: fn share_panel(draft: RwSignal<Draft>, report: Memo<Report>, opens: RwSignal<u32>) -> AnyView {
        view! { <SharePanel draft=draft report=report opens=opens /> }.into_any()
    }
}

/// The link of the draft and its files. Each opening of the dialog (`opens`) keeps the version
/// shared, so that a review of it can later show what changed since, and makes the link anew.
#[component]
fn SharePanel(draft: RwSignal<Draft>, report: Memo<Report>, opens: RwSignal<u32>) -> impl IntoView {
    let offer = Offer::new(Content::Draft, move || draft.with_untracked(|d| share::pack(&Payload::Draft(d.clone())).1));
    let status = offer.status;
    let store = expect_context::<StoreHandle>();
    Effect::new(move |_| {
        opens.track();
        status.set(draft.with_untracked(|d| store.with_value(|s| review_store::remember_shared(s, d))).err().map(|e| {
            t_now(&Msg::new("share.not_kept").arg("error", e.msg()))
        }));
        offer.refresh();
    });
    let download = move |format: Format| export(draft, report, format, status);
    let subject = draft.with_untracked(|d| t_now(&Msg::new("share.subject").arg("title", d.shown_title())));
    view! {
        <p>{t("share.about")}</p>
        <LinkPanel offer=offer subject=subject>
            <button type="button" class="button-secondary" on:click=move |_| download(Format::DraftFile)>{t("share.download.draft")}</button>
            <button type="button" class="button-secondary" on:click=move |_| download(Format::Html)>{t("share.download.html")}</button>
        </LinkPanel>
    }
}

on_demand! {
    /// The passphrase screen of a protected link, from its chunk.
    unlock: pub fn unlock_screen(link: Link, on_open: Callback<Payload>, on_cancel: Callback<()>) -> AnyView {
        view! { <UnlockScreen link=link on_open=on_open on_cancel=on_cancel /> }.into_any()
    }
}

/// Asks for the passphrase of a protected link, then opens it.
#[component]
fn UnlockScreen(link: Link, #[prop(into)] on_open: Callback<Payload>, #[prop(into)] on_cancel: Callback<()>) -> impl IntoView {
    let input = NodeRef::<Input>::new();
    let message = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (Body::Sealed(sealed), Some(field)) = (link.body.clone(), input.get()) else { return };
        let content = link.content;
        message.set(Some(t_now(&Msg::new("share.unlock.checking"))));
        leptos::task::spawn_local(async move {
            let opened = crypto::open(&field.value(), &sealed).await.map_err(|e| e.msg());
            match opened.and_then(|bytes| share::unpack(content, &bytes).map_err(|e| e.msg())) {
                Ok(payload) => on_open.run(payload),
                Err(e) => {
                    message.set(Some(t_now(&opening::refusal(e))));
                    focus_element("unlock-passphrase");
                }
            }
        });
    };
    view! {
        <header class="app-bar"><p class="app-name">{t("app.name")}</p></header>
        <main class="start">
            <h1>{t_with(opening::locked_heading(link.content))}</h1>
            <form class="unlock" on:submit=submit>
                <label class="field-label-small" for="unlock-passphrase">{t("share.unlock.passphrase")}</label>
                <p class="hint" id="unlock-hint">{t("share.unlock.hint")}</p>
                <input id="unlock-passphrase" type="password" dir="auto" autocomplete="off" aria-describedby="unlock-hint unlock-message" node_ref=input />
                <p class="field-message" id="unlock-message" role="alert">{move || message.get()}</p>
                <div class="button-row">
                    <button type="submit" class="button-primary">{t("share.unlock.open")}</button>
                    <button type="button" class="button-quiet" on:click=move |_| on_cancel.run(())>{t("files.cancel")}</button>
                </div>
            </form>
        </main>
    }
}
