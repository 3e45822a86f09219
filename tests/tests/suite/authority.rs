//! An authority from nothing (issue 19, item 1): `myvoice authority create` on an empty database
//! prints a one-time link; the first admin sets a password through it with a plain form and signs
//! in; the link then never works again, nor does one past its expiry; a second authority of the
//! same name is refused; `authority list` counts each authority's active admins. The page itself
//! and links made later: `password_links`.
use std::process::{Command, Output};

use chrono::{Duration, Utc};
use entity::password_link;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};
use tests::app::{error_code, myvoice_binary, staff_by_email};
use tests::db::TestDb;
use tests::process::{Server, serve_command};

use crate::plain_browser::form_encode;

pub(crate) const PASSWORD: &str = "correct horse battery staple";

/// `myvoice <args>` on this database, with no MYVOICE_* settings leaking in.
pub(crate) fn myvoice(database_url: &str, args: &[&str]) -> Output {
    let mut command = Command::new(myvoice_binary());
    for (key, _) in std::env::vars() {
        if key.starts_with("MYVOICE_") {
            command.env_remove(key);
        }
    }
    command
        .current_dir(std::env::temp_dir())
        .args(args)
        .env("MYVOICE_DATABASE_URL", database_url)
        .output()
        .expect("run myvoice")
}

pub(crate) fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// `authority create`: succeeds and prints exactly one link; its token.
pub(crate) fn create(database_url: &str, name: &str, email: &str) -> String {
    let output = myvoice(
        database_url,
        &[
            "authority",
            "create",
            "--name",
            name,
            "--admin-email",
            email,
        ],
    );
    let printed = stdout(&output);
    assert!(
        output.status.success(),
        "{printed}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let links: Vec<&str> = printed
        .lines()
        .filter(|l| l.contains("/set-password?token="))
        .collect();
    assert_eq!(links.len(), 1, "one link expected: {printed}");
    let link = links[0].trim();
    assert!(
        link.starts_with("http://127.0.0.1:3000/set-password?token="),
        "{link}"
    );
    assert!(
        !printed.lines().any(|l| l
            .to_lowercase()
            .split_once("password:")
            .is_some_and(|(_, rest)| !rest.trim().is_empty()))
            && !printed.contains("temporary"),
        "no password on screen: {printed}"
    );
    link.rsplit_once("token=").expect("token").1.to_owned()
}

/// The form posted as a browser without JavaScript posts it; the answer's `Location`.
pub(crate) async fn post_form(server: &Server, token: &str, password: &str) -> String {
    api::startup::install_tls();
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let origin = server.url("");
    let response = client
        .post(server.url("/api/staff/set-password"))
        .header("accept", "text/html")
        .header("content-type", "application/x-www-form-urlencoded")
        .header("origin", origin.trim_end_matches('/'))
        .header("referer", server.url("/set-password"))
        .body(form_encode(&[
            ("token", token),
            ("password", password),
            ("password_again", password),
        ]))
        .send()
        .await
        .expect("POST the form");
    assert_eq!(
        response.status().as_u16(),
        302,
        "a plain form is redirected"
    );
    response
        .headers()
        .get("location")
        .and_then(|l| l.to_str().ok())
        .expect("Location")
        .to_owned()
}

pub(crate) async fn sign_in(server: &Server, email: &str, password: &str) -> Value {
    server
        .graphql_as(
            None,
            "mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { role accessToken } }",
            json!({ "e": email, "p": password }),
        )
        .await
}

#[tokio::test]
async fn an_authority_from_nothing_through_the_command_line_and_a_one_time_link() {
    let test_db = TestDb::fresh().await;
    let url = test_db.url.clone();
    let token = create(&url, "Somerset Council", "Admin@Somerset.example");

    let server = Server::start(serve_command(&url)).await;
    let page = server
        .client
        .get(server.url(&format!("/set-password?token={token}")))
        .send()
        .await
        .expect("GET the link");
    assert_eq!(page.status().as_u16(), 200);
    let html = page.text().await.expect("page");
    assert!(
        html.contains(&format!("name=\"token\" value=\"{token}\"")),
        "{html}"
    );

    // Before the link is used, nobody can sign in as the new admin.
    let refused = sign_in(&server, "admin@somerset.example", PASSWORD).await;
    assert_eq!(error_code(&refused), "UNAUTHENTICATED", "{refused}");

    let to = post_form(&server, &token, PASSWORD).await;
    assert_eq!(to, "/staff/sign-in?why=password-set");
    let signed = sign_in(&server, "admin@somerset.example", PASSWORD).await;
    assert_eq!(signed["data"]["signIn"]["role"], "admin", "{signed}");

    // The link works once.
    let again = post_form(&server, &token, "another long password").await;
    assert_eq!(again, "/set-password?error=link");
    let old = sign_in(&server, "admin@somerset.example", PASSWORD).await;
    assert_eq!(
        old["data"]["signIn"]["role"], "admin",
        "the password stayed"
    );

    // A link past its expiry is refused with the same words.
    let late = create(&url, "North Somerset Council", "admin@n-somerset.example");
    let db = test_db.connect().await;
    password_link::Entity::update_many()
        .col_expr(
            password_link::Column::ExpiresAt,
            Expr::value(Utc::now() - Duration::minutes(1)),
        )
        .filter(
            password_link::Column::StaffId
                .eq(staff_by_email(&db, "admin@n-somerset.example").await.id),
        )
        .exec(&db)
        .await
        .expect("expire the link");
    assert_eq!(
        post_form(&server, &late, PASSWORD).await,
        "/set-password?error=link"
    );
    let refused = sign_in(&server, "admin@n-somerset.example", PASSWORD).await;
    assert_eq!(error_code(&refused), "UNAUTHENTICATED", "{refused}");

    // The same name again (any letter case and spacing): one clear line, nothing made.
    let duplicate = myvoice(
        &url,
        &[
            "authority",
            "create",
            "--name",
            "  somerset   COUNCIL ",
            "--admin-email",
            "someone@else.example",
        ],
    );
    assert!(!duplicate.status.success());
    let stderr = String::from_utf8_lossy(&duplicate.stderr);
    let lines: Vec<&str> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 1, "{stderr}");
    assert!(
        lines[0].starts_with("myvoice: ") && lines[0].contains("already exists"),
        "{stderr}"
    );
    assert!(!stdout(&duplicate).contains("set-password"));

    let listed = myvoice(&url, &["authority", "list"]);
    assert!(listed.status.success());
    let listed = stdout(&listed);
    let rows: Vec<&str> = listed.lines().collect();
    assert_eq!(
        rows,
        [
            "North Somerset Council\tnorth-somerset-council\t1 active admin(s)",
            "Somerset Council\tsomerset-council\t1 active admin(s)",
        ],
        "{listed}"
    );
    drop(db);
}
