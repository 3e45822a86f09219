//! Requests another site makes a browser send to myvoice: refused with 403, with nothing changed
//! and no session set; our own pages' requests still work; cookies are Secure behind HTTPS.
use api::config::PublicUrl;
use reqwest::header::{CONTENT_TYPE, SET_COOKIE};
use serde_json::{Value, json};
use tests::app::{TestApp, child_token, spawn_demo_app, spawn_demo_app_with, staff_token};

use super::security_headers::{ADMIN, ADVOCATE, browser, header, staff_cookie};

const EVIL: &str = "https://evil.example";

/// The cookies an answer sets, whole (`name=value; HttpOnly; …`).
fn set_cookies(response: &reqwest::Response) -> Vec<String> {
    response
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok().map(str::to_owned))
        .collect()
}

/// A form's fields.
type Form<'a> = &'a [(&'a str, &'a str)];

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
    let sign_ins: [(&str, Form, &str); 2] = [
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
    let posts: [(&str, Form, Option<&str>); 3] = [
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
