//! `/staff/audit`: who read or changed what, and when, for this local authority, newest first.
//! The filters are a plain GET form, so a filtered view is an address that can be bookmarked.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

use crate::error::PageError;
use crate::pages::staff::StaffPage;
use crate::pages::staff::api::{Role, StaffRead, StaffUser};
use crate::pages::staff::gate::{RolePage, unavailable};

#[cfg(feature = "ssr")]
mod ops;

/// Every action the audit records, in staff words.
pub const ACTIONS: &[(&str, &str)] = &[
    ("staff.signed_in", "Staff signed in"),
    ("staff.sign_in_failed", "Staff sign-in failed"),
    ("staff.invited", "Staff invited"),
    ("staff.deactivated", "Staff deactivated"),
    ("staff.sign_in_unlocked", "Staff sign-in unlocked"),
    ("staff.password_link_issued", "Set-password link made"),
    ("staff.password_set", "Password set with a link"),
    ("local_authority.created", "Local authority created"),
    ("api_key.created", "API key made"),
    ("api_key.revoked", "API key revoked"),
    ("child.signed_in", "Child signed in"),
    ("child.sign_in_failed", "Child sign-in failed"),
    ("child_access.issued", "Child sign-in code issued"),
    ("child.younger_mode_set", "Younger-child mode changed"),
    (
        "child.language_set",
        "Child chose the language of their pages",
    ),
    ("referral.created", "Referral made"),
    ("referral.self_referral", "Self-referral received"),
    ("referral.accepted", "Referral accepted"),
    ("referral.declined", "Referral declined"),
    ("case.allocated", "Advocate allocated"),
    ("referral.agreement_recorded", "Parental agreement recorded"),
    ("referral.linked", "Self-referral linked to a child"),
    ("referral.withdrawn", "Referral withdrawn"),
    ("referral.reopened", "Referral reopened"),
    ("case.started", "Case started: the child has a way in"),
    ("case.closed", "Case closed"),
    ("case.reopened", "Case reopened"),
    ("child.upserted", "Child's record sent by another system"),
    (
        "records.imported",
        "Staff, children and meetings imported from files",
    ),
    ("meeting.upserted", "Meeting sent by another system"),
    ("views.draft_saved", "Child's views: draft saved"),
    ("views.submitted", "Child's views: finished"),
    ("views.shared", "Child's views: shared"),
    ("views.read", "Child's views: read"),
    ("urgent_help.raised", "Urgent help asked for"),
    ("urgent_help.acknowledged", "Urgent help acknowledged"),
    ("advocate_note.added", "Advocate note added"),
    ("meeting.recorded", "Meeting recorded"),
    ("outcome.distributed", "Outcome sent to agencies"),
    ("outcome.acknowledged", "Outcome acknowledged"),
    ("retention.period_set", "Retention period changed"),
    (
        "retention.removed",
        "Records removed after their retention period",
    ),
    ("retention.run", "Retention job ran"),
    ("legal_hold.placed", "Legal hold placed"),
    ("legal_hold.lifted", "Legal hold lifted"),
    ("erasure.requested", "Erasure asked for"),
    ("erasure.confirmed", "Erasure confirmed: record erased"),
    ("erasure.cancelled", "Erasure request cancelled"),
];

/// The kinds of record events are about.
pub const SUBJECTS: &[(&str, &str)] = &[
    ("staff_user", "Staff account"),
    ("local_authority", "Local authority"),
    ("api_key", "API key"),
    ("child", "Child"),
    ("child_access", "Child's sign-in code"),
    ("referral", "Referral"),
    ("advocacy_case", "Case"),
    ("views", "Child's views"),
    ("urgent_help", "Urgent help"),
    ("advocate_note", "Advocate note"),
    ("meeting", "Meeting"),
    ("outcome_distribution", "Outcome sent to an agency"),
    ("retention_run", "Retention job's run"),
    ("retention_setting", "Retention period"),
];

pub const ACTORS: &[(&str, &str)] = &[
    ("STAFF", "Staff"),
    ("CHILD", "A child"),
    ("API_KEY", "Another system (API key)"),
    ("SYSTEM", "myvoice itself"),
    ("ANONYMOUS", "Nobody signed in"),
];

#[cfg_attr(not(feature = "ssr"), allow(dead_code))]
fn words(list: &[(&str, &'static str)], code: &str) -> Option<&'static str> {
    list.iter().find(|(c, _)| *c == code).map(|(_, w)| *w)
}

/// The filters as they are in the address (`from` and `to` are UK dates, `YYYY-MM-DD`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Filters {
    pub actor: String,
    pub action: String,
    pub subject: String,
    pub from: String,
    pub to: String,
}

impl Filters {
    fn query(&self) -> String {
        [
            ("actor", &self.actor),
            ("action", &self.action),
            ("subject", &self.subject),
            ("from", &self.from),
            ("to", &self.to),
        ]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={}", encode(v)))
        .collect::<Vec<_>>()
        .join("&")
    }
}

/// Enough URL encoding for the values this form makes (codes, dates, cursors).
fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            other => format!("%{other:02X}"),
        })
        .collect()
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventRow {
    pub when: String,
    pub who: String,
    pub action: String,
    pub subject: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditPage {
    pub rows: Vec<EventRow>,
    pub total: u64,
    pub next: Option<String>,
    /// A filter the API refused (such as an end date before the start), in words.
    pub problem: Option<String>,
}

/// Who is signed in and a page of the log, in one read. Filters refused (here, or by the API)
/// are said for who is signed in (`Whoami`; a second read only when the API refused them).
#[leptos::server(prefix = "/api/staff", endpoint = "admin-audit")]
pub async fn load_audit(
    filters: Filters,
    after: Option<String>,
) -> Result<StaffRead<AuditPage>, PageError> {
    use crate::pages::staff::api::server::{page, signed_in_as};
    use chrono::{Duration, NaiveDate, TimeZone};
    use chrono_tz::Europe::London;
    use ops::audit_log::{self, ActorKind, AuditLogFilter};

    // Nothing to list, only what is wrong with the filters.
    let empty = async |problem: &str| -> Result<StaffRead<AuditPage>, PageError> {
        let shown = AuditPage {
            rows: vec![],
            total: 0,
            next: None,
            problem: Some(problem.to_owned()),
        };
        Ok(signed_in_as(Role::Admin).await?.map(|()| shown))
    };
    // A UK date's midnight, as the moment it starts.
    let day_start =
        |raw: &str, days_after: i64| -> Result<Option<chrono::DateTime<chrono::Utc>>, ()> {
            if raw.is_empty() {
                return Ok(None);
            }
            let date = NaiveDate::parse_from_str(raw, "%Y-%m-%d").map_err(|_| ())?
                + Duration::days(days_after);
            let midnight = date.and_hms_opt(0, 0, 0).ok_or(())?;
            let at = London.from_local_datetime(&midnight).earliest().ok_or(())?;
            Ok(Some(at.with_timezone(&chrono::Utc)))
        };
    let (Ok(from), Ok(to)) = (day_start(&filters.from, 0), day_start(&filters.to, 1)) else {
        return empty("Enter dates like 23/11/2026.").await;
    };
    // Only what the lists offer: anything else in the address filters nothing.
    fn known(list: &[(&str, &'static str)], v: &str) -> Option<String> {
        words(list, v).map(|_| v.to_owned())
    }
    let filter = AuditLogFilter {
        actor_kind: known(ACTORS, &filters.actor)
            .and_then(|code| serde_json::from_value::<ActorKind>(code.into()).ok()),
        action: known(ACTIONS, &filters.action),
        subject_type: known(SUBJECTS, &filters.subject),
        from,
        to,
    };
    let variables = audit_log::Variables {
        filter: Some(filter),
        after: after.filter(|a| !a.is_empty()),
    };
    let read = match page::<ops::AuditLog>(Role::Admin, variables).await {
        Ok(read) => read,
        Err(PageError::Api {
            code: crate::error::ErrorCode::BadUserInput,
            message,
            ..
        }) => return empty(&message).await,
        Err(error) => return Err(error),
    };
    Ok(read.map(|data| data.audit_log).map(|log| AuditPage {
        total: u64::try_from(log.total_count).unwrap_or_default(),
        next: log
            .page_info
            .has_next_page
            .then_some(log.page_info.end_cursor)
            .flatten(),
        problem: None,
        rows: log
            .nodes
            .into_iter()
            .map(|n| {
                // The kind's words are in ACTORS, by the code the API spells it with.
                let code = serde_json::to_value(&n.actor_kind).unwrap_or_default();
                let kind = code
                    .as_str()
                    .and_then(|code| words(ACTORS, code))
                    .unwrap_or("Unknown");
                EventRow {
                    when: crate::dates::log_time(&n.occurred_at),
                    who: match n.actor_name {
                        Some(name) => format!("{name} ({})", kind.to_lowercase()),
                        None => kind.to_owned(),
                    },
                    action: words(ACTIONS, &n.action).map_or(n.action, str::to_owned),
                    subject: words(SUBJECTS, &n.subject_type).map_or(n.subject_type, str::to_owned),
                }
            })
            .collect(),
    }))
}

/// The route: admins only.
#[component]
pub fn AdminAudit() -> impl IntoView {
    let query = use_query_map();
    let current = move || {
        let q = query.read();
        let get = |k: &str| q.get(k).unwrap_or_default();
        (
            Filters {
                actor: get("actor"),
                action: get("action"),
                subject: get("subject"),
                from: get("from"),
                to: get("to"),
            },
            q.get("after"),
        )
    };
    let read = Resource::new_blocking(current, |(filters, after)| load_audit(filters, after));
    let problem = unavailable("Audit log", "The audit log could not be loaded. Try again.");
    let page = move |user: StaffUser, page: AuditPage| {
        let (filters, after) = current();
        view! {
            <StaffPage title="Audit log".to_owned() user=Some(user)>
                <h1>"Audit log"</h1>
                <p class="lede">"Who read or changed what in myvoice, and when, newest first. Nothing here can be changed or deleted."</p>
                <AuditBody page filters paged=after.is_some() />
            </StaffPage>
        }
    };
    view! { <RolePage role=Role::Admin read page problem /> }
}

fn options(
    list: &'static [(&'static str, &'static str)],
    chosen: String,
    any: &'static str,
) -> impl IntoView {
    view! {
        <option value="" selected=chosen.is_empty()>{any}</option>
        {list
            .iter()
            .map(|(code, words)| view! { <option value=*code selected=chosen == *code>{*words}</option> })
            .collect_view()}
    }
}

#[component]
fn AuditBody(page: AuditPage, filters: Filters, paged: bool) -> impl IntoView {
    let base = filters.query();
    let next = page.next.clone().map(|cursor| {
        let sep = if base.is_empty() { "" } else { "&" };
        format!("/staff/audit?{base}{sep}after={}", encode(&cursor))
    });
    let first_page = paged.then(|| {
        if base.is_empty() {
            "/staff/audit".to_owned()
        } else {
            format!("/staff/audit?{base}")
        }
    });
    view! {
        <form method="get" action="/staff/audit" class="period audit-filters" aria-label="Filter the audit log">
            <div class="field">
                <label for="actor">"Who"</label>
                <select id="actor" name="actor">{options(ACTORS, filters.actor.clone(), "Anyone")}</select>
            </div>
            <div class="field">
                <label for="action">"What happened"</label>
                <select id="action" name="action">{options(ACTIONS, filters.action.clone(), "Anything")}</select>
            </div>
            <div class="field">
                <label for="subject">"About"</label>
                <select id="subject" name="subject">{options(SUBJECTS, filters.subject.clone(), "Any record")}</select>
            </div>
            <div class="field">
                <label for="from">"From"</label>
                <input id="from" name="from" type="date" value=filters.from.clone() />
            </div>
            <div class="field">
                <label for="to">"To"</label>
                <input id="to" name="to" type="date" value=filters.to.clone() />
            </div>
            <button type="submit" class="button primary">"Show"</button>
            <a class="button" href="/staff/audit">"Clear"</a>
        </form>
        {page.problem.clone().map(|p| view! { <div class="error-summary" role="alert"><h2>"There is a problem"</h2><p>{p}</p></div> })}
        <p role="status">{match page.total {
            0 => "No events match.".to_owned(),
            1 => "1 event matches.".to_owned(),
            n => format!("{n} events match."),
        }}</p>
        {(!page.rows.is_empty()).then(|| view! {
            <table class="caseload admin-table audit">
                <caption class="visually-hidden">"Audit events, newest first"</caption>
                <thead>
                    <tr>
                        <th scope="col">"When (UK time)"</th>
                        <th scope="col">"Who"</th>
                        <th scope="col">"What happened"</th>
                        <th scope="col">"About"</th>
                    </tr>
                </thead>
                <tbody>
                    {page.rows.iter().map(|row| view! {
                        <tr>
                            <td>{row.when.clone()}</td>
                            <td>{row.who.clone()}</td>
                            <th scope="row">{row.action.clone()}</th>
                            <td>{row.subject.clone()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        })}
        <p class="pager">
            {first_page.map(|href| view! { <a href=href>"Newest events"</a> " " })}
            {next.map(|href| view! { <a href=href>"Older events"</a> })}
        </p>
    }
}
