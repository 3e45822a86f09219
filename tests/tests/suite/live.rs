//! Live updates over graphql-ws: an advocate hears about urgent help at once.
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tests::app::{TestApp, child_token, spawn_demo_app, staff_token};
use tokio_tungstenite::tungstenite::{Message, client::IntoClientRequest};

type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// Open `/graphql/ws` with the graphql-transport-ws protocol and send `connection_init`.
async fn connect(app: &TestApp, init_payload: Value) -> Socket {
    let mut request = format!("ws://{}/graphql/ws", app.address)
        .into_client_request()
        .unwrap();
    request.headers_mut().insert(
        "sec-websocket-protocol",
        "graphql-transport-ws".parse().unwrap(),
    );
    let (mut socket, _) = tokio_tungstenite::connect_async(request)
        .await
        .expect("websocket");
    send(
        &mut socket,
        json!({ "type": "connection_init", "payload": init_payload }),
    )
    .await;
    socket
}

async fn send(socket: &mut Socket, message: Value) {
    socket
        .send(Message::Text(message.to_string().into()))
        .await
        .unwrap();
}

/// The next JSON message, or None when the server closed the connection or 5 s passed.
async fn next(socket: &mut Socket) -> Option<Value> {
    loop {
        match tokio::time::timeout(Duration::from_secs(5), socket.next()).await {
            Ok(Some(Ok(Message::Text(text)))) => return serde_json::from_str(&text).ok(),
            Ok(Some(Ok(Message::Ping(_) | Message::Pong(_)))) => continue,
            _ => return None,
        }
    }
}

async fn subscribe(socket: &mut Socket, query: &str) {
    assert_eq!(next(socket).await.unwrap()["type"], "connection_ack");
    send(
        socket,
        json!({ "id": "1", "type": "subscribe", "payload": { "query": query } }),
    )
    .await;
}

#[tokio::test]
async fn the_advocate_hears_about_urgent_help_at_once() {
    let app = spawn_demo_app().await;
    let advocate = staff_token(&app.db, "advocate@demo.myvoice").await;
    let mut socket = connect(
        &app,
        json!({ "Authorization": format!("Bearer {advocate}") }),
    )
    .await;
    subscribe(
        &mut socket,
        "subscription { urgentHelpRaised { urgentHelpId } }",
    )
    .await;
    // Give the server a moment to register the subscription before the event fires.
    tokio::time::sleep(Duration::from_millis(200)).await;

    let mia = child_token(&app.db, "Mia").await;
    let raised = app
        .graphql_as(
            Some(&mia),
            "mutation { requestUrgentHelp { __typename } }",
            json!({}),
        )
        .await;
    assert!(raised["errors"].is_null(), "{raised}");

    let message = next(&mut socket).await.expect("an alert");
    assert_eq!(message["type"], "next", "{message}");
    assert!(
        message["payload"]["data"]["urgentHelpRaised"]["urgentHelpId"].is_string(),
        "{message}"
    );
}

#[tokio::test]
async fn only_advocates_may_listen_for_urgent_help() {
    let app = spawn_demo_app().await;
    let social_worker = staff_token(&app.db, "social.worker@demo.myvoice").await;
    let mut socket = connect(
        &app,
        json!({ "Authorization": format!("Bearer {social_worker}") }),
    )
    .await;
    subscribe(
        &mut socket,
        "subscription { urgentHelpRaised { urgentHelpId } }",
    )
    .await;
    let refused = next(&mut socket).await.expect("an answer");
    assert!(refused["payload"]["data"].is_null(), "{refused}");
    assert_eq!(
        refused["payload"]["errors"][0]["extensions"]["code"], "FORBIDDEN",
        "{refused}"
    );
}

#[tokio::test]
async fn bad_credentials_close_the_connection() {
    let app = spawn_demo_app().await;
    let mut socket = connect(&app, json!({ "Authorization": "Bearer forged.token.here" })).await;
    let answer = next(&mut socket).await;
    assert!(
        answer
            .as_ref()
            .is_none_or(|m| m["type"] != "connection_ack"),
        "{answer:?}"
    );
}

#[tokio::test]
async fn the_social_worker_hears_when_views_are_shared_with_them() {
    let app = spawn_demo_app().await;
    let social_worker = staff_token(&app.db, crate::views::SOCIAL_WORKER).await;
    let mut socket = connect(
        &app,
        json!({ "Authorization": format!("Bearer {social_worker}") }),
    )
    .await;
    subscribe(&mut socket, "subscription { viewsShared { viewsId } }").await;
    tokio::time::sleep(Duration::from_millis(200)).await;

    let mia = crate::views::kid(&app.db, "Mia").await;
    let token = child_token(&app.db, "Mia").await;
    crate::views::mia_submits(&app, &mia, &token).await;
    let advocate = staff_token(&app.db, crate::views::ADVOCATE).await;
    let shared = app
        .graphql_as(
            Some(&advocate),
            "mutation($c: ID!) { shareViews(caseId: $c) { viewsId } }",
            json!({ "c": mia.case }),
        )
        .await;
    let views_id = shared["data"]["shareViews"]["viewsId"].clone();
    assert!(views_id.is_string(), "{shared}");

    let message = next(&mut socket).await.expect("a notice");
    assert_eq!(
        message["payload"]["data"]["viewsShared"]["viewsId"], views_id,
        "{message}"
    );
}
