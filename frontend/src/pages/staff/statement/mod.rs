//! `/staff/statement/:viewsId`: the statement of a child's views for the meeting and the case file
//! (issue 20). The words exactly as the child sent them, how they want to take part, who they agreed
//! may see them, and where the views went. Printed on A4 (print CSS); the browser's "Save as PDF"
//! makes the PDF. For the allocated advocate and for a social worker or chair the views were shared
//! with: the API decides, and records the read for the child.
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use serde::{Deserialize, Serialize};

use super::StaffPage;
use super::advocate::slip::PrintButton;
use super::api::{Role, StaffRead, StaffUser};
use super::gate::{RolePage, problem_page};
use super::words;
use crate::components::{Authorship, ChildWords, Heading, ViewsWords, WrittenBy};
use crate::error::{ErrorCode, PageError};
use crate::model::{Audience, MeetingKind};

#[cfg(feature = "ssr")]
mod ops;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Went {
    pub audience: Audience,
    /// "Sam Patel, shared Tue 1 Dec 2026, 10:00 (version 2), read …" or "handed over on 3 Dec 2026".
    pub how: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatementData {
    pub child: String,
    pub meeting: MeetingKind,
    pub when: Option<String>,
    pub place: Option<String>,
    pub version: i64,
    pub sent: Option<String>,
    pub authorship: Authorship,
    pub words: ViewsWords,
    pub agreed: Vec<Audience>,
    pub went: Vec<Went>,
    pub printed: String,
}

/// One read: who is signed in and the statement. The role read is the session's, so one page
/// serves the advocate, the social worker and the chair; anyone else is told it is not theirs.
#[leptos::server(prefix = "/api/staff", endpoint = "statement")]
pub async fn load_statement(views_id: String) -> Result<StaffRead<StatementData>, PageError> {
    server::load(views_id).await
}

#[cfg(feature = "ssr")]
mod server {
    use super::ops::{self, statement};
    use super::*;
    use crate::dates::{day, staff_time};
    use crate::pages::staff::api::server::{page, session_role};

    pub async fn load(views_id: String) -> Result<StaffRead<StatementData>, PageError> {
        let role = reader_role(session_role());
        let read = page::<ops::Statement>(role, statement::Variables { views_id }).await?;
        Ok(read.map(|data| {
            let s = data.views_statement;
            let mut went: Vec<Went> = s
                .shares
                .iter()
                .map(|share| Went {
                    audience: share.audience,
                    how: format!(
                        "{}: version {} shared {}{}",
                        share.recipient_name,
                        share.version,
                        staff_time(&share.shared_at),
                        share
                            .read_at
                            .as_ref()
                            .map(|at| format!(", first read {}", staff_time(at)))
                            .unwrap_or_else(|| ", not read yet".into())
                    ),
                })
                .collect();
            went.extend(s.handed.iter().map(|h| Went {
                audience: h.audience,
                how: format!(
                    "Printed statement (version {}) handed over on {}",
                    h.version,
                    h.given_on.format("%-d %B %Y")
                ),
            }));
            StatementData {
                child: s.child_name.clone(),
                meeting: s.meeting_kind,
                when: s.meeting_at.as_ref().map(staff_time),
                place: s.meeting_place.clone(),
                version: s.version,
                sent: s.sent_at.as_ref().map(staff_time),
                authorship: crate::authorship!(s),
                agreed: s.shared_with.clone(),
                went,
                printed: day(&chrono::Utc::now()),
                words: crate::views_words!(s),
            }
        }))
    }
}

/// The role whose page this is for the one signed in: the advocate, social worker and chair each
/// read it as themselves; anyone else is shown it is not theirs (as an advocate's page).
pub fn reader_role(session: Option<Role>) -> Role {
    match session {
        Some(role @ (Role::SocialWorker | Role::Isro)) => role,
        _ => Role::Advocate,
    }
}

#[component]
pub fn StatementRoute() -> impl IntoView {
    let params = use_params_map();
    let id = params.read_untracked().get("viewsId").unwrap_or_default();
    let read = Resource::new_blocking(move || id.clone(), load_statement);
    let problem = |error: PageError| match error.code() {
        ErrorCode::NotFound | ErrorCode::Forbidden => problem_page(
            "Statement",
            "These views were not found among the views you may read.",
        ),
        ErrorCode::Conflict => problem_page(
            "Statement",
            "The child has not sent their views yet: there is no statement.",
        ),
        _ => problem_page("Statement", "The statement could not be loaded. Try again."),
    };
    let page = |user: StaffUser, data: StatementData| view! { <StatementView user data /> };
    // The role only words the "not your page" answer; the API decides who reads the statement.
    view! { <RolePage role=Role::Advocate read page problem /> }
}

#[component]
fn StatementView(user: StaffUser, data: StatementData) -> impl IntoView {
    let child = data.child.clone();
    let title = format!("{child}'s views: statement");
    let about = format!(
        "For the {} {}{}.",
        words::meeting(data.meeting),
        data.when
            .as_ref()
            .map(|w| format!("on {w}"))
            .unwrap_or_else(|| "(no date set)".into()),
        data.place
            .as_ref()
            .map(|p| format!(", {p}"))
            .unwrap_or_default(),
    );
    let sent = data.sent.as_ref();
    let version = if data.authorship.by_advocate {
        format!(
            "Version {}{}. These are {child}'s words as the advocate wrote them down; nothing has been changed since.",
            data.version,
            sent.map(|s| format!(", written down by {child}'s advocate {s}"))
                .unwrap_or_default(),
        )
    } else {
        format!(
            "Version {}{}. These are {child}'s own words, exactly as sent; nothing has been changed.",
            data.version,
            sent.map(|s| format!(", sent by {child} {s}"))
                .unwrap_or_default(),
        )
    };
    let agreed = if data.agreed.is_empty() {
        "Nobody yet.".to_owned()
    } else {
        data.agreed
            .iter()
            .map(|a| words::audience(*a))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let printed = format!(
        "Made with myvoice on {}. Confidential: {child}'s own words. Share only with the people {child} agreed to.",
        data.printed
    );
    view! {
        <StaffPage title=title.clone() user=Some(user)>
            <div class="no-print">
                <p><a href="/staff">"Back to your first page"</a></p>
                <p class="slip-actions">
                    <PrintButton label="Print or save as PDF".to_owned() />
                </p>
                <p class="hint">"To keep a PDF for the case file, choose \"Save as PDF\" in the print window."</p>
            </div>
            <article class="statement" aria-labelledby="statement-title">
                <h1 id="statement-title">{title}</h1>
                <p>{about}</p>
                <p class="hint">{version}</p>
                <WrittenBy authorship=data.authorship />
                <h2>"In " {child.clone()} "'s words"</h2>
                <ChildWords words=data.words heading=Heading::H3 />
                <h2>"Who " {child.clone()} " agreed may see these views"</h2>
                <p>{agreed}</p>
                <h2>"Where the views went"</h2>
                {if data.went.is_empty() {
                    view! { <p>"Not shared or handed to anyone yet."</p> }.into_any()
                } else {
                    view! {
                        <ul class="went">
                            {data.went.into_iter().map(|w| view! {
                                <li><strong>{words::audience(w.audience)}</strong>": " {w.how}</li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
                <p class="hint printed">{printed}</p>
            </article>
        </StaffPage>
    }
}
