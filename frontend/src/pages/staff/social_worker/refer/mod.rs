//! "Request an advocate": the referral form. The API judges the draft (`assessReferral`): how
//! complete it is, what is missing, the lead time, where it would start, and what would stop it.
//! With JavaScript the meter follows the typing; without, "Check the referral" shows the same
//! assessment on the page again with everything typed still in the boxes: kept on the server as
//! the browser's draft (`crate::drafts`), never in the address.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

use super::children::{ChildRow, load_my_children};
use super::{FieldProblem, FieldProblems, ProblemSummary, invalid};
use crate::components::TextBox;
use crate::error::PageError;
use crate::model::MeetingStatus;
use crate::pages::staff::StaffPage;
use crate::pages::staff::api::{Role, StaffUser};
use crate::pages::staff::gate::{RolePage, page_data, signed_in};

/// Parental agreement, as the API spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Agreement {
    Given,
    Pending,
    Refused,
    NotRequiredLookedAfter,
}

impl Agreement {
    pub const ALL: [Self; 4] = [
        Self::Given,
        Self::Pending,
        Self::Refused,
        Self::NotRequiredLookedAfter,
    ];

    pub fn value(self) -> &'static str {
        match self {
            Self::Given => "GIVEN",
            Self::Pending => "PENDING",
            Self::Refused => "REFUSED",
            Self::NotRequiredLookedAfter => "NOT_REQUIRED_LOOKED_AFTER",
        }
    }

    /// The radio's id; the first one is where the error summary sends the reader.
    fn id(self) -> &'static str {
        match self {
            Self::Given => "agreement-given",
            Self::Pending => "agreement-pending",
            Self::Refused => "agreement-refused",
            Self::NotRequiredLookedAfter => "agreement-not-required",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Given => "Given: the parents or carers agree",
            Self::Pending => "Not asked yet, or waiting for their answer",
            Self::Refused => "Refused: the parents or carers do not agree",
            Self::NotRequiredLookedAfter => "Not needed: the child is looked after",
        }
    }
}

/// Send, or only check what the API makes of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Intent {
    Check,
    Send,
}

impl Intent {
    /// As the form's buttons and the page's address say it.
    fn value(self) -> &'static str {
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
    pub parental_agreement: Option<Agreement>,
}

/// The free-text boxes: input name, label, hint.
const BOXES: [(&str, &str, &str); 6] = [
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
    fn text(&self, name: &str) -> &str {
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

    fn set_text(&mut self, name: &str, value: String) {
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
    pub score: i32,
    pub missing: Vec<String>,
    pub working_days: Option<i32>,
    pub warning: Option<String>,
    pub looked_after: bool,
    /// RECEIVED or PENDING_CONSENT; `None` while the agreement chosen is not allowed.
    pub starts_as: Option<String>,
}

/// The draft checked: the assessment (once a child and meeting are chosen) and the problems to
/// fix, each tied to a field id of this form.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Checked {
    pub assessment: Option<Assessment>,
    pub problems: FieldProblems,
}

/// The form as it opens, and what the API makes of it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Opened {
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
    parental_agreement: Option<Agreement>,
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

/// The form as it opens: empty; or, back after "Check" or "Send" without JavaScript (`kept`), the
/// draft kept on the server, assessed again.
#[leptos::server(prefix = "/api/staff", endpoint = "referral-open")]
pub async fn open_referral(kept: Option<Intent>) -> Result<Opened, PageError> {
    let draft = match kept {
        Some(_) => crate::drafts::read(crate::drafts::Form::Referral)
            .await
            .unwrap_or_default(),
        None => Draft::default(),
    };
    let checked = server::evaluate(&draft, kept == Some(Intent::Send)).await?;
    Ok(Opened { draft, checked })
}

#[cfg(feature = "ssr")]
mod server {
    use serde::Deserialize;
    use serde_json::{Value, json};

    use super::*;
    use crate::error::ErrorCode;
    use crate::pages::staff::api::{Role, server::require_role, server::run};
    use crate::pages::staff::social_worker::server::plain_form_post;

    /// The API's field names, as this form's field ids.
    fn field_id(api_field: &str) -> &'static str {
        match api_field {
            "reason" => "reason",
            "howToContactChild" => "how_to_contact_child",
            "communicationNeeds" => "communication_needs",
            "livesWith" => "lives_with",
            "visitRisks" => "visit_risks",
            "otherInformation" => "other_information",
            "parentalAgreement" => Agreement::Given.id(),
            _ => "pair",
        }
    }

    fn ids(pair: &str) -> Option<(&str, &str)> {
        pair.split_once('.')
            .filter(|(c, m)| !c.is_empty() && !m.is_empty())
    }

    fn input(draft: &Draft, child: &str, meeting: &str) -> Value {
        let text = |t: &str| (!t.trim().is_empty()).then(|| t.to_owned());
        json!({
            "childId": child,
            "meetingId": meeting,
            "reason": text(&draft.reason),
            "howToContactChild": text(&draft.how_to_contact_child),
            "communicationNeeds": text(&draft.communication_needs),
            "livesWith": text(&draft.lives_with),
            "visitRisks": text(&draft.visit_risks),
            "otherInformation": text(&draft.other_information),
            // Nothing chosen yet reads as "not asked yet" for the meter; sending still needs a choice.
            "parentalAgreement": draft.parental_agreement.unwrap_or(Agreement::Pending),
        })
    }

    pub async fn evaluate(draft: &Draft, sending: bool) -> Result<Checked, PageError> {
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Data {
            assess_referral: Raw,
        }
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Raw {
            completeness: Completeness,
            lead_time: Option<Lead>,
            child_looked_after: bool,
            starts_as: Option<String>,
            problems: Vec<Problem>,
        }
        #[derive(Deserialize)]
        struct Completeness {
            score: i32,
            missing: Vec<Label>,
        }
        #[derive(Deserialize)]
        struct Label {
            label: String,
        }
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Lead {
            working_days: i32,
            warning: Option<String>,
        }
        #[derive(Deserialize)]
        struct Problem {
            field: String,
            message: String,
        }

        require_role(Role::SocialWorker).await?;
        let mut checked = Checked::default();
        match ids(&draft.pair) {
            Some((child, meeting)) => {
                let data: Result<Data, _> = run(
                    "query Assess($i: CreateReferralInput!) { assessReferral(input: $i) {
                        completeness { score missing { label } }
                        leadTime { workingDays warning } childLookedAfter startsAs
                        problems { field message } } }",
                    json!({ "i": input(draft, child, meeting) }),
                )
                .await;
                match data {
                    Ok(data) => {
                        let raw = data.assess_referral;
                        checked.problems = raw
                            .problems
                            .into_iter()
                            .map(|p| (field_id(&p.field).to_owned(), p.message))
                            .collect();
                        checked.assessment = Some(Assessment {
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
                        });
                    }
                    // A child or meeting that is not (or no longer) this social worker's.
                    Err(PageError::Api {
                        code: ErrorCode::NotFound | ErrorCode::Forbidden | ErrorCode::BadUserInput,
                        ..
                    }) => checked.problems.push((
                        "pair".into(),
                        "Choose one of your children and one of their meetings.".into(),
                    )),
                    Err(other) => return Err(other),
                }
            }
            None if sending || !draft.pair.is_empty() => checked.problems.push((
                "pair".into(),
                "Choose the child and the meeting the advocate is for.".into(),
            )),
            None => {}
        }
        if sending && draft.parental_agreement.is_none() {
            checked.problems.push((
                Agreement::Given.id().into(),
                "Say whether the parents or carers agree to the referral.".into(),
            ));
        }
        Ok(checked)
    }

    pub enum Refused {
        Field(&'static str, String),
        Page(PageError),
    }

    /// Make the referral; its ID once made.
    pub async fn create(draft: &Draft) -> Result<String, Refused> {
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Data {
            create_referral: Made,
        }
        #[derive(Deserialize)]
        struct Made {
            id: String,
        }
        let Some((child, meeting)) = ids(&draft.pair) else {
            return Err(Refused::Field(
                "pair",
                "Choose the child and the meeting.".into(),
            ));
        };
        let made: Result<Data, _> = run(
            "mutation Refer($i: CreateReferralInput!) { createReferral(input: $i) { id } }",
            json!({ "i": input(draft, child, meeting) }),
        )
        .await;
        match made {
            Ok(data) => Ok(data.create_referral.id),
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
    pub async fn back(
        draft: &Draft,
        intent: Intent,
        checked: Checked,
    ) -> Result<Checked, PageError> {
        if plain_form_post() {
            crate::drafts::keep(crate::drafts::Form::Referral, draft).await;
            leptos_axum::redirect(&format!(
                "/staff/referrals/new?intent={}#check",
                intent.value()
            ));
        }
        Ok(checked)
    }
}

/// The route: social workers only.
#[component]
pub fn NewReferralRoute() -> impl IntoView {
    let query = use_query_map();
    // Back after "Check" or "Send" without JavaScript: the address names the button, nothing more.
    let kept = query.with_untracked(|q| q.get("intent").as_deref().and_then(Intent::parse));
    let staff = signed_in();
    let children = page_data(staff, Role::SocialWorker, || (), |_| load_my_children());
    let opened = page_data(
        staff,
        Role::SocialWorker,
        || (),
        move |_| open_referral(kept),
    );
    let page = move |user| view! { <NewReferral user shown=kept.is_some() children opened /> };
    view! { <RolePage role=Role::SocialWorker staff page /> }
}

#[component]
fn NewReferral(
    user: StaffUser,
    /// Back after "Check" or "Send" without JavaScript: the problems are shown too.
    shown: bool,
    children: Resource<Result<Vec<ChildRow>, PageError>>,
    opened: Resource<Result<Opened, PageError>>,
) -> impl IntoView {
    view! {
        <StaffPage title="Request an advocate".to_owned() user=Some(user)>
            <h1>"Request an advocate"</h1>
            <Suspense>
                {move || {
                    Suspend::new(async move {
                        match (children.await, opened.await) {
                            (Ok(children), Ok(Opened { draft, checked })) => view! {
                                <ReferralForm caseload=children draft checked shown />
                            }
                            .into_any(),
                            _ => view! { <p role="alert">"The form could not be loaded. Try again."</p> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </StaffPage>
    }
}

/// An island: with JavaScript the meter follows the typing and the buttons answer in place.
#[island]
fn ReferralForm(
    /// The social worker's children and their meetings (not `children`: islands keep that name).
    caseload: Vec<ChildRow>,
    draft: Draft,
    checked: Checked,
    /// The problems are shown (after "Check" or "Send"), not only the meter.
    shown: bool,
) -> impl IntoView {
    let action = ServerAction::<Refer>::new();
    let live = RwSignal::new(draft.clone());
    let checked = RwSignal::new(checked);
    let shown = RwSignal::new(shown);
    let sending = RwSignal::new(false);
    // After "Check" or "Send" with JavaScript: what the server made of it.
    Effect::new(move |_| {
        if let Some(result) = action.value().get() {
            shown.set(true);
            match result {
                Ok(result) => checked.set(result),
                Err(error) => checked.update(|c| {
                    c.problems = vec![("pair".into(), error.to_string())];
                }),
            }
        }
    });
    Effect::new(move |_| {
        if let Some(input) = action.input().get() {
            sending.set(input.intent == Intent::Send);
        }
    });
    // The live meter: ask again a moment after the typing stops.
    #[cfg(feature = "hydrate")]
    {
        let first = StoredValue::new(true);
        let timer = StoredValue::new(None::<leptos::leptos_dom::helpers::TimeoutHandle>);
        Effect::new(move |_| {
            let draft = live.get();
            if first.get_value() {
                first.set_value(false);
                return;
            }
            if let Some(handle) = timer.get_value() {
                handle.clear();
            }
            let handle = set_timeout_with_handle(
                move || {
                    leptos::task::spawn_local(async move {
                        let was_sending = sending.get_untracked();
                        if let Ok(result) = check_referral(draft, was_sending).await {
                            checked.update(|c| {
                                c.assessment = result.assessment;
                                if shown.get_untracked() {
                                    c.problems = result.problems;
                                }
                            });
                        }
                    });
                },
                std::time::Duration::from_millis(350),
            )
            .ok();
            timer.set_value(handle);
        });
    }
    let problems = Signal::derive(move || {
        if shown.get() {
            checked.read().problems.clone()
        } else {
            Vec::new()
        }
    });
    let options = caseload
        .iter()
        .flat_map(|child| {
            child
                .meetings
                .iter()
                .filter(|m| m.status == MeetingStatus::Scheduled)
                .map(move |m| {
                    (
                        format!("{}.{}", child.id, m.id),
                        format!("{} — {}", child.label(), m.label()),
                    )
                })
        })
        .collect::<Vec<_>>();
    let chosen = draft.pair.clone();
    let boxes = BOXES
        .iter()
        .map(|&(name, label, hint)| {
            let hint_id = format!("{name}-hint");
            let described = format!("{name}-hint {name}-error");
            view! {
                <div class="field">
                    <label for=name>{label}</label>
                    <p class="hint" id=hint_id>{hint}</p>
                    <FieldProblem field=name problems />
                    <TextBox
                        id=name
                        name=name
                        rows=3
                        maxlength=2000
                        value=draft.text(name).to_owned()
                        attr:aria-describedby=described
                        attr:aria-invalid=invalid(problems, name)
                        on:input=move |ev| {
                            let value = event_target_value(&ev);
                            live.update(|d| d.set_text(name, value));
                        }
                    />
                </div>
            }
        })
        .collect_view();
    let agreement_choices = Agreement::ALL
        .into_iter()
        .map(|choice| {
            view! {
                <div class="radio">
                    <input
                        type="radio"
                        id=choice.id()
                        name="parental_agreement"
                        value=choice.value()
                        checked=draft.parental_agreement == Some(choice)
                        on:change=move |_| live.update(|d| d.parental_agreement = Some(choice))
                    />
                    <label for=choice.id()>{choice.label()}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <ProblemSummary problems />
        <div class="referral-layout">
            <ActionForm action attr:class="referral-form" attr:id="referral-form" attr:novalidate=true>
                <div class="field">
                    <label for="pair">"Child and meeting"</label>
                    <p class="hint" id="pair-hint">"A new meeting needs a new referral."</p>
                    <FieldProblem field="pair" problems />
                    <select
                        id="pair"
                        name="pair"
                        aria-describedby="pair-hint pair-error"
                        aria-invalid=invalid(problems, "pair")
                        on:change=move |ev| {
                            let value = event_target_value(&ev);
                            live.update(|d| d.pair = value);
                        }
                    >
                        <option value="" selected=chosen.is_empty()>"Choose a child and meeting"</option>
                        {options
                            .into_iter()
                            .map(|(value, label)| {
                                let selected = value == chosen;
                                view! { <option value=value selected=selected>{label}</option> }
                            })
                            .collect_view()}
                    </select>
                </div>
                {boxes}
                <fieldset class="field" aria-describedby="agreement-rule agreement-given-error">
                    <legend class="question">"Parental agreement"</legend>
                    <p class="hint" id="agreement-rule">
                        "Ask the parents or carers before you refer. If they have not agreed yet, the referral waits "
                        "until they do. Their agreement is not needed when the child is looked after by the local authority."
                    </p>
                    <FieldProblem field="agreement-given" problems />
                    {agreement_choices}
                </fieldset>
                <div class="actions">
                    <button type="submit" name="intent" value="check" class="button">"Check the referral"</button>
                    <button type="submit" name="intent" value="send" class="button primary">"Send the referral"</button>
                </div>
            </ActionForm>
            <AssessmentPanel checked live />
        </div>
    }
}

/// The meter, what is missing, the lead time and the agreement rule for this child.
#[component]
fn AssessmentPanel(checked: RwSignal<Checked>, live: RwSignal<Draft>) -> impl IntoView {
    let body = move || {
        let Some(a) = checked.get().assessment else {
            return view! {
                <p>"Choose the child and meeting to see how complete the referral is and how much time the advocate has."</p>
            }
            .into_any();
        };
        let missing = if a.missing.is_empty() {
            view! { <p class="complete">"Nothing is missing: the advocate has what they need."</p> }
                .into_any()
        } else {
            view! {
                <h3>"Still missing"</h3>
                <ul class="missing">{a.missing.iter().map(|m| view! { <li>{m.clone()}</li> }).collect_view()}</ul>
            }
            .into_any()
        };
        let lead = match (a.working_days, a.warning.clone()) {
            (Some(days), warning) => view! {
                <h3>"Lead time"</h3>
                <p>{format!("The meeting is {days} working {} away.", if days == 1 { "day" } else { "days" })}</p>
                {warning.map(|w| view! { <p class="warning"><strong>"Too short for the child to attend. "</strong>{w}</p> })}
            }
            .into_any(),
            (None, _) => view! { <h3>"Lead time"</h3><p>"This piece of advocacy has no meeting date."</p> }.into_any(),
        };
        let agreement = if a.looked_after {
            "This child is looked after by the local authority: parental agreement is not needed."
        } else {
            "This child is not looked after: ask the parents or carers to agree."
        };
        let starts = match (a.starts_as.as_deref(), live.get().parental_agreement) {
            (_, None) => "Choose the parental agreement below.",
            (Some("PENDING_CONSENT"), _) => {
                "As it stands, the referral will wait for parental agreement before the coordinator can accept it."
            }
            (Some(_), _) => "The coordinator can accept it as soon as it arrives.",
            (None, _) => "That parental agreement is not allowed for this child.",
        };
        view! {
            <p class="meter-line">
                <label for="completeness-meter">"Complete"</label>
                " "
                <meter id="completeness-meter" min="0" max="100" low="60" high="99" optimum="100" value=a.score>
                    {format!("{}%", a.score)}
                </meter>
                " "
                <strong class="score">{format!("{}%", a.score)}</strong>
            </p>
            {missing}
            {lead}
            <h3>"Parental agreement"</h3>
            <p>{agreement}</p>
            <p>{starts}</p>
        }
        .into_any()
    };
    view! {
        <aside class="assessment card" id="check" aria-labelledby="check-title">
            <h2 id="check-title">"How complete is this referral?"</h2>
            <div role="status" aria-live="polite" aria-atomic="false">{body}</div>
        </aside>
    }
}
