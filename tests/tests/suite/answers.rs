//! "You said → we decided" (issue 20): the chair answers each point the child made in views shared
//! with them, in the same write as the meeting record; a record with a point left unanswered is
//! refused and writes nothing; the child reads the answers to their own points only; oversight
//! counts the share of points answered.
use api::graphql::ids::NodeKind;
use chrono::{Duration, Utc};
use entity::enums::StaffRole;
use entity::{audit_event, meeting, meeting_child, view_answer};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, ModelTrait, PaginatorTrait, QueryFilter, Set,
};
use serde_json::{Value, json};
use tests::app::{TestApp, child_token, error_code, hold_meeting_of, spawn_demo_app, staff_token};

use crate::sharing::share;
use crate::views::{ISRO, Kid, another_staff, kid, mia_submits, ok, views_row};

const RECORD: &str = "mutation($m: ID!, $i: RecordMeetingInput!) { recordMeeting(meetingId: $m, input: $i) { recordedAt } }";
const POINTS: &str = "query($m: ID!) { sharedViewsForMeeting(meetingId: $m) { viewsId points { part index said answer { kind words } } } }";
const MINE: &str = "{ myCurrentMeeting { answers { part index said kind words } } }";

/// Mia's three points (a worry, a good thing, a wish) shared with the chair, her meeting held.
/// Her views' ID.
pub(crate) async fn mia_shares_and_meets(app: &TestApp) -> (Kid, String) {
    let mia = kid(&app.db, "Mia").await;
    let token = child_token(&app.db, "Mia").await;
    mia_submits(app, &mia, &token).await;
    ok(&share(app, &mia.case).await);
    hold_meeting_of(&app.db, "Mia").await;
    let views = views_row(&app.db, &mia).await.expect("Mia's views");
    (mia, NodeKind::Views.id(views.id).0)
}

/// An answer to each of Mia's three points, as the chair gives them.
pub(crate) fn mias_answers(views: &str) -> Value {
    json!([
        { "viewsId": views, "part": "WORRIES", "index": 0, "kind": "AGREED",
          "words": "You will see your brother every month." },
        { "viewsId": views, "part": "GOING_WELL", "index": 0, "kind": "TALK_ABOUT_LATER",
          "words": "at your next meeting in March." },
        { "viewsId": views, "part": "WANT_TO_HAPPEN", "index": 0, "kind": "ADVOCATE_WILL_EXPLAIN" },
    ])
}

pub(crate) fn record_with(answers: Value) -> Value {
    json!({
        "plan": "Mia stays with her foster carers; she sees her brother every month.",
        "outcomeStaffWords": "Placement to continue; sibling contact monthly.",
        "outcomeChildWords": "You will stay where you are and see your brother every month.",
        "answers": answers,
    })
}

async fn answer_rows(app: &TestApp) -> u64 {
    view_answer::Entity::find().count(&app.db).await.unwrap()
}

async fn recorded_at(app: &TestApp, meeting_id: i32) -> Option<chrono::DateTime<Utc>> {
    meeting::Entity::find_by_id(meeting_id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .recorded_at
}

fn message(answer: &Value) -> String {
    answer["errors"][0]["message"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test]
async fn a_record_with_a_point_left_unanswered_is_refused_and_writes_nothing() {
    let app = spawn_demo_app().await;
    let (mia, views) = mia_shares_and_meets(&app).await;
    let isro = staff_token(&app.db, ISRO).await;
    let vars = |answers: Value| json!({ "m": mia.meeting, "i": record_with(answers) });

    // The chair sees the three points to answer, none answered yet.
    let points = app
        .graphql_as(Some(&isro), POINTS, json!({ "m": mia.meeting }))
        .await;
    let points = ok(&points)["sharedViewsForMeeting"][0]["points"].clone();
    assert_eq!(points.as_array().map(Vec::len), Some(3), "{points}");
    assert_eq!(
        points[0]["said"],
        "I don't know if I can still see my brother."
    );
    assert_eq!(points[0]["answer"], Value::Null);

    let audits = || async {
        audit_event::Entity::find()
            .filter(audit_event::Column::Action.eq("meeting.recorded"))
            .count(&app.db)
            .await
            .unwrap()
    };
    let before = audits().await;
    for (answers, says) in [
        (json!([]), "3 points the child made still need an answer."),
        (
            json!([mias_answers(&views)[0], mias_answers(&views)[1]]),
            "1 point the child made still needs an answer.",
        ),
    ] {
        let refused = app.graphql_as(Some(&isro), RECORD, vars(answers)).await;
        assert_eq!(error_code(&refused), "BAD_USER_INPUT", "{refused}");
        assert_eq!(refused["errors"][0]["extensions"]["field"], "answers");
        assert_eq!(message(&refused), says);
    }
    // An answer to a point Mia did not make, or for views not of this meeting.
    let mut not_a_point = mias_answers(&views);
    not_a_point[0]["index"] = json!(5);
    let other_views = NodeKind::Views.id(999_999).0;
    let mut not_shared = mias_answers(&views);
    not_shared[0]["viewsId"] = json!(other_views);
    // An answer without its words for the child.
    let mut no_words = mias_answers(&views);
    no_words[1]["words"] = json!("  ");
    for answers in [not_a_point, not_shared, no_words] {
        let refused = app.graphql_as(Some(&isro), RECORD, vars(answers)).await;
        assert_eq!(error_code(&refused), "BAD_USER_INPUT", "{refused}");
        assert_eq!(refused["errors"][0]["extensions"]["field"], "answers");
    }

    assert_eq!(answer_rows(&app).await, 0, "no answer written");
    assert_eq!(
        recorded_at(&app, mia.meeting_id).await,
        None,
        "not recorded"
    );
    assert_eq!(audits().await, before, "nothing audited");
}

#[tokio::test]
async fn with_every_answer_the_meeting_is_recorded_and_mia_reads_each_answer() {
    let app = spawn_demo_app().await;
    let (mia, views) = mia_shares_and_meets(&app).await;
    let isro = staff_token(&app.db, ISRO).await;
    let saved = app
        .graphql_as(
            Some(&isro),
            RECORD,
            json!({ "m": mia.meeting, "i": record_with(mias_answers(&views)) }),
        )
        .await;
    assert!(ok(&saved)["recordMeeting"]["recordedAt"].is_string());
    assert_eq!(answer_rows(&app).await, 3);

    // The chair's page shows each point with its answer.
    let points = app
        .graphql_as(Some(&isro), POINTS, json!({ "m": mia.meeting }))
        .await;
    let points = ok(&points)["sharedViewsForMeeting"][0]["points"].clone();
    assert_eq!(
        points[0]["answer"],
        json!({ "kind": "AGREED", "words": "You will see your brother every month." })
    );
    assert_eq!(
        points[2]["answer"],
        json!({ "kind": "ADVOCATE_WILL_EXPLAIN", "words": null })
    );

    // Mia reads each of her points with its answer, in the order of her views.
    let token = child_token(&app.db, "Mia").await;
    let mine = app.graphql_as(Some(&token), MINE, json!({})).await;
    assert_eq!(
        ok(&mine)["myCurrentMeeting"]["answers"],
        json!([
            { "part": "WORRIES", "index": 0, "said": "I don't know if I can still see my brother.",
              "kind": "AGREED", "words": "You will see your brother every month." },
            { "part": "GOING_WELL", "index": 0, "said": "I like my foster carers' dog, Biscuit.",
              "kind": "TALK_ABOUT_LATER", "words": "at your next meeting in March." },
            { "part": "WANT_TO_HAPPEN", "index": 0, "said": "See my brother every Saturday.",
              "kind": "ADVOCATE_WILL_EXPLAIN", "words": null },
        ])
    );

    // The audit keeps how many points were answered, never the words.
    let event = audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq("meeting.recorded"))
        .filter(audit_event::Column::SubjectId.eq(mia.meeting_id))
        .one(&app.db)
        .await
        .unwrap()
        .expect("audited");
    let detail = event.detail.map(|d| d.to_string()).unwrap_or_default();
    assert!(detail.contains("\"answers\":3"), "{detail}");
    assert!(!detail.contains("brother"), "{detail}");

    // Recording again: earlier answers count, and an answer given again replaces the earlier one.
    let again = json!([{ "viewsId": views, "part": "WORRIES", "index": 0, "kind": "NOT_THIS_TIME",
        "words": "the judge has to decide first." }]);
    let saved = app
        .graphql_as(
            Some(&isro),
            RECORD,
            json!({ "m": mia.meeting, "i": record_with(again) }),
        )
        .await;
    ok(&saved);
    assert_eq!(answer_rows(&app).await, 3);
    let mine = app.graphql_as(Some(&token), MINE, json!({})).await;
    assert_eq!(
        ok(&mine)["myCurrentMeeting"]["answers"][0]["kind"],
        "NOT_THIS_TIME"
    );
}

#[tokio::test]
async fn another_chair_cannot_answer_and_another_child_does_not_see_the_answers() {
    let app = spawn_demo_app().await;
    let (mia, views) = mia_shares_and_meets(&app).await;
    let vars = json!({ "m": mia.meeting, "i": record_with(mias_answers(&views)) });
    let other = another_staff(&app.db, "other.isro@demo.myvoice", StaffRole::Isro).await;
    let refused = app.graphql_as(Some(&other), RECORD, vars.clone()).await;
    assert_eq!(error_code(&refused), "FORBIDDEN", "{refused}");
    assert_eq!(answer_rows(&app).await, 0);

    let isro = staff_token(&app.db, ISRO).await;
    ok(&app.graphql_as(Some(&isro), RECORD, vars).await);

    // Leo is at Mia's meeting too: the meeting is his, the answers to Mia's points are not.
    let leo = kid(&app.db, "Leo").await;
    meeting_child::ActiveModel {
        local_authority_id: Set(mia_local_authority(&app, mia.meeting_id).await),
        meeting_id: Set(mia.meeting_id),
        child_id: Set(leo.child_id),
        created_at: Set(Utc::now()),
    }
    .insert(&app.db)
    .await
    .unwrap();
    let leo_token = child_token(&app.db, "Leo").await;
    let query = "{ myMeetings(first: 100) { nodes { id answers { said } } } }";
    let his = app.graphql_as(Some(&leo_token), query, json!({})).await;
    let meetings = ok(&his)["myMeetings"]["nodes"]
        .as_array()
        .expect("nodes")
        .clone();
    let at_mias = meetings
        .iter()
        .find(|m| m["id"] == json!(mia.meeting))
        .expect("Leo sees Mia's meeting as his");
    assert_eq!(at_mias["answers"], json!([]), "{his}");
    // Mia sees hers in the same list.
    let token = child_token(&app.db, "Mia").await;
    let hers = app.graphql_as(Some(&token), query, json!({})).await;
    let hers = ok(&hers)["myMeetings"]["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .find(|m| m["id"] == json!(mia.meeting))
        .expect("her meeting")["answers"]
        .clone();
    assert_eq!(hers.as_array().map(Vec::len), Some(3));
}

async fn mia_local_authority(app: &TestApp, meeting_id: i32) -> i32 {
    meeting::Entity::find_by_id(meeting_id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .local_authority_id
}

#[tokio::test]
async fn oversight_counts_the_share_of_points_answered() {
    let app = spawn_demo_app().await;
    let (mia, views) = mia_shares_and_meets(&app).await;
    let coordinator = staff_token(&app.db, "coordinator@demo.myvoice").await;
    let today = Utc::now().date_naive();
    let query = "query($f: NaiveDate!, $t: NaiveDate!) {
        oversightMetrics(from: $f, to: $t, byKind: false) { month childrenPointsAnsweredPercent } }";
    let vars = json!({ "f": today - Duration::days(40), "t": today + Duration::days(1) });
    let percents = || async {
        let answer = app
            .graphql_as(Some(&coordinator), query, vars.clone())
            .await;
        ok(&answer)["oversightMetrics"]
            .as_array()
            .expect("rows")
            .iter()
            .filter_map(|r| r["childrenPointsAnsweredPercent"].as_f64())
            .collect::<Vec<f64>>()
    };
    // Not recorded yet: nothing to measure.
    assert_eq!(percents().await, Vec::<f64>::new());

    let isro = staff_token(&app.db, ISRO).await;
    let vars_record = json!({ "m": mia.meeting, "i": record_with(mias_answers(&views)) });
    ok(&app.graphql_as(Some(&isro), RECORD, vars_record).await);
    assert_eq!(percents().await, vec![100.0]);

    // One answer gone (as if Mia's worry had been changed since): 2 of 3 answered.
    let worry = view_answer::Entity::find()
        .filter(view_answer::Column::ItemIndex.eq(0))
        .filter(view_answer::Column::Part.eq(entity::enums::ViewPart::Worries))
        .one(&app.db)
        .await
        .unwrap()
        .expect("the worry's answer");
    worry.delete(&app.db).await.unwrap();
    assert_eq!(percents().await, vec![66.7]);
}

/// "Agreed" for every point of the views shared with this chair for the meeting, as
/// `RecordMeetingInput.answers` (for tests that record a meeting whose child shared views).
pub(crate) async fn every_point_agreed(app: &TestApp, chair: &str, meeting: &str) -> Value {
    let read = app
        .graphql_as(Some(chair), POINTS, json!({ "m": meeting }))
        .await;
    let mut answers = Vec::new();
    for views in ok(&read)["sharedViewsForMeeting"]
        .as_array()
        .expect("views")
    {
        for point in views["points"].as_array().expect("points") {
            answers.push(json!({
                "viewsId": views["viewsId"], "part": point["part"], "index": point["index"],
                "kind": "AGREED", "words": "The meeting agreed.",
            }));
        }
    }
    json!(answers)
}
