//! GraphQL for messages to a child: staff send (`sendMessageToChild`), the child reads
//! (`myMessages`) and answers (`replyToMessage`); staff see what they sent with the answers
//! (`caseMessages`, `meetingMessages`).
use async_graphql::{Context, Enum, ID, Object, SimpleObject};
use chrono::{DateTime, Utc};
use entity::enums::{self, StaffRole};

use super::Message;
use crate::graphql::ContextExt;
use crate::graphql::ids::NodeKind;

#[derive(Default)]
pub struct MessagesQuery;

#[derive(Default)]
pub struct MessagesMutation;

/// The only answers a child can give to a message: no chat, so no free text.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "enums::MessageReply")]
pub enum MessageReply {
    /// "Thank you".
    ThankYou,
    /// "I have a question": the child's advocate is told, and will get in touch.
    HaveAQuestion,
}

/// Who sent a message to the child.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum MessageFrom {
    /// The child's advocate.
    Advocate,
    /// The chair of the child's meeting (the ISRO).
    Chair,
}

/// A short message to a child from their advocate or their meeting's chair, with the child's answer.
#[derive(SimpleObject, Clone, Debug)]
pub struct ChildMessage {
    /// Global ID of the message.
    pub id: ID,
    /// The child it was sent to.
    pub child_id: ID,
    /// The child's preferred first name.
    pub child_first_name: String,
    /// The meeting it is about, if any.
    pub meeting_id: Option<ID>,
    /// The message, as the sender wrote it.
    pub words: String,
    /// Whether the advocate or the chair sent it.
    pub from: MessageFrom,
    /// The sender's name.
    pub from_name: String,
    /// When it was sent.
    pub sent_at: DateTime<Utc>,
    /// When the child's page first showed it; null while not seen.
    pub seen_at: Option<DateTime<Utc>>,
    /// The child's answer; null while not answered.
    pub reply: Option<MessageReply>,
    /// When the child answered.
    pub replied_at: Option<DateTime<Utc>>,
}

impl From<Message> for ChildMessage {
    fn from(m: Message) -> Self {
        Self {
            id: NodeKind::ChildMessage.id(m.row.id),
            child_id: NodeKind::Child.id(m.row.child_id),
            child_first_name: m.child_first_name,
            meeting_id: m.row.meeting_id.map(|id| NodeKind::Meeting.id(id)),
            words: m.row.words,
            from: match m.from_role {
                StaffRole::Advocate => MessageFrom::Advocate,
                _ => MessageFrom::Chair,
            },
            from_name: m.from_name,
            sent_at: m.row.sent_at,
            seen_at: m.row.seen_at,
            reply: m.row.reply.map(Into::into),
            replied_at: m.row.replied_at,
        }
    }
}

fn all(messages: Vec<Message>) -> Vec<ChildMessage> {
    messages.into_iter().map(Into::into).collect()
}

#[Object]
impl MessagesQuery {
    /// The signed-in child's newest messages (up to 20), newest first. Reading them marks them
    /// seen: the sender can tell the child has seen them.
    async fn my_messages(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<ChildMessage>> {
        Ok(all(super::mine(ctx.db()?, ctx.viewer()).await?))
    }

    /// Every message to the case's child (from the advocate or the chair), newest first, with the
    /// child's answers: the case's allocated advocate only.
    async fn case_messages(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The case (allocated to the viewer).")] case_id: ID,
    ) -> async_graphql::Result<Vec<ChildMessage>> {
        let case = NodeKind::Case.parse(&case_id, "caseId")?;
        Ok(all(super::for_case(ctx.db()?, ctx.viewer(), case).await?))
    }

    /// The messages the chair sent to children of one meeting they chair, with the answers.
    async fn meeting_messages(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "A meeting the viewer chairs.")] meeting_id: ID,
    ) -> async_graphql::Result<Vec<ChildMessage>> {
        let meeting = NodeKind::Meeting.parse(&meeting_id, "meetingId")?;
        Ok(all(
            super::for_meeting(ctx.db()?, ctx.viewer(), meeting).await?
        ))
    }
}

#[Object]
impl MessagesMutation {
    /// Send a short message the child sees on their next visit: the child's allocated advocate
    /// (open case) or the chair of the child's current or upcoming meeting. The child can answer
    /// only "thank you" or "I have a question".
    async fn send_message_to_child(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The child.")] child_id: ID,
        #[graphql(desc = "The message (up to 500 characters; plain words a child can read).")]
        words: String,
        #[graphql(
            desc = "For the chair: which of the child's meetings it is about (else the \
                          first they chair, or the advocate's case's meeting)."
        )]
        meeting_id: Option<ID>,
    ) -> async_graphql::Result<ChildMessage> {
        let child = NodeKind::Child.parse(&child_id, "childId")?;
        let meeting = match meeting_id {
            Some(id) => Some(NodeKind::Meeting.parse(&id, "meetingId")?),
            None => None,
        };
        let sent = super::send(ctx.db()?, ctx.viewer(), child, meeting, &words).await?;
        Ok(sent.into())
    }

    /// The child answers one of their messages: "thank you", or "I have a question" (their
    /// advocate is told). One answer per message; the same answer again changes nothing.
    async fn reply_to_message(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The message (from `myMessages`).")] message_id: ID,
        #[graphql(desc = "The answer.")] reply: MessageReply,
    ) -> async_graphql::Result<ChildMessage> {
        let id = NodeKind::ChildMessage.parse(&message_id, "messageId")?;
        let answered = super::reply(ctx.db()?, ctx.viewer(), id, reply.into()).await?;
        Ok(answered.into())
    }
}
