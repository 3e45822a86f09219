//! myvoice server: domain rules, the policy layer, the GraphQL schema and the HTTP application.
// The merged GraphQL roots nest deeply enough to pass the default limit of 128.
#![recursion_limit = "256"]
pub mod admin;
pub mod audit;
pub mod auth;
pub mod authorities;
pub mod cases;
pub mod cli;
pub mod config;
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
pub mod records;
pub mod referrals;
pub mod startup;
pub mod telemetry;
pub mod text;
pub mod views;
pub mod web;
