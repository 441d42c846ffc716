//! The page shown when a server function failed on our side: a translated message and the
//! request's id, so the person can quote it and the operator finds the log line. Nothing of
//! the error itself is shown ([`ApiError`] carries nothing else).

use leptos::prelude::*;

use crate::api::ApiError;
use crate::components::layout::Layout;
use crate::i18n::{Key, Lang, t};

/// The whole page for `error`, titled `title` (the page that failed), answered with 500.
pub fn server_error(lang: Lang, title: &'static str, error: &ApiError) -> AnyView {
    crate::pages::set_status(500);
    let error = error.clone();
    view! {
        <Layout title=title>
            <h1>{title}</h1>
            <ServerErrorNotice lang=lang error=error/>
        </Layout>
    }
    .into_any()
}

/// The message and the request's id, for a page that shows it inside its own layout.
#[component]
pub fn ServerErrorNotice(lang: Lang, error: ApiError) -> impl IntoView {
    let id = error.request_id().map(|id| {
        view! {
            <p>{format!("{}: ", t(lang, Key::RequestId))}<code>{id.to_string()}</code></p>
            <p>{t(lang, Key::ServerErrorHelp)}</p>
        }
    });
    view! {
        <div class="panel notice" role="alert">
            <p class="error">{t(lang, Key::ServerErrorTitle)}</p>
            {id}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_notice_shows_the_message_and_the_id() {
        let error = ApiError::Internal {
            request_id: Some("req-42".into()),
        };
        let html = view! { <ServerErrorNotice lang=Lang::En error=error/> }.to_html();
        assert!(html.contains(t(Lang::En, Key::ServerErrorTitle)), "{html}");
        assert!(html.contains("<code>req-42</code>"), "{html}");
    }
}
