//! "You said → we decided" (issue 20): the chair answers each point the child made in views shared
//! with them, in child words, in the same write as the meeting record; the child reads each answer.
//! A record is refused while any point has no answer, so no child's point goes unanswered.
pub mod graphql;
pub mod points;

use chrono::{DateTime, Utc};
use entity::enums::{AnswerKind, ViewPart};
use entity::view_answer;
use sea_orm::sea_query::ExprTrait;
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, Set};

use self::points::{Point, SharedPoints, answer_to};
use crate::auth::{StaffViewer, TenantId};
use crate::error::{ApiError, ApiResult};
use crate::text;

/// An answer is a few plain sentences for the child.
pub const WORDS_MAX: usize = text::LONG;

/// One answer as the chair gave it, checked: words present unless the advocate will explain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub views_id: i32,
    pub part: ViewPart,
    pub index: i32,
    pub kind: AnswerKind,
    pub words: Option<String>,
}

impl Answer {
    pub fn parse(
        views_id: i32,
        part: ViewPart,
        index: i32,
        kind: AnswerKind,
        words: Option<&str>,
    ) -> ApiResult<Self> {
        let words = match kind {
            AnswerKind::AdvocateWillExplain => text::optional("answers", words, WORDS_MAX)?,
            _ => Some(text::optional("answers", words, WORDS_MAX)?.ok_or_else(|| {
                ApiError::bad_input("answers", "Each answer needs its words for the child.")
            })?),
        };
        Ok(Self {
            views_id,
            part,
            index,
            kind,
            words,
        })
    }
}

fn needing(count: usize) -> String {
    if count == 1 {
        "1 point the child made still needs an answer.".to_owned()
    } else {
        format!("{count} points the child made still need an answer.")
    }
}

/// Check the answers against the points of the views shared with this chair for the meeting, and
/// that every point has an answer once they are written (earlier answers to the same words count).
/// Returns the rows to write. Nothing is written here, so a refusal leaves everything as it was.
pub fn check(
    shared: &[SharedPoints],
    existing: &[view_answer::Model],
    answers: &[Answer],
) -> ApiResult<Vec<(Answer, Point, i32)>> {
    let mut rows: Vec<(Answer, Point, i32)> = Vec::with_capacity(answers.len());
    for answer in answers {
        let Some(views) = shared.iter().find(|s| s.views.id == answer.views_id) else {
            return Err(ApiError::bad_input(
                "answers",
                "An answer is for views that were not shared with you for this meeting.",
            ));
        };
        let Some(point) = views
            .points
            .iter()
            .find(|p| p.part == answer.part && p.index == answer.index)
        else {
            return Err(ApiError::bad_input(
                "answers",
                "An answer is for a point the child did not make.",
            ));
        };
        if rows.iter().any(|(a, _, _)| {
            a.views_id == answer.views_id && a.part == answer.part && a.index == answer.index
        }) {
            return Err(ApiError::bad_input(
                "answers",
                "A point has more than one answer.",
            ));
        }
        rows.push((answer.clone(), point.clone(), views.views.child_id));
    }
    let unanswered = shared
        .iter()
        .flat_map(|s| s.points.iter().map(move |p| (s.views.id, p)))
        .filter(|(views_id, point)| {
            answer_to(existing, *views_id, point).is_none()
                && !rows.iter().any(|(a, _, _)| {
                    a.views_id == *views_id && a.part == point.part && a.index == point.index
                })
        })
        .count();
    if unanswered > 0 {
        return Err(ApiError::bad_input("answers", needing(unanswered)));
    }
    Ok(rows)
}

/// Write checked answers, replacing any earlier answer to the same points. Inside the record's
/// transaction.
pub async fn write(
    txn: &impl ConnectionTrait,
    tenant: TenantId,
    chair: &StaffViewer,
    meeting_id: i32,
    rows: Vec<(Answer, Point, i32)>,
    now: DateTime<Utc>,
) -> ApiResult<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let replaced = rows.iter().fold(Condition::any(), |any, (a, _, _)| {
        any.add(
            view_answer::Column::ViewsId
                .eq(a.views_id)
                .and(view_answer::Column::Part.eq(a.part))
                .and(view_answer::Column::ItemIndex.eq(a.index)),
        )
    });
    view_answer::Entity::delete_many()
        .filter(replaced)
        .exec(txn)
        .await?;
    let models = rows
        .into_iter()
        .map(|(answer, point, child_id)| view_answer::ActiveModel {
            local_authority_id: Set(tenant.0),
            views_id: Set(answer.views_id),
            meeting_id: Set(meeting_id),
            child_id: Set(child_id),
            part: Set(answer.part),
            item_index: Set(answer.index),
            said: Set(point.said),
            kind: Set(answer.kind),
            words: Set(answer.words),
            answered_by: Set(chair.id),
            answered_at: Set(now),
            created_at: Set(now),
            ..Default::default()
        });
    view_answer::Entity::insert_many(models)
        .exec_without_returning(txn)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use entity::views;

    fn shared() -> Vec<SharedPoints> {
        let views = views::Model {
            id: 7,
            local_authority_id: 1,
            child_id: 3,
            meeting_id: 5,
            case_id: None,
            worries: Default::default(),
            going_well: Default::default(),
            want_to_happen: Default::default(),
            feeling: None,
            free_words: None,
            attendance: None,
            share_with_social_worker: false,
            share_with_chair: true,
            share_with_family: false,
            share_with_meeting: false,
            status: entity::enums::ViewsStatus::Shared,
            version: 1,
            submitted_at: None,
            idempotency_key: None,
            save_key: None,
            updated_at: Utc::now(),
            created_at: Utc::now(),
            part_versions: None,
            written_by: entity::enums::ViewsAuthor::Child,
            confirmed_at: None,
            confirmed_how: None,
            confirmed_on: None,
        };
        let point = |part, index, said: &str| Point {
            part,
            index,
            said: said.into(),
        };
        vec![SharedPoints {
            views,
            points: vec![
                point(ViewPart::Worries, 0, "Mum shouting"),
                point(ViewPart::FreeWords, 0, "I like football"),
            ],
        }]
    }

    fn answer(part: ViewPart, index: i32) -> Answer {
        Answer::parse(
            7,
            part,
            index,
            AnswerKind::Agreed,
            Some("The meeting agreed."),
        )
        .unwrap()
    }

    fn message(error: ApiError) -> String {
        match error {
            ApiError::BadUserInput { message, .. } => message,
            _ => String::new(),
        }
    }

    #[test]
    fn every_point_needs_an_answer() {
        let one = [answer(ViewPart::Worries, 0)];
        assert_eq!(
            message(check(&shared(), &[], &one).unwrap_err()),
            "1 point the child made still needs an answer."
        );
        let both = [answer(ViewPart::Worries, 0), answer(ViewPart::FreeWords, 0)];
        assert_eq!(check(&shared(), &[], &both).unwrap().len(), 2);
    }

    #[test]
    fn answers_only_for_points_made_once_each() {
        let not_a_point = [answer(ViewPart::Worries, 1)];
        assert!(message(check(&shared(), &[], &not_a_point).unwrap_err()).contains("did not make"));
        let other_views = [Answer {
            views_id: 8,
            ..answer(ViewPart::Worries, 0)
        }];
        assert!(message(check(&shared(), &[], &other_views).unwrap_err()).contains("not shared"));
        let twice = [
            answer(ViewPart::Worries, 0),
            answer(ViewPart::Worries, 0),
            answer(ViewPart::FreeWords, 0),
        ];
        assert!(message(check(&shared(), &[], &twice).unwrap_err()).contains("more than one"));
    }

    #[test]
    fn words_are_required_unless_the_advocate_explains() {
        assert!(
            Answer::parse(7, ViewPart::Worries, 0, AnswerKind::NotThisTime, Some(" ")).is_err()
        );
        assert!(
            Answer::parse(
                7,
                ViewPart::Worries,
                0,
                AnswerKind::AdvocateWillExplain,
                None
            )
            .is_ok()
        );
        let long = "x".repeat(WORDS_MAX + 1);
        assert!(Answer::parse(7, ViewPart::Worries, 0, AnswerKind::Agreed, Some(&long)).is_err());
    }
}
