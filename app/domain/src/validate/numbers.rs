//! Reading numbers and amounts of đồng as Vietnamese users type them.

/// `[+-]digits[(.|,)digits]` → f64.
pub fn parse_number(s: &str) -> Option<f64> {
    let body = s.strip_prefix(['+', '-']).unwrap_or(s);
    let (int, frac) = match body.find(['.', ',']) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    if !digits(int) || frac.is_some_and(|f| !digits(f)) {
        return None;
    }
    let x: f64 = s.replace(',', ".").parse().ok()?;
    x.is_finite().then_some(if x == 0.0 { 0.0 } else { x })
}

/// Whole đồng in the accepted forms (see the module doc).
pub fn parse_money(s: &str) -> Option<u64> {
    let lower = s.to_lowercase();
    let mut body = lower.as_str();
    for suffix in ["₫", "đồng", "vnđ", "vnd", "đ"] {
        if let Some(rest) = body.strip_suffix(suffix) {
            body = rest.trim_end();
            break;
        }
    }
    if body.is_empty() {
        return None;
    }
    let digits: String = match body.chars().find(|c| !c.is_ascii_digit()) {
        None => body.to_string(),
        Some(sep) => {
            if !['.', ',', ' ', '\u{a0}', '\u{202f}'].contains(&sep) {
                return None;
            }
            let groups: Vec<&str> = body.split(sep).collect();
            let ok = groups.iter().enumerate().all(|(i, g)| {
                let len_ok = if i == 0 {
                    (1..=3).contains(&g.len())
                } else {
                    g.len() == 3
                };
                len_ok && g.bytes().all(|b| b.is_ascii_digit())
            });
            if !ok {
                return None;
            }
            groups.concat()
        }
    };
    digits.parse().ok()
}
