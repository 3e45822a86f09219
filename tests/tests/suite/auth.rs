//! Signing in: staff sessions, children's codes and PINs, integrators' keys, and token attacks.
use jsonwebtoken::{Algorithm, EncodingKey, Header, encode};
use serde_json::{Value, json};
use tests::app::{TestApp, child_token, error_code, spawn_demo_app, staff_token};

const SIGN_IN: &str = "mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { accessToken refreshToken role name } }";
const REFRESH: &str =
    "mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }";
const CHILD_SIGN_IN: &str =
    "mutation($c: String!, $p: String!) { childSignIn(accessCode: $c, pin: $p) { accessToken } }";
const ME: &str = "{ me { kind name role scopes } }";

async fn sign_in(app: &TestApp, email: &str, password: &str) -> Value {
    app.graphql(SIGN_IN, json!({ "e": email, "p": password }))
        .await
}

async fn child_sign_in(app: &TestApp, code: &str, pin: &str) -> Value {
    app.graphql(CHILD_SIGN_IN, json!({ "c": code, "p": pin }))
        .await
}

#[tokio::test]
async fn staff_sign_in_gives_tokens_that_name_the_member_of_staff() {
    let app = spawn_demo_app().await;
    let session = sign_in(&app, " Advocate@Demo.myvoice ", "demo-password").await;
    assert_eq!(session["data"]["signIn"]["role"], "advocate", "{session}");
    let token = session["data"]["signIn"]["accessToken"].as_str().unwrap();
    let me = app.graphql_as(Some(token), ME, json!({})).await;
    assert_eq!(
        me["data"]["me"],
        json!({ "kind": "STAFF", "name": "Priya Shah", "role": "advocate", "scopes": [] })
    );
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_address_get_the_same_answer() {
    let app = spawn_demo_app().await;
    let wrong = sign_in(&app, "advocate@demo.myvoice", "not-the-password").await;
    let unknown = sign_in(&app, "nobody@demo.myvoice", "demo-password").await;
    assert_eq!(error_code(&wrong), "UNAUTHENTICATED");
    assert_eq!(
        wrong["errors"][0]["message"],
        unknown["errors"][0]["message"]
    );
    assert_eq!(error_code(&unknown), "UNAUTHENTICATED");
}

#[tokio::test]
async fn refresh_rotates_and_reusing_a_spent_token_ends_the_session() {
    let app = spawn_demo_app().await;
    let session = sign_in(&app, "isro@demo.myvoice", "demo-password").await;
    let first = session["data"]["signIn"]["refreshToken"]
        .as_str()
        .unwrap()
        .to_owned();
    let rotated = app.graphql(REFRESH, json!({ "t": first })).await;
    let second = rotated["data"]["refreshSession"]["refreshToken"]
        .as_str()
        .expect("rotated")
        .to_owned();
    assert_ne!(first, second);
    // Someone replays the first token: refused, and the family (including `second`) is revoked.
    assert_eq!(
        error_code(&app.graphql(REFRESH, json!({ "t": first })).await),
        "UNAUTHENTICATED"
    );
    assert_eq!(
        error_code(&app.graphql(REFRESH, json!({ "t": second })).await),
        "UNAUTHENTICATED"
    );
}

#[tokio::test]
async fn sign_out_stops_the_refresh_token() {
    let app = spawn_demo_app().await;
    let session = sign_in(&app, "coordinator@demo.myvoice", "demo-password").await;
    let refresh = session["data"]["signIn"]["refreshToken"]
        .as_str()
        .unwrap()
        .to_owned();
    let out = app
        .graphql(
            "mutation($t: String!) { signOut(refreshToken: $t) }",
            json!({ "t": refresh }),
        )
        .await;
    assert_eq!(out["data"]["signOut"], true);
    assert_eq!(
        error_code(&app.graphql(REFRESH, json!({ "t": refresh })).await),
        "UNAUTHENTICATED"
    );
}

#[tokio::test]
async fn a_child_signs_in_with_the_demo_code_and_pin() {
    let app = spawn_demo_app().await;
    let session = child_sign_in(&app, "demo-0001", "2468").await;
    let token = session["data"]["childSignIn"]["accessToken"]
        .as_str()
        .expect("child token");
    let me = app.graphql_as(Some(token), ME, json!({})).await;
    assert_eq!(me["data"]["me"]["kind"], "CHILD");
    assert_eq!(me["data"]["me"]["name"], "Mia");
    // The sign-in is in the audit trail, about the access code used, never the code itself.
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let events = entity::audit_event::Entity::find()
        .filter(entity::audit_event::Column::Action.eq("child.signed_in"))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].subject_type, "child_access");
}

#[tokio::test]
async fn five_wrong_pins_lock_the_code_even_for_the_right_pin() {
    let app = spawn_demo_app().await;
    for _ in 0..5 {
        let wrong = child_sign_in(&app, "DEMO-0001", "1111").await;
        assert_eq!(error_code(&wrong), "UNAUTHENTICATED");
    }
    let locked = child_sign_in(&app, "DEMO-0001", "2468").await;
    assert_eq!(error_code(&locked), "RATE_LIMITED", "{locked}");
    let wait = locked["errors"][0]["extensions"]["retryAfter"]
        .as_u64()
        .unwrap();
    assert!(
        (14 * 60..=15 * 60).contains(&wait),
        "about 15 minutes: {wait}"
    );
}

#[tokio::test]
async fn unknown_codes_answer_exactly_like_known_ones() {
    let app = spawn_demo_app().await;
    let known = child_sign_in(&app, "DEMO-0001", "1111").await;
    let unknown = child_sign_in(&app, "ZZZZ-9999", "1111").await;
    assert_eq!(
        known["errors"][0]["message"],
        unknown["errors"][0]["message"]
    );
    assert_eq!(error_code(&unknown), "UNAUTHENTICATED");
    for _ in 0..4 {
        child_sign_in(&app, "ZZZZ-9999", "1111").await;
    }
    assert_eq!(
        error_code(&child_sign_in(&app, "ZZZZ-9999", "1111").await),
        "RATE_LIMITED"
    );
}

#[tokio::test]
async fn malformed_codes_and_pins_are_explained() {
    let app = spawn_demo_app().await;
    let bad_code = child_sign_in(&app, "DEMO", "2468").await;
    assert_eq!(error_code(&bad_code), "BAD_USER_INPUT");
    assert_eq!(bad_code["errors"][0]["extensions"]["field"], "accessCode");
    let bad_pin = child_sign_in(&app, "DEMO-0001", "24").await;
    assert_eq!(bad_pin["errors"][0]["extensions"]["field"], "pin");
}

#[tokio::test]
async fn sign_in_attempts_are_rate_limited_per_client_address() {
    let app = spawn_demo_app().await;
    let mut codes = Vec::new();
    // A different address each time: the per-account lock (sign_in_limits.rs) is not what stops them.
    for n in 0..25 {
        let email = format!("nobody{n}@demo.myvoice");
        codes.push(error_code(&sign_in(&app, &email, "x").await).to_owned());
    }
    // A budget of 20 a minute: the first 20 are answered, then the address must wait.
    assert!(
        codes[..20].iter().all(|c| c == "UNAUTHENTICATED"),
        "{codes:?}"
    );
    assert_eq!(codes.last().unwrap(), "RATE_LIMITED", "{codes:?}");
}

#[derive(serde::Serialize)]
struct Claims<'a> {
    iss: &'a str,
    aud: &'a str,
    sub: &'a str,
    iat: i64,
    nbf: i64,
    exp: i64,
    la: i32,
    role: &'a str,
    ep: i32,
}

const TEST_KEY: &[u8] = b"test-secret-that-is-at-least-32-bytes-long";

/// A token for the demo admin (`admin`: its id and authority), signed with `key`.
fn forge(
    admin: &entity::staff_user::Model,
    key: &[u8],
    aud: &str,
    exp_offset: i64,
    nbf_offset: i64,
) -> String {
    let now = chrono::Utc::now().timestamp();
    let sub = format!("staff:{}", admin.id);
    let claims = Claims {
        iss: "myvoice",
        aud,
        sub: &sub,
        iat: now,
        nbf: now + nbf_offset,
        exp: now + exp_offset,
        la: admin.local_authority_id,
        role: "admin",
        ep: admin.session_epoch,
    };
    encode(
        &Header::new(Algorithm::HS256),
        &claims,
        &EncodingKey::from_secret(key),
    )
    .unwrap()
}

#[tokio::test]
async fn forged_expired_and_misaddressed_tokens_are_refused() {
    let app = spawn_demo_app().await;
    let admin = tests::app::staff_by_email(&app.db, "admin@demo.myvoice").await;
    let mut earlier = admin.clone();
    earlier.session_epoch -= 1;
    let earlier_session = forge(&earlier, TEST_KEY, "myvoice:staff", 600, 0);
    let forge = |key: &[u8], aud: &str, exp: i64, nbf: i64| forge(&admin, key, aud, exp, nbf);
    let right_key = TEST_KEY;
    // Sanity: the forger makes valid tokens with the right key and claims.
    let valid = forge(right_key, "myvoice:staff", 600, 0);
    assert_eq!(
        app.graphql_as(Some(&valid), ME, json!({})).await["data"]["me"]["kind"],
        "STAFF"
    );

    let none_alg = format!(
        "{}.{}.",
        base64_url(r#"{"alg":"none","typ":"JWT"}"#),
        valid.split('.').nth(1).unwrap()
    );
    let attacks = [
        ("alg none", none_alg),
        (
            "wrong key",
            forge(
                b"another-secret-another-secret-another!!",
                "myvoice:staff",
                600,
                0,
            ),
        ),
        ("expired", forge(right_key, "myvoice:staff", -3600, -7200)),
        (
            "not yet valid",
            forge(right_key, "myvoice:staff", 7200, 3600),
        ),
        ("wrong audience", forge(right_key, "someone-else", 600, 0)),
        ("an earlier session", earlier_session),
        ("garbage", "not.a.token".to_owned()),
    ];
    for (name, token) in attacks {
        let answer = app.graphql_as(Some(&token), ME, json!({})).await;
        assert_eq!(error_code(&answer), "UNAUTHENTICATED", "{name}: {answer}");
        assert!(answer["data"].is_null(), "{name}: nothing executed");
    }
}

fn base64_url(text: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(text)
}

#[tokio::test]
async fn a_child_token_cannot_do_staff_work() {
    let app = spawn_demo_app().await;
    let child = child_token(&app.db, "Mia").await;
    let answer = app
        .graphql_as(Some(&child), "{ apiKeys { name } }", json!({}))
        .await;
    assert_eq!(error_code(&answer), "FORBIDDEN");
    let anonymous = app.graphql("{ apiKeys { name } }", json!({})).await;
    assert_eq!(error_code(&anonymous), "UNAUTHENTICATED");
}

const ISSUE: &str =
    "mutation($id: ID!) { issueChildAccess(caseId: $id) { accessCode pin childName expiresAt } }";

async fn mia_case_id(app: &TestApp) -> String {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let mia = entity::child::Entity::find()
        .filter(entity::child::Column::PreferredName.eq("Mia"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let case = entity::advocacy_case::Entity::find()
        .filter(entity::advocacy_case::Column::ChildId.eq(mia.id))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    api::graphql::ids::NodeKind::Case.id(case.id).0
}

#[tokio::test]
async fn the_advocate_issues_a_new_code_that_replaces_the_old_one() {
    let app = spawn_demo_app().await;
    let case = mia_case_id(&app).await;
    let advocate = staff_token(&app.db, "advocate@demo.myvoice").await;
    let slip = app
        .graphql_as(Some(&advocate), ISSUE, json!({ "id": case }))
        .await;
    let slip = &slip["data"]["issueChildAccess"];
    assert_eq!(slip["childName"], "Mia");
    let (code, pin) = (
        slip["accessCode"].as_str().unwrap(),
        slip["pin"].as_str().unwrap(),
    );
    assert_eq!(code.len(), 9, "XXXX-XXXX: {code}");
    assert!(child_sign_in(&app, code, pin).await["data"]["childSignIn"]["accessToken"].is_string());
    assert_eq!(
        error_code(&child_sign_in(&app, "DEMO-0001", "2468").await),
        "UNAUTHENTICATED",
        "old slip stops working"
    );
}

#[tokio::test]
async fn only_the_cases_advocate_may_issue_a_code() {
    let app = spawn_demo_app().await;
    let case = mia_case_id(&app).await;
    for email in [
        "social.worker@demo.myvoice",
        "coordinator@demo.myvoice",
        "admin@demo.myvoice",
    ] {
        let token = staff_token(&app.db, email).await;
        assert_eq!(
            error_code(
                &app.graphql_as(Some(&token), ISSUE, json!({ "id": case }))
                    .await
            ),
            "FORBIDDEN",
            "{email}"
        );
    }
    let child = child_token(&app.db, "Mia").await;
    assert_eq!(
        error_code(
            &app.graphql_as(Some(&child), ISSUE, json!({ "id": case }))
                .await
        ),
        "FORBIDDEN"
    );
    let bad = app
        .graphql_as(
            Some(&staff_token(&app.db, "advocate@demo.myvoice").await),
            ISSUE,
            json!({ "id": "nope" }),
        )
        .await;
    assert_eq!(error_code(&bad), "BAD_USER_INPUT");
}

const CREATE_KEY: &str = "mutation($n: String!, $s: [Scope!]!) { createApiKey(name: $n, scopes: $s) { secret key { id prefix scopes } } }";

#[tokio::test]
async fn an_admin_creates_a_scoped_key_that_works_until_revoked() {
    let app = spawn_demo_app().await;
    let admin = staff_token(&app.db, "admin@demo.myvoice").await;
    let created = app
        .graphql_as(
            Some(&admin),
            CREATE_KEY,
            json!({ "n": "Case system", "s": ["READ_MEETINGS", "WRITE_REFERRALS"] }),
        )
        .await;
    let secret = created["data"]["createApiKey"]["secret"]
        .as_str()
        .expect("secret shown once")
        .to_owned();
    let id = created["data"]["createApiKey"]["key"]["id"].clone();
    let me = app
        .client
        .post(app.url("/graphql"))
        .header("x-api-key", &secret)
        .json(&json!({ "query": ME }))
        .send()
        .await
        .unwrap();
    let me: Value = me.json().await.unwrap();
    assert_eq!(
        me["data"]["me"],
        json!({ "kind": "INTEGRATOR", "name": "Case system", "role": null, "scopes": ["READ_MEETINGS", "WRITE_REFERRALS"] })
    );

    let listed = app
        .graphql_as(Some(&admin), "{ apiKeys { prefix } }", json!({}))
        .await;
    assert!(
        !listed.to_string().contains(&secret),
        "the secret is never listed"
    );

    app.graphql_as(
        Some(&admin),
        "mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }",
        json!({ "id": id }),
    )
    .await;
    let after = app
        .client
        .post(app.url("/graphql"))
        .header("x-api-key", &secret)
        .json(&json!({ "query": ME }))
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_code(&after.json::<Value>().await.unwrap()),
        "UNAUTHENTICATED"
    );
}

#[tokio::test]
async fn only_admins_manage_keys_and_a_key_needs_a_scope() {
    let app = spawn_demo_app().await;
    let coordinator = staff_token(&app.db, "coordinator@demo.myvoice").await;
    let denied = app
        .graphql_as(
            Some(&coordinator),
            CREATE_KEY,
            json!({ "n": "x", "s": ["READ_MEETINGS"] }),
        )
        .await;
    assert_eq!(error_code(&denied), "FORBIDDEN");
    let admin = staff_token(&app.db, "admin@demo.myvoice").await;
    let empty = app
        .graphql_as(Some(&admin), CREATE_KEY, json!({ "n": "x", "s": [] }))
        .await;
    assert_eq!(error_code(&empty), "BAD_USER_INPUT");
}
