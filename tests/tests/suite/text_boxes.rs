//! Text typed into a box comes back inert. A break-out string goes through every text box of every
//! page: as a query parameter (which no page uses to fill a box), through a plain form post sent
//! back to be put right, and as a stored value read back on every page that shows it. The served
//! HTML holds it only escaped: no `<script>` or event handler from it, and each box shows exactly
//! the text (read as a browser's HTML parser reads a `<textarea>`).
use api::graphql::ids::NodeKind;
use entity::enums::MeetingKind;
use serde_json::{Value, json};
use tests::app::{TestApp, child_token, hold_meeting_of, spawn_demo_app, staff_token};

use super::plain_browser::{
    Page, PlainBrowser, form_encode, input_value, percent_decode, text_boxes, urlencode,
};
use super::referrals::{
    ADVOCATE, COORDINATOR, SOCIAL_WORKER, add_meeting, child_named, days_ahead, demo_la, gid,
};

/// Closes the box, runs script two ways, and carries text that is already escaped (which must
/// stay as typed, not be decoded once more).
pub const BREAK_OUT: &str = "</textarea><script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\"> Tom & Jerry &lt;b&gt; it's";
const ISRO: &str = "isro@demo.myvoice";
const AGENCY: &str = "agency@demo.myvoice";

/// Nothing of the break-out string is served as markup.
fn assert_inert(page: &Page, what: &str) {
    assert_eq!(page.status, 200, "{what}: {}", page.body);
    // Escaped text may hold `onerror="…"` as words; only a tag from it would run.
    for raw in [
        "<script>window.__pwned",
        "</textarea><script>",
        "<img src=x",
    ] {
        if let Some(at) = page.body.find(raw) {
            let from = page.body[..at]
                .char_indices()
                .rev()
                .nth(300)
                .map_or(0, |(i, _)| i);
            let to = (at + 300).min(page.body.len());
            panic!(
                "{what}: `{raw}` is served as markup: …{}…",
                page.body.get(from..to).unwrap_or(&page.body)
            );
        }
    }
}

/// Every box on the page named in `ids` shows exactly the break-out string.
fn assert_boxes_hold_it(page: &Page, ids: &[&str], what: &str) {
    let boxes = text_boxes(&page.body);
    for id in ids {
        assert_eq!(
            boxes.get(*id).map(String::as_str),
            Some(BREAK_OUT),
            "{what}: box #{id} (boxes: {boxes:?})"
        );
    }
}

async fn gql(app: &TestApp, token: &str, query: &str, variables: Value) -> Value {
    let response = app.graphql_as(Some(token), query, variables).await;
    assert!(response.get("errors").is_none(), "{query}: {response}");
    response["data"].clone()
}

fn id_of(value: &Value) -> String {
    value
        .as_str()
        .unwrap_or_else(|| panic!("expected an ID, got {value}"))
        .to_owned()
}

#[tokio::test]
async fn the_ask_for_an_advocate_page_never_serves_typed_text_as_markup() {
    let app = spawn_demo_app().await;
    let mut anyone = PlainBrowser::new(&app);

    // The address fills no box, whatever it carries.
    let query = form_encode(&[
        ("error", "about"),
        ("name", BREAK_OUT),
        ("contact", BREAK_OUT),
        ("about", BREAK_OUT),
        ("council", BREAK_OUT),
    ]);
    let page = anyone.get(&format!("/ask-for-an-advocate?{query}")).await;
    assert_inert(&page, "ask page, text in the address");
    assert_eq!(
        text_boxes(&page.body).get("about").map(String::as_str),
        Some("")
    );
    assert_eq!(input_value(&page.body, "name").as_deref(), Some(""));

    // Sent without a way to get back to them: the page shows the message again, every box whole.
    let sent = anyone
        .post(
            "/ask-for-an-advocate",
            "/api/public/ask-for-an-advocate",
            &[
                ("name", BREAK_OUT),
                ("contact", ""),
                ("about", BREAK_OUT),
                ("council", BREAK_OUT),
                ("meeting_kind", ""),
                ("meeting_date", ""),
            ],
        )
        .await;
    let back = sent.location.expect("sent back to the form");
    let page = anyone.open(&back).await;
    assert_inert(&page, "ask page, sent back");
    assert_boxes_hold_it(&page, &["about"], "ask page, sent back");
    assert_eq!(input_value(&page.body, "name").as_deref(), Some(BREAK_OUT));
    assert_eq!(
        input_value(&page.body, "council").as_deref(),
        Some(BREAK_OUT)
    );
}

/// Mia's views hold the break-out string in every box; not yet sent.
async fn mias_views_hold_it(app: &TestApp) -> (String, String) {
    let mia = child_token(&app.db, "Mia").await;
    let meetings = gql(
        app,
        &mia,
        "{ myMeetings(first: 5) { edges { node { id } } } }",
        json!({}),
    )
    .await;
    let meeting = id_of(&meetings["myMeetings"]["edges"][0]["node"]["id"]);
    let version = gql(
        app,
        &mia,
        "query($m: ID!) { myViews(meetingId: $m) { version } }",
        json!({ "m": meeting }),
    )
    .await["myViews"]["version"]
        .clone();
    gql(
        app,
        &mia,
        "mutation($m: ID!, $v: Int!, $c: ViewsInput!) { saveViewsDraft(meetingId: $m, expectedVersion: $v, content: $c) { version } }",
        json!({ "m": meeting, "v": version, "c": {
            "worries": [BREAK_OUT, BREAK_OUT],
            "goingWell": [BREAK_OUT],
            "wantToHappen": [BREAK_OUT],
            "feeling": "OKAY",
            "freeWords": BREAK_OUT,
            "attendance": "ADVOCATE_SPEAKS_FOR_ME",
            "shareWithSocialWorker": true,
            "shareWithChair": true,
        } }),
    )
    .await;
    (mia, meeting)
}

#[tokio::test]
async fn the_childs_boxes_show_her_words_exactly_and_every_page_that_shows_them_is_inert() {
    let app = spawn_demo_app().await;
    let (mia_token, meeting) = mias_views_hold_it(&app).await;
    let mut mia = PlainBrowser::child(&app, &mia_token);

    for (path, boxes) in [
        ("/me/views/worries", &["item-0", "item-1"][..]),
        ("/me/views/going-well", &["item-0"][..]),
        ("/me/views/want-to-happen", &["item-0"][..]),
        ("/me/views/anything-else", &["words"][..]),
    ] {
        let page = mia.open(path).await;
        assert_inert(&page, path);
        assert_boxes_hold_it(&page, boxes, path);
        // A query parameter fills nothing either.
        let page = mia
            .open(&format!("{path}?words=%3C%2Ftextarea%3E%3Cscript%3E"))
            .await;
        assert_inert(&page, path);
    }
    for path in ["/me", "/me/check", "/me/who-sees", "/not-safe"] {
        assert_inert(&mia.open(path).await, path);
    }

    // She sends them and asks for help in her own words; her advocate shares them.
    let version = gql(
        &app,
        &mia_token,
        "query($m: ID!) { myViews(meetingId: $m) { version } }",
        json!({ "m": meeting }),
    )
    .await["myViews"]["version"]
        .clone();
    gql(
        &app,
        &mia_token,
        "mutation($m: ID!, $v: Int!) { submitViews(meetingId: $m, expectedVersion: $v, idempotencyKey: \"text-boxes\") { version } }",
        json!({ "m": meeting, "v": version }),
    )
    .await;
    gql(
        &app,
        &mia_token,
        "mutation($m: String) { requestUrgentHelp(message: $m) { id } }",
        json!({ "m": BREAK_OUT }),
    )
    .await;
    let advocate_token = staff_token(&app.db, ADVOCATE).await;
    let caseload = gql(
        &app,
        &advocate_token,
        "{ myCaseload(first: 20) { edges { node { id child { preferredName } } } } }",
        json!({}),
    )
    .await;
    let case = caseload["myCaseload"]["edges"]
        .as_array()
        .and_then(|edges| {
            edges
                .iter()
                .find(|e| e["node"]["child"]["preferredName"] == "Mia")
        })
        .map(|e| id_of(&e["node"]["id"]))
        .expect("Mia's case");
    gql(
        &app,
        &advocate_token,
        "mutation($c: ID!, $b: String!) { addAdvocateNote(caseId: $c, body: $b) { id } }",
        json!({ "c": case, "b": BREAK_OUT }),
    )
    .await;
    gql(
        &app,
        &advocate_token,
        "mutation($c: ID!) { shareViews(caseId: $c) { version } }",
        json!({ "c": case }),
    )
    .await;

    // The advocate's caseload and case (views, urgent help, notes; the note box empty).
    let mut advocate = PlainBrowser::staff(&app, &advocate_token);
    assert_inert(&advocate.open("/staff").await, "caseload");
    let case_page = advocate
        .open(&format!("/staff/cases/{}", urlencode(&case)))
        .await;
    assert_inert(&case_page, "advocate's case");
    assert!(
        case_page.body.contains("Tom &amp; Jerry &amp;lt;b&amp;gt;"),
        "the words are shown, escaped once"
    );
    assert_eq!(
        text_boxes(&case_page.body)
            .get("note-body")
            .map(String::as_str),
        Some("")
    );

    // The social worker's shared views, and the chair's meeting: views, then the record.
    let mut social_worker = PlainBrowser::staff(&app, &staff_token(&app.db, SOCIAL_WORKER).await);
    let list = social_worker.open("/staff/shared-views").await;
    assert_inert(&list, "shared views");
    let share = list
        .body
        .split("href=\"/staff/shared-views/")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a link to Mia's views")
        .to_owned();
    assert_inert(
        &social_worker
            .open(&format!("/staff/shared-views/{share}"))
            .await,
        "Mia's shared views",
    );
    assert_inert(&social_worker.open("/staff").await, "my children");

    hold_meeting_of(&app.db, "Mia").await;
    let isro_token = staff_token(&app.db, ISRO).await;
    let mut isro = PlainBrowser::staff(&app, &isro_token);
    let meeting_path = format!("/staff/meetings/{}", urlencode(&meeting));
    assert_inert(&isro.open(&meeting_path).await, "chair's meeting");

    // Sent back (the plan left empty): every other box holds what was typed.
    const RECORD: [&str; 7] = [
        "worried_about_now",
        "complicating_factors",
        "going_well",
        "signs_of_safety",
        "plan",
        "outcome_staff_words",
        "outcome_child_words",
    ];
    let fields: Vec<(&str, &str)> = std::iter::once(("meeting_id", meeting.as_str()))
        .chain(
            RECORD
                .iter()
                .map(|name| (*name, if *name == "plan" { "" } else { BREAK_OUT })),
        )
        .collect();
    let sent = isro
        .post(&meeting_path, "/api/staff/record-meeting", &fields)
        .await;
    let back = sent.location.expect("sent back to the record");
    assert!(back.contains("errors="), "{back}");
    let page = isro.open(&back).await;
    assert_inert(&page, "record sent back");
    let others: Vec<&str> = RECORD.into_iter().filter(|n| *n != "plan").collect();
    assert_boxes_hold_it(&page, &others, "record sent back");

    // Recorded: the record's boxes hold it, and every page that shows the outcome is inert.
    let answers = crate::answers::every_point_agreed(&app, &isro_token, &meeting).await;
    gql(
        &app,
        &isro_token,
        "mutation($m: ID!, $i: RecordMeetingInput!) { recordMeeting(meetingId: $m, input: $i) { recordedAt } }",
        json!({ "m": meeting, "i": {
            "worriedAboutNow": BREAK_OUT,
            "complicatingFactors": BREAK_OUT,
            "goingWell": BREAK_OUT,
            "signsOfSafety": BREAK_OUT,
            "plan": BREAK_OUT,
            "outcomeStaffWords": BREAK_OUT,
            "outcomeChildWords": BREAK_OUT,
            "answers": answers,
        } }),
    )
    .await;
    let page = isro.open(&meeting_path).await;
    assert_inert(&page, "chair's meeting, recorded");
    assert_boxes_hold_it(&page, &RECORD, "chair's meeting, recorded");
    assert_inert(&isro.open("/staff").await, "chair's meetings");
    let agencies = gql(
        &app,
        &isro_token,
        "{ agencies(first: 20) { edges { node { id } } } }",
        json!({}),
    )
    .await;
    let every: Vec<Value> = agencies["agencies"]["edges"]
        .as_array()
        .expect("agencies")
        .iter()
        .map(|e| e["node"]["id"].clone())
        .collect();
    gql(
        &app,
        &isro_token,
        "mutation($m: ID!, $a: [ID!]!) { distributeOutcome(meetingId: $m, agencyIds: $a) { id } }",
        json!({ "m": meeting, "a": every }),
    )
    .await;
    let mut agency = PlainBrowser::staff(&app, &staff_token(&app.db, AGENCY).await);
    assert_inert(&agency.open("/staff").await, "agency's outcomes");
    assert_inert(&mia.open("/me/after").await, "what happened, for Mia");
    assert_inert(&advocate.open("/staff").await, "caseload after");
}

#[tokio::test]
async fn the_referral_boxes_show_what_was_typed_exactly_and_every_page_that_shows_it_is_inert() {
    let app = spawn_demo_app().await;
    let leo = child_named(&app.db, "Leo").await;
    let meeting = add_meeting(
        &app.db,
        demo_la(&app.db).await,
        leo.id,
        MeetingKind::ChildInNeedMeeting,
        Some(days_ahead(20)),
    )
    .await;
    let pair = format!(
        "{}.{}",
        gid(NodeKind::Child, leo.id),
        gid(NodeKind::Meeting, meeting)
    );
    const BOXES: [&str; 6] = [
        "reason",
        "how_to_contact_child",
        "communication_needs",
        "lives_with",
        "visit_risks",
        "other_information",
    ];
    let sw_token = staff_token(&app.db, SOCIAL_WORKER).await;
    let mut sw = PlainBrowser::staff(&app, &sw_token);

    // The address fills no box.
    let page = sw
        .open(&format!(
            "/staff/referrals/new?intent=check&reason={}",
            urlencode(BREAK_OUT)
        ))
        .await;
    assert_inert(&page, "referral form, text in the address");
    assert_eq!(
        text_boxes(&page.body).get("reason").map(String::as_str),
        Some("")
    );

    // "Check the referral" without JavaScript: the form again, every box whole.
    let mut fields = vec![("intent", "check"), ("pair", pair.as_str())];
    fields.extend(BOXES.iter().map(|name| (*name, BREAK_OUT)));
    let checked = sw
        .post("/staff/referrals/new", "/api/staff/referral", &fields)
        .await;
    let page = sw.open(&checked.location.expect("back to the form")).await;
    assert_inert(&page, "referral checked");
    assert_boxes_hold_it(&page, &BOXES, "referral checked");

    // Sent: the referral's page for the social worker and the coordinator, who declines it.
    fields[0] = ("intent", "send");
    fields.push(("parental_agreement", "GIVEN"));
    let sent = sw
        .post("/staff/referrals/new", "/api/staff/referral", &fields)
        .await;
    let referral_path = sent
        .location
        .expect("to the referral")
        .split('?')
        .next()
        .unwrap_or_default()
        .to_owned();
    assert!(
        referral_path.starts_with("/staff/referrals/") && !referral_path.ends_with("/new"),
        "{referral_path}"
    );
    assert_inert(&sw.open(&referral_path).await, "referral sent");
    let coordinator_token = staff_token(&app.db, COORDINATOR).await;
    let mut coordinator = PlainBrowser::staff(&app, &coordinator_token);
    assert_inert(&coordinator.open("/staff").await, "referral inbox");
    let page = coordinator.open(&referral_path).await;
    assert_inert(&page, "referral, for the coordinator");
    assert_eq!(
        text_boxes(&page.body)
            .get("decline-reason")
            .map(String::as_str),
        Some("")
    );
    let id = referral_path.trim_start_matches("/staff/referrals/");
    let id = percent_decode(id);
    gql(
        &app,
        &coordinator_token,
        "mutation($id: ID!, $r: String!) { declineReferral(id: $id, reason: $r) { id } }",
        json!({ "id": id, "r": BREAK_OUT }),
    )
    .await;
    assert_inert(&coordinator.open(&referral_path).await, "declined");
    assert_inert(
        &sw.open(&referral_path).await,
        "declined, for the social worker",
    );
    assert_inert(&sw.open("/staff").await, "my children");
}

#[tokio::test]
async fn in_chromium_the_box_shows_the_words_exactly_and_keeps_what_was_typed_before_the_page_took_over()
 {
    let app = spawn_demo_app().await;
    let (mia, meeting) = mias_views_hold_it(&app).await;
    let shots = tests::app::repo_root().join("target/screenshots/child");
    std::fs::create_dir_all(&shots).expect("screenshot folder");
    let args = vec![
        app.url(""),
        BREAK_OUT.to_owned(),
        shots.display().to_string(),
    ];
    let runs = tokio::task::spawn_blocking(move || {
        super::browser::run_browser_script("text-box.mjs", &args)
    })
    .await
    .expect("browser script ran");
    assert_eq!(runs.len(), 2, "{runs:?}");
    for run in &runs {
        let what = format!("JavaScript {}", run["javaScript"]);
        assert!(run.get("error").is_none(), "{what}: {run}");
        assert_eq!(
            run["problems"],
            json!([]),
            "{what}: console errors or failed requests"
        );
        assert_eq!(
            run["shown"], BREAK_OUT,
            "{what}: the box shows the words exactly"
        );
        assert_eq!(
            run["after"],
            json!({ "pwned": null, "images": 0, "scripts": 0 }),
            "{what}: nothing from the words ran or was drawn"
        );
    }
    let on = &runs[1];
    assert_eq!(
        on["hydratedBeforeTyping"], 0,
        "typed before the bundle loaded"
    );
    let early = format!("{BREAK_OUT} (before)");
    let late = format!("{early} and after");
    assert_eq!(
        on["keptWhenHydrated"],
        early.as_str(),
        "hydrating kept what was typed"
    );
    assert_eq!(on["afterTyping"], late.as_str());
    assert_eq!(
        on["lettersLeft"]
            .as_str()
            .unwrap_or_default()
            .split(' ')
            .next(),
        Some((2000 - late.chars().count()).to_string().as_str()),
        "the letter count follows the typing: {on}"
    );
    let saved = gql(
        &app,
        &mia,
        "query($m: ID!) { myViews(meetingId: $m) { worries } }",
        json!({ "m": meeting }),
    )
    .await;
    assert_eq!(
        saved["myViews"]["worries"][0],
        late.as_str(),
        "saved by itself"
    );
}
