//! Sending the recorded outcome to agencies, and who has it.
use leptos::prelude::*;

use super::{AgencyChoice, Sent};
use crate::components::ErrorSummary;
use crate::error::PageError;
use crate::pages::staff::isro::record::Problem;

/// Send the recorded outcome to the agencies ticked. Checkbox names are `agencies[i]`.
#[leptos::server(prefix = "/api/staff", endpoint = "distribute-outcome")]
pub async fn distribute_outcome(
    meeting_id: String,
    agencies: Option<Vec<String>>,
) -> Result<(), PageError> {
    use super::ops::{self, distribute_outcome};
    use crate::error::ErrorCode;
    use crate::pages::staff::api::server;
    use crate::pages::staff::isro::record::meeting_href;

    // One write: the API refuses anyone but the meeting's chair.
    let page = meeting_href(&meeting_id);
    let agencies: Vec<String> = agencies
        .unwrap_or_default()
        .into_iter()
        .filter(|a| !a.trim().is_empty())
        .collect();
    if agencies.is_empty() {
        leptos_axum::redirect(&format!(
            "{page}?errors={}#distribute",
            Problem::NoAgency.code()
        ));
        return Ok(());
    }
    let asked = agencies.len();
    let sent = server::exec::<ops::DistributeOutcome>(distribute_outcome::Variables {
        meeting_id,
        agency_ids: agencies,
    })
    .await;
    match sent {
        Ok(sent) => {
            leptos_axum::redirect(&format!(
                "{page}?sent={}&to={}#distribute",
                asked,
                sent.distribute_outcome.len()
            ));
            Ok(())
        }
        Err(PageError::Api {
            code: ErrorCode::BadUserInput,
            message,
            details,
        }) => {
            let field = details["field"].as_str().unwrap_or_default();
            let problem = Problem::from_api(field, &message).unwrap_or(Problem::NoAgency);
            leptos_axum::redirect(&format!("{page}?errors={}#distribute", problem.code()));
            Ok(())
        }
        Err(error) => Err(error),
    }
}

#[component]
pub fn Distribute(
    meeting_id: String,
    recorded: bool,
    agencies: Vec<AgencyChoice>,
    problems: Vec<Problem>,
    sent: Vec<Sent>,
) -> impl IntoView {
    let action = ServerAction::<DistributeOutcome>::new();
    let mine: Vec<Problem> = problems
        .into_iter()
        .filter(|p| p.target() == "agencies")
        .collect();
    let first_box = if agencies.is_empty() {
        "distribute"
    } else {
        "agencies"
    };
    let summary: Vec<(&'static str, &'static str)> =
        mine.iter().map(|p| (first_box, p.message())).collect();
    let message = mine.first().map(|p| p.message());
    let form = if !recorded {
        view! { <p>"Save the meeting record first. Then you can send the outcome to agencies."</p> }
            .into_any()
    } else if agencies.is_empty() {
        view! { <p>"The outcome has been sent to every agency."</p> }.into_any()
    } else {
        view! {
            <ErrorSummary errors=Signal::derive(move || summary.clone()) />
            <ActionForm action attr:class="stack">
                <input type="hidden" name="meeting_id" value=meeting_id />
                <fieldset aria-describedby=message.map(|_| "agencies-error")>
                    <legend class="question">"Agencies to send the outcome to"</legend>
                    <p class="hint">"They receive the whiteboard and the outcome in staff words, and are asked to acknowledge it."</p>
                    <crate::components::FieldError id="agencies-error" message=Signal::derive(move || message) />
                    {agencies
                        .into_iter()
                        .enumerate()
                        .map(|(i, agency)| {
                            let id = if i == 0 { "agencies".to_owned() } else { format!("agency-{i}") };
                            view! {
                                <div class="check-row">
                                    <input type="checkbox" id=id.clone() name=format!("agencies[{i}]") value=agency.id />
                                    <label for=id>{agency.name}</label>
                                </div>
                            }
                        })
                        .collect_view()}
                </fieldset>
                <div>
                    <button type="submit" class="button primary">"Send the outcome"</button>
                </div>
            </ActionForm>
        }
        .into_any()
    };
    view! {
        <section aria-labelledby="distribute" class="distribute">
            <h2 id="distribute" tabindex="-1">"Send the outcome to agencies"</h2>
            {form}
            <h3 id="acknowledged">"Who has the outcome"</h3>
            {if sent.is_empty() {
                view! { <p>"Not sent to any agency yet."</p> }.into_any()
            } else {
                view! {
                    <table class="caseload distribution" aria-labelledby="acknowledged">
                        <thead>
                            <tr>
                                <th scope="col">"Agency"</th>
                                <th scope="col">"Sent"</th>
                                <th scope="col">"Acknowledged"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {sent.into_iter().map(|s| view! {
                                <tr>
                                    <th scope="row">{s.agency}</th>
                                    <td>{s.sent}</td>
                                    {match s.acknowledged {
                                        Some(at) => {
                                            let when = format!(" {at}{}", s.acknowledged_by.map(|by| format!(" by {by}")).unwrap_or_default());
                                            view! { <td><span class="badge views-shared">"Acknowledged"</span>{when}</td> }.into_any()
                                        }
                                        None => view! { <td><span class="badge soon">"Not yet: follow up"</span></td> }.into_any(),
                                    }}
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
        </section>
    }
}
