//! The HTTP surface: probes, GraphQL, GraphiQL, the browser bundle, and the pages when the `pages`
//! feature mounts them (`crate::pages`).
mod cross_site;
mod graphiql;
mod headers;

use std::path::Path;
use std::sync::Arc;

use async_graphql::http::ALL_WEBSOCKET_PROTOCOLS;
use async_graphql::{ErrorExtensions, ParseRequestError};
use async_graphql_axum::{GraphQLProtocol, GraphQLRequest, GraphQLResponse};
use axum::{
    Extension, Router,
    extract::WebSocketUpgrade,
    extract::{ConnectInfo, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    middleware,
    response::{IntoResponse, Response},
    routing::get,
};
use sea_orm::DatabaseConnection;
use tower::util::option_layer;
use tower_http::{
    catch_panic::CatchPanicLayer, compression::CompressionLayer, limit::RequestBodyLimitLayer,
    services::ServeDir, set_header::SetResponseHeaderLayer, trace::TraceLayer,
};

use crate::auth::{Authenticator, ClientAddr, TokenIssuer, viewer_from_headers};
use crate::config::PublicUrl;
use crate::events::EventBus;
use crate::graphql::AppSchema;
use cross_site::OurOrigins;
pub use headers::PageNonce;

/// What the GraphQL endpoint needs for each request.
#[derive(Clone)]
pub struct ApiState {
    pub schema: AppSchema,
    pub db: DatabaseConnection,
    pub tokens: TokenIssuer,
    /// The schema's bus too: live sockets close when it says a session ended.
    pub events: EventBus,
    /// Put in front of links the API hands out (see `PublicBase`).
    pub public_url: Option<PublicUrl>,
}

/// Largest request body we accept; a child's views are a few kilobytes.
const MAX_BODY_BYTES: usize = 256 * 1024;

/// Everything served on one port. `operator` holds routes for operators (`/metrics`), which get
/// the same headers and panic handling as the rest.
pub fn router(
    state: ApiState,
    site_dir: &Path,
    public_url: Option<&PublicUrl>,
    operator: Router,
) -> Router {
    #[cfg(feature = "pages")]
    let pages = crate::pages::routes(state.clone(), site_dir, public_url);
    let bundle = ServeDir::new(site_dir.join("pkg"))
        .precompressed_br()
        .precompressed_gzip();

    let health = crate::health::routes(state.db.clone());
    let ours = OurOrigins::new(public_url);
    let api = Router::new()
        .route("/graphql", get(graphiql::graphiql).post(graphql))
        .route("/graphql/ws", get(graphql_ws))
        .route(
            "/data-protection/exports/{token}",
            get(crate::data_protection::export::route::download),
        )
        .layer(Extension(ours.clone()))
        .with_state(state);
    // Browsers that once reached us over HTTPS never try plain HTTP again (only when the public
    // address is HTTPS: sent over plain HTTP it would be ignored, or lock out a test server).
    let hsts = public_url.filter(|url| url.is_https()).map(|_| {
        SetResponseHeaderLayer::overriding(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        )
    });

    let app = Router::new()
        .merge(health)
        .merge(api)
        .merge(operator)
        .nest_service("/pkg", bundle)
        // The read-aloud clips (`myvoice make-audio`): Opus already, so served as they are.
        .nest_service("/audio", ServeDir::new(site_dir.join("audio")));
    // The pages answer every other address (their fallback shows the not-found page); without
    // them, a plain 404.
    #[cfg(feature = "pages")]
    let app = app.merge(pages);
    #[cfg(not(feature = "pages"))]
    let app = app.fallback(|| async { StatusCode::NOT_FOUND });

    app.layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .layer(CompressionLayer::new())
        .layer(middleware::from_fn_with_state(
            ours,
            cross_site::refuse_cross_site,
        ))
        .layer(middleware::from_fn(headers::security_headers))
        .layer(option_layer(hsts))
        // The real fix for a panic is not to panic (inputs are checked at the edge); this makes
        // sure one that slips through still answers, with a code, and the server keeps serving.
        .layer(CatchPanicLayer::custom(answer_panic))
        // Paths only: no page puts typed text in an address, and a log has no need of queries.
        .layer(
            TraceLayer::new_for_http().make_span_with(|request: &axum::extract::Request| {
                tracing::debug_span!("request", method = %request.method(), path = %request.uri().path())
            }),
        )
}

/// A coded GraphQL error answered with an HTTP status, for what never reaches the schema.
fn error_answer(status: StatusCode, code: &str, message: &str) -> Response {
    let body = serde_json::json!({
        "data": null,
        "errors": [{ "message": message, "extensions": { "code": code } }],
    });
    (status, axum::Json(body)).into_response()
}

/// A body that is not a GraphQL request (not JSON, no `query`, a batch): 400, with a code like
/// every other error.
struct NotAGraphQLRequest(ParseRequestError);

impl From<ParseRequestError> for NotAGraphQLRequest {
    fn from(error: ParseRequestError) -> Self {
        Self(error)
    }
}

impl IntoResponse for NotAGraphQLRequest {
    fn into_response(self) -> Response {
        match self.0 {
            ParseRequestError::PayloadTooLarge => error_answer(
                StatusCode::PAYLOAD_TOO_LARGE,
                "BAD_REQUEST",
                "The request is too large.",
            ),
            other => error_answer(
                StatusCode::BAD_REQUEST,
                "BAD_REQUEST",
                &format!("This is not a GraphQL request: {other}"),
            ),
        }
    }
}

/// A panic while answering: logged, and answered 500 with a code instead of a dropped connection.
fn answer_panic(panic: Box<dyn std::any::Any + Send + 'static>) -> Response {
    let detail = panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    tracing::error!(%detail, "a request panicked");
    error_answer(
        StatusCode::INTERNAL_SERVER_ERROR,
        "INTERNAL_SERVER_ERROR",
        &crate::error::ApiError::Internal(String::new()).message(),
    )
}

/// Establish the viewer once, then run the request through the one schema.
async fn graphql(
    State(state): State<ApiState>,
    ConnectInfo(peer): ConnectInfo<std::net::SocketAddr>,
    headers: HeaderMap,
    request: GraphQLRequest<NotAGraphQLRequest>,
) -> Response {
    let response = execute(&state, &headers, Some(peer.ip()), request.into_inner()).await;
    let busy = crate::error::busy_retry_after(&response);
    let mut http = GraphQLResponse::from(response).into_response();
    if let Some(secs) = busy {
        // No database connection came free in time: 503 with Retry-After, so clients and load
        // balancers back off instead of meeting a silent timeout.
        *http.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
        http.headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(secs));
    }
    http
}

/// The one way a request reaches the schema, for `/graphql` and for the pages alike.
pub async fn execute(
    state: &ApiState,
    headers: &HeaderMap,
    client: Option<std::net::IpAddr>,
    request: async_graphql::Request,
) -> async_graphql::Response {
    let auth = Authenticator {
        tokens: &state.tokens,
        sessions: state.events.sessions(),
        db: &state.db,
    };
    match viewer_from_headers(headers, auth).await {
        Ok(viewer) => {
            let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
            let base = crate::config::PublicBase::for_request(state.public_url.as_ref(), host);
            let mut request = request
                .data(viewer)
                .data(base)
                .data(crate::graphql::loaders::per_request(state.db.clone()));
            if let Some(ip) = client {
                request = request.data(ClientAddr(ip));
            }
            state.schema.execute(request).await
        }
        Err(error) => async_graphql::Response::from_errors(vec![
            error.extend().into_server_error(Default::default()),
        ]),
    }
}

/// Subscriptions over graphql-ws. Browsers cannot set headers on a WebSocket, so the credentials
/// come in the `connection_init` payload; bad credentials close the connection. The staff pages
/// cannot read their HttpOnly session cookie, so a payload without credentials falls back to the
/// staff cookie sent with the upgrade, but only when the page that opened the socket is ours
/// (`Origin` matches `Host`): another site's page must not ride on the cookie (cross-site
/// WebSocket hijacking). The connection closes when the viewer's session ends (`live::socket`).
async fn graphql_ws(
    State(state): State<ApiState>,
    Extension(ours): Extension<Arc<OurOrigins>>,
    headers: HeaderMap,
    protocol: GraphQLProtocol,
    upgrade: WebSocketUpgrade,
) -> Response {
    let cookie_bearer = cross_site::same_origin(&headers, &ours)
        .then(|| staff_cookie_access_token(&headers))
        .flatten()
        .map(|token| format!("Bearer {token}"));
    upgrade
        .protocols(ALL_WEBSOCKET_PROTOCOLS)
        .on_upgrade(move |socket| {
            crate::live::socket::serve(socket, protocol, state, move |payload| {
                with_cookie_fallback(payload, cookie_bearer)
            })
        })
        .into_response()
}

/// The staff session cookie (frontend/src/session.rs: `myvoice_staff`, value `access~refresh`).
const STAFF_COOKIE: &str = "myvoice_staff";

/// The access token in the request's staff session cookie, if any.
pub(crate) fn staff_cookie_access_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == STAFF_COOKIE)
        .and_then(|(_, value)| value.split_once('~'))
        .map(|(access, _)| access.trim().to_owned())
        .filter(|access| !access.is_empty())
}

/// The `connection_init` payload, with the cookie's bearer token added when the payload names
/// no credentials of its own (explicit credentials always win).
fn with_cookie_fallback(
    payload: serde_json::Value,
    cookie_bearer: Option<String>,
) -> serde_json::Value {
    let has_credentials = payload.as_object().is_some_and(|fields| {
        fields.keys().any(|key| {
            key.eq_ignore_ascii_case("authorization") || key.eq_ignore_ascii_case("x-api-key")
        })
    });
    match cookie_bearer {
        Some(bearer) if !has_credentials => {
            let mut fields = payload.as_object().cloned().unwrap_or_default();
            fields.insert("Authorization".into(), serde_json::Value::String(bearer));
            serde_json::Value::Object(fields)
        }
        _ => payload,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(*name, HeaderValue::from_static(value));
        }
        map
    }

    #[test]
    fn the_access_token_is_read_from_the_staff_cookie() {
        let map = headers(&[("cookie", "a=b; myvoice_staff=acc.ess~refresh; c=d")]);
        assert_eq!(staff_cookie_access_token(&map).as_deref(), Some("acc.ess"));
        let child = headers(&[("cookie", "myvoice_session=child")]);
        assert_eq!(staff_cookie_access_token(&child), None);
    }

    #[tokio::test]
    async fn a_panic_is_answered_with_a_coded_error() {
        use tower::ServiceExt;
        let app = Router::new()
            .route(
                "/graphql",
                axum::routing::post(|| async {
                    panic!("a defect");
                    #[allow(unreachable_code)]
                    ()
                }),
            )
            .layer(CatchPanicLayer::custom(answer_panic));
        let request = axum::http::Request::post("/graphql")
            .body(axum::body::Body::empty())
            .expect("request");
        let response = app.oneshot(request).await.expect("an answer");
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let body = axum::body::to_bytes(response.into_body(), 1 << 16)
            .await
            .expect("body");
        let body: serde_json::Value = serde_json::from_slice(&body).expect("JSON");
        assert_eq!(
            body["errors"][0]["extensions"]["code"],
            "INTERNAL_SERVER_ERROR"
        );
        assert!(
            !body["errors"][0]["message"]
                .as_str()
                .unwrap()
                .contains("defect")
        );
    }

    #[test]
    fn explicit_credentials_win_over_the_cookie() {
        let cookie = Some("Bearer from-cookie".to_owned());
        let empty = with_cookie_fallback(serde_json::json!({}), cookie.clone());
        assert_eq!(empty["Authorization"], "Bearer from-cookie");
        let null = with_cookie_fallback(serde_json::Value::Null, cookie.clone());
        assert_eq!(null["Authorization"], "Bearer from-cookie");
        let own = with_cookie_fallback(serde_json::json!({"authorization": "Bearer own"}), cookie);
        assert_eq!(own, serde_json::json!({"authorization": "Bearer own"}));
    }
}
