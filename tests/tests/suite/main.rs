//! All integration tests, linked once as one binary. Engine: MYVOICE_TEST_ENGINE = sqlite | postgres.
mod auth;
mod browser;
mod cases;
mod cli;
mod demo;
mod live;
mod matrix;
mod meetings;
mod node;
mod outcomes;
mod oversight;
mod readme;
mod referrals;
mod schema;
mod server;
mod sharing;
mod views;
