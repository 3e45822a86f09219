//! A submission a child was told is safe survives `kill -9`: 1,000 children send their views at
//! once, the server is killed mid-way and restarted on the same database, the app retries what got
//! no answer, and every submission is there exactly once, with nothing half-written.
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use api::auth::{ChildViewer, TenantId};
use api::graphql::ids::NodeKind;
use chrono::{NaiveDate, Utc};
use entity::enums::{MeetingKind, MeetingStatus, ViewsStatus};
use entity::{audit_event, child, meeting, meeting_child, views, views_version};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use serde_json::{Value, json};
use tests::app::{add_local_authority, test_tokens};
use tests::db::TestDb;
use tests::process::{Server, serve_command};

const CHILDREN: usize = 1000;
/// Kill once this many submissions were acknowledged: well before the last.
const KILL_AFTER_ACKS: usize = CHILDREN / 4;
const SUBMIT: &str = "mutation($m: ID!, $v: Int!, $k: String!) { \
    submitViews(meetingId: $m, expectedVersion: $v, idempotencyKey: $k) { status version } }";

/// One child's submission, as the app on their phone would send it.
#[derive(Clone)]
struct Submission {
    child_id: i32,
    token: String,
    key: String,
}

#[derive(Debug)]
enum Answer {
    /// The child was told their views are sent.
    Acknowledged,
    /// An answer that is not an acknowledgement (e.g. 503 when overloaded): the app retries.
    NotAcknowledged(String),
    /// The connection broke: the app cannot know, so it retries.
    Unanswered,
}

#[tokio::test]
async fn acknowledged_submissions_survive_kill_9_exactly_once() {
    let (test_db, db) = TestDb::migrated().await;
    let (meeting_id, submissions) = children_with_drafts(&db, CHILDREN).await;
    let meeting = NodeKind::Meeting.id(meeting_id).0;

    let mut server = Server::start(serve_command(&test_db.url)).await;
    let acks = Arc::new(AtomicUsize::new(0));
    let url = server.url("/graphql");
    let tasks: Vec<_> = submissions
        .iter()
        .cloned()
        .map(|s| {
            let (client, url, meeting, acks) = (
                server.client.clone(),
                url.clone(),
                meeting.clone(),
                acks.clone(),
            );
            tokio::spawn(async move {
                let answer = submit(&client, &url, &meeting, &s).await;
                if matches!(answer, Answer::Acknowledged) {
                    acks.fetch_add(1, Ordering::SeqCst);
                }
                (s.child_id, answer)
            })
        })
        .collect();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    while acks.load(Ordering::SeqCst) < KILL_AFTER_ACKS {
        assert!(
            tokio::time::Instant::now() < deadline,
            "too few submissions acknowledged"
        );
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    server.kill();
    let mut answers = HashMap::new();
    for task in tasks {
        let (child_id, answer) = task.await.expect("request task");
        answers.insert(child_id, answer);
    }
    let acknowledged: Vec<i32> = answers
        .iter()
        .filter(|(_, a)| matches!(a, Answer::Acknowledged))
        .map(|(id, _)| *id)
        .collect();
    let unanswered = answers
        .values()
        .filter(|a| matches!(a, Answer::Unanswered))
        .count();
    eprintln!(
        "killed with {} acknowledged, {unanswered} unanswered of {CHILDREN}",
        acknowledged.len()
    );
    assert!(
        unanswered > 0,
        "the kill came after every request was answered: nothing was tested"
    );
    for answer in answers.values() {
        if let Answer::NotAcknowledged(body) = answer {
            assert!(body.contains("SERVICE_UNAVAILABLE"), "{body}");
        }
    }

    // After the crash, before any retry: each submission is whole or absent, never half-written,
    // and each acknowledged one is there.
    let after_crash = state_of(&db, &submissions).await;
    for (child_id, state) in &after_crash {
        assert!(state.is_whole_or_absent(), "child {child_id}: {state:?}");
    }
    let saved = after_crash.values().filter(|s| s.submitted()).count();
    eprintln!(
        "after the crash {saved} saved: {} of them never acknowledged",
        saved - acknowledged.len()
    );
    for child_id in &acknowledged {
        assert!(
            after_crash[child_id].submitted(),
            "acknowledged submission of child {child_id} lost: {:?}",
            after_crash[child_id]
        );
    }

    // The apps retry everything not acknowledged, with the same keys, on the restarted server.
    let server = Server::start(serve_command(&test_db.url)).await;
    let url = server.url("/graphql");
    let retries: Vec<_> = submissions
        .iter()
        .filter(|s| !acknowledged.contains(&s.child_id))
        .cloned()
        .map(|s| {
            let (client, url, meeting) = (server.client.clone(), url.clone(), meeting.clone());
            // Like the app: keep retrying (a busy server may answer 503) until acknowledged.
            tokio::spawn(async move {
                let mut answer = submit(&client, &url, &meeting, &s).await;
                for _ in 0..20 {
                    if matches!(answer, Answer::Acknowledged) {
                        break;
                    }
                    tokio::time::sleep(Duration::from_millis(250)).await;
                    answer = submit(&client, &url, &meeting, &s).await;
                }
                (s.child_id, answer)
            })
        })
        .collect();
    for retry in retries {
        let (child_id, answer) = retry.await.expect("retry task");
        assert!(
            matches!(answer, Answer::Acknowledged),
            "retry of child {child_id}: {answer:?}"
        );
    }

    let at_end = state_of(&db, &submissions).await;
    for (child_id, state) in &at_end {
        assert!(
            state.submitted(),
            "child {child_id} sent once, exactly: {state:?}"
        );
    }
}

async fn submit(client: &reqwest::Client, url: &str, meeting: &str, s: &Submission) -> Answer {
    let body = json!({
        "query": SUBMIT,
        "variables": { "m": meeting, "v": 1, "k": s.key },
    });
    let response = match client
        .post(url)
        .bearer_auth(&s.token)
        .json(&body)
        .send()
        .await
    {
        Ok(response) => response,
        Err(_) => return Answer::Unanswered,
    };
    let status = response.status();
    let Ok(text) = response.text().await else {
        return Answer::Unanswered;
    };
    let json: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
    if status.is_success() && json["data"]["submitViews"]["status"] == "SUBMITTED" {
        Answer::Acknowledged
    } else {
        Answer::NotAcknowledged(format!("HTTP {status}: {text}"))
    }
}

/// What the database holds for one child's submission.
#[derive(Debug)]
struct Stored {
    status: ViewsStatus,
    key_matches: bool,
    version_rows: usize,
    audit_rows: usize,
}

impl Stored {
    fn submitted(&self) -> bool {
        self.status == ViewsStatus::Submitted
            && self.key_matches
            && self.version_rows == 1
            && self.audit_rows == 1
    }

    fn is_whole_or_absent(&self) -> bool {
        let absent = self.status == ViewsStatus::Draft
            && !self.key_matches
            && self.version_rows == 0
            && self.audit_rows == 0;
        absent || self.submitted()
    }
}

async fn state_of(db: &DatabaseConnection, submissions: &[Submission]) -> HashMap<i32, Stored> {
    let rows = views::Entity::find().all(db).await.expect("views");
    let mut versions: HashMap<i32, usize> = HashMap::new();
    for v in views_version::Entity::find()
        .all(db)
        .await
        .expect("versions")
    {
        *versions.entry(v.views_id).or_default() += 1;
    }
    let mut audits: HashMap<i32, usize> = HashMap::new();
    let submitted = audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq("views.submitted"))
        .all(db)
        .await
        .expect("audit");
    for id in submitted.into_iter().filter_map(|e| e.subject_id) {
        *audits.entry(id).or_default() += 1;
    }
    let keys: HashMap<i32, &str> = submissions
        .iter()
        .map(|s| (s.child_id, s.key.as_str()))
        .collect();
    assert_eq!(rows.len(), submissions.len(), "one views row per child");
    rows.into_iter()
        .map(|row| {
            let stored = Stored {
                status: row.status,
                key_matches: row.idempotency_key.as_deref() == keys.get(&row.child_id).copied(),
                version_rows: versions.get(&row.id).copied().unwrap_or(0),
                audit_rows: audits.get(&row.id).copied().unwrap_or(0),
            };
            (row.child_id, stored)
        })
        .collect()
}

/// `n` children of one local authority, all invited to one meeting next week, each with saved
/// draft views (version 1): bulk inserts, a few statements in all.
async fn children_with_drafts(db: &DatabaseConnection, n: usize) -> (i32, Vec<Submission>) {
    let la = add_local_authority(db, "Crashton Council", "crashton").await;
    let now = Utc::now();
    let meeting = meeting::ActiveModel {
        local_authority_id: Set(la),
        kind: Set(MeetingKind::ChildrenLookedAfterReview),
        scheduled_at: Set(Some(now + chrono::Duration::days(7))),
        status: Set(MeetingStatus::Scheduled),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("meeting")
    .id;
    let born = NaiveDate::from_ymd_opt(2014, 5, 1).expect("date");
    for chunk in (0..n).collect::<Vec<_>>().chunks(500) {
        child::Entity::insert_many(chunk.iter().map(|i| child::ActiveModel {
            local_authority_id: Set(la),
            preferred_name: Set(format!("crash-{i}")),
            date_of_birth: Set(born),
            looked_after: Set(true),
            created_at: Set(now),
            ..Default::default()
        }))
        .exec(db)
        .await
        .expect("children");
    }
    let children: Vec<i32> = child::Entity::find()
        .filter(child::Column::LocalAuthorityId.eq(la))
        .all(db)
        .await
        .expect("children")
        .into_iter()
        .map(|c| c.id)
        .collect();
    assert_eq!(children.len(), n);
    for chunk in children.chunks(500) {
        meeting_child::Entity::insert_many(chunk.iter().map(|&child_id| {
            meeting_child::ActiveModel {
                meeting_id: Set(meeting),
                child_id: Set(child_id),
                local_authority_id: Set(la),
                created_at: Set(now),
            }
        }))
        .exec(db)
        .await
        .expect("invitations");
        views::Entity::insert_many(chunk.iter().map(|&child_id| views::ActiveModel {
            local_authority_id: Set(la),
            child_id: Set(child_id),
            meeting_id: Set(meeting),
            worries: Set(entity::ViewItems(vec!["moving school again".into()])),
            going_well: Set(entity::ViewItems(vec!["my foster carer's dog".into()])),
            want_to_happen: Set(entity::ViewItems(vec!["to see my brother".into()])),
            status: Set(ViewsStatus::Draft),
            version: Set(1),
            updated_at: Set(now),
            created_at: Set(now),
            ..Default::default()
        }))
        .exec(db)
        .await
        .expect("drafts");
    }
    let tokens = test_tokens();
    let submissions = children
        .into_iter()
        .map(|child_id| Submission {
            child_id,
            token: tokens
                .issue_child(
                    &ChildViewer {
                        child_id,
                        tenant: TenantId(la),
                    },
                    0,
                )
                .expect("child token")
                .token,
            key: format!("crash-test-key-{child_id}"),
        })
        .collect();
    (meeting, submissions)
}
