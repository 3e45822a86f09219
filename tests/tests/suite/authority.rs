//! An authority from nothing (issue 19, item 1): `myvoice authority create` on an empty database
//! prints a one-time link; the first admin sets a password through it with a plain form and signs
//! in; the link then never works again, nor does one past its expiry; a second authority of the
//! same name is refused; `authority list` counts each authority's active admins. Then the page
//! itself without JavaScript, and an admin's new link ending the person's earlier sessions.
use std::process::{Command, Output};

use chrono::{Duration, Utc};
use entity::password_link;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};
use tests::app::{TestApp, error_code, myvoice_binary, spawn_app, staff_by_email};
use tests::db::TestDb;
use tests::process::{Server, serve_command};

use crate::plain_browser::{PlainBrowser, form_encode};

const PASSWORD: &str = "correct horse battery staple";

/// `myvoice <args>` on this database, with no MYVOICE_* settings leaking in.
fn myvoice(database_url: &str, args: &[&str]) -> Output {
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

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// `authority create`: succeeds and prints exactly one link; its token.
fn create(database_url: &str, name: &str, email: &str) -> String {
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
async fn post_form(server: &Server, token: &str, password: &str) -> String {
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

async fn sign_in(server: &Server, email: &str, password: &str) -> Value {
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

/// A fresh app with one authority made the way the command line makes it; the link's token.
async fn authority(app: &TestApp, name: &str, email: &str) -> String {
    let created = api::authorities::create(
        &app.db,
        api::authorities::AuthorityName::parse(name).expect("name"),
        "Sam Admin".into(),
        api::admin::staff::Email::parse(email).expect("e-mail"),
    )
    .await
    .unwrap_or_else(|e| panic!("create: {}", e.message()));
    created.link.token
}

#[tokio::test]
async fn the_set_password_page_works_without_javascript_and_keeps_the_token_out_of_addresses() {
    let app = spawn_app().await;
    let token = authority(&app, "Somerset Council", "admin@somerset.example").await;
    let mut browser = PlainBrowser::new(&app);
    let first = format!("/set-password?token={token}");
    let page = browser.open(&first).await;
    assert_eq!(page.status, 200);
    for must in [
        r#"action="/api/staff/set-password" method="post""#,
        r#"name="password" type="password" autocomplete="new-password""#,
        r#"name="password_again" type="password" autocomplete="new-password""#,
        &format!(r#"type="hidden" name="token" value="{token}""#),
    ] {
        assert!(page.body.contains(must), "{must} missing: {}", page.body);
    }

    // Too short: back to the form, the token kept out of the address and in the form again.
    let short = browser
        .post(
            &first,
            "/api/staff/set-password",
            &[
                ("token", &token),
                ("password", "short"),
                ("password_again", "short"),
            ],
        )
        .await;
    assert_eq!(short.location.as_deref(), Some("/set-password?error=short"));
    let again = browser.open("/set-password?error=short").await;
    assert!(
        again.body.contains("Use at least 12 characters"),
        "{}",
        again.body
    );
    assert!(
        again
            .body
            .contains(&format!(r#"name="token" value="{token}""#))
    );

    // Two different passwords.
    let differ = browser
        .post(
            "/set-password?error=short",
            "/api/staff/set-password",
            &[
                ("token", &token),
                ("password", PASSWORD),
                ("password_again", "correct horse battery stable"),
            ],
        )
        .await;
    assert_eq!(
        differ.location.as_deref(),
        Some("/set-password?error=differ")
    );
    let again = browser.open("/set-password?error=differ").await;
    assert!(
        again.body.contains("The two passwords are not the same"),
        "{}",
        again.body
    );

    let done = browser
        .post(
            "/set-password?error=differ",
            "/api/staff/set-password",
            &[
                ("token", &token),
                ("password", PASSWORD),
                ("password_again", PASSWORD),
            ],
        )
        .await;
    assert_eq!(
        done.location.as_deref(),
        Some("/staff/sign-in?why=password-set")
    );
    assert!(
        !browser.has_cookie("myvoice_password_link"),
        "the kept token is dropped"
    );
    let sign_in = browser.open("/staff/sign-in?why=password-set").await;
    assert!(
        sign_in.body.contains("Your password is set"),
        "{}",
        sign_in.body
    );

    // No address after the first carries the token or a password.
    for address in browser.addresses.iter().skip(1) {
        assert!(!address.contains(&token), "token in {address}");
        assert!(
            !address.contains("horse") && !address.contains("short&"),
            "password in {address}"
        );
    }

    // Used, wrong and missing tokens: one message, and no form.
    let refusal = "This link does not work: it may have been used already or be too old.";
    for path in [
        first.as_str(),
        "/set-password?token=not-a-token",
        "/set-password",
    ] {
        let used = browser
            .post(
                path,
                "/api/staff/set-password",
                &[
                    ("token", path.rsplit('=').next().unwrap_or_default()),
                    ("password", PASSWORD),
                    ("password_again", PASSWORD),
                ],
            )
            .await;
        assert_eq!(used.location.as_deref(), Some("/set-password?error=link"));
    }
    let refused = browser.open("/set-password?error=link").await;
    assert!(refused.body.contains(refusal), "{}", refused.body);
    assert!(!refused.body.contains("name=\"password\""));
    let bare = browser.open("/set-password").await;
    assert!(bare.body.contains(refusal), "{}", bare.body);
}

#[tokio::test]
async fn an_admin_issues_a_new_link_and_using_it_ends_the_earlier_sessions() {
    let app = spawn_app().await;
    let token = authority(&app, "Somerset Council", "admin@somerset.example").await;
    let set = "mutation($t: String!, $p: String!) { setPasswordWithLink(token: $t, password: $p) }";
    let answer = app.graphql(set, json!({ "t": token, "p": PASSWORD })).await;
    assert_eq!(answer["data"]["setPasswordWithLink"], true, "{answer}");
    let signed = app
        .graphql(
            "mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { accessToken } }",
            json!({ "e": "admin@somerset.example", "p": PASSWORD }),
        )
        .await;
    let access = signed["data"]["signIn"]["accessToken"]
        .as_str()
        .expect("token")
        .to_owned();
    let admin = staff_by_email(&app.db, "admin@somerset.example").await;
    let id = api::graphql::ids::NodeKind::StaffUser.id(admin.id);

    let issued = app
        .graphql_as(
            Some(&access),
            "mutation($id: ID!) { issuePasswordLink(staffId: $id) { path expiresAt staff { email } } }",
            json!({ "id": id }),
        )
        .await;
    let link = &issued["data"]["issuePasswordLink"];
    assert_eq!(link["staff"]["email"], "admin@somerset.example", "{issued}");
    let path = link["path"].as_str().expect("path");
    let new_token = path
        .strip_prefix("/set-password?token=")
        .expect("link path");

    // A password too short is refused and spends nothing.
    let short = app
        .graphql(set, json!({ "t": new_token, "p": "short" }))
        .await;
    assert_eq!(error_code(&short), "BAD_USER_INPUT", "{short}");
    let answer = app
        .graphql(
            set,
            json!({ "t": new_token, "p": "a second long password" }),
        )
        .await;
    assert_eq!(answer["data"]["setPasswordWithLink"], true, "{answer}");

    // The session from before the new password has ended.
    let me = app
        .graphql_as(Some(&access), "{ me { kind } }", json!({}))
        .await;
    assert_eq!(error_code(&me), "UNAUTHENTICATED", "{me}");
    let wrong = app
        .graphql(set, json!({ "t": new_token, "p": "a third long password" }))
        .await;
    assert_eq!(error_code(&wrong), "BAD_USER_INPUT", "{wrong}");
    assert_eq!(
        wrong["errors"][0]["extensions"]["field"], "token",
        "{wrong}"
    );
    let audit: Vec<String> = entity::audit_event::Entity::find()
        .all(&app.db)
        .await
        .expect("audit")
        .into_iter()
        .map(|e| e.action)
        .collect();
    for action in [
        "local_authority.created",
        "staff.password_link_issued",
        "staff.password_set",
    ] {
        assert!(
            audit.iter().any(|a| a == action),
            "{action} not audited: {audit:?}"
        );
    }
}

#[tokio::test]
async fn an_invited_member_of_staff_can_choose_their_own_password_with_the_link() {
    let app = tests::app::spawn_demo_app().await;
    let admin = tests::app::staff_token(&app.db, "admin@demo.myvoice").await;
    let invited = app
        .graphql_as(
            Some(&admin),
            "mutation($i: InviteStaffInput!) { inviteStaff(input: $i) {
               passwordLinkPath passwordLinkExpiresAt staff { email } } }",
            json!({ "i": { "name": "Sam Jones", "email": "sam.jones@demo.myvoice", "role": "ADVOCATE" } }),
        )
        .await;
    let path = invited["data"]["inviteStaff"]["passwordLinkPath"]
        .as_str()
        .unwrap_or_else(|| panic!("{invited}"));
    let token = path
        .strip_prefix("/set-password?token=")
        .expect("a set-password path");
    let set = app
        .graphql(
            "mutation($t: String!, $p: String!) { setPasswordWithLink(token: $t, password: $p) }",
            json!({ "t": token, "p": PASSWORD }),
        )
        .await;
    assert_eq!(set["data"]["setPasswordWithLink"], true, "{set}");
    let signed = app
        .graphql(
            "mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { role } }",
            json!({ "e": "sam.jones@demo.myvoice", "p": PASSWORD }),
        )
        .await;
    assert_eq!(signed["data"]["signIn"]["role"], "advocate", "{signed}");
}
