//! myvoice server: domain rules, the policy layer, the GraphQL schema and the HTTP application.
// The merged GraphQL roots nest deeply enough to pass the default limit of 128.
#![recursion_limit = "256"]
pub mod admin;
pub mod agencies;
pub mod answers;
pub mod audit;
pub mod auth;
pub mod authorities;
pub mod cases;
pub mod children;
pub mod cli;
pub mod config;
pub mod data_protection;
pub mod dates;
pub mod db;
pub mod demo;
pub mod error;
pub mod events;
pub mod graphql;
pub mod group_commit;
pub mod health;
pub mod import;
pub mod live;
pub mod meetings;
pub mod messages;
pub mod metrics;
pub mod notify;
pub mod outcomes;
pub mod oversight;
// The Leptos pages on the same router; everything else builds and tests without them.
#[cfg(feature = "pages")]
pub mod pages;
pub mod policy;
pub mod preferences;
pub mod ratelimit;
/// The read-aloud clips are made from the pages' catalogues, so only with the pages.
#[cfg(feature = "pages")]
pub mod read_aloud;
pub mod records;
pub mod referrals;
pub mod startup;
pub mod statement;
pub mod telemetry;
pub mod text;
pub mod views;
pub mod web;
