//! The statement of a child's views for the meeting and the case file (issue 20): the words exactly
//! as the child sent them, how they want to take part, who the views went to and when. The print
//! page (A4) shows this one read, and the browser makes the PDF from that page.
pub mod graphql;
mod handed;

pub use handed::{Reach, hand, reach};

use std::collections::HashMap;

use entity::enums::ViewsStatus;
use entity::{child, meeting, staff_user, views, views_handed, views_share, views_version};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};
use serde_json::json;

use crate::auth::Viewer;
use crate::error::{ApiError, ApiResult};
use crate::policy::views::{StatementReader, statement_reader};
use crate::views::Content;
use crate::views::advocate::{allocated_case, record_read};
use crate::views::history::snapshot_content;
use crate::views::received::{Which, open};

/// Everything the statement shows.
#[derive(Debug, Clone)]
pub struct Statement {
    pub views: views::Model,
    pub child: child::Model,
    pub meeting: meeting::Model,
    /// The version shown: the newest sent (advocate), or the newest shared with the reader.
    pub version: views_version::Model,
    pub content: Content,
    /// Every share of these views, with the name of the person it went to.
    pub shares: Vec<(views_share::Model, String)>,
    pub handed: Vec<views_handed::Model>,
}

/// The statement of one child's views, read (and audited as a read of the views) by the allocated
/// advocate or by a person the views were shared with.
pub async fn load(db: &DatabaseConnection, viewer: &Viewer, views_id: i32) -> ApiResult<Statement> {
    // The reader's path already holds some rows: the recipient's opening read the child and the
    // meeting with the share, so they are not read twice.
    let (views, version, content, about) = match statement_reader(viewer)? {
        StatementReader::Advocate => {
            let views = views::Entity::find_by_id(views_id)
                .one(db)
                .await?
                .ok_or(ApiError::NotFound("Views"))?;
            // A views row with no case, or another advocate's, answers as missing.
            let case_id = views.case_id.ok_or(ApiError::NotFound("Views"))?;
            let (staff, _) = allocated_case(db, viewer, case_id)
                .await
                .map_err(|_| ApiError::NotFound("Views"))?;
            let version = views_version::Entity::find()
                .filter(views_version::Column::ViewsId.eq(views.id))
                .filter(views_version::Column::Status.ne(ViewsStatus::Draft))
                .order_by_desc(views_version::Column::Version)
                .one(db)
                .await?
                .ok_or_else(|| {
                    ApiError::conflict(
                        "The child has not sent their views yet: there is no statement.",
                    )
                })?;
            let detail = json!({ "statement": true, "version": version.version });
            record_read(db, &staff, &views, detail).await?;
            let content = snapshot_content(&version)?;
            (views, version, content, None)
        }
        // The same opening as reading the share: the reader's consent is checked, it is marked read
        // and audited.
        StatementReader::Recipient => {
            let opened = open(db, viewer, Which::Views(views_id)).await?;
            let about = (opened.received.child, opened.received.meeting);
            (
                opened.received.views,
                opened.version,
                opened.content,
                Some(about),
            )
        }
    };
    let (child, meeting) = match about {
        Some(about) => about,
        None => child_and_meeting(db, &views).await?,
    };
    let shares = views_share::Entity::find()
        .filter(views_share::Column::ViewsId.eq(views.id))
        .order_by_asc(views_share::Column::SharedAt)
        .order_by_asc(views_share::Column::Id)
        .all(db)
        .await?;
    let names: HashMap<i32, String> = staff_user::Entity::find()
        .filter(staff_user::Column::Id.is_in(shares.iter().map(|s| s.recipient_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.id, s.name))
        .collect();
    let shares = shares
        .into_iter()
        .map(|share| {
            let name = names.get(&share.recipient_id).cloned().unwrap_or_default();
            (share, name)
        })
        .collect();
    let handed = views_handed::Entity::find()
        .filter(views_handed::Column::ViewsId.eq(views.id))
        .order_by_asc(views_handed::Column::GivenOn)
        .order_by_asc(views_handed::Column::Id)
        .all(db)
        .await?;
    Ok(Statement {
        views,
        child,
        meeting,
        version,
        content,
        shares,
        handed,
    })
}

async fn child_and_meeting(
    db: &DatabaseConnection,
    views: &views::Model,
) -> ApiResult<(child::Model, meeting::Model)> {
    let child = child::Entity::find_by_id(views.child_id)
        .one(db)
        .await?
        .ok_or(ApiError::NotFound("Child"))?;
    let meeting = meeting::Entity::find_by_id(views.meeting_id)
        .one(db)
        .await?
        .ok_or(ApiError::NotFound("Meeting"))?;
    Ok((child, meeting))
}
