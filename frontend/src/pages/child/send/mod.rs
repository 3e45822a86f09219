//! Check everything, send it to the advocate, and a receipt that says what happens next.
use leptos::prelude::*;

use super::data::{Child, with_child};
use super::views::Part;
use super::{ChildPage, ReadAloud};
use crate::components::{Pic, Picture};
use crate::error::PageError;
use crate::model::{AttendanceChoice, Step};
use crate::text::{self, text};

#[cfg(feature = "ssr")]
mod ops;

/// Send the views the child checked: one write. The key names this version of the views, so
/// pressing the button twice, or a retry after a lost answer, sends once.
#[leptos::server(prefix = "/api/child", endpoint = "send")]
pub async fn send_views(meeting_id: String, version: i64) -> Result<(), PageError> {
    use crate::error::ErrorCode;
    use crate::pages::child::data::server::signed_in;
    use ops::send_views::Variables;
    let key = format!(
        "page-{}-v{version}",
        meeting_id.replace(|c: char| !c.is_ascii_alphanumeric(), "")
    );
    let sent = crate::gql::exec::<ops::SendViews>(Variables {
        meeting_id,
        expected_version: version,
        idempotency_key: key,
    })
    .await;
    match signed_in(sent) {
        Ok(_) => leptos_axum::redirect("/me/sent"),
        // Changed in another window since this page was shown: show the newest words to check.
        Err(PageError::Api {
            code: ErrorCode::Conflict,
            details,
            ..
        }) if details["current"]["version"]
            .as_i64()
            .is_some_and(|v| v != version) =>
        {
            leptos_axum::redirect("/me/check?kept=changed")
        }
        Err(error) => return Err(error),
    }
    crate::session::touch();
    Ok(())
}

#[component]
pub fn Check() -> impl IntoView {
    with_child(|child| view! { <CheckPage child /> })
}

#[component]
pub fn Sent() -> impl IntoView {
    with_child(|child| view! { <SentPage child /> })
}

#[component]
fn CheckPage(child: Child) -> impl IntoView {
    let t = text();
    let views = child.views().cloned();
    let said =
        |f: fn(&super::data::Views) -> Vec<String>| views.as_ref().map(f).unwrap_or_default();
    let (worries, going_well, want_to_happen) = (
        said(|v| v.worries.clone()),
        said(|v| v.going_well.clone()),
        said(|v| v.want_to_happen.clone()),
    );
    let feeling = views.as_ref().and_then(|v| v.feeling);
    let free_words = views.as_ref().and_then(|v| v.free_words.clone());
    let meeting_id = child
        .meeting
        .as_ref()
        .map(|m| m.id.clone())
        .unwrap_or_default();
    let send = ServerAction::<SendViews>::new();
    let list = |items: &[String]| {
        if items.is_empty() {
            view! { <p class="empty">{t.nothing_yet}</p> }.into_any()
        } else {
            view! { <ul class="said">{items.iter().map(|i| view! { <li>{i.clone()}</li> }).collect_view()}</ul> }.into_any()
        }
    };
    let names = child.names.clone();
    let section = move |step: Step, body: AnyView| {
        let title = names.step_title(step);
        view! {
            <section class="card check">
                <h2><Picture pic=Pic::Step(step) />{title.clone()}</h2>
                {body}
                <a href=step.href() class="change">{t.change}<span class="visually-hidden">" " {title}</span></a>
            </section>
        }
    };
    let nothing_said = worries.is_empty()
        && going_well.is_empty()
        && want_to_happen.is_empty()
        && feeling.is_none()
        && free_words.is_none();
    let feeling = feeling.map_or_else(
        || t.nothing_yet.to_owned(),
        |f| {
            let (face, words) = text::feeling(f);
            format!("{face} {words}")
        },
    );
    let coming = views
        .as_ref()
        .and_then(|v| v.attendance)
        .map_or(t.not_chosen, |a| text::attendance(a).0);
    let who = chosen_audiences(&child);
    view! {
        <ChildPage title=t.check_title.to_owned() younger=child.younger signed_in=true>
            <super::journey::Progress stop=super::journey::Stop::Check />
            <h1>{t.check_title}</h1>
            <ReadAloud key="check_intro" />
            <p>{t.check_intro}</p>
            {section(Step::Worries, list(&worries))}
            {section(Step::GoingWell, list(&going_well))}
            {section(Step::WantToHappen, list(&want_to_happen))}
            {section(Step::Feelings, view! { <p>{feeling}</p> }.into_any())}
            {section(Step::AnythingElse, view! { <p class="said">{free_words.clone().unwrap_or_else(|| t.nothing_yet.to_owned())}</p> }.into_any())}
            <section class="card check">
                <h2><Picture pic=Pic::Attendance(AttendanceChoice::Attend) />{t.coming_title}</h2>
                <p>{coming}</p>
                <a href=Part::Coming.href() class="change">{t.change}<span class="visually-hidden">" " {t.coming_title}</span></a>
            </section>
            <section class="card check">
                <h2><Picture pic=Pic::WhoSees />{t.who_sees_title}</h2>
                {if who.is_empty() {
                    view! { <p>{t.not_chosen}</p> }.into_any()
                } else {
                    view! { <ul>{who.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul> }.into_any()
                }}
                <a href=Part::WhoSees.href() class="change">{t.change}<span class="visually-hidden">" " {t.who_sees_title}</span></a>
            </section>
            <ActionForm action=send attr:class="stack">
                <input type="hidden" name="meeting_id" value=meeting_id />
                <input type="hidden" name="version" value=child.version().to_string() />
                <p class="hint">{t.send_hint}</p>
                <button type="submit" class="button primary" disabled=nothing_said>{t.send}</button>
            </ActionForm>
        </ChildPage>
    }
}

/// Who the child chose, of those this kind of meeting allows.
fn chosen_audiences(child: &Child) -> Vec<&'static str> {
    let chosen = child
        .views()
        .map(|v| v.shared_with.clone())
        .unwrap_or_default();
    let allowed = child
        .meeting
        .as_ref()
        .map(|m| m.allowed_audiences.clone())
        .unwrap_or_default();
    allowed
        .into_iter()
        .filter(|a| chosen.contains(a))
        .map(|a| text::audience(a).0)
        .collect()
}

#[component]
fn SentPage(child: Child) -> impl IntoView {
    let t = text();
    let when = child.when.clone();
    let advocate = child.advocate.clone();
    let meeting = child.names.your_meeting();
    view! {
        <ChildPage title=t.sent_title.to_owned() younger=child.younger signed_in=true>
            <div class="receipt" role="status">
                <p class="big-picture" aria-hidden="true">"✅"</p>
                <h1>{t.sent_title}</h1>
                <p>{advocate.map_or_else(|| t.sent_body.to_owned(), |name| crate::text::phrase::sent_body_named(&name))}</p>
            </div>
            <section class="card">
                <ReadAloud key="sent_next" />
                <p>{t.sent_next}</p>
                {when.map(|when| view! { <p>{meeting} ": " <strong>{when}</strong></p> })}
                <p>{t.sent_change}</p>
            </section>
            <a class="button primary" href="/me">{t.back_to_meeting}</a>
        </ChildPage>
    }
}
