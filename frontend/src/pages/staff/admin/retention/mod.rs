//! `/staff/admin/retention` (issue 22): how long each kind of record is kept in this authority,
//! and what it is counted from; one plain form per kind to change the number of days.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

use crate::error::PageError;
use crate::pages::staff::StaffPage;
use crate::pages::staff::api::{Role, StaffRead, StaffUser};
use crate::pages::staff::gate::{RolePage, answers, unavailable};

#[cfg(feature = "ssr")]
mod ops;

/// Each kind as the API spells it, and in staff words.
const KINDS: [(&str, &str); 7] = [
    ("VIEWS", "Children's views and their versions"),
    (
        "SHARES_AND_READS",
        "Who the views were sent to, and when they read them",
    ),
    ("ADVOCATE_NOTES", "Advocates' notes"),
    (
        "OUTCOMES",
        "Answers to the child, messages, meeting records",
    ),
    ("CHILD_RECORD", "What identifies the child (anonymised)"),
    ("AUDIT_EVENTS", "The audit log"),
    ("SIGN_IN_RECORDS", "Staff sessions and set-password links"),
];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PeriodRow {
    pub kind: String,
    pub days: i64,
    pub default_days: i64,
    pub counted_from: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Flash {
    Saved {
        kind: String,
        days: i64,
    },
    Refused {
        kind: String,
        message: String,
        typed: String,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Periods {
    pub rows: Vec<PeriodRow>,
    pub flash: Option<Flash>,
}

fn words(kind: &str) -> &'static str {
    KINDS
        .iter()
        .find(|(k, _)| *k == kind)
        .map_or("Records", |(_, w)| w)
}

#[leptos::server(prefix = "/api/staff", endpoint = "admin-retention")]
pub async fn load_periods() -> Result<StaffRead<Periods>, PageError> {
    use crate::pages::staff::api::server::page;
    let read =
        page::<ops::RetentionPeriods>(Role::Admin, ops::retention_periods::Variables {}).await?;
    Ok(read.map(|data| Periods {
        rows: data
            .retention_periods
            .into_iter()
            .map(|p| PeriodRow {
                kind: serde_json::to_value(&p.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default(),
                days: p.days,
                default_days: p.default_days,
                counted_from: p.counted_from,
            })
            .collect(),
        flash: crate::pages::staff::once::take(),
    }))
}

/// Change one kind's period.
#[leptos::server(prefix = "/api/staff", endpoint = "admin-set-retention")]
pub async fn set_period(kind: String, days: String) -> Result<Option<Flash>, PageError> {
    use crate::pages::staff::api::server::exec;
    let back = format!(
        "/staff/admin/retention?at={}",
        chrono::Utc::now().timestamp_millis()
    );
    let refused = |message: String| {
        let flash = Flash::Refused {
            kind: kind.clone(),
            message,
            typed: days.clone(),
        };
        Ok(crate::pages::staff::once::answer(flash, &back, false))
    };
    let Ok(number) = days.trim().parse::<i64>() else {
        return refused("Give a whole number of days, such as 2190 for six years.".into());
    };
    let Ok(api_kind) = serde_json::from_value(serde_json::json!(kind)) else {
        return refused("Choose a kind of record.".into());
    };
    let vars = ops::set_retention_period::Variables {
        kind: api_kind,
        days: number,
    };
    match exec::<ops::SetRetentionPeriod>(vars).await {
        Ok(data) => {
            let flash = Flash::Saved {
                kind: kind.clone(),
                days: data.set_retention_period.days,
            };
            Ok(crate::pages::staff::once::answer(flash, &back, false))
        }
        Err(error) => match crate::pages::staff::admin::field_error(&error) {
            Some((_, message)) => refused(message),
            None => Err(error),
        },
    }
}

/// The route: admins only.
#[component]
pub fn AdminRetention() -> impl IntoView {
    let query = use_query_map();
    let save = ServerAction::<SetPeriod>::new();
    let answered = answers([save.value()]);
    let read = Resource::new_blocking(
        move || (query.read().get("at"), save.version().get()),
        |_| load_periods(),
    );
    let problem = unavailable(
        "How long records are kept",
        "The periods could not be loaded. Try again.",
    );
    let page = move |user: StaffUser, periods: Periods| {
        view! {
            <StaffPage title="How long records are kept".to_owned() user=Some(user)>
                <h1>"How long records are kept"</h1>
                <p class="lede">
                    "Each night myvoice removes what has been kept for its period. Nothing is removed about a child "
                    "whose advocacy is open, who has a meeting to come, or whose record is under a legal hold "
                    "(see " <a href="/staff/admin/children">"Children: holds and erasure"</a> ")."
                </p>
                {move || {
                    let mut periods = periods.clone();
                    periods.flash = periods.flash.or_else(|| answered.get());
                    view! { <PeriodForms periods save /> }.into_any()
                }}
            </StaffPage>
        }
    };
    view! { <RolePage role=Role::Admin read page problem /> }
}

#[component]
fn PeriodForms(periods: Periods, save: ServerAction<SetPeriod>) -> impl IntoView {
    let notice = match &periods.flash {
        Some(Flash::Saved { kind, days }) => Some(format!("{}: kept {days} days.", words(kind))),
        _ => None,
    };
    let refused = match periods.flash {
        Some(Flash::Refused {
            kind,
            message,
            typed,
        }) => Some((kind, message, typed)),
        _ => None,
    };
    view! {
        {notice.map(|n| view! { <p class="notice" role="status">{n}</p> })}
        {periods.rows.into_iter().map(|row| {
            let field = format!("days-{}", row.kind.to_lowercase());
            let hint = format!("{field}-hint");
            let error = refused.as_ref().filter(|(k, ..)| *k == row.kind).map(|(_, m, _)| m.clone());
            let typed = refused.as_ref().filter(|(k, ..)| *k == row.kind).map(|(.., t)| t.clone())
                .unwrap_or_else(|| row.days.to_string());
            let error_id = format!("{field}-error");
            let described = if error.is_some() { format!("{hint} {error_id}") } else { hint.clone() };
            let title = format!("{field}-title");
            let labelled_by = title.clone();
            view! {
                <section class="card" aria-labelledby=labelled_by>
                    <h2 id=title>{words(&row.kind)}</h2>
                    <ActionForm action=save attr:class="stack narrow">
                        <input type="hidden" name="kind" value=row.kind.clone() />
                        <div class="field">
                            <label for=field.clone()>"Kept for (days)"</label>
                            <p class="hint" id=hint.clone()>{format!("Counted from {}. Default {} days.", row.counted_from, row.default_days)}</p>
                            {error.clone().map(|e| view! { <p class="field-error" id=error_id.clone()>{e}</p> })}
                            <input id=field.clone() name="days" type="text" inputmode="numeric" autocomplete="off" value=typed
                                aria-invalid=error.is_some().to_string() aria-describedby=described />
                        </div>
                        <button type="submit" class="button">"Save"</button>
                    </ActionForm>
                </section>
            }
        }).collect_view()}
    }
}
