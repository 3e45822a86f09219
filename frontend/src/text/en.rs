//! English. Short sentences, plain words, reading age about 8. Never "case", "referral", "placement",
//! "contact", "LAC" or "ISRO" here.
use super::{MeetingWords, OwnWords, StepWords, Text};
use crate::model::{AttendanceChoice, Audience, Feeling, MeetingKind, Step};

pub static TEXT: Text = Text {
    brand: "myvoice",
    skip_to_content: "Skip to the main part",
    quick_exit: "Leave now",
    quick_exit_hint: "Closes this at once",
    not_safe: "I'm not safe right now",
    sign_out: "Sign out",
    read_aloud: "Read to me",
    back: "Back",
    next: "Next",
    save_and_next: "Save and go on",
    error_summary: "Please check this",

    sign_in_title: "Sign in",
    sign_in_intro: "Use the code and PIN your advocate gave you.",
    code_label: "Your code",
    code_hint: "It looks like ABCD-1234.",
    pin_label: "Your PIN",
    pin_hint: "4 numbers.",
    sign_in_button: "Sign in",
    sign_in_wrong: "That code or PIN did not work. Check them and try again.",
    sign_in_locked: "That did not work a few times, so we have paused it to keep your views safe. \
                     Try again in 15 minutes, or ask your advocate for help.",
    sign_in_missing_code: "Type your code.",
    sign_in_missing_pin: "Type your PIN.",
    sign_in_timed_out: "You were away for a while, so we closed your views to keep them private. \
                        They are saved. Sign in again to carry on.",
    sign_in_left: "You have left. Your views are saved.",
    no_code: "No code? Ask your advocate for one.",

    hello: "Hello",
    your_meeting: "Your meeting",
    no_meeting: "There is no meeting for you right now. Your advocate will tell you when there is.",
    when: "When",
    where_: "Where",
    who_runs_it: "Who runs it",
    who_is_there: "Who will be there",
    what_happens: "What happens",
    your_advocate: "Your advocate",
    advocate_is: "is your advocate. They are on your side. They help you say what you want.",
    no_advocate: "You do not have an advocate right now.",
    start_views: "Say what I think",
    carry_on_views: "Carry on with my views",
    views_sent_already: "Your advocate has your views.",
    see_what_happened: "What happened at my meeting",
    meeting_moved: "Your meeting has moved. It is now on {when}.",
    meeting_cancelled: "Your meeting is not happening now. Your views are safe. \
                        Your advocate will tell you what happens next.",
    easier_on: "Make it easier: big pictures, fewer words",
    easier_off: "Go back to more words",

    step_of: "Step {n} of {total}",
    add_another: "Add another",
    item_label: "Thing {n}",
    letters_left: "{n} letters left",
    saved: "Saved",
    saving: "Saving…",
    kept_both: "You changed this in another window too. We kept both. Take out anything you do not want.",
    too_long: "This is too long. Please make it shorter.",
    too_many: "That is a lot of boxes. Please put some things together.",
    feelings_pick: "Pick the one that fits best. You can skip this.",

    coming_title: "Coming to my meeting",
    coming_question: "How do you want to take part?",
    who_sees_title: "Who can see my views",
    who_sees_question: "Who can see what you said?",
    who_sees_hint: "Pick as many as you like. Your advocate will only show your views to the people you pick.",
    who_sees_advocate: "Your advocate always sees them. They help you.",
    views_got_there: "They got your views on {day}.",
    views_not_there_yet: "They have not got your views yet.",

    check_title: "Check and send",
    check_intro: "This is what you said. You can change anything before you send it.",
    change: "Change",
    nothing_yet: "Nothing yet",
    send: "Send to my advocate",
    send_hint: "You can still change things after you send them.",
    not_chosen: "Not picked yet",

    sent_title: "Sent!",
    sent_body: "Your advocate has your views.",
    sent_next: "Your advocate will show them to the people you picked before the meeting.",
    sent_change: "Want to change something? You can, and send it again.",
    back_to_meeting: "Back to my meeting",

    after_title: "What happened at my meeting",
    after_not_yet: "Your meeting has not happened yet. Come back after it.",
    after_decided: "What the meeting decided",
    answers_title: "What the meeting said about what you said",
    you_said: "You said:",
    answer_agreed: "The meeting agreed.",
    answer_not_this_time: "Not this time, because",
    answer_later: "We will talk about it",
    answer_advocate: "Your advocate will explain.",
    who_read_title: "Who has read my views",
    who_read_none: "Nobody has read them yet.",

    not_safe_title: "Not safe right now?",
    not_safe_danger: "If you are in danger now, call 999.",
    not_safe_childline: "You can talk to Childline for free, any time, on 0800 1111.",
    not_safe_tell_advocate: "We can tell your advocate now. They will get in touch as soon as they can.",
    not_safe_message_label: "Anything you want to tell them? (you can leave this empty)",
    not_safe_button: "Tell my advocate now",
    not_safe_told: "We have told",
    told_advocate: "your advocate",
    told_duty_team: "the team at the council who keep children safe",
    told_service: "the people who run the advocacy service",
    and: "and",
    not_safe_saved: "We have saved your message for the people who help you.",
    not_safe_sent: "Someone will get in touch soon. If you are in danger now, call 999.",
    not_safe_sign_in: "Sign in with your code and we can tell your advocate too.",

    still_there_title: "Are you still there?",
    still_there_body: "To keep your views private, we will close them soon. They are saved.",
    still_here: "I'm still here",
    something_wrong: "Sorry, something went wrong. Your views are saved. Please try again.",
};

pub static OWN_WORDS: OwnWords = OwnWords {
    names_link: "Call things your own names",
    names_title: "Call things your own names",
    names_intro: "You can give these your own names. Your pages will use them. \
                  Leave a box empty to keep our words.",
    names_label: "What do you call \u{201c}{usual}\u{201d}?",
    names_meeting_label: "What do you call your meeting?",
    names_hint: "Up to 60 letters.",
    names_save: "Save my names",
    names_too_long: "A name can have up to 60 letters. Please make it shorter.",
    names_saved: "Saved. Your pages use your names now.",
    who_read_link: "Who has read my views",
    read_once: "read them on {when}",
    read_times_on: "read them {times} times on {when}",
    read_often: "first read them on {first}, and last on {last} ({times} times)",
    after_title_named: "What happened at \u{201c}{name}\u{201d}",
};

const WHITEBOARD: &str = "Everything is written on a big whiteboard: worries, what is going well, \
                          and what needs to happen next.";

pub fn meeting(kind: MeetingKind) -> &'static MeetingWords {
    use MeetingKind::*;
    match kind {
        InitialChildProtectionConference => &MeetingWords {
            name: "A meeting to help keep you safe",
            what: "Some grown-ups are worried about you. They meet to make a plan to keep you safe. \
                   It is not about taking children away.",
            who: "Your family, your social worker, and people from school, health and other teams. \
                  Your advocate can come too.",
            happens: &[
                "The person who runs the meeting makes sure everyone has a say. That includes you.",
                WHITEBOARD,
                "At the end they decide if a plan is needed to keep you safe.",
            ],
        },
        ChildProtectionReview => &MeetingWords {
            name: "A meeting to check the plan to keep you safe",
            what: "The grown-ups check how the plan to keep you safe is going. \
                   They look at what has got better and what still worries them.",
            who: "Your family, your social worker, and people from school, health and other teams. \
                  Your advocate can come too.",
            happens: &[
                "The person who runs the meeting makes sure everyone has a say. That includes you.",
                WHITEBOARD,
                "They decide if the plan is still needed.",
            ],
        },
        ChildInNeedMeeting => &MeetingWords {
            name: "A meeting about help for you and your family",
            what: "The grown-ups check how the plan to help you and your family is going.",
            who: "Your family, your social worker, and people who help you, like your school.",
            happens: &[
                "Everyone says what is going well and what is hard.",
                "They agree what help you and your family will get next.",
            ],
        },
        CoreGroupMeeting => &MeetingWords {
            name: "A small meeting about your plan",
            what: "A small group checks that the plan to keep you safe is being done.",
            who: "Your family, your social worker and a few people who help you.",
            happens: &[
                "They go through the plan one thing at a time.",
                "They agree who will do what next.",
            ],
        },
        ChildrenLookedAfterReview => &MeetingWords {
            name: "Your review meeting",
            what: "A meeting about how things are going for you where you live, at school, \
                   and with the people who matter to you.",
            who: "The person who runs it checks your plan is right for you. Your social worker and \
                  your carers are usually there. You can come, and your advocate can help.",
            happens: &[
                "Everyone talks about what is going well and what could be better.",
                "You can say what you want. It is your meeting.",
                "They agree what happens next.",
            ],
        },
        DisruptionMeeting => &MeetingWords {
            name: "A meeting about where you lived",
            what: "Things did not work out where you were living. This meeting is to understand why, \
                   so next time is better for you. It is not to blame you.",
            who: "Your social worker, your old carers and people who help you.",
            happens: &[
                "Everyone says what went well and what went wrong.",
                "They learn from it to make things better for you.",
            ],
        },
        TransferConference => &MeetingWords {
            name: "A meeting about moving to a new team",
            what: "You are moving to a place where a different council's team will help you. \
                   This meeting hands things over so nothing gets missed.",
            who: "Your family, your social worker and the new team.",
            happens: &[
                "They share what they know about you and your plan.",
                "The new team says how they will help.",
            ],
        },
        FamilyGroupConference => &MeetingWords {
            name: "Your family meeting",
            what: "Your family and people close to you come together to make a plan.",
            who: "Your family and people who matter to you. Someone helps the meeting run.",
            happens: &[
                "Your family has time on their own to make the plan.",
                "Your advocate helps you say what you want. They do not send your views before.",
            ],
        },
        AdviceAndAssistance => &MeetingWords {
            name: "Help with something",
            what: "You want help to sort something out. Your advocate can help you.",
            who: "You and your advocate.",
            happens: &[
                "Your advocate listens to what you want.",
                "They help you tell the right people.",
            ],
        },
        Complaint => &MeetingWords {
            name: "Saying you are not happy",
            what: "You are not happy about something. You have the right to say so.",
            who: "You and your advocate.",
            happens: &[
                "Your advocate helps you say what is wrong and what you want.",
                "Someone must look into it and tell you what they will do.",
            ],
        },
    }
}

pub fn step(step: Step) -> &'static StepWords {
    match step {
        Step::Worries => &StepWords {
            title: "Things I worry about",
            question: "What are you worried about?",
            hint: "Put one thing in each box. It can be big or small.",
            picture: "🌧️",
        },
        Step::GoingWell => &StepWords {
            title: "Things that are going well",
            question: "What is going well for you?",
            hint: "Put one thing in each box. It can be big or small.",
            picture: "☀️",
        },
        Step::WantToHappen => &StepWords {
            title: "What I want to happen",
            question: "What do you want to happen?",
            hint: "Your wishes and dreams. Put one thing in each box.",
            picture: "🌈",
        },
        Step::Feelings => &StepWords {
            title: "How I feel",
            question: "How do you feel?",
            hint: "Pick the one that fits best. You can skip this.",
            picture: "💭",
        },
        Step::AnythingElse => &StepWords {
            title: "Anything else",
            question: "Is there anything else you want to say?",
            hint: "You can skip this.",
            picture: "✏️",
        },
    }
}

pub fn feeling(feeling: Feeling) -> (&'static str, &'static str) {
    match feeling {
        Feeling::VeryHappy => ("😄", "Very happy"),
        Feeling::Happy => ("🙂", "Happy"),
        Feeling::Okay => ("😐", "Okay"),
        Feeling::Sad => ("🙁", "Sad"),
        Feeling::VerySad => ("😢", "Very sad"),
        Feeling::Worried => ("😟", "Worried"),
        Feeling::Angry => ("😠", "Angry"),
    }
}

pub fn attendance(choice: AttendanceChoice) -> (&'static str, &'static str) {
    match choice {
        AttendanceChoice::Attend => (
            "I want to go",
            "You go to the meeting, for some or all of it.",
        ),
        AttendanceChoice::AttendWithAdvocate => (
            "I want to go with my advocate",
            "You go, and your advocate sits with you and helps you.",
        ),
        AttendanceChoice::AdvocateSpeaksForMe => (
            "My advocate speaks for me",
            "You do not go. Your advocate goes and says what you want.",
        ),
        AttendanceChoice::WrittenViewsOnly => (
            "Just send what I wrote",
            "You do not go. The meeting reads what you said here.",
        ),
        AttendanceChoice::NotTakingPart => (
            "I don't want to take part",
            "That is okay. You can change your mind.",
        ),
    }
}

pub fn audience(audience: Audience) -> (&'static str, &'static str) {
    match audience {
        Audience::SocialWorker => (
            "My social worker",
            "The person from the council who helps you.",
        ),
        Audience::Chair => (
            "The person who runs the meeting",
            "They make sure everyone has a say.",
        ),
        Audience::Family => ("My family", "Your parents or carers."),
        Audience::Meeting => ("Everyone at the meeting", "All the people who come."),
    }
}

pub static FOR_YOU: super::ForYouText = super::ForYouText {
    messages_title: "Messages for you",
    from_advocate: "From your advocate",
    from_chair: "From the person who runs your meeting",
    thank_you: "Thank you",
    have_a_question: "I have a question",
    you_said_thanks: "You said thank you.",
    you_have_a_question: "You said you have a question. Your advocate will talk to you soon.",
    answer_sent: "Thank you. Your answer was sent.",
    not_sent: "Sorry, that did not work. Please try again.",
    check_title: "Your advocate wrote this for you",
    check_question: "Your advocate wrote this for you. Is this what you said?",
    anything_else: "Anything else",
    yes_right: "Yes, that is right",
    want_to_change: "I want to change it",
    confirmed: "Thank you. Now everyone knows these are your own words.",
};
