//! The admin's work through the API: staff accounts (invite with a link to choose a password shown
//! once, never a password; deactivate), and the audit log with filters, newest first, paged. Nothing crosses authorities.
use chrono::{Duration, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde_json::{Value, json};
use tests::app::{TestApp, add_local_authority, error_code, spawn_demo_app, staff_token};

pub(crate) const ADMIN: &str = "admin@demo.myvoice";

const INVITE: &str = "mutation($i: InviteStaffInput!) { inviteStaff(input: $i) {
    passwordLinkUrl passwordLinkPath staff { id name email role active } } }";
const DEACTIVATE: &str = "mutation($id: ID!) { deactivateStaff(id: $id) { id active } }";
const SIGN_IN: &str = "mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) {
    accessToken refreshToken role } }";
const REFRESH: &str =
    "mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }";
const STAFF: &str = "query($r: StaffRole, $a: Boolean, $after: String) {
    staffUsers(first: 50, role: $r, active: $a, after: $after) {
    totalCount edges { node { id name email role active } } } }";
const AUDIT: &str = "query($f: AuditLogFilter, $first: Int, $after: String) {
    auditLog(first: $first, after: $after, filter: $f) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { occurredAt actorKind actorId actorName action subjectType subjectId } } } }";

async fn ok(app: &TestApp, token: &str, query: &str, variables: Value) -> Value {
    let response = app.graphql_as(Some(token), query, variables).await;
    assert!(response.get("errors").is_none(), "{query}: {response}");
    response["data"].clone()
}

async fn invite(app: &TestApp, admin: &str, name: &str, email: &str, role: &str) -> Value {
    app.graphql_as(
        Some(admin),
        INVITE,
        json!({ "i": { "name": name, "email": email, "role": role } }),
    )
    .await
}

/// A second local authority with its own admin; returns that admin's token.
async fn other_authority_admin(app: &TestApp) -> String {
    let la = add_local_authority(&app.db, "Dorset Council", "dorset").await;
    entity::staff_user::ActiveModel {
        local_authority_id: Set(la),
        name: Set("Dana Admin".into()),
        email: Set("admin@dorset.example".into()),
        role: Set(entity::enums::StaffRole::Admin),
        password_hash: Set("not-a-hash".into()),
        active: Set(true),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .expect("other admin");
    staff_token(&app.db, "admin@dorset.example").await
}

fn actions(log: &Value) -> Vec<String> {
    log["auditLog"]["edges"]
        .as_array()
        .expect("edges")
        .iter()
        .map(|e| e["node"]["action"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[tokio::test]
async fn an_invited_member_of_staff_chooses_a_password_through_the_link_shown_once() {
    let app = spawn_demo_app().await;
    let admin = staff_token(&app.db, ADMIN).await;
    let invited = invite(
        &app,
        &admin,
        "Sam Jones",
        " Sam.Jones@Demo.Myvoice ",
        "SOCIAL_WORKER",
    )
    .await;
    let invited = &invited["data"]["inviteStaff"];
    assert_eq!(
        invited["staff"]["email"], "sam.jones@demo.myvoice",
        "{invited}"
    );
    assert_eq!(invited["staff"]["role"], "SOCIAL_WORKER");
    assert_eq!(invited["staff"]["active"], true);
    let url = invited["passwordLinkUrl"].as_str().expect("link");
    let path = invited["passwordLinkPath"].as_str().expect("path");
    assert_eq!(url, app.url(path), "the whole link, to send as it is");
    let token = path.rsplit_once("token=").expect("a token").1;

    // No password exists until they choose one.
    for guess in ["password", "demo-password", "correct horse battery staple"] {
        let refused = app
            .graphql(
                SIGN_IN,
                json!({ "e": "sam.jones@demo.myvoice", "p": guess }),
            )
            .await;
        assert_eq!(error_code(&refused), "UNAUTHENTICATED", "{refused}");
    }
    let password = "a long one of my own choosing";
    let set = app
        .graphql(
            "mutation($t: String!, $p: String!) { setPasswordWithLink(token: $t, password: $p) }",
            json!({ "t": token, "p": password }),
        )
        .await;
    assert_eq!(set["data"]["setPasswordWithLink"], true, "{set}");
    let session = app
        .graphql(
            SIGN_IN,
            json!({ "e": "sam.jones@demo.myvoice", "p": password }),
        )
        .await;
    assert_eq!(
        session["data"]["signIn"]["role"], "social_worker",
        "{session}"
    );

    // Only a digest is kept, and the listing never carries a password.
    let row = entity::staff_user::Entity::find()
        .filter(entity::staff_user::Column::Email.eq("sam.jones@demo.myvoice"))
        .one(&app.db)
        .await
        .unwrap()
        .expect("row");
    assert!(row.password_hash.starts_with("$argon2id$"));
    assert!(!row.password_hash.contains(password));

    let social_workers = ok(&app, &admin, STAFF, json!({ "r": "SOCIAL_WORKER" })).await;
    let names: Vec<&str> = social_workers["staffUsers"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"]["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"Sam Jones"), "{names:?}");
    assert!(
        social_workers["staffUsers"]["edges"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["node"]["role"] == "SOCIAL_WORKER")
    );

    // The invitation is in the audit log, by the admin, about the new account.
    let log = ok(
        &app,
        &admin,
        AUDIT,
        json!({ "f": { "action": "staff.invited" } }),
    )
    .await;
    let event = &log["auditLog"]["edges"][0]["node"];
    assert_eq!(event["actorName"], "Chris Admin");
    assert_eq!(event["actorKind"], "STAFF");
    assert_eq!(event["subjectType"], "staff_user");
    assert_eq!(event["subjectId"], invited["staff"]["id"]);
}

#[tokio::test]
async fn invitations_are_checked_and_only_admins_may_make_them() {
    let app = spawn_demo_app().await;
    let admin = staff_token(&app.db, ADMIN).await;
    let duplicate = invite(
        &app,
        &admin,
        "Another Priya",
        "ADVOCATE@demo.myvoice",
        "ADVOCATE",
    )
    .await;
    assert_eq!(error_code(&duplicate), "CONFLICT", "{duplicate}");
    let bad_email = invite(&app, &admin, "Sam", "sam-at-demo", "ADVOCATE").await;
    assert_eq!(error_code(&bad_email), "BAD_USER_INPUT");
    assert_eq!(bad_email["errors"][0]["extensions"]["field"], "email");
    let no_name = invite(&app, &admin, "  ", "sam@demo.myvoice", "ADVOCATE").await;
    assert_eq!(error_code(&no_name), "BAD_USER_INPUT");
    // Agency staff of no agency would never see an outcome: refused.
    let no_agency = invite(&app, &admin, "PC Lewis", "pc@demo.myvoice", "AGENCY").await;
    assert_eq!(error_code(&no_agency), "BAD_USER_INPUT", "{no_agency}");
    assert_eq!(no_agency["errors"][0]["extensions"]["field"], "agencyId");

    let coordinator = staff_token(&app.db, "coordinator@demo.myvoice").await;
    let refused = invite(&app, &coordinator, "Sam", "sam@demo.myvoice", "ADMIN").await;
    assert_eq!(error_code(&refused), "FORBIDDEN");
    for query in [STAFF, AUDIT] {
        let read = app.graphql_as(Some(&coordinator), query, json!({})).await;
        assert_eq!(error_code(&read), "FORBIDDEN", "{query}");
        let anonymous = app.graphql(query, json!({})).await;
        assert_eq!(error_code(&anonymous), "UNAUTHENTICATED", "{query}");
    }
    // Nothing was added by the refused or bad attempts.
    let all = ok(&app, &admin, STAFF, json!({})).await;
    assert_eq!(all["staffUsers"]["totalCount"], 6, "{all}");
}

#[tokio::test]
async fn a_deactivated_member_of_staff_cannot_sign_in_or_refresh() {
    let app = spawn_demo_app().await;
    let admin = staff_token(&app.db, ADMIN).await;
    let session = app
        .graphql(
            SIGN_IN,
            json!({ "e": "agency@demo.myvoice", "p": "demo-password" }),
        )
        .await;
    let refresh = session["data"]["signIn"]["refreshToken"]
        .as_str()
        .expect("signed in")
        .to_owned();
    let agency = ok(&app, &admin, STAFF, json!({ "r": "AGENCY" })).await;
    let id = agency["staffUsers"]["edges"][0]["node"]["id"].clone();

    let done = ok(&app, &admin, DEACTIVATE, json!({ "id": id })).await;
    assert_eq!(done["deactivateStaff"]["active"], false);
    // Twice is harmless, and recorded once.
    let again = ok(&app, &admin, DEACTIVATE, json!({ "id": id })).await;
    assert_eq!(again["deactivateStaff"]["active"], false);

    let refreshed = app.graphql(REFRESH, json!({ "t": refresh })).await;
    assert_eq!(error_code(&refreshed), "UNAUTHENTICATED", "{refreshed}");
    let signed = app
        .graphql(
            SIGN_IN,
            json!({ "e": "agency@demo.myvoice", "p": "demo-password" }),
        )
        .await;
    assert_eq!(error_code(&signed), "UNAUTHENTICATED");

    let inactive = ok(&app, &admin, STAFF, json!({ "a": false })).await;
    assert_eq!(inactive["staffUsers"]["totalCount"], 1);
    assert_eq!(inactive["staffUsers"]["edges"][0]["node"]["id"], id);
    let active = ok(&app, &admin, STAFF, json!({ "a": true })).await;
    assert_eq!(active["staffUsers"]["totalCount"], 5);

    let log = ok(
        &app,
        &admin,
        AUDIT,
        json!({ "f": { "action": "staff.deactivated" } }),
    )
    .await;
    assert_eq!(log["auditLog"]["totalCount"], 1);
    assert_eq!(log["auditLog"]["edges"][0]["node"]["subjectId"], id);
}

#[tokio::test]
async fn an_admin_cannot_deactivate_themselves_or_another_authoritys_staff() {
    let app = spawn_demo_app().await;
    let admin = staff_token(&app.db, ADMIN).await;
    let admins = ok(&app, &admin, STAFF, json!({ "r": "ADMIN" })).await;
    let me = admins["staffUsers"]["edges"][0]["node"]["id"].clone();
    let own = app
        .graphql_as(Some(&admin), DEACTIVATE, json!({ "id": me }))
        .await;
    assert_eq!(error_code(&own), "BAD_USER_INPUT", "{own}");

    let other = other_authority_admin(&app).await;
    // The other admin sees only their own authority's one account, and none of its audit.
    let theirs = ok(&app, &other, STAFF, json!({})).await;
    assert_eq!(theirs["staffUsers"]["totalCount"], 1, "{theirs}");
    assert_eq!(
        theirs["staffUsers"]["edges"][0]["node"]["email"],
        "admin@dorset.example"
    );
    let their_log = ok(&app, &other, AUDIT, json!({})).await;
    assert_eq!(their_log["auditLog"]["totalCount"], 0, "{their_log}");
    // Our admin's ID means nothing there: not found, and our admin stays active.
    let across = app
        .graphql_as(Some(&other), DEACTIVATE, json!({ "id": me }))
        .await;
    assert_eq!(error_code(&across), "NOT_FOUND");
    let still = ok(&app, &admin, STAFF, json!({ "r": "ADMIN" })).await;
    assert_eq!(still["staffUsers"]["edges"][0]["node"]["active"], true);
    // And what they do stays out of our log.
    let dorset = invite(&app, &other, "Dee", "dee@dorset.example", "ADVOCATE").await;
    assert!(dorset.get("errors").is_none(), "{dorset}");
    let ours = ok(
        &app,
        &admin,
        AUDIT,
        json!({ "f": { "action": "staff.invited" } }),
    )
    .await;
    assert_eq!(ours["auditLog"]["totalCount"], 0);
}

#[tokio::test]
async fn the_audit_log_is_newest_first_filtered_and_paged() {
    let app = spawn_demo_app().await;
    let admin = staff_token(&app.db, ADMIN).await;
    for (name, email) in [("Amy", "amy@demo.myvoice"), ("Ben", "ben@demo.myvoice")] {
        let invited = invite(&app, &admin, name, email, "ADVOCATE").await;
        assert!(invited.get("errors").is_none(), "{invited}");
    }
    let created = ok(
        &app,
        &admin,
        "mutation { createApiKey(name: \"Case system\", scopes: [READ_MEETINGS]) { key { id } } }",
        json!({}),
    )
    .await;
    let key_id = created["createApiKey"]["key"]["id"].clone();
    // A failed sign-in, by nobody, about an account.
    let _ = app
        .graphql(
            SIGN_IN,
            json!({ "e": "isro@demo.myvoice", "p": "wrong-password" }),
        )
        .await;

    let everything = ok(&app, &admin, AUDIT, json!({ "first": 100 })).await;
    let times: Vec<&str> = everything["auditLog"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"]["occurredAt"].as_str().unwrap())
        .collect();
    let mut sorted = times.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(times, sorted, "newest first");
    assert_eq!(
        actions(&everything)[..4],
        [
            "staff.sign_in_failed",
            "api_key.created",
            "staff.invited",
            "staff.invited"
        ]
    );

    let staff_acts = ok(
        &app,
        &admin,
        AUDIT,
        json!({ "f": { "actorKind": "STAFF", "subjectType": "staff_user" } }),
    )
    .await;
    assert_eq!(actions(&staff_acts), ["staff.invited", "staff.invited"]);
    let anonymous = ok(
        &app,
        &admin,
        AUDIT,
        json!({ "f": { "actorKind": "ANONYMOUS", "action": "staff.sign_in_failed" } }),
    )
    .await;
    assert_eq!(anonymous["auditLog"]["totalCount"], 1);
    assert_eq!(
        anonymous["auditLog"]["edges"][0]["node"]["actorName"],
        Value::Null
    );
    let keys = ok(
        &app,
        &admin,
        AUDIT,
        json!({ "f": { "subjectType": "api_key" } }),
    )
    .await;
    assert_eq!(keys["auditLog"]["edges"][0]["node"]["subjectId"], key_id);

    // A period: everything since a minute ago, and nothing before the demo was made.
    let now = Utc::now();
    let recent = ok(
        &app,
        &admin,
        AUDIT,
        json!({ "f": { "from": (now - Duration::minutes(1)).to_rfc3339(), "action": "staff.invited" } }),
    )
    .await;
    assert_eq!(recent["auditLog"]["totalCount"], 2);
    let long_ago = ok(
        &app,
        &admin,
        AUDIT,
        json!({ "f": { "to": (now - Duration::days(400)).to_rfc3339() } }),
    )
    .await;
    assert_eq!(long_ago["auditLog"]["totalCount"], 0);
    let backwards = app
        .graphql_as(
            Some(&admin),
            AUDIT,
            json!({ "f": { "from": now.to_rfc3339(), "to": (now - Duration::hours(1)).to_rfc3339() } }),
        )
        .await;
    assert_eq!(error_code(&backwards), "BAD_USER_INPUT");

    // Pages of two follow their cursors without gaps or repeats.
    let total = everything["auditLog"]["totalCount"].as_u64().unwrap();
    let mut seen = Vec::new();
    let mut after = Value::Null;
    loop {
        let page = ok(&app, &admin, AUDIT, json!({ "first": 2, "after": after })).await;
        seen.extend(actions(&page));
        if page["auditLog"]["pageInfo"]["hasNextPage"] != true {
            break;
        }
        after = page["auditLog"]["pageInfo"]["endCursor"].clone();
    }
    assert_eq!(seen.len() as u64, total);
    assert_eq!(seen, actions(&everything));
}

// ---------------------------------------------------------------------------------------------
// The admin's pages in Chromium (tests/browser/staff-admin.mjs), JavaScript on and off.

fn screenshots() -> String {
    let dir = tests::app::repo_root().join("target/screenshots/staff");
    std::fs::create_dir_all(&dir).expect("screenshot folder");
    dir.display().to_string()
}

fn cells(rows: &Value) -> Vec<Vec<String>> {
    rows.as_array()
        .unwrap_or_else(|| panic!("rows: {rows}"))
        .iter()
        .map(|row| {
            row.as_array()
                .expect("cells")
                .iter()
                .map(|c| c.as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .collect()
}

fn row_of<'r>(rows: &'r [Vec<String>], first: &str) -> &'r [String] {
    rows.iter()
        .find(|r| r.first().is_some_and(|c| c == first))
        .unwrap_or_else(|| panic!("no row {first:?} in {rows:?}"))
}

#[tokio::test]
async fn the_admin_manages_staff_and_keys_and_reads_the_audit_with_javascript_on_and_off() {
    let (on, off) = (spawn_demo_app().await, spawn_demo_app().await);
    let args = vec![on.url(""), off.url(""), screenshots()];
    let results = tokio::task::spawn_blocking(move || {
        super::browser::run_browser_script("staff-admin.mjs", &args)
    })
    .await
    .expect("browser script ran");
    assert_eq!(results.len(), 2, "{results:?}");
    for (result, app) in results.iter().zip([&on, &off]) {
        let run = format!("admin with JavaScript {}", result["javaScript"]);
        assert!(result.get("error").is_none(), "{run} failed: {result}");
        assert_eq!(
            result["problems"],
            json!([]),
            "{run}: console errors, failed or outside requests"
        );
        for check in result["checks"].as_array().expect("checks") {
            assert_eq!(
                check["violations"],
                json!([]),
                "{run}: axe on {}",
                check["page"]
            );
            assert_eq!(
                check["overflow"], false,
                "{run}: {} scrolls sideways",
                check["page"]
            );
            assert_eq!(
                check["smallTargets"],
                json!([]),
                "{run}: small targets on {}",
                check["page"]
            );
        }
        let name = result["person"]["name"].as_str().unwrap();
        let email = result["person"]["email"].as_str().unwrap();

        // Staff users: the demo's six, with role and status.
        let before = cells(&result["staffBefore"]);
        assert_eq!(before.len(), 6, "{run}: {before:?}");
        assert_eq!(row_of(&before, "Chris Admin")[2], "Administrator");
        assert_eq!(row_of(&before, "Chris Admin")[3], "Active");

        // The duplicate address was refused, saying why, keeping what was typed.
        assert!(
            result["inviteError"]
                .as_str()
                .unwrap()
                .contains("already has that e-mail address"),
            "{run}: {}",
            result["inviteError"]
        );
        assert_eq!(result["keptName"], name, "{run}");
        assert_eq!(result["keptRole"], "SOCIAL_WORKER", "{run}");

        // Invited: the password was shown once, never in an address, and it signs in.
        assert_eq!(
            result["linkShown"], true,
            "{run}: {}",
            result["invitedCard"]
        );
        assert_eq!(result["linkInUrl"], false, "{run}: never in an address");
        assert_eq!(
            result["passwordSet"]["data"]["setPasswordWithLink"], true,
            "{run}: {}",
            result["passwordSet"]
        );
        assert_eq!(result["shownAgain"], false, "{run}: shown only once");
        assert_eq!(
            result["newSignIn"]["data"]["signIn"]["role"], "social_worker",
            "{run}: {}",
            result["newSignIn"]
        );
        let invited = cells(&result["staffAfterInvite"]);
        assert_eq!(row_of(&invited, name)[1], email);
        assert_eq!(row_of(&invited, name)[2], "Social worker");

        // Deactivated: shown so, and the password no longer signs in.
        assert!(
            result["deactivatedNotice"]
                .as_str()
                .unwrap()
                .contains("can no longer sign in"),
            "{run}"
        );
        assert_eq!(
            row_of(&cells(&result["staffAfterDeactivate"]), name)[3],
            "Deactivated"
        );
        assert_eq!(
            result["confirmGone"], true,
            "{run}: the confirmation is put away"
        );
        assert_eq!(result["signInAfterDeactivate"], "UNAUTHENTICATED", "{run}");
        let row = entity::staff_user::Entity::find()
            .filter(entity::staff_user::Column::Email.eq(email))
            .one(&app.db)
            .await
            .unwrap()
            .expect("invited row");
        assert!(!row.active, "{run}");

        // The key: refused without a scope; then it reads meetings and nothing else; then revoked.
        assert!(
            result["keyError"]
                .as_str()
                .unwrap()
                .contains("Choose at least one"),
            "{run}: {}",
            result["keyError"]
        );
        assert_eq!(result["keptKeyName"], result["keyName"], "{run}");
        assert_eq!(result["secretShown"], true, "{run}");
        assert_eq!(result["secretInUrl"], false, "{run}");
        assert_eq!(
            result["keyMe"],
            json!({ "kind": "INTEGRATOR", "name": result["keyName"], "scopes": ["READ_MEETINGS"] }),
            "{run}"
        );
        assert!(
            result["keyMeetings"]["data"]["meetings"]["totalCount"]
                .as_u64()
                .is_some_and(|n| n > 0),
            "{run}: {}",
            result["keyMeetings"]
        );
        assert_eq!(result["keyOutOfScope"], "FORBIDDEN", "{run}");
        assert_eq!(result["keyAfterRevoke"], "UNAUTHENTICATED", "{run}");
        let key_name = result["keyName"].as_str().unwrap();
        assert!(row_of(&cells(&result["keysListed"]), key_name)[4].contains("Working"));
        assert!(row_of(&cells(&result["keysAfterRevoke"]), key_name)[4].starts_with("Revoked"));

        // The audit log: the invitation, the deactivation and both key events, by the admin.
        let all = cells(&result["auditAll"]);
        let newest: Vec<&str> = all.iter().take(6).map(|r| r[2].as_str()).collect();
        assert_eq!(
            newest,
            [
                "API key revoked",
                "API key made",
                "Staff deactivated",
                // The new member of staff, choosing a password with the link and signing in.
                "Staff signed in",
                "Password set with a link",
                "Staff invited"
            ],
            "{run}: {all:?}"
        );
        // Agency staff: refused without an agency (what was typed kept), then the police's.
        assert!(
            result["agencyError"]
                .as_str()
                .unwrap_or_default()
                .contains("Choose the agency this person works for"),
            "{run}: {}",
            result["agencyError"]
        );
        assert!(
            result["agencyKept"]
                .as_str()
                .unwrap_or_default()
                .starts_with("pc."),
            "{run}"
        );
        assert!(
            result["officerOutcomes"]["data"]["outcomesForMe"]["totalCount"].is_number(),
            "{run}: the officer reads their agency's outcomes: {}",
            result["officerOutcomes"]
        );
        let invitations = cells(&result["auditInvited"]);
        assert_eq!(invitations.len(), 1, "{run}: {invitations:?}");
        assert_eq!(invitations[0][1], "Chris Admin (staff)");
        assert_eq!(invitations[0][3], "Staff account");
        let keys: Vec<String> = cells(&result["auditKeys"])
            .into_iter()
            .map(|r| r[2].clone())
            .collect();
        assert_eq!(keys, ["API key revoked", "API key made"], "{run}");
        assert!(
            result["auditKeysUrl"]
                .as_str()
                .unwrap()
                .contains("actor=STAFF"),
            "{run}: the filters are in the address"
        );
    }
}
