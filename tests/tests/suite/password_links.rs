//! One-time links to set a password, past the command line: the `/set-password` page without
//! JavaScript keeps the token out of every address after the first; an admin's new link ends the
//! person's earlier sessions; an invitation carries a link too.
use sea_orm::EntityTrait;
use serde_json::json;
use tests::app::{TestApp, error_code, spawn_app, spawn_demo_app, staff_by_email, staff_token};

use crate::authority::PASSWORD;
use crate::plain_browser::PlainBrowser;

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
    let app = spawn_demo_app().await;
    let admin = staff_token(&app.db, "admin@demo.myvoice").await;
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
