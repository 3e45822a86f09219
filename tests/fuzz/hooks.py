"""Schemathesis hooks for the GraphQL fuzz (tests/tests/suite/fuzz.rs).

- Values for myvoice's own scalars: dates inside and far outside the years the API keeps
  (chrono's first and last day once panicked the server), and text that is no date at all.
- Checks: no answer is a server error (an HTTP 5xx, or INTERNAL_SERVER_ERROR in an answer), and
  every GraphQL error carries `extensions.code`, as the README promises. Schemathesis' own
  `not_a_server_error` counts any error on a field as a server error, so it is not used: here
  refusals such as UNAUTHENTICATED or BAD_USER_INPUT are the right answer.
"""
import json

import schemathesis
from hypothesis import strategies as st
from schemathesis.graphql import nodes

EXTREME_DAYS = ["+262142-12-31", "-262143-01-01", "0000-01-01", "9999-12-31", "2026-02-30"]

days = st.one_of(
    st.dates().map(lambda d: d.isoformat()),
    st.sampled_from(EXTREME_DAYS),
    st.text(max_size=30),
)
moments = st.one_of(
    st.datetimes().map(lambda d: d.isoformat() + "Z"),
    st.sampled_from([d + "T00:00:00Z" for d in EXTREME_DAYS] + ["9999-12-31T23:59:59-23:59"]),
    st.text(max_size=30),
)
schemathesis.graphql.scalar("NaiveDate", days.map(nodes.String))
schemathesis.graphql.scalar("DateTime", moments.map(nodes.String))


def errors_of(response):
    try:
        body = json.loads(response.content)
    except ValueError:
        raise AssertionError(f"HTTP {response.status_code}: the answer is not JSON")
    errors = body.get("errors") if isinstance(body, dict) else None
    return errors or []


@schemathesis.check
def no_server_error(ctx, response, case):
    """No HTTP 5xx, and no error the server could not explain."""
    if response.status_code >= 500:
        raise AssertionError(f"HTTP {response.status_code}: {response.content[:500]!r}")
    for error in errors_of(response):
        if (error.get("extensions") or {}).get("code") == "INTERNAL_SERVER_ERROR":
            raise AssertionError(f"An internal error: {json.dumps(error)}")


@schemathesis.check
def every_error_has_a_code(ctx, response, case):
    """Each error in a GraphQL answer names its kind in `extensions.code`."""
    for error in errors_of(response):
        code = (error.get("extensions") or {}).get("code")
        if not isinstance(code, str) or not code:
            raise AssertionError(f"An error without extensions.code: {json.dumps(error)}")
