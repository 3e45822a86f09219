//! The referral form's server side: the choices, the API's assessment of a draft, sending it, and
//! the way back to the form without JavaScript.
use super::ops::{
    self, assess_referral, create_referral, referral_form_checked, referral_form_open,
};
use super::*;
use crate::components::server::plain_form_post;
use crate::error::ErrorCode;
use crate::model::{MeetingStatus, ParentalAgreement};
use crate::pages::staff::api::StaffRead;
use crate::pages::staff::api::server::{exec, page};
use crate::pages::staff::words;

/// The API's field names, as this form's field ids.
fn field_id(api_field: &str) -> &'static str {
    match api_field {
        "reason" => "reason",
        "howToContactChild" => "how_to_contact_child",
        "communicationNeeds" => "communication_needs",
        "livesWith" => "lives_with",
        "visitRisks" => "visit_risks",
        "otherInformation" => "other_information",
        "parentalAgreement" => AGREEMENT_FIELD,
        _ => "pair",
    }
}

fn ids(pair: &str) -> Option<(&str, &str)> {
    pair.split_once('.')
        .filter(|(c, m)| !c.is_empty() && !m.is_empty())
}

/// The draft as `CreateReferralInput` of operation module `$op` (each operation has its own copy
/// of the input type).
macro_rules! referral_input {
    ($op:ident, $draft:expr, $child:expr, $meeting:expr) => {{
        let draft: &Draft = $draft;
        let text = |t: &str| (!t.trim().is_empty()).then(|| t.to_owned());
        $op::CreateReferralInput {
            child_id: $child.to_owned(),
            meeting_id: $meeting.to_owned(),
            reason: text(&draft.reason),
            how_to_contact_child: text(&draft.how_to_contact_child),
            communication_needs: text(&draft.communication_needs),
            lives_with: text(&draft.lives_with),
            visit_risks: text(&draft.visit_risks),
            other_information: text(&draft.other_information),
            // Nothing chosen yet reads as "not asked yet" for the meter; sending still needs a choice.
            parental_agreement: draft
                .parental_agreement
                .unwrap_or(ParentalAgreement::Pending),
            referrer_id: None,
        }
    }};
}

/// The scheduled meetings of the social worker's children, as the form's choices (from either
/// read: the same fragment, typed once per operation).
macro_rules! choices {
    ($children:expr) => {
        $children
            .into_iter()
            .flat_map(|child| {
                let label = words::child(&child.preferred_name, child.age, child.looked_after);
                let id = child.id;
                child
                    .meetings
                    .into_iter()
                    .filter(|m| m.status == MeetingStatus::Scheduled)
                    .map(move |m| {
                        let meeting = match &m.scheduled_at {
                            Some(at) => {
                                format!(
                                    "{}, {}",
                                    words::meeting(m.kind),
                                    crate::dates::in_words(at)
                                )
                            }
                            None => words::meeting(m.kind).to_owned(),
                        };
                        Choice {
                            value: format!("{id}.{}", m.id),
                            label: format!("{label} — {meeting}"),
                        }
                    })
            })
            .collect::<Vec<Choice>>()
    };
}

/// The API's assessment (`Assessed`, typed once per operation), as problems and the meter.
macro_rules! assessed {
    ($raw:expr) => {{
        let raw = $raw;
        let problems: FieldProblems = raw
            .problems
            .into_iter()
            .map(|p| (field_id(&p.field).to_owned(), p.message))
            .collect();
        let assessment = Assessment {
            score: raw.completeness.score,
            missing: raw
                .completeness
                .missing
                .into_iter()
                .map(|m| m.label)
                .collect(),
            working_days: raw.lead_time.as_ref().map(|l| l.working_days),
            warning: raw.lead_time.and_then(|l| l.warning),
            looked_after: raw.child_looked_after,
            starts_as: raw.starts_as,
        };
        (problems, assessment)
    }};
}

/// What the API said of the draft: assessed; refused (a child or meeting that is not, or no
/// longer, this social worker's); or not asked, no child and meeting being chosen.
enum Said {
    Assessed(FieldProblems, Assessment),
    Refused,
    NotAsked,
}

/// Refusals that mean the child or meeting chosen is not this social worker's.
fn not_theirs(error: &PageError) -> bool {
    matches!(
        error.code(),
        ErrorCode::NotFound | ErrorCode::Forbidden | ErrorCode::BadUserInput
    )
}

/// The draft checked, from what the API said of it.
fn checked(draft: &Draft, sending: bool, said: Said) -> Checked {
    let mut checked = Checked::default();
    match said {
        Said::Assessed(problems, assessment) => {
            checked.problems = problems;
            checked.assessment = Some(assessment);
        }
        Said::Refused => checked.problems.push((
            "pair".into(),
            "Choose one of your children and one of their meetings.".into(),
        )),
        Said::NotAsked if sending || !draft.pair.is_empty() => checked.problems.push((
            "pair".into(),
            "Choose the child and the meeting the advocate is for.".into(),
        )),
        Said::NotAsked => {}
    }
    if sending && draft.parental_agreement.is_none() {
        checked.problems.push((
            AGREEMENT_FIELD.into(),
            "Say whether the parents or carers agree to the referral.".into(),
        ));
    }
    checked
}

/// The draft checked: one read when a child and meeting are chosen, none otherwise.
pub async fn evaluate(draft: &Draft, sending: bool) -> Result<Checked, PageError> {
    let said = match ids(&draft.pair) {
        Some((child, meeting)) => {
            let input = referral_input!(assess_referral, draft, child, meeting);
            match exec::<ops::AssessReferral>(assess_referral::Variables { input }).await {
                Ok(data) => {
                    let (problems, assessment) = assessed!(data.assess_referral);
                    Said::Assessed(problems, assessment)
                }
                Err(error) if not_theirs(&error) => Said::Refused,
                Err(other) => return Err(other),
            }
        }
        None => Said::NotAsked,
    };
    Ok(checked(draft, sending, said))
}

/// The form as it opens, in one read: who is signed in, the choices and, with a child and
/// meeting chosen, the draft assessed. A child or meeting that is not theirs (any more) is read
/// again without it.
pub async fn open(draft: Draft, sending: bool) -> Result<StaffRead<Opened>, PageError> {
    let assessed = match ids(&draft.pair) {
        None => None,
        Some((child, meeting)) => {
            let input = referral_input!(referral_form_checked, &draft, child, meeting);
            let variables = referral_form_checked::Variables { input };
            match page::<ops::ReferralFormChecked>(Role::SocialWorker, variables).await {
                Ok(read) => Some(Some(read.map(|data| {
                    let (problems, assessment) = assessed!(data.assess_referral);
                    let said = Said::Assessed(problems, assessment);
                    (choices!(data.my_children.nodes), said)
                }))),
                Err(error) if not_theirs(&error) => Some(None),
                Err(other) => return Err(other),
            }
        }
    };
    let read = match assessed {
        Some(Some(read)) => read,
        refused => {
            let said = match refused {
                Some(_) => Said::Refused,
                None => Said::NotAsked,
            };
            let variables = referral_form_open::Variables {};
            let read = page::<ops::ReferralFormOpen>(Role::SocialWorker, variables).await?;
            read.map(|data| (choices!(data.my_children.nodes), said))
        }
    };
    Ok(read.map(|(choices, said)| Opened {
        choices,
        checked: checked(&draft, sending, said),
        draft,
    }))
}

pub enum Refused {
    Field(&'static str, String),
    Page(PageError),
}

/// Make the referral; its ID once made.
pub async fn create(draft: &Draft) -> Result<String, Refused> {
    let Some((child, meeting)) = ids(&draft.pair) else {
        return Err(Refused::Field(
            "pair",
            "Choose the child and the meeting.".into(),
        ));
    };
    let input = referral_input!(create_referral, draft, child, meeting);
    match exec::<ops::CreateReferral>(create_referral::Variables { input }).await {
        Ok(made) => Ok(made.create_referral.id),
        Err(PageError::Api {
            code:
                ErrorCode::BadUserInput
                | ErrorCode::Conflict
                | ErrorCode::NotFound
                | ErrorCode::Forbidden,
            message,
            details,
        }) => Err(Refused::Field(
            field_id(details["field"].as_str().unwrap_or("meetingId")),
            message,
        )),
        Err(other) => Err(Refused::Page(other)),
    }
}

/// Not sent. Without JavaScript, back to the form: what was typed is kept on the server; the
/// address says only which button was pressed.
pub async fn back(draft: &Draft, intent: Intent, checked: Checked) -> Result<Checked, PageError> {
    if plain_form_post() {
        crate::drafts::keep(crate::drafts::Form::Referral, draft).await;
        leptos_axum::redirect(&format!(
            "/staff/referrals/new?intent={}#check",
            intent.value()
        ));
    }
    Ok(checked)
}
