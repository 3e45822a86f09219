//! The advocate's pages in real Chromium (desktop), JavaScript on and off, on the demo data: the
//! caseload, Mia's case with her views exactly as written, a note, urgent help acknowledged (and,
//! with JavaScript on, announced live without a reload), sharing, a new sign-in code on a printable
//! slip shown once, and Jade's family group conference where sharing is disabled with the reason.
//! Every page is checked by axe-core (as served and hydrated) and screenshotted under
//! target/screenshots/staff/advocate-*.png. What the pages did is then checked against the API.
//! Also: the live socket accepts the staff cookie from our own pages only.
use std::path::PathBuf;
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tests::app::{TestApp, child_token, repo_root, spawn_demo_app, staff_token};
use tokio_tungstenite::tungstenite::{Message, client::IntoClientRequest};

use super::browser::run_browser_script;

const ADVOCATE: &str = "advocate@demo.myvoice";
const SOCIAL_WORKER: &str = "social.worker@demo.myvoice";
const ISRO: &str = "isro@demo.myvoice";
const NOTE: &str = "Met Mia at school.\nShe wants the meeting to hear about her brother.";
const FREE_WORDS: &str = "Please listen to me.\nI mean it.";
const WORRIES: [&str; 2] = [
    "I don't know if I can still see my brother.",
    "Moving school again",
];
const GOING_WELL: &str = "I like my foster carers' dog, Biscuit.";
const WANT: &str = "Stay with Mr and Mrs Patel";
const HELP_MESSAGE: &str = "I'm scared to go home";

fn screenshots() -> String {
    let dir: PathBuf = repo_root().join("target/screenshots/staff");
    std::fs::create_dir_all(&dir).expect("screenshot folder");
    dir.display().to_string()
}

async fn gql(app: &TestApp, token: &str, query: &str, variables: Value) -> Value {
    let response = app.graphql_as(Some(token), query, variables).await;
    assert!(response.get("errors").is_none(), "{query}: {response}");
    response["data"].clone()
}

fn text(value: &Value) -> &str {
    value
        .as_str()
        .unwrap_or_else(|| panic!("expected text, got {value}"))
}

/// Mia finishes her views (two lines in "anything else") and agrees to the social worker and the
/// chair seeing them, as she would on her own pages.
async fn mia_submits(app: &TestApp, mia: &str) {
    let meetings = gql(
        app,
        mia,
        "{ myMeetings(first: 5) { edges { node { id } } } }",
        json!({}),
    )
    .await;
    let meeting = text(&meetings["myMeetings"]["edges"][0]["node"]["id"]).to_owned();
    let content = json!({
        "worries": WORRIES, "goingWell": [GOING_WELL], "wantToHappen": [WANT],
        "feeling": "WORRIED", "freeWords": FREE_WORDS, "attendance": "ADVOCATE_SPEAKS_FOR_ME",
        "shareWithSocialWorker": true, "shareWithChair": true,
    });
    let saved = gql(
        app,
        mia,
        "mutation($m: ID!, $c: ViewsInput!) { saveViewsDraft(meetingId: $m, expectedVersion: 1, content: $c) { version } }",
        json!({ "m": meeting, "c": content }),
    )
    .await;
    gql(
        app,
        mia,
        "mutation($m: ID!, $v: Int!) { submitViews(meetingId: $m, expectedVersion: $v, idempotencyKey: \"advocate-test-1\") { version } }",
        json!({ "m": meeting, "v": saved["saveViewsDraft"]["version"] }),
    )
    .await;
}

async fn raise_help(app: &TestApp, mia: &str) {
    gql(
        app,
        mia,
        "mutation($m: String) { requestUrgentHelp(message: $m) { id } }",
        json!({ "m": HELP_MESSAGE }),
    )
    .await;
}

fn assert_page_checks(result: &Value, run: &str) {
    let checks = result["checks"].as_array().expect("page checks");
    assert!(checks.len() >= 6, "{run}: {checks:?}");
    for check in checks {
        let page = format!("{run}: {}", check["page"]);
        assert_eq!(check["violations"], json!([]), "{page}: axe violations");
        assert_eq!(check["overflow"], false, "{page}: scrolls sideways");
        assert_eq!(check["smallTargets"], json!([]), "{page}: small targets");
    }
}

#[tokio::test]
async fn the_advocate_works_a_case_with_javascript_on_and_off() {
    let (on, off) = (spawn_demo_app().await, spawn_demo_app().await);
    let (mia_on, mia_off) = (
        child_token(&on.db, "Mia").await,
        child_token(&off.db, "Mia").await,
    );
    for (app, mia) in [(&on, &mia_on), (&off, &mia_off)] {
        mia_submits(app, mia).await;
    }
    // Without JavaScript there is no live alert: the request is there when the page loads.
    raise_help(&off, &mia_off).await;

    let args = vec![
        on.url(""),
        off.url(""),
        screenshots(),
        mia_on.clone(),
        mia_off.clone(),
    ];
    let results =
        tokio::task::spawn_blocking(move || run_browser_script("staff-advocate.mjs", &args))
            .await
            .expect("browser script ran");
    assert_eq!(results.len(), 2, "{results:?}");

    for (result, app) in results.iter().zip([&on, &off]) {
        let js = result["javaScript"].as_bool().expect("javaScript flag");
        let run = format!("advocate with JavaScript {}", if js { "on" } else { "off" });
        assert!(result.get("error").is_none(), "{run} failed: {result}");
        assert_eq!(
            result["problems"],
            json!([]),
            "{run}: console errors, failed or third-party requests"
        );
        assert_page_checks(result, &run);

        if js {
            // The alert arrived while the caseload was open, without a reload.
            assert!(
                result["raised"]["errors"].is_null(),
                "{run}: {}",
                result["raised"]
            );
            assert_eq!(
                result["raised"]["data"]["requestUrgentHelp"]["advocateTold"],
                true
            );
            assert_eq!(
                text(&result["banner"]),
                "Mia asked for help now. Open Mia's case",
                "{run}"
            );
            assert_eq!(result["bannerUrlBefore"], "/staff", "{run}");
        } else {
            assert_eq!(result["urgentBadge"], "Mia", "{run}");
        }
        let panel = text(&result["urgentPanel"]);
        assert!(
            panel.contains("Urgent help: Mia asked for help now") && panel.contains(HELP_MESSAGE),
            "{run}: {panel}"
        );

        // Her views, exactly as she wrote them, line breaks kept.
        let views = &result["views"];
        // Under the headings she answered, as the social worker and the chair see them too.
        assert_eq!(views["Things I worry about"], json!(WORRIES), "{run}");
        assert_eq!(
            views["Things that are going well"],
            json!([GOING_WELL]),
            "{run}"
        );
        assert_eq!(views["What I want to happen"], json!([WANT]), "{run}");
        assert_eq!(views["Anything else"], FREE_WORDS, "{run}");
        assert_eq!(views["How I feel"], "😟 Worried", "{run}");
        assert_eq!(
            views["Coming to my meeting"], "My advocate speaks for me",
            "{run}"
        );
        assert_eq!(
            views["Agreed to share with"], "social worker, chair (ISRO)",
            "{run}"
        );
        assert_eq!(result["freeWordsWhiteSpace"], "pre-wrap", "{run}");
        assert!(
            text(&result["shareHintBefore"]).contains("the social worker and the chair (ISRO)"),
            "{run}: {}",
            result["shareHintBefore"]
        );

        // The note: refused empty, then kept exactly.
        assert!(
            text(&result["emptyNoteError"]).contains("Write the note before adding it"),
            "{run}"
        );
        assert_eq!(result["noteStatus"], "Your note was added.", "{run}");
        assert_eq!(result["notes"], json!([NOTE]), "{run}");

        assert_eq!(
            result["acknowledged"], "You acknowledged Mia's request for help.",
            "{run}"
        );
        assert_eq!(result["urgentAfter"], 0, "{run}: the panel is gone");

        assert_eq!(
            result["shared"], "Mia's views were sent to the social worker and the chair (ISRO).",
            "{run}"
        );
        assert_eq!(result["shareDisabledAfter"], true, "{run}");
        assert!(
            text(&result["shareHintAfter"]).starts_with("Already shared"),
            "{run}"
        );
        assert_eq!(result["statusAfter"], "Shared", "{run}");

        // The slip: code and PIN once, in a child's words, never in the address; print hides the rest.
        assert!(
            text(&result["codeHint"]).contains("Any code Mia had before stops working"),
            "{run}"
        );
        let (code, pin) = (text(&result["code"]), text(&result["pin"]));
        let slip_url = text(&result["slipUrl"]);
        assert!(
            !slip_url.contains(code) && !slip_url.contains(pin),
            "{run}: {slip_url}"
        );
        let slip = text(&result["slipText"]);
        for words in [
            "Hello Mia!",
            "Type your code.",
            "Type your PIN.",
            "Keep this paper in a safe place.",
            "/sign-in",
            "If you lose it, ask Priya for a new one.",
        ] {
            assert!(slip.contains(words), "{run}: slip lacks {words:?}: {slip}");
        }
        assert_eq!(
            result["print"],
            json!({ "header": "none", "staffNotes": "none", "slip": "block" }),
            "{run}"
        );
        assert_eq!(result["slipAgain"], false, "{run}: shown only once");

        assert_eq!(result["fgcShareDisabled"], true, "{run}");
        assert!(
            text(&result["fgcHint"]).starts_with("Family group conference"),
            "{run}: {}",
            result["fgcHint"]
        );
        assert_eq!(
            result["notMine"], "This case is not on your caseload, or does not exist.",
            "{run}"
        );

        assert_api_holds(app, result, &run).await;
    }
}

/// What the API holds after the advocate's clicks.
async fn assert_api_holds(app: &TestApp, result: &Value, run: &str) {
    let advocate = staff_token(&app.db, ADVOCATE).await;
    let case = text(&result["caseId"]);

    let notes = gql(
        app,
        &advocate,
        "query($c: ID!) { advocateNotes(caseId: $c) { edges { node { body } } } }",
        json!({ "c": case }),
    )
    .await;
    assert_eq!(
        notes["advocateNotes"]["edges"],
        json!([{ "node": { "body": NOTE } }]),
        "{run}"
    );

    let open = gql(
        app,
        &advocate,
        "{ openUrgentHelp { edges { node { id } } } }",
        json!({}),
    )
    .await;
    assert_eq!(
        open["openUrgentHelp"]["edges"],
        json!([]),
        "{run}: acknowledged"
    );

    let views = gql(
        app,
        &advocate,
        "query($c: ID!) { caseViews(caseId: $c) { status worries freeWords } }",
        json!({ "c": case }),
    )
    .await;
    assert_eq!(
        views["caseViews"],
        json!({ "status": "SHARED", "worries": WORRIES, "freeWords": FREE_WORDS }),
        "{run}: shared, never edited"
    );

    // The social worker and the ISRO can now read them.
    for reader in [SOCIAL_WORKER, ISRO] {
        let token = staff_token(&app.db, reader).await;
        let inbox = gql(
            app,
            &token,
            "{ viewsSharedWithMe(first: 10) { edges { node { viewsId childFirstName } } } }",
            json!({}),
        )
        .await;
        let edge = &inbox["viewsSharedWithMe"]["edges"][0]["node"];
        assert_eq!(edge["childFirstName"], "Mia", "{run}: {reader}: {inbox}");
        let opened = gql(
            app,
            &token,
            "query($v: ID) { sharedViews(viewsId: $v) { worries } }",
            json!({ "v": edge["viewsId"] }),
        )
        .await;
        assert_eq!(
            opened["sharedViews"]["worries"],
            json!(WORRIES),
            "{run}: {reader}"
        );
    }

    // The new code works for Mia; the demo code no longer does.
    let sign_in = "mutation($c: String!, $p: String!) { childSignIn(accessCode: $c, pin: $p) { __typename } }";
    let new = app
        .graphql(sign_in, json!({ "c": result["code"], "p": result["pin"] }))
        .await;
    assert!(new["errors"].is_null(), "{run}: new code refused: {new}");
    let old = app
        .graphql(sign_in, json!({ "c": "DEMO-0001", "p": "2468" }))
        .await;
    assert!(!old["errors"].is_null(), "{run}: the old code still works");
}

type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// Open `/graphql/ws` as a browser page would: the staff cookie and an `Origin`, no credentials in
/// `connection_init`.
async fn socket_with_cookie(app: &TestApp, origin: Option<&str>, cookie: &str) -> Socket {
    let mut request = format!("ws://{}/graphql/ws", app.address)
        .into_client_request()
        .expect("request");
    let headers = request.headers_mut();
    headers.insert(
        "sec-websocket-protocol",
        "graphql-transport-ws".parse().expect("header"),
    );
    headers.insert("cookie", cookie.parse().expect("header"));
    if let Some(origin) = origin {
        headers.insert("origin", origin.parse().expect("header"));
    }
    let (mut socket, _) = tokio_tungstenite::connect_async(request)
        .await
        .expect("websocket");
    send(
        &mut socket,
        json!({ "type": "connection_init", "payload": {} }),
    )
    .await;
    socket
}

async fn send(socket: &mut Socket, message: Value) {
    socket
        .send(Message::Text(message.to_string().into()))
        .await
        .expect("send");
}

async fn next(socket: &mut Socket) -> Option<Value> {
    loop {
        match tokio::time::timeout(Duration::from_secs(5), socket.next()).await {
            Ok(Some(Ok(Message::Text(text)))) => return serde_json::from_str(&text).ok(),
            Ok(Some(Ok(Message::Ping(_) | Message::Pong(_)))) => continue,
            _ => return None,
        }
    }
}

/// Subscribe to urgent help and return the first answer after raising it as Mia.
async fn listen_and_raise(app: &TestApp, socket: &mut Socket) -> Option<Value> {
    let ack = next(socket).await;
    if ack.as_ref().is_none_or(|m| m["type"] != "connection_ack") {
        return ack;
    }
    send(
        socket,
        json!({ "id": "1", "type": "subscribe",
            "payload": { "query": "subscription { urgentHelpRaised { urgentHelpId } }" } }),
    )
    .await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    let mia = child_token(&app.db, "Mia").await;
    raise_help(app, &mia).await;
    next(socket).await
}

#[tokio::test]
async fn the_staff_cookie_opens_the_live_socket_from_our_own_pages_only() {
    let app = spawn_demo_app().await;
    let access = staff_token(&app.db, ADVOCATE).await;
    let cookie = format!("myvoice_staff={access}~refresh-token");

    // Our own page: the cookie stands in for the missing credentials.
    let mut ours = socket_with_cookie(&app, Some(&app.url("")), &cookie).await;
    let message = listen_and_raise(&app, &mut ours).await.expect("an alert");
    assert_eq!(message["type"], "next", "{message}");
    assert!(
        message["payload"]["data"]["urgentHelpRaised"]["urgentHelpId"].is_string(),
        "{message}"
    );

    // Another site's page, or no Origin at all: the cookie is ignored, so the socket is anonymous
    // and may not listen.
    for origin in [Some("https://evil.example"), None] {
        let mut other = socket_with_cookie(&app, origin, &cookie).await;
        let answer = listen_and_raise(&app, &mut other).await.expect("an answer");
        assert!(
            answer["payload"]["data"].is_null()
                || answer["payload"]["data"]["urgentHelpRaised"].is_null(),
            "{origin:?}: {answer}"
        );
        let code = answer["payload"]["errors"][0]["extensions"]["code"]
            .as_str()
            .or(answer["payload"][0]["extensions"]["code"].as_str())
            .unwrap_or_default();
        assert!(
            ["UNAUTHENTICATED", "FORBIDDEN"].contains(&code),
            "{origin:?}: {answer}"
        );
    }

    // Explicit credentials still win over the cookie: a social worker's token is refused this
    // advocate-only subscription even with the advocate's cookie on a same-origin socket.
    let social_worker = staff_token(&app.db, SOCIAL_WORKER).await;
    let mut request = format!("ws://{}/graphql/ws", app.address)
        .into_client_request()
        .expect("request");
    let headers = request.headers_mut();
    headers.insert(
        "sec-websocket-protocol",
        "graphql-transport-ws".parse().expect("header"),
    );
    headers.insert("cookie", cookie.parse().expect("header"));
    headers.insert("origin", app.url("").parse().expect("header"));
    let (mut socket, _) = tokio_tungstenite::connect_async(request)
        .await
        .expect("websocket");
    send(
        &mut socket,
        json!({ "type": "connection_init",
            "payload": { "Authorization": format!("Bearer {social_worker}") } }),
    )
    .await;
    let answer = listen_and_raise(&app, &mut socket)
        .await
        .expect("an answer");
    assert_eq!(
        answer["payload"]["errors"][0]["extensions"]["code"], "FORBIDDEN",
        "{answer}"
    );
}
