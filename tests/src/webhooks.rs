//! A real webhook receiver for tests: an HTTP server that checks each delivery's signature with
//! the endpoint's secret, on its own (HMAC-SHA256 over `<t>.<body>`), and keeps what arrived. It
//! can be told to fail the next deliveries, to see retries.
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use hmac::{Hmac, Mac};
use serde_json::Value;
use sha2::Sha256;

#[derive(Debug, Clone)]
pub struct Delivery {
    pub delivery_id: String,
    pub event: String,
    pub body: Value,
    /// The signature matched the secret and the timestamp was recent.
    pub verified: bool,
}

#[derive(Default)]
struct Inner {
    secret: String,
    fail_next: usize,
    failed: usize,
    received: Vec<Delivery>,
}

#[derive(Clone)]
pub struct Receiver {
    pub address: SocketAddr,
    inner: Arc<Mutex<Inner>>,
}

impl Receiver {
    pub async fn start() -> Receiver {
        let inner = Arc::new(Mutex::new(Inner::default()));
        let app = axum::Router::new()
            .route("/hooks", axum::routing::post(receive))
            .with_state(inner.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind receiver");
        let address = listener.local_addr().expect("address");
        tokio::spawn(async move { axum::serve(listener, app).await });
        Receiver { address, inner }
    }

    pub fn url(&self) -> String {
        format!("http://{}/hooks", self.address)
    }

    pub fn set_secret(&self, secret: &str) {
        self.inner.lock().expect("lock").secret = secret.to_string();
    }

    /// Answer 500 to the next `n` deliveries.
    pub fn fail_next(&self, n: usize) {
        self.inner.lock().expect("lock").fail_next = n;
    }

    pub fn failed(&self) -> usize {
        self.inner.lock().expect("lock").failed
    }

    pub fn received(&self) -> Vec<Delivery> {
        self.inner.lock().expect("lock").received.clone()
    }

    pub async fn wait_for(&self, count: usize) -> Vec<Delivery> {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let got = self.received();
            if got.len() >= count {
                return got;
            }
            assert!(
                Instant::now() < deadline,
                "expected {count} webhooks, got {}: {:?}",
                got.len(),
                got.iter().map(|d| &d.event).collect::<Vec<_>>()
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

fn verify(secret: &str, header: &str, body: &[u8]) -> bool {
    let mut t = None;
    let mut v1 = None;
    for part in header.split(',') {
        match part.split_once('=') {
            Some(("t", value)) => t = value.parse::<i64>().ok(),
            Some(("v1", value)) => v1 = Some(value.to_string()),
            _ => {}
        }
    }
    let (Some(t), Some(v1)) = (t, v1) else {
        return false;
    };
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("key");
    mac.update(format!("{t}.").as_bytes());
    mac.update(body);
    let expected: String = mac
        .finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    // The test moves myvoice's clock forward, so only a timestamp from the past is refused.
    expected == v1 && t >= chrono::Utc::now().timestamp() - 300
}

async fn receive(
    State(inner): State<Arc<Mutex<Inner>>>,
    headers: HeaderMap,
    body: Bytes,
) -> StatusCode {
    let mut inner = inner.lock().expect("lock");
    if inner.fail_next > 0 {
        inner.fail_next -= 1;
        inner.failed += 1;
        return StatusCode::INTERNAL_SERVER_ERROR;
    }
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string()
    };
    let verified = verify(&inner.secret, &header("myvoice-signature"), &body);
    inner.received.push(Delivery {
        delivery_id: header("myvoice-delivery"),
        event: header("myvoice-event"),
        body: serde_json::from_slice(&body).unwrap_or(Value::Null),
        verified,
    });
    StatusCode::NO_CONTENT
}
