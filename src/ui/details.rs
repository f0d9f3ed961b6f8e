//! The structured details the checks need: co-facilitators, the MAG meeting, the timeframe, the
//! proposer and the Code of Conduct.

use igf_core::checks::{PersonField, Report, Target};
use igf_core::model::draft::{Details, Draft, MeetingFormat};
use igf_core::model::people::{CoFacilitator, Region, StakeholderGroup};
use igf_core::text::i18n::Msg;
use leptos::prelude::*;

use crate::browser::platform::{focus_after_render, now_ms};
use super::checks::{FieldFindings, dom_id, person_field_id};
use super::words::{t, t_with};

/// Where to read the IGF Code of Conduct.
pub const CODE_OF_CONDUCT_URL: &str = "https://www.intgovforum.org/en/content/igf-code-of-conduct";

fn edit(draft: RwSignal<Draft>, change: impl FnOnce(&mut Details)) {
    draft.update(|d| d.edit_details(now_ms(), change));
}

fn findings_id(target: Target) -> String {
    format!("{}-findings", dom_id(target))
}

/// A labelled text input bound to one string of the details.
#[component]
fn DetailInput(
    draft: RwSignal<Draft>,
    report: Memo<Report>,
    target: Target,
    label: Msg,
    #[prop(optional)] hint: Option<Msg>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
    get: fn(&Details) -> &String,
    set: fn(&mut Details, String),
) -> impl IntoView {
    let id = dom_id(target);
    let hint_id = format!("{id}-hint");
    let described = format!("{hint_id} {}", findings_id(target));
    // Date and month inputs report "" while partly typed; binding their value reactively would
    // wipe what the author is typing, so they take the stored value once.
    let initial = draft.with_untracked(|d| get(d.details()).clone());
    let live = kind == "text" || kind == "email";
    view! {
        <div class="field">
            <label class="field-label-small" for=id.clone()>{t_with(label)}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{t_with(h)}</p> })}
            <input
                id=id
                type=kind
                dir="auto"
                autocomplete=autocomplete
                aria-describedby=described
                prop:value=move || if live { draft.with(|d| get(d.details()).clone()) } else { initial.clone() }
                on:input:target=move |ev| {
                    let value = ev.target().value();
                    edit(draft, |d| set(d, value));
                }
            />
            <FieldFindings report=report target=target id=findings_id(target) />
        </div>
    }
}

/// Proposer, MAG meeting and its deadline.
#[component]
pub fn SubmissionDetails(draft: RwSignal<Draft>, report: Memo<Report>) -> impl IntoView {
    let is_bpf = draft.with_untracked(|d| d.kind.is_bpf());
    let meeting_hint = if is_bpf { Msg::new("details.meeting.hint.bpf") } else { Msg::new("details.meeting.hint.wg") };
    let format = move || draft.with(|d| d.details().meeting_format.map(|f| f.code()).unwrap_or(""));
    view! {
        <section class="details-card" aria-labelledby="submission-heading">
            <h2 id="submission-heading" class="section-heading">{t("details.heading")}</h2>
            <div class="field-grid">
                <DetailInput draft=draft report=report target=Target::ProposerName label=Msg::new("details.proposer.name") autocomplete="name"
                    get=|d| &d.proposer.name set=|d, v| d.proposer.name = v />
                <DetailInput draft=draft report=report target=Target::ProposerEmail label=Msg::new("details.proposer.email") kind="email" autocomplete="email"
                    get=|d| &d.proposer.email set=|d, v| d.proposer.email = v />
                <DetailInput draft=draft report=report target=Target::MeetingDate label=Msg::new("details.meeting.date") kind="date"
                    hint=meeting_hint get=|d| &d.meeting_date set=|d, v| d.meeting_date = v />
                <div class="field">
                    <label class="field-label-small" for="meeting-format">{t("details.meeting.format")}</label>
                    <select id="meeting-format" prop:value=format on:change:target=move |ev| {
                        let value = MeetingFormat::from_code(&ev.target().value());
                        edit(draft, |d| d.meeting_format = value);
                    }>
                        <option value="">{t("details.meeting.format.unknown")}</option>
                        {MeetingFormat::ALL.into_iter().map(|f| view! { <option value=f.code()>{t_with(f.msg())}</option> }).collect_view()}
                    </select>
                </div>
            </div>
        </section>
    }
}

/// The months the work starts and ends, shown inside the timeframe section.
#[component]
pub fn TimeframeDates(draft: RwSignal<Draft>, report: Memo<Report>) -> impl IntoView {
    view! {
        <div class="field-grid">
            <DetailInput draft=draft report=report target=Target::TimeframeStart label=Msg::new("details.timeframe.start") kind="month"
                hint=Msg::new("details.timeframe.start.hint") get=|d| &d.timeframe_start set=|d, v| d.timeframe_start = v />
            <DetailInput draft=draft report=report target=Target::TimeframeEnd label=Msg::new("details.timeframe.end") kind="month"
                hint=Msg::new("details.timeframe.end.hint") get=|d| &d.timeframe_end set=|d, v| d.timeframe_end = v />
        </div>
    }
}

/// The Code of Conduct acknowledgement.
#[component]
pub fn CodeOfConduct(draft: RwSignal<Draft>, report: Memo<Report>) -> impl IntoView {
    let target = Target::CodeOfConduct;
    view! {
        <section class="details-card" aria-labelledby="conduct-heading">
            <h2 id="conduct-heading" class="section-heading">{t("details.conduct.heading")}</h2>
            <p class="guidance" id="conduct-summary">
                {t("details.conduct.summary")}" "
                <a href=CODE_OF_CONDUCT_URL target="_blank" rel="noopener noreferrer">{t("details.conduct.link")}</a>
                {t("details.conduct.end")}
            </p>
            <div class="check-field">
                <input type="checkbox" id=dom_id(target) aria-describedby=format!("conduct-summary {}", findings_id(target))
                    prop:checked=move || draft.with(|d| d.details().code_of_conduct)
                    on:change:target=move |ev| {
                        let checked = ev.target().checked();
                        edit(draft, |d| d.code_of_conduct = checked);
                    } />
                <label for=dom_id(target)>{t("details.conduct.confirm")}</label>
            </div>
            <FieldFindings report=report target=target id=findings_id(target) />
        </section>
    }
}

/// The co-facilitators, editable by keyboard: add, remove (with undo), move up and down.
#[component]
pub fn CoFacilitatorList(draft: RwSignal<Draft>, report: Memo<Report>, heading: Msg) -> impl IntoView {
    let count = Memo::new(move |_| draft.with(|d| d.details().co_facilitators.len()));
    let removed = RwSignal::new(None::<(usize, CoFacilitator)>);
    let add = move |_| {
        removed.set(None);
        edit(draft, |d| d.co_facilitators.push(CoFacilitator::default()));
        let index = count.get_untracked() - 1;
        focus_after_render(person_field_id(index, PersonField::Name));
    };
    let undo = move |_| {
        if let Some((index, person)) = removed.get_untracked() {
            edit(draft, |d| d.co_facilitators.insert(index.min(d.co_facilitators.len()), person));
            removed.set(None);
            focus_after_render(person_field_id(index, PersonField::Name));
        }
    };
    let target = Target::CoFacilitators;
    view! {
        <div class="people" role="group" aria-labelledby="people-heading">
            <h3 id="people-heading" class="people-heading">{t_with(heading)}</h3>
            {move || (0..count.get()).map(|index| view! { <PersonRow draft=draft report=report index=index count=count removed=removed /> }).collect_view()}
            {move || removed.get().map(|(_, person)| view! {
                <p class="undo-bar" role="status">
                    {t_with(match person.name.trim() {
                        "" => Msg::new("details.people.removed_unnamed"),
                        name => Msg::new("details.people.removed").arg("name", name),
                    })}" "
                    <button type="button" class="button-quiet" on:click=undo>{t("details.people.undo")}</button>
                </p>
            })}
            <button type="button" class="button-secondary" id=dom_id(target) on:click=add
                aria-describedby=findings_id(target)>{t("details.people.add")}</button>
            <FieldFindings report=report target=target id=findings_id(target) />
        </div>
    }
}

/// One text field of a co-facilitator; `checked` names the field when rules look at it.
#[component]
fn PersonText(
    draft: RwSignal<Draft>,
    report: Memo<Report>,
    index: usize,
    part: &'static str,
    label: Msg,
    #[prop(default = "text")] kind: &'static str,
    checked: Option<PersonField>,
    get: fn(&CoFacilitator) -> &String,
    set: fn(&mut CoFacilitator, String),
) -> impl IntoView {
    let target = checked.map(|field| Target::CoFacilitator(index, field));
    let id = target.map_or_else(|| format!("person-{index}-{part}"), dom_id);
    let value = move || draft.with(|d| d.details().co_facilitators.get(index).map(|p| get(p).clone()).unwrap_or_default());
    view! {
        <div class="field">
            <label class="field-label-small" for=id.clone()>{t_with(label)}</label>
            <input id=id type=kind dir="auto" autocomplete="off" aria-describedby=target.map(findings_id)
                prop:value=value
                on:input:target=move |ev| {
                    let v = ev.target().value();
                    edit_person(draft, index, |p| set(p, v));
                } />
            {target.map(|target| view! { <FieldFindings report=report target=target id=findings_id(target) /> })}
        </div>
    }
}

/// Changes co-facilitator `index`, if there is one.
fn edit_person(draft: RwSignal<Draft>, index: usize, change: impl FnOnce(&mut CoFacilitator)) {
    edit(draft, |d| {
        if let Some(p) = d.co_facilitators.get_mut(index) {
            change(p);
        }
    });
}

fn person(draft: RwSignal<Draft>, index: usize) -> CoFacilitator {
    draft.with(|d| d.details().co_facilitators.get(index).cloned().unwrap_or_default())
}

#[component]
fn PersonRow(
    draft: RwSignal<Draft>,
    report: Memo<Report>,
    index: usize,
    count: Memo<usize>,
    removed: RwSignal<Option<(usize, CoFacilitator)>>,
) -> impl IntoView {
    let region_id = format!("person-{index}-region");
    let mag_id = format!("person-{index}-mag");
    view! {
        <fieldset class="person">
            <legend>{t_with(Msg::new("details.person.legend").arg("number", index + 1))}</legend>
            <div class="field-grid">
                <PersonText draft=draft report=report index=index part="name" label=Msg::new("details.person.name") checked=Some(PersonField::Name)
                    get=|p| &p.name set=|p, v| p.name = v />
                <PersonText draft=draft report=report index=index part="affiliation" label=Msg::new("details.person.affiliation") checked=None
                    get=|p| &p.affiliation set=|p, v| p.affiliation = v />
                <GroupChoice draft=draft report=report index=index />
                <div class="field">
                    <label class="field-label-small" for=region_id.clone()>{t("details.person.region")}</label>
                    <select id=region_id
                        prop:value=move || person(draft, index).region.map(|r| r.label()).unwrap_or("")
                        on:change:target=move |ev| { let v = Region::from_label(&ev.target().value()); edit_person(draft, index, |p| p.region = v); }>
                        <option value="">{t("details.person.region.choose")}</option>
                        {Region::ALL.into_iter().map(|r| view! { <option value=r.label()>{t_with(r.msg())}</option> }).collect_view()}
                    </select>
                </div>
                <PersonText draft=draft report=report index=index part="email" label=Msg::new("details.person.email") kind="email"
                    checked=Some(PersonField::Email) get=|p| &p.email set=|p, v| p.email = v />
                <div class="check-field">
                    <input type="checkbox" id=mag_id.clone()
                        prop:checked=move || person(draft, index).mag_member
                        on:change:target=move |ev| { let v = ev.target().checked(); edit_person(draft, index, |p| p.mag_member = v); } />
                    <label for=mag_id>{t("details.person.mag")}</label>
                </div>
            </div>
            <PersonActions draft=draft index=index count=count removed=removed />
        </fieldset>
    }
}

/// A co-facilitator's stakeholder group, which the rules check.
#[component]
fn GroupChoice(draft: RwSignal<Draft>, report: Memo<Report>, index: usize) -> impl IntoView {
    let group = Target::CoFacilitator(index, PersonField::Group);
    view! {
        <div class="field">
            <label class="field-label-small" for=dom_id(group)>{t("details.person.group")}</label>
            <select id=dom_id(group) aria-describedby=findings_id(group)
                prop:value=move || person(draft, index).group.map(|g| g.label()).unwrap_or("")
                on:change:target=move |ev| { let v = StakeholderGroup::from_label(&ev.target().value()); edit_person(draft, index, |p| p.group = v); }>
                <option value="">{t("details.person.group.choose")}</option>
                {StakeholderGroup::ALL.into_iter().map(|g| view! { <option value=g.label()>{t_with(g.msg())}</option> }).collect_view()}
            </select>
            <FieldFindings report=report target=group id=findings_id(group) />
        </div>
    }
}

/// Move up, move down and remove, each naming the row it acts on; focus follows the person.
#[component]
fn PersonActions(draft: RwSignal<Draft>, index: usize, count: Memo<usize>, removed: RwSignal<Option<(usize, CoFacilitator)>>) -> impl IntoView {
    let number = index + 1;
    let move_to = move |other: usize| {
        edit(draft, |d| {
            if index < d.co_facilitators.len() && other < d.co_facilitators.len() {
                d.co_facilitators.swap(index, other);
            }
        });
    };
    let move_up = move |_: leptos::ev::MouseEvent| {
        move_to(index.saturating_sub(1));
        // The first row has no "Move up": follow the person with the other button.
        let button = if index == 1 { "down" } else { "up" };
        focus_after_render(format!("person-{}-{button}", index.saturating_sub(1)));
    };
    let move_down = move |_: leptos::ev::MouseEvent| {
        move_to(index + 1);
        let button = if index + 2 == count.get_untracked() { "up" } else { "down" };
        focus_after_render(format!("person-{}-{button}", index + 1));
    };
    let remove = move |_: leptos::ev::MouseEvent| {
        let taken = draft.with_untracked(|d| d.details().co_facilitators.get(index).cloned());
        if let Some(person) = taken {
            edit(draft, |d| {
                d.co_facilitators.remove(index);
            });
            removed.set(Some((index, person)));
            focus_after_render(dom_id(Target::CoFacilitators));
        }
    };
    view! {
        <div class="person-actions">
            <button type="button" class="button-quiet" id=format!("person-{index}-up") aria-label=t_with(Msg::new("details.person.up.label").arg("number", number))
                disabled=move || index == 0 on:click=move_up>{t("details.person.up")}</button>
            <button type="button" class="button-quiet" id=format!("person-{index}-down") aria-label=t_with(Msg::new("details.person.down.label").arg("number", number))
                disabled=move || { index + 1 >= count.get() } on:click=move_down>{t("details.person.down")}</button>
            <button type="button" class="button-quiet button-danger" aria-label=t_with(Msg::new("details.person.remove.label").arg("number", number))
                on:click=remove>{t("details.person.remove")}</button>
        </div>
    }
}
