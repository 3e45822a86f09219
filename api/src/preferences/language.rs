//! The language of the child's own pages, chosen by the child: kept on the child's record
//! (`child.language`), which staff see beside whether an interpreter is needed.
use entity::child;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use serde_json::json;

use crate::audit::{self, AuditAction, Subject};
use crate::auth::{TenantId, Viewer};
use crate::error::{ApiError, ApiResult};
use crate::policy::preferences::own_language;

/// A language code as the pages send it (BCP 47: `cy`, `pl`, `ar`, `en-GB`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LanguageCode(String);

impl LanguageCode {
    pub fn parse(code: &str) -> ApiResult<Self> {
        let code = code.trim();
        let mut parts = code.split('-');
        let primary = parts.next().unwrap_or_default();
        let primary_ok =
            (2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_lowercase());
        let rest_ok = parts
            .all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()));
        if primary_ok && rest_ok && code.len() <= 35 {
            Ok(Self(code.to_owned()))
        } else {
            Err(ApiError::bad_input(
                "language",
                "Give a language code like cy, pl or ar.",
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Keep the language the signed-in child chose for their pages (audited); the code kept.
pub async fn set_mine(
    db: &DatabaseConnection,
    viewer: &Viewer,
    code: LanguageCode,
) -> ApiResult<String> {
    let child_id = own_language(viewer)?;
    let txn = crate::db::begin_write(db).await?;
    let child = child::Entity::find_by_id(child_id)
        .one(&txn)
        .await?
        .ok_or(ApiError::NotFound("Child"))?;
    if child.language != code.as_str() {
        child::Entity::update_many()
            .col_expr(child::Column::Language, Expr::value(code.as_str()))
            .filter(child::Column::Id.eq(child.id))
            .exec(&txn)
            .await?;
        audit::record(
            &txn,
            TenantId(child.local_authority_id),
            audit::actor(viewer),
            AuditAction::ChildLanguageSet,
            Subject::new("child", child.id),
            Some(json!({ "language": code.as_str() })),
        )
        .await?;
    }
    txn.commit().await?;
    Ok(code.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_codes_are_checked() {
        for good in ["cy", "pl", "ar", "en-GB", "ro"] {
            assert_eq!(LanguageCode::parse(good).unwrap().as_str(), good);
        }
        for bad in ["", "Polish", "c", "en_GB", "<script>", "toolonglanguage"] {
            assert!(LanguageCode::parse(bad).is_err(), "{bad}");
        }
    }
}
