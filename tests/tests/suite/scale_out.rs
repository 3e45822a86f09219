//! Several `myvoice serve` instances on one database act as one service: they migrate an empty
//! database together safely, a lockout or a spent refresh token on one holds on the others, and
//! (PostgreSQL) a client connected to one hears what happened on another.
//!
//! Instance A is the in-process test app (so the usual helpers work), B and C are the real binary.
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use migration::{Migrator, MigratorTrait};
use serde_json::{Value, json};
use tests::app::{TestApp, child_token, error_code, spawn_demo_app, staff_token};
use tests::db::{Engine, TestDb};
use tests::process::{Server, serve_command};
use tokio_tungstenite::tungstenite::{Message, client::IntoClientRequest};

const CHILD_SIGN_IN: &str =
    "mutation($c: String!, $p: String!) { childSignIn(accessCode: $c, pin: $p) { accessToken } }";
const SIGN_IN: &str =
    "mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { refreshToken } }";
const REFRESH: &str = "mutation($t: String!) { refreshSession(refreshToken: $t) { refreshToken } }";

/// A second instance of the service on A's database.
async fn instance_b(a: &TestApp) -> Server {
    Server::start(serve_command(&a.test_db.url)).await
}

#[tokio::test]
async fn instances_started_together_on_an_empty_database_migrate_it_once() {
    let test_db = TestDb::fresh().await;
    let (b, c) = tokio::join!(
        Server::start(serve_command(&test_db.url)),
        Server::start(serve_command(&test_db.url)),
    );
    for server in [&b, &c] {
        let ready = server.client.get(server.url("/readyz")).send().await;
        assert_eq!(ready.expect("readyz").status(), 200);
    }
    let db = test_db.connect().await;
    let applied = Migrator::get_applied_migrations(&db)
        .await
        .expect("applied migrations");
    assert_eq!(
        applied.len(),
        Migrator::migrations().len(),
        "each step recorded once"
    );
    assert!(
        Migrator::get_pending_migrations(&db)
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn a_locked_access_code_is_locked_on_every_instance() {
    let a = spawn_demo_app().await;
    let b = instance_b(&a).await;
    // The demo code (it exists) and a code nobody has: five wrong tries spread over both instances.
    for code in ["DEMO-0001", "ZZZZ-9999"] {
        for attempt in 0..5 {
            let wrong = child_sign_in(&a, &b, attempt % 2, code, "1111").await;
            assert_eq!(error_code(&wrong), "UNAUTHENTICATED", "{code}: {wrong}");
        }
        for on in [0, 1] {
            let locked = child_sign_in(&a, &b, on, code, "2468").await;
            assert_eq!(
                error_code(&locked),
                "RATE_LIMITED",
                "{code} on instance {on}: {locked}"
            );
        }
    }
}

/// `childSignIn` on instance A (0) or B (1).
async fn child_sign_in(a: &TestApp, b: &Server, on: usize, code: &str, pin: &str) -> Value {
    let vars = json!({ "c": code, "p": pin });
    if on == 0 {
        a.graphql(CHILD_SIGN_IN, vars).await
    } else {
        b.graphql_as(None, CHILD_SIGN_IN, vars).await
    }
}

#[tokio::test]
async fn a_refresh_token_spent_on_one_instance_is_spent_on_all() {
    let a = spawn_demo_app().await;
    let b = instance_b(&a).await;
    let session = a
        .graphql(
            SIGN_IN,
            json!({ "e": "isro@demo.myvoice", "p": "demo-password" }),
        )
        .await;
    let first = session["data"]["signIn"]["refreshToken"].clone();
    assert!(first.is_string(), "{session}");
    let rotated = b.graphql_as(None, REFRESH, json!({ "t": first })).await;
    let second = rotated["data"]["refreshSession"]["refreshToken"].clone();
    assert!(second.is_string(), "{rotated}");
    // The first token replayed on A is refused, and that ends the session everywhere.
    let replay = a.graphql(REFRESH, json!({ "t": first })).await;
    assert_eq!(error_code(&replay), "UNAUTHENTICATED", "{replay}");
    let after = b.graphql_as(None, REFRESH, json!({ "t": second })).await;
    assert_eq!(error_code(&after), "UNAUTHENTICATED", "{after}");
}

#[tokio::test]
async fn a_client_on_one_instance_hears_what_happened_on_another() {
    if Engine::from_env() == Engine::Sqlite {
        eprintln!(
            "skipped on SQLite: live updates cross instances through PostgreSQL LISTEN/NOTIFY; \
             SQLite runs one instance"
        );
        return;
    }
    let a = spawn_demo_app().await;
    let b = instance_b(&a).await;
    let advocate = staff_token(&a.db, crate::views::ADVOCATE).await;
    let social_worker = staff_token(&a.db, crate::views::SOCIAL_WORKER).await;
    let mut alerts = subscribe_on(
        &b,
        &advocate,
        "subscription { urgentHelpRaised { urgentHelpId } }",
    )
    .await;
    let mut shares = subscribe_on(
        &b,
        &social_worker,
        "subscription { viewsShared { viewsId } }",
    )
    .await;
    // Give B a moment to register both subscriptions before anything happens on A.
    tokio::time::sleep(Duration::from_millis(300)).await;

    let mia = child_token(&a.db, "Mia").await;
    let raised = a
        .graphql_as(
            Some(&mia),
            "mutation { requestUrgentHelp { id } }",
            json!({}),
        )
        .await;
    let help_id = raised["data"]["requestUrgentHelp"]["id"].clone();
    assert!(help_id.is_string(), "{raised}");
    let alert = next(&mut alerts).await.expect("an alert on B");
    assert_eq!(
        alert["payload"]["data"]["urgentHelpRaised"]["urgentHelpId"], help_id,
        "{alert}"
    );

    let kid = crate::views::kid(&a.db, "Mia").await;
    crate::views::mia_submits(&a, &kid, &mia).await;
    let shared = a
        .graphql_as(
            Some(&advocate),
            "mutation($c: ID!) { shareViews(caseId: $c) { viewsId } }",
            json!({ "c": kid.case }),
        )
        .await;
    let views_id = shared["data"]["shareViews"]["viewsId"].clone();
    assert!(views_id.is_string(), "{shared}");
    let notice = next(&mut shares).await.expect("a notice on B");
    assert_eq!(
        notice["payload"]["data"]["viewsShared"]["viewsId"], views_id,
        "{notice}"
    );
}

type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// A graphql-transport-ws client on `server`, signed in with `token`, subscribed to `query`.
async fn subscribe_on(server: &Server, token: &str, query: &str) -> Socket {
    let mut request = format!("ws://{}/graphql/ws", server.address)
        .into_client_request()
        .unwrap();
    request.headers_mut().insert(
        "sec-websocket-protocol",
        "graphql-transport-ws".parse().unwrap(),
    );
    let (mut socket, _) = tokio_tungstenite::connect_async(request)
        .await
        .expect("websocket");
    let init = json!({ "type": "connection_init",
                       "payload": { "Authorization": format!("Bearer {token}") } });
    socket
        .send(Message::Text(init.to_string().into()))
        .await
        .unwrap();
    assert_eq!(next(&mut socket).await.unwrap()["type"], "connection_ack");
    let subscribe = json!({ "id": "1", "type": "subscribe", "payload": { "query": query } });
    socket
        .send(Message::Text(subscribe.to_string().into()))
        .await
        .unwrap();
    socket
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
