//! The chair's messages to the children of the meeting (issue 20): a short message each child sees
//! on their next visit, and the child's answer ("Thank you" or "I have a question", which their
//! advocate follows up). A plain form that comes back to the meeting, so JavaScript is not needed.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::components::TextBox;
use crate::error::PageError;

/// Longest message to a child the API accepts.
const MESSAGE_MAX: usize = 500;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChairMessage {
    pub child: String,
    pub words: String,
    pub sent: String,
    pub seen: Option<String>,
    pub question: bool,
    pub thanked: bool,
}

#[leptos::server(prefix = "/api/staff", endpoint = "isro-message")]
pub async fn send_chair_message(
    meeting_id: String,
    child_id: String,
    words: String,
) -> Result<(), PageError> {
    use super::ops::{self, send_chair_message};
    use crate::pages::staff::api::server::exec;
    let href = crate::pages::staff::isro::record::meeting_href(&meeting_id);
    let words = words.replace("\r\n", "\n").trim().to_owned();
    if words.is_empty() || words.chars().count() > MESSAGE_MAX {
        leptos_axum::redirect(&format!("{href}?message=empty#messages"));
        return Ok(());
    }
    let vars = send_chair_message::Variables {
        child_id,
        meeting_id,
        words,
    };
    let sent = exec::<ops::SendChairMessage>(vars).await;
    match sent {
        Ok(_) => leptos_axum::redirect(&format!("{href}?message=sent#messages")),
        Err(PageError::SignedOut) => return Err(PageError::SignedOut),
        Err(_) => leptos_axum::redirect(&format!("{href}?message=failed#messages")),
    }
    Ok(())
}

#[component]
pub fn ChairMessages(
    meeting_id: String,
    children: Vec<(String, String)>,
    messages: Vec<ChairMessage>,
    open: bool,
) -> impl IntoView {
    let send = ServerAction::<SendChairMessage>::new();
    let said = leptos_router::hooks::use_query_map()
        .read_untracked()
        .get("message")
        .map(|m| match m.as_str() {
            "sent" => "Your message was sent. The child sees it on their next visit.",
            "empty" => "Write the message first: up to 500 characters.",
            _ => "The message was not sent. Try again.",
        });
    view! {
        <section aria-labelledby="messages" class="messages">
            <h2 id="messages">"Messages to the children"</h2>
            <p class="hint">"A short message the child sees on their next visit. The child can answer only \"Thank you\" or \"I have a question\" (their advocate follows a question up)."</p>
            {said.map(|words| view! { <p class="notice" role="status">{words}</p> })}
            {messages.is_empty().then(|| view! { <p>"You have not sent any messages for this meeting."</p> })}
            <ul>
                {messages.into_iter().map(|m| {
                    let answer = if m.question {
                        format!("{} has a question: their advocate has been told.", m.child)
                    } else if m.thanked {
                        format!("{} said thank you.", m.child)
                    } else if let Some(seen) = &m.seen {
                        format!("Seen {seen}. No answer yet.")
                    } else {
                        "Not seen yet.".to_owned()
                    };
                    view! {
                        <li>
                            <p class="hint">{format!("To {}, {}", m.child, m.sent)}</p>
                            <blockquote>{m.words}</blockquote>
                            <p>{answer}</p>
                        </li>
                    }
                }).collect_view()}
            </ul>
            {(open && !children.is_empty()).then(|| view! {
                <ActionForm action=send>
                    <input type="hidden" name="meeting_id" value=meeting_id.clone() />
                    <label for="message-child">"To"</label>
                    <select id="message-child" name="child_id">
                        {children.into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                    </select>
                    <label for="message-words">"Message"</label>
                    <TextBox id="message-words" name="words" rows=3 maxlength=MESSAGE_MAX />
                    <button type="submit" class="button">"Send the message"</button>
                </ActionForm>
            })}
        </section>
    }
}
