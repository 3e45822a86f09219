//! Settings, parsed once at the edge: a value of these types is always valid.
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

/// Where the embedded database and development secrets live when nothing else is configured.
pub const DATA_DIR: &str = "data";
const DEFAULT_SQLITE_FILE: &str = "data/myvoice.db";
const JWT_SECRET_FILE: &str = "jwt-secret";
const MIN_SECRET_BYTES: usize = 32;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// `--demo` / `--dev`: missing secrets are generated and kept under ./data/.
    Development,
    /// Everything secret must be configured explicitly.
    Production,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error(
        "MYVOICE_DATABASE_URL {0:?} is not a database URL: use sqlite://path/to/file.db or postgres://user@host:5432/dbname"
    )]
    BadDatabaseUrl(String),
    #[error(
        "cannot create the data folder {path}: {source}. Check the folder's permissions or set MYVOICE_DATABASE_URL"
    )]
    DataDir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "MYVOICE_JWT_SECRET is not set. Set it to a random value of at least {MIN_SECRET_BYTES} bytes (e.g. `openssl rand -hex 32`), or run with --demo/--dev for a generated one"
    )]
    MissingJwtSecret,
    #[error(
        "MYVOICE_JWT_SECRET is too short: use at least {MIN_SECRET_BYTES} bytes (e.g. `openssl rand -hex 32`)"
    )]
    ShortJwtSecret,
    #[error(
        "MYVOICE_PUBLIC_URL {0:?} is not a public address: use the scheme and host people type, e.g. https://myvoice.example.gov.uk"
    )]
    BadPublicUrl(String),
    #[error(
        "MYVOICE_METRICS_TOKEN is too short: use at least {MIN_SECRET_BYTES} bytes (e.g. `openssl rand -hex 32`)"
    )]
    ShortMetricsToken,
    /// A notice setting (mail server, From address, schedule) that cannot work; says which.
    #[error("{0}")]
    Notify(String),
    #[error("cannot read or write the development JWT secret {path}: {source}")]
    SecretFile {
        path: PathBuf,
        source: std::io::Error,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// A database URL whose engine we support.
#[derive(Clone, PartialEq, Eq)]
pub struct DatabaseUrl {
    url: String,
    engine: Engine,
}

impl DatabaseUrl {
    pub fn parse(raw: &str) -> Result<Self, ConfigError> {
        let raw = raw.trim();
        let bad = || ConfigError::BadDatabaseUrl(redact(raw));
        let (engine, rest) = if let Some(rest) = raw.strip_prefix("sqlite:") {
            (Engine::Sqlite, rest.trim_start_matches("//"))
        } else if let Some(rest) = raw
            .strip_prefix("postgres://")
            .or_else(|| raw.strip_prefix("postgresql://"))
        {
            (Engine::Postgres, rest)
        } else {
            return Err(bad());
        };
        let target = rest.split('?').next().unwrap_or_default();
        if target.is_empty() || target.chars().any(char::is_whitespace) {
            return Err(bad());
        }
        Ok(Self {
            url: raw.to_owned(),
            engine,
        })
    }

    /// The flag or environment value, else the embedded SQLite file under ./data/ (folder created).
    pub fn resolve(configured: Option<&str>) -> Result<Self, ConfigError> {
        match configured.filter(|s| !s.trim().is_empty()) {
            Some(raw) => Self::parse(raw),
            None => {
                ensure_dir(Path::new(DATA_DIR))?;
                Self::parse(&format!("sqlite://{DEFAULT_SQLITE_FILE}?mode=rwc"))
            }
        }
    }

    pub fn engine(&self) -> Engine {
        self.engine
    }

    pub fn expose(&self) -> &str {
        &self.url
    }

    /// The SQLite file this URL names, when it is a file (not `:memory:`).
    pub fn sqlite_file(&self) -> Option<PathBuf> {
        if self.engine != Engine::Sqlite {
            return None;
        }
        let rest = self.url.strip_prefix("sqlite:")?.trim_start_matches("//");
        let path = rest.split('?').next()?;
        (path != ":memory:" && !path.is_empty()).then(|| PathBuf::from(path))
    }
}

impl std::fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&redact(&self.url))
    }
}

impl std::fmt::Display for DatabaseUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&redact(&self.url))
    }
}

/// Hide a password in `scheme://user:password@host` so it never reaches a log line.
fn redact(url: &str) -> String {
    match (url.find("://"), url.find('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let userinfo = &url[scheme_end + 3..at];
            match userinfo.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme_end + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

/// The key that signs tokens. Never printed.
#[derive(Clone)]
pub struct JwtSecret(Vec<u8>);

impl JwtSecret {
    pub fn parse(raw: &str) -> Result<Self, ConfigError> {
        if raw.len() < MIN_SECRET_BYTES {
            return Err(ConfigError::ShortJwtSecret);
        }
        Ok(Self(raw.as_bytes().to_vec()))
    }

    /// The configured secret; in development, one generated once and kept under ./data/.
    pub fn resolve(
        configured: Option<&str>,
        mode: Mode,
        db: &DatabaseUrl,
    ) -> Result<Self, ConfigError> {
        if let Some(raw) = configured.filter(|s| !s.is_empty()) {
            return Self::parse(raw);
        }
        if mode == Mode::Production {
            return Err(ConfigError::MissingJwtSecret);
        }
        let dir = db
            .sqlite_file()
            .and_then(|f| f.parent().map(Path::to_path_buf))
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or_else(|| PathBuf::from(DATA_DIR));
        ensure_dir(&dir)?;
        Self::load_or_create(&dir.join(JWT_SECRET_FILE))
    }

    fn load_or_create(path: &Path) -> Result<Self, ConfigError> {
        let file_error = |source| ConfigError::SecretFile {
            path: path.to_path_buf(),
            source,
        };
        match std::fs::read_to_string(path) {
            Ok(text) => Self::parse(text.trim()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let bytes: [u8; 32] = rand::random();
                let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
                write_private(path, &hex).map_err(file_error)?;
                Self::parse(&hex)
            }
            Err(e) => Err(file_error(e)),
        }
    }

    pub fn expose(&self) -> &[u8] {
        &self.0
    }
}

impl std::fmt::Debug for JwtSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("JwtSecret(***)")
    }
}

fn write_private(path: &Path, contents: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)?.write_all(contents.as_bytes())
}

fn ensure_dir(path: &Path) -> Result<(), ConfigError> {
    std::fs::create_dir_all(path).map_err(|source| ConfigError::DataDir {
        path: path.to_path_buf(),
        source,
    })
}

/// The address people use to reach myvoice (`--public-url`), e.g. `https://myvoice.example.gov.uk`
/// behind a TLS proxy. Its origin is what a browser sends as `Origin` from our own pages; when it is
/// HTTPS every cookie is `Secure`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicUrl {
    origin: String,
    https: bool,
}

impl PublicUrl {
    pub fn parse(raw: &str) -> Result<Self, ConfigError> {
        let raw = raw.trim();
        let bad = || ConfigError::BadPublicUrl(raw.to_owned());
        let uri: axum::http::Uri = raw.parse().map_err(|_| bad())?;
        let https = match uri.scheme_str() {
            Some("https") => true,
            Some("http") => false,
            _ => return Err(bad()),
        };
        let authority = uri.authority().ok_or_else(bad)?;
        // An origin only: no user, no path, no query (a browser's `Origin` has none of them).
        let bare = matches!(uri.path(), "" | "/") && uri.query().is_none();
        if !bare || authority.as_str().contains('@') || authority.host().is_empty() {
            return Err(bad());
        }
        // Browsers leave the default port out of `Origin`.
        let default_port = if https { 443 } else { 80 };
        let host = authority.host().to_ascii_lowercase();
        let origin = match authority.port_u16() {
            Some(port) if port != default_port => {
                format!("{}://{host}:{port}", uri.scheme_str().unwrap_or_default())
            }
            _ => format!("{}://{host}", uri.scheme_str().unwrap_or_default()),
        };
        Ok(Self { origin, https })
    }

    /// `scheme://host[:port]`, as browsers write it in `Origin`.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    pub fn is_https(&self) -> bool {
        self.https
    }
}

/// The address in front of links the API hands out (a set-password link): the configured public
/// URL, else the address the request came to (its `Host`, over http), else the default address
/// `myvoice serve` listens on. Put into each GraphQL request; never read from a client's body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicBase(String);

impl PublicBase {
    /// Where `myvoice serve` listens when nothing else is said.
    pub const DEFAULT: &'static str = "http://127.0.0.1:3000";

    pub fn for_request(configured: Option<&PublicUrl>, host: Option<&str>) -> Self {
        if let Some(url) = configured {
            return Self(url.origin().to_owned());
        }
        // A host name or address with an optional port; anything else is not put into a link.
        let sane = |h: &&str| {
            !h.is_empty()
                && h.len() <= 255
                && h.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'))
        };
        match host.filter(sane) {
            Some(host) => Self(format!("http://{}", host.to_ascii_lowercase())),
            None => Self(Self::DEFAULT.to_owned()),
        }
    }

    /// `scheme://host[:port]`, without a trailing slash.
    pub fn origin(&self) -> &str {
        &self.0
    }
}

/// The bearer token `GET /metrics` asks for (a Prometheus scrape config's `bearer_token`). Without
/// one, `/metrics` is not served at all. Never printed.
#[derive(Clone)]
pub struct MetricsToken(Vec<u8>);

impl MetricsToken {
    pub fn parse(raw: &str) -> Result<Self, ConfigError> {
        let raw = raw.trim();
        if raw.len() < MIN_SECRET_BYTES {
            return Err(ConfigError::ShortMetricsToken);
        }
        Ok(Self(raw.as_bytes().to_vec()))
    }

    /// The flag or environment value, when set.
    pub fn resolve(configured: Option<&str>) -> Result<Option<Self>, ConfigError> {
        configured
            .filter(|s| !s.trim().is_empty())
            .map(Self::parse)
            .transpose()
    }

    pub fn expose(&self) -> &[u8] {
        &self.0
    }
}

impl std::fmt::Debug for MetricsToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("MetricsToken(***)")
    }
}

/// Everything the application needs to start.
#[derive(Debug, Clone)]
pub struct Settings {
    pub database_url: DatabaseUrl,
    pub bind: SocketAddr,
    pub jwt_secret: JwtSecret,
    pub demo: bool,
    pub site_dir: PathBuf,
    /// Where people reach myvoice, when it differs from what the server sees (a TLS proxy).
    pub public_url: Option<PublicUrl>,
    /// `GET /metrics` answers only with this bearer token; without one it is not served.
    pub metrics_token: Option<MetricsToken>,
    /// E-mail and webhooks, and the schedules for urgent help and outcome chasers.
    pub notify: crate::notify::NotifySettings,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_sqlite_and_postgres_urls() {
        assert_eq!(
            DatabaseUrl::parse("sqlite://data/x.db?mode=rwc")
                .unwrap()
                .engine(),
            Engine::Sqlite
        );
        assert_eq!(
            DatabaseUrl::parse("sqlite::memory:").unwrap().engine(),
            Engine::Sqlite
        );
        assert_eq!(
            DatabaseUrl::parse("postgres://postgres@127.0.0.1/db")
                .unwrap()
                .engine(),
            Engine::Postgres
        );
        assert_eq!(
            DatabaseUrl::parse("postgresql://u@h/db").unwrap().engine(),
            Engine::Postgres
        );
    }

    #[test]
    fn rejects_other_urls_with_the_fix_in_the_message() {
        for raw in [
            "mysql://root@localhost/db",
            "data/myvoice.db",
            "postgres://",
            "sqlite://",
            "",
        ] {
            let err = DatabaseUrl::parse(raw).unwrap_err().to_string();
            assert!(
                err.contains("sqlite://") && err.contains("postgres://"),
                "{raw}: {err}"
            );
        }
    }

    #[test]
    fn passwords_never_reach_messages() {
        let url = DatabaseUrl::parse("postgres://app:hunter2@db/x").unwrap();
        assert_eq!(url.to_string(), "postgres://app:***@db/x");
        let err = DatabaseUrl::parse("mysql://app:hunter2@db/x")
            .unwrap_err()
            .to_string();
        assert!(!err.contains("hunter2"), "{err}");
    }

    #[test]
    fn public_urls_are_origins_and_say_whether_they_are_https() {
        let url = PublicUrl::parse("https://MyVoice.example.gov.uk/").unwrap();
        assert_eq!(url.origin(), "https://myvoice.example.gov.uk");
        assert!(url.is_https());
        let url = PublicUrl::parse("https://myvoice.example:443").unwrap();
        assert_eq!(url.origin(), "https://myvoice.example");
        let url = PublicUrl::parse("http://127.0.0.1:3000").unwrap();
        assert_eq!(url.origin(), "http://127.0.0.1:3000");
        assert!(!url.is_https());
        for raw in [
            "myvoice.example",
            "ftp://myvoice.example",
            "https://myvoice.example/staff",
            "https://user@myvoice.example",
            "https://myvoice.example/?a=b",
            "",
        ] {
            let err = PublicUrl::parse(raw).unwrap_err().to_string();
            assert!(err.contains("https://"), "{raw}: {err}");
        }
    }

    #[test]
    fn links_start_with_the_public_url_else_the_requests_host() {
        let public = PublicUrl::parse("https://myvoice.example.gov.uk").unwrap();
        let base = PublicBase::for_request(Some(&public), Some("10.0.0.7:3000"));
        assert_eq!(base.origin(), "https://myvoice.example.gov.uk");
        let base = PublicBase::for_request(None, Some("MyVoice.local:8080"));
        assert_eq!(base.origin(), "http://myvoice.local:8080");
        for bad in [None, Some(""), Some("evil.example/path"), Some("a b")] {
            let base = PublicBase::for_request(None, bad);
            assert_eq!(base.origin(), PublicBase::DEFAULT, "{bad:?}");
        }
    }

    #[test]
    fn production_needs_a_long_enough_secret() {
        let db = DatabaseUrl::parse("postgres://u@h/db").unwrap();
        assert!(matches!(
            JwtSecret::resolve(None, Mode::Production, &db),
            Err(ConfigError::MissingJwtSecret)
        ));
        assert!(matches!(
            JwtSecret::resolve(Some("short"), Mode::Production, &db),
            Err(ConfigError::ShortJwtSecret)
        ));
        assert!(JwtSecret::resolve(Some(&"k".repeat(32)), Mode::Production, &db).is_ok());
    }

    #[test]
    fn a_metrics_token_is_optional_but_never_short() {
        assert!(MetricsToken::resolve(None).unwrap().is_none());
        assert!(MetricsToken::resolve(Some("  ")).unwrap().is_none());
        assert!(matches!(
            MetricsToken::resolve(Some("short")),
            Err(ConfigError::ShortMetricsToken)
        ));
        let token = MetricsToken::resolve(Some(&"m".repeat(32)))
            .unwrap()
            .unwrap();
        assert_eq!(format!("{token:?}"), "MetricsToken(***)");
    }

    #[test]
    fn development_secret_is_generated_once_and_kept() {
        let dir = std::env::temp_dir().join(format!("myvoice-secret-{}", std::process::id()));
        let db = DatabaseUrl::parse(&format!("sqlite://{}/x.db", dir.display())).unwrap();
        let first = JwtSecret::resolve(None, Mode::Development, &db).unwrap();
        let second = JwtSecret::resolve(None, Mode::Development, &db).unwrap();
        assert_eq!(first.expose(), second.expose());
        assert!(dir.join(JWT_SECRET_FILE).exists());
        std::fs::remove_dir_all(dir).unwrap();
    }
}
