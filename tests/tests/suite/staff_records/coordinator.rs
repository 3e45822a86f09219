//! The coordinator adds the child of a self-referral from the referral page, without JavaScript.
use serde_json::json;
use tests::app::{spawn_demo_app, staff_token};

use super::{CHILD_ACTION, between};
use crate::plain_browser::{PlainBrowser, input_value};

/// A self-referral from a child nobody here knows yet: the coordinator adds the child from the
/// referral, with the advice and assistance she asked for, comes back and links the referral.
#[tokio::test]
async fn the_coordinator_adds_the_child_of_a_self_referral_and_links_it_with_javascript_off() {
    let app = spawn_demo_app().await;
    let asked = app
        .graphql(
            "mutation($i: SelfReferralInput!) { selfReferral(input: $i) { message } }",
            json!({ "i": {
                "localAuthority": "demo", "name": "Priya", "contact": "07700 900123",
                "about": "I want help to tell school what happened.",
            } }),
        )
        .await;
    assert!(asked["errors"].is_null(), "{asked}");
    let referral = crate::staff_dead_ends::newest_self_referral(&app.db).await;
    let referral = crate::referrals::gid(api::graphql::ids::NodeKind::Referral, referral);
    let token = staff_token(&app.db, crate::referrals::COORDINATOR).await;
    let mut co = PlainBrowser::staff(&app, &token);
    let page_path = format!("/staff/referrals/{referral}");
    let page = co.open(&page_path).await;
    let add = format!("/staff/children/new?referral={referral}");
    assert!(
        page.body.contains(&format!("href=\"{add}\"")),
        "{}",
        page.body
    );
    let page = co.open(&add).await;
    assert!(
        page.body.contains("What did the child ask for?"),
        "{}",
        page.body
    );
    assert!(page.body.contains("Back to the self-referral"));
    let mut child = vec![
        ("form[id]", ""),
        ("form[referral]", referral.as_str()),
        ("form[preferred_name]", "Priya"),
        ("form[date_of_birth]", ""),
        ("form[looked_after]", "no"),
        ("form[advocacy_for]", "ADVICE_AND_ASSISTANCE"),
    ];
    let refused = co.post(&add, CHILD_ACTION, &child).await;
    let back = refused.location.expect("back to the form");
    assert!(back.starts_with(&format!("{add}&check=1")), "{back}");
    let page = co.open(&back).await;
    assert!(
        page.body.contains("Give the child&#x27;s date of birth.")
            || page.body.contains("Give the child's date of birth."),
        "{}",
        page.body
    );
    assert_eq!(
        input_value(&page.body, "preferred_name").as_deref(),
        Some("Priya")
    );
    child[3] = ("form[date_of_birth]", "2013-05-04");
    let saved = co.post(&add, CHILD_ACTION, &child).await;
    let to = saved.location.expect("back to the referral");
    assert_eq!(to, format!("{page_path}?done=child-added"));
    let page = co.open(&to).await;
    assert!(page.body.contains("Child added."), "{}", page.body);
    let priya = page.body.find(">Priya (").expect("Priya to link to");
    assert!(
        page.body[priya..].starts_with(">Priya (")
            && between(&page.body[priya..], ") — ", "<")
                == Some("Advice and assistance, no date set"),
        "her advice: {}",
        &page.body[priya..]
    );
    let input = page.body[..priya]
        .rfind("name=\"choice\"")
        .expect("its radio");
    let choice = between(&page.body[input..], "value=\"", "\"")
        .expect("its value")
        .to_owned();
    let linked = co
        .post(
            &page_path,
            "/api/staff/referral-link",
            &[("id", referral.as_str()), ("choice", choice.as_str())],
        )
        .await;
    let page = co.open(&linked.location.expect("back")).await;
    assert!(page.body.contains("Referral for Priya"), "{}", page.body);
}
