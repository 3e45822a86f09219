//! The child's page settings in the schema.
use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};

use super::names::{self, Names};
use crate::graphql::ContextExt;
use crate::graphql::ids::NodeKind;

#[derive(Default)]
pub struct PreferencesQuery;

#[derive(Default)]
pub struct PreferencesMutation;

/// What the child calls their meeting and the three parts of their views, in their own words.
/// Null: the usual words.
#[derive(SimpleObject)]
pub struct MyNames {
    /// The child's name for their meeting (like "My big meeting").
    pub meeting: Option<String>,
    /// The child's name for "Things I worry about".
    pub worries: Option<String>,
    /// The child's name for "Things that are going well".
    pub going_well: Option<String>,
    /// The child's name for "What I want to happen".
    pub want_to_happen: Option<String>,
}

impl From<Names> for MyNames {
    fn from(names: Names) -> Self {
        Self {
            meeting: names.meeting,
            worries: names.worries,
            going_well: names.going_well,
            want_to_happen: names.want_to_happen,
        }
    }
}

/// The child's own names. Each at most 60 characters on one line; empty or left out: the usual words.
#[derive(InputObject)]
pub struct MyNamesInput {
    /// The child's name for their meeting.
    pub meeting: Option<String>,
    /// The child's name for "Things I worry about".
    pub worries: Option<String>,
    /// The child's name for "Things that are going well".
    pub going_well: Option<String>,
    /// The child's name for "What I want to happen".
    pub want_to_happen: Option<String>,
}

#[Object]
impl PreferencesQuery {
    /// The signed-in child's own names for their meeting and views (the child only).
    async fn my_names(&self, ctx: &Context<'_>) -> Result<MyNames> {
        Ok(names::mine(ctx.db()?, ctx.viewer()).await?.into())
    }
}

#[Object]
impl PreferencesMutation {
    /// Turn younger-child mode on or off: bigger pictures and icons, fewer words and a read-aloud
    /// button on the child's pages. A child sets their own; the advocate of one of the child's open
    /// cases may set it for them. Returns the new setting.
    async fn set_younger_mode(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "True for younger-child mode, false for the usual pages.")] on: bool,
        #[graphql(
            desc = "The child whose pages change. A child leaves it out for their own; an advocate names the child."
        )]
        child_id: Option<ID>,
    ) -> Result<bool> {
        let named = child_id
            .map(|id| NodeKind::Child.parse(&id, "childId"))
            .transpose()?;
        Ok(super::set_younger_mode(ctx.db()?, ctx.viewer(), named, on).await?)
    }

    /// The child chooses the language of their own pages (the child only, for themselves): a
    /// language code such as cy, pl or ar. Staff see it on the child's record. Returns the code kept.
    async fn set_my_language(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "A language code (BCP 47), like cy for Welsh, pl for Polish, ar for Arabic."
        )]
        language: String,
    ) -> Result<String> {
        let viewer = ctx.viewer();
        // Refused callers learn nothing from what they sent: policy first, then the input.
        crate::policy::preferences::own_language(viewer)?;
        let code = super::language::LanguageCode::parse(&language)?;
        Ok(super::language::set_mine(ctx.db()?, viewer, code).await?)
    }

    /// The child names their meeting and the parts of their views in their own words (the child
    /// only, for themselves). All four are replaced; returns the names now kept.
    async fn set_my_names(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The four names; empty or left out keeps the usual words.")]
        input: MyNamesInput,
    ) -> Result<MyNames> {
        let viewer = ctx.viewer();
        // Refused callers learn nothing from what they sent: policy first, then the input.
        crate::policy::preferences::own_names(viewer)?;
        let names = Names::parse([
            ("meeting", input.meeting.as_deref()),
            ("worries", input.worries.as_deref()),
            ("goingWell", input.going_well.as_deref()),
            ("wantToHappen", input.want_to_happen.as_deref()),
        ])?;
        Ok(names::set_mine(ctx.db()?, viewer, names).await?.into())
    }
}
