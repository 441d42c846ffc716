//! `POST /can-bo/quan-tri/nhat-ky`: the admin's search of the audit trail, posted so that an
//! actor's phone never stands in a URL. The answer is the Leptos page itself, given what was
//! posted; the page model checks that the person is an admin.

use app::pages::Posted;
use axum::Form;
use axum::extract::State;
use axum::response::Response;
use http::request::Parts;
use serde::Deserialize;

use crate::extract::SignedInAdmin;
use crate::render::posted_page;
use crate::router::ServerState;

#[derive(Deserialize)]
pub struct SearchForm {
    #[serde(default)]
    ma_ho_so: String,
    #[serde(default)]
    nguoi: String,
    #[serde(default)]
    tu_ngay: String,
    #[serde(default)]
    den_ngay: String,
}

pub async fn post(
    State(state): State<ServerState>,
    _admin: SignedInAdmin,
    parts: Parts,
    Form(form): Form<SearchForm>,
) -> Response {
    let values = [
        ("ma_ho_so", form.ma_ho_so),
        ("nguoi", form.nguoi),
        ("tu_ngay", form.tu_ngay),
        ("den_ngay", form.den_ngay),
    ];
    let posted = Posted {
        errors: String::new(),
        values: values.map(|(n, v)| (n.to_string(), v)).into(),
    };
    posted_page(&state, parts, posted).await
}
