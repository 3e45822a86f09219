//! Urgent help, live. Without JavaScript the advocate sees open requests when a page loads; with it,
//! the page subscribes to `urgentHelpRaised` over graphql-ws (`/graphql/ws`, graphql-transport-ws)
//! and an alert links to the case the moment a child asks. The socket is authenticated by the
//! staff session cookie, which the server accepts only from our own pages (same origin).
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::PageError;

/// Public so the browser's socket can use the subscription (the server reads the open requests).
pub mod ops;

/// A child's open request for help now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Urgent {
    pub id: String,
    pub case_id: Option<String>,
    pub child: String,
    pub message: Option<String>,
    /// When, in words.
    pub raised: String,
}

/// Open requests for help on the advocate's cases, newest first.
#[leptos::server(prefix = "/api/staff", endpoint = "urgent-help")]
pub async fn open_urgent_help() -> Result<Vec<Urgent>, PageError> {
    server::open_urgent_help().await
}

#[cfg(feature = "ssr")]
pub mod server {
    use super::*;

    pub async fn open_urgent_help() -> Result<Vec<Urgent>, PageError> {
        let open = crate::pages::staff::api::server::exec::<ops::OpenUrgentHelp>(
            ops::open_urgent_help::Variables {},
        )
        .await?;
        Ok(open
            .open_urgent_help
            .nodes
            .into_iter()
            .map(|help| Urgent {
                id: help.id,
                case_id: help.case_id,
                child: help.child_first_name,
                message: help.message,
                raised: crate::dates::in_words(&help.raised_at),
            })
            .collect())
    }
}

/// An alert region, empty until a child asks for help while the page is open (JavaScript on).
/// `data-live="on"` says the subscription is running.
#[island]
pub fn LiveUrgentHelp() -> impl IntoView {
    let (alerts, set_alerts) = signal(Vec::<Urgent>::new());
    let (live, set_live) = signal(false);
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| socket::listen(set_alerts, set_live, 0));
    #[cfg(not(feature = "hydrate"))]
    let _ = (set_alerts, set_live);
    view! {
        <div class="live-alert" role="alert" data-live=move || if live.get() { "on" } else { "off" }>
            {move || {
                alerts
                    .get()
                    .into_iter()
                    .map(|help| {
                        let href = help
                            .case_id
                            .as_deref()
                            .and_then(super::case_href)
                            .unwrap_or_else(|| "/staff".into());
                        view! {
                            <p class="urgent-banner">
                                <strong>{format!("{} asked for help now.", help.child)}</strong>
                                " "
                                <a href=href>{format!("Open {}'s case", help.child)}</a>
                            </p>
                        }
                    })
                    .collect_view()
            }}
        </div>
    }
}

#[cfg(feature = "hydrate")]
mod socket {
    use leptos::prelude::*;
    use serde_json::{Value, json};
    use wasm_bindgen::{JsCast, closure::Closure};
    use web_sys::{MessageEvent, WebSocket};

    use graphql_client::GraphQLQuery;

    use super::ops::{UrgentHelpRaised, urgent_help_raised};
    use super::{Urgent, open_urgent_help};

    /// Reconnect a few times (e.g. after the access token ran out and a page call renewed it).
    const MAX_RETRIES: u32 = 5;

    pub fn listen(alerts: WriteSignal<Vec<Urgent>>, live: WriteSignal<bool>, attempt: u32) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let location = window.location();
        let (Ok(protocol), Ok(host)) = (location.protocol(), location.host()) else {
            return;
        };
        let scheme = if protocol == "https:" { "wss" } else { "ws" };
        let Ok(socket) = WebSocket::new_with_str(
            &format!("{scheme}://{host}/graphql/ws"),
            "graphql-transport-ws",
        ) else {
            return;
        };
        let send = {
            let socket = socket.clone();
            move |message: Value| {
                let _ = socket.send_with_str(&message.to_string());
            }
        };
        // No credentials in the payload: the server uses the staff cookie (same origin only).
        let on_open = Closure::<dyn FnMut()>::new({
            let send = send.clone();
            move || send(json!({ "type": "connection_init", "payload": {} }))
        });
        socket.set_onopen(Some(on_open.as_ref().unchecked_ref()));
        on_open.forget();

        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let Some(text) = event.data().as_string() else {
                return;
            };
            let Ok(message) = serde_json::from_str::<Value>(&text) else {
                return;
            };
            match message["type"].as_str() {
                Some("connection_ack") => {
                    let payload = UrgentHelpRaised::build_query(urgent_help_raised::Variables {});
                    send(json!({ "id": "urgent", "type": "subscribe", "payload": payload }));
                    live.try_set(true);
                }
                Some("ping") => send(json!({ "type": "pong" })),
                Some("next") => {
                    if let Ok(raised) = serde_json::from_value::<urgent_help_raised::ResponseData>(
                        message["payload"]["data"].clone(),
                    ) {
                        let id = raised.urgent_help_raised.urgent_help_id;
                        leptos::task::spawn_local(async move {
                            let Ok(open) = open_urgent_help().await else {
                                return;
                            };
                            if let Some(help) = open.into_iter().find(|h| h.id == id) {
                                alerts.try_update(|list| {
                                    if !list.iter().any(|h| h.id == help.id) {
                                        list.insert(0, help);
                                    }
                                });
                            }
                        });
                    }
                }
                _ => {}
            }
        });
        socket.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();

        let on_close = Closure::<dyn FnMut()>::new(move || {
            if live.try_set(false).is_some() || attempt >= MAX_RETRIES {
                // The page is gone (signal disposed) or we gave up: stay closed.
                return;
            }
            set_timeout(
                move || {
                    // A page call first, so an expired access token in the cookie is renewed.
                    leptos::task::spawn_local(async move {
                        if open_urgent_help().await.is_ok() {
                            listen(alerts, live, attempt + 1);
                        }
                    });
                },
                std::time::Duration::from_secs(3 * u64::from(attempt + 1)),
            );
        });
        socket.set_onclose(Some(on_close.as_ref().unchecked_ref()));
        on_close.forget();

        let socket = send_wrapper::SendWrapper::new(socket);
        on_cleanup(move || {
            let socket = socket.take();
            socket.set_onclose(None);
            let _ = socket.close();
        });
    }
}
