//! The admin's pages: staff users (`/staff`), API keys (`/staff/api-keys`) and the audit log
//! (`/staff/audit`). Plain forms that work without JavaScript, enhanced when it is on.
pub mod api_keys;
pub mod audit;
pub mod staff_users;

pub use api_keys::AdminApiKeys;
pub use audit::AdminAudit;
pub use staff_users::StaffUsers;

/// A secret shown once (a temporary password, a new API key), or the words a rejected form held,
/// carried from the form's answer to the next page without ever being in an address: a short-lived
/// HttpOnly, SameSite=Strict cookie for the staff pages only, read once and cleared by the page
/// that shows it.
#[cfg(feature = "ssr")]
pub(crate) mod once {
    use cookie::{Cookie, SameSite, time::Duration};
    use http::{HeaderValue, header, request::Parts};
    use leptos::prelude::use_context;
    use leptos_axum::ResponseOptions;
    use serde::{Serialize, de::DeserializeOwned};

    const NAME: &str = "myvoice_once";
    const PATH: &str = "/staff";

    /// Keep `value` for the next page under `/staff` (at most five minutes).
    pub fn put(value: &impl Serialize) {
        if let Ok(json) = serde_json::to_vec(value) {
            set(Cookie::build((NAME, hex(&json))).max_age(Duration::minutes(5)));
        }
    }

    /// A form's answer. Without JavaScript the browser posted the form itself: keep `flash` for the
    /// next page and send the browser to `to`. With JavaScript the page gets `flash` as the action's
    /// value and shows it in place (going to `to` too when `navigate` is set), so nothing is kept.
    pub fn answer<T: Serialize>(flash: T, to: &str, navigate: bool) -> Option<T> {
        let plain_form = use_context::<Parts>().is_some_and(|parts| {
            parts
                .headers
                .get(header::ACCEPT)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.contains("text/html"))
        });
        if plain_form {
            put(&flash);
            leptos_axum::redirect(to);
            None
        } else {
            if navigate {
                leptos_axum::redirect(to);
            }
            Some(flash)
        }
    }

    /// What the last form left for this page, if any; it is gone after this request.
    pub fn take<T: DeserializeOwned>() -> Option<T> {
        let parts = use_context::<Parts>()?;
        let value = parts
            .headers
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(Cookie::split_parse)
            .filter_map(Result::ok)
            .find(|c| c.name() == NAME)
            .map(|c| c.value().to_owned())
            .filter(|v| !v.is_empty())?;
        set(Cookie::build((NAME, "")).max_age(Duration::ZERO));
        serde_json::from_slice(&unhex(&value)?).ok()
    }

    fn set(cookie: cookie::CookieBuilder<'static>) {
        let cookie = cookie
            .path(PATH)
            .http_only(true)
            .same_site(SameSite::Strict)
            .build();
        if let (Some(response), Ok(value)) = (
            use_context::<ResponseOptions>(),
            HeaderValue::from_str(&cookie.to_string()),
        ) {
            response.append_header(header::SET_COOKIE, value);
        }
    }

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    fn unhex(text: &str) -> Option<Vec<u8>> {
        if text.len() % 2 != 0 {
            return None;
        }
        (0..text.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
            .collect()
    }

    #[cfg(test)]
    mod tests {
        #[test]
        fn hex_round_trips_and_rejects_garbage() {
            let text = "{\"secret\":\"mvk_a-b\"}";
            assert_eq!(
                super::unhex(&super::hex(text.as_bytes())).as_deref(),
                Some(text.as_bytes())
            );
            assert!(super::unhex("abc").is_none());
            assert!(super::unhex("zz").is_none());
        }
    }
}

/// The GraphQL error's field (`extensions.field`) and message, for a form's error summary.
#[cfg(feature = "ssr")]
pub(crate) fn field_error(error: &crate::error::PageError) -> Option<(String, String)> {
    match error {
        crate::error::PageError::Api {
            code: crate::error::ErrorCode::BadUserInput | crate::error::ErrorCode::Conflict,
            message,
            details,
        } => Some((
            details["field"].as_str().unwrap_or_default().to_owned(),
            message.clone(),
        )),
        _ => None,
    }
}
