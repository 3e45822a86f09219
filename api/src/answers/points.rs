//! The points a child made in views shared with a meeting's chair: each worry, good thing and wish,
//! and their free words as one point. The record check, the chair's page and the oversight measure
//! all read them here, so they never disagree about what needs an answer.
use std::collections::HashMap;

use entity::enums::{Audience, ViewPart};
use entity::{view_answer, views, views_share, views_version};
use sea_orm::sea_query::ExprTrait;
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter};

use crate::error::ApiResult;
use crate::views::Content;
use crate::views::history::snapshot_content;

/// One thing the child said, where it sits in their views, in their exact words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Point {
    pub part: ViewPart,
    pub index: i32,
    pub said: String,
}

/// Every point of one version of the child's views, in the order the child gave them.
pub fn of_content(content: &Content) -> Vec<Point> {
    let mut points = Vec::new();
    for (part, items) in [
        (ViewPart::Worries, &content.worries),
        (ViewPart::GoingWell, &content.going_well),
        (ViewPart::WantToHappen, &content.want_to_happen),
    ] {
        for (index, said) in items.iter().enumerate() {
            points.push(Point {
                part,
                index: i32::try_from(index).unwrap_or(i32::MAX),
                said: said.clone(),
            });
        }
    }
    if let Some(words) = content.free_words.as_ref().filter(|w| !w.trim().is_empty()) {
        points.push(Point {
            part: ViewPart::FreeWords,
            index: 0,
            said: words.clone(),
        });
    }
    points
}

/// One child's views shared with the chair, and the points of the newest version shared.
#[derive(Debug, Clone)]
pub struct SharedPoints {
    pub views: views::Model,
    pub points: Vec<Point>,
}

/// For each meeting (id, chair), the views of it the child shared with that chair and still agrees
/// the chair may see, with the points of the newest version shared. Three statements however many.
pub async fn shared_with_chairs(
    conn: &impl ConnectionTrait,
    meetings: &[(i32, Option<i32>)],
) -> ApiResult<Vec<SharedPoints>> {
    if meetings.is_empty() {
        return Ok(Vec::new());
    }
    let chair_of: HashMap<i32, Option<i32>> = meetings.iter().copied().collect();
    let all_views = views::Entity::find()
        .filter(views::Column::MeetingId.is_in(chair_of.keys().copied()))
        .filter(views::Column::ShareWithChair.eq(true))
        .all(conn)
        .await?;
    if all_views.is_empty() {
        return Ok(Vec::new());
    }
    let shares = views_share::Entity::find()
        .filter(views_share::Column::ViewsId.is_in(all_views.iter().map(|v| v.id)))
        .filter(views_share::Column::Audience.eq(Audience::Chair))
        .all(conn)
        .await?;
    // The newest version shared with the meeting's own chair, per views.
    let mut newest: HashMap<i32, i32> = HashMap::new();
    for share in shares {
        let Some(views) = all_views.iter().find(|v| v.id == share.views_id) else {
            continue;
        };
        let chair = chair_of.get(&views.meeting_id).copied().flatten();
        if chair != Some(share.recipient_id) {
            continue;
        }
        let version = newest.entry(share.views_id).or_insert(share.version);
        *version = Ord::max(*version, share.version);
    }
    if newest.is_empty() {
        return Ok(Vec::new());
    }
    let frozen = newest
        .iter()
        .fold(Condition::any(), |any, (views_id, version)| {
            any.add(
                views_version::Column::ViewsId
                    .eq(*views_id)
                    .and(views_version::Column::Version.eq(*version)),
            )
        });
    let versions = views_version::Entity::find()
        .filter(frozen)
        .all(conn)
        .await?;
    let mut out = Vec::new();
    for views in all_views {
        let Some(version) = newest.get(&views.id) else {
            continue;
        };
        let Some(row) = versions
            .iter()
            .find(|r| r.views_id == views.id && r.version == *version)
        else {
            continue;
        };
        let points = of_content(&snapshot_content(row)?);
        out.push(SharedPoints { views, points });
    }
    out.sort_by_key(|s| s.views.id);
    Ok(out)
}

/// The answers kept for these views.
pub async fn answers_of(
    conn: &impl ConnectionTrait,
    views_ids: impl IntoIterator<Item = i32>,
) -> ApiResult<Vec<view_answer::Model>> {
    let ids: Vec<i32> = views_ids.into_iter().collect();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(view_answer::Entity::find()
        .filter(view_answer::Column::ViewsId.is_in(ids))
        .all(conn)
        .await?)
}

/// The answer to this point, if one was given to these very words (a point the child changed in a
/// later version needs a new answer).
pub fn answer_to<'a>(
    answers: &'a [view_answer::Model],
    views_id: i32,
    point: &Point,
) -> Option<&'a view_answer::Model> {
    answers.iter().find(|a| {
        a.views_id == views_id
            && a.part == point.part
            && a.item_index == point.index
            && a.said == point.said
    })
}

/// Where a part comes in the child's views, for listing points in their order.
pub fn part_order(part: ViewPart) -> usize {
    match part {
        ViewPart::Worries => 0,
        ViewPart::GoingWell => 1,
        ViewPart::WantToHappen => 2,
        ViewPart::FreeWords => 3,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_item_is_a_point_and_free_words_are_one() {
        let content = Content {
            worries: vec!["Mum shouting".into(), "School".into()],
            going_well: vec![],
            want_to_happen: vec!["See my brother".into()],
            free_words: Some("I like football".into()),
            ..Default::default()
        };
        let points = of_content(&content);
        let places: Vec<(ViewPart, i32)> = points.iter().map(|p| (p.part, p.index)).collect();
        assert_eq!(
            places,
            vec![
                (ViewPart::Worries, 0),
                (ViewPart::Worries, 1),
                (ViewPart::WantToHappen, 0),
                (ViewPart::FreeWords, 0)
            ]
        );
        assert_eq!(points[1].said, "School");
        let blank = Content {
            free_words: Some("  ".into()),
            ..Default::default()
        };
        assert!(of_content(&blank).is_empty());
    }
}
