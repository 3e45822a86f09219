//! The admin adds and changes the authority's partner agencies; names are unique in the authority;
//! the agency's staff are then invited as before.
use entity::enums::StaffRole;
use serde_json::{Value, json};
use tests::app::{add_local_authority, error_code, spawn_demo_app, staff_token};

use super::{ADMIN, answer, bad_field};
use crate::meetings::fixtures::add_staff;
use crate::referrals::audit_count;

const CREATE: &str =
    "mutation($i: AgencyInput!) { createAgency(input: $i) { id name kind contactEmail } }";
const UPDATE: &str = "mutation($id: ID!, $i: AgencyInput!) { updateAgency(id: $id, input: $i) { id name kind contactEmail } }";
const LIST: &str = "{ agencies(first: 100) { nodes { id name kind contactEmail } } }";

fn agency(name: &str, kind: &str, email: Option<&str>) -> Value {
    json!({ "i": { "name": name, "kind": kind, "contactEmail": email } })
}

#[tokio::test]
async fn an_admin_adds_an_agency_changes_it_and_invites_its_staff() {
    let app = spawn_demo_app().await;
    let admin = staff_token(&app.db, ADMIN).await;
    let call = |query: &'static str, vars: Value| {
        let (app, admin) = (&app, &admin);
        async move { app.graphql_as(Some(admin), query, vars).await }
    };

    let school = agency(
        "Oak Hill Academy",
        "EDUCATION",
        Some(" Safeguarding@OakHill.sch.uk "),
    );
    let made = answer(&call(CREATE, school.clone()).await, "createAgency");
    assert_eq!(made["name"], "Oak Hill Academy");
    assert_eq!(made["kind"], "EDUCATION");
    assert_eq!(made["contactEmail"], "safeguarding@oakhill.sch.uk");
    let listed = answer(&call(LIST, json!({})).await, "agencies");
    assert!(
        listed["nodes"].as_array().unwrap().contains(&made),
        "the new agency is listed: {listed}"
    );

    // The same name twice in one authority is a conflict, whatever the kind.
    let twice = call(CREATE, agency("Oak Hill Academy", "OTHER", None)).await;
    assert_eq!(error_code(&twice), "CONFLICT", "{twice}");
    let bad_email = call(
        CREATE,
        agency("Town Housing", "HOUSING", Some("not an address")),
    )
    .await;
    assert_eq!(bad_field(&bad_email), "contactEmail");
    let no_name = call(CREATE, agency("   ", "HOUSING", None)).await;
    assert_eq!(bad_field(&no_name), "name");

    let mut renamed = agency("Oak Hill Primary Academy", "EDUCATION", None);
    renamed["id"] = made["id"].clone();
    let changed = answer(&call(UPDATE, renamed.clone()).await, "updateAgency");
    assert_eq!(changed["name"], "Oak Hill Primary Academy");
    assert_eq!(changed["contactEmail"], Value::Null);
    let mut taken = agency("Demo Constabulary", "EDUCATION", None);
    taken["id"] = made["id"].clone();
    assert_eq!(error_code(&call(UPDATE, taken).await), "CONFLICT");
    assert_eq!(audit_count(&app.db, "agency.created").await, 1);
    assert_eq!(audit_count(&app.db, "agency.updated").await, 1);

    // Its staff are invited with the agency, as for the demo's.
    let invited = call(
        "mutation($a: ID!) { inviteStaff(input: { name: \"Jo Teacher\", email: \"jo@oakhill.sch.uk\",
           role: AGENCY, agencyId: $a }) { staff { role } } }",
        json!({ "a": made["id"] }),
    )
    .await;
    assert_eq!(answer(&invited, "inviteStaff")["staff"]["role"], "AGENCY");

    // Another authority's admin neither sees nor changes it, and may use the same name at home.
    let la = add_local_authority(&app.db, "Other County Council", "other").await;
    add_staff(&app.db, la, "admin@other.test", StaffRole::Admin).await;
    let other = staff_token(&app.db, "admin@other.test").await;
    let theirs = app.graphql_as(Some(&other), UPDATE, renamed).await;
    assert_eq!(error_code(&theirs), "NOT_FOUND", "{theirs}");
    let own = app.graphql_as(Some(&other), CREATE, school).await;
    assert_eq!(answer(&own, "createAgency")["name"], "Oak Hill Academy");
    let their_list = answer(
        &app.graphql_as(Some(&other), LIST, json!({})).await,
        "agencies",
    );
    assert_eq!(their_list["nodes"].as_array().unwrap().len(), 1);

    // Nobody but an admin adds agencies.
    let sw = staff_token(&app.db, crate::referrals::SOCIAL_WORKER).await;
    let refused = app
        .graphql_as(Some(&sw), CREATE, agency("Police", "POLICE", None))
        .await;
    assert_eq!(error_code(&refused), "FORBIDDEN");
}
