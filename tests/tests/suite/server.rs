//! The HTTP surface a newcomer and a load balancer see first.
use serde_json::json;
use tests::app::spawn_app;

#[tokio::test]
async fn healthz_and_readyz_answer_when_the_database_is_up() {
    let app = spawn_app().await;
    let health = app.get("/healthz").await;
    assert_eq!(health.status(), 200);
    let ready = app.get("/readyz").await;
    assert_eq!(ready.status(), 200);
    assert_eq!(ready.text().await.unwrap(), "ready");
}

#[tokio::test]
async fn readyz_fails_when_the_database_is_gone() {
    let app = spawn_app().await;
    app.db.clone().close().await.unwrap();
    let ready = app.get("/readyz").await;
    assert_eq!(ready.status(), 503);
    // The process itself is still up.
    assert_eq!(app.get("/healthz").await.status(), 200);
}

#[tokio::test]
async fn graphql_answers_api_version_and_health() {
    let app = spawn_app().await;
    let body = app
        .graphql("{ apiVersion health { up database } }", json!({}))
        .await;
    assert_eq!(body["data"]["apiVersion"], env!("CARGO_PKG_VERSION"));
    assert_eq!(
        body["data"]["health"],
        json!({ "up": true, "database": true })
    );
}

#[tokio::test]
async fn graphql_rejects_unknown_fields_with_a_clear_error() {
    let app = spawn_app().await;
    let body = app.graphql("{ secretChildren { name } }", json!({})).await;
    let message = body["errors"][0]["message"].as_str().unwrap();
    assert!(message.contains("secretChildren"), "{message}");
    assert!(body["data"].is_null());
}

#[tokio::test]
async fn graphiql_is_served_on_get() {
    let app = spawn_app().await;
    let page = app.get("/graphql").await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(
        html.contains("graphiql") && html.contains("/graphql/ws"),
        "{html}"
    );
}

#[tokio::test]
async fn oversized_requests_are_refused() {
    let app = spawn_app().await;
    let huge = "x".repeat(2 * 1024 * 1024);
    let response = app
        .client
        .post(app.url("/graphql"))
        .header("content-type", "application/json")
        .body(json!({ "query": format!("{{ apiVersion }} # {huge}") }).to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 413);
}

#[tokio::test]
async fn child_landing_page_is_server_rendered_in_plain_words() {
    let app = spawn_app().await;
    let page = app.get("/").await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains(r#"<html lang="en""#), "lang attribute");
    assert!(html.contains("Your meeting. Your say."));
    assert!(
        html.contains("0800 1111"),
        "Childline number on the first page"
    );
    // "Leave now" and "I'm not safe right now", as on every child page (issue 20): only the
    // child's bundle is named, and without JavaScript "Leave now" is a plain form.
    assert!(html.contains("Leave now"), "Leave now on the landing page");
    assert!(
        html.contains("href=\"/not-safe\""),
        "I'm not safe right now"
    );
    assert!(
        html.contains("/pkg/child"),
        "the child's bundle for Leave now"
    );
    assert!(!html.contains("/pkg/staff"), "never the staff bundle");
}

#[tokio::test]
async fn a_child_page_with_islands_names_only_the_child_bundle() {
    let app = spawn_app().await;
    let html = app.get("/sign-in").await.text().await.unwrap();
    assert!(html.contains("<leptos-island"), "quick exit is an island");
    assert!(
        html.contains("/pkg/child.js"),
        "the child bundle is loaded for it"
    );
    assert!(!html.contains("/pkg/staff"), "never the staff bundle");
    assert!(
        !html.contains("rel=\"preload\""),
        "nothing fetched before the script asks"
    );
}

#[tokio::test]
async fn staff_page_is_server_rendered() {
    let app = spawn_app().await;
    let page = app.get("/staff").await;
    assert_eq!(page.status(), 200);
    assert!(page.text().await.unwrap().contains("myvoice for staff"));
}

#[tokio::test]
async fn unknown_pages_get_a_friendly_404() {
    let app = spawn_app().await;
    let page = app.get("/no-such-page").await;
    assert_eq!(page.status(), 404);
    assert!(
        page.text()
            .await
            .unwrap()
            .contains("We can't find that page")
    );
}

#[tokio::test]
async fn browser_bundles_are_served_compressed() {
    let app = spawn_app().await;
    for file in ["child_bg.wasm", "child.js", "staff_bg.wasm", "staff.js"] {
        let bundle = app
            .client
            .get(app.url(&format!("/pkg/{file}")))
            .header("accept-encoding", "gzip")
            .send()
            .await
            .unwrap();
        assert_eq!(
            bundle.status(),
            200,
            "{file}: run scripts/test.sh, which builds the bundles first"
        );
        assert_eq!(bundle.headers()["content-encoding"], "gzip", "{file}");
    }
}

#[tokio::test]
async fn too_many_aliases_are_refused_before_any_work() {
    let app = spawn_app().await;
    let fields: Vec<String> = (0..31).map(|i| format!("a{i}: apiVersion")).collect();
    let body = app
        .graphql(&format!("{{ {} }}", fields.join(" ")), json!({}))
        .await;
    assert_eq!(
        body["errors"][0]["extensions"]["code"], "QUERY_TOO_COMPLEX",
        "{body}"
    );
    assert!(body["data"].is_null());
    let thirty: Vec<String> = (0..30).map(|i| format!("a{i}: apiVersion")).collect();
    let ok = app
        .graphql(&format!("{{ {} }}", thirty.join(" ")), json!({}))
        .await;
    assert_eq!(ok["data"]["a29"], env!("CARGO_PKG_VERSION"));
}

#[tokio::test]
async fn too_deep_queries_are_refused() {
    let app = spawn_app().await;
    // Data beside deep introspection: the data limits apply (integrators.rs has the rest).
    let deep = "{ apiVersion __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } } }";
    let body = app.graphql(deep, json!({})).await;
    let message = body["errors"][0]["message"].as_str().unwrap_or_default();
    assert!(message.contains("nested too deep"), "{body}");
    assert_eq!(body["errors"][0]["extensions"]["code"], "QUERY_TOO_COMPLEX");
}

/// Integrators read the schema in GraphiQL: every type, field, argument and enum value says what it is.
#[tokio::test]
async fn every_part_of_the_schema_is_described() {
    let app = spawn_app().await;
    let query = "{ __schema { types { name kind description
        fields { name description args { name description } }
        inputFields { name description } enumValues { name description } } } }";
    let body = app.graphql(query, json!({})).await;
    let described = |v: &serde_json::Value| {
        v["description"]
            .as_str()
            .is_some_and(|d| !d.trim().is_empty())
    };
    let mut missing = Vec::new();
    for ty in body["data"]["__schema"]["types"].as_array().unwrap() {
        let name = ty["name"].as_str().unwrap();
        // Built-ins, and the Relay connection wrappers async-graphql generates for each list.
        let built_in = name.starts_with("__")
            || ["String", "Boolean", "Int", "Float", "ID"].contains(&name)
            || name.ends_with("Connection")
            || name.ends_with("Edge");
        if built_in {
            continue;
        }
        if !described(ty) && ty["kind"] != "SCALAR" {
            missing.push(name.to_owned());
        }
        for list in ["fields", "inputFields", "enumValues"] {
            for item in ty[list].as_array().into_iter().flatten() {
                if !described(item) {
                    missing.push(format!("{name}.{}", item["name"].as_str().unwrap()));
                }
                for arg in item["args"].as_array().into_iter().flatten() {
                    if !described(arg) {
                        missing.push(format!(
                            "{name}.{}({})",
                            item["name"].as_str().unwrap(),
                            arg["name"].as_str().unwrap()
                        ));
                    }
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "{} undescribed: {missing:#?}",
        missing.len()
    );
}
