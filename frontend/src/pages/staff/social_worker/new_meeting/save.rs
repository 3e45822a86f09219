//! Setting the meeting up: the date and time checked here (the API takes an instant), then
//! `createMeeting`. Refused: back to the form with what was typed and the problem beside its field.
use super::MeetingForm;
use crate::error::PageError;

/// The API's field names, as this form's field ids.
#[cfg(feature = "ssr")]
fn field_id(api_field: &str) -> &'static str {
    match api_field {
        "scheduledAt" => "date",
        "place" => "place",
        "chairId" => "chair",
        "agencyIds" => "agencies",
        "followUpOf" => "follow_up_of",
        _ => "kind",
    }
}

#[leptos::server(prefix = "/api/staff", endpoint = "new-meeting")]
pub async fn create_meeting(form: MeetingForm) -> Result<(), PageError> {
    use super::super::by_hand::server::{back, done, refusal, uk_moment};
    use super::ops::{self, create_meeting};
    use super::{KINDS, page_path};
    use crate::drafts::Form;
    use crate::pages::staff::api::server::exec;

    let page = page_path(&form.child);
    let mut problems: Vec<(String, String)> = Vec::new();
    let kind = KINDS
        .iter()
        .find(|(code, _)| *code == form.kind)
        .and_then(|(code, _)| serde_json::from_value(serde_json::json!(code)).ok());
    if kind.is_none() {
        problems.push(("kind".into(), "Choose the kind of meeting.".into()));
    }
    let at = uk_moment(&form.date, &form.time);
    if form.date.trim().is_empty() {
        problems.push(("date".into(), "Give the date of the meeting.".into()));
    } else if super::super::by_hand::server::day(&form.date).is_none() {
        problems.push((
            "date".into(),
            "Enter the date as a real date, like 2027-03-14.".into(),
        ));
    } else if at.is_none() {
        problems.push((
            "time".into(),
            "Give the time the meeting starts, like 10:30.".into(),
        ));
    }
    let (Some(kind), Some(at), true) = (kind, at, problems.is_empty()) else {
        back(Form::NewMeeting, &page, form, problems).await;
        return Ok(());
    };
    let text = |t: &str| Some(t.trim().to_owned()).filter(|t| !t.is_empty());
    let input = create_meeting::NewMeetingInput {
        kind,
        scheduled_at: Some(at),
        place: text(&form.place),
        chair_id: text(&form.chair),
        child_ids: vec![form.child.clone()],
        agency_ids: form
            .agencies
            .iter()
            .flatten()
            .filter(|a| !a.trim().is_empty())
            .cloned()
            .collect(),
        follow_up_of: text(&form.follow_up_of),
    };
    match exec::<ops::CreateMeeting>(create_meeting::Variables { input }).await {
        Ok(_) => {
            let to = format!("/staff?done=meeting-added#child-{}", form.child);
            done(Form::NewMeeting, &to).await;
            Ok(())
        }
        Err(error) => match refusal(&error) {
            Some((field, message)) => {
                let problems = vec![(field_id(&field).into(), message)];
                back(Form::NewMeeting, &page, form, problems).await;
                Ok(())
            }
            None => Err(error),
        },
    }
}
