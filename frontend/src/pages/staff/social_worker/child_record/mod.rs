//! A child's record by hand: `/staff/children/new` adds a child (who is then the social worker's
//! own), `/staff/children/:id/change` changes one. Only what the advocacy work needs: names, date
//! of birth, looked after, language and whether an interpreter is needed, who holds parental
//! responsibility, and whether the child agreed to have an advocate, with the date.
//!
//! The coordinator adds a child too, from a self-referral that names nobody known yet
//! (`?referral=<id>`): with advice and assistance or a complaint set up for them when that is what
//! the child asked for (a meeting is set up by the child's social worker), then back to the
//! referral to link it.
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use serde::{Deserialize, Serialize};

use super::by_hand::{Kept, Unavailable};
use crate::error::PageError;
use crate::pages::staff::StaffPage;
use crate::pages::staff::api::StaffUser;

mod form;
#[cfg(feature = "ssr")]
mod ops;
mod save;

use form::ChildRecordForm;
pub use save::SaveChild;

/// What the form holds, as typed. Input names are `form[<field>]`; ticked boxes hold "yes".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ChildForm {
    /// The child being changed; empty when adding one.
    pub id: String,
    pub preferred_name: String,
    pub full_name: String,
    /// `2015-03-14`.
    pub date_of_birth: String,
    /// "yes" or "no"; empty until chosen.
    pub looked_after: String,
    pub language: String,
    pub interpreter: String,
    pub parental_responsibility: String,
    pub agreed: String,
    pub agreed_on: String,
    pub communication_needs: String,
    pub lives_with: String,
    /// The self-referral the coordinator came from, to go back to; empty otherwise.
    pub referral: String,
    /// The coordinator's choice: `ADVICE_AND_ASSISTANCE`, `COMPLAINT`, or empty (a meeting).
    pub advocacy_for: String,
}

/// The page's one read: who is signed in, and the form (empty, the child's record, or as typed).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChildRecordRead {
    pub user: StaffUser,
    pub kept: Kept<ChildForm>,
    /// The child's name as saved, when changing a child.
    pub name: Option<String>,
}

/// The page's address: adding a child (from self-referral `referral`, if any), or changing child
/// `id`.
pub fn page_path(id: &str, referral: &str) -> String {
    match (id.is_empty(), referral.is_empty()) {
        (true, true) => "/staff/children/new".to_owned(),
        (true, false) => format!("/staff/children/new?referral={referral}"),
        (false, _) => format!("/staff/children/{id}/change"),
    }
}

#[leptos::server(prefix = "/api/staff", endpoint = "child-record-open")]
pub async fn open_child_record(
    id: Option<String>,
    check: bool,
    referral: Option<String>,
) -> Result<ChildRecordRead, PageError> {
    use super::by_hand::{page_user, server::kept};
    use crate::drafts::Form;
    use crate::pages::staff::api::{Role, server::exec};

    // The coordinator adds a child from a self-referral; changing one is the social worker's here
    // (the whole record is sent, and the coordinator's would name no social worker).
    let (adders, changers) = (
        [Role::SocialWorker, Role::Coordinator],
        [Role::SocialWorker],
    );
    let (user, mut form, name) = match id {
        None => {
            let me = exec::<ops::NewChildPage>(ops::new_child_page::Variables {})
                .await?
                .me;
            let user = page_user(me.name, me.staff_role, &adders)?;
            // Only the coordinator comes from a self-referral.
            let referral = referral.filter(|_| user.role == Role::Coordinator);
            let form = ChildForm {
                referral: referral.unwrap_or_default(),
                ..ChildForm::default()
            };
            (user, form, None)
        }
        Some(id) => {
            let read =
                exec::<ops::ChangeChildPage>(ops::change_child_page::Variables { id }).await?;
            let user = page_user(read.me.name, read.me.staff_role, &changers)?;
            let c = read.child_details;
            let yes = |b: bool| if b { "yes" } else { "" }.to_owned();
            let form = ChildForm {
                id: c.id,
                preferred_name: c.preferred_name.clone(),
                full_name: c.full_name.unwrap_or_default(),
                date_of_birth: c.date_of_birth.to_string(),
                looked_after: if c.looked_after { "yes" } else { "no" }.to_owned(),
                // English is what an empty box means.
                language: if c.language == "en" {
                    String::new()
                } else {
                    c.language
                },
                interpreter: yes(c.interpreter_needed),
                parental_responsibility: c.parental_responsibility.unwrap_or_default(),
                agreed: yes(c.agreed_to_advocacy),
                agreed_on: c
                    .agreed_to_advocacy_on
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
                communication_needs: c.communication_needs.unwrap_or_default(),
                lives_with: c.lives_with.unwrap_or_default(),
                referral: String::new(),
                advocacy_for: String::new(),
            };
            (user, form, Some(c.preferred_name))
        }
    };
    let mut problems = Vec::new();
    if let Some(typed) = kept::<ChildForm>(Form::ChildRecord, check).await {
        // Only this child's (or a new child's) form comes back here.
        if typed.form.id == form.id && typed.form.referral == form.referral {
            form = typed.form;
            problems = typed.problems;
        }
    }
    Ok(ChildRecordRead {
        user,
        kept: Kept { form, problems },
        name,
    })
}

/// `/staff/children/new` and `/staff/children/:id/change`: social workers.
#[component]
pub fn ChildRecordRoute() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let read = Resource::new_blocking(
        move || {
            let q = query.read();
            (
                params.read().get("id"),
                q.get("check").is_some(),
                q.get("referral"),
            )
        },
        |(id, check, referral)| open_child_record(id, check, referral),
    );
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match read.await {
                    Ok(read) => view! { <ChildRecordPage read /> }.into_any(),
                    Err(error) => view! { <Unavailable error title="Child's record" /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ChildRecordPage(read: ChildRecordRead) -> impl IntoView {
    let save = ServerAction::<SaveChild>::new();
    let referral = read.kept.form.referral.clone();
    let (back, back_words) = if referral.is_empty() {
        ("/staff".to_owned(), "Back to my children")
    } else {
        (
            format!("/staff/referrals/{referral}"),
            "Back to the self-referral",
        )
    };
    let (title, lede) = match &read.name {
        Some(name) => (
            format!("Change {name}'s record"),
            "Change what is not right and save. The child's pages use only the name they want to be called.",
        ),
        None if !referral.is_empty() => (
            "Add a child".to_owned(),
            "Only what the advocacy work needs. The child is not allocated to a social worker yet.",
        ),
        None => (
            "Add a child".to_owned(),
            "Only what the advocacy work needs. The child is allocated to you; add their meeting next.",
        ),
    };
    view! {
        <StaffPage title=title.clone() user=Some(read.user)>
            <p><a href=back>{back_words}</a></p>
            <h1>{title}</h1>
            <p class="lede">{lede}</p>
            <ChildRecordForm kept=read.kept save />
        </StaffPage>
    }
}
