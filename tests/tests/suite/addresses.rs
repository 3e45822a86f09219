//! No personal text in any address. With JavaScript off, every form on the pages is sent as a plain
//! post and answered with a redirect; what was typed must never ride in that redirect or in any
//! address the browser then asks for, where proxies, logs and history would keep it. Walked through
//! as a browser would: the referral's fill → check → edit → send, a message to the advocacy team
//! sent back to be put right, the chair's record sent back, the child's views, "I'm not safe", an
//! advocate's note and a coordinator's decline. The referral is made with the text intact, and the
//! draft kept on the server is that browser's alone and gone once the referral is sent.
use api::graphql::ids::NodeKind;
use entity::enums::MeetingKind;
use serde_json::{Value, json};
use tests::app::{TestApp, child_token, hold_meeting_of, spawn_demo_app, staff_token};

use super::plain_browser::{PlainBrowser, input_value, percent_decode, text_boxes, urlencode};
use super::referrals::{
    ADVOCATE, COORDINATOR, SOCIAL_WORKER, add_meeting, child_named, days_ahead, demo_la, gid,
};

/// Every text typed below has this word in it; no address may.
const MARK: &str = "Quokka";

fn typed(what: &str) -> String {
    format!("{MARK} {what}: Leo's dad drinks & the home at 12 Elm Road is not safe.\nLine two.")
}

/// No address `browser` asked for or was sent to carries typed text, in any encoding.
fn assert_clean_addresses(browser: &PlainBrowser, what: &str) {
    assert!(!browser.addresses.is_empty(), "{what}: nothing was asked");
    for address in &browser.addresses {
        let decoded = percent_decode(&address.replace('+', " ")).to_lowercase();
        assert!(
            !decoded.contains(&MARK.to_lowercase()) && !decoded.contains("elm road"),
            "{what}: typed text in the address {address}"
        );
    }
}

async fn gql(app: &TestApp, token: &str, query: &str, variables: Value) -> Value {
    let response = app.graphql_as(Some(token), query, variables).await;
    assert!(response.get("errors").is_none(), "{query}: {response}");
    response["data"].clone()
}

const BOXES: [&str; 6] = [
    "reason",
    "how_to_contact_child",
    "communication_needs",
    "lives_with",
    "visit_risks",
    "other_information",
];

#[tokio::test]
async fn the_referral_is_checked_edited_and_sent_without_javascript_and_no_address_carries_it() {
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
    let sw_token = staff_token(&app.db, SOCIAL_WORKER).await;
    let mut sw = PlainBrowser::staff(&app, &sw_token);
    const FORM: &str = "/staff/referrals/new";
    const ACTION: &str = "/api/staff/referral";
    assert_eq!(sw.open(FORM).await.status, 200);

    // Fill two boxes and check: the form comes back holding them, the address only says "check".
    let reason = typed("reason");
    let risks = typed("risks");
    let first = [
        ("intent", "check"),
        ("pair", pair.as_str()),
        ("reason", reason.as_str()),
        ("visit_risks", risks.as_str()),
    ];
    let answer = sw.post(FORM, ACTION, &first).await;
    assert_eq!(
        answer.location.as_deref(),
        Some("/staff/referrals/new?intent=check#check")
    );
    assert!(
        sw.has_cookie("myvoice_draft"),
        "the draft's key is in a cookie"
    );
    let page = sw.open("/staff/referrals/new?intent=check").await;
    let boxes = text_boxes(&page.body);
    assert_eq!(boxes["reason"], reason);
    assert_eq!(boxes["visit_risks"], risks);
    assert_eq!(boxes["lives_with"], "");
    assert!(
        page.body.contains("Still missing"),
        "the assessment is shown"
    );

    // Another browser, even the same social worker's, finds no draft.
    let mut elsewhere = PlainBrowser::staff(&app, &sw_token);
    let page = elsewhere.open("/staff/referrals/new?intent=check").await;
    assert_eq!(text_boxes(&page.body)["reason"], "");

    // Edit: every box filled, the reason changed; checked again.
    let texts: Vec<String> = BOXES.iter().map(|name| typed(name)).collect();
    let mut fields: Vec<(&str, &str)> = vec![("intent", "check"), ("pair", pair.as_str())];
    fields.extend(BOXES.iter().zip(&texts).map(|(n, t)| (*n, t.as_str())));
    sw.post(FORM, ACTION, &fields).await;
    let page = sw.open("/staff/referrals/new?intent=check").await;
    let boxes = text_boxes(&page.body);
    for (name, text) in BOXES.iter().zip(&texts) {
        assert_eq!(&boxes[*name], text, "{name} after the edit");
    }

    // Sent without the parents' agreement: refused, nothing lost; then sent with it.
    fields[0] = ("intent", "send");
    let refused = sw.post(FORM, ACTION, &fields).await;
    assert_eq!(
        refused.location.as_deref(),
        Some("/staff/referrals/new?intent=send#check")
    );
    let page = sw.open("/staff/referrals/new?intent=send").await;
    assert!(
        page.body
            .contains("Say whether the parents or carers agree")
    );
    assert_eq!(text_boxes(&page.body)["reason"], texts[0]);
    fields.push(("parental_agreement", "GIVEN"));
    let sent = sw.post(FORM, ACTION, &fields).await;
    let to = sent.location.expect("to the referral");
    assert!(to.ends_with("?sent=1"), "{to}");
    let page = sw.open(&to).await;
    assert!(page.body.contains("Referral sent"), "{}", page.body);

    // Made with the text intact.
    let id = percent_decode(
        to.trim_start_matches("/staff/referrals/")
            .trim_end_matches("?sent=1"),
    );
    let coordinator = staff_token(&app.db, COORDINATOR).await;
    let made = gql(
        &app,
        &coordinator,
        "query($id: ID!) { referral(id: $id) { reason howToContactChild communicationNeeds livesWith visitRisks otherInformation } }",
        json!({ "id": id }),
    )
    .await;
    let fields_made = [
        "reason",
        "howToContactChild",
        "communicationNeeds",
        "livesWith",
        "visitRisks",
        "otherInformation",
    ];
    for (field, text) in fields_made.iter().zip(&texts) {
        assert_eq!(made["referral"][field], text.as_str(), "{field}");
    }

    // Sent, the draft is gone: the check page shows an empty form.
    let page = sw.open("/staff/referrals/new?intent=check").await;
    assert_eq!(text_boxes(&page.body)["reason"], "");
    assert_clean_addresses(&sw, "referral");
}

#[tokio::test]
async fn a_message_sent_back_and_the_other_plain_forms_keep_typed_text_out_of_addresses() {
    let app = spawn_demo_app().await;

    // Anyone asks for an advocate and forgets how to reach them: sent back, then sent.
    let mut anyone = PlainBrowser::new(&app);
    let about = typed("about");
    let name = format!("{MARK} Sam");
    let mut message = vec![
        ("name", name.as_str()),
        ("contact", ""),
        ("about", about.as_str()),
        ("council", "Demo County Council"),
        ("meeting_kind", ""),
        ("meeting_date", ""),
    ];
    let back = anyone
        .post(
            "/ask-for-an-advocate",
            "/api/public/ask-for-an-advocate",
            &message,
        )
        .await;
    assert_eq!(
        back.location.as_deref(),
        Some("/ask-for-an-advocate?error=contact")
    );
    let page = anyone.open("/ask-for-an-advocate?error=contact").await;
    assert_eq!(text_boxes(&page.body)["about"], about);
    assert_eq!(
        input_value(&page.body, "name").as_deref(),
        Some(name.as_str())
    );
    assert!(
        page.body
            .contains("Please tell us a phone number or an email")
    );
    message[1] = ("contact", "07700 900123");
    // A browser without a date picker sends what was typed: the date is what is wrong.
    message[5] = ("meeting_date", "next tuesday");
    let back = anyone
        .post(
            "/ask-for-an-advocate?error=contact",
            "/api/public/ask-for-an-advocate",
            &message,
        )
        .await;
    assert_eq!(
        back.location.as_deref(),
        Some("/ask-for-an-advocate?error=not-a-date")
    );
    let page = anyone.open("/ask-for-an-advocate?error=not-a-date").await;
    assert!(page.body.contains("We could not read that date."));
    assert!(
        page.body.contains("href=\"#meeting_date\""),
        "linked to its box"
    );
    assert_eq!(text_boxes(&page.body)["about"], about);
    message[5] = ("meeting_date", "");
    let sent = anyone
        .post(
            "/ask-for-an-advocate?error=contact",
            "/api/public/ask-for-an-advocate",
            &message,
        )
        .await;
    assert_eq!(
        sent.location.as_deref(),
        Some("/ask-for-an-advocate/thanks")
    );
    anyone.open("/ask-for-an-advocate/thanks").await;
    let page = anyone.open("/ask-for-an-advocate?error=contact").await;
    assert_eq!(
        text_boxes(&page.body)["about"],
        "",
        "sent, the draft is gone"
    );
    let coordinator = staff_token(&app.db, COORDINATOR).await;
    let inbox = gql(
        &app,
        &coordinator,
        "{ referralInbox(first: 50) { edges { node { id source reason } } } }",
        json!({}),
    )
    .await;
    let received = inbox["referralInbox"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["node"]["source"] == "SELF_REFERRAL" && e["node"]["reason"] == about.as_str())
        .map(|e| e["node"]["id"].as_str().unwrap().to_owned());
    let received = received.expect("the message reached the inbox, whole");
    assert_clean_addresses(&anyone, "ask for an advocate");

    // The coordinator declines it with a reason.
    let mut coordinator_browser = PlainBrowser::staff(&app, &coordinator);
    let page = format!("/staff/referrals/{}", urlencode(&received));
    coordinator_browser.open(&page).await;
    let why = typed("declined");
    let answer = coordinator_browser
        .post(
            &page,
            "/api/staff/referral-decline",
            &[("id", received.as_str()), ("reason", why.as_str())],
        )
        .await;
    coordinator_browser
        .open(answer.location.as_deref().expect("back to the referral"))
        .await;
    assert_clean_addresses(&coordinator_browser, "decline");

    // Mia writes a worry, and asks her advocate for help in her own words.
    let mia_token = child_token(&app.db, "Mia").await;
    let mut mia = PlainBrowser::child(&app, &mia_token);
    let meeting_id = gql(
        &app,
        &mia_token,
        "{ myMeetings(first: 5) { edges { node { id } } } }",
        json!({}),
    )
    .await["myMeetings"]["edges"][0]["node"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let version = gql(
        &app,
        &mia_token,
        "query($m: ID!) { myViews(meetingId: $m) { version } }",
        json!({ "m": meeting_id }),
    )
    .await["myViews"]["version"]
        .to_string();
    mia.open("/me/views/worries").await;
    let worry = typed("worry");
    let answer = mia
        .post(
            "/me/views/worries",
            "/api/child/save",
            &[
                ("meeting_id", meeting_id.as_str()),
                ("part", "worries"),
                ("version", &version),
                ("go", "next"),
                ("items[0]", worry.as_str()),
                ("boxes", "1"),
            ],
        )
        .await;
    let next = answer.location.expect("on to the next page");
    assert!(next.starts_with("/me/views/"), "{next}");
    mia.open(&next).await;
    let page = mia.open("/me/views/worries").await;
    assert_eq!(text_boxes(&page.body)["item-0"], worry, "saved as typed");
    let help = typed("help");
    let answer = mia
        .post(
            "/not-safe",
            "/api/child/help",
            &[("message", help.as_str())],
        )
        .await;
    mia.open(answer.location.as_deref().expect("told")).await;
    assert_clean_addresses(&mia, "the child's pages");

    // Her advocate writes a note.
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
        .and_then(|e| e["node"]["id"].as_str())
        .expect("Mia's case")
        .to_owned();
    let mut advocate = PlainBrowser::staff(&app, &advocate_token);
    let case_page = format!("/staff/cases/{}", urlencode(&case));
    advocate.open(&case_page).await;
    let note = typed("note");
    let answer = advocate
        .post(
            &case_page,
            "/api/staff/case-note",
            &[("case_id", case.as_str()), ("body", note.as_str())],
        )
        .await;
    let page = advocate
        .open(answer.location.as_deref().expect("back to the case"))
        .await;
    assert!(page.body.contains("Leo&#x27;s dad") || page.body.contains("Leo's dad"));
    assert_clean_addresses(&advocate, "advocate's note");

    // The chair's record, sent back once (the plan left empty), then saved.
    hold_meeting_of(&app.db, "Mia").await;
    let mut isro = PlainBrowser::staff(&app, &staff_token(&app.db, "isro@demo.myvoice").await);
    let meeting_page = format!("/staff/meetings/{}", urlencode(&meeting_id));
    isro.open(&meeting_page).await;
    let words = typed("record");
    let mut record = vec![
        ("meeting_id", meeting_id.as_str()),
        ("worried_about_now", words.as_str()),
        ("complicating_factors", words.as_str()),
        ("going_well", words.as_str()),
        ("signs_of_safety", words.as_str()),
        ("plan", ""),
        ("outcome_staff_words", words.as_str()),
        ("outcome_child_words", words.as_str()),
    ];
    let answer = isro
        .post(&meeting_page, "/api/staff/record-meeting", &record)
        .await;
    let page = isro
        .open(answer.location.as_deref().expect("back to the record"))
        .await;
    assert_eq!(text_boxes(&page.body)["worried_about_now"], words);
    record[5] = ("plan", words.as_str());
    let answer = isro
        .post(&meeting_page, "/api/staff/record-meeting", &record)
        .await;
    let page = isro
        .open(answer.location.as_deref().expect("back to the meeting"))
        .await;
    assert_eq!(text_boxes(&page.body)["plan"], words, "saved as typed");
    assert_clean_addresses(&isro, "chair's record");
}
