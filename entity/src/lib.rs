//! myvoice domain entities (sea-orm 2.0). The `migration` crate owns the schema; these types mirror it.
//!
//! Tenancy lives in the database: every tenant-owned row carries `local_authority_id`, and every
//! reference between tenant-owned tables is a composite foreign key `(local_authority_id, x_id)`.
//! The relations below join on the id column alone, which is enough for queries.
pub mod enums;
pub mod view_items;

pub mod advocacy_case;
pub mod advocate_note;
pub mod agency;
pub mod api_key;
pub mod audit_event;
pub mod audit_purge;
pub mod child;
pub mod child_access;
pub mod child_message;
pub mod duty_contact;
pub mod erasure_request;
pub mod form_draft;
pub mod import_check;
pub mod legal_hold;
pub mod local_authority;
pub mod meeting;
pub mod meeting_agency;
pub mod meeting_child;
pub mod notice;
pub mod outcome_distribution;
pub mod password_link;
pub mod referral;
pub mod refresh_token;
pub mod retention_run;
pub mod retention_setting;
pub mod sign_in_try;
pub mod staff_user;
pub mod urgent_help;
pub mod view_answer;
pub mod views;
pub mod views_handed;
pub mod views_share;
pub mod views_version;
pub mod webhook_endpoint;

pub mod prelude;

pub use view_items::ViewItems;
