//! What a browser is told about every page and answer: a Content-Security-Policy with a fresh
//! nonce, no framing, no powerful features, nothing personal kept in a cache; and GraphiQL from
//! myvoice's own files.
use api::config::PublicUrl;
use reqwest::header::{CACHE_CONTROL, CONTENT_SECURITY_POLICY};
use serde_json::json;
use tests::app::{
    TEST_METRICS_TOKEN, TestApp, child_token, repo_root, spawn_demo_app, spawn_demo_app_with,
    staff_token,
};

use super::browser::run_browser_script;

pub(crate) const ADMIN: &str = "admin@demo.myvoice";
pub(crate) const ADVOCATE: &str = "advocate@demo.myvoice";

/// A browser's request as the test describes it: no redirects followed, so the answer that set
/// (or did not set) a cookie is the one we read.
pub(crate) fn browser() -> reqwest::Client {
    api::startup::install_tls();
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(std::time::Duration::from_secs(120))
        .build()
        .expect("client")
}

pub(crate) fn staff_cookie(token: &str) -> String {
    // `access~refresh`: the access token is valid, so the refresh token is never used.
    format!("myvoice_staff={token}~unused")
}

pub(crate) fn header(
    response: &reqwest::Response,
    name: impl reqwest::header::AsHeaderName,
) -> &str {
    response
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
}

/// The nonce the policy's `script-src` names.
fn policy_nonce(policy: &str) -> String {
    let start = policy.find("'nonce-").expect("a nonce in the policy") + "'nonce-".len();
    policy[start..]
        .split('\'')
        .next()
        .unwrap_or_default()
        .to_owned()
}

/// Each `<script …>` tag's `nonce` attribute (None for a tag without one).
fn script_nonces(html: &str) -> Vec<Option<String>> {
    html.split("<script")
        .skip(1)
        .map(|rest| {
            let tag = rest.split('>').next().unwrap_or_default();
            tag.split("nonce=\"")
                .nth(1)
                .and_then(|v| v.split('"').next())
                .map(str::to_owned)
        })
        .collect()
}

/// The advocate's first case: its ID and the child's name.
async fn first_case(app: &TestApp) -> (String, String) {
    let token = staff_token(&app.db, ADVOCATE).await;
    let data = app
        .graphql_as(
            Some(&token),
            "{ myCaseload(first: 1) { edges { node { id child { preferredName } } } } }",
            json!({}),
        )
        .await;
    let case = &data["data"]["myCaseload"]["edges"][0]["node"];
    match (case["id"].as_str(), case["child"]["preferredName"].as_str()) {
        (Some(id), Some(name)) => (id.to_owned(), name.to_owned()),
        _ => panic!("a case: {data}"),
    }
}

#[tokio::test]
async fn every_page_names_a_fresh_nonce_its_scripts_hold_and_is_never_stored_or_framed() {
    let app = spawn_demo_app().await;
    let child = format!("myvoice_session={}", child_token(&app.db, "Mia").await);
    let advocate = staff_cookie(&staff_token(&app.db, ADVOCATE).await);
    let admin = staff_cookie(&staff_token(&app.db, ADMIN).await);
    let case = format!("/staff/cases/{}", first_case(&app).await.0);
    let pages: Vec<(&str, Option<&str>, u16)> = vec![
        ("/", None, 200),
        ("/sign-in", None, 200),
        ("/ask-for-an-advocate", None, 200),
        ("/not-safe", None, 200),
        ("/no-such-page", None, 404),
        ("/me", Some(&child), 200),
        ("/me/views/worries", Some(&child), 200),
        ("/staff/sign-in", None, 200),
        ("/staff", Some(&advocate), 200),
        (&case, Some(&advocate), 200),
        ("/staff/api-keys", Some(&admin), 200),
        ("/staff/import", Some(&admin), 200),
    ];
    let client = browser();
    for (path, cookie, status) in pages {
        let mut nonces = Vec::new();
        for _ in 0..2 {
            let mut request = client.get(app.url(path));
            if let Some(cookie) = cookie {
                request = request.header("cookie", cookie);
            }
            let response = request.send().await.expect("GET");
            assert_eq!(response.status().as_u16(), status, "{path}");
            let policy = header(&response, CONTENT_SECURITY_POLICY).to_owned();
            for part in [
                "default-src 'none'",
                "frame-ancestors 'none'",
                "object-src 'none'",
                "base-uri 'none'",
                "connect-src 'self'",
                "form-action 'self'",
            ] {
                assert!(
                    policy.contains(part),
                    "{path}: {part} missing from {policy:?}"
                );
            }
            assert!(!policy.contains("unsafe-inline"), "{path}: {policy}");
            assert_eq!(header(&response, CACHE_CONTROL), "no-store", "{path}");
            assert_eq!(header(&response, "x-frame-options"), "DENY", "{path}");
            let features = header(&response, "permissions-policy");
            for feature in ["camera=()", "microphone=()", "geolocation=()"] {
                assert!(features.contains(feature), "{path}: {features:?}");
            }
            let nonce = policy_nonce(&policy);
            let html = response.text().await.expect("page");
            let scripts = script_nonces(&html);
            assert!(!scripts.is_empty(), "{path}: no hydration script");
            assert!(
                scripts.iter().all(|n| n.as_deref() == Some(nonce.as_str())),
                "{path}: scripts {scripts:?}, policy nonce {nonce}"
            );
            nonces.push(nonce);
        }
        assert_ne!(nonces[0], nonces[1], "{path}: the same nonce twice");
        assert!(nonces[0].len() >= 22, "{path}: a short nonce {}", nonces[0]);
    }
}

#[tokio::test]
async fn answers_with_personal_data_are_not_stored_and_the_bundle_may_be() {
    let app = spawn_demo_app().await;
    let advocate = staff_cookie(&staff_token(&app.db, ADVOCATE).await);
    let (case_id, child) = first_case(&app).await;
    // The case's server function, as the case page calls it: the child's name and referral.
    let case = browser()
        .post(app.url("/api/staff/case"))
        .header("cookie", &advocate)
        .header("sec-fetch-site", "same-origin")
        .form(&[("case_id", case_id.as_str())])
        .send()
        .await
        .expect("POST");
    assert_eq!(case.status(), 200);
    assert_eq!(header(&case, CACHE_CONTROL), "no-store");
    assert!(
        case.text().await.unwrap().contains(&child),
        "the child's name"
    );

    let graphql = app
        .client
        .post(app.url("/graphql"))
        .json(&json!({ "query": "{ apiVersion }" }))
        .send()
        .await
        .expect("POST /graphql");
    assert_eq!(header(&graphql, CACHE_CONTROL), "no-store");

    let bundle = app.get("/pkg/myvoice.css").await;
    assert_eq!(
        bundle.status(),
        200,
        "run scripts/test.sh: it builds the bundle"
    );
    assert!(!header(&bundle, CACHE_CONTROL).contains("no-store"));
}

#[tokio::test]
async fn browsers_are_told_to_keep_to_https_only_when_the_public_address_is_https() {
    let https = spawn_demo_app_with(|settings| {
        settings.public_url = Some(PublicUrl::parse("https://myvoice.example.gov.uk").unwrap());
    })
    .await;
    for path in ["/", "/sign-in", "/pkg/myvoice.css", "/health"] {
        let answer = https.get(path).await;
        assert_eq!(
            header(&answer, "strict-transport-security"),
            "max-age=31536000",
            "{path}"
        );
    }
    let plain = spawn_demo_app().await;
    let answer = plain.get("/").await;
    assert!(answer.headers().get("strict-transport-security").is_none());
}

#[tokio::test]
async fn the_operators_metrics_carry_the_same_headers_as_everything_else() {
    let app = spawn_demo_app().await;
    let metrics = app
        .client
        .get(app.url("/metrics"))
        .bearer_auth(TEST_METRICS_TOKEN)
        .send()
        .await
        .expect("GET /metrics");
    assert_eq!(metrics.status(), 200);
    assert_eq!(header(&metrics, CACHE_CONTROL), "no-store");
    assert_eq!(header(&metrics, "x-content-type-options"), "nosniff");
}

#[tokio::test]
async fn graphiql_runs_on_files_myvoice_serves_itself() {
    let app = spawn_demo_app().await;
    let page = app.get("/graphql").await;
    assert_eq!(page.status(), 200);
    let policy = header(&page, CONTENT_SECURITY_POLICY).to_owned();
    assert!(policy.contains("frame-ancestors 'none'"), "{policy}");
    assert!(
        !policy.contains("script-src 'self' 'unsafe-inline'"),
        "{policy}"
    );
    let nonce = policy_nonce(&policy);
    let html = page.text().await.unwrap();
    assert!(!html.contains("://"), "an address of another host: {html}");
    let mut assets = Vec::new();
    for tag in html.split("<script").skip(1) {
        let tag = tag.split('>').next().unwrap_or_default();
        match tag.split("src=\"").nth(1).and_then(|v| v.split('"').next()) {
            Some(src) => assets.push(src.to_owned()),
            None => assert!(tag.contains(&format!("nonce=\"{nonce}\"")), "{tag}"),
        }
    }
    let stylesheet = html
        .split("rel=\"stylesheet\" href=\"")
        .nth(1)
        .and_then(|v| v.split('"').next())
        .expect("GraphiQL's stylesheet");
    assets.push(stylesheet.to_owned());
    assert_eq!(
        assets.len(),
        4,
        "React, ReactDOM, GraphiQL and its styles: {assets:?}"
    );
    for asset in assets {
        assert!(asset.starts_with("/pkg/graphiql/"), "{asset}");
        let file = app.get(&asset).await;
        assert_eq!(
            file.status(),
            200,
            "{asset}: run scripts/test.sh, it copies them"
        );
        assert!(file.bytes().await.unwrap().len() > 1000, "{asset} is empty");
    }
}

/// In real Chromium: GraphiQL loads with nothing from another host, no policy violation, and runs
/// a query (the closed-network case: a page that needed a CDN would report a request elsewhere).
#[tokio::test]
async fn graphiql_loads_and_runs_a_query_in_chromium_under_its_policy() {
    let app = spawn_demo_app().await;
    let shots = repo_root().join("target/screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    let args = vec![app.url(""), shots.display().to_string()];
    let results = tokio::task::spawn_blocking(move || run_browser_script("graphiql.mjs", &args))
        .await
        .unwrap();
    let result = &results[0];
    assert_eq!(result["problems"], json!([]), "{result}");
    let answer = result["answer"].as_str().unwrap_or_default();
    assert!(answer.contains("\"__typename\": \"QueryRoot\""), "{answer}");
}
