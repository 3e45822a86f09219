//! Reading the three CSV files, each row on its own: required columns, dates, kinds and roles,
//! and references or e-mails that appear twice in one file. Every problem is collected.
//!
//! Headers (first line; case, spaces and order do not matter; columns marked * are required):
//! - staff:    `email`*, `name`*, `role`* (advocate, social_worker, isro, coordinator, admin)
//! - children: `reference`*, `preferred_name`*, `date_of_birth`* (YYYY-MM-DD), `looked_after`*
//!   (yes/no), `language` (default en), `communication_needs`, `lives_with`, `social_worker_email`
//! - meetings: `reference`*, `kind`* (e.g. child_in_need_meeting), `scheduled_at` (YYYY-MM-DD HH:MM
//!   in UK time, or RFC 3339 with an offset), `place`, `chair_email`, `social_worker_email`,
//!   `child_references`* (children's references separated by `;`)
use std::collections::HashMap;

use chrono::{DateTime, Utc};
use entity::enums::{MeetingKind, StaffRole};
use serde::Deserialize;

use super::{FileKind, Problem, Upload};
use crate::admin::staff::Email;
use crate::error::ApiResult;
use crate::records::{ChildRecord, MeetingRecord};
use crate::text::{LONG, SHORT};
use fields::{Row, once};
use read::read;

mod fields;
mod read;

pub const STAFF_COLUMNS: &[&str] = &["email", "name", "role"];
pub const CHILDREN_COLUMNS: &[&str] = &[
    "reference",
    "preferred_name",
    "date_of_birth",
    "looked_after",
    "language",
    "communication_needs",
    "lives_with",
    "social_worker_email",
];
pub const MEETINGS_COLUMNS: &[&str] = &[
    "reference",
    "kind",
    "scheduled_at",
    "place",
    "chair_email",
    "social_worker_email",
    "child_references",
];
const STAFF_REQUIRED: &[&str] = &["email", "name", "role"];
const CHILDREN_REQUIRED: &[&str] = &[
    "reference",
    "preferred_name",
    "date_of_birth",
    "looked_after",
];
const MEETINGS_REQUIRED: &[&str] = &["reference", "kind", "child_references"];
/// As many children as `upsertMeeting` takes for one meeting.
const MAX_CHILDREN_PER_MEETING: usize = 20;

#[derive(Deserialize, Default)]
#[serde(default)]
struct RawStaff {
    email: Option<String>,
    name: Option<String>,
    role: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RawChild {
    reference: Option<String>,
    preferred_name: Option<String>,
    date_of_birth: Option<String>,
    looked_after: Option<String>,
    language: Option<String>,
    communication_needs: Option<String>,
    lives_with: Option<String>,
    social_worker_email: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RawMeeting {
    reference: Option<String>,
    kind: Option<String>,
    scheduled_at: Option<String>,
    place: Option<String>,
    chair_email: Option<String>,
    social_worker_email: Option<String>,
    child_references: Option<String>,
}

pub struct StaffRow {
    pub line: u64,
    pub email: Email,
    pub name: String,
    pub role: StaffRole,
}

pub struct ChildRow {
    pub line: u64,
    /// `social_worker_id` is filled in when the upload is written.
    pub record: ChildRecord,
    pub social_worker_email: Option<Email>,
}

pub struct MeetingRow {
    pub line: u64,
    /// `chair_id` and `social_worker_id` are filled in when the upload is written.
    pub record: MeetingRecord,
    pub chair_email: Option<Email>,
    pub social_worker_email: Option<Email>,
}

/// The rows that read well. `*_references` hold every reference a file names, on good rows or
/// bad, so a meeting naming a child whose row has a problem is not reported a second time.
#[derive(Default)]
pub struct Parsed {
    pub staff: Vec<StaffRow>,
    pub children: Vec<ChildRow>,
    pub meetings: Vec<MeetingRow>,
    pub staff_emails: Vec<String>,
    pub child_references: Vec<String>,
    /// Rows read per file (staff, children, meetings), good or bad, blank lines aside.
    pub rows_read: [usize; 3],
    /// Who and what every children and meetings row names, good rows or bad, so a row with a
    /// bad date still hears that its e-mail is unknown too.
    pub links: Vec<Links>,
}

pub struct Links {
    pub file: FileKind,
    pub line: u64,
    pub chair_email: Option<Email>,
    pub social_worker_email: Option<Email>,
    pub child_references: Vec<String>,
}

/// Read every file of the upload. Err only for a file over the row limit.
pub fn parse(
    upload: &Upload,
    now: DateTime<Utc>,
    problems: &mut Vec<Problem>,
) -> ApiResult<Parsed> {
    let mut parsed = Parsed::default();
    if let Some(text) = &upload.staff {
        let rows = read::<RawStaff>(
            FileKind::Staff,
            text,
            STAFF_COLUMNS,
            STAFF_REQUIRED,
            problems,
        )?;
        parsed.rows_read[0] = rows.len();
        let mut seen = HashMap::new();
        for (line, raw) in rows {
            let mut row = Row {
                file: FileKind::Staff,
                line,
                problems: &mut *problems,
                ok: true,
            };
            let email = row.email("email", raw.email.as_deref(), true);
            let name = row.text("name", raw.name.as_deref(), SHORT, true);
            let role: Option<StaffRole> = row.one_of("role", raw.role.as_deref(), "role");
            if role == Some(StaffRole::Agency) {
                row.problem(
                    "role",
                    "Partner agency staff are added on the agencies page, with their agency.",
                );
            }
            if let Some(email) = &email {
                once(
                    &mut row,
                    &mut seen,
                    "email",
                    email.as_ref(),
                    "e-mail address",
                );
                parsed.staff_emails.push(email.as_ref().to_owned());
            }
            if let (true, Some(email), Some(name), Some(role)) = (row.ok, email, name, role) {
                parsed.staff.push(StaffRow {
                    line,
                    email,
                    name,
                    role,
                });
            }
        }
    }
    if let Some(text) = &upload.children {
        let rows = read::<RawChild>(
            FileKind::Children,
            text,
            CHILDREN_COLUMNS,
            CHILDREN_REQUIRED,
            problems,
        )?;
        parsed.rows_read[1] = rows.len();
        let mut seen = HashMap::new();
        for (line, raw) in rows {
            let mut row = Row {
                file: FileKind::Children,
                line,
                problems: &mut *problems,
                ok: true,
            };
            let reference = row.text("reference", raw.reference.as_deref(), SHORT, true);
            let name = row.text("preferred_name", raw.preferred_name.as_deref(), SHORT, true);
            let born = row.day("date_of_birth", raw.date_of_birth.as_deref());
            if born.is_some_and(|d| d > now.date_naive()) {
                row.problem("date_of_birth", "This date of birth is in the future.");
            }
            let looked_after = row.yes_no("looked_after", raw.looked_after.as_deref());
            let language = row.text("language", raw.language.as_deref(), SHORT, false);
            let needs = row.text(
                "communication_needs",
                raw.communication_needs.as_deref(),
                LONG,
                false,
            );
            let lives_with = row.text("lives_with", raw.lives_with.as_deref(), LONG, false);
            let sw = row.email(
                "social_worker_email",
                raw.social_worker_email.as_deref(),
                false,
            );
            if let Some(reference) = &reference {
                once(&mut row, &mut seen, "reference", reference, "reference");
                parsed.child_references.push(reference.clone());
            }
            parsed.links.push(Links {
                file: FileKind::Children,
                line,
                chair_email: None,
                social_worker_email: sw.clone(),
                child_references: Vec::new(),
            });
            if let (true, Some(reference), Some(name), Some(born), Some(looked_after)) =
                (row.ok, reference, name, born, looked_after)
            {
                let record = ChildRecord {
                    reference,
                    preferred_name: name,
                    date_of_birth: born,
                    looked_after,
                    language: language.unwrap_or_else(|| "en".to_owned()),
                    communication_needs: needs,
                    lives_with,
                    social_worker_id: None,
                };
                parsed.children.push(ChildRow {
                    line,
                    record,
                    social_worker_email: sw,
                });
            }
        }
    }
    if let Some(text) = &upload.meetings {
        let rows = read::<RawMeeting>(
            FileKind::Meetings,
            text,
            MEETINGS_COLUMNS,
            MEETINGS_REQUIRED,
            problems,
        )?;
        parsed.rows_read[2] = rows.len();
        let mut seen = HashMap::new();
        for (line, raw) in rows {
            let mut row = Row {
                file: FileKind::Meetings,
                line,
                problems: &mut *problems,
                ok: true,
            };
            let reference = row.text("reference", raw.reference.as_deref(), SHORT, true);
            let kind: Option<MeetingKind> =
                row.one_of("kind", raw.kind.as_deref(), "kind of meeting");
            let at = row.moment("scheduled_at", raw.scheduled_at.as_deref());
            let place = row.text("place", raw.place.as_deref(), SHORT, false);
            let chair = row.email("chair_email", raw.chair_email.as_deref(), false);
            let sw = row.email(
                "social_worker_email",
                raw.social_worker_email.as_deref(),
                false,
            );
            let children = row.text(
                "child_references",
                raw.child_references.as_deref(),
                LONG,
                true,
            );
            let mut references: Vec<String> = Vec::new();
            for r in children.iter().flat_map(|c| c.split(';')).map(str::trim) {
                if !r.is_empty() && !references.iter().any(|k| k == r) {
                    references.push(r.to_owned());
                }
            }
            if references.len() > MAX_CHILDREN_PER_MEETING {
                row.problem(
                    "child_references",
                    format!("A meeting is about at most {MAX_CHILDREN_PER_MEETING} children."),
                );
            }
            if let Some(reference) = &reference {
                once(&mut row, &mut seen, "reference", reference, "reference");
            }
            parsed.links.push(Links {
                file: FileKind::Meetings,
                line,
                chair_email: chair.clone(),
                social_worker_email: sw.clone(),
                child_references: references.clone(),
            });
            if let (true, Some(reference), Some(kind), false) =
                (row.ok, reference, kind, references.is_empty())
            {
                let record = MeetingRecord {
                    reference,
                    kind,
                    scheduled_at: at,
                    place,
                    chair_id: None,
                    social_worker_id: None,
                    child_references: references,
                };
                parsed.meetings.push(MeetingRow {
                    line,
                    record,
                    chair_email: chair,
                    social_worker_email: sw,
                });
            }
        }
    }
    Ok(parsed)
}
