//! One graphql-ws connection: credentials from `connection_init`, then the schema's subscriptions,
//! until the client leaves or the viewer's session ends. Sessions end when a member of staff is
//! deactivated, a child's code is replaced or an integrator's key revoked: the events bus says so
//! at once (from any instance), and every connection also re-checks its session now and then, in
//! case a notice was lost. The server then closes the socket with 4403, graphql-transport-ws's
//! "Forbidden": a client that reconnects must sign in again.
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use async_graphql::ErrorExtensions;
use async_graphql::futures_util::{SinkExt, StreamExt};
use async_graphql_axum::{GraphQLProtocol, GraphQLWebSocket};
use axum::extract::ws::{CloseFrame, Message, WebSocket};
use sea_orm::DatabaseConnection;
use tokio::sync::{broadcast, oneshot};

use crate::auth::{Authenticator, Session, SessionRegistry, session_from_init_payload};
use crate::events::Event;
use crate::web::ApiState;

/// graphql-transport-ws: "Forbidden".
const SESSION_ENDED: u16 = 4403;
/// How often an open connection checks its session in the database, in case a notice was lost.
const RECHECK_EVERY: Duration = Duration::from_secs(60);

/// Serve one connection. `prepare` may add credentials to the `connection_init` payload (the
/// staff pages' cookie, see `web`).
pub async fn serve<F>(socket: WebSocket, protocol: GraphQLProtocol, state: ApiState, prepare: F)
where
    F: FnOnce(serde_json::Value) -> serde_json::Value + Send + 'static,
{
    let (mut sink, stream) = socket.split();
    // Listening starts before the credentials are checked, so an end published in between is heard.
    let heard = state.events.subscribe();
    let (established, session) = oneshot::channel::<Session>();
    let ended = Arc::new(AtomicBool::new(false));
    let watch = {
        let (db, sessions, ended) = (
            state.db.clone(),
            state.events.sessions().clone(),
            ended.clone(),
        );
        async move {
            until_session_ends(session, heard, db, sessions).await;
            ended.store(true, Ordering::SeqCst);
        }
    };
    let (schema, events, db, tokens) = (state.schema, state.events, state.db, state.tokens);
    // When the session ends the client's side of the stream ends, and with it the connection.
    GraphQLWebSocket::new_with_pair(&mut sink, stream.take_until(watch), schema, protocol)
        .on_connection_init(move |payload| async move {
            let payload = prepare(payload);
            let auth = Authenticator {
                tokens: &tokens,
                sessions: events.sessions(),
                db: &db,
            };
            let session = session_from_init_payload(&payload, auth)
                .await
                .map_err(|e| e.extend())?;
            let mut data = async_graphql::Data::default();
            data.insert(session.viewer.clone());
            let _ = established.send(session);
            Ok(data)
        })
        .serve()
        .await;
    if ended.load(Ordering::SeqCst) {
        let close = CloseFrame {
            code: SESSION_ENDED,
            reason: "Session ended".into(),
        };
        let _ = sink.send(Message::Close(Some(close))).await;
    }
}

/// Returns when the connection's session has ended; never, when it was not established.
async fn until_session_ends(
    session: oneshot::Receiver<Session>,
    mut heard: broadcast::Receiver<Event>,
    db: DatabaseConnection,
    sessions: SessionRegistry,
) {
    let Ok(session) = session.await else {
        return std::future::pending().await;
    };
    let Some(person) = session.viewer.person() else {
        return std::future::pending().await;
    };
    let mut recheck = tokio::time::interval(RECHECK_EVERY);
    recheck.tick().await;
    let mut listening = true;
    loop {
        let check = tokio::select! {
            event = heard.recv(), if listening => match event {
                Ok(Event::SessionsEnded { person: ended, .. }) if ended == person => return,
                Ok(_) => false,
                // Notices were missed: one of them may have been this one.
                Err(broadcast::error::RecvError::Lagged(_)) => true,
                Err(broadcast::error::RecvError::Closed) => {
                    listening = false;
                    false
                }
            },
            _ = recheck.tick() => true,
        };
        // A database that does not answer keeps the connection: the next check decides.
        if check && !session.still_current(&db, &sessions).await.unwrap_or(true) {
            return;
        }
    }
}
