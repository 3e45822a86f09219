//! Check everything, send it to the advocate, and a receipt that says what happens next.
use leptos::prelude::*;

use super::ChildPage;
use super::data::{Child, Views};
use super::views::{Part, with_child};
use crate::error::PageError;
use crate::model::{Audience, Step};
use crate::text::{self, text};

/// Send the views the child checked. The key names this version of the views, so pressing the
/// button twice, or a retry after a lost answer, sends once.
#[leptos::server(prefix = "/api/child", endpoint = "send")]
pub async fn send_views(version: i32) -> Result<(), PageError> {
    use crate::child::data::server::{load, signed_in};
    let child = load().await?;
    let meeting = child.meeting.ok_or(PageError::Unexpected)?;
    let views = child.views.ok_or(PageError::Unexpected)?;
    let key = format!(
        "page-{}-v{version}",
        meeting.id.replace(|c: char| !c.is_ascii_alphanumeric(), "")
    );
    let sent: Result<serde_json::Value, _> = crate::gql::run(
        "mutation Send($m: ID!, $v: Int!, $k: String!) {
            submitViews(meetingId: $m, expectedVersion: $v, idempotencyKey: $k) { version } }",
        serde_json::json!({ "m": meeting.id, "v": version, "k": key }),
    )
    .await;
    match signed_in(sent) {
        Ok(_) => leptos_axum::redirect("/me/sent"),
        // Changed in another window since this page was shown: show the newest words to check.
        Err(PageError::Api {
            code: crate::error::ErrorCode::Conflict,
            ..
        }) if views.version != version => leptos_axum::redirect("/me/check?kept=changed"),
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
    let views = child.views_or_empty();
    let send = ServerAction::<SendViews>::new();
    let list = |items: &[String]| {
        if items.is_empty() {
            view! { <p class="empty">{t.nothing_yet}</p> }.into_any()
        } else {
            view! { <ul class="said">{items.iter().map(|i| view! { <li>{i.clone()}</li> }).collect_view()}</ul> }.into_any()
        }
    };
    let section = |step: Step, body: AnyView| {
        let words = text::step(step);
        view! {
            <section class="card check">
                <h2><span class="picture" aria-hidden="true">{words.picture} " "</span>{words.title}</h2>
                {body}
                <a href=step.href() class="change">{t.change}<span class="visually-hidden">" " {words.title}</span></a>
            </section>
        }
    };
    let feeling = views.words.feeling.map_or_else(
        || t.nothing_yet.to_owned(),
        |f| {
            let (face, words) = text::feeling(f);
            format!("{face} {words}")
        },
    );
    let coming = views
        .words
        .attendance
        .map_or(t.not_chosen, |a| text::attendance(a).0);
    let who = chosen_audiences(&views, &child);
    let nothing_said = views.words.worries.is_empty()
        && views.words.going_well.is_empty()
        && views.words.want_to_happen.is_empty()
        && views.words.feeling.is_none()
        && views.words.free_words.is_none();
    view! {
        <ChildPage title=t.check_title.to_owned() younger=child.younger signed_in=true>
            <h1>{t.check_title}</h1>
            <p>{t.check_intro}</p>
            {section(Step::Worries, list(&views.words.worries))}
            {section(Step::GoingWell, list(&views.words.going_well))}
            {section(Step::WantToHappen, list(&views.words.want_to_happen))}
            {section(Step::Feelings, view! { <p>{feeling}</p> }.into_any())}
            {section(Step::AnythingElse, view! { <p class="said">{views.words.free_words.clone().unwrap_or_else(|| t.nothing_yet.to_owned())}</p> }.into_any())}
            <section class="card check">
                <h2><span class="picture" aria-hidden="true">"🚪 "</span>{t.coming_title}</h2>
                <p>{coming}</p>
                <a href=Part::Coming.href() class="change">{t.change}<span class="visually-hidden">" " {t.coming_title}</span></a>
            </section>
            <section class="card check">
                <h2><span class="picture" aria-hidden="true">"👀 "</span>{t.who_sees_title}</h2>
                {if who.is_empty() {
                    view! { <p>{t.not_chosen}</p> }.into_any()
                } else {
                    view! { <ul>{who.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul> }.into_any()
                }}
                <a href=Part::WhoSees.href() class="change">{t.change}<span class="visually-hidden">" " {t.who_sees_title}</span></a>
            </section>
            <ActionForm action=send attr:class="stack">
                <input type="hidden" name="version" value=views.version.to_string() />
                <p class="hint">{t.send_hint}</p>
                <button type="submit" class="button primary" disabled=nothing_said>{t.send}</button>
            </ActionForm>
        </ChildPage>
    }
}

fn chosen_audiences(views: &Views, child: &Child) -> Vec<&'static str> {
    let allowed = child
        .meeting
        .as_ref()
        .map_or(&[][..], |m| m.kind.audiences());
    allowed
        .iter()
        .filter(|a| match a {
            Audience::SocialWorker => views.share_with_social_worker,
            Audience::Chair => views.share_with_chair,
            Audience::Family => views.share_with_family,
            Audience::Meeting => views.share_with_meeting,
        })
        .map(|a| text::audience(*a).0)
        .collect()
}

#[component]
fn SentPage(child: Child) -> impl IntoView {
    let t = text();
    let when = child.meeting.as_ref().and_then(|m| m.when.clone());
    let advocate = child.advocate.clone();
    view! {
        <ChildPage title=t.sent_title.to_owned() younger=child.younger signed_in=true>
            <div class="receipt" role="status">
                <p class="big-picture" aria-hidden="true">"✅"</p>
                <h1>{t.sent_title}</h1>
                <p>{advocate.map_or_else(|| t.sent_body.to_owned(), |name| format!("{name}, your advocate, has your views."))}</p>
            </div>
            <section class="card">
                <p>{t.sent_next}</p>
                {when.map(|when| view! { <p>{t.your_meeting} ": " <strong>{when}</strong></p> })}
                <p>{t.sent_change}</p>
            </section>
            <a class="button primary" href="/me">{t.back_to_meeting}</a>
        </ChildPage>
    }
}
