//! The form island: it enhances the server-rendered form page in the browser. It carries
//! only the page's field definitions and uses the domain's own validation, so that it:
//! - shows a field's problem when the citizen leaves it, and updates it while they type;
//! - checks the whole page before it is sent, and on problems fills the error summary and
//!   moves focus to it instead of sending;
//! - shows and hides conditional fields at once;
//! - adds and removes repeating-group entries without a reload;
//! - loads the communes of a chosen province.
//!
//! It renders no HTML of its own: the page works completely without it (the hooks it uses
//! are listed in [`crate::components::fields`]), and rendering the form in the island would
//! cost far more WebAssembly than a phone's budget allows (see `docs/performance.md`).

use leptos::prelude::*;
use motcua_domain::answers::Answers;
use motcua_domain::procedure::Field;

use crate::i18n::Lang;

#[island]
pub fn FormEnhancer(
    fields: Vec<Field>,
    earlier: Answers,
    today: String,
    lang: Lang,
) -> impl IntoView {
    // Islands run only once the page is loaded, so the form is there to enhance.
    #[cfg(feature = "hydrate")]
    browser::start(fields, earlier, today, lang);
    #[cfg(not(feature = "hydrate"))]
    let _ = (fields, earlier, today, lang);
}

#[cfg(feature = "hydrate")]
mod browser {
    //! Browser-only: DOM work through web-sys.

    use std::cell::RefCell;
    use std::collections::BTreeSet;
    use std::rc::Rc;

    use motcua_domain::answers::{Answers, RawForm, entry_name};
    use motcua_domain::condition::visible;
    use motcua_domain::procedure::{Field, FieldKind};
    use motcua_domain::validate::{Context, FieldError, UnitCatalog, validate_fields};
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::Closure;
    use web_sys::{
        Document, Element, Event, HtmlElement, HtmlFormElement, HtmlSelectElement,
        HtmlTemplateElement,
    };

    use crate::components::fields::{TEMPLATE_MARK, entry_indices};
    use crate::i18n::{Lang, error_message};

    struct Enhancer {
        doc: Document,
        form: HtmlFormElement,
        fields: Vec<Field>,
        earlier: Answers,
        today: time::Date,
        lang: Lang,
        /// Input names whose problems are shown: reported by the server, left, or all after
        /// a submit attempt.
        shown: BTreeSet<String>,
    }

    pub fn start(fields: Vec<Field>, earlier: Answers, today: String, lang: Lang) {
        let doc = document();
        let Some(form) = doc
            .get_element_by_id("to-khai")
            .and_then(|e| e.dyn_into::<HtmlFormElement>().ok())
        else {
            return;
        };
        let today = motcua_domain::format::parse_iso_date(&today)
            .unwrap_or(time::macros::date!(2026 - 01 - 01));
        // Problems the server reported stay shown.
        let mut shown = BTreeSet::new();
        if let Ok(list) = form.query_selector_all("p.error:not([hidden])") {
            for i in 0..list.length() {
                if let Some(id) = list
                    .item(i)
                    .and_then(|n| n.dyn_into::<Element>().ok())
                    .map(|e| e.id())
                {
                    shown.insert(id.trim_end_matches("-error").to_string());
                }
            }
        }
        // Without JavaScript the page needs an "Update page" button; here it does not.
        if let Ok(Some(b)) = form.query_selector("button[value=refresh]") {
            let _ = b.set_attribute("hidden", "");
        }
        let e = Rc::new(RefCell::new(Enhancer {
            doc,
            form: form.clone(),
            fields,
            earlier,
            today,
            lang,
            shown,
        }));
        {
            let enhancer = e.borrow();
            enhancer.refresh();
            // The add/remove buttons follow the entry count from the start.
            if let Ok(groups) = enhancer.form.query_selector_all(".repeat") {
                for i in 0..groups.length() {
                    if let Some(g) = groups.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                        enhancer.renumber(&g.id());
                    }
                }
            }
        }

        listen(&form, "input", &e, |e, _| e.refresh());
        listen(&form, "focusout", &e, |e, ev| {
            if let Some(name) = target(ev).and_then(|t| t.get_attribute("name")) {
                e.shown.insert(name);
            }
            e.refresh();
        });
        listen(&form, "change", &e, |e, ev| {
            if let Some(select) = target(ev).and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
                && let Some(communes) = select.get_attribute("data-communes")
            {
                load_communes(select.value(), communes);
            }
            e.refresh();
        });
        listen(&form, "click", &e, |e, ev| {
            let Some(t) = target(ev) else { return };
            if let Ok(Some(button)) = t.closest("[data-add]") {
                ev.prevent_default();
                e.add_entry(&button.get_attribute("data-add").unwrap_or_default());
            } else if let Ok(Some(button)) = t.closest("[data-remove]") {
                ev.prevent_default();
                e.remove_entry(&button);
            }
        });
        listen(&form, "submit", &e, |e, ev| {
            let submitter = ev
                .dyn_ref::<web_sys::SubmitEvent>()
                .and_then(|s| s.submitter())
                .and_then(|s| s.get_attribute("value"));
            if submitter.as_deref().is_some_and(|v| v != "next") {
                return;
            }
            let errors = e.validate().1;
            if errors.is_empty() {
                return;
            }
            ev.prevent_default();
            e.shown.extend(errors.into_iter().map(|x| x.name));
            e.refresh();
            if let Some(summary) = e
                .doc
                .get_element_by_id("loi")
                .and_then(|s| s.dyn_into::<HtmlElement>().ok())
            {
                let _ = summary.focus();
            }
        });
    }

    fn listen(
        form: &HtmlFormElement,
        kind: &str,
        e: &Rc<RefCell<Enhancer>>,
        f: fn(&mut Enhancer, &Event),
    ) {
        let e = e.clone();
        // DOM calls inside a handler (focus, remove) fire nested events at once; those find
        // the enhancer busy and are skipped rather than borrowed twice.
        let closure = Closure::<dyn FnMut(Event)>::new(move |ev: Event| {
            if let Ok(mut enhancer) = e.try_borrow_mut() {
                f(&mut enhancer, &ev);
            }
        });
        let _ = form.add_event_listener_with_callback(kind, closure.as_ref().unchecked_ref());
        // The listener lives as long as the page.
        closure.forget();
    }

    fn target(ev: &Event) -> Option<Element> {
        ev.target()?.dyn_into::<Element>().ok()
    }

    fn document() -> Document {
        web_sys::window()
            .and_then(|w| w.document())
            .expect("a document")
    }

    /// What the browser knows of the unit list: the server checks codes against the real
    /// list; here only whether a chosen province has communes to choose from, so that an
    /// address in a province without any is not held up for a commune.
    struct PageUnits {
        without_communes: BTreeSet<String>,
    }

    impl UnitCatalog for PageUnits {
        fn province_exists(&self, _: &str) -> bool {
            true
        }
        fn commune_in_province(&self, _: &str, _: &str) -> bool {
            true
        }
        fn province_has_communes(&self, province: &str) -> bool {
            !self.without_communes.contains(province)
        }
    }

    impl Enhancer {
        /// Every named, non-file value of the form, as the browser would post it.
        fn read(&self) -> RawForm {
            let mut raw = RawForm::new();
            let Ok(data) = web_sys::FormData::new_with_form(&self.form) else {
                return raw;
            };
            for entry in js_sys::try_iter(&data)
                .ok()
                .flatten()
                .into_iter()
                .flatten()
                .flatten()
            {
                let pair = js_sys::Array::from(&entry);
                if let (Some(k), Some(v)) = (pair.get(0).as_string(), pair.get(1).as_string())
                    && !k.starts_with('_')
                {
                    raw.entry(k).or_default().push(v);
                }
            }
            raw
        }

        /// The provinces chosen on the page whose commune list came back empty.
        fn provinces_without_communes(&self) -> BTreeSet<String> {
            let mut empty = BTreeSet::new();
            let Ok(selects) = self.form.query_selector_all("select[data-communes]") else {
                return empty;
            };
            for i in 0..selects.length() {
                let Some(select) = selects
                    .item(i)
                    .and_then(|n| n.dyn_into::<HtmlSelectElement>().ok())
                else {
                    continue;
                };
                let province = select.value();
                let communes = select
                    .get_attribute("data-communes")
                    .and_then(|id| self.element(&id))
                    .and_then(|c| c.query_selector_all("option:not([value=''])").ok())
                    .map_or(0, |list| list.length());
                if !province.is_empty() && communes == 0 {
                    empty.insert(province);
                }
            }
            empty
        }

        /// The page's answers in scope for conditions, and its problems.
        fn validate(&self) -> (Answers, Vec<FieldError>, RawForm) {
            let raw = self.read();
            let units = PageUnits {
                without_communes: self.provinces_without_communes(),
            };
            let context = Context {
                today: self.today,
                units: Some(&units),
            };
            let outcome = validate_fields(&self.fields, &raw, &self.earlier, &context);
            let mut scope = self.earlier.clone();
            scope.extend(outcome.answers);
            (scope, outcome.errors, raw)
        }

        fn element(&self, id: &str) -> Option<Element> {
            self.doc.get_element_by_id(id)
        }

        fn set_hidden(el: &Element, hidden: bool) {
            let _ = if hidden {
                el.set_attribute("hidden", "")
            } else {
                el.remove_attribute("hidden")
            };
        }

        /// Brings visibility, messages and the summary in line with what is typed now.
        fn refresh(&self) {
            let (scope, errors, raw) = self.validate();
            self.apply_visibility(&self.fields, &scope, &raw, None);
            if let Ok(list) = self.form.query_selector_all("p.error") {
                for i in 0..list.length() {
                    if let Some(p) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                        Self::set_hidden(&p, true);
                        p.set_text_content(None);
                    }
                }
            }
            if let Ok(list) = self.form.query_selector_all("[aria-invalid], .has-error") {
                for i in 0..list.length() {
                    if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                        let _ = el.remove_attribute("aria-invalid");
                        let _ = el.class_list().remove_1("has-error");
                    }
                }
            }
            let mut items = String::new();
            for e in errors.iter().filter(|e| self.shown.contains(&e.name)) {
                let message = error_message(self.lang, &self.fields, e);
                if let Some(p) = self.element(&format!("{}-error", e.name)) {
                    p.set_text_content(Some(&message));
                    Self::set_hidden(&p, false);
                }
                if let Some(input) = self.element(&e.name) {
                    let _ = input.set_attribute("aria-invalid", "true");
                }
                if let Some(wrapper) = self.element(&format!("f-{}", e.name)) {
                    let _ = wrapper.class_list().add_1("has-error");
                }
                items.push_str(&format!(
                    "<li><a href=\"#{}\">{}</a></li>",
                    escape(&e.name),
                    escape(&message)
                ));
            }
            if let Some(summary) = self.element("loi") {
                if let Ok(Some(ul)) = summary.query_selector("ul") {
                    ul.set_inner_html(&items);
                }
                Self::set_hidden(&summary, items.is_empty());
            }
        }

        fn apply_visibility(
            &self,
            fields: &[Field],
            scope: &Answers,
            raw: &RawForm,
            entry: Option<(&str, usize)>,
        ) {
            for f in fields {
                let name = match entry {
                    Some((g, i)) => entry_name(g, i, &f.id),
                    None => f.id.clone(),
                };
                if f.visible_if.is_some()
                    && let Some(el) = self.element(&format!("f-{name}"))
                {
                    Self::set_hidden(&el, !visible(f.visible_if.as_ref(), scope));
                }
                if let FieldKind::Group {
                    fields: inner,
                    repeat,
                } = &f.kind
                {
                    if repeat.is_none() {
                        self.apply_visibility(inner, scope, raw, entry);
                        continue;
                    }
                    for index in entry_indices(raw, &f.id) {
                        let prefix = format!("{}[{index}].", f.id);
                        let entry_raw: RawForm = raw
                            .iter()
                            .filter_map(|(k, v)| {
                                k.strip_prefix(&prefix).map(|s| (s.to_string(), v.clone()))
                            })
                            .collect();
                        let mut entry_scope = scope.clone();
                        entry_scope.extend(
                            validate_fields(inner, &entry_raw, scope, &Context::new(self.today))
                                .answers,
                        );
                        self.apply_visibility(inner, &entry_scope, raw, Some((&f.id, index)));
                    }
                }
            }
        }

        fn add_entry(&mut self, group: &str) {
            let raw = self.read();
            let next = entry_indices(&raw, group)
                .last()
                .map(|i| i + 1)
                .unwrap_or(0);
            let Some(template) = self
                .element(&format!("tpl-{group}"))
                .and_then(|t| t.dyn_into::<HtmlTemplateElement>().ok())
            else {
                return;
            };
            let html = template
                .inner_html()
                .replace(TEMPLATE_MARK, &next.to_string());
            if let Some(Ok(Some(entries))) =
                self.element(group).map(|g| g.query_selector(".entries"))
            {
                let _ = entries.insert_adjacent_html("beforeend", &html);
            }
            self.renumber(group);
            self.refresh();
            if let Some(first) = self.element(group).and_then(|g| {
                g.query_selector(".entry:last-child input, .entry:last-child select")
                    .ok()
                    .flatten()
            }) && let Ok(el) = first.dyn_into::<HtmlElement>()
            {
                let _ = el.focus();
            }
        }

        fn remove_entry(&mut self, button: &Element) {
            let Ok(Some(entry)) = button.closest(".entry") else {
                return;
            };
            let group = entry
                .closest(".repeat")
                .ok()
                .flatten()
                .map(|g| g.id())
                .unwrap_or_default();
            entry.remove();
            self.renumber(&group);
            self.refresh();
        }

        /// Numbers the entries 1, 2, … and shows add/remove only where `repeat` allows.
        fn renumber(&self, group: &str) {
            let Some(g) = self.element(group) else { return };
            let attr = |k: &str| {
                g.get_attribute(k)
                    .and_then(|v| v.parse::<u32>().ok())
                    .unwrap_or(0)
            };
            let (min, max) = (attr("data-min"), attr("data-max"));
            let Ok(entries) = g.query_selector_all(".entries > .entry") else {
                return;
            };
            let count = entries.length();
            for i in 0..count {
                if let Some(entry) = entries.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                    if let Ok(Some(no)) = entry.query_selector(".entry-no") {
                        no.set_text_content(Some(&(i + 1).to_string()));
                    }
                    if let Ok(Some(remove)) = entry.query_selector("[data-remove]") {
                        Self::set_hidden(&remove, count <= min);
                    }
                }
            }
            if let Ok(Some(add)) = g.query_selector("[data-add]") {
                Self::set_hidden(&add, count >= max);
            }
        }
    }

    /// Replaces the options of select `target` by the communes of `province`, fetched as
    /// ready-made `<option>` elements (no JSON decoder needed in the island).
    fn load_communes(province: String, target: String) {
        leptos::task::spawn_local(async move {
            let doc = document();
            let Some(select) = doc.get_element_by_id(&target) else {
                return;
            };
            let placeholder = select
                .query_selector("option[value='']")
                .ok()
                .flatten()
                .map(|o| o.outer_html())
                .unwrap_or_default();
            let options = if province.is_empty() {
                String::new()
            } else {
                fetch_text(&format!(
                    "/don-vi/{}/xa",
                    js_sys::encode_uri_component(&province)
                ))
                .await
                .unwrap_or_default()
            };
            select.set_inner_html(&format!("{placeholder}{options}"));
            // Let the enhancer validate again now that the list is known.
            let init = web_sys::EventInit::new();
            init.set_bubbles(true);
            if let Ok(changed) = Event::new_with_event_init_dict("change", &init) {
                let _ = select.dispatch_event(&changed);
            }
        });
    }

    /// The body of a successful GET of `url`.
    async fn fetch_text(url: &str) -> Option<String> {
        use wasm_bindgen_futures::JsFuture;
        let response = JsFuture::from(web_sys::window()?.fetch_with_str(url))
            .await
            .ok()?;
        let response = response.dyn_into::<web_sys::Response>().ok()?;
        if !response.ok() {
            return None;
        }
        JsFuture::from(response.text().ok()?)
            .await
            .ok()?
            .as_string()
    }

    fn escape(s: &str) -> String {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    }
}
