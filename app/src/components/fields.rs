//! Schema-driven form fields. The same components render the page on the server (a complete
//! `<form method="post">` that works without JavaScript) and run inside the form island in
//! the browser, where they validate as the citizen types, show and hide conditional fields
//! and add or remove repeating-group entries without a round trip.

use std::collections::{BTreeMap, BTreeSet};

use leptos::prelude::*;
use motcua_domain::answers::{Answers, RawForm, entry_name, first};
use motcua_domain::condition::visible;
use motcua_domain::procedure::{Choice, Field, FieldKind};
use motcua_domain::validate::{Context, FieldError, UnitCatalog, validate_fields};
use serde::{Deserialize, Serialize};

use crate::components::error_summary::{ErrorSummary, SummaryItem};
use crate::i18n::{Key, Lang, field_error, t};

/// One administrative unit offered in an address field.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnitOption {
    pub code: String,
    pub name: String,
}

/// Everything needed to render one form page, on the server or in the island.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FormModel {
    pub lang: Lang,
    /// Where the form posts to.
    pub action: String,
    pub fields: Vec<Field>,
    /// The values to show (as typed, or rebuilt from stored answers).
    pub raw: RawForm,
    /// Problems the server found at the last post.
    pub errors: Vec<FieldError>,
    /// Answers of earlier pages: conditions on this page may name them.
    pub earlier: Answers,
    /// Today, `YYYY-MM-DD` in Asia/Ho_Chi_Minh, for `"today"` date limits.
    pub today: String,
    pub provinces: Vec<UnitOption>,
    /// Communes of the provinces chosen on this page, by province code.
    pub communes: BTreeMap<String, Vec<UnitOption>>,
    /// Link to the previous page, if any.
    pub back_href: Option<String>,
    /// `true` when the page was opened from the check-your-answers page.
    pub return_to_review: bool,
}

/// A [`UnitCatalog`] over the units a page knows: exact for provinces, and for communes of
/// the provinces it has loaded; it lets the server have the last word otherwise.
struct PageUnits<'a> {
    provinces: &'a [UnitOption],
    communes: &'a BTreeMap<String, Vec<UnitOption>>,
}

impl UnitCatalog for PageUnits<'_> {
    fn province_exists(&self, code: &str) -> bool {
        self.provinces.is_empty() || self.provinces.iter().any(|p| p.code == code)
    }
    fn commune_in_province(&self, province: &str, commune: &str) -> bool {
        match self.communes.get(province) {
            Some(list) => list.iter().any(|c| c.code == commune),
            None => true,
        }
    }
}

/// The reactive state of one form page, shared by its fields through context.
#[derive(Clone, Copy)]
pub struct FormState {
    pub lang: Lang,
    pub raw: RwSignal<RawForm>,
    pub earlier: StoredValue<Answers>,
    pub today: StoredValue<String>,
    pub provinces: StoredValue<Vec<UnitOption>>,
    pub communes: RwSignal<BTreeMap<String, Vec<UnitOption>>>,
    /// Input names whose problems are shown (server errors, touched fields, all after submit).
    pub shown: RwSignal<BTreeSet<String>>,
    /// Problems the server reported; used until the browser takes over.
    pub server_errors: StoredValue<Vec<FieldError>>,
    /// `true` once the island runs in the browser.
    pub live: RwSignal<bool>,
    pub fields: StoredValue<Vec<Field>>,
}

impl FormState {
    pub fn new(model: &FormModel) -> Self {
        FormState {
            lang: model.lang,
            raw: RwSignal::new(model.raw.clone()),
            earlier: StoredValue::new(model.earlier.clone()),
            today: StoredValue::new(model.today.clone()),
            provinces: StoredValue::new(model.provinces.clone()),
            communes: RwSignal::new(model.communes.clone()),
            shown: RwSignal::new(model.errors.iter().map(|e| e.name.clone()).collect()),
            server_errors: StoredValue::new(model.errors.clone()),
            live: RwSignal::new(false),
            fields: StoredValue::new(model.fields.clone()),
        }
    }

    /// Validates `fields` against `raw` with the shared domain code.
    fn run(&self, fields: &[Field], raw: &RawForm, earlier: &Answers) -> (Answers, Vec<FieldError>) {
        let today = self
            .today
            .with_value(|t| time::Date::parse(t, &time::format_description::well_known::Iso8601::DATE).ok())
            .unwrap_or(time::macros::date!(2026 - 01 - 01));
        self.provinces.with_value(|provinces| {
            self.communes.with_untracked(|communes| {
                let units = PageUnits { provinces, communes };
                let ctx = Context {
                    today,
                    units: Some(&units),
                };
                let outcome = validate_fields(fields, raw, earlier, &ctx);
                (outcome.answers, outcome.errors)
            })
        })
    }

    /// All problems on the page as the browser sees them now.
    pub fn all_errors(&self) -> Vec<FieldError> {
        if !self.live.get() {
            return self.server_errors.get_value();
        }
        let raw = self.raw.get();
        let fields = self.fields.get_value();
        self.earlier
            .with_value(|earlier| self.run(&fields, &raw, earlier).1)
    }

    /// The problems to show now: those of fields the citizen has left or that were reported.
    pub fn visible_errors(&self) -> Vec<FieldError> {
        let shown = self.shown.get();
        self.all_errors()
            .into_iter()
            .filter(|e| shown.contains(&e.name) || shown.contains(&e.field_id))
            .collect()
    }

    /// Answers in scope for a condition: earlier pages, this page, and for a field inside a
    /// repeating-group entry, that entry's own fields.
    pub fn scope(&self, entry: Option<&(String, usize)>) -> Answers {
        let raw = self.raw.get();
        let fields = self.fields.get_value();
        let mut scope = self.earlier.get_value();
        let (page, _) = self.run(&fields, &raw, &scope);
        scope.extend(page);
        if let Some((group, index)) = entry {
            if let Some(group_fields) = find_group_fields(&fields, group) {
                let prefix = format!("{group}[{index}].");
                let entry_raw: RawForm = raw
                    .iter()
                    .filter_map(|(k, v)| k.strip_prefix(&prefix).map(|s| (s.to_string(), v.clone())))
                    .collect();
                let (entry_answers, _) = self.run(&group_fields, &entry_raw, &scope);
                scope.extend(entry_answers);
            }
        }
        scope
    }

    /// The message for the first problem of input `name`, if it is shown.
    pub fn error_for(&self, name: &str) -> Option<String> {
        self.visible_errors()
            .into_iter()
            .find(|e| e.name == name)
            .map(|e| field_error(self.lang, &e.kind))
    }
}

fn find_group_fields(fields: &[Field], group: &str) -> Option<Vec<Field>> {
    fields.iter().find_map(|f| match &f.kind {
        FieldKind::Group { fields: inner, .. } if f.id == group => Some(inner.clone()),
        FieldKind::Group { fields: inner, .. } => find_group_fields(inner, group),
        _ => None,
    })
}

/// The entry indices present in `raw` for repeating group `group`, in order.
pub fn entry_indices(raw: &RawForm, group: &str) -> Vec<usize> {
    let prefix = format!("{group}[");
    let mut set = BTreeSet::new();
    for name in raw.keys() {
        if let Some(rest) = name.strip_prefix(&prefix) {
            if let Some((n, _)) = rest.split_once(']') {
                if let Ok(i) = n.parse::<usize>() {
                    set.insert(i);
                }
            }
        }
    }
    set.into_iter().collect()
}

/// The error summary of a form page, linking to each shown problem.
#[component]
pub fn FormErrorSummary() -> impl IntoView {
    let state = expect_context::<FormState>();
    move || {
        let items = state
            .visible_errors()
            .into_iter()
            .map(|e| SummaryItem {
                target: e.name.clone(),
                message: field_error(state.lang, &e.kind),
            })
            .collect::<Vec<_>>();
        view! { <ErrorSummary lang=state.lang items=items/> }
    }
}

/// A list of fields, at top level or inside a group entry (`entry` = group id and index).
#[component]
pub fn FieldList(fields: Vec<Field>, #[prop(optional)] entry: Option<(String, usize)>) -> impl IntoView {
    fields
        .into_iter()
        .map(|f| view! { <FieldView field=f entry=entry.clone()/> }.into_any())
        .collect_view()
}

/// One field with its label, hint, message and input(s), hidden while its condition is false.
#[component]
pub fn FieldView(field: Field, entry: Option<(String, usize)>) -> impl IntoView {
    let state = expect_context::<FormState>();
    let lang = state.lang;
    let name = match &entry {
        Some((g, i)) => entry_name(g, *i, &field.id),
        None => field.id.clone(),
    };
    let condition = field.visible_if.clone();
    let hidden = {
        let entry = entry.clone();
        move || match &condition {
            Some(c) => !visible(Some(c), &state.scope(entry.as_ref())),
            None => false,
        }
    };
    let label = field.label.get(lang).to_string();
    let hint = field.hint.as_ref().map(|h| h.get(lang).to_string());
    let optional = (!field.required
        && !matches!(field.kind, FieldKind::Declaration | FieldKind::Group { .. }))
    .then(|| view! { <span class="optional">{t(lang, Key::Optional)}</span> });
    let hint_id = format!("{name}-hint");
    let error_id = format!("{name}-error");
    let describedby = {
        let hint_id = hint_id.clone();
        let error_id = error_id.clone();
        let has_hint = hint.is_some();
        let name = name.clone();
        move || {
            let mut ids = vec![];
            if has_hint {
                ids.push(hint_id.clone());
            }
            if state.error_for(&name).is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let hint_view = hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> });
    let error_view = {
        let name = name.clone();
        move || {
            state
                .error_for(&name)
                .map(|m| view! { <p class="error" id=error_id.clone()>{m}</p> })
        }
    };
    let has_error = {
        let name = name.clone();
        move || state.error_for(&name).is_some()
    };
    let invalid = {
        let has_error = has_error.clone();
        move || has_error().then_some("true")
    };
    let value = state.raw.with_untracked(|r| first(r, &name).unwrap_or("").to_string());
    let values: Vec<String> = state.raw.with_untracked(|r| r.get(&name).cloned().unwrap_or_default());
    let required = field.required;

    let body = match field.kind.clone() {
        FieldKind::Group { fields, repeat } => {
            return view! {
                <div class="field" hidden=hidden>
                    <GroupView id=field.id.clone() label=label hint=field.hint.map(|h| h.get(lang).to_string()) fields=fields repeat=repeat.map(|r| (r.min, r.max))/>
                </div>
            }
            .into_any();
        }
        FieldKind::Radio { options } | FieldKind::Checkboxes { options, .. } => {
            let multiple = matches!(field.kind, FieldKind::Checkboxes { .. });
            return view! {
                <div class="field" class:has-error=has_error hidden=hidden>
                    <fieldset aria-describedby=describedby>
                        <legend>{label}" "{optional}</legend>
                        {hint_view}
                        {error_view}
                        <ChoiceList name=name.clone() options=options multiple=multiple selected=values/>
                    </fieldset>
                </div>
            }
            .into_any();
        }
        FieldKind::Checkbox | FieldKind::Declaration => {
            let checked = !value.is_empty();
            return view! {
                <div class="field checkbox" class:has-error=has_error hidden=hidden>
                    {error_view}
                    <input type="checkbox" id=name.clone() name=name.clone() value="true" checked=checked aria-describedby=describedby aria-invalid=invalid/>
                    <label for=name.clone()>{label}" "{optional}</label>
                    {hint_view}
                </div>
            }
            .into_any();
        }
        FieldKind::Address => {
            return view! {
                <div class="field" class:has-error=has_error hidden=hidden>
                    <fieldset aria-describedby=describedby>
                        <legend>{label}" "{optional}</legend>
                        {hint_view}
                        <AddressInputs name=name.clone() required=required/>
                    </fieldset>
                </div>
            }
            .into_any();
        }
        FieldKind::Textarea { .. } => view! {
            <textarea id=name.clone() name=name.clone() rows="4" aria-describedby=describedby aria-invalid=invalid.clone()>{value}</textarea>
        }
        .into_any(),
        FieldKind::Select { options } => view! {
            <select id=name.clone() name=name.clone() aria-describedby=describedby aria-invalid=invalid.clone()>
                <option value="">{t(lang, Key::SelectPlaceholder)}</option>
                {options.into_iter().map(|o| {
                    let selected = o.value == value;
                    view! { <option value=o.value.clone() selected=selected>{o.label.get(lang).to_string()}</option> }
                }).collect_view()}
            </select>
        }
        .into_any(),
        kind => {
            let (input_type, mode, autocomplete, placeholder) = match kind {
                FieldKind::Number { .. } => ("text", Some("decimal"), None, None),
                FieldKind::Money { .. } => ("text", Some("numeric"), None, None),
                FieldKind::Date { .. } => ("text", Some("numeric"), Some("off"), Some("dd/mm/yyyy")),
                FieldKind::Email => ("email", Some("email"), Some("email"), None),
                FieldKind::Phone => ("tel", Some("tel"), Some("tel"), None),
                FieldKind::IdNumber | FieldKind::TaxCode => ("text", Some("numeric"), None, None),
                _ => ("text", None, None, None),
            };
            let suffix = matches!(kind, FieldKind::Money { .. }).then_some(view! { <span class="suffix">" ₫"</span> });
            view! {
                <input type=input_type id=name.clone() name=name.clone() value=value inputmode=mode autocomplete=autocomplete placeholder=placeholder aria-describedby=describedby aria-invalid=invalid.clone()/>
                {suffix}
            }
            .into_any()
        }
    };
    view! {
        <div class="field" class:has-error=has_error hidden=hidden>
            <label for=name.clone()>{label}" "{optional}</label>
            {hint_view}
            {error_view}
            {body}
        </div>
    }
    .into_any()
}

/// Radio buttons or checkboxes. The first input carries the field's own id, so the error
/// summary's link lands on it.
#[component]
fn ChoiceList(name: String, options: Vec<Choice>, multiple: bool, selected: Vec<String>) -> impl IntoView {
    let lang = expect_context::<FormState>().lang;
    let kind = if multiple { "checkbox" } else { "radio" };
    options
        .into_iter()
        .enumerate()
        .map(|(i, o)| {
            let id = if i == 0 { name.clone() } else { format!("{name}-{}", o.value) };
            let checked = selected.contains(&o.value);
            view! {
                <div class="choice">
                    <input type=kind id=id.clone() name=name.clone() value=o.value.clone() checked=checked/>
                    <label for=id>{o.label.get(lang).to_string()}</label>
                </div>
            }
        })
        .collect_view()
}

/// Province and commune selects and the street line of an `address` field. Without
/// JavaScript the commune list follows the province after "Update page"; in the browser it
/// follows at once.
#[component]
fn AddressInputs(name: String, required: bool) -> impl IntoView {
    let state = expect_context::<FormState>();
    let lang = state.lang;
    let _ = required;
    let p_name = format!("{name}.province");
    let c_name = format!("{name}.commune");
    let s_name = format!("{name}.street");
    let province = state.raw.with_untracked(|r| first(r, &p_name).unwrap_or("").to_string());
    let commune = state.raw.with_untracked(|r| first(r, &c_name).unwrap_or("").to_string());
    let street = state.raw.with_untracked(|r| first(r, &s_name).unwrap_or("").to_string());
    let chosen_province = {
        let p_name = p_name.clone();
        move || state.raw.with(|r| first(r, &p_name).unwrap_or("").to_string())
    };
    let commune_options = move || {
        let p = chosen_province();
        let list = state.communes.with(|c| c.get(&p).cloned().unwrap_or_default());
        let commune = commune.clone();
        list.into_iter()
            .map(|c| {
                let selected = c.code == commune;
                view! { <option value=c.code.clone() selected=selected>{c.name}</option> }
            })
            .collect_view()
    };
    let on_province = move |ev: leptos::ev::Event| {
        let code = event_target_value(&ev);
        if code.is_empty() || state.communes.with_untracked(|c| c.contains_key(&code)) {
            return;
        }
        leptos::task::spawn_local(async move {
            if let Ok(list) = crate::api::units::get_communes(code.clone()).await {
                state.communes.update(|c| {
                    c.insert(code, list);
                });
            }
        });
    };
    let msg = move |n: String| {
        move || state.error_for(&n).map(|m| view! { <p class="error" id=format!("{n}-error")>{m}</p> })
    };
    view! {
        <div class="subfield">
            <label for=p_name.clone()>{t(lang, Key::Province)}</label>
            {msg(p_name.clone())}
            <select id=p_name.clone() name=p_name.clone() on:change=on_province>
                <option value="">{t(lang, Key::SelectPlaceholder)}</option>
                {state.provinces.get_value().into_iter().map(|p| {
                    let selected = p.code == province;
                    view! { <option value=p.code.clone() selected=selected>{p.name}</option> }
                }).collect_view()}
            </select>
        </div>
        <div class="subfield">
            <label for=c_name.clone()>{t(lang, Key::Commune)}</label>
            {msg(c_name.clone())}
            <select id=c_name.clone() name=c_name.clone()>
                <option value="">{t(lang, Key::SelectPlaceholder)}</option>
                {commune_options}
            </select>
        </div>
        <div class="subfield">
            <label for=s_name.clone()>{t(lang, Key::Street)}</label>
            {msg(s_name.clone())}
            <input type="text" id=s_name.clone() name=s_name value=street autocomplete="street-address"/>
        </div>
    }
}

/// A fieldset, or a repeating group: a list of entries with add and remove buttons. The
/// buttons are submit buttons, so they work without JavaScript (the server adds or removes
/// the entry and shows the page again); in the browser they act at once.
#[component]
fn GroupView(id: String, label: String, hint: Option<String>, fields: Vec<Field>, repeat: Option<(u32, u32)>) -> impl IntoView {
    let state = expect_context::<FormState>();
    let lang = state.lang;
    let error = {
        let id = id.clone();
        move || state.error_for(&id).map(|m| view! { <p class="error" id=format!("{id}-error")>{m}</p> })
    };
    let hint = hint.map(|h| view! { <p class="hint">{h}</p> });
    let Some((min, max)) = repeat else {
        return view! {
            <fieldset class="group" id=id.clone()>
                <legend>{label}</legend>
                {hint}
                <FieldList fields=fields/>
            </fieldset>
        }
        .into_any();
    };
    let mut initial = state.raw.with_untracked(|r| entry_indices(r, &id));
    let mut next = initial.last().map(|i| i + 1).unwrap_or(0);
    while initial.len() < min.max(1) as usize {
        initial.push(next);
        next += 1;
    }
    let entries = RwSignal::new(initial);
    let add = {
        move |ev: leptos::ev::MouseEvent| {
            ev.prevent_default();
            entries.update(|e| {
                let n = e.last().map(|i| i + 1).unwrap_or(0);
                e.push(n);
            });
        }
    };
    let group_id = id.clone();
    let add_label = format!("{} {}", t(lang, Key::AddEntry), label.to_lowercase());
    view! {
        <fieldset class="group repeat" id=id.clone()>
            <legend>{label}</legend>
            {hint}
            {error}
            <For each=move || entries.get() key=|i| *i let:index>
                {
                    let group_id = group_id.clone();
                    let fields = fields.clone();
                    let position = move || entries.with(|e| e.iter().position(|x| *x == index).unwrap_or(0) + 1);
                    let remove = move |ev: leptos::ev::MouseEvent| {
                        ev.prevent_default();
                        entries.update(|e| e.retain(|x| *x != index));
                    };
                    let can_remove = move || entries.with(|e| e.len() as u32 > min);
                    view! {
                        <fieldset class="entry">
                            <legend>{t(lang, Key::Entry)}" "{position}</legend>
                            <FieldList fields=fields entry=(group_id.clone(), index)/>
                            <button type="submit" class="secondary" name="_action" value=format!("remove:{group_id}:{index}") on:click=remove hidden=move || !can_remove()>
                                {t(lang, Key::RemoveEntry)}
                            </button>
                        </fieldset>
                    }
                }
            </For>
            <button type="submit" class="secondary" name="_action" value=format!("add:{id}") on:click=add hidden=move || entries.with(|e| e.len() as u32 >= max)>
                {add_label}
            </button>
        </fieldset>
    }
    .into_any()
}
