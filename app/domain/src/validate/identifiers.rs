//! E-mail addresses, phone numbers, citizen ID numbers and tax codes.

/// An e-mail address with the domain lowercased (see the module doc for the rules).
pub fn parse_email(s: &str) -> Option<String> {
    if s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return None;
    }
    let (local, domain) = s.split_once('@')?;
    if domain.contains('@') {
        return None;
    }
    let local_ok = (1..=64).contains(&local.chars().count())
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && !local.chars().any(|c| "<>()[]\\,;:\"".contains(c));
    if !local_ok {
        return None;
    }
    let domain = domain.to_lowercase();
    let labels: Vec<&str> = domain.split('.').collect();
    let labels_ok = domain.chars().count() <= 253
        && labels.len() >= 2
        && labels.iter().all(|l| {
            (1..=63).contains(&l.chars().count())
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        });
    let tld = labels.last()?;
    if !labels_ok || tld.chars().count() < 2 || tld.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    Some(format!("{local}@{domain}"))
}

/// A Vietnamese phone number as `0xxxxxxxxx` (see the module doc for the accepted forms).
pub fn parse_phone(s: &str) -> Option<String> {
    let mut digits = String::with_capacity(s.len());
    let mut plus = false;
    for (i, c) in s.chars().enumerate() {
        match c {
            '0'..='9' => digits.push(c),
            '+' if i == 0 => plus = true,
            ' ' | '.' | '-' | '\u{a0}' if !digits.is_empty() => {}
            _ => return None,
        }
    }
    if !s.ends_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let national = if plus {
        digits.strip_prefix("84")?
    } else if digits.len() == 10 {
        digits.strip_prefix('0')?
    } else if digits.len() == 11 {
        digits.strip_prefix("84")?
    } else {
        digits.strip_prefix("0084")?
    };
    (national.len() == 9 && !national.starts_with('0')).then(|| format!("0{national}"))
}

/// A 12-digit CCCD number; spaces between digits are ignored.
pub fn parse_id_number(s: &str) -> Option<String> {
    let digits: String = s.chars().filter(|c| *c != ' ' && *c != '\u{a0}').collect();
    (digits.len() == 12 && digits.bytes().all(|b| b.is_ascii_digit())).then_some(digits)
}

/// A tax code: 10 digits, or 10 digits `-` 3 digits; spaces are ignored.
pub fn parse_tax_code(s: &str) -> Option<String> {
    let code: String = s.chars().filter(|c| *c != ' ' && *c != '\u{a0}').collect();
    let all_digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    let ok = match code.split_once('-') {
        None => all_digits(&code, 10),
        Some((main, branch)) => all_digits(main, 10) && all_digits(branch, 3),
    };
    ok.then_some(code)
}
