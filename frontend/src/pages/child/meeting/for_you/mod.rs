//! On "my meeting" (issue 20): messages from the child's advocate or the person who runs their
//! meeting, each answered with one of two buttons ("Thank you", "I have a question": no chat), and
//! words the advocate wrote for the child, with "Is this what you said?". Plain forms: they work
//! with JavaScript off.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::PageError;
use crate::model::Step;
use crate::text::{for_you, step};

#[cfg(feature = "ssr")]
mod ops;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Answer {
    ThankYou,
    Question,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Message {
    pub id: String,
    pub words: String,
    pub from_advocate: bool,
    pub from_name: String,
    pub answer: Option<Answer>,
}

/// Words the advocate wrote that the child has not confirmed yet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ToCheck {
    pub meeting_id: String,
    pub parts: Vec<(Step, Vec<String>)>,
    pub free_words: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ForYouData {
    pub messages: Vec<Message>,
    pub to_check: Option<ToCheck>,
}

/// One read: the messages (now seen) and any words to check.
#[leptos::server(prefix = "/api/child", endpoint = "for-you")]
pub async fn load_for_you() -> Result<ForYouData, PageError> {
    use crate::pages::child::data::server::{signed_in, signed_out};
    use ops::for_you::{MessageFrom, MessageReply, Variables, ViewerKind, ViewsAuthor};
    let read = signed_in(crate::gql::exec::<ops::ForYou>(Variables {}).await)?;
    if read.me.kind != ViewerKind::CHILD {
        return Err(signed_out(true));
    }
    let messages = read
        .my_messages
        .into_iter()
        .map(|m| Message {
            id: m.id,
            words: m.words,
            from_advocate: m.from == MessageFrom::ADVOCATE,
            from_name: m.from_name,
            answer: match m.reply {
                Some(MessageReply::THANK_YOU) => Some(Answer::ThankYou),
                Some(MessageReply::HAVE_A_QUESTION) => Some(Answer::Question),
                _ => None,
            },
        })
        .collect();
    let to_check = read.my_current_meeting.and_then(|meeting| {
        let views = meeting.my_views?;
        let unconfirmed = views.written_by == ViewsAuthor::ADVOCATE && views.confirmed_at.is_none();
        unconfirmed.then(|| ToCheck {
            meeting_id: meeting.id,
            parts: vec![
                (Step::Worries, views.worries),
                (Step::GoingWell, views.going_well),
                (Step::WantToHappen, views.want_to_happen),
            ],
            free_words: views.free_words,
        })
    });
    Ok(ForYouData { messages, to_check })
}

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

/// Messages and words to check, shown on "my meeting" when there are any.
#[component]
pub fn ForYou() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    let data = Resource::new_blocking(move || location.search.get(), |_| load_for_you());
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                // Nothing to show (or it could not be read): the rest of the page stands alone.
                data.await.ok().map(|data| view! { <ForYouParts data /> })
            })}
        </Suspense>
    }
}

#[component]
fn ForYouParts(data: ForYouData) -> impl IntoView {
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
    let messages = (!data.messages.is_empty()).then(|| {
        view! {
            <section class="card" aria-labelledby="messages-title">
                <h2 id="messages-title">
                    <span class="picture" aria-hidden="true">"✉️ "</span>
                    {t.messages_title}
                </h2>
                <ul class="plain messages">
                    {data.messages.into_iter().map(|m| {
                        let from = if m.from_advocate { t.from_advocate } else { t.from_chair };
                        let from = format!("{from} ({})", m.from_name);
                        view! {
                            <li class="message">
                                <p class="from">{from}</p>
                                <blockquote>{m.words.clone()}</blockquote>
                                {match m.answer {
                                    Some(Answer::ThankYou) => view! { <p>{t.you_said_thanks}</p> }.into_any(),
                                    Some(Answer::Question) => view! { <p>{t.you_have_a_question}</p> }.into_any(),
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
    let to_check = data.to_check.map(|check| {
        view! {
            <section class="card" aria-labelledby="check-title">
                <h2 id="check-title">{t.check_title}</h2>
                <p>{t.check_question}</p>
                {check.parts.into_iter().filter(|(_, items)| !items.is_empty()).map(|(part, items)| view! {
                    <h3>{step(part).title}</h3>
                    <ul>{items.into_iter().map(|item| view! { <li>{item}</li> }).collect_view()}</ul>
                }).collect_view()}
                {check.free_words.map(|words| view! { <h3>{t.anything_else}</h3><p>{words}</p> })}
                <ActionForm action=confirm attr:class="confirm">
                    <input type="hidden" name="meeting_id" value=check.meeting_id />
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
