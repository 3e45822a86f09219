//! `extensions.code` on every error. Resolvers' errors carry theirs from `ApiError`; the schema's own
//! (a document that does not parse, that does not fit the schema, that asks for too much, or whose
//! values do not fit their types) get one here, in the one place every answer passes. async-graphql
//! tells them apart only by their words, so the words are matched here and a test per kind of error
//! (tests/tests/suite/integrators.rs) notices when an upgrade changes them.
use async_graphql::{ErrorExtensionValues, Response, ServerError};

/// The text is not a GraphQL document.
pub const PARSE_FAILED: &str = "GRAPHQL_PARSE_FAILED";
/// The document does not fit the schema: an unknown field, a missing argument, a fragment on the
/// wrong type, no operation by that name…
pub const VALIDATION_FAILED: &str = "GRAPHQL_VALIDATION_FAILED";
/// Too deep, too many fields or aliases, introspection lists nested too far.
pub const TOO_COMPLEX: &str = "QUERY_TOO_COMPLEX";
/// A value that does not fit its type (a string for an `Int`, an unknown enum value, a date that is
/// not a date), like the API's own checks of values.
pub const BAD_USER_INPUT: &str = "BAD_USER_INPUT";
/// An error no rule above explains: a defect, logged.
const INTERNAL: &str = "INTERNAL_SERVER_ERROR";

/// A new error with a code.
pub fn error(code: &'static str, message: impl Into<String>) -> ServerError {
    coded(ServerError::new(message, None), code)
}

pub fn coded(mut error: ServerError, code: &'static str) -> ServerError {
    error
        .extensions
        .get_or_insert_with(ErrorExtensionValues::default)
        .set("code", code);
    error
}

/// The response with a code on each error that has none yet.
pub fn with_codes(mut response: Response) -> Response {
    let errors = std::mem::take(&mut response.errors);
    response.errors = errors
        .into_iter()
        .map(|error| {
            if error.extensions.as_ref().is_some_and(|e| e.get("code").is_some()) {
                return error;
            }
            let (code, field) = classify(&error);
            if code == INTERNAL {
                tracing::error!(message = %error.message, path = ?error.path, "error without a code");
            }
            let mut error = coded(error, code);
            if let Some(field) = field {
                error
                    .extensions
                    .get_or_insert_with(ErrorExtensionValues::default)
                    .set("field", field);
            }
            error
        })
        .collect();
    response
}

/// The code for one of the schema's own errors, and the argument it names, if any.
fn classify(error: &ServerError) -> (&'static str, Option<String>) {
    let message = error.message.as_str();
    let too_complex = [
        "Query is nested too deep.",
        "Query is too complex.",
        "The recursion depth of the query cannot be greater than",
        "The number of directives on the field",
    ];
    if too_complex.iter().any(|m| message.starts_with(m)) {
        return (TOO_COMPLEX, None);
    }
    // Validation: `Invalid value for argument "input.meetingDate", expected type "NaiveDate"`;
    // execution: `Failed to parse "Int": …` or `Expected input type "NaiveDate", found 1.`, with
    // the field's path.
    if let Some(rest) = message.strip_prefix("Invalid value for argument ") {
        return (BAD_USER_INPUT, quoted(rest));
    }
    let coercion = [
        "Failed to parse \"",
        "Expected input type \"",
        "Invalid value for",
    ];
    if coercion.iter().any(|m| message.starts_with(m)) {
        return (BAD_USER_INPUT, None);
    }
    // A variable the operation declares and uses but the request left out: `Variable id is not
    // defined.`, met while resolving the field (its path is set).
    if let Some(rest) = message.strip_prefix("Variable ")
        && rest.ends_with("is not defined.")
        && !error.path.is_empty()
    {
        return (
            BAD_USER_INPUT,
            rest.split_whitespace().next().map(str::to_owned),
        );
    }
    if error.path.is_empty() {
        (VALIDATION_FAILED, None)
    } else {
        (INTERNAL, None)
    }
}

/// The argument or input field named inside the first pair of double quotes: the last name of a
/// path such as `input.worries.3`, as the API's own errors name fields (`worries`).
fn quoted(text: &str) -> Option<String> {
    let start = text.find('"')? + 1;
    let len = text[start..].find('"')?;
    text[start..start + len]
        .rsplit('.')
        .find(|part| !part.is_empty() && !part.chars().all(|c| c.is_ascii_digit()))
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use async_graphql::{PathSegment, Value};

    use super::*;

    fn code_of(message: &str, path: bool) -> (Value, Option<Value>) {
        let mut error = ServerError::new(message, None);
        if path {
            error.path = vec![PathSegment::Field("meetings".into())];
        }
        let response = with_codes(Response::from_errors(vec![error]));
        let ext = response.errors[0].extensions.clone().expect("extensions");
        (
            ext.get("code").cloned().expect("code"),
            ext.get("field").cloned(),
        )
    }

    #[test]
    fn every_kind_of_error_gets_a_code_and_coded_ones_keep_theirs() {
        let code = |m, p| code_of(m, p).0;
        assert_eq!(
            code("Query is nested too deep.", false),
            Value::from(TOO_COMPLEX)
        );
        assert_eq!(
            code_of(
                r#"Invalid value for argument "input.meetingDate", expected type "NaiveDate""#,
                false
            ),
            (
                Value::from(BAD_USER_INPUT),
                Some(Value::from("meetingDate"))
            )
        );
        assert_eq!(
            code(r#"Failed to parse "Int": oops"#, true),
            Value::from(BAD_USER_INPUT)
        );
        let found = r#"Expected input type "NaiveDate", found 20260101."#;
        assert_eq!(code(found, true), Value::from(BAD_USER_INPUT));
        assert_eq!(
            code(r#"Unknown field "nope" on type "QueryRoot"."#, false),
            Value::from(VALIDATION_FAILED)
        );
        assert_eq!(
            code_of("Variable id is not defined.", true),
            (Value::from(BAD_USER_INPUT), Some(Value::from("id")))
        );
        assert_eq!(
            code(r#"Variable "$x" is not defined."#, false),
            Value::from(VALIDATION_FAILED)
        );
        assert_eq!(code("Something new", true), Value::from(INTERNAL));
        let own = with_codes(Response::from_errors(vec![error("FORBIDDEN", "no")]));
        let ext = own.errors[0].extensions.clone().expect("extensions");
        assert_eq!(ext.get("code"), Some(&Value::from("FORBIDDEN")));
    }

    #[test]
    fn quotes_are_found_safely() {
        assert_eq!(quoted(r#""first", expected"#).as_deref(), Some("first"));
        assert_eq!(quoted(r#"no quotes"#), None);
        assert_eq!(quoted(r#"one " only"#), None);
        assert_eq!(quoted("\"é\"").as_deref(), Some("é"));
        assert_eq!(
            quoted(r#""content.worries.3", x"#).as_deref(),
            Some("worries")
        );
    }
}
