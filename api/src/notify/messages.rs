//! What each e-mail says. Staff words; no child's words and no names, only a link to sign in and
//! look, so a misdirected or forwarded message gives nothing away.
use entity::enums::NoticeTopic;

pub(super) struct Message {
    pub subject: &'static str,
    pub body: String,
}

const FOOTER: &str = "This message has no details about the child on purpose. Sign in to myvoice \
                      to see them.\n\nmyvoice — children's views before their meetings";

pub(super) fn email(topic: NoticeTopic, url: &str) -> Message {
    let (subject, lead) = match topic {
        NoticeTopic::ReferralReceived => (
            "New referral for advocacy",
            "A new referral for advocacy is waiting in the inbox.",
        ),
        NoticeTopic::CaseAllocated => (
            "You have been allocated a new advocacy case",
            "A new piece of advocacy has been allocated to you.",
        ),
        NoticeTopic::UrgentHelpRaised => (
            "URGENT: a child has asked for help now",
            "A child pressed \"I need help now\" in myvoice. Please look at it and acknowledge it \
             straight away. If nobody acknowledges it in time, it goes to the duty team.",
        ),
        NoticeTopic::UrgentHelpEscalated => (
            "URGENT: a child's request for help has not been picked up",
            "A child pressed \"I need help now\" in myvoice and nobody has acknowledged it, or the \
             child has no advocate. Please follow your authority's safeguarding procedure now.",
        ),
        NoticeTopic::ViewsShared => (
            "A child's views have been shared with you",
            "A child's views have been shared with you before their meeting.",
        ),
        NoticeTopic::OutcomeSent => (
            "A meeting outcome has been sent to your agency",
            "The outcome of a meeting has been sent to your agency. Please read it and acknowledge \
             that you have received it.",
        ),
        NoticeTopic::OutcomeChase => (
            "Reminder: please acknowledge a meeting outcome",
            "The outcome of a meeting was sent to your agency and has not been acknowledged yet. \
             Please read it and acknowledge it.",
        ),
        NoticeTopic::MeetingMoved => (
            "A meeting has moved",
            "A meeting you are involved in has a new date, time or place.",
        ),
        NoticeTopic::MeetingCancelled => (
            "A meeting has been cancelled",
            "A meeting you are involved in has been cancelled.",
        ),
        NoticeTopic::ChildQuestion => (
            "A child has a question for you",
            "A child answered a message in myvoice with \"I have a question\". Please get in \
             touch with them.",
        ),
    };
    Message {
        subject,
        body: format!("{lead}\n\nOpen it in myvoice: {url}\n\n{FOOTER}\n"),
    }
}
