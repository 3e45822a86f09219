//! `node(id)`: fetch anything by its opaque global ID, through the same policy as its own query.
use async_graphql::{Context, ID, Interface, Object, Result};

use super::ids::{self, NodeKind};
use crate::cases::graphql::{AdvocacyCase, case_by_id};
use crate::error::ApiError;
use crate::meetings::graphql::meeting_by_id;
use crate::meetings::types::Meeting;
use crate::referrals::graphql::referral_by_id;
use crate::referrals::types::Referral;

/// Anything with a global ID that can be fetched on its own.
#[derive(Interface)]
#[graphql(field(name = "id", ty = "ID", desc = "The opaque global ID."))]
pub enum Node {
    AdvocacyCase(AdvocacyCase),
    Meeting(Meeting),
    Referral(Referral),
}

#[derive(Default)]
pub struct NodeQuery;

#[Object]
impl NodeQuery {
    /// Fetch a case, meeting or referral by its global ID. Whatever you may not see, or does not
    /// exist, is NOT_FOUND or FORBIDDEN exactly as through its own query.
    async fn node(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "A global ID from any list.")] id: ID,
    ) -> Result<Node> {
        match ids::decode(&id) {
            Some((NodeKind::Case, raw)) => Ok(Node::AdvocacyCase(case_by_id(ctx, raw).await?)),
            Some((NodeKind::Meeting, raw)) => Ok(Node::Meeting(meeting_by_id(ctx, raw).await?)),
            Some((NodeKind::Referral, raw)) => Ok(Node::Referral(referral_by_id(ctx, raw).await?)),
            Some(_) => Err(ApiError::NotFound("Node").into()),
            None => Err(ApiError::bad_input("id", "id is not a global ID from this API.").into()),
        }
    }
}
