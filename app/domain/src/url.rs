//! Values in the addresses we build: a redirect's query string, a link, a download's file
//! name. One encoder for the pages, the handlers and the browser alike.

/// Everything but the unreserved characters of RFC 3986 (`A-Z a-z 0-9 - _ . ~`).
const COMPONENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Percent-encodes `s` (as UTF-8) for one component of a URL: a query value, a path
/// segment, an RFC 5987 file name. Only the unreserved characters pass as they are.
pub fn urlencode(s: &str) -> String {
    percent_encoding::utf8_percent_encode(s, COMPONENT).to_string()
}

#[cfg(test)]
mod tests {
    use super::urlencode;

    #[test]
    fn only_unreserved_characters_pass() {
        assert_eq!(urlencode("Az09-_.~"), "Az09-_.~");
        assert_eq!(urlencode("/a?b=c&d e+f#"), "%2Fa%3Fb%3Dc%26d%20e%2Bf%23");
        assert_eq!(urlencode("Hồ sơ"), "H%E1%BB%93%20s%C6%A1");
    }
}
