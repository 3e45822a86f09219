//! The advocate's own words on a case: kept apart from the child's, which the advocate never changes.
use std::collections::HashMap;

use chrono::Utc;
use entity::enums::ActorKind;
use entity::{advocate_note, staff_user};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};

use super::advocate::allocated_case;
use crate::audit::{self, AuditAction, Subject};
use crate::auth::Viewer;
use crate::error::ApiResult;
use crate::graphql::pagination::Page;

/// Most letters in one note.
pub const NOTE_MAX: usize = crate::text::LONG;

/// A note and the name of who wrote it.
#[derive(Debug, Clone)]
pub struct Note {
    pub note: advocate_note::Model,
    pub author_name: String,
}

pub async fn add(
    db: &DatabaseConnection,
    viewer: &Viewer,
    case_id: i32,
    body: String,
) -> ApiResult<Note> {
    let (staff, case) = allocated_case(db, viewer, case_id).await?;
    let author = staff_user::Entity::find_by_id(staff.id).one(db).await?;
    let now = Utc::now();
    let txn = crate::db::begin_write(db).await?;
    let note = advocate_note::ActiveModel {
        local_authority_id: Set(case.local_authority_id),
        case_id: Set(case.id),
        author_id: Set(staff.id),
        body: Set(body),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        staff.tenant,
        (ActorKind::Staff, Some(staff.id)),
        AuditAction::AdvocateNoteAdded,
        Subject::new("advocate_note", note.id),
        Some(serde_json::json!({ "caseId": case.id })),
    )
    .await?;
    txn.commit().await?;
    Ok(Note {
        note,
        author_name: author.map(|a| a.name).unwrap_or_default(),
    })
}

/// The notes on a case, newest first (three statements per page).
pub async fn list(
    db: &DatabaseConnection,
    viewer: &Viewer,
    case_id: i32,
    page: Page,
) -> ApiResult<(Vec<Note>, u64)> {
    let (_, case) = allocated_case(db, viewer, case_id).await?;
    let query = advocate_note::Entity::find()
        .filter(advocate_note::Column::LocalAuthorityId.eq(case.local_authority_id))
        .filter(advocate_note::Column::CaseId.eq(case.id));
    let total = query.clone().count(db).await?;
    let notes = query
        .order_by_desc(advocate_note::Column::CreatedAt)
        .order_by_desc(advocate_note::Column::Id)
        .offset(page.offset)
        .limit(page.limit)
        .all(db)
        .await?;
    let authors: HashMap<i32, String> = staff_user::Entity::find()
        .filter(staff_user::Column::Id.is_in(notes.iter().map(|n| n.author_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.id, s.name))
        .collect();
    let notes = notes
        .into_iter()
        .map(|note| Note {
            author_name: authors.get(&note.author_id).cloned().unwrap_or_default(),
            note,
        })
        .collect();
    Ok((notes, total))
}
