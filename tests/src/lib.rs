//! Shared helpers for the integration tests: fresh databases, a running app, the built binary.
pub mod app;
pub mod db;
pub mod mail;
pub mod process;
pub mod webhooks;
