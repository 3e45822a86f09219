//! Saving a child's record: checked here for what the API cannot read (a date that is not a
//! date), then `createChild` or `updateChild`. Refused: back to the form with what was typed.
use super::ChildForm;
use crate::error::PageError;

/// The API's field names, as this form's field ids.
#[cfg(feature = "ssr")]
fn field_id(api_field: &str) -> &'static str {
    match api_field {
        "fullName" => "full_name",
        "dateOfBirth" => "date_of_birth",
        "lookedAfter" => "looked_after",
        "language" => "language",
        "parentalResponsibility" => "parental_responsibility",
        "agreedToAdvocacyOn" => "agreed_on",
        "communicationNeeds" => "communication_needs",
        "livesWith" => "lives_with",
        _ => "preferred_name",
    }
}

/// What the page itself finds wrong before asking the API.
#[cfg(feature = "ssr")]
fn problems(form: &ChildForm) -> super::super::by_hand::Problems {
    use super::super::by_hand::server::day;
    let mut problems = Vec::new();
    let mut problem = |field: &str, message: &str| problems.push((field.into(), message.into()));
    if form.preferred_name.trim().is_empty() {
        problem(
            "preferred_name",
            "Give the name the child wants to be called.",
        );
    }
    if form.date_of_birth.trim().is_empty() {
        problem("date_of_birth", "Give the child's date of birth.");
    } else if day(&form.date_of_birth).is_none() {
        problem(
            "date_of_birth",
            "Enter the date of birth as a real date, like 2015-03-14.",
        );
    }
    if !matches!(form.looked_after.as_str(), "yes" | "no") {
        problem(
            "looked_after",
            "Say whether the child is looked after by the local authority.",
        );
    }
    if !form.agreed_on.trim().is_empty() && day(&form.agreed_on).is_none() {
        problem(
            "agreed_on",
            "Enter the date the child agreed as a real date, like 2026-11-30.",
        );
    }
    if !matches!(
        form.advocacy_for.as_str(),
        "" | "ADVICE_AND_ASSISTANCE" | "COMPLAINT"
    ) {
        problem("advocacy_for", "Choose what the child asked for.");
    }
    problems
}

/// Add the child (no `id`) or change them. Saved: to the social worker's children, saying so.
#[leptos::server(prefix = "/api/staff", endpoint = "child-record")]
pub async fn save_child(form: ChildForm) -> Result<(), PageError> {
    use super::super::by_hand::server::{back, day, done, refusal};
    use super::ops::{self, create_child, update_child};
    use super::page_path;
    use crate::drafts::Form;
    use crate::pages::staff::api::server::exec;

    use crate::pages::staff::api::{Role, server::session_role};
    // Changing a child is the social worker's here (see `open_child_record`): the form sends the
    // whole record. Read from the session, no round trip; the API checks its own rule as well.
    if !form.id.is_empty() && session_role() != Some(Role::SocialWorker) {
        return Err(PageError::Api {
            code: crate::error::ErrorCode::Forbidden,
            message: "Only the child's social worker changes their record here.".into(),
            details: serde_json::Value::Null,
        });
    }
    let page = page_path(&form.id, &form.referral);
    let found = problems(&form);
    if !found.is_empty() {
        back(Form::ChildRecord, &page, form, found).await;
        return Ok(());
    }
    // Checked above: a real date.
    let Some(born) = day(&form.date_of_birth) else {
        return Err(PageError::Unexpected);
    };
    let looked_after = form.looked_after == "yes";
    let text = |t: &str| Some(t.trim().to_owned()).filter(|t| !t.is_empty());
    // The operations each have their own copy of `ChildInput`.
    macro_rules! input {
        ($op:ident) => {
            $op::ChildInput {
                preferred_name: form.preferred_name.trim().to_owned(),
                full_name: text(&form.full_name),
                date_of_birth: born,
                looked_after,
                language: text(&form.language),
                interpreter_needed: form.interpreter == "yes",
                parental_responsibility: text(&form.parental_responsibility),
                agreed_to_advocacy: form.agreed == "yes",
                agreed_to_advocacy_on: day(&form.agreed_on),
                communication_needs: text(&form.communication_needs),
                lives_with: text(&form.lives_with),
                social_worker_id: None,
            }
        };
    }
    let (saved, done_word) = if form.id.is_empty() {
        let vars = create_child::Variables {
            input: input!(create_child),
        };
        (
            exec::<ops::CreateChild>(vars)
                .await
                .map(|d| d.create_child.id),
            "child-added",
        )
    } else {
        let vars = update_child::Variables {
            id: form.id.clone(),
            input: input!(update_child),
        };
        (
            exec::<ops::UpdateChild>(vars)
                .await
                .map(|d| d.update_child.id),
            "child-changed",
        )
    };
    match saved {
        Ok(id) if !form.referral.is_empty() => {
            // The coordinator, from a self-referral: advice or a complaint is set up with the child.
            if let Ok(kind) = serde_json::from_value(serde_json::json!(form.advocacy_for)) {
                let input = ops::create_advice::NewMeetingInput {
                    kind,
                    scheduled_at: None,
                    place: None,
                    chair_id: None,
                    child_ids: vec![id],
                    agency_ids: Vec::new(),
                    follow_up_of: None,
                };
                exec::<ops::CreateAdvice>(ops::create_advice::Variables { input }).await?;
            }
            let to = format!("/staff/referrals/{}?done=child-added", form.referral);
            done(Form::ChildRecord, &to).await;
            Ok(())
        }
        Ok(id) => {
            done(
                Form::ChildRecord,
                &format!("/staff?done={done_word}#child-{id}"),
            )
            .await;
            Ok(())
        }
        Err(error) => match refusal(&error) {
            Some((field, message)) => {
                back(
                    Form::ChildRecord,
                    &page,
                    form,
                    vec![(field_id(&field).into(), message)],
                )
                .await;
                Ok(())
            }
            None => Err(error),
        },
    }
}
