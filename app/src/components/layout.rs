//! The frame around every page: header with the language switch, main content, footer.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::{Key, Lang, t};

/// Kept here for the pages that import it with the layout.
pub use motcua_domain::url::urlencode;

/// The language of the current request: the `lang` cookie set by the language switch,
/// Vietnamese otherwise. Only meaningful while rendering on the server.
pub fn current_lang() -> Lang {
    if let Some(lang) = use_context::<Lang>() {
        return lang;
    }
    #[cfg(feature = "ssr")]
    {
        // Set by `GET /ngon-ngu/{lang}` (`server/src/routes/language.rs`).
        let lang = use_context::<http::request::Parts>()
            .and_then(|parts| {
                let jar = axum_extra::extract::cookie::CookieJar::from_headers(&parts.headers);
                jar.get("lang").map(|c| Lang::from_code(c.value()))
            })
            .unwrap_or_default();
        provide_context(lang);
        lang
    }
    #[cfg(not(feature = "ssr"))]
    Lang::default()
}

/// The path and query of the current request, to come back to after switching language.
fn current_path() -> String {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>()
            .and_then(|p| p.uri.path_and_query().map(|pq| pq.as_str().to_string()))
            .unwrap_or_else(|| "/".into())
    }
    #[cfg(not(feature = "ssr"))]
    {
        "/".into()
    }
}

#[component]
pub fn Layout(#[prop(into)] title: String, children: Children) -> impl IntoView {
    let lang = current_lang();
    let other = match lang {
        Lang::Vi => Lang::En,
        Lang::En => Lang::Vi,
    };
    let switch_href = format!(
        "/ngon-ngu/{}?tiep={}",
        other.code(),
        urlencode(&current_path())
    );
    let full_title = format!("{title} – {}", t(lang, Key::AppName));
    view! {
        <Title text=full_title/>
        <a class="skip" href="#noi-dung">{t(lang, Key::SkipToContent)}</a>
        <header class="site">
            <div class="wrap">
                <a class="brand" href="/thu-tuc">
                    <strong>{t(lang, Key::AppName)}</strong>
                    <span>{t(lang, Key::AppTagline)}</span>
                </a>
                <nav aria-label=t(lang, Key::AppName)>
                    <a href="/thu-tuc">{t(lang, Key::NavCatalogue)}</a>
                    <a href="/tra-cuu">{t(lang, Key::NavLookup)}</a>
                    <a href="/ho-so-cua-toi">{t(lang, Key::NavMyDossiers)}</a>
                    <a href=switch_href lang=other.code() hreflang=other.code()>
                        {t(lang, Key::LanguageSwitch)}
                    </a>
                </nav>
            </div>
        </header>
        <main id="noi-dung" class="wrap" tabindex="-1">
            {children()}
        </main>
    }
}
