//! A self-referral names no child and no meeting, so it cannot be accepted for one. The
//! coordinator finds the child (a plain GET form narrows the list by name: `?find=`) and chooses
//! one of their meetings still to come; the API checks the same rules as for a social worker's
//! referral (the meeting is about the child and to come, one referral per child per meeting).
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::ReferralView;
use super::moves::refusal_of;
use crate::error::PageError;

#[cfg(feature = "ssr")]
use super::decide::{decide, refused};
#[cfg(feature = "ssr")]
use super::ops;

/// `choice` is `childId~meetingId`, one radio button per child and meeting.
#[leptos::server(prefix = "/api/staff", endpoint = "referral-link")]
pub async fn link_self_referral(
    id: String,
    choice: Option<String>,
) -> Result<Option<String>, PageError> {
    use crate::pages::staff::api::server::exec;
    let Some((child_id, meeting_id)) = choice.as_deref().and_then(|c| c.split_once('~')) else {
        let error = PageError::Api {
            code: crate::error::ErrorCode::BadUserInput,
            message: "Choose the child and the meeting this self-referral is about.".into(),
            details: serde_json::json!({ "field": "choice" }),
        };
        return refused(&id, "linked", error);
    };
    let vars = ops::link_self_referral::Variables {
        id: id.clone(),
        child_id: child_id.to_owned(),
        meeting_id: meeting_id.to_owned(),
    };
    decide(&id, exec::<ops::LinkSelfReferral>(vars).await, "linked")
}

#[component]
pub fn LinkSection(referral: ReferralView) -> impl IntoView {
    let action = ServerAction::<LinkSelfReferral>::new();
    let error = refusal_of(move || action.value().get(), "linked");
    let find = use_query_map().with_untracked(|q| q.get("find").unwrap_or_default());
    let here = format!("/staff/referrals/{}", referral.id);
    let none = referral.link_choices.is_empty();
    let choices = referral
        .link_choices
        .iter()
        .enumerate()
        .map(|(i, (value, words))| {
            let input_id = format!("link-{i}");
            view! {
                <div class="radio">
                    <input type="radio" id=input_id.clone() name="choice" value=value.clone() />
                    <label for=input_id>{words.clone()}</label>
                </div>
            }
        })
        .collect_view();
    let nothing_found = if find.trim().is_empty() {
        "No child of the authority has a meeting still to come.".to_owned()
    } else {
        format!(
            "No child called “{}” has a meeting still to come.",
            find.trim()
        )
    };
    view! {
        <section class="card decision" aria-labelledby="link-title">
            <h2 id="link-title">"Link to the child and the meeting"</h2>
            <p>"A self-referral can be accepted once it names the child and the meeting it is about."</p>
            <form method="get" action=here class="inline find">
                <label for="link-find">"Child's name"</label>
                <input type="search" id="link-find" name="find" value=find />
                <button type="submit" class="button">"Find"</button>
            </form>
            <p>
                "Not known here yet? "
                <a href=format!("/staff/children/new?referral={}", referral.id)>"Add the child"</a>
                ", with advice and assistance or a complaint if that is what they asked for. A meeting about them is set up by their social worker."
            </p>
            {move || error.get().map(|e| view! { <p class="error-summary" role="alert">{e}</p> })}
            {if none {
                view! { <p>{nothing_found}</p> }.into_any()
            } else {
                view! {
                    <ActionForm action>
                        <input type="hidden" name="id" value=referral.id.clone() />
                        <fieldset>
                            <legend class="question">"Child and meeting"</legend>
                            {choices}
                        </fieldset>
                        <button type="submit" class="button primary">"Link self-referral"</button>
                    </ActionForm>
                }.into_any()
            }}
        </section>
    }
}
