//! The citizen's address behind a reverse proxy.
//!
//! Behind nginx every connection comes from the proxy, so the limits on guessing (the public
//! lookup, sign-in) would count every citizen of the province as one client: five misses by
//! anyone would lock everyone out. When the connection comes from a proxy the deployment
//! trusts (`trusted_proxies`), the client is the address that proxy appended to
//! `X-Forwarded-For`: the right-most entry not itself a trusted proxy. Entries to its left
//! were written by the client and prove nothing. Without trusted proxies the header is
//! ignored, so nobody can choose their own address by sending it.

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::Next;
use axum::response::Response;

use crate::router::ServerState;

/// Replaces the connection's address, as every handler and server function reads it
/// (`ConnectInfo`), by the client's when the connection is from a trusted proxy.
pub async fn behind_trusted_proxy(
    State(state): State<ServerState>,
    mut req: Request,
    next: Next,
) -> Response {
    let trusted = &state.app.settings.trusted_proxies;
    if !trusted.is_empty()
        && let Some(ConnectInfo(peer)) = req.extensions().get::<ConnectInfo<SocketAddr>>()
        && let Some(client) = client_of(peer.ip(), req.headers(), trusted)
    {
        let addr = SocketAddr::new(client, peer.port());
        req.extensions_mut().insert(ConnectInfo(addr));
    }
    next.run(req).await
}

/// The client behind `peer`, if `peer` is a trusted proxy that said who it was.
fn client_of(peer: IpAddr, headers: &http::HeaderMap, trusted: &[IpAddr]) -> Option<IpAddr> {
    if !trusted.contains(&peer) {
        return None;
    }
    // Several headers are one list, in order.
    let hops: Vec<IpAddr> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|hop| hop.trim().parse::<IpAddr>())
        .collect::<Result<_, _>>()
        .ok()?;
    hops.into_iter().rev().find(|hop| !trusted.contains(hop))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(values: &[&str]) -> http::HeaderMap {
        let mut h = http::HeaderMap::new();
        for v in values {
            h.append("x-forwarded-for", v.parse().unwrap());
        }
        h
    }

    #[test]
    fn the_client_is_the_rightmost_address_a_trusted_proxy_did_not_write_itself() {
        let proxy: IpAddr = "127.0.0.1".parse().unwrap();
        let edge: IpAddr = "10.0.0.5".parse().unwrap();
        let trusted = [proxy, edge];
        let client = |h: &[&str]| client_of(proxy, &headers(h), &trusted).map(|a| a.to_string());
        assert_eq!(client(&["203.0.113.7"]), Some("203.0.113.7".into()));
        // A client that sends its own header only adds entries to the left.
        assert_eq!(
            client(&["1.2.3.4, 203.0.113.7"]),
            Some("203.0.113.7".into())
        );
        // Through two trusted proxies; and the same list as two headers.
        assert_eq!(
            client(&["1.2.3.4, 203.0.113.7, 10.0.0.5"]),
            Some("203.0.113.7".into())
        );
        assert_eq!(
            client(&["203.0.113.7", "10.0.0.5"]),
            Some("203.0.113.7".into())
        );
        assert_eq!(client(&["2001:db8::1"]), Some("2001:db8::1".into()));
        // Nothing usable: the connection's own address stands.
        assert_eq!(client(&[]), None);
        assert_eq!(client(&["not an address"]), None);
        assert_eq!(client(&["10.0.0.5"]), None);
        // From anyone else the header is ignored.
        let stranger: IpAddr = "198.51.100.9".parse().unwrap();
        assert_eq!(
            client_of(stranger, &headers(&["203.0.113.7"]), &trusted),
            None
        );
    }
}
