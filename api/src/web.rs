//! The HTTP surface: probes, GraphQL, GraphiQL, the pages and their browser bundle.
use std::path::Path;

use async_graphql::ErrorExtensions;
use async_graphql::http::ALL_WEBSOCKET_PROTOCOLS;
use async_graphql::http::GraphiQLSource;
use async_graphql_axum::{GraphQLProtocol, GraphQLRequest, GraphQLResponse, GraphQLWebSocket};
use axum::{
    Router,
    extract::WebSocketUpgrade,
    extract::{ConnectInfo, State},
    http::{HeaderMap, HeaderName, HeaderValue, header},
    response::{Html, IntoResponse, Response},
    routing::get,
};
use leptos::config::LeptosOptions;
use leptos_axum::{LeptosRoutes, generate_route_list};
use sea_orm::DatabaseConnection;
use tower_http::{
    compression::CompressionLayer, limit::RequestBodyLimitLayer, services::ServeDir,
    set_header::SetResponseHeaderLayer, trace::TraceLayer,
};

use crate::auth::{ClientAddr, TokenIssuer, viewer_from_headers, viewer_from_init_payload};
use crate::graphql::AppSchema;

/// What the GraphQL endpoint needs for each request.
#[derive(Clone)]
pub struct ApiState {
    pub schema: AppSchema,
    pub db: DatabaseConnection,
    pub tokens: TokenIssuer,
}

/// Largest request body we accept; a child's views are a few kilobytes.
const MAX_BODY_BYTES: usize = 256 * 1024;

pub fn router(state: ApiState, site_dir: &Path) -> Router {
    let leptos_options = LeptosOptions::builder()
        .output_name(frontend::OUTPUT_NAME)
        .site_root(site_dir.display().to_string())
        .site_pkg_dir("pkg")
        .build();
    let gql = crate::pages::bridge(state.clone());
    let pages = Router::new()
        .leptos_routes_with_context(
            &leptos_options,
            generate_route_list(frontend::App),
            move || leptos::prelude::provide_context(gql.clone()),
            {
                let options = leptos_options.clone();
                move || frontend::shell(options.clone())
            },
        )
        .fallback(leptos_axum::file_and_error_handler(frontend::shell))
        .with_state(leptos_options);
    let bundle = ServeDir::new(site_dir.join("pkg"))
        .precompressed_br()
        .precompressed_gzip();

    let health = crate::health::routes(state.db.clone());
    let api = Router::new()
        .route("/graphql", get(graphiql).post(graphql))
        .route("/graphql/ws", get(graphql_ws))
        .with_state(state);

    Router::new()
        .merge(health)
        .merge(api)
        .nest_service("/pkg", bundle)
        .merge(pages)
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .layer(CompressionLayer::new())
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static("referrer-policy"),
            HeaderValue::from_static("no-referrer"),
        ))
        .layer(TraceLayer::new_for_http())
}

/// Establish the viewer once, then run the request through the one schema.
async fn graphql(
    State(state): State<ApiState>,
    ConnectInfo(peer): ConnectInfo<std::net::SocketAddr>,
    headers: HeaderMap,
    request: GraphQLRequest,
) -> Response {
    let response = execute(&state, &headers, Some(peer.ip()), request.into_inner()).await;
    let busy = crate::error::busy_retry_after(&response);
    let mut http = GraphQLResponse::from(response).into_response();
    if let Some(secs) = busy {
        // No database connection came free in time: 503 with Retry-After, so clients and load
        // balancers back off instead of meeting a silent timeout.
        *http.status_mut() = axum::http::StatusCode::SERVICE_UNAVAILABLE;
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
    match viewer_from_headers(headers, &state.tokens, &state.db).await {
        Ok(viewer) => {
            let mut request = request
                .data(viewer)
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
/// come in the `connection_init` payload; bad credentials close the connection.
async fn graphql_ws(
    State(state): State<ApiState>,
    protocol: GraphQLProtocol,
    upgrade: WebSocketUpgrade,
) -> Response {
    upgrade
        .protocols(ALL_WEBSOCKET_PROTOCOLS)
        .on_upgrade(move |socket| {
            let (schema, tokens, db) =
                (state.schema.clone(), state.tokens.clone(), state.db.clone());
            GraphQLWebSocket::new(socket, schema, protocol)
                .on_connection_init(move |payload| async move {
                    let viewer = viewer_from_init_payload(&payload, &tokens, &db)
                        .await
                        .map_err(|e| e.extend())?;
                    let mut data = async_graphql::Data::default();
                    data.insert(viewer);
                    Ok(data)
                })
                .serve()
        })
        .into_response()
}

async fn graphiql() -> Html<String> {
    Html(
        GraphiQLSource::build()
            .endpoint("/graphql")
            .subscription_endpoint("/graphql/ws")
            .title("myvoice GraphQL")
            .finish(),
    )
}
