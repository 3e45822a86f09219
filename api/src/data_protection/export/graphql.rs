//! `exportChildRecord`: the admin asks for everything held about one child, and gets a one-time
//! link to download it.
use async_graphql::{Context, ID, Object, SimpleObject};
use chrono::{DateTime, Utc};

use crate::graphql::ContextExt;
use crate::graphql::ids::NodeKind;
use crate::policy::subject_access as policy;

#[derive(Default)]
pub struct SubjectAccessMutation;

/// A one-time link to download a child's record.
#[derive(SimpleObject, Clone, Debug)]
pub struct ChildRecordExport {
    /// The child.
    pub child_id: ID,
    /// The full address of the download: works once, for you only, until `expiresAt`.
    pub url: String,
    /// The same, relative to this server.
    pub path: String,
    /// When the link stops working.
    pub expires_at: DateTime<Utc>,
}

#[Object]
impl SubjectAccessMutation {
    /// Export everything myvoice holds about one child of your authority (admins only), for a
    /// subject access request: a one-time link to a zip of every row about the child (their
    /// views with every version, notes, shares and reads, outcomes, answers, messages, audit
    /// events) and the printable statements. The zip is made when downloaded and not kept; the
    /// download is audited. The link works once, for you, for a few minutes.
    async fn export_child_record(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The child.")] child_id: ID,
    ) -> async_graphql::Result<ChildRecordExport> {
        let admin = policy::export_child_record(ctx.viewer())?;
        let child_id = NodeKind::Child.parse(&child_id, "childId")?;
        let link = super::issue(ctx.db()?, admin, child_id, Utc::now()).await?;
        let base = ctx
            .data_opt::<crate::config::PublicBase>()
            .map_or(crate::config::PublicBase::DEFAULT, |b| b.origin());
        Ok(ChildRecordExport {
            child_id: NodeKind::Child.id(link.child_id),
            url: format!("{base}{}", link.path()),
            path: link.path(),
            expires_at: link.expires_at,
        })
    }
}
