//! No signal, nothing lost: in real Chromium (JavaScript on), words typed while the network is
//! cut wait on the phone, shown as "saved on this phone", and reach the server exactly once when
//! it comes back; a page closed with no signal sends them when opened again; "Leave now" leaves
//! nothing readable in the browser's storage.
use entity::views;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};
use tests::app::{TestApp, repo_root, spawn_demo_app};

use super::browser::run_browser_script;
use super::referrals::child_named;

const DRAFT_WORRY: &str = "I don't know if I can still see my brother.";
const ON_PHONE: &str = "Saved on this phone. It will send when you have signal again.";

async fn mias_views(app: &TestApp) -> views::Model {
    let mia = child_named(&app.db, "Mia").await;
    views::Entity::find()
        .filter(views::Column::ChildId.eq(mia.id))
        .one(&app.db)
        .await
        .expect("read")
        .expect("Mia's views")
}

fn words(items: &impl serde::Serialize) -> Vec<String> {
    serde_json::from_value(serde_json::to_value(items).expect("items")).expect("a list of words")
}

#[tokio::test]
async fn words_typed_with_no_signal_wait_on_the_phone_and_arrive_once() {
    let app = spawn_demo_app().await;
    let shots = repo_root().join("target/screenshots");
    std::fs::create_dir_all(&shots).expect("screenshot folder");
    let (url, shots) = (app.url(""), shots.display().to_string());
    let results =
        tokio::task::spawn_blocking(move || run_browser_script("child-offline.mjs", &[url, shots]))
            .await
            .expect("browser script ran");
    let check = |name: &str| -> &Value {
        let result = results
            .iter()
            .find(|r| r["check"] == name)
            .unwrap_or_else(|| panic!("no result for {name}: {results:?}"));
        assert!(result.get("error").is_none(), "{name}: {result}");
        assert_eq!(result["problems"], json!([]), "{name}: {result}");
        result
    };

    // Cut mid-way: told, kept on the phone, then sent once the signal is back, and forgotten.
    let cut = check("network-cut");
    let shown = cut["shownOffline"].as_str().unwrap_or_default();
    assert!(shown.contains(ON_PHONE), "{shown}");
    let kept = cut["storedOffline"].as_str().unwrap_or_default();
    assert!(
        kept.contains("Before the signal went and the bus"),
        "{kept}"
    );
    assert!(kept.contains("Or my sister."), "{kept}");
    assert_eq!(cut["storedAfter"], "", "nothing left once sent");
    let both = [
        format!("{DRAFT_WORRY} Or my sister."),
        "Before the signal went and the bus".to_owned(),
    ];
    assert_eq!(cut["boxes"], json!(both));

    // The server has every word, once: no box doubled by a save sent twice.
    let saved = mias_views(&app).await;
    assert_eq!(words(&saved.worries), both.to_vec());

    // A page closed with no signal: its words were sent when it was opened again.
    let closed = check("closed-with-no-signal");
    assert_eq!(closed["storedAfter"], "");
    let shown: Vec<String> = serde_json::from_value(closed["boxes"].clone()).expect("boxes");
    assert_eq!(
        shown.iter().filter(|b| *b == "Typed on the bus").count(),
        1,
        "{shown:?}"
    );
    let going_well = words(&mias_views(&app).await.going_well);
    assert_eq!(
        going_well
            .iter()
            .filter(|b| *b == "Typed on the bus")
            .count(),
        1,
        "{going_well:?}"
    );

    // "Leave now": what waited on the phone is gone from it.
    let left = check("leave-now");
    let before = left["storedBefore"].as_str().unwrap_or_default();
    assert!(before.contains("Nobody should find this"), "{before}");
    assert_eq!(
        left["storedAfter"], "",
        "readable words left after Leave now"
    );
}
