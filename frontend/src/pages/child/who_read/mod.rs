//! "Who has read my views", at any time (the reads happen before the meeting): each person once,
//! with when they first and last read them. Only the child's own, from the audit trail.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::data::Problem;
use super::{ChildPage, ReadAloud};
use crate::components::{Pic, Picture};
use crate::error::PageError;
use crate::text::text;

#[cfg(feature = "ssr")]
mod ops;

/// One person who read the views, in words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Person {
    /// Who they are to the child, e.g. "your social worker".
    pub who: String,
    pub first_name: String,
    /// "read them on …" or "first read them on …, and last on …".
    pub when: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Readers {
    pub younger: bool,
    pub people: Vec<Person>,
}

/// Who has read the child's views for their meeting: one read.
#[leptos::server(prefix = "/api/child", endpoint = "who-read")]
pub async fn load_readers() -> Result<Readers, PageError> {
    use crate::pages::child::data::server::{signed_in, signed_out};
    use ops::who_read::{Variables, ViewerKind};
    let read = signed_in(crate::gql::exec::<ops::WhoRead>(Variables {}).await)?;
    if read.me.kind != ViewerKind::CHILD {
        return Err(signed_out(true));
    }
    crate::session::touch();
    let people = read
        .my_current_meeting
        .map(|m| m.people_who_read_my_views)
        .unwrap_or_default()
        .into_iter()
        .map(|p| Person {
            when: when_read(&p.first_read_at, &p.last_read_at, p.times),
            who: p.who,
            first_name: p.first_name,
        })
        .collect();
    Ok(Readers {
        younger: read.me.younger_mode.unwrap_or(false),
        people,
    })
}

/// When one person read the views: "read them on …", "read them 3 times on …", or "first read
/// them on …, and last on …", in the child's language.
#[cfg(feature = "ssr")]
pub(crate) fn when_read(
    first: &chrono::DateTime<chrono::Utc>,
    last: &chrono::DateTime<chrono::Utc>,
    times: i64,
) -> String {
    use crate::dates::child_when as in_words;
    use crate::text::phrase;
    let (first, last) = (in_words(first), in_words(last));
    let count = usize::try_from(times).unwrap_or_default();
    if times <= 1 {
        phrase::read_once(&first)
    } else if first == last {
        phrase::read_times_on(count, &first)
    } else {
        phrase::read_often(&first, &last, count)
    }
}

#[component]
pub fn WhoRead() -> impl IntoView {
    let readers = Resource::new_blocking(|| (), |_| load_readers());
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match readers.await {
                    Ok(readers) => view! { <ReadersPage readers /> }.into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ReadersPage(readers: Readers) -> impl IntoView {
    let t = text();
    view! {
        <ChildPage title=t.who_read_title.to_owned() younger=readers.younger signed_in=true>
            <h1><Picture pic=Pic::WhoSees />{t.who_read_title}</h1>
            <ReadAloud key="who_read_title" />
            {if readers.people.is_empty() {
                view! { <p class="card">{t.who_read_none}</p> }.into_any()
            } else {
                view! {
                    <ul class="card readers">
                        {readers.people.into_iter().map(|p| view! {
                            <li>{format!("{} ({}) {}", p.first_name, p.who, p.when)}</li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <a class="button" href="/me">{t.back_to_meeting}</a>
        </ChildPage>
    }
}
