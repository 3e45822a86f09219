//! How notices are delivered, and the clock the schedules read (tests move it instead of waiting).
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

use chrono::{DateTime, Utc};

/// Where e-mail goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MailSettings {
    /// A mail server, e.g. `smtp://relay.example:587?tls=required` or `smtps://user:pass@host`
    /// (lettre's URL form). The password never reaches a log.
    Smtp(SmtpUrl),
    /// Demo and development: each message is written as a `.eml` file here and listed on the
    /// admin's notifications page; nobody receives it.
    Disk(PathBuf),
    /// No mail server set: e-mail notices wait in the outbox (the admin page shows them waiting)
    /// and go out once one is set. Webhooks still go.
    Off,
}

/// An SMTP URL, checked when the server starts.
#[derive(Clone, PartialEq, Eq)]
pub struct SmtpUrl(String);

impl SmtpUrl {
    pub fn parse(raw: &str) -> Result<Self, String> {
        use lettre::{AsyncSmtpTransport, Tokio1Executor};
        AsyncSmtpTransport::<Tokio1Executor>::from_url(raw.trim())
            .map(|_| Self(raw.trim().to_string()))
            .map_err(|e| {
                format!(
                    "MYVOICE_SMTP_URL is not a mail server address ({e}). Write it like \
                     smtp://relay.example.gov.uk:587?tls=required or smtps://user:password@host"
                )
            })
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for SmtpUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Up to the host; credentials stay out of logs.
        let shown = match self.0.split_once('@') {
            Some((scheme_and_user, host)) => {
                let scheme = scheme_and_user.split("://").next().unwrap_or("smtp");
                format!("{scheme}://***@{host}")
            }
            None => self.0.clone(),
        };
        f.write_str(&shown)
    }
}

#[derive(Debug, Clone)]
pub struct NotifySettings {
    pub mail: MailSettings,
    /// The From address of every e-mail.
    pub mail_from: String,
    /// How often the worker looks for notices to send and requests to escalate.
    pub poll: Duration,
    /// Urgent help not acknowledged by the advocate in this long goes to the duty contacts.
    pub escalate_after: chrono::Duration,
    /// An outcome not acknowledged in this many working days (Monday to Friday) is chased once.
    pub chase_after_working_days: u32,
    pub clock: Clock,
}

impl Default for NotifySettings {
    fn default() -> Self {
        Self {
            mail: MailSettings::Off,
            mail_from: "myvoice <no-reply@myvoice.invalid>".into(),
            poll: Duration::from_secs(2),
            escalate_after: chrono::Duration::minutes(15),
            chase_after_working_days: 3,
            clock: Clock::default(),
        }
    }
}

/// The time as the schedules see it: the real time plus an offset that only tests move forward.
#[derive(Debug, Clone, Default)]
pub struct Clock(Arc<AtomicI64>);

impl Clock {
    pub fn now(&self) -> DateTime<Utc> {
        Utc::now() + chrono::Duration::milliseconds(self.0.load(Ordering::SeqCst))
    }

    /// Move the clock forward (tests: "15 minutes later" without waiting 15 minutes).
    pub fn advance(&self, by: chrono::Duration) {
        self.0.fetch_add(by.num_milliseconds(), Ordering::SeqCst);
    }
}

/// `myvoice serve`'s notice options.
#[derive(Debug, clap::Args)]
pub struct NotifyArgs {
    /// Mail server for notices to staff, e.g. `smtp://relay.example.gov.uk:587?tls=required` or
    /// `smtps://user:password@host:465`. Unset: with --demo mail is written to MYVOICE_MAIL_DIR;
    /// otherwise e-mail notices wait until it is set.
    #[arg(long, env = "MYVOICE_SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<String>,
    /// Where the demo keeps the e-mail it would have sent (one `.eml` file per message).
    #[arg(long, env = "MYVOICE_MAIL_DIR", default_value = "data/mail")]
    pub mail_dir: PathBuf,
    /// The From address of notices.
    #[arg(
        long,
        env = "MYVOICE_MAIL_FROM",
        default_value = "myvoice <no-reply@myvoice.invalid>"
    )]
    pub mail_from: String,
    /// Minutes before urgent help the advocate has not acknowledged goes to the duty contacts.
    #[arg(
        long,
        env = "MYVOICE_URGENT_ESCALATE_MINUTES",
        default_value_t = 15,
        value_parser = clap::value_parser!(u32).range(1..=240)
    )]
    pub urgent_escalate_minutes: u32,
    /// Working days before an agency that has not acknowledged an outcome is reminded.
    #[arg(
        long,
        env = "MYVOICE_OUTCOME_CHASE_DAYS",
        default_value_t = 3,
        value_parser = clap::value_parser!(u32).range(1..=30)
    )]
    pub outcome_chase_days: u32,
}

impl NotifyArgs {
    pub fn settings(&self, demo: bool) -> Result<NotifySettings, String> {
        let mail = match self.smtp_url.as_deref().map(str::trim) {
            Some(url) if !url.is_empty() => MailSettings::Smtp(SmtpUrl::parse(url)?),
            _ if demo => MailSettings::Disk(self.mail_dir.clone()),
            _ => MailSettings::Off,
        };
        self.mail_from
            .parse::<lettre::message::Mailbox>()
            .map_err(|e| format!("MYVOICE_MAIL_FROM is not an e-mail address: {e}"))?;
        Ok(NotifySettings {
            mail,
            mail_from: self.mail_from.clone(),
            escalate_after: chrono::Duration::minutes(self.urgent_escalate_minutes.into()),
            chase_after_working_days: self.outcome_chase_days,
            ..NotifySettings::default()
        })
    }
}
