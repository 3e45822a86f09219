//! The list's one read, and the form's write: add an agency, or change one (`id` given).
use super::{AgencyList, Flash};
use crate::error::PageError;
use crate::pages::staff::api::StaffRead;

/// Who is signed in and the agencies, in one read.
#[leptos::server(prefix = "/api/staff", endpoint = "admin-agencies")]
pub async fn load_agencies() -> Result<StaffRead<AgencyList>, PageError> {
    use super::{AgencyRow, ops};
    use crate::pages::staff::api::{Role, server::page};

    let read = page::<ops::ListAgencies>(Role::Admin, ops::list_agencies::Variables {}).await?;
    Ok(read.map(|data| {
        let agencies = data
            .agencies
            .nodes
            .into_iter()
            .map(|a| AgencyRow {
                id: a.id,
                name: a.name,
                kind: format!("{:?}", a.kind),
                contact_email: a.contact_email.unwrap_or_default(),
            })
            .collect();
        AgencyList {
            agencies,
            flash: crate::pages::staff::once::take(),
        }
    }))
}

#[cfg(feature = "ssr")]
fn back(done: &str, edit: Option<&str>) -> String {
    let at = chrono::Utc::now().timestamp_millis();
    match edit {
        Some(id) => format!("/staff/agencies?edit={id}&done={done}&at={at}"),
        None => format!("/staff/agencies?done={done}&at={at}"),
    }
}

/// Add an agency, or change the one named by `id`. Refused: the form again with what was typed
/// and the problem next to its field.
#[leptos::server(prefix = "/api/staff", endpoint = "admin-save-agency")]
pub async fn save_agency(
    id: Option<String>,
    name: String,
    kind: String,
    contact_email: Option<String>,
) -> Result<Option<Flash>, PageError> {
    use super::ops::{self, create_agency, update_agency};

    let id = id.filter(|id| !id.is_empty());
    let email = contact_email.unwrap_or_default();
    let rejected = |field: &str, message: String| {
        let flash = Flash::Rejected {
            id: id.clone(),
            field: field.to_owned(),
            message,
            name: name.clone(),
            kind: kind.clone(),
            contact_email: email.clone(),
        };
        crate::pages::staff::once::answer(flash, &back("check", id.as_deref()), false)
    };
    if name.trim().is_empty() {
        return Ok(rejected("name", "Give the agency's name.".into()));
    }
    let Some(known) = super::KINDS.iter().find(|(code, _)| *code == kind) else {
        return Ok(rejected("kind", "Choose what sort of agency it is.".into()));
    };
    let contact = Some(email.clone()).filter(|e| !e.trim().is_empty());
    let answer = match &id {
        Some(id) => {
            let input = update_agency::AgencyInput {
                name: name.clone(),
                kind: serde_json::from_value(serde_json::json!(known.0))
                    .map_err(|_| PageError::Unexpected)?,
                contact_email: contact,
            };
            crate::pages::staff::api::server::exec::<ops::UpdateAgency>(update_agency::Variables {
                id: id.clone(),
                input,
            })
            .await
            .map(|d| d.update_agency.name)
        }
        None => {
            let input = create_agency::AgencyInput {
                name: name.clone(),
                kind: serde_json::from_value(serde_json::json!(known.0))
                    .map_err(|_| PageError::Unexpected)?,
                contact_email: contact,
            };
            crate::pages::staff::api::server::exec::<ops::CreateAgency>(create_agency::Variables {
                input,
            })
            .await
            .map(|d| d.create_agency.name)
        }
    };
    match answer {
        Ok(name) => Ok(crate::pages::staff::once::answer(
            Flash::Saved { name },
            &back("saved", None),
            false,
        )),
        Err(error) => match crate::pages::staff::admin::field_error(&error) {
            Some((field, message)) => {
                let field = match field.as_str() {
                    "contactEmail" => "contact_email",
                    "kind" => "kind",
                    _ => "name",
                };
                Ok(rejected(field, message))
            }
            None => Err(error),
        },
    }
}
