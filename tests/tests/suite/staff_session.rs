//! A member of staff coming back after their access token has expired (15 minutes): the page renews
//! the session once and loads whole. A staff page reads with one operation (issue 18), but an
//! answer that renewed the session must not be followed by another renewal: reusing a spent
//! refresh token ends the whole session.
use reqwest::header::{COOKIE, LOCATION, SET_COOKIE};
use serde_json::json;
use tests::app::{TestApp, expired_staff_token, spawn_demo_app};

const PASSWORD: &str = "demo-password";

/// A fresh session for `email`, with its access token replaced by one that expired an hour ago.
async fn expired_session(app: &TestApp, email: &str) -> String {
    let signed_in = app
        .graphql(
            "mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { refreshToken } }",
            json!({ "e": email, "p": PASSWORD }),
        )
        .await;
    let refresh = signed_in["data"]["signIn"]["refreshToken"]
        .as_str()
        .unwrap_or_else(|| panic!("signed in: {signed_in}"));
    format!(
        "myvoice_staff={}~{refresh}",
        expired_staff_token(&app.db, email).await
    )
}

/// GET `path` as a browser with `cookie` would, without following redirects: the status, the
/// page, and the staff cookie the server set (if any).
async fn load(app: &TestApp, path: &str, cookie: &str) -> (u16, String, Option<String>) {
    api::startup::install_tls();
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let response = client
        .get(app.url(path))
        .header(COOKIE, cookie)
        .send()
        .await
        .expect("GET");
    let status = response.status().as_u16();
    let location = response.headers().get(LOCATION).cloned();
    let renewed = response
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter(|v| v.starts_with("myvoice_staff="))
        .last()
        .and_then(|v| v.split(';').next())
        .map(str::to_owned);
    let body = response.text().await.expect("body");
    (status, format!("{location:?} {body}"), renewed)
}

#[tokio::test]
async fn an_expired_access_token_is_renewed_once_and_the_page_loads_whole() {
    let app = spawn_demo_app().await;
    for (email, path, shown) in [
        (
            "coordinator@demo.myvoice",
            "/staff/oversight",
            "Referrals received",
        ),
        ("coordinator@demo.myvoice", "/staff", "Referral inbox"),
        ("agency@demo.myvoice", "/staff", "To acknowledge ("),
        ("isro@demo.myvoice", "/staff", "Coming up"),
    ] {
        let cookie = expired_session(&app, email).await;
        let (status, page, renewed) = load(&app, path, &cookie).await;
        assert_eq!(status, 200, "{email} {path}: {page}");
        assert!(page.contains(shown), "{email} {path}: {page}");
        assert!(!page.contains("Sign in to carry on"), "{email} {path}");
        let renewed = renewed.unwrap_or_else(|| panic!("{email} {path}: no renewed cookie"));
        assert_ne!(renewed, cookie, "{email} {path}: the tokens were renewed");

        // The renewed session still works: it was not ended by a second renewal.
        let (status, page, _) = load(&app, path, &renewed).await;
        assert_eq!(status, 200, "{email} {path} again: {page}");
        assert!(page.contains(shown), "{email} {path} again: {page}");
    }
}
