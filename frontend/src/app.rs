//! The page shell and the route table.
use leptos::prelude::*;
use leptos_meta::{MetaTags, Stylesheet, Title, provide_meta_context};
use leptos_router::{
    SsrMode,
    components::{Route, Router, Routes},
    path,
};

use crate::pages::child::{after, meeting, not_safe, send, sign_in, views};
use crate::pages::public::{landing::Landing, not_found::NotFound};
use crate::pages::staff::{home::StaffHome, sign_in::StaffSignIn};

/// The HTML document around every page.
pub fn shell(_options: LeptosOptions) -> impl IntoView {
    // The page's language, decided once for the request (`text::decide`); Arabic is mirrored.
    let lang = crate::text::decide();
    view! {
        <!DOCTYPE html>
        <html lang=lang.code() dir=lang.dir()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="robots" content="noindex, nofollow" />
                // No favicon request: one less round trip on a slow phone.
                <link rel="icon" href="data:," />
                // No hydration scripts here: each page loads its islands (components::IslandLoader).
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Stylesheet href="/pkg/myvoice.css" />
        <Title formatter=|page: String| format!("{page} · myvoice") />
        <Router>
            <Routes fallback=NotFound>
                <Route path=path!("/") view=Landing />
                <Route path=path!("/staff") view=StaffHome ssr=SsrMode::Async />
                <Route path=path!("/staff/sign-in") view=StaffSignIn ssr=SsrMode::Async />
                <Route path=path!("/set-password") view=crate::pages::staff::set_password::SetPassword ssr=SsrMode::Async />
                <Route path=path!("/staff/agencies") view=crate::pages::staff::admin::AdminAgencies ssr=SsrMode::Async />
                <Route path=path!("/staff/api-keys") view=crate::pages::staff::admin::AdminApiKeys ssr=SsrMode::Async />
                <Route path=path!("/staff/audit") view=crate::pages::staff::admin::AdminAudit ssr=SsrMode::Async />
                <Route path=path!("/staff/notifications") view=crate::pages::staff::admin::AdminNotices ssr=SsrMode::Async />
                <Route path=path!("/staff/import") view=crate::pages::staff::admin::AdminImport ssr=SsrMode::Async />
                <Route path=path!("/staff/admin/children") view=crate::pages::staff::admin::AdminChildren ssr=SsrMode::Async />
                <Route path=path!("/staff/admin/children/:childId") view=crate::pages::staff::admin::AdminChildRecord ssr=SsrMode::Async />
                <Route path=path!("/staff/admin/retention") view=crate::pages::staff::admin::AdminRetention ssr=SsrMode::Async />
                <Route path=path!("/staff/admin/children/:childId/export") view=crate::pages::staff::admin::AdminChildExport ssr=SsrMode::Async />
                <Route path=path!("/staff/cases/:caseId") view=crate::pages::staff::advocate::case::CasePage ssr=SsrMode::Async />
                <Route path=path!("/staff/cases/:caseId/slip") view=crate::pages::staff::advocate::slip::SlipRoute ssr=SsrMode::Async />
                <Route path=path!("/staff/meetings/:id") view=crate::pages::staff::isro::meeting::MeetingPage ssr=SsrMode::Async />
                <Route path=path!("/staff/children/new") view=crate::pages::staff::social_worker::child_record::ChildRecordRoute ssr=SsrMode::Async />
                <Route path=path!("/staff/children/:id/change") view=crate::pages::staff::social_worker::child_record::ChildRecordRoute ssr=SsrMode::Async />
                <Route path=path!("/staff/children/:id/new-meeting") view=crate::pages::staff::social_worker::new_meeting::NewMeetingRoute ssr=SsrMode::Async />
                <Route path=path!("/staff/meetings/:id/change") view=crate::pages::staff::social_worker::change_meeting::MeetingChangeRoute ssr=SsrMode::Async />
                <Route path=path!("/staff/oversight") view=crate::pages::staff::oversight::Oversight ssr=SsrMode::Async />
                <Route path=path!("/staff/referrals/new") view=crate::pages::staff::social_worker::refer::NewReferralRoute ssr=SsrMode::Async />
                <Route path=path!("/staff/referrals/:id") view=crate::pages::staff::coordinator::referral::ReferralRoute ssr=SsrMode::Async />
                <Route path=path!("/staff/shared-views") view=crate::pages::staff::social_worker::shared::SharedList ssr=SsrMode::Async />
                <Route path=path!("/staff/shared-views/:share") view=crate::pages::staff::social_worker::shared::SharedOne ssr=SsrMode::Async />
                <Route path=path!("/staff/statement/:viewsId") view=crate::pages::staff::statement::StatementRoute ssr=SsrMode::Async />
                <Route path=path!("/ask-for-an-advocate") view=crate::pages::public::ask::AskForAdvocate ssr=SsrMode::Async />
                <Route path=path!("/ask-for-an-advocate/thanks") view=crate::pages::public::ask::AskThanks ssr=SsrMode::Async />
                // Child pages wait for their data before sending anything, so they are whole
                // without JavaScript and can redirect (signed out) before the first byte.
                <Route path=path!("/sign-in") view=sign_in::SignIn ssr=SsrMode::Async />
                <Route path=path!("/me") view=meeting::MyMeeting ssr=SsrMode::Async />
                <Route path=path!("/me/views/:step") view=views::ViewsStep ssr=SsrMode::Async />
                <Route path=path!("/me/coming") view=views::Coming ssr=SsrMode::Async />
                <Route path=path!("/me/who-sees") view=views::WhoSees ssr=SsrMode::Async />
                <Route path=path!("/me/check") view=send::Check ssr=SsrMode::Async />
                <Route path=path!("/me/sent") view=send::Sent ssr=SsrMode::Async />
                <Route path=path!("/me/after") view=after::After ssr=SsrMode::Async />
                <Route path=path!("/me/names") view=crate::pages::child::names::Names ssr=SsrMode::Async />
                <Route path=path!("/me/who-read") view=crate::pages::child::who_read::WhoRead ssr=SsrMode::Async />
                <Route path=path!("/not-safe") view=not_safe::NotSafe ssr=SsrMode::Async />
            </Routes>
        </Router>
    }
}
