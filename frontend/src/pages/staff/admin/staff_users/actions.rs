//! The forms' writes: invite, deactivate, a new set-password link.
use super::Flash;
use crate::error::PageError;

/// A unique address each time, so the page reloads its list after every change.
#[cfg(feature = "ssr")]
fn back(done: &str) -> String {
    format!(
        "/staff?done={done}&at={}",
        chrono::Utc::now().timestamp_millis()
    )
}

#[leptos::server(prefix = "/api/staff", endpoint = "admin-invite")]
pub async fn invite_staff(
    name: String,
    email: String,
    role: String,
    agency: String,
) -> Result<Option<Flash>, PageError> {
    use super::ops::{self, invite_staff};
    use crate::model::StaffRole;

    let rejected = |field: String, message: String| {
        Flash::InviteRejected(super::Typed {
            field,
            message,
            name: name.clone(),
            email: email.clone(),
            role: role.clone(),
            agency: agency.clone(),
        })
    };
    let Ok(staff_role) = serde_json::from_value::<StaffRole>(serde_json::json!(role)) else {
        let flash = rejected("role".into(), "Choose the role they will have.".into());
        return Ok(crate::pages::staff::once::answer(
            flash,
            &back("check"),
            false,
        ));
    };
    let input = invite_staff::InviteStaffInput {
        name: name.clone(),
        email: email.clone(),
        role: staff_role,
        agency_id: Some(agency.clone()).filter(|a| !a.is_empty()),
    };
    let answer =
        crate::pages::staff::api::server::exec::<ops::InviteStaff>(invite_staff::Variables {
            input,
        })
        .await;
    let (flash, done) = match answer {
        Ok(data) => (
            Flash::Invited {
                name: data.invite_staff.staff.name,
                email: data.invite_staff.staff.email,
                url: data.invite_staff.password_link_url,
                expires: crate::dates::in_words(&data.invite_staff.password_link_expires_at),
            },
            "invited",
        ),
        Err(error) => match crate::pages::staff::admin::field_error(&error) {
            Some((field, message)) => (rejected(field, message), "check"),
            None => return Err(error),
        },
    };
    Ok(crate::pages::staff::once::answer(flash, &back(done), false))
}

#[leptos::server(prefix = "/api/staff", endpoint = "admin-deactivate")]
pub async fn deactivate_staff(id: String) -> Result<Option<Flash>, PageError> {
    use super::ops::{self, deactivate_staff};

    let answer = crate::pages::staff::api::server::exec::<ops::DeactivateStaff>(
        deactivate_staff::Variables { id },
    )
    .await;
    let (flash, done) = match answer {
        Ok(data) => (
            Flash::Deactivated {
                name: data.deactivate_staff.name,
            },
            "deactivated",
        ),
        Err(error) => match crate::pages::staff::admin::field_error(&error) {
            Some((_, message)) => (Flash::Refused { message }, "refused"),
            None if error.code() == crate::error::ErrorCode::NotFound => (
                Flash::Refused {
                    message: "That account was not found.".into(),
                },
                "refused",
            ),
            None => return Err(error),
        },
    };
    // Either way the confirmation is over: back to the list.
    Ok(crate::pages::staff::once::answer(flash, &back(done), true))
}

/// A new one-time link for someone to set their password: shown once, whole, to copy and send to
/// them only (it travels to the next page in the short-lived cookie, never in an address).
#[leptos::server(prefix = "/api/staff", endpoint = "admin-password-link")]
pub async fn new_password_link(id: String) -> Result<Option<Flash>, PageError> {
    use super::ops::{self, issue_password_link};

    let answer = crate::pages::staff::api::server::exec::<ops::IssuePasswordLink>(
        issue_password_link::Variables { id },
    )
    .await;
    let (flash, done) = match answer {
        Ok(data) => {
            let link = data.issue_password_link;
            let expires = crate::dates::in_words(&link.expires_at);
            (
                Flash::PasswordLink {
                    name: link.staff.name,
                    email: link.staff.email,
                    url: link.url,
                    expires,
                },
                "link",
            )
        }
        Err(error) => match crate::pages::staff::admin::field_error(&error) {
            Some((_, message)) => (Flash::Refused { message }, "refused"),
            None if error.code() == crate::error::ErrorCode::NotFound => (
                Flash::Refused {
                    message: "That account was not found.".into(),
                },
                "refused",
            ),
            None => return Err(error),
        },
    };
    Ok(crate::pages::staff::once::answer(flash, &back(done), false))
}
