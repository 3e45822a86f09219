//! myvoice server: domain rules, the policy layer, the GraphQL schema and the HTTP application.
pub mod audit;
pub mod auth;
pub mod cli;
pub mod config;
pub mod db;
pub mod demo;
pub mod error;
pub mod events;
pub mod graphql;
pub mod health;
pub mod policy;
pub mod ratelimit;
pub mod startup;
pub mod telemetry;
pub mod text;
pub mod web;
