//! No input panics the server (issue 17, item 3): cursors, dates, IDs, numbers and lengths out of
//! range are refused at the edge with BAD_USER_INPUT and a message, and the server goes on serving
//! (each of these once panicked, or could have: a cursor past `i64::MAX` in the SQL driver, the day
//! after chrono's last day in the meetings' date range).
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Value, json};
use tests::app::{
    TestApp, child_token, graphql_with_key, integrator_key, spawn_demo_app, staff_token,
};

/// Who sends a request.
enum Who {
    Anonymous,
    Bearer(String),
    Key(String),
}

async fn send(app: &TestApp, who: &Who, query: &str, variables: Value) -> Value {
    match who {
        Who::Anonymous => app.graphql(query, variables).await,
        Who::Bearer(token) => app.graphql_as(Some(token), query, variables).await,
        Who::Key(key) => graphql_with_key(app, key, query, variables).await,
    }
}

/// The request is refused as bad input, with words for the caller, and the server still answers.
async fn assert_bad_input(app: &TestApp, who: &Who, query: &str, variables: Value) {
    let body = send(app, who, query, variables.clone()).await;
    let error = &body["errors"][0];
    assert_eq!(
        error["extensions"]["code"], "BAD_USER_INPUT",
        "{query} {variables}: {body}"
    );
    let message = error["message"].as_str().unwrap_or_default();
    assert!(message.len() > 10, "{query}: no message in {body}");
    assert!(
        !message.contains("panick"),
        "{query}: internal words in {body}"
    );
    let alive = send(app, who, "{ apiVersion }", json!({})).await;
    assert_eq!(
        alive["data"]["apiVersion"],
        env!("CARGO_PKG_VERSION"),
        "the server stopped answering after {query}"
    );
}

fn cursor(text: &str) -> String {
    URL_SAFE_NO_PAD.encode(text)
}

struct Roles {
    child: Who,
    advocate: Who,
    social_worker: Who,
    isro: Who,
    coordinator: Who,
    agency: Who,
    admin: Who,
    integrator: Who,
}

async fn roles(app: &TestApp) -> Roles {
    let staff = |email: &'static str| async move { Who::Bearer(staff_token(&app.db, email).await) };
    Roles {
        child: Who::Bearer(child_token(&app.db, "Mia").await),
        advocate: staff("advocate@demo.myvoice").await,
        social_worker: staff("social.worker@demo.myvoice").await,
        isro: staff("isro@demo.myvoice").await,
        coordinator: staff("coordinator@demo.myvoice").await,
        agency: staff("agency@demo.myvoice").await,
        admin: staff("admin@demo.myvoice").await,
        integrator: Who::Key(
            integrator_key(
                app,
                "[READ_MEETINGS, READ_OUTCOMES, READ_REFERRALS, READ_OVERSIGHT]",
            )
            .await,
        ),
    }
}

/// The first ID in a list the role can see.
async fn first_id(app: &TestApp, who: &Who, list: &str) -> String {
    let body = send(
        app,
        who,
        &format!("{{ {list} {{ nodes {{ id }} }} }}"),
        json!({}),
    )
    .await;
    body["data"][list]["nodes"][0]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("no {list} in {body}"))
        .to_owned()
}

#[tokio::test]
async fn every_list_refuses_cursors_and_lengths_out_of_range_and_keeps_serving() {
    let app = spawn_demo_app().await;
    let r = roles(&app).await;
    let case = first_id(&app, &r.advocate, "myCaseload").await;
    let notes = format!("advocateNotes(caseId: \"{case}\",");
    let lists: Vec<(&str, &Who)> = vec![
        ("myCaseload(", &r.advocate),
        (&notes, &r.advocate),
        ("openUrgentHelp(", &r.advocate),
        ("viewsSharedWithMe(", &r.social_worker),
        ("myChildren(", &r.social_worker),
        ("myReferrals(", &r.social_worker),
        ("myChairedMeetings(", &r.isro),
        ("meetings(", &r.integrator),
        ("myMeetings(", &r.child),
        ("agencies(", &r.coordinator),
        ("referralInbox(", &r.coordinator),
        ("outcomesForMe(", &r.agency),
        ("staffUsers(", &r.admin),
        ("auditLog(", &r.admin),
    ];
    let bad_cursors = [
        cursor(&format!("pos:{}", i64::MAX)),
        cursor(&format!("pos:{}", u64::MAX)),
        cursor("pos:99999999999999999999999999"),
        cursor("pos:-1"),
        cursor("pos:+1"),
        "not a cursor at all!".to_owned(),
        String::new(),
    ];
    for (list, who) in lists {
        let field =
            |args: &str| format!("query($after: String) {{ {list}{args}) {{ totalCount }} }}");
        let good = send(
            &app,
            who,
            &field("after: $after"),
            json!({ "after": cursor("pos:0") }),
        )
        .await;
        assert!(good["errors"].is_null(), "{list}: {good}");
        for after in &bad_cursors {
            assert_bad_input(
                &app,
                who,
                &field("after: $after"),
                json!({ "after": after }),
            )
            .await;
        }
        for first in [
            "0",
            "-1",
            "101",
            "-2147483648",
            "2147483648",
            "1e3",
            "\"ten\"",
        ] {
            let query = format!("{{ {list}first: {first}) {{ totalCount }} }}");
            assert_bad_input(&app, who, &query, json!({})).await;
        }
    }
}

#[tokio::test]
async fn dates_beyond_the_years_we_keep_are_bad_input_wherever_a_date_is_taken() {
    let app = spawn_demo_app().await;
    let r = roles(&app).await;
    let chrono_last = "+262142-12-31";
    let chrono_first = "-262143-01-01";
    for (who, list) in [(&r.isro, "myChairedMeetings"), (&r.integrator, "meetings")] {
        let query = format!(
            "query($from: NaiveDate, $to: NaiveDate) {{ {list}(from: $from, to: $to) {{ totalCount }} }}"
        );
        for (from, to) in [
            (Value::Null, json!(chrono_last)),
            (json!(chrono_first), Value::Null),
            (json!(chrono_first), json!(chrono_last)),
            (json!("2026-01-01"), json!("3000-01-01")),
            (Value::Null, json!("2026-02-30")),
            (Value::Null, json!("next tuesday")),
            (Value::Null, json!(20260101)),
        ] {
            assert_bad_input(&app, who, &query, json!({ "from": from, "to": to })).await;
        }
        let fine = send(
            &app,
            who,
            &query,
            json!({ "from": "2026-01-01", "to": "2999-12-31" }),
        )
        .await;
        assert!(fine["errors"].is_null(), "{list}: {fine}");
    }
    let oversight = "query($from: NaiveDate!, $to: NaiveDate!) { oversightMetrics(from: $from, to: $to) { month } }";
    for who in [&r.coordinator, &r.integrator] {
        for (from, to) in [
            ("+262142-12-01", chrono_last),
            (chrono_first, "-262143-02-01"),
        ] {
            assert_bad_input(&app, who, oversight, json!({ "from": from, "to": to })).await;
        }
    }
    let audit = "query($f: AuditLogFilter) { auditLog(filter: $f) { totalCount } }";
    for filter in [
        json!({ "from": "9999-12-31T23:59:59-23:59" }),
        json!({ "to": "0000-01-01T00:00:00Z" }),
        json!({ "to": "2026-13-01T00:00:00Z" }),
    ] {
        assert_bad_input(&app, &r.admin, audit, json!({ "f": filter })).await;
    }
    let ask = "mutation($d: NaiveDate) { selfReferral(input: { localAuthority: \"demo\", name: \"Sam\",
        contact: \"07700 900123\", about: \"I want to talk to someone\", meetingDate: $d }) { message } }";
    assert_bad_input(&app, &Who::Anonymous, ask, json!({ "d": chrono_last })).await;
}

#[tokio::test]
async fn ids_numbers_and_lengths_out_of_range_are_bad_input() {
    let app = spawn_demo_app().await;
    let r = roles(&app).await;
    let meeting = first_id(&app, &r.child, "myMeetings").await;
    let case = first_id(&app, &r.advocate, "myCaseload").await;
    let by_id = "query($id: ID!) { node(id: $id) { id } }";
    for id in [
        cursor("Meeting:99999999999999999999"),
        cursor(&format!("AdvocacyCase:{}", i64::MAX)),
        cursor("Meeting:0"),
        cursor("Meeting:-7"),
        cursor("Meeting:007"),
        "%%%".to_owned(),
        "🙂".repeat(1000),
    ] {
        assert_bad_input(&app, &r.advocate, by_id, json!({ "id": id })).await;
    }
    let views = "mutation($m: ID!, $v: Int!) { saveViewsDraft(meetingId: $m, expectedVersion: $v,
        content: { worries: [\"school\"] }) { version } }";
    for version in [json!(-1), json!(i32::MIN), json!(2147483648i64), json!("1")] {
        assert_bad_input(&app, &r.child, views, json!({ "m": meeting, "v": version })).await;
    }
    let too_long =
        "mutation($c: ID!, $b: String!) { addAdvocateNote(caseId: $c, body: $b) { id } }";
    let body = "a".repeat(2_001);
    assert_bad_input(&app, &r.advocate, too_long, json!({ "c": case, "b": body })).await;
    let boxes = vec!["worry"; 21];
    let many =
        "mutation($m: ID!, $w: [String!]!) { saveViewsDraft(meetingId: $m, expectedVersion: 0,
        content: { worries: $w }) { version } }";
    assert_bad_input(&app, &r.child, many, json!({ "m": meeting, "w": boxes })).await;
    let chaired = first_id(&app, &r.isro, "myChairedMeetings").await;
    let agencies: Vec<String> = (1..=101).map(|n| cursor(&format!("Agency:{n}"))).collect();
    let send =
        "mutation($m: ID!, $a: [ID!]!) { distributeOutcome(meetingId: $m, agencyIds: $a) { id } }";
    assert_bad_input(&app, &r.isro, send, json!({ "m": chaired, "a": agencies })).await;
}
