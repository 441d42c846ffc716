//! `GET /suc-khoe`: liveness for load balancers and the test scripts.

pub async fn get() -> &'static str {
    "ok"
}
