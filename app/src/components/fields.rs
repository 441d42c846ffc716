//! Schema-driven form fields, rendered on the server as a complete `<form method="post">`
//! that works without JavaScript. The form island ([`crate::islands::form`]) then enhances
//! this very HTML in the browser; the hooks it relies on are:
//! - every field sits in a wrapper `id="f-{name}"` (hidden while its condition is false);
//! - every input has an always-present message slot `id="{name}-error"` (hidden when empty);
//! - the error summary `id="loi"` is always present (hidden when empty);
//! - a repeating group has a `<template id="tpl-{group}">` of one entry, whose names use
//!   `__i__` for the entry index, and add/remove buttons marked `data-add` / `data-remove`;
//! - the "Update page" button (`value="refresh"`) is only needed without JavaScript.

use std::collections::BTreeMap;

use leptos::prelude::*;
use motcua_domain::answers::{Answers, RawForm, entry_name, first};
use motcua_domain::condition::visible;
use motcua_domain::procedure::{Choice, Field, FieldKind};
pub use motcua_domain::validate::entry_indices;
use motcua_domain::validate::{Context, FieldError, validate_fields};
use serde::{Deserialize, Serialize};

use crate::components::error_summary::ErrorSummary;
use crate::i18n::{Key, Lang, error_message, t};

/// One administrative unit offered in an address field.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnitOption {
    pub code: String,
    pub name: String,
}

/// Everything needed to render one form page.
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
    /// File controls after the fields (a supplement answer re-sends documents).
    #[serde(default)]
    pub files: Vec<FileSlot>,
    /// Send the form as `multipart/form-data` (the handler reads files), even when there is
    /// no file control on this page.
    #[serde(default)]
    pub multipart: bool,
}

/// One file control of a form: `name` is the input name (`file.{document id}`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FileSlot {
    pub name: String,
    pub label: String,
    pub hint: String,
    /// Files already received for it.
    pub received: Vec<String>,
    pub error: Option<String>,
}

/// What the field components share while rendering one page.
#[derive(Clone)]
struct Render {
    lang: Lang,
    /// The page's fields, for the label each message names.
    fields: Vec<Field>,
    raw: RawForm,
    errors: Vec<FieldError>,
    /// Answers of earlier pages and of this page as typed, for conditions.
    scope: Answers,
    provinces: Vec<UnitOption>,
    communes: BTreeMap<String, Vec<UnitOption>>,
    today: time::Date,
}

impl Render {
    fn error(&self, name: &str) -> Option<String> {
        self.errors
            .iter()
            .find(|e| e.name == name)
            .map(|e| error_message(self.lang, &self.fields, e))
    }

    fn value(&self, name: &str) -> String {
        first(&self.raw, name).unwrap_or("").to_string()
    }

    /// The scope of conditions inside entry `index` of `group`: the page plus that entry.
    fn entry_scope(&self, group: &[Field], group_id: &str, index: usize) -> Answers {
        let prefix = format!("{group_id}[{index}].");
        let entry_raw: RawForm = self
            .raw
            .iter()
            .filter_map(|(k, v)| k.strip_prefix(&prefix).map(|s| (s.to_string(), v.clone())))
            .collect();
        let ctx = Context {
            today: self.today,
            units: None,
        };
        let mut scope = self.scope.clone();
        scope.extend(validate_fields(group, &entry_raw, &self.scope, &ctx).answers);
        scope
    }
}

fn file_slot(lang: Lang, f: FileSlot) -> impl IntoView {
    let has_error = f.error.is_some();
    let received = (!f.received.is_empty()).then(|| {
        view! {
            <p class="received">{t(lang, Key::FilesReceived)}": "{f.received.join(", ")}</p>
        }
    });
    view! {
        <div class="field" class:has-error=has_error id=format!("f-{}", &f.name)>
            <label for=f.name.clone()>{f.label}</label>
            <p class="hint">{f.hint}</p>
            {f.error.map(|e| view! { <p class="error">{e}</p> })}
            {received}
            <input type="file" id=f.name.clone() name=f.name.clone() accept="application/pdf,image/jpeg,image/png"
                aria-invalid=has_error.then_some("true")/>
        </div>
    }
}

/// A whole form page: error summary, fields, and the buttons.
#[component]
pub fn FormView(model: FormModel) -> impl IntoView {
    let lang = model.lang;
    let today = motcua_domain::format::parse_iso_date(&model.today)
        .unwrap_or(time::macros::date!(2026 - 01 - 01));
    let ctx = Context { today, units: None };
    let mut scope = model.earlier.clone();
    scope.extend(validate_fields(&model.fields, &model.raw, &model.earlier, &ctx).answers);
    let render = Render {
        lang,
        fields: model.fields.clone(),
        raw: model.raw.clone(),
        errors: model.errors.clone(),
        scope,
        provinces: model.provinces.clone(),
        communes: model.communes.clone(),
        today,
    };
    let summary = model
        .errors
        .iter()
        .map(|e| (e.name.clone(), error_message(lang, &model.fields, e)))
        .collect::<Vec<_>>();
    let review = model
        .return_to_review
        .then(|| view! { <input type="hidden" name="_return" value="review"/> });
    let back = model
        .back_href
        .clone()
        .map(|href| view! { <a class="back" href=href>{t(lang, Key::Back)}</a> });
    let summary = summary
        .into_iter()
        .chain(
            model
                .files
                .iter()
                .filter_map(|f| f.error.clone().map(|e| (f.name.clone(), e))),
        )
        .collect::<Vec<_>>();
    let enctype = (model.multipart || !model.files.is_empty()).then_some("multipart/form-data");
    let files = model
        .files
        .iter()
        .cloned()
        .map(|f| file_slot(lang, f))
        .collect_view();
    view! {
        <ErrorSummary lang=lang items=summary/>
        <form method="post" action=model.action.clone() novalidate id="to-khai" enctype=enctype>
            {review}
            {field_list(&render, &model.fields, None)}
            {files}
            <div class="actions">
                <button type="submit" class="primary" name="_action" value="next">{t(lang, Key::Continue)}</button>
                <button type="submit" class="secondary" name="_action" value="refresh">{t(lang, Key::Update)}</button>
                {back}
            </div>
        </form>
    }
}

fn field_list(r: &Render, fields: &[Field], entry: Option<(&str, usize, &Answers)>) -> AnyView {
    fields
        .iter()
        .map(|f| field_view(r, f, entry))
        .collect_view()
        .into_any()
}

/// The message slot of input `name`: present even when empty, for the island.
fn message(r: &Render, name: &str) -> impl IntoView + use<> {
    let text = r.error(name);
    let hidden = text.is_none();
    view! { <p class="error" id=format!("{name}-error") hidden=hidden>{text}</p> }
}

/// One field with its label, hint, message and input(s), hidden while its condition is false.
fn field_view(r: &Render, field: &Field, entry: Option<(&str, usize, &Answers)>) -> AnyView {
    let lang = r.lang;
    let name = match entry {
        Some((g, i, _)) => entry_name(g, i, &field.id),
        None => field.id.clone(),
    };
    let scope = entry.map(|(_, _, s)| s).unwrap_or(&r.scope);
    let hidden = !visible(field.visible_if.as_ref(), scope);
    let label = field.label.get(lang).to_string();
    let hint = field.hint.as_ref().map(|h| h.get(lang).to_string());
    let optional = (!field.required
        && !matches!(field.kind, FieldKind::Declaration | FieldKind::Group { .. }))
    .then(|| view! { <span class="optional">{t(lang, Key::Optional)}</span> });
    let has_error = r.error(&name).is_some();
    let hint_id = format!("{name}-hint");
    let describedby = {
        let mut ids = vec![format!("{name}-error")];
        if hint.is_some() {
            ids.insert(0, hint_id.clone());
        }
        ids.join(" ")
    };
    let hint_view = hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> });
    let invalid = has_error.then_some("true");
    let wrapper = format!("f-{name}");
    let value = r.value(&name);

    let body = match &field.kind {
        FieldKind::Group { fields, repeat } => {
            return view! {
                <div class="field" id=wrapper hidden=hidden>
                    {group_view(r, field, &label, fields, repeat.map(|x| (x.min, x.max)))}
                </div>
            }
            .into_any();
        }
        FieldKind::Radio { options } | FieldKind::Checkboxes { options, .. } => {
            let multiple = matches!(field.kind, FieldKind::Checkboxes { .. });
            let selected = r.raw.get(&name).cloned().unwrap_or_default();
            return view! {
                <div class="field" class:has-error=has_error id=wrapper hidden=hidden>
                    <fieldset aria-describedby=describedby>
                        <legend>{label}" "{optional}</legend>
                        {hint_view}
                        {message(r, &name)}
                        {choice_list(lang, &name, options, multiple, &selected)}
                    </fieldset>
                </div>
            }
            .into_any();
        }
        FieldKind::Checkbox | FieldKind::Declaration => {
            let checked = !value.is_empty();
            return view! {
                <div class="field checkbox" class:has-error=has_error id=wrapper hidden=hidden>
                    {message(r, &name)}
                    <input type="checkbox" id=name.clone() name=name.clone() value="true" checked=checked aria-describedby=describedby aria-invalid=invalid/>
                    <label for=name.clone()>{label}" "{optional}</label>
                    {hint_view}
                </div>
            }
            .into_any();
        }
        FieldKind::Address => {
            return view! {
                <div class="field" class:has-error=has_error id=wrapper hidden=hidden>
                    <fieldset>
                        <legend>{label}" "{optional}</legend>
                        {hint_view}
                        {address_inputs(r, &name)}
                    </fieldset>
                </div>
            }
            .into_any();
        }
        FieldKind::Textarea { .. } => view! {
            <textarea id=name.clone() name=name.clone() rows="4" aria-describedby=describedby aria-invalid=invalid>{value}</textarea>
        }
        .into_any(),
        FieldKind::Select { options } => view! {
            <select id=name.clone() name=name.clone() aria-describedby=describedby aria-invalid=invalid>
                <option value="">{t(lang, Key::SelectPlaceholder)}</option>
                {options.iter().map(|o| {
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
                <input type=input_type id=name.clone() name=name.clone() value=value inputmode=mode autocomplete=autocomplete placeholder=placeholder aria-describedby=describedby aria-invalid=invalid/>
                {suffix}
            }
            .into_any()
        }
    };
    view! {
        <div class="field" class:has-error=has_error id=wrapper hidden=hidden>
            <label for=name.clone()>{label}" "{optional}</label>
            {hint_view}
            {message(r, &name)}
            {body}
        </div>
    }
    .into_any()
}

/// Radio buttons or checkboxes. The first input carries the field's own id, so the error
/// summary's link lands on it.
fn choice_list(
    lang: Lang,
    name: &str,
    options: &[Choice],
    multiple: bool,
    selected: &[String],
) -> impl IntoView + use<> {
    let kind = if multiple { "checkbox" } else { "radio" };
    options
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let id = if i == 0 { name.to_string() } else { format!("{name}-{}", o.value) };
            let checked = selected.contains(&o.value);
            view! {
                <div class="choice">
                    <input type=kind id=id.clone() name=name.to_string() value=o.value.clone() checked=checked/>
                    <label for=id>{o.label.get(lang).to_string()}</label>
                </div>
            }
        })
        .collect_view()
}

/// Province and commune selects and the street line of an `address` field. Without
/// JavaScript the commune list follows the province after "Update page"; with it, at once.
fn address_inputs(r: &Render, name: &str) -> impl IntoView + use<> {
    let lang = r.lang;
    let p_name = format!("{name}.province");
    let c_name = format!("{name}.commune");
    let s_name = format!("{name}.street");
    let province = r.value(&p_name);
    let commune = r.value(&c_name);
    let communes = r.communes.get(&province).cloned().unwrap_or_default();
    let provinces = r.provinces.clone();
    view! {
        <div class="subfield">
            <label for=p_name.clone()>{t(lang, Key::Province)}</label>
            {message(r, &p_name)}
            <select id=p_name.clone() name=p_name.clone() aria-describedby=format!("{p_name}-error") aria-invalid=r.error(&p_name).map(|_| "true") data-communes=c_name.clone()>
                <option value="">{t(lang, Key::SelectPlaceholder)}</option>
                {provinces.into_iter().map(|p| {
                    let selected = p.code == province;
                    view! { <option value=p.code selected=selected>{p.name}</option> }
                }).collect_view()}
            </select>
        </div>
        <div class="subfield">
            <label for=c_name.clone()>{t(lang, Key::Commune)}</label>
            {message(r, &c_name)}
            <select id=c_name.clone() name=c_name.clone() aria-describedby=format!("{c_name}-error") aria-invalid=r.error(&c_name).map(|_| "true")>
                <option value="">{t(lang, Key::SelectPlaceholder)}</option>
                {communes.into_iter().map(|c| {
                    let selected = c.code == commune;
                    view! { <option value=c.code selected=selected>{c.name}</option> }
                }).collect_view()}
            </select>
        </div>
        <div class="subfield">
            <label for=s_name.clone()>{t(lang, Key::Street)}</label>
            {message(r, &s_name)}
            <input type="text" id=s_name.clone() name=s_name.clone() aria-describedby=format!("{s_name}-error") aria-invalid=r.error(&s_name).map(|_| "true") value=r.value(&s_name) autocomplete="street-address"/>
        </div>
    }
}

/// The index placeholder in a repeating group's entry template.
pub const TEMPLATE_INDEX: usize = usize::MAX;
/// How the placeholder index is written in a template's names and ids.
pub const TEMPLATE_MARK: &str = "__i__";

/// A fieldset, or a repeating group: its entries with add and remove buttons. The buttons
/// are submit buttons, so without JavaScript the server adds or removes the entry; the
/// island does it in place from the `<template>`.
fn group_view(
    r: &Render,
    field: &Field,
    label: &str,
    fields: &[Field],
    repeat: Option<(u32, u32)>,
) -> AnyView {
    let lang = r.lang;
    let id = field.id.clone();
    let hint = field
        .hint
        .as_ref()
        .map(|h| view! { <p class="hint">{h.get(lang).to_string()}</p> });
    let Some((min, max)) = repeat else {
        return view! {
            <fieldset class="group" id=id>
                <legend>{label.to_string()}</legend>
                {hint}
                {field_list(r, fields, None)}
            </fieldset>
        }
        .into_any();
    };
    let mut indices = entry_indices(&r.raw, &id);
    let mut next = indices.last().map(|i| i + 1).unwrap_or(0);
    while indices.len() < min.max(1) as usize {
        indices.push(next);
        next += 1;
    }
    let count = indices.len();
    let entry = |index: usize, position: usize| {
        let scope = r.entry_scope(fields, &id, index);
        let number = if index == TEMPLATE_INDEX {
            String::new()
        } else {
            position.to_string()
        };
        view! {
            <fieldset class="entry">
                <legend>{t(lang, Key::Entry)}" "<span class="entry-no">{number}</span></legend>
                {field_list(r, fields, Some((&id, index, &scope)))}
                <button type="submit" class="secondary" name="_action" value=format!("remove:{id}:{index}") data-remove="" hidden={count as u32 <= min && index != TEMPLATE_INDEX}>
                    {t(lang, Key::RemoveEntry)}
                </button>
            </fieldset>
        }
    };
    let entries = indices
        .iter()
        .enumerate()
        .map(|(pos, i)| entry(*i, pos + 1))
        .collect_view();
    // The template's HTML, with the placeholder index written as `__i__`.
    let template = entry(TEMPLATE_INDEX, 0)
        .to_html()
        .replace(&TEMPLATE_INDEX.to_string(), TEMPLATE_MARK);
    view! {
        <fieldset class="group repeat" id=id.clone() data-min=min data-max=max>
            <legend>{label.to_string()}</legend>
            {hint}
            {message(r, &id)}
            <div class="entries">{entries}</div>
            <template id=format!("tpl-{id}") inner_html=template></template>
            <button type="submit" class="secondary" name="_action" value=format!("add:{id}") data-add=id.clone() hidden={count as u32 >= max}>
                {format!("{} {}", t(lang, Key::AddEntry), label.to_lowercase())}
            </button>
        </fieldset>
    }
    .into_any()
}
