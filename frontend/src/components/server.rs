//! Helpers for server functions that answer plain form posts (JavaScript off).

/// A plain form post (JavaScript off): the browser wants a page back, not data.
pub fn plain_form_post() -> bool {
    leptos::prelude::use_context::<http::request::Parts>().is_some_and(|parts| {
        parts
            .headers
            .get(http::header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("text/html"))
    })
}

/// `application/x-www-form-urlencoded`, for addresses that carry a form's values back.
pub fn form_encode(pairs: &[(&str, &str)]) -> String {
    fn one(text: &str, out: &mut String) {
        for byte in text.bytes() {
            match byte {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                    out.push(byte as char)
                }
                b' ' => out.push('+'),
                other => out.push_str(&format!("%{other:02X}")),
            }
        }
    }
    let mut out = String::new();
    for (name, value) in pairs {
        if !out.is_empty() {
            out.push('&');
        }
        one(name, &mut out);
        out.push('=');
        one(value, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn values_survive_the_address() {
        assert_eq!(
            super::form_encode(&[("reason", "Mum & me\r\n50% sure"), ("a", "é")]),
            "reason=Mum+%26+me%0D%0A50%25+sure&a=%C3%A9"
        );
    }
}
