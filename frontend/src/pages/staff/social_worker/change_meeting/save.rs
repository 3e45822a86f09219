//! Moving and cancelling: the new date and time checked here (the API takes an instant), then
//! `moveMeeting` or `cancelMeeting`. Refused: back to the page with what was typed.
use super::{CancelForm, MoveForm};
use crate::error::PageError;

/// After a change: the social worker's children, at the child's card.
#[cfg(feature = "ssr")]
fn after(done: &str, child: &str) -> String {
    if child.is_empty() {
        format!("/staff?done={done}")
    } else {
        format!("/staff?done={done}#child-{child}")
    }
}

#[leptos::server(prefix = "/api/staff", endpoint = "meeting-move")]
pub async fn move_meeting(form: MoveForm) -> Result<(), PageError> {
    use super::super::by_hand::server::{back, day, done, refusal, uk_moment};
    use super::ops::{self, move_meeting};
    use super::page_path;
    use crate::drafts::Form;
    use crate::pages::staff::api::server::exec;

    let page = page_path(&form.meeting);
    let mut problems: Vec<(String, String)> = Vec::new();
    let at = uk_moment(&form.date, &form.time);
    if form.date.trim().is_empty() {
        problems.push(("move-date".into(), "Give the new date.".into()));
    } else if day(&form.date).is_none() {
        problems.push((
            "move-date".into(),
            "Enter the date as a real date, like 2027-03-14.".into(),
        ));
    } else if at.is_none() {
        problems.push((
            "move-time".into(),
            "Give the time the meeting starts now, like 10:30.".into(),
        ));
    }
    if form.reason.trim().is_empty() {
        problems.push((
            "move-reason".into(),
            "Give the reason it moved: staff read it.".into(),
        ));
    }
    let (Some(at), true) = (at, problems.is_empty()) else {
        back(Form::MeetingMove, &page, form, problems).await;
        return Ok(());
    };
    let place = Some(form.place.trim().to_owned()).filter(|p| !p.is_empty());
    let vars = move_meeting::Variables {
        id: form.meeting.clone(),
        at,
        place,
        reason: form.reason.replace("\r\n", "\n"),
    };
    match exec::<ops::MoveMeeting>(vars).await {
        Ok(_) => {
            done(Form::MeetingMove, &after("meeting-moved", &form.child)).await;
            Ok(())
        }
        Err(error) => match refusal(&error) {
            Some((field, message)) => {
                let id = match field.as_str() {
                    "place" => "move-place",
                    "reason" => "move-reason",
                    _ => "move-date",
                };
                back(Form::MeetingMove, &page, form, vec![(id.into(), message)]).await;
                Ok(())
            }
            None => Err(error),
        },
    }
}

#[leptos::server(prefix = "/api/staff", endpoint = "meeting-cancel")]
pub async fn cancel_meeting(form: CancelForm) -> Result<(), PageError> {
    use super::super::by_hand::server::{back, done, refusal};
    use super::ops::{self, cancel_meeting};
    use super::page_path;
    use crate::drafts::Form;
    use crate::pages::staff::api::server::exec;

    let page = format!("{}?step=cancel", page_path(&form.meeting));
    if form.reason.trim().is_empty() {
        let problem = (
            "cancel-reason".to_owned(),
            "Give the reason the meeting is cancelled: staff read it.".to_owned(),
        );
        back(Form::MeetingCancel, &page, form, vec![problem]).await;
        return Ok(());
    }
    let vars = cancel_meeting::Variables {
        id: form.meeting.clone(),
        reason: form.reason.replace("\r\n", "\n"),
    };
    match exec::<ops::CancelMeeting>(vars).await {
        Ok(_) => {
            done(
                Form::MeetingCancel,
                &after("meeting-cancelled", &form.child),
            )
            .await;
            Ok(())
        }
        Err(error) => match refusal(&error) {
            Some((_, message)) => {
                let problems = vec![("cancel-reason".to_owned(), message)];
                back(Form::MeetingCancel, &page, form, problems).await;
                Ok(())
            }
            None => Err(error),
        },
    }
}
