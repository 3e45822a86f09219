//! Issue 19's "Done when", as a council lives it. On an empty database: `myvoice authority create`
//! → the first admin sets a password through the link → adds a webhook endpoint, a duty contact, a
//! social worker, a chair, a coordinator, an advocate and an agency with one member of staff →
//! checks 200 children and 200 meetings from CSV (the dry run finds exactly the 3 planted bad rows)
//! and imports them → the social worker refers → the coordinator allocates → the advocate issues a
//! sign-in code → the child sends views → the advocate shares them → the chair records the meeting
//! and sends the outcome → the agency acknowledges.
//!
//! Two `myvoice serve` processes share the database, as behind a load balancer: requests alternate
//! between them, and both run the notice worker. Every e-mail must arrive once at a real SMTP server
//! (aiosmtpd) and every webhook once at a real receiver that checks its signature.
use std::collections::BTreeSet;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::{Duration, Utc};
use entity::meeting;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};
use tests::db::TestDb;
use tests::mail::{Received, SmtpServer};
use tests::process::{Server, serve_command};
use tests::webhooks::Receiver;

use crate::authority::{PASSWORD, create, post_form, sign_in};

const ADMIN: &str = "admin@somerset.example";
const SOCIAL_WORKER: &str = "sam.patel@somerset.example";
const CHAIR: &str = "iris.khan@somerset.example";
const COORDINATOR: &str = "cara.jones@somerset.example";
const ADVOCATE: &str = "ade.okafor@route1.example";
const POLICE_USER: &str = "pc.lewis@police.example";
const POLICE_INBOX: &str = "mash@police.example";
const DUTY: &str = "duty@somerset.example";
/// The child the story follows; no e-mail may carry the name.
const CHILD: &str = "Child 7";

/// Two instances of the service on one database; each request goes to the next one.
struct Council {
    servers: [Server; 2],
    turn: AtomicUsize,
}

impl Council {
    async fn start(database_url: &str, smtp: &SmtpServer) -> Council {
        let serve = || {
            let mut command = serve_command(database_url);
            command
                .env("MYVOICE_SMTP_URL", smtp.url())
                .env("MYVOICE_MAIL_FROM", "myvoice@somerset.example");
            command
        };
        let first = Server::start(serve()).await;
        let second = Server::start(serve()).await;
        Council {
            servers: [first, second],
            turn: AtomicUsize::new(0),
        }
    }

    fn next(&self) -> &Server {
        &self.servers[self.turn.fetch_add(1, Ordering::SeqCst) % 2]
    }

    /// A GraphQL request that must succeed; its `data`.
    async fn ok(&self, token: &str, query: &str, variables: Value) -> Value {
        let answer = self.next().graphql_as(Some(token), query, variables).await;
        assert!(answer["errors"].is_null(), "{query}: {answer}");
        answer["data"].clone()
    }

    /// Set a password through a one-time link's form, as a browser without JavaScript does.
    async fn set_password(&self, token: &str) {
        let landed = post_form(self.next(), token, PASSWORD).await;
        assert_eq!(landed, "/staff/sign-in?why=password-set");
    }

    async fn sign_in(&self, email: &str) -> String {
        let signed = sign_in(self.next(), email, PASSWORD).await;
        signed["data"]["signIn"]["accessToken"]
            .as_str()
            .unwrap_or_else(|| panic!("{email} cannot sign in: {signed}"))
            .to_owned()
    }
}

fn text(value: &Value) -> String {
    value
        .as_str()
        .unwrap_or_else(|| panic!("expected text, got {value}"))
        .to_owned()
}

/// Children CMS-C-001…200; every twentieth (7, 27, …) is the social worker's. `bad_date` plants a
/// date that does not exist on that line.
fn children_csv(bad_date: Option<usize>) -> String {
    let mut csv =
        "reference,preferred_name,date_of_birth,looked_after,language,social_worker_email\n"
            .to_owned();
    for i in 1..=200 {
        let born = if bad_date == Some(i + 1) {
            "2016-02-30".to_owned()
        } else {
            format!("2015-{:02}-{:02}", i % 12 + 1, i % 28 + 1)
        };
        let worker = if i % 20 == 7 { SOCIAL_WORKER } else { "" };
        let looked_after = if i % 4 == 0 { "yes" } else { "no" };
        csv.push_str(&format!(
            "CMS-C-{i:03},Child {i},{born},{looked_after},en,{worker}\n"
        ));
    }
    csv
}

/// Meetings CMS-M-001…200, one about each child, chaired by the chair; `bad_kind` and
/// `unknown_child` plant a kind that does not exist and a child nobody has, on those lines.
fn meetings_csv(bad_kind: Option<usize>, unknown_child: Option<usize>) -> String {
    let mut csv =
        "reference,kind,scheduled_at,place,chair_email,social_worker_email,child_references\n"
            .to_owned();
    let day = (Utc::now() + Duration::days(40)).format("%Y-%m-%d");
    for i in 1..=200 {
        let line = Some(i + 1);
        let kind = if line == bad_kind {
            "strategy_discussion"
        } else if i % 4 == 0 {
            "children_looked_after_review"
        } else {
            "initial_child_protection_conference"
        };
        let children = if line == unknown_child {
            "CMS-C-404".to_owned()
        } else {
            format!("CMS-C-{i:03}")
        };
        let worker = if i % 20 == 7 { SOCIAL_WORKER } else { "" };
        csv.push_str(&format!(
            "CMS-M-{i:03},{kind},{day} 10:30,\"County Hall, Taunton\",{CHAIR},{worker},{children}\n"
        ));
    }
    csv
}

const IMPORT: &str = "mutation($i: ImportRecordsInput!) { importRecords(input: $i) {
    imported checkId children { created } meetings { created } problems { file line column } } }";

const INVITE: &str =
    "mutation($i: InviteStaffInput!) { inviteStaff(input: $i) { passwordLinkPath } }";

/// The mail that arrived, as (to, subject), sorted.
fn letters(mail: &[Received]) -> Vec<(String, String)> {
    let mut seen: Vec<(String, String)> = mail
        .iter()
        .map(|m| (m.to.clone(), m.subject.clone()))
        .collect();
    seen.sort();
    seen
}

#[tokio::test]
async fn a_council_goes_from_an_empty_database_to_an_acknowledged_outcome_on_two_instances() {
    api::startup::install_tls();
    let smtp = SmtpServer::start();
    let hooks = Receiver::start().await;
    let test_db = TestDb::fresh().await;
    let link = create(&test_db.url, "Somerset Council", ADMIN);
    let council = Council::start(&test_db.url, &smtp).await;

    // The first admin chooses a password through the printed link, then sets the authority up.
    council.set_password(&link).await;
    let admin = council.sign_in(ADMIN).await;
    let endpoint = council
        .ok(
            &admin,
            "mutation($u: String!) { addWebhookEndpoint(url: $u) { secret } }",
            json!({ "u": hooks.url() }),
        )
        .await;
    hooks.set_secret(&text(&endpoint["addWebhookEndpoint"]["secret"]));
    council
        .ok(
            &admin,
            "mutation($e: String!) { addDutyContact(name: \"Duty team\", email: $e) { id } }",
            json!({ "e": DUTY }),
        )
        .await;
    let police = council
        .ok(
            &admin,
            "mutation($i: AgencyInput!) { createAgency(input: $i) { id } }",
            json!({ "i": { "name": "Avon and Somerset Police", "kind": "POLICE",
                           "contactEmail": POLICE_INBOX } }),
        )
        .await;
    let police = text(&police["createAgency"]["id"]);
    for (name, email, role) in [
        ("Sam Patel", SOCIAL_WORKER, "SOCIAL_WORKER"),
        ("Iris Khan", CHAIR, "ISRO"),
        ("Cara Jones", COORDINATOR, "COORDINATOR"),
        ("Ade Okafor", ADVOCATE, "ADVOCATE"),
        ("PC Lewis", POLICE_USER, "AGENCY"),
    ] {
        let agency = (role == "AGENCY").then(|| police.clone());
        let invited = council
            .ok(
                &admin,
                INVITE,
                json!({ "i": { "name": name, "email": email, "role": role, "agencyId": agency } }),
            )
            .await;
        let path = text(&invited["inviteStaff"]["passwordLinkPath"]);
        let token = path.rsplit_once("token=").expect("a token in the link").1;
        council.set_password(token).await;
    }
    let social_worker = council.sign_in(SOCIAL_WORKER).await;
    let chair = council.sign_in(CHAIR).await;
    let coordinator = council.sign_in(COORDINATOR).await;
    let advocate = council.sign_in(ADVOCATE).await;
    let police_user = council.sign_in(POLICE_USER).await;

    // The first load: the dry run lists exactly the three planted bad rows and writes nothing.
    let bad = json!({ "i": {
        "childrenCsv": children_csv(Some(42)),
        "meetingsCsv": meetings_csv(Some(101), Some(151)),
        "dryRun": true,
    } });
    let checked = council.ok(&admin, IMPORT, bad).await["importRecords"].clone();
    let found: Vec<(String, i64, String)> = checked["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .map(|p| {
            (
                text(&p["file"]),
                p["line"].as_i64().unwrap_or(0),
                text(&p["column"]),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            ("CHILDREN".to_owned(), 42, "date_of_birth".to_owned()),
            ("MEETINGS".to_owned(), 101, "kind".to_owned()),
            ("MEETINGS".to_owned(), 151, "child_references".to_owned()),
        ],
        "{checked}"
    );
    assert_eq!(checked["imported"], false);
    // Put right, checked again (nothing wrong now), and that check imported as it stands.
    let good = json!({ "i": {
        "childrenCsv": children_csv(None),
        "meetingsCsv": meetings_csv(None, None),
        "dryRun": true,
    } });
    let checked = council.ok(&admin, IMPORT, good).await["importRecords"].clone();
    assert_eq!(checked["problems"], json!([]), "{checked}");
    let import = json!({ "i": { "checkId": checked["checkId"], "dryRun": false } });
    let imported = council.ok(&admin, IMPORT, import).await["importRecords"].clone();
    assert_eq!(imported["imported"], true, "{imported}");
    assert_eq!(imported["children"]["created"], 200);
    assert_eq!(imported["meetings"]["created"], 200);

    // The social worker finds the child and the meeting and refers: the coordinator is told.
    let mine = council
        .ok(
            &social_worker,
            "{ myChildren(first: 100) { nodes { id preferredName meetings { id } } } }",
            json!({}),
        )
        .await;
    let children = mine["myChildren"]["nodes"].as_array().expect("children");
    assert_eq!(children.len(), 10, "every twentieth child is theirs");
    let child = children
        .iter()
        .find(|c| c["preferredName"] == CHILD)
        .expect("Child 7 is on the list");
    let meeting = text(&child["meetings"][0]["id"]);
    let referral = council
        .ok(
            &social_worker,
            "mutation($i: CreateReferralInput!) { createReferral(input: $i) { id status } }",
            json!({ "i": {
                "childId": child["id"], "meetingId": meeting, "parentalAgreement": "GIVEN",
                "reason": "Finds it hard to speak up when adults are in the room.",
                "howToContactChild": "Through school", "communicationNeeds": "None",
                "livesWith": "Mum", "visitRisks": "None known",
            } }),
        )
        .await;
    let referral = text(&referral["createReferral"]["id"]);
    smtp.wait_for(1).await;

    // The coordinator accepts it and allocates the advocate suggested: the advocate is told.
    council
        .ok(
            &coordinator,
            "mutation($id: ID!) { acceptReferral(id: $id) { id } }",
            json!({ "id": referral }),
        )
        .await;
    let suggested = council
        .ok(
            &coordinator,
            "query($id: ID!) { suggestedAdvocates(referralId: $id) { advocateId name } }",
            json!({ "id": referral }),
        )
        .await;
    assert_eq!(suggested["suggestedAdvocates"][0]["name"], "Ade Okafor");
    let case = council
        .ok(
            &coordinator,
            "mutation($r: ID!, $a: ID!) { allocateAdvocate(referralId: $r, advocateId: $a) { id } }",
            json!({ "r": referral, "a": suggested["suggestedAdvocates"][0]["advocateId"] }),
        )
        .await;
    let case = text(&case["allocateAdvocate"]["id"]);
    smtp.wait_for(2).await;

    // The advocate gives the child a sign-in slip; the child writes and sends their views.
    let slip = council
        .ok(
            &advocate,
            "mutation($id: ID!) { issueChildAccess(caseId: $id) { accessCode pin childName } }",
            json!({ "id": case }),
        )
        .await["issueChildAccess"]
        .clone();
    assert_eq!(slip["childName"], CHILD);
    let child_session = council
        .next()
        .graphql_as(
            None,
            "mutation($c: String!, $p: String!) { childSignIn(accessCode: $c, pin: $p) { accessToken } }",
            json!({ "c": slip["accessCode"], "p": slip["pin"] }),
        )
        .await;
    let child_token = text(&child_session["data"]["childSignIn"]["accessToken"]);
    let current = council
        .ok(&child_token, "{ myCurrentMeeting { id } }", json!({}))
        .await;
    assert_eq!(current["myCurrentMeeting"]["id"], meeting.as_str());
    council
        .ok(
            &child_token,
            "mutation($m: ID!, $c: ViewsInput!) { saveViewsDraft(meetingId: $m, expectedVersion: 0, content: $c) { version } }",
            json!({ "m": meeting, "c": crate::views::consenting_content() }),
        )
        .await;
    let sent = council
        .ok(
            &child_token,
            "mutation($m: ID!) { submitViews(meetingId: $m, expectedVersion: 1, idempotencyKey: \"story-0001\") { status } }",
            json!({ "m": meeting }),
        )
        .await;
    assert_eq!(sent["submitViews"]["status"], "SUBMITTED");

    // The advocate shares them: the social worker and the chair are told.
    council
        .ok(
            &advocate,
            "mutation($c: ID!) { shareViews(caseId: $c) { status } }",
            json!({ "c": case }),
        )
        .await;
    smtp.wait_for(4).await;

    // The meeting takes place (its date moved into the past, as the calendar would); the chair
    // records it and sends the outcome to the police: the police inbox and its officer are told.
    let db = test_db.connect().await;
    meeting::Entity::update_many()
        .col_expr(
            meeting::Column::ScheduledAt,
            Expr::value(Utc::now() - Duration::hours(3)),
        )
        .filter(meeting::Column::ExternalRef.eq("CMS-M-007"))
        .exec(&db)
        .await
        .expect("the meeting's day comes");
    // Each point the child made gets its answer in the same record (issue 20).
    let shared = council
        .ok(
            &chair,
            "query($m: ID!) { sharedViewsForMeeting(meetingId: $m) { viewsId points { part index } } }",
            json!({ "m": meeting }),
        )
        .await;
    let mut answers = Vec::new();
    for views in shared["sharedViewsForMeeting"].as_array().expect("views") {
        for point in views["points"].as_array().expect("points") {
            answers.push(json!({
                "viewsId": views["viewsId"], "part": point["part"], "index": point["index"],
                "kind": "AGREED", "words": "The meeting agreed.",
            }));
        }
    }
    assert!(
        !answers.is_empty(),
        "the child's shared points are on the chair's record"
    );
    council
        .ok(
            &chair,
            "mutation($id: ID!, $i: RecordMeetingInput!) { recordMeeting(meetingId: $id, input: $i) { id } }",
            json!({ "id": meeting, "i": {
                "answers": answers,
                "plan": "Weekly visits; breakfast club.",
                "outcomeStaffWords": "Child protection plan: neglect. Core group in 10 days.",
                "outcomeChildWords": "You said school helps. School will keep helping every morning.",
            } }),
        )
        .await;
    council
        .ok(
            &chair,
            "mutation($m: ID!, $a: [ID!]!) { distributeOutcome(meetingId: $m, agencyIds: $a) { id } }",
            json!({ "m": meeting, "a": [police] }),
        )
        .await;
    smtp.wait_for(6).await;

    // The police officer acknowledges it.
    let waiting = council
        .ok(
            &police_user,
            "{ outcomesForMe(unacknowledgedOnly: true) { nodes { id } } }",
            json!({}),
        )
        .await;
    let distribution = text(&waiting["outcomesForMe"]["nodes"][0]["id"]);
    let acknowledged = council
        .ok(
            &police_user,
            "mutation($d: ID!) { acknowledgeOutcome(distributionId: $d) { acknowledgedAt } }",
            json!({ "d": distribution }),
        )
        .await;
    assert!(acknowledged["acknowledgeOutcome"]["acknowledgedAt"].is_string());

    // Both workers have had several turns: each e-mail arrived once, to the right person, with a
    // link and without the child's name or words; each webhook once, signed.
    hooks.wait_for(5).await;
    tokio::time::sleep(std::time::Duration::from_secs(5)).await;
    let mail = smtp.messages();
    assert_eq!(
        letters(&mail),
        [
            (ADVOCATE, "You have been allocated a new advocacy case"),
            (COORDINATOR, "New referral for advocacy"),
            (CHAIR, "A child's views have been shared with you"),
            (
                POLICE_INBOX,
                "A meeting outcome has been sent to your agency"
            ),
            (
                POLICE_USER,
                "A meeting outcome has been sent to your agency"
            ),
            (SOCIAL_WORKER, "A child's views have been shared with you"),
        ]
        .map(|(to, subject)| (to.to_owned(), subject.to_owned())),
    );
    for letter in &mail {
        assert!(
            letter.raw.contains("Open it in myvoice: http://127.0.0.1:"),
            "a link: {}",
            letter.raw
        );
        for secret in [CHILD, "school helps", "brother", "Finds it hard"] {
            assert!(!letter.raw.contains(secret), "{secret} in {}", letter.raw);
        }
    }
    let received = hooks.received();
    let deliveries: BTreeSet<&str> = received.iter().map(|d| d.delivery_id.as_str()).collect();
    assert_eq!(
        deliveries.len(),
        received.len(),
        "no delivery twice: {received:?}"
    );
    let mut events: Vec<&str> = received.iter().map(|d| d.event.as_str()).collect();
    events.sort();
    assert_eq!(
        events,
        [
            "case.allocated",
            "outcome.sent",
            "referral.received",
            "views.shared",
            "views.shared"
        ]
    );
    assert!(received.iter().all(|d| d.verified), "{received:?}");
}
