//! Reading the chair's meeting page, in one read: the meeting with each child's views shared for
//! it, opened.
use super::ops::{self, meeting};
use super::{AgencyChoice, ChildViews, MeetingDetail, Sent};
use crate::dates::staff_time;
use crate::error::PageError;
use crate::pages::staff::api::{Role, StaffRead, server};
use crate::pages::staff::isro::record::{AnswerValue, ChildPoints, PointRow, RecordValues, drafts};

/// The meeting `id`; with `typed`, the record the API last refused instead of the saved one.
pub async fn load(id: String, typed: bool) -> Result<StaffRead<MeetingDetail>, PageError> {
    let read = server::page::<ops::Meeting>(Role::Isro, meeting::Variables { id }).await?;
    let (user, data) = match read {
        StaffRead::Page(user, data) => (user, data),
        StaffRead::NotYours(user) => return Ok(StaffRead::NotYours(user)),
    };
    let meeting = data.meeting;
    let child_ids: Vec<(String, String)> = meeting
        .children
        .iter()
        .map(|c| (c.id.clone(), c.first_name.clone()))
        .collect();
    let languages: Vec<(String, String)> = meeting
        .children
        .iter()
        .map(|c| {
            let language = crate::pages::staff::words::language(&c.language, c.interpreter_needed);
            (c.first_name.clone(), language)
        })
        .collect();
    let children: Vec<String> = meeting.children.into_iter().map(|c| c.first_name).collect();
    let messages = data
        .meeting_messages
        .into_iter()
        .map(|m| super::messages::ChairMessage {
            child: m.child_first_name,
            words: m.words,
            sent: staff_time(&m.sent_at),
            seen: m.seen_at.as_ref().map(staff_time),
            question: m.reply == Some(meeting::MessageReply::HAVE_A_QUESTION),
            thanked: m.reply == Some(meeting::MessageReply::THANK_YOU),
        })
        .collect();

    // Each child's points with the answers saved so far.
    let mut points: Vec<ChildPoints> = Vec::new();
    let mut answered: Vec<AnswerValue> = Vec::new();
    for shared in &data.shared_views_for_meeting {
        for p in &shared.points {
            if let Some(answer) = &p.answer {
                answered.push(AnswerValue {
                    views_id: shared.views_id.clone(),
                    part: p.part,
                    index: p.index,
                    kind: Some(answer.kind),
                    words: answer.words.clone().unwrap_or_default(),
                });
            }
        }
        if !shared.points.is_empty() {
            points.push(ChildPoints {
                child: shared.child_first_name.clone(),
                views_id: shared.views_id.clone(),
                points: shared
                    .points
                    .iter()
                    .map(|p| PointRow {
                        part: p.part,
                        index: p.index,
                        said: p.said.clone(),
                    })
                    .collect(),
            });
        }
    }
    points.sort_by(|a, b| a.child.cmp(&b.child));

    // Each child's views shared with the chair for this meeting, the newest version of each; the
    // API records each reading for its child.
    let mut views: Vec<ChildViews> = data
        .shared_views_for_meeting
        .into_iter()
        .map(|content| ChildViews {
            views_id: content.views_id.clone(),
            child: content.child_first_name.clone(),
            shared: staff_time(&content.shared_at),
            late: meeting
                .scheduled_at
                .is_some_and(|at| content.shared_at > at),
            submitted: content.submitted_at.as_ref().map(staff_time),
            version: content.version,
            authorship: crate::authorship!(content),
            words: crate::views_words!(content),
        })
        .collect();
    views.sort_by(|a, b| a.child.cmp(&b.child));

    let mut saved = RecordValues {
        outcome_staff_words: meeting.outcome_staff_words.unwrap_or_default(),
        outcome_child_words: meeting.outcome_child_words.unwrap_or_default(),
        answers: answered,
        ..RecordValues::default()
    };
    if let Some(board) = meeting.whiteboard {
        saved.worried_about_now = board.worried_about_now.unwrap_or_default();
        saved.complicating_factors = board.complicating_factors.unwrap_or_default();
        saved.going_well = board.going_well.unwrap_or_default();
        saved.signs_of_safety = board.signs_of_safety.unwrap_or_default();
        saved.plan = board.plan.unwrap_or_default();
    }
    let kept = if typed {
        drafts::get(&meeting.id).await
    } else {
        None
    };
    let record = kept.unwrap_or(saved);

    let sent: Vec<Sent> = data
        .outcome_distribution
        .into_iter()
        .map(|d| Sent {
            agency: d.agency.map_or_else(|| "An agency".into(), |a| a.name),
            sent: staff_time(&d.sent_at),
            acknowledged: d.acknowledged_at.as_ref().map(staff_time),
            acknowledged_by: d.acknowledged_by.map(|p| p.name),
        })
        .collect();
    let agencies = data
        .agencies
        .nodes
        .into_iter()
        .filter(|a| !sent.iter().any(|s| s.agency == a.name))
        .map(|a| AgencyChoice {
            id: a.id,
            name: a.name,
        })
        .collect();

    Ok(StaffRead::Page(
        user,
        MeetingDetail {
            id: meeting.id,
            kind: meeting.kind,
            when: meeting.scheduled_at.as_ref().map(staff_time),
            place: meeting.place,
            status: meeting.status,
            recorded_at: meeting.recorded_at.as_ref().map(staff_time),
            children,
            languages,
            child_ids,
            messages,
            social_worker: meeting.social_worker.map(|p| p.name),
            record,
            views,
            points,
            agencies,
            sent,
        },
    ))
}
