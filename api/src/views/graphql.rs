//! GraphQL types of the child's views. Resolvers live in `graphql_child.rs` (the child's own
//! operations), `graphql_advocate.rs` (the advocate) and `graphql_received.rs` (social worker, ISRO).
use async_graphql::{Enum, ID, InputObject, MergedObject, SimpleObject};
use chrono::{DateTime, NaiveDate, Utc};
use entity::enums;
use entity::views;

use super::graphql_advocate::{AdvocateViewsMutation, AdvocateViewsQuery};
use super::graphql_child::{ChildViewsMutation, ChildViewsQuery};
use super::graphql_received::ReceivedViewsQuery;
use super::graphql_recorded::RecordedViewsMutation;
use super::{Content, content};
use crate::error::ApiResult;
use crate::graphql::ids::NodeKind;

/// Every query about children's views.
#[derive(MergedObject, Default)]
pub struct ViewsQuery(ChildViewsQuery, AdvocateViewsQuery, ReceivedViewsQuery);

/// Every change to children's views, their sharing, notes and urgent help.
#[derive(MergedObject, Default)]
pub struct ViewsMutation(
    ChildViewsMutation,
    AdvocateViewsMutation,
    RecordedViewsMutation,
);

/// How the child says they feel, chosen by the child.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "enums::Feeling")]
pub enum Feeling {
    /// Very happy.
    VeryHappy,
    /// Happy.
    Happy,
    /// Okay.
    Okay,
    /// Sad.
    Sad,
    /// Very sad.
    VerySad,
    /// Worried.
    Worried,
    /// Angry.
    Angry,
}

/// How the child wants to take part in their meeting.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "enums::AttendanceChoice")]
pub enum AttendanceChoice {
    /// The child goes to the meeting (some or all of it).
    Attend,
    /// The child goes with their advocate supporting them.
    AttendWithAdvocate,
    /// The child does not go; the advocate speaks for them.
    AdvocateSpeaksForMe,
    /// Only the child's written views go to the meeting.
    WrittenViewsOnly,
    /// The child chooses not to take part.
    NotTakingPart,
}

/// Where the child's views are: still being written, finished, or sent.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "enums::ViewsStatus")]
pub enum ViewsStatus {
    /// Still being written by the child (with their advocate); nobody else sees it.
    Draft,
    /// The child has said it is finished.
    Submitted,
    /// Sent, with the child's consent, to the people the child chose.
    Shared,
}

/// Who the child agreed may see their views.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "enums::Audience")]
pub enum Audience {
    /// The child's social worker.
    SocialWorker,
    /// The chair of the meeting (the ISRO: CP chair or IRO).
    Chair,
    /// The child's parents, carers or family.
    Family,
    /// Everyone at the meeting.
    Meeting,
}

/// The child's words and choices, exactly as the child gave them.
#[derive(SimpleObject, Clone, Debug)]
pub struct ViewsContent {
    /// Things the child worries about (the house of worries), in their exact words.
    pub worries: Vec<String>,
    /// Things that are going well (the house of good things), in their exact words.
    pub going_well: Vec<String>,
    /// What the child wants to happen (the house of hopes and dreams), in their exact words.
    pub want_to_happen: Vec<String>,
    /// How the child says they feel.
    pub feeling: Option<Feeling>,
    /// Anything else the child wants to say, in their own words.
    pub free_words: Option<String>,
    /// How the child wants to take part in the meeting.
    pub attendance: Option<AttendanceChoice>,
    /// The child agrees that their social worker may see these views.
    #[graphql(deprecation = "use sharedWith")]
    pub share_with_social_worker: bool,
    /// The child agrees that the chair of the meeting (the ISRO) may see these views.
    #[graphql(deprecation = "use sharedWith")]
    pub share_with_chair: bool,
    /// The child agrees that their family may see these views.
    #[graphql(deprecation = "use sharedWith")]
    pub share_with_family: bool,
    /// The child agrees that everyone at the meeting may see these views.
    #[graphql(deprecation = "use sharedWith")]
    pub share_with_meeting: bool,
    /// Who the child agrees may see these views (the same consent as the four `shareWith…` flags).
    pub shared_with: Vec<Audience>,
}

impl From<Content> for ViewsContent {
    fn from(c: Content) -> Self {
        let shared_with = c.shared_with().into_iter().map(Into::into).collect();
        Self {
            worries: c.worries,
            going_well: c.going_well,
            want_to_happen: c.want_to_happen,
            feeling: c.feeling.map(Into::into),
            free_words: c.free_words,
            attendance: c.attendance.map(Into::into),
            share_with_social_worker: c.share_with_social_worker,
            share_with_chair: c.share_with_chair,
            share_with_family: c.share_with_family,
            share_with_meeting: c.share_with_meeting,
            shared_with,
        }
    }
}

/// Who wrote a child's views down.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "enums::ViewsAuthor")]
pub enum ViewsAuthor {
    /// The child, on their phone.
    Child,
    /// The child's advocate, from a visit or a paper sheet: "Written by the advocate - not yet
    /// confirmed by the child" until `confirmedAt` is set.
    Advocate,
}

/// How a child confirmed the words their advocate wrote for them.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "enums::ConfirmedHow")]
pub enum ConfirmedHow {
    /// The child said "Yes, that is right" on their phone.
    OnPhone,
    /// The child told their advocate in person (`confirmedOn` is the day).
    InPerson,
}

/// Where the advocate heard the words they record for the child.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "super::recorded::Heard")]
pub enum RecordedHow {
    /// On a visit: the advocate wrote down what the child said.
    Visit,
    /// From a paper sheet the child filled in.
    Paper,
}

/// Whose words these are, and whether the child confirmed words their advocate wrote.
#[derive(SimpleObject, Clone, Debug)]
pub struct Authorship {
    /// The child, or their advocate writing down what the child said.
    pub written_by: ViewsAuthor,
    /// When the child confirmed words their advocate wrote; null while not confirmed (and for the
    /// child's own words).
    pub confirmed_at: Option<DateTime<Utc>>,
    /// How the child confirmed them.
    pub confirmed_how: Option<ConfirmedHow>,
    /// The day the child confirmed in person, as the advocate recorded it.
    pub confirmed_on: Option<NaiveDate>,
}

impl Authorship {
    pub fn of(m: &views::Model) -> Self {
        Self {
            written_by: m.written_by.into(),
            confirmed_at: m.confirmed_at,
            confirmed_how: m.confirmed_how.map(Into::into),
            confirmed_on: m.confirmed_on,
        }
    }
}

/// A child's views for one meeting, in their own words, with their consent to share.
#[derive(SimpleObject, Clone, Debug)]
#[graphql(complex)]
pub struct Views {
    /// Global ID of these views.
    pub id: ID,
    /// The meeting these views are for.
    pub meeting_id: ID,
    #[graphql(flatten)]
    pub content: ViewsContent,
    /// Draft, submitted or shared.
    pub status: ViewsStatus,
    /// Goes up by one with every saved change; send it back as `expectedVersion`.
    pub version: i32,
    /// When the child last submitted these views.
    pub submitted_at: Option<DateTime<Utc>>,
    /// When these views last changed.
    pub updated_at: DateTime<Utc>,
    #[graphql(flatten)]
    pub authorship: Authorship,
}

impl From<views::Model> for Views {
    fn from(m: views::Model) -> Self {
        Self {
            authorship: Authorship::of(&m),
            id: NodeKind::Views.id(m.id),
            meeting_id: NodeKind::Meeting.id(m.meeting_id),
            content: Content::of(&m).into(),
            status: m.status.into(),
            version: m.version,
            submitted_at: m.submitted_at,
            updated_at: m.updated_at,
        }
    }
}

/// One submitted version of a child's views, frozen as it was sent.
#[derive(SimpleObject, Clone, Debug)]
pub struct ViewsVersion {
    /// The version number (the views' version when it was submitted).
    pub version: i32,
    /// Submitted, or shared when this version was sent on.
    pub status: ViewsStatus,
    /// When the child submitted this version.
    pub submitted_at: Option<DateTime<Utc>>,
    #[graphql(flatten)]
    pub content: ViewsContent,
}

impl From<super::history::Version> for ViewsVersion {
    fn from(v: super::history::Version) -> Self {
        Self {
            version: v.row.version,
            status: v.row.status.into(),
            submitted_at: v.row.submitted_at,
            content: v.content.into(),
        }
    }
}

/// The whole of the child's views as they are now: anything left out is emptied.
#[derive(InputObject, Clone, Debug)]
pub struct ViewsInput {
    /// Things you worry about, one per box (up to 20, each up to 2000 letters).
    #[graphql(default)]
    pub worries: Vec<String>,
    /// Things that are going well, one per box (up to 20, each up to 2000 letters).
    #[graphql(default)]
    pub going_well: Vec<String>,
    /// What you want to happen, one per box (up to 20, each up to 2000 letters).
    #[graphql(default)]
    pub want_to_happen: Vec<String>,
    /// How you feel.
    pub feeling: Option<Feeling>,
    /// Anything else you want to say (up to 10000 letters).
    pub free_words: Option<String>,
    /// How you want to take part in your meeting.
    pub attendance: Option<AttendanceChoice>,
    /// Your social worker may see these views (or use `sharedWith`).
    pub share_with_social_worker: Option<bool>,
    /// The person chairing your meeting may see these views (or use `sharedWith`).
    pub share_with_chair: Option<bool>,
    /// Your family may see these views (or use `sharedWith`).
    pub share_with_family: Option<bool>,
    /// Everyone at your meeting may see these views (or use `sharedWith`).
    pub share_with_meeting: Option<bool>,
    /// Who may see these views. Without it, the `shareWith…` flags say (one left out is "no");
    /// with it, any flag also sent must say the same, else the answer is BAD_USER_INPUT.
    pub shared_with: Option<Vec<Audience>>,
}

impl ViewsInput {
    /// The views as sent, before they are checked.
    pub fn content(self) -> ApiResult<Content> {
        let shared_with = self
            .shared_with
            .map(|set| set.into_iter().map(Into::into).collect());
        let flags = [
            self.share_with_social_worker,
            self.share_with_chair,
            self.share_with_family,
            self.share_with_meeting,
        ];
        let audiences = content::consent(shared_with, flags)?;
        let mut content = Content {
            worries: self.worries,
            going_well: self.going_well,
            want_to_happen: self.want_to_happen,
            feeling: self.feeling.map(Into::into),
            free_words: self.free_words,
            attendance: self.attendance.map(Into::into),
            ..Content::default()
        };
        content.share_with(&audiences);
        Ok(content)
    }
}

/// A part of the child's views, saved on its own with `saveViewsPart`.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "super::Part")]
pub enum ViewsPart {
    /// `worries`: things the child worries about (send `items`).
    Worries,
    /// `goingWell`: things that are going well (send `items`).
    GoingWell,
    /// `wantToHappen`: what the child wants to happen (send `items`).
    WantToHappen,
    /// `feeling`: how the child feels (send `feeling`; left out clears it).
    Feeling,
    /// `freeWords`: anything else the child wants to say (send `freeWords`; left out clears it).
    FreeWords,
    /// `attendance`: how the child wants to take part (send `attendance`; left out clears it).
    Attendance,
    /// `sharedWith`: who may see the views (send `sharedWith`; left out is nobody).
    SharedWith,
}
