//! `sharedViewsForMeeting` (issue 18): the chair's meeting page opens every child's views shared
//! for the meeting in its one read. Each reading is recorded for its child as `sharedViews` records
//! it, under the same rules, and with the same statements however many children.
use chrono::Utc;
use entity::enums::{Audience, StaffRole};
use entity::{meeting_child, views, views_share, views_version};
use sea_orm::{
    ActiveModelTrait, ActiveValue::NotSet, ColumnTrait, DatabaseConnection, EntityTrait,
    QueryFilter, Set,
};
use serde_json::{Value, json};
use tests::app::{child_token, error_code, spawn_demo_app, staff_token};

use crate::sharing::share;
use crate::views::{
    ADVOCATE, ISRO, another_staff, audit_count, consenting_content, kid, mia_submits, ok, save,
    views_row,
};

const OPEN_ALL: &str = "query($m: ID!) { sharedViewsForMeeting(meetingId: $m) { childFirstName version readAt worries } }";

/// Leo at Mia's meeting, his views shared with the chair too: Mia's rows copied for him. His
/// views' ID.
async fn leo_shares_too(db: &DatabaseConnection, mia_views: &views::Model) -> i32 {
    let leo = kid(db, "Leo").await;
    meeting_child::ActiveModel {
        local_authority_id: Set(mia_views.local_authority_id),
        meeting_id: Set(mia_views.meeting_id),
        child_id: Set(leo.child_id),
        created_at: Set(Utc::now()),
    }
    .insert(db)
    .await
    .unwrap();
    let mut copy: views::ActiveModel = mia_views.clone().into();
    copy.id = NotSet;
    copy.child_id = Set(leo.child_id);
    copy.case_id = Set(None);
    copy.idempotency_key = Set(None);
    let leo_views = copy.insert(db).await.unwrap();
    let versions = views_version::Entity::find()
        .filter(views_version::Column::ViewsId.eq(mia_views.id))
        .all(db)
        .await
        .unwrap();
    for row in versions {
        let mut copy: views_version::ActiveModel = row.into();
        copy.id = NotSet;
        copy.views_id = Set(leo_views.id);
        copy.insert(db).await.unwrap();
    }
    let shares = views_share::Entity::find()
        .filter(views_share::Column::ViewsId.eq(mia_views.id))
        .filter(views_share::Column::Audience.eq(Audience::Chair))
        .all(db)
        .await
        .unwrap();
    for row in shares {
        let mut copy: views_share::ActiveModel = row.into();
        copy.id = NotSet;
        copy.views_id = Set(leo_views.id);
        copy.read_at = Set(None);
        copy.insert(db).await.unwrap();
    }
    leo_views.id
}

fn opened(answer: &Value) -> Vec<Value> {
    ok(answer)["sharedViewsForMeeting"]
        .as_array()
        .expect("a list")
        .clone()
}

#[tokio::test]
async fn the_chair_opens_every_childs_views_for_the_meeting_in_one_read() {
    let app = spawn_demo_app().await;
    let mia = kid(&app.db, "Mia").await;
    let token = child_token(&app.db, "Mia").await;
    mia_submits(&app, &mia, &token).await;
    ok(&share(&app, &mia.case).await);
    let mia_views = views_row(&app.db, &mia).await.expect("Mia's views");
    let meeting = json!({ "m": mia.meeting });

    let isro = staff_token(&app.db, ISRO).await;
    let (one, answer) = app.statements_of(&isro, OPEN_ALL, meeting.clone()).await;
    let list = opened(&answer);
    assert_eq!(list.len(), 1, "{answer}");
    assert_eq!(list[0]["childFirstName"], "Mia");
    assert_eq!(list[0]["version"], 2);
    assert_eq!(list[0]["worries"], consenting_content()["worries"]);
    assert!(list[0]["readAt"].is_string(), "marked read: {answer}");
    assert_eq!(
        audit_count(&app.db, "views.read", mia_views.id).await,
        1,
        "the reading is recorded for Mia"
    );

    // One more child at the meeting: the same statements, a reading recorded for each child.
    let leo_views = leo_shares_too(&app.db, &mia_views).await;
    let (two, answer) = app.statements_of(&isro, OPEN_ALL, meeting.clone()).await;
    let names: Vec<Value> = opened(&answer)
        .iter()
        .map(|v| v["childFirstName"].clone())
        .collect();
    assert_eq!(names, [json!("Leo"), json!("Mia")]);
    assert_eq!(one, two, "the same statements for one child or two");
    assert_eq!(audit_count(&app.db, "views.read", mia_views.id).await, 2);
    assert_eq!(audit_count(&app.db, "views.read", leo_views).await, 1);

    // Only the views shared with the viewer: another chair sees none; an advocate is refused.
    let other = another_staff(&app.db, "other.isro@demo.myvoice", StaffRole::Isro).await;
    let answer = app
        .graphql_as(Some(&other), OPEN_ALL, meeting.clone())
        .await;
    assert_eq!(opened(&answer), Vec::<Value>::new());
    let advocate = staff_token(&app.db, ADVOCATE).await;
    let answer = app
        .graphql_as(Some(&advocate), OPEN_ALL, meeting.clone())
        .await;
    assert_eq!(error_code(&answer), "FORBIDDEN");

    // Mia no longer agrees to the chair: her views are not opened, nor recorded as read.
    let mut withdrawn = consenting_content();
    withdrawn["shareWithChair"] = json!(false);
    ok(&save(&app, &token, &mia.meeting, 2, withdrawn).await);
    let answer = app.graphql_as(Some(&isro), OPEN_ALL, meeting).await;
    let names: Vec<Value> = opened(&answer)
        .iter()
        .map(|v| v["childFirstName"].clone())
        .collect();
    assert_eq!(names, [json!("Leo")]);
    assert_eq!(audit_count(&app.db, "views.read", mia_views.id).await, 2);
}
