//! Rows against the authority's records and each other: who the e-mails name, which children the
//! references name. A name is good when the authority has it already or the same upload brings
//! it (a meeting may name a child of the children file). Only the importing authority's staff and
//! children are looked at: another authority's are unknown, exactly like missing ones.
use std::collections::{HashMap, HashSet};

use entity::enums::StaffRole;
use entity::{child, staff_user};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect};

use super::parse::Parsed;
use super::{FileKind, Problem};
use crate::admin::staff::Email;
use crate::auth::TenantId;
use crate::error::ApiResult;

/// A member of staff as the upload would leave them.
#[derive(Clone, Copy)]
struct Person {
    role: StaffRole,
    active: bool,
}

pub fn role_words(role: StaffRole) -> &'static str {
    match role {
        StaffRole::Advocate => "an advocate",
        StaffRole::SocialWorker => "a social worker",
        StaffRole::Isro => "an ISRO",
        StaffRole::Coordinator => "the advocacy coordinator",
        StaffRole::Agency => "partner agency staff",
        StaffRole::Admin => "an administrator",
    }
}

/// Adds every problem found to `problems`; answers how many staff rows are new people.
pub async fn check(
    db: &DatabaseConnection,
    tenant: TenantId,
    parsed: &Parsed,
    problems: &mut Vec<Problem>,
) -> ApiResult<usize> {
    let existing: HashMap<String, staff_user::Model> = staff_user::Entity::find()
        .filter(staff_user::Column::LocalAuthorityId.eq(tenant.0))
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.email.clone(), s))
        .collect();
    let mut people: HashMap<String, Person> = existing
        .iter()
        .map(|(email, s)| {
            let person = Person {
                role: s.role,
                active: s.active,
            };
            (email.clone(), person)
        })
        .collect();
    let mut new_staff = 0;
    for row in &parsed.staff {
        let mut problem = |column: &str, message: String| {
            problems.push(Problem {
                file: FileKind::Staff,
                line: Some(row.line),
                column: Some(column.to_owned()),
                message,
            })
        };
        match existing.get(row.email.as_ref()) {
            None => {
                new_staff += 1;
                let person = Person {
                    role: row.role,
                    active: true,
                };
                people.insert(row.email.as_ref().to_owned(), person);
            }
            Some(s) if !s.active => problem(
                "email",
                format!(
                    "{}'s account here has been deactivated: take this row out.",
                    s.email
                ),
            ),
            Some(s) if s.role != row.role => problem(
                "role",
                format!(
                    "{} already works here as {}. Change someone's role on the staff page, not from a file.",
                    s.email,
                    role_words(s.role)
                ),
            ),
            Some(_) => {}
        }
    }
    let staff_file = |email: &Email| parsed.staff_emails.iter().any(|e| e == email.as_ref());
    let mut person =
        |file: FileKind, line: u64, column: &str, email: &Option<Email>, role: StaffRole| {
            let Some(email) = email else { return };
            let message = match people.get(email.as_ref()) {
                // Its own row in the staff file has a problem, reported there.
                None if staff_file(email) => return,
                None => format!(
                    "Nobody here has the e-mail address {}, and the staff file does not add them.",
                    email.as_ref()
                ),
                Some(p) if !p.active => format!(
                    "{}'s account here has been deactivated: name someone else.",
                    email.as_ref()
                ),
                Some(p) if p.role != role => format!(
                    "{} is {} here, not {}.",
                    email.as_ref(),
                    role_words(p.role),
                    role_words(role)
                ),
                Some(_) => return,
            };
            problems.push(Problem {
                file,
                line: Some(line),
                column: Some(column.to_owned()),
                message,
            });
        };
    let sw = StaffRole::SocialWorker;
    for l in &parsed.links {
        person(
            l.file,
            l.line,
            "chair_email",
            &l.chair_email,
            StaffRole::Isro,
        );
        person(
            l.file,
            l.line,
            "social_worker_email",
            &l.social_worker_email,
            sw,
        );
    }
    if parsed.links.iter().all(|l| l.child_references.is_empty()) {
        return Ok(new_staff);
    }
    let mut children: HashSet<String> = child::Entity::find()
        .select_only()
        .column(child::Column::ExternalRef)
        .filter(child::Column::LocalAuthorityId.eq(tenant.0))
        .filter(child::Column::ExternalRef.is_not_null())
        .into_tuple::<Option<String>>()
        .all(db)
        .await?
        .into_iter()
        .flatten()
        .collect();
    children.extend(parsed.child_references.iter().cloned());
    for l in &parsed.links {
        for reference in &l.child_references {
            if !children.contains(reference) {
                problems.push(Problem {
                    file: l.file,
                    line: Some(l.line),
                    column: Some("child_references".to_owned()),
                    message: format!(
                        "No child has the reference \"{reference}\", here or in the children file."
                    ),
                });
            }
        }
    }
    Ok(new_staff)
}
