//! The list's one read, and the two forms' writes: make a key, revoke one.
use super::{Flash, KeyList};
use crate::error::PageError;
use crate::pages::staff::api::StaffRead;

/// Who is signed in and the keys, in one read.
#[leptos::server(prefix = "/api/staff", endpoint = "admin-keys")]
pub async fn load_keys() -> Result<StaffRead<KeyList>, PageError> {
    use super::KeyRow;
    use super::ops::{self, list_keys::Scope};
    use crate::dates::log_time;
    use crate::pages::staff::api::{Role, server::page};

    fn words(scope: &Scope) -> String {
        match scope {
            Scope::READ_MEETINGS => "Read meetings",
            Scope::READ_OUTCOMES => "Read outcomes",
            Scope::READ_REFERRALS => "Read referrals",
            Scope::WRITE_REFERRALS => "Make referrals",
            Scope::READ_OVERSIGHT => "Read oversight",
            // Keys the admin pages cannot make (WRITE_RECORDS) or newer than this page.
            _ => "Unknown scope",
        }
        .to_owned()
    }
    let read = page::<ops::ListKeys>(Role::Admin, ops::list_keys::Variables {}).await?;
    Ok(read.map(|data| {
        let mut keys: Vec<KeyRow> = data
            .api_keys
            .into_iter()
            .map(|k| KeyRow {
                id: k.id,
                name: k.name,
                prefix: k.prefix,
                scopes: k.scopes.iter().map(words).collect(),
                created_at: log_time(&k.created_at),
                revoked_at: k.revoked_at.as_ref().map(log_time),
            })
            .collect();
        // Working keys first, each group in the order they were made.
        keys.sort_by_key(|k| k.revoked_at.is_some());
        KeyList {
            keys,
            flash: crate::pages::staff::once::take(),
        }
    }))
}

#[cfg(feature = "ssr")]
fn back(done: &str) -> String {
    format!(
        "/staff/api-keys?done={done}&at={}",
        chrono::Utc::now().timestamp_millis()
    )
}

/// One checkbox per scope (each its own field, so the plain form and the enhanced one post alike).
#[leptos::server(prefix = "/api/staff", endpoint = "admin-create-key")]
pub async fn create_key(
    name: String,
    read_meetings: Option<String>,
    read_outcomes: Option<String>,
    read_referrals: Option<String>,
    write_referrals: Option<String>,
    read_oversight: Option<String>,
) -> Result<Option<Flash>, PageError> {
    use super::ops::{self, create_key::Scope};

    // The boxes ticked, by name (to tick them again if the key is refused), and as scopes.
    let (ticked, scopes): (Vec<String>, Vec<Scope>) = [
        ("read_meetings", read_meetings, Scope::READ_MEETINGS),
        ("read_outcomes", read_outcomes, Scope::READ_OUTCOMES),
        ("read_referrals", read_referrals, Scope::READ_REFERRALS),
        ("write_referrals", write_referrals, Scope::WRITE_REFERRALS),
        ("read_oversight", read_oversight, Scope::READ_OVERSIGHT),
    ]
    .into_iter()
    .filter(|(_, on, _)| on.is_some())
    .map(|(field, _, scope)| (field.to_owned(), scope))
    .unzip();
    let rejected = |field: &str, message: String| {
        let flash = Flash::Rejected {
            field: field.to_owned(),
            message,
            name: name.clone(),
            scopes: ticked.clone(),
        };
        crate::pages::staff::once::answer(flash, &back("check"), false)
    };
    if name.trim().is_empty() {
        return Ok(rejected(
            "name",
            "Give the key a name, such as the system that will use it.".into(),
        ));
    }
    if scopes.is_empty() {
        return Ok(rejected(
            "scopes",
            "Choose at least one thing the key may do.".into(),
        ));
    }
    let answer =
        crate::pages::staff::api::server::exec::<ops::CreateKey>(ops::create_key::Variables {
            name: name.clone(),
            scopes,
        })
        .await;
    match answer {
        Ok(data) => {
            let flash = Flash::Created {
                name: data.create_api_key.key.name,
                secret: data.create_api_key.secret,
            };
            Ok(crate::pages::staff::once::answer(
                flash,
                &back("created"),
                false,
            ))
        }
        Err(error) => match crate::pages::staff::admin::field_error(&error) {
            Some((field, message)) => Ok(rejected(
                if field == "scopes" { "scopes" } else { "name" },
                message,
            )),
            None => Err(error),
        },
    }
}

#[leptos::server(prefix = "/api/staff", endpoint = "admin-revoke-key")]
pub async fn revoke_key(id: String) -> Result<Option<Flash>, PageError> {
    use super::ops::{self, revoke_key};

    let data =
        crate::pages::staff::api::server::exec::<ops::RevokeKey>(revoke_key::Variables { id })
            .await?;
    let flash = Flash::Revoked {
        name: data.revoke_api_key.name,
    };
    Ok(crate::pages::staff::once::answer(
        flash,
        &back("revoked"),
        false,
    ))
}
