//! Saving one page of "my views": one write (`saveViewsPart`). The server keeps what another
//! window changed in other parts; when it changed this same part, both windows' words are kept.
use serde::{Deserialize, Serialize};

use super::super::data::Views;
use crate::error::PageError;
use crate::model::{AttendanceChoice, Audience, Feeling, Step, ViewsPart};

/// Most boxes per house (the API's `limits.viewsItems`): only to tell "too many boxes" from
/// "too long" when the API refuses a list; the pages offer boxes up to the API's own limit.
const MAX_ITEMS: usize = 20;

/// A page of the views journey that saves something.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Part {
    Worries,
    GoingWell,
    WantToHappen,
    Feelings,
    AnythingElse,
    Coming,
    WhoSees,
}

#[cfg_attr(not(feature = "ssr"), allow(dead_code))]
impl Part {
    const ORDER: [Part; 7] = [
        Self::Worries,
        Self::GoingWell,
        Self::WantToHappen,
        Self::Feelings,
        Self::AnythingElse,
        Self::Coming,
        Self::WhoSees,
    ];

    pub fn of(step: Step) -> Self {
        match step {
            Step::Worries => Self::Worries,
            Step::GoingWell => Self::GoingWell,
            Step::WantToHappen => Self::WantToHappen,
            Step::Feelings => Self::Feelings,
            Step::AnythingElse => Self::AnythingElse,
        }
    }

    /// The part of the views this page saves.
    pub fn saves(self) -> ViewsPart {
        match self {
            Self::Worries => ViewsPart::Worries,
            Self::GoingWell => ViewsPart::GoingWell,
            Self::WantToHappen => ViewsPart::WantToHappen,
            Self::Feelings => ViewsPart::Feeling,
            Self::AnythingElse => ViewsPart::FreeWords,
            Self::Coming => ViewsPart::Attendance,
            Self::WhoSees => ViewsPart::SharedWith,
        }
    }

    pub fn href(self) -> String {
        match self {
            Self::Coming => "/me/coming".into(),
            Self::WhoSees => "/me/who-sees".into(),
            Self::Worries => Step::Worries.href(),
            Self::GoingWell => Step::GoingWell.href(),
            Self::WantToHappen => Step::WantToHappen.href(),
            Self::Feelings => Step::Feelings.href(),
            Self::AnythingElse => Step::AnythingElse.href(),
        }
    }

    fn index(self) -> usize {
        Self::ORDER.iter().position(|p| *p == self).unwrap_or(0)
    }

    pub fn next_href(self) -> String {
        Self::ORDER
            .get(self.index() + 1)
            .map_or_else(|| "/me/check".into(), |p| p.href())
    }

    pub fn back_href(self) -> String {
        self.index()
            .checked_sub(1)
            .map_or_else(|| "/me".into(), |i| Self::ORDER[i].href())
    }
}

/// Where to go once saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Go {
    Next,
    Back,
    /// One more empty box on the same page.
    More,
    /// Autosave: stay, no redirect.
    Stay,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    pub version: i64,
    /// Another window had saved this part too; both texts were kept.
    pub kept_both: bool,
}

/// What one page of the journey answers, in the child's own words: empty boxes dropped, line
/// breaks as `\n` whichever way they came.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Answer {
    pub items: Vec<String>,
    pub feeling: Option<Feeling>,
    pub words: Option<String>,
    pub attendance: Option<AttendanceChoice>,
    pub shared_with: Vec<Audience>,
}

impl Answer {
    pub fn new(
        items: Vec<String>,
        feeling: Option<Feeling>,
        words: Option<String>,
        attendance: Option<AttendanceChoice>,
        shared_with: Vec<Audience>,
    ) -> Self {
        Self {
            items: items
                .iter()
                .map(|item| in_own_words(item))
                .filter(|item| !item.is_empty())
                .collect(),
            feeling,
            words: words.as_deref().map(in_own_words).filter(|w| !w.is_empty()),
            attendance,
            shared_with,
        }
    }

    /// This answer to `part` with what another window saved there kept too: their boxes first,
    /// then this page's new ones; both free texts, theirs first. Choices are this page's. `theirs`
    /// is the views a conflict reports (`extensions.current`), the shape the child's pages read.
    pub fn keeping(&self, part: Part, theirs: &Views) -> Self {
        let mut both = self.clone();
        let their_items = match part {
            Part::Worries => &theirs.worries,
            Part::GoingWell => &theirs.going_well,
            Part::WantToHappen => &theirs.want_to_happen,
            _ => &Vec::new(),
        };
        both.items = their_items.clone();
        for item in &self.items {
            if !both.items.contains(item) {
                both.items.push(item.clone());
            }
        }
        if part == Part::AnythingElse {
            both.words = match (theirs.free_words.as_deref(), self.words.as_deref()) {
                (Some(theirs), Some(mine)) if theirs != mine => Some(format!("{theirs}\n\n{mine}")),
                (Some(theirs), _) => Some(theirs.to_owned()),
                (None, mine) => mine.map(str::to_owned),
            };
        }
        both
    }
}

fn in_own_words(typed: &str) -> String {
    typed.trim().replace("\r\n", "\n")
}

/// Why a page's answer was not saved, for the page to say.
#[cfg(feature = "ssr")]
pub enum SaveError {
    /// The child can fix it: a slug for the page's message.
    Invalid(&'static str),
    Page(PageError),
}

#[cfg(feature = "ssr")]
impl From<PageError> for SaveError {
    fn from(error: PageError) -> Self {
        Self::Page(error)
    }
}

/// Save `answer` to `part` of the views for `meeting`, last seen at `version`.
#[cfg(feature = "ssr")]
pub async fn save(
    meeting: String,
    version: i64,
    part: Part,
    answer: Answer,
    key: Option<String>,
) -> Result<Saved, SaveError> {
    use crate::error::ErrorCode;
    if answer.items.len() > MAX_ITEMS {
        return Err(SaveError::Invalid("too-many"));
    }
    match write(&meeting, version, part, &answer, key.clone()).await {
        Err(PageError::Api {
            code: ErrorCode::Conflict,
            details,
            ..
        }) => {
            // Another window saved this part first: keep its words and these.
            // The conflict carries the views' stored fields; where they went (`reach`, worked out
            // by its own resolver) is not among them and plays no part in keeping both.
            let mut current = details["current"].clone();
            if let Some(fields) = current.as_object_mut() {
                fields
                    .entry("reach")
                    .or_insert_with(|| serde_json::json!([]));
            }
            let theirs: Views = serde_json::from_value(current).map_err(|error| {
                tracing::error!(%error, "a conflict's current views did not match the page's shape");
                PageError::Unexpected
            })?;
            let both = answer.keeping(part, &theirs);
            let version = write(&meeting, theirs.version, part, &both, key).await?;
            // Only worth a message when the other window had words this page did not (not, say,
            // this page's own autosave arriving first).
            Ok(Saved {
                version,
                kept_both: both != answer,
            })
        }
        Err(PageError::Api {
            code: ErrorCode::BadUserInput,
            ..
        }) => Err(SaveError::Invalid("too-long")),
        Err(other) => Err(other.into()),
        Ok(version) => Ok(Saved {
            version,
            kept_both: false,
        }),
    }
}

#[cfg(feature = "ssr")]
async fn write(
    meeting: &str,
    version: i64,
    part: Part,
    answer: &Answer,
    key: Option<String>,
) -> Result<i64, PageError> {
    use super::ops::{self, save_views_part::Variables};
    let saves = part.saves();
    let variables = Variables {
        meeting_id: meeting.to_owned(),
        expected_version: version,
        part: saves,
        items: matches!(part, Part::Worries | Part::GoingWell | Part::WantToHappen)
            .then(|| answer.items.clone()),
        feeling: answer.feeling.filter(|_| saves == ViewsPart::Feeling),
        free_words: answer
            .words
            .clone()
            .filter(|_| saves == ViewsPart::FreeWords),
        attendance: answer.attendance.filter(|_| saves == ViewsPart::Attendance),
        shared_with: (saves == ViewsPart::SharedWith).then(|| answer.shared_with.clone()),
        idempotency_key: key,
    };
    let saved = crate::pages::child::data::server::signed_in(
        crate::gql::exec::<ops::SaveViewsPart>(variables).await,
    )?;
    crate::session::touch();
    Ok(saved.save_views_part.version)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Views another window saved, with these words.
    fn saved_elsewhere(worries: &[&str], free_words: Option<&str>) -> Views {
        Views {
            version: 3,
            status: crate::model::ViewsStatus::Draft,
            worries: worries.iter().map(|s| s.to_string()).collect(),
            going_well: vec![],
            want_to_happen: vec![],
            feeling: None,
            free_words: free_words.map(str::to_owned),
            attendance: None,
            shared_with: vec![],
            reach: vec![],
            written_by: crate::pages::child::data::ViewsAuthor::CHILD,
            confirmed_at: None,
        }
    }

    fn items(items: &[&str]) -> Answer {
        Answer::new(
            items.iter().map(|s| s.to_string()).collect(),
            None,
            None,
            None,
            vec![],
        )
    }

    #[test]
    fn empty_boxes_are_dropped() {
        assert_eq!(items(&["new", "  ", ""]).items, vec!["new"]);
    }

    #[test]
    fn a_clash_keeps_both_windows_words_once() {
        let theirs = saved_elsewhere(&["dad shouting", "school"], None);
        let both = items(&["school", "my dog"]).keeping(Part::Worries, &theirs);
        assert_eq!(both.items, vec!["dad shouting", "school", "my dog"]);

        let theirs = saved_elsewhere(&[], Some("from the phone"));
        let mine = Answer::new(vec![], None, Some("from the laptop".into()), None, vec![]);
        assert_eq!(
            mine.keeping(Part::AnythingElse, &theirs).words.as_deref(),
            Some("from the phone\n\nfrom the laptop")
        );
        // The same words from both windows (this page's own autosave first) are not a clash.
        let same = Answer::new(vec![], None, Some("from the phone".into()), None, vec![]);
        assert_eq!(same.keeping(Part::AnythingElse, &theirs), same);
    }

    #[test]
    fn line_breaks_are_the_same_with_and_without_javascript() {
        let typed = Answer::new(
            vec![],
            None,
            Some(" Listen to me.\r\nI mean it.\r\n".into()),
            None,
            vec![],
        );
        assert_eq!(typed.words.as_deref(), Some("Listen to me.\nI mean it."));
    }

    #[test]
    fn the_journey_runs_from_worries_to_check() {
        assert_eq!(Part::Worries.back_href(), "/me");
        assert_eq!(Part::AnythingElse.next_href(), "/me/coming");
        assert_eq!(Part::WhoSees.next_href(), "/me/check");
    }
}
