//! `createAgency` and `updateAgency` for the authority's admin. The list is `agencies`.
use async_graphql::{Context, ID, InputObject, Object};
use chrono::Utc;

use super::AgencyDetails;
use crate::graphql::ContextExt;
use crate::graphql::ids::NodeKind;
use crate::outcomes::graphql::{Agency, AgencyKind};
use crate::policy::agencies as policy;

/// A partner agency as the admin enters it.
#[derive(InputObject)]
pub struct AgencyInput {
    /// The agency's name, unique in your authority (e.g. "Avon and Somerset Police").
    pub name: String,
    /// What sort of agency it is.
    pub kind: AgencyKind,
    /// A contact e-mail address for the agency (optional).
    pub contact_email: Option<String>,
}

impl AgencyInput {
    fn parse(&self) -> async_graphql::Result<AgencyDetails> {
        Ok(AgencyDetails::parse(
            &self.name,
            self.kind.into(),
            self.contact_email.as_deref(),
        )?)
    }
}

#[derive(Default)]
pub struct AgenciesMutation;

#[Object]
impl AgenciesMutation {
    /// Add a partner agency to your authority (admin only). CONFLICT if the name is taken. Invite
    /// its staff with `inviteStaff(role: AGENCY, agencyId)`.
    async fn create_agency(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The agency.")] input: AgencyInput,
    ) -> async_graphql::Result<Agency> {
        let admin = policy::manage(ctx.viewer())?;
        let details = input.parse()?;
        let row = super::create(ctx.db()?, admin, details, Utc::now()).await?;
        Ok(Agency(row))
    }

    /// Change a partner agency of your authority (admin only). CONFLICT if the new name is taken.
    async fn update_agency(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The agency to change.")] id: ID,
        #[graphql(desc = "The agency as it should be now.")] input: AgencyInput,
    ) -> async_graphql::Result<Agency> {
        let admin = policy::manage(ctx.viewer())?;
        let id = NodeKind::Agency.parse(&id, "id")?;
        let details = input.parse()?;
        let row = super::update(ctx.db()?, admin, id, details).await?;
        Ok(Agency(row))
    }
}
