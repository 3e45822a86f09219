//! What a child's views contain, checked once on the way in, and the idempotency key of a submission.
//! Messages here are read by children: plain words, short sentences.
use entity::ViewItems;
use entity::enums::{AttendanceChoice, Audience, Feeling};
use entity::views;
use sea_orm::Set;
use serde::{Deserialize, Serialize};

use crate::error::{ApiError, ApiResult};

/// Most things in one list (one "house").
pub const MAX_ITEMS: usize = 20;
/// Longest single thing in a list.
pub const MAX_ITEM_CHARS: usize = crate::text::LONG;
/// Longest "anything else I want to say".
pub const MAX_FREE_WORDS: usize = crate::text::VERY_LONG;

/// The child's words and choices, exactly as they gave them (trimmed, nothing else changed).
/// Serialised as the frozen snapshot of each submitted version.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Content {
    pub worries: Vec<String>,
    pub going_well: Vec<String>,
    pub want_to_happen: Vec<String>,
    pub feeling: Option<Feeling>,
    pub free_words: Option<String>,
    pub attendance: Option<AttendanceChoice>,
    pub share_with_social_worker: bool,
    pub share_with_chair: bool,
    pub share_with_family: bool,
    pub share_with_meeting: bool,
}

/// A submitted version as stored in `views_version.snapshot`: the content, and the key that sent it
/// (so a late retry of an older submission is still recognised).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Snapshot {
    #[serde(flatten)]
    pub content: Content,
    #[serde(default)]
    pub idempotency_key: Option<String>,
}

impl Content {
    /// Trim every item, drop empty boxes, and refuse what we cannot keep.
    pub fn checked(self) -> ApiResult<Self> {
        Ok(Self {
            worries: items("worries", "worries", self.worries)?,
            going_well: items("goingWell", "things that are going well", self.going_well)?,
            want_to_happen: items(
                "wantToHappen",
                "things you want to happen",
                self.want_to_happen,
            )?,
            free_words: match self.free_words {
                Some(words) => free_words(&words)?,
                None => None,
            },
            ..self
        })
    }

    pub fn of(model: &views::Model) -> Self {
        Self {
            worries: model.worries.0.clone(),
            going_well: model.going_well.0.clone(),
            want_to_happen: model.want_to_happen.0.clone(),
            feeling: model.feeling,
            free_words: model.free_words.clone(),
            attendance: model.attendance,
            share_with_social_worker: model.share_with_social_worker,
            share_with_chair: model.share_with_chair,
            share_with_family: model.share_with_family,
            share_with_meeting: model.share_with_meeting,
        }
    }

    /// Who the child agreed may see these views, in the order of `AUDIENCES`.
    pub fn shared_with(&self) -> Vec<Audience> {
        AUDIENCES
            .into_iter()
            .zip(self.consents())
            .filter_map(|(audience, on)| on.then_some(audience))
            .collect()
    }

    /// Agree to exactly these audiences (and no others).
    pub fn share_with(&mut self, audiences: &[Audience]) {
        for (audience, flag) in AUDIENCES.iter().zip(self.consents_mut()) {
            *flag = audiences.contains(audience);
        }
    }

    /// The one place the four consent columns meet the `Audience` set (in `AUDIENCES` order).
    fn consents(&self) -> [bool; 4] {
        [
            self.share_with_social_worker,
            self.share_with_chair,
            self.share_with_family,
            self.share_with_meeting,
        ]
    }

    fn consents_mut(&mut self) -> [&mut bool; 4] {
        [
            &mut self.share_with_social_worker,
            &mut self.share_with_chair,
            &mut self.share_with_family,
            &mut self.share_with_meeting,
        ]
    }

    /// Set every content column of `row` (the rest is left as it was).
    pub fn write_to(self, row: &mut views::ActiveModel) {
        row.worries = Set(ViewItems(self.worries));
        row.going_well = Set(ViewItems(self.going_well));
        row.want_to_happen = Set(ViewItems(self.want_to_happen));
        row.feeling = Set(self.feeling);
        row.free_words = Set(self.free_words);
        row.attendance = Set(self.attendance);
        row.share_with_social_worker = Set(self.share_with_social_worker);
        row.share_with_chair = Set(self.share_with_chair);
        row.share_with_family = Set(self.share_with_family);
        row.share_with_meeting = Set(self.share_with_meeting);
    }
}

/// Every audience, in the order of the schema's `Audience` enum and of the four consent flags.
pub const AUDIENCES: [Audience; 4] = [
    Audience::SocialWorker,
    Audience::Chair,
    Audience::Family,
    Audience::Meeting,
];

/// The audiences a client chose: `sharedWith`, the four older flags (`shareWithSocialWorker`,
/// `shareWithChair`, `shareWithFamily`, `shareWithMeeting`, in `AUDIENCES` order, each may be
/// left out), or both when they agree. A flag left out counts as "no" when `sharedWith` is not sent.
pub fn consent(
    shared_with: Option<Vec<Audience>>,
    flags: [Option<bool>; 4],
) -> ApiResult<Vec<Audience>> {
    let Some(chosen) = shared_with else {
        return Ok(AUDIENCES
            .into_iter()
            .zip(flags)
            .filter_map(|(audience, on)| on.unwrap_or(false).then_some(audience))
            .collect());
    };
    for (audience, flag) in AUDIENCES.into_iter().zip(flags) {
        if flag.is_some_and(|on| on != chosen.contains(&audience)) {
            return Err(ApiError::bad_input(
                "sharedWith",
                format!(
                    "sharedWith and the shareWith… flags disagree about {}: send only sharedWith, \
                     or flags that say the same.",
                    graphql_name(audience)
                ),
            ));
        }
    }
    Ok(AUDIENCES
        .into_iter()
        .filter(|audience| chosen.contains(audience))
        .collect())
}

fn graphql_name(audience: Audience) -> &'static str {
    match audience {
        Audience::SocialWorker => "SOCIAL_WORKER",
        Audience::Chair => "CHAIR",
        Audience::Family => "FAMILY",
        Audience::Meeting => "MEETING",
    }
}

fn items(field: &'static str, words: &str, raw: Vec<String>) -> ApiResult<Vec<String>> {
    let kept: Vec<String> = raw
        .iter()
        .map(|item| item.trim())
        .filter(|item| !item.is_empty())
        .map(str::to_owned)
        .collect();
    if kept.len() > MAX_ITEMS {
        return Err(ApiError::bad_input(
            field,
            format!("You can write up to {MAX_ITEMS} {words}. Please join some together."),
        ));
    }
    for item in &kept {
        if item.chars().count() > MAX_ITEM_CHARS {
            return Err(ApiError::bad_input(
                field,
                format!(
                    "One of your {words} is too long. Please keep each one under {MAX_ITEM_CHARS} letters."
                ),
            ));
        }
        if has_control(item) {
            return Err(ApiError::bad_input(
                field,
                format!("One of your {words} has a sign we cannot save. Please take it out."),
            ));
        }
    }
    Ok(kept)
}

fn free_words(raw: &str) -> ApiResult<Option<String>> {
    let words = raw.trim();
    if words.is_empty() {
        return Ok(None);
    }
    if words.chars().count() > MAX_FREE_WORDS {
        return Err(ApiError::bad_input(
            "freeWords",
            format!("What you wrote is too long. Please keep it under {MAX_FREE_WORDS} letters."),
        ));
    }
    if has_control(words) {
        return Err(ApiError::bad_input(
            "freeWords",
            "What you wrote has a sign we cannot save. Please take it out.",
        ));
    }
    Ok(Some(words.to_owned()))
}

/// Line breaks and tabs are part of how children write; other control characters are not.
fn has_control(text: &str) -> bool {
    text.chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t' && c != '\r')
}

/// The key a client sends with a submission so that a retry never submits twice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdempotencyKey(String);

impl IdempotencyKey {
    pub fn parse(raw: &str) -> ApiResult<Self> {
        let ok_chars = raw
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
        if (8..=100).contains(&raw.len()) && ok_chars {
            Ok(Self(raw.to_owned()))
        } else {
            Err(ApiError::bad_input(
                "idempotencyKey",
                "idempotencyKey must be 8 to 100 letters, digits, '-' or '_'.",
            ))
        }
    }
}

impl AsRef<str> for IdempotencyKey {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_are_trimmed_empty_boxes_dropped_and_limits_kept() {
        let content = Content {
            worries: vec!["  school  ".into(), "   ".into(), "line\nbreak".into()],
            free_words: Some("  ".into()),
            ..Content::default()
        }
        .checked()
        .unwrap();
        assert_eq!(content.worries, vec!["school", "line\nbreak"]);
        assert_eq!(content.free_words, None);

        let too_many = Content {
            going_well: vec!["x".into(); MAX_ITEMS + 1],
            ..Content::default()
        };
        assert!(too_many.checked().is_err());
        let too_long = Content {
            want_to_happen: vec!["x".repeat(MAX_ITEM_CHARS + 1)],
            ..Content::default()
        };
        assert!(too_long.checked().is_err());
        let control = Content {
            worries: vec!["bad\u{7}bell".into()],
            ..Content::default()
        };
        assert!(control.checked().is_err());
        let words = Content {
            free_words: Some("y".repeat(MAX_FREE_WORDS + 1)),
            ..Content::default()
        };
        assert!(words.checked().is_err());
    }

    #[test]
    fn the_audience_set_and_the_four_flags_are_one_consent() {
        let mut content = Content::default();
        content.share_with(&[Audience::Meeting, Audience::SocialWorker]);
        assert!(content.share_with_social_worker && content.share_with_meeting);
        assert!(!content.share_with_chair && !content.share_with_family);
        assert_eq!(
            content.shared_with(),
            vec![Audience::SocialWorker, Audience::Meeting]
        );

        let flags = [Some(true), None, Some(false), None];
        assert_eq!(consent(None, flags).unwrap(), vec![Audience::SocialWorker]);
        let set = Some(vec![Audience::Chair, Audience::SocialWorker]);
        assert_eq!(
            consent(set.clone(), [Some(true), Some(true), None, Some(false)]).unwrap(),
            vec![Audience::SocialWorker, Audience::Chair]
        );
        assert!(consent(set, [None, Some(false), None, None]).is_err());
        assert!(consent(Some(vec![]), [None, None, Some(true), None]).is_err());
    }

    #[test]
    fn idempotency_keys_are_short_plain_tokens() {
        assert!(IdempotencyKey::parse("abc-DEF_123").is_ok());
        assert!(IdempotencyKey::parse("short").is_err());
        assert!(IdempotencyKey::parse(&"k".repeat(101)).is_err());
        assert!(IdempotencyKey::parse("has space in it").is_err());
    }

    #[test]
    fn snapshots_keep_content_and_key() {
        let snapshot = Snapshot {
            content: Content {
                worries: vec!["dog".into()],
                feeling: Some(Feeling::Worried),
                ..Content::default()
            },
            idempotency_key: Some("key-12345".into()),
        };
        let json = serde_json::to_value(&snapshot).unwrap();
        assert_eq!(json["worries"][0], "dog");
        assert_eq!(json["feeling"], "worried");
        let back: Snapshot = serde_json::from_value(json).unwrap();
        assert_eq!(back.content, snapshot.content);
        assert_eq!(back.idempotency_key.as_deref(), Some("key-12345"));
    }
}
