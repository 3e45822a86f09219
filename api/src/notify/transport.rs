//! Sending one notice: e-mail over SMTP (or to disk in the demo), and signed webhooks.
use std::path::PathBuf;
use std::time::Duration;

use hmac::{Hmac, Mac};
use lettre::message::{Mailbox, header::ContentType};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use sha2::Sha256;

use super::settings::{MailSettings, NotifySettings};

/// Why a delivery failed; kept on the notice for the delivery log, then retried.
pub(super) type SendError = String;

pub(super) enum Mailer {
    Smtp {
        transport: AsyncSmtpTransport<Tokio1Executor>,
        from: Mailbox,
    },
    Disk {
        dir: PathBuf,
        from: Mailbox,
    },
}

impl Mailer {
    /// None when no mail server is set: e-mail notices then wait.
    pub fn from_settings(settings: &NotifySettings) -> Result<Option<Self>, String> {
        let from: Mailbox = settings
            .mail_from
            .parse()
            .map_err(|e| format!("MYVOICE_MAIL_FROM is not an e-mail address: {e}"))?;
        Ok(match &settings.mail {
            MailSettings::Off => None,
            MailSettings::Disk(dir) => Some(Self::Disk {
                dir: dir.clone(),
                from,
            }),
            MailSettings::Smtp(url) => {
                let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url.expose())
                    .map_err(|e| e.to_string())?
                    .timeout(Some(Duration::from_secs(30)))
                    .build();
                Some(Self::Smtp { transport, from })
            }
        })
    }

    pub async fn send(
        &self,
        notice_id: i32,
        to: &str,
        subject: &str,
        body: String,
    ) -> Result<(), SendError> {
        let from = match self {
            Self::Smtp { from, .. } | Self::Disk { from, .. } => from.clone(),
        };
        let to: Mailbox = to
            .parse()
            .map_err(|e| format!("not an e-mail address: {e}"))?;
        let message = Message::builder()
            .from(from)
            .to(to)
            .subject(subject)
            .header(ContentType::TEXT_PLAIN)
            .body(body)
            .map_err(|e| e.to_string())?;
        match self {
            Self::Smtp { transport, .. } => transport
                .send(message)
                .await
                .map(|_| ())
                .map_err(|e| e.to_string()),
            Self::Disk { dir, .. } => {
                tokio::fs::create_dir_all(dir)
                    .await
                    .map_err(|e| e.to_string())?;
                // Named by notice, so a retry overwrites rather than adds a copy.
                tokio::fs::write(
                    dir.join(format!("notice-{notice_id}.eml")),
                    message.formatted(),
                )
                .await
                .map_err(|e| e.to_string())
            }
        }
    }
}

/// The signature header's value: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. A
/// receiver recomputes it with the endpoint's secret and refuses old timestamps (replays).
pub fn signature(secret: &str, timestamp: i64, body: &[u8]) -> String {
    // HMAC takes a key of any length, so this cannot fail.
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes())
        .unwrap_or_else(|_| unreachable!("HMAC accepts any key length"));
    mac.update(format!("{timestamp}.").as_bytes());
    mac.update(body);
    let digest = mac.finalize().into_bytes();
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("t={timestamp},v1={hex}")
}

pub(super) fn http_client() -> reqwest::Client {
    // TLS by rustls with the ring provider, installed at start-up (`startup.rs`).
    reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap_or_else(|_| reqwest::Client::new())
}

/// POST the body, signed; any 2xx is delivered.
pub(super) async fn post_webhook(
    client: &reqwest::Client,
    url: &str,
    secret: &str,
    delivery_id: &str,
    event: &str,
    body: Vec<u8>,
    timestamp: i64,
) -> Result<(), SendError> {
    let response = client
        .post(url)
        .header("content-type", "application/json")
        .header("myvoice-delivery", delivery_id)
        .header("myvoice-event", event)
        .header("myvoice-signature", signature(secret, timestamp, &body))
        .body(body)
        .send()
        .await
        .map_err(|e| format!("could not reach the endpoint: {e}"))?;
    if response.status().is_success() {
        Ok(())
    } else {
        Err(format!("the endpoint answered HTTP {}", response.status()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signature_covers_the_timestamp_and_the_body() {
        let a = signature("whsec_k", 1_700_000_000, b"{\"a\":1}");
        assert!(a.starts_with("t=1700000000,v1="), "{a}");
        assert_eq!(a.len(), "t=1700000000,v1=".len() + 64);
        assert_ne!(a, signature("whsec_k", 1_700_000_001, b"{\"a\":1}"));
        assert_ne!(a, signature("whsec_k", 1_700_000_000, b"{\"a\":2}"));
        assert_ne!(a, signature("whsec_other", 1_700_000_000, b"{\"a\":1}"));
    }
}
