//! "Request an advocate": the referral form. The API judges the draft (`assessReferral`): how
//! complete it is, what is missing, the lead time, where it would start, and what would stop it.
//! With JavaScript the meter follows the typing; without, "Check the referral" shows the same
//! assessment on the page again with everything typed still in the boxes: kept on the server as
//! the browser's draft (`crate::drafts`), never in the address.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

use crate::error::PageError;
use crate::model::{ParentalAgreement, ReferralStatus};
use crate::pages::staff::StaffPage;
use crate::pages::staff::api::{Role, StaffRead, StaffUser};
use crate::pages::staff::gate::{RolePage, unavailable};

mod form;
#[cfg(feature = "ssr")]
mod ops;
mod problems;
#[cfg(feature = "ssr")]
mod server;

use form::ReferralForm;
use problems::FieldProblems;

/// Where the error summary sends the reader for the parental agreement: its first radio.
pub const AGREEMENT_FIELD: &str = "agreement-given";

/// Send, or only check what the API makes of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Intent {
    Check,
    Send,
}

impl Intent {
    /// As the form's buttons and the page's address say it.
    pub fn value(self) -> &'static str {
        match self {
            Self::Check => "check",
            Self::Send => "send",
        }
    }

    fn parse(value: &str) -> Option<Self> {
        [Self::Check, Self::Send]
            .into_iter()
            .find(|i| i.value() == value)
    }
}

/// What the form holds. Field names are the form's input names and the server function's
/// arguments, so the same form posts with JavaScript off.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    /// "<child id>.<meeting id>" (opaque IDs are URL-safe base64, never holding a dot).
    pub pair: String,
    pub reason: String,
    pub how_to_contact_child: String,
    pub communication_needs: String,
    pub lives_with: String,
    pub visit_risks: String,
    pub other_information: String,
    pub parental_agreement: Option<ParentalAgreement>,
}

/// The free-text boxes: input name, label, hint.
pub const BOXES: [(&str, &str, &str); 6] = [
    (
        "reason",
        "Why the child needs an advocate",
        "What the meeting is about for the child and what they may want to say.",
    ),
    (
        "how_to_contact_child",
        "How to contact the child",
        "For example through their carer, or at school.",
    ),
    (
        "communication_needs",
        "Communication needs",
        "Language, disability, how the child likes to communicate. Write \"None\" if there are none.",
    ),
    (
        "lives_with",
        "Who the child lives with",
        "For example mum and a younger sister, or foster carers.",
    ),
    (
        "visit_risks",
        "Risks for a visit",
        "Anything the advocate must know to visit safely. Write \"None known\" if there are none.",
    ),
    (
        "other_information",
        "Anything else the advocate should know",
        "Optional.",
    ),
];

impl Draft {
    pub fn text(&self, name: &str) -> &str {
        match name {
            "reason" => &self.reason,
            "how_to_contact_child" => &self.how_to_contact_child,
            "communication_needs" => &self.communication_needs,
            "lives_with" => &self.lives_with,
            "visit_risks" => &self.visit_risks,
            "other_information" => &self.other_information,
            _ => "",
        }
    }

    pub fn set_text(&mut self, name: &str, value: String) {
        match name {
            "reason" => self.reason = value,
            "how_to_contact_child" => self.how_to_contact_child = value,
            "communication_needs" => self.communication_needs = value,
            "lives_with" => self.lives_with = value,
            "visit_risks" => self.visit_risks = value,
            "other_information" => self.other_information = value,
            _ => {}
        }
    }
}

/// What the API made of the draft.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    pub score: i64,
    pub missing: Vec<String>,
    pub working_days: Option<i64>,
    pub warning: Option<String>,
    pub looked_after: bool,
    /// Received or pending consent; `None` while the agreement chosen is not allowed.
    pub starts_as: Option<ReferralStatus>,
}

/// The draft checked: the assessment (once a child and meeting are chosen) and the problems to
/// fix, each tied to a field id of this form.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Checked {
    pub assessment: Option<Assessment>,
    pub problems: FieldProblems,
}

/// A child and one of their meetings to refer for: `value` is the form's `pair`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

/// The form as it opens: the choices, the draft, and what the API makes of it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Opened {
    pub choices: Vec<Choice>,
    pub draft: Draft,
    pub checked: Checked,
}

/// "Check the referral" and "Send the referral". Sent: to the referral's page. Not sent: with
/// JavaScript the page shows what is wrong in place; without, the draft is kept on the server and
/// the browser is sent back to the form, which shows it with the same assessment.
#[leptos::server(prefix = "/api/staff", endpoint = "referral")]
#[allow(clippy::too_many_arguments)]
pub async fn refer(
    intent: Intent,
    pair: Option<String>,
    reason: Option<String>,
    how_to_contact_child: Option<String>,
    communication_needs: Option<String>,
    lives_with: Option<String>,
    visit_risks: Option<String>,
    other_information: Option<String>,
    parental_agreement: Option<ParentalAgreement>,
) -> Result<Checked, PageError> {
    let draft = Draft {
        pair: pair.unwrap_or_default(),
        reason: reason.unwrap_or_default(),
        how_to_contact_child: how_to_contact_child.unwrap_or_default(),
        communication_needs: communication_needs.unwrap_or_default(),
        lives_with: lives_with.unwrap_or_default(),
        visit_risks: visit_risks.unwrap_or_default(),
        other_information: other_information.unwrap_or_default(),
        parental_agreement,
    };
    let sending = intent == Intent::Send;
    let checked = server::evaluate(&draft, sending).await?;
    if sending && checked.problems.is_empty() {
        match server::create(&draft).await {
            Ok(id) => {
                crate::drafts::forget(crate::drafts::Form::Referral).await;
                leptos_axum::redirect(&format!("/staff/referrals/{id}?sent=1"));
                return Ok(checked);
            }
            Err(server::Refused::Field(field, message)) => {
                let mut checked = checked;
                checked.problems.push((field.to_owned(), message));
                return server::back(&draft, intent, checked).await;
            }
            Err(server::Refused::Page(error)) => return Err(error),
        }
    }
    server::back(&draft, intent, checked).await
}

/// The assessment alone, for the live meter.
#[leptos::server(prefix = "/api/staff", endpoint = "referral-check")]
pub async fn check_referral(draft: Draft, sending: bool) -> Result<Checked, PageError> {
    server::evaluate(&draft, sending).await
}

/// The form as it opens, in one read: empty; or, back after "Check" or "Send" without JavaScript
/// (`kept`), the draft kept on the server, assessed again.
#[leptos::server(prefix = "/api/staff", endpoint = "referral-open")]
pub async fn open_referral(kept: Option<Intent>) -> Result<StaffRead<Opened>, PageError> {
    let draft = match kept {
        Some(_) => crate::drafts::read(crate::drafts::Form::Referral)
            .await
            .unwrap_or_default(),
        None => Draft::default(),
    };
    server::open(draft, kept == Some(Intent::Send)).await
}

/// The route: social workers only.
#[component]
pub fn NewReferralRoute() -> impl IntoView {
    let query = use_query_map();
    // Back after "Check" or "Send" without JavaScript: the address names the button, nothing more.
    let kept = query.with_untracked(|q| q.get("intent").as_deref().and_then(Intent::parse));
    let read = Resource::new_blocking(|| (), move |_| open_referral(kept));
    let problem = unavailable(
        "Request an advocate",
        "The form could not be loaded. Try again.",
    );
    let page = move |user: StaffUser, opened: Opened| {
        let Opened {
            choices,
            draft,
            checked,
        } = opened;
        view! {
            <StaffPage title="Request an advocate".to_owned() user=Some(user)>
                <h1>"Request an advocate"</h1>
                <ReferralForm choices draft checked shown=kept.is_some() />
            </StaffPage>
        }
    };
    view! { <RolePage role=Role::SocialWorker read page problem /> }
}
