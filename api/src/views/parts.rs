//! Saving one part of the child's views at a time, merged by the server (issue 18). Each row keeps,
//! per part, the version at which that part last changed (`views.part_versions`), so a part saved
//! from an older version goes on top when nobody changed that part since, and is a conflict when
//! somebody did. Rows saved before parts were tracked count every part as changed at their
//! current version (the whole-views rule).
use entity::enums::{AttendanceChoice, Audience, Feeling};
use entity::views;
use serde_json::{Map, Value};

use super::Content;

/// The parts of a child's views, as the pages ask for them one at a time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Worries,
    GoingWell,
    WantToHappen,
    Feeling,
    FreeWords,
    Attendance,
    SharedWith,
}

impl Part {
    pub const ALL: [Part; 7] = [
        Part::Worries,
        Part::GoingWell,
        Part::WantToHappen,
        Part::Feeling,
        Part::FreeWords,
        Part::Attendance,
        Part::SharedWith,
    ];

    /// The part's key in `views.part_versions` (its GraphQL field name).
    fn key(self) -> &'static str {
        match self {
            Part::Worries => "worries",
            Part::GoingWell => "goingWell",
            Part::WantToHappen => "wantToHappen",
            Part::Feeling => "feeling",
            Part::FreeWords => "freeWords",
            Part::Attendance => "attendance",
            Part::SharedWith => "sharedWith",
        }
    }

    /// Whether the part is the same in both.
    fn same(self, a: &Content, b: &Content) -> bool {
        match self {
            Part::Worries => a.worries == b.worries,
            Part::GoingWell => a.going_well == b.going_well,
            Part::WantToHappen => a.want_to_happen == b.want_to_happen,
            Part::Feeling => a.feeling == b.feeling,
            Part::FreeWords => a.free_words == b.free_words,
            Part::Attendance => a.attendance == b.attendance,
            Part::SharedWith => a.shared_with() == b.shared_with(),
        }
    }
}

/// One part's new value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PartValue {
    Worries(Vec<String>),
    GoingWell(Vec<String>),
    WantToHappen(Vec<String>),
    Feeling(Option<Feeling>),
    FreeWords(Option<String>),
    Attendance(Option<AttendanceChoice>),
    SharedWith(Vec<Audience>),
}

impl PartValue {
    pub fn part(&self) -> Part {
        match self {
            PartValue::Worries(_) => Part::Worries,
            PartValue::GoingWell(_) => Part::GoingWell,
            PartValue::WantToHappen(_) => Part::WantToHappen,
            PartValue::Feeling(_) => Part::Feeling,
            PartValue::FreeWords(_) => Part::FreeWords,
            PartValue::Attendance(_) => Part::Attendance,
            PartValue::SharedWith(_) => Part::SharedWith,
        }
    }

    /// This part of `content`.
    pub fn of(part: Part, content: Content) -> Self {
        match part {
            Part::Worries => PartValue::Worries(content.worries),
            Part::GoingWell => PartValue::GoingWell(content.going_well),
            Part::WantToHappen => PartValue::WantToHappen(content.want_to_happen),
            Part::Feeling => PartValue::Feeling(content.feeling),
            Part::FreeWords => PartValue::FreeWords(content.free_words),
            Part::Attendance => PartValue::Attendance(content.attendance),
            Part::SharedWith => PartValue::SharedWith(content.shared_with()),
        }
    }

    /// `content` with this part replaced and the rest as it was.
    pub fn onto(self, mut content: Content) -> Content {
        match self {
            PartValue::Worries(items) => content.worries = items,
            PartValue::GoingWell(items) => content.going_well = items,
            PartValue::WantToHappen(items) => content.want_to_happen = items,
            PartValue::Feeling(feeling) => content.feeling = feeling,
            PartValue::FreeWords(words) => content.free_words = words,
            PartValue::Attendance(choice) => content.attendance = choice,
            PartValue::SharedWith(audiences) => content.share_with(&audiences),
        }
        content
    }
}

/// The version at which `part` of the stored views last changed.
pub fn last_changed(row: &views::Model, part: Part) -> i32 {
    match &row.part_versions {
        Some(Value::Object(versions)) => versions
            .get(part.key())
            .and_then(Value::as_i64)
            .and_then(|v| i32::try_from(v).ok())
            .unwrap_or(0),
        // Not tracked (saved before parts were): as if every part changed just now.
        _ => row.version,
    }
}

/// The part versions to store with `new`, saved as `version` over `old` (`None`: new views, every
/// part compared with empty views).
pub fn after_save(old: Option<&views::Model>, new: &Content, version: i32) -> Value {
    let before = old.map_or_else(Content::default, Content::of);
    let mut versions = Map::new();
    for part in Part::ALL {
        let at = if part.same(&before, new) {
            old.map_or(0, |row| last_changed(row, part))
        } else {
            version
        };
        if at > 0 {
            versions.insert(part.key().to_owned(), at.into());
        }
    }
    Value::Object(versions)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_replaces_only_itself() {
        let content = Content {
            worries: vec!["school".into()],
            free_words: Some("hello".into()),
            ..Content::default()
        };
        let saved = PartValue::SharedWith(vec![Audience::Chair]).onto(content.clone());
        assert_eq!(saved.worries, content.worries);
        assert_eq!(saved.free_words, content.free_words);
        assert_eq!(saved.shared_with(), vec![Audience::Chair]);
        let saved = PartValue::Worries(vec![]).onto(saved);
        assert!(saved.worries.is_empty() && saved.share_with_chair);
        for part in Part::ALL {
            let value = PartValue::of(part, content.clone());
            assert_eq!(value.part(), part);
            assert_eq!(value.onto(content.clone()), content);
        }
    }

    #[test]
    fn versions_follow_what_changed() {
        let first = Content {
            worries: vec!["school".into()],
            ..Content::default()
        };
        let versions = after_save(None, &first, 1);
        assert_eq!(versions, serde_json::json!({ "worries": 1 }));
    }
}
