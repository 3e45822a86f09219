//! The child's page settings in the schema.
use async_graphql::{Context, ID, Object, Result};

use crate::graphql::ContextExt;
use crate::graphql::ids::NodeKind;

#[derive(Default)]
pub struct PreferencesMutation;

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
}
