//! `createChild`, `updateChild` and `childDetails` for social workers and the coordinator.
use async_graphql::{Context, ID, InputObject, Object};
use chrono::{NaiveDate, Utc};
use entity::child;

use super::ChildDetails as Checked;
use crate::graphql::ContextExt;
use crate::graphql::ids::NodeKind;
use crate::meetings::age_on;
use crate::meetings::types::{StaffName, staff_name};
use crate::policy::children as policy;
use crate::text::{self, LONG, SHORT};

/// A child as staff enter them: only what the advocacy work needs.
#[derive(InputObject)]
pub struct ChildInput {
    /// The name the child wants to be called (the only name their pages use).
    pub preferred_name: String,
    /// The child's full name, for staff.
    pub full_name: Option<String>,
    /// Date of birth.
    pub date_of_birth: NaiveDate,
    /// Looked after by the local authority (then parental agreement to advocacy is not needed).
    pub looked_after: bool,
    /// The child's first language, e.g. "en" or "Polish"; English when left out.
    pub language: Option<String>,
    /// An interpreter is needed to work with the child.
    #[graphql(default)]
    pub interpreter_needed: bool,
    /// Who holds parental responsibility (e.g. "Mother and father", "Shared with the local authority").
    pub parental_responsibility: Option<String>,
    /// The child agreed to have an advocate.
    #[graphql(default)]
    pub agreed_to_advocacy: bool,
    /// The day the child agreed (required when they did, empty otherwise).
    pub agreed_to_advocacy_on: Option<NaiveDate>,
    /// Communication needs, or "none".
    pub communication_needs: Option<String>,
    /// Who the child lives with.
    pub lives_with: Option<String>,
    /// The allocated social worker: named by the coordinator; a social worker's own children are
    /// allocated to them.
    pub social_worker_id: Option<ID>,
}

impl ChildInput {
    fn parse(&self) -> async_graphql::Result<Checked> {
        let language = text::optional("language", self.language.as_deref(), SHORT)?;
        Ok(Checked {
            preferred_name: text::required("preferredName", &self.preferred_name, SHORT)?,
            full_name: text::optional("fullName", self.full_name.as_deref(), SHORT)?,
            date_of_birth: crate::dates::day("dateOfBirth", self.date_of_birth)?,
            looked_after: self.looked_after,
            language: language.unwrap_or_else(|| "en".to_owned()),
            interpreter_needed: self.interpreter_needed,
            parental_responsibility: text::optional(
                "parentalResponsibility",
                self.parental_responsibility.as_deref(),
                LONG,
            )?,
            agreed_to_advocacy_on: Checked::agreement(
                self.agreed_to_advocacy,
                self.agreed_to_advocacy_on,
            )?,
            communication_needs: text::optional(
                "communicationNeeds",
                self.communication_needs.as_deref(),
                LONG,
            )?,
            lives_with: text::optional("livesWith", self.lives_with.as_deref(), LONG)?,
            social_worker_id: self
                .social_worker_id
                .as_ref()
                .map(|id| NodeKind::StaffUser.parse(id, "socialWorkerId"))
                .transpose()?,
        })
    }
}

/// A child's record as staff keep it.
pub struct ChildDetails(pub child::Model);

/// A child's record as staff keep it (the child's social worker and the coordinator).
#[Object]
impl ChildDetails {
    /// The child's opaque ID.
    async fn id(&self) -> ID {
        NodeKind::Child.id(self.0.id)
    }

    /// The name the child wants to be called.
    async fn preferred_name(&self) -> &str {
        &self.0.preferred_name
    }

    /// The child's full name.
    async fn full_name(&self) -> Option<&str> {
        self.0.full_name.as_deref()
    }

    /// Date of birth.
    async fn date_of_birth(&self) -> NaiveDate {
        self.0.date_of_birth
    }

    /// Age in whole years today.
    async fn age(&self) -> i32 {
        age_on(self.0.date_of_birth, Utc::now().date_naive())
    }

    /// Looked after by the local authority.
    async fn looked_after(&self) -> bool {
        self.0.looked_after
    }

    /// The child's first language.
    async fn language(&self) -> &str {
        &self.0.language
    }

    /// An interpreter is needed.
    async fn interpreter_needed(&self) -> bool {
        self.0.interpreter_needed
    }

    /// Who holds parental responsibility.
    async fn parental_responsibility(&self) -> Option<&str> {
        self.0.parental_responsibility.as_deref()
    }

    /// The child agreed to have an advocate.
    async fn agreed_to_advocacy(&self) -> bool {
        self.0.agreed_to_advocacy
    }

    /// The day the child agreed.
    async fn agreed_to_advocacy_on(&self) -> Option<NaiveDate> {
        self.0.agreed_to_advocacy_on
    }

    /// Communication needs.
    async fn communication_needs(&self) -> Option<&str> {
        self.0.communication_needs.as_deref()
    }

    /// Who the child lives with.
    async fn lives_with(&self) -> Option<&str> {
        self.0.lives_with.as_deref()
    }

    /// The allocated social worker; null if none yet.
    async fn social_worker(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<StaffName>> {
        Ok(staff_name(ctx, self.0.social_worker_id)
            .await?
            .map(|name| StaffName { name }))
    }
}

#[derive(Default)]
pub struct ChildrenQuery;

#[Object]
impl ChildrenQuery {
    /// A child's record (the child's social worker, or the coordinator).
    async fn child_details(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The child's ID.")] id: ID,
    ) -> async_graphql::Result<ChildDetails> {
        let viewer = ctx.viewer();
        policy::create(viewer)?;
        let tenant = crate::policy::signed_in(viewer)?;
        let id = NodeKind::Child.parse(&id, "id")?;
        let row = super::find(ctx.db()?, tenant, id).await?;
        policy::update(viewer, &super::facts(&row))?;
        Ok(ChildDetails(row))
    }
}

#[derive(Default)]
pub struct ChildrenMutation;

#[Object]
impl ChildrenMutation {
    /// Add a child (a social worker, who becomes the child's social worker; or the coordinator,
    /// who may name the social worker).
    async fn create_child(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The child.")] input: ChildInput,
    ) -> async_graphql::Result<ChildDetails> {
        let (staff, allocation) = policy::create(ctx.viewer())?;
        let details = input.parse()?;
        let row = super::create(ctx.db()?, staff, allocation, details, Utc::now()).await?;
        Ok(ChildDetails(row))
    }

    /// Change a child's record (the child's social worker, or the coordinator). Send the whole
    /// record as it should be now.
    async fn update_child(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The child to change.")] id: ID,
        #[graphql(desc = "The child's record as it should be now.")] input: ChildInput,
    ) -> async_graphql::Result<ChildDetails> {
        policy::create(ctx.viewer())?;
        let id = NodeKind::Child.parse(&id, "id")?;
        let details = input.parse()?;
        let row = super::update(ctx.db()?, ctx.viewer(), id, details, Utc::now()).await?;
        Ok(ChildDetails(row))
    }
}
