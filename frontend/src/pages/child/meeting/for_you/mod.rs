//! On "my meeting" (issue 20): messages from the child's advocate or the person who runs their
//! meeting, each answered with one of two buttons ("Thank you", "I have a question": no chat), and
//! words the advocate wrote for the child, with "Is this what you said?". Plain forms: they work
//! with JavaScript off.
use leptos::prelude::*;

use crate::error::PageError;
use crate::model::Step;
use crate::pages::child::data::{Child, MessageFrom, MessageReply, ViewsAuthor};
use crate::text::{for_you, step};

#[cfg(feature = "ssr")]
mod ops;

/// The child's answer to one message; back to "my meeting", saying it was sent.
#[leptos::server(prefix = "/api/child", endpoint = "message-reply")]
pub async fn answer_message(message_id: String, reply: String) -> Result<(), PageError> {
    use ops::reply_to_message::{MessageReply, Variables};
    let reply = match reply.as_str() {
        "question" => MessageReply::HAVE_A_QUESTION,
        _ => MessageReply::THANK_YOU,
    };
    let sent = crate::pages::child::data::server::signed_in(
        crate::gql::exec::<ops::ReplyToMessage>(Variables { message_id, reply }).await,
    );
    crate::session::touch();
    leptos_axum::redirect(match sent {
        Ok(_) => "/me?answered=1#for-you",
        Err(PageError::SignedOut) => return Err(PageError::SignedOut),
        Err(_) => "/me?answered=0#for-you",
    });
    Ok(())
}

/// "Yes, that is right": the words the advocate wrote are the child's.
#[leptos::server(prefix = "/api/child", endpoint = "confirm-words")]
pub async fn confirm_words(meeting_id: String) -> Result<(), PageError> {
    use ops::confirm_my_views::Variables;
    let done = crate::pages::child::data::server::signed_in(
        crate::gql::exec::<ops::ConfirmMyViews>(Variables { meeting_id }).await,
    );
    crate::session::touch();
    leptos_axum::redirect(match done {
        Ok(_) => "/me?confirmed=1#for-you",
        Err(PageError::SignedOut) => return Err(PageError::SignedOut),
        Err(_) => "/me?confirmed=0#for-you",
    });
    Ok(())
}

/// Messages and words to check, shown on "my meeting" when there are any (read with the page).
#[component]
pub fn ForYou(child: Child) -> impl IntoView {
    view! { <ForYouParts child /> }
}

#[component]
fn ForYouParts(child: Child) -> impl IntoView {
    let t = for_you();
    let query = leptos_router::hooks::use_query_map();
    let (answered, confirmed) = {
        let q = query.read_untracked();
        (q.get("answered"), q.get("confirmed"))
    };
    let said = match (answered.as_deref(), confirmed.as_deref()) {
        (Some("1"), _) => Some(t.answer_sent),
        (_, Some("1")) => Some(t.confirmed),
        (Some(_), _) | (_, Some(_)) => Some(t.not_sent),
        _ => None,
    };
    let answer = ServerAction::<AnswerMessage>::new();
    let confirm = ServerAction::<ConfirmWords>::new();
    let to_check = child.meeting.as_ref().and_then(|meeting| {
        let views = meeting.my_views.as_ref()?;
        let unconfirmed = views.written_by == ViewsAuthor::ADVOCATE && views.confirmed_at.is_none();
        unconfirmed.then(|| (meeting.id.clone(), views.clone()))
    });
    let messages = (!child.messages.is_empty()).then(|| {
        view! {
            <section class="card" aria-labelledby="messages-title">
                <h2 id="messages-title">
                    <span class="picture" aria-hidden="true">"✉️ "</span>
                    {t.messages_title}
                </h2>
                <ul class="plain messages">
                    {child.messages.into_iter().map(|m| {
                        let from = if m.from == MessageFrom::ADVOCATE { t.from_advocate } else { t.from_chair };
                        let from = format!("{from} ({})", m.from_name);
                        view! {
                            <li class="message">
                                <p class="from">{from}</p>
                                <blockquote>{m.words.clone()}</blockquote>
                                {match m.reply {
                                    Some(MessageReply::THANK_YOU) => view! { <p>{t.you_said_thanks}</p> }.into_any(),
                                    Some(_) => view! { <p>{t.you_have_a_question}</p> }.into_any(),
                                    None => view! {
                                        <ActionForm action=answer attr:class="answer">
                                            <input type="hidden" name="message_id" value=m.id.clone() />
                                            <button type="submit" class="button" name="reply" value="thank-you">{t.thank_you}</button>
                                            <button type="submit" class="button secondary" name="reply" value="question">{t.have_a_question}</button>
                                        </ActionForm>
                                    }.into_any(),
                                }}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        }
    });
    let to_check = to_check.map(|(meeting_id, views)| {
        let parts = [
            (Step::Worries, views.worries),
            (Step::GoingWell, views.going_well),
            (Step::WantToHappen, views.want_to_happen),
        ];
        view! {
            <section class="card" aria-labelledby="check-title">
                <h2 id="check-title">{t.check_words_title}</h2>
                <p>{t.check_question}</p>
                {parts.into_iter().filter(|(_, items)| !items.is_empty()).map(|(part, items)| view! {
                    <h3>{step(part).title}</h3>
                    <ul>{items.into_iter().map(|item| view! { <li>{item}</li> }).collect_view()}</ul>
                }).collect_view()}
                {views.free_words.map(|words| view! { <h3>{t.anything_else}</h3><p>{words}</p> })}
                <ActionForm action=confirm attr:class="confirm">
                    <input type="hidden" name="meeting_id" value=meeting_id />
                    <button type="submit" class="button primary">{t.yes_right}</button>
                </ActionForm>
                <a class="button" href=Step::Worries.href()>{t.want_to_change}</a>
            </section>
        }
    });
    view! {
        <div id="for-you">
            {said.map(|words| view! { <p class="card notice" role="status">{words}</p> })}
            {to_check}
            {messages}
        </div>
    }
}
