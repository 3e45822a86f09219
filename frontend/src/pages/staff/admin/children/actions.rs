//! The pages' reads (the list, one child's record) and the record page's forms: place or lift a
//! hold, ask for an erasure, confirm or cancel one. Every form answers on the child's page.
use super::{ChildList, Flash, Record};
use crate::error::PageError;
use crate::pages::staff::api::StaffRead;

/// Who is signed in and the children whose name or reference holds `q`, in one read.
#[leptos::server(prefix = "/api/staff", endpoint = "admin-dp-children")]
pub async fn load_children(q: Option<String>) -> Result<StaffRead<ChildList>, PageError> {
    use super::ChildRow;
    use super::ops::{self, find_children};
    use crate::pages::staff::api::{Role, server::page};

    let search = q.clone().filter(|s| !s.trim().is_empty());
    let read = page::<ops::FindChildren>(Role::Admin, find_children::Variables { search }).await?;
    Ok(read.map(|data| {
        let list = data.data_protection_children;
        ChildList {
            search: q.unwrap_or_default(),
            total: list.total_count,
            children: list
                .edges
                .into_iter()
                .map(|e| ChildRow {
                    id: e.node.child_id,
                    name: e.node.preferred_name,
                    full_name: e.node.full_name.unwrap_or_default(),
                    reference: e.node.reference.unwrap_or_default(),
                    held: e.node.held,
                    removed: e.node.anonymised_at.is_some(),
                })
                .collect(),
        }
    }))
}

/// Who is signed in and one child's data protection record.
#[leptos::server(prefix = "/api/staff", endpoint = "admin-dp-child")]
pub async fn load_child(child_id: String) -> Result<StaffRead<Record>, PageError> {
    use super::ops::{self, child_record};
    use super::{HoldRow, RequestRow};
    use crate::dates::log_time;
    use crate::pages::staff::api::{Role, server::page};

    let read = page::<ops::ChildRecord>(Role::Admin, child_record::Variables { child_id }).await?;
    Ok(read.map(|data| {
        let c = data.child_data_protection;
        Record {
            id: c.child_id,
            name: c.preferred_name,
            full_name: c.full_name.unwrap_or_default(),
            reference: c.reference.unwrap_or_default(),
            born: c.date_of_birth.format("%-d %B %Y").to_string(),
            removed_at: c.anonymised_at.as_ref().map(log_time),
            held: c.held,
            advocacy_open: c.advocacy_open,
            last_closed: c.last_closed_at.as_ref().map(log_time),
            holds: c
                .holds
                .into_iter()
                .map(|h| HoldRow {
                    reason: h.reason,
                    set: format!("{} by {}", log_time(&h.set_at), h.set_by_name),
                    lifted: h.lifted_at.as_ref().map(|at| {
                        format!(
                            "{} by {}: {}",
                            log_time(at),
                            h.lifted_by_name.clone().unwrap_or_default(),
                            h.lift_reason.clone().unwrap_or_default()
                        )
                    }),
                })
                .collect(),
            requests: c
                .erasure_requests
                .into_iter()
                .map(|r| RequestRow {
                    id: r.id,
                    reason: r.reason,
                    status: format!("{:?}", r.status),
                    asked: format!("{} by {}", log_time(&r.requested_at), r.requested_by_name),
                    asked_by_you: r.asked_by_you,
                    lapses: log_time(&r.expires_at),
                    confirmed: r.confirmed_at.as_ref().map(|at| {
                        format!(
                            "{} by {}",
                            log_time(at),
                            r.confirmed_by_name.clone().unwrap_or_default()
                        )
                    }),
                })
                .collect(),
            flash: crate::pages::staff::once::take(),
        }
    }))
}

#[cfg(feature = "ssr")]
fn back(child_id: &str) -> String {
    format!(
        "/staff/admin/children/{child_id}?at={}",
        chrono::Utc::now().timestamp_millis()
    )
}

/// The answer of one form: done, or refused with the API's words (the reason typed is kept).
#[cfg(feature = "ssr")]
fn settle<T>(
    child_id: &str,
    form: &str,
    reason: &str,
    answer: Result<T, PageError>,
    done: impl FnOnce(T) -> String,
) -> Result<Option<Flash>, PageError> {
    let flash = match answer {
        Ok(data) => Flash::Done(done(data)),
        Err(error) => match crate::pages::staff::admin::field_error(&error) {
            Some((_, message)) => Flash::Refused {
                form: form.to_owned(),
                message,
                reason: reason.to_owned(),
            },
            None => return Err(error),
        },
    };
    Ok(crate::pages::staff::once::answer(
        flash,
        &back(child_id),
        false,
    ))
}

#[cfg(feature = "ssr")]
fn blank(child_id: &str, form: &str) -> Result<Option<Flash>, PageError> {
    let flash = Flash::Refused {
        form: form.to_owned(),
        message: "Give a reason.".to_owned(),
        reason: String::new(),
    };
    Ok(crate::pages::staff::once::answer(
        flash,
        &back(child_id),
        false,
    ))
}

/// Place a hold (`lift` empty) or lift the one in place (`lift` = "yes"), with a reason.
#[leptos::server(prefix = "/api/staff", endpoint = "admin-dp-hold")]
pub async fn set_hold(
    child_id: String,
    reason: String,
    lift: Option<String>,
) -> Result<Option<Flash>, PageError> {
    use super::ops::{self, lift_hold, place_hold};
    use crate::pages::staff::api::server::exec;

    let lifting = lift.is_some_and(|l| !l.is_empty());
    let form = if lifting { "lift" } else { "hold" };
    if reason.trim().is_empty() {
        return blank(&child_id, form);
    }
    if lifting {
        let vars = lift_hold::Variables {
            child_id: child_id.clone(),
            reason: reason.clone(),
        };
        let answer = exec::<ops::LiftHold>(vars).await;
        settle(&child_id, form, &reason, answer, |_| {
            "The legal hold is lifted.".to_owned()
        })
    } else {
        let vars = place_hold::Variables {
            child_id: child_id.clone(),
            reason: reason.clone(),
        };
        let answer = exec::<ops::PlaceHold>(vars).await;
        settle(&child_id, form, &reason, answer, |_| {
            "The record is under a legal hold: nothing about the child will be removed.".to_owned()
        })
    }
}

/// Ask for the child's record to be erased; another admin confirms.
#[leptos::server(prefix = "/api/staff", endpoint = "admin-dp-erase")]
pub async fn ask_erasure(child_id: String, reason: String) -> Result<Option<Flash>, PageError> {
    use super::ops::{self, request_erasure};
    use crate::pages::staff::api::server::exec;

    if reason.trim().is_empty() {
        return blank(&child_id, "erase");
    }
    let vars = request_erasure::Variables {
        child_id: child_id.clone(),
        reason: reason.clone(),
    };
    let answer = exec::<ops::RequestErasure>(vars).await;
    settle(&child_id, "erase", &reason, answer, |_| {
        "Erasure asked for. Another administrator must confirm it within 7 days.".to_owned()
    })
}

/// Confirm (`cancel` empty) or cancel (`cancel` = "yes") a waiting request.
#[leptos::server(prefix = "/api/staff", endpoint = "admin-dp-decide")]
pub async fn decide_erasure(
    child_id: String,
    request_id: String,
    cancel: Option<String>,
) -> Result<Option<Flash>, PageError> {
    use super::ops::{self, cancel_erasure, confirm_erasure};
    use crate::pages::staff::api::server::exec;

    if cancel.is_some_and(|c| !c.is_empty()) {
        let vars = cancel_erasure::Variables { request_id };
        let answer = exec::<ops::CancelErasure>(vars).await;
        settle(&child_id, "decide", "", answer, |_| {
            "The erasure request is cancelled. Nothing was erased.".to_owned()
        })
    } else {
        let vars = confirm_erasure::Variables { request_id };
        let answer = exec::<ops::ConfirmErasure>(vars).await;
        settle(&child_id, "decide", "", answer, |data| {
            let rows: i64 = data.confirm_erasure.removed.iter().map(|r| r.rows).sum();
            format!("The child's record is erased ({rows} records removed or anonymised).")
        })
    }
}
