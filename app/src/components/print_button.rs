//! A "print" button that works under the Content-Security-Policy, which forbids inline event
//! handlers (`onclick="…"`): the button starts `hidden` and one small inline script, allowed
//! by its hash (`server/src/security_headers.rs`), shows every `[data-print]` button and
//! makes it print. Without JavaScript there is no dead button; the browser's own "print"
//! still works.

use leptos::prelude::*;

/// The script that wakes the print buttons of a page. Its SHA-256 is in every page's
/// `script-src`, so any change here changes the hash with it.
pub const PRINT_SCRIPT: &str = "document.querySelectorAll('button[data-print]').forEach(function(b){b.hidden=false;b.addEventListener('click',function(){window.print()})})";

/// The button and its script, for a Leptos page.
#[component]
pub fn PrintButton(label: &'static str, #[prop(optional)] class: &'static str) -> impl IntoView {
    view! {
        <button type="button" class=class data-print="" hidden>{label}</button>
        // As raw text: escaped, the quotes would no longer be JavaScript (nor match the hash).
        <script inner_html=PRINT_SCRIPT></script>
    }
}
