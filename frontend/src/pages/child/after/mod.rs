//! After the meeting: what was decided, in the child's words, and who has read their views.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::ChildPage;
use super::data::Child;
use super::data::with_child;
use crate::error::PageError;
use crate::text::text;

#[cfg(feature = "ssr")]
mod ops;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reader {
    /// Who they are to the child, e.g. "your social worker".
    pub who: String,
    pub first_name: String,
    /// When, in words.
    pub when: String,
}

/// Who has read the views for the child's meeting, from the audit trail.
#[leptos::server(prefix = "/api/child", endpoint = "readers")]
pub async fn readers() -> Result<Vec<Reader>, PageError> {
    use crate::pages::child::data::server::{load, signed_in};
    let child = load().await?;
    let Some(meeting) = child.meeting else {
        return Ok(Vec::new());
    };
    let read = signed_in(
        crate::gql::exec::<ops::Readers>(ops::readers::Variables {
            meeting_id: meeting.id,
        })
        .await,
    )?;
    Ok(read
        .who_has_read_my_views
        .into_iter()
        .map(|r| Reader {
            when: crate::dates::in_words(&r.read_at),
            who: r.who,
            first_name: r.first_name,
        })
        .collect())
}

#[component]
pub fn After() -> impl IntoView {
    // Made here, once, not inside the child's Suspense: made there, the server rendered it twice
    // and the browser then picked up the wrong copy and could not hydrate the list of readers.
    let readers = Resource::new_blocking(|| (), |_| readers());
    with_child(move |child| view! { <AfterPage child readers /> })
}

#[component]
fn AfterPage(child: Child, readers: Resource<Result<Vec<Reader>, PageError>>) -> impl IntoView {
    let t = text();
    let outcome = child
        .meeting
        .as_ref()
        .and_then(|m| m.outcome_for_me.clone());
    view! {
        <ChildPage title=t.after_title.to_owned() younger=child.younger signed_in=true>
            <h1>{t.after_title}</h1>
            <section class="card" aria-labelledby="decided">
                <h2 id="decided"><span class="picture" aria-hidden="true">"📝 "</span>{t.after_decided}</h2>
                {match outcome {
                    Some(outcome) => view! { <p class="said">{outcome}</p> }.into_any(),
                    None => view! { <p>{t.after_not_yet}</p> }.into_any(),
                }}
            </section>
            <section class="card" aria-labelledby="readers">
                <h2 id="readers"><span class="picture" aria-hidden="true">"👀 "</span>{t.who_read_title}</h2>
                <Suspense>
                    {move || Suspend::new(async move {
                        match readers.await {
                            Ok(list) if list.is_empty() => view! { <p>{t.who_read_none}</p> }.into_any(),
                            Ok(list) => view! {
                                <ul class="readers">
                                    {list.into_iter().map(|r| view! {
                                        <li><strong>{r.first_name}</strong> " (" {r.who} ") " {t.read_on} " " {r.when}</li>
                                    }).collect_view()}
                                </ul>
                            }.into_any(),
                            Err(_) => view! { <p>{t.something_wrong}</p> }.into_any(),
                        }
                    })}
                </Suspense>
            </section>
            <a class="button" href="/me">{t.back_to_meeting}</a>
        </ChildPage>
    }
}
