//! "Ask for an advocate": anyone, a child or a grown-up in their family, can ask the advocacy team
//! for an advocate. No account. Plain words (reading age about 8), phone first, works without
//! JavaScript; a thank-you page after. What someone typed is never put in an address: without
//! JavaScript, a message that needs another look is kept on the server (`crate::drafts`).
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

use crate::components::Linked;
use crate::error::PageError;
use crate::pages::child::{ChildPage, ReadAloud};
use crate::text::public;

#[cfg(feature = "ssr")]
mod ops;

/// What went wrong, as the page says it; carried in the address after a plain form post (a word
/// from this list, nothing typed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Problem {
    Name,
    Contact,
    About,
    Council,
    UnknownCouncil,
    Date,
    NotADate,
    TooLong,
    Busy,
}

impl Problem {
    const ALL: [Self; 9] = [
        Self::Name,
        Self::Contact,
        Self::About,
        Self::Council,
        Self::UnknownCouncil,
        Self::Date,
        Self::NotADate,
        Self::TooLong,
        Self::Busy,
    ];

    fn slug(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::Contact => "contact",
            Self::About => "about",
            Self::Council => "council",
            Self::UnknownCouncil => "unknown-council",
            Self::Date => "date",
            Self::NotADate => "not-a-date",
            Self::TooLong => "too-long",
            Self::Busy => "busy",
        }
    }

    fn parse(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.slug() == slug)
    }

    fn words(self) -> &'static str {
        let w = public();
        match self {
            Self::Name => w.ask_problem_name,
            Self::Contact => w.ask_problem_contact,
            Self::About => w.ask_problem_about,
            Self::Council => w.ask_problem_council,
            Self::UnknownCouncil => w.ask_problem_unknown_council,
            Self::Date => w.ask_problem_date,
            Self::NotADate => w.ask_problem_not_a_date,
            Self::TooLong => w.ask_problem_too_long,
            Self::Busy => w.ask_problem_busy,
        }
    }

    /// The field the message belongs to (the error summary links to it).
    fn field(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::Contact => "contact",
            Self::About | Self::TooLong => "about",
            Self::Council | Self::UnknownCouncil => "council",
            Self::Date | Self::NotADate => "meeting_date",
            Self::Busy => "send",
        }
    }
}

/// Meeting kinds in plain words, for someone who may know what the meeting is about. The staff
/// names of these meetings are never shown here (tests/tests/suite/child_names_pages.rs).
const KINDS: [&str; 6] = [
    "",
    "INITIAL_CHILD_PROTECTION_CONFERENCE",
    "CHILD_PROTECTION_REVIEW",
    "CHILD_IN_NEED_MEETING",
    "CHILDREN_LOOKED_AFTER_REVIEW",
    "FAMILY_GROUP_CONFERENCE",
];

/// A kind's words, in the page's language.
fn kind_words(kind: &str) -> &'static str {
    let w = public();
    match kind {
        "INITIAL_CHILD_PROTECTION_CONFERENCE" => w.ask_kind_first_safety,
        "CHILD_PROTECTION_REVIEW" => w.ask_kind_safety_review,
        "CHILD_IN_NEED_MEETING" => w.ask_kind_help_family,
        "CHILDREN_LOOKED_AFTER_REVIEW" => w.ask_kind_review,
        "FAMILY_GROUP_CONFERENCE" => w.ask_kind_family,
        _ => w.ask_kind_unknown,
    }
}

/// What the form holds, kept for the page without JavaScript when the message needs another look.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AskDraft {
    pub name: String,
    pub contact: String,
    pub about: String,
    pub council: String,
    pub meeting_kind: String,
    pub meeting_date: String,
}

/// Send the message. Arguments are the form's input names.
#[leptos::server(prefix = "/api/public", endpoint = "ask-for-an-advocate")]
pub async fn ask_for_advocate(
    name: String,
    contact: String,
    about: String,
    council: String,
    meeting_kind: Option<String>,
    meeting_date: Option<String>,
) -> Result<Option<String>, PageError> {
    use crate::components::server::plain_form_post;
    use crate::drafts::{self, Form};
    use crate::error::ErrorCode;

    let problem = if name.trim().is_empty() {
        Some(Problem::Name)
    } else if contact.trim().is_empty() {
        Some(Problem::Contact)
    } else if about.trim().is_empty() {
        Some(Problem::About)
    } else if council.trim().is_empty() {
        Some(Problem::Council)
    } else if meeting_date.as_deref().map(str::trim).is_some_and(|d| {
        // A browser without a date picker sends what was typed.
        !d.is_empty() && chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_err()
    }) {
        Some(Problem::NotADate)
    } else {
        // Only the kinds offered; "I don't know" is none.
        let kind = meeting_kind
            .as_deref()
            .filter(|k| !k.is_empty() && KINDS.contains(k));
        let date = meeting_date
            .as_deref()
            .map(str::trim)
            .filter(|d| !d.is_empty());
        let input = ops::ask::SelfReferralInput {
            local_authority: council_slug(&council),
            name: name.trim().to_owned(),
            contact: contact.trim().to_owned(),
            about: about.trim().to_owned(),
            meeting_kind: kind.and_then(|k| serde_json::from_value(k.into()).ok()),
            meeting_date: date.and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
        };
        let sent = crate::gql::exec_as::<ops::Ask>(None, ops::ask::Variables { input }).await;
        match sent {
            Ok(_) => None,
            Err(error) if error.code() == ErrorCode::RateLimited => Some(Problem::Busy),
            Err(PageError::Api {
                code: ErrorCode::BadUserInput,
                details,
                message,
            }) => Some(match details["field"].as_str() {
                Some("localAuthority") => Problem::UnknownCouncil,
                Some("meetingDate") => Problem::Date,
                _ if message.contains("too long") => Problem::TooLong,
                Some("name") => Problem::Name,
                Some("contact") => Problem::Contact,
                _ => Problem::About,
            }),
            Err(other) => return Err(other),
        }
    };
    match problem {
        None => {
            drafts::forget(Form::AskForAdvocate).await;
            leptos_axum::redirect("/ask-for-an-advocate/thanks");
            Ok(None)
        }
        // With JavaScript: the page shows it, everything typed still in the boxes.
        Some(problem) if !plain_form_post() => Ok(Some(problem.slug().to_owned())),
        // Without: back to the form, which shows what was typed, kept on the server.
        Some(problem) => {
            let draft = AskDraft {
                name,
                contact,
                about,
                council,
                meeting_kind: meeting_kind.unwrap_or_default(),
                meeting_date: meeting_date.unwrap_or_default(),
            };
            drafts::keep(Form::AskForAdvocate, &draft).await;
            leptos_axum::redirect(&format!("/ask-for-an-advocate?error={}", problem.slug()));
            Ok(None)
        }
    }
}

/// The message kept after a plain form post that needs another look, if any.
#[leptos::server(prefix = "/api/public", endpoint = "ask-for-an-advocate-kept")]
pub async fn kept_message() -> Result<Option<AskDraft>, PageError> {
    Ok(crate::drafts::read(crate::drafts::Form::AskForAdvocate).await)
}

/// "Somerset Council" → "somerset", "Demo County Council" → "demo": councils are known by a short
/// name; people write the long one.
#[cfg_attr(not(feature = "ssr"), allow(dead_code))]
fn council_slug(typed: &str) -> String {
    let lower = typed.trim().to_lowercase();
    let mut words: Vec<&str> = lower.split_whitespace().collect();
    for tail in [["county", "council"].as_slice(), ["council"].as_slice()] {
        if words.len() > tail.len() && words.ends_with(tail) {
            words.truncate(words.len() - tail.len());
            break;
        }
    }
    words.join("-")
}

#[component]
pub fn AskForAdvocate() -> impl IntoView {
    let query = use_query_map();
    let from_address = query.with_untracked(|q| q.get("error").as_deref().and_then(Problem::parse));
    // Made here, not inside the Suspense (see `staff::gate`).
    let kept = Resource::new_blocking(
        move || from_address.is_some(),
        |sent_back| async move {
            if sent_back {
                kept_message().await
            } else {
                Ok(None)
            }
        },
    );
    let w = public();
    view! {
        <ChildPage title=w.ask_title.to_owned()>
            <h1>{w.ask_title}</h1>
            <ReadAloud key="ask_intro" />
            <p>{w.ask_intro}</p>
            <p>{w.ask_yourself}</p>
            <Suspense>
                {move || Suspend::new(async move {
                    let draft = kept.await.ok().flatten().unwrap_or_default();
                    view! { <AskForm draft from_address /> }
                })}
            </Suspense>
            <p class="hint">{w.ask_soon}</p>
        </ChildPage>
    }
}

/// The form, holding `draft`; `from_address` is the problem named in the address.
#[component]
fn AskForm(draft: AskDraft, from_address: Option<Problem>) -> impl IntoView {
    let action = ServerAction::<AskForAdvocate>::new();
    let problem = Signal::derive(move || match action.value().get() {
        Some(Ok(Some(slug))) => Problem::parse(&slug),
        Some(Ok(None)) => None,
        Some(Err(_)) => Some(Problem::Busy),
        None => from_address,
    });
    let errors = Signal::derive(move || {
        problem
            .get()
            .map(|p| vec![(p.field(), p.words())])
            .unwrap_or_default()
    });
    let field_error = move |field: &'static str| {
        Signal::derive(move || {
            problem
                .get()
                .filter(|p| p.field() == field)
                .map(Problem::words)
        })
    };
    let invalid = move |field: &'static str| move || field_error(field).get().is_some().to_string();
    let kinds = KINDS
        .iter()
        .map(|v| {
            let selected = *v == draft.meeting_kind;
            view! { <option value=*v selected=selected>{kind_words(v)}</option> }
        })
        .collect_view();
    let w = public();
    view! {
        <crate::components::ErrorSummary errors />
        <ActionForm action attr:class="stack" attr:novalidate=true>
            <div class="field">
                <label for="name">{w.ask_name}</label>
                <crate::components::FieldError id="name-error" message=field_error("name") />
                <input id="name" name="name" type="text" autocomplete="name" maxlength="200"
                    value=draft.name aria-describedby="name-error" aria-invalid=invalid("name") />
            </div>
            <div class="field">
                <label for="contact">{w.ask_contact}</label>
                <p class="hint" id="contact-hint">{w.ask_contact_hint}</p>
                <crate::components::FieldError id="contact-error" message=field_error("contact") />
                <input id="contact" name="contact" type="text" autocomplete="tel" maxlength="200"
                    value=draft.contact aria-describedby="contact-hint contact-error" aria-invalid=invalid("contact") />
            </div>
            <div class="field">
                <label for="about">{w.ask_about}</label>
                <p class="hint" id="about-hint">{w.ask_about_hint}</p>
                <crate::components::FieldError id="about-error" message=field_error("about") />
                <crate::components::TextBox id="about" name="about" rows=4 maxlength=2000 value=draft.about
                    attr:aria-describedby="about-hint about-error" attr:aria-invalid=invalid("about") />
            </div>
            <div class="field">
                <label for="council">{w.ask_council}</label>
                <p class="hint" id="council-hint">{w.ask_council_hint}</p>
                <crate::components::FieldError id="council-error" message=field_error("council") />
                <input id="council" name="council" type="text" autocomplete="address-level2" maxlength="200"
                    value=draft.council aria-describedby="council-hint council-error" aria-invalid=invalid("council") />
            </div>
            <div class="field">
                <label for="meeting_kind">{w.ask_meeting_kind}</label>
                <select id="meeting_kind" name="meeting_kind">{kinds}</select>
            </div>
            <div class="field">
                <label for="meeting_date">{w.ask_meeting_date}</label>
                <p class="hint" id="date-hint">{w.ask_meeting_date_hint}</p>
                <crate::components::FieldError id="meeting_date-error" message=field_error("meeting_date") />
                <input id="meeting_date" name="meeting_date" type="date" value=draft.meeting_date
                    aria-describedby="date-hint meeting_date-error" aria-invalid=invalid("meeting_date") />
            </div>
            <p class="field-error" id="send" hidden=move || field_error("send").get().is_none()>
                {move || field_error("send").get()}
            </p>
            <button type="submit" class="button primary">{w.ask_send}</button>
        </ActionForm>
    }
}

#[component]
pub fn AskThanks() -> impl IntoView {
    let w = public();
    view! {
        <ChildPage title=w.thanks_title.to_owned()>
            <div class="receipt" role="status">
                <p class="big-picture" aria-hidden="true">"✅"</p>
                <h1>{w.thanks_heading}</h1>
                <ReadAloud key="thanks_soon" />
            </div>
            <section class="card">
                <p>{w.thanks_soon}</p>
                <p>{w.thanks_advocate}</p>
            </section>
            <section class="card help">
                <p><Linked words=w.thanks_danger href="tel:999" label="999" /></p>
                <p><Linked words=w.thanks_childline href="tel:08001111" label="0800 1111" /></p>
            </section>
            <a class="button primary" href="/">{w.thanks_back}</a>
        </ChildPage>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn councils_are_found_by_their_short_name() {
        assert_eq!(council_slug("Demo County Council"), "demo");
        assert_eq!(council_slug("  somerset council "), "somerset");
        assert_eq!(council_slug("Demo"), "demo");
        assert_eq!(council_slug("Council"), "council");
        assert_eq!(council_slug("North East Lincs"), "north-east-lincs");
    }

    #[test]
    fn every_problem_reads_back_from_its_slug() {
        for problem in Problem::ALL {
            assert_eq!(Problem::parse(problem.slug()), Some(problem));
        }
    }
}
