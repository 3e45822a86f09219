//! Work for the write scenarios, added just before they run (after the read scenarios, so the
//! caseload is measured on the dataset alone). A draft can be submitted once and a meeting referred
//! once, so each write needs its own: new meetings to come, linked to existing children, with a
//! draft (for `submitViews`) or without a referral (for `createReferral`).
use chrono::{DateTime, Duration, Utc};
use entity::enums::{MeetingKind, MeetingStatus};
use entity::{meeting, meeting_child, views};
use sea_orm::sea_query::{Expr, Func};
use sea_orm::{DatabaseConnection, DbErr, EntityTrait, QuerySelect, Set};

use crate::bulk::{advance_sequences, insert_all};
use crate::dataset::{LA, Layout, content, link, views_row};

/// One piece of work: a child (by index) and a meeting of theirs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item {
    pub child: usize,
    pub meeting_id: i32,
}

/// Per client, the items only that client uses.
pub type Pool = Vec<Vec<Item>>;

async fn max_id<E: EntityTrait>(db: &DatabaseConnection, column: E::Column) -> Result<i32, DbErr> {
    let max: Option<Option<i32>> = E::find()
        .select_only()
        .expr(Func::max(Expr::col(column)))
        .into_tuple()
        .one(db)
        .await?;
    Ok(max.flatten().unwrap_or(0))
}

fn pool_meeting(id: i32, sw: i32, now: DateTime<Utc>) -> meeting::ActiveModel {
    meeting::ActiveModel {
        id: Set(id),
        local_authority_id: Set(LA),
        kind: Set(MeetingKind::CoreGroupMeeting),
        scheduled_at: Set(Some(now + Duration::days(30))),
        place: Set(Some("Family centre".into())),
        chair_id: Set(None),
        social_worker_id: Set(Some(sw)),
        status: Set(MeetingStatus::Scheduled),
        worried_about_now: Set(None),
        complicating_factors: Set(None),
        going_well: Set(None),
        signs_of_safety: Set(None),
        plan: Set(None),
        outcome_staff_words: Set(None),
        outcome_child_words: Set(None),
        recorded_at: Set(None),
        created_at: Set(now),
        external_ref: Set(None),
        moved_at: Set(None),
        move_reason: Set(None),
        cancelled_at: Set(None),
        cancel_reason: Set(None),
        follow_up_of_id: Set(None),
    }
}

/// `per_client` drafts for each of `clients` clients. Each client has children of its own (child
/// `c` belongs to client `c % clients`), and takes them in turn, so no child is asked twice in a row.
pub async fn drafts(
    db: &DatabaseConnection,
    l: &Layout,
    clients: usize,
    per_client: usize,
) -> Result<Pool, DbErr> {
    let total = clients * per_client;
    // A multiple of `clients`, so child `j % used` always belongs to client `j % clients`.
    let used = (l.children.min(total.max(clients)) / clients).max(1) * clients;
    let now = Utc::now();
    let first_meeting = max_id::<meeting::Entity>(db, meeting::Column::Id).await? + 1;
    let first_views = max_id::<views::Entity>(db, views::Column::Id).await? + 1;
    let item = |j: usize| Item {
        child: j % used,
        meeting_id: first_meeting + id(j),
    };
    insert_all::<meeting::Entity, _>(
        db,
        (0..total).map(|j| {
            let it = item(j);
            pool_meeting(it.meeting_id, l.social_worker_of(it.child), now)
        }),
    )
    .await?;
    insert_all::<meeting_child::Entity, _>(
        db,
        (0..total).map(|j| {
            let it = item(j);
            link(it.meeting_id, l.child_id(it.child), now)
        }),
    )
    .await?;
    insert_all::<views::Entity, _>(
        db,
        (0..total).map(|j| {
            let it = item(j);
            views::ActiveModel {
                id: Set(first_views + id(j)),
                ..views_row(l.child_id(it.child), it.meeting_id, None, content(j), now)
            }
        }),
    )
    .await?;
    advance_sequences(db, &["meeting", "views"]).await?;
    let mut pool: Pool = vec![Vec::with_capacity(per_client); clients];
    for j in 0..total {
        pool[j % clients].push(item(j));
    }
    Ok(pool)
}

/// `per_client` meetings still to be referred for each client; client `k` is social worker
/// `k % social_workers` and refers that social worker's own children.
pub async fn referrable(
    db: &DatabaseConnection,
    l: &Layout,
    clients: usize,
    per_client: usize,
) -> Result<Pool, DbErr> {
    let now = Utc::now();
    let first_meeting = max_id::<meeting::Entity>(db, meeting::Column::Id).await? + 1;
    let pool: Pool = (0..clients)
        .map(|k| {
            let theirs = l.children_of_social_worker(k % l.social_workers);
            (0..per_client)
                .map(|j| Item {
                    child: theirs.start + j % theirs.len().max(1),
                    meeting_id: first_meeting + id(k * per_client + j),
                })
                .collect()
        })
        .collect();
    let items = || {
        pool.iter()
            .enumerate()
            .flat_map(|(k, items)| items.iter().map(move |it| (k, *it)))
    };
    insert_all::<meeting::Entity, _>(
        db,
        items().map(|(k, it)| {
            let sw = l.social_worker_id(k % l.social_workers);
            pool_meeting(it.meeting_id, sw, now)
        }),
    )
    .await?;
    insert_all::<meeting_child::Entity, _>(
        db,
        items().map(|(_, it)| link(it.meeting_id, l.child_id(it.child), now)),
    )
    .await?;
    advance_sequences(db, &["meeting"]).await?;
    Ok(pool)
}

fn id(n: usize) -> i32 {
    i32::try_from(n).expect("pools are sized to fit 32-bit ids")
}
