//! myvoice schema migrations. They run unchanged on SQLite and PostgreSQL, write table and column
//! names themselves (never importing `entity`), so an old migration never changes when an entity
//! does.
//!
//! Every migration runs in its own transaction on both engines (`use_transaction() = Some(true)`):
//! sea-orm-migration wraps only PostgreSQL by default, and SQLite, whose DDL is transactional too,
//! would otherwise be left half-migrated by a failure part-way through a step.
pub use sea_orm_migration::prelude::*;

mod common;
mod m20261123_000001_create_local_authority;
mod m20261123_000002_create_agency;
mod m20261123_000003_create_staff_user;
mod m20261123_000004_create_child;
mod m20261123_000005_create_meeting;
mod m20261123_000006_create_meeting_child;
mod m20261123_000007_create_referral;
mod m20261123_000008_create_advocacy_case;
mod m20261123_000009_create_child_access;
mod m20261123_000010_create_views;
mod m20261123_000011_create_views_version;
mod m20261123_000012_create_advocate_note;
mod m20261123_000013_create_views_share;
mod m20261123_000014_create_outcome_distribution;
mod m20261123_000015_create_urgent_help;
mod m20261123_000016_create_audit_event;
mod m20261123_000017_create_auth_tables;
mod m20261123_000018_add_child_younger_mode;
mod m20261123_000019_create_unknown_code_try;
mod m20261123_000020_index_caseload_lookups;
mod m20261206_190000_create_form_draft;
mod m20261206_200000_sign_in_limits_and_sessions;
mod m20261207_000001_referral_withdrawal_and_case_closure;
mod m20261207_000002_external_references;
mod m20261207_100000_create_password_link;
mod m20261207_200000_views_part_versions;
mod m20261208_000001_create_outbox;
mod m20261208_100000_records_by_hand;
mod m20261209_000001_create_import_check;
mod m20261210_000001_create_view_answer;
mod m20261210_000002_child_messages_and_advocate_words;
mod m20261210_000003_child_names;
mod m20261210_000004_create_views_handed;
mod m20261211_000001_create_legal_hold;
mod m20261211_000002_retention_and_erasure;
mod m20261212_000001_views_save_key;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261123_000001_create_local_authority::Migration),
            Box::new(m20261123_000002_create_agency::Migration),
            Box::new(m20261123_000003_create_staff_user::Migration),
            Box::new(m20261123_000004_create_child::Migration),
            Box::new(m20261123_000005_create_meeting::Migration),
            Box::new(m20261123_000006_create_meeting_child::Migration),
            Box::new(m20261123_000007_create_referral::Migration),
            Box::new(m20261123_000008_create_advocacy_case::Migration),
            Box::new(m20261123_000009_create_child_access::Migration),
            Box::new(m20261123_000010_create_views::Migration),
            Box::new(m20261123_000011_create_views_version::Migration),
            Box::new(m20261123_000012_create_advocate_note::Migration),
            Box::new(m20261123_000013_create_views_share::Migration),
            Box::new(m20261123_000014_create_outcome_distribution::Migration),
            Box::new(m20261123_000015_create_urgent_help::Migration),
            Box::new(m20261123_000016_create_audit_event::Migration),
            Box::new(m20261123_000017_create_auth_tables::Migration),
            Box::new(m20261123_000018_add_child_younger_mode::Migration),
            Box::new(m20261123_000019_create_unknown_code_try::Migration),
            Box::new(m20261123_000020_index_caseload_lookups::Migration),
            Box::new(m20261206_190000_create_form_draft::Migration),
            Box::new(m20261206_200000_sign_in_limits_and_sessions::Migration),
            Box::new(m20261207_000001_referral_withdrawal_and_case_closure::Migration),
            Box::new(m20261207_000002_external_references::Migration),
            Box::new(m20261207_100000_create_password_link::Migration),
            Box::new(m20261207_200000_views_part_versions::Migration),
            Box::new(m20261208_000001_create_outbox::Migration),
            Box::new(m20261208_100000_records_by_hand::Migration),
            Box::new(m20261209_000001_create_import_check::Migration),
            Box::new(m20261210_000001_create_view_answer::Migration),
            Box::new(m20261210_000002_child_messages_and_advocate_words::Migration),
            Box::new(m20261210_000003_child_names::Migration),
            Box::new(m20261210_000004_create_views_handed::Migration),
            Box::new(m20261211_000001_create_legal_hold::Migration),
            Box::new(m20261211_000002_retention_and_erasure::Migration),
            Box::new(m20261212_000001_views_save_key::Migration),
        ]
    }
}
