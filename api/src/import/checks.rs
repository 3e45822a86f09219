//! A dry run kept for a day: its report and the files it checked. The admin reads every problem
//! again by the check's id (the import page shows a check after a redirect, so without JavaScript
//! nothing has to fit in a cookie), and imports exactly the files that were checked without
//! choosing them again. Only the admin who made a check may read or use it; another's check, like
//! an expired one, is NOT_FOUND. A check is deleted once its files are imported, and a day after it
//! was made at the latest: expired checks are swept whenever a new one is kept.
use chrono::{DateTime, Duration, Utc};
use entity::import_check;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    Set,
};
use serde::{Deserialize, Serialize};

use super::{Counts, Problem, Report, Upload};
use crate::auth::StaffViewer;
use crate::error::{ApiError, ApiResult};

/// How long a check (and the files in it) is kept.
pub const KEPT_FOR: Duration = Duration::hours(24);

/// What a check keeps of its report: a dry run has no new staff links.
#[derive(Serialize, Deserialize)]
struct Kept {
    staff: Counts,
    children: Counts,
    meetings: Counts,
    problems: Vec<Problem>,
}

/// Keep a dry run's report and files; the check's id.
pub async fn keep(
    db: &DatabaseConnection,
    admin: &StaffViewer,
    upload: Upload,
    report: &Report,
    now: DateTime<Utc>,
) -> ApiResult<String> {
    let kept = Kept {
        staff: report.staff,
        children: report.children,
        meetings: report.meetings,
        problems: report.problems.clone(),
    };
    let report = serde_json::to_string(&kept).map_err(|e| ApiError::Internal(e.to_string()))?;
    let token = crate::auth::secrets::random_token(18);
    let txn = crate::db::begin_write(db).await?;
    sweep(&txn, now).await?;
    import_check::ActiveModel {
        local_authority_id: Set(admin.tenant.0),
        staff_id: Set(admin.id),
        token: Set(token.clone()),
        staff_csv: Set(upload.staff),
        children_csv: Set(upload.children),
        meetings_csv: Set(upload.meetings),
        report: Set(report),
        expires_at: Set(now + KEPT_FOR),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok(token)
}

async fn sweep(conn: &impl ConnectionTrait, now: DateTime<Utc>) -> ApiResult<()> {
    import_check::Entity::delete_many()
        .filter(import_check::Column::ExpiresAt.lte(now))
        .exec(conn)
        .await?;
    Ok(())
}

/// The admin's own check, still kept.
pub async fn find(
    db: &DatabaseConnection,
    admin: &StaffViewer,
    token: &str,
    now: DateTime<Utc>,
) -> ApiResult<import_check::Model> {
    import_check::Entity::find()
        .filter(import_check::Column::Token.eq(token))
        .filter(import_check::Column::LocalAuthorityId.eq(admin.tenant.0))
        .filter(import_check::Column::StaffId.eq(admin.id))
        .filter(import_check::Column::ExpiresAt.gt(now))
        .one(db)
        .await?
        .ok_or(ApiError::NotFound("Import check"))
}

/// The report as it was when the files were checked.
pub fn report_of(check: &import_check::Model) -> ApiResult<Report> {
    let kept: Kept =
        serde_json::from_str(&check.report).map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok(Report {
        dry_run: true,
        imported: false,
        staff: kept.staff,
        children: kept.children,
        meetings: kept.meetings,
        problems: kept.problems,
        new_staff_links: Vec::new(),
    })
}

/// The files that were checked.
pub fn upload_of(check: import_check::Model) -> Upload {
    Upload {
        staff: check.staff_csv,
        children: check.children_csv,
        meetings: check.meetings_csv,
    }
}

/// Its files were imported: they are not kept any longer.
pub async fn forget(db: &DatabaseConnection, id: i32) -> ApiResult<()> {
    import_check::Entity::delete_by_id(id).exec(db).await?;
    Ok(())
}
