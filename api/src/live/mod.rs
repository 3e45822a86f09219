//! Live updates over graphql-ws at `/graphql/ws`: an advocate's caseload and urgent help, views
//! shared with a social worker or chair. Events carry IDs only; content is fetched through queries,
//! so the usual policy and audit apply to it. `socket` serves the connections.
pub mod socket;

use async_graphql::futures_util::{Stream, StreamExt};
use async_graphql::{Context, ID, Result, SimpleObject, Subscription};
use entity::enums::StaffRole;
use tokio_stream::wrappers::BroadcastStream;

use crate::events::Event;
use crate::graphql::ContextExt;
use crate::graphql::ids::NodeKind;
use crate::policy::live;

#[derive(Default)]
pub struct LiveSubscription;

/// Something changed in your caseload: fetch `myCaseload` again.
#[derive(SimpleObject, Clone)]
pub struct CaseloadChange {
    /// The case that was allocated to you or changed.
    pub case_id: ID,
}

/// A child pressed "I'm not safe right now". Act now and acknowledge it.
#[derive(SimpleObject, Clone)]
pub struct UrgentHelpAlert {
    /// The request for help (acknowledge it with `acknowledgeUrgentHelp`).
    pub urgent_help_id: ID,
}

/// A child's views were shared with you.
#[derive(SimpleObject, Clone)]
pub struct ViewsSharedWithYou {
    /// The views shared (read them with `sharedViews`).
    pub views_id: ID,
}

/// The events addressed to this member of staff, as they happen.
fn events_for<T, F>(
    ctx: &Context<'_>,
    roles: &[StaffRole],
    pick: F,
) -> Result<impl Stream<Item = T> + use<T, F>>
where
    T: Send + 'static,
    F: Fn(Event) -> Option<T> + Send + Sync + 'static,
{
    let staff = live::subscribe(ctx.viewer(), roles)?.clone();
    let receiver = ctx.events()?.subscribe();
    Ok(BroadcastStream::new(receiver).filter_map(move |event| {
        // A lagging subscriber skips what it missed; the page's next query shows the current state.
        let event = event
            .ok()
            .filter(|e| live::may_receive(&staff, e))
            .and_then(&pick);
        async move { event }
    }))
}

#[Subscription]
impl LiveSubscription {
    /// Advocate: a case was allocated to you or changed.
    async fn caseload_changed(
        &self,
        ctx: &Context<'_>,
    ) -> Result<impl Stream<Item = CaseloadChange>> {
        events_for(ctx, &[StaffRole::Advocate], |event| match event {
            Event::CaseloadChanged { case_id, .. } => Some(CaseloadChange {
                case_id: NodeKind::Case.id(case_id),
            }),
            _ => None,
        })
    }

    /// Advocate: a child of one of your cases asked for urgent help.
    async fn urgent_help_raised(
        &self,
        ctx: &Context<'_>,
    ) -> Result<impl Stream<Item = UrgentHelpAlert>> {
        events_for(ctx, &[StaffRole::Advocate], |event| match event {
            Event::UrgentHelpRaised { urgent_help_id, .. } => Some(UrgentHelpAlert {
                urgent_help_id: NodeKind::UrgentHelp.id(urgent_help_id),
            }),
            _ => None,
        })
    }

    /// Social worker or ISRO: a child's views were shared with you.
    async fn views_shared(
        &self,
        ctx: &Context<'_>,
    ) -> Result<impl Stream<Item = ViewsSharedWithYou>> {
        events_for(
            ctx,
            &[StaffRole::SocialWorker, StaffRole::Isro],
            |event| match event {
                Event::ViewsShared { views_id, .. } => Some(ViewsSharedWithYou {
                    views_id: NodeKind::Views.id(views_id),
                }),
                _ => None,
            },
        )
    }
}
