//! After the meeting: what was decided, in the child's words, and who has read their views.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::data::Problem;
use super::who_read::Person;
use super::{ChildPage, ReadAloud};
use crate::components::{Pic, Picture};
use crate::error::PageError;
use crate::text::text;

mod answers;
#[cfg(feature = "ssr")]
mod ops;

/// What the page shows: the meeting's outcome for the child and who has read their views.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Afterwards {
    pub younger: bool,
    pub outcome: Option<String>,
    /// Each person who read the views, once (the reads happen before the meeting).
    pub readers: Vec<Person>,
    pub answers: Vec<answers::Answered>,
    /// "What happened at my meeting", with the child's own name for it when they gave one.
    pub title: String,
}

/// Read what the meeting decided and who has read the views (from the audit trail), in one read.
#[leptos::server(prefix = "/api/child", endpoint = "after")]
pub async fn load_after() -> Result<Afterwards, PageError> {
    use crate::pages::child::data::server::{signed_in, signed_out};
    use ops::after_meeting::{Variables, ViewerKind};
    let read = signed_in(crate::gql::exec::<ops::AfterMeeting>(Variables {}).await)?;
    if read.me.kind != ViewerKind::CHILD {
        return Err(signed_out(true));
    }
    crate::session::touch();
    let answers = answers::of(read.my_current_meeting.as_ref());
    let (outcome, readers) = read
        .my_current_meeting
        .map(|m| (m.outcome_for_me, m.people_who_read_my_views))
        .unwrap_or_default();
    Ok(Afterwards {
        younger: read.me.younger_mode.unwrap_or(false),
        title: crate::text::own_words().after_title(read.my_names.meeting.as_deref()),
        outcome,
        readers: readers
            .into_iter()
            .map(|r| Person {
                when: super::who_read::when_read(&r.first_read_at, &r.last_read_at, r.times),
                who: r.who,
                first_name: r.first_name,
            })
            .collect(),
        answers,
    })
}

#[component]
pub fn After() -> impl IntoView {
    let after = Resource::new_blocking(|| (), |_| load_after());
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match after.await {
                    Ok(after) => view! { <AfterPage after /> }.into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn AfterPage(after: Afterwards) -> impl IntoView {
    let t = text();
    view! {
        <ChildPage title=after.title.clone() younger=after.younger signed_in=true>
            <h1>{after.title}</h1>
            <ReadAloud key="after_decided" />
            <section class="card" aria-labelledby="decided">
                <h2 id="decided"><Picture pic=Pic::Attendance(crate::model::AttendanceChoice::WrittenViewsOnly) />{t.after_decided}</h2>
                {match after.outcome {
                    Some(outcome) => view! { <p class="said">{outcome}</p> }.into_any(),
                    None => view! { <p>{t.after_not_yet}</p> }.into_any(),
                }}
            </section>
            <answers::Answers answers=after.answers />
            <section class="card" aria-labelledby="readers">
                <h2 id="readers"><Picture pic=Pic::WhoSees />{t.who_read_title}</h2>
                {if after.readers.is_empty() {
                    view! { <p>{t.who_read_none}</p> }.into_any()
                } else {
                    view! {
                        <ul class="readers">
                            {after.readers.into_iter().map(|r| view! {
                                <li><strong>{r.first_name}</strong> " (" {r.who} ") " {r.when}</li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>
            <a class="button" href="/me">{t.back_to_meeting}</a>
        </ChildPage>
    }
}
