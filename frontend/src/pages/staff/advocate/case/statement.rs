//! The statement of the child's views (print page and PDF) and honest consent (issue 20): the
//! family and everyone at the meeting get no share, so the advocate hands them the printed
//! statement and records the day here. Each audience the child agreed to shows whether it has the
//! views yet.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::CaseFile;
use crate::error::PageError;
use crate::model::Audience;
use crate::pages::staff::words;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reached {
    pub audience: Audience,
    /// When it was shared (social worker, chair), in words.
    pub shared: Option<String>,
    /// The day the printed statement was handed over (family, meeting).
    pub given: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatementFacts {
    pub views_id: String,
    /// Each audience the child agrees to now.
    pub reach: Vec<Reached>,
    /// Today in the UK, `YYYY-MM-DD`: the day the form offers, and the latest it accepts.
    pub today: String,
}

/// The advocate handed the printed statement to the family or the meeting on a day.
#[leptos::server(prefix = "/api/staff", endpoint = "case-handed")]
pub async fn record_handed(
    case_id: String,
    audience: Audience,
    given_on: String,
) -> Result<(), PageError> {
    use super::ops;
    use super::server::{after, href};
    use crate::pages::staff::api::server::exec;
    let href = href(&case_id)?;
    let Ok(given_on) = chrono::NaiveDate::parse_from_str(given_on.trim(), "%Y-%m-%d") else {
        leptos_axum::redirect(&format!("{href}?problem=handed-date"));
        return Ok(());
    };
    let done = exec::<ops::RecordStatementHanded>(ops::record_statement_handed::Variables {
        case_id,
        audience,
        given_on,
    })
    .await;
    after(&href, done, "handed", "handed-refused")
}

#[component]
pub fn StatementSection(case: CaseFile) -> impl IntoView {
    let Some(facts) = case.statement.clone() else {
        return ().into_any();
    };
    let handed = ServerAction::<RecordHanded>::new();
    let child = case.child.name.clone();
    let by_hand: Vec<Audience> = facts
        .reach
        .iter()
        .filter(|r| matches!(r.audience, Audience::Family | Audience::Meeting) && r.given.is_none())
        .map(|r| r.audience)
        .collect();
    let today = facts.today.clone();
    view! {
        <section class="case-section action" aria-labelledby="statement-title">
            <h2 id="statement-title">"Statement for the meeting"</h2>
            <p>
                <a class="button secondary" href=format!("/staff/statement/{}", facts.views_id)>
                    "Open the statement to print or save as PDF"
                </a>
            </p>
            <h3>{format!("Where {child}'s views have gone")}</h3>
            {if facts.reach.is_empty() {
                view! { <p>{format!("{child} has not agreed that anyone may see the views.")}</p> }.into_any()
            } else {
                view! {
                    <ul class="went">
                        {facts.reach.iter().map(|r| {
                            let status = match (&r.shared, &r.given) {
                                (Some(at), _) => format!("shared {at}"),
                                (None, Some(day)) => format!("printed statement handed over on {day}"),
                                (None, None) => "not yet".to_owned(),
                            };
                            view! { <li>{format!("{}: {status}", words::audience(r.audience))}</li> }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {(!by_hand.is_empty()).then(|| view! {
                <ActionForm action=handed attr:class="stack">
                    <input type="hidden" name="case_id" value=case.id.clone() />
                    <fieldset>
                        <legend>"I gave the printed statement to"</legend>
                        {by_hand.iter().enumerate().map(|(i, a)| {
                            let id = format!("handed-{i}");
                            let value = match a {
                                Audience::Family => "FAMILY",
                                _ => "MEETING",
                            };
                            view! {
                                <div class="choice">
                                    <input type="radio" id=id.clone() name="audience" value=value checked=i == 0 />
                                    <label for=id>{words::audience(*a)}</label>
                                </div>
                            }
                        }).collect_view()}
                    </fieldset>
                    <label for="given-on">"On"</label>
                    <input id="given-on" name="given_on" type="date" value=today.clone() max=today required=true />
                    <button type="submit" class="button secondary">"Record that I handed it over"</button>
                    <p class="hint">{format!("Only the people {child} agreed may see the views are listed.")}</p>
                </ActionForm>
            })}
        </section>
    }
    .into_any()
}
