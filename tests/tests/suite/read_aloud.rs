//! Read aloud with JavaScript off: every fixed text of the child's and the family's pages has a
//! spoken clip in every language (made by `myvoice make-audio` before the tests), and every child
//! page, fetched as a browser without JavaScript would, offers a clip in its own language that
//! the server really serves as Opus audio.
use std::collections::BTreeSet;

use frontend::model::Step;
use frontend::text::{Lang, aloud};
use tests::app::{TestApp, child_token, client, hold_meeting_of, spawn_demo_app};

use super::plain_browser::PlainBrowser;

/// A served clip: checked to be Ogg Opus, and how long it plays, in seconds.
async fn fetch_clip(app: &TestApp, src: &str) -> f64 {
    let response = client().get(app.url(src)).send().await.expect("GET clip");
    assert_eq!(response.status(), 200, "{src}");
    assert_eq!(
        response.headers()["content-type"],
        "audio/ogg",
        "{src}: served as audio"
    );
    // The same bytes for everyone: a phone may keep a clip rather than fetch it at every play.
    assert!(
        response
            .headers()
            .get("cache-control")
            .is_none_or(|value| value != "no-store"),
        "{src}: may be kept"
    );
    let bytes = response.bytes().await.expect("clip body");
    assert!(bytes.starts_with(b"OggS"), "{src}: an Ogg file");
    assert!(
        bytes.windows(8).any(|w| w == b"OpusHead"),
        "{src}: Opus inside"
    );
    seconds(&bytes)
}

/// An Ogg Opus stream's length: the last page's granule position counts 48 kHz samples.
fn seconds(ogg: &[u8]) -> f64 {
    let last_page = ogg
        .windows(4)
        .rposition(|w| w == b"OggS")
        .expect("an Ogg page");
    let granule: [u8; 8] = ogg[last_page + 6..last_page + 14]
        .try_into()
        .expect("8 bytes");
    u64::from_le_bytes(granule) as f64 / 48_000.0
}

#[tokio::test]
async fn every_fixed_child_text_in_every_language_has_its_clip() {
    let app = spawn_demo_app().await;
    for lang in Lang::ALL {
        let texts = aloud::fixed_texts(lang);
        assert!(texts.len() > 200, "{lang:?}: {} fixed texts", texts.len());
        for (key, words) in &texts {
            let src = aloud::clip_url(lang, key);
            let length = fetch_clip(&app, &src).await;
            // Real speech: roughly as long as the words, not an empty or cut-off file.
            let letters = words.chars().filter(|c| c.is_alphabetic()).count() as f64;
            assert!(
                length > 0.3 && length > letters / 40.0,
                "{src}: {length:.1} s for {words:?}"
            );
        }
        // Nothing else: a clip left from words no longer on the pages would be served by mistake.
        let folder = tests::app::repo_root()
            .join("target/site/audio")
            .join(lang.code());
        let made = std::fs::read_dir(&folder).expect("clip folder").count();
        assert_eq!(made, texts.len(), "{lang:?}: clips in {folder:?}");
    }
    let missing = client()
        .get(app.url("/audio/en/no_such_text.ogg"))
        .send()
        .await
        .expect("GET");
    assert_eq!(missing.status(), 404);
}

/// Every `<audio src>` on a page.
fn clips_on(body: &str) -> Vec<String> {
    body.split("<audio")
        .skip(1)
        .filter_map(|tag| {
            let tag = &tag[..tag.find('>')?];
            let src = tag.split("src=\"").nth(1)?;
            Some(src[..src.find('"')?].to_owned())
        })
        .collect()
}

#[tokio::test]
async fn every_child_page_can_be_heard_with_javascript_off() {
    let app = spawn_demo_app().await;
    let held = spawn_demo_app().await;
    hold_meeting_of(&held.db, "Mia").await;
    let public = [
        "/",
        "/sign-in",
        "/not-safe",
        "/ask-for-an-advocate",
        "/ask-for-an-advocate/thanks",
        "/no-such-page",
    ];
    let mut signed_in: Vec<String> = [
        "/me",
        "/me/coming",
        "/me/who-sees",
        "/me/check",
        "/me/names",
        "/me/who-read",
    ]
    .map(str::to_owned)
    .to_vec();
    signed_in.extend(Step::ALL.map(Step::href));

    for lang in Lang::ALL {
        let code = lang.code();
        let mut heard = BTreeSet::new();
        let mia = child_token(&app.db, "Mia").await;
        let after_mia = child_token(&held.db, "Mia").await;
        let visits = [
            (PlainBrowser::new(&app), public.map(str::to_owned).to_vec()),
            (PlainBrowser::child(&app, &mia), signed_in.clone()),
            (
                PlainBrowser::child(&held, &after_mia),
                vec!["/me/after".into()],
            ),
        ];
        for (mut browser, pages) in visits {
            // A link in the language sets it for the pages after it, as the picker does.
            browser.open(&format!("/sign-in?lang={code}")).await;
            for path in pages {
                let page = browser.open(&path).await;
                assert!(
                    page.status == 200 || path == "/no-such-page",
                    "{path} in {code}: {}",
                    page.status
                );
                assert!(
                    page.body.contains(&format!("<html lang=\"{code}\"")),
                    "{path} is in {code}"
                );
                let clips = clips_on(&page.body);
                assert!(!clips.is_empty(), "{path} in {code}: nothing to listen to");
                for src in clips {
                    assert!(
                        src.starts_with(&format!("/audio/{code}/")),
                        "{path} in {code} reads aloud in another language: {src}"
                    );
                    let app = if path == "/me/after" { &held } else { &app };
                    assert!(fetch_clip(app, &src).await > 0.3, "{src}");
                    heard.insert(src);
                }
            }
        }
        // Pages say different things: each has its own clip, not one shared by all.
        assert!(heard.len() >= 14, "{code}: only {heard:?}");
    }
}
