//! The load generator: N clients, each sending its next request as soon as the last one answered,
//! for a fixed time, over real HTTP. Every latency is kept (a few hundred thousand numbers at most),
//! so percentiles are exact.
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// One GraphQL POST: the bearer token and the JSON body.
#[derive(Debug, Clone)]
pub struct Req {
    pub token: String,
    pub body: String,
}

/// What one client sends: the same request again and again, or each of a list once (writes that
/// can only happen once, such as submitting a draft).
#[derive(Debug)]
pub struct ClientPlan {
    reqs: Vec<Req>,
    repeat: bool,
    next: AtomicUsize,
}

impl ClientPlan {
    pub fn repeat(req: Req) -> Self {
        Self {
            reqs: vec![req],
            repeat: true,
            next: AtomicUsize::new(0),
        }
    }

    pub fn each(reqs: Vec<Req>) -> Self {
        Self {
            reqs,
            repeat: false,
            next: AtomicUsize::new(0),
        }
    }

    fn next(&self) -> Option<&Req> {
        if self.repeat {
            return self.reqs.first();
        }
        self.reqs.get(self.next.fetch_add(1, Ordering::Relaxed))
    }
}

pub type Plan = Arc<Vec<ClientPlan>>;

/// What a run of one scenario saw.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    pub requests: u64,
    pub errors: u64,
    pub first_error: Option<String>,
    pub elapsed: Duration,
    /// Every request's latency in microseconds, sorted.
    pub latencies_us: Vec<u32>,
    /// A client used up its list of one-time requests before the time was up.
    pub ran_dry: bool,
}

impl Outcome {
    pub fn per_second(&self) -> f64 {
        self.requests as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }

    /// The latency below which `q` (0 to 1) of the requests finished, in milliseconds.
    pub fn percentile_ms(&self, q: f64) -> f64 {
        if self.latencies_us.is_empty() {
            return 0.0;
        }
        let rank = ((q * self.latencies_us.len() as f64).ceil() as usize)
            .clamp(1, self.latencies_us.len());
        f64::from(self.latencies_us[rank - 1]) / 1000.0
    }
}

/// An HTTP client with a connection for each load client, kept alive between requests.
pub fn http_client(clients: usize) -> reqwest::Client {
    api::startup::install_tls();
    reqwest::Client::builder()
        .pool_max_idle_per_host(clients)
        .tcp_nodelay(true)
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap_or_default()
}

/// Run every client of `plan` against `url` (a GraphQL endpoint) for `duration`.
pub async fn drive(http: &reqwest::Client, url: &str, plan: &Plan, duration: Duration) -> Outcome {
    let start = Instant::now();
    let deadline = start + duration;
    let tasks: Vec<_> = (0..plan.len())
        .map(|client| {
            let (http, url, plan) = (http.clone(), url.to_owned(), plan.clone());
            tokio::spawn(async move { run_client(&http, &url, &plan[client], deadline).await })
        })
        .collect();
    let mut total = Outcome::default();
    for task in tasks {
        let Ok(one) = task.await else {
            total.errors += 1;
            continue;
        };
        total.requests += one.requests;
        total.errors += one.errors;
        total.first_error = total.first_error.or(one.first_error);
        total.ran_dry |= one.ran_dry;
        total.latencies_us.extend(one.latencies_us);
    }
    total.elapsed = start.elapsed();
    total.latencies_us.sort_unstable();
    total
}

async fn run_client(
    http: &reqwest::Client,
    url: &str,
    plan: &ClientPlan,
    deadline: Instant,
) -> Outcome {
    let mut out = Outcome::default();
    while Instant::now() < deadline {
        let Some(req) = plan.next() else {
            out.ran_dry = true;
            break;
        };
        let sent = Instant::now();
        let result = http
            .post(url)
            .bearer_auth(&req.token)
            .header("content-type", "application/json")
            .body(req.body.clone())
            .send()
            .await;
        let failure = match result {
            Ok(response) => {
                let status = response.status();
                match response.bytes().await {
                    Ok(body) if status.is_success() && !has_errors(&body) => None,
                    Ok(body) => Some(format!("HTTP {status}: {}", String::from_utf8_lossy(&body))),
                    Err(e) => Some(format!("reading the answer: {e}")),
                }
            }
            Err(e) => Some(format!("sending: {e}")),
        };
        let micros = u32::try_from(sent.elapsed().as_micros()).unwrap_or(u32::MAX);
        out.requests += 1;
        out.latencies_us.push(micros);
        if let Some(failure) = failure {
            out.errors += 1;
            out.first_error
                .get_or_insert_with(|| failure.chars().take(400).collect());
        }
    }
    out
}

/// A GraphQL answer with an `errors` member (checked on the bytes: parsing every answer would load
/// the client more than the server).
fn has_errors(body: &[u8]) -> bool {
    body.windows(9).any(|w| w == b"\"errors\":")
}
