//! Where the pages keep a form's draft between a plain form post and the page that shows it again
//! (see `frontend::drafts` for why): the `form_draft` table, so every instance finds it. The
//! browser's key is a random secret; only its digest is stored, and only under keys made here.
use std::sync::Arc;

use chrono::{Duration, Utc};
use entity::form_draft::{ActiveModel, Column, Entity};
use frontend::drafts::{DraftStore, Drafts, Pending};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, Set};

use crate::auth::secrets::{digest, random_token};

/// Random bytes in a key: as unguessable as a refresh token.
const KEY_BYTES: usize = 24;
/// The largest draft kept: six boxes of 2,000 letters with room to spare. The request body limit
/// (256 KiB) bounds it too.
const MOST_BYTES: usize = 128 * 1024;

pub fn store(db: DatabaseConnection) -> Drafts {
    Drafts(Arc::new(FormDrafts { db }))
}

struct FormDrafts {
    db: DatabaseConnection,
}

/// A key this store could have made (base64url of `KEY_BYTES`); anything else gets a new one.
fn made_here(key: &str) -> bool {
    key.len() == KEY_BYTES * 4 / 3
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

async fn keep(
    db: &DatabaseConnection,
    key: Option<String>,
    form: &str,
    body: String,
    minutes: i64,
) -> Result<Option<String>, DbErr> {
    if body.len() > MOST_BYTES {
        return Ok(None);
    }
    let key = key
        .filter(|k| made_here(k))
        .unwrap_or_else(|| random_token(KEY_BYTES));
    let now = Utc::now();
    Entity::delete_many()
        .filter(Column::ExpiresAt.lt(now))
        .exec(db)
        .await?;
    Entity::insert(ActiveModel {
        key_digest: Set(digest(&key)),
        form: Set(form.to_owned()),
        body: Set(body),
        expires_at: Set(now + Duration::minutes(minutes)),
    })
    .on_conflict(
        OnConflict::columns([Column::KeyDigest, Column::Form])
            .update_columns([Column::Body, Column::ExpiresAt])
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(Some(key))
}

async fn read(db: &DatabaseConnection, key: &str, form: &str) -> Result<Option<String>, DbErr> {
    Ok(Entity::find()
        .filter(Column::KeyDigest.eq(digest(key)))
        .filter(Column::Form.eq(form))
        .filter(Column::ExpiresAt.gt(Utc::now()))
        .one(db)
        .await?
        .map(|draft| draft.body))
}

async fn forget(db: &DatabaseConnection, key: &str, form: Option<&str>) -> Result<(), DbErr> {
    let mut gone = Entity::delete_many().filter(Column::KeyDigest.eq(digest(key)));
    if let Some(form) = form {
        gone = gone.filter(Column::Form.eq(form));
    }
    gone.exec(db).await?;
    Ok(())
}

/// A draft is a convenience: a database error loses it (the page shows the form empty) and is
/// logged, but never breaks the page.
fn logged<T>(what: &str, result: Result<T, DbErr>, otherwise: T) -> T {
    result.unwrap_or_else(|error| {
        tracing::warn!(%error, "could not {what} a form's draft");
        otherwise
    })
}

impl DraftStore for FormDrafts {
    fn keep(
        &self,
        key: Option<String>,
        form: &'static str,
        body: String,
        minutes: i64,
    ) -> Pending<Option<String>> {
        let db = self.db.clone();
        Box::pin(async move { logged("keep", keep(&db, key, form, body, minutes).await, None) })
    }

    fn read(&self, key: String, form: &'static str) -> Pending<Option<String>> {
        let db = self.db.clone();
        Box::pin(async move { logged("read", read(&db, &key, form).await, None) })
    }

    fn forget(&self, key: String, form: Option<&'static str>) -> Pending<()> {
        let db = self.db.clone();
        Box::pin(async move { logged("forget", forget(&db, &key, form).await, ()) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_keys_made_here_are_used_again() {
        assert!(made_here(&random_token(KEY_BYTES)));
        assert!(!made_here("short"));
        assert!(!made_here(&"a".repeat(31)));
        assert!(!made_here(&format!("{}=", "a".repeat(31))));
    }
}
