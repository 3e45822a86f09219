//! Password links in the schema: anyone holding a link sets the password it is for (rate-limited
//! per client address, like sign-in); an admin makes a new link for someone of their authority.
use async_graphql::{Context, ID, Object, Result, SimpleObject};
use chrono::{DateTime, Utc};

use super::password_links::{self, NewPassword};
use crate::admin::graphql::StaffMember;
use crate::auth::Person;
use crate::events::Event;
use crate::graphql::ContextExt;
use crate::graphql::ids::NodeKind;
use crate::policy::admin as policy;
use crate::ratelimit::Bucket;
use crate::text;

/// A one-time link to set a member of staff's password, shown once.
#[derive(SimpleObject)]
pub struct PasswordLink {
    /// `/set-password?token=…`: put the address people use to reach myvoice in front of it. Give
    /// it only to the person it is for; it works once.
    pub path: String,
    /// The whole link to send, e.g. `https://myvoice.example.gov.uk/set-password?token=…`: the
    /// server's public address (`MYVOICE_PUBLIC_URL`, else the address this request came to)
    /// in front of `path`.
    pub url: String,
    /// The link stops working after this time.
    pub expires_at: DateTime<Utc>,
    /// Whose password the link sets.
    pub staff: StaffMember,
}

#[derive(Default)]
pub struct PasswordLinkMutation;

#[Object]
impl PasswordLinkMutation {
    /// Set your password with the one-time link an administrator (or `myvoice authority create`)
    /// gave you. The link then stops working and every earlier session of yours ends. A wrong,
    /// used or expired link is one answer (BAD_USER_INPUT on `token`). Rate-limited per client
    /// address. Answers true; sign in afterwards with the new password.
    async fn set_password_with_link(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The token from the link (`token=` in its address).")] token: String,
        #[graphql(desc = "The new password: at least 12 characters.")] password: String,
        #[graphql(desc = "The new password again, when a form asks for it twice.")]
        password_again: Option<String>,
    ) -> Result<bool> {
        ctx.rate_limit(Bucket::SignIn)?;
        let token = text::required("token", &token, text::SHORT)
            .map_err(|_| password_links::link_refused())?;
        let password = NewPassword::parse(&password, password_again.as_deref())?;
        let staff = password_links::set_password(ctx.db()?, &token, password).await?;
        // After the commit: every instance forgets the old sessions and closes their sockets.
        ctx.events()?.publish(Event::SessionsEnded {
            tenant: crate::auth::TenantId(staff.local_authority_id),
            person: Person::Staff(staff.id),
        });
        Ok(true)
    }

    /// Make a new one-time link for a member of staff of your local authority to set their
    /// password (admin only), e.g. when they have forgotten it. Their earlier links stop working;
    /// their password does not change until they use the link. Another authority's staff are
    /// NOT_FOUND, like missing ones.
    async fn issue_password_link(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The member of staff the link is for.")] staff_id: ID,
    ) -> Result<PasswordLink> {
        let admin = policy::manage_staff(ctx.viewer())?;
        let id = NodeKind::StaffUser.parse(&staff_id, "staffId")?;
        let db = ctx.db()?;
        let target = crate::admin::staff::find(db, admin.tenant, id).await?;
        let link = password_links::issue_for(db, admin, &target).await?;
        let base = ctx
            .data_opt::<crate::config::PublicBase>()
            .map_or(crate::config::PublicBase::DEFAULT, |b| b.origin());
        Ok(PasswordLink {
            url: link.url(base),
            path: link.path(),
            expires_at: link.expires_at,
            staff: target.into(),
        })
    }
}
