//! Sessions end at once (issue 17): deactivating a member of staff refuses their access token and
//! refresh token straight away and closes their open live socket; replacing a child's code does the
//! same for the child's token and socket. On PostgreSQL another instance hears of it too.
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use sea_orm::DbBackend;
use serde_json::{Value, json};
use tests::app::{TestApp, error_code, spawn_demo_app, staff_by_email, staff_token};
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
use tokio_tungstenite::tungstenite::{Message, client::IntoClientRequest};

type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

const ME: &str = "{ me { kind name } }";
const SIGN_IN: &str = "mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { accessToken refreshToken } }";
const REFRESH: &str = "mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }";
const CHILD_SIGN_IN: &str =
    "mutation($c: String!, $p: String!) { childSignIn(accessCode: $c, pin: $p) { accessToken } }";
const ISSUE: &str = "mutation($id: ID!) { issueChildAccess(caseId: $id) { accessCode pin } }";

fn text(value: &Value) -> String {
    value
        .as_str()
        .unwrap_or_else(|| panic!("not a string: {value}"))
        .to_owned()
}

/// A graphql-transport-ws connection acknowledged for `token`, subscribed to `subscription`.
async fn live(address: std::net::SocketAddr, token: &str, subscription: &str) -> Socket {
    let mut request = format!("ws://{address}/graphql/ws")
        .into_client_request()
        .expect("request");
    request.headers_mut().insert(
        "sec-websocket-protocol",
        "graphql-transport-ws".parse().expect("header"),
    );
    let (mut socket, _) = tokio_tungstenite::connect_async(request)
        .await
        .expect("websocket");
    let send = |message: Value| Message::Text(message.to_string().into());
    let init = json!({ "type": "connection_init",
                       "payload": { "Authorization": format!("Bearer {token}") } });
    socket.send(send(init)).await.expect("init");
    let ack = next_text(&mut socket).await;
    assert_eq!(ack["type"], "connection_ack", "{ack}");
    let subscribe = json!({ "id": "1", "type": "subscribe", "payload": { "query": subscription } });
    socket.send(send(subscribe)).await.expect("subscribe");
    socket
}

async fn next_text(socket: &mut Socket) -> Value {
    loop {
        match tokio::time::timeout(Duration::from_secs(5), socket.next()).await {
            Ok(Some(Ok(Message::Text(text)))) => {
                return serde_json::from_str(&text).expect("JSON");
            }
            Ok(Some(Ok(Message::Ping(_) | Message::Pong(_)))) => continue,
            other => panic!("no message: {other:?}"),
        }
    }
}

/// The socket is closed by the server within 5 s: 4403 with a reason, and nothing after.
async fn closed_for_session_end(socket: &mut Socket) {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    loop {
        match tokio::time::timeout_at(deadline, socket.next()).await {
            Ok(Some(Ok(Message::Close(Some(frame))))) => {
                assert_eq!(frame.code, CloseCode::from(4403), "{frame:?}");
                assert_eq!(frame.reason.as_str(), "Session ended");
                return;
            }
            // Errors to the child's refused subscription come first; skip them.
            Ok(Some(Ok(Message::Text(_) | Message::Ping(_) | Message::Pong(_)))) => continue,
            other => panic!("the socket was not closed for the session's end: {other:?}"),
        }
    }
}

fn is_postgres(app: &TestApp) -> bool {
    app.db.get_database_backend() == DbBackend::Postgres
}

/// Another instance answers `token` with UNAUTHENTICATED within a moment (the notice crosses by
/// LISTEN/NOTIFY).
async fn refused_on(app: &TestApp, address: std::net::SocketAddr, token: &str) {
    for _ in 0..50 {
        let answer: Value = app
            .client
            .post(format!("http://{address}/graphql"))
            .bearer_auth(token)
            .json(&json!({ "query": ME }))
            .send()
            .await
            .expect("POST")
            .json()
            .await
            .expect("JSON");
        if answer["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED" {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the other instance still takes the token");
}

#[tokio::test]
async fn deactivating_staff_ends_their_sessions_and_live_socket_at_once() {
    let app = spawn_demo_app().await;
    let second = if is_postgres(&app) {
        Some(app.another_instance().await)
    } else {
        None
    };
    let session = app
        .graphql(
            SIGN_IN,
            json!({ "e": "advocate@demo.myvoice", "p": "demo-password" }),
        )
        .await;
    let access = text(&session["data"]["signIn"]["accessToken"]);
    let refresh = text(&session["data"]["signIn"]["refreshToken"]);
    let me = app.graphql_as(Some(&access), ME, json!({})).await;
    assert_eq!(me["data"]["me"]["kind"], "STAFF", "{me}");
    if let Some(address) = second {
        // The other instance has the session in mind already.
        let there: Value = app
            .client
            .post(format!("http://{address}/graphql"))
            .bearer_auth(&access)
            .json(&json!({ "query": ME }))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(there["data"]["me"]["kind"], "STAFF", "{there}");
    }
    let mut socket = live(
        app.address,
        &access,
        "subscription { urgentHelpRaised { urgentHelpId } }",
    )
    .await;
    tokio::time::sleep(Duration::from_millis(200)).await;

    let admin = staff_token(&app.db, "admin@demo.myvoice").await;
    let advocate = staff_by_email(&app.db, "advocate@demo.myvoice").await;
    let id = api::graphql::ids::NodeKind::StaffUser.id(advocate.id).0;
    let done = app
        .graphql_as(
            Some(&admin),
            "mutation($id: ID!) { deactivateStaff(id: $id) { active } }",
            json!({ "id": id }),
        )
        .await;
    assert_eq!(done["data"]["deactivateStaff"]["active"], false, "{done}");

    let refused = app.graphql_as(Some(&access), ME, json!({})).await;
    assert_eq!(error_code(&refused), "UNAUTHENTICATED", "{refused}");
    let refreshed = app.graphql(REFRESH, json!({ "t": refresh })).await;
    assert_eq!(error_code(&refreshed), "UNAUTHENTICATED", "{refreshed}");
    closed_for_session_end(&mut socket).await;
    if let Some(address) = second {
        refused_on(&app, address, &access).await;
    }
}

#[tokio::test]
async fn a_new_code_ends_the_childs_sessions_and_live_socket_at_once() {
    let app = spawn_demo_app().await;
    let signed = app
        .graphql(CHILD_SIGN_IN, json!({ "c": "DEMO-0001", "p": "2468" }))
        .await;
    let old = text(&signed["data"]["childSignIn"]["accessToken"]);
    let me = app.graphql_as(Some(&old), ME, json!({})).await;
    assert_eq!(me["data"]["me"]["name"], "Mia", "{me}");
    // A child may not subscribe to anything, but the connection itself is theirs.
    let mut socket = live(
        app.address,
        &old,
        "subscription { caseloadChanged { caseId } }",
    )
    .await;

    let advocate = staff_token(&app.db, "advocate@demo.myvoice").await;
    let case = {
        let query = "{ myCaseload(first: 10) { edges { node { id child { preferredName } } } } }";
        let caseload = app.graphql_as(Some(&advocate), query, json!({})).await;
        let edges = caseload["data"]["myCaseload"]["edges"].as_array().cloned();
        let mia = edges
            .unwrap_or_default()
            .into_iter()
            .find(|e| e["node"]["child"]["preferredName"] == "Mia")
            .expect("Mia's case");
        text(&mia["node"]["id"])
    };
    let slip = app
        .graphql_as(Some(&advocate), ISSUE, json!({ "id": case }))
        .await;
    let slip = &slip["data"]["issueChildAccess"];

    let refused = app.graphql_as(Some(&old), ME, json!({})).await;
    assert_eq!(error_code(&refused), "UNAUTHENTICATED", "{refused}");
    closed_for_session_end(&mut socket).await;
    // The new slip works, and its token too.
    let vars = json!({ "c": text(&slip["accessCode"]), "p": text(&slip["pin"]) });
    let signed = app.graphql(CHILD_SIGN_IN, vars).await;
    let new = text(&signed["data"]["childSignIn"]["accessToken"]);
    let me = app.graphql_as(Some(&new), ME, json!({})).await;
    assert_eq!(me["data"]["me"]["name"], "Mia", "{me}");
}

#[tokio::test]
async fn a_known_session_costs_no_statement_and_a_new_one_costs_one() {
    let app = spawn_demo_app().await;
    let advocate = staff_token(&app.db, "advocate@demo.myvoice").await;
    let caseload = "{ myCaseload(first: 5) { totalCount } }";
    let (first, _) = app
        .statements_during(app.graphql_as(Some(&advocate), caseload, json!({})))
        .await;
    let (again, _) = app
        .statements_during(app.graphql_as(Some(&advocate), caseload, json!({})))
        .await;
    // The first request in a while reads the session's epoch (auth::current); later ones do not.
    assert_eq!(first, again + 1, "first {first}, then {again}");
}
