//! The child's own names for their meeting and the three parts of their views ("My big meeting",
//! "Stuff that bugs me"). Each is short, one line, and empty means the usual words.
use entity::child;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use crate::audit::{self, AuditAction, Subject};
use crate::auth::{TenantId, Viewer};
use crate::error::{ApiError, ApiResult};
use crate::policy::preferences::own_names;

/// The longest name: a heading on a phone, not a sentence.
pub const NAME_MAX: usize = 60;

/// What the child calls things; `None` keeps the usual words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Names {
    pub meeting: Option<String>,
    pub worries: Option<String>,
    pub going_well: Option<String>,
    pub want_to_happen: Option<String>,
}

impl Names {
    fn of(row: &child::Model) -> Self {
        Self {
            meeting: row.meeting_name.clone(),
            worries: row.worries_name.clone(),
            going_well: row.going_well_name.clone(),
            want_to_happen: row.want_to_happen_name.clone(),
        }
    }

    /// Checked once, here: trimmed, blank is `None`, bounded, one line.
    pub fn parse(raw: [(&'static str, Option<&str>); 4]) -> ApiResult<Self> {
        let [meeting, worries, going_well, want_to_happen] =
            raw.map(|(field, text)| name(field, text));
        Ok(Self {
            meeting: meeting?,
            worries: worries?,
            going_well: going_well?,
            want_to_happen: want_to_happen?,
        })
    }
}

fn name(field: &'static str, raw: Option<&str>) -> ApiResult<Option<String>> {
    let name = crate::text::optional(field, raw, NAME_MAX)?;
    if name
        .as_deref()
        .is_some_and(|n| n.contains(['\n', '\r', '\t']))
    {
        return Err(ApiError::bad_input(
            field,
            format!("{field} must be one line."),
        ));
    }
    Ok(name)
}

/// The signed-in child's names.
pub async fn mine(db: &DatabaseConnection, viewer: &Viewer) -> ApiResult<Names> {
    let child_id = own_names(viewer)?;
    let row = child::Entity::find_by_id(child_id)
        .one(db)
        .await?
        .ok_or(ApiError::NotFound("Child"))?;
    Ok(Names::of(&row))
}

/// Replace the signed-in child's names (audited, without the names themselves).
pub async fn set_mine(db: &DatabaseConnection, viewer: &Viewer, names: Names) -> ApiResult<Names> {
    let child_id = own_names(viewer)?;
    let txn = crate::db::begin_write(db).await?;
    let row = child::Entity::find_by_id(child_id)
        .one(&txn)
        .await?
        .ok_or(ApiError::NotFound("Child"))?;
    child::Entity::update_many()
        .col_expr(
            child::Column::MeetingName,
            Expr::value(names.meeting.clone()),
        )
        .col_expr(
            child::Column::WorriesName,
            Expr::value(names.worries.clone()),
        )
        .col_expr(
            child::Column::GoingWellName,
            Expr::value(names.going_well.clone()),
        )
        .col_expr(
            child::Column::WantToHappenName,
            Expr::value(names.want_to_happen.clone()),
        )
        .filter(child::Column::Id.eq(row.id))
        .exec(&txn)
        .await?;
    audit::record(
        &txn,
        TenantId(row.local_authority_id),
        audit::actor(viewer),
        AuditAction::ChildNamesSet,
        Subject::new("child", row.id),
        None,
    )
    .await?;
    txn.commit().await?;
    Ok(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_bounded_and_one_line() {
        let names = Names::parse([
            ("meeting", Some("  My big day ")),
            ("worries", Some("")),
            ("goingWell", None),
            ("wantToHappen", Some("Wishes")),
        ])
        .unwrap();
        assert_eq!(names.meeting.as_deref(), Some("My big day"));
        assert_eq!(names.worries, None);
        assert_eq!(names.going_well, None);
        assert_eq!(names.want_to_happen.as_deref(), Some("Wishes"));
        let long = "x".repeat(NAME_MAX + 1);
        assert!(
            Names::parse([
                ("meeting", Some(&long)),
                ("worries", None),
                ("goingWell", None),
                ("wantToHappen", None)
            ])
            .is_err()
        );
        assert!(
            Names::parse([
                ("meeting", Some("a\nb")),
                ("worries", None),
                ("goingWell", None),
                ("wantToHappen", None)
            ])
            .is_err()
        );
    }
}
