//! What a browser is told about every page and answer (a Content-Security-Policy with a fresh
//! nonce, no framing, no powerful features, nothing kept in a cache), and what happens to a
//! request another site makes the browser send (refused, with nothing changed and no session set).
use api::config::PublicUrl;
use reqwest::header::{CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE, SET_COOKIE};
use serde_json::{Value, json};
use tests::app::{
    TestApp, child_token, repo_root, spawn_demo_app, spawn_demo_app_with, staff_token,
};

use super::browser::run_browser_script;

const ADMIN: &str = "admin@demo.myvoice";
const ADVOCATE: &str = "advocate@demo.myvoice";
const EVIL: &str = "https://evil.example";

/// A browser's request as the test describes it: no redirects followed, so the answer that set
/// (or did not set) a cookie is the one we read.
fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(std::time::Duration::from_secs(120))
        .build()
        .expect("client")
}

fn staff_cookie(token: &str) -> String {
    // `access~refresh`: the access token is valid, so the refresh token is never used.
    format!("myvoice_staff={token}~unused")
}

fn header<'a>(
    response: &'a reqwest::Response,
    name: impl reqwest::header::AsHeaderName,
) -> &'a str {
    response
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
}

/// The cookies an answer sets, whole (`name=value; HttpOnly; …`).
fn set_cookies(response: &reqwest::Response) -> Vec<String> {
    response
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok().map(str::to_owned))
        .collect()
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

/// The hostile ways a browser can arrive from another site, and the old-browser case with
/// neither header, which cannot prove it comes from our pages either.
const REFUSED: &[&[(&str, &str)]] = &[
    &[("sec-fetch-site", "cross-site"), ("origin", EVIL)],
    &[
        ("sec-fetch-site", "same-site"),
        ("origin", "http://other.localhost"),
    ],
    &[("origin", EVIL)],
    &[("origin", "null")],
    &[],
];

async fn key_names(app: &TestApp, admin: &str) -> Vec<Value> {
    let keys = app
        .graphql_as(Some(admin), "{ apiKeys { name } }", json!({}))
        .await;
    keys["data"]["apiKeys"]
        .as_array()
        .unwrap_or_else(|| panic!("keys: {keys}"))
        .iter()
        .map(|k| k["name"].clone())
        .collect()
}

/// What the issue found: a script on another page made an admin's browser create an API key.
#[tokio::test]
async fn a_cross_site_form_post_is_refused_and_changes_nothing() {
    let app = spawn_demo_app().await;
    let admin_token = staff_token(&app.db, ADMIN).await;
    let cookie = staff_cookie(&admin_token);
    let before = key_names(&app, &admin_token).await;
    let post = |headers: &[(&str, &str)], name: &str| {
        let mut request = browser()
            .post(app.url("/api/staff/admin-create-key"))
            .header("cookie", &cookie)
            .header("accept", "text/html")
            .form(&[("name", name), ("read_referrals", "on")]);
        for (header, value) in headers {
            request = request.header(*header, *value);
        }
        request.send()
    };
    for headers in REFUSED {
        let response = post(headers, "Taken by another site").await.expect("POST");
        assert_eq!(response.status(), 403, "{headers:?}");
        assert!(header(&response, CONTENT_TYPE).starts_with("text/plain"));
        assert!(set_cookies(&response).is_empty(), "{headers:?}");
        assert!(response.text().await.unwrap().contains("Refused"));
    }
    assert_eq!(
        key_names(&app, &admin_token).await,
        before,
        "a key was made"
    );

    // Our own page's form: by fetch metadata, and by Origin alone (a browser without it).
    let origin = app.url("");
    for (headers, name) in [
        (
            vec![
                ("sec-fetch-site", "same-origin"),
                ("origin", origin.as_str()),
            ],
            "Case system",
        ),
        (vec![("origin", origin.as_str())], "Reporting"),
    ] {
        let response = post(&headers, name).await.expect("POST");
        assert!(
            response.status().is_redirection(),
            "{headers:?}: {}",
            response.status()
        );
    }
    let after = key_names(&app, &admin_token).await;
    assert!(
        after.contains(&json!("Case system")) && after.contains(&json!("Reporting")),
        "{after:?}"
    );

    // Following a link from another site still opens our pages.
    let linked = browser()
        .get(app.url("/"))
        .header("sec-fetch-site", "cross-site")
        .send()
        .await
        .unwrap();
    assert_eq!(linked.status(), 200);
}

/// Login CSRF: another site must not sign the browser into an account of its choosing.
#[tokio::test]
async fn a_cross_site_sign_in_sets_no_session_and_ours_does() {
    let app = spawn_demo_app().await;
    let origin = app.url("");
    let sign_ins: [(&str, &[(&str, &str)], &str); 2] = [
        (
            "/api/child/sign-in",
            &[("code", "DEMO-0001"), ("pin", "2468")],
            "myvoice_session=",
        ),
        (
            "/api/staff/sign-in",
            &[("email", ADVOCATE), ("password", "demo-password")],
            "myvoice_staff=",
        ),
    ];
    for (path, form, cookie) in sign_ins {
        let post = |headers: &[(&str, &str)]| {
            let mut request = browser()
                .post(app.url(path))
                .header("accept", "text/html")
                .form(form);
            for (header, value) in headers {
                request = request.header(*header, *value);
            }
            request.send()
        };
        for headers in REFUSED {
            let response = post(headers).await.expect("POST");
            assert_eq!(response.status(), 403, "{path} {headers:?}");
            assert!(set_cookies(&response).is_empty(), "{path} {headers:?}");
        }
        let ours = post(&[
            ("sec-fetch-site", "same-origin"),
            ("origin", origin.as_str()),
        ])
        .await
        .expect("POST");
        assert!(ours.status().is_redirection(), "{path}: {}", ours.status());
        let set = set_cookies(&ours);
        assert!(set.iter().any(|c| c.starts_with(cookie)), "{path}: {set:?}");
    }
}

/// `/graphql` takes credentials only from headers a page of another site cannot set, so a post
/// from there with the browser's cookies acts as nobody.
#[tokio::test]
async fn graphql_never_acts_on_the_pages_cookies() {
    let app = spawn_demo_app().await;
    let admin_token = staff_token(&app.db, ADMIN).await;
    let cookies = format!(
        "{}; myvoice_session={}",
        staff_cookie(&admin_token),
        child_token(&app.db, "Mia").await
    );
    let before = key_names(&app, &admin_token).await;
    for query in [
        "{ apiKeys { name } }",
        "{ myMeetings { edges { node { kind } } } }",
        "mutation { createApiKey(name: \"Taken\", scopes: [READ_REFERRALS]) { secret } }",
    ] {
        let response: Value = browser()
            .post(app.url("/graphql"))
            .header("cookie", &cookies)
            .header("origin", EVIL)
            .header("sec-fetch-site", "cross-site")
            .json(&json!({ "query": query }))
            .send()
            .await
            .expect("POST /graphql")
            .json()
            .await
            .expect("JSON");
        assert_eq!(
            response["errors"][0]["extensions"]["code"], "UNAUTHENTICATED",
            "{query}: {response}"
        );
    }
    assert_eq!(key_names(&app, &admin_token).await, before);
}

/// Signs in as the child and the advocate, and makes an API key as the admin (whose secret is
/// carried to the next page in a short-lived cookie): every cookie set on the way.
async fn cookies_set(app: &TestApp, headers: &[(&str, &str)]) -> Vec<String> {
    let admin = staff_cookie(&staff_token(&app.db, ADMIN).await);
    let posts: [(&str, &[(&str, &str)], Option<&str>); 3] = [
        (
            "/api/child/sign-in",
            &[("code", "DEMO-0001"), ("pin", "2468")],
            None,
        ),
        (
            "/api/staff/sign-in",
            &[("email", ADVOCATE), ("password", "demo-password")],
            None,
        ),
        (
            "/api/staff/admin-create-key",
            &[("name", "Case system"), ("read_referrals", "on")],
            Some(admin.as_str()),
        ),
    ];
    let mut set = Vec::new();
    for (path, form, cookie) in posts {
        let mut request = browser()
            .post(app.url(path))
            .header("accept", "text/html")
            .form(form);
        for (header, value) in headers {
            request = request.header(*header, *value);
        }
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        let response = request.send().await.expect("POST");
        assert!(
            response.status().is_redirection(),
            "{path}: {}",
            response.status()
        );
        set.extend(set_cookies(&response));
    }
    for name in ["myvoice_session=", "myvoice_staff=", "myvoice_once="] {
        assert!(
            set.iter().any(|c| c.starts_with(name)),
            "{name} not in {set:?}"
        );
    }
    set
}

#[tokio::test]
async fn cookies_are_secure_when_the_public_address_is_https_and_not_otherwise() {
    let https = spawn_demo_app_with(|settings| {
        settings.public_url = Some(PublicUrl::parse("https://myvoice.example.gov.uk").unwrap());
    })
    .await;
    // Behind a TLS proxy that passes its own address as Host: the public origin is ours.
    let behind_proxy = [("origin", "https://myvoice.example.gov.uk")];
    for cookie in cookies_set(&https, &behind_proxy).await {
        assert!(cookie.contains("; Secure"), "{cookie}");
        assert!(
            cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
            "{cookie}"
        );
    }

    let plain = spawn_demo_app().await;
    let origin = plain.url("");
    for cookie in cookies_set(&plain, &[("origin", origin.as_str())]).await {
        assert!(!cookie.contains("Secure"), "{cookie}");
        assert!(
            cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
            "{cookie}"
        );
    }
}
