//! The page's one read, and its four writes.
use super::{Flash, NoticesPage};
use crate::error::PageError;
use crate::pages::staff::api::StaffRead;

/// Who is signed in and the page, in one read.
#[leptos::server(prefix = "/api/staff", endpoint = "admin-notices")]
pub async fn load_notices() -> Result<StaffRead<NoticesPage>, PageError> {
    use super::ops::{self, notice_set_up as op};
    use crate::pages::staff::api::{Role, server::page};

    let read = page::<ops::NoticeSetUp>(Role::Admin, op::Variables {}).await?;
    Ok(read.map(notices_page))
}

#[cfg(feature = "ssr")]
fn notices_page(data: super::ops::notice_set_up::ResponseData) -> NoticesPage {
    use super::ops::notice_set_up as op;
    use super::{Contact, Hook, Sent};
    use crate::dates::log_time;

    let sent = data
        .notices
        .edges
        .into_iter()
        .map(|edge| {
            let n = edge.node;
            let status = match n.status {
                op::DeliveryStatus::DELIVERED => "Sent",
                op::DeliveryStatus::FAILED => "Failed: given up",
                op::DeliveryStatus::WAITING if n.attempts > 0 => "Waiting to try again",
                _ => "Waiting",
            };
            Sent {
                when: log_time(n.delivered_at.as_ref().unwrap_or(&n.created_at)),
                what: what(&n.event).to_owned(),
                by_email: matches!(n.channel, op::NoticeChannel::EMAIL),
                to: n.recipient,
                status: status.to_owned(),
                attempts: n.attempts,
                error: n.last_error,
            }
        })
        .collect();
    NoticesPage {
        contacts: data
            .duty_contacts
            .into_iter()
            .map(|c| Contact {
                id: c.id,
                name: c.name,
                email: c.email,
            })
            .collect(),
        hooks: data
            .webhook_endpoints
            .into_iter()
            .map(|h| Hook {
                id: h.id,
                url: h.url,
                added: log_time(&h.created_at),
            })
            .collect(),
        sent,
        total_sent: data.notices.total_count,
        flash: crate::pages::staff::once::take(),
    }
}

/// The event in staff words.
#[cfg(feature = "ssr")]
fn what(event: &str) -> &'static str {
    match event {
        "referral.received" => "New referral",
        "case.allocated" => "Case allocated",
        "urgent_help.raised" => "Urgent help asked for",
        "urgent_help.escalated" => "Urgent help not picked up",
        "views.shared" => "Views shared",
        "outcome.sent" => "Outcome sent",
        "outcome.chased" => "Outcome reminder",
        "meeting.moved" => "Meeting moved",
        "meeting.cancelled" => "Meeting cancelled",
        _ => "Other",
    }
}

#[cfg(feature = "ssr")]
fn back(done: &str) -> String {
    format!(
        "/staff/notifications?done={done}&at={}",
        chrono::Utc::now().timestamp_millis()
    )
}

#[cfg(feature = "ssr")]
fn answer(flash: Flash, done: &str) -> Option<Flash> {
    crate::pages::staff::once::answer(flash, &back(done), false)
}

/// A refusal the form can show beside the field, or the error for the page.
#[cfg(feature = "ssr")]
fn refused(
    error: PageError,
    form: &str,
    default_field: &str,
    typed: Vec<String>,
) -> Result<Option<Flash>, PageError> {
    match crate::pages::staff::admin::field_error(&error) {
        Some((field, message)) => Ok(answer(
            Flash::Rejected {
                form: form.to_owned(),
                field: if field.is_empty() {
                    default_field.to_owned()
                } else {
                    field
                },
                message,
                typed,
            },
            "check",
        )),
        None => Err(error),
    }
}

#[leptos::server(prefix = "/api/staff", endpoint = "admin-add-duty-contact")]
pub async fn add_contact(name: String, email: String) -> Result<Option<Flash>, PageError> {
    use super::ops::{self, add_duty_contact as op};
    let vars = op::Variables {
        name: name.clone(),
        email: email.clone(),
    };
    match crate::pages::staff::api::server::exec::<ops::AddDutyContact>(vars).await {
        Ok(data) => Ok(answer(
            Flash::Done(format!(
                "{} will now hear of urgent help nobody picked up.",
                data.add_duty_contact.name
            )),
            "added",
        )),
        Err(error) => refused(error, "contact", "email", vec![name, email]),
    }
}

#[leptos::server(prefix = "/api/staff", endpoint = "admin-remove-duty-contact")]
pub async fn remove_contact(id: String) -> Result<Option<Flash>, PageError> {
    use super::ops::{self, remove_duty_contact as op};
    crate::pages::staff::api::server::exec::<ops::RemoveDutyContact>(op::Variables { id }).await?;
    Ok(answer(
        Flash::Done("The duty contact is removed.".into()),
        "removed",
    ))
}

#[leptos::server(prefix = "/api/staff", endpoint = "admin-add-webhook")]
pub async fn add_hook(url: String) -> Result<Option<Flash>, PageError> {
    use super::ops::{self, add_endpoint as op};
    let vars = op::Variables { url: url.clone() };
    match crate::pages::staff::api::server::exec::<ops::AddEndpoint>(vars).await {
        Ok(data) => Ok(answer(
            Flash::HookAdded {
                url: data.add_webhook_endpoint.endpoint.url,
                secret: data.add_webhook_endpoint.secret,
            },
            "added",
        )),
        Err(error) => refused(error, "hook", "url", vec![url]),
    }
}

#[leptos::server(prefix = "/api/staff", endpoint = "admin-remove-webhook")]
pub async fn remove_hook(id: String) -> Result<Option<Flash>, PageError> {
    use super::ops::{self, remove_endpoint as op};
    let data =
        crate::pages::staff::api::server::exec::<ops::RemoveEndpoint>(op::Variables { id }).await?;
    Ok(answer(
        Flash::Done(format!(
            "Nothing more will be sent to {}.",
            data.remove_webhook_endpoint.url
        )),
        "removed",
    ))
}
