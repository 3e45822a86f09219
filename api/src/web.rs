//! The HTTP surface: probes, GraphQL, GraphiQL, the pages and their browser bundle.
use std::path::Path;

use async_graphql::http::GraphiQLSource;
use async_graphql_axum::{GraphQLRequest, GraphQLResponse};
use axum::{
    Router,
    extract::State,
    http::{HeaderName, HeaderValue, header},
    response::Html,
    routing::get,
};
use leptos::config::LeptosOptions;
use leptos_axum::{LeptosRoutes, generate_route_list};
use sea_orm::DatabaseConnection;
use tower_http::{
    compression::CompressionLayer, limit::RequestBodyLimitLayer, services::ServeDir,
    set_header::SetResponseHeaderLayer, trace::TraceLayer,
};

use crate::graphql::AppSchema;

/// Largest request body we accept; a child's views are a few kilobytes.
const MAX_BODY_BYTES: usize = 256 * 1024;

pub fn router(db: DatabaseConnection, schema: AppSchema, site_dir: &Path) -> Router {
    let leptos_options = LeptosOptions::builder()
        .output_name(frontend::OUTPUT_NAME)
        .site_root(site_dir.display().to_string())
        .site_pkg_dir("pkg")
        .build();
    let pages = Router::new()
        .leptos_routes(&leptos_options, generate_route_list(frontend::App), {
            let options = leptos_options.clone();
            move || frontend::shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler(frontend::shell))
        .with_state(leptos_options);
    let bundle = ServeDir::new(site_dir.join("pkg"))
        .precompressed_br()
        .precompressed_gzip();

    let api = Router::new()
        .route("/graphql", get(graphiql).post(graphql))
        .with_state(schema);

    Router::new()
        .merge(crate::health::routes(db))
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

async fn graphql(State(schema): State<AppSchema>, request: GraphQLRequest) -> GraphQLResponse {
    schema.execute(request.into_inner()).await.into()
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
