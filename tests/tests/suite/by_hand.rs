//! Children, meetings and agencies set up by hand (issue 19, item 2), and meetings cancelled by an
//! integrator: what a council's staff do without the demo seed.
mod agencies;
mod agencies_page;
mod child_page;
mod children;
mod meetings;

use serde_json::Value;

pub(crate) const ADMIN: &str = "admin@demo.myvoice";
pub(crate) const ISRO: &str = "isro@demo.myvoice";

/// The answer of the one field; the request must succeed.
pub(crate) fn answer(body: &Value, field: &str) -> Value {
    assert!(body["errors"].is_null(), "{body}");
    body["data"][field].clone()
}

/// The field a BAD_USER_INPUT error names.
pub(crate) fn bad_field(body: &Value) -> String {
    assert_eq!(tests::app::error_code(body), "BAD_USER_INPUT", "{body}");
    body["errors"][0]["extensions"]["field"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}
