//! Reading the case (one read) and where the advocate's actions send the browser back to.
use serde_json::Value;

use super::ops::{self, case};
use super::*;
use crate::dates::in_words;
use crate::pages::staff::advocate::case_href;
use crate::pages::staff::advocate::live::Urgent;
use crate::pages::staff::api::Role;
use crate::pages::staff::api::StaffUser;
use crate::pages::staff::api::server::exec;

pub fn href(case_id: &str) -> Result<String, PageError> {
    case_href(case_id).ok_or(PageError::Api {
        code: ErrorCode::NotFound,
        message: "Case not found.".into(),
        details: Value::Null,
    })
}

/// Back to the case, saying what happened; a refusal says so instead of breaking the page.
pub fn after<T>(
    href: &str,
    result: Result<T, PageError>,
    done: &str,
    problem: &str,
) -> Result<(), PageError> {
    match result {
        Ok(_) => leptos_axum::redirect(&format!("{href}?done={done}")),
        Err(PageError::SignedOut) => return Err(PageError::SignedOut),
        Err(error) => {
            tracing::info!(%error, "advocate action refused");
            leptos_axum::redirect(&format!("{href}?problem={problem}"));
        }
    }
    Ok(())
}

pub async fn load(case_id: String) -> Result<CaseFile, PageError> {
    href(&case_id)?;
    // One read: who is signed in comes with the case (issue 18), checked on the answer.
    let data = exec::<ops::Case>(case::Variables { case_id }).await?;
    let user = match data.me.staff_role {
        Some(Role::Advocate) => StaffUser {
            name: data.me.name.clone().unwrap_or_default(),
            role: Role::Advocate,
        },
        _ => return Err(crate::pages::staff::api::server::forbidden(Role::Advocate)),
    };
    let case = data.case;
    let urgent = data
        .open_urgent_help
        .nodes
        .into_iter()
        .filter(|help| help.case_id.as_deref() == Some(case.id.as_str()))
        .map(|help| Urgent {
            id: help.id,
            case_id: help.case_id,
            child: help.child_first_name,
            message: help.message,
            raised: in_words(&help.raised_at),
        })
        .collect();
    let outcome = match case.outcome {
        Some(o) => Outcome::Recorded {
            staff_words: o.staff_words,
            child_words: o.child_words,
            recorded: in_words(&o.recorded_at),
        },
        None => Outcome::NotYet,
    };
    let closed = (case.status == case::CaseStatus::CLOSED)
        .then(|| case.close_reason.clone().unwrap_or_default());
    let at = case.meeting.scheduled_at;
    let referral = case.referral;
    Ok(CaseFile {
        user,
        id: case.id,
        child: ChildFacts {
            name: case.child.preferred_name,
            age: case.child.age,
            looked_after: case.child.looked_after,
            communication_needs: case.child.communication_needs,
            language: crate::pages::staff::words::language(
                &case.child.language,
                case.child.interpreter_needed,
            ),
        },
        meeting: MeetingFacts {
            kind: case.meeting.kind,
            when: at.as_ref().map(in_words),
            place: case.meeting.place,
            past: at.is_some_and(|at| at <= chrono::Utc::now()),
            soon: case.meeting_soon,
        },
        referral: ReferralFacts {
            received: in_words(&referral.received_at),
            referrer: referral.referrer_name,
            self_referral: referral.source == case::ReferralSource::SELF_REFERRAL,
            parental_agreement: referral.parental_agreement,
            reason: referral.reason,
            how_to_contact: referral.how_to_contact_child,
            communication_needs: referral.communication_needs,
            lives_with: referral.lives_with,
            visit_risks: referral.visit_risks,
            other: referral.other_information,
            completeness: referral.completeness.score,
            missing: referral
                .completeness
                .missing
                .into_iter()
                .map(|m| m.label)
                .collect(),
            lead_time_days: referral.lead_time.as_ref().map(|l| l.working_days),
            lead_time_warning: referral.lead_time.and_then(|l| l.warning),
        },
        statement: data
            .case_views
            .as_ref()
            .filter(|v| v.status != crate::model::ViewsStatus::Draft)
            .map(|v| super::statement::StatementFacts {
                views_id: v.id.clone(),
                reach: v
                    .reach
                    .iter()
                    .map(|r| super::statement::Reached {
                        audience: r.audience,
                        shared: r.shared_at.as_ref().map(in_words),
                        given: r.given_on.map(|d| d.format("%-d %B %Y").to_string()),
                    })
                    .collect(),
                today: chrono::Utc::now()
                    .with_timezone(&chrono_tz::Europe::London)
                    .format("%Y-%m-%d")
                    .to_string(),
            }),
        views: data.case_views.map(|v| ViewsShown {
            version: v.version,
            status: v.status,
            submitted: v.submitted_at.as_ref().map(in_words),
            shared_with: v.shared_with.clone(),
            authorship: crate::authorship!(v),
            words: crate::views_words!(v),
        }),
        history: data
            .case_views_history
            .into_iter()
            .rev()
            .map(|v| ViewsShown {
                version: v.version,
                status: v.status,
                submitted: v.submitted_at.as_ref().map(in_words),
                shared_with: v.shared_with.clone(),
                // Each version as it was submitted; who wrote it is told on the current views.
                authorship: Default::default(),
                words: crate::views_words!(v),
            })
            .collect(),
        notes: data
            .advocate_notes
            .nodes
            .into_iter()
            .map(|note| Note {
                author: note.author_name,
                body: note.body,
                written: in_words(&note.created_at),
            })
            .collect(),
        urgent,
        outcome,
        closed,
        child_id: case.child.id,
        messages: data
            .case_messages
            .into_iter()
            .map(|m| super::words::SentMessage {
                words: m.words,
                from: format!(
                    "{} ({})",
                    m.from_name,
                    if m.from == case::MessageFrom::ADVOCATE {
                        "advocate"
                    } else {
                        "chair"
                    }
                ),
                sent: in_words(&m.sent_at),
                seen: m.seen_at.as_ref().map(in_words),
                reply: m.reply.map(|r| match r {
                    case::MessageReply::HAVE_A_QUESTION => super::words::Reply::Question,
                    _ => super::words::Reply::ThankYou,
                }),
            })
            .collect(),
    })
}
